/*
 * tui_list.c - the list screens: the edition screen (the sections of an
 * edition and the articles of the selected one) and the bookmark list.
 *
 * On a wide terminal both lists stand side by side (sections left, the
 * selected section's articles right), as a printed edition's table of
 * contents does; on a narrow one they are two stacked screens, sections
 * then articles, and q steps back.  Either way there is one selection per
 * list and a focus saying which list the keys move.
 *
 * Rows are composed as one string of fixed-width fields (padded and
 * truncated by display columns, never bytes) and drawn in one run from
 * column 0, so a row is always drawn whole.  An unread article has an
 * "N" before its number, as in mutt and Newsboat, and a bookmarked one a
 * "*" (ASCII: one column on every terminal, unlike the East Asian
 * Ambiguous stars and bullets); a section shows "unread/all篇" while it
 * has unread articles.
 *
 * The bookmark list spans all editions, newest first, two rows a
 * bookmark: the headline, then when it was added, the edition, the
 * section, and "(edition missing)" when its file moved or vanished.  Two
 * rows keep all of it readable in 40 columns.  Opening and deleting are
 * store operations, left to tui.c (enum tui_next).
 *
 * The result list of an edition search has two rows an article too: the
 * section/article numbers, the headline and the number of matches, then
 * a snippet around the first match in the body with the match reversed.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "tui_curses.h"

#include "buf.h"
#include "edition.h"
#include "i18n.h"
#include "layout.h"
#include "search.h"
#include "tui.h"
#include "tui_view.h"
#include "width.h"
#include "xalloc.h"

/* Layout of the lists, each with its reason. */
enum {
	/* From this width on, sections and articles share the screen. */
	LIST_WIDE_COLS = 100,
	/* Bounds of the sections pane in the side-by-side layout. */
	LIST_SECTIONS_MIN = 24,
	LIST_SECTIONS_MAX = 40,
	/* Article rows show the byline from this pane width on. */
	LIST_BYLINE_FROM = 64,
	/* Headlines get at most this many columns: on a very wide screen
	   the byline and length stay near the headline they belong to. */
	LIST_HEADLINE_MAX = 60,
	/* Width of the byline field (8 CJK characters: 记者 王译博). */
	LIST_BYLINE_COLS = 16,
	/* Width of the length field: "12345字". */
	LIST_LENGTH_COLS = 7,
	/* Screen rows per bookmark: headline, then where it is from. */
	MARKS_ROW_LINES = 2,
	/* Screen rows per search result: headline, then a snippet. */
	RESULTS_ROW_LINES = 2,
	/* Columns before a result's snippet: it stands under the headline. */
	RESULTS_SNIPPET_INDENT = 4
};

/* Rows of the list area: between the title row and the status line. */
static size_t
list_rows(void)
{
	return LINES > 2 ? (size_t)LINES - 2 : 1;
}

/* Number of decimal digits of n (at least 1). */
static size_t
list_digits(size_t n)
{
	size_t d = 1;

	while (n >= 10) {
		n /= 10;
		d++;
	}
	return d;
}

/* Whether sections and articles are drawn side by side. */
static bool
list_wide(void)
{
	return COLS >= LIST_WIDE_COLS;
}

/* The headline line a list shows for an article (MAIN, else the first). */
static const struct headline *
list_headline(const struct article *a)
{
	size_t i;

	for (i = 0; i < a->nheadlines; i++) {
		if (a->headlines[i].role == HEADLINE_MAIN)
			return &a->headlines[i];
	}
	return a->nheadlines > 0 ? &a->headlines[0] : NULL;
}

/* Append s as a field of exactly cols columns (truncated with "…"). */
static void
list_field(struct tui *t, struct buf *row, const char *s, size_t cols)
{
	char *prep = tui_prepare(t, s, strlen(s));
	char *padded = width_pad(prep, strlen(prep), cols);

	buf_puts(row, padded);
	free(padded);
	free(prep);
}

