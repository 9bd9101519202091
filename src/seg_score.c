/*
 * seg_score.c - the content scoring of the segmenter: which display
 * units are headlines, of which article, and where an article printed
 * without dateline starts.
 *
 * Articles and display units are compared by profiles of their tokens
 * (Han bigrams and Latin words, counted in a hash set) weighted by idf
 * over the articles nearby.  segs_split_articles cuts an article at a
 * display run whose text after it does not go on with the text before
 * it; make_groups and segs_assign_headlines match headline groups to
 * articles; segs_headline_roles gives the lines of a headline their
 * roles.  Steps 4 and 5 of the pipeline described at the top of seg.c.
 */
#include "config.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "edition.h"
#include "seg.h"
#include "seg_match.h"
#include "seg_score.h"
#include "seg_tune.h"
#include "text.h"
#include "xalloc.h"

/* A scored (group, article) pair for the greedy assignment. */
struct pair {
	double		 score;
	uint32_t	 group, art;
};

/* One token of an article profile: a Han bigram or a Latin word. */
struct tok {
	uint64_t	 key;
	uint16_t	 tf;
	uint8_t		 lead;
};

/*
 * A set of tokens with counts: the distinct tokens in order of first use
 * and a hash table over them.  Hashing (not sorting) keeps building a
 * profile linear in the text.
 */
struct tokvec {
	struct tok	*t;
	size_t		 n, cap;
	uint32_t	*slot;		/* index + 1 of a token, 0 if empty */
	size_t		 nslot;		/* a power of two, at least 2n */
};

/* ------------------------------------------------------------------ */
/* Pass 5: headline assignment. */

/* Append a group. */
static struct group *
page_add_group(struct page *pg)
{
	struct group *g;

	if (pg->ngroups == pg->capgroups) {
		pg->capgroups = pg->capgroups == 0 ? 16 : pg->capgroups * 2;
		pg->groups = xreallocarray(pg->groups, pg->capgroups,
		    sizeof *pg->groups);
	}
	g = &pg->groups[pg->ngroups++];
	memset(g, 0, sizeof *g);
	g->prev = g->next = g->host = -1;
	return g;
}

/* Token key of a Han bigram. */
static uint64_t
bigram_key(uint32_t a, uint32_t b)
{
	return ((uint64_t)a << 21) | b;
}

/*
 * Spread a token key over the hash table: one multiplication (Fibonacci
 * hashing), the high half of the product mixing every bit of the key.
 */
static inline size_t
tok_hash(uint64_t key)
{
	return (size_t)((key * 0x9e3779b97f4a7c15ULL) >> 32);
}

/* Double the hash table of a token set and insert every token again. */
static void
tokvec_rehash(struct tokvec *tv)
{
	size_t i, h;

	free(tv->slot);
	tv->nslot = tv->nslot == 0 ? 64 : tv->nslot * 2;
	tv->slot = xcalloc(tv->nslot, sizeof *tv->slot);
	for (i = 0; i < tv->n; i++) {
		h = tok_hash(tv->t[i].key) & (tv->nslot - 1);
		while (tv->slot[h] != 0)
			h = (h + 1) & (tv->nslot - 1);
		tv->slot[h] = (uint32_t)(i + 1);
	}
}

/* Find a token in a set, or NULL. */
static inline const struct tok *
tokvec_find(const struct tokvec *tv, uint64_t key)
{
	size_t h;

	if (tv->nslot == 0)
		return NULL;
	h = tok_hash(key) & (tv->nslot - 1);
	while (tv->slot[h] != 0) {
		if (tv->t[tv->slot[h] - 1].key == key)
			return &tv->t[tv->slot[h] - 1];
		h = (h + 1) & (tv->nslot - 1);
	}
	return NULL;
}

/* Add one occurrence of a token (in the lead or not) to a set. */
static inline void
tokvec_push(struct tokvec *tv, uint64_t key, bool lead)
{
	struct tok *t;
	size_t h;

	if ((tv->n + 1) * 2 > tv->nslot)
		tokvec_rehash(tv);
	h = tok_hash(key) & (tv->nslot - 1);
	while (tv->slot[h] != 0) {
		t = &tv->t[tv->slot[h] - 1];
		if (t->key == key) {
			if (t->tf < UINT16_MAX)
				t->tf++;
			t->lead |= lead;
			return;
		}
		h = (h + 1) & (tv->nslot - 1);
	}
	if (tv->n == tv->cap) {
		tv->cap = tv->cap == 0 ? 64 : tv->cap * 2;
		tv->t = xreallocarray(tv->t, tv->cap, sizeof *tv->t);
	}
	tv->t[tv->n].key = key;
	tv->t[tv->n].tf = 1;
	tv->t[tv->n].lead = lead;
	tv->slot[h] = (uint32_t)(++tv->n);
}

/* Empty a token set, keeping its memory. */
static void
tokvec_clear(struct tokvec *tv)
{
	if (tv->nslot != 0)
		memset(tv->slot, 0, tv->nslot * sizeof *tv->slot);
	tv->n = 0;
}

/* Free a token set's memory. */
static void
tokvec_free(struct tokvec *tv)
{
	free(tv->t);
	free(tv->slot);
	memset(tv, 0, sizeof *tv);
}

/*
 * Is a code point part of a token: Han or kana for bigrams.  Nothing
 * below U+2E80 (the radicals, where text_is_han() starts) is either, so
 * ASCII and common punctuation are answered without a call.
 */
