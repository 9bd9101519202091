/*
 * test_loader_accuracy.c - measure the raw-text loader's accuracy on many
 * generated page layouts (not test_layout.c, which tests line breaking).
 *
 * tests/accuracy_pages.c sets the articles of tests/data/corpus into synthetic
 * pdftotext pages and records what it printed.  The first tests check the
 * generator itself (widths, line-breaking rules, indents, column breaks,
 * determinism, that the printed text is the truth).  The last one feeds
 * 200 pages to load_text(), compares every article with its truth
 * (whitespace removed), prints an accuracy table broken down by layout
 * feature, the most common failure patterns with one example each, and
 * asserts minimum accuracies.
 *
 * Environment: KANBAO_LAYOUT_PAGES=n measures n pages instead of the
 * default, KANBAO_LAYOUT_FIRST=s starts at seed s instead of 1 (one page:
 * KANBAO_LAYOUT_FIRST=17 KANBAO_LAYOUT_PAGES=1), KANBAO_LAYOUT_DUMP=dir
 * writes every page (page-SEED.txt), its truth (.truth) and what the
 * loader made of it (.got) to dir, and the failures to dir/failures.txt.
 */
#include "config.h"

#include "common.h"

#include <stdbool.h>

#include "buf.h"
#include "edition.h"
#include "load_text.h"
#include "text.h"
#include "xalloc.h"

#include "accuracy_pages.h"

/*
 * The numbers of the measurement.  The thresholds are what a loader must
 * reach to be trusted on real pages, not what it happens to score: see
 * the report of the table when they fail.
 */
static const struct {
	int	pages;			/* pages measured by default */
	int	unit_pages;		/* pages for the generator tests */
	double	min_fully_right;	/* % articles entirely right */
	double	min_boundary_f1;	/* % paragraph boundary F1 */
	double	min_headline;		/* % headline assignment right */
	double	min_byline;		/* % byline right */
	double	min_count;		/* % pages with right article count */
	int	min_feature_cases;	/* each feature must occur this often */
	int	edge_chars;		/* characters of a boundary key */
} tune = {
	.pages = 200,
	.unit_pages = 200,
	.min_fully_right = 90.0,
	.min_boundary_f1 = 98.0,
	.min_headline = 90.0,
	.min_byline = 95.0,
	.min_count = 90.0,
	.min_feature_cases = 10,
	.edge_chars = 6
};

/* Load the corpus once for all tests. */
static int
setup_corpus(void **state)
{
	struct lg_corpus	*c = xcalloc(1, sizeof *c);
	char			*cause = NULL;

	if (test_utf8_locale(state) != 0)
		return -1;
	if (lg_corpus_load(c, TEST_DATA_DIR "/corpus", &cause) != 0) {
		fprintf(stderr, "corpus: %s\n", cause);
		free(cause);
		free(c);
		return -1;
	}
	*state = c;
	return 0;
}

/* Free the corpus. */
static int
teardown_corpus(void **state)
{
	lg_corpus_free(*state);
	free(*state);
	return 0;
}

/* Copy s without any white space (ASCII, U+3000, form feed).  Caller frees. */
static char *
squash(const char *s, size_t len)
{
	struct buf	b = BUF_INIT;
	size_t		i = 0, n;
	uint32_t	cp;

	while (i < len) {
		n = utf8_decode(s + i, len - i, &cp);
		if (!text_is_space(cp) && cp != '\r' && cp != '\n' &&
		    cp != '\f' && cp != 0xfeff)
			buf_append(&b, s + i, n);
		i += n;
	}
	return buf_detach(&b);
}

/* squash() of a NUL-terminated string; NULL gives "". */
static char *
squash_str(const char *s)
{
	return squash(s != NULL ? s : "", s != NULL ? strlen(s) : 0);
}

/* Does a line start with a character no line may start with? */
static bool
bad_line_start(const char *s, size_t len)
{
	static const char *const marks[] = {
		"，", "。", "、", "；", "：", "？", "！", "）", "”", "》"
	};
	size_t i;

	while (len > 0 && (*s == '\f' || *s == ' ')) {
		s++;
		len--;
	}
	for (i = 0; i < sizeof marks / sizeof marks[0]; i++)
		if (len >= strlen(marks[i]) &&
		    memcmp(s, marks[i], strlen(marks[i])) == 0)
			return true;
	return false;
}

/* Does a line end with a character no line may end with? */
static bool
bad_line_end(const char *s, size_t len)
{
	static const char *const marks[] = { "（", "“", "《" };
	size_t i, n;

	for (i = 0; i < sizeof marks / sizeof marks[0]; i++) {
		n = strlen(marks[i]);
		if (len >= n && memcmp(s + len - n, marks[i], n) == 0)
			return true;
	}
	return false;
}

