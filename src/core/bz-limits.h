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

/** Seconds a password-reset code stays valid (issue 9, "Password reset";
 * seed 002 §4.2 names single-use codes but no lifetime).  With no SMTP
 * provider the nutritionist hands the code over in person or on a call
 * while the member waits, so minutes are needed, not days; an hour
 * follows the OWASP Forgot Password Cheat Sheet ("tokens should expire
 * after an appropriate period") and limits the life of a code written on
 * paper.  Creating a new code voids the previous one. */
#define BZ_PASSWORD_RESET_CODE_TTL_S   (60 * 60)
/** Characters of a password-reset code: Crockford base32 (5 bits each),
 * 40 random bits, short enough to read aloud.  With at most
 * %BZ_PASSWORD_RESET_ATTEMPTS_MAX wrong tries per code a guesser's chance
 * is 5 / 2^40, about 5 × 10^-12 per code. */
#define BZ_PASSWORD_RESET_CODE_CHARS   8
/** Wrong codes tried against one reset code before it is void (OWASP
 * Authentication Cheat Sheet, "account lockout": a small fixed number);
 * the member then asks the nutritionist for a new code. */
#define BZ_PASSWORD_RESET_ATTEMPTS_MAX 5
/** forgot and reset requests per client address per minute: the same
 * budget as sign-in (seed 002 §7.4.2, %BZ_LOGIN_ATTEMPTS_PER_MINUTE). */
#define BZ_PASSWORD_RESET_REQUESTS_PER_MINUTE BZ_LOGIN_ATTEMPTS_PER_MINUTE

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
/** An InBody export file (POST /api/upload/scan-data, the desk's import):
 * a LookinBody export carries about 190 columns of at most ~40 bytes per
 * row (header) and ~8 per value, so %BZ_INBODY_MAX_ROWS rows fit in well
 * under 1 MiB; Balanza's bound. */
#define BZ_INBODY_MAX_BYTES        (1024 * 1024)
/** An avatar from a remote 3D-scanning service (seed 000 story 4.4): at most
 * 16 MiB, read no further.  The embedded body model's GLB is ~340 kB; 16 MiB
 * leaves a remote scanner room for a denser mesh while bounding what a
 * misbehaving service can make Balanza hold, store and send to phones. */
#define BZ_AVATAR_GLB_MAX_BYTES (16 * 1024 * 1024)

/** Scans one import stores: each gets its avatar (a GLB of ~340 kB), so
 * 100 rows (two years of weekly scans of one patient) are ~34 MB of blobs
 * in one transaction; Balanza's bound. */
#define BZ_INBODY_MAX_ROWS         100
/** Bytes of one CSV line (quoted line breaks included): the ~190-column
 * LookinBody header is ~6 kB; Balanza's bound. */
#define BZ_INBODY_MAX_LINE         (16 * 1024)
/** Columns of an InBody CSV header, or members of one JSON row. */
#define BZ_INBODY_MAX_COLUMNS      512
/** Line errors one refused import reports (the rest are counted). */
#define BZ_INBODY_MAX_ISSUES       50
/** Limits for an InBody JSON file: an array of flat rows (or an object
 * holding one), %BZ_INBODY_MAX_ROWS rows of %BZ_INBODY_MAX_COLUMNS members. */
extern const BzJsonLimits bz_json_limits_inbody;

/** The local meal detector's proposals (bz-meal-detection.h): at most 3
 * earlier meals are proposed (issue 11 §4.3 via the task brief: a phone
 * shows three choices without scrolling), chosen among the patient's
 * %BZ_MEAL_PROPOSAL_SCAN most recent meals of the same type (about three
 * months of one meal a day: Balanza's bound on the work of one upload); a
 * meal counts as eaten "at that time of day" within
 * %BZ_MEAL_PROPOSAL_WINDOW_MIN minutes of the new one's local time of day
 * (half of a 3-hour meal slot, Balanza's choice). */
#define BZ_MEAL_PROPOSALS_MAX        3
#define BZ_MEAL_PROPOSAL_SCAN        100
#define BZ_MEAL_PROPOSAL_WINDOW_MIN  90

/** Photos one POST /api/upload/meal-images takes (seed 001 "Meal photo
 * processing"): the plates of one meal (a main dish, a side, a drink, a
 * dessert, a close-up) fit in 5, as for a recipe's %BZ_RECIPE_MAX_PHOTOS; the
 * request body stays within %BZ_UPLOAD_BODY_MAX whatever their number. */
