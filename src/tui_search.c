/*
 * tui_search.c - searching from the reader, as far as it is not a screen.
 *
 * One query is active at a time (t->search): tui_search_run() compiles
 * what the prompt gave and runs it over the open article, giving
 * highlighted matches (tui_reader.c), or over the whole edition, giving
 * the result list (t->results, drawn by tui_list.c).  The result list
 * remembers where the user was, so q goes back there.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "tui_curses.h"

#include "bookmarks.h"
#include "i18n.h"
#include "search.h"
#include "tui_view.h"
#include "xalloc.h"

/* Make query (text) the active search, replacing the one before. */
void
tui_search_set(struct tui *t, struct search_query *q, const char *text)
{
	search_query_free(t->search.q);
	free(t->search.text);
	t->search.q = q;
	t->search.text = text != NULL ? xstrdup(text) : NULL;
	if (t->search.idx == NULL)
		t->search.idx = search_index_new(t->ed);
}

/* Forget the result list (not where it was opened from). */
static void
tui_results_free(struct tui *t)
{
	search_results_free(t->results.res);
	free(t->results.query);
	t->results.res = NULL;
	t->results.query = NULL;
	t->results.opened = false;
	t->results.open_hit = SIZE_MAX;
}

/*
 * Forget all of the search: the result list, the active query and, when
 * the edition changes (drop_index), the index made over the old one.
 */
void
tui_search_reset(struct tui *t, bool drop_index)
{
	tui_results_free(t);
	tui_search_set(t, NULL, NULL);
	if (drop_index) {
		search_index_free(t->search.idx);
		t->search.idx = NULL;
	}
	t->prompt.active = false;
}

/* q in the result list: back where the user was when searching. */
void
tui_results_close(struct tui *t)
{
	struct tui_results *rs = &t->results;

	t->screen = rs->from;
	t->focus = rs->focus;
	t->sec = rs->sec;
	t->art = rs->art;
	t->sec_top = rs->sec_top;
	t->art_top = rs->art_top;
	t->reader.loaded = false;
	tui_results_free(t);
	tui_search_set(t, NULL, NULL);
}

/* Enter in the result list: open the article at the hit the list shows. */
void
tui_results_open(struct tui *t)
{
	struct tui_results *rs = &t->results;
	const struct search_match *m;
	struct search_query *q;
	char *cause = NULL;

	if (rs->res == NULL || rs->sel >= rs->res->nmatches)
		return;
	m = &rs->res->matches[rs->sel];
	/* A search typed in the reader since may have replaced the query. */
	if (t->search.text == NULL || strcmp(t->search.text, rs->query) != 0) {
		if ((q = search_compile(rs->query, &cause)) == NULL) {
			free(cause);
			return;
		}
		tui_search_set(t, q, rs->query);
	}
	t->sec = m->section;
	t->art = m->article;
	t->focus = TUI_FOCUS_ARTICLES;
	rs->opened = true;
	rs->open_hit = tui_results_hit(m);
	tui_open_article(t);
}

/* See tui_view.h. */
struct search_query *
tui_search_compile(struct tui *t, char *text)
{
	struct search_query *q;
	char *cause = NULL;

	if ((q = search_compile(text, &cause)) == NULL) {
		tui_message(t, _("cannot search: %s"), cause);
		free(cause);
		free(text);
		return NULL;
	}
	if (history_add(text, &cause) != 0) {
		tui_message(t, _("search history not saved: %s"), cause);
		free(cause);
	}
	return q;
}

/*
 * Run the query text (taken over: freed here or kept) typed on screen
 * from.  From the reader it searches the open article and goes to the
 * first match from the top of the window on; from the lists it searches
 * the whole edition and shows the result list.  A query that cannot be
 * searched, or finds nothing, says why on the status line.
 */
void
tui_search_run(struct tui *t, char *text, enum tui_screen from)
{
	struct tui_results *rs = &t->results;
	struct search_query *q;
	struct search_results *res;

	if ((q = tui_search_compile(t, text)) == NULL)
		return;
	tui_search_set(t, q, text);
	if (from == TUI_SCREEN_READER) {
		if (tui_reader_find(t, SIZE_MAX, true) == 0)
			tui_message(t, _("not in this article: %s"), text);
		free(text);
		return;
	}
	/* A big edition takes a moment: say what is going on. */
	tui_status(t, _("searching..."), "");
	tui_refresh(t);
	res = search_edition(t->search.idx, q);
	if (res->nmatches == 0) {
		tui_message(t, _("no article contains: %s"), text);
		search_results_free(res);
		free(text);
		return;
	}
	/* From the lists, remember them; from results, keep that place. */
	if (from != TUI_SCREEN_RESULTS) {
		rs->from = from;
		rs->focus = t->focus;
		rs->sec = t->sec;
		rs->art = t->art;
		rs->sec_top = t->sec_top;
		rs->art_top = t->art_top;
	}
	tui_results_free(t);
	rs->res = res;
	rs->query = text;
	rs->sel = rs->top = 0;
	t->screen = TUI_SCREEN_RESULTS;
}