/* The corpus is what the brief asks for: 14-20 articles, 2-7 paragraphs. */
static void
test_corpus_shape(void **state)
{
	const struct lg_corpus	*c = *state;
	size_t			 i, j, np, len, nodate = 0;

	assert_in_range(c->narticles, 14, 20);
	for (i = 0; i < c->narticles; i++) {
		np = 0;
		for (j = 0; j < c->articles[i].nblocks; j++) {
			if (c->articles[i].blocks[j].kind != LG_PARA)
				continue;
			np++;
			len = utf8_count(c->articles[i].blocks[j].text,
			    strlen(c->articles[i].blocks[j].text));
			if (len < 20 || len > 250)
				fail_msg("%s paragraph %zu: %zu characters",
				    c->articles[i].name, j + 1, len);
		}
		assert_in_range(np, 2, 7);
		assert_in_range(c->articles[i].nheadlines, 1, 2);
		if (c->articles[i].dateline == NULL)
			nodate++;
	}
	assert_in_range(nodate, 1, 2);
}

/* The same seed gives the same page; another seed another page. */
static void
test_seed_determinism(void **state)
{
	struct lg_page	a, b, d;
	char		*ta, *tb;

	lg_generate(*state, 42, NULL, &a);
	lg_generate(*state, 42, NULL, &b);
	lg_generate(*state, 43, NULL, &d);
	assert_int_equal(a.len, b.len);
	assert_memory_equal(a.text, b.text, a.len);
	ta = lg_truth_text(&a);
	tb = lg_truth_text(&b);
	assert_string_equal(ta, tb);
	assert_false(a.len == d.len && memcmp(a.text, d.text, a.len) == 0);
	free(ta);
	free(tb);
	lg_page_free(&a);
	lg_page_free(&b);
	lg_page_free(&d);
}

/* Without artefacts every line fits its column and indents are 2 cells. */
static void
test_line_width(void **state)
{
	struct lg_options	o;
	struct lg_page		p;
	const struct lg_line	*l;
	size_t			i;
	int			seed, cells, nfirst = 0;

	lg_options_default(&o);
	o.plain = true;
	for (seed = 1; seed <= 50; seed++) {
		lg_generate(*state, (uint64_t)seed, &o, &p);
		for (i = 0; i < p.nlines; i++) {
			l = &p.lines[i];
			if (l->kind != LG_L_BODY && l->kind != LG_L_SUBHEAD)
				continue;
			cells = lg_cells(p.lf_text + l->off, l->len);
			if (p.lf_text[l->off] == '\f')
				cells--;
			if (cells > l->cap || l->cells > l->cap)
				fail_msg("seed %d line %zu: %d cells in %d",
				    seed, i + 1, cells, l->cap);
			if (l->flags & LG_LF_FIRST) {
				assert_int_equal(l->cap, l->width - 4);
				nfirst++;
			} else
				assert_int_equal(l->cap, l->width);
			assert_in_range(l->width, 24, 80);
		}
		lg_page_free(&p);
	}
	assert_true(nfirst > 100);
}

/* No line starts with ，。、 or a closing mark or ends with an opening one. */
static void
test_line_breaking_rules(void **state)
{
	struct lg_page		p;
	const struct lg_line	*l;
	size_t			i;
	int			seed, npushed = 0, nsqueezed = 0;

	for (seed = 1; seed <= tune.unit_pages; seed++) {
		lg_generate(*state, (uint64_t)seed, NULL, &p);
		for (i = 0; i < p.nlines; i++) {
			l = &p.lines[i];
			if (l->kind != LG_L_BODY)
				continue;
			if (bad_line_start(p.lf_text + l->off, l->len) ||
			    bad_line_end(p.lf_text + l->off, l->len))
				fail_msg("seed %d line %zu breaks a rule: %.*s",
				    seed, i + 1, (int)l->len,
				    p.lf_text + l->off);
			if (l->flags & LG_LF_PUSHED) {
				npushed++;
				assert_true(l->cells < l->cap);
			}
			if (l->flags & LG_LF_SQUEEZED)
				nsqueezed++;
		}
		lg_page_free(&p);
	}
	assert_true(npushed > 50);
	assert_true(nsqueezed > 50);
}

/* Column breaks are blank lines inside a paragraph, between body lines. */
static void
test_column_breaks(void **state)
{
	struct lg_page		p;
	const struct lg_line	*l;
	size_t			i;
	int			seed, n = 0;

	for (seed = 1; seed <= 50; seed++) {
		lg_generate(*state, (uint64_t)seed, NULL, &p);
		for (i = 0; i < p.nlines; i++) {
			l = &p.lines[i];
			if (l->kind != LG_L_BLANK_COLUMN)
				continue;
			n++;
			assert_int_equal(l->len, 0);
			assert_true(i > 0 && i + 1 < p.nlines);
			assert_true(l[-1].kind == LG_L_BODY ||
			    l[-1].kind == LG_L_SUBHEAD);
			assert_false(l[-1].flags & LG_LF_LAST);
			assert_true(l[1].kind == LG_L_BODY ||
			    l[1].kind == LG_L_SUBHEAD);
			assert_int_equal(l[-1].article, l[1].article);
		}
		lg_page_free(&p);
	}
	assert_true(n > 50);
}

