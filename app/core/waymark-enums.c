/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-core"

#include "config.h"

#include <string.h>

#include "waymark-enums.h"

static gboolean
lookup (const char *const *nicks,
        guint              n_nicks,
        const char        *nick,
        int               *out)
{
  if (nick == NULL)
    return FALSE;
  for (guint i = 0; i < n_nicks; i++)
    if (nicks[i] != NULL && strcmp (nicks[i], nick) == 0)
      {
        *out = (int) i;
        return TRUE;
      }
  return FALSE;
}

#define ENUM_NICKS(name, Type, ...)                                          \
  static const char *const name##_nicks[] = { __VA_ARGS__ };                 \
  const char *                                                               \
  waymark_##name##_to_nick (Type value)                                      \
  {                                                                          \
    if ((guint) value >= G_N_ELEMENTS (name##_nicks))                        \
      return NULL;                                                           \
    return name##_nicks[value];                                              \
  }                                                                          \
  gboolean                                                                   \
  waymark_##name##_from_nick (const char *nick, Type *out)                   \
  {                                                                          \
    int v;                                                                   \
    if (!lookup (name##_nicks, G_N_ELEMENTS (name##_nicks), nick, &v))       \
      return FALSE;                                                          \
    *out = (Type) v;                                                         \
    return TRUE;                                                             \
  }

ENUM_NICKS (state, WaymarkState, "as-is", "intended")
ENUM_NICKS (lane_kind, WaymarkLaneKind, "touchpoints", "emotion", "notes", "kpis")
ENUM_NICKS (category, WaymarkCategory, "digital", "physical", "personal")
ENUM_NICKS (initiator, WaymarkInitiator, NULL, "brand", "customer")
ENUM_NICKS (strength, WaymarkStrength, NULL, "strength", "weakness")
ENUM_NICKS (priority, WaymarkPriority, NULL, "low", "medium", "high")
ENUM_NICKS (kpi_direction, WaymarkKpiDirection, NULL, "higher", "lower")

gboolean
waymark_lane_kind_holds_cards (WaymarkLaneKind kind)
{
  return kind == WAYMARK_LANE_TOUCHPOINTS || kind == WAYMARK_LANE_NOTES;
}