/* Compose the row of section i for a pane cols wide. */
static void
list_section_row(struct tui *t, struct buf *row, size_t i, size_t cols)
{
	const struct section *s = t->ed->sections[i];
	size_t numw = list_digits(t->ed->nsections);
	char *num = xasprintf(" %*zu ", (int)numw, i + 1);
	size_t unread = tui_marks_unread(t, s);
	char *count = unread > 0 ?
	    xasprintf(" %zu/%zu篇", unread, s->narticles) :
	    xasprintf(" %4zu篇", s->narticles);
	size_t fixed = strlen(num) + width_str(count, strlen(count));

	buf_puts(row, num);
	if (cols > fixed) {
		list_field(t, row, s->title, cols - fixed);
		buf_puts(row, count);
	}
	free(count);
	free(num);
}

/* Compose the row of article i of the selected section. */
static void
list_article_row(struct tui *t, struct buf *row, size_t i, size_t cols)
{
	const struct section *s = t->ed->sections[t->sec];
	const struct article *a = s->articles[i];
	const struct headline *h = list_headline(a);
	size_t numw = list_digits(s->narticles);
	char *num = xasprintf("%c%c%*zu. ", tui_marks_is_read(t, a) ? ' ' : 'N',
	    tui_marked(t, a) ? '*' : ' ', (int)numw, i + 1);
	char *len = xasprintf(" %5zu字", a->length);
	char *title;
	size_t fixed = strlen(num) + width_str(len, strlen(len));
	size_t byw = cols >= LIST_BYLINE_FROM ? LIST_BYLINE_COLS + 1 : 0;

	/* "~" marks a headline kanbao made from the lead (none printed). */
	if (h == NULL)
		/* TRANSLATORS: "~" marks a headline kanbao made; keep it. */
		title = xstrdup(_("~ (no headline)"));
	else if (h->inferred)
		title = xasprintf("~ %s", h->text);
	else
		title = xstrdup(article_title(a));

	buf_puts(row, num);
	if (cols > fixed + byw + 4) {
		size_t headw = cols - fixed - byw;

		if (headw > LIST_HEADLINE_MAX)
			headw = LIST_HEADLINE_MAX;
		list_field(t, row, title, headw);
		if (byw > 0) {
			buf_putc(row, ' ');
			list_field(t, row, a->byline != NULL ? a->byline : "",
			    LIST_BYLINE_COLS);
		}
		buf_puts(row, len);
	} else if (cols > strlen(num))
		list_field(t, row, title, cols - strlen(num));
	free(title);
	free(len);
	free(num);
}

/* Keep selection sel inside the rows window starting at *top. */
static void
list_scroll(size_t sel, size_t *top, size_t rows)
{
	if (sel < *top)
		*top = sel;
	else if (sel >= *top + rows)
		*top = sel - rows + 1;
}

/* Draw one row of a list pane at (y, x), cols wide. */
static void
list_draw_row(struct tui *t, int y, int x, size_t cols, bool sections,
    size_t i, enum tui_style style)
{
	struct buf row = BUF_INIT;

	if (sections)
		list_section_row(t, &row, i, cols);
	else
		list_article_row(t, &row, i, cols);
	tui_put_shown(t, y, x, buf_str(&row), row.len, cols, cols, style);
	buf_free(&row);
}

/* The style of row i of a list: selected rows are reversed when focused. */
static enum tui_style
list_row_style(const struct tui *t, bool sections, size_t i)
{
	bool focused = sections == (t->focus == TUI_FOCUS_SECTIONS);

	if (sections && i == t->sec)
		return focused ? TUI_STYLE_SELECTED : TUI_STYLE_TITLE;
	if (!sections && focused && i == t->art)
		return TUI_STYLE_SELECTED;
	return TUI_STYLE_TEXT;
}

/* Width of the sections pane in the side-by-side layout. */
static size_t
list_sections_cols(const struct tui *t)
{
	size_t i, w, best = LIST_SECTIONS_MIN;

	for (i = 0; i < t->ed->nsections; i++) {
		const char *title = t->ed->sections[i]->title;

		/* number, gaps and count take about 10 columns */
		w = width_str(title, strlen(title)) + 10;
		if (w > best)
			best = w;
	}
	if (best > LIST_SECTIONS_MAX)
		best = LIST_SECTIONS_MAX;
	if (best > (size_t)COLS / 3)
		best = (size_t)COLS / 3;
	return best;
}

