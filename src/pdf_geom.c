/*
 * pdf_geom.c - the geometric stage of the PDF front end: rebuilds the
 * lines of a page from its glyph boxes and puts them in reading order,
 * with what their size, weight and position say (pdf_geom.h).
 *
 * A printed page shows plainly what text extraction loses: headlines are
 * set large, captions small, a paragraph's first line is indented, and
 * articles sit in boxes of columns.  The stage works in passes:
 *
 *  1. Body size.  The font size most glyphs have (the mode, weighted by
 *     glyphs) is the body size; every other measure is in body ems.
 *
 *  2. Fragments.  Glyphs sorted by their left edge are chained into
 *     fragments: a glyph joins the open fragment whose last glyph shares
 *     most of its height and ends less than an em before it.  A wider gap
 *     is a column gutter, so a visual row splits there.
 *
 *  3. Vertical headlines.  A headline set vertically (one glyph per row)
 *     comes out as a stack of one-glyph fragments of one size at one x;
 *     a stack of three or more (two when set large) becomes one line.
 *
 *  4. Furniture.  Text above the first full-width gap near the top of the
 *     page (the page strip or the masthead) and below the last one near
 *     the bottom (editors' credits) is page furniture; it is read first
 *     and last, as the text loader expects its page headers.
 *
 *  5. Reading order.  A recursive XY cut: a set of fragments is split at
 *     a gap that runs across all of it, horizontal (between rows of
 *     boxes, under a headline) or vertical (between boxes, between the
 *     columns of a box), and the parts are read top to bottom or left to
 *     right.  The widest gap decides, because rows of boxes are further
 *     apart than boxes side by side, which are further apart than the
 *     columns inside a box; but a headline group with a gap under it is
 *     cut off first, so that a short headline over the middle one of
 *     three columns is read before the columns.  Gaps narrower than the
 *     spacing of lines (horizontal) or of glyphs (vertical) are no cuts.
 *     A part with no cut left is a leaf: one column of one box, whose
 *     fragments are read by rows, those of one row joined left to right.
 *
 *  6. Features.  Lines set 15% above the body are display lines
 *     (headlines, kickers, subtitles), and so are short bold lines at body
 *     size standing alone (subheads, the titles of brief items); lines set
 *     7% below are small (captions).  A paragraph starts at a line
 *     indented from its column's left edge (the PDF keeps first-line
 *     indents, plain text does not), after a line that ends short of the
 *     column's right edge, and wherever the style (size, weight, face)
 *     changes.  A column break inside a paragraph is no paragraph start:
 *     the last line of the column was full and the next is not indented.
 *     An article region starts at the first line of a headline group.
 *
 * All thresholds live in the table `geo` below.
 */
#include "config.h"

#include "pdf_geom.h"

#include <math.h>
#include <stdio.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "text.h"
#include "xalloc.h"

/* Thresholds of the geometric stage, in body ems unless said otherwise. */
static const struct {
	double	join_gap;	/* widest gap between glyphs of one fragment,
				   in ems of the glyphs' size: column gutters
				   are 1.5 em and more, justification gaps
				   far less */
	double	join_back;	/* glyphs may overlap this much (kerning) */
	double	join_size;	/* glyphs of one fragment differ in size by
				   less than this share: two headlines of
				   different boxes may touch on one row */
	double	join_overlap;	/* share of the lower glyph's height two
				   glyphs of one row overlap by at least */
	double	space_latin;	/* a gap this wide (glyph ems) between
				   non-CJK glyphs is a word space */
	double	space_marked;	/* ... or this wide where the content has a
				   space (本报记者 蔡明辉 通讯员 王少东) */
	double	space_cjk;	/* between CJK glyphs, only a gap this wide
				   is a real space (一鼓作气 坚决完成任务) */
	double	vert_x;		/* x centres of a vertical stack differ by
				   less than this (glyph ems) */
	double	vert_gap;	/* glyphs of a vertical stack are at most
				   this far apart (glyph ems) */
	int	vert_min;	/* glyphs in a vertical stack at body size */
	double	display;	/* size ratio from which a line is display */
	double	small;		/* size ratio under which a line is small */
	double	same_size;	/* sizes within this ratio are one style */
	double	hcut;		/* a horizontal gap at least this wide is a
				   cut (the lines of a column are ~0.2 em
				   apart) */
	double	vcut;		/* a vertical gap at least this wide is a
				   cut (gutters are 1.5 em and more) */
	double	cut_peer;	/* gaps this close to the widest are cut in
				   the same step (all the rows of a page) */
	double	hrow;		/* and horizontal gaps this wide (ems), the
				   least gap between rows of boxes */
	int	head_rows;	/* a headline group has at most this many
				   rows when it is cut off first */
	double	head_left;	/* a headline group cut off first starts
				   within this many ems of the part's left
				   edge ... */
	double	head_centre;	/* ... or is centred over it within this
				   share of its width (twice the offset) */
	double	sliver_wide; /* a part of body text at most this wide ... */
	double	sliver_gap;	/* ... and this close to the rest (gutters
				   are wider) is not cut off from it */
	int	max_depth;	/* deeper XY cuts read the rest by rows */
	double	indent;		/* a line starting this far right of its
				   column's edge starts a paragraph (the
				   indent is 2 em) */
	double	indent_max;	/* and at most this far (more is no indent) */
	double	para_space;	/* lines of a column this far apart (glyph
				   ems, box to box; lines touch) are two
				   paragraphs */
	double	short_end;	/* a line ending this far short of its
				   column's right edge ends its paragraph */
	double	top_band;	/* furniture at the top ends above this share
				   of the page height */
	double	bottom_band;	/* and at the bottom starts below this one */
	double	strip_max;	/* a top band with text this large (size
				   ratio; the page number in a strip is a
				   little larger than the body) ... */
	int	mast_rows;	/* ... is the masthead only with this many
				   rows, else a headline group */
	int	bottom_rows;	/* rows of a footer band at most */
	int	author_bytes;	/* an author line is at most this long (UTF-8
				   bytes: 本报记者 李华 实习生 王五) */
	double	author_wide;	/* and this wide (ems) when it is kept with
				   the headline group over it in the XY cut
				   (本报记者 蔡明辉 通讯员 王少东: 15 ems) */
	double	kicker_gap;	/* a kicker stands at most this far over its
				   headline (ems) */
	int	bold_lines;	/* a bold paragraph of at most this many lines
				   without final stop is a subhead */
	int	marker_cps;	/* a continuation marker broken over two lines
				   is at most this long: （下转第十八版） */
} geo = {
	.join_gap = 1.0,
	.join_back = 0.5,
	.join_size = 0.1,
	.join_overlap = 0.5,
	.space_latin = 0.2,
	.space_cjk = 0.8,
	.space_marked = 0.25,
	.vert_x = 0.25,
	.vert_gap = 0.6,
	.vert_min = 3,
	.display = 1.06,
	.small = 0.93,
	.same_size = 0.04,
	.hcut = 0.45,
	.vcut = 0.9,
	.cut_peer = 0.85,
	.hrow = 1.5,
	.head_rows = 6,
	.head_left = 1.0,
	.head_centre = 0.3,
	.sliver_wide = 2.5,
	.sliver_gap = 1.5,
	.max_depth = 48,
	.indent = 1.4,
	.indent_max = 3.0,
	.para_space = 0.45,
	.short_end = 0.8,
	.top_band = 0.14,
	.bottom_band = 0.90,
	.strip_max = 1.5,
	.mast_rows = 5,
	.bottom_rows = 3,
	.author_bytes = 60,
	.author_wide = 20,
	.kicker_gap = 1.0,
	.bold_lines = 2,
	.marker_cps = 12,
};