static inline bool
is_token_han(uint32_t c)
{
	if (c < 0x2E80)
		return false;
	if (c >= 0x4E00 && c <= 0x9FFF)
		return true;
	return text_is_han(c) || text_is_kana(c);
}

/* The state of the tokenizer between code points and lines. */
struct tokstate {
	uint32_t	 carry;		/* the Han character before, or 0 */
	size_t		 han;		/* Han characters so far (the lead) */
	uint64_t	 word;		/* hash of the Latin word being read */
	size_t		 wordlen;	/* its length, 0 outside a word */
};

/* FNV-1a basis of word_key. */
#define WORD_SEED	14695981039346656037ULL

/* End the Latin word being read: a token when 2 or more characters. */
static void
tok_word_end(struct tokvec *tv, struct tokstate *ts)
{
	if (ts->wordlen >= (size_t)tune.word_min)
		tokvec_push(tv, ts->word | (1ULL << 63),
		    ts->han < (size_t)tune.lead_chars);
	ts->wordlen = 0;
}

/*
 * Feed one code point to the tokenizer: Han bigrams and Latin/digit
 * words of 2 or more characters (word_key, computed as it goes).
 */
static inline void
tok_feed(struct tokvec *tv, struct tokstate *ts, uint32_t c)
{
	if (is_token_han(c)) {
		if (ts->wordlen > 0)
			tok_word_end(tv, ts);
		if (ts->carry != 0)
			tokvec_push(tv, bigram_key(ts->carry, c),
			    ts->han < (size_t)tune.lead_chars);
		ts->carry = c;
		ts->han++;
		return;
	}
	ts->carry = 0;
	if (segm_is_alnum_fast(c)) {
		if (c >= 'A' && c <= 'Z')
			c += 'a' - 'A';
		if (ts->wordlen++ == 0)
			ts->word = WORD_SEED;
		ts->word = (ts->word ^ c) * 1099511628211ULL;
	} else if (ts->wordlen > 0)
		tok_word_end(tv, ts);
}

/*
 * Tokens of line i (normalised as NORM_TEXT) into tv.  A word never runs
 * on to the next line; the Han carry does.  A simple line is decoded
 * straight from the text, without a copy.
 */
static void
tokenize_line(struct page *pg, size_t i, struct tokvec *tv,
    struct tokstate *ts)
{
	const struct line *ln = &pg->lines[i];
	const char *t = pg->text + ln->off;
	size_t k, len = ln->len;
	uint32_t c;

	if (ln->flags & L_SIMPLE) {
		for (k = 0; k < len;) {
			k += utf8_decode_fast(t + k, len - k, &c);
			if (c >= 0x4E00 && c <= 0x9FFF && ts->wordlen == 0) {
				/* fast path: a Han character */
				if (ts->carry != 0)
					tokvec_push(tv, bigram_key(ts->carry,
					    c), ts->han <
					    (size_t)tune.lead_chars);
				ts->carry = c;
				ts->han++;
			} else
				tok_feed(tv, ts, c);
		}
	} else {
		segm_norm_line(t, len, NORM_TEXT, &pg->cv, &pg->tmp, NULL);
		for (k = 0; k < pg->cv.n; k++)
			tok_feed(tv, ts, pg->cv.v[k]);
	}
	if (ts->wordlen > 0)
		tok_word_end(tv, ts);
}

/*
 * Tokens of the paragraphs among blocks [first, end), folded: at most
 * about cap Han characters, taken from the start, or from the end when
 * backward (whole paragraphs).  Bounding the text keeps the work per
 * article and per decision small whatever the size of the file.
 */
static void
blocks_tokens(struct page *pg, size_t first, size_t end, size_t cap,
    bool backward, struct tokvec *tv)
{
	size_t n, b, i;
	struct tokstate ts;

	memset(&ts, 0, sizeof ts);
	tokvec_clear(tv);
	for (n = 0; n < end - first && ts.han < cap; n++) {
		const struct blk *bl;

		b = backward ? end - 1 - n : first + n;
		bl = &pg->blks[b];
		if (bl->kind != BLK_PARA)
			continue;
		ts.carry = 0;
		for (i = bl->first; i <= bl->last && ts.han < cap; i++) {
			if (pg->lines[i].flags & (L_DISPLAY | L_HEADER |
			    L_DROP | L_BYLINE))
				continue;
			tokenize_line(pg, i, tv, &ts);
		}
	}
}

/* Free a profile. */
static void
free_profile(struct tokvec *p)
{
	if (p != NULL) {
		tokvec_free(p);
		free(p);
	}
}

/* Tokens of the display lines of blocks first..last (distinct). */
static void
group_tokens(struct page *pg, uint32_t first, uint32_t last,
    struct tokvec *tv)
{
	size_t b, i;
	struct tokstate ts;

	memset(&ts, 0, sizeof ts);
	tokvec_clear(tv);
	for (b = first; b <= last; b++) {
		for (i = pg->blks[b].first; i <= pg->blks[b].last; i++) {
			ts.carry = 0;
			tokenize_line(pg, i, tv, &ts);
		}
	}
}

