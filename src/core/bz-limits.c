/* bz-limits.c — the JSON limit sets declared in bz-limits.h. */
#include "bz-limits.h"

const BzJsonLimits bz_json_limits_body = {
  .max_bytes = BZ_JSON_BODY_MAX,
  .max_depth = BZ_JSON_MAX_DEPTH,
  .max_items = BZ_JSON_MAX_ITEMS,
  .max_string = BZ_JSON_MAX_STRING,
};

/* [{"ndb_no": "20045", "grams": 150}, ...]: depth 2, 50 items of 2 members. */
const BzJsonLimits bz_json_limits_meal_items = {
  .max_bytes = 16 * 1024,
  .max_depth = 2,
  .max_items = BZ_MEAL_MAX_ITEMS,
  .max_string = 64,
};

/* Stored JSON is what Balanza serialized from a validated body. */
const BzJsonLimits bz_json_limits_stored = {
  .max_bytes = 1024 * 1024,
  .max_depth = BZ_JSON_MAX_DEPTH,
  .max_items = 100000,
  .max_string = 256 * 1024,
};

const BzJsonLimits bz_json_limits_token = {
  .max_bytes = 4096,
  .max_depth = 2,
  .max_items = 32,
  .max_string = 1024,
};

/* A clinical note {text, consultation_at}: BZ_CLINICAL_NOTE_MAX_CHARS
 * characters of at most 4 octets each (UTF-8, RFC 3629) in one string. */
const BzJsonLimits bz_json_limits_clinical_note = {
  .max_bytes = BZ_JSON_BODY_MAX,
  .max_depth = 2,
  .max_items = 8,
  .max_string = BZ_CLINICAL_NOTE_MAX_CHARS * 4,
};

/* An InBody JSON export: [{column: value, ...}, ...] or {"results": [...]}:
 * depth 3; an array one row past BZ_INBODY_MAX_ROWS so that the row limit,
 * not the parser, reports "too many rows". */
const BzJsonLimits bz_json_limits_inbody = {
  .max_bytes = BZ_INBODY_MAX_BYTES,
  .max_depth = 3,
  .max_items = MAX (BZ_INBODY_MAX_ROWS + 1, BZ_INBODY_MAX_COLUMNS),
  .max_string = 256,
};

/* A post {type, title, body, visibility, group_id, family_circle_id,
 * progress_data {4 numbers}, tags [<= 10]}: BZ_POST_BODY_MAX_CHARS
 * characters of at most 4 octets each in its body. */
const BzJsonLimits bz_json_limits_post = {
  .max_bytes = BZ_JSON_BODY_MAX,
  .max_depth = 3,
  .max_items = 64,
  .max_string = BZ_POST_BODY_MAX_CHARS * 4,
};

/* A WebSocket client event (seed 002 §4.8): {"event": "typing:start",
 * "data": {"conversation_id": "uuid"}}. */
const BzJsonLimits bz_json_limits_ws_event = {
  .max_bytes = BZ_WS_MAX_INCOMING_BYTES,
  .max_depth = 4,
  .max_items = 16,
  .max_string = 256,
};
