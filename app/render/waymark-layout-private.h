/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "waymark-layout.h"
#include "waymark-text-cache.h"

G_BEGIN_DECLS

/* The layout's insides, shared by the layout's files and the painters.
 * All positions are map units.  Cards and emotion points are stored
 * relative to their cell or column so that moving a row or a column never
 * touches the cards in it. */

/* The sizes of the grid's structure: margins, gutters, paddings, the
 * card width.  Two sets, one painter: the screen's, roomy for pointing
 * and dragging, and a dense one for paper, where the map is scaled to
 * fit and every unit of gutter is a unit taken from the text (see
 * waymark_layout_set_density).  Text sizes are in waymark-text-cache.c;
 * what holds one line of text (card rows, phase headers) stays the same
 * in both. */
typedef struct {
  double margin;               /* around the map */
  double min_content_width;    /* header and legend need room even on an empty map */
  double header_gap;           /* header → phase headers */
  double legend_gap;           /* last row → legend */
  double gap;                  /* between columns, rows and headers */
  double lane_header_width;
  double lane_header_pad;
  double card_width;
  double cell_pad;
  double slot_gap;             /* between cards side by side */
  double band_gap;             /* between rows of cards */
  double card_pad;
  double card_row_gap;         /* channel row → title → meta row */
  double note_pad;
  double emotion_height;       /* the emotion lane */
} WaymarkMetrics;

const WaymarkMetrics *_waymark_metrics_get (WaymarkLayoutDensity density);

#define WM_PHASE_HEADER_HEIGHT 54.0
#define WM_CHEVRON_TIP         14.0

/* Cells and cards */
#define WM_STACK_TARGET        4       /* cards per stack before a column widens (screen) */
#define WM_MAX_SLOTS           4       /* cards side by side at most */
#define WM_CARD_CHANNEL_ROW    18.0
#define WM_CARD_META_ROW       18.0
#define WM_CARD_TITLE_LINES    3
#define WM_CARD_RADIUS         8.0
#define WM_NOTE_LINES          8
#define WM_NOTE_MIN_HEIGHT     64.0
#define WM_NOTE_VOTES_ROW      14.0    /* below a note's text when it has votes */
#define WM_CARD_MIN_HEIGHT     88.0

/* Lane heights */
#define WM_MIN_KPI_ROW         64.0
#define WM_EMOTION_PAD         34.0    /* above +2 and below -2: room for labels */
#define WM_EMOTION_RADIUS      6.5
#define WM_EMOTION_LABEL_WIDTH 150.0
#define WM_EMOTION_LABEL_SPACE 4.0     /* point → label */

/* KPI summaries */
#define WM_KPI_LINE_HEIGHT     19.0
#define WM_KPI_TITLE_GAP       8.0

typedef struct _WaymarkColumn WaymarkColumn;
typedef struct _WaymarkRow    WaymarkRow;
typedef struct _WaymarkCell   WaymarkCell;
typedef struct _WaymarkCard   WaymarkCard;
typedef struct _WaymarkLinkRoutes WaymarkLinkRoutes;

struct _WaymarkColumn
{
  WaymarkPhase *phase;      /* strong */
  guint index;
  guint n_slots;            /* cards side by side in this column */
  double x;
  double width;
  guint n_touchpoints;
  PangoLayout *name;
  PangoLayout *count;       /* "6 touchpoints" */
  guint dirty : 1;          /* slot count (and so width) to recompute */
  guint header_dirty : 1;   /* name or count text */
};

struct _WaymarkRow
{
  WaymarkLane *lane;        /* strong */
  WaymarkLaneKind kind;     /* as laid out, to notice a change of kind */
  guint index;
  double y;
  double height;
  double header_height;     /* what the header text needs */
  PangoLayout *name;
  PangoLayout *hint;
  guint dirty : 1;          /* height to recompute */
  guint header_dirty : 1;   /* name text */
};

/* One row of cards in a cell's flow. */
typedef struct {
  double y;
  double height;
} WaymarkBand;

/* One line of a KPI summary. */
typedef struct {
  PangoLayout *name;        /* owned */
  PangoLayout *value;       /* owned */
  double x;                 /* relative to the cell */
  double y;
  double width;
  double height;
} WaymarkKpiLine;

