/*
 * layout.c - break a paragraph into lines the way Chinese is typeset.
 *
 * A terminal is a character grid: punctuation cannot be squeezed, so of
 * clreq's "push in first, then push out" only push-out is left, and the
 * right edge is ragged anyway.  The algorithm is therefore greedy:
 *
 *   1. Decode the paragraph once into an array of characters with their
 *      byte offset, display width and a running column count.
 *   2. Classify, once, every boundary between two characters: may a line
 *      start here?  BRK_YES, BRK_NO, or BRK_SOFT (soft glue: digit and
 *      counter, allowed only when there is no better place).  The rules
 *      look at the characters on both sides and a little further
 *      (a space run, a —— pair, the letter after an apostrophe).
 *   3. For each line, take as many characters as fit, then walk back from
 *      the first character that did not fit to the nearest BRK_YES; the
 *      characters after it are "pushed out" to the next line.  If there
 *      is none, fall back to the last BRK_SOFT, and if there is none
 *      either (an over-long URL, a width smaller than a word), break where
 *      the line is full and mark the line forced.
 *
 * Step 3 walks back at most one line's worth of characters per line, so
 * the whole is linear in the paragraph length for a given width.  The
 * rules and the sets come from cjk-layout.md 3.2 (clreq basic level, the
 * jlreq classes for Japanese, and the Latin punctuation of UAX14).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "layout.h"
#include "sanitize.h"
#include "text.h"
#include "width.h"
#include "xalloc.h"

/* The tunables of the line breaker. */
enum {
	/*
	 * Soft glue (2021年) is given up when keeping it would leave the line
	 * less than this percentage full: at a narrow width a long date such
	 * as 2021年12月15日 would otherwise empty the line before it.
	 */
	LAYOUT_SOFT_MIN_FILL = 50,
	LAYOUT_INITIAL_LINES = 8	/* lines allocated before growing */
};

#define LAYOUT_ZWSP	0x200Bu		/* an explicit break opportunity */

/* May a line start at this character? */
enum layout_brk {
	BRK_NO = 0,
	BRK_YES,
	BRK_SOFT	/* only if the line has no BRK_YES (or a poor one) */
};

/* One decoded character of the paragraph. */
struct layout_ch {
	size_t		off;	/* byte offset */
	size_t		col;	/* columns of everything before it */
	uint32_t	cp;
	unsigned char	w;	/* width_cp() */
	unsigned char	brk;	/* enum layout_brk: may a line start here */
};

/*
 * Characters that may not start a line (cjk-layout.md 3.2 NOT_START),
 * sorted for bsearch().  The single dash U+2014 is handled with the ——
 * pairs, the small kana ranges in layout_not_start().
 */
static const uint32_t layout_not_start_set[] = {
	0x0021, 0x0025, 0x0029, 0x002C,		/* ! % ) , */
	0x002E, 0x002F, 0x003A, 0x003B,		/* . / : ; */
	0x003F, 0x005D, 0x007D, 0x00A2,		/* ? ] } ¢ */
	0x00B0, 0x00B7, 0x00BB, 0x2010,		/* ° · » ‐ */
	0x2013, 0x2019, 0x201D, 0x2027,		/* – ’ ” ‧ */
	0x2030, 0x2031, 0x2032, 0x2033,		/* ‰ ‱ ′ ″ */
	0x203A, 0x203C, 0x2047, 0x2048,		/* › ‼ ⁇ ⁈ */
	0x2049, 0x2103, 0x2109, 0x2986,		/* ⁉ ℃ ℉ ⦆ */
	0x3001, 0x3002, 0x3005, 0x3009,		/* 、 。 々 〉 */
	0x300B, 0x300D, 0x300F, 0x3011,		/* 》 」 』 】 */
	0x3015, 0x3017, 0x3019, 0x301B,		/* 〕 〗 〙 〛 */
	0x301C, 0x301E, 0x301F, 0x303B,		/* 〜 〞 〟 〻 */
	0x3041, 0x3043, 0x3045, 0x3047,		/* ぁ ぃ ぅ ぇ */
	0x3049, 0x3063, 0x3083, 0x3085,		/* ぉ っ ゃ ゅ */
	0x3087, 0x308E, 0x3095, 0x3096,		/* ょ ゎ ゕ ゖ */
	0x309D, 0x309E, 0x30A0, 0x30A1,		/* ゝ ゞ ゠ ァ */
	0x30A3, 0x30A5, 0x30A7, 0x30A9,		/* ィ ゥ ェ ォ */
	0x30C3, 0x30E3, 0x30E5, 0x30E7,		/* ッ ャ ュ ョ */
	0x30EE, 0x30F5, 0x30F6, 0x30FB,		/* ヮ ヵ ヶ ・ */
	0x30FC, 0x30FD, 0x30FE, 0xFF01,		/* ー ヽ ヾ ！ */
	0xFF05, 0xFF09, 0xFF0C, 0xFF0E,		/* ％ ） ， ． */
	0xFF0F, 0xFF1A, 0xFF1B, 0xFF1F,		/* ／ ： ； ？ */
	0xFF3D, 0xFF5D, 0xFF5E, 0xFF60,		/* ］ ｝ ～ ｠ */
	0xFF61, 0xFF63, 0xFF64, 0xFF65,		/* ｡ ｣ ､ ･ */
	0xFF70, 0xFFE0				/* ｰ ￠ */
};

