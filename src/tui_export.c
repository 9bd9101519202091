/*
 * tui_export.c - taking an article out of the reader: s saves it to a
 * file (plain text, or Markdown for a name ending in .md), | pipes it to
 * a shell command, as in mutt, and y copies it to the terminal's
 * clipboard with OSC 52.
 *
 * The text comes from clip.c, sanitised.  A save never overwrites a file
 * (no single key loses anything).  A command runs with the terminal given
 * back to it, like mutt's pipe: curses is suspended, the command may page
 * or prompt, and Enter returns to the reader.  While it runs SIGINT and
 * SIGPIPE are ignored by kanbao itself, so ^C stops the command, not the
 * reader, and a command that stops reading early does not kill kanbao.
 *
 * OSC 52 is off unless the user turns it on (tui_options.osc52): some
 * terminals refuse it or ask each time, and a terminal that does not know
 * the sequence may show it.
 */
#include "config.h"

#include <sys/types.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "tui_curses.h"

#include "clip.h"
#include "edition.h"
#include "i18n.h"
#include "sanitize.h"
#include "search.h"
#include "tui.h"
#include "tui_view.h"
#include "xalloc.h"

/*
 * The article s, | and y act on: the open one in the reader, the
 * selected one in the article list or the search results; NULL (with a
 * message) elsewhere.
 */
static const struct article *
tui_export_article(struct tui *t)
{
	const struct section *s;
	const struct search_match *m;

	if (t->ed != NULL && t->screen == TUI_SCREEN_RESULTS &&
	    t->results.res != NULL &&
	    t->results.sel < t->results.res->nmatches) {
		m = &t->results.res->matches[t->results.sel];
		return t->ed->sections[m->section]->articles[m->article];
	}
	if (t->ed == NULL || (t->screen != TUI_SCREEN_READER &&
	    (t->screen != TUI_SCREEN_EDITION ||
	    t->focus != TUI_FOCUS_ARTICLES))) {
		tui_message(t, _("choose an article first"));
		return NULL;
	}
	s = t->ed->sections[t->sec];
	if (t->art >= s->narticles) {
		tui_message(t, _("this section has no articles"));
		return NULL;
	}
	return s->articles[t->art];
}

/* s, |: open the prompt for a file name or a command. */
void
tui_export_ask(struct tui *t, enum tui_prompt_kind kind)
{
	if (tui_export_article(t) != NULL)
		tui_prompt_open(t, kind);
}

/* Whether name ends in .md or .markdown (any case). */
static bool
tui_export_is_markdown(const char *name)
{
	size_t n = strlen(name);

	return (n > 3 && strcasecmp(name + n - 3, ".md") == 0) ||
	    (n > 9 && strcasecmp(name + n - 9, ".markdown") == 0);
}