/* The printed lines of every article are exactly its truth. */
static void
test_text_is_truth(void **state)
{
	struct lg_page		 p;
	const struct lg_line	*l;
	const struct lg_truth	*t;
	struct buf		 got = BUF_INIT, want = BUF_INIT;
	char			*a, *b;
	size_t			 i, j;
	int			 seed;

	for (seed = 1; seed <= tune.unit_pages; seed++) {
		lg_generate(*state, (uint64_t)seed, NULL, &p);
		for (i = 0; i < p.narticles; i++) {
			t = &p.articles[i];
			buf_clear(&got);
			buf_clear(&want);
			for (j = 0; j < p.nlines; j++) {
				l = &p.lines[j];
				if (l->article == (int)i &&
				    (l->kind == LG_L_BODY ||
				    l->kind == LG_L_SUBHEAD))
					buf_append(&got, p.lf_text + l->off,
					    l->len);
			}
			for (j = 0; j < t->nblocks; j++)
				buf_puts(&want, t->blocks[j].text);
			a = squash(buf_str(&got), got.len);
			b = squash(buf_str(&want), want.len);
			assert_string_equal(a, b);
			free(a);
			free(b);
			/* The first body line is where the truth says. */
			l = &p.lines[t->first_line - 1];
			assert_true(l->kind == LG_L_BODY &&
			    l->article == (int)i);
		}
		lg_page_free(&p);
	}
	buf_free(&got);
	buf_free(&want);
}

/* CRLF and BOM options change only the line endings and the start. */
static void
test_crlf_bom(void **state)
{
	struct lg_options	o;
	struct lg_page		p;
	size_t			i, ncr = 0, nlf = 0;

	lg_options_default(&o);
	o.crlf = o.bom = o.header = 1;
	o.pages = 2;
	lg_generate(*state, 7, &o, &p);
	assert_memory_equal(p.text, "\xef\xbb\xbf", 3);
	for (i = 0; i < p.len; i++) {
		if (p.text[i] == '\n') {
			nlf++;
			assert_true(i > 0 && p.text[i - 1] == '\r');
		}
		if (p.text[i] == '\r')
			ncr++;
	}
	assert_int_equal(ncr, nlf);
	assert_non_null(strchr(p.lf_text, '\f'));
	assert_int_equal(p.npages, 2);
	assert_non_null(p.titles[0]);
	assert_true(p.features & LG_P_MULTI);
	assert_int_equal(p.len, 3 + strlen(p.lf_text) + nlf);
	lg_page_free(&p);
}

/* Every layout feature occurs often enough to be measured. */
static void
test_features_occur(void **state)
{
	struct lg_page	p;
	size_t		i;
	int		seed, f, count[LG_F_COUNT] = { 0 };

	for (seed = 1; seed <= tune.pages; seed++) {
		lg_generate(*state, (uint64_t)seed, NULL, &p);
		for (i = 0; i < p.narticles; i++)
			for (f = 0; f < LG_F_COUNT; f++)
				if (p.articles[i].features & (1u << f))
					count[f]++;
		lg_page_free(&p);
	}
	for (f = 0; f < LG_F_COUNT; f++)
		if (count[f] < tune.min_feature_cases)
			fail_msg("feature %s: only %d articles",
			    lg_feature_names[f], count[f]);
}

/* ------------------------------------------------------------------ */
/* Scoring the loader */

/* One failure pattern: how often, and the first example. */
struct pattern {
	const char	*name;
	int		 count;
	uint64_t	 seed;
	size_t		 article;	/* 1-based */
	char		*detail;
};

/* Failure patterns, most specific first. */
enum {
	PAT_LOST,		/* no loader article holds its text */
	PAT_ABSORBED,		/* its text went into another article's */
	PAT_MERGED,		/* its article took in another one's text */
	PAT_SPLIT,		/* its text is spread over several */
	PAT_TEXT,		/* the text differs (something added or lost) */
	PAT_PARA_MERGED,	/* two paragraphs made one */
	PAT_PARA_SPLIT,		/* one paragraph cut in two */
	PAT_PARA_OTHER,		/* paragraphs differ otherwise */
	PAT_SUBHEAD,		/* subheads lost or invented */
	PAT_HEAD_MISSING_GOT,	/* no headline printed, but one was given */
	PAT_HEAD_NONE,		/* a headline printed, none given */
	PAT_HEAD_WRONG,		/* another headline given */
	PAT_BYLINE,
	PAT_COUNT
};

/* Totals for one group of articles (all, or one feature). */
struct tally {
	int	n, full, body, head, byline;
};

