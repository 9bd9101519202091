/*
 * edition.c - building, finishing and querying the edition model.
 *
 * Loaders append sections, articles, headlines and blocks through the
 * functions below; all memory comes from the edition's arena.  Arrays grow
 * geometrically by copying inside the arena (arenas do not free, so the
 * waste is bounded by the final size).  Sections and articles are arrays
 * of pointers, so a pointer handed to a loader stays valid while the array
 * grows.
 *
 * edition_finish() does the work that needs a complete article: body
 * length, an inferred headline for articles printed without one, and the
 * stable id.
 */
#include "config.h"

#include "edition.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "arena.h"
#include "buf.h"
#include "text.h"
#include "xalloc.h"

/*
 * Inferred headlines are cut from the lead: at the first sentence end or
 * comma after the dateline, but never longer than this many characters
 * (about one line of a headline in the printed paper).
 */
#define INFERRED_HEADLINE_MAX	24
#define INFERRED_HEADLINE_MIN	6

/*
 * The stable id hashes the normalised main headline and this many
 * characters of the normalised lead.  Long enough to tell apart articles
 * that share a headline (a daily column), short enough that a changed last
 * paragraph does not change the id.
 */
#define STABLE_ID_LEAD_CHARS	48

/* Round a count up to the next array capacity (powers of two from 4). */
static size_t
grow_cap(size_t n)
{
	size_t cap = 4;

	while (cap < n)
		cap *= 2;
	return cap;
}

/* Make room for one more element in an arena array of n elements. */
static void *
arena_push(struct arena *a, void *array, size_t n, size_t size)
{
	/* Capacity is implicit: grow when n reaches a power of two >= 4. */
	if (n == 0)
		return arena_calloc(a, 4, size);
	if (n >= 4 && (n & (n - 1)) == 0)
		return arena_grow(a, array, n, grow_cap(n + 1), size);
	return array;
}

/* Create an empty edition. */
struct edition *
edition_new(const char *title, const char *source)
{
	struct arena *a = arena_new();
	struct edition *ed = arena_alloc(a, sizeof *ed);

	ed->arena = a;
	ed->title = edition_strdup(ed, title);
	ed->source = edition_strdup(ed, source);
	return ed;
}

/* Free an edition and its arena. */
void
edition_free(struct edition *ed)
{
	if (ed != NULL)
		arena_free(ed->arena);
}

/* Copy len bytes into the arena. */
const char *
edition_strndup(struct edition *ed, const char *s, size_t len)
{
	return arena_strndup(ed->arena, s, len);
}

/* Copy a string into the arena. */
const char *
edition_strdup(struct edition *ed, const char *s)
{
	if (s == NULL)
		return NULL;
	return arena_strndup(ed->arena, s, strlen(s));
}

/* Set the title. */
void
edition_set_title(struct edition *ed, const char *title)
{
	ed->title = edition_strdup(ed, title);
}

/* Set the encoding. */
void
edition_set_encoding(struct edition *ed, const char *encoding)
{
	ed->encoding = edition_strdup(ed, encoding);
}

/* Copy s into the arena, or NULL when s is NULL or empty. */
static const char *
edition_strdup_known(struct edition *ed, const char *s)
{
	return s != NULL && *s != '\0' ? edition_strdup(ed, s) : NULL;
}

/* Set the paper's name. */
void
edition_set_paper(struct edition *ed, const char *paper)
{
	ed->paper = edition_strdup_known(ed, paper);
}

/* Whether y-m-d is a date of the proleptic Gregorian calendar (year >= 1). */
static bool
date_exists(unsigned y, unsigned m, unsigned d)
{
	static const unsigned char mdays[12] = {
		31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
	};
	bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

	if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1)
		return false;
	return d <= mdays[m - 1] + (m == 2 && leap ? 1u : 0u);
}

