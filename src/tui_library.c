/*
 * tui_library.c - the edition picker and moving between issues.
 *
 * When kanbao is given a folder of edition folders (library.h), the reader
 * starts on the picker: one row per edition, newest first, with its date,
 * its paper and, once known, its article and unread counts.  Counts need
 * the edition loaded, so they are filled in for the rows on screen only,
 * as they come into view (a library of a year of PDFs would otherwise take
 * minutes to open); a loaded edition's page headers may also correct its
 * paper and date (library_set_header), and the list is sorted again.
 *
 * { and } open the previous (older) and next (newer) issue of the paper
 * shown, L shows the picker over the edition.  Editions opened here are
 * loaded by the reader and owned by it (tui_edition_switch).
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "tui_curses.h"

#include "bookmarks.h"
#include "buf.h"
#include "edition.h"
#include "i18n.h"
#include "library.h"
#include "load.h"
#include "tui_view.h"
#include "width.h"
#include "xalloc.h"

/* Layout of a picker row, in columns. */
enum {
	LIBRARY_DATE_COLS = 10,		/* YYYY-MM-DD */
	LIBRARY_PAPER_COLS = 24,	/* 12 CJK characters */
	LIBRARY_COUNT_COLS = 20,	/* " 1234篇  1234 unread" */
	LIBRARY_STATUS_STEPS = 4	/* status lines, longest first */
};

/* Rows of the picker: between the title row and the status line. */
static size_t
library_rows(void)
{
	return LINES > 2 ? (size_t)LINES - 2 : 1;
}

/* What the picker knows of the edition at path, made on first need. */
static struct tui_shelf *
library_shelf(struct tui *t, const char *path)
{
	struct tui_library *l = &t->library;
	struct tui_shelf *s;
	size_t i;

	for (i = 0; i < l->nshelf; i++) {
		if (strcmp(l->shelf[i].path, path) == 0)
			return &l->shelf[i];
	}
	l->shelf = xreallocarray(l->shelf, l->nshelf + 1, sizeof *l->shelf);
	s = &l->shelf[l->nshelf++];
	memset(s, 0, sizeof *s);
	s->path = xstrdup(path);
	return s;
}

/*
 * Count the articles and unread articles of a loaded edition into its
 * shelf entry, and let its page headers name its paper and date.
 */
static void
library_note(struct tui *t, size_t i, const struct edition *ed,
    const struct readset *read)
{
	struct tui_shelf *s = library_shelf(t, t->library.lib.items[i].path);
	size_t j, k;

	s->loaded = true;
	s->narticles = edition_count_articles(ed);
	s->nunread = 0;
	for (j = 0; j < ed->nsections; j++) {
		for (k = 0; k < ed->sections[j]->narticles; k++) {
			if (!readset_has(read, ed->sections[j]->articles[k]->id))
				s->nunread++;
		}
	}
	library_set_header(&t->library.lib, i, ed->paper, ed->date);
}

/* Sort the library again, keeping the selected and current editions. */
static void
library_resort(struct tui *t)
{
	struct tui_library *l = &t->library;
	char *sel = l->sel < l->lib.n ? xstrdup(l->lib.items[l->sel].path) :
	    NULL;
	size_t i;

	library_sort(&l->lib);
	for (i = 0; sel != NULL && i < l->lib.n; i++) {
		if (strcmp(l->lib.items[i].path, sel) == 0)
			l->sel = i;
	}
	free(sel);
	l->cur = t->ed != NULL && t->ed->source != NULL ?
	    library_find(&l->lib, t->ed->source) : SIZE_MAX;
	/* Untouched, the selection stays on the shown edition or the top. */
	if (!l->moved)
		l->sel = l->cur != SIZE_MAX ? l->cur : 0;
}

/*
 * Load the editions of the rows on screen that are not known yet, to
 * count their articles.  One that does not load is shown as such.
 */
