/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "waymark-palette-item.h"

struct _WaymarkPaletteItem
{
  GObject parent_instance;

  gboolean note;
  char *icon;
  WaymarkCategory category;
  char *name;
  char *icon_name;
};

G_DEFINE_FINAL_TYPE (WaymarkPaletteItem, waymark_palette_item, G_TYPE_OBJECT)

/* The touchpoint kinds the source texts name, by the icon keys bundled in
 * icons/icons.gresource.xml.  Names are what a new channel is called, and
 * the words the templates call the same channels (data/templates), so
 * that the palette, the legend and the inspector say the same thing. */
static const struct {
  const char *icon;
  WaymarkCategory category;
  const char *name;
} catalogue[] = {
  { "website", WAYMARK_CATEGORY_DIGITAL, N_("Website") },
  { "social-media", WAYMARK_CATEGORY_DIGITAL, N_("Social media") },
  { "search", WAYMARK_CATEGORY_DIGITAL, N_("Search engine") },
  { "online-ad", WAYMARK_CATEGORY_DIGITAL, N_("Online ads") },
  { "email", WAYMARK_CATEGORY_DIGITAL, N_("E-mail") },
  { "chat", WAYMARK_CATEGORY_DIGITAL, N_("Chat") },
  { "app", WAYMARK_CATEGORY_DIGITAL, N_("App") },
  { "review", WAYMARK_CATEGORY_DIGITAL, N_("Reviews") },
  { "video", WAYMARK_CATEGORY_DIGITAL, N_("Video") },
  { "webinar", WAYMARK_CATEGORY_DIGITAL, N_("Webinar") },
  { "store", WAYMARK_CATEGORY_PHYSICAL, N_("Store") },
  { "event", WAYMARK_CATEGORY_PHYSICAL, N_("Event") },
  { "print", WAYMARK_CATEGORY_PHYSICAL, N_("Print & posters") },
  { "catalogue", WAYMARK_CATEGORY_PHYSICAL, N_("Catalogue") },
  { "packaging", WAYMARK_CATEGORY_PHYSICAL, N_("Packaging") },
  { "gift", WAYMARK_CATEGORY_PHYSICAL, N_("Gift") },
  { "trade-fair", WAYMARK_CATEGORY_PHYSICAL, N_("Trade fair") },
  { "phone", WAYMARK_CATEGORY_PERSONAL, N_("Phone") },
  { "sales-visit", WAYMARK_CATEGORY_PERSONAL, N_("Personal advice") },
  { "word-of-mouth", WAYMARK_CATEGORY_PERSONAL, N_("Word of mouth") },
};

static void
waymark_palette_item_finalize (GObject *object)
{
  WaymarkPaletteItem *self = WAYMARK_PALETTE_ITEM (object);

  g_free (self->icon);
  g_free (self->name);
  g_free (self->icon_name);

  G_OBJECT_CLASS (waymark_palette_item_parent_class)->finalize (object);
}

static void
waymark_palette_item_class_init (WaymarkPaletteItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = waymark_palette_item_finalize;
}

static void
waymark_palette_item_init (WaymarkPaletteItem *self)
{
}

