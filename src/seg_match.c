/*
 * seg_match.c - the line matchers of the segmenter: pure functions over
 * the code points of one line, with no page around them.
 *
 * Normalisation of a line (norm_line: justification spaces, letter
 * spacing, continuation markers), the joining rule, and the patterns that
 * classify a line: datelines and bylines (dateline_patterns), page
 * headers, masthead and editor furniture, closing bracketed lines.  The
 * pipeline that uses them is described at the top of seg.c.
 *
 * Chinese words compared with code points are written as UTF-32 string
 * literals (U"来源"): the compiler decodes them into the same arrays the
 * hex code points gave, so they read as words at no cost at run time.
 * Words compared as UTF-8 stay UTF-8 ("本报讯").
 */
#include "config.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "seg_match.h"
#include "seg_tune.h"
#include "text.h"
#include "xalloc.h"

static const struct dateline_pattern {
	const char	*pattern;
	enum dl_kind	 kind;
} dateline_patterns[] = {
	/* 本报讯（记者 王译博）: the paper's own news. */
	{ "本报讯", DL_TEXT },
	/* 本报北京12月23日电 and 本报12月23日电. */
	{ "本报%P%D电", DL_TEXT },
	{ "本报%D电", DL_TEXT },
	/* 本报12月5日讯 and 本报北京12月5日讯. */
	{ "本报%D讯", DL_TEXT },
	{ "本报%P%D讯", DL_TEXT },
	/* 本报郑州讯, 本报综合讯; 【本报讯】. */
	{ "本报%P讯", DL_TEXT },
	{ "【本报讯】", DL_TEXT },
	/* 新华社北京12月23日电, 新华社北京电, 新华社12月23日电. */
	{ "新华社%P%D电", DL_TEXT },
	{ "新华社%P电", DL_TEXT },
	{ "新华社%D电", DL_TEXT },
	/* Other agencies and sites: 人民网北京12月23日电 ... */
	{ "人民网%P%D电", DL_TEXT },
	{ "中新社%P%D电", DL_TEXT },
	{ "中新网%P%D电", DL_TEXT },
	{ "新华网%P%D电", DL_TEXT },
	{ "央视网消息", DL_TEXT },
	{ "据新华社电", DL_TEXT },
	/* 据新华社北京12月23日电: a paper's rewrite of agency copy. */
	{ "据新华社%P%D电", DL_TEXT },
	/* （记者 王译博）opening a lead, no agency named. */
	{ "（%R", DL_PAREN },
	{ "(%R", DL_PAREN },
	/* 本报记者 王译博 李娜 on a line of its own. */
	{ "本报记者%N", DL_LINE },
	{ "本报通讯员%N", DL_LINE },
	/* 本报记者 蔡明辉 通讯员 王少东: more roles after the first. */
	{ "本报记者%B", DL_LINE },
	{ "本报通讯员%B", DL_LINE },
	{ "本报特约记者%N", DL_LINE },
	{ "本报评论员%N", DL_LINE },
	{ "本报驻%B", DL_LINE },
	/*
	 * A byline line led by a square, the mark of many papers:
	 * □ 本报记者 张三, ■ 记者 王五 通讯员 赵六, and the author line of
	 * a commentary (□ 张明远); 文/图 本报记者 张三 (text and pictures
	 * by).  Without such a lead a line of names is too easily a line
	 * of text (记者王五…), so only the 本报记者 forms above stand alone.
	 */
	{ "□%B", DL_LINE },
	{ "■%B", DL_LINE },
	{ "◆%B", DL_LINE },
	{ "◇%B", DL_LINE },
	{ "●%B", DL_LINE },
	{ "○%B", DL_LINE },
	{ "★%B", DL_LINE },
	{ "☆%B", DL_LINE },
	{ "文/图%B", DL_LINE },
	{ "文／图%B", DL_LINE },
};
/* struct line keeps a pattern's number + 1 in 6 bits (seg.h). */
_Static_assert(sizeof dateline_patterns / sizeof dateline_patterns[0] < 63,
    "too many dateline patterns for struct line's dl");
#define NPATTERNS (sizeof dateline_patterns / sizeof dateline_patterns[0])

/*
 * Byline roles.  A byline token holding one of these is a role; text
 * before it in the same token is part of the role (郑报全媒体记者) unless
 * the role before still waits for its name (记者王译博通讯员 → 记者
 * 王译博 通讯员).
 */
static const char *const byline_roles[] = {
	"记者", "通讯员", "实习生", "摄影", "编辑", "撰稿", "评论员",
	"撰稿人", "作者", "整理"
};
#define NROLES (sizeof byline_roles / sizeof byline_roles[0])

/* ------------------------------------------------------------------ */
/* Code point vectors. */

/* Append a code point to a vector. */
void
segm_cpvec_push(struct cpvec *cv, uint32_t cp)
{
	if (cv->n == cv->cap) {
		cv->cap = cv->cap == 0 ? 256 : cv->cap * 2;
		cv->v = xreallocarray(cv->v, cv->cap, sizeof *cv->v);
	}
	cv->v[cv->n++] = cp;
}

/* Make room for n more code points, so that pushes need no check. */
void
segm_cpvec_reserve(struct cpvec *cv, size_t n)
{
	if (cv->cap - cv->n >= n)
		return;
	cv->cap = cv->n + n < 256 ? 256 : (cv->n + n) * 2;
	cv->v = xreallocarray(cv->v, cv->cap, sizeof *cv->v);
}

/* Free a code point vector. */
void
segm_cpvec_free(struct cpvec *cv)
{
	free(cv->v);
	cv->v = NULL;
	cv->n = cv->cap = 0;
}

/*
 * A code point that normalising keeps as it is: printable ASCII but the
 * space, CJK punctuation up to the end of the unified Han block, the
 * full-width forms and the dashes and quotes of U+2010..U+2027.  None of
 * them is a space, a control, an ignorable or U+FFFD, so the range
 * checks here stand for all four class tests on nearly every character.
 */
static inline bool
is_plain(uint32_t c)
{
	return (c >= 0x3001 && c <= 0x9FFF) || (c >= 0x21 && c <= 0x7E) ||
	    (c >= 0xFF01 && c <= 0xFFEF) || (c >= 0x2010 && c <= 0x2027);
}

/* ------------------------------------------------------------------ */
/* Continuation markers. */

/*
 * Match a continuation marker at v[i]: a bracket, a verb (下转, 上接,
 * 紧接, 转, 接, 续), 第 or not, a page (A3, 05, 三) and 版, the closing
 * bracket.  Returns the end or 0; *onward tells whether the text goes on
 * on another page (下转, 转), so the paragraph here is cut.  Spaces are
 * skipped: the raw mode keeps them.
 */
