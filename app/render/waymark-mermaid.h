/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "waymark-journey.h"

G_BEGIN_DECLS

/**
 * waymark_mermaid_write:
 * @journey as a Mermaid `journey` diagram, so that a map renders in
 * Markdown documentation (GitHub, GitLab, …): the map's title, one
 * `section` per phase in order, one task per touchpoint in the map's
 * reading order (lane by lane, in the order of each cell), its score the
 * emotion moved to Mermaid's 1–5 (−2 → 1, 0 → 3, +2 → 5; a touchpoint
 * without an emotion is written as 3, the neutral middle) and its actor
 * the touchpoint's owner.  Notes, channels and the rest of a card have no
 * place in the diagram (README.md, "Command line", says what is kept).
 *
 * Mermaid's grammar ends a name at `:`, `;` and `#`, an actor also at
 * `,`; those characters are written as Mermaid's entity codes (`#58;`),
 * which Mermaid turns back into the character when it draws, and so is
 * `#` itself.  Line breaks become spaces; a name that Mermaid would read
 * as a keyword (`title …`, `section …`, `journey…`) or a comment (`%%`)
 * gets its first character as an entity code.
 *
 * Returns: (transfer full): the file's bytes (UTF-8, lines end in LF).
 */
GBytes *waymark_mermaid_write (WaymarkJourney *journey);

G_END_DECLS
