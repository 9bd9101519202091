/*
 * tui_marks.c - bookmarks in the reader: m, the bookmark list's Enter and
 * d, and the copy of the store the screens read (t->marks).
 *
 * The screens never touch the store (bookmarks.h): they return what must
 * happen (enum tui_next) and the loop calls these.  A store error is a
 * status-line message and the reader goes on; a bookmarks file that cannot
 * be read is left alone and bookmarks are read-only for the session.
 */
#include "config.h"

#include <sys/stat.h>

#include <stdlib.h>
#include <string.h>

#include "tui_curses.h"

#include "bookmarks.h"
#include "edition.h"
#include "i18n.h"
#include "load.h"
#include "search.h"
#include "tui_view.h"
#include "xalloc.h"

/* Whether an article of the shown edition has a bookmark. */
bool
tui_marked(const struct tui *t, const struct article *a)
{
	return t->ed_key != NULL &&
	    bookmarks_find(&t->marks.bms, t->ed_key, a->id) != NULL;
}

/*
 * Read the bookmarks again (another kanbao may have changed them) and note
 * which editions are missing.  A file that cannot be read makes bookmarks
 * read-only for the rest of the session: it stays as it is, for the user
 * to look at or repair, and is never overwritten.
 */
void
tui_marks_reload(struct tui *t)
{
	struct tui_marks *m = &t->marks;
	struct stat st;
	char *cause = NULL;
	size_t i;

	bookmarks_free(&m->bms);
	free(m->missing);
	free(m->doomed);
	m->missing = NULL;
	m->doomed = NULL;
	if (bookmarks_load(&m->bms, &cause) != 0) {
		if (!m->readonly)
			tui_message(t, _("bookmarks are read-only: the file "
			    "cannot be read (' for details)"));
		free(m->error);
		m->error = cause;
		m->readonly = true;
		return;
	}
	free(m->error);
	m->error = NULL;
	m->missing = xcalloc(m->bms.n > 0 ? m->bms.n : 1, sizeof *m->missing);
	m->doomed = xcalloc(m->bms.n > 0 ? m->bms.n : 1, sizeof *m->doomed);
	for (i = 0; i < m->bms.n; i++) {
		const char *key = m->bms.items[i].edition;

		/* Standard input has no file that could go missing. */
		m->missing[i] = strcmp(key, "-") != 0 &&
		    (t->ed_key == NULL || strcmp(key, t->ed_key) != 0) &&
		    stat(key, &st) != 0;
	}
	if (m->sel >= m->bms.n)
		m->sel = m->bms.n > 0 ? m->bms.n - 1 : 0;
}

/* The title a bookmark records for the shown edition. */
static const char *
tui_edition_title(const struct tui *t)
{
	if (t->ed->title != NULL && *t->ed->title != '\0')
		return t->ed->title;
	return t->ed->source != NULL ? t->ed->source : "";
}

/*
 * The article m and M act on: the selected one in the article list, the
 * open one in the reader, the highlighted result in a search's result
 * list (as its row shows it).  False when the screen has none.
 */
static bool
tui_marks_target(const struct tui *t, size_t *sec, size_t *art)
{
	const struct tui_results *rs = &t->results;
	const struct search_match *m;

	if (t->ed == NULL)
		return false;
	switch (t->screen) {
	case TUI_SCREEN_EDITION:
		if (t->focus != TUI_FOCUS_ARTICLES)
			return false;
		/* FALLTHROUGH */
	case TUI_SCREEN_READER:
		*sec = t->sec;
		*art = t->art;
		return true;
	case TUI_SCREEN_RESULTS:
		if (rs->res == NULL || rs->sel >= rs->res->nmatches)
			return false;
		m = &rs->res->matches[rs->sel];
		*sec = m->section;
		*art = m->article;
		return true;
	default:
		return false;
	}
}

/*
 * m: bookmark the selected article (in the reader: at its first visible
 * line), or remove its bookmark when it has one.
 */