/* Set the date from "YYYY-MM-DD", checked. */
bool
edition_set_date(struct edition *ed, const char *date)
{
	unsigned v[3] = { 0, 0, 0 }, k = 0;
	size_t i;

	if (date == NULL) {
		ed->date = NULL;
		return true;
	}
	if (strlen(date) != 10)
		return false;
	for (i = 0; i < 10; i++) {
		if (i == 4 || i == 7) {
			if (date[i] != '-')
				return false;
			k++;
		} else if (date[i] >= '0' && date[i] <= '9')
			v[k] = v[k] * 10 + (unsigned)(date[i] - '0');
		else
			return false;
	}
	if (!date_exists(v[0], v[1], v[2]))
		return false;
	ed->date = edition_strdup(ed, date);
	return true;
}

/*
 * Parsing printed dates.  A page header prints the date of the issue in
 * one of a few forms: 2026年3月2日 (the usual one), 2026-03-02, 2026.3.2,
 * 2026/03/02, or all in Chinese numerals, 二〇二六年三月二日.  The string
 * is read as three numbers and the separators between them:
 *
 *   year  = four digits (0-9 or ０-９), or four of 〇○零一二三四五六七八九
 *           read digit by digit (二〇二六)
 *   month, day = one or two digits, or a Chinese number up to 39 written
 *           the usual way: 三, 十, 十二, 二十四, 廿四, 三十一
 *   form  = year 年 month 月 day 日|号  or  year S month S day
 *           with one separator S of - . / (or their full-width forms)
 *
 * Each number is written in digits or in Chinese numerals, never a mix.
 * The date must exist (no 2月30日).
 */

/*
 * Longest date edition_parse_date() reads, in characters: twice the
 * longest form (二〇二六年十二月三十一日, 12), so anything longer is
 * rejected without being looked at.
 */
#define DATE_MAX_CHARS	24

/* The value of a decimal digit, ASCII or full-width; -1 if not one. */
static int
date_digit(uint32_t cp)
{
	if (cp >= '0' && cp <= '9')
		return (int)(cp - '0');
	if (cp >= 0xFF10 && cp <= 0xFF19)
		return (int)(cp - 0xFF10);
	return -1;
}

/* The value of a Chinese digit 〇○零一..九; -1 if not one. */
static int
date_han_digit(uint32_t cp)
{
	static const uint32_t han[10] = {
		0x3007, 0x4E00, 0x4E8C, 0x4E09, 0x56DB,		/* 〇一二三四 */
		0x4E94, 0x516D, 0x4E03, 0x516B, 0x4E5D		/* 五六七八九 */
	};
	int i;

	/* ○ (a circle) and 零 stand in for 〇 in much printed text. */
	if (cp == 0x25CB || cp == 0x96F6)
		return 0;
	for (i = 0; i < 10; i++)
		if (han[i] == cp)
			return i;
	return -1;
}

/* The tens a Chinese tens character stands for: 十 10, 廿 20, 卅 30; or 0. */
static unsigned
date_han_tens(uint32_t cp)
{
	switch (cp) {
	case 0x5341:		/* 十 */
		return 10;
	case 0x5EFF:		/* 廿 */
		return 20;
	case 0x5345:		/* 卅 */
		return 30;
	}
	return 0;
}

/*
 * Read the number at cps[*i..n): digits, or Chinese numerals.  year asks
 * for exactly four digits (Chinese ones read digit by digit); otherwise
 * one or two digits or a Chinese number below 40.  Advances *i past it.
 * Returns false if there is no number of that kind there.
 */