struct _WaymarkCell
{
  const WaymarkMetrics *metrics;  /* the layout's */
  WaymarkColumn *column;
  WaymarkRow *row;
  GPtrArray *cards;         /* WaymarkCard (owned by the layout's table), in order */
  GArray *bands;            /* WaymarkBand */
  GPtrArray *kpi_lines;     /* WaymarkKpiLine, KPI lanes only */
  double height;            /* what the content needs, padding included */
  guint n_slots;            /* the slot count the cards were flowed with */
  guint dirty : 1;          /* cards to flow again */
  guint kpi_dirty : 1;      /* KPI summary to rebuild */
};

#define WM_NO_EMOTION G_MININT

struct _WaymarkCard
{
  gpointer item;            /* strong: WaymarkTouchpoint or WaymarkNote */
  WaymarkCell *cell;        /* NULL when its cell does not exist */
  guint position;           /* in the cell */
  double x, y, width, height;  /* relative to the cell */
  double natural_height;
  PangoLayout *text;        /* title or note text */
  PangoLayout *emotion_label;  /* the emotion note on the curve */
  double emotion_label_width;  /* the width it was wrapped at */
  int emotion_index;        /* its point in the layout's emotion array, or -1 */
  /* What the last layout saw, to tell what an edit changed. */
  WaymarkPhase *phase;      /* borrowed, compared only */
  WaymarkLane *lane;
  int emotion;              /* WM_NO_EMOTION when none */
  char *emotion_note;
  guint kpi_hash;
  guint persona_hash;       /* its persona marks, 0 when none */
  double slot_rel_x;        /* its x on the emotion curves (from its column's
                             * left), or -1 when no curve passes it */
  guint dirty : 1;          /* text to measure */
  guint votes_row : 1;      /* a note measured with a row for its votes */
};

typedef struct {
  WaymarkTouchpoint *touchpoint;  /* borrowed: its card holds a reference */
  WaymarkColumn *column;
  double rel_x;             /* from the column's left edge */
  double rel_y;             /* from the emotion lane's top */
  int score;
  PangoLayout *label;       /* shared; NULL when there is no note */
  int label_side;           /* -1 above, +1 below */
  guint footnote;           /* 0, or the number under which the note is listed
                             * below the legend because it had no room on the
                             * curve (label is then the "(n)" marker) */
  double label_dx;          /* shift that keeps the label inside the lane */
  double label_width;
  double label_height;
} WaymarkEmotionPoint;

/* One point of a persona's curve: at a touchpoint that applies to the
 * persona and has an emotion for it. */
typedef struct {
  WaymarkColumn *column;
  double rel_x;             /* from the column's left edge */
  double rel_y;             /* from the emotion lane's top */
  gboolean own;             /* the persona's own score, not the card's */
} WaymarkPersonaPoint;

/* A persona's emotion curve (waymark-persona-curves.c). */
typedef struct {
  WaymarkPersona *persona;  /* borrowed: the journey holds it */
  guint style;              /* waymark_persona_style_of() */
  GArray *points;           /* WaymarkPersonaPoint, in journey order */
} WaymarkPersonaCurve;

typedef enum {
  WM_LEGEND_TITLE,
  WM_LEGEND_CATEGORY,       /* value: WaymarkCategory */
  WM_LEGEND_EMOTION,        /* value: score */
  WM_LEGEND_WEAKNESS,
  WM_LEGEND_STRENGTH,
  WM_LEGEND_MOMENT_OF_TRUTH,
  WM_LEGEND_LINK,
  WM_LEGEND_NOTE,
  WM_LEGEND_ALL_PERSONAS,   /* the map's own curve, beside the personas' */
  WM_LEGEND_PERSONA,        /* value: the persona's style */
} WaymarkLegendKind;

typedef struct {
  WaymarkLegendKind kind;
  int value;
  double x, y;              /* relative to legend_rect; y is the line's centre */
  PangoLayout *label;       /* owned */
} WaymarkLegendItem;

#define WM_LEGEND_SYMBOL 18.0
#define WM_LEGEND_LINE   26.0

struct _WaymarkLayout
{
  GObject parent_instance;

  WaymarkJourney *journey;
  gulong changed_id;
  WaymarkTextCache *text;

  const WaymarkMetrics *metrics;
  WaymarkLayoutDensity density;
  guint max_slots;          /* cards side by side at most (1 … WM_MAX_SLOTS) */
  guint stack_target;       /* cards per stack before a column widens */
  GPtrArray *columns;       /* WaymarkColumn, in phase order */
  GPtrArray *rows;          /* WaymarkRow, in lane order */
  WaymarkCell *cells;       /* rows->len × columns->len, row-major */
  GHashTable *column_of;    /* WaymarkPhase → WaymarkColumn */
  GHashTable *row_of;       /* WaymarkLane → WaymarkRow */
  GHashTable *cards;        /* item → WaymarkCard (owned) */