static size_t
marker_match(const uint32_t *v, size_t n, size_t i, bool *onward,
    unsigned *page)
{
	/* One or two characters; a one-character verb has 0 second. */
	static const uint32_t verbs[][3] = {
		U"下转", U"上接", U"紧接", U"转", U"接", U"续"
	};
	size_t k, d;

	if (i >= n || (v[i] != 0xFF08 && v[i] != '('))
		return 0;
	i++;
	for (k = 0; k < sizeof verbs / sizeof verbs[0]; k++) {
		if (i < n && v[i] == verbs[k][0] && (verbs[k][1] == 0 ||
		    (i + 1 < n && v[i + 1] == verbs[k][1])))
			break;
	}
	if (k == sizeof verbs / sizeof verbs[0])
		return 0;
	*onward = verbs[k][0] == 0x4E0B || verbs[k][0] == 0x8F6C;
	i += verbs[k][1] == 0 ? 1 : 2;
	while (i < n && v[i] == ' ')
		i++;
	if (i < n && v[i] == 0x7B2C)				/* 第 */
		i++;
	while (i < n && v[i] == ' ')
		i++;
	if (i < n && segm_is_latin_letter(v[i]))
		i++;
	for (d = 0; i < n && d < (size_t)tune.page_digits &&
	    (segm_is_digit(v[i]) ||
	    segm_is_cn_numeral(v[i])); d++)
		i++;
	*page = segm_page_number(v, i - d, i);
	while (i < n && v[i] == ' ')
		i++;
	if (d == 0 || i >= n || v[i] != 0x7248)			/* 版 */
		return 0;
	i++;
	if (i >= n || (v[i] != 0xFF09 && v[i] != ')'))
		return 0;
	return i + 1;
}

/*
 * Drop a continuation marker from the start or the end of a normalised
 * line (a whole line that is one becomes empty).  A reader of the screen
 * edition cannot turn to the third page, so the marker is noise there;
 * the article text around it is kept.  Returns 0 when there was none,
 * else SEGM_MARK_ON for a marker sending the text on (下转) or
 * SEGM_MARK_FROM for one bringing it (上接), with the page number it
 * names shifted by SEGM_MARK_SHIFT (0 when it names none).
 */
static int
strip_marker(struct cpvec *cv)
{
	size_t k, e, lo;
	bool onward = false;
	unsigned page = 0;

	if (cv->n < (size_t)tune.marker_min)
		return 0;
	if ((e = marker_match(cv->v, cv->n, 0, &onward, &page)) != 0) {
		for (; e < cv->n && cv->v[e] == ' '; e++)
			/* nothing */;
		memmove(cv->v, cv->v + e, (cv->n - e) * sizeof *cv->v);
		cv->n -= e;
		return (onward ? SEGM_MARK_ON : SEGM_MARK_FROM) |
		    (int)(page << SEGM_MARK_SHIFT);
	}
	if (cv->v[cv->n - 1] != 0xFF09 && cv->v[cv->n - 1] != ')')
		return 0;
	lo = cv->n > (size_t)tune.marker_max ?
	    cv->n - (size_t)tune.marker_max : 0;
	for (k = cv->n - 1; k-- > lo;) {
		if (cv->v[k] != 0xFF08 && cv->v[k] != '(')
			continue;
		if (marker_match(cv->v, cv->n, k, &onward, &page) != cv->n)
			return 0;
		while (k > 0 && cv->v[k - 1] == ' ')
			k--;
		cv->n = k;
		/* 上接 after text starts nothing: no page to join. */
		return onward ? SEGM_MARK_ON | (int)(page << SEGM_MARK_SHIFT) :
		    SEGM_MARK_FROM;
	}
	return 0;
}

/* ------------------------------------------------------------------ */
/* Normalisation. */

/*
 * Clean and normalise one line into out: drop controls and ignorables,
 * make every space-like character a space, trim, undo letter spacing
 * (tune.spaced_tokens or more tokens, tune.spaced_share percent of them
 * one character: 依 据 和 参 考), then per mode drop the spaces next to
 * CJK (NORM_TEXT) or keep them collapsed (NORM_RAW).  Returns the
 * number of leading spaces trimmed.  *simple (if not NULL) tells whether
 * out is exactly the code points of the line, nothing dropped or
 * changed: then the raw bytes can stand for it.
 * *spaces (if not NULL) gets SEGM_SPACES_IN when the line holds a space
 * inside (without one, both modes give the same code points), and
 * SEGM_SPACES_SPREAD when justification spread the line's characters
 * (夯 实 数 字 基 础 设 施 。 5G 网: tune.spaced_tokens tokens or more,
 * tune.spread_share percent of them single characters, every space
 * dropped), so that it was set full.
 */
static unsigned
norm_line_core(const char *s, size_t len, int mode, struct cpvec *out,
    struct cpvec *tmp, bool *simple, unsigned *spaces)
{
	size_t i, j, n, ntok = 0, nsingle = 0, toklen = 0, nspace = 0;
	size_t dropped = 0, kept = 0;
	unsigned lead = 0;
	uint32_t c, l, r, *v;
	struct cpvec swap;
	bool letterspaced, changed = false;

	out->n = tmp->n = 0;
	/* A line never has more code points than bytes. */
	segm_cpvec_reserve(tmp, len);
	/* The array and count in locals: no reload after every store. */
	v = tmp->v;
	n = 0;
	for (i = 0; i < len;) {
		i += utf8_decode_fast(s + i, len - i, &c);
		if (is_plain(c)) {	/* fast path: Han, punctuation, ASCII */
			v[n++] = c;
			continue;
		}
		if (text_is_space(c)) {
			changed |= c != ' ';
			c = ' ';
		} else if (text_is_control(c) || text_is_ignorable(c) ||
		    c == TEXT_REPLACEMENT) {
			/* U+FFFD: maybe a bad byte; never copy the raw ones. */
			changed = true;
			if (c != TEXT_REPLACEMENT)
				continue;
		}
		if (c == ' ') {
			if (n == 0) {
				lead++;
				continue;
			}
			nspace++;
		}
		v[n++] = c;
	}
	tmp->n = n;
	while (tmp->n > 0 && tmp->v[tmp->n - 1] == ' ') {
		tmp->n--;
		nspace--;
		changed = true;
	}
	if (simple != NULL)
		*simple = !changed && lead == 0 && nspace == 0;
	if (spaces != NULL)
		*spaces = nspace != 0 ? SEGM_SPACES_IN : 0;
	if (nspace == 0) {
		/* Most lines hold no space: nothing more to do. */
		swap = *out;
		*out = *tmp;
		*tmp = swap;
		return lead;
	}
	segm_cpvec_reserve(out, tmp->n);