static bool
date_number(const uint32_t *cps, size_t n, size_t *i, bool year,
    unsigned *value)
{
	size_t j = *i, start = *i;
	unsigned v = 0, tens;
	int d;

	if (j < n && date_digit(cps[j]) >= 0) {
		while (j < n && (d = date_digit(cps[j])) >= 0)
			v = v * 10 + (unsigned)d, j++;
	} else if (year) {
		while (j < n && (d = date_han_digit(cps[j])) >= 0)
			v = v * 10 + (unsigned)d, j++;
	} else {
		/* [digit] 十 [digit], 廿 [digit], 卅 [digit], or a digit. */
		if (j < n && (d = date_han_digit(cps[j])) > 0)
			v = (unsigned)d, j++;
		if (j < n && (tens = date_han_tens(cps[j])) != 0) {
			if (j > start && tens != 10)
				return false;	/* 二廿 */
			v = (j > start ? v : 1) * tens;
			j++;
			if (j < n && (d = date_han_digit(cps[j])) > 0)
				v += (unsigned)d, j++;
		}
		if (j == start || v >= 40)
			return false;
		*i = j;
		*value = v;
		return true;
	}
	if (year ? j - start != 4 : (j - start < 1 || j - start > 2))
		return false;
	*i = j;
	*value = v;
	return true;
}

/* Map a full-width separator to ASCII; other code points stay. */
static uint32_t
date_separator(uint32_t cp)
{
	if (cp == 0xFF0D || cp == 0xFF0E || cp == 0xFF0F)
		return cp - 0xFEE0;	/* －．／ */
	return cp;
}

/* Parse a printed date into ISO 8601. */
bool
edition_parse_date(const char *s, size_t len, char out[11])
{
	uint32_t cps[DATE_MAX_CHARS], cp, sep;
	unsigned y, m, d;
	size_t n = 0, i, k;
	bool tail = false;

	/* Spaces may surround the date, never split it. */
	for (i = 0; i < len; i += k) {
		k = utf8_decode(s + i, len - i, &cp);
		if (text_is_space(cp)) {
			tail = n > 0;
			continue;
		}
		if (tail || n == DATE_MAX_CHARS)
			return false;
		cps[n++] = cp;
	}
	i = 0;
	if (!date_number(cps, n, &i, true, &y) || i == n)
		return false;
	sep = date_separator(cps[i++]);
	if (sep != 0x5E74 && sep != '-' && sep != '.' && sep != '/')
		return false;		/* 年 or - . / */
	if (!date_number(cps, n, &i, false, &m) || i == n)
		return false;
	if (sep == 0x5E74 ? cps[i] != 0x6708 : date_separator(cps[i]) != sep)
		return false;		/* 月 after 年, else the same one */
	i++;
	if (!date_number(cps, n, &i, false, &d))
		return false;
	if (sep == 0x5E74) {
		if (i == n || (cps[i] != 0x65E5 && cps[i] != 0x53F7))
			return false;	/* 日 or 号 */
		i++;
	}
	if (i != n || !date_exists(y, m, d))
		return false;
	snprintf(out, 11, "%04u-%02u-%02u", y, m, d);
	return true;
}

/* Append a section. */
struct section *
edition_add_section(struct edition *ed, const char *title, const char *source)
{
	struct section *s;

	if (ed->finished)
		fatalx("edition changed after edition_finish");
	s = arena_alloc(ed->arena, sizeof *s);
	s->title = edition_strdup(ed, title);
	s->source = edition_strdup(ed, source);
	ed->sections = arena_push(ed->arena, ed->sections, ed->nsections,
	    sizeof *ed->sections);
	ed->sections[ed->nsections++] = s;
	return s;
}

/* Set a section's page number and name. */
void
section_set_page(struct edition *ed, struct section *s, unsigned page,
    const char *name)
{
	s->page = page;
	s->name = edition_strdup_known(ed, name);
}

/* Append an article to a section. */
struct article *
section_add_article(struct edition *ed, struct section *s)
{
	struct article *a;

	if (ed->finished)
		fatalx("edition changed after edition_finish");
	a = arena_alloc(ed->arena, sizeof *a);
	s->articles = arena_push(ed->arena, s->articles, s->narticles,
	    sizeof *s->articles);
	s->articles[s->narticles++] = a;
	return a;
}

