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

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* How East Asian Ambiguous characters are drawn (--ambiguous). */
enum width_ambiguous {
	WIDTH_AMBIGUOUS_NARROW = 0,	/* 1 column, glibc's answer */
	WIDTH_AMBIGUOUS_WIDE		/* 2 columns: substituted on display */
};

/*
 * Columns of one code point: 0, 1 or 2.  Controls and unknown characters
 * count as 1 (they are shown as a stand-in), unknown ideographs of planes
 * 2-3 as 2 (shown as 〓); characters sanitize_display() drops count 0.
 */
int	 width_cp(uint32_t cp);

/*
 * Columns of the UTF-8 string s[0..len) as it will be displayed after
 * sanitize_display() (invalid bytes count 1 each, like their U+FFFD).
 */
size_t	 width_str(const char *s, size_t len);

/*
 * The longest prefix of s[0..len) that fits in cols columns, never cutting
 * a character.  Returns its length in bytes; *used (if not NULL) gets its
 * width.
 */
size_t	 width_fit(const char *s, size_t len, size_t cols, size_t *used);

/*
 * Truncate s to at most cols columns, ending with "…" when cut.  Returns a
 * new string (caller frees); *used (if not NULL) gets its width, which may
 * be one less than cols when a wide character did not fit.  "…" is one
 * column in glibc; in WIDTH_AMBIGUOUS_WIDE mode pass the result through
 * width_substitute_ambiguous(), which makes it ⋯ (also one column).
 */
char	*width_truncate(const char *s, size_t len, size_t cols, size_t *used);

/*
 * Pad or truncate s to exactly cols columns (truncating with "…", then
 * padding with spaces when a wide character did not fit), for aligned
 * columns in --list and the reader's list.  Caller frees.
 */
char	*width_pad(const char *s, size_t len, size_t cols);

/*
 * For WIDTH_AMBIGUOUS_WIDE: return a copy of s[0..len) in which East Asian
 * Ambiguous punctuation and symbols are replaced by characters whose width
 * libc and a "wide" terminal agree on, so nothing drifts when the terminal
 * draws A characters as 2 columns while wcwidth() says 1 (cjk-layout.md
 * 1.7, 1.8).  Apply it to display text only (never to stored text, search
 * keys or offsets: the length changes), before layout_wrap().
 *
 * In CJK context: “”→「」 ‘’→『』 …‥→⋯ —―→－ ·‧→・ ※→＊ ×→✕ ÷→/ °→⁰
 * ℃→⁰C ℉→⁰F ‰→o/oo ′→' ″→" ∶→： ±→+- №→No. ←↑→↓→￩￪￫￬ ●→⬤ ○◎→o
 * ■▲◆★→* □△◇☆→o, –‐→-, ①/⑴/❶→(1), ⒈→1., ⓐ/⒜→(a), Ⓐ→(A), Ⅻ→XII,
 * box drawing → - | +, block elements → #.  Between two ASCII letters or
 * digits the quotes, dashes and dots become ASCII instead ("don’t" →
 * "don't", "a—b" → "a--b", "3∶1" → "3:1").  Other A characters (Greek,
 * Cyrillic, accented Latin letters) are kept: they may still drift by one
 * column, which the reader's slack column absorbs.
 *
 * When the locale already measures A as 2 (wcwidth(U+201C) == 2) nothing
 * needs replacing and a plain copy is returned.  Caller frees.
 */
char	*width_substitute_ambiguous(const char *s, size_t len);

/*
 * width_substitute_ambiguous() with a choice of quotes in CJK context:
 * corner gives 「」『』 as above; otherwise (the default, "set quotes
 * keep") “” become the placeholders 〝〞 and ‘’ become ＇, wide characters
 * of the same shape, each followed by a zero-width tag character that
 * says which quote it stands for: the TUI draws the quote itself over the
 * placeholder (width_quote_at()).  The tag characters count no columns
 * (width_cp()), stay with their placeholder when a line is wrapped or
 * cut, and never come from the text, which sanitize_display() rids of
 * them.  Caller frees.
 */
char	*width_substitute(const char *s, size_t len, bool corner);

/*
 * width_substitute() that also fills map (len + 1 entries, or NULL) as
 * sanitize_display_map() does: map[i] is the byte offset in the result
 * where the character holding input byte i starts; its replacement,
 * which may be several characters (℃ → ⁰C), runs up to where the next
 * character's starts.  Caller frees.
 */
char	*width_substitute_map(const char *s, size_t len, bool corner,
	    size_t *map);
/* width_substitute_map() with corner quotes. */
char	*width_substitute_ambiguous_map(const char *s, size_t len,
	    size_t *map);

/*
 * When s[0..len) starts with a placeholder of "set quotes keep" and its
 * tag character (see width_substitute()), return the quote it stands for
 * (U+201C, U+201D, U+2018 or U+2019) and set *n (if not NULL) to the
 * bytes of both; else return 0.  A 〝 of the text itself has no tag and
 * gives 0.
 */
uint32_t width_quote_at(const char *s, size_t len, size_t *n);

#endif