/* Write all of data to fd; false on an error (errno set). */
static bool
tui_export_write(int fd, const char *data, size_t len)
{
	ssize_t n;

	while (len > 0) {
		n = write(fd, data, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return false;
		data += n;
		len -= (size_t)n;
	}
	return true;
}

/* Save the article to the file name typed at the prompt. */
void
tui_export_save(struct tui *t, const char *name)
{
	const struct article *a = tui_export_article(t);
	const char *home = getenv("HOME");
	char *path, *text;
	bool md;
	int fd, err = 0;

	if (a == NULL)
		return;
	if (*name == '\0') {
		tui_message(t, _("not saved: no file name"));
		return;
	}
	/* ~/ as the shell means it. */
	if (name[0] == '~' && name[1] == '/' && home != NULL)
		path = xasprintf("%s/%s", home, name + 2);
	else
		path = xstrdup(name);
	md = tui_export_is_markdown(path);
	text = md ? clip_markdown(a) : clip_text(a);
	/* O_EXCL: an existing file is never replaced. */
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
	if (fd < 0)
		err = errno;
	else if (!tui_export_write(fd, text, strlen(text)) || fsync(fd) != 0) {
		err = errno;
		close(fd);
		unlink(path);
	} else if (close(fd) != 0)
		err = errno;
	if (err == EEXIST)
		tui_message(t, _("not saved: %s exists"), path);
	else if (err != 0)
		tui_message(t, _("not saved: %s: %s"), path, strerror(err));
	else
		/* TRANSLATORS: %s is the file, then "Markdown" or "text". */
		tui_message(t, _("saved to %s (%s)"), path, md ? "Markdown" :
		    _("text"));
	free(text);
	free(path);
}

/* Pipe the article to the command typed at the prompt. */
void
tui_export_pipe(struct tui *t, const char *cmd)
{
	const struct article *a = tui_export_article(t);
	struct sigaction ign, oldint, oldpipe;
	char *text, c;
	int fds[2], status = 0;
	pid_t pid;
	ssize_t n;

	if (a == NULL)
		return;
	if (*cmd == '\0') {
		tui_message(t, _("no command given"));
		return;
	}
	if (pipe(fds) != 0) {
		tui_message(t, _("cannot pipe: %s"), strerror(errno));
		return;
	}
	text = clip_text(a);
	/* Give the terminal to the command. */
	def_prog_mode();
	endwin();
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		/* The child: the article on its stdin, the terminal else. */
		dup2(fds[0], STDIN_FILENO);
		close(fds[0]);
		close(fds[1]);
		execl("/bin/sh", "sh", "-c", cmd, (char *)NULL);
		_exit(127);
	}
	close(fds[0]);
	memset(&ign, 0, sizeof ign);
	ign.sa_handler = SIG_IGN;
	sigemptyset(&ign.sa_mask);
	sigaction(SIGINT, &ign, &oldint);
	sigaction(SIGPIPE, &ign, &oldpipe);
	if (pid > 0) {
		/* A command that reads only part of it is no error. */
		(void)tui_export_write(fds[1], text, strlen(text));
		close(fds[1]);
		while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
			;
	} else
		close(fds[1]);
	sigaction(SIGPIPE, &oldpipe, NULL);
	sigaction(SIGINT, &oldint, NULL);
	free(text);
	if (pid < 0) {
		reset_prog_mode();
		tui_message(t, _("cannot run the command: %s"),
		    strerror(errno));
		return;
	}
	/* Let the user read what the command printed, as mutt does. */
	fputs(_("\n[kanbao: press Enter to return]"), stdout);
	fflush(stdout);
	while ((n = read(fileno(t->keys), &c, 1)) > 0 && c != '\n' &&
	    c != '\r')
		;
	reset_prog_mode();
	clearok(curscr, TRUE);
	t->reader.shown = false;
	if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
		tui_message(t, _("piped to: %s"), cmd);
	else if (WIFEXITED(status))
		tui_message(t, _("the command exited with status %d: %s"),
		    WEXITSTATUS(status), cmd);
	else
		tui_message(t, _("the command was stopped by a signal: %s"),
		    cmd);
}

/*
 * The source text of the reader's current match: the display range the
 * match covers taken back through its block's offset map (layout.h), so
 * the clipboard gets what the edition says, not its display stand-ins.
 * Caller frees.
 */
static char *
tui_export_match(const struct tui_reader *r)
{
	const struct tui_match *m = &r->matches[r->cur];
	const struct tui_block *bl = &r->blocks[m->block];
	size_t n = strlen(bl->source), i, j;
	char *raw, *text;

	for (i = 0; i < n && bl->map[i] < m->start; i++)
		/* nothing */;
	for (j = i; j < n && bl->map[j] < m->end; j++)
		/* nothing */;
	raw = xstrndup(bl->source + i, j - i);
	text = sanitize_str(raw);
	free(raw);
	return text;
}

/*
 * y: copy the article, or in the reader the current search match, to
 * the terminal's clipboard with OSC 52.
 */
void
tui_export_copy(struct tui *t)
{
	const struct article *a = tui_export_article(t);
	const struct tui_reader *r = &t->reader;
	char *text, *seq;
	const char *what = _("the article");
	int cut = 0;

	if (a == NULL)
		return;
	if (!t->opts->osc52) {
		tui_message(t, _("copying is off: set osc52 on, or "
		    "KANBAO_OSC52=1"));
		return;
	}
	if (t->screen == TUI_SCREEN_READER && r->nmatches > 0 &&
	    r->matches[r->cur].block < r->nblocks &&
	    r->blocks[r->matches[r->cur].block].source != NULL &&
	    r->blocks[r->matches[r->cur].block].map != NULL) {
		text = tui_export_match(r);
		what = _("the match");
	} else
		text = clip_text(a);
	seq = clip_osc52(text, strlen(text), &cut);
	/* After curses' own output, so the sequence is not split. */
	tui_refresh(t);
	fflush(stdout);
	if (!tui_export_write(STDOUT_FILENO, seq, strlen(seq)))
		tui_message(t, _("not copied: %s"), strerror(errno));
	else
		/*
		 * TRANSLATORS: %s is "the article" or "the match", then
		 * nothing or " (cut to 64 KiB)".
		 */
		tui_message(t, _("copied %s to the clipboard%s"), what,
		    cut ? _(" (cut to 64 KiB)") : "");
	free(seq);
	free(text);
}
