/* bz-limits.h — every input and resource limit Balanza enforces, in one place.
 *
 * Each limit says where it comes from: a seed, a standard, or a measurement
 * of what the largest honest input needs (with headroom).  Code refers to
 * these names only; tests read them too, so changing one here changes what
 * the server enforces and what the hostile-input tests send.
 */
#pragma once

#include "bz-json.h"

G_BEGIN_DECLS

/* --- Request bodies (bytes) ------------------------------------------------ */

/** Default JSON body: the largest JSON body a seed endpoint takes today
 * (a patient with conditions and allergies) is under 4 KiB; 64 KiB leaves room. */
#define BZ_JSON_BODY_MAX           (64 * 1024)
/** Multipart uploads: one photo of %BZ_PHOTO_MAX_BYTES plus form fields. */
#define BZ_UPLOAD_BODY_MAX         (12 * 1024 * 1024)
/** A meal photo as uploaded (seed 000 story 4.3: "images up to 10 MB"). */
#define BZ_PHOTO_MAX_BYTES         (10 * 1024 * 1024)
/** All request bodies held in memory at once, across connections.  Past it a
 * request is answered 503 with Retry-After before its body is read. */
#define BZ_BODY_BYTES_IN_FLIGHT_MAX (64 * 1024 * 1024)

/* --- JSON ------------------------------------------------------------------ */

/** Nesting depth of any JSON Balanza reads: seed bodies nest 3 levels at most. */
#define BZ_JSON_MAX_DEPTH          32
/** Elements per array / members per object in a request body. */
#define BZ_JSON_MAX_ITEMS          1000
/** Bytes per string in a request body (free-text notes are the longest field). */
#define BZ_JSON_MAX_STRING         (16 * 1024)

/** Limits for a JSON request body (bz_request_json_object()). */
extern const BzJsonLimits bz_json_limits_body;
/** Limits for the `items` field of a meal upload: an array of {ndb_no, grams}. */
extern const BzJsonLimits bz_json_limits_meal_items;
/** Limits for JSON Balanza wrote itself and stored (trusted but still bounded). */
extern const BzJsonLimits bz_json_limits_stored;
/** Limits for a JWT header or claims segment (a few hundred bytes in practice). */
extern const BzJsonLimits bz_json_limits_token;

/** Items per page of a list (patients, foods, meals, recipes): seed 002 §4.1
 * pagination, limit 1-100, 20 when not given. */
#define BZ_LIST_LIMIT_MAX          100
#define BZ_LIST_LIMIT_DEFAULT      20

/** Changes per page of the phones' delta sync (GET /api/v1/sync/changes,
 * issue 9) when the phone gives no limit: a page of 100 meals with their
 * items is about 100 kB, a few round trips for a month offline. */
#define BZ_SYNC_LIMIT_DEFAULT      100
/** The most a phone may ask for in one page: 500 meals (about 500 kB of
 * JSON, three statements) keep a request on the worker pool well under a
 * second while a year's initial sync (about 1,500 records) takes 3 pages. */
#define BZ_SYNC_LIMIT_MAX          500
/** Days the change log keeps every change (bz_sync_repo_prune(), at start):
 * a phone offline longer gets 410 and resyncs.  90 days: a clinic's
 * follow-up visits are monthly to quarterly, so a member's phone left in a
 * drawer between two visits still catches up with a delta. */
#define BZ_SYNC_RETENTION_DAYS     90

/** Seconds a pairing code of the desk's QR code stays valid (issue 9,
 * "QR pairing": "a one-time code valid for 5 minutes"). */
#define BZ_PAIRING_CODE_TTL_S      (5 * 60)
/** Characters of a pairing code: Crockford base32 (5 bits each), so 50
 * random bits; at 1,000 guesses a second for the 5 minutes a code lives an
 * attacker has about 3 × 10^-10 chance to hit it. */
#define BZ_PAIRING_CODE_CHARS      10
/** A paired device's name in characters ("Pixel 7 de Ana"): a device name
 * as Android and iOS show it is at most a few dozen characters. */
#define BZ_DEVICE_NAME_MAX_CHARS   100
/** Devices one user may have paired and not revoked at once: a member has
 * a phone and perhaps a tablet; the cap bounds what a stolen code can add. */
#define BZ_DEVICES_PER_USER_MAX    20

/** Password length in characters (seed 002 line 4896: the registration
 * schema's constr(min_length=8, max_length=100)). */
#define BZ_PASSWORD_MIN_CHARS      8
#define BZ_PASSWORD_MAX_CHARS      100

/** An email address of at most 254 octets: RFC 5321 §4.5.3.1.3 allows a
 * 256-octet path, which includes the angle brackets around the address. */
#define BZ_EMAIL_MAX_BYTES         254

/** Each entry of a patient's text lists (medical_conditions, allergies,
 * food_restrictions; seed 002 §3.2 stores them as JSONB arrays of short
 * labels such as "peanuts"): Balanza's bound, in bytes. */