/* A fragment: glyphs chained through next[], left to right (or down). */
struct frag {
	uint32_t	 head, tail, n;
	float		 x0, y0, x1, y1;
	float		 size;
	uint32_t	 flags;		/* PDF_LINE_* */
	uint16_t	 font;
	int32_t		 leaf;		/* reading-order leaf, -1 for none */
};

/* Everything the stage works on. */
struct geom {
	struct pdf_glyph *g;		/* the kept glyphs */
	size_t		 ng;
	uint32_t	*next;		/* glyph chains */
	struct frag	*f;
	size_t		 nf, capf;
	uint32_t	*order;		/* fragments in reading order */
	size_t		 norder;
	int32_t		 nleaves;
	float		 body;
	uint16_t	 body_font;	/* the face of most body-size glyphs */
	double		 w, h;
};

/* Is a float usable as a coordinate? */
static bool
finite_coord(float v)
{
	return isfinite(v) && v > -1e6f && v < 1e6f;
}

/* qsort comparator for floats. */
static int
cmp_float(const void *a, const void *b)
{
	float x = *(const float *)a, y = *(const float *)b;

	return (x > y) - (x < y);
}

/*
 * Keep the usable glyphs: finite boxes not inverted, printable code
 * points.  Spaces are not kept; the glyph after one is marked.
 */
static void
keep_glyphs(struct geom *gm, const struct pdf_glyph *in, size_t n)
{
	size_t i;
	bool space = false;
	struct pdf_glyph g;

	gm->g = xreallocarray(NULL, n > 0 ? n : 1, sizeof *gm->g);
	gm->ng = 0;
	for (i = 0; i < n; i++) {
		g = in[i];
		if (g.cp == 0 || g.cp > 0x10FFFF || text_is_space(g.cp)) {
			space = true;
			continue;
		}
		if (text_is_control(g.cp) || text_is_ignorable(g.cp))
			continue;
		if (!finite_coord(g.x0) || !finite_coord(g.x1) ||
		    !finite_coord(g.y0) || !finite_coord(g.y1) ||
		    g.x1 < g.x0 || g.y1 <= g.y0)
			continue;
		if (!isfinite(g.size) || g.size <= 0.1f || g.size > 2000.0f)
			g.size = g.y1 - g.y0;
		if (g.size <= 0.1f || g.size > 2000.0f)
			continue;
		if (space)
			g.flags |= PDF_GLYPH_SPACE;
		space = false;
		gm->g[gm->ng++] = g;
	}
}

/*
 * The body size: the most common glyph size, sizes rounded to a quarter
 * point.  Ties go to the smaller size (running text is the small print).
 */
static float
body_size(const struct geom *gm)
{
	float *s, best = 0;
	size_t i, j, run, bestrun = 0;

	if (gm->ng == 0)
		return 0;
	s = xreallocarray(NULL, gm->ng, sizeof *s);
	for (i = 0; i < gm->ng; i++)
		s[i] = roundf(gm->g[i].size * 4.0f) / 4.0f;
	qsort(s, gm->ng, sizeof *s, cmp_float);
	for (i = 0; i < gm->ng; i = j) {
		for (j = i; j < gm->ng && s[j] == s[i]; j++)
			;
		run = j - i;
		if (run > bestrun) {
			bestrun = run;
			best = s[i];
		}
	}
	free(s);
	return best;
}

/* The face most glyphs of body size are set in. */
static uint16_t
body_font(const struct geom *gm)
{
	uint32_t *count;
	size_t i, best = 0;

	count = xcalloc(65536, sizeof *count);
	for (i = 0; i < gm->ng; i++)
		if (fabsf(gm->g[i].size - gm->body) <= 0.13f &&
		    ++count[gm->g[i].font] > count[best])
			best = gm->g[i].font;
	free(count);
	return (uint16_t)best;
}

/* Append an empty fragment. */
static struct frag *
add_frag(struct geom *gm)
{
	struct frag *f;

	if (gm->nf == gm->capf) {
		gm->capf = gm->capf == 0 ? 256 : gm->capf * 2;
		gm->f = xreallocarray(gm->f, gm->capf, sizeof *gm->f);
	}
	f = &gm->f[gm->nf++];
	memset(f, 0, sizeof *f);
	f->leaf = -1;
	return f;
}

/*
 * Sorting indexes by two keys of what they index.  qsort has no context
 * argument, so the keys are copied next to each index; the position in
 * the input breaks ties, which keeps the sort stable.
 */
struct sortkey {
	float		 k1, k2;
	uint32_t	 pos, id;
};

/* The keys a list of indexes can be sorted by. */
enum sort_by {
	SORT_X,		/* left edge, then top */
	SORT_Y,		/* top, then left edge */
	SORT_XC,	/* horizontal centre, then top */
	SORT_YC		/* vertical centre, then left edge */
};

/* qsort comparator for struct sortkey. */
static int
cmp_sortkey(const void *a, const void *b)
{
	const struct sortkey *p = a, *q = b;

	if (p->k1 != q->k1)
		return p->k1 < q->k1 ? -1 : 1;
	if (p->k2 != q->k2)
		return p->k2 < q->k2 ? -1 : 1;
	return (p->pos > q->pos) - (p->pos < q->pos);
}

/* Sort the n boxes ids[] (of fragments f, or glyphs g) by. */
static void
sort_ids(uint32_t *ids, size_t n, const struct frag *f,
    const struct pdf_glyph *g, enum sort_by by)
{
	struct sortkey *k;
	float x0, y0, x1, y1;
	size_t i;

	if (n < 2)
		return;
	k = xreallocarray(NULL, n, sizeof *k);
	for (i = 0; i < n; i++) {
		if (f != NULL) {
			x0 = f[ids[i]].x0;
			y0 = f[ids[i]].y0;
			x1 = f[ids[i]].x1;
			y1 = f[ids[i]].y1;
		} else {
			x0 = g[ids[i]].x0;
			y0 = g[ids[i]].y0;
			x1 = g[ids[i]].x1;
			y1 = g[ids[i]].y1;
		}
		switch (by) {
		case SORT_X:
			k[i].k1 = x0;
			k[i].k2 = y0;
			break;
		case SORT_Y:
			k[i].k1 = y0;
			k[i].k2 = x0;
			break;
		case SORT_XC:
			k[i].k1 = x0 + x1;
			k[i].k2 = y0;
			break;
		case SORT_YC:
			k[i].k1 = y0 + y1;
			k[i].k2 = x0;
			break;
		}
		k[i].pos = (uint32_t)i;
		k[i].id = ids[i];
	}
	qsort(k, n, sizeof *k, cmp_sortkey);
	for (i = 0; i < n; i++)
		ids[i] = k[i].id;
	free(k);
}

/* Grow fragment f by glyph k (appended to its chain). */
static void
frag_add(struct geom *gm, struct frag *f, uint32_t k)
{
	const struct pdf_glyph *g = &gm->g[k];

	if (f->n == 0) {
		f->head = f->tail = k;
		f->x0 = g->x0;
		f->y0 = g->y0;
		f->x1 = g->x1;
		f->y1 = g->y1;
	} else {
		gm->next[f->tail] = k;
		f->tail = k;
		f->x0 = fminf(f->x0, g->x0);
		f->y0 = fminf(f->y0, g->y0);
		f->x1 = fmaxf(f->x1, g->x1);
		f->y1 = fmaxf(f->y1, g->y1);
	}
	gm->next[k] = UINT32_MAX;
	f->n++;
}

/*
 * Chain glyphs into fragments (pass 2).  Glyphs come left to right; each
 * joins the open fragment on its row whose last glyph ends just before
 * it, the one nearest in height when several do.  A fragment whose end
 * lies far left of the current glyph can take no more glyphs and is
 * closed, so the open list holds about one fragment per row.
 */