/* Everything the measurement adds up. */
struct score {
	struct tally	 all, feature[LG_F_COUNT], page_feature[4];
	int		 pages, pages_count_right, pages_right;
	int		 sections_right, titles_n, titles_right;
	int		 bound_truth, bound_got, bound_hit;
	int		 sub_n, sub_right;
	struct pattern	 pat[PAT_COUNT];
	FILE		*failures;	/* KANBAO_LAYOUT_DUMP/failures.txt */
};

/* A loader article flattened for comparison. */
struct got {
	const struct article	*a;
	char			**blocks;	/* squashed text */
	enum block_kind		*kinds;
	size_t			 nblocks;
	char			*body;		/* all blocks joined */
	size_t			*chars;		/* bytes per truth article */
};

/* Record a failure pattern of article i of page p. */
static void
note(struct score *s, int pat, const struct lg_page *p, size_t i,
    const char *fmt, ...)
{
	struct pattern	*x = &s->pat[pat];
	va_list		 ap;
	char		 msg[1024];

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	if (x->count++ == 0) {
		x->seed = p->seed;
		x->article = i + 1;
		x->detail = xstrdup(msg);
	}
	if (s->failures != NULL)
		fprintf(s->failures, "seed %llu article %zu: %s: %s\n",
		    (unsigned long long)p->seed, i + 1, x->name, msg);
}

/* Up to n code points at the end (or start) of s, as a new string. */
static char *
edge(const char *s, int n, bool end)
{
	size_t len = strlen(s), off;

	if (end) {
		off = len;
		while (off > 0 && n-- > 0)
			off = utf8_prev(s, off);
		return xstrdup(s + off);
	}
	off = 0;
	while (off < len && n-- > 0) {
		off++;
		while (off < len && (s[off] & 0xc0) == 0x80)
			off++;
	}
	return xstrndup(s, off);
}

/* The boundary keys of a sequence of blocks: end of one | start of next. */
static char **
boundary_keys(char *const *blocks, size_t n, size_t *nkeys)
{
	char	**keys = xcalloc(n + 1, sizeof *keys), *a, *b;
	size_t	  i;

	*nkeys = 0;
	for (i = 0; i + 1 < n; i++) {
		a = edge(blocks[i], tune.edge_chars, true);
		b = edge(blocks[i + 1], tune.edge_chars, false);
		keys[(*nkeys)++] = xasprintf("%s|%s", a, b);
		free(a);
		free(b);
	}
	return keys;
}

/* Count paragraph boundaries found, expected and right on one page. */
static void
score_boundaries(struct score *s, const struct lg_page *p, struct got *g,
    size_t ng)
{
	char	**tb = NULL, **gb = NULL, **tk, **gk;
	size_t	  ntb = 0, ngb = 0, ntk, ngk, i, j;

	for (i = 0; i < p->narticles; i++)
		for (j = 0; j < p->articles[i].nblocks; j++) {
			tb = xreallocarray(tb, ntb + 1, sizeof *tb);
			tb[ntb++] = squash_str(p->articles[i].blocks[j].text);
		}
	for (i = 0; i < ng; i++)
		for (j = 0; j < g[i].nblocks; j++) {
			gb = xreallocarray(gb, ngb + 1, sizeof *gb);
			gb[ngb++] = g[i].blocks[j];
		}
	tk = boundary_keys(tb, ntb, &ntk);
	gk = boundary_keys(gb, ngb, &ngk);
	s->bound_truth += (int)ntk;
	s->bound_got += (int)ngk;
	for (i = 0; i < ntk; i++)
		for (j = 0; j < ngk; j++)
			if (gk[j] != NULL && strcmp(tk[i], gk[j]) == 0) {
				s->bound_hit++;
				free(gk[j]);
				gk[j] = NULL;	/* counts once */
				break;
			}
	for (i = 0; i < ntk; i++)
		free(tk[i]);
	for (i = 0; i < ngk; i++)
		free(gk[i]);
	for (i = 0; i < ntb; i++)
		free(tb[i]);
	free(tk);
	free(gk);
	free(tb);
	free(gb);
}

/* Add one article's results to a tally. */
static void
tally_add(struct tally *t, bool full, bool body, bool head, bool byline)
{
	t->n++;
	t->full += full;
	t->body += body;
	t->head += head;
	t->byline += byline;
}

