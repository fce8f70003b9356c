/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "waymark-finding.h"

G_BEGIN_DECLS

/* A severity as the app's text shows it, in the shapes of the markers
 * on the map: ▲ high (red), ◆ medium (orange), ● low (blue), so that
 * the findings button, the findings panel and the Compare view agree.
 * Returns Pango markup (static). */
const char *waymark_severity_glyph_markup (WaymarkSeverity severity);

G_END_DECLS