/* The scoring context: profiles of the articles near the current unit. */
struct scorer {
	struct page	 *pg;
	struct tokvec	**prof;		/* per article, built on demand */
	size_t		  lo;		/* profiles below this are freed */
	size_t		  cap;		/* Han characters a profile reads */
	struct tokvec	  tv;
	struct tokvec	**pool;		/* freed profiles, memory kept */
	size_t		  npool, cappool;
	const struct tokvec **win;	/* content_scores: the window's
					   profiles (NULL: phantom) ... */
	const struct tok **hit;		/* ... and one token's hits in them */
};

/* The profile of article k (built when first needed). */
static const struct tokvec *
scorer_profile(struct scorer *sc, size_t k)
{
	struct tokvec *p;

	if (sc->prof[k] == NULL) {
		/* Reuse a freed profile: its tables are sized already. */
		p = sc->npool > 0 ? sc->pool[--sc->npool] :
		    xcalloc(1, sizeof *p);
		blocks_tokens(sc->pg, sc->pg->arts[k].first,
		    sc->pg->arts[k].end, sc->cap, false, p);
		sc->prof[k] = p;
	}
	return sc->prof[k];
}

/* Free the profiles of articles before lo: no later unit looks at them. */
static void
scorer_advance(struct scorer *sc, size_t lo)
{
	struct tokvec *p;

	while (sc->lo < lo && sc->lo < sc->pg->narts) {
		if ((p = sc->prof[sc->lo]) != NULL) {
			if (sc->npool == sc->cappool) {
				sc->cappool = sc->cappool == 0 ? 16 :
				    sc->cappool * 2;
				sc->pool = xreallocarray(sc->pool, sc->cappool,
				    sizeof *sc->pool);
			}
			sc->pool[sc->npool++] = p;
		}
		sc->prof[sc->lo] = NULL;
		sc->lo++;
	}
}

/* Free every profile and the scorer's memory. */
static void
scorer_free(struct scorer *sc)
{
	size_t k;

	for (k = 0; k < sc->pg->narts; k++)
		free_profile(sc->prof[k]);
	for (k = 0; k < sc->npool; k++)
		free_profile(sc->pool[k]);
	free(sc->pool);
	free(sc->prof);
	free(sc->win);
	free(sc->hit);
	tokvec_free(&sc->tv);
}

/*
 * The candidate articles of a unit standing between articles prev and
 * next: up to tune.window each side, phantoms excluded.
 */
static void
candidate_range(const struct page *pg, int32_t prev, int32_t next,
    size_t *lo, size_t *hi)
{
	long ref = next >= 0 ? next : prev + 1;
	long l = ref - tune.window, h = ref + tune.window;

	if (l < 0)
		l = 0;
	if (h > (long)pg->narts)
		h = (long)pg->narts;
	*lo = (size_t)l;
	*hi = (size_t)h;
}

/* Position bonus of article k for a unit between prev and next. */
static double
position_bonus(int32_t prev, int32_t next, size_t k)
{
	long dist;

	if (next >= 0 && (long)k == next)
		return tune.pos_next;
	if (prev >= 0 && (long)k == prev)
		return tune.pos_prev;
	if (next >= 0 && (long)k > next)
		dist = (long)k - next;
	else if (prev >= 0 && (long)k < prev)
		dist = prev - (long)k;
	else
		dist = 1;
	return -tune.pos_far * (double)dist;
}

/*
 * Content scores of the tokens in sc->tv against articles lo..hi-1 into
 * out[]: the idf-weighted share of the unit's tokens found in each
 * article, a token counting more when frequent or in the lead.  idf is
 * 1/df over the candidate articles (no logarithm needed at this size).
 * Each token is looked up once per article: the hits found for df are
 * kept for the weights.
 */
static void
content_scores(struct scorer *sc, size_t lo, size_t hi, double *out)
{
	const struct tokvec *tv = &sc->tv;
	const struct tok *hit;
	size_t t, k, df;
	double idf, total = 0, w;

	if (sc->win == NULL) {
		sc->win = xcalloc((size_t)tune.window * 2 + 2,
		    sizeof *sc->win);
		sc->hit = xcalloc((size_t)tune.window * 2 + 2,
		    sizeof *sc->hit);
	}
	for (k = lo; k < hi; k++)
		out[k - lo] = 0;
	/* Profiles are built only when there is a token to look up. */
	for (k = lo; k < hi && tv->n > 0; k++)
		sc->win[k - lo] = sc->pg->arts[k].phantom ? NULL :
		    scorer_profile(sc, k);
	for (t = 0; t < tv->n; t++) {
		df = 0;
		for (k = lo; k < hi; k++) {
			hit = sc->win[k - lo] == NULL ? NULL :
			    tokvec_find(sc->win[k - lo], tv->t[t].key);
			sc->hit[k - lo] = hit;
			df += hit != NULL;
		}
		idf = 1.0 / (double)(df == 0 ? 1 : df);
		total += idf;
		for (k = lo; k < hi; k++) {
			hit = sc->hit[k - lo];
			if (hit == NULL)
				continue;
			w = tune.w_base + tune.w_tf * (hit->tf - 1) +
			    (hit->lead ? tune.w_lead : 0);
			out[k - lo] += idf * (w > tune.w_max ? tune.w_max : w);
		}
	}
	for (k = lo; k < hi; k++)
		out[k - lo] = total > 0 ? out[k - lo] / total : 0;
}

/*
 * Weighted share of the tokens of b found in a: sum of idf over the
 * tokens in both, over the sum over b.  idf[] is per token of b.
 */