/* Explain how the blocks of got differ from truth t (same text). */
static int
para_pattern(const struct lg_truth *t, const struct got *g, char **tb)
{
	size_t i, nt = 0, ng = 0;

	for (i = 0; i < t->nblocks; i++)
		nt += t->blocks[i].kind == LG_PARA;
	for (i = 0; i < g->nblocks; i++)
		ng += g->kinds[i] == BLOCK_PARAGRAPH;
	if (nt != t->nblocks || ng != g->nblocks) {
		/* Subheads involved: are they the same ones? */
		if (nt + (t->nblocks - nt) != g->nblocks ||
		    t->nblocks - nt != g->nblocks - ng)
			return PAT_SUBHEAD;
		for (i = 0; i < t->nblocks; i++)
			if ((t->blocks[i].kind == LG_SUBHEAD) !=
			    (g->kinds[i] == BLOCK_SUBHEAD) ||
			    strcmp(tb[i], g->blocks[i]) != 0)
				return t->blocks[i].kind == LG_SUBHEAD ||
				    g->kinds[i] == BLOCK_SUBHEAD ?
				    PAT_SUBHEAD : PAT_PARA_OTHER;
	}
	if (g->nblocks < t->nblocks)
		return PAT_PARA_MERGED;
	if (g->nblocks > t->nblocks)
		return PAT_PARA_SPLIT;
	return PAT_PARA_OTHER;
}

/* Describe the first block difference between truth and got. */
static char *
block_diff(char **tb, size_t nt, const struct got *g)
{
	size_t	 i, off = 0;
	int	 back;
	char	*a, *b, *msg;

	for (i = 0; i < nt && i < g->nblocks; i++)
		if (strcmp(tb[i], g->blocks[i]) != 0)
			break;
	/* Show both from a little before the first byte that differs. */
	if (i < nt && i < g->nblocks) {
		while (tb[i][off] != '\0' && tb[i][off] == g->blocks[i][off])
			off++;
		while (off > 0 && (tb[i][off] & 0xc0) == 0x80)
			off--;
		for (back = 0; off > 0 && back < 6; back++)
			off = utf8_prev(tb[i], off);
	}
	a = i < nt ? edge(tb[i] + off, 24, false) : xstrdup("(none)");
	b = i < g->nblocks ? edge(g->blocks[i] + off, 24, false) :
	    xstrdup("(none)");
	msg = xasprintf("block %zu (of %zu, got %zu), at char %zu: want "
	    "\"%s…\" got \"%s…\"", i + 1, nt, g->nblocks,
	    i < nt ? utf8_count(tb[i], off) : 0, a, b);
	free(a);
	free(b);
	return msg;
}

/* Join an article's non-inferred headline lines, squashed. */
static char *
got_headline(const struct article *a)
{
	struct buf	b = BUF_INIT;
	size_t		i;
	char		*s;

	for (i = 0; a != NULL && i < a->nheadlines; i++)
		if (!a->headlines[i].inferred)
			buf_puts(&b, a->headlines[i].text);
	s = squash(buf_str(&b), b.len);
	buf_free(&b);
	return s;
}

/* Score one truth article against the loader's articles. */
static void
score_article(struct score *s, const struct lg_page *p, size_t i,
    struct got *g, size_t ng)
{
	const struct lg_truth	*t = &p->articles[i];
	struct got		*m = NULL;
	struct buf		 hb = BUF_INIT;
	char			**tb, *tbody, *want_h, *got_h, *want_b, *got_b;
	char			*msg, *host;
	size_t			 j, k, best = 0, holders = 0, others = 0;
	bool			 body, head, byline, full, sub_ok;
	int			 f;

	tb = xcalloc(t->nblocks + 1, sizeof *tb);
	for (j = 0; j < t->nblocks; j++)
		tb[j] = squash_str(t->blocks[j].text);
	for (j = 0; j < t->nheadlines; j++)
		buf_puts(&hb, t->headlines[j]);
	want_h = squash(buf_str(&hb), hb.len);
	buf_free(&hb);
	want_b = squash_str(t->byline);
	tbody = NULL;

	/* The loader article holding most of this one's text is its match. */
	for (k = 0; k < ng; k++) {
		if (g[k].chars[i] > 0)
			holders++;
		if (g[k].chars[i] > best) {
			best = g[k].chars[i];
			m = &g[k];
		}
	}
	body = false;
	if (m != NULL) {
		body = m->nblocks == t->nblocks;
		for (j = 0; body && j < t->nblocks; j++)
			body = strcmp(tb[j], m->blocks[j]) == 0 &&
			    (t->blocks[j].kind == LG_SUBHEAD) ==
			    (m->kinds[j] == BLOCK_SUBHEAD);
		for (k = 0; k < p->narticles; k++)
			if (k != i && m->chars[k] > 0)
				others++;
	}
	got_h = got_headline(m != NULL ? m->a : NULL);
	got_b = squash_str(m != NULL ? m->a->byline : NULL);
	head = m != NULL && strcmp(want_h, got_h) == 0;
	byline = m != NULL && strcmp(want_b, got_b) == 0;
	full = body && head && byline;

	if (t->features & LG_F_SUBHEAD) {
		s->sub_n++;
		sub_ok = m != NULL;
		if (m != NULL) {
			struct buf x = BUF_INIT, y = BUF_INIT;

			for (j = 0; j < t->nblocks; j++)
				if (t->blocks[j].kind == LG_SUBHEAD)
					buf_printf(&x, "%s|", tb[j]);
			for (j = 0; j < m->nblocks; j++)
				if (m->kinds[j] == BLOCK_SUBHEAD)
					buf_printf(&y, "%s|", m->blocks[j]);
			sub_ok = strcmp(buf_str(&x), buf_str(&y)) == 0;
			buf_free(&x);
			buf_free(&y);
		}
		s->sub_right += sub_ok;
	}