/* Draw the status line of the edition screen. */
static void
list_status(struct tui *t)
{
	const struct section *s = t->ed->sections[t->sec];
	char *left, *right;

	left = tui_where(t);
	if (t->focus == TUI_FOCUS_ARTICLES && s->narticles > 0)
		right = xasprintf(_("article %zu/%zu  ? help"), t->art + 1,
		    s->narticles);
	else
		right = xasprintf(_("section %zu/%zu  ? help"), t->sec + 1,
		    t->ed->nsections);
	tui_status(t, left, right);
	free(right);
	free(left);
}

/* Draw the title row: the edition, or the section whose articles show. */
static void
list_title(struct tui *t)
{
	const struct section *s = t->ed->sections[t->sec];
	char *title;

	if (!list_wide() && t->focus == TUI_FOCUS_ARTICLES)
		/*
		 * TRANSLATORS: a section's number and name, its articles and
		 * unread ones.  A %s after a count is the English plural "s":
		 * write %.0s to drop it in a language without plurals.
		 */
		title = xasprintf(_(" %zu  %s  (%zu article%s, %zu unread)"),
		    t->sec + 1, s->title, s->narticles,
		    s->narticles == 1 ? "" : "s", tui_marks_unread(t, s));
	else
		/* TRANSLATORS: as above, for the edition. */
		title = xasprintf(_(" %s  (%zu section%s, %zu article%s, %zu "
		    "unread)"), t->ed->title != NULL ? t->ed->title : "kanbao",
		    t->ed->nsections, t->ed->nsections == 1 ? "" : "s",
		    edition_count_articles(t->ed),
		    edition_count_articles(t->ed) == 1 ? "" : "s",
		    tui_marks_unread_all(t));
	tui_put(t, 0, 0, title, strlen(title), tui_text_cols(), 0,
	    TUI_STYLE_TITLE);
	tui_clear_eol(0, COLS - 1);
	free(title);
}

/* Draw the edition screen. */
void
tui_list_draw(struct tui *t)
{
	const struct section *s = t->ed->sections[t->sec];
	size_t rows = list_rows(), r, cols = tui_text_cols(), left, i;
	bool wide = list_wide();

	list_scroll(t->sec, &t->sec_top, rows);
	list_scroll(t->art, &t->art_top, rows);
	list_title(t);

	left = wide ? list_sections_cols(t) : 0;
	for (r = 0; r < rows; r++) {
		int y = (int)r + 1;
		int x = 0;

		if (wide || t->focus == TUI_FOCUS_SECTIONS) {
			i = t->sec_top + r;
			if (i < t->ed->nsections)
				list_draw_row(t, y, 0, wide ? left : cols,
				    true, i, list_row_style(t, true, i));
			else if (wide)
				tui_put(t, y, 0, "", 0, left, left,
				    TUI_STYLE_TEXT);
			if (wide) {
				tui_put(t, y, (int)left, " | ", 3, 3, 3,
				    TUI_STYLE_DIM);
				x = (int)left + 3;
			}
		}
		if (wide || t->focus == TUI_FOCUS_ARTICLES) {
			i = t->art_top + r;
			if (i < s->narticles)
				list_draw_row(t, y, x, cols - (size_t)x,
				    false, i, list_row_style(t, false, i));
			else if (i == 0)
				tui_put(t, y, x, _(" (no articles)"),
				    strlen(_(" (no articles)")),
				    cols - (size_t)x, 0, TUI_STYLE_DIM);
		}
		tui_clear_eol(y, COLS - 1);
	}
	list_status(t);
}

/* Move a selection by delta (clamped to [0, n)). */
static void
list_move(size_t *sel, size_t n, long delta)
{
	long v = (long)*sel + delta;

	if (n == 0)
		v = 0;
	else if (v < 0)
		v = 0;
	else if (v >= (long)n)
		v = (long)n - 1;
	*sel = (size_t)v;
}