static double
share_of(const struct tokvec *a, const struct tokvec *b, const double *idf)
{
	size_t j;
	double both = 0, all = 0;

	for (j = 0; j < b->n; j++) {
		all += idf[j];
		if (tokvec_find(a, b->t[j].key) != NULL)
			both += idf[j];
	}
	return all > 0 ? both / all : 0;
}

/*
 * share_of() with the lookups done already: hit[j * stride] tells
 * whether token j of b is in the other set.  Sums in the same order.
 */
static double
share_of_hits(const struct tokvec *b, const double *idf, const uint8_t *hit,
    size_t stride)
{
	size_t j;
	double both = 0, all = 0;

	for (j = 0; j < b->n; j++) {
		all += idf[j];
		if (hit[j * stride])
			both += idf[j];
	}
	return all > 0 ? both / all : 0;
}

/*
 * Does the display run of blocks b..e-1, between paragraphs of one
 * article, look like the headline group of a new article rather than a
 * subhead, whatever the text says?  Subheads are one line; a headline
 * group often has more (a kicker, a main line, a —— subtitle), and an
 * article closed by an end note or a photographer's credit is over.
 */
static bool
title_evidence(const struct page *pg, size_t b, size_t e)
{
	const struct blk *pb = &pg->blks[b - 1];
	const struct line *ln;
	size_t u, l, lines = 0;

	if (pb->kind == BLK_TAIL || pb->kind == BLK_CAPTION)
		return true;
	ln = &pg->lines[pb->last];
	if (pb->kind == BLK_PARA && (ln->xf & X_CREDIT))
		return true;
	/* A closing note (（作者为…）), on one line or two. */
	for (l = pb->first; pb->kind == BLK_PARA && l <= pb->last &&
	    (pg->lines[l].flags & L_PAREN); l++)
		/* nothing */;
	if (pb->kind == BLK_PARA && l > pb->last)
		return true;
	for (u = b; u < e; u++) {
		for (l = pg->blks[u].first; l <= pg->blks[u].last; l++) {
			if (pg->lines[l].xf & X_ENUM)
				return false;
			if (segm_starts_dash(pg->text + pg->lines[l].off,
			    pg->lines[l].len))
				return true;
			/*
			 * A line after one with its quotation still open
			 * (零下40摄氏度的“精细 / 活”), or a stub of a
			 * character or two closing a mark (…《资本 / 论》),
			 * is the same title wrapped; a stub of a name is
			 * the author's line under a poem's title.
			 */
			if (l > pg->blks[u].first &&
			    (segm_open_quote(pg->text + pg->lines[l - 1].off,
			    pg->lines[l - 1].len) ||
			    (pg->lines[l].width <= tune.title_stub &&
			    text_is_closing(utf8_last(pg->text +
			    pg->lines[l].off, pg->lines[l].len)))))
				continue;
			lines++;
		}
		/*
		 * A unit whose first line fills the column is one title
		 * wrapped in a narrow column (政府补一点 企业让一点 / 个人出
		 * 一点): one line.
		 */
		ln = &pg->lines[pg->blks[u].first];
		if (pg->blks[u].last > pg->blks[u].first &&
		    (int)ln->colw - (int)ln->width <= tune.full_tol)
			lines -= pg->blks[u].last - pg->blks[u].first;
	}
	return lines >= 2;
}

/*
 * Does the article whose blocks start at block start open with an
 * author's line, and hold less than tune.authored_min characters of text
 * before block b?
 */
static bool
authored_short(const struct page *pg, size_t start, size_t b)
{
	size_t k, l, cells = 0;

	for (k = start; k < b && pg->blks[k].kind == BLK_DISPLAY; k++)
		/* nothing */;
	if (k >= b || pg->blks[k].kind != BLK_BYLINE)
		return false;
	for (; k < b; k++)
		if (pg->blks[k].kind == BLK_PARA)
			for (l = pg->blks[k].first; l <= pg->blks[k].last; l++)
				cells += pg->lines[l].width;
	return cells < (size_t)tune.authored_min * CELL;
}

/*
 * Is display block b one line led by a short label and a colon (修复：
 * 还河流以空间, 共享：让市民亲近河流)?  Features name their parts so.
 */
static bool
labelled_subhead(struct page *pg, size_t b)
{
	const struct blk *bl = &pg->blks[b];
	const struct line *ln = &pg->lines[bl->first];
	size_t k;

	if (bl->first != bl->last)
		return false;
	segm_norm_line(pg->text + ln->off, ln->len, NORM_TEXT, &pg->cv,
	    &pg->tmp, NULL);
	for (k = 0; k < pg->cv.n && k <= 4 && pg->cv.v[k] != 0xFF1A; k++)
		if (!text_is_han(pg->cv.v[k]))
			return false;
	return k >= 2 && k <= 4 && k + 2 < pg->cv.n;
}

/*
 * May a region start at line i, by the front end's hints: no hints, a
 * region hint on it, or on a dropped line right before it (the 简讯
 * label over a column of briefs)?
 */
static bool
hinted_region(const struct page *pg, size_t i)
{
	if (i >= pg->nhinted)
		return true;
	for (;;) {
		if (pg->hints[i] & SEG_HINT_REGION_START)
			return true;
		if (i == 0 || !(pg->lines[i - 1].flags & L_DROP))
			return false;
		i--;
	}
}