	tally_add(&s->all, full, body, head, byline);
	for (f = 0; f < LG_F_COUNT; f++)
		if (t->features & (1u << f))
			tally_add(&s->feature[f], full, body, head, byline);
	for (f = 0; f < 4; f++)
		if (p->features & (1u << f))
			tally_add(&s->page_feature[f], full, body, head,
			    byline);

	if (m == NULL)
		note(s, PAT_LOST, p, i, "no loader article holds \"%s\"",
		    tb[0]);
	else if (!body) {
		struct buf all = BUF_INIT;

		for (j = 0; j < t->nblocks; j++)
			buf_puts(&all, tb[j]);
		tbody = buf_detach(&all);
		msg = block_diff(tb, t->nblocks, m);
		if (others > 0 && (m->nblocks == 0 ||
		    strncmp(m->blocks[0], tb[0], strlen(m->blocks[0])) != 0)) {
			host = edge(m->nblocks > 0 ? m->blocks[0] : "", 20,
			    false);
			note(s, PAT_ABSORBED, p, i, "its text is inside "
			    "another article, which starts \"%s…\"", host);
			free(host);
		} else if (others > 0)
			note(s, PAT_MERGED, p, i, "took in the text of %zu "
			    "other article(s); %s", others, msg);
		else if (holders > 1)
			note(s, PAT_SPLIT, p, i, "spread over %zu loader "
			    "articles; %s", holders, msg);
		else if (strcmp(tbody, m->body) != 0)
			note(s, PAT_TEXT, p, i, "%s", msg);
		else
			note(s, para_pattern(t, m, tb), p, i, "%s", msg);
		free(msg);
	}
	if (m != NULL && !head) {
		if (t->nheadlines == 0)
			note(s, PAT_HEAD_MISSING_GOT, p, i, "got \"%s\"",
			    got_h);
		else if (*got_h == '\0')
			note(s, PAT_HEAD_NONE, p, i, "want \"%s\"", want_h);
		else
			note(s, PAT_HEAD_WRONG, p, i, "want \"%s\" got \"%s\"",
			    want_h, got_h);
	}
	if (m != NULL && !byline)
		note(s, PAT_BYLINE, p, i, "want \"%s\" got \"%s\"", want_b,
		    got_b);

	for (j = 0; j < t->nblocks; j++)
		free(tb[j]);
	free(tb);
	free(tbody);
	free(want_h);
	free(got_h);
	free(want_b);
	free(got_b);
}

/* What the loader made of a page, in the truth's text form. */
static char *
got_text(const struct edition *ed)
{
	struct buf		 b = BUF_INIT;
	const struct section	*s;
	const struct article	*a;
	size_t			 i, j, k, n = 0;

	for (i = 0; i < ed->nsections; i++) {
		s = ed->sections[i];
		buf_printf(&b, "title %zu %s\n", i + 1,
		    s->title != NULL ? s->title : "");
		for (j = 0; j < s->narticles; j++) {
			a = s->articles[j];
			buf_printf(&b, "== article %zu page %zu line %u\n",
			    ++n, i + 1, a->source_line);
			for (k = 0; k < a->nheadlines; k++)
				buf_printf(&b, "headline %s\n",
				    a->headlines[k].text);
			if (a->dateline != NULL)
				buf_printf(&b, "dateline %s\n", a->dateline);
			if (a->byline != NULL)
				buf_printf(&b, "byline %s\n", a->byline);
			for (k = 0; k < a->nblocks; k++)
				buf_printf(&b, "%s %s\n",
				    a->blocks[k].kind == BLOCK_SUBHEAD ? "s" :
				    a->blocks[k].kind == BLOCK_CAPTION ? "c" :
				    "p", a->blocks[k].text);
		}
	}
	return buf_detach(&b);
}

/* Write s to dir/page-SEED.EXT. */
static void
dump_file(const char *dir, uint64_t seed, const char *ext, const char *s)
{
	char	*path = xasprintf("%s/page-%llu.%s", dir,
		    (unsigned long long)seed, ext);
	FILE	*f = fopen(path, "w");

	if (f != NULL) {
		fputs(s, f);
		fclose(f);
	}
	free(path);
}