static void
library_fill(struct tui *t)
{
	struct tui_library *l = &t->library;
	size_t rows = library_rows(), i;
	bool changed = false, said = false;

	for (i = l->top; i < l->lib.n && i < l->top + rows; i++) {
		struct tui_shelf *s = library_shelf(t, l->lib.items[i].path);
		struct edition *ed;
		struct readset read = { NULL, 0 };
		char *cause = NULL, *key;

		if (s->loaded || s->failed)
			continue;
		if (i == l->cur && t->ed != NULL) {
			library_note(t, i, t->ed, &t->read);
			changed = true;
			continue;
		}
		if (!said) {
			/* Loading may take a moment: say what is going on. */
			tui_status(t, _("reading the library..."), "");
			tui_refresh(t);
			said = true;
		}
		ed = load_paths(&l->lib.items[i].path, 1, NULL, &cause);
		if (ed == NULL) {
			s->failed = true;
			free(cause);
			continue;
		}
		key = bookmarks_edition_key(ed);
		if (readset_load(key, &read, &cause) != 0)
			free(cause);	/* the reader says so when opened */
		library_note(t, i, ed, &read);
		readset_free(&read);
		free(key);
		edition_free(ed);
		changed = true;
	}
	if (changed)
		library_resort(t);
	/* The shown edition's counts change as it is read. */
	if (l->cur != SIZE_MAX && t->ed != NULL) {
		struct tui_shelf *s = library_shelf(t, l->lib.items[l->cur].path);

		s->narticles = edition_count_articles(t->ed);
		s->nunread = tui_marks_unread_all(t);
		s->loaded = true;
	}
}

/* Keep the selection in view. */
static void
library_scroll(struct tui_library *l)
{
	size_t rows = library_rows();

	if (l->sel < l->top)
		l->top = l->sel;
	else if (l->sel >= l->top + rows)
		l->top = l->sel - rows + 1;
}

/* Compose the row of edition i, cols wide. */
static void
library_row(struct tui *t, struct buf *row, size_t i, size_t cols)
{
	const struct library_edition *e = &t->library.lib.items[i];
	const struct tui_shelf *s = library_shelf(t, e->path);
	/* No paper known (DIR/DATE, no page header names it): blank. */
	const char *paper = e->paper != NULL ? e->paper : "";
	char *prep, *cell, *count;
	size_t fixed;

	if (s->failed)
		count = xstrdup(_("  (cannot be read)"));
	else if (!s->loaded)
		count = xstrdup("");
	else if (s->nunread > 0)
		/* TRANSLATORS: articles (篇) and unread ones of an edition. */
		count = xasprintf(_(" %4zu篇 %4zu unread"), s->narticles,
		    s->nunread);
	else
		count = xasprintf(" %4zu篇", s->narticles);
	/* ">" marks the edition the reader shows. */
	buf_printf(row, "%c%s  ", i == t->library.cur ? '>' : ' ', e->date);
	fixed = 1 + LIBRARY_DATE_COLS + 2;
	if (cols > fixed) {
		size_t pw = cols - fixed;
		size_t cw = width_str(count, strlen(count));

		if (pw > LIBRARY_PAPER_COLS + cw)
			pw = LIBRARY_PAPER_COLS;
		else
			pw = pw > cw ? pw - cw : 0;
		prep = tui_prepare(t, paper, strlen(paper));
		cell = width_pad(prep, strlen(prep), pw);
		buf_puts(row, cell);
		buf_puts(row, count);
		free(cell);
		free(prep);
	}
	free(count);
}

/*
 * The picker's status line: the hint and the place, shorter in steps
 * until both fit, so a 40-column window still shows what q does, where
 * the selection is and "? help".
 */
static void
library_status(struct tui *t)
{
	struct tui_library *l = &t->library;
	const char *left[LIBRARY_STATUS_STEPS], *right[LIBRARY_STATUS_STEPS];
	char *full, *place, *bare;
	bool back = t->ed != NULL && !l->root;

	full = xasprintf(_("edition %zu/%zu  ? help"), l->sel + 1, l->lib.n);
	place = xasprintf(_("%zu/%zu  ? help"), l->sel + 1, l->lib.n);
	bare = xasprintf("%zu/%zu", l->sel + 1, l->lib.n);
	/* TRANSLATORS: status line hints: short, two spaces between. */
	left[0] = back ? _("Enter: open  q: back to the edition") :
	    _("Enter: open  q: quit");
	right[0] = full;
	left[1] = left[0];
	right[1] = place;
	/* TRANSLATORS: "Enter: open  q: back to the edition", shorter. */
	left[2] = back ? _("Enter: open  q: back") : left[0];
	right[2] = place;
	left[3] = left[2];
	right[3] = bare;
	tui_status_fit(t, left, right, LIBRARY_STATUS_STEPS);
	free(bare);
	free(place);
	free(full);
}