/* Append a headline line. */
void
article_add_headline(struct edition *ed, struct article *a, const char *text,
    enum headline_role role, bool inferred)
{
	a->headlines = arena_push(ed->arena, a->headlines, a->nheadlines,
	    sizeof *a->headlines);
	a->headlines[a->nheadlines].text = edition_strdup(ed, text);
	a->headlines[a->nheadlines].role = role;
	a->headlines[a->nheadlines].inferred = inferred;
	a->nheadlines++;
}

/* Append a body block. */
void
article_add_block(struct edition *ed, struct article *a, enum block_kind kind,
    const char *text)
{
	a->blocks = arena_push(ed->arena, a->blocks, a->nblocks,
	    sizeof *a->blocks);
	a->blocks[a->nblocks].kind = kind;
	a->blocks[a->nblocks].text = edition_strdup(ed, text);
	a->nblocks++;
}

/* Append a body block whose text the edition owns already. */
void
article_add_block_kept(struct edition *ed, struct article *a,
    enum block_kind kind, const char *text)
{
	a->blocks = arena_push(ed->arena, a->blocks, a->nblocks,
	    sizeof *a->blocks);
	a->blocks[a->nblocks].kind = kind;
	a->blocks[a->nblocks].text = text;
	a->nblocks++;
}

/* Free a loader's buffer with the edition. */
void
edition_adopt(struct edition *ed, void *block)
{
	arena_adopt(ed->arena, block);
}

/* Record the pages an article continues from and on to. */
void
article_set_continued(struct article *a, unsigned from, unsigned to,
    bool mid)
{
	a->cont_from = from;
	a->cont_to = to;
	a->cont_mid = from != 0 && mid;
}

/* Set the dateline. */
void
article_set_dateline(struct edition *ed, struct article *a,
    const char *dateline)
{
	a->dateline = edition_strdup(ed, dateline);
}

/* Set the byline. */
void
article_set_byline(struct edition *ed, struct article *a, const char *byline)
{
	a->byline = edition_strdup(ed, byline);
}

/* Append a credit. */
void
article_add_credit(struct edition *ed, struct article *a, const char *role,
    const char *name)
{
	a->credits = arena_push(ed->arena, a->credits, a->ncredits,
	    sizeof *a->credits);
	a->credits[a->ncredits].role = edition_strdup(ed, role);
	a->credits[a->ncredits].name = edition_strdup(ed, name);
	a->ncredits++;
}

/* Record the source of an article. */
void
article_set_source(struct edition *ed, struct article *a, const char *file,
    unsigned line)
{
	a->source_file = edition_strdup(ed, file);
	a->source_line = line;
}

/*
 * The main headline of an article: its main lines, a headline printed over
 * two lines (经开区教育艺术团参加 / 中央电视台戏曲春晚录制) or a couplet,
 * joined by a space; else its first line.
 */
const char *
article_title(const struct article *a)
{
	size_t i;

	if (a->title != NULL)
		return a->title;
	for (i = 0; i < a->nheadlines; i++)
		if (a->headlines[i].role == HEADLINE_MAIN)
			return a->headlines[i].text;
	return a->nheadlines > 0 ? a->headlines[0].text : "";
}

/*
 * When a's headline has two main lines or more, put them into b (cleared
 * first), joined by a space, and return true; else leave b and return
 * false.
 */
bool
article_join_title(const struct article *a, struct buf *b)
{
	size_t i, n = 0;

	/* Most articles have one main line: nothing to join or allocate. */
	for (i = 0; i < a->nheadlines && n < 2; i++)
		n += a->headlines[i].role == HEADLINE_MAIN;
	if (n < 2)
		return false;
	n = 0;
	buf_clear(b);
	for (i = 0; i < a->nheadlines; i++) {
		if (a->headlines[i].role != HEADLINE_MAIN)
			continue;
		if (n++ > 0)
			buf_append(b, " ", 1);
		buf_append(b, a->headlines[i].text,
		    strlen(a->headlines[i].text));
	}
	return n > 1;
}

