#ifndef RUNDBORD_PANGOCAIRO_SHIM_H
#define RUNDBORD_PANGOCAIRO_SHIM_H
/* Pango (text layout) and Cairo (the PDF surface) for the typeset harvest.
   Only the rundbord-pdf executable links this module, so the TUI never
   loads these libraries. */
#include <pango/pangocairo.h>
#include <cairo/cairo.h>
#include <cairo/cairo-pdf.h>

/* Macros and values that do not import into Swift. */
static inline int rb_pango_scale(void) { return PANGO_SCALE; }
static inline const char *rb_cairo_tag_link(void) { return CAIRO_TAG_LINK; }
#endif