#define BZ_MEAL_IMAGES_MAX_FILES   5
/** Photos uploaded ahead of a meal and not yet logged that one user may hold
 * at once (Balanza's bound): four meals a day of %BZ_MEAL_IMAGES_MAX_FILES
 * photos each; past it an upload is refused (409) until some are logged or
 * expire, so a client cannot fill the disk with photos no meal will use. */
#define BZ_MEAL_IMAGES_PENDING_MAX 20
/** How long an uploaded meal photo is kept, in seconds (24 h; Balanza's
 * bound): a photo taken before a meal is logged the same day, or the next
 * morning by a phone that was offline overnight; after it the photo is
 * deleted by a durable job (bz-meal-image-service.h), unless a meal names its
 * blobs.  It is also how long a retried upload-meal with the same image_id
 * answers the meal it logged the first time. */
#define BZ_MEAL_IMAGE_TTL_S        (24 * 60 * 60)

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

/* --- Social (issue 10) ----------------------------------------------------- */

/** Posts one user may publish in any hour (seed 002 §7.4.2:
 * `@limiter.limit("20/hour")  # Max 20 posts per hour` on POST /api/v1/posts).
 * Counted from the stored posts (bz_social_repo_recent_posts()), so it holds
 * across restarts and for every front end. */
#define BZ_POSTS_PER_HOUR          20
/** The window of %BZ_POSTS_PER_HOUR, in seconds. */
#define BZ_POSTS_WINDOW_S          3600
/** A post's body and a comment's content, in characters (Balanza's bound; the
 * seed's TEXT has none: 5,000 is two pages, more than any feed post). */
#define BZ_POST_BODY_MAX_CHARS     5000
/** A post's title (seed 002 §3.3 posts.title VARCHAR(255)). */
#define BZ_POST_TITLE_MAX_CHARS    255
/** A comment's content, in characters (Balanza's bound). */
#define BZ_COMMENT_MAX_CHARS       2000
/** Nesting of comments: depth 0 (top level) to 2 (seed 002 §3.3
 * comments.depth_level "max 3 levels", CHECK (depth_level <= 2)). */
#define BZ_COMMENT_MAX_DEPTH       2
/** Photos of one post: as for a recipe (%BZ_RECIPE_MAX_PHOTOS); the body stays
 * within %BZ_UPLOAD_BODY_MAX. */
#define BZ_POST_MAX_PHOTOS         5
/** Tags of one post (Balanza's bound; seed 002 §3.3 posts.tags JSONB). */
#define BZ_POST_MAX_TAGS           10
/** A group's or family circle's name (seed 002 §3.3 VARCHAR(255)). */
#define BZ_SOCIAL_NAME_MAX_CHARS   255
/** A group's or circle's description (Balanza's bound). */
#define BZ_SOCIAL_DESCRIPTION_MAX_CHARS 2000
/** Goals of one family circle (Balanza's bound on family_goals). */
#define BZ_CIRCLE_MAX_GOALS        20
/** Limits for a post's JSON body: a body of %BZ_POST_BODY_MAX_CHARS characters
 * of up to 4 octets each (UTF-8, RFC 3629) in one string; progress_data and
 * tags nest two levels. */
extern const BzJsonLimits bz_json_limits_post;
/** Random bytes of an invite code (128 bits: unguessable, RFC 4086 §8). */
#define BZ_INVITE_CODE_BYTES       16

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

/** Challenges (issue 10; seed 002 §3.3 challenges): Balanza's bounds.  A
 * challenge lasts at most a year (366 days, a leap year); its description
 * is a few paragraphs; its participants are the clinic's members (100,000
 * bounds any one clinic server); it lists at most 10 rewards. */
#define BZ_CHALLENGE_DAYS_MAX              366
#define BZ_CHALLENGE_DESCRIPTION_CHARS_MAX 5000
#define BZ_CHALLENGE_PARTICIPANTS_MAX      100000
#define BZ_CHALLENGE_REWARDS_MAX           10
/** A leaderboard page when the client gives no limit: seed 002 §4.6 ("limit: int = 50"). */
#define BZ_LEADERBOARD_LIMIT_DEFAULT       50