void
tui_marks_toggle(struct tui *t)
{
	const struct section *s;
	const struct article *a;
	struct bookmark bm;
	char *cause = NULL;
	size_t sec, art;
	int rc;

	if (!tui_marks_target(t, &sec, &art)) {
		if (t->screen == TUI_SCREEN_EDITION)
			tui_message(t, _("choose an article to bookmark "
			    "(Enter)"));
		else
			tui_message(t, _("m bookmarks an article, in the "
			    "lists and the reader"));
		return;
	}
	s = t->ed->sections[sec];
	if (art >= s->narticles) {
		beep();
		return;
	}
	a = s->articles[art];
	if (t->marks.readonly) {
		tui_message(t, _("bookmarks are read-only this session (' for "
		    "details)"));
		return;
	}
	if (tui_marked(t, a)) {
		rc = bookmarks_remove(t->ed_key, a->id, &cause);
		if (rc == 0)
			tui_message(t, _("bookmark removed"));
	} else {
		/* The store copies the strings; the casts only drop const. */
		memset(&bm, 0, sizeof bm);
		bm.edition = t->ed_key;
		bm.edition_title = (char *)tui_edition_title(t);
		bm.article = (char *)a->id;
		bm.headline = (char *)article_title(a);
		bm.section = (char *)s->title;
		bm.sa_section = sec + 1;
		bm.sa_article = art + 1;
		if (t->screen == TUI_SCREEN_READER)
			tui_reader_where(t, &bm.block, &bm.offset);
		rc = bookmarks_add(&bm, &cause);
		if (rc == 0)
			tui_message(t,
			    _("bookmarked (' or B lists bookmarks)"));
	}
	if (rc != 0) {
		tui_message(t, _("bookmark not saved: %s"), cause);
		free(cause);
	}
	tui_marks_reload(t);
}

/* ' or B: show the bookmark list, or close it when it is shown. */
void
tui_marks_show(struct tui *t)
{
	if (t->screen == TUI_SCREEN_BOOKMARKS) {
		tui_marks_purge(t);
		t->screen = t->marks.from;
		return;
	}
	if (t->screen == TUI_SCREEN_HELP) {
		t->screen = t->help_from;
		if (t->screen == TUI_SCREEN_BOOKMARKS)
			return;
	}
	tui_marks_reload(t);
	t->marks.from = t->screen;
	t->marks.sel = t->marks.top = 0;
	t->screen = TUI_SCREEN_BOOKMARKS;
}

/*
 * d and u in the bookmark list: mark the selected bookmark for deletion,
 * or take the mark off, as in mutt.  Nothing is deleted until the list
 * is left (tui_marks_purge), so no single key loses a bookmark.
 */
void
tui_marks_doom(struct tui *t, bool doom)
{
	struct tui_marks *m = &t->marks;

	if (m->sel >= m->bms.n || m->doomed == NULL)
		return;
	if (m->readonly) {
		tui_message(t, _("bookmarks are read-only this session"));
		return;
	}
	m->doomed[m->bms.n - 1 - m->sel] = doom;
	if (doom) {
		tui_message(t, _("marked for deletion when you leave the list "
		    "(u undoes)"));
		if (m->sel + 1 < m->bms.n)
			m->sel++;
	} else
		tui_message(t, _("deletion mark taken off"));
}

/* Count the bookmarks marked with d. */
size_t
tui_marks_ndoomed(const struct tui *t)
{
	const struct tui_marks *m = &t->marks;
	size_t i, n = 0;

	for (i = 0; m->doomed != NULL && i < m->bms.n; i++)
		if (m->doomed[i])
			n++;
	return n;
}

/* Leaving the bookmark list: delete the bookmarks marked with d. */
void
tui_marks_purge(struct tui *t)
{
	struct tui_marks *m = &t->marks;
	const struct bookmark *b;
	char *cause = NULL;
	size_t i, done = 0;
	bool failed = false;

	if (m->doomed == NULL)
		return;
	for (i = 0; i < m->bms.n; i++) {
		if (!m->doomed[i])
			continue;
		b = &m->bms.items[i];
		if (bookmarks_remove(b->edition, b->article, &cause) != 0) {
			if (!failed)
				tui_message(t, _("bookmark not deleted: %s"),
				    cause);
			failed = true;
			free(cause);
			cause = NULL;
		} else
			done++;
	}
	if (done > 0)
		/* TRANSLATORS: %s is the English plural "s" (%.0s drops it). */
		tui_message(t, _("%zu bookmark%s deleted"), done,
		    done == 1 ? "" : "s");
	if (done > 0 || failed)
		tui_marks_reload(t);
}

/*
 * Enter in the bookmark list: open the bookmarked article at its line.
 * A bookmark of another edition loads that edition (the reader owns it);
 * one whose edition file is gone, or whose article is no longer in it,
 * says so and opens nothing rather than the wrong article.
 */