static void
make_frags(struct geom *gm)
{
	uint32_t *idx, *open, k;
	size_t i, j, nopen = 0, keep;
	const struct pdf_glyph *g, *t;
	double em, gap, ov, hmin, dc, bestd;
	long best;

	idx = xreallocarray(NULL, gm->ng > 0 ? gm->ng : 1, sizeof *idx);
	open = xreallocarray(NULL, gm->ng > 0 ? gm->ng : 1, sizeof *open);
	gm->next = xreallocarray(NULL, gm->ng > 0 ? gm->ng : 1,
	    sizeof *gm->next);
	for (i = 0; i < gm->ng; i++)
		idx[i] = (uint32_t)i;
	sort_ids(idx, gm->ng, NULL, gm->g, SORT_X);
	for (i = 0; i < gm->ng; i++) {
		k = idx[i];
		g = &gm->g[k];
		best = -1;
		bestd = 0;
		keep = 0;
		for (j = 0; j < nopen; j++) {
			t = &gm->g[gm->f[open[j]].tail];
			em = fmax(g->size, t->size);
			gap = (double)g->x0 - t->x1;
			if (gap > geo.join_gap * em)
				continue;	/* closed: dropped below */
			open[keep++] = open[j];
			if (gap < -geo.join_back * em ||
			    fabs(g->size - t->size) > geo.join_size * em)
				continue;
			ov = fmin(g->y1, t->y1) - fmax(g->y0, t->y0);
			hmin = fmin(g->y1 - g->y0, t->y1 - t->y0);
			if (ov < geo.join_overlap * hmin)
				continue;
			dc = fabs((g->y0 + g->y1) - (t->y0 + t->y1));
			if (best < 0 || dc < bestd) {
				best = (long)open[keep - 1];
				bestd = dc;
			}
		}
		nopen = keep;
		if (best < 0) {
			open[nopen++] = (uint32_t)gm->nf;
			frag_add(gm, add_frag(gm), k);
		} else
			frag_add(gm, &gm->f[best], k);
	}
	free(idx);
	free(open);
}

/*
 * Join stacks of one-glyph fragments into vertical lines (pass 3): same
 * size, x centres within a fraction of an em, each glyph's top an em or a
 * little more under the one before (tops, because glyph boxes are taller
 * than the em and overlap in a tight stack).
 */
static void
make_vertical(struct geom *gm)
{
	uint32_t *idx, a, b;
	size_t i, j, k, n = 0, run, need;
	struct frag *fa, *fb, *first;

	idx = xreallocarray(NULL, gm->nf > 0 ? gm->nf : 1, sizeof *idx);
	for (i = 0; i < gm->nf; i++)
		if (gm->f[i].n == 1 && text_is_cjk(gm->g[gm->f[i].head].cp)) {
			/* frag_features has not run: a glyph's own size. */
			gm->f[i].size = gm->g[gm->f[i].head].size;
			idx[n++] = (uint32_t)i;
		}
	sort_ids(idx, n, gm->f, NULL, SORT_XC);
	/*
	 * Sorted by x centre, then top: a stack is a run in which each
	 * glyph is close in x to the first and just below the one before.
	 * Glyphs of other stacks at the same x would interleave only if
	 * they overlapped, so the simple run is enough.
	 */
	for (i = 0; i < n; i = j) {
		first = &gm->f[idx[i]];
		for (j = i + 1; j < n; j++) {
			fa = &gm->f[idx[j - 1]];
			fb = &gm->f[idx[j]];
			if (fabsf((fb->x0 + fb->x1) - (first->x0 + first->x1)) >
			    2.0f * (float)geo.vert_x * first->size ||
			    fabsf(fb->size - first->size) >
			    (float)geo.same_size * first->size * 2.0f ||
			    fb->y0 - fa->y0 > (1.0f + (float)geo.vert_gap) *
			    fa->size || fb->y0 - fa->y0 < 0.8f * fa->size)
				break;
		}
		run = j - i;
		need = first->size >= gm->body * geo.display ? 2 :
		    (size_t)geo.vert_min;
		if (run < need)
			continue;
		/* The first fragment takes the others' glyphs. */
		a = idx[i];
		for (k = i + 1; k < j; k++) {
			b = idx[k];
			frag_add(gm, &gm->f[a], gm->f[b].head);
			gm->f[b].n = 0;		/* emptied */
		}
		gm->f[a].flags |= PDF_LINE_VERTICAL;
	}
	free(idx);
	/* Drop the emptied fragments. */
	for (i = k = 0; i < gm->nf; i++)
		if (gm->f[i].n > 0)
			gm->f[k++] = gm->f[i];
	gm->nf = k;
}

/* Set each fragment's size (the most common), face and weight. */
static void
frag_features(struct geom *gm)
{
	size_t i;
	uint32_t k, m, cnt, best, nbold, fcnt, fbest;
	struct frag *f;
	const struct pdf_glyph *g;

	for (i = 0; i < gm->nf; i++) {
		f = &gm->f[i];
		best = fbest = 0;
		nbold = 0;
		/*
		 * The most common size and face by a quadratic count over a
		 * sample:
		 * a fragment is a line, and a line rarely has more than a
		 * few sizes; only the first 64 glyphs are compared.
		 */
		for (k = f->head, m = 0; k != UINT32_MAX && m < 64;
		    k = gm->next[k], m++) {
			uint32_t k2, m2;

			g = &gm->g[k];
			if (g->flags & PDF_GLYPH_BOLD)
				nbold++;
			cnt = fcnt = 0;
			for (k2 = f->head, m2 = 0; k2 != UINT32_MAX && m2 < 64;
			    k2 = gm->next[k2], m2++) {
				if (fabsf(gm->g[k2].size - g->size) < 0.05f)
					cnt++;
				if (gm->g[k2].font == g->font)
					fcnt++;
			}
			if (cnt > best) {
				best = cnt;
				f->size = g->size;
			}
			if (fcnt > fbest) {
				fbest = fcnt;
				f->font = g->font;
			}
		}
		if (m > 0 && nbold * 2 > m)
			f->flags |= PDF_LINE_BOLD;
		if ((f->flags & PDF_LINE_VERTICAL) ||
		    (gm->body > 0 && f->size >= gm->body * geo.display))
			f->flags |= PDF_LINE_DISPLAY | PDF_LINE_LARGE;
		else if (gm->body > 0 && f->size <= gm->body * geo.small)
			f->flags |= PDF_LINE_SMALL;
	}
}

/* ------------------------------------------------------------------ */
/* Reading order: the XY cut. */

/*
 * Does display fragment d overlap, along the direction of the gaps, some
 * fragment of ids[0..n) that is not display?  One that does not stands
 * in a gap of its own (a headline in the box beside a caption), and
 * counts like body text.
 */
static bool
over_body(const struct geom *gm, const uint32_t *ids, size_t n,
    const struct frag *d, bool vertical)
{
	size_t k;
	const struct frag *f;
	float lo = vertical ? d->x0 : d->y0, hi = vertical ? d->x1 : d->y1;

	for (k = 0; k < n; k++) {
		f = &gm->f[ids[k]];
		if ((f->flags & (PDF_LINE_DISPLAY | PDF_LINE_VERTICAL)) ==
		    PDF_LINE_DISPLAY)
			continue;
		if ((vertical ? f->x0 : f->y0) < hi &&
		    (vertical ? f->x1 : f->y1) > lo)
			return true;
	}
	return false;
}

/*
 * The gaps across ids[0..n) in one direction (vertical: x), after
 * sorting ids along it: wid[k] is the width of the gap that opens before
 * ids[k] (0 where none).  With skip_display, display fragments do not
 * bridge gaps: a headline over two columns, or one running over into the
 * next box, does not hide the gutter; it goes with the side where it
 * starts.  Returns the widest gap.
 */
