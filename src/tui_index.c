/*
 * tui_index.c - the reader and the library's full-text index (index.h).
 *
 * Two things.  An edition the reader shows from a library is brought up
 * to date in the index by a child process (tui_index_note): it has its
 * own SQLite connection and runs at a lower priority, so keys never wait
 * for it.  A child, not a thread: the reader keeps no connection of its
 * own open across keys, and a child cannot share anything by mistake.
 * One runs at a time; an edition shown meanwhile waits in t->indexer.next
 * (the one shown last: the ones between were only passed through).  The
 * loop reaps the child (tui_index_reap); quitting stops it (SIGTERM: an
 * edition's transaction is rolled back, the index stays usable).
 *
 * And / in the edition picker searches the library through the index
 * (tui_index_search): the hits (t->found) take the picker's place, two
 * rows each (date, paper, page, S/A and headline; a snippet), newest
 * first; Enter opens the edition at the article with the query active,
 * q goes back to the editions.
 *
 * The state lives in struct tui (t->indexer, t->found): no globals.
 */
#include "config.h"

#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tui_curses.h"

#include "bookmarks.h"
#include "buf.h"
#include "edition.h"
#include "i18n.h"
#include "index.h"
#include "library.h"
#include "search.h"
#include "tui_view.h"
#include "xalloc.h"

/* Tunables. */
enum {
	TUI_INDEX_NICE = 10,		/* the indexer's niceness: keys first */
	TUI_FOUND_MAX = 1000,		/* hits listed; a word in most
					   articles would otherwise list a
					   library's worth */
	TUI_FOUND_INDENT = 4,		/* columns before a snippet */
	TUI_FOUND_STATUS_STEPS = 4	/* status lines, longest first */
};

/*
 * In the child: bring the edition src up to date in the default index,
 * then leave with _exit() (the parent's curses and stdio buffers are
 * copies and must not be flushed twice).
 */
static void
tui_index_child(const struct index_source *src)
{
	struct index_update_options uo = { NULL, NULL, NULL };
	struct index_stats st;
	struct index *ix;
	char *cause = NULL;
	int fd, rc;

	/* The reader's handlers are the parent's business. */
	signal(SIGINT, SIG_DFL);
	signal(SIGTERM, SIG_DFL);
	signal(SIGHUP, SIG_DFL);
	signal(SIGTSTP, SIG_DFL);
	signal(SIGWINCH, SIG_DFL);
	/* Nothing may reach the terminal the reader draws on. */
	if ((fd = open("/dev/null", O_RDWR)) >= 0) {
		dup2(fd, STDIN_FILENO);
		dup2(fd, STDOUT_FILENO);
		dup2(fd, STDERR_FILENO);
		if (fd > STDERR_FILENO)
			close(fd);
	}
	(void)setpriority(PRIO_PROCESS, 0, TUI_INDEX_NICE);
	if ((ix = index_open(NULL, &cause)) == NULL)
		_exit(1);
	rc = index_update(ix, NULL, src, 1, &uo, &st, &cause);
	if (rc == INDEX_CORRUPT && index_reset(ix, &cause) == 0)
		rc = index_update(ix, NULL, src, 1, &uo, &st, &cause);
	index_close(ix);
	_exit(rc == 0 ? 0 : 1);
}

/* Start the child for library edition i.  Nothing happens on failure:
   the index is a cache, and --search brings it up to date anyway. */
static void
tui_index_start(struct tui *t, size_t i)
{
	const struct library_edition *e = &t->library.lib.items[i];
	struct index_source src = { e->path, e->paper, e->date };
	pid_t pid;

	pid = fork();
	if (pid == 0)
		tui_index_child(&src);
	t->indexer.pid = pid > 0 ? pid : 0;
}

/* See tui_view.h. */
void
tui_index_note(struct tui *t, const struct edition *ed)
{
	size_t i;

	if (!t->library.have || ed == NULL || ed->source == NULL ||
	    (i = library_find(&t->library.lib, ed->source)) == SIZE_MAX)
		return;		/* not from the library: not indexed */
	if (t->indexer.pid != 0) {
		free(t->indexer.next);
		t->indexer.next = xstrdup(ed->source);
		return;
	}
	tui_index_start(t, i);
}

