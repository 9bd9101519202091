/*
 * accuracy_pages.c - synthetic pdftotext pages for measuring the raw-text
 * loader.
 *
 * A page is made in three steps.  First a handful of corpus articles is
 * picked and shuffled, and each headline gets a position (before its body,
 * after it, after the next body, before the previous article, or nowhere).
 * Then every item is set: a body flows through a column of W cells (CJK 2,
 * ASCII 1) whose first paragraph line is 2 cells short (the indent is not
 * printed), lines are broken with clreq push-down (a line never starts with
 * ，。、 or a closing mark and never ends with an opening one) or, now and
 * then, by squeezing the punctuation in, and a blank line is printed every
 * K lines where the column ends, wherever that falls.  Last, the printed
 * lines get what pdftotext adds: letter spacing on justified lines, spaces
 * around digits and Latin, spaces before punctuation, CRLF, a BOM, page
 * headers and form feeds.  Everything random comes from one xorshift64*
 * stream seeded by the caller, so a seed names a page.
 *
 * The numbers below are taken from the one real page we have
 * (samples/000_...txt): paragraphs end with a blank line almost always,
 * columns are 12 to 40 characters wide, column breaks come every 8 to 30
 * lines, justified and spaced lines are a minority.
 */
#include "config.h"

#include <sys/types.h>

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "text.h"
#include "xalloc.h"

#include "accuracy_pages.h"

/*
 * The heuristic numbers of the generator, all percentages or sizes.  Each
 * one says how often or how much of a layout feature a page gets.
 */
static const struct {
	int	min_cols, max_cols;	/* column width in CJK characters */
	int	narrow_cols, wide_cols;	/* LG_F_NARROW / LG_F_WIDE limits */
	int	min_k, max_k;		/* lines between column breaks */
	int	pct_width_change;	/* new width at a column break */
	int	pct_width_jump;		/* new width mid-column, per line */
	int	max_jump;		/* ... by at most this many chars */
	int	pct_squeeze;		/* squeeze punctuation, not push */
	int	pct_justify_pushed;	/* letter-space a pushed (short) line */
	int	pct_justify_any;	/* letter-space any other full line */
	int	pct_justify_partial;	/* letter-space only the first part */
	int	pct_latin_spaces;	/* article spaces digits and Latin */
	int	pct_latin_each;		/* ... at each CJK/Latin seam */
	int	pct_punct_spaces;	/* article spaces before punctuation */
	int	pct_punct_each;		/* ... at each punctuation mark */
	int	pct_para_noblank;	/* paragraph end without a blank line */
	int	pct_subhead_blank;	/* blank line after a subhead */
	int	pct_head_after;		/* headline after its own body */
	int	pct_head_after_next;	/* headline after the next body */
	int	pct_head_before_prev;	/* headline before the previous one */
	int	pct_head_missing;	/* no headline printed */
	int	pct_head_blank;		/* blank between headline and body */
	int	pct_head_one_line;	/* two headline lines on one line */
	int	pct_head_gap;		/* blank line between headline lines */
	int	pct_head_lead_space;	/* a stray space before the headline */
	int	pct_bare_space;		/* space after a bare dateline */
	int	pct_split_byline;	/* first line cuts the byline */
	int	pct_split_column;	/* ... and break the column there */
	int	pct_double_blank;	/* two blank lines between articles */
	int	pct_crlf, pct_bom, pct_header, pct_multi, pct_final_ff;
	int	min_articles, max_articles;	/* articles per page */
} lg_tune = {
	.min_cols = 12, .max_cols = 40,
	.narrow_cols = 14, .wide_cols = 30,
	.min_k = 8, .max_k = 30,
	.pct_width_change = 25,
	.pct_width_jump = 1, .max_jump = 4,
	.pct_squeeze = 40,
	.pct_justify_pushed = 35,
	.pct_justify_any = 2,
	.pct_justify_partial = 30,
	.pct_latin_spaces = 50, .pct_latin_each = 60,
	.pct_punct_spaces = 30, .pct_punct_each = 8,
	/* One paragraph end in 58 on the real page; a few more to test. */
	.pct_para_noblank = 6,
	.pct_subhead_blank = 20,
	.pct_head_after = 10, .pct_head_after_next = 5,
	.pct_head_before_prev = 5, .pct_head_missing = 6,
	.pct_head_blank = 40,
	.pct_head_one_line = 25,
	.pct_head_gap = 12,
	.pct_head_lead_space = 10,
	.pct_bare_space = 50,
	.pct_split_byline = 20, .pct_split_column = 50,
	.pct_double_blank = 10,
	.pct_crlf = 10, .pct_bom = 10, .pct_header = 30, .pct_multi = 15,
	.pct_final_ff = 30,
	.min_articles = 3, .max_articles = 7
};

/* Short names of the LG_F_* features, in bit order. */
const char *const lg_feature_names[LG_F_COUNT] = {
	"head after body", "head displaced", "head missing",
	"para ends at edge", "narrow <=14", "wide >=30", "justified",
	"split byline", "no dateline", "subheads", "para end no blank",
	"width change", "head on one line", "head gap"
};

/* Page headers printed above a page: 版次 and 版名. */
static const char *const lg_headers[] = {
	"第05版：经开区新闻", "第02版：要闻", "A03 城事", "第12版：综合新闻",
	"2024年12月24日 星期二 第07版 民生"
};

/* ------------------------------------------------------------------ */
/* PRNG */