/* Join the main lines of a's headline into a->title when there are two. */
static void
join_title(struct edition *ed, struct article *a)
{
	struct buf b = BUF_INIT;

	if (article_join_title(a, &b))
		a->title = edition_strdup(ed, buf_str(&b));
	buf_free(&b);
}

/* Does a character of this category count for the id (letters, numbers)? */
static int
identity_category(utf8proc_category_t cat)
{
	return cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LL ||
	    cat == UTF8PROC_CATEGORY_LT || cat == UTF8PROC_CATEGORY_LM ||
	    cat == UTF8PROC_CATEGORY_LO || cat == UTF8PROC_CATEGORY_ND ||
	    cat == UTF8PROC_CATEGORY_NL || cat == UTF8PROC_CATEGORY_NO;
}

/*
 * Is c folded by append_identity() to itself (ASCII: to its lower case,
 * full-width ASCII: to ASCII) without ever decomposing or composing with
 * a neighbour?  Checked against utf8proc for every one of them: no
 * decomposition but the full-width forms, combining class 0 and no part
 * in any composition outside ASCII (and no composition joins two ASCII
 * characters).  The ASCII, Han and punctuation of news text.  Two more
 * fold to ASCII punctuation or space that composes with nothing (… and
 * the ideographic space): they add nothing either way.
 */
static int
identity_plain(uint32_t c)
{
	if (c == 0x2026 || c == 0x3000)
		return 1;
	return (c >= 0x01 && c <= 0x7F) || (c >= 0x4E00 && c <= 0x9FFF) ||
	    (c >= 0x3001 && c <= 0x3029) || (c >= 0xFF01 && c <= 0xFF5E) ||
	    c == 0x2010 || (c >= 0x2012 && c <= 0x2016) ||
	    (c >= 0x2018 && c <= 0x2023) || c == 0x2027 || c == 0xB7;
}

/*
 * append_identity() for s[0..len) made only of identity_plain()
 * characters: each folds on its own, so utf8proc_map() is not needed;
 * the categories still come from utf8proc.  Returns false, appending
 * nothing, when some character is not plain.
 */
static int
append_identity_plain(struct buf *b, const char *s, size_t len, size_t max)
{
	size_t i, k, count = 0;
	uint32_t cp;
	char c;

	for (i = 0; i < len; i += k) {
		k = utf8_decode_fast(s + i, len - i, &cp);
		if (!identity_plain(cp))	/* U+FFFD too: maybe bad */
			return 0;
	}
	for (i = 0; i < len && (max == 0 || count < max); i += k) {
		k = utf8_decode_fast(s + i, len - i, &cp);
		if (cp >= 0xFF01 && cp <= 0xFF5E)
			cp -= 0xFEE0;		/* full-width ASCII */
		if (cp < 0x80) {
			c = (char)cp;
			if (c >= 'A' && c <= 'Z')
				c = (char)(c - 'A' + 'a');
			if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
				buf_putc(b, c);
				count++;
			}
			continue;
		}
		if (identity_category(utf8proc_category((utf8proc_int32_t)cp))) {
			buf_append(b, s + i, k);
			count++;
		}
	}
	return 1;
}

/*
 * Append the identity-relevant characters of s to b: NFKC with case
 * folding (utf8proc), then only letters and digits kept, so that spacing,
 * punctuation, full/half width and case differences between two
 * extractions of one article do not change its id.  At most max code
 * points are appended (0: no limit).
 */
