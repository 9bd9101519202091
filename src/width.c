/*
 * width.c - how many terminal columns text takes, and fitting text into a
 * number of columns.
 *
 * There is exactly one width function, libc wcwidth() in the current
 * locale, because that is what ncursesw uses to place characters: any
 * other table (utf8proc, a private East Asian Width table) would disagree
 * with curses' model of the screen and leave garbage on partial updates
 * (cjk-layout.md R1, 1.7).  It is applied to what sanitize_cp() will
 * display, so a control counts as its one-column stand-in and a dropped
 * bidi control as nothing.
 *
 * The file also holds the ambiguous-width substitution for terminals that
 * draw East Asian Ambiguous characters two columns wide.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "buf.h"
#include "sanitize.h"
#include "text.h"
#include "width.h"
#include "xalloc.h"

#define WIDTH_ELLIPSIS		0x2026u		/* … marks a cut */
#define WIDTH_ELLIPSIS_UTF8	"\xe2\x80\xa6"

/*
 * One replacement of an ambiguous character.  cjk is used in CJK or mixed
 * context, latin when both neighbours are ASCII letters or digits.
 */
struct width_subst {
	uint32_t	 cp;
	const char	*cjk;
	const char	*latin;
};

/*
 * The replacements of cjk-layout.md 1.8, sorted by code point for
 * bsearch().  Every replacement is narrow (Na/N) or wide (W/F), never A.
 */
static const struct width_subst width_substs[] = {
	{ 0x00B0, "⁰", "⁰" },		/* ° */
	{ 0x00B1, "+-", "+-" },		/* ± */
	{ 0x00B7, "・", "." },		/* · 间隔号 */
	{ 0x00D7, "✕", "x" },		/* × */
	{ 0x00F7, "/", "/" },		/* ÷ */
	{ 0x2010, "-", "-" },		/* ‐ */
	{ 0x2013, "-", "-" },		/* – */
	{ 0x2014, "－", "--" },		/* — so —— is －－ */
	{ 0x2015, "－", "--" },		/* ― */
	{ 0x2018, "『", "'" },		/* ‘ */
	{ 0x2019, "』", "'" },		/* ’ (an apostrophe between letters) */
	{ 0x201C, "「", "\"" },		/* “ */
	{ 0x201D, "」", "\"" },		/* ” */
	{ 0x2025, "⋯", "..." },		/* ‥ */
	{ 0x2026, "⋯", "..." },		/* … (⋯ is N; clreq: an ellipsis) */
	{ 0x2027, "・", "." },		/* ‧ */
	{ 0x2030, "o/oo", "o/oo" },	/* ‰ */
	{ 0x2032, "'", "'" },		/* ′ */
	{ 0x2033, "\"", "\"" },		/* ″ */
	{ 0x203B, "＊", "*" },		/* ※ */
	{ 0x2103, "⁰C", "⁰C" },		/* ℃ */
	{ 0x2109, "⁰F", "⁰F" },		/* ℉ */
	{ 0x2116, "No.", "No." },	/* № */
	{ 0x2190, "￩", "￩" },		/* ← */
	{ 0x2191, "￪", "￪" },		/* ↑ */
	{ 0x2192, "￫", "￫" },		/* → */
	{ 0x2193, "￬", "￬" },		/* ↓ */
	{ 0x2236, "：", ":" },		/* ∶ ratio, as in scores 3∶1 */
	{ 0x25A0, "*", "*" },		/* ■ */
	{ 0x25A1, "o", "o" },		/* □ */
	{ 0x25B2, "*", "*" },		/* ▲ */
	{ 0x25B3, "o", "o" },		/* △ */
	{ 0x25C6, "*", "*" },		/* ◆ */
	{ 0x25C7, "o", "o" },		/* ◇ */
	{ 0x25CB, "o", "o" },		/* ○ */
	{ 0x25CE, "o", "o" },		/* ◎ */
	{ 0x25CF, "⬤", "⬤" },		/* ● */
	{ 0x2605, "*", "*" },		/* ★ */
	{ 0x2606, "o", "o" },		/* ☆ */
};

/* Roman numerals Ⅰ-Ⅻ, Ⅼ Ⅽ Ⅾ Ⅿ (U+2160-216F); lower case follows at +0x10. */
static const char *const width_romans[] = {
	"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI",
	"XII", "L", "C", "D", "M"
};

/* Columns of one code point, as displayed. */
int
width_cp(uint32_t cp)
{
	uint32_t shown;
	int w;

	if (cp >= 0x20 && cp < 0x7F)
		return 1;
	if ((shown = sanitize_cp(cp)) == 0)
		return 0;
	w = wcwidth((wchar_t)shown);
	return w < 0 ? 1 : w;	/* sanitize_cp() promises >= 0; be safe */
}

