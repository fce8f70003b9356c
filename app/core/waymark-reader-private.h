/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <libxml/parser.h>

#include "waymark-conflict.h"
#include "waymark-error.h"
#include "waymark-journey.h"
#include "waymark-reader.h"
#include "waymark-tag-scan.h"

G_BEGIN_DECLS

/* The reader is split in three: waymark-reader.c drives libxml2 (checks
 * on the raw bytes, SAX callbacks, attributes, messages);
 * waymark-reader-elements.c knows the format (which element may hold
 * which, attribute values, building the model); waymark-reader-foreign.c
 * keeps what other namespaces put in a journey. */

#define WAYMARK_NAMESPACE "urn:waymark:journey"

/* The serialisation of one foreign subtree is capped like libxml2's own
 * tree builder caps a text node (XML_MAX_TEXT_LENGTH): the file cap alone
 * would let it grow a string buffer to twice the file's size.  The text
 * of our own elements has the far smaller limits of waymark-text-limit.h. */
#define READER_MAX_TEXT (10 * 1024 * 1024)
/* Namespace declarations kept on one element (a leaf child's move to its
 * item, which checks the ones already there). */
#define READER_MAX_NS_DECLS 256
/* Known attributes of the element that has most (touchpoint: id, phase,
 * lane, channel, initiator, votes).  Checked when the names are interned. */
#define READER_MAX_ATTRS 6
/* journey > item > leaf, or journey > conflict > value > kpi: our own
 * elements never nest deeper. */
#define READER_MAX_FRAMES 4

typedef enum {
  ELEMENT_JOURNEY,
  ELEMENT_TITLE,
  ELEMENT_SUBJECT,
  ELEMENT_GOAL,
  ELEMENT_STATE,
  ELEMENT_PERSONA,
  ELEMENT_PHASE,
  ELEMENT_LANE,
  ELEMENT_CHANNEL,
  ELEMENT_TOUCHPOINT,
  ELEMENT_NOTE,
  ELEMENT_LINK,
  ELEMENT_NAME,
  ELEMENT_DESCRIPTION,
  ELEMENT_QUOTE,
  ELEMENT_IDEA,
  ELEMENT_EMOTION,
  ELEMENT_OWNER,
  ELEMENT_ASSESSMENT,
  ELEMENT_KPI,
  ELEMENT_TEXT,
  ELEMENT_DISMISSED,
  ELEMENT_CONFLICT,
  ELEMENT_BASE,
  ELEMENT_OURS,
  ELEMENT_THEIRS,
  ELEMENT_APPLIES_TO,   /* format 2: a touchpoint's persona and its emotion */
  N_ELEMENTS,
  ELEMENT_FOREIGN = N_ELEMENTS,   /* an element of another namespace */
} ReaderElement;

typedef enum {
  CONTENT_ELEMENTS,   /* journey and items: child elements, blank text */
  CONTENT_TEXT,       /* title, name, emotion, …: text only */
  CONTENT_EMPTY,      /* assessment, kpi, dismissed: attributes only */
} ReaderContent;

/* One of our elements that is open. */
typedef struct {
  ReaderElement element;
  ReaderContent content;      /* of @element, looked up once */
  ReaderElement last_child;   /* N_ELEMENTS before the first child */
  guint rank;                 /* order rank of @last_child */
  guint32 seen;               /* 1 << child element, for each child seen */
  int line;                   /* of the start tag */
} ReaderFrame;

struct _WaymarkReader {
  xmlParserCtxtPtr ctxt;      /* created with the first bytes it gets */
  char *display_name;
  gboolean finished;

  /* The checks on the bytes, made as they come (waymark-reader.c). */
  gsize total;                /* bytes fed so far */
  guchar start[4];            /* the first bytes, for the gzip and BOM checks */
  guint n_start;
  gboolean start_checked;
  gboolean bom;               /* the file starts with a UTF-8 BOM */
  guchar carry[4];            /* a character cut by the end of a piece */
  guint n_carry;
  guint carry_need;           /* its length in bytes */
  int carry_line;
  int next_line;              /* the line of the next byte to check */
  gsize n_checked;            /* bytes checked so far */
  gboolean any_content;       /* a byte that is not white space (BOM included) */
  char first_content;         /* the first such byte after the BOM, or 0 */
  char last_content;          /* the last such byte */
  GString *head;              /* held back until the declaration is judged */
  gsize next_scan;            /* head length that warrants another look */
  gboolean declaration_checked;
  gboolean terminating;       /* libxml2 is told the document ends */
  WaymarkTagScan tags;        /* attributes per start tag, counted before libxml2 */

  GError *error;              /* the first problem; later events are ignored */
  WaymarkJourney *journey;
  int format;
  gboolean newer;
  gboolean root_done;