/* Apply a cursor movement to a selection; see tui_view.h. */
bool
tui_move_selection(enum tui_action act, size_t *sel, size_t n, long page)
{
	switch (act) {
	case TUI_ACT_DOWN:
		list_move(sel, n, 1);
		return true;
	case TUI_ACT_UP:
		list_move(sel, n, -1);
		return true;
	case TUI_ACT_PAGE_DOWN:
		list_move(sel, n, page);
		return true;
	case TUI_ACT_PAGE_UP:
		list_move(sel, n, -page);
		return true;
	case TUI_ACT_HALF_DOWN:
		list_move(sel, n, page / 2 > 0 ? page / 2 : 1);
		return true;
	case TUI_ACT_HALF_UP:
		list_move(sel, n, -(page / 2 > 0 ? page / 2 : 1));
		return true;
	case TUI_ACT_TOP:
		*sel = 0;
		return true;
	case TUI_ACT_BOTTOM:
		list_move(sel, n, (long)n);
		return true;
	default:
		return false;
	}
}

/* Apply a scrolling movement to a view's top line; see tui_view.h. */
bool
tui_move_scroll(enum tui_action act, size_t *top, size_t max, size_t page)
{
	switch (act) {
	case TUI_ACT_DOWN:
		if (*top < max)
			(*top)++;
		return true;
	case TUI_ACT_UP:
		if (*top > 0)
			(*top)--;
		return true;
	case TUI_ACT_PAGE_DOWN:
		*top = *top + page < max ? *top + page : max;
		return true;
	case TUI_ACT_PAGE_UP:
		*top = *top > page ? *top - page : 0;
		return true;
	case TUI_ACT_HALF_DOWN:
		page = page / 2 > 0 ? page / 2 : 1;
		*top = *top + page < max ? *top + page : max;
		return true;
	case TUI_ACT_HALF_UP:
		page = page / 2 > 0 ? page / 2 : 1;
		*top = *top > page ? *top - page : 0;
		return true;
	case TUI_ACT_TOP:
		*top = 0;
		return true;
	case TUI_ACT_BOTTOM:
		*top = max;
		return true;
	default:
		return false;
	}
}

/* Select section sec, resetting the article selection. */
static void
list_select_section(struct tui *t, size_t sec)
{
	if (sec == t->sec)
		return;
	t->sec = sec;
	t->art = 0;
	t->art_top = 0;
	t->reader.loaded = false;
}

/* Act on a key in the edition screen. */
enum tui_next
tui_list_action(struct tui *t, enum tui_action act)
{
	const struct section *s = t->ed->sections[t->sec];
	bool on_sections = t->focus == TUI_FOCUS_SECTIONS;
	size_t n = on_sections ? t->ed->nsections : s->narticles;
	size_t sel = on_sections ? t->sec : t->art;
	long page = (long)list_rows();

	switch (act) {
	case TUI_ACT_OPEN:
		if (!on_sections)
			return s->narticles > 0 ? TUI_NEXT_OPEN : TUI_NEXT_NONE;
		t->focus = TUI_FOCUS_ARTICLES;
		return TUI_NEXT_DRAW;
	case TUI_ACT_BACK:
		/* One section: its article list is the top level.  Above it
		   only the picker, when the session began there. */
		if (on_sections || t->ed->nsections == 1)
			return tui_library_back(t) ? TUI_NEXT_DRAW :
			    TUI_NEXT_QUIT;
		t->focus = TUI_FOCUS_SECTIONS;
		return TUI_NEXT_DRAW;
	case TUI_ACT_NEXT_ARTICLE:
	case TUI_ACT_PREV_ARTICLE:
		/* J/K always move through the articles. */
		t->focus = TUI_FOCUS_ARTICLES;
		sel = t->art;
		list_move(&t->art, s->narticles,
		    act == TUI_ACT_NEXT_ARTICLE ? 1 : -1);
		/* At the edge, say so rather than do nothing. */
		if (sel == t->art)
			tui_message(t, act == TUI_ACT_NEXT_ARTICLE ?
			    _("this is the last article of the section") :
			    _("this is the first article of the section"));
		t->reader.loaded = false;
		return TUI_NEXT_DRAW;
	case TUI_ACT_NEXT_SECTION:
	case TUI_ACT_PREV_SECTION:
		sel = t->sec;
		list_move(&sel, t->ed->nsections,
		    act == TUI_ACT_NEXT_SECTION ? 1 : -1);
		if (sel == t->sec)
			tui_message(t, act == TUI_ACT_NEXT_SECTION ?
			    _("this is the last section") :
			    _("this is the first section"));
		list_select_section(t, sel);
		return TUI_NEXT_DRAW;
	default:
		/* Everything else is a movement, or nothing. */
		if (!tui_move_selection(act, &sel, n, page))
			return TUI_NEXT_NONE;
	}
	if (on_sections)
		list_select_section(t, sel);
	else if (sel != t->art) {
		t->art = sel;
		t->reader.loaded = false;
	}
	return TUI_NEXT_DRAW;
}