	/* Count tokens to detect letter spacing. */
	for (i = 0; i <= tmp->n; i++) {
		if (i == tmp->n || tmp->v[i] == ' ') {
			if (toklen > 0) {
				ntok++;
				if (toklen == 1)
					nsingle++;
			}
			toklen = 0;
		} else
			toklen++;
	}
	letterspaced = ntok >= (size_t)tune.spaced_tokens &&
	    nsingle * 100 >= ntok * (size_t)tune.spaced_share;

	for (i = 0; i < tmp->n; i = j) {
		c = tmp->v[i];
		if (c != ' ') {
			out->v[out->n++] = c;
			j = i + 1;
			continue;
		}
		for (j = i; j < tmp->n && tmp->v[j] == ' '; j++)
			/* nothing */;
		if (letterspaced && j - i == 1) {
			dropped++;
			continue;
		}
		l = out->n > 0 ? out->v[out->n - 1] : 0;
		r = j < tmp->n ? tmp->v[j] : 0;
		if (mode == NORM_TEXT && (segm_is_cjk(l) || segm_is_cjk(r)) &&
		    !text_is_hangul(l) && !text_is_hangul(r)) {
			dropped++;
			continue;
		}
		out->v[out->n++] = ' ';
		kept++;
	}
	if (spaces != NULL && kept == 0 && dropped + 1 >= ntok &&
	    ntok >= (size_t)tune.spaced_tokens &&
	    nsingle * 100 >= ntok * (size_t)tune.spread_share)
		*spaces |= SEGM_SPACES_SPREAD;
	return lead;
}

/*
 * norm_line_core(), then the continuation marker dropped (strip_marker):
 * *marker (if not NULL) gets what strip_marker() returned.  Every reader
 * of a line goes through here, so the marker is gone for all of them.
 */
unsigned
segm_norm_line_info(const char *s, size_t len, int mode, struct cpvec *out,
    struct cpvec *tmp, bool *simple, unsigned *spaces, int *marker)
{
	unsigned lead;
	int m = 0;

	lead = norm_line_core(s, len, mode, out, tmp, simple, spaces);
	/* Only a line holding a closing bracket can hold a marker. */
	if (out->n >= (size_t)tune.marker_min &&
	    (text_is_closing(out->v[out->n - 1]) ||
	    text_is_opening(out->v[0])) && (m = strip_marker(out)) != 0 &&
	    simple != NULL)
		*simple = false;
	if (marker != NULL)
		*marker = m;
	return lead;
}

/* segm_norm_line_info() for callers that need not know about spaces. */
unsigned
segm_norm_line(const char *s, size_t len, int mode, struct cpvec *out,
    struct cpvec *tmp, bool *simple)
{
	return segm_norm_line_info(s, len, mode, out, tmp, simple, NULL, NULL);
}

/*
 * The joining rule: what joining a line that ends in l (l2 before it, 0
 * if none) to one that starts with r puts between them.  No space when
 * either side is CJK, after a space, dash or slash, before closing
 * punctuation or after an opening bracket; the hyphen of a Latin word
 * broken at the line end dropped; else one space between Latin words.
 */
enum segm_join
segm_join_rule(uint32_t l2, uint32_t l, uint32_t r)
{
	if (l == '-' && segm_is_latin_letter(l2) && r >= 'a' && r <= 'z')
		return SEGM_JOIN_UNHYPHEN;
	if (segm_is_cjk(l) || segm_is_cjk(r) || l == ' ' || l == '-' ||
	    l == '/')
		return SEGM_JOIN_NONE;
	if (strchr(",.;:!?%)]}", (int)r) != NULL && r < 0x80)
		return SEGM_JOIN_NONE;
	if (r < 0x80 && strchr("([{", (int)l) != NULL && l < 0x80)
		return SEGM_JOIN_NONE;
	return SEGM_JOIN_SPACE;
}

/* ------------------------------------------------------------------ */
/* Dateline and header patterns. */

/* Does v[i..n) start with the UTF-8 literal lit?  *end gets the end. */
bool
segm_match_literal(const uint32_t *v, size_t n, size_t i, const char *lit,
    size_t litlen, size_t *end)
{
	size_t k = 0;
	uint32_t c;

	while (k < litlen) {
		k += utf8_decode(lit + k, litlen - k, &c);
		if (i >= n || v[i] != c)
			return false;
		i++;
	}
	*end = i;
	return true;
}

/* Match a number of a date: 1-2 digits or 1-3 Chinese numerals. */
static size_t
match_number(const uint32_t *v, size_t n, size_t i)
{
	size_t k = 0;

	while (i + k < n && k < 2 && segm_is_digit(v[i + k]))
		k++;
	if (k > 0)
		return k;
	while (i + k < n && k < 3 && segm_is_cn_numeral(v[i + k]))
		k++;
	return k;
}

/* Match a date (12月23日 or 23日) at v[i]; returns its end or 0. */
static size_t
match_date(const uint32_t *v, size_t n, size_t i)
{
	size_t k, j = i;

	k = match_number(v, n, j);
	if (k == 0)
		return 0;
	j += k;
	if (j < n && v[j] == 0x6708) {				/* 月 */
		j++;
		k = match_number(v, n, j);
		if (k == 0)
			return 0;
		j += k;
	}
	if (j < n && v[j] == 0x65E5)				/* 日 */
		return j + 1;
	return 0;
}

/* Find a role keyword at v[i]; returns its length in code points or 0. */
size_t
segm_match_role(const uint32_t *v, size_t n, size_t i)
{
	size_t r, end, best = 0;

	for (r = 0; r < NROLES; r++) {
		if (segm_match_literal(v, n, i, byline_roles[r],
		    strlen(byline_roles[r]), &end) && end - i > best)
			best = end - i;
	}
	return best;
}

/*
 * Is v[i..n) roles and names only (本报记者陈默, 记者王五通讯员赵六,
 * 张明远)?  Han characters (and 、·) cut at role keywords: a run right
 * before a role is part of it (本报, 郑报全媒体), any other run is one
 * or more names of 2-4 characters.  At least one name; a photo credit
 * (…摄) is a caption, not a byline.
 */