  /* Header */
  PangoLayout *title;
  PangoLayout *subtitle;
  PangoLayout *personas;
  PangoLayout *badge;
  WaymarkRect header;
  WaymarkRect title_rect;
  WaymarkRect subtitle_rect;
  WaymarkRect personas_rect;
  WaymarkRect badge_rect;

  /* Grid */
  double content_width;     /* from the left margin to the right margin */
  double grid_x;            /* left edge of the first column */
  double grid_right;        /* right edge of the last column */
  double phase_y;           /* top of the phase headers */
  double rows_y;            /* top of the first row */
  double rows_bottom;       /* bottom of the last row */
  PangoLayout *empty_hint;  /* shown when there are no phases or lanes */

  /* Emotion curve (the same in every emotion lane) */
  GArray *emotion;          /* WaymarkEmotionPoint, in journey order */

  GPtrArray *persona_curves;  /* WaymarkPersonaCurve, in the journey's persona order;
                               * empty when no touchpoint names a persona */
  GPtrArray *emotion_marks; /* PangoLayout "(n)" of the points whose note is a footnote */
  PangoLayout *emotion_footnotes;  /* their notes in full, or NULL */
  WaymarkRect footnotes_rect;      /* below the legend; empty without footnotes */

  /* Legend */
  GArray *legend;           /* WaymarkLegendItem */
  WaymarkRect legend_rect;

  /* Booklet pages (waymark_layout_set_frame_width, _set_page_breaks) */
  double frame_width;       /* header, legend and emotion notes wrap here; 0: the map's width */
  WaymarkHighlight *highlight;  /* nullable: which cards stand out (waymark_layout_set_highlight) */
  WaymarkChecker *checker;      /* nullable: the findings the highlight reads */
  GArray *page_breaks;      /* guint, ascending: columns that start a page (never 0) */

  double width;
  double height;

  /* What waits for the next update */
  GPtrArray *dirty_cards;
  GPtrArray *dirty_cells;
  GPtrArray *dirty_columns;
  GPtrArray *dirty_rows;
  guint structure_dirty : 1;
  guint header_dirty : 1;
  guint emotion_dirty : 1;
  guint x_dirty : 1;
  guint y_dirty : 1;
  guint legend_dirty : 1;
  guint any_dirty : 1;
  gboolean updating;

  /* Link routes (waymark-link-layout.c), rebuilt after any change */
  WaymarkLinkRoutes *link_routes;
  gboolean links_dirty;

  WaymarkLayoutStats stats;
};

/* The width the header, the legend and the emotion notes wrap at. */
static inline double
_waymark_layout_frame_width (WaymarkLayout *self)
{
  return self->frame_width > 0 ? MIN (self->frame_width, self->content_width) : self->content_width;
}

static inline WaymarkCell *
_waymark_layout_cell (WaymarkLayout *self,
                      guint          row,
                      guint          column)
{
  return &self->cells[row * self->columns->len + column];
}

static inline WaymarkColumn *
_waymark_layout_column (WaymarkLayout *self,
                        guint          index)
{
  return g_ptr_array_index (self->columns, index);
}

static inline WaymarkRow *
_waymark_layout_row (WaymarkLayout *self,
                     guint          index)
{
  return g_ptr_array_index (self->rows, index);
}

static inline void
_waymark_cell_get_rect (WaymarkCell *cell,
                        WaymarkRect *rect)
{
  *rect = WAYMARK_RECT_INIT (cell->column->x, cell->row->y, cell->column->width, cell->row->height);
}

static inline void
_waymark_card_get_rect (WaymarkCard *card,
                        WaymarkRect *rect)
{
  *rect = WAYMARK_RECT_INIT (card->cell->column->x + card->x, card->cell->row->y + card->y,
                             card->width, card->height);
}

/* Whether cards can sit in rows of @kind (emotion and KPI rows are drawn
 * from the touchpoints instead). */
static inline gboolean
_waymark_row_holds_cards (WaymarkRow *row)
{
  return row->kind == WAYMARK_LANE_TOUCHPOINTS || row->kind == WAYMARK_LANE_NOTES;
}

/* The visible index range [*first, *last] of columns crossing [x1, x2)
 * and of rows crossing [y1, y2), by binary search; FALSE when none. */
