/*
 * tui_reader.c - the article screen.
 *
 * An article is prepared once when it is opened: its headline group
 * (kicker, headline, subheadline), byline and body blocks become display
 * strings (sanitised, ambiguous characters substituted in wide mode,
 * paragraphs given the customary two-character first-line indent).  Each
 * string is wrapped with layout_wrap(), which follows the Chinese
 * line-breaking rules, into an index of lines (block, byte range, style).
 * Drawing paints only the lines in the window, so an article of any
 * length costs one screen per frame; no curses pads (research:
 * cjk-layout.md R6).  A resize wraps again and keeps the first visible
 * character in view.  The same (block, byte offset) pair is what a
 * bookmark or a saved reading position records (tui_reader_where) and
 * restores (tui_reader_seek), so it survives any change of window width.
 *
 * Search matches are found in the model's text (search_article()), never
 * in the display text, and turned into byte ranges of the prepared blocks
 * by the offset map the preparation returns (layout_prepare()), so
 * highlighting follows the wrapping at any width; a line is drawn in
 * pieces, the matches in reverse video, which a vt100 shows too.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tui_curses.h"

#include "edition.h"
#include "i18n.h"
#include "layout.h"
#include "search.h"
#include "text.h"
#include "tui.h"
#include "tui_view.h"
#include "width.h"
#include "xalloc.h"

/* Layout of the article screen, each with its reason. */
enum {
	/* A left margin of one column from this window width on: text
	   glued to the terminal edge is harder to read. */
	READER_MARGIN_FROM = 60,
	/* Paging keeps this many lines of the previous page in view. */
	READER_PAGE_OVERLAP = 1,
	/*
	 * Space at the end of an article leaves it only when pressed again
	 * after this pause (ms): a held, repeating Space stops at the end
	 * instead of running through the edition.
	 */
	READER_END_PAUSE_MS = 400,
	/* First-line indent of a paragraph: two characters (首行缩进两字). */
	READER_INDENT_COLS = 4,
	/* Lines shown above a match scrolled into view: its context. */
	READER_MATCH_CONTEXT = 2,
	/*
	 * Scrolling in steps (reader_scroll_steps): the least text rows for
	 * it (each step must keep 3 rows, ncurses' least hunk), and what one
	 * terminal scroll costs in columns of CJK text: setting the scroll
	 * region, moving into it, scrolling and resetting the region is some
	 * 26 bytes, the size of 17 CJK characters (3 bytes for 2 columns).
	 */
	READER_SCROLL_MIN_ROWS = 6,
	READER_SCROLL_COST_COLS = 17,
	/* - and + change the measure by two CJK characters at a time. */
	READER_MEASURE_STEP = 4,
	/*
	 * - stops at ten CJK characters a line: narrower, a paragraph is
	 * more breaks than text.
	 */
	READER_MEASURE_MIN = 20
};

/* Rows for text: all but the status line. */
static size_t
reader_rows(void)
{
	return LINES > 1 ? (size_t)LINES - 1 : 1;
}

/* The text width the window gives, without a measure. */
static size_t
reader_full_width(void)
{
	return tui_text_cols() - ((size_t)COLS >= READER_MARGIN_FROM ? 1 : 0);
}

/*
 * The text width and left margin for the current window and the measure
 * (t->measure: the setting or --measure, changed by - + =).
 */
static size_t
reader_width(const struct tui *t, size_t *margin)
{
	size_t cols = tui_text_cols(), w;

	*margin = (size_t)COLS >= READER_MARGIN_FROM ? 1 : 0;
	w = cols - *margin;
	if (t->measure > 0 && t->measure < w) {
		/* A capped measure is centred, as on a printed page. */
		w = t->measure;
		*margin = (cols - w) / 2;
	}
	return w > 0 ? w : 1;
}

/*
 * Append one block (text and map are taken over) with its style and
 * indent; source is the model's string it shows (NULL: none searched)
 * and map the offset map from source to text (NULL without a source).
 */
static void
reader_add(struct tui_reader *r, char *text, enum tui_style style,
    size_t indent, const char *source, size_t *map)
{
	struct tui_block *b;

	r->blocks = xreallocarray(r->blocks, r->nblocks + 1,
	    sizeof *r->blocks);
	b = &r->blocks[r->nblocks++];
	b->text = text;
	b->style = style;
	b->indent = indent;
	b->source = source;
	b->map = map;
}