/* Seed with splitmix64 so that nearby seeds give unrelated streams. */
void
lg_rng_seed(struct lg_rng *r, uint64_t seed)
{
	uint64_t z = seed + 0x9e3779b97f4a7c15ULL;

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	z ^= z >> 31;
	r->s = z != 0 ? z : 0x2545f4914f6cdd1dULL;	/* xorshift dies at 0 */
}

/* xorshift64* step. */
uint64_t
lg_rng_next(struct lg_rng *r)
{
	r->s ^= r->s >> 12;
	r->s ^= r->s << 25;
	r->s ^= r->s >> 27;
	return r->s * 0x2545f4914f6cdd1dULL;
}

/* Uniform integer in [lo, hi]; the modulo bias is irrelevant here. */
int
lg_rng_range(struct lg_rng *r, int lo, int hi)
{
	if (hi <= lo)
		return lo;
	return lo + (int)((lg_rng_next(r) >> 11) % (uint64_t)(hi - lo + 1));
}

/* True with probability percent / 100. */
bool
lg_rng_chance(struct lg_rng *r, int percent)
{
	return lg_rng_range(r, 0, 99) < percent;
}

/* ------------------------------------------------------------------ */
/* Corpus */

/* Print width of s: ASCII 1 cell, anything else 2. */
int
lg_cells(const char *s, size_t len)
{
	size_t	 i = 0;
	uint32_t cp;
	int	 n = 0;

	while (i < len) {
		i += utf8_decode(s + i, len - i, &cp);
		n += cp < 0x80 ? 1 : 2;
	}
	return n;
}

/* Append a string to a growing array of strings. */
static void
lg_push_str(char ***v, size_t *n, const char *s)
{
	*v = xreallocarray(*v, *n + 1, sizeof **v);
	(*v)[(*n)++] = xstrdup(s);
}

/* Append a block to a growing array of blocks (text copied). */
static void
lg_push_block(struct lg_block **v, size_t *n, enum lg_kind kind,
    const char *text)
{
	*v = xreallocarray(*v, *n + 1, sizeof **v);
	(*v)[*n].kind = kind;
	(*v)[*n].text = xstrdup(text);
	(*n)++;
}

/* Parse one .art file into a; returns 0 or -1 with *cause. */
static int
lg_article_read(struct lg_article *a, const char *path, char **cause)
{
	FILE	*f;
	char	 line[4096], *val;
	unsigned lineno = 0;
	size_t	 n;

	if ((f = fopen(path, "r")) == NULL) {
		*cause = xasprintf("%s: %s", path, strerror(errno));
		return -1;
	}
	while (fgets(line, sizeof line, f) != NULL) {
		lineno++;
		n = strcspn(line, "\r\n");
		line[n] = '\0';
		if (n == 0 || line[0] == '#')
			continue;
		if ((val = strchr(line, ' ')) == NULL) {
			*cause = xasprintf("%s:%u: no value", path, lineno);
			fclose(f);
			return -1;
		}
		*val++ = '\0';
		if (strcmp(line, "h") == 0)
			lg_push_str(&a->headlines, &a->nheadlines, val);
		else if (strcmp(line, "dateline") == 0 && a->dateline == NULL)
			a->dateline = xstrdup(val);
		else if (strcmp(line, "byline") == 0 && a->byline == NULL)
			a->byline = xstrdup(val);
		else if (strcmp(line, "p") == 0)
			lg_push_block(&a->blocks, &a->nblocks, LG_PARA, val);
		else if (strcmp(line, "s") == 0)
			lg_push_block(&a->blocks, &a->nblocks, LG_SUBHEAD, val);
		else {
			*cause = xasprintf("%s:%u: unknown key %s", path,
			    lineno, line);
			fclose(f);
			return -1;
		}
	}
	fclose(f);
	if (a->nblocks == 0 || a->blocks[0].kind != LG_PARA) {
		*cause = xasprintf("%s: must start with a paragraph", path);
		return -1;
	}
	return 0;
}

/* qsort comparator for file names. */
static int
lg_cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Read every .art file of dir. */
int
lg_corpus_load(struct lg_corpus *c, const char *dir, char **cause)
{
	DIR		*d;
	struct dirent	*de;
	char		**names = NULL, *path;
	size_t		 nnames = 0, i, len;
	int		 rc = 0;

	memset(c, 0, sizeof *c);
	if ((d = opendir(dir)) == NULL) {
		*cause = xasprintf("%s: %s", dir, strerror(errno));
		return -1;
	}
	while ((de = readdir(d)) != NULL) {
		len = strlen(de->d_name);
		if (len > 4 && strcmp(de->d_name + len - 4, ".art") == 0)
			lg_push_str(&names, &nnames, de->d_name);
	}
	closedir(d);
	/* readdir order differs between file systems: sort for determinism. */
	if (nnames > 0)
		qsort(names, nnames, sizeof *names, lg_cmp_names);
	c->articles = xcalloc(nnames > 0 ? nnames : 1, sizeof *c->articles);
	for (i = 0; i < nnames; i++) {
		path = xasprintf("%s/%s", dir, names[i]);
		c->articles[i].name = names[i];
		names[i] = NULL;
		c->narticles++;
		rc = lg_article_read(&c->articles[i], path, cause);
		free(path);
		if (rc != 0)
			break;
	}
	for (i = 0; i < nnames; i++)
		free(names[i]);
	free(names);
	if (rc == 0 && c->narticles == 0) {
		*cause = xasprintf("%s: no .art files", dir);
		rc = -1;
	}
	if (rc != 0)
		lg_corpus_free(c);
	return rc;
}