static bool
byline_names(const uint32_t *v, size_t n, size_t i)
{
	static const uint32_t staff[] = U"评论员";
	size_t j, run = 0, rl, names = 0;
	bool unnamed = false;

	if (n <= i || n - i < (size_t)tune.person_min ||
	    n - i > (size_t)tune.byline_line ||
	    v[n - 1] == 0x6444)					/* 摄 */
		return false;
	for (j = i; j <= n; j += rl) {
		rl = j < n ? segm_match_role(v, n, j) : 0;
		/* 本报评论员 at the end: a staff writer signs unnamed. */
		if (rl == 3 && j + rl == n && segm_cps_at(v, n, j, staff, 3))
			unnamed = true;
		if (j == n || rl != 0) {
			/* A run before a role is its prefix. */
			if (j == n && run != 0) {
				if (run < (size_t)tune.person_min ||
				    run > (size_t)tune.names_run)
					return false;
				names++;
			} else if (run > (size_t)tune.role_prefix)
				return false;
			run = 0;
			if (j == n)
				break;
			continue;
		}
		if (!text_is_han(v[j]) && v[j] != 0x3001 && v[j] != 0x00B7)
			return false;
		run++;
		rl = 1;
	}
	return names > 0 || unnamed;
}

/*
 * Match pattern pat (see dateline_patterns) against v[i..n).  Returns the
 * end of the match or 0 when it does not match.  %P tries the shortest
 * place first, so 新华社北京12月23日电 gives 北京.
 */
static size_t
match_pattern(const char *pat, const uint32_t *v, size_t n, size_t i)
{
	const char *next;
	size_t k, j, end;

	while (*pat != '\0') {
		if (pat[0] != '%') {
			next = strchr(pat, '%');
			k = next == NULL ? strlen(pat) : (size_t)(next - pat);
			if (!segm_match_literal(v, n, i, pat, k, &end))
				return 0;
			i = end;
			pat += k;
			continue;
		}
		switch (pat[1]) {
		case 'P':
			/*
			 * A place holds no role: 本报记者蔡明辉通讯员 is no
			 * 本报…讯 dateline.
			 */
			for (k = 1; k <= (size_t)tune.place_max && i + k <= n &&
			    text_is_han(v[i + k - 1]) &&
			    segm_match_role(v, n, i + k - 1) == 0; k++) {
				if (k < (size_t)tune.place_min)
					continue;
				end = match_pattern(pat + 2, v, n, i + k);
				if (end != 0)
					return end;
			}
			return 0;
		case 'D':
			end = match_date(v, n, i);
			if (end == 0)
				return 0;
			i = end;
			break;
		case 'R':
			/* A role within a few characters, a ) after it. */
			for (k = 0; k < (size_t)tune.role_reach && i + k < n;
			    k++)
				if (segm_match_role(v, n, i + k) != 0)
					break;
			if (k == (size_t)tune.role_reach || i + k >= n)
				return 0;
			end = i + (size_t)tune.byline_max;
			for (j = i + k; j < n && j < end; j++)
				if (v[j] == 0xFF09 || v[j] == ')')
					break;
			if (j >= n || j >= end)
				return 0;
			i = j + 1;
			break;
		case 'B':
			if (!byline_names(v, n, i))
				return 0;
			i = n;
			break;
		case 'N':
			/* Names only, to the end of the line. */
			if (n - i < (size_t)tune.person_min ||
			    n - i > (size_t)tune.names_line)
				return 0;
			for (j = i; j < n; j++)
				if (!text_is_han(v[j]) && v[j] != 0x00B7 &&
				    v[j] != 0x3001)
					return 0;
			i = n;
			break;
		default:
			fatalx("bad dateline pattern %s", pat);
		}
		pat += 2;
	}
	return i;
}

/* The dateline pattern a line starts with: index + 1, or 0. */
int
segm_dateline_match(const uint32_t *v, size_t n, size_t *end)
{
	size_t p, e;
	char first[4];
	size_t nfirst;

	if (n == 0)
		return 0;
	/*
	 * Most lines fail at the first character: compare its bytes, by
	 * hand (a pattern is at least as long as its first character, and
	 * a NUL never matches a byte of an encoded character).
	 */
	nfirst = utf8_encode(v[0], first);
	for (p = 0; p < NPATTERNS; p++) {
		const char *pat = dateline_patterns[p].pattern;

		if (pat[0] != first[0] || (nfirst > 1 && (pat[1] != first[1] ||
		    (nfirst > 2 && (pat[2] != first[2] ||
		    (nfirst > 3 && pat[3] != first[3]))))))
			continue;
		e = match_pattern(dateline_patterns[p].pattern, v, n, 0);
		if (e != 0) {
			if (end != NULL)
				*end = e;
			return (int)p + 1;
		}
	}
	return 0;
}

/*
 * Skip the date many papers print before the page number in the header
 * (2024年12月24日 星期二): returns the index after it and its spaces, or
 * 0 when the line does not start with a full date.
 */
static size_t
header_date(const uint32_t *v, size_t n)
{
	static const uint32_t unit[] = U"年月日";
	size_t i = 0, k, u;

	for (u = 0; u < 3; u++) {
		for (k = 0; i < n && segm_is_digit(v[i]) && k < 4; k++)
			i++;
		if (k == 0 || i >= n || v[i] != unit[u])
			return 0;
		i++;
		while (i < n && v[i] == ' ')
			i++;
	}
	/* 星期二 / 星期日 */
	if (i + 2 < n && v[i] == 0x661F && v[i + 1] == 0x671F) {
		i += 3;
		while (i < n && v[i] == ' ')
			i++;
	}
	return i;
}

/*
 * Is the line a page header: 第05版：经开区新闻, 第05版 经开区新闻,
 * A05版：要闻, A5 要闻, 第5版, 2024年12月24日 星期二 第07版 民生?  An
 * optional date, a number, then 版 or (after a letter) a space and a
 * short title without sentence punctuation.
 */
bool
segm_header_match(const uint32_t *v, size_t n)
{
	size_t i, digits = 0, j, skip;
	bool letter = false, ban = false;

	if (n == 0 || n > (size_t)(tune.header_max + tune.date_max))
		return false;
	/* After a date, only 第..版 counts: a date alone is no header. */
	skip = header_date(v, n);
	if (skip > 0 && (skip >= n || v[skip] != 0x7B2C))
		return false;
	v += skip;
	n -= skip;
	if (n > (size_t)tune.header_max)
		return false;
	i = 0;
	if (v[i] == 0x7B2C)					/* 第 */
		i++;
	if (i < n && (segm_is_latin_letter(v[i]) ||
	    (v[i] >= 0xFF21 && v[i] <= 0xFF3A))) {
		letter = true;
		i++;
	}
	while (i < n && segm_is_digit(v[i]) &&
	    digits < (size_t)tune.page_digits) {
		digits++;
		i++;
	}
	/*
	 * 第五版, 第十二版：要闻; a name right after 版 (第一版测试) is
	 * too much like text to count.
	 */
	if (digits == 0 && i == 1 && !letter) {
		while (i < n && segm_is_cn_numeral(v[i]) &&
		    digits < (size_t)tune.page_digits) {
			digits++;
			i++;
		}
		if (digits == 0 || i >= n || v[i] != 0x7248 || (i + 1 < n &&
		    v[i + 1] != ' ' && !segm_is_colon(v[i + 1])))
			return false;
	}
	if (digits == 0)
		return false;
	if (i < n && v[i] == 0x7248) {				/* 版 */
		ban = true;
		i++;
	}
	if (i == n)
		return ban;
	if (!ban && !(letter && v[i] == ' '))
		return false;
	if (v[i] == ' ' || segm_is_colon(v[i]))
		i++;
	else if (!ban)
		return false;
	if (i == n)
		return ban;
	for (j = i; j < n; j++)
		if (text_is_sentence_end(v[j]) || segm_is_inner_stop(v[j]) ||
		    v[j] == 0xFF0C || segm_is_digit(v[j]))
			return false;
	return true;
}