/*
 * The offset map of a source src shown converted to another script:
 * src (valid UTF-8, from the model) was converted into conv, one
 * character for one, and pmap maps conv to the display text.  Caller
 * frees.
 */
static size_t *
reader_convert_map(const char *src, const char *conv, const size_t *pmap)
{
	size_t srclen = strlen(src), convlen = strlen(conv), i = 0, j = 0;
	size_t n, k, *m;
	uint32_t cp;

	m = xreallocarray(NULL, srclen + 1, sizeof *m);
	while (i < srclen) {
		n = utf8_decode(src + i, srclen - i, &cp);
		for (k = 0; k < n; k++)
			m[i + k] = pmap[j];
		if (j < convlen)
			j += utf8_decode(conv + j, convlen - j, &cp);
		i += n;
	}
	m[srclen] = pmap[convlen];
	/* Never decreasing, as the contract of layout.h says. */
	for (i = 1; i <= srclen; i++)
		if (m[i] < m[i - 1])
			m[i] = m[i - 1];
	return m;
}

/* Append a block made from raw text s, with a prefix (may be ""). */
static void
reader_add_text(const struct tui *t, struct tui_reader *r, const char *prefix,
    const char *s, enum tui_style style, size_t indent)
{
	struct layout_text pt;
	char *joined, *conv;
	size_t *map;

	/* With a prefix the offsets differ: only inferred headlines have
	   one, and they are not searched. */
	if (*prefix != '\0') {
		joined = xasprintf("%s%s", prefix, s);
		reader_add(r, tui_prepare(t, joined, strlen(joined)), style,
		    indent, NULL, NULL);
		free(joined);
		return;
	}
	if (t->conv == NULL) {
		layout_prepare(s, strlen(s), t->ambiguous_wide,
		    t->quotes_corner, true, &pt);
		reader_add(r, pt.text, style, indent, s, pt.map);
		return;
	}
	/*
	 * The script shown (T): the converted text is prepared, and the
	 * map goes from the source through the conversion, which keeps
	 * one character for one (OpenCC's phrases included).
	 */
	conv = tui_convert(t, xstrdup(s));
	layout_prepare(conv, strlen(conv), t->ambiguous_wide,
	    t->quotes_corner, true, &pt);
	map = reader_convert_map(s, conv, pt.map);
	free(pt.map);
	free(conv);
	reader_add(r, pt.text, style, indent, s, map);
}

/* Append an empty line. */
static void
reader_add_blank(struct tui_reader *r)
{
	reader_add(r, xstrdup(""), TUI_STYLE_TEXT, 0, NULL, NULL);
}

/* The reader style of a headline line. */
static enum tui_style
reader_headline_style(const struct headline *h)
{
	if (h->inferred)
		return TUI_STYLE_INFERRED;
	switch (h->role) {
	case HEADLINE_KICKER:
		return TUI_STYLE_KICKER;
	case HEADLINE_SUB:
		return TUI_STYLE_SUBTITLE;
	case HEADLINE_MAIN:
	case HEADLINE_UNKNOWN:
		break;
	}
	return TUI_STYLE_HEADLINE;
}

/* Whether lines of a style are centred: the headline group. */
static bool
reader_centred(enum tui_style style)
{
	return style == TUI_STYLE_KICKER || style == TUI_STYLE_HEADLINE ||
	    style == TUI_STYLE_SUBTITLE || style == TUI_STYLE_INFERRED;
}