/* On a hinted page, is line i a region start set above body size? */
static bool
large_region(const struct page *pg, size_t i)
{
	return i < pg->nhinted &&
	    (pg->hints[i] & SEG_HINT_REGION_START) &&
	    (pg->hints[i] & SEG_HINT_LARGE);
}

/*
 * On a hinted page, is the display run at block b, a region start, set
 * at body size like the display run that opens the article at block
 * start (or stands right before it)?  Titles of briefs are set alike;
 * subheads under a large headline are not.
 */
static bool
peer_title(const struct page *pg, size_t start, size_t b)
{
	size_t l = pg->blks[b].first, h;

	if (pg->blks[start].kind != BLK_DISPLAY && start > 0 &&
	    pg->blks[start - 1].kind == BLK_DISPLAY)
		start--;
	h = pg->blks[start].first;
	if (l >= pg->nhinted || h >= pg->nhinted || start == b ||
	    pg->blks[start].kind != BLK_DISPLAY)
		return false;
	return (pg->hints[l] & SEG_HINT_REGION_START) &&
	    !(pg->hints[l] & SEG_HINT_LARGE) &&
	    (pg->hints[h] & SEG_HINT_DISPLAY) &&
	    !(pg->hints[h] & SEG_HINT_LARGE);
}

/*
 * Find the articles printed without dateline (an essay, a notice) that
 * extraction ran into the article before them.  A display run inside an
 * article, between paragraphs, is a subhead when the text after it goes
 * on with the topic of the text before it, and the headline of a new
 * article when the text after it shares no more with the text before it
 * than with the other articles nearby (see tune.cohesion_ratio), or
 * little while the column width changes there too.  The comparison reads
 * bounded segments, so a page stays linear.
 */