/* Free the blocks of an array. */
static void
lg_blocks_free(struct lg_block *b, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(b[i].text);
	free(b);
}

/* Free a corpus. */
void
lg_corpus_free(struct lg_corpus *c)
{
	struct lg_article	*a;
	size_t			 i, j;

	for (i = 0; i < c->narticles; i++) {
		a = &c->articles[i];
		free(a->name);
		for (j = 0; j < a->nheadlines; j++)
			free(a->headlines[j]);
		free(a->headlines);
		free(a->dateline);
		free(a->byline);
		lg_blocks_free(a->blocks, a->nblocks);
	}
	free(c->articles);
	memset(c, 0, sizeof *c);
}

/* ------------------------------------------------------------------ */
/* Units: what line breaking works on */

#define U_SPACE		0x01	/* a space: break here, never at an edge */
#define U_LATIN		0x02	/* a run of ASCII letters, digits and signs */
#define U_NOSTART	0x04	/* may not start a line (clreq) */
#define U_NOEND		0x08	/* may not end a line */
#define U_PUNCT		0x10	/* CJK punctuation */

/* One unbreakable piece of text. */
struct lg_unit {
	size_t		off, len;	/* bytes in the source string */
	int		cells;
	unsigned	flags;
};

/* The units of one paragraph. */
struct lg_units {
	const char	*s;
	struct lg_unit	*u;
	size_t		 n;
};

/*
 * Characters that may not start a line: the clreq list of closing marks,
 * pause and stop marks, plus the signs that stick to a number before them.
 */
static bool
lg_no_start(uint32_t cp)
{
	static const uint32_t set[] = {
		0xff0c, 0x3002, 0x3001, 0xff1b, 0xff1a, 0xff1f, 0xff01,
		0xff09, 0x201d, 0x300b, 0x2019, 0x300d, 0x300f, 0x3011,
		0x2026, 0x2014, 0x2103, 0xff05, 0xff5e
	};
	size_t i;

	for (i = 0; i < sizeof set / sizeof set[0]; i++)
		if (set[i] == cp)
			return true;
	return text_is_closing(cp);
}

/* Split s into units: CJK characters, Latin runs, spaces, ……/—— pairs. */
static void
lg_units_make(struct lg_units *us, const char *s)
{
	size_t	 len = strlen(s), i = 0, n, n2;
	uint32_t cp, cp2;
	struct lg_unit *u;

	us->s = s;
	us->u = xcalloc(len + 1, sizeof *us->u);
	us->n = 0;
	while (i < len) {
		n = utf8_decode(s + i, len - i, &cp);
		u = &us->u[us->n];
		u->off = i;
		if (cp == ' ') {
			while (i < len && s[i] == ' ')
				i++;
			u->len = i - u->off;
			u->cells = 1;
			u->flags = U_SPACE;
			us->n++;
			continue;
		}
		if (cp < 0x80) {
			while (i < len && (unsigned char)s[i] < 0x80 &&
			    s[i] != ' ')
				i++;
			u->len = i - u->off;
			u->cells = (int)u->len;
			u->flags = U_LATIN;
			us->n++;
			continue;
		}
		u->len = n;
		u->cells = 2;
		/* ……and —— are one mark of two characters: never split. */
		if ((cp == 0x2026 || cp == 0x2014) && i + n < len) {
			n2 = utf8_decode(s + i + n, len - i - n, &cp2);
			if (cp2 == cp) {
				u->len += n2;
				u->cells = 4;
			}
		}
		if (lg_no_start(cp))
			u->flags |= U_NOSTART;
		if (text_is_opening(cp))
			u->flags |= U_NOEND;
		if (text_is_cjk_punct(cp))
			u->flags |= U_PUNCT;
		i += u->len;
		us->n++;
	}
}

/*
 * Find the end of the line that starts at unit start in a column of cap
 * cells: fill greedily, then apply the line-start and line-end rules by
 * pushing characters down (the line gets shorter) or, when squeeze is
 * allowed and the dice say so, by pulling one punctuation mark in (the
 * printed line is then one mark wider than the column).  Sets LG_LF_*
 * flags and the printed width.
 */
static size_t
lg_break(const struct lg_units *us, size_t start, int cap, bool squeeze,
    struct lg_rng *r, unsigned *flags, int *cells)
{
	const struct lg_unit *u = us->u;
	size_t	i = start, j;
	int	w = 0;

	while (i < us->n && w + u[i].cells <= cap)
		w += u[i++].cells;
	if (i == us->n)
		goto done;
	if (i == start) {
		/* One unit wider than the column: it overflows. */
		i++;
		goto done;
	}
	if (u[i].flags & U_SPACE)
		goto done;
	/* Only punctuation has white space to squeeze: ℃ does not. */
	if ((u[i].flags & U_NOSTART) && (u[i].flags & U_PUNCT) && squeeze &&
	    u[i].cells == 2 &&
	    (i + 1 == us->n || !(u[i + 1].flags & U_NOSTART)) &&
	    lg_rng_chance(r, lg_tune.pct_squeeze)) {
		*flags |= LG_LF_SQUEEZED;
		i++;
		goto done;
	}
	j = i;
	while (j > start + 1 && ((u[j].flags & U_NOSTART) ||
	    (u[j - 1].flags & U_NOEND)))
		j--;
	if (j != i && !(u[j].flags & U_NOSTART) &&
	    !(u[j - 1].flags & U_NOEND)) {
		*flags |= LG_LF_PUSHED;
		i = j;
	}
done:
	/* Printed width: trailing spaces do not show. */
	j = i;
	while (j > start && (u[j - 1].flags & U_SPACE))
		j--;
	for (w = 0; start < j; start++)
		w += u[start].cells;
	*cells = w;
	return i;
}