/* Prepare the blocks of the selected article (once per article). */
static void
reader_prepare(struct tui *t)
{
	const struct section *s = t->ed->sections[t->sec];
	const struct article *a;
	struct tui_reader *r = &t->reader;
	size_t i;

	if (t->art >= s->narticles)
		return;
	a = s->articles[t->art];
	for (i = 0; i < a->nheadlines; i++) {
		const struct headline *h = &a->headlines[i];

		/* "~" marks a headline made from the lead, as in the lists. */
		reader_add_text(t, r, h->inferred ? "~ " : "", h->text,
		    reader_headline_style(h), 0);
	}
	if (a->byline != NULL) {
		reader_add_blank(r);
		reader_add_text(t, r, "", a->byline, TUI_STYLE_BYLINE, 0);
	}
	reader_add_blank(r);
	for (i = 0; i < a->nblocks; i++) {
		const struct block *b = &a->blocks[i];

		switch (b->kind) {
		case BLOCK_SUBHEAD:
			/* A subhead stands apart from the text around it. */
			if (i > 0)
				reader_add_blank(r);
			reader_add_text(t, r, "", b->text, TUI_STYLE_SUBHEAD,
			    0);
			reader_add_blank(r);
			break;
		case BLOCK_CAPTION:
			reader_add_text(t, r, "", b->text, TUI_STYLE_CAPTION,
			    0);
			break;
		case BLOCK_PARAGRAPH:
			reader_add_text(t, r, "", b->text, TUI_STYLE_TEXT,
			    READER_INDENT_COLS);
			break;
		}
	}
	r->loaded = true;
}

/* Free the prepared blocks and the line index of the reader. */
void
tui_reader_free(struct tui_reader *r)
{
	size_t i;

	for (i = 0; i < r->nblocks; i++) {
		free(r->blocks[i].text);
		free(r->blocks[i].map);
	}
	free(r->blocks);
	free(r->lines);
	free(r->matches);
	r->blocks = NULL;
	r->lines = NULL;
	r->matches = NULL;
	r->nblocks = r->nlines = r->nmatches = r->cur = 0;
	r->width = 0;
	r->loaded = false;
	r->shown = false;
}

/*
 * Wrap the prepared blocks to the window.  The first visible character is
 * kept in view across a re-wrap: its block and byte offset are found
 * again among the new lines.
 */
void
tui_reader_layout(struct tui *t)
{
	struct tui_reader *r = &t->reader;
	struct layout lay;
	size_t margin, width = reader_width(t, &margin), i, j;
	size_t keep_block = 0, keep_off = 0;
	bool keep = false, fresh = !r->loaded;

	if (fresh) {
		tui_reader_free(r);
		reader_prepare(t);
	}
	if (r->top < r->nlines) {
		keep_block = r->lines[r->top].block;
		keep_off = r->lines[r->top].start;
		keep = true;
	}
	free(r->lines);
	r->lines = NULL;
	r->nlines = 0;
	r->width = width;
	r->top = 0;
	/* The terminal shows lines of the old layout. */
	r->shown = false;
	for (i = 0; i < r->nblocks; i++) {
		const struct tui_block *b = &r->blocks[i];
		size_t indent = b->indent < width ? b->indent : 0;

		/* The indent is drawn here, not stored as text: the line
		   breaker gives the first line that much less room. */
		layout_wrap_indent(b->text, strlen(b->text), width, indent,
		    &lay);
		r->lines = xreallocarray(r->lines, r->nlines + lay.nlines,
		    sizeof *r->lines);
		for (j = 0; j < lay.nlines; j++) {
			struct tui_line *l = &r->lines[r->nlines + j];

			l->block = i;
			l->start = lay.lines[j].start;
			l->end = lay.lines[j].end;
			l->indent = j == 0 ? indent : 0;
			l->cols = lay.lines[j].width;
			if (keep && i == keep_block && l->start <= keep_off)
				r->top = r->nlines + j;
		}
		r->nlines += lay.nlines;
		layout_free(&lay);
	}
	/* A new article: the active search's matches in it. */
	if (fresh)
		tui_reader_find(t, SIZE_MAX, false);
}

/* Where the first visible line starts; see tui_view.h. */
void
tui_reader_where(const struct tui *t, size_t *block, size_t *offset)
{
	const struct tui_reader *r = &t->reader;

	*block = *offset = 0;
	if (r->loaded && r->top < r->nlines) {
		*block = r->lines[r->top].block;
		*offset = r->lines[r->top].start;
	}
}

/*
 * Make the line holding (block, offset) the first visible one: the last
 * line of that block starting at or before offset.  A block the article
 * no longer has (it was edited since) means the top: better the start of
 * the right article than a guess in the middle.
 */
