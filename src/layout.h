/*
 * layout.h - Chinese-aware line breaking.  Pure functions, no curses.
 *
 * layout_wrap() splits one paragraph into lines of at most `width` display
 * columns following clreq's "basic" prohibition rules (kinsoku): no line
 * starts with 。，、；：？！）」』】》”’ and the like, none ends with
 * （「『【《“‘; ——, …… and Latin/number runs are not split; characters are
 * pushed down to the next line rather than squeezed.  A break is forced
 * only when nothing else fits (an over-long URL).  Details and vectors:
 * research/cjk-layout.md section 3.
 *
 * Invariants (tested and fuzzed): no line is wider than width (except a
 * single character wider than width, alone on its line); concatenating the
 * lines plus the spaces dropped at the breaks gives back the input.
 */
#ifndef KANBAO_LAYOUT_H
#define KANBAO_LAYOUT_H

#include <stddef.h>

/* One wrapped line: a byte range of the paragraph. */
struct layout_line {
	size_t	start;		/* byte offset of the first character */
	size_t	end;		/* byte offset just past the last (no trailing space) */
	size_t	width;		/* display columns */
};

/* A wrapped paragraph. */
struct layout {
	struct layout_line	*lines;
	size_t			 nlines;
};

/*
 * Wrap text[0..len) (one paragraph, no newlines) to width columns
 * (width >= 1).  Fills *out; free with layout_free().  An empty paragraph
 * gives one empty line.
 */
void	layout_wrap(const char *text, size_t len, size_t width,
	    struct layout *out);

/* Free the lines of a layout. */
void	layout_free(struct layout *l);

#endif