void
tui_marks_open(struct tui *t)
{
	struct tui_marks *m = &t->marks;
	const struct bookmark *b;
	const struct edition *ed = NULL;
	struct edition *loaded = NULL;
	struct stat st;
	char *cause = NULL, *main_key, *id, *edition;
	size_t sec, art, block, offset, i;

	if (m->sel >= m->bms.n)
		return;
	/* Deletions marked with d happen first; the selection may move. */
	if (m->doomed != NULL && m->doomed[m->bms.n - 1 - m->sel]) {
		tui_message(t, _("that bookmark is marked for deletion (u "
		    "undoes)"));
		return;
	}
	b = &m->bms.items[m->bms.n - 1 - m->sel];
	id = xstrdup(b->article);
	edition = xstrdup(b->edition);
	tui_marks_purge(t);
	for (i = 0; i < m->bms.n; i++) {
		if (strcmp(m->bms.items[i].article, id) == 0 &&
		    strcmp(m->bms.items[i].edition, edition) == 0)
			m->sel = m->bms.n - 1 - i;
	}
	free(id);
	free(edition);
	if (m->sel >= m->bms.n)
		return;
	b = &m->bms.items[m->bms.n - 1 - m->sel];
	main_key = t->ed_main != NULL ? bookmarks_edition_key(t->ed_main) :
	    xstrdup("");
	if (t->ed_key != NULL && strcmp(b->edition, t->ed_key) == 0)
		ed = t->ed;
	else if (t->ed_main != NULL && strcmp(b->edition, main_key) == 0)
		ed = t->ed_main;
	free(main_key);
	if (ed == NULL && strcmp(b->edition, "-") == 0) {
		tui_message(t, _("that edition was read from standard input "
		    "and cannot be opened again"));
		return;
	}
	if (ed == NULL && stat(b->edition, &st) != 0) {
		tui_message(t, _("edition missing: %s"), b->edition);
		return;
	}
	if (ed == NULL) {
		/* Loading may take a moment: say what is going on. */
		tui_status(t, _("loading the edition..."), "");
		tui_refresh(t);
		loaded = load_paths(&b->edition, 1, NULL, &cause);
		if (loaded == NULL) {
			tui_message(t, _("cannot open the edition: %s"), cause);
			free(cause);
			return;
		}
		ed = loaded;
	}
	if (!tui_find_article(ed, b->article, 0, b->section, &sec, &art)) {
		tui_message(t, _("that article is no longer in its edition"));
		edition_free(loaded);
		return;
	}
	/* b is gone once the list is read again: keep what is needed. */
	block = b->block;
	offset = b->offset;
	if (ed != t->ed) {
		/* q in the article comes back here (tui_marks_back). */
		bool back_main = t->ed != NULL && t->ed == t->ed_main;
		char *back = t->ed != NULL && t->ed->source != NULL ?
		    xstrdup(t->ed->source) : NULL;

		tui_edition_switch(t, ed, loaded);
		tui_marks_reload(t);
		t->back_path = back;
		t->back_main = back_main;
	}
	t->sec = sec;
	t->art = art;
	t->focus = TUI_FOCUS_ARTICLES;
	t->screen = TUI_SCREEN_READER;
	/* q in this article goes to the lists, not to search results. */
	t->results.opened = false;
	tui_open_article(t);
	tui_reader_seek(t, block, offset);
}


/*
 * Whether read marks of the shown edition are stored: not for one read
 * from standard input, whose contents next time are unknown (they are
 * still kept in memory for the session).
 */
static bool
tui_marks_read_kept(const struct tui *t)
{
	return t->ed_key != NULL && t->ed_key[0] != '\0' &&
	    strcmp(t->ed_key, "-") != 0;
}

/* Read the read marks of the shown edition from the store. */
void
tui_marks_read_load(struct tui *t)
{
	char *cause = NULL;

	readset_free(&t->read);
	if (!tui_marks_read_kept(t))
		return;
	if (readset_load(t->ed_key, &t->read, &cause) != 0) {
		tui_message(t, _("read marks not read: %s"), cause);
		free(cause);
	}
}

/* Whether an article of the shown edition has been read. */
bool
tui_marks_is_read(const struct tui *t, const struct article *a)
{
	return readset_has(&t->read, a->id);
}

/* Mark an article of the shown edition read or unread, and store it. */
void
tui_marks_set_read(struct tui *t, const struct article *a, bool read)
{
	char *cause = NULL;

	if (tui_marks_is_read(t, a) == read)
		return;
	readset_set(&t->read, a->id, read);
	if (!tui_marks_read_kept(t))
		return;
	if (readset_mark(t->ed_key, a->id, read, &cause) != 0) {
		/* Once a session: the reader goes on with marks in memory. */
		if (!t->read_failed)
			tui_message(t, _("read mark not saved: %s"), cause);
		t->read_failed = true;
		free(cause);
	}
}