/* See tui_view.h. */
bool
tui_index_reap(struct tui *t)
{
	size_t i;
	pid_t r;

	if (t->indexer.pid == 0)
		return false;
	r = waitpid(t->indexer.pid, NULL, WNOHANG);
	if (r == 0 || (r < 0 && errno == EINTR))
		return true;	/* still at work */
	t->indexer.pid = 0;
	if (t->indexer.next != NULL) {
		i = library_find(&t->library.lib, t->indexer.next);
		free(t->indexer.next);
		t->indexer.next = NULL;
		if (i != SIZE_MAX)
			tui_index_start(t, i);
	}
	return t->indexer.pid != 0;
}

/* Forget the hit list. */
static void
tui_found_free(struct tui_found *f)
{
	size_t i;

	for (i = 0; i < f->n; i++) {
		free(f->hits[i].path);
		free(f->hits[i].label);
		free(f->hits[i].snippet);
	}
	free(f->hits);
	free(f->query);
	memset(f, 0, sizeof *f);
}

/* See tui_view.h. */
void
tui_index_free(struct tui *t)
{
	if (t->indexer.pid != 0) {
		kill(t->indexer.pid, SIGTERM);
		while (waitpid(t->indexer.pid, NULL, 0) < 0 && errno == EINTR)
			;
	}
	free(t->indexer.next);
	memset(&t->indexer, 0, sizeof t->indexer);
	tui_found_free(&t->found);
}

/* The printed headline of a (article_title), else "". */
static const char *
tui_found_headline(const struct article *a)
{
	return article_title(a);
}

/* index_search() callback: keep a hit, up to TUI_FOUND_MAX. */
static bool
tui_found_add(void *ctx, const struct index_match *m)
{
	struct tui_found *f = ctx;
	struct tui_found_hit *h;
	const char *text;
	size_t hs, he, i;
	char page[16];

	if (f->n == TUI_FOUND_MAX) {
		f->more = true;
		return false;
	}
	f->hits = xreallocarray(f->hits, f->n + 1, sizeof *f->hits);
	h = &f->hits[f->n++];
	memset(h, 0, sizeof *h);
	h->path = xstrdup(m->path);
	h->section = m->section;
	h->article = m->article;
	if (m->page != 0)
		snprintf(page, sizeof page, "p%u", m->page);
	else
		snprintf(page, sizeof page, "p-");
	h->label = xasprintf("%s %s %s %zu/%zu  %s", m->date != NULL ?
	    m->date : "-", m->paper != NULL ? m->paper : "-", page,
	    m->section + 1, m->article + 1, tui_found_headline(m->a));
	/* The snippet of the first hit outside the headlines, else of the
	   first hit. */
	for (i = 0; i < m->nhits; i++) {
		if (m->hits[i].field != SEARCH_HEADLINE)
			break;
	}
	if (i == m->nhits)
		i = 0;
	text = search_field_text(m->a, &m->hits[i]);
	h->snippet = text != NULL ? search_snippet(text, m->hits[i].start,
	    m->hits[i].end, f->cols, &hs, &he) : xstrdup("");
	return true;
}

/* See tui_view.h. */
void
tui_index_search(struct tui *t, char *text)
{
	struct tui_found *f = &t->found;
	struct index_filter filter = { NULL, NULL, NULL, NULL, true };
	struct search_query *q;
	struct index *ix;
	char *cause = NULL;
	int n;

	if ((q = tui_search_compile(t, text)) == NULL)
		return;
	tui_status(t, _("searching the library..."), "");
	tui_refresh(t);
	tui_found_free(f);
	/* Snippets as wide as their row is now. */
	f->cols = tui_text_cols() > TUI_FOUND_INDENT + 10 ?
	    tui_text_cols() - TUI_FOUND_INDENT : 10;
	filter.root = t->library.lib.root;
	/* Opened and closed here: no connection is open when the reader
	   forks an indexer, or between keys. */
	if ((ix = index_open(NULL, &cause)) == NULL)
		n = INDEX_ERROR;
	else {
		n = index_search(ix, q, &filter, tui_found_add, f, &cause);
		if (n == INDEX_CORRUPT) {
			tui_found_free(f);
			if (index_reset(ix, &cause) == 0)
				tui_message(t, _("the search index was damaged: "
				    "emptied (kanbao --index %s builds it)"),
				    t->library.lib.root);
			n = 0;
		}
	}
	index_close(ix);
	search_query_free(q);
	if (n < 0) {
		tui_message(t, _("cannot search the library: %s"), cause);
		free(cause);
		free(text);
		return;
	}
	free(cause);
	if (f->n == 0) {
		tui_found_free(f);
		if (t->msg == NULL)
			tui_message(t, _("no indexed article contains: %s "
			    "(kanbao --index indexes the library)"), text);
		free(text);
		return;
	}
	f->query = text;
	f->sel = f->top = 0;
}