/* Draw the picker. */
void
tui_library_draw(struct tui *t)
{
	struct tui_library *l = &t->library;
	size_t rows = library_rows(), r, cols = tui_text_cols();
	struct buf row = BUF_INIT;
	char *title;
	const char *base;

	if (t->found.n > 0) {
		tui_index_draw(t);	/* / showed hits in its place */
		return;
	}
	library_scroll(l);
	library_fill(t);
	library_scroll(l);
	/*
	 * TRANSLATORS: the picker's title: the folder and the number of
	 * editions; the last %s is the English plural "s" (write %.0s in a
	 * language without plurals).  Keep the leading space.
	 */
	title = xasprintf(_(" Library: %s  (%zu edition%s)"), l->lib.root,
	    l->lib.n, l->lib.n == 1 ? "" : "s");
	/* A long path gives way to its last folder: the count stays. */
	if (width_str(title, strlen(title)) > cols &&
	    (base = strrchr(l->lib.root, '/')) != NULL && base[1] != '\0') {
		free(title);
		/* TRANSLATORS: as above, the path cut to its last folder. */
		title = xasprintf(_(" Library: …%s  (%zu edition%s)"), base,
		    l->lib.n, l->lib.n == 1 ? "" : "s");
	}
	tui_put(t, 0, 0, title, strlen(title), cols, 0, TUI_STYLE_TITLE);
	tui_clear_eol(0, COLS - 1);
	free(title);
	for (r = 0; r < rows; r++) {
		size_t i = l->top + r;
		int y = (int)r + 1;

		if (i < l->lib.n) {
			buf_clear(&row);
			library_row(t, &row, i, cols);
			tui_put_shown(t, y, 0, buf_str(&row), row.len, cols,
			    cols, i == l->sel ? TUI_STYLE_SELECTED :
			    TUI_STYLE_TEXT);
		}
		tui_clear_eol(y, COLS - 1);
	}
	buf_free(&row);
	library_status(t);
}

/* Act on a key in the picker. */
enum tui_next
tui_library_action(struct tui *t, enum tui_action act)
{
	struct tui_library *l = &t->library;

	if (t->found.n > 0)
		return tui_index_action(t, act);
	switch (act) {
	case TUI_ACT_OPEN:
		return l->lib.n > 0 ? TUI_NEXT_EDITION_OPEN : TUI_NEXT_NONE;
	case TUI_ACT_BACK:
		return t->ed != NULL && !l->root ? TUI_NEXT_CLOSE :
		    TUI_NEXT_QUIT;
	default:
		if (!tui_move_selection(act, &l->sel, l->lib.n,
		    (long)library_rows()))
			return TUI_NEXT_NONE;
		l->moved = true;
		return TUI_NEXT_DRAW;
	}
}

/*
 * Read the library at dir for the reader.  Returns false, with a
 * message, when it cannot be read.
 */
bool
tui_library_open_dir(struct tui *t, const char *dir)
{
	struct tui_library *l = &t->library;
	char *cause = NULL;

	if (library_scan(dir, &l->lib, &cause) != 0) {
		tui_message(t, _("cannot read the library: %s"), cause);
		free(cause);
		library_free(&l->lib);
		return false;
	}
	l->have = true;
	l->sel = l->top = 0;
	l->cur = t->ed != NULL && t->ed->source != NULL ?
	    library_find(&l->lib, t->ed->source) : SIZE_MAX;
	if (l->cur != SIZE_MAX)
		l->sel = l->cur;
	return true;
}

