/*
 * sanitize.c - make any byte string safe and measurable for a terminal.
 *
 * Text from a newspaper file is untrusted: an ESC in a headline can clear
 * the screen, an OSC 52 can write the clipboard, a C1 CSI (U+009B, two
 * bytes C2 9B in UTF-8) does the same without any ESC byte, and a bidi
 * override reorders what the reader sees.  The defence is a strict decode
 * followed by a filter on code points, never on bytes: a filter that
 * trusts a lead byte copies "E4 1B" straight through, and one that looks
 * only at bytes below 0x20 misses C2 9B (reliability-anchors.md 1.4).
 *
 * The per-character decision lives in sanitize_cp() so that width.c
 * measures exactly what will be drawn.
 */
#include "config.h"

#include <string.h>
#include <wchar.h>

#include "buf.h"
#include "sanitize.h"
#include "text.h"
#include "xalloc.h"

/* Stand-ins and limits; the choice is explained in sanitize.h. */
enum {
	SANITIZE_PICTURE_C0 = 0x2400,	/* ␀: Control Pictures start at NUL */
	SANITIZE_PICTURE_DEL = 0x2421,	/* ␡ */
	SANITIZE_PICTURE_NL = 0x2424,	/* ␤ for the Unicode line separators */
	SANITIZE_GETA = 0x3013,		/* 〓: printers' missing-kanji mark */
	SANITIZE_MAX_MARKS = 4		/* ncurses: CCHARW_MAX 5 = base + 4 */
};

/* Bidi formatting characters: they reorder the display (Trojan Source). */
static int
sanitize_is_bidi(uint32_t cp)
{
	return cp == 0x061C || cp == 0x200E || cp == 0x200F ||
	    (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

/*
 * Emoji modifiers that terminals disagree on (cjk-layout.md 1.6): the
 * keycap, skin tones and tag characters.  Dropping them leaves one code
 * point per emoji, whose width libc and terminals agree on.
 */
static int
sanitize_is_emoji_extra(uint32_t cp)
{
	return cp == 0x20E3 || (cp >= 0x1F3FB && cp <= 0x1F3FF) ||
	    cp == 0xE0001 || (cp >= 0xE0020 && cp <= 0xE007F);
}

/* Decide what is displayed for one code point (0: nothing). */
uint32_t
sanitize_cp(uint32_t cp)
{
	int w;

	if (cp >= 0x20 && cp < 0x7F)
		return cp;
	if (cp == '\t')
		return ' ';	/* ncurses would expand it to TABSIZE */
	if (cp < 0x20)
		return SANITIZE_PICTURE_C0 + cp;
	if (cp == 0x7F)
		return SANITIZE_PICTURE_DEL;
	if (cp >= 0x80 && cp <= 0x9F)
		return TEXT_REPLACEMENT;
	if (cp == 0x2028 || cp == 0x2029)
		return SANITIZE_PICTURE_NL;
	if (sanitize_is_bidi(cp) || text_is_ignorable(cp) ||
	    sanitize_is_emoji_extra(cp))
		return 0;
	if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		return TEXT_REPLACEMENT;
	w = wcwidth((wchar_t)cp);
	if (w >= 0)
		return cp;
	/* Planes 2 and 3 hold only ideographs: keep the line's columns. */
	if (cp >= 0x20000 && cp <= 0x3FFFD)
		return SANITIZE_GETA;
	return TEXT_REPLACEMENT;
}

/* Sanitise a byte range into a new string, with its offset map. */
char *
sanitize_display_map(const char *s, size_t len, size_t *map)
{
	struct buf b = BUF_INIT;
	size_t i = 0, n, k, marks = 0;
	int have_base = 0;
	uint32_t cp, out;

	while (i < len) {
		unsigned char c = (unsigned char)s[i];

		if (map != NULL)
			map[i] = b.len;
		if (c >= 0x20 && c < 0x7F) {	/* the common case */
			buf_putc(&b, (char)c);
			have_base = 1;
			marks = 0;
			i++;
			continue;
		}
		n = utf8_decode(s + i, len - i, &cp);
		/* Bytes inside a character map where it starts. */
		for (k = 1; map != NULL && k < n; k++)
			map[i + k] = b.len;
		i += n;
		if ((out = sanitize_cp(cp)) == 0)
			continue;
		if (wcwidth((wchar_t)out) == 0) {
			/*
			 * A combining mark: ncurses attaches one at column 0
			 * to the previous row, and a cell holds only a few.
			 */
			if (!have_base || marks >= SANITIZE_MAX_MARKS)
				continue;
			marks++;
		} else {
			have_base = 1;
			marks = 0;
		}
		buf_put_cp(&b, out);
	}
	if (map != NULL)
		map[len] = b.len;
	return buf_detach(&b);
}

/* Sanitise a byte range into a new string. */
char *
sanitize_display(const char *s, size_t len)
{
	return sanitize_display_map(s, len, NULL);
}

/* Sanitise a NUL-terminated string. */
char *
sanitize_str(const char *s)
{
	if (s == NULL)
		return xstrdup("");
	return sanitize_display(s, strlen(s));
}