gboolean _waymark_layout_column_range (WaymarkLayout *self, double x1, double x2, guint *first, guint *last);
gboolean _waymark_layout_row_range    (WaymarkLayout *self, double y1, double y2, guint *first, guint *last);
/* The first and last band of @cell crossing [y1, y2) (relative to the
 * cell); FALSE when none. */
gboolean _waymark_cell_band_range     (WaymarkCell *cell, double y1, double y2, guint *first, guint *last);

WaymarkTextCache *_waymark_layout_get_text_cache (WaymarkLayout *self);
/* The y of emotion @score relative to an emotion lane's top. */
double   _waymark_emotion_level_y     (const WaymarkMetrics *m, int score);

/* Shared by the layout's own files, waymark-layout*.c. */

/* waymark-layout.c */
/* Marks the whole layout out of date and emits ::invalidated. */
void           _waymark_layout_mark_invalid       (WaymarkLayout *self);

/* waymark-layout-structure.c */
void           _waymark_layout_column_free        (gpointer data);
void           _waymark_layout_row_free           (gpointer data);
void           _waymark_layout_cells_free         (WaymarkLayout *self);
/* The phase and the lane of a touchpoint or a note. */
WaymarkPhase  *_waymark_layout_item_phase         (gconstpointer item);
WaymarkLane   *_waymark_layout_item_lane          (gconstpointer item);
/* The cell a card item belongs in, or NULL when its phase or lane is not
 * (or no longer) in the journey, or its lane draws no cards. */
WaymarkCell   *_waymark_layout_cell_for_item      (WaymarkLayout *self, gconstpointer item);
/* Rebuilds columns, rows and cells from the journey, keeping the cards. */
void           _waymark_layout_rebuild_structure  (WaymarkLayout *self);

/* waymark-layout-changes.c: queue what the next update measures. */
void           _waymark_layout_mark_card          (WaymarkLayout *self, WaymarkCard *card);
void           _waymark_layout_mark_cell          (WaymarkLayout *self, WaymarkCell *cell);
/* The column's slot count may change: a cell in it gained or lost cards. */
void           _waymark_layout_mark_column        (WaymarkLayout *self, WaymarkColumn *column);
void           _waymark_layout_mark_row           (WaymarkLayout *self, WaymarkRow *row);
/* The card of @item, made (and marked to measure) when it has none yet. */
WaymarkCard   *_waymark_layout_ensure_card        (WaymarkLayout *self, gpointer item);
/* The handler of WaymarkJourney::changed. */
void           _waymark_layout_on_journey_changed (WaymarkJourney *journey, WaymarkChange *change,
                                                   WaymarkLayout *self);

/* waymark-layout-header.c */
void           _waymark_layout_update_header      (WaymarkLayout *self);
void           _waymark_layout_update_empty_hint  (WaymarkLayout *self);

/* waymark-layout-geometry.c */
/* The index of the first column (row) whose far edge, plus half the gap
 * after it, lies beyond @x (@y); the count when none. */
guint          _waymark_layout_column_lower_bound (WaymarkLayout *self, double x);
guint          _waymark_layout_row_lower_bound    (WaymarkLayout *self, double y);

/* waymark-card-layout.c */
WaymarkCard *_waymark_card_new        (gpointer item);
void         _waymark_card_free       (WaymarkCard *card);
/* Remembers what @card's item holds now; returns the parts that changed. */
typedef enum {
  WM_CARD_CHANGED_EMOTION = 1 << 0,
  WM_CARD_CHANGED_KPIS    = 1 << 1,
  WM_CARD_CHANGED_CELL    = 1 << 2,
  WM_CARD_CHANGED_PERSONAS = 1 << 3,   /* the personas it is marked for */
} WaymarkCardChanges;
WaymarkCardChanges _waymark_card_snapshot (WaymarkCard *card);
/* Lays out the card's text and sets its natural height; TRUE when the
 * height changed. */
gboolean     _waymark_card_measure    (WaymarkCard *card, const WaymarkMetrics *m, WaymarkTextCache *text,
                                      guint *n_measured);
/* Places the cell's cards in bands of the column's slot count; sets
 * cell->height. */
void         _waymark_cell_flow       (WaymarkCell *cell);
double       _waymark_cell_content_x  (WaymarkCell *cell, guint slot);
/* The insertion index for a drop at (@x, @y) relative to the cell. */
guint        _waymark_cell_insertion_index (WaymarkCell *cell, double x, double y);