/*
 * Characters that may not end a line (NOT_END): opening brackets and
 * quotes, and prefix signs, which glue to the number after them.  Sorted.
 */
static const uint32_t layout_not_end_set[] = {
	0x0023, 0x0024, 0x0028, 0x005B,		/* # $ ( [ */
	0x007B, 0x00A3, 0x00A5, 0x00AB,		/* { £ ¥ « */
	0x00B1, 0x2018, 0x201C, 0x2039,		/* ± ‘ “ ‹ */
	0x20AC, 0x2116, 0x2985, 0x3008,		/* € № ⦅ 〈 */
	0x300A, 0x300C, 0x300E, 0x3010,		/* 《 「 『 【 */
	0x3014, 0x3016, 0x3018, 0x301A,		/* 〔 〖 〘 〚 */
	0x301D, 0xFF03, 0xFF04, 0xFF08,		/* 〝 ＃ ＄ （ */
	0xFF3B, 0xFF5B, 0xFF5F, 0xFF62,		/* ［ ｛ ｟ ｢ */
	0xFFE1, 0xFFE5				/* ￡ ￥ */
};

/*
 * Counters and units that soft-glue to a preceding number (2021年, 22万,
 * 3个), simplified and traditional.  Sorted.
 */
static const uint32_t layout_counter_set[] = {
	0x4E07, 0x4E2A, 0x4EBA, 0x4EBF,		/* 万 个 人 亿 */
	0x4EF6, 0x4F4D, 0x500B, 0x500D,		/* 件 位 個 倍 */
	0x5104, 0x5143, 0x5206, 0x5343,		/* 億 元 分 千 */
	0x53F7, 0x540D, 0x5468, 0x5929,		/* 号 名 周 天 */
	0x5BB6, 0x5C46, 0x5C4A, 0x5C81,		/* 家 屆 届 岁 */
	0x5E74, 0x5EA6, 0x65E5, 0x65F6,		/* 年 度 日 时 */
	0x6642, 0x6708, 0x6761, 0x689D,		/* 時 月 条 條 */
	0x6B21, 0x6B72, 0x70B9, 0x767E,		/* 次 歲 点 百 */
	0x79D2, 0x842C, 0x865F, 0x89D2,		/* 秒 萬 號 角 */
	0x9031, 0x9805, 0x9879, 0x9EDE		/* 週 項 项 點 */
};

/*
 * Counters after which a date or time goes on with another number
 * (2021年12月15日, 8时30分): the number after them soft-glues too.  Sorted.
 */
static const uint32_t layout_date_set[] = {
	0x5206, 0x5E74, 0x65F6, 0x6642,		/* 分 年 时 時 */
	0x6708, 0x70B9, 0x9EDE			/* 月 点 點 */
};

/* Compare two code points, for bsearch(). */
static int
layout_cmp_cp(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return x < y ? -1 : x > y;
}

/* Whether cp is in a sorted set of n code points. */
static int
layout_in_set(const uint32_t *set, size_t n, uint32_t cp)
{
	return bsearch(&cp, set, n, sizeof *set, layout_cmp_cp) != NULL;
}