/* Bookmarks that fit the list area (at least one). */
static size_t
marks_rows(void)
{
	size_t n = list_rows() / MARKS_ROW_LINES;

	return n > 0 ? n : 1;
}

/* Draw text wrapped from row y, one column in; returns the next row. */
static int
marks_wrap(struct tui *t, int y, const char *text, enum tui_style style)
{
	struct layout lay;
	size_t i, cols = tui_text_cols();

	if (cols < 2)
		return y;
	layout_wrap(text, strlen(text), cols - 1, &lay);
	for (i = 0; i < lay.nlines && y < LINES - 1; i++, y++)
		tui_put(t, y, 1, text + lay.lines[i].start,
		    lay.lines[i].end - lay.lines[i].start, cols - 1, 0, style);
	layout_free(&lay);
	return y;
}

/* The second row of a bookmark: added, missing, edition, section. */
static char *
marks_detail(const struct tui *t, size_t item)
{
	const struct bookmark *b = &t->marks.bms.items[item];
	char when[32], sa[48] = "";
	size_t sec, art;
	struct tm tm;
	bool same = strcmp(b->edition_title, b->section) == 0;

	if (localtime_r(&b->added, &tm) == NULL ||
	    strftime(when, sizeof when, "%Y-%m-%d %H:%M", &tm) == 0)
		snprintf(when, sizeof when, "?");
	/*
	 * Its S/A, as the other lists number it: found in the shown edition,
	 * else as it was when bookmarked (older bookmarks have none).
	 */
	if (t->ed != NULL && t->ed_key != NULL &&
	    strcmp(b->edition, t->ed_key) == 0 &&
	    tui_find_article(t->ed, b->article, 0, b->section, &sec, &art))
		snprintf(sa, sizeof sa, "%zu/%zu  ", sec + 1, art + 1);
	else if (b->sa_section > 0 && b->sa_article > 0)
		snprintf(sa, sizeof sa, "%zu/%zu  ", b->sa_section,
		    b->sa_article);
	/*
	 * "missing" goes before the titles so 40 columns still show it; a
	 * single-file edition's section is the edition, named once.
	 */
	return xasprintf("   %s  %s%s%s%s%s", when,
	    t->marks.missing[item] ? _("(edition missing)  ") : "", sa,
	    b->edition_title, same ? "" : "  ", same ? "" : b->section);
}

