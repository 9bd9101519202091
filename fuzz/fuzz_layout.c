/*
 * fuzz_layout.c - fuzz target for the Chinese line breaker (layout.h).
 *
 * Input: byte 0 chooses the width (1-64 columns; small widths are where
 * the rules run out of room), byte 1 a first-line indent (0-7) and whether
 * the text goes through sanitize_display() first; the rest is the
 * paragraph, repaired to valid UTF-8 (bad bytes become U+FFFD, as the
 * decoder does) because layout_wrap() is given decoded text only.
 *
 * Invariants (layout.h): lines are in order, do not overlap and start and
 * end on character boundaries; each line's width field is the sum of
 * width_cp() of its characters; no line is wider than its width unless it
 * holds a single character; between lines, and before the first and
 * after the last, there are only breakable spaces, so the lines plus the
 * dropped spaces give back the input; no line starts or ends with a
 * breakable space; and at least one line comes back.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "fuzz.h"
#include "layout.h"
#include "sanitize.h"
#include "width.h"

/*
 * The spaces a line may break at (and drops): layout.h lists U+0020,
 * U+3000 and U+2000-U+200A but U+2007; layout.c also takes TAB (shown as
 * one space by sanitize.h), U+1680 and U+205F, which is reported as a
 * documentation gap rather than treated as a lost character.
 */
static bool
fuzz_is_break_space(uint32_t cp)
{
	return cp == 0x20 || cp == '\t' || cp == 0x3000 || cp == 0x1680 ||
	    (cp >= 0x2000 && cp <= 0x200a && cp != 0x2007) || cp == 0x205f;
}

/* Copy s[0..len) with every invalid UTF-8 byte replaced by U+FFFD. */
static char *
fuzz_repair(const char *s, size_t len, size_t *outlen)
{
	struct buf b = BUF_INIT;
	size_t off = 0, n;
	uint32_t cp;

	while (off < len) {
		if ((n = fuzz_utf8_next(s + off, len - off, &cp)) == 0) {
			buf_append(&b, "\xef\xbf\xbd", 3);
			off++;
			continue;
		}
		buf_append(&b, s + off, n);
		off += n;
	}
	*outlen = b.len;
	return buf_detach(&b);
}

/* Abort unless text[from..to) holds only breakable spaces. */
static void
fuzz_check_gap(const char *text, size_t from, size_t to, const char *where)
{
	size_t n;
	uint32_t cp;

	while (from < to) {
		n = fuzz_utf8_next(text + from, to - from, &cp);
		if (n == 0)
			fuzz_fail("%s: cut inside a character at byte %zu",
			    where, from);
		if (!fuzz_is_break_space(cp))
			fuzz_fail("%s: U+%04X at byte %zu was lost (not a "
			    "breakable space)", where, (unsigned)cp, from);
		from += n;
	}
}

/* Abort unless one line is well formed; returns its character count. */
static size_t
fuzz_check_line(const char *text, const struct layout_line *ln, size_t i,
    size_t avail)
{
	size_t off = ln->start, n, chars = 0, cols = 0;
	uint32_t cp, first = 0, last = 0;

	while (off < ln->end) {
		n = fuzz_utf8_next(text + off, ln->end - off, &cp);
		if (n == 0)
			fuzz_fail("line %zu cuts a character at byte %zu", i,
			    off);
		if (chars == 0)
			first = cp;
		last = cp;
		cols += (size_t)width_cp(cp);
		chars++;
		off += n;
	}
	if (cols != ln->width)
		fuzz_fail("line %zu says %zu columns, its characters take %zu",
		    i, ln->width, cols);
	if (ln->width > avail && chars > 1) {
		/* Over-wide only as a lone character plus its combining marks. */
		size_t wide = 0;

		off = ln->start;
		while (off < ln->end) {
			n = fuzz_utf8_next(text + off, ln->end - off, &cp);
			if (width_cp(cp) > 0)
				wide++;
			off += n;
		}
		if (wide > 1)
			fuzz_fail("line %zu is %zu columns wide, more than %zu, "
			    "with %zu characters", i, ln->width, avail, chars);
	}
	if (chars > 0 && (fuzz_is_break_space(first) ||
	    fuzz_is_break_space(last)))
		fuzz_fail("line %zu starts or ends with a breakable space", i);
	return chars;
}

/* Wrap one paragraph and check the lines against layout.h. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct layout l;
	size_t width, indent, len, i, prev;
	char *text, *clean;

	if (size < 2 || size > FUZZ_MAX_INPUT)
		return 0;
	width = (size_t)(data[0] % 64) + 1;
	indent = data[1] & 7;
	text = fuzz_repair((const char *)data + 2, size - 2, &len);
	if (data[1] & 8) {
		clean = sanitize_display(text, len);
		free(text);
		text = clean;
		len = strlen(text);
	}
	if (indent > 0)
		layout_wrap_indent(text, len, width, indent, &l);
	else
		layout_wrap(text, len, width, &l);

	if (l.nlines == 0)
		fuzz_fail("no line for a %zu-byte paragraph", len);
	prev = 0;
	for (i = 0; i < l.nlines; i++) {
		const struct layout_line *ln = &l.lines[i];
		size_t avail = width;

		if (i == 0 && indent > 0)
			avail = width > indent ? width - indent : 1;
		if (ln->start > ln->end || ln->end > len || ln->start < prev)
			fuzz_fail("line %zu is [%zu, %zu) after %zu in %zu bytes",
			    i, ln->start, ln->end, prev, len);
		fuzz_check_gap(text, prev, ln->start,
		    i == 0 ? "before the first line" : "between lines");
		fuzz_check_line(text, ln, i, avail);
		prev = ln->end;
	}
	fuzz_check_gap(text, prev, len, "after the last line");
	layout_free(&l);
	free(text);
	return 0;
}