/* L: show the picker, or close it when it is shown. */
void
tui_library_show(struct tui *t)
{
	struct tui_library *l = &t->library;

	if (t->screen == TUI_SCREEN_LIBRARY) {
		if (t->ed != NULL)
			t->screen = l->from;
		return;
	}
	if (!l->have) {
		tui_message(t, _("no library: start kanbao with a folder of "
		    "edition folders, or set KANBAO_LIBRARY"));
		return;
	}
	if (t->screen == TUI_SCREEN_HELP)
		t->screen = t->help_from;
	l->from = t->screen;
	if (l->cur != SIZE_MAX)
		l->sel = l->cur;
	l->moved = false;
	l->root = false;
	t->screen = TUI_SCREEN_LIBRARY;
}

/* q at an edition's top list; see tui_view.h. */
bool
tui_library_back(struct tui *t)
{
	struct tui_library *l = &t->library;

	/*
	 * Only a session that began on the picker: one that began on an
	 * edition (an edition folder of a library, given directly) has
	 * never shown it, and q there quits.
	 */
	if (!l->have || !l->home || t->screen == TUI_SCREEN_LIBRARY)
		return false;
	tui_library_show(t);
	l->root = true;
	return true;
}

/* Load edition i of the library and show it where it was left. */
static bool
library_load(struct tui *t, size_t i)
{
	struct tui_library *l = &t->library;
	struct edition *ed;
	char *cause = NULL, *path;

	if (i == l->cur && t->ed != NULL) {
		t->screen = l->from == TUI_SCREEN_LIBRARY ?
		    TUI_SCREEN_EDITION : l->from;
		return true;
	}
	tui_status(t, _("loading the edition..."), "");
	tui_refresh(t);
	path = xstrdup(l->lib.items[i].path);
	ed = load_paths(&path, 1, NULL, &cause);
	if (ed == NULL) {
		tui_message(t, _("cannot open the edition: %s"), cause);
		free(cause);
		free(path);
		return false;
	}
	tui_edition_switch(t, ed, ed);
	library_note(t, i, ed, &t->read);
	library_resort(t);
	/* The folder may have moved in the order: find it by path. */
	l->cur = SIZE_MAX;
	for (i = 0; i < l->lib.n; i++) {
		if (strcmp(l->lib.items[i].path, path) == 0)
			l->cur = l->sel = i;
	}
	free(path);
	tui_marks_reload(t);
	t->screen = TUI_SCREEN_EDITION;
	tui_position_restore(t);
	return true;
}

/* Enter in the picker: open the selected edition. */
void
tui_library_open(struct tui *t)
{
	if (t->found.n > 0)
		tui_index_open(t);
	else
		library_load(t, t->library.sel);
}

/* Show library edition path; see tui_view.h. */
bool
tui_library_open_path(struct tui *t, const char *path)
{
	size_t i = library_find(&t->library.lib, path);

	if (i == SIZE_MAX) {
		tui_message(t, _("no longer in the library: %s"), path);
		return false;
	}
	t->library.from = TUI_SCREEN_LIBRARY;
	return library_load(t, i);
}

/* { and }: the previous (older) or next (newer) issue of the paper. */
void
tui_library_step(struct tui *t, bool older)
{
	struct tui_library *l = &t->library;
	size_t i;

	if (!l->have || l->cur == SIZE_MAX) {
		/* In the picker before any edition: nothing to step from. */
		tui_message(t, t->ed == NULL ? _("open an edition first ({ and "
		    "} step through its issues)") : _("no other issues: this "
		    "edition is not in a library"));
		return;
	}
	i = older ? library_prev(&l->lib, l->cur) :
	    library_next(&l->lib, l->cur);
	if (i == SIZE_MAX) {
		tui_message(t, older ? _("no earlier issue of this paper") :
		    _("no later issue of this paper"));
		return;
	}
	l->from = TUI_SCREEN_EDITION;
	if (library_load(t, i))
		tui_message(t, "%s: %s", older ? "上一期" : "下一期",
		    l->lib.items[l->cur].date);
}

/* Free the picker's state. */
void
tui_library_free(struct tui *t)
{
	struct tui_library *l = &t->library;
	size_t i;

	for (i = 0; i < l->nshelf; i++)
		free(l->shelf[i].path);
	free(l->shelf);
	library_free(&l->lib);
	memset(l, 0, sizeof *l);
}