/*
 * Page furniture.  Besides the page header (segm_header_match), pdftotext
 * prints the masthead strip of a page and the credits of its editors
 * wherever they stand, mostly first and last:
 *
 *   2021年12月24日 星期五      郑州日报 第05版      ZHENGZHOU DAILY
 *   A05      经开区新闻      责任编辑：李四  美术编辑：王五  校对：赵六
 *
 * None of it is article text.  A masthead line is made of tokens of a
 * few kinds only (furn_token); an editor line starts with an editor's
 * title (editor_titles).  Both count only near the top or bottom of a
 * page, like headers.
 */
static const char *const editor_titles[] = {
	"责任编辑", "本版编辑", "美术编辑", "版式设计", "责任校对", "图片编辑",
	"视觉设计", "值班编辑", "本版责编", "责编", "美编", "校对", "版式",
	"组版", "照排", "制图"
};
#define NEDITORS (sizeof editor_titles / sizeof editor_titles[0])

/* Kinds of masthead token. */
enum furn_tok {
	FT_NONE,
	FT_DATE,		/* 2021年12月24日, 12月24日 */
	FT_WEEKDAY,		/* 星期五, 周五 */
	FT_LUNAR,		/* 农历十一月廿一 */
	FT_MARK,		/* 第05版, A05, A05版, 05版 */
	FT_MARK_NAME,		/* 第07版要闻: a mark and the name after it */
	FT_PAPER,		/* 郑州日报 */
	FT_LATIN,		/* ZHENGZHOU DAILY (each word) */
	FT_NAME,		/* 经开区新闻, 民生·社会: the page's name */
	FT_NUMBER,		/* 05: a page number only beside a name */
	FT_ISSUE		/* 第12345期, 今日16版, CN 11-0000, 邮发代号 */
};

/*
 * Is v[a..b) a token of a front page's masthead box: the issue number
 * (第12345期), the page count (今日16版), the serial number (CN11-0000,
 * 国内统一连续出版物号) or the postal code (邮发代号1-1)?
 */
static bool
issue_token(const uint32_t *v, size_t a, size_t b)
{
	static const uint32_t jin[] = U"今日", cn[] = U"CN",
	    tongyi[] = U"国内统一连续出版物号", youfa[] = U"邮发代号",
	    daihao[] = U"代号";
	size_t i;

	if (b - a >= 3 && v[a] == 0x7B2C && v[b - 1] == 0x671F) {	/* 第…期 */
		for (i = a + 1; i + 1 < b; i++)
			if (!segm_is_digit(v[i]))
				return false;
		return true;
	}
	if (b - a >= 4 && segm_cps_at(v, b, a, jin, 2) &&
	    v[b - 1] == 0x7248) {					/* 今日…版 */
		for (i = a + 2; i + 1 < b; i++)
			if (!segm_is_digit(v[i]))
				return false;
		return true;
	}
	if (b - a >= 2 && segm_cps_at(v, b, a, cn, 2))
		return true;
	/* 11-0000, 1-1: the numbers after CN or 邮发代号. */
	for (i = a; i < b && (segm_is_digit(v[i]) || v[i] == '-'); i++)
		/* nothing */;
	if (i == b && b - a >= 3 && v[a] != '-' && v[b - 1] != '-')
		for (i = a; i < b; i++)
			if (v[i] == '-')
				return true;
	return segm_cps_at(v, b, a, tongyi, 10) ||
	    segm_cps_at(v, b, a, youfa, 4) || segm_cps_at(v, b, a, daihao, 2);
}

/* The kind of the masthead token v[a..b). */
static enum furn_tok
furn_token(const uint32_t *v, size_t a, size_t b)
{
	static const uint32_t ymd[] = U"年月日";
	size_t i = a, k, u, nd;
	bool latin = true, han = true;

	/* Dates: 2021年12月24日 or 12月24日. */
	for (u = 0, nd = 0; u < 3 && i < b; u++) {
		for (k = 0; i < b && segm_is_digit(v[i]) && k < 4; k++)
			i++;
		if (k == 0 || i >= b)
			break;
		if (v[i] != ymd[u] && !(nd == 0 && u == 0 && v[i] == ymd[1]))
			break;
		if (v[i] == ymd[1] && u == 0)
			u = 1;
		i++;
		nd++;
		/* 2026年2月28日星期六: the weekday may follow unspaced. */
		if (v[i - 1] == ymd[2])
			return i == b || (b - i == 3 && v[i] == 0x661F &&
			    v[i + 1] == 0x671F) ? FT_DATE : FT_NONE;
	}
	i = a;
	if (b - a == 3 && v[a] == 0x661F && v[a + 1] == 0x671F)	/* 星期 */
		return FT_WEEKDAY;
	if (b - a == 2 && v[a] == 0x5468 &&				/* 周 */
	    segm_is_cn_numeral(v[a + 1]))
		return FT_WEEKDAY;
	if (b - a == 2 && v[a] == 0x5468 && v[a + 1] == 0x65E5)
		return FT_WEEKDAY;
	if (b - a >= (size_t)tune.lunar_min &&
	    b - a <= (size_t)tune.lunar_max &&
	    v[a] == 0x519C && v[a + 1] == 0x5386)		/* 农历 */
		return FT_LUNAR;
	/* Page numbers: 第05版, A05, A05版, 05版. */
	k = 0;		/* the marks of a page number seen: 第, A, 版 */
	if (v[i] == 0x7B2C) {					/* 第 */
		i++;
		k++;
	}
	if (i < b && (segm_is_latin_letter(v[i]) || (v[i] >= 0xFF21 &&
	    v[i] <= 0xFF3A))) {
		i++;
		k++;
	}
	for (nd = 0; i < b && segm_is_digit(v[i]) &&
	    nd < (size_t)tune.page_digits; nd++)
		i++;
	/* 第四版, 第十二版: Chinese numerals between 第 and 版. */
	if (nd == 0 && k == 1 && v[a] == 0x7B2C)
		for (; i < b && segm_is_cn_numeral(v[i]) &&
		    nd < (size_t)tune.page_digits; nd++)
			i++;
	if (nd > 0 && i < b && v[i] == 0x7248) {		/* 版 */
		i++;
		k++;
	}
	if (nd > 0 && i == b && k > 0)
		return FT_MARK;
	/*
	 * 第07版要闻: the page's name right after 版, the number in
	 * digits (第一版测试标题 is too much like a headline).
	 */
	if (nd > 0 && k > 0 && v[i - 1] == 0x7248 && v[a] == 0x7B2C &&
	    segm_is_digit(v[a + 1]) &&
	    b - i >= (size_t)tune.furn_min && b - i <= (size_t)tune.name_max) {
		for (u = i; u < b && text_is_han(v[u]); u++)
			/* nothing */;
		if (u == b)
			return FT_MARK_NAME;
	}
	/* 05 beside a page name: a bare page number (see below). */
	if (nd > 0 && i == b && k == 0 && nd <= 3)
		return FT_NUMBER;
	if (issue_token(v, a, b))
		return FT_ISSUE;
	for (i = a; i < b; i++) {
		latin = latin && v[i] >= 'A' && v[i] <= 'Z';
		han = han && (text_is_han(v[i]) || v[i] == 0x00B7 ||
		    v[i] == 0x30FB);
	}
	if (latin && b - a >= (size_t)tune.furn_min)
		return FT_LATIN;
	if (han && b - a >= (size_t)tune.paper_min &&
	    b - a <= (size_t)tune.paper_max && v[b - 1] == 0x62A5)	/* 报 */
		return FT_PAPER;
	if (han && b - a >= (size_t)tune.furn_min &&
	    b - a <= (size_t)tune.name_max)
		return FT_NAME;
	return FT_NONE;
}

