#!/usr/bin/python3
"""Writes the seed corpora in tests/fuzz/corpus/<harness>/ (run from anywhere).

The seeds are committed; rerun this only to change them.  JPEGs are written by
gdk-pixbuf through PyGObject (Debian: python3-gi, gir1.2-gdkpixbuf-2.0), PNGs
by hand with zlib so that odd layouts (an extra chunk, 16-bit grey, a palette,
a trailing byte) can be made too.  Every seed is under 4 KB.
"""
import os
import shutil
import struct
import sys
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "corpus")


def write(harness, name, data):
    if isinstance(data, str):
        data = data.encode("utf-8")
    assert len(data) < 4096, (harness, name, len(data))
    d = os.path.join(CORPUS, harness)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)


# --- PNG / JPEG -----------------------------------------------------------------

def chunk(kind, data):
    c = struct.pack(">I", len(data)) + kind + data
    return c + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def png(width, height, depth=8, colour=2, extra=b"", rows=None, interlace=0):
    channels = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}[colour]
    row_bytes = (width * channels * depth + 7) // 8
    if rows is None:
        raw = b"".join(b"\x00" + bytes((x * 37 + y * 11) & 0xFF for x in range(row_bytes))
                       for y in range(height))
    else:
        raw = rows
    ihdr = struct.pack(">IIBBBBB", width, height, depth, colour, 0, 0, interlace)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + extra +
            chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def jpegs():
    """Small JPEGs from gdk-pixbuf, or none if PyGObject is missing."""
    try:
        import gi
        gi.require_version("GdkPixbuf", "2.0")
        from gi.repository import GdkPixbuf, GLib
    except (ImportError, ValueError) as e:
        print("make-seeds: no PyGObject/GdkPixbuf (%s): JPEG seeds kept as they are" % e, file=sys.stderr)
        return None
    out = {}
    for name, (w, h, q) in {"jpeg-8x8": (8, 8, 75), "jpeg-17x5": (17, 5, 90),
                            "jpeg-1x1": (1, 1, 50), "jpeg-32x24": (32, 24, 60)}.items():
        data = bytes((x * 7 + y * 13 + c * 50) & 0xFF for y in range(h) for x in range(w) for c in range(3))
        pb = GdkPixbuf.Pixbuf.new_from_bytes(GLib.Bytes.new(data), GdkPixbuf.Colorspace.RGB,
                                             False, 8, w, h, w * 3)
        ok, buf = pb.save_to_bufferv("jpeg", ["quality"], [str(q)])
        assert ok
        out[name] = bytes(buf)
    return out


