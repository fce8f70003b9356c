/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-render"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "waymark-paper.h"

typedef struct {
  const char *nick;
  const char *pwg_name;
  double short_side;   /* points */
  double long_side;
} PaperInfo;

#define MM(x)   WAYMARK_MM_TO_POINTS (x)
#define INCH(x) ((x) * 72.0)

static const PaperInfo papers[WAYMARK_N_PAPERS] = {
  [WAYMARK_PAPER_NATURAL] = { "natural", NULL, 0, 0 },
  [WAYMARK_PAPER_A4]      = { "a4", "iso_a4", MM (210), MM (297) },
  [WAYMARK_PAPER_A3]      = { "a3", "iso_a3", MM (297), MM (420) },
  [WAYMARK_PAPER_A2]      = { "a2", "iso_a2", MM (420), MM (594) },
  [WAYMARK_PAPER_A1]      = { "a1", "iso_a1", MM (594), MM (841) },
  [WAYMARK_PAPER_A0]      = { "a0", "iso_a0", MM (841), MM (1189) },
  [WAYMARK_PAPER_LETTER]  = { "letter", "na_letter", INCH (8.5), INCH (11) },
  /* Tabloid and ledger are one sheet, 11 × 17 in; PWG calls it ledger. */
  [WAYMARK_PAPER_TABLOID] = { "tabloid", "na_ledger", INCH (11), INCH (17) },
};

const char *
waymark_paper_to_nick (WaymarkPaper paper)
{
  g_return_val_if_fail (paper < WAYMARK_N_PAPERS, NULL);

  return papers[paper].nick;
}

gboolean
waymark_paper_from_nick (const char   *nick,
                         WaymarkPaper *out)
{
  if (nick == NULL)
    return FALSE;

  for (guint i = 0; i < WAYMARK_N_PAPERS; i++)
    if (g_ascii_strcasecmp (nick, papers[i].nick) == 0)
      {
        if (out != NULL)
          *out = (WaymarkPaper) i;
        return TRUE;
      }

  return FALSE;
}

const char *
waymark_paper_get_display_name (WaymarkPaper paper)
{
  switch (paper)
    {
    case WAYMARK_PAPER_NATURAL: return _("Natural size (one page)");
    case WAYMARK_PAPER_A4:      return _("A4 (210 × 297 mm)");
    case WAYMARK_PAPER_A3:      return _("A3 (297 × 420 mm)");
    case WAYMARK_PAPER_A2:      return _("A2 (420 × 594 mm)");
    case WAYMARK_PAPER_A1:      return _("A1 (594 × 841 mm)");
    case WAYMARK_PAPER_A0:      return _("A0 (841 × 1189 mm)");
    case WAYMARK_PAPER_LETTER:  return _("US Letter (8.5 × 11 in)");
    case WAYMARK_PAPER_TABLOID: return _("Tabloid (11 × 17 in)");
    case WAYMARK_N_PAPERS:
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
waymark_paper_get_pwg_name (WaymarkPaper paper)
{
  g_return_val_if_fail (paper < WAYMARK_N_PAPERS, NULL);

  return papers[paper].pwg_name;
}

void
waymark_paper_get_size (WaymarkPaper        paper,
                        WaymarkOrientation  orientation,
                        double             *width,
                        double             *height)
{
  const PaperInfo *info;
  gboolean landscape = orientation == WAYMARK_ORIENTATION_LANDSCAPE;

  g_return_if_fail (paper < WAYMARK_N_PAPERS);

  info = &papers[paper];
  if (width != NULL)
    *width = landscape ? info->long_side : info->short_side;
  if (height != NULL)
    *height = landscape ? info->short_side : info->long_side;
}

const char *
waymark_orientation_to_nick (WaymarkOrientation orientation)
{
  return orientation == WAYMARK_ORIENTATION_PORTRAIT ? "portrait" : "landscape";
}

gboolean
waymark_orientation_from_nick (const char         *nick,
                               WaymarkOrientation *out)
{
  WaymarkOrientation orientation;

  if (g_ascii_strcasecmp (nick ? nick : "", "landscape") == 0)
    orientation = WAYMARK_ORIENTATION_LANDSCAPE;
  else if (g_ascii_strcasecmp (nick ? nick : "", "portrait") == 0)
    orientation = WAYMARK_ORIENTATION_PORTRAIT;
  else
    return FALSE;

  if (out != NULL)
    *out = orientation;
  return TRUE;
}

/* Reads 1 … WAYMARK_POSTER_MAX_SHEETS from the front of @text. */
static gboolean
parse_count (const char **text,
             guint       *out)
{
  const char *p = *text;
  guint value = 0;

  if (!g_ascii_isdigit (*p))
    return FALSE;
  while (g_ascii_isdigit (*p))
    {
      value = value * 10 + (guint) (*p - '0');
      if (value > WAYMARK_POSTER_MAX_SHEETS)
        return FALSE;
      p++;
    }
  if (value == 0)
    return FALSE;

  *out = value;
  *text = p;
  return TRUE;
}

gboolean
waymark_poster_parse (const char  *text,
                      guint       *columns,
                      guint       *rows,
                      GError     **error)
{
  const char *p = text ? text : "";
  guint c = 0, r = 0;
  gboolean ok;

  ok = parse_count (&p, &c);
  if (ok)
    {
      if (*p == 'x' || *p == 'X')
        p++;
      else if (g_str_has_prefix (p, "×"))
        p += strlen ("×");
      else
        ok = FALSE;
    }
  ok = ok && parse_count (&p, &r) && *p == '\0';

  if (!ok)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   /* TRANSLATORS: %s is what the user typed, %d the largest number of sheets */
                   _("“%s” is not a poster size: use COLUMNSxROWS with 1 to %d sheets each way, e.g. 3x2"),
                   text ? text : "", WAYMARK_POSTER_MAX_SHEETS);
      return FALSE;
    }

  if (columns != NULL)
    *columns = c;
  if (rows != NULL)
    *rows = r;
  return TRUE;
}