static void
append_identity(struct buf *b, const char *s, size_t max)
{
	utf8proc_uint8_t *folded = NULL;
	utf8proc_ssize_t n;
	size_t i = 0, count = 0, len;
	uint32_t cp;

	if (s == NULL)
		return;
	/*
	 * Only the first max characters count, and folding never turns one
	 * letter into more than a few, so fold a bounded prefix: a lead can
	 * be thousands of characters and this runs for every article.
	 */
	len = strlen(s);
	if (max != 0 && len > max * 16)
		len = utf8_prev(s, max * 16 + 1);
	/* Nearly every lead and headline: no folding library call. */
	if (append_identity_plain(b, s, len, max))
		return;
	n = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len,
	    &folded, UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT |
	    UTF8PROC_CASEFOLD | UTF8PROC_IGNORE | UTF8PROC_STRIPMARK);
	if (n < 0) {
		/* Not expected for valid UTF-8; fall back to the raw text. */
		folded = (utf8proc_uint8_t *)xstrndup(s, len);
		n = (utf8proc_ssize_t)len;
	}
	len = (size_t)n;
	while (i < len && (max == 0 || count < max)) {
		size_t k = utf8_decode((const char *)folded + i, len - i, &cp);

		if (identity_category(utf8proc_category((utf8proc_int32_t)cp))) {
			buf_append(b, (const char *)folded + i, k);
			count++;
		}
		i += k;
	}
	free(folded);
}

/* 64-bit FNV-1a. */
static uint64_t
fnv1a(const char *s, size_t len)
{
	uint64_t h = 0xcbf29ce484222325ULL;
	size_t i;

	for (i = 0; i < len; i++) {
		h ^= (unsigned char)s[i];
		h *= 0x100000001b3ULL;
	}
	return h;
}

/* The lead paragraph with its printed dateline part skipped, if present. */
static const char *
article_lead(const struct article *a)
{
	size_t i;

	for (i = 0; i < a->nblocks; i++)
		if (a->blocks[i].kind == BLOCK_PARAGRAPH)
			return a->blocks[i].text;
	return NULL;
}

/* Compute the stable id of an article. */
void
article_stable_id(const struct article *a, char out[17])
{
	struct buf b = BUF_INIT;
	size_t i;
	uint64_t h;

	for (i = 0; i < a->nheadlines; i++) {
		/* Inferred headlines come from the lead, which is hashed anyway. */
		if (!a->headlines[i].inferred &&
		    (a->headlines[i].role == HEADLINE_MAIN ||
		    a->headlines[i].role == HEADLINE_UNKNOWN)) {
			append_identity(&b, a->headlines[i].text, 0);
			break;
		}
	}
	buf_putc(&b, '\n');
	append_identity(&b, article_lead(a), STABLE_ID_LEAD_CHARS);
	h = fnv1a(buf_str(&b), b.len);
	buf_free(&b);
	snprintf(out, 17, "%016llx", (unsigned long long)h);
}

/*
 * Make a headline from the lead for an article printed without one: skip
 * the dateline part (up to the closing parenthesis of 本报讯（…）), then
 * take the first clause, cut at a comma or sentence end once it is long
 * enough, and at INFERRED_HEADLINE_MAX characters with an ellipsis.
 */
static void
infer_headline(struct edition *ed, struct article *a)
{
	const char *lead = article_lead(a), *p;
	struct buf b = BUF_INIT;
	size_t len, i, count = 0;
	uint32_t cp;

	if (lead == NULL)
		return;
	len = strlen(lead);
	p = lead;
	if (a->dateline != NULL) {
		/* Skip "本报讯（记者 …）" so the headline starts with news. */
		const char *close = strstr(lead, "）");

		if (close != NULL && (size_t)(close - lead) < 120)
			p = close + strlen("）");
		else if (strncmp(lead, a->dateline, strlen(a->dateline)) == 0)
			p = lead + strlen(a->dateline);
	}
	i = (size_t)(p - lead);
	while (i < len) {
		size_t k = utf8_decode(lead + i, len - i, &cp);

		if (count >= INFERRED_HEADLINE_MIN && (text_is_sentence_end(cp) ||
		    cp == 0xFF0C || cp == 0xFF1B || cp == 0xFF1A || cp == ','))
			break;
		if (count == INFERRED_HEADLINE_MAX) {
			buf_puts(&b, "…");
			break;
		}
		if (!(count == 0 && (text_is_space(cp) || cp == 0xFF0C)))
			buf_append(&b, lead + i, k), count++;
		i += k;
	}
	if (b.len > 0)
		article_add_headline(ed, a, buf_str(&b), HEADLINE_MAIN, true);
	buf_free(&b);
}

