/*
 * tui_position.c - the reading position: restored when an edition opens,
 * saved while reading and at every way out.
 *
 * The position is saved at every way out (q, Q, SIGHUP, SIGTERM, SIGINT, a
 * vanished terminal: tui.c calls tui_position_save(t, true)) and also
 * while reading, soon after the article changes and at most every few
 * seconds while scrolling, so a dropped SSH connection that never delivers
 * SIGHUP loses little.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "bookmarks.h"
#include "edition.h"
#include "i18n.h"
#include "tui.h"
#include "tui_view.h"
#include "xalloc.h"

enum {
	/*
	 * Saving the reading position while reading: after a change of
	 * article (or section, or screen) within this many ms, after
	 * scrolling within that many.  Each save is an fsync'ed write; these
	 * keep holding J or j from writing the disk dozens of times a second
	 * while an SSH drop still loses at most a few seconds of reading.
	 */
	TUI_SAVE_ARTICLE_MS = 1000,
	TUI_SAVE_SCROLL_MS = 5000
};

/*
 * Whether reading positions are kept for the shown edition: not for one
 * read from standard input, whose contents next time are unknown.
 */
static bool
tui_position_kept(const struct tui *t)
{
	return t->ed_key[0] != '\0' && strcmp(t->ed_key, "-") != 0;
}

/* The current reading position (strings owned by p). */
static void
tui_position_now(const struct tui *t, struct position *p)
{
	const struct section *s = t->ed->sections[t->sec];
	enum tui_screen screen = t->screen;

	/* Help and the bookmark list lie over a screen: that one counts. */
	if (screen == TUI_SCREEN_HELP)
		screen = t->help_from;
	if (screen == TUI_SCREEN_BOOKMARKS)
		screen = t->marks.from;
	if (screen == TUI_SCREEN_LIBRARY)
		screen = t->library.from;
	memset(p, 0, sizeof *p);
	/* The result list lies over the lists: no reading there. */
	p->edition = xstrdup(t->ed_key);
	p->section = t->sec;
	if (t->art < s->narticles) {
		p->article = xstrdup(s->articles[t->art]->id);
		p->reading = screen == TUI_SCREEN_READER;
	}
	if (p->reading)
		tui_reader_where(t, &p->block, &p->offset);
}

/* Whether two positions are in the same article and screen. */
static bool
tui_position_same_article(const struct position *a, const struct position *b)
{
	if (a->edition == NULL || b->edition == NULL ||
	    strcmp(a->edition, b->edition) != 0 || a->section != b->section ||
	    a->reading != b->reading)
		return false;
	if (a->article == NULL || b->article == NULL)
		return a->article == b->article;
	return strcmp(a->article, b->article) == 0;
}

/*
 * Save the reading position if it changed since the last save.  force:
 * now (a way out, or leaving the edition).  Otherwise only when a save is
 * due (TUI_SAVE_*); when it is not yet, saved.due_ms says when, and the
 * loop wakes up then even if no key comes.  After a failure (shown once)
 * only forced saves try again.  Returns -1 when a save failed.
 */
int
tui_position_save(struct tui *t, bool force)
{
	struct tui_saved *sv = &t->saved;
	struct position now;
	long long ms = tui_now_ms(), due;
	char *cause = NULL;

	sv->due_ms = 0;
	if (t->ed == NULL || !tui_position_kept(t) || (!force && sv->error != NULL))
		return 0;
	tui_position_now(t, &now);
	if (tui_position_same_article(&now, &sv->pos) &&
	    now.block == sv->pos.block && now.offset == sv->pos.offset) {
		position_free(&now);
		return 0;
	}
	if (!force) {
		due = sv->at_ms + (tui_position_same_article(&now, &sv->pos) ?
		    TUI_SAVE_SCROLL_MS : TUI_SAVE_ARTICLE_MS);
		if (ms < due) {
			sv->due_ms = due;
			position_free(&now);
			return 0;
		}
	}
	if (position_save(&now, &cause) != 0) {
		if (sv->error == NULL)
			tui_message(t, _("reading position not saved: %s"),
			    cause);
		free(sv->error);
		sv->error = cause;
		position_free(&now);
		return -1;
	}
	free(sv->error);
	sv->error = NULL;
	position_free(&sv->pos);
	sv->pos = now;
	sv->at_ms = ms;
	return 0;
}

/*
 * Open the edition where the user left it, unless --restart: the saved
 * section and article, and in the reader at the saved line when it was
 * open.  An article no longer in the edition leaves the lists at its
 * section, and says so.
 */
void
tui_position_restore(struct tui *t)
{
	struct position p;
	char *cause = NULL;
	size_t sec, art;
	int rc;

	if (!tui_position_kept(t))
		return;
	if (!t->opts->restart) {
		rc = position_load(t->ed_key, &p, &cause);
		if (rc < 0) {
			tui_message(t, _("reading position not restored: %s"),
			    cause);
			/* The store will not overwrite it: stop trying. */
			t->saved.error = cause;
		} else if (rc == 1 && p.article != NULL &&
		    tui_find_article(t->ed, p.article, p.section, NULL, &sec,
		    &art)) {
			t->sec = sec;
			t->art = art;
			if (p.reading) {
				t->focus = TUI_FOCUS_ARTICLES;
				t->screen = TUI_SCREEN_READER;
				tui_open_article(t);
				tui_reader_seek(t, p.block, p.offset);
			}
		} else if (rc == 1) {
			if (p.section < t->ed->nsections)
				t->sec = p.section;
			if (p.article != NULL)
				tui_message(t, _("the article you were reading "
				    "is no longer in this edition"));
		}
		if (rc == 1)
			position_free(&p);
	}
	/* The store holds what is on screen (or --restart): save changes. */
	tui_position_now(t, &t->saved.pos);
	t->saved.at_ms = tui_now_ms();
}