/* Draw the bookmark list. */
void
tui_marks_draw(struct tui *t)
{
	struct tui_marks *m = &t->marks;
	size_t rows = marks_rows(), cols = tui_text_cols(), r, n = m->bms.n;
	char *title, *right;
	int y = 1;

	if (n > 0 && m->sel >= n)
		m->sel = n - 1;
	list_scroll(m->sel, &m->top, rows);
	title = xasprintf(_(" Bookmarks  (%zu, all editions, newest first)"),
	    n);
	tui_put(t, 0, 0, title, strlen(title), cols, 0, TUI_STYLE_TITLE);
	tui_clear_eol(0, COLS - 1);
	free(title);

	if (m->error != NULL) {
		const char *why = _("The bookmarks file cannot be "
		    "read. It is kept as it is and not changed this session:");

		/* What it means, then the file, line and reason, wrapped:
		   the reason is at the end and must not be cut off. */
		y = marks_wrap(t, y, why, TUI_STYLE_DIM);
		y = marks_wrap(t, y, m->error, TUI_STYLE_TEXT);
	} else if (n == 0) {
		const char *none =
		    _(" (no bookmarks: press m on an article)");

		tui_put(t, y, 0, none, strlen(none), cols, 0, TUI_STYLE_DIM);
	}

	for (r = 0; r < rows && m->top + r < n; r++) {
		size_t item = n - 1 - (m->top + r);
		const struct bookmark *b = &m->bms.items[item];
		bool sel = m->top + r == m->sel;
		char *head = xasprintf(" %c %s", m->doomed != NULL &&
		    m->doomed[item] ? 'D' : '*', b->headline);
		char *detail = marks_detail(t, item);
		int row = y + (int)(r * MARKS_ROW_LINES);

		if (row + 1 >= LINES - 1)
			break;
		tui_put(t, row, 0, head, strlen(head), cols, cols,
		    sel ? TUI_STYLE_SELECTED : TUI_STYLE_TEXT);
		tui_put(t, row + 1, 0, detail, strlen(detail), cols, cols,
		    sel ? TUI_STYLE_SELECTED : TUI_STYLE_DIM);
		free(detail);
		free(head);
	}
	right = n > 0 ? xasprintf(_("%zu/%zu  ? help"), m->sel + 1, n) :
	    xstrdup(_("? help"));
	tui_status(t, _("Enter: open  d: delete  u: undo  q: back"), right);
	free(right);
}

/* Act on a key in the bookmark list. */
enum tui_next
tui_marks_action(struct tui *t, enum tui_action act)
{
	struct tui_marks *m = &t->marks;
	size_t sel = m->sel, n = m->bms.n;
	long page = (long)marks_rows();

	switch (act) {
	case TUI_ACT_OPEN:
		return n > 0 ? TUI_NEXT_BOOKMARK_OPEN : TUI_NEXT_NONE;
	case TUI_ACT_HALF_DOWN:
	case TUI_ACT_HALF_UP:
		/* d and u: mark for deletion and undo, as in mutt. */
		if (n == 0)
			return TUI_NEXT_NONE;
		tui_marks_doom(t, act == TUI_ACT_HALF_DOWN);
		return TUI_NEXT_DRAW;
	case TUI_ACT_BACK:
		return TUI_NEXT_CLOSE;
	default:
		/* Everything else is a movement, or nothing. */
		if (!tui_move_selection(act, &sel, n, page))
			return TUI_NEXT_NONE;
	}
	if (sel == m->sel)
		return TUI_NEXT_NONE;
	m->sel = sel;
	return TUI_NEXT_DRAW;
}

/* Results that fit the list area (at least one). */
static size_t
results_rows(void)
{
	size_t n = list_rows() / RESULTS_ROW_LINES;

	return n > 0 ? n : 1;
}

/* The hit a result shows and opens; see tui_view.h. */
size_t
tui_results_hit(const struct search_match *m)
{
	size_t i;

	/* A headline is on the first row already; the dateline is not
	   shown in the reader. */
	for (i = 0; i < m->nhits; i++)
		if (m->hits[i].field == SEARCH_BYLINE ||
		    m->hits[i].field == SEARCH_BLOCK)
			return i;
	return 0;
}

/* Draw the snippet row of result m at row y, cols wide. */
static void
results_snippet(struct tui *t, int y, const struct search_match *m,
    size_t cols)
{
	const struct article *a =
	    t->ed->sections[m->section]->articles[m->article];
	const struct search_hit *h;
	const char *text;
	char *snip;
	size_t hs, he, used, x = RESULTS_SNIPPET_INDENT;

	if (m->nhits == 0 || cols <= x + 1)
		return;
	h = &m->hits[tui_results_hit(m)];
	if ((text = search_field_text(a, h)) == NULL)
		return;
	snip = search_snippet(text, h->start, h->end, cols - x, &hs, &he);
	used = tui_put(t, y, (int)x, snip, hs, cols - x, 0, TUI_STYLE_TEXT);
	used += tui_put(t, y, (int)(x + used), snip + hs, he - hs,
	    cols - x - used, 0, TUI_STYLE_MATCH);
	tui_put(t, y, (int)(x + used), snip + he, strlen(snip + he),
	    cols - x - used, 0, TUI_STYLE_TEXT);
	free(snip);
}

