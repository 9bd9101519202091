/*
 * pdf_geom.h - the geometric stage of the PDF front end: from the glyphs
 * of one page (boxes, sizes, weights, code points) to its lines in reading
 * order, each with what the page shows about it (set large or small, the
 * first line of a paragraph, the start of an article region, page
 * furniture).
 *
 * Pure code: no PDF library, no I/O.  load_pdf.c extracts the glyphs with
 * poppler and hands them here; the tests and the fuzz target feed
 * synthetic glyph streams.
 */
#ifndef KANBAO_PDF_GEOM_H
#define KANBAO_PDF_GEOM_H

#include <stddef.h>
#include <stdint.h>

/* Flags of a glyph. */
#define PDF_GLYPH_BOLD		0x01	/* a bold or heavy face (…-Bold, Hei) */
#define PDF_GLYPH_SPACE		0x02	/* the content had a space before it */

/*
 * One glyph: its box in points, origin at the top left of the page, y
 * growing down (poppler's convention); its font size in points; its code
 * point; and the font it is set in, as a small number that only has to
 * differ between faces (a hash of the name).
 */
struct pdf_glyph {
	float		 x0, y0, x1, y1;
	float		 size;
	uint32_t	 cp;
	uint16_t	 font;
	uint8_t		 flags;
};

/* Flags of a line. */
#define PDF_LINE_DISPLAY	0x0001	/* a headline, kicker or subtitle line */
#define PDF_LINE_SMALL		0x0002	/* set smaller than the body: caption */
#define PDF_LINE_PARA		0x0004	/* the first line of a paragraph */
#define PDF_LINE_REGION		0x0008	/* an article region starts here */
#define PDF_LINE_FURNITURE	0x0010	/* page header, footer or masthead */
#define PDF_LINE_VERTICAL	0x0020	/* set vertically, one glyph a row */
#define PDF_LINE_BOLD		0x0040	/* mostly bold glyphs */
#define PDF_LINE_GAP		0x0080	/* a new block of text: a blank line
					   stands before it in the text */
#define PDF_LINE_AUTHOR		0x0100	/* the author line under a headline */
#define PDF_LINE_INDENT		0x0200	/* starts indented in its column */
#define PDF_LINE_LARGE		0x0400	/* set above body size (or vertical) */
#define PDF_LINE_NEWCOL		0x0800	/* first line of a column (leaf) */

/* One line in reading order: text[off..off + len) of the layout. */
struct pdf_line {
	size_t		 off;
	uint32_t	 len;
	uint32_t	 flags;
	float		 x0, y0, x1, y1;
	float		 size;		/* the size most of its glyphs have */
	uint16_t	 font;		/* the face of its first fragment */
};

/* The lines of one page. */
struct pdf_layout {
	char		*text;		/* UTF-8, lines separated by '\n' */
	size_t		 len;
	struct pdf_line	*lines;
	size_t		 nlines;
	float		 body;		/* body font size in points (0 if none) */
};

/*
 * Lay out the n glyphs g of a page of width w and height h (points) into
 * out, which the caller frees with pdf_layout_free (also on an empty
 * page).  Glyphs with a box that is not finite, is inverted or lies far
 * off the page, or with a code point that is not a character, are
 * ignored.  The work is O(n log n) but for the line building, which is
 * O(n * open lines); callers bound n.
 */
void	 pdf_geom_layout(const struct pdf_glyph *g, size_t n, double w,
	    double h, struct pdf_layout *out);
/* Free a layout's memory (not the struct). */
void	 pdf_layout_free(struct pdf_layout *lay);

#endif