/* ------------------------------------------------------------------ */
/* The page being made */

/* One article in print order, with its layout decisions. */
struct lg_item_article {
	const struct lg_article	*src;
	int			 head_pos;	/* HEAD_* below */
	int			 truth;		/* index into page articles */
};

/* Where a headline goes (sort keys inside an article's range of 100). */
#define HEAD_BEFORE	40
#define HEAD_AFTER	60
#define HEAD_AFTER_NEXT	170	/* after the next article's body (150) */
#define HEAD_BEFORE_PREV (-90)	/* before the previous article (-100+40) */
#define HEAD_NONE	0
#define BODY_KEY	50

/* A headline or body to print, sorted by key. */
struct lg_item {
	int	key;
	int	article;	/* index into the page's print-order articles */
	bool	body;
};

/* The state of the generator while it makes one page. */
struct lg_gen {
	struct lg_rng		 r;
	const struct lg_options	*o;
	const struct lg_corpus	*c;
	struct lg_page		*p;
	struct buf		 out;
	int			 cap;		/* column width, cells */
	int			 col_left;	/* lines left in the column */
	bool			 latin_spaces;	/* this article spaces Latin */
	bool			 punct_spaces;	/* ... and punctuation */
	bool			 last_blank;	/* the last line was blank */
};

/* Record a line: append text and its description. */
static void
lg_emit(struct lg_gen *g, const char *s, size_t len, enum lg_line_kind kind,
    int article, int cap, int cells, unsigned flags)
{
	struct lg_page	*p = g->p;
	struct lg_line	*l;

	p->lines = xreallocarray(p->lines, p->nlines + 1, sizeof *p->lines);
	l = &p->lines[p->nlines++];
	l->kind = kind;
	l->article = article;
	l->cap = cap;
	l->width = cap == 0 ? 0 : g->cap;
	l->cells = cells;
	l->flags = flags;
	l->off = g->out.len;
	l->len = len;
	buf_append(&g->out, s, len);
	buf_putc(&g->out, '\n');
	g->last_blank = len == 0;
}

/* Print a blank line unless the last line was blank already. */
static void
lg_blank(struct lg_gen *g, enum lg_line_kind kind, int article)
{
	if (!g->last_blank)
		lg_emit(g, "", 0, kind, article, 0, 0, 0);
}

/* Pick a column width in cells: mostly 15-29 characters, some extremes. */
static int
lg_pick_width(struct lg_gen *g)
{
	int pick = lg_rng_range(&g->r, 0, 99), cols;

	if (pick < 20)
		cols = lg_rng_range(&g->r, lg_tune.min_cols,
		    lg_tune.narrow_cols);
	else if (pick < 80)
		cols = lg_rng_range(&g->r, lg_tune.narrow_cols + 1,
		    lg_tune.wide_cols - 1);
	else
		cols = lg_rng_range(&g->r, lg_tune.wide_cols, lg_tune.max_cols);
	return 2 * cols;
}

/* Mark width features of the current column on an article. */
static void
lg_width_features(struct lg_gen *g, struct lg_truth *t)
{
	if (g->cap <= 2 * lg_tune.narrow_cols)
		t->features |= LG_F_NARROW;
	if (g->cap >= 2 * lg_tune.wide_cols)
		t->features |= LG_F_WIDE;
}

/* Between units a and b, does pdftotext show a space? */
static bool
lg_space_between(struct lg_gen *g, const struct lg_unit *a,
    const struct lg_unit *b, bool justify)
{
	if ((a->flags | b->flags) & U_SPACE)
		return false;
	if (justify)
		return !(a->flags & U_PUNCT);
	if (g->latin_spaces && ((a->flags ^ b->flags) & U_LATIN) &&
	    !((a->flags | b->flags) & U_PUNCT))
		return lg_rng_chance(&g->r, lg_tune.pct_latin_each);
	if (g->punct_spaces && (b->flags & U_PUNCT) && (b->flags & U_NOSTART) &&
	    !(a->flags & U_PUNCT))
		return lg_rng_chance(&g->r, lg_tune.pct_punct_each);
	return false;
}

/*
 * Print units [start, end) as one line, adding the spaces pdftotext
 * shows: letter spacing when justify, else spaces at Latin seams and
 * before punctuation when this article has them.
 */
static void
lg_print_units(struct lg_gen *g, const struct lg_units *us, size_t start,
    size_t end, bool justify, enum lg_line_kind kind, int article, int cap,
    int cells, unsigned flags)
{
	struct buf	line = BUF_INIT;
	size_t		i, jend;

	while (start < end && (us->u[start].flags & U_SPACE))
		start++;
	while (end > start && (us->u[end - 1].flags & U_SPACE))
		end--;
	/* Partly justified lines: pdftotext splits the line into words. */
	jend = end;
	if (justify && end - start > 4 &&
	    lg_rng_chance(&g->r, lg_tune.pct_justify_partial))
		jend = start + (size_t)lg_rng_range(&g->r, 2,
		    (int)(end - start) - 2);
	for (i = start; i < end; i++) {
		if (us->u[i].flags & U_SPACE)
			buf_putc(&line, ' ');
		else
			buf_append(&line, us->s + us->u[i].off, us->u[i].len);
		if (i + 1 < end && !g->o->plain &&
		    lg_space_between(g, &us->u[i], &us->u[i + 1],
		    justify && i + 1 < jend)) {
			buf_putc(&line, ' ');
			flags |= justify ? LG_LF_JUSTIFY : LG_LF_SPACED;
		}
	}
	lg_emit(g, buf_str(&line), line.len, kind, article, cap, cells, flags);
	buf_free(&line);
}