/* Load one page, flatten the loader's articles and score them. */
static void
score_page(struct score *s, const struct lg_page *p, const char *dump)
{
	struct edition	*ed = edition_new("layouts", "layout.txt");
	struct got	*g = NULL;
	const struct article *a;
	char		*cause = NULL, **tbodies, *dumped;
	size_t		 ng = 0, i, j, k, ti;
	int		 rc, before;

	rc = load_text(ed, p->text, p->len, "layout.txt", "layout", &cause);
	if (rc < 0) {
		fprintf(stderr, "seed %llu: load_text: %s\n",
		    (unsigned long long)p->seed, cause != NULL ? cause : "?");
		free(cause);
	}
	tbodies = xcalloc(p->narticles, sizeof *tbodies);
	for (i = 0; i < p->narticles; i++) {
		struct buf b = BUF_INIT;

		for (j = 0; j < p->articles[i].nblocks; j++)
			buf_puts(&b, p->articles[i].blocks[j].text);
		tbodies[i] = squash(buf_str(&b), b.len);
		buf_free(&b);
	}
	for (i = 0; i < ed->nsections; i++)
		for (j = 0; j < ed->sections[i]->narticles; j++) {
			struct buf b = BUF_INIT;
			struct got *x;

			a = ed->sections[i]->articles[j];
			g = xreallocarray(g, ng + 1, sizeof *g);
			x = &g[ng++];
			memset(x, 0, sizeof *x);
			x->a = a;
			x->nblocks = a->nblocks;
			x->blocks = xcalloc(a->nblocks + 1, sizeof *x->blocks);
			x->kinds = xcalloc(a->nblocks + 1, sizeof *x->kinds);
			x->chars = xcalloc(p->narticles, sizeof *x->chars);
			for (k = 0; k < a->nblocks; k++) {
				x->blocks[k] = squash_str(a->blocks[k].text);
				x->kinds[k] = a->blocks[k].kind;
				buf_puts(&b, x->blocks[k]);
				/* Whose text is this block?  The first's. */
				if (*x->blocks[k] == '\0')
					continue;
				for (ti = 0; ti < p->narticles; ti++)
					if (strstr(tbodies[ti], x->blocks[k])) {
						x->chars[ti] +=
						    strlen(x->blocks[k]);
						break;
					}
			}
			x->body = squash(buf_str(&b), b.len);
			buf_free(&b);
		}

	before = s->all.full;
	s->pages++;
	s->pages_count_right += ng == p->narticles;
	s->sections_right += ed->nsections == p->npages;
	for (i = 0; i < p->npages && i < ed->nsections; i++)
		if (p->titles[i] != NULL) {
			s->titles_n++;
			s->titles_right += ed->sections[i]->title != NULL &&
			    strcmp(ed->sections[i]->title, p->titles[i]) == 0;
		}
	score_boundaries(s, p, g, ng);
	for (i = 0; i < p->narticles; i++)
		score_article(s, p, i, g, ng);
	s->pages_right += s->all.full - before == (int)p->narticles &&
	    ng == p->narticles;

	if (dump != NULL) {
		char *err = NULL;

		if (lg_page_dump(p, dump, &err) != 0) {
			fprintf(stderr, "dump: %s\n", err);
			free(err);
		}
		dumped = got_text(ed);
		dump_file(dump, p->seed, "got", dumped);
		free(dumped);
	}

	for (i = 0; i < ng; i++) {
		for (k = 0; k < g[i].nblocks; k++)
			free(g[i].blocks[k]);
		free(g[i].blocks);
		free(g[i].kinds);
		free(g[i].chars);
		free(g[i].body);
	}
	free(g);
	for (i = 0; i < p->narticles; i++)
		free(tbodies[i]);
	free(tbodies);
	edition_free(ed);
}

/* a / b as a percentage; 100 when there is nothing to count. */
static double
pct(int a, int b)
{
	return b == 0 ? 100.0 : 100.0 * a / b;
}

/* Print one row of the accuracy table. */
static void
print_row(const char *name, const struct tally *t)
{
	printf("  %-20s %5d %7.1f %7.1f %7.1f %7.1f\n", name, t->n,
	    pct(t->full, t->n), pct(t->body, t->n), pct(t->head, t->n),
	    pct(t->byline, t->n));
}

/* Rows for the LG_P_* page features, in bit order. */
static const char *const page_feature_names[4] = {
	"page: CRLF", "page: BOM", "page: header line", "page: form feeds"
};

/* Names of the failure patterns, in enum order. */
static const char *const pattern_names[PAT_COUNT] = {
	"article lost", "absorbed into another article",
	"took in another article's text",
	"split into several articles", "text differs (added/lost)",
	"paragraphs merged", "paragraph split", "paragraphs differ",
	"subheads wrong", "headline given to headline-less article",
	"headline not found", "wrong headline", "byline wrong"
};