static float
find_gaps(struct geom *gm, uint32_t *ids, size_t n, bool vertical,
    bool skip_display, float *wid)
{
	size_t k, body = 0;
	float reach = -INFINITY, lo, hi, widest = 0;
	const struct frag *f;

	sort_ids(ids, n, gm->f, NULL, vertical ? SORT_X : SORT_Y);
	if (skip_display) {
		for (k = 0; k < n; k++)
			if (!(gm->f[ids[k]].flags & PDF_LINE_DISPLAY))
				body++;
		if (body < 2)
			skip_display = false;
	}
	for (k = 0; k < n; k++) {
		f = &gm->f[ids[k]];
		wid[k] = 0;
		if (skip_display && (f->flags & (PDF_LINE_DISPLAY |
		    PDF_LINE_VERTICAL)) == PDF_LINE_DISPLAY &&
		    over_body(gm, ids, n, f, vertical))
			continue;
		lo = vertical ? f->x0 : f->y0;
		hi = vertical ? f->x1 : f->y1;
		if (isfinite(reach) && lo > reach)
			wid[k] = lo - reach;
		if (wid[k] > widest)
			widest = wid[k];
		if (hi > reach)
			reach = hi;
	}
	return widest;
}

/* Number of rows among ids[0..n), sorted by top (overlapping = one). */
static size_t
count_rows(const struct geom *gm, const uint32_t *ids, size_t n)
{
	size_t k, rows = 0;
	float reach = 0;

	for (k = 0; k < n; k++) {
		if (k == 0 || gm->f[ids[k]].y0 >= reach) {
			rows++;
			reach = gm->f[ids[k]].y1;
		} else if (gm->f[ids[k]].y1 > reach)
			reach = gm->f[ids[k]].y1;
	}
	return rows;
}

/*
 * Read ids[0..n) as a leaf: by rows (vertical centres), fragments of one
 * row left to right.  They are appended to the order with a new leaf
 * number.
 */
static void
read_leaf(struct geom *gm, uint32_t *ids, size_t n)
{
	size_t k;

	if (n == 0)
		return;
	sort_ids(ids, n, gm->f, NULL, SORT_YC);
	for (k = 0; k < n; k++) {
		gm->f[ids[k]].leaf = gm->nleaves;
		gm->order[gm->norder++] = ids[k];
	}
	gm->nleaves++;
}

/*
 * Do the horizontal cuts of ids[0..n) (sorted by top, wid their gaps)
 * at gaps of at least cut leave a piece that is one row of display
 * fragments only, two or more apart: the headlines of boxes side by
 * side?
 */
static bool
titles_abreast(const struct geom *gm, const uint32_t *ids, const float *wid,
    size_t n, float cut)
{
	size_t s, e, k, j;
	const struct frag *f, *g;

	for (s = 0; s < n; s = e) {
		for (e = s + 1; e < n && wid[e] < cut; e++)
			/* nothing */;
		if (e - s < 2 || count_rows(gm, ids + s, e - s) != 1)
			continue;
		for (k = s; k < e; k++)
			if (!(gm->f[ids[k]].flags & PDF_LINE_DISPLAY))
				break;
		if (k < e)
			continue;
		/* Two of them apart (not one headline in pieces). */
		for (k = s; k < e; k++)
			for (j = s; j < e; j++) {
				f = &gm->f[ids[k]];
				g = &gm->f[ids[j]];
				if (g->x0 - f->x1 >= (float)geo.vcut * gm->body *
				    2.0f)
					return true;
			}
	}
	return false;
}

/*
 * Would the vertical cut of ids[0..n) (sorted by left edge, wid their
 * gaps, widest vw) cut off a sliver: a glyph or two of body text, narrower
 * than a gutter from the rest and within its rows?  That is the end of an
 * indented verse line wrapped to the column's edge (…切片、分 / 析), where
 * no other line of the column starts; it is read with the column.
 */
static bool
cuts_sliver(const struct geom *gm, const uint32_t *ids, const float *wid,
    size_t n, float vw)
{
	size_t k, side, s, e;
	float x0, x1, y0, y1, ry0, ry1;
	const struct frag *f;

	if (vw >= (float)geo.sliver_gap * gm->body)
		return false;
	for (k = 1; k < n && wid[k] < vw; k++)
		;
	if (k == n)
		return false;
	for (side = 0; side < 2; side++) {
		s = side == 0 ? 0 : k;
		e = side == 0 ? k : n;
		x0 = y0 = ry0 = INFINITY;
		x1 = y1 = ry1 = -INFINITY;
		for (size_t j = 0; j < n; j++) {
			f = &gm->f[ids[j]];
			if (j < s || j >= e) {
				ry0 = fminf(ry0, f->y0);
				ry1 = fmaxf(ry1, f->y1);
				continue;
			}
			if (f->flags & (PDF_LINE_DISPLAY | PDF_LINE_VERTICAL))
				x1 = INFINITY;	/* no sliver */
			x0 = fminf(x0, f->x0);
			x1 = fmaxf(x1, f->x1);
			y0 = fminf(y0, f->y0);
			y1 = fmaxf(y1, f->y1);
		}
		if (x1 - x0 <= (float)geo.sliver_wide * gm->body &&
		    y0 >= ry0 && y1 <= ry1)
			return true;
	}
	return false;
}

/*
 * The recursive XY cut (pass 5, see the top of the file) of ids[0..n):
 * wid is scratch of the same size.
 */