/* waymark-kpi-layout.c */
void         _waymark_kpi_cell_build  (WaymarkCell *cell, WaymarkLayout *layout);
void         _waymark_kpi_cell_clear  (WaymarkCell *cell);
guint        _waymark_kpi_hash        (WaymarkTouchpoint *tp);

/* waymark-emotion-layout.c */
void         _waymark_emotion_build   (WaymarkLayout *self);
/* Where the label of @p (at absolute @x) goes on @side (-1 above, +1
 * below), its halo included, in an emotion lane whose top is @top. */
void         _waymark_emotion_label_rect (const WaymarkEmotionPoint *p, double x, double top, int side,
                                         WaymarkRect *rect);
/* The curve from point @i to @i + 1 as a cubic Bézier (start, two
 * control points, end) in an emotion lane whose top is @top. */
void         _waymark_emotion_segment (WaymarkLayout *self, guint i, double top, double p[8]);
/* The index of the first point at or right of absolute @x. */
guint        _waymark_emotion_lower_bound (WaymarkLayout *self, double x);
static inline double
_waymark_emotion_point_x (const WaymarkEmotionPoint *p)
{
  return p->column->x + p->rel_x;
}

/* waymark-link-layout.c */
/* Links are routed through the gutters between cards (see there) and cut
 * into pieces: straight runs and rounded corners. */
typedef struct {
  double p[8];              /* a corner: start, two control points, end; a run: p[0..1] → p[6..7] */
  WaymarkRect box;          /* with room for the widest stroke */
  guint route;              /* index of its route */
  gboolean curve;
} WaymarkLinkPiece;

typedef struct {
  WaymarkLink *link;        /* borrowed */
  guint first_piece;        /* its pieces, in order from the start */
  guint n_pieces;
  double start_x, start_y;  /* on the source card's edge (the dot) */
  double tip_x, tip_y;      /* on the target card's edge */
  double dir_x, dir_y;      /* the direction it arrives in (unit) */
  double head_length;       /* the arrowhead's, at most WM_ARROW_LENGTH */
  gboolean dot;             /* long enough for a dot and a head */
} WaymarkLinkRoute;

/* The routes of every link, built on first use after a change. */
WaymarkLinkRoutes      *_waymark_layout_get_link_routes (WaymarkLayout *self);
void                    _waymark_link_routes_free       (WaymarkLinkRoutes *routes);
const WaymarkLinkRoute *_waymark_link_routes_get        (WaymarkLinkRoutes *routes, guint index);
const WaymarkLinkPiece *_waymark_link_routes_get_piece  (WaymarkLinkRoutes *routes, guint index);
guint                   _waymark_link_routes_get_n      (WaymarkLinkRoutes *routes);
/* Sets @out (guint) to the pieces whose box meets @rect, each once, from
 * the tiles @rect covers; returns how many entries were looked at. */
guint                   _waymark_link_routes_query      (WaymarkLinkRoutes *routes, const WaymarkRect *rect,
                                                        GArray *out);
void                    _waymark_link_routes_tiles      (WaymarkLinkRoutes *routes, const WaymarkRect *rect,
                                                        guint *tx0, guint *tx1, guint *ty0, guint *ty1);
/* Sorts piece indices, so each route's pieces come together, in order. */
void                    _waymark_link_routes_sort       (GArray *pieces);
#define WM_ARROW_LENGTH 9.0
#define WM_ARROW_WIDTH  7.0

/* waymark-persona-curves.c */
/* The personas some touchpoint names, in the journey's order (a new
 * array of borrowed pointers). */
GPtrArray   *_waymark_persona_curves_personas (WaymarkLayout *self);
/* Rebuilds the personas' curves; @slots counts, per column, the places
 * the cards' emotion points share out. */
void         _waymark_persona_curves_build    (WaymarkLayout *self, const guint *slots);
void         _waymark_persona_curve_free      (gpointer curve);
/* Bézier segment @i of @curve like _waymark_emotion_segment(). */
void         _waymark_persona_curve_segment   (const WaymarkPersonaCurve *curve, guint i, double top, double p[8]);
/* A hash of @tp's marks (0 when none), to tell when they changed. */
guint        _waymark_persona_marks_hash      (const WaymarkTouchpoint *tp);

/* waymark-legend-layout.c */
void         _waymark_legend_build    (WaymarkLayout *self);
void         _waymark_legend_clear    (WaymarkLayout *self);

G_END_DECLS