/*
 * Before a body line: end the column when it is full (a blank line, maybe
 * a new width), or rarely change the width mid-column.
 */
static void
lg_column_step(struct lg_gen *g, struct lg_truth *t, int article)
{
	int old = g->cap;

	if (g->col_left <= 0) {
		/* A column that ends with its paragraph: a paragraph blank. */
		lg_blank(g, g->p->nlines > 0 && (g->p->lines[g->p->nlines -
		    1].flags & LG_LF_LAST) ? LG_L_BLANK_PARA :
		    LG_L_BLANK_COLUMN, article);
		g->col_left = lg_rng_range(&g->r, lg_tune.min_k, lg_tune.max_k);
		if (lg_rng_chance(&g->r, lg_tune.pct_width_change))
			g->cap = lg_pick_width(g);
	} else if (lg_rng_chance(&g->r, lg_tune.pct_width_jump)) {
		/* Under a picture a column narrows or widens a little. */
		g->cap += 2 * (lg_rng_chance(&g->r, 50) ? 1 : -1) *
		    lg_rng_range(&g->r, 1, lg_tune.max_jump);
		if (g->cap < 2 * lg_tune.min_cols)
			g->cap = 2 * lg_tune.min_cols;
		if (g->cap > 2 * lg_tune.max_cols)
			g->cap = 2 * lg_tune.max_cols;
	}
	if (g->cap != old) {
		t->features |= LG_F_WIDTH_CHANGE;
		lg_width_features(g, t);
	}
	g->col_left--;
}

/*
 * Set one paragraph (or subhead, which is not indented) in the running
 * column.  Returns true when its last line is full to the column edge.
 */
static bool
lg_set_block(struct lg_gen *g, struct lg_truth *t, int article,
    const char *text, bool subhead)
{
	struct lg_units	 us;
	size_t		 i = 0, end;
	unsigned	 flags;
	int		 cap, cells;
	bool		 justify, full = false;

	lg_units_make(&us, text);
	while (i < us.n && (us.u[i].flags & U_SPACE))
		i++;
	while (i < us.n) {
		lg_column_step(g, t, article);
		flags = i == 0 && !subhead ? LG_LF_FIRST : 0;
		/* A first line's 2-character indent is not printed. */
		cap = g->cap - ((flags & LG_LF_FIRST) ? 4 : 0);
		end = lg_break(&us, i, cap, !g->o->plain && !subhead, &g->r,
		    &flags, &cells);
		if (end == us.n)
			flags |= LG_LF_LAST;
		justify = false;
		if (!g->o->plain && !(flags & LG_LF_LAST) && !subhead) {
			if (flags & LG_LF_PUSHED)
				justify = lg_rng_chance(&g->r,
				    lg_tune.pct_justify_pushed);
			else
				justify = lg_rng_chance(&g->r,
				    lg_tune.pct_justify_any);
		}
		if (justify)
			t->features |= LG_F_JUSTIFY;
		lg_print_units(g, &us, i, end, justify,
		    subhead ? LG_L_SUBHEAD : LG_L_BODY, article, cap, cells,
		    flags);
		if (flags & LG_LF_LAST)
			full = cells + 2 > cap;
		i = end;
		while (i < us.n && (us.u[i].flags & U_SPACE))
			i++;
	}
	free(us.u);
	return full;
}

/*
 * Choose the first column width so that the first line ends inside the
 * byline ("本报讯（记者 王译博 通讯" / "员 周永凯）"), as narrow columns
 * often do.  Returns the width in cells, or 0 when no cut fits.
 */
static int
lg_split_width(struct lg_gen *g, const struct lg_article *a)
{
	size_t	 len = strlen(a->byline), cut;
	int	 cells, base, tries;

	base = 4 + lg_cells(a->dateline, strlen(a->dateline)) + 2;
	for (tries = 0; tries < 8; tries++) {
		cut = (size_t)lg_rng_range(&g->r, 1, (int)len - 1);
		while (cut > 0 && (a->byline[cut] & 0xc0) == 0x80)
			cut--;
		if (cut == 0 || a->byline[cut - 1] == ' ')
			continue;
		cells = base + lg_cells(a->byline, cut);
		if (cells >= 2 * lg_tune.min_cols &&
		    cells <= 2 * lg_tune.max_cols)
			return cells;
	}
	return 0;
}

/* Count the bytes of s[0..len) that are not spaces. */
static size_t
lg_nonspace(const char *s, size_t len)
{
	size_t i, n = 0;

	for (i = 0; i < len; i++)
		if (s[i] != ' ')
			n++;
	return n;
}