/*
 * Is the raw-normalised line v[0..n) a masthead line: masthead tokens
 * only, with a date, page number, paper name or five Latin capitals
 * among them, and a page name only beside a page number?  *mark and
 * *name (if not NULL) get the page number and page name tokens as
 * start * 256 + length, or 0.
 */
bool
segm_masthead_match(const uint32_t *v, size_t n, size_t *mark, size_t *name)
{
	struct segm_mast mp;

	if (!segm_masthead_parts(v, n, &mp))
		return false;
	if (mark != NULL)
		*mark = mp.mark;
	if (name != NULL)
		*name = mp.name;
	return true;
}

/*
 * Does an editor's title start v[i..j) (责编, 责任编辑)?  The rest of a
 * masthead line from there on names the page's editors.
 */
static bool
editor_token(const uint32_t *v, size_t i, size_t j)
{
	size_t k, e, len;
	const char *t;
	uint32_t c;

	for (k = 0; k < NEDITORS; k++) {
		t = editor_titles[k];
		len = strlen(t);
		for (e = i; e < j && len > 0; e++) {
			size_t m = utf8_decode(t, len, &c);

			if (v[e] != c)
				break;
			t += m;
			len -= m;
		}
		if (len == 0)
			return true;
	}
	return false;
}

/*
 * The masthead tokens of v[0..n): segm_masthead_match() with the parts
 * (page number, page name, paper, date) it found; false when the line is
 * no masthead line.  Tokens are split at spaces and colons (第05版：要闻);
 * an editor's title and the name after it are skipped, and only page
 * marks (with the page's name), dates and the paper's name go on after
 * them (… 本版责编：张三 第07版要闻); anything else ends the line.
 */
bool
segm_masthead_parts(const uint32_t *v, size_t n, struct segm_mast *mp)
{
	size_t i, j, k, letters = 0, nname = 0, m = 0, nm = 0, num = 0;
	bool strong = false;
	int editor = 0;		/* 1: the editor's name next; 2: after it */
	enum furn_tok t, last = FT_NONE;

	memset(mp, 0, sizeof *mp);
	if (n == 0 || n > (size_t)(tune.header_max + tune.date_max))
		return false;
	for (i = 0; i < n; i = j + 1) {
		for (j = i; j < n && v[j] != ' ' && !segm_is_colon(v[j]); j++)
			/* nothing */;
		if (j == i)
			continue;
		/* 本版责编：卢晨立 may also open the strip. */
		if ((strong || nname > 0 || i == 0) && editor_token(v, i, j)) {
			editor = 1;
			last = FT_NONE;
			continue;
		}
		if (editor == 1) {
			editor = 2;
			continue;
		}
		t = furn_token(v, i, j);
		/*
		 * After the editors only the page's own marks go on (本版
		 * 责编：张三 第07版要闻, 责任编辑：张三 … 燕山日报 11 国际);
		 * anything else is more editors.
		 */
		if (editor == 2 && t != FT_MARK && t != FT_MARK_NAME &&
		    t != FT_DATE && t != FT_PAPER && t != FT_WEEKDAY &&
		    t != FT_NUMBER && !(t == FT_NAME && (last == FT_MARK ||
		    last == FT_NUMBER)))
			break;
		last = t;
		switch (t) {
		case FT_MARK_NAME:
			for (k = i; v[k] != 0x7248; k++)	/* 版 */
				/* nothing */;
			m = i * 256 + (k + 1 - i);
			nname++;
			nm = (k + 1) * 256 + (j - k - 1);
			strong = true;
			break;
		case FT_NUMBER:
			if (num != 0 || m != 0)
				return false;
			num = i * 256 + (j - i);
			break;
		case FT_PAPER:
			if (mp->paper == 0)
				mp->paper = i * 256 + (j - i);
			strong = true;
			break;
		case FT_DATE:
			/* Without a weekday glued to it. */
			for (k = i; k < j && v[k] != 0x65E5; k++)	/* 日 */
				/* nothing */;
			if (mp->date == 0)
				mp->date = i * 256 + (k + 1 - i);
			strong = true;
			break;
		case FT_NONE:
			return false;
		case FT_LATIN:
			letters += j - i;
			break;
		case FT_NAME:
			nname++;
			nm = i * 256 + (j - i);
			break;
		case FT_ISSUE:
			mp->issue = true;
			strong = true;
			break;
		case FT_MARK:
			m = i * 256 + (j - i);
			/* FALLTHROUGH */
		default:
			strong = true;
			break;
		}
	}
	/* A bare number is a page number only beside a page name. */
	if (num != 0 && m == 0 && nname == 1) {
		m = num;
		strong = true;
	} else if (num != 0)
		return false;
	if (!strong && letters < (size_t)tune.masthead_latin)
		return false;
	if (nname > 1 || (nname == 1 && m == 0))
		return false;
	mp->mark = m;
	mp->name = nm;
	return true;
}