/* Columns of a string. */
size_t
width_str(const char *s, size_t len)
{
	size_t i = 0, cols = 0;
	uint32_t cp;

	while (i < len) {
		if ((unsigned char)s[i] >= 0x20 && (unsigned char)s[i] < 0x7F) {
			cols++;
			i++;
			continue;
		}
		i += utf8_decode(s + i, len - i, &cp);
		cols += (size_t)width_cp(cp);
	}
	return cols;
}

/* Longest prefix that fits; zero-width marks stay with their base. */
size_t
width_fit(const char *s, size_t len, size_t cols, size_t *used)
{
	size_t i = 0, n, w, total = 0;
	uint32_t cp;

	while (i < len) {
		n = utf8_decode(s + i, len - i, &cp);
		w = (size_t)width_cp(cp);
		if (total + w > cols)
			break;
		total += w;
		i += n;
	}
	if (used != NULL)
		*used = total;
	return i;
}

/* Truncate to cols columns with an ellipsis when cut. */
char *
width_truncate(const char *s, size_t len, size_t cols, size_t *used)
{
	size_t ew = (size_t)width_cp(WIDTH_ELLIPSIS), n, w;
	char *out;

	n = width_fit(s, len, cols, &w);
	if (n == len) {
		out = xstrndup(s, len);
	} else if (cols < ew) {
		out = xstrndup(s, n);	/* no room even for the ellipsis */
	} else {
		struct buf b = BUF_INIT;

		n = width_fit(s, len, cols - ew, &w);
		buf_append(&b, s, n);
		buf_puts(&b, WIDTH_ELLIPSIS_UTF8);
		w += ew;
		out = buf_detach(&b);
	}
	if (used != NULL)
		*used = w;
	return out;
}

/* Pad with spaces (or truncate) to exactly cols columns. */
char *
width_pad(const char *s, size_t len, size_t cols)
{
	struct buf b = BUF_INIT;
	size_t used;
	char *t;

	t = width_truncate(s, len, cols, &used);
	buf_puts(&b, t);
	free(t);
	for (; used < cols; used++)
		buf_putc(&b, ' ');
	return buf_detach(&b);
}

/* Compare a code point with a table entry, for bsearch(). */
static int
width_subst_cmp(const void *key, const void *elem)
{
	uint32_t cp = *(const uint32_t *)key;
	const struct width_subst *e = elem;

	return cp < e->cp ? -1 : cp > e->cp;
}

