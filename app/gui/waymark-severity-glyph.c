/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-gui"

#include "config.h"

#include "waymark-severity-glyph.h"

const char *
waymark_severity_glyph_markup (WaymarkSeverity severity)
{
  switch (severity)
    {
    case WAYMARK_SEVERITY_HIGH:
      return "<span foreground=\"#c01c28\">▲</span>";
    case WAYMARK_SEVERITY_MEDIUM:
      return "<span foreground=\"#e66100\">◆</span>";
    case WAYMARK_SEVERITY_LOW:
    case WAYMARK_N_SEVERITIES:
    default:
      return "<span foreground=\"#1c71d8\">●</span>";
    }
}