static void
xy_cut(struct geom *gm, uint32_t *ids, float *wid, size_t n, int depth)
{
	float hw, vw, hmin, vmin, cut;
	size_t k, start, first_cut = 0;
	bool vertical, head = false;

	if (n <= 1 || depth > geo.max_depth) {
		read_leaf(gm, ids, n);
		return;
	}
	hmin = (float)geo.hcut * gm->body;
	vmin = (float)geo.vcut * gm->body;
	vw = find_gaps(gm, ids, n, true, true, wid);
	hw = find_gaps(gm, ids, n, false, false, wid);	/* leaves ids by top */
	/* A headline group over the rest is cut off first. */
	for (k = 1; k < n; k++)
		if (wid[k] >= hmin) {
			first_cut = k;
			break;
		}
	/*
	 * It must stand over the whole part: left-aligned at its left edge
	 * or centred over it.  A headline at the top of one box of a row
	 * is not cut off from the boxes beside it.
	 */
	if (first_cut > 0 && count_rows(gm, ids, first_cut) <=
	    (size_t)geo.head_rows) {
		float nx0 = INFINITY, nx1 = -INFINITY, hx0 = INFINITY;
		float hx1 = -INFINITY;

		for (k = 0; k < n; k++) {
			nx0 = fminf(nx0, gm->f[ids[k]].x0);
			nx1 = fmaxf(nx1, gm->f[ids[k]].x1);
			if (k < first_cut) {
				hx0 = fminf(hx0, gm->f[ids[k]].x0);
				hx1 = fmaxf(hx1, gm->f[ids[k]].x1);
				if (gm->f[ids[k]].flags & PDF_LINE_DISPLAY)
					head = true;
			}
		}
		if (head && hx0 - nx0 > (float)geo.head_left * gm->body &&
		    fabsf((hx0 + hx1) - (nx0 + nx1)) >
		    (float)geo.head_centre * (nx1 - nx0))
			head = false;
		/* Two groups abreast head two boxes, not the part. */
		for (k = 0; head && k < first_cut; k++)
			for (size_t j = 0; j < first_cut; j++)
				if ((gm->f[ids[k]].flags & PDF_LINE_DISPLAY) &&
				    (gm->f[ids[j]].flags & PDF_LINE_DISPLAY) &&
				    gm->f[ids[j]].x0 - gm->f[ids[k]].x1 >=
				    2.0f * (float)geo.vcut * gm->body) {
					head = false;
					break;
				}
	}
	/*
	 * An author line set apart under the group, right-aligned over the
	 * last column, belongs to it: one short line on a row of its own.
	 */
	while (head && first_cut < n) {
		const struct frag *f = &gm->f[ids[first_cut]];
		float px0 = INFINITY, px1 = -INFINITY;

		for (k = first_cut + 1; k < n && wid[k] < hmin; k++)
			;
		if (k != first_cut + 1 || k == n ||
		    (f->flags & PDF_LINE_DISPLAY))
			break;
		for (start = 0; start < n; start++) {
			px0 = fminf(px0, gm->f[ids[start]].x0);
			px1 = fmaxf(px1, gm->f[ids[start]].x1);
		}
		if (f->x1 - f->x0 > 0.4f * (px1 - px0) ||
		    f->x1 - f->x0 > (float)geo.author_wide * gm->body)
			break;
		first_cut = k;
	}
	if (head) {
		xy_cut(gm, ids, wid, first_cut, depth + 1);
		xy_cut(gm, ids + first_cut, wid + first_cut, n - first_cut,
		    depth + 1);
		return;
	}
	if (hw < hmin && vw < vmin) {
		read_leaf(gm, ids, n);
		return;
	}
	/*
	 * A horizontal gap of a row's width across the whole part is cut
	 * first, however wide the vertical one: a photo beside a column
	 * opens a wide vertical gap inside one box.
	 */
	vertical = vw >= vmin && vw > hw && hw < (float)geo.hrow * gm->body;
	/*
	 * But headlines side by side on a row of their own, over photos
	 * or columns, head boxes side by side: those are cut apart first.
	 */
	if (!vertical && vw >= vmin && titles_abreast(gm, ids, wid, n,
	    fminf((float)geo.cut_peer * hw, (float)geo.hrow * gm->body)))
		vertical = true;
	if (vertical) {
		vw = find_gaps(gm, ids, n, true, true, wid);
		if (cuts_sliver(gm, ids, wid, n, vw)) {
			hw = find_gaps(gm, ids, n, false, false, wid);
			if (hw < hmin) {
				read_leaf(gm, ids, n);
				return;
			}
			vertical = false;
		}
	}
	cut = (float)geo.cut_peer * (vertical ? vw : hw);
	/*
	 * Every wide horizontal gap is cut with the widest: a photo leaves
	 * a gap wider than the one between rows of boxes, and cutting the
	 * photo alone would read the next row's headline with this one.
	 */
	if (!vertical && cut > (float)geo.hrow * gm->body)
		cut = (float)geo.hrow * gm->body;
	/*
	 * Vertically, only the widest gap is cut: the gutter between boxes
	 * may be no wider than the columns' inside them, and the part on
	 * either side may have rows to cut before its columns.
	 */
	if (vertical)
		cut = vw;
	if (cut < (vertical ? vmin : hmin))
		cut = vertical ? vmin : hmin;
	/*
	 * Cut at the widest gap and those nearly as wide, in order.  A
	 * display fragment that did not count for the gaps goes with the
	 * side where it starts: the split moves back over those starting
	 * inside the gap.
	 */
	start = 0;
	for (k = 1; k <= n; k++) {
		size_t split = k;

		if (k < n && wid[k] < cut)
			continue;
		if (k < n) {
			float bound = (vertical ? gm->f[ids[k]].x0 :
			    gm->f[ids[k]].y0) - wid[k];

			while (split > start + 1 && (vertical ?
			    gm->f[ids[split - 1]].x0 :
			    gm->f[ids[split - 1]].y0) >= bound)
				split--;
		}
		xy_cut(gm, ids + start, wid + start, split - start, depth + 1);
		start = split;
		if (vertical)
			cut = INFINITY;
	}
}

/* ------------------------------------------------------------------ */
/* Furniture, features and text. */

/*
 * Mark page furniture (pass 4): the text above the first full-width gap
 * when it ends in the top band and is no headline group (a band holding
 * display lines is the masthead only with many rows), and the text below
 * the last full-width gap when it starts in the bottom band and has no
 * display line.  ids holds all fragments, wid is scratch.
 */
static void
mark_furniture(struct geom *gm, uint32_t *ids, float *wid, size_t n)
{
	size_t k, cutk = 0;
	bool disp = false;
	float hmin = (float)geo.hcut * gm->body, bottom = 0;

	if (n < 2)
		return;
	find_gaps(gm, ids, n, false, false, wid);
	for (k = 1; k < n; k++)
		if (wid[k] >= hmin) {
			cutk = k;
			break;
		}
	if (cutk > 0) {
		for (k = 0; k < cutk; k++) {
			if (gm->f[ids[k]].size >= gm->body * geo.strip_max)
				disp = true;
			bottom = fmaxf(bottom, gm->f[ids[k]].y1);
		}
		if (bottom <= geo.top_band * gm->h && (!disp ||
		    count_rows(gm, ids, cutk) >= (size_t)geo.mast_rows))
			for (k = 0; k < cutk; k++)
				gm->f[ids[k]].flags = (gm->f[ids[k]].flags &
				    ~(uint32_t)PDF_LINE_DISPLAY) |
				    PDF_LINE_FURNITURE;
	}
	for (k = n - 1; k > 0; k--)
		if (wid[k] >= hmin)
			break;
	if (k > 0 && k > cutk && gm->f[ids[k]].y0 >= geo.bottom_band * gm->h &&
	    count_rows(gm, ids + k, n - k) <= (size_t)geo.bottom_rows) {
		size_t j;

		/* Nor text: a caption's last sentence, a credit. */
		disp = false;
		for (j = k; j < n; j++)
			if ((gm->f[ids[j]].flags & PDF_LINE_DISPLAY) ||
			    text_is_sentence_end(gm->g[gm->f[ids[j]].tail].cp) ||
			    text_is_closing(gm->g[gm->f[ids[j]].tail].cp))
				disp = true;
		if (!disp)
			for (j = k; j < n; j++)
				gm->f[ids[j]].flags |= PDF_LINE_FURNITURE;
	}
}

/* Are two glyphs' code points both CJK (no space between them)? */
static bool
both_cjk(uint32_t a, uint32_t b)
{
	return text_is_cjk(a) && text_is_cjk(b);
}

/* Append a fragment's glyphs to the text; prev is the last glyph put. */
static void
put_frag(struct geom *gm, const struct frag *f, struct buf *b, long *prev)
{
	uint32_t k;
	const struct pdf_glyph *g, *p;
	double gap;

	for (k = f->head; k != UINT32_MAX; k = gm->next[k]) {
		g = &gm->g[k];
		if (*prev >= 0 && !(f->flags & PDF_LINE_VERTICAL)) {
			p = &gm->g[*prev];
			gap = (double)g->x0 - p->x1;
			/*
			 * Page furniture is not justified: a space there is
			 * a space (理论 第10版).
			 */
			if (both_cjk(p->cp, g->cp) ?
			    gap > ((f->flags & PDF_LINE_FURNITURE) ?
			    geo.space_latin : geo.space_cjk) * g->size ||
			    ((g->flags & PDF_GLYPH_SPACE) &&
			    gap > geo.space_marked * g->size) :
			    ((g->flags & PDF_GLYPH_SPACE) ||
			    gap > geo.space_latin * g->size))
				buf_putc(b, ' ');
		}
		buf_put_cp(b, g->cp);
		*prev = (long)k;
	}
}

/* The style of a line for paragraph breaks: size, weight and face. */
static bool
same_style(const struct geom *gm, const struct frag *a, const struct frag *b)
{
	(void)gm;
	return fabsf(a->size - b->size) <= (float)geo.same_size *
	    fmaxf(a->size, b->size) &&
	    (a->flags & PDF_LINE_BOLD) == (b->flags & PDF_LINE_BOLD) &&
	    a->font == b->font;
}

/* Does a line's text end with a sentence stop (maybe + closing marks)? */
static bool
ends_stop(const char *s, size_t len)
{
	uint32_t c;

	while (len > 0) {
		c = utf8_last(s, len);
		if (text_is_sentence_end(c) || c == 0xFF1A || c == ':' ||
		    c == 0xFF1B || c == ';' || c == 0xFF0C || c == ',')
			return true;
		if (!text_is_closing(c))
			return false;
		len = utf8_prev(s, len);
	}
	return false;
}