/* An article and its reading-order rank, for dedupe_ids(). */
struct ranked {
	struct article	*a;
	size_t		 rank;
};

/* Order by id, then by reading order. */
static int
cmp_ranked(const void *x, const void *y)
{
	const struct ranked *a = x, *b = y;
	int c = strcmp(a->a->id, b->a->id);

	if (c != 0)
		return c;
	return (a->rank > b->rank) - (a->rank < b->rank);
}

/*
 * Two articles with the same headline and lead (a reprint on two pages)
 * would share an id.  The first in reading order keeps it; each later one
 * gets a new id hashed from the shared id and its ordinal, so bookmarks
 * stay unambiguous and deterministic.  Sorting keeps this O(n log n) for
 * editions of tens of thousands of articles.
 */
static void
dedupe_ids(struct edition *ed)
{
	size_t n = edition_count_articles(ed), k = 0, s, i, j;
	struct ranked *all;

	if (n < 2)
		return;
	all = xcalloc(n, sizeof *all);
	for (s = 0; s < ed->nsections; s++)
		for (i = 0; i < ed->sections[s]->narticles; i++) {
			all[k].a = ed->sections[s]->articles[i];
			all[k].rank = k;
			k++;
		}
	qsort(all, n, sizeof *all, cmp_ranked);
	for (i = 0; i < n; i = j) {
		char first[17];

		memcpy(first, all[i].a->id, sizeof first);
		for (j = i + 1; j < n && strcmp(all[j].a->id, first) == 0; j++) {
			char seed[40];

			snprintf(seed, sizeof seed, "%s#%zu", first, j - i);
			snprintf(all[j].a->id, sizeof all[j].a->id, "%016llx",
			    (unsigned long long)fnv1a(seed, strlen(seed)));
		}
	}
	free(all);
}

/*
 * Characters in a string the loaders guarantee to be valid UTF-8: count the
 * bytes that start a character.  Much cheaper than decoding, and this runs
 * over the whole text of the edition.
 */
static size_t
count_chars(const char *s)
{
	size_t len = strlen(s), n = len, i = 0;
	uint64_t w, cont;

	/*
	 * Count the continuation bytes (10xxxxxx) eight at a time: bit 7
	 * set and bit 6 clear gives a 1 in bit 7 of such a byte; shifted
	 * to bit 0, the multiplication sums the eight bytes into the top.
	 */
	for (; i + 8 <= len; i += 8) {
		memcpy(&w, s + i, 8);
		cont = (w & ~(w << 1) & 0x8080808080808080ULL) >> 7;
		n -= (size_t)((cont * 0x0101010101010101ULL) >> 56);
	}
	for (; i < len; i++)
		n -= ((unsigned char)s[i] & 0xC0) == 0x80;
	return n;
}

/*
 * The article of page `page` whose text goes on to page `to`: the first
 * such on the page, or NULL.
 */
static struct article *
continued_on(struct edition *ed, unsigned page, unsigned to)
{
	size_t s, i;

	for (s = 0; s < ed->nsections; s++) {
		if (ed->sections[s]->page != page)
			continue;
		for (i = 0; i < ed->sections[s]->narticles; i++)
			if (ed->sections[s]->articles[i]->cont_to == to)
				return ed->sections[s]->articles[i];
	}
	return NULL;
}

/*
 * Does the text of article to run on into a's first paragraph: its last
 * paragraph stops short of a sentence end (…《联合国海洋法公约》 / 应当
 * 兼顾各方利益…), where the page turned, or mid says the page shows the
 * brought text unindented?
 */