/* The unread articles of a section of the shown edition. */
size_t
tui_marks_unread(const struct tui *t, const struct section *s)
{
	size_t i, n = 0;

	for (i = 0; i < s->narticles; i++) {
		if (!tui_marks_is_read(t, s->articles[i]))
			n++;
	}
	return n;
}

/* The unread articles of the shown edition. */
size_t
tui_marks_unread_all(const struct tui *t)
{
	size_t i, n = 0;

	for (i = 0; i < t->ed->nsections; i++)
		n += tui_marks_unread(t, t->ed->sections[i]);
	return n;
}

/* M: mark the selected (or open) article read, or unread again. */
void
tui_marks_toggle_read(struct tui *t)
{
	const struct section *s;
	const struct article *a;
	size_t sec, art;
	bool read;

	if (!tui_marks_target(t, &sec, &art)) {
		tui_message(t, _("choose an article to mark read or unread"));
		return;
	}
	s = t->ed->sections[sec];
	if (art >= s->narticles) {
		beep();
		return;
	}
	a = s->articles[art];
	read = !tui_marks_is_read(t, a);
	tui_marks_set_read(t, a, read);
	tui_message(t, read ? _("marked read") : _("marked unread"));
}

/*
 * Find the next unread article after (sec, art) in reading order, wrapping
 * round to the start of the edition, never (sec, art) itself.  Returns
 * false when every other article has been read.
 */
bool
tui_marks_find_unread(const struct tui *t, size_t sec, size_t art,
    size_t *osec, size_t *oart)
{
	const struct edition *ed = t->ed;
	size_t total = edition_count_articles(ed), k, s = sec, a = art;

	for (k = 0; k < total + ed->nsections; k++) {
		/* Step to the next article, over empty sections. */
		if (a + 1 < ed->sections[s]->narticles)
			a++;
		else {
			s = (s + 1) % ed->nsections;
			a = 0;
			if (ed->sections[s]->narticles == 0)
				continue;
		}
		if (s == sec && a == art)
			return false;
		if (!tui_marks_is_read(t, ed->sections[s]->articles[a])) {
			*osec = s;
			*oart = a;
			return true;
		}
	}
	return false;
}

/*
 * U: open the next unread article, in any section (from a list: the
 * selected one when it is unread).
 */
void
tui_marks_next_unread(struct tui *t)
{
	size_t sec, art;

	if (t->screen != TUI_SCREEN_EDITION &&
	    t->screen != TUI_SCREEN_READER &&
	    t->screen != TUI_SCREEN_RESULTS) {
		tui_message(t, _("U works in the lists and the reader"));
		return;
	}
	/* From a list, the selected article is next when it is unread. */
	if (t->screen != TUI_SCREEN_READER &&
	    t->art < t->ed->sections[t->sec]->narticles &&
	    !tui_marks_is_read(t, t->ed->sections[t->sec]->articles[t->art])) {
		sec = t->sec;
		art = t->art;
	} else if (!tui_marks_find_unread(t, t->sec, t->art, &sec, &art)) {
		tui_message(t, _("no unread articles left in this edition"));
		return;
	}
	t->sec = sec;
	t->art = art;
	t->focus = TUI_FOCUS_ARTICLES;
	t->results.opened = false;
	tui_open_article(t);
}

/*
 * q in an article opened from a bookmark of another edition: back to the
 * edition the user was reading, where the position store says they were
 * (tui_edition_switch saved it when the bookmark was opened).  Returns
 * false when that edition cannot be opened again (it says why).
 */
bool
tui_marks_back(struct tui *t)
{
	struct edition *loaded = NULL;
	char *path = t->back_path, *cause = NULL;
	bool main_ed = t->back_main;

	t->back_path = NULL;
	if (path == NULL)
		return false;
	if (!main_ed) {
		tui_status(t, _("loading the edition..."), "");
		tui_refresh(t);
		loaded = load_paths(&path, 1, NULL, &cause);
		if (loaded == NULL) {
			tui_message(t, _("cannot go back: %s"), cause);
			free(cause);
			free(path);
			return false;
		}
	}
	free(path);
	tui_edition_switch(t, main_ed ? t->ed_main : loaded, loaded);
	tui_marks_reload(t);
	t->screen = TUI_SCREEN_EDITION;
	tui_position_restore(t);
	if (t->screen == TUI_SCREEN_READER && !t->reader.loaded)
		tui_open_article(t);
	t->library.cur = t->ed->source != NULL && t->library.have ?
	    library_find(&t->library.lib, t->ed->source) : SIZE_MAX;
	tui_message(t, _("back to %s"), t->ed->title != NULL ? t->ed->title :
	    _("the edition"));
	return true;
}