void
segs_split_articles(struct page *pg)
{
	struct tokvec before, after;
	struct scorer sc;
	uint8_t *cut, *hits;
	double *idf, own, other, sh;
	size_t a, b, e, k, t, u, lo, hi, start, n, df, nparas, ua, ub, w;
	int jump;
	struct art *arts;

	if (pg->narts == 0 || pg->nblks == 0)
		return;
	memset(&sc, 0, sizeof sc);
	memset(&before, 0, sizeof before);
	memset(&after, 0, sizeof after);
	sc.pg = pg;
	sc.cap = (size_t)tune.segment_chars;
	sc.prof = xcalloc(pg->narts + 1, sizeof *sc.prof);
	cut = xcalloc(pg->nblks, 1);
	n = 0;
	for (a = 0; a < pg->narts; a++) {
		/*
		 * The article's start, or the last cut in it made on a
		 * title's own evidence: the text before the next title is
		 * then that of its own article (a column of briefs).  A cut
		 * made on cohesion alone is weaker: the text before keeps
		 * running from the start, so one wrong cut between short
		 * sections does not cut the next section off too.
		 */
		start = pg->arts[a].first;
		candidate_range(pg, (int32_t)a, (int32_t)a + 1 <
		    (int32_t)pg->narts ? (int32_t)a + 1 : -1, &lo, &hi);
		if (lo > 0)
			scorer_advance(&sc, lo - 1);
		for (b = pg->arts[a].first; b < pg->arts[a].end; b = e) {
			if (pg->blks[b].kind != BLK_DISPLAY ||
			    pg->blks[b].interrupt) {
				e = b + 1;
				continue;
			}
			for (e = b; e < pg->arts[a].end &&
			    pg->blks[e].kind == BLK_DISPLAY; e++)
				/* nothing */;
			/* Paragraphs on both sides within the article? */
			nparas = 0;
			for (k = start; k < b; k++)
				nparas += pg->blks[k].kind == BLK_PARA;
			if (nparas == 0 || e >= pg->arts[a].end ||
			    pg->blks[e].kind != BLK_PARA)
				continue;
			blocks_tokens(pg, start, b,
			    (size_t)tune.segment_chars, true, &before);
			blocks_tokens(pg, e, pg->arts[a].end,
			    (size_t)tune.segment_chars, false, &after);
			if (after.n == 0)
				continue;
			/*
			 * hits[t * w + k - lo]: token t of the text after is
			 * in article k; found once for df, used again for
			 * the shares.
			 */
			w = hi - lo;
			idf = xcalloc(after.n, sizeof *idf);
			hits = xcalloc(after.n * w + 1, 1);
			for (t = 0; t < after.n; t++) {
				df = 0;
				for (k = lo; k < hi; k++)
					if (k != a && !pg->arts[k].phantom &&
					    tokvec_find(scorer_profile(&sc, k),
					    after.t[t].key) != NULL) {
						hits[t * w + k - lo] = 1;
						df++;
					}
				idf[t] = 1.0 / (double)(1 + df);
			}
			own = share_of(&before, &after, idf);
			other = 0;
			for (k = lo; k < hi; k++) {
				if (k == a || pg->arts[k].phantom)
					continue;
				sh = share_of_hits(&after, idf, hits + k - lo,
				    w);
				if (sh > other)
					other = sh;
			}
			free(hits);
			free(idf);
			jump = (int)pg->lines[pg->blks[e].first].colw -
			    (int)pg->lines[pg->blks[b - 1].last].colw;
			/*
			 * A numbered subhead （一） is a section of the
			 * article, whatever the text after it is about.
			 */
			if (pg->lines[pg->blks[b].first].xf & X_ENUM)
				continue;
			/*
			 * A front end that sees the page says where regions
			 * start: a display run it did not set apart runs on
			 * in its column, a subhead.
			 */
			if (!hinted_region(pg, pg->blks[b].first))
				continue;
			/*
			 * A closing credit ends its article: （本报记者
			 * 龙海燕） / 厦门港… / ——… / text is the next one;
			 * so does a photographer's (…增多。 符晓岚摄).  (A
			 * front end that sees the page says where regions
			 * start: its hints decide there.)
			 */
			if (pg->nhinted == 0 && (pg->blks[b - 1].kind ==
			    BLK_TAIL ||
			    (pg->lines[pg->blks[b - 1].last].xf & X_CREDIT))) {
				cut[b] = 1;
				n++;
				start = b;
				continue;
			}
			/*
			 * A region under a title set like the article's own,
			 * at body size: the next item of a column of briefs
			 * (a subhead is set apart from a large headline).
			 */
			if (peer_title(pg, start, b)) {
				cut[b] = 1;
				n++;
				start = b;
				continue;
			}
			if (title_evidence(pg, b, e)) {
				cut[b] = 1;
				n++;
				start = b;
				continue;
			}
			/*
			 * A headline the front end saw set large at a region
			 * start opens the next article, whatever the text.
			 */
			if (large_region(pg, pg->blks[b].first)) {
				cut[b] = 1;
				n++;
				start = b;
				continue;
			}
			/*
			 * Text brought from another page (上接) is the rest
			 * of one article: its lone lines are its subheads;
			 * so is a lone 修复：还河流以空间 (a feature's part).
			 */
			if (pg->arts[a].cont_from != 0 ||
			    (e == b + 1 && labelled_subhead(pg, b)))
				continue;
			/*
			 * An article opened by its author's line (a
			 * feature, a commentary) runs long: a single line
			 * after its first few sentences is a subhead.
			 */
			if (authored_short(pg, start, b))
				continue;
			if (
			    own < tune.cohesion_min ||
			    own < tune.cohesion_ratio * other ||
			    ((jump >= tune.layout_jump ||
			    jump <= -tune.layout_jump) &&
			    own < tune.cohesion_layout)) {
				cut[b] = 1;
				n++;
				continue;
			}
			/*
			 * A title names what follows it, not what came
			 * before: most of its tokens are in the text after,
			 * few in the text before.  Subheads can look alike,
			 * so the text on both sides must also hang together
			 * little.  Each unit of the run is tried: a headline
			 * printed after its body may stand before the title.
			 */
			for (u = b; u < e && own < tune.cohesion_title; u++) {
				group_tokens(pg, (uint32_t)u, (uint32_t)u,
				    &sc.tv);
				ua = ub = 0;
				for (t = 0; t < sc.tv.n; t++) {
					ub += tokvec_find(&before,
					    sc.tv.t[t].key) != NULL;
					ua += tokvec_find(&after,
					    sc.tv.t[t].key) != NULL;
				}
				if (sc.tv.n > 0 && (double)ua >=
				    tune.title_after * (double)sc.tv.n &&
				    (double)ub <=
				    tune.title_before * (double)sc.tv.n) {
					cut[u] = 1;
					n++;
					start = u;
					break;
				}
			}
		}
	}
	scorer_free(&sc);
	tokvec_free(&before);
	tokvec_free(&after);
	if (n > 0) {
		/* Rebuild the article list with the new starts. */
		arts = xcalloc(pg->narts + n, sizeof *arts);
		for (a = 0, k = 0; a < pg->narts; a++) {
			arts[k] = pg->arts[a];
			for (b = pg->arts[a].first; b < pg->arts[a].end; b++) {
				if (!cut[b])
					continue;
				arts[k].end = (uint32_t)b;
				k++;
				memset(&arts[k], 0, sizeof arts[k]);
				arts[k].first = (uint32_t)b;
				arts[k].end = pg->arts[a].end;
				arts[k].group = -1;
			}
			k++;
		}
		free(pg->arts);
		pg->arts = arts;
		pg->caparts = pg->narts + n;
		pg->narts = k;
	}
	free(cut);
}

/* Order pairs by score, best first (ties: page order). */
static int
cmp_pair(const void *x, const void *y)
{
	const struct pair *a = x, *b = y;

	if (a->score != b->score)
		return a->score > b->score ? -1 : 1;
	if (a->group != b->group)
		return a->group < b->group ? -1 : 1;
	return a->art < b->art ? -1 : a->art > b->art;
}

/* Append a pair. */
static void
push_pair(struct pair **v, size_t *n, size_t *cap, double score,
    size_t g, size_t k)
{
	if (*n == *cap) {
		*cap = *cap == 0 ? 64 : *cap * 2;
		*v = xreallocarray(*v, *cap, sizeof **v);
	}
	(*v)[*n].score = score;
	(*v)[*n].group = (uint32_t)g;
	(*v)[*n].art = (uint32_t)k;
	(*n)++;
}

/* The (group, article) pairs collected for the greedy matching. */
struct pairs {
	struct pair	*v;
	size_t		 n, cap;
};

/*
 * Score group gi against the articles around it and collect its pairs:
 * a subhead only when another article clearly wants it more.  sco has
 * room for a window of scores.
 */
static bool box_label(struct page *, const struct group *);

static void
score_group(struct page *pg, struct scorer *sc, size_t gi, double *sco,
    struct pairs *pp)
{
	struct group *g = &pg->groups[gi];
	size_t k, lo, hi;
	double other, own;