  guint depth;                /* every open element, foreign ones included */
  ReaderFrame frames[READER_MAX_FRAMES];
  guint n_frames;
  guint foreign_depth;        /* > 0 inside a foreign subtree */
  gboolean foreign_open;      /* its last start tag still lacks its '>' */
  guint skip_depth;           /* > 0 inside an unknown element of a newer format */

  gpointer item;              /* the item being read (the journey holds it) */
  WaymarkJourney *share_with; /* another version to share equal items with */
  WaymarkConflict *conflict;  /* the merge conflict being read (the journey holds it) */
  int conflict_side;          /* the value of it being read, or -1 */
  gpointer resolved[WAYMARK_N_ITEM_TYPES];   /* the last one each kind of reference named */
  int journey_line;
  GArray *lines[WAYMARK_N_ITEM_TYPES];   /* int: start line of each item */

  const xmlChar *interned_ns;                 /* in libxml2's dictionary */
  const xmlChar *interned_names[N_ELEMENTS];
  const xmlChar *interned_attrs[N_ELEMENTS][READER_MAX_ATTRS];

  GString *text;              /* content of the open text element */
  gsize text_chars;           /* its length in characters */
  GString *scratch;           /* NUL-terminated copies of attribute values */
  GString *foreign;           /* the foreign subtree being serialised */
};

typedef struct _WaymarkReader Reader;

/* waymark-reader.c */
void         _waymark_reader_fail    (Reader             *r,
                             int                 line,
                             WaymarkFormatError  code,
                             const char         *format,
                             ...) G_GNUC_PRINTF (4, 5);
int          _waymark_reader_line    (Reader             *r);
char        *_waymark_reader_quote   (const char         *value);

/* waymark-reader-foreign.c */
gboolean     _waymark_reader_is_ours           (Reader         *r,
                                       const xmlChar  *uri);
void         _waymark_reader_append_value      (GString        *out,
                                       const char     *value,
                                       gsize           length);
gboolean     _waymark_reader_take_ns_decls     (Reader         *r,
                                       ReaderFrame    *frame,
                                       int             nb_namespaces,
                                       const xmlChar **namespaces);
void         _waymark_reader_take_foreign_attributes (Reader         *r,
                                             ReaderFrame    *frame,
                                             int             nb_attributes,
                                             const xmlChar **attributes);
void         _waymark_reader_foreign_start     (Reader         *r,
                                       const xmlChar  *localname,
                                       const xmlChar  *prefix,
                                       const xmlChar  *uri,
                                       int             nb_namespaces,
                                       const xmlChar **namespaces,
                                       int             nb_attributes,
                                       const xmlChar **attributes);
void         _waymark_reader_foreign_end       (Reader         *r,
                                       const xmlChar  *localname,
                                       const xmlChar  *prefix);
void         _waymark_reader_foreign_text      (Reader         *r,
                                       const char     *text,
                                       gsize           length);
void         _waymark_reader_foreign_comment   (Reader         *r,
                                       const char     *text);
void         _waymark_reader_foreign_processing_instruction (Reader     *r,
                                                    const char *target,
                                                    const char *data);

/* waymark-reader-elements.c */
const char  *_waymark_reader_element_name      (ReaderElement element);
ReaderContent _waymark_reader_element_content  (ReaderElement element);
/* The most characters the text of @element (CONTENT_TEXT) may hold. */
gsize        _waymark_reader_element_text_limit (ReaderElement element);
gboolean     _waymark_reader_element_is_item   (ReaderElement element);
const char *const *_waymark_reader_element_attrs (ReaderElement element, guint *required);
/* Checks that @localname (of our namespace) may come next in @parent.
 * Sets @child to the element, or to N_ELEMENTS when a newer format's
 * element is to be skipped; FALSE after reporting a problem. */
gboolean     _waymark_reader_enter_child       (Reader      *r,
                                       ReaderFrame *parent,
                                       const char  *localname,
                                       ReaderElement *child);
void         _waymark_reader_enter_foreign     (Reader      *r,
                                       ReaderFrame *parent);
gboolean     _waymark_reader_read_format       (Reader      *r,
                                       const char  *value,
                                       int          line);
gboolean     _waymark_reader_start_element     (Reader             *r,
                                       ReaderFrame        *frame,
                                       const char *const  *values);
gboolean     _waymark_reader_end_element       (Reader      *r,
                                       ReaderFrame *frame);
WaymarkForeign **_waymark_reader_foreign_slot  (Reader *r);
const char  *_waymark_reader_foreign_owner     (Reader      *r,
                                       ReaderFrame *frame,
                                       char        *buffer,
                                       gsize        size);

G_END_DECLS