void
tui_reader_seek(struct tui *t, size_t block, size_t offset)
{
	struct tui_reader *r = &t->reader;
	size_t i;

	r->top = 0;
	if (block >= r->nblocks)
		return;
	for (i = 0; i < r->nlines && r->lines[i].block <= block; i++) {
		if (r->lines[i].block < block || r->lines[i].start <= offset)
			r->top = i;
	}
}

/* The last possible top line: the end of the article fills the window. */
static size_t
reader_max_top(const struct tui_reader *r)
{
	size_t rows = reader_rows();

	return r->nlines > rows ? r->nlines - rows : 0;
}

/*
 * The first line shown: top, unless the window is tall enough to show
 * past the end.  top itself is not clamped: it is the reader's place, and
 * a window grown for a moment must not lose it (or the saved position).
 */
static size_t
reader_top(const struct tui_reader *r)
{
	size_t max = reader_max_top(r);

	return r->top > max ? max : r->top;
}

/*
 * The line that holds byte off of a block: the last starting at or
 * before, as layout_locate() finds it in one paragraph's layout.
 */
static size_t
reader_line_of(const struct tui_reader *r, size_t block, size_t off)
{
	size_t lo = 0, hi = r->nlines, mid;

	/* Lines are sorted by (block, start): find the first one after. */
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (r->lines[mid].block < block || (r->lines[mid].block ==
		    block && r->lines[mid].start <= off))
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo > 0 ? lo - 1 : 0;
}

/* The line of match i. */
static size_t
reader_match_line(const struct tui_reader *r, size_t i)
{
	return reader_line_of(r, r->matches[i].block, r->matches[i].start);
}

/* Scroll so the current match is in the window, with some context. */
static void
reader_show_match(struct tui *t)
{
	struct tui_reader *r = &t->reader;
	size_t line, rows = reader_rows();

	if (r->nmatches == 0)
		return;
	line = reader_match_line(r, r->cur);
	if (line >= reader_top(r) && line < reader_top(r) + rows)
		return;
	r->top = line > READER_MATCH_CONTEXT ? line - READER_MATCH_CONTEXT : 0;
	if (r->top > reader_max_top(r))
		r->top = reader_max_top(r);
}

/* The first match on line top or below; nmatches when there is none. */
static size_t
reader_match_from(const struct tui_reader *r, size_t top)
{
	size_t i;

	for (i = 0; i < r->nmatches; i++)
		if (reader_match_line(r, i) >= top)
			break;
	return i;
}

/* Append a match. */
static void
reader_match_add(struct tui_reader *r, size_t block, size_t start,
    size_t end, size_t hit)
{
	struct tui_match *m;

	r->matches = xreallocarray(r->matches, r->nmatches + 1,
	    sizeof *r->matches);
	m = &r->matches[r->nmatches++];
	m->block = block;
	m->start = start;
	m->end = end;
	m->hit = hit;
}

/* Find the active search's matches in the open article; see tui_view.h. */
size_t
tui_reader_find(struct tui *t, size_t hit, bool show)
{
	struct tui_reader *r = &t->reader;
	const struct section *s = t->ed->sections[t->sec];
	const struct article *a;
	struct search_hit *hits = NULL;
	const char *text;
	const size_t *map;
	size_t n, i, b = 0;

	free(r->matches);
	r->matches = NULL;
	r->nmatches = r->cur = 0;
	if (t->search.q == NULL || t->search.idx == NULL ||
	    t->art >= s->narticles || !r->loaded)
		return 0;
	a = s->articles[t->art];
	n = search_article(t->search.idx, t->search.q, a, &hits);
	for (i = 0; i < n; i++) {
		/* Hits and blocks are both in reading order: look ahead only.
		   The dateline is not shown: its hits have no block. */
		text = search_field_text(a, &hits[i]);
		while (b < r->nblocks && r->blocks[b].source != text)
			b++;
		if (b == r->nblocks) {
			b = 0;
			continue;
		}
		/* The preparation's map: hits fall on character
		   boundaries of the source (search.h). */
		map = r->blocks[b].map;
		/* A hit of characters the display drops shows nothing. */
		if (map[hits[i].end] > map[hits[i].start])
			reader_match_add(r, b, map[hits[i].start],
			    map[hits[i].end], i);
	}
	free(hits);
	if (r->nmatches == 0)
		return 0;
	if (hit != SIZE_MAX) {
		for (i = 0; i + 1 < r->nmatches && r->matches[i].hit < hit; i++)
			continue;
		r->cur = i;
		show = true;
	} else {
		r->cur = reader_match_from(r, reader_top(r));
		if (r->cur == r->nmatches)
			r->cur = 0;
	}
	if (show)
		reader_show_match(t);
	return r->nmatches;
}