/* May not start a line. */
static int
layout_not_start(uint32_t cp)
{
	if ((cp >= 0x31F0 && cp <= 0x31FF) || (cp >= 0xFF67 && cp <= 0xFF6F))
		return 1;	/* small katakana */
	return layout_in_set(layout_not_start_set,
	    sizeof layout_not_start_set / sizeof layout_not_start_set[0], cp);
}

/* May not end a line. */
static int
layout_not_end(uint32_t cp)
{
	return layout_in_set(layout_not_end_set,
	    sizeof layout_not_end_set / sizeof layout_not_end_set[0], cp);
}

/* A counter or unit that soft-glues to the number before it. */
static int
layout_is_counter(uint32_t cp)
{
	return layout_in_set(layout_counter_set,
	    sizeof layout_counter_set / sizeof layout_counter_set[0], cp);
}

/* A date or time counter followed by more numbers. */
static int
layout_is_date(uint32_t cp)
{
	return layout_in_set(layout_date_set,
	    sizeof layout_date_set / sizeof layout_date_set[0], cp);
}

/*
 * A space that is a break opportunity and is consumed at a break.  The
 * no-break spaces (NBSP, U+2007 figure space, U+202F) glue instead.
 */
static int
layout_is_space(uint32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == 0x3000 || cp == 0x1680 ||
	    (cp >= 0x2000 && cp <= 0x200A && cp != 0x2007) || cp == 0x205F;
}

/* ASCII or full-width digit. */
static int
layout_is_digit(uint32_t cp)
{
	return (cp >= '0' && cp <= '9') || (cp >= 0xFF10 && cp <= 0xFF19);
}

/*
 * A character of an unbreakable word: letters and digits (ASCII,
 * full-width, accented Latin, Greek, Cyrillic) and Hangul, which breaks at
 * spaces like a Western language (klreq).
 */
static int
layout_is_word(uint32_t cp)
{
	return text_is_alnum(cp) || text_is_hangul(cp);
}

/*
 * Punctuation that belongs to a word when letters or digits stand on both
 * sides: 1,620.5, 12:30, don't, don’t, e-mail, km/h, a_b, x@y.
 */
static int
layout_is_joiner(uint32_t cp)
{
	switch (cp) {
	case '.': case ',': case ':': case '\'': case '-': case '/':
	case '_': case '@': case 0x2019: case 0x2010:
		return 1;
	}
	return 0;
}

/* The doubled marks that form one unit: —— …… ⋯⋯ ‥‥. */
static int
layout_is_pair_mark(uint32_t cp)
{
	return cp == 0x2014 || cp == 0x2026 || cp == 0x22EF || cp == 0x2025;
}

/* Text that breaks between characters: CJK, or anything two columns wide. */
static int
layout_is_cjk_like(const struct layout_ch *c)
{
	return c->w == 2 || text_is_cjk(c->cp);
}

/*
 * A character a line cannot start with because it belongs to the one
 * before it: combining marks, joiners and every other zero-width
 * character except ZWSP.
 */
static int
layout_is_attached(const struct layout_ch *c)
{
	return c->w == 0 && c->cp != LAYOUT_ZWSP;
}

/*
 * Classify the boundary before ch[b] (0 < b < n).  a is the index of the
 * character before it, skipping attached marks; pa the one before that
 * (or -1); run_off and run_len describe the ——-style run ch[b] is in
 * (run_len 0 if none).
 */
