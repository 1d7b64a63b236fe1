/* bz-json-item.h — a GObject holding one JSON object, for list models. */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define BZ_TYPE_JSON_ITEM (bz_json_item_get_type ())
G_DECLARE_FINAL_TYPE (BzJsonItem, bz_json_item, BZ, JSON_ITEM, GObject)

/** bz_json_item_new: Returns: (transfer full): an item holding a reference on @object. */
BzJsonItem *bz_json_item_new        (JsonObject *object);
/** bz_json_item_get_object: Returns: (transfer none): the object. */
JsonObject *bz_json_item_get_object (BzJsonItem *self);
/** bz_json_item_get_id: Returns: (transfer none) (nullable): the object's "id" member. */
const char *bz_json_item_get_id     (BzJsonItem *self);

G_END_DECLS