/*
 * n past the last match of the article: the next article in the edition
 * with a match, opened at its first hit (tui_open_article reads
 * results.open_hit).  Returns false when no later article has one.
 */
static bool
reader_next_article_match(struct tui *t)
{
	struct search_results *res;
	const struct search_match *m = NULL;
	size_t i;

	if (t->search.idx == NULL || t->search.q == NULL)
		return false;
	res = search_edition(t->search.idx, t->search.q);
	for (i = 0; i < res->nmatches; i++) {
		if (res->matches[i].section > t->sec ||
		    (res->matches[i].section == t->sec &&
		    res->matches[i].article > t->art)) {
			m = &res->matches[i];
			break;
		}
	}
	if (m != NULL) {
		t->sec = m->section;
		t->art = m->article;
		t->results.open_hit = tui_results_hit(m);
		t->results.opened = false;
		tui_message(t, _("next article with a match"));
	}
	search_results_free(res);
	return m != NULL;
}

/*
 * n and N: the next or previous match, from the current one when it is on
 * the screen, else from the screen (as less does).  Past the last match
 * n goes on to the next article with a match (returning true: open it),
 * else round to the first match, and says so.
 */
static bool
reader_step_match(struct tui *t, bool forward)
{
	struct tui_reader *r = &t->reader;
	size_t rows = reader_rows(), top = reader_top(r), line, i;

	if (t->search.q == NULL) {
		tui_message(t, _("no search yet: / searches the article"));
		return false;
	}
	if (r->nmatches == 0) {
		if (forward && reader_next_article_match(t))
			return true;
		tui_message(t, _("no match in this article"));
		return false;
	}
	line = reader_match_line(r, r->cur);
	if (line < top || line >= top + rows) {
		/* Off screen: the first match on the screen or after it. */
		i = reader_match_from(r, top);
		if (!forward)
			i = reader_match_from(r, top + rows);
		if (forward && i < r->nmatches)
			r->cur = i;
		else if (!forward && i > 0)
			r->cur = i - 1;
		else if (forward) {
			r->cur = 0;
			tui_message(t, _("search wrapped to the first match"));
		} else {
			r->cur = r->nmatches - 1;
			tui_message(t, _("search wrapped to the last match"));
		}
	} else if (forward) {
		if (r->cur + 1 < r->nmatches)
			r->cur++;
		else if (reader_next_article_match(t))
			return true;
		else {
			r->cur = 0;
			tui_message(t, _("search wrapped to the first match"));
		}
	} else {
		if (r->cur > 0)
			r->cur--;
		else {
			r->cur = r->nmatches - 1;
			tui_message(t, _("search wrapped to the last match"));
		}
	}
	reader_show_match(t);
	return false;
}

/*
 * Draw line l of the article at (y, x), cols wide, in pieces: the text
 * between matches in the block's style, the matches reversed.  Returns
 * the columns used.
 */
static size_t
reader_draw_line(struct tui *t, int y, int x, const struct tui_line *l,
    size_t cols)
{
	const struct tui_reader *r = &t->reader;
	const struct tui_block *b = &r->blocks[l->block];
	const struct tui_match *m;
	size_t used = 0, pos = l->start, i, ms, me;

	for (i = 0; i < r->nmatches; i++) {
		m = &r->matches[i];
		if (m->block < l->block || (m->block == l->block &&
		    m->end <= l->start))
			continue;
		if (m->block > l->block || m->start >= l->end)
			break;
		ms = m->start > pos ? m->start : pos;
		me = m->end < l->end ? m->end : l->end;
		if (ms > pos)
			used += tui_put_shown(t, y, x + (int)used,
			    b->text + pos, ms - pos, cols - used, 0,
			    b->style);
		if (me > ms)
			used += tui_put_shown(t, y, x + (int)used,
			    b->text + ms, me - ms, cols - used, 0,
			    i == r->cur ? TUI_STYLE_MATCH_CUR :
			    TUI_STYLE_MATCH);
		if (me > pos)
			pos = me;
	}
	if (pos < l->end)
		used += tui_put_shown(t, y, x + (int)used, b->text + pos,
		    l->end - pos, cols - used, 0, b->style);
	return used;
}

