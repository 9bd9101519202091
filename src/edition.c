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

/* The main headline of an article. */
const char *
article_title(const struct article *a)
{
	size_t i;

	for (i = 0; i < a->nheadlines; i++)
		if (a->headlines[i].role == HEADLINE_MAIN)
			return a->headlines[i].text;
	return a->nheadlines > 0 ? a->headlines[0].text : "";
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

/* Finish the edition: lengths, inferred headlines, stable ids. */
void
edition_finish(struct edition *ed)
{
	size_t s, i, j;

	for (s = 0; s < ed->nsections; s++) {
		struct section *sec = ed->sections[s];

		for (i = 0; i < sec->narticles; i++) {
			struct article *a = sec->articles[i];

			a->length = 0;
			for (j = 0; j < a->nblocks; j++)
				a->length += count_chars(a->blocks[j].text);
			if (a->nheadlines == 0)
				infer_headline(ed, a);
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