/*
 * The page number of a page mark v[a..b) (第05版, A05, 05版, 第十二版,
 * 05), or 0.
 */
unsigned
segm_page_number(const uint32_t *v, size_t a, size_t b)
{
	unsigned num = 0, unit = 0;
	bool cn = false;
	size_t i;

	for (i = a; i < b; i++) {
		if (segm_is_digit(v[i]) && v[i] < 0x80)
			num = num * 10 + (v[i] - '0');
		else if (v[i] >= 0xFF10 && v[i] <= 0xFF19)
			num = num * 10 + (v[i] - 0xFF10);
		else if (v[i] == 0x5341) {			/* 十 */
			cn = true;
			unit = (num == 0 ? 1 : num) * 10;
			num = 0;
		} else if (segm_is_cn_numeral(v[i])) {
			static const uint32_t d[] = U"〇一二三四五六七八九";
			unsigned k;

			cn = true;
			for (k = 0; k < 10; k++)
				if (d[k] == v[i])
					num = num * 10 + k;
		}
		if (num > 9999)
			return 0;
	}
	return cn ? unit + num : num;
}

/*
 * Is the line an editor credit line (责任编辑：李四 美术编辑：王五)?  It
 * starts with an editor's title and holds no sentence punctuation.
 */
bool
segm_editor_match(const uint32_t *v, size_t n)
{
	size_t k, end, i;

	if (n == 0 || n > (size_t)tune.editor_max)
		return false;
	for (k = 0; k < NEDITORS; k++)
		if (segm_match_literal(v, n, 0, editor_titles[k],
		    strlen(editor_titles[k]), &end))
			break;
	if (k == NEDITORS || end >= n)
		return false;
	if (!segm_is_colon(v[end]) && v[end] != ' ')
		return false;
	for (i = end; i < n; i++)
		if (text_is_sentence_end(v[i]) || segm_is_inner_stop(v[i]) ||
		    v[i] == 0xFF0C)
			return false;
	return true;
}

/*
 * Is v[a..b) (spaces kept) a byline of space-separated tokens, each a
 * name of 2-4 Han characters or a role with a short prefix (本报记者)
 * and maybe a name glued to it (记者刘畅)?  Needs a name.  Stricter
 * than byline_names(), which cannot see where names end: a note such
 * as 作者系省社会科学院研究员 is no byline.
 */
bool
segm_byline_tokens(const uint32_t *v, size_t a, size_t b)
{
	size_t i, j, p, rl, g, names = 0;

	for (i = a; i < b; i = j) {
		while (i < b && (v[i] == ' ' || v[i] == 0x3001))
			i++;
		for (j = i; j < b && v[j] != ' ' && v[j] != 0x3001; j++)
			if (!text_is_han(v[j]) && v[j] != 0x00B7)
				return false;
		if (j == i)
			continue;
		for (p = i, rl = 0; p < j; p++)
			if ((rl = segm_match_role(v, j, p)) != 0)
				break;
		if (rl == 0) {
			if (j - i < (size_t)tune.person_min ||
			    j - i > (size_t)tune.person_max)
				return false;
			names++;
			continue;
		}
		/* A name glued to the role: none, or a whole one. */
		g = j - (p + rl);
		if (p - i > (size_t)tune.role_prefix ||
		    g > (size_t)tune.person_max ||
		    (g != 0 && g < (size_t)tune.person_min))
			return false;
		names += g >= (size_t)tune.person_min;
	}
	return names > 0;
}

/*
 * Does a bracketed line close an article (X_TAIL)?  Its inside is a
 * byline (记者 刘畅, 王明), a source (来源：人民网, 据新华社电) or an
 * editor (编辑 赵红).  *kind gets 'b', 's' or 'e'; start and len the
 * inside.  v[0..n) is raw-normalised.
 */
bool
segm_tail_match(const uint32_t *v, size_t n, int *kind, size_t *start,
    size_t *len)
{
	static const uint32_t laiyuan[] = U"来源";
	size_t a = 1, b = n - 1, end;

	if (n < 4 || (v[0] != 0xFF08 && v[0] != '(') ||
	    (v[n - 1] != 0xFF09 && v[n - 1] != ')'))
		return false;
	while (a < b && v[a] == ' ')
		a++;
	while (b > a && v[b - 1] == ' ')
		b--;
	*start = a;
	*len = b - a;
	if (b - a > (size_t)tune.byline_line)
		return false;
	/* 来源：人民网; 据新华社电, 据人民日报报道. */
	if ((segm_cps_at(v, b, a, laiyuan, 2) && a + 2 < b &&
	    segm_is_colon(v[a + 2])) ||
	    (v[a] == 0x636E && (v[b - 1] == 0x7535 || (b - a > 3 &&
	    v[b - 2] == 0x62A5 && v[b - 1] == 0x9053)))) {	/* 据…电/报道 */
		*kind = 's';
		return true;
	}
	if (segm_match_literal(v, b, a, "编辑", strlen("编辑"), &end) ||
	    segm_match_literal(v, b, a, "责编", strlen("责编"), &end)) {
		*kind = 'e';
		return true;
	}
	*kind = 'b';
	return segm_byline_tokens(v, a, b);
}

/*
 * The length of the lead of a byline line that is not part of the
 * byline: a square (□ ■) and 文/图, with their spaces.
 */
size_t
segm_byline_lead(const uint32_t *v, size_t n)
{
	size_t i = 0;

	if (i < n && segm_is_author_mark(v[i]))		/* □ ■ ◆ */
		i++;
	while (i < n && v[i] == ' ')
		i++;
	/* 文/图, 文／图 */
	if (i + 2 < n && v[i] == 0x6587 && (v[i + 1] == '/' ||
	    v[i + 1] == 0xFF0F) && v[i + 2] == 0x56FE)
		i += 3;
	while (i < n && v[i] == ' ')
		i++;
	return i;
}

/* The kind of dateline pattern dl (index + 1, as matched). */
enum dl_kind
segm_dateline_kind(int dl)
{
	return dateline_patterns[dl - 1].kind;
}

/* Is v[0..n) one page name alone (经开区新闻): a masthead name token? */
bool
segm_page_name(const uint32_t *v, size_t n)
{
	return n > 0 && furn_token(v, 0, n) == FT_NAME;
}

/*
 * Common Chinese surnames, for telling an author's name printed alone
 * under a headline (唐立新) from a short line of text.  The hundred or
 * so most frequent cover about nine names in ten.
 */
