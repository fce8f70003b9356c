/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-core"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "waymark-conflict.h"
#include "waymark-error.h"
#include "waymark-id.h"

static const char *const side_nicks[] = { "base", "ours", "theirs" };
static const char *const kind_nicks[] = { "field", "deleted", "order" };

WaymarkConflict *
waymark_conflict_new (WaymarkConflictKind  kind,
                      const char          *item,
                      WaymarkDiffField     field)
{
  WaymarkConflict *conflict = g_new0 (WaymarkConflict, 1);

  conflict->kind = kind;
  conflict->item = g_strdup (item);
  conflict->field = field;
  conflict->deleted_by = WAYMARK_CONFLICT_OURS;
  return conflict;
}

static gpointer
copy_kpi (gconstpointer src,
          gpointer      user_data)
{
  return waymark_kpi_copy (src);
}

static GPtrArray *
copy_kpis (GPtrArray *kpis)
{
  GPtrArray *copy;

  if (kpis == NULL)
    return NULL;
  copy = g_ptr_array_copy (kpis, copy_kpi, NULL);
  g_ptr_array_set_free_func (copy, (GDestroyNotify) waymark_kpi_free);
  return copy;
}

WaymarkConflict *
waymark_conflict_copy (const WaymarkConflict *conflict)
{
  WaymarkConflict *copy = waymark_conflict_new (conflict->kind, conflict->item, conflict->field);

  copy->deleted_by = conflict->deleted_by;
  copy->line = conflict->line;
  copy->foreign = waymark_foreign_copy (conflict->foreign);
  for (int s = 0; s < WAYMARK_CONFLICT_N_SIDES; s++)
    {
      copy->values[s].set = conflict->values[s].set;
      copy->values[s].text = g_strdup (conflict->values[s].text);
      copy->values[s].kpis = copy_kpis (conflict->values[s].kpis);
    }
  return copy;
}

void
waymark_conflict_free (WaymarkConflict *conflict)
{
  if (conflict == NULL)
    return;
  g_free (conflict->item);
  for (int s = 0; s < WAYMARK_CONFLICT_N_SIDES; s++)
    {
      g_free (conflict->values[s].text);
      g_clear_pointer (&conflict->values[s].kpis, g_ptr_array_unref);
    }
  waymark_foreign_free (conflict->foreign);
  g_free (conflict);
}

void
waymark_conflict_take_value (WaymarkConflict     *conflict,
                             WaymarkConflictSide  side,
                             WaymarkJourney      *journey,
                             gconstpointer        item)
{
  WaymarkConflictValue *value = &conflict->values[side];

  g_return_if_fail (conflict->kind == WAYMARK_CONFLICT_FIELD);

  g_clear_pointer (&value->text, g_free);
  g_clear_pointer (&value->kpis, g_ptr_array_unref);
  value->set = TRUE;
  if (item == NULL)
    value->text = waymark_diff_field_journey_string (journey, conflict->field, FALSE);
  else if (conflict->field == WAYMARK_DIFF_FIELD_KPIS)
    value->kpis = copy_kpis (((const WaymarkTouchpoint *) item)->kpis);
  else
    value->text = waymark_diff_field_to_string (item, conflict->field, FALSE);
}

static gboolean
is_journey_field (WaymarkDiffField field)
{
  return field == WAYMARK_DIFF_FIELD_TITLE || field == WAYMARK_DIFF_FIELD_SUBJECT ||
         field == WAYMARK_DIFF_FIELD_GOAL || field == WAYMARK_DIFF_FIELD_STATE;
}

static gboolean
is_reference (WaymarkDiffField field)
{
  return field == WAYMARK_DIFF_FIELD_PHASE || field == WAYMARK_DIFF_FIELD_LANE ||
         field == WAYMARK_DIFF_FIELD_CHANNEL || field == WAYMARK_DIFF_FIELD_FROM ||
         field == WAYMARK_DIFF_FIELD_TO;
}