	candidate_range(pg, g->prev, g->next, &lo, &hi);
	scorer_advance(sc, lo);
	group_tokens(pg, g->first, g->last, &sc->tv);
	content_scores(sc, lo, hi, sco);
	if (g->host >= 0 && !g->interrupt) {
		/* A subhead leaves only for a clearly better home. */
		own = sco[(size_t)g->host - lo];
		other = 0;
		for (k = lo; k < hi; k++)
			if ((int32_t)k != g->host && sco[k - lo] > other)
				other = sco[k - lo];
		g->candidate = other >= tune.min_content &&
		    other >= tune.steal_ratio * own + tune.steal_margin;
	}
	/*
	 * A run the page shows running on in its column, or labelling a
	 * box under its article's byline (核心阅读), heads no article.
	 */
	if (!hinted_region(pg, pg->blks[g->first].first) || box_label(pg, g))
		g->candidate = false;
	if (!g->candidate)
		return;
	for (k = lo; k < hi; k++) {
		if (pg->arts[k].phantom || pg->arts[k].cont_from != 0 ||
		    sco[k - lo] < tune.min_content)
			continue;
		if (g->host >= 0 && !g->interrupt && (int32_t)k == g->host)
			continue;
		push_pair(&pp->v, &pp->n, &pp->cap, sco[k - lo] +
		    position_bonus(g->prev, g->next, k), gi, k);
	}
}

/*
 * Find the display runs of the page, with the articles around each, and
 * cut them into groups: units of a run whose best article is the same are
 * merged; a unit that matches nothing joins the unit after it.  Each
 * group is scored (score_group) as soon as its run is cut, while the
 * profiles of the run's articles are still at hand: the groups of a run
 * look at the same articles as its units.
 */
static void
make_groups(struct page *pg, struct scorer *sc, struct pairs *pp)
{
	size_t a, b, e, u, lo, hi, k, best_k;
	int32_t prev, next, host, *best;
	double *sco, bs, s;
	bool inner;
	struct group *g;
	size_t gfirst, gi;

	pg->ngroups = 0;
	sco = xcalloc((size_t)tune.window * 2 + 2, sizeof *sco);
	for (a = 0; a < pg->narts; a++) {
		for (b = pg->arts[a].first; b < pg->arts[a].end; b = e) {
			if (pg->blks[b].kind != BLK_DISPLAY) {
				e = b + 1;
				continue;
			}
			for (e = b; e < pg->arts[a].end &&
			    pg->blks[e].kind == BLK_DISPLAY; e++)
				/* nothing */;
			/* The run is blocks b..e-1 of article a. */
			/* Text from another page has its headline there. */
			inner = pg->arts[a].cont_from != 0;
			for (k = pg->arts[a].first; k < b; k++)
				if (pg->blks[k].kind == BLK_PARA)
					inner = true;
			if (e == pg->arts[a].end)
				inner = false;
			prev = -1;
			next = -1;
			host = -1;
			if (inner)
				host = (int32_t)a;
			else if (e < pg->arts[a].end) {
				/* Before article a's first paragraph. */
				next = (int32_t)a;
				prev = a > 0 && !pg->arts[a - 1].phantom ?
				    (int32_t)a - 1 : -1;
			} else {
				prev = pg->arts[a].phantom ? -1 : (int32_t)a;
				next = a + 1 < pg->narts ? (int32_t)a + 1 : -1;
			}
			if (inner) {
				prev = (int32_t)a;
				next = a + 1 < pg->narts ? (int32_t)a + 1 : -1;
			}
			candidate_range(pg, prev, next, &lo, &hi);
			scorer_advance(sc, lo);
			best = xcalloc(e - b, sizeof *best);
			for (u = b; u < e; u++) {
				group_tokens(pg, (uint32_t)u, (uint32_t)u,
				    &sc->tv);
				content_scores(sc, lo, hi, sco);
				bs = -1;
				best_k = (size_t)-1;
				for (k = lo; k < hi; k++) {
					if (pg->arts[k].phantom ||
					    sco[k - lo] < tune.min_content)
						continue;
					s = sco[k - lo] +
					    position_bonus(prev, next, k);
					if (s > bs) {
						bs = s;
						best_k = k;
					}
				}
				best[u - b] = best_k == (size_t)-1 ? -1 :
				    (int32_t)best_k;
			}
			/* Weak units take the best of the unit after them. */
			for (u = e - b; u-- > 1;)
				if (best[u - 1] < 0)
					best[u - 1] = best[u];
			/*
			 * The last unit joins the unit before it when that one
			 * belongs to the article right after the run: nothing
			 * else stands between the lines of one headline split
			 * by a blank line (a main line and its subtitle).
			 */
			if (e - b > 1 && next >= 0 && !inner &&
			    best[e - b - 2] == next)
				best[e - b - 1] = next;
			g = NULL;
			gfirst = pg->ngroups;
			for (u = b; u < e; u++) {
				bool interrupt = pg->blks[u].interrupt;
				/*
				 * On a hinted page a unit off a region start
				 * is the rest of the headline group above it
				 * (a main line under its kicker).
				 */
				bool rest = g != NULL && !inner &&
				    interrupt == g->interrupt &&
				    !hinted_region(pg, pg->blks[u].first);

				if (!rest && (g == NULL || best[u - b] < 0 ||
				    best[u - b] != best[u - b - 1] || inner ||
				    interrupt != g->interrupt)) {
					g = page_add_group(pg);
					g->first = (uint32_t)u;
					g->prev = prev;
					g->next = next;
					g->host = host;
					g->interrupt = interrupt;
					g->candidate = !inner || interrupt;
				}
				g->last = (uint32_t)u;
				pg->blks[u].group = (int32_t)(g - pg->groups);
			}
			free(best);
			for (gi = gfirst; gi < pg->ngroups; gi++)
				score_group(pg, sc, gi, sco, pp);
		}
	}
	free(sco);
}