/*
 * - + =: change the measure (t->measure) by READER_MEASURE_STEP, or back
 * to the setting.  Wider than the window is the window (0), so + at full
 * width does not grow a number nobody sees.  The draw re-wraps.
 */
static void
reader_measure(struct tui *t, enum tui_action act)
{
	size_t margin, w = reader_width(t, &margin), full = reader_full_width();

	if (act == TUI_ACT_MEASURE_RESET)
		t->measure = t->opts->measure;
	else if (act == TUI_ACT_WIDER)
		t->measure = w + READER_MEASURE_STEP >= full ? 0 :
		    w + READER_MEASURE_STEP;
	else if (w > READER_MEASURE_MIN)
		t->measure = w - READER_MEASURE_STEP > READER_MEASURE_MIN ?
		    w - READER_MEASURE_STEP : READER_MEASURE_MIN;
	w = reader_width(t, &margin);
	if (w >= full)
		tui_message(t, _("text width: the window (%zu columns)"), w);
	else
		tui_message(t, _("text width: %zu columns"), w);
}

/* Draw the status line: edition, section, article n/m, position. */
static void
reader_status(struct tui *t)
{
	const struct tui_reader *r = &t->reader;
	const struct section *s = t->ed->sections[t->sec];
	size_t rows = reader_rows(), pct = 100, margin;
	char *left, *right, *match, *where;
	char measure[32] = "";

	if (r->nlines > rows)
		pct = (reader_top(r) + rows) * 100 / r->nlines;
	if (pct > 100)
		pct = 100;
	/* S/A first: the numbering --list, --dump and --search use. */
	where = tui_where(t);
	left = xasprintf("%zu/%zu  %s", t->sec + 1, t->art + 1, where);
	free(where);
	/*
	 * The measure, when it is narrower than the window: what - and +
	 * change.  In columns, as "set measure" and --measure take it.
	 */
	if (reader_width(t, &margin) < reader_full_width())
		snprintf(measure, sizeof measure, _("%zu cols  "),
		    reader_width(t, &margin));
	/* "*": this article has a bookmark, as in the article list. */
	/*
	 * "? help" stays, as in the lists: the one key to remember.  It
	 * goes first so the place (and its percentage) ends the line.
	 */
	/* TRANSLATORS: %s is "* " (bookmarked) or nothing; %% a percent. */
	right = xasprintf(_("%sarticle %zu/%zu  %3zu%%"),
	    t->art < s->narticles && tui_marked(t, s->articles[t->art]) ?
	    "* " : "", t->art + 1, s->narticles, pct);
	/* The search's place first: it is what n and N change. */
	match = r->nmatches > 0 ? xasprintf(_("? help  %smatch %zu/%zu  %s"),
	    measure, r->cur + 1, r->nmatches, right) :
	    xasprintf(_("? help  %s%s"), measure, right);
	free(right);
	right = match;
	tui_status(t, left, right);
	free(right);
	free(left);
}

/*
 * Draw the text rows for first line top, each row cleared first (a step
 * of reader_scroll_steps() draws over the previous frame, not over an
 * erased screen).  The status line is left alone.
 */
static void
reader_draw_text(struct tui *t, size_t top, size_t margin)
{
	struct tui_reader *r = &t->reader;
	size_t rows = reader_rows(), y;

	for (y = 0; y < rows; y++) {
		size_t i = top + y;

		tui_clear_eol((int)y, 0);
		if (i < r->nlines) {
			const struct tui_line *l = &r->lines[i];
			const struct tui_block *b = &r->blocks[l->block];
			size_t x = l->indent;

			/* Headline lines are centred, as on the page. */
			if (reader_centred(b->style) && l->cols < r->width)
				x = (r->width - l->cols) / 2;
			reader_draw_line(t, (int)y, (int)(margin + x), l,
			    r->width - x);
		}
	}
}