def image_seeds():
    write("image", "png-rgb-4x4", png(4, 4))
    write("image", "png-grey16-3x2", png(3, 2, depth=16, colour=0))
    write("image", "png-rgba-2x2-interlaced", png(2, 2, colour=6, interlace=1))
    write("image", "png-palette-4x1", png(4, 1, depth=2, colour=3,
                                          extra=chunk(b"PLTE", bytes(range(12)))))
    write("image", "png-text-chunk", png(1, 1, extra=chunk(b"tEXt", b"Comment\x00hola")))
    write("image", "png-bad-crc", png(2, 2)[:-1] + b"\x00")
    write("image", "png-no-iend", png(2, 2)[:-12])
    write("image", "png-after-iend", png(1, 1) + b"\x00")
    write("image", "png-huge-claim", png(65535, 65535, rows=b"\x00"))
    write("image", "png-ihdr-only", b"\x89PNG\r\n\x1a\n" +
          chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)) + chunk(b"IEND", b""))
    js = jpegs()
    if js:
        for name, data in js.items():
            write("image", name, data)
        j = js["jpeg-8x8"]
        write("image", "jpeg-truncated", j[:len(j) // 2])
        write("image", "jpeg-trailer", j + b"MotionPhoto_Data\x00\x01")
        # An APP1 Exif segment with orientation 6 (rotate 90), after SOI.
        exif = (b"Exif\x00\x00" + b"MM\x00\x2a\x00\x00\x00\x08" + b"\x00\x01" +
                b"\x01\x12\x00\x03\x00\x00\x00\x01\x00\x06\x00\x00" + b"\x00\x00\x00\x00")
        app1 = b"\xff\xe1" + struct.pack(">H", len(exif) + 2) + exif
        write("image", "jpeg-exif-rotated", j[:2] + app1 + js["jpeg-17x5"][2:])
    write("image", "not-an-image", b"GIF89a\x01\x00\x01\x00")
    write("image", "empty", b"")


# --- JSON -----------------------------------------------------------------------

JSON_VALID = {
    "register": '{"email":"Ana.Lopez@Clinica.MX","password":"Secure-Pass1!","first_name":"Ana",'
                '"last_name":"López","user_type":"patient","phone":"+52 555 123 4567",'
                '"date_of_birth":"1990-02-28","gender":"female","state":"Jalisco","city":"Guadalajara"}',
    "login": '{"email":"demo@balanza.local","password":"Demo-2026!"}',
    "scan": '{"patient_id":"3f2b8a1e-0000-4000-8000-000000000001","measured_at":"2026-06-01T09:00:00Z",'
            '"sex":"male","age":41,"height_cm":175.2,"weight_kg":88.4,"body_fat_percent":27.5,'
            '"skeletal_muscle_mass_kg":33.1,"circumferences_cm":{"waist":98.0,"hip":104.0,"neck":40.0}}',
    "meal-items": '[{"ndb_no":"20045","grams":150},{"ndb_no":"01001","grams":12.5}]',
    "numbers": '[0,-0,0.85,1e14,1E+2,1e-7,-1.5e-300,5e-324,1.7976931348623157e308,'
               '9223372036854775807,-9223372036854775808,9223372036854775808,123456789012345678901234567890]',
    "strings": '["", "\\"\\\\\\/\\b\\f\\n\\r\\t", "\\u00e9\\u20ac\\ud83d\\ude00", "é€😀", "\\u001f"]',
    "literals": ' [ true , false , null ] ',
    "nested": '{"a":{"b":{"c":[[[]]],"d":{}}},"a":1}',
    "scalar-string": '"solo"',
    "scalar-number": '  -12.5e3\n',
}
JSON_INVALID = {
    "trailing-comma": '[1,2,]',
    "leading-zero": '[01]',
    "lone-surrogate": '["\\ud800"]',
    "low-surrogate-first": '["\\udc00\\ud800"]',
    "nul-escape": '{"password":"abc\\u0000xyz"}',
    "too-big-number": '[1e400]',
    "comment": '{"a":1 /* no */}',
    "unterminated": '{"email": ',
    "raw-control": '["a\tb"]',
    "bad-utf8": b'["\xc3\x28"]',
    "two-values": '{} {}',
    "deep": '[' * 40 + ']' * 40,
    "bad-escape": '["\\x41"]',
    "nan": '[NaN, Infinity]',
}


def json_seeds():
    for name, text in JSON_VALID.items():
        write("json", "ok-" + name, text)
    for name, text in JSON_INVALID.items():
        write("json", "bad-" + name, text)


def validator_seeds():
    base = ('{"email":"%s","password":"%s","first_name":"%s","last_name":"%s","user_type":"%s"%s}')
    cases = {
        "patient-minimal": base % ("a@b.mx", "Secure-Pass1!", "Ana", "Ruiz", "patient", ""),
        "patient-full": JSON_VALID["register"],
        "nutritionist": base % ("nutri@clinica.mx", "Nutri-2026!", "Luz", "Peña", "nutritionist",
                                ',"professional_license":"CED-1234567","clinic_name":"Clínica Sol"'),
        "admin-refused": base % ("x@y.mx", "Secure-Pass1!", "A", "B", "admin", ""),
        "wrong-types": '{"email":42,"password":true,"first_name":["A"],"last_name":{"b":1},"user_type":null}',
        "weak-password": base % ("x@y.mx", "short", "A", "B", "patient", ""),
        "bad-email": base % ("a..b@-x.mx", "Secure-Pass1!", " A ", "B", "patient", ""),
        "spaces-names": base % ("  UPPER@CASE.MX ", "Secure-Pass1!", "  Ana  ", "\\t Ruiz", "patient", ""),
        "extras-bad": base % ("a@b.mx", "Secure-Pass1!", "A", "B", "patient",
                              ',"phone":"+1 555","date_of_birth":"2026-02-30","gender":"robot","city":7'),
        "dob-future": base % ("a@b.mx", "Secure-Pass1!", "A", "B", "patient", ',"date_of_birth":"2999-01-01"'),
        "control-chars": base % ("a@b.mx", "Secure-Pass1!", "A\\u0007", "B\\u2028", "patient", ""),
        "empty-object": "{}",
        "not-object": "[]",
        "empty": "",
        "malformed": '{"email":',
    }
    for name, text in cases.items():
        write("validator", name, text)


# --- multipart ------------------------------------------------------------------

def multipart(boundary, parts, epilogue=True):
    out = b""
    for headers, body in parts:
        out += b"--" + boundary + b"\r\n" + headers + b"\r\n\r\n" + body + b"\r\n"
    if epilogue:
        out += b"--" + boundary + b"--\r\n"
    return out


def field(name, value, extra=b""):
    return (b'Content-Disposition: form-data; name="' + name + b'"' + extra, value)


def multipart_seeds(tiny_jpeg):
    b = b"BzBoundary7MA4YWxk"
    image = (b'Content-Disposition: form-data; name="image"; filename="meal.jpg"\r\n'
             b"Content-Type: image/jpeg", tiny_jpeg)
    cases = {
        "meal-full": multipart(b, [image, field(b"meal_type", b"lunch"),
                                   field(b"items", b'[{"ndb_no":"20045","grams":150}]'),
                                   field(b"patient_id", b"3f2b8a1e-0000-4000-8000-000000000001")]),
        "meal-minimal": multipart(b, [image, field(b"meal_type", b"breakfast")]),
        "duplicate": multipart(b, [field(b"meal_type", b"lunch"), field(b"meal_type", b"dinner")]),
        "unknown-field": multipart(b, [field(b"other", b"x"), field(b"meal_type", b"snack")]),
        "bad-items": multipart(b, [field(b"items", b'{not json')]),
        "items-too-deep": multipart(b, [field(b"items", b'[[[1]]]')]),
        "nul-in-text": multipart(b, [field(b"meal_type", b"lu\x00nch")]),
        "bad-utf8-text": multipart(b, [field(b"patient_id", b"\xff\xfe")]),
        "long-text": multipart(b, [field(b"meal_type", b"x" * 40)]),
        "no-name": multipart(b, [(b"Content-Disposition: form-data", b"v")]),
        "attachment": multipart(b, [(b'Content-Disposition: attachment; name="meal_type"', b"v")]),
        "no-epilogue": multipart(b, [field(b"meal_type", b"lunch")], epilogue=False),
        "empty-body": b"",
    }
    for name, body in cases.items():
        write("multipart", name, b + b"\n" + body)
    # Quoted boundary with a space, and the fixed boundary (no newline in the input).
    write("multipart", "quoted-boundary",
          b'"a b"\n' + multipart(b"a b", [field(b"meal_type", b"lunch")]))
    write("multipart", "fixed-boundary", multipart(b"XYZ", [field(b"meal_type", b"dinner")]))
    write("multipart", "empty-boundary", b"\n" + multipart(b"", [field(b"meal_type", b"x")]))


# --- router ---------------------------------------------------------------------

METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD"]


def router_seeds():
    cases = [
        ("GET", "/health"), ("GET", "/ready"), ("GET", "/api/v1/health"),
        ("POST", "/api/auth/register"), ("POST", "/api/v1/auth/login"),
        ("POST", "/api/auth/refresh"), ("POST", "/api/auth/logout"),
        ("GET", "/api/v1/foods"), ("GET", "/api/v1/foods/20045"), ("GET", "/api/foods/01001"),
        ("POST", "/api/nutrition/upload-meal"), ("GET", "/api/nutrition/meal-history"),
        ("GET", "/api/v1/nutrition/daily"), ("GET", "/api/v1/meals/abc-123/photo"),
        ("GET", "/api/openapi.json"), ("POST", "/api/v1/nutritionist/patients"),
        ("GET", "/api/v1/nutritionist/patients/3f2b8a1e"), ("POST", "/api/scans/upload"),
        ("GET", "/api/v1/scans"), ("GET", "/api/v1/avatars/av-1.glb"), ("GET", "/api/v1/avatars/.glb"),
        ("HEAD", "/api/v1/avatars/x.glb"), ("DELETE", "/api/v1/foods/1"), ("OPTIONS", "/api/v1/scans"),
        ("PUT", "/api/v1/nutritionist/patients/x"), ("PATCH", "/"), ("GET", ""),
        ("GET", "//api//v1//foods"), ("GET", "/api/v1/foods/"), ("GET", "/api/api/v1/foods"),
        ("GET", "/api/v1/meals/%2F/photo"), ("GET", "/api/v1/meals/{meal_id}/photo"),
    ]
    for i, (method, path) in enumerate(cases):
        write("router", "%02d-%s" % (i, method), bytes([METHODS.index(method)]) + path.encode())


def inbody_seeds():
    """The InBody fixtures of tests/data/inbody under 4 KB, and dialects."""
    data = os.path.join(HERE, "..", "data", "inbody")
    for name in sorted(os.listdir(data)):
        blob = open(os.path.join(data, name), "rb").read()
        if len(blob) < 4096:
            write("inbody", name, blob)
    write("inbody", "semicolon.csv", "Test Date / Time;Weight;Gender;PBF\r\n2026-01-05 10:00;70,5;F;30,1\r\n")
    write("inbody", "quoted.csv", 'Name,Date,Weight(lb)\n"P\u00e9rez, Juan\nJr.",20260105100000,180\n"A ""B""",x,-\n')
    write("inbody", "tabs.tsv", "Date\tWeight(kg)\tSkeletal Muscle Mass(kg)\n20260105100000\t80\t35\n")
    write("inbody", "array.json", '[{"Date":"20260101120000","Weight(kg)":70,"Body Fat Mass(kg)":14,'
          '"Gender":"M","Age":30,"Height":170,"SMM":30},1,null]')


def main():
    if os.path.isdir(CORPUS):
        for h in ("json", "image", "multipart", "router", "validator", "inbody"):
            d = os.path.join(CORPUS, h)
            if os.path.isdir(d) and not (h == "image" and jpegs() is None):
                shutil.rmtree(d)
    image_seeds()
    json_seeds()
    validator_seeds()
    jpeg_path = os.path.join(CORPUS, "image", "jpeg-8x8")
    tiny = open(jpeg_path, "rb").read() if os.path.exists(jpeg_path) else png(2, 2)
    multipart_seeds(tiny)
    router_seeds()
    inbody_seeds()
    for h in sorted(os.listdir(CORPUS)):
        print("%-10s %3d seeds" % (h, len(os.listdir(os.path.join(CORPUS, h)))))


if __name__ == "__main__":
    main()