/* Set an article's body: paragraphs, subheads, column breaks. */
static void
lg_set_body(struct lg_gen *g, int article)
{
	struct lg_truth		*t = &g->p->articles[article];
	const struct lg_article	*a = &g->c->articles[t->corpus];
	const struct lg_line	*l;
	struct buf		 first = BUF_INIT, text = BUF_INIT;
	size_t			 i, prefix = 0;
	int			 w;
	bool			 full, last;

	g->latin_spaces = !g->o->plain &&
	    lg_rng_chance(&g->r, lg_tune.pct_latin_spaces);
	g->punct_spaces = !g->o->plain &&
	    lg_rng_chance(&g->r, lg_tune.pct_punct_spaces);
	g->cap = lg_pick_width(g);
	/* The column may have begun above, with another article. */
	g->col_left = lg_rng_range(&g->r, 1,
	    lg_rng_range(&g->r, lg_tune.min_k, lg_tune.max_k));
	if (a->dateline != NULL) {
		buf_puts(&first, a->dateline);
		if (a->byline != NULL)
			buf_printf(&first, "（%s）", a->byline);
		else if (lg_rng_chance(&g->r, lg_tune.pct_bare_space))
			buf_putc(&first, ' ');
		prefix = lg_nonspace(buf_str(&first), first.len);
		if (a->byline != NULL &&
		    lg_rng_chance(&g->r, lg_tune.pct_split_byline) &&
		    (w = lg_split_width(g, a)) != 0) {
			g->cap = w;
			if (lg_rng_chance(&g->r, lg_tune.pct_split_column))
				g->col_left = 1;
		}
	} else
		t->features |= LG_F_NO_DATELINE;
	lg_width_features(g, t);
	t->first_line = (unsigned)g->p->nlines + 1;

	for (i = 0; i < a->nblocks; i++) {
		buf_clear(&text);
		if (i == 0)
			buf_puts(&text, buf_str(&first));
		buf_puts(&text, a->blocks[i].text);
		lg_push_block(&t->blocks, &t->nblocks, a->blocks[i].kind,
		    buf_str(&text));
		last = i + 1 == a->nblocks;
		if (a->blocks[i].kind == LG_SUBHEAD) {
			t->features |= LG_F_SUBHEAD;
			lg_set_block(g, t, article, buf_str(&text), true);
			if (lg_rng_chance(&g->r, lg_tune.pct_subhead_blank))
				lg_blank(g, LG_L_BLANK_PARA, article);
			continue;
		}
		full = lg_set_block(g, t, article, buf_str(&text), false);
		if (i == 0 && prefix != 0) {
			l = &g->p->lines[t->first_line - 1];
			if (lg_nonspace(g->out.data + l->off, l->len) < prefix)
				t->features |= LG_F_SPLIT_BYLINE;
		}
		if (last)
			break;
		if (full && a->blocks[i + 1].kind == LG_PARA)
			t->features |= LG_F_EDGE_END;
		if (lg_rng_chance(&g->r, lg_tune.pct_para_noblank))
			t->features |= LG_F_NOBLANK_PARA;
		else
			lg_blank(g, LG_L_BLANK_PARA, article);
	}
	buf_free(&first);
	buf_free(&text);
}

/* Print an article's headline lines. */
static void
lg_set_headline(struct lg_gen *g, int article)
{
	struct lg_truth	*t = &g->p->articles[article];
	struct buf	 line = BUF_INIT;
	size_t		 i;

	if (t->nheadlines == 2 &&
	    lg_rng_chance(&g->r, lg_tune.pct_head_one_line)) {
		buf_printf(&line, "%s %s", t->headlines[0], t->headlines[1]);
		t->features |= LG_F_HEAD_ONE_LINE;
		lg_emit(g, buf_str(&line), line.len, LG_L_HEADLINE, article, 0,
		    lg_cells(buf_str(&line), line.len), 0);
		buf_free(&line);
		return;
	}
	for (i = 0; i < t->nheadlines; i++) {
		buf_clear(&line);
		if (i > 0 && lg_rng_chance(&g->r, lg_tune.pct_head_gap)) {
			lg_blank(g, LG_L_BLANK_ITEM, article);
			t->features |= LG_F_HEAD_GAP;
		}
		/* pdftotext sometimes starts a big-type line with a space. */
		if (lg_rng_chance(&g->r, lg_tune.pct_head_lead_space))
			buf_putc(&line, ' ');
		buf_puts(&line, t->headlines[i]);
		lg_emit(g, buf_str(&line), line.len, LG_L_HEADLINE, article, 0,
		    lg_cells(t->headlines[i], strlen(t->headlines[i])), 0);
	}
	buf_free(&line);
}

/* Choose where an article's headline goes (i of n on its page). */
static int
lg_pick_head_pos(struct lg_gen *g, const struct lg_article *a, size_t i,
    size_t n)
{
	int x = lg_rng_range(&g->r, 0, 99);

	if (a->nheadlines == 0)
		return HEAD_NONE;
	/*
	 * An essay or notice has no dateline: only its title above it tells
	 * where it starts, and papers always print it there.
	 */
	if (a->dateline == NULL)
		return HEAD_BEFORE;
	if ((x -= lg_tune.pct_head_after) < 0)
		return HEAD_AFTER;
	if ((x -= lg_tune.pct_head_after_next) < 0)
		return i + 1 < n ? HEAD_AFTER_NEXT : HEAD_AFTER;
	if ((x -= lg_tune.pct_head_before_prev) < 0)
		return i > 0 ? HEAD_BEFORE_PREV : HEAD_BEFORE;
	if ((x -= lg_tune.pct_head_missing) < 0)
		return HEAD_NONE;
	return HEAD_BEFORE;
}