WaymarkPaletteItem *
waymark_palette_item_new_channel (const char      *icon,
                                  WaymarkCategory  category,
                                  const char      *name)
{
  WaymarkPaletteItem *self;

  g_return_val_if_fail (icon != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  self = g_object_new (WAYMARK_TYPE_PALETTE_ITEM, NULL);
  self->icon = g_strdup (icon);
  self->category = category;
  self->name = g_strdup (name);
  self->icon_name = g_strdup_printf ("waymark-channel-%s-symbolic", icon);

  return self;
}

WaymarkPaletteItem *
waymark_palette_item_new_note (void)
{
  WaymarkPaletteItem *self = g_object_new (WAYMARK_TYPE_PALETTE_ITEM, NULL);

  self->note = TRUE;
  self->name = g_strdup (_("Note"));
  self->icon_name = g_strdup ("document-edit-symbolic");

  return self;
}

gboolean
waymark_palette_item_is_note (WaymarkPaletteItem *self)
{
  g_return_val_if_fail (WAYMARK_IS_PALETTE_ITEM (self), FALSE);

  return self->note;
}

const char *
waymark_palette_item_get_icon (WaymarkPaletteItem *self)
{
  g_return_val_if_fail (WAYMARK_IS_PALETTE_ITEM (self), NULL);

  return self->icon;
}

WaymarkCategory
waymark_palette_item_get_category (WaymarkPaletteItem *self)
{
  g_return_val_if_fail (WAYMARK_IS_PALETTE_ITEM (self), WAYMARK_CATEGORY_DIGITAL);

  return self->category;
}

const char *
waymark_palette_item_get_name (WaymarkPaletteItem *self)
{
  g_return_val_if_fail (WAYMARK_IS_PALETTE_ITEM (self), NULL);

  return self->name;
}

const char *
waymark_palette_item_get_icon_name (WaymarkPaletteItem *self)
{
  g_return_val_if_fail (WAYMARK_IS_PALETTE_ITEM (self), NULL);

  return self->icon_name;
}

gboolean
waymark_palette_item_accepts_lane (WaymarkPaletteItem *self,
                                   WaymarkLane        *lane)
{
  g_return_val_if_fail (WAYMARK_IS_PALETTE_ITEM (self), FALSE);

  if (lane == NULL)
    return FALSE;

  return self->note ? lane->kind == WAYMARK_LANE_NOTES : lane->kind == WAYMARK_LANE_TOUCHPOINTS;
}

GdkContentProvider *
waymark_palette_item_create_content (WaymarkPaletteItem *self)
{
  g_return_val_if_fail (WAYMARK_IS_PALETTE_ITEM (self), NULL);

  return gdk_content_provider_new_typed (WAYMARK_TYPE_PALETTE_ITEM, self);
}

GPtrArray *
waymark_palette_item_get_catalogue (void)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < G_N_ELEMENTS (catalogue); i++)
    g_ptr_array_add (items, waymark_palette_item_new_channel (catalogue[i].icon,
                                                              catalogue[i].category,
                                                              _(catalogue[i].name)));
  g_ptr_array_add (items, waymark_palette_item_new_note ());

  return items;
}

const char *
waymark_palette_category_get_name (WaymarkCategory category)
{
  switch (category)
    {
    case WAYMARK_CATEGORY_PHYSICAL:
      return _("Physical");
    case WAYMARK_CATEGORY_PERSONAL:
      return _("Personal");
    case WAYMARK_CATEGORY_DIGITAL:
    default:
      return _("Digital");
    }
}

WaymarkChannel *
waymark_palette_item_find_channel (WaymarkPaletteItem *self,
                                   WaymarkJourney     *journey)
{
  GPtrArray *channels;
  WaymarkChannel *same_icon = NULL;

  g_return_val_if_fail (WAYMARK_IS_PALETTE_ITEM (self), NULL);
  g_return_val_if_fail (WAYMARK_IS_JOURNEY (journey), NULL);

  if (self->note)
    return NULL;

  /* A map's own channel names ("Companion app") are more specific than
   * the palette's: reuse one of the same icon rather than adding a
   * near-duplicate "App" next to it. */
  channels = waymark_journey_get_items (journey, WAYMARK_ITEM_CHANNEL);
  for (guint i = 0; i < channels->len; i++)
    {
      WaymarkChannel *channel = g_ptr_array_index (channels, i);

      if (g_strcmp0 (channel->icon, self->icon) != 0)
        continue;
      if (channel->name != NULL && g_utf8_collate (channel->name, self->name) == 0)
        return channel;
      if (same_icon == NULL && channel->category == self->category)
        same_icon = channel;
    }

  return same_icon;
}

WaymarkChannel *
waymark_palette_item_create_channel (WaymarkPaletteItem *self,
                                     WaymarkJourney     *journey)
{
  g_autofree char *id = NULL;

  g_return_val_if_fail (WAYMARK_IS_PALETTE_ITEM (self), NULL);
  g_return_val_if_fail (!self->note, NULL);

  id = waymark_journey_new_id (journey, WAYMARK_ITEM_CHANNEL);
  return waymark_channel_new (id, self->category, self->icon, self->name);
}