static enum layout_brk
layout_classify(const struct layout_ch *ch, size_t n, size_t b, size_t a,
    long pa, size_t run_off, size_t run_len)
{
	const struct layout_ch *c = &ch[b], *p = &ch[a];
	size_t q;

	if (layout_is_attached(c))
		return BRK_NO;
	if (layout_is_space(ch[b - 1].cp))
		return BRK_NO;	/* a space run breaks at its first space */
	if (layout_is_space(c->cp)) {
		/* Break before the run; the spaces are consumed. */
		for (q = b; q < n && layout_is_space(ch[q].cp); q++)
			continue;
		if (q == n)
			return BRK_YES;
		if (layout_not_end(p->cp) || layout_not_start(ch[q].cp))
			return BRK_NO;
		return BRK_YES;
	}
	if (p->cp == LAYOUT_ZWSP)
		return layout_not_start(c->cp) ? BRK_NO : BRK_YES;
	if (run_len > 0) {
		/*
		 * —— and …… are units: inside a run break only between pairs,
		 * never leaving one mark alone at the end.  A lone — is a
		 * connector and may not start a line.
		 */
		if (run_off > 0)
			return run_off % 2 == 0 && run_len - run_off >= 2 ?
			    BRK_YES : BRK_NO;
		if (run_len == 1 && c->cp == 0x2014)
			return BRK_NO;
	}
	if (layout_not_start(c->cp) || layout_not_end(p->cp))
		return BRK_NO;
	if (layout_is_word(p->cp) && layout_is_word(c->cp))
		return BRK_NO;
	if (layout_is_joiner(c->cp) && layout_is_word(p->cp) && b + 1 < n &&
	    layout_is_word(ch[b + 1].cp))
		return BRK_NO;
	if (layout_is_joiner(p->cp) && layout_is_word(c->cp) && pa >= 0 &&
	    layout_is_word(ch[pa].cp))
		return BRK_NO;
	if (layout_is_digit(p->cp) && layout_is_counter(c->cp))
		return BRK_SOFT;
	if (layout_is_date(p->cp) && layout_is_digit(c->cp) && pa >= 0 &&
	    layout_is_digit(ch[pa].cp))
		return BRK_SOFT;
	if (layout_is_cjk_like(p) || layout_is_cjk_like(c))
		return BRK_YES;
	return BRK_NO;	/* Latin-like text breaks only at spaces */
}

/* Decode the paragraph and classify every boundary; returns the count. */
static size_t
layout_scan(const char *text, size_t len, struct layout_ch **out)
{
	struct layout_ch *ch;
	size_t i = 0, n = 0, b, col = 0, a = 0, run_start = 0, run_len = 0;
	long pa = -1;
	uint32_t cp;

	/* At most one character per byte, plus a sentinel. */
	ch = xreallocarray(NULL, len + 1, sizeof *ch);
	while (i < len) {
		ch[n].off = i;
		ch[n].col = col;
		i += utf8_decode(text + i, len - i, &cp);
		ch[n].cp = cp;
		ch[n].w = (unsigned char)width_cp(cp);
		ch[n].brk = BRK_NO;
		col += ch[n].w;
		n++;
	}
	ch[n].off = len;
	ch[n].col = col;
	ch[n].cp = 0;
	ch[n].w = 0;
	ch[n].brk = BRK_YES;

	for (b = 0; b < n; b++) {
		/* Track the run of identical pair marks ch[b] is in. */
		if (!layout_is_pair_mark(ch[b].cp))
			run_len = 0;
		else if (b == 0 || ch[b - 1].cp != ch[b].cp) {
			run_start = b;
			for (run_len = 0; b + run_len < n &&
			    ch[b + run_len].cp == ch[b].cp; run_len++)
				continue;
		}
		if (b == 0)
			continue;	/* a paragraph always starts a line */
		/* a: the base before b, skipping attached marks. */
		if (!layout_is_attached(&ch[b - 1])) {
			pa = b >= 2 ? (long)a : -1;
			a = b - 1;
		}
		ch[b].brk = (unsigned char)layout_classify(ch, n, b, a, pa,
		    b - run_start, run_len);
	}
	*out = ch;
	return n;
}

/* Append one line to the layout. */
static void
layout_emit(struct layout *l, size_t *cap, const struct layout_ch *ch,
    size_t from, size_t to, int forced)
{
	struct layout_line *line;

	while (to > from && layout_is_space(ch[to - 1].cp))
		to--;
	if (l->nlines == *cap) {
		*cap = *cap == 0 ? LAYOUT_INITIAL_LINES : *cap * 2;
		l->lines = xreallocarray(l->lines, *cap, sizeof *l->lines);
	}
	line = &l->lines[l->nlines++];
	line->start = ch[from].off;
	line->end = ch[to].off;
	line->width = ch[to].col - ch[from].col;
	line->forced = forced != 0;
}