/* --- Messages, notifications and the WebSocket (issue 10) ------------------ */

/** A message between a patient and their nutritionist, in characters: a chat
 * message is a few lines; 4,000 characters (about a page) admits a long
 * answer and bounds what one message costs to store, push and show.
 * Balanza's bound (data/sql/029_messages_notifications.sql checks it too). */
#define BZ_MESSAGE_MAX_CHARS        4000
/** A notification's title and body, in characters: seed 002 §4.8's
 * notification:new carries a one-line title and a sentence; push services
 * truncate beyond a few hundred (FCM shows about 240 in a heads-up). */
#define BZ_NOTIFICATION_TITLE_MAX_CHARS 200
#define BZ_NOTIFICATION_BODY_MAX_CHARS  1000
/** A push device token (FCM registration tokens are about 160 characters,
 * APNs tokens 64 hex digits, Web Push subscription endpoints up to ~500):
 * 4,096 bounds any of them with headroom. */
#define BZ_DEVICE_TOKEN_MAX_CHARS   4096
/** How far ahead a reminder may be scheduled: a year (follow-ups are
 * monthly to quarterly; a typo in the year is refused). */
#define BZ_NOTIFICATION_SCHEDULE_MAX_DAYS 366

/** Frames queued for one WebSocket and not yet handed to its connection.  A
 * client that does not read (a phone asleep with its socket open, a
 * malicious reader) would otherwise make the server hold every event for it:
 * past this bound the socket is closed (close code
 * %BZ_REALTIME_CLOSE_SLOW) and the client resyncs over REST when it
 * reconnects.  256 events is minutes of the busiest honest traffic (a
 * nutritionist's inbox during a clinic day: a few events a minute), at most
 * 256 x %BZ_WS_MAX_OUTGOING_BYTES held per socket. */
#define BZ_WS_SEND_QUEUE_MAX        256
/** Rooms one socket may join (challenge:join_room): a member takes part in
 * a handful of challenges at once; 16 bounds a socket's room list.  Balanza's bound. */
#define BZ_WS_ROOMS_MAX             16
/** The largest frame the server sends (a bigger one is not published, with
 * a warning): a message:new of %BZ_MESSAGE_MAX_CHARS characters of 4 octets
 * (RFC 3629) plus its envelope fits in 20 KiB; 64 KiB leaves room for the
 * other features' events (a post or comment with its author), each bounded
 * by its own field limits. */
#define BZ_WS_MAX_OUTGOING_BYTES    (64 * 1024)
/** The largest frame a client may send.  Client events (seed 002 §4.8:
 * typing:start, notification:read, challenge:join_room) carry one id, under
 * 200 bytes; 4 KiB leaves room.  A bigger frame closes the socket with 1009
 * (RFC 6455 §7.4.1 "message too big"), enforced by libsoup before the frame
 * is buffered. */
#define BZ_WS_MAX_INCOMING_BYTES    (4 * 1024)
/** Limits for a client frame {"event": ..., "data": {...}}: one object of
 * a few members holding ids (depth 2 in the seed's events; 4 leaves room). */
extern const BzJsonLimits bz_json_limits_ws_event;
/** Client events per socket per minute.  typing:start is sent at most every
 * few seconds by a chat UI (WhatsApp-style clients throttle to one per 3 s,
 * 20 a minute); 120 leaves room for bursts of notification:read when an
 * inbox is cleared.  Past it the socket gets an error frame and is closed
 * (%BZ_REALTIME_CLOSE_RATE_LIMITED). */
#define BZ_WS_CLIENT_EVENTS_PER_MINUTE 120
/** Seconds between the server's WebSocket pings (RFC 6455 §5.5.2): a phone
 * that left the network without closing is noticed in about this long;
 * NAT gateways drop idle TCP mappings after a few minutes. */
#define BZ_WS_KEEPALIVE_S           30


/* --- The gym's machines and live workouts (issue 10, seed 001) ------------ */

/** Seconds between a machine's heartbeats (POST /api/machines/{id}/heartbeat
 * or a machine:status frame): the protocol Balanza gives the gym's machines
 * (docs/realtime.md).  15 s keeps the members' availability view within
 * a minute of the truth at one tiny request per machine every 15 s. */