#define BZ_PATIENT_LIST_ENTRY_MAX  100
/** Entries of each of those lists: Balanza's bound (a clinical history
 * lists a handful; 50 keeps a request body and a printed record bounded). */
#define BZ_PATIENT_LIST_ENTRIES_MAX 50

/** How far ahead of the server's clock a meal's time may be, in seconds: a
 * desk's or a phone's clock a few minutes fast is not a meal in the future.
 * Balanza's bound; beyond it the meal is refused ("eaten_at is in the future"). */
#define BZ_MEAL_CLOCK_SKEW_S       600

/** Foods per meal (items of a meal upload). */
#define BZ_MEAL_MAX_ITEMS          50
/** Grams of one meal item: a kitchen scale's 0.1 g step up to 5 kg, more than
 * any one food of a meal (a whole roast chicken is about 1.5 kg). */
#define BZ_MEAL_ITEM_MIN_G         0.1
#define BZ_MEAL_ITEM_MAX_G         5000.0

/** Photos of one recipe (seed 002 §4.5 POST /recipes "files"; §3.3
 * main_photo_url + gallery_photos): a main photo and a few of the steps.  The
 * request body stays within %BZ_UPLOAD_BODY_MAX whatever their number. */
#define BZ_RECIPE_MAX_PHOTOS       5

/** A clinical note's text, in characters: a consultation note (SOAP:
 * subjective, objective, assessment, plan) runs to one or two pages; 10,000
 * characters is about four, and bounds what one note costs to store and show.
 * Balanza's bound (data/sql/014_clinical_notes_appointments.sql checks it too). */
#define BZ_CLINICAL_NOTE_MAX_CHARS  10000
/** Limits for a clinical note's body: one string of up to
 * %BZ_CLINICAL_NOTE_MAX_CHARS characters in any script. */
extern const BzJsonLimits bz_json_limits_clinical_note;
/** An appointment's length in minutes: seed 002 gives none; a follow-up
 * consultation takes 15-60 min and a first one up to 90, so 5 to 480 (a
 * working day) admits every honest booking and refuses typos in hours. */
#define BZ_APPOINTMENT_MIN_MINUTES  5
#define BZ_APPOINTMENT_MAX_MINUTES  480
/** An appointment's location and notes, in characters (Balanza's bounds: a
 * room or an address; a line for the front desk). */
#define BZ_APPOINTMENT_LOCATION_MAX_CHARS 200
#define BZ_APPOINTMENT_NOTES_MAX_CHARS    1000
/** Appointments one calendar feed carries: those from a year back on, at
 * most this many (a full-time nutritionist sees about 2,000 a year). */
#define BZ_CALENDAR_FEED_MAX_EVENTS 5000

/* --- Images ---------------------------------------------------------------- */

/** Pixels of an uploaded photo, read from its header before decoding.  48 MP
 * phone sensors bin to 12 MP by default; 40 MP admits every common camera
 * while bounding a decode to 160 MB of RGBA. */
#define BZ_IMAGE_MAX_PIXELS        (40u * 1000u * 1000u)
/** Longest side of the display copy the GUI and phones are served (pixels). */
#define BZ_IMAGE_DISPLAY_MAX_SIDE  1280
/** JPEG quality of the display copy. */
#define BZ_IMAGE_DISPLAY_QUALITY   85
/** Image decodes running at once (each may hold up to 160 MB). */
#define BZ_IMAGE_CONCURRENT_DECODES 2

/* --- Connections ----------------------------------------------------------- */

/** A request's headers must arrive within this many seconds of the connection
 * (or of the previous response on a kept-alive connection); this is also how
 * long an idle kept-alive connection is kept.  nginx's client_header_timeout
 * is 60 s; phones on a LAN send headers in milliseconds. */
#define BZ_HEADER_TIMEOUT_S        15
/** A request body must arrive within this many seconds of its headers
 * (12 MB at 200 kB/s, a poor Wi-Fi link, takes 60 s). */
#define BZ_BODY_TIMEOUT_S          120
/** Connections open at once from one address (a NATed clinic Wi-Fi shares one). */
#define BZ_CONNECTIONS_PER_ADDRESS 64

/* --- Rate limits (events per minute) --------------------------------------- */

/** Sign-in attempts per client address (seed 002 §7.4.2: 5 per minute). */
#define BZ_LOGIN_ATTEMPTS_PER_MINUTE 5
/** Failed sign-ins per account from any address: stops a password guesser
 * that rotates addresses (OWASP Authentication Cheat Sheet, "account
 * lockout"), while a few people behind one NAT who mistype cannot lock an
 * account: four times the per-address limit of attempts. */
#define BZ_LOGIN_FAILURES_PER_ACCOUNT_PER_MINUTE 20
/** API requests per signed-in user (seed 002 §7, line 296: "Rate limiting: 100
 * requests per minute per user"); `--api-rate-limit N` changes it, 0 = off. */
#define BZ_API_REQUESTS_PER_MINUTE 100
/** Registrations per client address (a clinic onboards a few people a minute). */
#define BZ_REGISTRATIONS_PER_MINUTE 5

G_END_DECLS
