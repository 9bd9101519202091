/*
 * width.h - display width of text in terminal columns.
 *
 * One width function for layout and drawing: libc wcwidth() in the current
 * locale, the same function ncursesw uses, so kanbao's idea of a line and
 * curses' never disagree (research: cjk-layout.md R1).  The caller must have
 * set an UTF-8 LC_CTYPE (main does; tests do in their setup).
 *
 * Characters wcwidth() does not know (-1) are drawn as a stand-in of width 1
 * (see sanitize.h); ignorable characters have width 0 and are dropped.
 */
#ifndef KANBAO_WIDTH_H
#define KANBAO_WIDTH_H

#include <stddef.h>
#include <stdint.h>

/* How East Asian Ambiguous characters are drawn (--ambiguous). */
enum width_ambiguous {
	WIDTH_AMBIGUOUS_NARROW = 0,	/* 1 column, glibc's answer */
	WIDTH_AMBIGUOUS_WIDE		/* 2 columns: substituted on display */
};

/*
 * Columns of one code point: 0, 1 or 2.  Controls and unknown characters
 * count as 1 (they are shown as a stand-in).
 */
int	 width_cp(uint32_t cp);

/* Columns of the UTF-8 string s[0..len). */
size_t	 width_str(const char *s, size_t len);

/*
 * The longest prefix of s[0..len) that fits in cols columns, never cutting
 * a character.  Returns its length in bytes; *used (if not NULL) gets its
 * width.
 */
size_t	 width_fit(const char *s, size_t len, size_t cols, size_t *used);

/*
 * Truncate s to at most cols columns, ending with "…" when cut.  Returns a
 * new string (caller frees); *used gets its width.
 */
char	*width_truncate(const char *s, size_t len, size_t cols, size_t *used);

/*
 * Pad or truncate s to exactly cols columns (truncating with "…"), for
 * aligned columns in --list.  Caller frees.
 */
char	*width_pad(const char *s, size_t len, size_t cols);

#endif