/*
 * Is group g one line labelling a box at its article's start (核心阅读,
 * under the byline)?  It is the article's subhead, not loose text.
 */
static bool
box_label(struct page *pg, const struct group *g)
{
	const struct blk *bl = &pg->blks[g->first];
	const struct line *ln;

	if (g->first != g->last || bl->first != bl->last || g->first == 0 ||
	    pg->blks[g->first - 1].kind != BLK_BYLINE)
		return false;
	ln = &pg->lines[bl->first];
	segm_norm_line(pg->text + ln->off, ln->len, NORM_TEXT, &pg->cv,
	    &pg->tmp, NULL);
	return segm_box_label(pg->cv.v, pg->cv.n);
}

/*
 * Assign headline groups to articles (see the top of seg.c).  Fills
 * arts[].group and the fate of every display unit.
 */
void
segs_assign_headlines(struct page *pg)
{
	struct scorer sc;
	struct pairs pp = { NULL, 0, 0 };
	struct pair *pairs;
	size_t npairs, gi, k, b;
	struct group *g;
	int32_t *owner;

	memset(&sc, 0, sizeof sc);
	sc.pg = pg;
	sc.cap = (size_t)tune.profile_chars;
	sc.prof = xcalloc(pg->narts + 1, sizeof *sc.prof);
	make_groups(pg, &sc, &pp);
	scorer_free(&sc);
	pairs = pp.v;
	npairs = pp.n;

	owner = xcalloc(pg->ngroups + 1, sizeof *owner);
	for (gi = 0; gi < pg->ngroups; gi++)
		owner[gi] = -1;

	/* Greedy matching, best pair first. */
	if (npairs > 0)
		qsort(pairs, npairs, sizeof *pairs, cmp_pair);
	for (k = 0; k < npairs; k++) {
		if (owner[pairs[k].group] >= 0 ||
		    pg->arts[pairs[k].art].group >= 0)
			continue;
		owner[pairs[k].group] = (int32_t)pairs[k].art;
		pg->arts[pairs[k].art].group = (int32_t)pairs[k].group;
	}
	free(pairs);

	/*
	 * What content did not place: the group right before an article
	 * still without headline becomes its headline; subheads stay;
	 * the rest is kept as text.
	 */
	for (gi = 0; gi < pg->ngroups; gi++) {
		g = &pg->groups[gi];
		/* (Text from another page takes only a headline right
		   before it: the title repeated over the jump.) */
		if (owner[gi] < 0 && g->host < 0 && g->next >= 0 &&
		    pg->arts[g->next].group < 0 &&
		    !pg->arts[g->next].phantom && g->last + 1 < pg->nblks &&
		    pg->blks[g->last + 1].kind != BLK_DISPLAY) {
			owner[gi] = g->next;
			pg->arts[g->next].group = (int32_t)gi;
		}
		for (b = g->first; b <= g->last; b++) {
			if (owner[gi] >= 0)
				pg->blks[b].fate = FATE_HEADLINE;
			else if (g->host >= 0 || box_label(pg, g))
				pg->blks[b].fate = FATE_SUBHEAD;
			else
				pg->blks[b].fate = FATE_PARAGRAPH;
		}
	}
	free(owner);
}

/*
 * The roles of the n lines of a headline, from their lengths w[] in
 * characters (a text loader has no type sizes to go by):
 *  - one line is the main headline;
 *  - two lines of about the same length (one character apart at most)
 *    are a couplet, both main: papers print parallel lines that way;
 *  - a first line clearly shorter than the second (tune.kicker_ratio) is
 *    a kicker over the main line: 冬季供暖 / 热力公司开通24小时服务热线;
 *  - otherwise the first is the main headline and the second, as long or
 *    longer and explaining it, its subheadline;
 *  - three or more: a kicker, main lines, and a subheadline last.
 */
void
segs_headline_roles(const size_t *w, size_t n, enum headline_role *role)
{
	size_t i;

	if (n == 0)
		return;
	if (n == 1) {
		role[0] = HEADLINE_MAIN;
		return;
	}
	if (n == 2) {
		if (w[0] + (size_t)tune.couplet_tol >= w[1] &&
		    w[1] + (size_t)tune.couplet_tol >= w[0])
			role[0] = role[1] = HEADLINE_MAIN;
		else if ((double)w[0] < tune.kicker_ratio * (double)w[1]) {
			role[0] = HEADLINE_KICKER;
			role[1] = HEADLINE_MAIN;
		} else {
			role[0] = HEADLINE_MAIN;
			role[1] = HEADLINE_SUB;
		}
		return;
	}
	role[0] = HEADLINE_KICKER;
	for (i = 1; i + 1 < n; i++)
		role[i] = HEADLINE_MAIN;
	role[n - 1] = HEADLINE_SUB;
}