/* Hits on screen: two rows each, between the title and the status. */
static size_t
tui_found_rows(void)
{
	return LINES > 4 ? ((size_t)LINES - 2) / 2 : 1;
}

/* See tui_view.h. */
void
tui_index_draw(struct tui *t)
{
	struct tui_found *f = &t->found;
	size_t rows = tui_found_rows(), r, cols = tui_text_cols(), i;
	const char *left[TUI_FOUND_STATUS_STEPS];
	const char *right[TUI_FOUND_STATUS_STEPS];
	char *title, *snip, *full, *place, *bare;
	int y;

	if (f->sel < f->top)
		f->top = f->sel;
	else if (f->sel >= f->top + rows)
		f->top = f->sel - rows + 1;
	/* TRANSLATORS: the last %s is "s" for a plural; skip it with %.0s. */
	title = xasprintf(_(" Library search: %s  (%zu%s article%s)"),
	    f->query, f->n, f->more ? "+" : "", f->n == 1 ? "" : "s");
	tui_put(t, 0, 0, title, strlen(title), cols, 0, TUI_STYLE_TITLE);
	tui_clear_eol(0, COLS - 1);
	free(title);
	for (r = 0; r < rows; r++) {
		i = f->top + r;
		y = (int)(2 * r) + 1;
		if (i < f->n) {
			tui_put(t, y, 0, f->hits[i].label,
			    strlen(f->hits[i].label), cols, cols,
			    i == f->sel ? TUI_STYLE_SELECTED : TUI_STYLE_TEXT);
			snip = xasprintf("%*s%s", TUI_FOUND_INDENT, "",
			    f->hits[i].snippet);
			tui_put(t, y + 1, 0, snip, strlen(snip), cols, cols,
			    i == f->sel ? TUI_STYLE_SELECTED : TUI_STYLE_DIM);
			free(snip);
		}
		tui_clear_eol(y, COLS - 1);
		if (y + 1 < LINES - 1)
			tui_clear_eol(y + 1, COLS - 1);
	}
	/* As the picker's: shorter in steps until it fits. */
	full = xasprintf(_("hit %zu/%zu  ? help"), f->sel + 1, f->n);
	place = xasprintf(_("%zu/%zu  ? help"), f->sel + 1, f->n);
	bare = xasprintf("%zu/%zu", f->sel + 1, f->n);
	left[0] = left[1] =
	    _("Enter: open at the article  q: back to the editions");
	left[2] = left[3] = _("Enter: open  q: back");
	right[0] = full;
	right[1] = right[2] = place;
	right[3] = bare;
	tui_status_fit(t, left, right, TUI_FOUND_STATUS_STEPS);
	free(bare);
	free(place);
	free(full);
}

/* See tui_view.h. */
enum tui_next
tui_index_action(struct tui *t, enum tui_action act)
{
	struct tui_found *f = &t->found;

	switch (act) {
	case TUI_ACT_OPEN:
		return TUI_NEXT_EDITION_OPEN;
	case TUI_ACT_BACK:
		tui_found_free(f);
		return TUI_NEXT_DRAW;
	default:
		if (!tui_move_selection(act, &f->sel, f->n,
		    (long)tui_found_rows()))
			return TUI_NEXT_NONE;
		return TUI_NEXT_DRAW;
	}
}

/* See tui_view.h. */
void
tui_index_open(struct tui *t)
{
	struct tui_found *f = &t->found;
	const struct tui_found_hit *h = &f->hits[f->sel];
	struct search_query *q;
	char *cause = NULL;

	if (!tui_library_open_path(t, h->path))
		return;
	if (h->section >= t->ed->nsections ||
	    h->article >= t->ed->sections[h->section]->narticles) {
		/* The edition changed since it was indexed. */
		tui_message(t, _("the edition changed since it was indexed: "
		    "search again"));
		return;
	}
	t->sec = h->section;
	t->art = h->article;
	t->focus = TUI_FOCUS_ARTICLES;
	/* The query is the active search: highlighted, n and N work. */
	if ((q = search_compile(f->query, &cause)) != NULL)
		tui_search_set(t, q, f->query);
	free(cause);
	tui_open_article(t);
	tui_reader_find(t, SIZE_MAX, true);
}
