/*
 * load_text.c - the raw-text front end of the segmenter: reads the text
 * pdftotext (default mode) gives for Chinese newspaper pages and feeds
 * its lines to the segmentation pipeline (seg.c), which rebuilds the
 * articles.
 *
 * Pages are separated by form feeds and each becomes a section.  A line
 * is kept as an offset into the caller's text, so memory stays near the
 * file size; a line too long to be a column line is cut into pieces that
 * the pipeline joins again like the lines of a paragraph.
 */
#include "config.h"

#include "load_text.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "edition.h"
#include "i18n.h"
#include "seg.h"
#include "text.h"
#include "xalloc.h"

/*
 * A line longer than this is cut into pieces of about this size.  A column
 * line of a printed page is a few hundred bytes; a single line of many
 * megabytes (text that never had line breaks) would otherwise make every
 * per-line code-point array as large as the file (7x the file in memory
 * for a 100 MB line).  The pieces rejoin like the lines of a paragraph.
 */
#define LINE_PIECE_BYTES	(16 * 1024)

/*
 * Where to cut a long line near limit: at the start of a character, and
 * preferably after a space or before a non-ASCII character, so that a
 * Latin word is not cut in two (the pieces are joined with the rules for
 * line breaks, which would put a space inside it).
 */
static size_t
piece_end(const char *t, size_t start, size_t limit)
{
	size_t p = limit, q;

	while (p > start && ((unsigned char)t[p] & 0xC0) == 0x80)
		p--;
	for (q = p; q > start && p - q < 256; q--)
		if (t[q - 1] == ' ' || (unsigned char)t[q] >= 0xC0)
			return q;
	return p > start ? p : limit;
}

/*
 * Split text[start..end) (one page) into lines and give them to the
 * pipeline (seg_page_line).  *lineno is the number of the page's first
 * line and is advanced past it.
 */
static void
scan_page(struct page *pg, size_t start, size_t end, uint32_t *lineno)
{
	const char *t = pg->text;
	size_t i = start, e, next, eol = start, k, nl;
	const char *nl_at, *cr;

	seg_page_begin(pg);
	/* As many records as line breaks (blank lines are not kept). */
	for (k = i, nl = 1; k < end && (nl_at = memchr(t + k, '\n',
	    end - k)) != NULL; k = (size_t)(nl_at - t) + 1)
		nl++;
	seg_page_reserve(pg, nl);
	while (i < end) {
		/*
		 * memchr: a byte loop here costs as much as the rest.  The
		 * end of a long line cut into pieces is found once, not once
		 * per piece (which would be quadratic).
		 */
		if (i >= eol) {
			nl_at = memchr(t + i, '\n', end - i);
			eol = nl_at != NULL ? (size_t)(nl_at - t) : end;
			cr = memchr(t + i, '\r', eol - i);
			if (cr != NULL)
				eol = (size_t)(cr - t);
		}
		e = eol;
		next = e;
		if (next < end && t[next] == '\r' && next + 1 < end &&
		    t[next + 1] == '\n')
			next += 2;
		else if (next < end)
			next++;
		if (e - i > LINE_PIECE_BYTES) {
			/* Same line number: the rest is a piece of this line. */
			e = piece_end(t, i, i + LINE_PIECE_BYTES);
			next = e;
		}
		seg_page_line(pg, i, e - i, *lineno);
		if (next > e)
			(*lineno)++;
		i = next;
	}
}

/* Does text[0..len) hold anything but spaces and invisible characters? */
static bool
has_text(const char *text, size_t len)
{
	size_t i;
	uint32_t c;

	for (i = 0; i < len;) {
		i += utf8_decode(text + i, len - i, &c);
		if (!text_is_space(c) && !text_is_control(c) &&
		    !text_is_ignorable(c))
			return true;
	}
	return false;
}

/*
 * Read the pages of text into sections of ed; own, when not NULL, is the
 * same text, writable, for the pipeline to build paragraphs in
 * (seg_page_own).  *kept tells whether it did.
 */
static int
load_pages(struct edition *ed, const char *text, char *own, size_t len,
    const char *path, const char *name, bool *kept, char **cause)
{
	struct page pg;
	size_t start, end;
	const char *ff;
	uint32_t lineno = 1;
	int count = 0, round;

	*kept = false;
	if (text == NULL || !has_text(text, len)) {
		if (cause != NULL)
			*cause = xstrdup(_("no text to read"));
		return -1;
	}
	seg_page_init(&pg, text);
	if (own != NULL)
		seg_page_own(&pg, own);
	/* A second round only when the first found nothing but headers. */
	for (round = 0; round < 2 && count == 0; round++) {
		lineno = 1;
		for (start = 0; start <= len; start = end + 1) {
			ff = memchr(text + start, '\f', len - start);
			end = ff != NULL ? (size_t)(ff - text) : len;
			scan_page(&pg, start, end, &lineno);
			count += seg_load_page(&pg, ed, path, name,
			    round == 1);
			if (end >= len)
				break;
		}
	}
	*kept = pg.nkept > 0;
	seg_page_free(&pg);
	return count;
}

/* Read the pages of text into sections of ed (see load_text.h). */
int
load_text(struct edition *ed, const char *text, size_t len, const char *path,
    const char *name, char **cause)
{
	bool kept;

	return load_pages(ed, text, NULL, len, path, name, &kept, cause);
}

/* load_text() on a buffer the edition may keep (see load_text.h). */
int
load_text_take(struct edition *ed, char **textp, size_t len,
    const char *path, const char *name, char **cause)
{
	bool kept;
	int n;

	n = load_pages(ed, *textp, *textp, len, path, name, &kept, cause);
	if (kept) {
		edition_adopt(ed, *textp);
		*textp = NULL;
	}
	return n;
}