/* Draw the result list of an edition search. */
void
tui_results_draw(struct tui *t)
{
	struct tui_results *rs = &t->results;
	const struct search_results *res = rs->res;
	size_t rows = results_rows(), cols = tui_text_cols(), r, n;
	char *title, *right;

	n = res != NULL ? res->nmatches : 0;
	if (n > 0 && rs->sel >= n)
		rs->sel = n - 1;
	list_scroll(rs->sel, &rs->top, rows);
	/*
	 * TRANSLATORS: the query, the articles and matches found; the %s
	 * after each count is the English plural ("s", "es"): write %.0s
	 * to drop it.
	 */
	title = xasprintf(_(" Search \"%s\": %zu article%s, %zu match%s"),
	    rs->query != NULL ? rs->query : "", n, n == 1 ? "" : "s",
	    res != NULL ? res->nhits : 0,
	    res != NULL && res->nhits == 1 ? "" : "es");
	tui_put(t, 0, 0, title, strlen(title), cols, 0, TUI_STYLE_TITLE);
	tui_clear_eol(0, COLS - 1);
	free(title);

	for (r = 0; r < rows && rs->top + r < n; r++) {
		const struct search_match *m = &res->matches[rs->top + r];
		const struct section *s = t->ed->sections[m->section];
		const struct article *a = s->articles[m->article];
		const struct headline *h = list_headline(a);
		struct buf row = BUF_INIT;
		/* "*": bookmarked (m works here), as in the article list. */
		char *num = xasprintf("%c%zu/%zu ", tui_marked(t, a) ? '*' :
		    ' ', m->section + 1, m->article + 1);
		/* TRANSLATORS: %s is the plural "es" or two spaces (%.0s). */
		char *count = xasprintf(_(" %4zu match%s"), m->nhits,
		    m->nhits == 1 ? "  " : "es");
		size_t fixed = strlen(num) + width_str(count, strlen(count));
		int y = 1 + (int)(r * RESULTS_ROW_LINES);

		if (y + 1 >= LINES - 1)
			break;
		buf_puts(&row, num);
		if (cols > fixed + 4) {
			list_field(t, &row, h == NULL ? _("~ (no headline)") :
			    article_title(a), cols - fixed);
			buf_puts(&row, count);
		}
		tui_put_shown(t, y, 0, buf_str(&row), row.len, cols, cols,
		    rs->top + r == rs->sel ? TUI_STYLE_SELECTED :
		    TUI_STYLE_TEXT);
		results_snippet(t, y + 1, m, cols);
		tui_clear_eol(y + 1, COLS - 1);
		buf_free(&row);
		free(count);
		free(num);
	}
	right = n > 0 ? xasprintf(_("%zu/%zu  ? help"), rs->sel + 1, n) :
	    xstrdup(_("? help"));
	tui_status(t, _("Enter: open  /: search again  q: back"), right);
	free(right);
}

/* Act on a key in the result list. */
enum tui_next
tui_results_action(struct tui *t, enum tui_action act)
{
	struct tui_results *rs = &t->results;
	size_t sel = rs->sel, n = rs->res != NULL ? rs->res->nmatches : 0;
	long page = (long)results_rows();

	/* n/N and J/K step through the results like j/k. */
	if (act == TUI_ACT_SEARCH_NEXT || act == TUI_ACT_NEXT_ARTICLE)
		act = TUI_ACT_DOWN;
	else if (act == TUI_ACT_SEARCH_PREV || act == TUI_ACT_PREV_ARTICLE)
		act = TUI_ACT_UP;
	switch (act) {
	case TUI_ACT_OPEN:
		return n > 0 ? TUI_NEXT_RESULT_OPEN : TUI_NEXT_NONE;
	case TUI_ACT_BACK:
		return TUI_NEXT_CLOSE;
	default:
		/* Everything else is a movement, or nothing. */
		if (!tui_move_selection(act, &sel, n, page))
			return TUI_NEXT_NONE;
	}
	if (sel == rs->sel)
		return TUI_NEXT_NONE;
	rs->sel = sel;
	return TUI_NEXT_DRAW;
}
