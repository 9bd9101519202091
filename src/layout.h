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
 * More precisely, a line may end:
 *   - at a run of breakable spaces (U+0020, TAB, U+3000, U+1680, U+205F
 *     and U+2000-U+200A except the figure space U+2007; never NBSP or
 *     U+202F), which is
 *     consumed: no line starts or ends with a space;
 *   - after a ZWSP U+200B;
 *   - between two characters when one of them is CJK (Han, kana, CJK
 *     punctuation) or two columns wide (Hangul, emoji), unless the next
 *     one may not start a line or the previous one may not end one.
 * Text between two narrow non-CJK characters (Latin words, numbers like
 * 1,620.5, COVID-19, 1620GB, URLs) breaks only at spaces.  Prefix signs
 * (¥$€#…) stay with the number after them, postfix signs (%℃°…) with the
 * number before.  A digit run and a following counter (2021年, 22万,
 * 12月15日) is "soft glue": kept together when the line has another break
 * opportunity that leaves it at least half full.  Combining marks stay
 * with their base character.
 *
 * Widths come from width_cp(), i.e. what sanitize_display() will show;
 * give the text in the form it will be drawn (after
 * width_substitute_ambiguous() in wide-ambiguous mode).  Control
 * characters, including newlines, are not breaks: they count as their
 * one-column stand-in.
 *
 * Invariants (tested and fuzzed): no line is wider than its width (except a
 * single character wider than width, alone on its line); concatenating the
 * lines plus the spaces dropped at the breaks (and at both ends of the
 * paragraph) gives back the input.  The time is linear in the length of
 * the paragraph for a fixed width, so re-wrapping on every resize is fine.
 */
#ifndef KANBAO_LAYOUT_H
#define KANBAO_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>

/* One wrapped line: a byte range of the paragraph. */
struct layout_line {
	size_t	start;		/* byte offset of the first character */
	size_t	end;		/* byte offset past the last (no trailing space) */
	size_t	width;		/* display columns */
	/*
	 * The break after this line breaks a rule because nothing allowed
	 * fitted (an over-long word, or width 1 with CJK).
	 */
	bool	forced;
};

/* A wrapped paragraph. */
struct layout {
	struct layout_line	*lines;
	size_t			 nlines;
};

/*
 * Wrap text[0..len) (one paragraph, no newlines) to width columns
 * (width >= 1; 0 is taken as 1).  Fills *out; free with layout_free().
 * An empty (or all-space) paragraph gives one empty line.
 */
void	layout_wrap(const char *text, size_t len, size_t width,
	    struct layout *out);

/*
 * Like layout_wrap(), but the first line has only width - indent columns
 * (at least 1), for a first-line indent the caller draws itself.  The
 * first line's width field does not include the indent.
 */
void	layout_wrap_indent(const char *text, size_t len, size_t width,
	    size_t indent, struct layout *out);

/* Free the lines of a layout (the struct itself is the caller's). */
void	layout_free(struct layout *l);

/*
 * The display preparation.  A string of the model becomes display text
 * in one place, layout_prepare(): sanitize_display() (controls become
 * their pictures, ␛ for ESC; bidi controls, ignorables and stray
 * combining marks are dropped; TAB becomes a space), then in wide mode
 * width_substitute_ambiguous() (“ → 「, ℃ → ⁰C, ...).  The byte lengths
 * change on the way, so it also returns an OFFSET MAP, which turns a
 * byte offset of the model's text (a search hit) into one of the display
 * text, and through layout_locate() into a line and column of the
 * wrapped paragraph.
 *
 * The contract of the map, for a source of srclen bytes:
 *   - map[0] == 0, map[srclen] == len, and the map never decreases;
 *   - for a source character at bytes [i, j), the display bytes
 *     [map[i], map[j]) are exactly what it became: itself, its stand-in,
 *     its substitution (possibly several characters), or nothing when
 *     it was dropped;
 *   - every byte inside a character maps as its first byte, and every
 *     value is a character boundary of the display text.
 * So a source range [a, b) that starts and ends on character boundaries
 * is shown as display range [map[a], map[b]), empty when all of its
 * characters were dropped.  Nothing else (no look-ahead, no re-run of
 * the sanitiser on a prefix) is needed to place it.
 */
struct layout_text {
	char	*text;		/* the display text, NUL-terminated */
	size_t	 len;		/* its length in bytes */
	size_t	*map;		/* srclen + 1 display offsets, or NULL */
	size_t	 srclen;	/* bytes of the source */
};

/*
 * Prepare src[0..len) for display (ambiguous_wide: substitute the East
 * Asian Ambiguous characters, quotes as 「」 when corner, else as tagged
 * placeholders 〝〞 the TUI draws the quotes over; see width_substitute()),
 * filling *out, with the offset map when with_map.  Free with
 * layout_text_free().
 */
void	layout_prepare(const char *src, size_t len, bool ambiguous_wide,
	    bool corner, bool with_map, struct layout_text *out);

/* Free what layout_prepare() made (the struct itself is the caller's). */
void	layout_text_free(struct layout_text *pt);

/*
 * Where byte off of text (the display text l was wrapped from) stands:
 * *line gets the index of the last line starting at or before off, *col
 * the columns of that line's text before off (without a first-line
 * indent).  An offset in the spaces consumed at a break is at the end of
 * the line before the break (its width); an offset before the first line
 * (in leading spaces) is column 0 of line 0.
 */
void	layout_locate(const struct layout *l, const char *text, size_t off,
	    size_t *line, size_t *col);

#endif