/* A row being put together: fragments of one leaf on one row. */
struct row {
	size_t		 first, n;	/* into gm->order */
	float		 x0, y0, x1, y1;
};

/*
 * Build the lines of the layout from the fragments in reading order:
 * the rows of each leaf become lines (pass 6 sets their features).
 * Returns each line's leaf (caller frees; NULL when there are none).
 */
static int32_t *
build_lines(struct geom *gm, struct pdf_layout *lay)
{
	int32_t *leaf = NULL;
	struct buf b = BUF_INIT;
	struct pdf_line *ln;
	size_t i, j, cap = 0, lstart;
	const struct frag *f, *rf;
	long prev;
	float ov, hmin;

	lay->nlines = 0;
	for (i = 0; i < gm->norder; i = j) {
		rf = &gm->f[gm->order[i]];
		/* The fragments of one row: same leaf, overlapping rows. */
		for (j = i + 1; j < gm->norder; j++) {
			f = &gm->f[gm->order[j]];
			ov = fminf(f->y1, rf->y1) - fmaxf(f->y0, rf->y0);
			hmin = fminf(f->y1 - f->y0, rf->y1 - rf->y0);
			if (f->leaf != rf->leaf || ov < 0.5f * hmin ||
			    ((f->flags ^ rf->flags) & (PDF_LINE_FURNITURE |
			    PDF_LINE_VERTICAL)) || (f->flags & PDF_LINE_VERTICAL))
				break;
		}
		/* Left to right within the row. */
		sort_ids(gm->order + i, j - i, gm->f, NULL, SORT_X);
		if (lay->nlines == cap) {
			cap = cap == 0 ? 128 : cap * 2;
			lay->lines = xreallocarray(lay->lines, cap,
			    sizeof *lay->lines);
			leaf = xreallocarray(leaf, cap, sizeof *leaf);
		}
		leaf[lay->nlines] = rf->leaf;
		ln = &lay->lines[lay->nlines++];
		memset(ln, 0, sizeof *ln);
		lstart = b.len;
		prev = -1;
		ln->x0 = ln->y0 = INFINITY;
		ln->x1 = ln->y1 = -INFINITY;
		for (size_t k = i; k < j; k++) {
			f = &gm->f[gm->order[k]];
			put_frag(gm, f, &b, &prev);
			ln->x0 = fminf(ln->x0, f->x0);
			ln->y0 = fminf(ln->y0, f->y0);
			ln->x1 = fmaxf(ln->x1, f->x1);
			ln->y1 = fmaxf(ln->y1, f->y1);
		}
		/* The first fragment (leftmost) gives the style. */
		f = &gm->f[gm->order[i]];
		ln->size = f->size;
		ln->font = f->font;
		ln->flags = f->flags & (PDF_LINE_DISPLAY | PDF_LINE_SMALL |
		    PDF_LINE_FURNITURE | PDF_LINE_VERTICAL | PDF_LINE_BOLD |
		    PDF_LINE_LARGE);
		ln->off = lstart;
		ln->len = (uint32_t)(b.len - lstart);
		buf_putc(&b, '\n');
	}
	lay->len = b.len;
	lay->text = b.data != NULL ? buf_detach(&b) : xstrdup("");
	return leaf;
}

/*
 * Is the tail of line a (from its last opening bracket) followed by the
 * whole of line b a continuation marker broken over the two lines
 * (…位居世界前列，（下转第十 / 八版）)?  A bracket, a verb (下转, 上接, 紧接,
 * 转, 接, 续), at most geo.marker_cps code points in all, ending in 版 and
 * the closing bracket; the pipeline reads the page from it.  Returns the
 * length of the tail in bytes, or 0.
 */
static size_t
split_marker(const char *a, size_t alen, const char *b, size_t blen)
{
	static const char *const verbs[] = { "下转", "上接", "紧接", "转",
	    "接", "续", NULL };
	static const char open[] = "\xEF\xBC\x88", shut[] = "\xEF\xBC\x89";
	static const char end[] = "版\xEF\xBC\x89";
	char m[4 * 12 + 1];
	size_t k, t, i, n, cps, max = 4 * (size_t)geo.marker_cps;

	if (max > sizeof m - 1)
		max = sizeof m - 1;
	/* The tail of a: from its last opening bracket. */
	for (k = alen; k > 0 && alen - k < max; k--)
		if (a[k - 1] == '(' || (k >= 3 && memcmp(a + k - 3, open,
		    3) == 0))
			break;
	if (k == 0 || alen - k >= max)
		return 0;
	t = alen - (a[k - 1] == '(' ? k - 1 : k - 3);
	if (t + blen > max || blen < sizeof end - 1 ||
	    memcmp(b + blen - (sizeof end - 1), end, sizeof end - 1) != 0)
		return 0;
	memcpy(m, a + alen - t, t);
	memcpy(m + t, b, blen);
	n = t + blen;
	m[n] = '\0';
	/* A bracket, a verb, no other bracket until the closing one. */
	i = m[0] == '(' ? 1 : 3;
	for (k = 0; verbs[k] != NULL; k++)
		if (strncmp(m + i, verbs[k], strlen(verbs[k])) == 0)
			break;
	if (verbs[k] == NULL)
		return 0;
	for (cps = 0; i < n; i++) {
		if ((m[i] & 0xC0) != 0x80)
			cps++;
		if (i + 3 < n && (memcmp(m + i, shut, 3) == 0 ||
		    memcmp(m + i, open, 3) == 0 || m[i] == '(' ||
		    m[i] == ')'))
			return 0;
	}
	return cps + 1 <= (size_t)geo.marker_cps ? t : 0;
}

/*
 * Join each continuation marker broken over two lines of one column
 * into the first (split_marker): the text is compacted in place and the
 * line under it goes, its box joining the first's.
 */
static void
join_split_markers(struct pdf_layout *lay, int32_t *leaf)
{
	size_t i, out, w = 0, len;
	struct pdf_line *ln, *nx;

	if (lay->nlines == 0)
		return;
	for (i = 0, out = 0; i < lay->nlines; i++, out++) {
		ln = &lay->lines[i];
		nx = i + 1 < lay->nlines ? &lay->lines[i + 1] : NULL;
		len = ln->len;
		memmove(lay->text + w, lay->text + ln->off, len);
		ln->off = w;
		if (nx != NULL && leaf[i + 1] == leaf[i] && !((ln->flags |
		    nx->flags) & (PDF_LINE_DISPLAY | PDF_LINE_FURNITURE)) &&
		    split_marker(lay->text + w, len, lay->text + nx->off,
		    nx->len) != 0) {
			memmove(lay->text + w + len, lay->text + nx->off,
			    nx->len);
			len += nx->len;
			ln->len = (uint32_t)len;
			ln->x0 = fminf(ln->x0, nx->x0);
			ln->x1 = fmaxf(ln->x1, nx->x1);
			ln->y1 = fmaxf(ln->y1, nx->y1);
			i++;
		}
		w += len;
		lay->text[w++] = '\n';
		lay->lines[out] = *ln;
		leaf[out] = leaf[i];
	}
	lay->text[w] = '\0';
	lay->len = w;
	lay->nlines = out;
}

/* Is a line centred between left and right, short of both edges? */
static bool
centred(const struct pdf_line *ln, float left, float right, float em)
{
	float l = ln->x0 - left, r = right - ln->x1;

	return l >= (float)geo.short_end * em &&
	    r >= (float)geo.short_end * em && fabsf(l - r) <= em;
}

/*
 * Set paragraph, region and gap flags on the lines (pass 6).  leaf_of
 * gives each line's leaf; left and right each leaf's column edges.
 */