gboolean
waymark_conflict_check_value (const WaymarkConflict  *conflict,
                              WaymarkConflictSide     side,
                              WaymarkJourney         *journey,
                              const char             *text,
                              GError                **error)
{
  gpointer item;
  gpointer scratch;
  gboolean ok;

  if (side == WAYMARK_CONFLICT_BASE && conflict->item != NULL &&
      (conflict->kind == WAYMARK_CONFLICT_ORDER || is_reference (conflict->field)))
    {
      if (text != NULL && !waymark_id_is_valid (text))
        {
          g_set_error (error, WAYMARK_FORMAT_ERROR, WAYMARK_FORMAT_ERROR_INVALID,
                       _("“%s” is not a valid id"), text);
          return FALSE;
        }
      return TRUE;
    }

  if (conflict->kind == WAYMARK_CONFLICT_ORDER)
    {
      gpointer before = waymark_journey_lookup (journey, text);

      item = waymark_journey_lookup (journey, conflict->item);
      if (text != NULL && (before == NULL || item == NULL ||
                           waymark_item_get_item_type (before) != waymark_item_get_item_type (item)))
        {
          g_set_error (error, WAYMARK_FORMAT_ERROR, WAYMARK_FORMAT_ERROR_REFERENCE,
                       _("“%s” names no %s of this map"), text,
                       item ? waymark_item_type_element (waymark_item_get_item_type (item)) : "item");
          return FALSE;
        }
      return TRUE;
    }
  if (conflict->kind != WAYMARK_CONFLICT_FIELD)
    return TRUE;

  if (conflict->item == NULL)
    {
      WaymarkState state;

      if (!is_journey_field (conflict->field))
        {
          g_set_error (error, WAYMARK_FORMAT_ERROR, WAYMARK_FORMAT_ERROR_INVALID,
                       _("a journey has no field “%s”"), waymark_diff_field_to_nick (conflict->field));
          return FALSE;
        }
      if (conflict->field == WAYMARK_DIFF_FIELD_STATE && !waymark_state_from_nick (text, &state))
        {
          g_set_error (error, WAYMARK_FORMAT_ERROR, WAYMARK_FORMAT_ERROR_INVALID,
                       _("state must be as-is or intended, not “%s”"), text ? text : "");
          return FALSE;
        }
      return TRUE;
    }

  /* KPIs are elements, checked as they are read. */
  if (conflict->field == WAYMARK_DIFF_FIELD_KPIS)
    return TRUE;
  item = waymark_journey_lookup (journey, conflict->item);
  g_return_val_if_fail (item != NULL, FALSE);
  scratch = waymark_item_copy (item);
  ok = waymark_diff_field_from_string (scratch, conflict->field, text, journey, error);
  waymark_item_unref (scratch);
  return ok;
}

void
waymark_conflict_apply_value (const WaymarkConflict *conflict,
                              WaymarkConflictSide    side,
                              WaymarkJourney        *journey,
                              gpointer               copy)
{
  const WaymarkConflictValue *value = &conflict->values[side];

  g_return_if_fail (conflict->kind == WAYMARK_CONFLICT_FIELD && conflict->item != NULL);

  if (conflict->field == WAYMARK_DIFF_FIELD_KPIS)
    {
      WaymarkTouchpoint *tp = copy;

      g_clear_pointer (&tp->kpis, g_ptr_array_unref);
      if (value->kpis != NULL && value->kpis->len > 0)
        tp->kpis = copy_kpis (value->kpis);
      return;
    }
  /* Checked when the conflict was read or made. */
  if (!waymark_diff_field_from_string (copy, conflict->field, value->text, journey, NULL))
    g_warning ("a merge conflict's value “%s” does not fit %s", value->text,
               waymark_diff_field_to_nick (conflict->field));
}