static const uint32_t surnames[] =
    U"王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾"
    U"肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏"
    U"韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴"
    U"莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿"
    U"关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉"
    U"骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简"
    U"车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边"
    U"卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝华";

/* Is c a common surname (see surnames)? */
static bool
is_surname(uint32_t c)
{
	size_t i;

	for (i = 0; surnames[i] != 0; i++)
		if (surnames[i] == c)
			return true;
	return false;
}

/*
 * Is v[0..n) (normalised, spaces next to Han dropped) an author's name
 * alone on a line: two to four Han characters led by a common surname
 * (张晓燕, 江澜 from 江 澜), or a staff writer's title (本报评论员)?
 * Position decides whether it is one (seg.c: only right under a
 * headline and over text).
 */
bool
segm_bare_name(const uint32_t *v, size_t n)
{
	static const uint32_t staff[][8] = {
		U"本报评论员", U"本报特约评论员", U"评论员"
	};
	size_t i, k;

	for (k = 0; k < sizeof staff / sizeof staff[0]; k++) {
		for (i = 0; i < n && staff[k][i] != 0 && staff[k][i] == v[i];
		    i++)
			/* nothing */;
		if (i == n && staff[k][i] == 0)
			return true;
	}
	if (n < 2 || n > 4 || !is_surname(v[0]))
		return false;
	for (i = 0; i < n; i++)
		if (v[i] < 0x4E00 || v[i] > 0x9FFF)
			return false;
	return true;
}

/*
 * Does v[0..n) (normalised) open a turn of an interview with its speaker
 * and a colon, text following (记者：…, 问：…, 林知远：…)?  Such a line is
 * a paragraph's first line, never a title.
 */
bool
segm_speaker(const uint32_t *v, size_t n)
{
	static const uint32_t who[][4] = {
		U"问", U"答", U"记者", U"主持人"
	};
	size_t k, i;

	for (k = 1; k < n && k <= 4 && !segm_is_colon(v[k]); k++)
		continue;
	if (k > 4 || k + 1 >= n || v[k] != 0xFF1A)
		return false;
	for (i = 0; i < sizeof who / sizeof who[0]; i++)
		if (k < 4 && segm_cps_at(v, n, 0, who[i], k) && who[i][k] == 0)
			return true;
	return segm_bare_name(v, k);
}

/*
 * Is v[0..n) (normalised) the label over a column of briefs (简讯, 新闻简讯,
 * 资讯速递)?  It heads the column, not the first brief.
 */
bool
segm_column_label(const uint32_t *v, size_t n)
{
	static const uint32_t labels[][5] = {
		U"简讯", U"短讯", U"快讯", U"新闻简讯", U"本版简讯",
		U"资讯速递", U"简明新闻", U"新闻速览"
	};
	size_t k, i;

	for (k = 0; k < sizeof labels / sizeof labels[0]; k++) {
		for (i = 0; i < n && labels[k][i] != 0 && labels[k][i] == v[i];
		    i++)
			continue;
		if (i == n && labels[k][i] == 0)
			return true;
	}
	return false;
}

/*
 * Is v[0..n) (normalised) the label of a box set at an article's start
 * (核心阅读, 内容提要, 阅读提示, 导读)?
 */
bool
segm_box_label(const uint32_t *v, size_t n)
{
	static const uint32_t labels[][5] = {
		U"核心阅读", U"内容提要", U"阅读提示", U"导读", U"编者按"
	};
	size_t k, i;

	for (k = 0; k < sizeof labels / sizeof labels[0]; k++) {
		for (i = 0; i < n && labels[k][i] != 0 && labels[k][i] == v[i];
		    i++)
			continue;
		if (labels[k][i] == 0 && (i == n || (i + 1 == n &&
		    segm_is_colon(v[i]))))
			return true;
	}
	return false;
}

/*
 * Is v[0..n) (normalised with spaces kept, NORM_RAW) the names of one to
 * tune.names_max authors on a line of their own, apart by spaces or 、
 * (柯慧中 吕文彬, 陈立群 许 晴)?  Characters spaced out alone run into
 * one name (许 晴 → 许晴); each name passes segm_bare_name.
 */
bool
segm_bare_names(const uint32_t *v, size_t n)
{
	uint32_t name[4];
	size_t i = 0, j, len = 0, names = 0;
	bool single = false;

	/* A staff writer's title (本报评论员) is one name. */
	if (segm_bare_name(v, n))
		return true;
	/*
	 * Two characters spaced to the width of three are a two-character
	 * name set so, a pen name too (海 岚): nothing else is set so.
	 */
	for (j = 1; j + 1 < n && (v[j] == ' ' || v[j] == 0x3000); j++)
		continue;
	if (n >= 3 && j + 1 == n && j > 1 && v[0] >= 0x4E00 &&
	    v[0] <= 0x9FFF && v[j] >= 0x4E00 && v[j] <= 0x9FFF)
		return true;
	for (;;) {
		while (i < n && (v[i] == ' ' || v[i] == 0x3000))
			i++;
		for (j = i; j < n && v[j] != ' ' && v[j] != 0x3000 &&
		    v[j] != 0x3001; j++)
			continue;
		/* A lone character after lone ones: the same name. */
		if (j - i == 1 && single && len < 4) {
			name[len++] = v[i];
		} else {
			if (len > 0) {
				if (!segm_bare_name(name, len))
					return false;
				names++;
			}
			len = 0;
			if (j - i > 4)
				return false;
			for (; len < j - i; len++)
				name[len] = v[i + len];
		}
		single = j - i == 1;
		if (j < n && v[j] == 0x3001) {
			single = false;
			j++;
		}
		i = j;
		if (i >= n)
			break;
	}
	if (len > 0) {
		if (!segm_bare_name(name, len))
			return false;
		names++;
	}
	return names > 0 && names <= (size_t)tune.names_max;
}

/*
 * Does the raw line s[0..len) start with a dash (——写在……③, a
 * headline's subtitle), after blanks?
 */
bool
segm_starts_dash(const char *s, size_t len)
{
	while (len > 0 && (*s == ' ' || *s == '\t')) {
		s++;
		len--;
	}
	return len >= 6 && memcmp(s, "——", 6) == 0;
}

/*
 * Does the raw line s[0..len) open more quotations (“) than it closes
 * (”)?  Such a line runs on into the next.
 */
bool
segm_open_quote(const char *s, size_t len)
{
	const unsigned char *t = (const unsigned char *)s;
	size_t k;
	int depth = 0;

	for (k = 0; k + 3 <= len; k++)
		if (t[k] == 0xE2 && t[k + 1] == 0x80)
			depth += t[k + 2] == 0x9C ? 1 : t[k + 2] == 0x9D ?
			    -1 : 0;
	return depth > 0;
}