#define BZ_MACHINE_HEARTBEAT_S        15
/** Heartbeats a machine may miss before the server marks it offline: 3, the
 * detection multiplier of BFD (RFC 5880 §6.8.1 "Detect Mult", 3 in
 * practice): one lost or late heartbeat (Wi-Fi roaming, a retransmission)
 * is not an outage.  So offline after 3 x %BZ_MACHINE_HEARTBEAT_S = 45 s
 * of silence. */
#define BZ_MACHINE_MISSED_HEARTBEATS  3
/** How often the server looks for silent machines, in ms: 1 s (the
 * offline mark is at most this late; one indexed UPDATE that usually
 * changes nothing). */
#define BZ_MACHINE_SWEEP_MS           1000
/** A machine's name and zone: 80 characters (a label on the machine). */
#define BZ_MACHINE_NAME_MAX_CHARS     80
/** workout:progress frames: a set's number, 1-100 (Balanza's bound; a
 * session of BZ_WORKOUT_LOG_MAX_EXERCISES exercises logs at most 20 sets
 * each). */
#define BZ_WORKOUT_PROGRESS_SET_MAX   100
/** workout:progress frames: heart rate in beats a minute, 20-250: beyond
 * the human range (resting rates of trained athletes go below 40; the
 * predicted maximum 208 - 0.7 x age, Tanaka et al., J Am Coll Cardiol
 * 2001, stays under 210), so a sensor glitch is refused. */
#define BZ_WORKOUT_HEART_RATE_MIN     20
#define BZ_WORKOUT_HEART_RATE_MAX     250

/* --- The assistant's chat (seed 002 §4.7 POST /api/v1/ai/chat) ------------- */

/** A question of at most 2000 characters: a long paragraph (the seed's
 * example is 45); bounds what is sent to a model and what the rule-based
 * local answerer reads. */
#define BZ_CHAT_MESSAGE_CHARS_MAX 2000
/** Earlier turns a request may carry (the seed's ChatbotService takes a
 * conversation_history): 20, ten questions and their answers.  The server
 * keeps no conversation; this bounds a request to 21 x 2000 characters and a
 * model's prompt to about 10,000 tokens. */
#define BZ_CHAT_TURNS_MAX 20
/** Questions per member per minute: 10.  A person types a question in 10 s
 * or more (40 words a minute, a typical typist, for a 7-word question), so
 * 10 a minute never stops a person; it stops a script from spending a
 * paid model's monthly budget (at most 600 calls an hour per member). */
#define BZ_CHAT_REQUESTS_PER_MINUTE 10
/** Instagram sharing (seed 002 §5.2): how long the `state` of a connect
 * stays good, in seconds: 600, the "maximum authorization code lifetime of
 * 10 minutes" RFC 6749 §4.1.2 recommends; the state of a flow cannot
 * usefully outlive the code it comes back with.  Used once: the callback
 * deletes it whatever the outcome. */
#define BZ_INSTAGRAM_STATE_TTL_S        600
/** Live connect states a user may hold at once: 5 (a few tabs or retries);
 * a sixth connect drops the oldest, so the table stays bounded per user. */
#define BZ_INSTAGRAM_STATES_PER_USER    5
/** A caption: 2,200 characters, Instagram's own limit (Instagram Platform,
 * "Content Publishing": captions over 2,200 characters are refused). */
#define BZ_INSTAGRAM_CAPTION_MAX_CHARS  2200
/** Hashtags of a share: 30, Instagram's limit per post (same page: "a
 * maximum of 30 hashtags"); each at most 100 characters (Balanza's bound). */
#define BZ_INSTAGRAM_HASHTAGS_MAX       30
#define BZ_INSTAGRAM_HASHTAG_MAX_CHARS  100
/** A redirect URI: 500 characters, the seed's VARCHAR(500) for URLs
 * (instagram_profile_picture_url, media_url). */
#define BZ_INSTAGRAM_URI_MAX_CHARS      500
/** An authorization code or state from the callback's query: 1,024
 * characters (Instagram's codes are a few hundred; Balanza's states 43). */
#define BZ_INSTAGRAM_CODE_MAX_CHARS     1024
/** Attempts of a share job: 3 (as the webhook jobs), with the jobs'
 * exponential backoff (bz_jobs_backoff_ms()). */
#define BZ_INSTAGRAM_SHARE_ATTEMPTS     3

G_END_DECLS
