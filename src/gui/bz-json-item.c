/* bz-json-item.c — a GObject holding one JSON object, for list models. */
#include "bz-json-item.h"

struct _BzJsonItem
{
  GObject parent_instance;
  JsonObject *object;
};

G_DEFINE_FINAL_TYPE (BzJsonItem, bz_json_item, G_TYPE_OBJECT)

static void
bz_json_item_finalize (GObject *object)
{
  g_clear_pointer (&BZ_JSON_ITEM (object)->object, json_object_unref);
  G_OBJECT_CLASS (bz_json_item_parent_class)->finalize (object);
}

static void
bz_json_item_class_init (BzJsonItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bz_json_item_finalize;
}

static void
bz_json_item_init (BzJsonItem *self)
{
}

BzJsonItem *
bz_json_item_new (JsonObject *object)
{
  BzJsonItem *self = g_object_new (BZ_TYPE_JSON_ITEM, NULL);
  self->object = json_object_ref (object);
  return self;
}

JsonObject *
bz_json_item_get_object (BzJsonItem *self)
{
  g_return_val_if_fail (BZ_IS_JSON_ITEM (self), NULL);
  return self->object;
}

const char *
bz_json_item_get_id (BzJsonItem *self)
{
  JsonNode *node;
  g_return_val_if_fail (BZ_IS_JSON_ITEM (self), NULL);
  node = json_object_get_member (self->object, "id");
  return node && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING
         ? json_node_get_string (node) : NULL;
}