/* ASCII letter or digit: the neighbours that make a "Latin context". */
static int
width_is_ascii_alnum(uint32_t cp)
{
	return (cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z') ||
	    (cp >= 'a' && cp <= 'z');
}

/*
 * Append the replacement of an ambiguous cp to b; returns 0 when cp has
 * none and must be copied.  The ranges (enclosed numbers and letters,
 * Roman numerals, box drawing) are computed, the rest looked up.
 */
static int
width_put_subst(struct buf *b, uint32_t cp, int latin)
{
	const struct width_subst *e;

	if (cp >= 0x2460 && cp <= 0x2487) {		/* ①-⑳, ⑴-⒇ */
		buf_printf(b, "(%u)", (cp - 0x2460) % 20 + 1);
	} else if (cp >= 0x2488 && cp <= 0x249B) {	/* ⒈-⒛ */
		buf_printf(b, "%u.", cp - 0x2488 + 1);
	} else if (cp >= 0x249C && cp <= 0x24B5) {	/* ⒜-⒵ */
		buf_printf(b, "(%c)", (char)('a' + (cp - 0x249C)));
	} else if (cp >= 0x24B6 && cp <= 0x24CF) {	/* Ⓐ-Ⓩ */
		buf_printf(b, "(%c)", (char)('A' + (cp - 0x24B6)));
	} else if (cp >= 0x24D0 && cp <= 0x24E9) {	/* ⓐ-ⓩ */
		buf_printf(b, "(%c)", (char)('a' + (cp - 0x24D0)));
	} else if (cp >= 0x24EB && cp <= 0x24F4) {	/* ⓫-⓴ */
		buf_printf(b, "(%u)", cp - 0x24EB + 11);
	} else if (cp >= 0x24F5 && cp <= 0x24FE) {	/* ⓵-⓾ */
		buf_printf(b, "(%u)", cp - 0x24F5 + 1);
	} else if (cp >= 0x2776 && cp <= 0x277F) {	/* ❶-❿ */
		buf_printf(b, "(%u)", cp - 0x2776 + 1);
	} else if (cp >= 0x2160 && cp <= 0x216F) {	/* Ⅰ-Ⅿ */
		buf_puts(b, width_romans[cp - 0x2160]);
	} else if (cp >= 0x2170 && cp <= 0x217F) {	/* ⅰ-ⅿ */
		const char *r = width_romans[cp - 0x2170];

		for (; *r != '\0'; r++)
			buf_putc(b, (char)(*r - 'A' + 'a'));
	} else if ((cp >= 0x2500 && cp <= 0x254B) ||
	    (cp >= 0x2550 && cp <= 0x2573)) {		/* box drawing */
		switch (cp) {
		case 0x2500: case 0x2501: case 0x2504: case 0x2505:
		case 0x2508: case 0x2509: case 0x2550:
			buf_putc(b, '-');
			break;
		case 0x2502: case 0x2503: case 0x2506: case 0x2507:
		case 0x250A: case 0x250B: case 0x2551:
			buf_putc(b, '|');
			break;
		default:
			buf_putc(b, '+');
			break;
		}
	} else if ((cp >= 0x2580 && cp <= 0x258F) ||
	    (cp >= 0x2592 && cp <= 0x2595)) {		/* block elements */
		buf_putc(b, '#');
	} else {
		e = bsearch(&cp, width_substs,
		    sizeof width_substs / sizeof width_substs[0],
		    sizeof width_substs[0], width_subst_cmp);
		if (e == NULL)
			return 0;
		buf_puts(b, latin ? e->latin : e->cjk);
	}
	return 1;
}

/*
 * The quotes of "set quotes keep" in CJK context.  Each becomes a wide
 * placeholder of its shape (the double prime quotation marks of CJK
 * fonts; the full-width apostrophe for both single quotes), so curses and
 * the layout count the two columns the terminal draws, and the TUI then
 * writes the quote itself over it (width_quote_at()).  The tag character
 * after the placeholder says which quote it stands for: tag characters
 * are zero-width and sanitize_display() drops them from any text, so a
 * placeholder followed by one can only have been made here, never be a
 * 〝 of the text itself.  Sorted by quote.
 */
static const struct width_keep {
	uint32_t	 quote;		/* as printed, East Asian Ambiguous */
	const char	*wide;		/* placeholder, W, of the same shape */
	uint32_t	 mark;		/* the tag character after it */
} width_keeps[] = {
	{ 0x2018, "＇", 0xE0041 },	/* ‘, TAG LATIN CAPITAL LETTER A */
	{ 0x2019, "＇", 0xE0042 },	/* ’ */
	{ 0x201C, "〝", 0xE0043 },	/* “ */
	{ 0x201D, "〞", 0xE0044 },	/* ” */
};

/* The entry of "set quotes keep" for a quote, or NULL. */
static const struct width_keep *
width_keep_quote(uint32_t cp)
{
	size_t i;

	for (i = 0; i < sizeof width_keeps / sizeof width_keeps[0]; i++) {
		if (width_keeps[i].quote == cp)
			return &width_keeps[i];
	}
	return NULL;
}

/* The quote a placeholder at the start of s stands for; see width.h. */
uint32_t
width_quote_at(const char *s, size_t len, size_t *n)
{
	const struct width_keep *k;
	size_t i, wl, ml;
	uint32_t mark;

	for (i = 0; i < sizeof width_keeps / sizeof width_keeps[0]; i++) {
		k = &width_keeps[i];
		wl = strlen(k->wide);
		if (len <= wl || memcmp(s, k->wide, wl) != 0)
			continue;
		ml = utf8_decode(s + wl, len - wl, &mark);
		if (mark != k->mark)
			continue;
		if (n != NULL)
			*n = wl + ml;
		return k->quote;
	}
	return 0;
}

/* Replace ambiguous characters, corner quotes, with a map; see width.h. */
char *
width_substitute_ambiguous_map(const char *s, size_t len, size_t *map)
{
	return width_substitute_map(s, len, true, map);
}

/* The same, with the choice of quotes; see width.h. */
char *
width_substitute(const char *s, size_t len, bool corner)
{
	return width_substitute_map(s, len, corner, NULL);
}

/* Replace ambiguous characters, saying where each input byte went. */
char *
width_substitute_map(const char *s, size_t len, bool corner, size_t *map)
{
	const struct width_keep *q;
	char mark[4];
	struct buf b = BUF_INIT;
	size_t i = 0, n, k;
	uint32_t cp, prev = 0, next;
	int latin, same;

	/* A CJK locale (or a custom charmap) already says A = 2. */
	same = wcwidth(0x201C) == 2;
	while (i < len) {
		n = utf8_decode(s + i, len - i, &cp);
		for (k = 0; map != NULL && k < n; k++)
			map[i + k] = b.len;
		if (same || cp < 0xA0) {	/* no ASCII or C1 char is A */
			buf_append(&b, s + i, n);
		} else {
			next = i + n < len ?
			    utf8_first(s + i + n, len - i - n) : 0;
			latin = width_is_ascii_alnum(prev) &&
			    width_is_ascii_alnum(next);
			if (!corner && !latin &&
			    (q = width_keep_quote(cp)) != NULL) {
				buf_puts(&b, q->wide);
				buf_append(&b, mark, utf8_encode(q->mark,
				    mark));
			} else if (!width_put_subst(&b, cp, latin))
				buf_append(&b, s + i, n);
		}
		prev = cp;
		i += n;
	}
	if (map != NULL)
		map[len] = b.len;
	return buf_detach(&b);
}

/* Replace ambiguous characters for a terminal that draws them wide. */
char *
width_substitute_ambiguous(const char *s, size_t len)
{
	return width_substitute_ambiguous_map(s, len, NULL);
}