static void
mark_paragraphs(struct geom *gm, struct pdf_layout *lay, const int32_t *leaf)
{
	float *left, *right, em = gm->body;
	size_t i, nl = (size_t)gm->nleaves + 1;
	struct pdf_line *ln, *pv = NULL;
	struct frag sa, sb;
	bool para, wrapped;
	int32_t lf;

	left = xreallocarray(NULL, nl, sizeof *left);
	right = xreallocarray(NULL, nl, sizeof *right);
	for (i = 0; i < nl; i++) {
		left[i] = INFINITY;
		right[i] = -INFINITY;
	}
	/* Column edges from the body lines of each leaf. */
	for (i = 0; i < lay->nlines; i++) {
		ln = &lay->lines[i];
		lf = leaf[i];
		if (lf < 0 || fabsf(ln->size - em) > (float)geo.same_size * em)
			continue;
		left[lf] = fminf(left[lf], ln->x0);
		right[lf] = fmaxf(right[lf], ln->x1);
	}
	for (i = 0; i < lay->nlines; i++) {
		ln = &lay->lines[i];
		lf = leaf[i];
		if (lf >= 0 && !isfinite(left[lf])) {
			left[lf] = ln->x0;
			right[lf] = ln->x1;
		}
	}
	for (i = 0; i < lay->nlines; i++) {
		ln = &lay->lines[i];
		lf = leaf[i];
		if (ln->flags & PDF_LINE_FURNITURE) {
			if (pv != NULL && !(pv->flags & PDF_LINE_FURNITURE))
				ln->flags |= PDF_LINE_GAP;
			pv = ln;
			continue;
		}
		memset(&sa, 0, sizeof sa);
		memset(&sb, 0, sizeof sb);
		para = pv == NULL || (pv->flags & PDF_LINE_FURNITURE);
		if (!para) {
			sa.size = pv->size;
			sa.flags = pv->flags;
			sa.font = pv->font;
			sb.size = ln->size;
			sb.flags = ln->flags;
			sb.font = ln->font;
			para = !same_style(gm, &sa, &sb) ||
			    (pv->flags & PDF_LINE_DISPLAY) ||
			    (ln->flags & PDF_LINE_DISPLAY);
			/*
			 * Only the face changes, to a face that is not bold,
			 * at one size, after a full line without a final
			 * stop, and the next is not indented: a bold lead-in
			 * (a dateline) running on into the text.
			 */
			if (para && !(ln->flags & PDF_LINE_BOLD) &&
			    !ends_stop(lay->text + pv->off, pv->len) &&
			    !(pv->flags & PDF_LINE_DISPLAY) &&
			    !(ln->flags & PDF_LINE_DISPLAY) && lf >= 0 &&
			    leaf[i - 1] == lf && fabsf(pv->size - ln->size) <=
			    (float)geo.same_size * em &&
			    pv->x1 >= right[lf] - (float)geo.short_end * em &&
			    ln->x0 - left[lf] < (float)geo.indent * em)
				para = false;
		}
		/*
		 * A subhead wrapped over two lines is one paragraph: the
		 * line before does not end a sentence, and both are set in
		 * the same face, not the body's, or both centred in the
		 * column.  Not a full line with a paragraph's indent under
		 * one flush with the column: a bold title over a bold
		 * lead-in (国际海事法律研讨会举行 / 本报天津9月12日电（记者…).
		 */
		wrapped = !para && leaf[i - 1] == lf && lf >= 0 &&
		    !ends_stop(lay->text + pv->off, pv->len) &&
		    ((ln->font == pv->font && ln->font != gm->body_font &&
		    !(pv->x0 - left[lf] < 0.5f * em &&
		    ln->x0 - left[lf] >= (float)geo.indent * em &&
		    ln->x0 - left[lf] <= (float)geo.indent_max * em &&
		    ln->x1 >= right[lf] - (float)geo.short_end * em)) ||
		    (centred(pv, left[lf], right[lf], em) &&
		    centred(ln, left[lf], right[lf], em)));
		if (lf >= 0 && ln->x0 - left[lf] >= (float)geo.indent * em)
			ln->flags |= PDF_LINE_INDENT;
		if (i > 0 && leaf[i - 1] != lf)
			ln->flags |= PDF_LINE_NEWCOL;
		if (!para && !wrapped && (ln->flags & PDF_LINE_INDENT))
			para = true;
		if (!para && !wrapped && leaf[i - 1] >= 0 && pv->x1 <
		    right[leaf[i - 1]] - (float)geo.short_end * em)
			para = true;
		/*
		 * Space between paragraphs (a caption and its 图为 line),
		 * in one column: the line is under the one before.
		 */
		if (!para && ln->x0 < pv->x1 && pv->x0 < ln->x1 &&
		    ln->y0 - pv->y1 > (float)geo.para_space *
		    fmaxf(ln->size, pv->size))
			para = true;
		if (para)
			ln->flags |= PDF_LINE_PARA;
		if ((ln->flags & PDF_LINE_DISPLAY) && (pv == NULL ||
		    !(pv->flags & PDF_LINE_DISPLAY)))
			ln->flags |= PDF_LINE_REGION;
		if (pv != NULL && ((ln->flags & PDF_LINE_REGION) ||
		    (pv->flags & PDF_LINE_FURNITURE) ||
		    ((pv->flags & PDF_LINE_DISPLAY) &&
		    !(ln->flags & PDF_LINE_DISPLAY)) ||
		    (para && leaf[i - 1] != lf)))
			ln->flags |= PDF_LINE_GAP;
		pv = ln;
	}
	free(left);
	free(right);
}

/*
 * Short bold paragraphs without a final stop, at body size or above, are
 * display lines too: subheads and the titles of brief items.  Bold means
 * a bold face other than the body's (a page of captions set in Hei has
 * no subheads).
 */
static void
mark_bold_heads(struct geom *gm, struct pdf_layout *lay)
{
	size_t i, j, k;
	struct pdf_line *ln, *pv;
	bool apart;

	for (i = 0; i < lay->nlines; i = j) {
		for (j = i + 1; j < lay->nlines &&
		    !(lay->lines[j].flags & PDF_LINE_PARA); j++)
			;
		ln = &lay->lines[i];
		if (!(ln->flags & PDF_LINE_BOLD) || ln->font == gm->body_font ||
		    (ln->flags & (PDF_LINE_DISPLAY | PDF_LINE_FURNITURE)) ||
		    ln->size < gm->body * (1.0f - (float)geo.same_size) ||
		    j - i > (size_t)geo.bold_lines)
			continue;
		ln = &lay->lines[j - 1];
		if (ends_stop(lay->text + ln->off, ln->len))
			continue;
		/*
		 * A new region when set apart from the line above (a brief
		 * item's title); one running on in its column with no more
		 * space than between lines is a subhead of the text.
		 */
		pv = i > 0 ? &lay->lines[i - 1] : NULL;
		ln = &lay->lines[i];
		apart = pv == NULL || !(pv->x0 < ln->x1 && ln->x0 < pv->x1) ||
		    pv->y1 > ln->y0 || ln->y0 - pv->y1 >
		    (float)geo.para_space * fmaxf(pv->size, ln->size);
		for (k = i; k < j; k++) {
			lay->lines[k].flags |= PDF_LINE_DISPLAY;
			if (k == i && (pv == NULL ||
			    !(pv->flags & PDF_LINE_DISPLAY)))
				lay->lines[k].flags |= PDF_LINE_GAP |
				    (apart ? PDF_LINE_REGION : 0);
		}
		/* The line after a display line is a new block. */
		if (j < lay->nlines &&
		    !(lay->lines[j].flags & PDF_LINE_DISPLAY))
			lay->lines[j].flags |= PDF_LINE_GAP;
	}
}

/*
 * Mark author lines: a short line at body size or below, right under a
 * headline group and alone in its paragraph, without punctuation at its
 * end (唐立新, 本报记者 李华, □ 张明远).  The text alone cannot tell a
 * bare name from a title; its place under the headline can.
 */