/* qsort comparator: items by key. */
static int
lg_cmp_items(const void *a, const void *b)
{
	const struct lg_item *x = a, *y = b;

	return (x->key > y->key) - (x->key < y->key);
}

/* Make one page of n articles starting at print index first. */
static void
lg_make_page(struct lg_gen *g, size_t page, size_t first, size_t n)
{
	struct lg_page	*p = g->p;
	struct lg_item	*items;
	struct lg_truth	*t;
	size_t		 i, nitems = 0;
	int		*pos;

	if (p->titles[page] != NULL) {
		lg_emit(g, p->titles[page], strlen(p->titles[page]),
		    LG_L_HEADER, -1, 0, 0, 0);
		lg_blank(g, LG_L_BLANK_ITEM, -1);
	}
	items = xcalloc(2 * n, sizeof *items);
	pos = xcalloc(n, sizeof *pos);
	for (i = 0; i < n; i++) {
		t = &p->articles[first + i];
		pos[i] = lg_pick_head_pos(g, &g->c->articles[t->corpus], i, n);
		switch (pos[i]) {
		case HEAD_AFTER:
			t->features |= LG_F_HEAD_AFTER;
			break;
		case HEAD_AFTER_NEXT:
		case HEAD_BEFORE_PREV:
			t->features |= LG_F_HEAD_DISPLACED;
			break;
		case HEAD_NONE:
			t->features |= LG_F_HEAD_MISSING;
			free(t->headlines);
			t->headlines = NULL;
			t->nheadlines = 0;
			break;
		}
		items[nitems].key = 100 * (int)i + BODY_KEY;
		items[nitems].article = (int)i;
		items[nitems++].body = true;
		if (pos[i] != HEAD_NONE) {
			items[nitems].key = 100 * (int)i + pos[i];
			items[nitems].article = (int)i;
			items[nitems++].body = false;
		}
	}
	qsort(items, nitems, sizeof *items, lg_cmp_items);
	for (i = 0; i < nitems; i++) {
		if (i > 0 && !(items[i].body && !items[i - 1].body &&
		    items[i - 1].article == items[i].article &&
		    !lg_rng_chance(&g->r, lg_tune.pct_head_blank))) {
			lg_blank(g, LG_L_BLANK_ITEM, -1);
			if (lg_rng_chance(&g->r, lg_tune.pct_double_blank))
				lg_emit(g, "", 0, LG_L_BLANK_ITEM, -1, 0, 0, 0);
		}
		if (items[i].body)
			lg_set_body(g, (int)first + items[i].article);
		else
			lg_set_headline(g, (int)first + items[i].article);
	}
	free(items);
	free(pos);
}

/* Resolve a -1/0/1 option with the dice. */
static bool
lg_option(struct lg_gen *g, int v, int pct)
{
	return v < 0 ? lg_rng_chance(&g->r, pct) : v != 0;
}

/* Fill o with the defaults. */
void
lg_options_default(struct lg_options *o)
{
	memset(o, 0, sizeof *o);
	o->crlf = o->bom = o->header = -1;
	o->min_articles = lg_tune.min_articles;
	o->max_articles = lg_tune.max_articles;
}

/* Generate a page. */
void
lg_generate(const struct lg_corpus *c, uint64_t seed,
    const struct lg_options *o, struct lg_page *p)
{
	struct lg_options	 dflt;
	struct lg_gen		 g;
	const struct lg_article	*a;
	struct lg_truth		*t;
	size_t			*order, i, j, tmp, used = 0, n, *count;
	size_t			 pg, k;
	bool			 crlf;
	struct buf		 b = BUF_INIT;

	if (o == NULL) {
		lg_options_default(&dflt);
		o = &dflt;
	}
	memset(p, 0, sizeof *p);
	memset(&g, 0, sizeof g);
	p->seed = seed;
	g.o = o;
	g.c = c;
	g.p = p;
	lg_rng_seed(&g.r, seed);

	p->npages = o->pages > 0 ? (size_t)o->pages :
	    lg_rng_chance(&g.r, lg_tune.pct_multi) ?
	    (size_t)lg_rng_range(&g.r, 2, 3) : 1;
	if (p->npages > c->narticles)
		p->npages = c->narticles;
	if (p->npages > 1)
		p->features |= LG_P_MULTI;
	crlf = lg_option(&g, o->crlf, lg_tune.pct_crlf);
	if (crlf)
		p->features |= LG_P_CRLF;
	if (lg_option(&g, o->bom, lg_tune.pct_bom))
		p->features |= LG_P_BOM;

	/* Shuffle the corpus (Fisher-Yates) and deal articles to pages. */
	order = xcalloc(c->narticles, sizeof *order);
	for (i = 0; i < c->narticles; i++)
		order[i] = i;
	for (i = c->narticles; i > 1; i--) {
		j = (size_t)lg_rng_range(&g.r, 0, (int)i - 1);
		tmp = order[i - 1];
		order[i - 1] = order[j];
		order[j] = tmp;
	}
	count = xcalloc(p->npages, sizeof *count);
	p->titles = xcalloc(p->npages, sizeof *p->titles);
	for (pg = 0; pg < p->npages; pg++) {
		n = (size_t)lg_rng_range(&g.r, o->min_articles,
		    o->max_articles);
		if (n > c->narticles - used - (p->npages - pg - 1))
			n = c->narticles - used - (p->npages - pg - 1);
		if (n == 0)
			n = 1;
		count[pg] = n;
		used += n;
		if (lg_option(&g, o->header, lg_tune.pct_header)) {
			p->features |= LG_P_HEADER;
			k = (size_t)lg_rng_range(&g.r, 0, (int)(sizeof
			    lg_headers / sizeof lg_headers[0]) - 1);
			p->titles[pg] = xstrdup(lg_headers[k]);
		}
	}
	p->narticles = used;
	p->articles = xcalloc(used, sizeof *p->articles);
	for (i = 0, pg = 0, k = 0; i < used; i++, k++) {
		if (k == count[pg]) {
			pg++;
			k = 0;
		}
		t = &p->articles[i];
		a = &c->articles[order[i]];
		t->corpus = order[i];
		t->name = a->name;
		t->page = pg;
		t->byline = a->byline;
		t->nheadlines = a->nheadlines;
		t->headlines = xcalloc(a->nheadlines + 1, sizeof *t->headlines);
		for (j = 0; j < a->nheadlines; j++)
			t->headlines[j] = a->headlines[j];
	}

	for (pg = 0, i = 0; pg < p->npages; i += count[pg], pg++) {
		if (pg > 0) {
			/* pdftotext ends every page with a form feed. */
			buf_putc(&g.out, '\f');
			g.last_blank = false;
		}
		lg_make_page(&g, pg, i, count[pg]);
	}
	/* The form feed glued to the first line of a page belongs to it. */
	for (k = 1; k < p->nlines; k++)
		if (p->lines[k].off > 0 && g.out.data[p->lines[k].off - 1] ==
		    '\f') {
			p->lines[k].off--;
			p->lines[k].len++;
		}
	if (lg_rng_chance(&g.r, lg_tune.pct_final_ff))
		buf_putc(&g.out, '\f');
	p->len = g.out.len;
	p->lf_text = buf_detach(&g.out);

	if (p->features & LG_P_BOM)
		buf_puts(&b, "\xef\xbb\xbf");
	for (i = 0; i < p->len; i++) {
		if (crlf && p->lf_text[i] == '\n')
			buf_putc(&b, '\r');
		buf_putc(&b, p->lf_text[i]);
	}
	p->len = b.len;
	p->text = buf_detach(&b);
	free(order);
	free(count);
}