static bool
runs_on(const struct article *to, const struct article *a, bool mid)
{
	const struct block *last;
	const char *t;
	size_t len;
	uint32_t cp;

	if (to->nblocks == 0 || a->nblocks == 0 ||
	    a->blocks[0].kind != BLOCK_PARAGRAPH)
		return false;
	last = &to->blocks[to->nblocks - 1];
	if (last->kind != BLOCK_PARAGRAPH)
		return false;
	if (mid)
		return true;
	t = last->text;
	len = strlen(t);
	/* Closing quotes and brackets after the stop: 。” */
	while (len > 0) {
		cp = utf8_last(t, len);
		if (!text_is_closing(cp))
			break;
		len = utf8_prev(t, len);
	}
	return len > 0 && !text_is_sentence_end(utf8_last(t, len));
}

/*
 * Join the text brought from another page (上接第M版, on page P) to the
 * article of page M that goes on to page P (下转第P版): its blocks are
 * appended, its byline taken when the article had none, and it leaves
 * its section (with the headline repeated over it, if any).  Pages without a number, and text whose article is not
 * in the edition, stay as they are.
 */
static void
join_continuations(struct edition *ed)
{
	struct section *sec;
	struct article *a, *to;
	size_t s, i, k;

	for (s = 0; s < ed->nsections; s++) {
		sec = ed->sections[s];
		for (i = 0; i < sec->narticles; i++) {
			a = sec->articles[i];
			if (a->cont_from == 0 || sec->page == 0 ||
			    a->cont_from == sec->page ||
			    (to = continued_on(ed, a->cont_from,
			    sec->page)) == NULL)
				continue;
			k = 0;
			if (runs_on(to, a, a->cont_mid)) {
				/* The paragraph cut by the turn is one. */
				struct block *last = &to->blocks[to->nblocks - 1];
				size_t n1 = strlen(last->text);
				size_t n2 = strlen(a->blocks[0].text);
				char *t = arena_alloc(ed->arena, n1 + n2 + 1);

				memcpy(t, last->text, n1);
				memcpy(t + n1, a->blocks[0].text, n2 + 1);
				last->text = t;
				k = 1;
			}
			for (; k < a->nblocks; k++) {
				to->blocks = arena_push(ed->arena, to->blocks,
				    to->nblocks, sizeof *to->blocks);
				to->blocks[to->nblocks++] = a->blocks[k];
			}
			if (to->byline == NULL && a->byline != NULL) {
				to->byline = a->byline;
				to->credits = a->credits;
				to->ncredits = a->ncredits;
			}
			/* Its text is joined once. */
			to->cont_to = 0;
			memmove(sec->articles + i, sec->articles + i + 1,
			    (sec->narticles - i - 1) * sizeof *sec->articles);
			sec->narticles--;
			i--;
		}
	}
}

/* Finish the edition: continuations, lengths, inferred headlines, ids. */
void
edition_finish(struct edition *ed)
{
	size_t s, i, j;

	join_continuations(ed);

	for (s = 0; s < ed->nsections; s++) {
		struct section *sec = ed->sections[s];

		for (i = 0; i < sec->narticles; i++) {
			struct article *a = sec->articles[i];

			a->length = 0;
			for (j = 0; j < a->nblocks; j++)
				a->length += count_chars(a->blocks[j].text);
			if (a->nheadlines == 0)
				infer_headline(ed, a);
			join_title(ed, a);
			article_stable_id(a, a->id);
		}
	}
	dedupe_ids(ed);
	ed->finished = true;
}

/* Count articles. */
size_t
edition_count_articles(const struct edition *ed)
{
	size_t s, n = 0;

	for (s = 0; s < ed->nsections; s++)
		n += ed->sections[s]->narticles;
	return n;
}

/* Find an article by id. */
const struct article *
edition_find_article(const struct edition *ed, const char *id, size_t *sec,
    size_t *art)
{
	size_t s, i;

	for (s = 0; s < ed->nsections; s++)
		for (i = 0; i < ed->sections[s]->narticles; i++)
			if (strcmp(ed->sections[s]->articles[i]->id, id) == 0) {
				if (sec != NULL)
					*sec = s;
				if (art != NULL)
					*art = i;
				return ed->sections[s]->articles[i];
			}
	return NULL;
}