char *
waymark_conflict_describe (const WaymarkConflict *conflict,
                           WaymarkJourney        *journey)
{
  gpointer item = conflict->item ? waymark_journey_lookup (journey, conflict->item) : NULL;
  g_autofree char *label = NULL;
  g_autofree char *what = NULL;

  if (item == NULL)
    /* TRANSLATORS: a conflict about a field of the journey: "Journey: goal" */
    return g_strdup_printf (_("%s: %s"), waymark_diff_item_type_title (WAYMARK_N_ITEM_TYPES),
                            waymark_diff_field_label (conflict->field));

  label = waymark_diff_item_label (item);
  what = g_strdup_printf (C_("diff", "%s “%s”"), waymark_diff_item_type_title (waymark_item_get_item_type (item)),
                          label);
  switch (conflict->kind)
    {
    case WAYMARK_CONFLICT_DELETED:
      if (conflict->deleted_by == WAYMARK_CONFLICT_OURS)
        /* TRANSLATORS: "Touchpoint “Chat”: we deleted it, they changed it" */
        return g_strdup_printf (_("%s: we deleted it, they changed it"), what);
      return g_strdup_printf (_("%s: they deleted it, we changed it"), what);
    case WAYMARK_CONFLICT_ORDER:
      /* TRANSLATORS: "Touchpoint “Chat”: its place in the order" */
      return g_strdup_printf (_("%s: its place in the order"), what);
    case WAYMARK_CONFLICT_FIELD:
    default:
      return g_strdup_printf (_("%s: %s"), what, waymark_diff_field_label (conflict->field));
    }
}

char *
waymark_conflict_describe_value (const WaymarkConflict *conflict,
                                 WaymarkJourney        *journey,
                                 WaymarkConflictSide    side)
{
  const WaymarkConflictValue *value = &conflict->values[side];
  gpointer item = conflict->item ? waymark_journey_lookup (journey, conflict->item) : NULL;
  g_autofree char *text = NULL;

  switch (conflict->kind)
    {
    case WAYMARK_CONFLICT_DELETED:
      if (side == conflict->deleted_by)
        return g_strdup (C_("conflict value", "deleted"));
      return g_strdup (C_("conflict value", "changed"));
    case WAYMARK_CONFLICT_ORDER:
      {
        gpointer before = waymark_journey_lookup (journey, value->text);
        g_autofree char *label = NULL;

        if (before == NULL)
          return g_strdup (C_("conflict value", "first"));
        label = waymark_diff_item_label (before);
        /* TRANSLATORS: a place in an order: after “Instagram ad” */
        return g_strdup_printf (C_("conflict value", "after “%s”"), label);
      }
    case WAYMARK_CONFLICT_FIELD:
    default:
      break;
    }

  if (!value->set)
    return g_strdup (C_("conflict value", "(not there)"));
  if (item == NULL)
    {
      if (conflict->field == WAYMARK_DIFF_FIELD_STATE)
        return g_strdup (g_strcmp0 (value->text, "intended") == 0 ? C_("diff value", "intended")
                                                                   : C_("diff value", "as-is"));
      text = g_strdup (value->text);
    }
  else
    {
      gpointer copy = waymark_item_copy (item);

      waymark_conflict_apply_value (conflict, side, journey, copy);
      text = waymark_diff_field_to_string (copy, conflict->field, TRUE);
      waymark_item_unref (copy);
    }
  if (text == NULL)
    return g_strdup (C_("diff value", "(none)"));
  return g_steal_pointer (&text);
}

const char *
waymark_conflict_side_to_nick (WaymarkConflictSide side)
{
  g_return_val_if_fail (side < WAYMARK_CONFLICT_N_SIDES, NULL);
  return side_nicks[side];
}

gboolean
waymark_conflict_side_from_nick (const char          *nick,
                                 WaymarkConflictSide *out)
{
  for (guint i = 0; nick != NULL && i < G_N_ELEMENTS (side_nicks); i++)
    if (g_str_equal (side_nicks[i], nick))
      {
        *out = (WaymarkConflictSide) i;
        return TRUE;
      }
  return FALSE;
}

const char *
waymark_conflict_kind_to_nick (WaymarkConflictKind kind)
{
  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (kind_nicks), NULL);
  return kind_nicks[kind];
}

gboolean
waymark_conflict_kind_from_nick (const char          *nick,
                                 WaymarkConflictKind *out)
{
  for (guint i = 0; nick != NULL && i < G_N_ELEMENTS (kind_nicks); i++)
    if (g_str_equal (kind_nicks[i], nick))
      {
        *out = (WaymarkConflictKind) i;
        return TRUE;
      }
  return FALSE;
}