/*
 * Move what the terminal shows from shown_top to top in steps curses can
 * scroll, when that sends fewer bytes than drawing the new window.
 *
 * ncurses looks for lines that moved between two refreshes and scrolls
 * them with the terminal's scroll region (idlok), but only a block of
 * lines that moves no further than its own length: a page down that keeps
 * one line, or the last page that keeps a few, is drawn afresh, every
 * kept line sent again.  In steps of at most half the window each move
 * qualifies, so the kept lines are scrolled and only the new ones are
 * sent, as less does when it pages.  A step costs a scroll (some 26
 * bytes), so this is done only when the kept lines outweigh the steps.
 * The frames between are drawn without a pause: the window moves at once
 * on a fast terminal, and in visible steps only on a slow link, where it
 * is worth it.
 */
static void
reader_scroll_steps(struct tui *t, size_t margin)
{
	struct tui_reader *r = &t->reader;
	size_t rows = reader_rows(), from = r->shown_top, to = reader_top(r);
	size_t shift, step, nsteps, kept = 0, lo, hi, i;

	if (!r->shown || rows < READER_SCROLL_MIN_ROWS || from == to)
		return;
	shift = from < to ? to - from : from - to;
	step = rows / 2;
	/* Nothing kept, or curses scrolls it in one go anyway. */
	if (shift >= rows || shift <= step)
		return;
	nsteps = (shift + step - 1) / step;
	/* The lines both windows show: what scrolling saves sending. */
	lo = from > to ? from : to;
	hi = (from < to ? from : to) + rows;
	for (i = lo; i < hi && i < r->nlines; i++)
		kept += r->lines[i].indent + r->lines[i].cols;
	if (kept < nsteps * READER_SCROLL_COST_COLS)
		return;
	for (i = 1; i < nsteps; i++) {
		reader_draw_text(t, from < to ? from + shift * i / nsteps :
		    from - shift * i / nsteps, margin);
		tui_refresh(t);
	}
}

/* Draw the visible lines of the article and the status line. */
void
tui_reader_draw(struct tui *t)
{
	struct tui_reader *r = &t->reader;
	size_t margin;

	/* The window may have changed since the lines were made. */
	if (r->width != reader_width(t, &margin))
		tui_reader_layout(t);
	/* The status first: the steps' frames show the final one. */
	reader_status(t);
	reader_scroll_steps(t, margin);
	reader_draw_text(t, reader_top(r), margin);
	r->shown_top = reader_top(r);
	r->shown = true;
}

/* Select the article delta steps away, across sections; false at an end. */
static bool
reader_step(struct tui *t, int delta)
{
	const struct edition *ed = t->ed;
	size_t sec = t->sec, art = t->art;

	for (;;) {
		if (delta > 0 && art + 1 < ed->sections[sec]->narticles) {
			art++;
			break;
		}
		if (delta < 0 && art > 0) {
			art--;
			break;
		}
		/* Past the end of a section: on to the next non-empty one. */
		if (delta > 0 && sec + 1 < ed->nsections) {
			sec++;
			art = (size_t)-1;
			if (ed->sections[sec]->narticles > 0) {
				art = 0;
				break;
			}
			continue;
		}
		if (delta < 0 && sec > 0) {
			sec--;
			art = ed->sections[sec]->narticles;
			if (art > 0) {
				art--;
				break;
			}
			continue;
		}
		return false;
	}
	t->sec = sec;
	t->art = art;
	return true;
}

/* Open the first article of the section delta steps away, if any. */
static bool
reader_section(struct tui *t, int delta)
{
	size_t sec = t->sec;

	for (;;) {
		if (delta > 0 && sec + 1 < t->ed->nsections)
			sec++;
		else if (delta < 0 && sec > 0)
			sec--;
		else
			return false;
		if (t->ed->sections[sec]->narticles > 0)
			break;
	}
	t->sec = sec;
	t->art = 0;
	t->art_top = 0;
	return true;
}

/*
 * Space at the end of the article goes on, as in mutt, slrn and tin: the
 * first Space there says what comes next (the next unread article when
 * there is one, else the next in order), the second opens it.
 */