/* Free a page. */
void
lg_page_free(struct lg_page *p)
{
	size_t i;

	for (i = 0; i < p->narticles; i++) {
		free(p->articles[i].headlines);
		lg_blocks_free(p->articles[i].blocks, p->articles[i].nblocks);
	}
	free(p->articles);
	for (i = 0; i < p->npages; i++)
		free(p->titles[i]);
	free(p->titles);
	free(p->lines);
	free(p->text);
	free(p->lf_text);
	memset(p, 0, sizeof *p);
}

/* The truth as text. */
char *
lg_truth_text(const struct lg_page *p)
{
	struct buf		 b = BUF_INIT;
	const struct lg_truth	*t;
	size_t			 i, j;
	int			 f;

	buf_printf(&b, "seed %llu pages %zu features%s%s%s%s\n",
	    (unsigned long long)p->seed, p->npages,
	    (p->features & LG_P_CRLF) ? " crlf" : "",
	    (p->features & LG_P_BOM) ? " bom" : "",
	    (p->features & LG_P_HEADER) ? " header" : "",
	    (p->features & LG_P_MULTI) ? " multi" : "");
	for (i = 0; i < p->npages; i++)
		if (p->titles[i] != NULL)
			buf_printf(&b, "title %zu %s\n", i + 1, p->titles[i]);
	for (i = 0; i < p->narticles; i++) {
		t = &p->articles[i];
		buf_printf(&b, "== article %zu (%s) page %zu line %u "
		    "features:", i + 1, t->name, t->page + 1, t->first_line);
		for (f = 0; f < LG_F_COUNT; f++)
			if (t->features & (1u << f))
				buf_printf(&b, " [%s]", lg_feature_names[f]);
		buf_putc(&b, '\n');
		for (j = 0; j < t->nheadlines; j++)
			buf_printf(&b, "headline %s\n", t->headlines[j]);
		if (t->byline != NULL)
			buf_printf(&b, "byline %s\n", t->byline);
		for (j = 0; j < t->nblocks; j++)
			buf_printf(&b, "%s %s\n",
			    t->blocks[j].kind == LG_SUBHEAD ? "s" : "p",
			    t->blocks[j].text);
	}
	return buf_detach(&b);
}

/* Write len bytes of s to path; 0 or -1 with *cause. */
static int
lg_write_file(const char *path, const char *s, size_t len, char **cause)
{
	FILE *f;

	if ((f = fopen(path, "wb")) == NULL ||
	    fwrite(s, 1, len, f) != len || fclose(f) != 0) {
		*cause = xasprintf("%s: %s", path, strerror(errno));
		return -1;
	}
	return 0;
}

/* Write a page and its truth to dir. */
int
lg_page_dump(const struct lg_page *p, const char *dir, char **cause)
{
	char	*path, *truth;
	int	 rc;

	path = xasprintf("%s/page-%llu.txt", dir, (unsigned long long)p->seed);
	rc = lg_write_file(path, p->text, p->len, cause);
	free(path);
	if (rc != 0)
		return rc;
	truth = lg_truth_text(p);
	path = xasprintf("%s/page-%llu.truth", dir,
	    (unsigned long long)p->seed);
	rc = lg_write_file(path, truth, strlen(truth), cause);
	free(path);
	free(truth);
	return rc;
}
