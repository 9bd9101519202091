/*
 * fuzz_pdf_geom.c - fuzz target for the geometric stage of the PDF loader
 * (pdf_geom.h) and the segmentation pipeline's hints (seg.h), without
 * poppler: the input is a synthetic glyph stream.
 *
 * Input: 4 bytes of page size (width, height: 16 bits each, points),
 * then 12-byte glyph records:
 *
 *   x0 (16 bits, 1/4 point)  y0 (16 bits, 1/4 point)
 *   width, height (8 bits each, 1/4 point)  size (8 bits, 1/4 point)
 *   code point selector (16 bits)  flags  font  special
 *
 * The code point selector picks from Han characters, CJK punctuation,
 * ASCII and spaces, or with its top bit set is U+4E00 + the rest (the
 * Han block) or, past 0x5200, the rest - 0x5200 (ASCII and Latin);
 * "special"
 * turns coordinates or the size into NaN, infinity, huge or negative
 * values, as a hostile PDF could make poppler report.
 *
 * Checks: every line lies inside the layout's text, holds no newline and
 * is valid UTF-8, flags are the documented ones; then the lines go
 * through the pipeline with their hints, as load_pdf.c feeds them, into
 * a fresh edition that is finished and checked (fuzz_check_edition).
 */
#include "config.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "edition.h"
#include "fuzz.h"
#include "pdf_geom.h"
#include "seg.h"
#include "xalloc.h"

/* Characters a newspaper page is made of. */
static const uint32_t alphabet[] = {
	0x672C, 0x62A5, 0x8BAF, 0x8BB0, 0x8005, 0x4E2D, 0x56FD, 0x65B0,
	0x95FB, 0x7ECF, 0x6D4E, 0x53D1, 0x5C55, 0x3002, 0xFF0C, 0x3001,
	0xFF08, 0xFF09, 0x201C, 0x201D, 0x2014, 0xFF1A, 'A', 'z', '1', '9',
	'.', '-', ' ', 0x3000, 0x56FE, 0x6444,
};

/* Read a 16-bit value. */
static unsigned
u16(const uint8_t *p)
{
	return (unsigned)p[0] | (unsigned)p[1] << 8;
}

/* A hostile value for one field, or the value itself. */
static float
special(float v, unsigned sel)
{
	switch (sel & 7) {
	case 1:	return NAN;
	case 2:	return INFINITY;
	case 3:	return -v;
	case 4:	return v * 1e7f;
	default: return v;
	}
}

/* Lay out one synthetic glyph stream and check the layout and edition. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct pdf_glyph *g;
	struct pdf_layout lay;
	struct edition *ed;
	struct page pg;
	size_t n, i;
	double w, h;
	uint32_t lineno = 1;
	unsigned sel, hints;

	if (size < 4 || size > FUZZ_MAX_INPUT)
		return 0;
	w = u16(data);
	h = u16(data + 2);
	data += 4;
	size -= 4;
	n = size / 12;
	g = xcalloc(n > 0 ? n : 1, sizeof *g);
	for (i = 0; i < n; i++) {
		const uint8_t *r = data + 12 * i;

		g[i].x0 = (float)u16(r) / 4.0f;
		g[i].y0 = (float)u16(r + 2) / 4.0f;
		g[i].x1 = g[i].x0 + (float)r[4] / 4.0f;
		g[i].y1 = g[i].y0 + (float)r[5] / 4.0f;
		g[i].size = (float)r[6] / 4.0f;
		sel = u16(r + 7);
		if (sel & 0x8000)
			g[i].cp = (sel & 0x7FFF) < 0x5200 ?
			    0x4E00 + (sel & 0x7FFF) : (sel & 0x7FFF) - 0x5200;
		else
			g[i].cp = alphabet[sel %
			    (sizeof alphabet / sizeof alphabet[0])];
		g[i].flags = r[9] & (PDF_GLYPH_BOLD | PDF_GLYPH_SPACE);
		g[i].font = r[10] & 3;
		sel = r[11];
		g[i].x0 = special(g[i].x0, sel);
		g[i].y1 = special(g[i].y1, sel >> 3);
		g[i].size = special(g[i].size, sel >> 5);
	}
	pdf_geom_layout(g, n, w, h, &lay);
	free(g);
	for (i = 0; i < lay.nlines; i++) {
		const struct pdf_line *ln = &lay.lines[i];

		if (ln->off > lay.len || ln->len > lay.len - ln->off)
			fuzz_fail("line %zu (%zu+%u) outside the text (%zu)", i,
			    ln->off, ln->len, lay.len);
		if (memchr(lay.text + ln->off, '\n', ln->len) != NULL)
			fuzz_fail("line %zu holds a newline", i);
		fuzz_check_utf8("line", lay.text + ln->off, ln->len);
		if (ln->flags & ~(uint32_t)0xFFF)
			fuzz_fail("line %zu has unknown flags %#x", i,
			    ln->flags);
	}

	/* The pipeline, fed as load_pdf.c feeds it. */
	ed = edition_new(NULL, "fuzz.pdf");
	seg_page_init(&pg, lay.text);
	seg_page_begin(&pg);
	for (i = 0; i < lay.nlines; i++) {
		const struct pdf_line *ln = &lay.lines[i];

		if (ln->flags & PDF_LINE_GAP)
			seg_page_line(&pg, ln->off, 0, lineno++);
		seg_page_line(&pg, ln->off, ln->len, lineno++);
		hints = 0;
		if (ln->flags & PDF_LINE_DISPLAY)
			hints |= SEG_HINT_DISPLAY;
		if (ln->flags & PDF_LINE_SMALL)
			hints |= SEG_HINT_SMALL;
		if (ln->flags & PDF_LINE_PARA)
			hints |= SEG_HINT_PARA_START;
		if (ln->flags & PDF_LINE_REGION)
			hints |= SEG_HINT_REGION_START;
		if (ln->flags & PDF_LINE_AUTHOR)
			hints |= SEG_HINT_BYLINE;
		seg_page_line_hint(&pg, hints);
	}
	seg_load_page(&pg, ed, "fuzz.pdf", "fuzz", false);
	seg_page_free(&pg);
	edition_finish(ed);
	fuzz_check_edition(ed);
	edition_free(ed);
	pdf_layout_free(&lay);
	return 0;
}