/* Generate pages, load them, print the table and check the thresholds. */
static void
test_loader_accuracy(void **state)
{
	struct score	 s;
	struct lg_page	 p;
	const char	*env, *dump;
	double		 prec, rec, f1;
	int		 npages = tune.pages, first = 1, seed, f, k;
	int		 order[PAT_COUNT];
	char		*path;

	memset(&s, 0, sizeof s);
	for (k = 0; k < PAT_COUNT; k++)
		s.pat[k].name = pattern_names[k];
	if ((env = getenv("KANBAO_LAYOUT_PAGES")) != NULL && atoi(env) > 0)
		npages = atoi(env);
	if ((env = getenv("KANBAO_LAYOUT_FIRST")) != NULL && atoi(env) > 0)
		first = atoi(env);
	dump = getenv("KANBAO_LAYOUT_DUMP");
	if (dump != NULL && *dump == '\0')
		dump = NULL;
	if (dump != NULL) {
		path = xasprintf("%s/failures.txt", dump);
		s.failures = fopen(path, "w");
		free(path);
	}
	for (seed = first; seed < first + npages; seed++) {
		lg_generate(*state, (uint64_t)seed, NULL, &p);
		score_page(&s, &p, dump);
		lg_page_free(&p);
	}
	if (s.failures != NULL)
		fclose(s.failures);

	prec = pct(s.bound_hit, s.bound_got);
	rec = pct(s.bound_hit, s.bound_truth);
	f1 = prec + rec > 0 ? 2 * prec * rec / (prec + rec) : 0;
	printf("\nload_text() on %d generated pages, %d articles\n",
	    s.pages, s.all.n);
	printf("  %-20s %5s %7s %7s %7s %7s\n", "articles", "n", "full%",
	    "body%", "head%", "byline%");
	print_row("all", &s.all);
	for (f = 0; f < LG_F_COUNT; f++)
		print_row(lg_feature_names[f], &s.feature[f]);
	for (f = 0; f < 4; f++)
		print_row(page_feature_names[f], &s.page_feature[f]);
	printf("  paragraph boundaries: precision %.1f%% recall %.1f%% "
	    "F1 %.1f%% (%d expected, %d found)\n", prec, rec, f1,
	    s.bound_truth, s.bound_got);
	printf("  subheads right: %.1f%% of %d articles with subheads\n",
	    pct(s.sub_right, s.sub_n), s.sub_n);
	printf("  article count right: %.1f%% of pages; pages entirely "
	    "right: %.1f%%\n", pct(s.pages_count_right, s.pages),
	    pct(s.pages_right, s.pages));
	printf("  section count right: %.1f%% of pages; page header as "
	    "section title: %.1f%% of %d\n", pct(s.sections_right, s.pages),
	    pct(s.titles_right, s.titles_n), s.titles_n);

	/* Failure patterns, most common first. */
	for (k = 0; k < PAT_COUNT; k++)
		order[k] = k;
	for (k = 1; k < PAT_COUNT; k++)
		for (f = k; f > 0 &&
		    s.pat[order[f]].count > s.pat[order[f - 1]].count; f--) {
			int tmp = order[f];

			order[f] = order[f - 1];
			order[f - 1] = tmp;
		}
	printf("  failure patterns (first example: seed/article):\n");
	for (k = 0; k < PAT_COUNT; k++) {
		struct pattern *x = &s.pat[order[k]];

		if (x->count == 0)
			continue;
		printf("  %5d  %-40s seed %llu article %zu: %s\n", x->count,
		    x->name, (unsigned long long)x->seed, x->article,
		    x->detail != NULL ? x->detail : "");
	}
	for (k = 0; k < PAT_COUNT; k++)
		free(s.pat[k].detail);
	fflush(stdout);

	if (pct(s.all.full, s.all.n) < tune.min_fully_right)
		fail_msg("articles fully right %.1f%% < %.1f%%",
		    pct(s.all.full, s.all.n), tune.min_fully_right);
	if (f1 < tune.min_boundary_f1)
		fail_msg("paragraph boundary F1 %.1f%% < %.1f%%", f1,
		    tune.min_boundary_f1);
	if (pct(s.all.head, s.all.n) < tune.min_headline)
		fail_msg("headlines right %.1f%% < %.1f%%",
		    pct(s.all.head, s.all.n), tune.min_headline);
	if (pct(s.all.byline, s.all.n) < tune.min_byline)
		fail_msg("bylines right %.1f%% < %.1f%%",
		    pct(s.all.byline, s.all.n), tune.min_byline);
	if (pct(s.pages_count_right, s.pages) < tune.min_count)
		fail_msg("article count right on %.1f%% of pages < %.1f%%",
		    pct(s.pages_count_right, s.pages), tune.min_count);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_corpus_shape),
		cmocka_unit_test(test_seed_determinism),
		cmocka_unit_test(test_line_width),
		cmocka_unit_test(test_line_breaking_rules),
		cmocka_unit_test(test_column_breaks),
		cmocka_unit_test(test_text_is_truth),
		cmocka_unit_test(test_crlf_bom),
		cmocka_unit_test(test_features_occur),
		cmocka_unit_test(test_loader_accuracy),
	};

	return cmocka_run_group_tests(tests, setup_corpus, teardown_corpus);
}