/* Wrap with a narrower first line. */
void
layout_wrap_indent(const char *text, size_t len, size_t width, size_t indent,
    struct layout *out)
{
	struct layout_ch *ch;
	size_t n, start = 0, i, j, soft, avail, cap = 0;
	int forced;

	out->lines = NULL;
	out->nlines = 0;
	if (width == 0)
		width = 1;
	n = layout_scan(text, len, &ch);
	while (start < n && layout_is_space(ch[start].cp))
		start++;
	if (start == n) {
		layout_emit(out, &cap, ch, 0, 0, 0);
		free(ch);
		return;
	}
	avail = indent < width ? width - indent : 1;
	while (start < n) {
		/* Take what fits; zero-width marks always do. */
		for (i = start; i < n && ch[i + 1].col - ch[start].col <= avail;
		    i++)
			continue;
		forced = 0;
		if (i == n) {
			j = n;
		} else if (i == start) {
			/* One character wider than the line: alone, as is. */
			for (j = start + 1; j < n && layout_is_attached(&ch[j]);
			    j++)
				continue;
			forced = ch[j].brk == BRK_NO;
		} else {
			/* Push out: walk back to the nearest opportunity. */
			soft = 0;
			for (j = i; j > start && ch[j].brk != BRK_YES; j--)
				if (ch[j].brk == BRK_SOFT && soft == 0)
					soft = j;
			if (j == start) {
				if (soft != 0)
					j = soft;
				else {
					j = i;
					forced = 1;
				}
			} else if (soft != 0 && (ch[j].col - ch[start].col) *
			    100 < avail * LAYOUT_SOFT_MIN_FILL)
				j = soft;
		}
		layout_emit(out, &cap, ch, start, j, forced);
		for (start = j; start < n && layout_is_space(ch[start].cp);
		    start++)
			continue;
		avail = width;
	}
	free(ch);
}

/* Wrap a paragraph. */
void
layout_wrap(const char *text, size_t len, size_t width, struct layout *out)
{
	layout_wrap_indent(text, len, width, 0, out);
}

/* Free a layout's lines. */
void
layout_free(struct layout *l)
{
	if (l == NULL)
		return;
	free(l->lines);
	l->lines = NULL;
	l->nlines = 0;
}

/* Prepare a string for display, with its offset map; see layout.h. */
void
layout_prepare(const char *src, size_t len, bool ambiguous_wide,
    bool corner, bool with_map, struct layout_text *out)
{
	char *clean;
	size_t *map = NULL, *wmap = NULL, i, cleanlen;

	if (with_map)
		map = xreallocarray(NULL, len + 1, sizeof *map);
	clean = sanitize_display_map(src, len, map);
	out->srclen = len;
	out->map = map;
	if (!ambiguous_wide) {
		out->text = clean;
		out->len = strlen(clean);
		return;
	}
	/* The substitution's own map, composed with the sanitiser's. */
	cleanlen = strlen(clean);
	if (with_map)
		wmap = xreallocarray(NULL, cleanlen + 1, sizeof *wmap);
	out->text = width_substitute_map(clean, cleanlen, corner, wmap);
	out->len = strlen(out->text);
	for (i = 0; with_map && i <= len; i++)
		map[i] = wmap[map[i]];
	free(wmap);
	free(clean);
}

/* Free a prepared string and its map. */
void
layout_text_free(struct layout_text *pt)
{
	if (pt == NULL)
		return;
	free(pt->text);
	free(pt->map);
	pt->text = NULL;
	pt->map = NULL;
	pt->len = pt->srclen = 0;
}

/* The line and column of a display offset; see layout.h. */
void
layout_locate(const struct layout *l, const char *text, size_t off,
    size_t *line, size_t *col)
{
	const struct layout_line *ln;
	size_t lo = 0, hi = l->nlines, mid;

	/* The first line starting after off; the one before holds it. */
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (l->lines[mid].start <= off)
			lo = mid + 1;
		else
			hi = mid;
	}
	*line = lo > 0 ? lo - 1 : 0;
	*col = 0;
	if (l->nlines == 0)
		return;
	ln = &l->lines[*line];
	if (off <= ln->start)
		return;
	*col = off >= ln->end ? ln->width :
	    width_str(text + ln->start, off - ln->start);
}