static void
mark_authors(struct geom *gm, struct pdf_layout *lay)
{
	size_t i, k;
	float big;
	struct pdf_line *ln;
	const char *t;
	uint32_t c;

	for (i = 1; i + 1 < lay->nlines; i++) {
		ln = &lay->lines[i];
		if (!(lay->lines[i - 1].flags & PDF_LINE_DISPLAY) ||
		    (ln->flags & (PDF_LINE_DISPLAY | PDF_LINE_FURNITURE)) ||
		    !(ln->flags & PDF_LINE_PARA) ||
		    !(lay->lines[i + 1].flags & (PDF_LINE_PARA |
		    PDF_LINE_DISPLAY)) ||
		    ln->size > gm->body * (1.0f + (float)geo.same_size) ||
		    ln->len == 0 || ln->len > (uint32_t)geo.author_bytes)
			continue;
		t = lay->text + ln->off;
		c = utf8_last(t, ln->len);
		if (text_is_sentence_end(c) || text_is_closing(c) ||
		    c == 0xFF0C || c == 0x3001 || c == 0xFF1A)
			continue;
		/*
		 * Under a headline set large: a subhead at body size (a
		 * poem's title in a 组诗) has its first line under it.
		 */
		for (k = i, big = 0; k > 0 &&
		    (lay->lines[k - 1].flags & PDF_LINE_DISPLAY); k--)
			big = fmaxf(big, lay->lines[k - 1].size);
		if (big < gm->body * (float)geo.display)
			continue;
		ln->flags |= PDF_LINE_AUTHOR;
		/*
		 * A bold label at body size right under it (核心阅读) heads
		 * a box of this article: no region of its own.
		 */
		if ((lay->lines[i + 1].flags & (PDF_LINE_DISPLAY |
		    PDF_LINE_LARGE)) == PDF_LINE_DISPLAY)
			lay->lines[i + 1].flags &= ~(uint32_t)PDF_LINE_REGION;
	}
}

/*
 * A subtitle (副题) under a headline starts with a double dash
 * (——写在…之际); it may be set as small as the body, or smaller, to fit.
 */
static void
mark_subtitles(struct pdf_layout *lay)
{
	size_t i;
	struct pdf_line *ln;

	for (i = 1; i < lay->nlines; i++) {
		ln = &lay->lines[i];
		if ((lay->lines[i - 1].flags & PDF_LINE_DISPLAY) &&
		    !(ln->flags & (PDF_LINE_DISPLAY | PDF_LINE_FURNITURE)) &&
		    ln->len >= 6 && memcmp(lay->text + ln->off,
		    "\xE2\x80\x94\xE2\x80\x94", 6) == 0) {
			ln->flags = (ln->flags & ~(uint32_t)(PDF_LINE_SMALL |
			    PDF_LINE_GAP)) | PDF_LINE_DISPLAY;
			if (i + 1 < lay->nlines)
				lay->lines[i + 1].flags |= PDF_LINE_GAP |
				    PDF_LINE_PARA;
		}
	}
}

/*
 * A kicker (引题) set at or below body size: a short line right over a
 * headline set large (not under another: that is an author line),
 * starting at its left edge or centred over it, alone in its paragraph,
 * without a final stop and not in brackets (a credit); it may be set
 * like the body.  It joins the headline group, which then starts at it.
 */
static void
mark_kickers(struct geom *gm, struct pdf_layout *lay)
{
	size_t i;
	uint32_t c;
	struct pdf_line *ln, *pv;
	float em = gm->body;

	for (i = 1; i < lay->nlines; i++) {
		ln = &lay->lines[i];
		pv = &lay->lines[i - 1];
		if (!(ln->flags & PDF_LINE_REGION) ||
		    ln->size < em * (float)geo.display ||
		    (i >= 2 && (lay->lines[i - 2].flags & PDF_LINE_DISPLAY)) ||
		    (pv->flags & (PDF_LINE_DISPLAY | PDF_LINE_FURNITURE)) ||
		    !(pv->flags & PDF_LINE_PARA) ||
		    ln->y0 - pv->y1 > (float)geo.kicker_gap * em ||
		    ln->y0 - pv->y1 < -0.2f * em ||
		    ends_stop(lay->text + pv->off, pv->len))
			continue;
		/* A credit closing the article before is no kicker. */
		c = utf8_first(lay->text + pv->off, pv->len);
		if (c == 0xFF08 || c == '(' || c == 0x3010)
			continue;
		if (fabsf(pv->x0 - ln->x0) > em &&
		    fabsf((pv->x0 + pv->x1) - (ln->x0 + ln->x1)) > 2.0f * em)
			continue;
		pv->flags = (pv->flags & ~(uint32_t)PDF_LINE_SMALL) |
		    PDF_LINE_DISPLAY | PDF_LINE_REGION | PDF_LINE_GAP;
		ln->flags &= ~(uint32_t)(PDF_LINE_REGION | PDF_LINE_GAP);
	}
}

/* Lay out a page's glyphs (see pdf_geom.h). */
void
pdf_geom_layout(const struct pdf_glyph *g, size_t n, double w, double h,
    struct pdf_layout *out)
{
	struct geom gm;
	uint32_t *ids;
	float *wid;
	int32_t *leaf;
	size_t i, nb;

	memset(out, 0, sizeof *out);
	memset(&gm, 0, sizeof gm);
	gm.w = isfinite(w) && w > 0 ? w : 612;
	gm.h = isfinite(h) && h > 0 ? h : 792;
	keep_glyphs(&gm, g, n);
	gm.body = body_size(&gm);
	gm.body_font = body_font(&gm);
	out->body = gm.body;
	make_frags(&gm);
	make_vertical(&gm);
	frag_features(&gm);

	ids = xreallocarray(NULL, gm.nf > 0 ? gm.nf : 1, sizeof *ids);
	wid = xreallocarray(NULL, gm.nf > 0 ? gm.nf : 1, sizeof *wid);
	gm.order = xreallocarray(NULL, gm.nf > 0 ? gm.nf : 1,
	    sizeof *gm.order);
	for (i = 0; i < gm.nf; i++)
		ids[i] = (uint32_t)i;
	mark_furniture(&gm, ids, wid, gm.nf);
	/* Top furniture first, then the body by the XY cut, then the foot. */
	nb = 0;
	for (i = 0; i < gm.nf; i++)
		if ((gm.f[i].flags & PDF_LINE_FURNITURE) &&
		    gm.f[i].y0 < gm.h / 2)
			ids[nb++] = (uint32_t)i;
	read_leaf(&gm, ids, nb);
	nb = 0;
	for (i = 0; i < gm.nf; i++)
		if (!(gm.f[i].flags & PDF_LINE_FURNITURE))
			ids[nb++] = (uint32_t)i;
	if (nb > 0)
		xy_cut(&gm, ids, wid, nb, 0);
	nb = 0;
	for (i = 0; i < gm.nf; i++)
		if ((gm.f[i].flags & PDF_LINE_FURNITURE) &&
		    gm.f[i].y0 >= gm.h / 2)
			ids[nb++] = (uint32_t)i;
	read_leaf(&gm, ids, nb);

	leaf = build_lines(&gm, out);
	join_split_markers(out, leaf);
	mark_paragraphs(&gm, out, leaf);
	mark_bold_heads(&gm, out);
	mark_subtitles(out);
	mark_kickers(&gm, out);
	mark_authors(&gm, out);
	free(leaf);
	free(ids);
	free(wid);
	free(gm.order);
	free(gm.f);
	free(gm.next);
	free(gm.g);
}

/* Free a layout (see pdf_geom.h). */
void
pdf_layout_free(struct pdf_layout *lay)
{
	free(lay->text);
	free(lay->lines);
	memset(lay, 0, sizeof *lay);
}