static enum tui_next
reader_past_end(struct tui *t)
{
	struct tui_reader *r = &t->reader;
	size_t sec = t->sec, art = t->art;
	bool unread;
	const struct article *a;

	unread = tui_marks_find_unread(t, t->sec, t->art, &sec, &art);
	if (!unread) {
		if (!reader_step(t, 1)) {
			tui_message(t, _("end of the edition (q: back to the "
			    "list)"));
			return TUI_NEXT_DRAW;
		}
		/* reader_step moved the selection: note it and go back. */
		sec = t->sec;
		art = t->art;
		t->sec = r->end_sec;
		t->art = r->end_art;
	}
	/*
	 * The notice must have been seen: the second Space has to come at
	 * the same window size and after a pause of READER_END_PAUSE_MS.  A
	 * Space typed while the window changes, or a held Space repeating,
	 * repeats the notice (and restarts the pause) instead of leaving
	 * the article.
	 */
	if (!r->end_said || tui_term_size() != r->end_size ||
	    tui_now_ms() - r->end_ms < READER_END_PAUSE_MS) {
		a = t->ed->sections[sec]->articles[art];
		r->end_said = true;
		r->end_size = tui_term_size();
		r->end_ms = tui_now_ms();
		/*
		 * TRANSLATORS: %s is " unread" or nothing, then the next
		 * article's headline.
		 */
		tui_message(t, _("end of article; Space: next%s: %s"),
		    unread ? _(" unread") : "", article_title(a) != NULL ?
		    article_title(a) : _("(no headline)"));
		return TUI_NEXT_DRAW;
	}
	r->end_said = false;
	t->sec = sec;
	t->art = art;
	return TUI_NEXT_OPEN;
}

/* Act on a key in the article screen. */
enum tui_next
tui_reader_action(struct tui *t, enum tui_action act)
{
	struct tui_reader *r = &t->reader;
	size_t rows = reader_rows(), max = reader_max_top(r);
	size_t page = rows > READER_PAGE_OVERLAP ? rows - READER_PAGE_OVERLAP :
	    1;
	size_t top = reader_top(r);

	/* Space at the end: what comes next, then on to it. */
	if (act == TUI_ACT_PAGE_DOWN && top >= max) {
		r->end_sec = t->sec;
		r->end_art = t->art;
		return reader_past_end(t);
	}
	r->end_said = false;
	switch (act) {
	case TUI_ACT_BACK:
		return TUI_NEXT_CLOSE;
	case TUI_ACT_NARROWER:
	case TUI_ACT_WIDER:
	case TUI_ACT_MEASURE_RESET:
		reader_measure(t, act);
		return TUI_NEXT_DRAW;
	case TUI_ACT_SEARCH_NEXT:
	case TUI_ACT_SEARCH_PREV:
		if (reader_step_match(t, act == TUI_ACT_SEARCH_NEXT))
			return TUI_NEXT_OPEN;
		return TUI_NEXT_DRAW;
	case TUI_ACT_NEXT_ARTICLE:
	case TUI_ACT_PREV_ARTICLE:
		if (!reader_step(t, act == TUI_ACT_NEXT_ARTICLE ? 1 : -1)) {
			tui_message(t, act == TUI_ACT_NEXT_ARTICLE ?
			    _("this is the last article of the edition") :
			    _("this is the first article of the edition"));
			return TUI_NEXT_DRAW;
		}
		return TUI_NEXT_OPEN;
	case TUI_ACT_NEXT_SECTION:
	case TUI_ACT_PREV_SECTION:
		if (!reader_section(t, act == TUI_ACT_NEXT_SECTION ? 1 : -1)) {
			tui_message(t, act == TUI_ACT_NEXT_SECTION ?
			    _("this is the last section") :
			    _("this is the first section"));
			return TUI_NEXT_DRAW;
		}
		return TUI_NEXT_OPEN;
	default:
		if (!tui_move_scroll(act, &top, max, page))
			return TUI_NEXT_NONE;
	}
	if (top == reader_top(r))
		return TUI_NEXT_NONE;
	r->top = top;
	return TUI_NEXT_DRAW;
}
