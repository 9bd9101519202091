/*
 * tui.c - the interactive reader: terminal lifecycle and the event loop.
 *
 * Everything about the terminal as a whole lives here: refusing to start
 * when stdout is not a terminal, asking the terminal how wide it draws
 * East Asian ambiguous characters (before curses starts), newterm() with
 * its failure checked (initscr() would exit on an unknown TERM), the
 * signal handlers that only set a flag, and the one place that restores
 * the terminal.  The loop reads a key, maps it to an action through the key
 * table (tui_keys.c), lets the current screen (tui_list.c, tui_reader.c,
 * tui_help.c) handle it and acts on what the screen returns.
 *
 * Bookmarks and reading positions (bookmarks.h) are handled here too, so
 * the screens never touch the store: m, the bookmark list's Enter and d,
 * restoring the position at start and saving it.  The position is saved
 * at every way out (q, Q, SIGHUP, SIGTERM, SIGINT, a vanished terminal)
 * and also while reading, soon after the article changes and at most every
 * few seconds while scrolling, so a dropped SSH connection that never
 * delivers SIGHUP loses little.  A store error is a status-line message:
 * the reader goes on (a bookmarks file that cannot be read is left alone
 * and bookmarks are read-only for the session).
 *
 * Search lives here too, as far as it is not a screen: the / prompt at the
 * bottom line, which edits the query by character (get_wch() gives code
 * points, so a CJK character typed through an IME is one character for
 * Backspace and the cursor), recalls earlier queries with Up and Down
 * (kept in the history file, bookmarks.h), and runs the query: over the
 * edition, giving the result list (tui_list.c), or over the open article,
 * giving highlighted matches (tui_reader.c).
 *
 * All drawing goes through tui_put(): it sanitises the text (the display
 * chokepoint, sanitize.h), substitutes ambiguous characters in wide mode,
 * fits it by display columns and draws whole runs from left to right, so
 * no half of a wide character is ever overwritten (research: cjk-layout.md
 * R4, R5).
 */
#include "config.h"

#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>
#include <wchar.h>

#include "tui_curses.h"

#include "bookmarks.h"
#include "edition.h"
#include "load.h"
#include "sanitize.h"
#include "search.h"
#include "text.h"
#include "tui.h"
#include "tui_keys.h"
#include "tui_view.h"
#include "width.h"
#include "xalloc.h"

/* Tunables of the terminal layer, each with its reason. */
enum {
	/* Smallest usable window; below it only a notice is shown. */
	TUI_MIN_COLS = 20,
	TUI_MIN_LINES = 5,
	/*
	 * Escape delay in ms: long enough that an arrow key's bytes arrive
	 * together even over SSH, short enough that Esc feels immediate.
	 */
	TUI_ESCDELAY = 40,
	/* Wait for the terminal's cursor position reply (ambiguous probe). */
	TUI_PROBE_MS = 100,
	/*
	 * Consecutive read errors (not caused by a signal) that mean the
	 * terminal is gone: a closed pty returns EIO at once, forever, and a
	 * TUI that ignores it spins at 100% CPU (reliability-anchors.md 6.1).
	 */
	TUI_MAX_READ_ERRORS = 64,
	/*
	 * Saving the reading position while reading: after a change of
	 * article (or section, or screen) within this many ms, after
	 * scrolling within that many.  Each save is an fsync'ed write; these
	 * keep holding J or j from writing the disk dozens of times a second
	 * while an SSH drop still loses at most a few seconds of reading.
	 */
	TUI_SAVE_ARTICLE_MS = 1000,
	TUI_SAVE_SCROLL_MS = 5000,
	/*
	 * Longest query the prompt takes, in characters: four bytes each at
	 * most, so it stays within search.h's SEARCH_QUERY_MAX bytes.
	 */
	TUI_PROMPT_MAX = SEARCH_QUERY_MAX / 4
};

/* Control-key code of a letter, as the terminal sends it in cbreak mode. */
#define TUI_CTRL(c)	((c) & 0x1f)

/* Colour pairs, one per style that has a colour. */
enum {
	TUI_PAIR_KICKER = 1,
	TUI_PAIR_SUBTITLE,
	TUI_PAIR_BYLINE,
	TUI_PAIR_SUBHEAD,
	TUI_PAIR_INFERRED
};

/*
 * The one context of the reader.  It has to be reachable from the signal
 * handlers, which may only set its volatile sig_atomic_t member.
 */
static struct tui tui_ctx;

/* Signal handler: only record the signal; the loop does the rest. */
static void
tui_on_signal(int sig)
{
	tui_ctx.sig = sig;
}

/* Milliseconds on the monotonic clock. */
static long long
tui_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/*
 * Ask the terminal how many columns “ (U+201C, East Asian Ambiguous)
 * takes: go to column 1, print it, request the cursor position (ESC [6n)
 * and read the reply "ESC [row;colR" with a short timeout.  Column 3 means
 * wide.  No reply (or any doubt) means narrow, the Unicode default.  Runs
 * before curses starts; the probe is erased afterwards.  Vim does the same
 * (research: cjk-layout.md 1.8 (b)).
 */
static bool
tui_probe_ambiguous_wide(bool *answered)
{
	static const char probe[] = "\r\xe2\x80\x9c\033[6n";
	static const char erase[] = "\r\033[K";
	struct termios old, raw;
	struct pollfd pfd;
	char reply[64];
	size_t len = 0;
	long long deadline;
	int fd, row, col = -1;
	bool wide = false;

	*answered = false;
	fd = open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC);
	if (fd == -1)
		return false;
	if (tcgetattr(fd, &old) != 0) {
		close(fd);
		return false;
	}
	raw = old;
	raw.c_lflag &= ~(ICANON | ECHO);
	raw.c_cc[VMIN] = 0;
	raw.c_cc[VTIME] = 0;
	if (tcsetattr(fd, TCSANOW, &raw) != 0 ||
	    write(fd, probe, sizeof probe - 1) != (ssize_t)(sizeof probe - 1))
		goto out;

	deadline = tui_now_ms() + TUI_PROBE_MS;
	pfd.fd = fd;
	pfd.events = POLLIN;
	while (len < sizeof reply - 1) {
		long long left = deadline - tui_now_ms();
		ssize_t n;
		char *esc;

		if (left <= 0 || poll(&pfd, 1, (int)left) <= 0)
			break;
		n = read(fd, reply + len, sizeof reply - 1 - len);
		if (n <= 0)
			break;
		len += (size_t)n;
		reply[len] = '\0';
		/* Skip anything typed before the reply arrived. */
		esc = strstr(reply, "\033[");
		if (esc != NULL && strchr(esc, 'R') != NULL &&
		    sscanf(esc, "\033[%d;%dR", &row, &col) == 2)
			break;
		col = -1;
	}
	wide = (col == 3);
	*answered = (col != -1);
out:
	if (write(fd, erase, sizeof erase - 1) < 0) {
		/* Nothing to do: the screen is cleared by curses anyway. */
	}
	/*
	 * Without an answer a late reply could still come and be read as
	 * keys (ESC would mean "back"): drop pending input.  With one, keep
	 * what the user typed ahead.
	 */
	if (!*answered)
		tcflush(fd, TCIFLUSH);
	tcsetattr(fd, TCSANOW, &old);
	close(fd);
	return wide;
}

/*
 * Sanitise s[0..len) and, in wide mode, substitute ambiguous characters
 * (width_substitute_ambiguous(), research: cjk-layout.md 1.8 (c)).
 */
char *
tui_prepare(const struct tui *t, const char *s, size_t len)
{
	char *clean, *wide;

	clean = sanitize_display(s, len);
	if (!t->ambiguous_wide)
		return clean;
	wide = width_substitute_ambiguous(clean, strlen(clean));
	free(clean);
	return wide;
}

/* The edition and section titles for the status line; see tui_view.h. */
char *
tui_where(const struct tui *t)
{
	const char *ed = t->ed->title, *sec = t->ed->sections[t->sec]->title;

	if (ed == NULL || *ed == '\0' || strcmp(ed, sec) == 0)
		return xstrdup(sec);
	return xasprintf("%s  %s", ed, sec);
}

/* Set the status-line message; see tui_view.h. */
void
tui_message(struct tui *t, const char *fmt, ...)
{
	va_list ap;
	char *m, *joined;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	m = xmalloc((size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(m, (size_t)n + 1, fmt, ap);
	va_end(ap);
	/* Two messages from one step (both files unreadable) both show. */
	if (t->msg != NULL) {
		joined = xasprintf("%s; %s", t->msg, m);
		free(m);
		free(t->msg);
		m = joined;
	}
	t->msg = m;
}

/* Whether an article of the shown edition has a bookmark. */
bool
tui_marked(const struct tui *t, const struct article *a)
{
	return t->ed_key != NULL &&
	    bookmarks_find(&t->marks.bms, t->ed_key, a->id) != NULL;
}

/* Columns text may use: COLS - 1, leaving the last column free. */
size_t
tui_text_cols(void)
{
	return COLS > 1 ? (size_t)COLS - 1 : 1;
}

/* The curses attributes of a style. */
static attr_t
tui_style_attr(const struct tui *t, enum tui_style style)
{
	/* Bold, reverse and underline work on a vt100; colour is extra. */
	switch (style) {
	case TUI_STYLE_KICKER:
		return t->colours ? COLOR_PAIR(TUI_PAIR_KICKER) : A_NORMAL;
	case TUI_STYLE_HEADLINE:
	case TUI_STYLE_TITLE:
		return A_BOLD;
	case TUI_STYLE_SUBTITLE:
		return t->colours ? COLOR_PAIR(TUI_PAIR_SUBTITLE) : A_NORMAL;
	case TUI_STYLE_BYLINE:
		return t->colours ? COLOR_PAIR(TUI_PAIR_BYLINE) : A_NORMAL;
	case TUI_STYLE_SUBHEAD:
		return A_BOLD |
		    (t->colours ? COLOR_PAIR(TUI_PAIR_SUBHEAD) : A_NORMAL);
	case TUI_STYLE_CAPTION:
	case TUI_STYLE_DIM:
		return A_DIM;
	case TUI_STYLE_INFERRED:
		return t->colours ? COLOR_PAIR(TUI_PAIR_INFERRED) : A_NORMAL;
	case TUI_STYLE_STATUS:
	case TUI_STYLE_SELECTED:
	case TUI_STYLE_MATCH:
		return A_REVERSE;
	case TUI_STYLE_MATCH_CUR:
		/* The one n went to stands out among the others. */
		return A_REVERSE | A_BOLD | A_UNDERLINE;
	case TUI_STYLE_TEXT:
	case TUI_STYLE_COUNT:
		break;
	}
	return A_NORMAL;
}

/* Clear from column x to the end of row y. */
void
tui_clear_eol(int y, int x)
{
	if (y < LINES && x < COLS) {
		move(y, x);
		clrtoeol();
	}
}

/*
 * Draw the prepared UTF-8 string s (already fitted) at (y, x): convert it
 * to wide characters and add them in one call, so ncurses places each
 * wide character whole.
 */
static void
tui_add_utf8(int y, int x, const char *s)
{
	size_t len = strlen(s), i, n, nw = 0;
	wchar_t *w = xreallocarray(NULL, len + 1, sizeof *w);
	uint32_t cp;

	for (i = 0; i < len; i += n) {
		n = utf8_decode(s + i, len - i, &cp);
		/* A zero-width character cannot start a run: it has no cell. */
		if (nw == 0 && wcwidth((wchar_t)cp) == 0)
			continue;
		/* sanitize_display() guarantees a width; be safe anyway. */
		if (wcwidth((wchar_t)cp) < 0)
			cp = '?';
		w[nw++] = (wchar_t)cp;
	}
	w[nw] = L'\0';
	if (nw > 0)
		mvaddnwstr(y, x, w, (int)nw);
	free(w);
}

/* Draw text at (y, x), fitted to cols and padded to pad (tui_view.h). */
size_t
tui_put(struct tui *t, int y, int x, const char *text, size_t len,
    size_t cols, size_t pad, enum tui_style style)
{
	char *prep, *cut, *fin;
	size_t used = 0, room;
	attr_t attr = tui_style_attr(t, style);

	if (y < 0 || y >= LINES || x < 0 || (size_t)x >= tui_text_cols())
		return 0;
	room = tui_text_cols() - (size_t)x;
	if (cols > room)
		cols = room;
	if (pad > cols)
		pad = cols;

	prep = tui_prepare(t, text, len);
	cut = width_truncate(prep, strlen(prep), cols, &used);
	/*
	 * width_truncate() may append "…", itself ambiguous: substitute again
	 * (idempotent otherwise; "…" and "⋯" both count one column).
	 */
	fin = t->ambiguous_wide ? tui_prepare(t, cut, strlen(cut)) : NULL;

	attron(attr);
	tui_add_utf8(y, x, fin != NULL ? fin : cut);
	for (; used < pad; used++)
		mvaddch(y, x + (int)used, ' ');
	attroff(attr);

	free(fin);
	free(cut);
	free(prep);
	return used;
}

/* The prompt's code points [from, to) as UTF-8.  Caller frees. */
static char *
tui_prompt_utf8(const struct tui_prompt *p, size_t from, size_t to)
{
	char *s = xreallocarray(NULL, (to - from) * 4 + 1, 1);
	size_t i, n = 0;

	for (i = from; i < to; i++)
		n += utf8_encode(p->text[i], s + n);
	s[n] = '\0';
	return s;
}

/* Display width of the prompt's code points [from, to), as drawn. */
static size_t
tui_prompt_width(const struct tui *t, size_t from, size_t to)
{
	char *s = tui_prompt_utf8(&t->prompt, from, to);
	char *prep = tui_prepare(t, s, strlen(s));
	size_t w = width_str(prep, strlen(prep));

	free(prep);
	free(s);
	return w;
}

/*
 * Draw the search prompt on the status line: "/" and the query, scrolled
 * by display width so the cursor is always in view ("<" instead of "/"
 * when the start is scrolled off), and note where the cursor goes.
 */
static void
tui_prompt_draw(struct tui *t)
{
	struct tui_prompt *p = &t->prompt;
	size_t cols = tui_text_cols(), room, used;
	int y = LINES - 1;
	char *s;

	room = cols > 2 ? cols - 2 : 1;	/* the label and the cursor cell */
	if (p->scroll > p->cursor)
		p->scroll = p->cursor;
	if (tui_prompt_width(t, 0, p->cursor) <= room)
		p->scroll = 0;
	while (p->scroll < p->cursor &&
	    tui_prompt_width(t, p->scroll, p->cursor) > room)
		p->scroll++;
	tui_put(t, y, 0, p->scroll > 0 ? "<" : "/", 1, 1, 1, TUI_STYLE_TEXT);
	s = tui_prompt_utf8(p, p->scroll, p->len);
	used = tui_put(t, y, 1, s, strlen(s), cols - 1, 0, TUI_STYLE_TEXT);
	tui_clear_eol(y, (int)(1 + used));
	free(s);
	p->cursor_col = 1 + tui_prompt_width(t, p->scroll, p->cursor);
}

/* Draw the status line: left text, right text flush right, or the prompt. */
void
tui_status(struct tui *t, const char *left, const char *right)
{
	char *prompt = NULL;
	size_t cols = tui_text_cols(), rw, lw;
	int y = LINES - 1;

	if (t->prompt.active) {
		tui_prompt_draw(t);
		return;
	}
	if (t->numlen > 0) {
		prompt = xasprintf("Go to section: %.*s  (Enter: go, Esc: "
		    "cancel)", (int)t->numlen, t->number);
		left = prompt;
		right = "";
	} else if (t->msg != NULL)
		left = t->msg;
	if (right == NULL)
		right = "";
	rw = width_str(right, strlen(right));
	if (rw + 2 > cols)
		rw = 0;
	lw = cols - rw - (rw > 0 ? 1 : 0);
	move(y, 0);
	tui_put(t, y, 0, left, strlen(left), lw, lw, TUI_STYLE_STATUS);
	if (rw > 0) {
		tui_put(t, y, (int)lw, " ", 1, 1, 1, TUI_STYLE_STATUS);
		tui_put(t, y, (int)lw + 1, right, strlen(right), rw, rw,
		    TUI_STYLE_STATUS);
	}
	tui_clear_eol(y, (int)cols);
	free(prompt);
}

/* Draw the current screen, or the notice when the window is too small. */
static void
tui_draw(struct tui *t)
{
	char *need;
	const char *small[4];
	size_t i;

	erase();
	/*
	 * Whatever else is drawn covers the article: the reader must not
	 * count on scrolling what the terminal showed of it before.
	 */
	if (t->screen != TUI_SCREEN_READER)
		t->reader.shown = false;
	if (COLS < TUI_MIN_COLS || LINES < TUI_MIN_LINES) {
		t->reader.shown = false;
		/* Longest first: the first that fits is shown. */
		need = xasprintf("terminal too small (need %dx%d)",
		    TUI_MIN_COLS, TUI_MIN_LINES);
		small[0] = need;
		small[1] = "terminal too small";
		small[2] = "too small";
		small[3] = "small";
		for (i = 0; i < 3; i++) {
			if (strlen(small[i]) < (size_t)COLS)
				break;
		}
		/* Plain ASCII, cut to fit: nothing here can wrap. */
		mvaddnstr(0, 0, small[i], COLS > 1 ? COLS - 1 : 1);
		refresh();
		free(need);
		return;
	}
	switch (t->screen) {
	case TUI_SCREEN_EDITION:
		tui_list_draw(t);
		break;
	case TUI_SCREEN_READER:
		tui_reader_draw(t);
		break;
	case TUI_SCREEN_HELP:
		tui_help_draw(t);
		break;
	case TUI_SCREEN_BOOKMARKS:
		tui_marks_draw(t);
		break;
	case TUI_SCREEN_RESULTS:
		tui_results_draw(t);
		break;
	}
	/* The terminal's own cursor shows where typing goes, and only then. */
	if (t->prompt.active) {
		move(LINES - 1, (int)t->prompt.cursor_col);
		curs_set(1);
	} else
		curs_set(0);
	refresh();
}

/* Jump to section n (1-based), from any screen, showing its articles. */
static void
tui_goto_section(struct tui *t, size_t n)
{
	if (n < 1 || n > t->ed->nsections) {
		beep();
		return;
	}
	t->sec = n - 1;
	t->art = 0;
	t->art_top = 0;
	t->screen = TUI_SCREEN_EDITION;
	t->focus = TUI_FOCUS_ARTICLES;
	t->reader.loaded = false;
}

/*
 * Handle a key while a section number is being typed, or a digit that
 * starts one.  A number jumps as soon as no further digit could make a
 * valid section (with fewer than ten sections, at once); otherwise Enter
 * confirms it.  Returns true when the key was used up.
 */
static bool
tui_number_key(struct tui *t, enum tui_action act, int key, bool code)
{
	size_t n = 0, i;

	if (act != TUI_ACT_DIGIT && t->numlen == 0)
		return false;
	if (act == TUI_ACT_DIGIT) {
		if (t->numlen == 0 && key == '0')
			return true;
		if (t->numlen < sizeof t->number)
			t->number[t->numlen++] = (char)key;
	} else if (act == TUI_ACT_OPEN) {
		/* Enter: jump below. */
	} else if ((code && key == KEY_BACKSPACE) ||
	    (!code && (key == 127 || key == 8))) {
		t->numlen--;
		return true;
	} else {
		/* Esc or any other key cancels; Esc is used up. */
		t->numlen = 0;
		return act == TUI_ACT_BACK;
	}
	for (i = 0; i < t->numlen; i++)
		n = n * 10 + (size_t)(t->number[i] - '0');
	if (act == TUI_ACT_OPEN || n * 10 > t->ed->nsections ||
	    t->numlen == sizeof t->number) {
		t->numlen = 0;
		tui_goto_section(t, n);
	}
	return true;
}

/* Open the selected article in the reader. */
static void
tui_open_article(struct tui *t)
{
	tui_reader_free(&t->reader);
	t->reader.top = 0;
	t->screen = TUI_SCREEN_READER;
	tui_reader_layout(t);
	/* Opened from search results: at the hit the list showed. */
	if (t->results.open_hit != SIZE_MAX) {
		tui_reader_find(t, t->results.open_hit, true);
		t->results.open_hit = SIZE_MAX;
	}
}

/* Make query (text) the active search, replacing the one before. */
static void
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
static void
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
static void
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
static void
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

/* /: open the search prompt, empty, for the screen it was typed on. */
static void
tui_prompt_open(struct tui *t)
{
	struct tui_prompt *p = &t->prompt;
	char *cause = NULL;

	history_free(&p->hist);
	/* Read again each time: another session may have added queries. */
	if (history_load(&p->hist, &cause) != 0) {
		tui_message(t, "search history not read: %s", cause);
		free(cause);
	}
	p->active = true;
	p->from = t->screen;
	p->len = p->cursor = p->scroll = 0;
	p->hpos = p->hist.n;
	free(p->typed);
	p->typed = NULL;
	p->ntyped = 0;
	t->numlen = 0;
}

/* Close the prompt (Esc, Enter). */
static void
tui_prompt_close(struct tui *t)
{
	struct tui_prompt *p = &t->prompt;

	p->active = false;
	history_free(&p->hist);
	free(p->typed);
	p->typed = NULL;
	p->ntyped = 0;
}

/* Replace the prompt's text with n code points. */
static void
tui_prompt_set(struct tui_prompt *p, const uint32_t *cps, size_t n)
{
	if (n > p->cap) {
		p->text = xreallocarray(p->text, n, sizeof *p->text);
		p->cap = n;
	}
	if (n > 0)
		memcpy(p->text, cps, n * sizeof *cps);
	p->len = p->cursor = n;
}

/* Put UTF-8 string s (valid: it came from the history) in the prompt. */
static void
tui_prompt_set_utf8(struct tui_prompt *p, const char *s)
{
	size_t len = strlen(s), off = 0, n = 0;
	uint32_t *cps = xreallocarray(NULL, len + 1, sizeof *cps);

	while (off < len && n < TUI_PROMPT_MAX)
		off += utf8_decode(s + off, len - off, &cps[n++]);
	tui_prompt_set(p, cps, n);
	free(cps);
}

/*
 * Up (older) and Down (newer) through the history.  The line being typed
 * is kept aside while recalling and comes back below the newest query.
 */
static void
tui_prompt_recall(struct tui *t, bool older)
{
	struct tui_prompt *p = &t->prompt;

	if (older ? p->hpos == 0 : p->hpos >= p->hist.n) {
		beep();
		return;
	}
	if (p->hpos == p->hist.n) {
		free(p->typed);
		p->typed = xreallocarray(NULL, p->len + 1, sizeof *p->typed);
		if (p->len > 0)
			memcpy(p->typed, p->text, p->len * sizeof *p->text);
		p->ntyped = p->len;
	}
	p->hpos += older ? -1 : 1;
	if (p->hpos == p->hist.n)
		tui_prompt_set(p, p->typed, p->ntyped);
	else
		tui_prompt_set_utf8(p, p->hist.items[p->hpos]);
}

/* Delete the code points [from, to) of the prompt; the cursor goes to from. */
static void
tui_prompt_delete(struct tui_prompt *p, size_t from, size_t to)
{
	memmove(p->text + from, p->text + to, (p->len - to) * sizeof *p->text);
	p->len -= to - from;
	p->cursor = from;
}

/* Insert code point cp at the cursor. */
static void
tui_prompt_insert(struct tui_prompt *p, uint32_t cp)
{
	if (p->len >= TUI_PROMPT_MAX) {
		beep();
		return;
	}
	if (p->len == p->cap) {
		p->cap = p->cap == 0 ? 64 : p->cap * 2;
		p->text = xreallocarray(p->text, p->cap, sizeof *p->text);
	}
	memmove(p->text + p->cursor + 1, p->text + p->cursor,
	    (p->len - p->cursor) * sizeof *p->text);
	p->text[p->cursor++] = cp;
	p->len++;
}

/* Ctrl-W: delete the word before the cursor and the spaces after it. */
static void
tui_prompt_delete_word(struct tui_prompt *p)
{
	size_t from = p->cursor;

	while (from > 0 && text_is_space(p->text[from - 1]))
		from--;
	while (from > 0 && !text_is_space(p->text[from - 1]))
		from--;
	tui_prompt_delete(p, from, p->cursor);
}

/*
 * Enter: run the query.  From the reader it searches the open article and
 * goes to the first match from the top of the window on; from the lists
 * it searches the whole edition and shows the result list.  A query that
 * cannot be searched, or finds nothing, says why on the status line.
 */
static void
tui_prompt_run(struct tui *t)
{
	struct tui_prompt *p = &t->prompt;
	struct tui_results *rs = &t->results;
	struct search_query *q;
	struct search_results *res;
	enum tui_screen from = p->from;
	char *text = tui_prompt_utf8(p, 0, p->len), *cause = NULL;

	tui_prompt_close(t);
	if ((q = search_compile(text, &cause)) == NULL) {
		tui_message(t, "cannot search: %s", cause);
		free(cause);
		free(text);
		return;
	}
	if (history_add(text, &cause) != 0) {
		tui_message(t, "search history not saved: %s", cause);
		free(cause);
	}
	tui_search_set(t, q, text);
	if (from == TUI_SCREEN_READER) {
		if (tui_reader_find(t, SIZE_MAX, true) == 0)
			tui_message(t, "not in this article: %s", text);
		free(text);
		return;
	}
	/* A big edition takes a moment: say what is going on. */
	tui_status(t, "searching...", "");
	refresh();
	res = search_edition(t->search.idx, q);
	if (res->nmatches == 0) {
		tui_message(t, "no article contains: %s", text);
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

/*
 * A key while the prompt is open: edit by character, Enter runs, Esc
 * (or ^G) cancels, Backspace on an empty line cancels too, as in less.
 */
static void
tui_prompt_key(struct tui *t, wint_t key, bool code)
{
	struct tui_prompt *p = &t->prompt;

	if (code) {
		switch (key) {
		case KEY_ENTER:
			tui_prompt_run(t);
			break;
		case KEY_BACKSPACE:
			if (p->len == 0)
				tui_prompt_close(t);
			else if (p->cursor > 0)
				tui_prompt_delete(p, p->cursor - 1, p->cursor);
			break;
		case KEY_DC:
			if (p->cursor < p->len)
				tui_prompt_delete(p, p->cursor, p->cursor + 1);
			break;
		case KEY_LEFT:
			if (p->cursor > 0)
				p->cursor--;
			break;
		case KEY_RIGHT:
			if (p->cursor < p->len)
				p->cursor++;
			break;
		case KEY_HOME:
			p->cursor = 0;
			break;
		case KEY_END:
			p->cursor = p->len;
			break;
		case KEY_UP:
		case KEY_DOWN:
			tui_prompt_recall(t, key == KEY_UP);
			break;
		default:
			break;
		}
		return;
	}
	switch (key) {
	case '\n':
	case '\r':
		tui_prompt_run(t);
		break;
	case 0x1b:		/* Esc */
	case TUI_CTRL('g'):
		tui_prompt_close(t);
		break;
	case 0x7f:
	case TUI_CTRL('h'):
		if (p->len == 0)
			tui_prompt_close(t);
		else if (p->cursor > 0)
			tui_prompt_delete(p, p->cursor - 1, p->cursor);
		break;
	case TUI_CTRL('u'):
		tui_prompt_delete(p, 0, p->len);
		break;
	case TUI_CTRL('w'):
		tui_prompt_delete_word(p);
		break;
	case TUI_CTRL('a'):
		p->cursor = 0;
		break;
	case TUI_CTRL('e'):
		p->cursor = p->len;
		break;
	case TUI_CTRL('p'):
	case TUI_CTRL('n'):
		tui_prompt_recall(t, key == TUI_CTRL('p'));
		break;
	case '\t':
		tui_prompt_insert(p, ' ');
		break;
	default:
		/* Other control characters have no place in a query. */
		if (key >= 0x20 && key != 0x7f && (key < 0x80 || key > 0x9f) &&
		    key <= 0x10FFFF && (key < 0xD800 || key > 0xDFFF))
			tui_prompt_insert(p, (uint32_t)key);
		break;
	}
}

/*
 * Read the bookmarks again (another kanbao may have changed them) and note
 * which editions are missing.  A file that cannot be read makes bookmarks
 * read-only for the rest of the session: it stays as it is, for the user
 * to look at or repair, and is never overwritten.
 */
static void
tui_marks_reload(struct tui *t)
{
	struct tui_marks *m = &t->marks;
	struct stat st;
	char *cause = NULL;
	size_t i;

	bookmarks_free(&m->bms);
	free(m->missing);
	m->missing = NULL;
	if (bookmarks_load(&m->bms, &cause) != 0) {
		if (!m->readonly)
			tui_message(t, "bookmarks are read-only: the file "
			    "cannot be read (' for details)");
		free(m->error);
		m->error = cause;
		m->readonly = true;
		return;
	}
	free(m->error);
	m->error = NULL;
	m->missing = xcalloc(m->bms.n > 0 ? m->bms.n : 1, sizeof *m->missing);
	for (i = 0; i < m->bms.n; i++) {
		const char *key = m->bms.items[i].edition;

		/* Standard input has no file that could go missing. */
		m->missing[i] = strcmp(key, "-") != 0 &&
		    strcmp(key, t->ed_key) != 0 && stat(key, &st) != 0;
	}
	if (m->sel >= m->bms.n)
		m->sel = m->bms.n > 0 ? m->bms.n - 1 : 0;
}

/*
 * Find an article by stable id, in the hinted section first (by index, or
 * by title when title is not NULL): an edition may hold one article twice
 * (a page given twice, a reprint), and the copy the user was at is the
 * one to open.  Returns false when the id is nowhere in the edition.
 */
static bool
tui_find_article(const struct edition *ed, const char *id, size_t hint,
    const char *title, size_t *sec, size_t *art)
{
	const struct section *s;
	size_t i, j;

	for (i = 0; i < ed->nsections; i++) {
		s = ed->sections[i];
		if (title != NULL ? strcmp(s->title, title) != 0 : i != hint)
			continue;
		for (j = 0; j < s->narticles; j++) {
			if (strcmp(s->articles[j]->id, id) == 0) {
				*sec = i;
				*art = j;
				return true;
			}
		}
	}
	return edition_find_article(ed, id, sec, art) != NULL;
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
 * m: bookmark the selected article (in the reader: at its first visible
 * line), or remove its bookmark when it has one.
 */
static void
tui_mark_toggle(struct tui *t)
{
	const struct section *s = t->ed->sections[t->sec];
	const struct article *a;
	struct bookmark bm;
	char *cause = NULL;
	int rc;

	if (t->screen != TUI_SCREEN_EDITION && t->screen != TUI_SCREEN_READER)
		return;
	if (t->screen == TUI_SCREEN_EDITION &&
	    t->focus != TUI_FOCUS_ARTICLES) {
		tui_message(t, "choose an article to bookmark (Enter)");
		return;
	}
	if (t->art >= s->narticles) {
		beep();
		return;
	}
	a = s->articles[t->art];
	if (t->marks.readonly) {
		tui_message(t, "bookmarks are read-only this session (' for "
		    "details)");
		return;
	}
	if (tui_marked(t, a)) {
		rc = bookmarks_remove(t->ed_key, a->id, &cause);
		if (rc == 0)
			tui_message(t, "bookmark removed");
	} else {
		/* The store copies the strings; the casts only drop const. */
		memset(&bm, 0, sizeof bm);
		bm.edition = t->ed_key;
		bm.edition_title = (char *)tui_edition_title(t);
		bm.article = (char *)a->id;
		bm.headline = (char *)article_title(a);
		bm.section = (char *)s->title;
		if (t->screen == TUI_SCREEN_READER)
			tui_reader_where(t, &bm.block, &bm.offset);
		rc = bookmarks_add(&bm, &cause);
		if (rc == 0)
			tui_message(t, "bookmarked (' or B lists bookmarks)");
	}
	if (rc != 0) {
		tui_message(t, "bookmark not saved: %s", cause);
		free(cause);
	}
	tui_marks_reload(t);
}

/* ' or B: show the bookmark list, or close it when it is shown. */
static void
tui_marks_show(struct tui *t)
{
	if (t->screen == TUI_SCREEN_BOOKMARKS) {
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

/* d in the bookmark list: delete the selected bookmark. */
static void
tui_mark_delete(struct tui *t)
{
	struct tui_marks *m = &t->marks;
	const struct bookmark *b;
	char *cause = NULL;

	if (m->sel >= m->bms.n)
		return;
	if (m->readonly) {
		tui_message(t, "bookmarks are read-only this session");
		return;
	}
	b = &m->bms.items[m->bms.n - 1 - m->sel];
	if (bookmarks_remove(b->edition, b->article, &cause) != 0) {
		tui_message(t, "bookmark not deleted: %s", cause);
		free(cause);
	} else
		tui_message(t, "bookmark deleted");
	tui_marks_reload(t);
}

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
static int
tui_save_position(struct tui *t, bool force)
{
	struct tui_saved *sv = &t->saved;
	struct position now;
	long long ms = tui_now_ms(), due;
	char *cause = NULL;

	sv->due_ms = 0;
	if (!tui_position_kept(t) || (!force && sv->error != NULL))
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
			tui_message(t, "reading position not saved: %s", cause);
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
static void
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
			tui_message(t, "reading position not restored: %s",
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
				tui_message(t, "the article you were reading "
				    "is no longer in this edition");
		}
		if (rc == 1)
			position_free(&p);
	}
	/* The store holds what is on screen (or --restart): save changes. */
	tui_position_now(t, &t->saved.pos);
	t->saved.at_ms = tui_now_ms();
}

/*
 * Show another edition: save the position in the one being left, free
 * the edition the reader loaded before (never the caller's), and keep
 * owned (NULL when ed is the caller's) to free later.
 */
static void
tui_edition_switch(struct tui *t, const struct edition *ed,
    struct edition *owned)
{
	tui_save_position(t, true);
	tui_reader_free(&t->reader);
	/* The index, the list and the matches were of the old edition. */
	tui_search_reset(t, true);
	if (t->ed_owned != NULL && t->ed_owned != owned)
		edition_free(t->ed_owned);
	t->ed = ed;
	t->ed_owned = owned;
	free(t->ed_key);
	t->ed_key = bookmarks_edition_key(ed);
	/* Nothing saved for this edition yet in this session. */
	position_free(&t->saved.pos);
	t->saved.at_ms = 0;
	t->sec = t->art = t->sec_top = t->art_top = 0;
	t->focus = ed->nsections == 1 ? TUI_FOCUS_ARTICLES :
	    TUI_FOCUS_SECTIONS;
	t->numlen = 0;
}

/*
 * Enter in the bookmark list: open the bookmarked article at its line.
 * A bookmark of another edition loads that edition (the reader owns it);
 * one whose edition file is gone, or whose article is no longer in it,
 * says so and opens nothing rather than the wrong article.
 */
static void
tui_mark_open(struct tui *t)
{
	struct tui_marks *m = &t->marks;
	const struct bookmark *b;
	const struct edition *ed = NULL;
	struct edition *loaded = NULL;
	struct stat st;
	char *cause = NULL, *main_key;
	size_t sec, art, block, offset;

	if (m->sel >= m->bms.n)
		return;
	b = &m->bms.items[m->bms.n - 1 - m->sel];
	main_key = bookmarks_edition_key(t->ed_main);
	if (strcmp(b->edition, t->ed_key) == 0)
		ed = t->ed;
	else if (strcmp(b->edition, main_key) == 0)
		ed = t->ed_main;
	free(main_key);
	if (ed == NULL && strcmp(b->edition, "-") == 0) {
		tui_message(t, "that edition was read from standard input "
		    "and cannot be opened again");
		return;
	}
	if (ed == NULL && stat(b->edition, &st) != 0) {
		tui_message(t, "edition missing: %s", b->edition);
		return;
	}
	if (ed == NULL) {
		/* Loading may take a moment: say what is going on. */
		tui_status(t, "loading the edition...", "");
		refresh();
		loaded = load_paths(&b->edition, 1, NULL, &cause);
		if (loaded == NULL) {
			tui_message(t, "cannot open the edition: %s", cause);
			free(cause);
			return;
		}
		ed = loaded;
	}
	if (!tui_find_article(ed, b->article, 0, b->section, &sec, &art)) {
		tui_message(t, "that article is no longer in its edition");
		edition_free(loaded);
		return;
	}
	/* b is gone once the list is read again: keep what is needed. */
	block = b->block;
	offset = b->offset;
	if (ed != t->ed) {
		tui_edition_switch(t, ed, loaded);
		tui_marks_reload(t);
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

/* R: back to the start of the edition, as a first opening shows it. */
static void
tui_restart(struct tui *t)
{
	tui_reader_free(&t->reader);
	tui_search_reset(t, false);
	t->screen = TUI_SCREEN_EDITION;
	t->sec = t->art = t->sec_top = t->art_top = 0;
	t->focus = t->ed->nsections == 1 ? TUI_FOCUS_ARTICLES :
	    TUI_FOCUS_SECTIONS;
	tui_message(t, "back at the start of the edition");
}

/*
 * Act on one key.  Returns false when the reader should quit.  Global
 * actions (quit, help, redraw, section numbers) are handled here; the rest
 * goes to the current screen.
 */
static bool
tui_handle_key(struct tui *t, int key, bool code)
{
	enum tui_action act = tui_keys_action(key, code);
	enum tui_next next = TUI_NEXT_NONE;
	bool had_msg = t->msg != NULL;

	/* A message stays until the next key. */
	free(t->msg);
	t->msg = NULL;
	if (tui_number_key(t, act, key, code)) {
		tui_save_position(t, false);
		tui_draw(t);
		return true;
	}
	switch (act) {
	case TUI_ACT_NONE:
		break;
	case TUI_ACT_QUIT:
		return false;
	case TUI_ACT_REDRAW:
		/* A full repaint repairs any drift (research: cjk-layout R5). */
		clearok(curscr, TRUE);
		t->reader.shown = false;
		next = TUI_NEXT_DRAW;
		break;
	case TUI_ACT_HELP:
		if (t->screen == TUI_SCREEN_HELP)
			t->screen = t->help_from;
		else {
			t->help_from = t->screen;
			t->screen = TUI_SCREEN_HELP;
			t->help_top = 0;
		}
		next = TUI_NEXT_DRAW;
		break;
	case TUI_ACT_BOOKMARK:
		tui_mark_toggle(t);
		next = TUI_NEXT_DRAW;
		break;
	case TUI_ACT_BOOKMARKS:
		tui_marks_show(t);
		next = TUI_NEXT_DRAW;
		break;
	case TUI_ACT_RESTART:
		tui_restart(t);
		next = TUI_NEXT_DRAW;
		break;
	case TUI_ACT_SEARCH:
		if (t->screen == TUI_SCREEN_EDITION ||
		    t->screen == TUI_SCREEN_READER ||
		    t->screen == TUI_SCREEN_RESULTS) {
			tui_prompt_open(t);
			next = TUI_NEXT_DRAW;
		} else
			beep();
		break;
	default:
		switch (t->screen) {
		case TUI_SCREEN_EDITION:
			next = tui_list_action(t, act);
			break;
		case TUI_SCREEN_READER:
			next = tui_reader_action(t, act);
			break;
		case TUI_SCREEN_HELP:
			next = tui_help_action(t, act);
			break;
		case TUI_SCREEN_BOOKMARKS:
			next = tui_marks_action(t, act);
			break;
		case TUI_SCREEN_RESULTS:
			next = tui_results_action(t, act);
			break;
		}
		break;
	}

	switch (next) {
	case TUI_NEXT_NONE:
		/* Nothing changed, but a message may have to go. */
		if (had_msg)
			tui_draw(t);
		return true;
	case TUI_NEXT_QUIT:
		return false;
	case TUI_NEXT_OPEN:
		tui_open_article(t);
		break;
	case TUI_NEXT_CLOSE:
		if (t->screen == TUI_SCREEN_HELP)
			t->screen = t->help_from;
		else if (t->screen == TUI_SCREEN_BOOKMARKS)
			t->screen = t->marks.from;
		else if (t->screen == TUI_SCREEN_RESULTS)
			tui_results_close(t);
		else if (t->results.opened && t->results.res != NULL) {
			/* The article came from the result list: back to it. */
			t->screen = TUI_SCREEN_RESULTS;
			t->results.opened = false;
		} else {
			t->screen = TUI_SCREEN_EDITION;
			t->focus = TUI_FOCUS_ARTICLES;
			/* Highlighting was for reading: the lists drop it. */
			tui_search_set(t, NULL, NULL);
		}
		break;
	case TUI_NEXT_RESULT_OPEN:
		tui_results_open(t);
		break;
	case TUI_NEXT_BOOKMARK_OPEN:
		tui_mark_open(t);
		break;
	case TUI_NEXT_BOOKMARK_DELETE:
		tui_mark_delete(t);
		break;
	case TUI_NEXT_DRAW:
		break;
	}
	/* The reader may have been left for a jump: lay it out again. */
	if (t->screen == TUI_SCREEN_READER && !t->reader.loaded)
		tui_open_article(t);
	tui_save_position(t, false);
	tui_draw(t);
	return true;
}

/*
 * How long after the last resize the screen is painted once more (see the
 * KEY_RESIZE case in tui_loop).
 */
#define TUI_SETTLE_MS	200

/*
 * Make curses' size match the terminal's.  ncurses reads the size when it
 * handles SIGWINCH; in a burst of resizes (a resize storm, a window being
 * dragged) the last signal can arrive while it is doing so and be lost,
 * leaving it with a stale size ("terminal too small" on a big window,
 * seen in terminal.test).  Returns true when the size had to change.
 */
static bool
tui_sync_size(void)
{
	struct winsize ws;

	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) != 0 || ws.ws_row == 0 ||
	    ws.ws_col == 0)
		return false;
	if (ws.ws_row == LINES && ws.ws_col == COLS)
		return false;
	resizeterm(ws.ws_row, ws.ws_col);
	return true;
}

/*
 * Read keys and act on them until the user quits or a signal arrives.
 * While a position save is pending the read times out when it is due, so
 * the save happens even if no further key comes.
 */
static void
tui_loop(struct tui *t)
{
	wint_t wch;
	long long wait;
	int r, errors = 0;

	tui_draw(t);
	while (!t->sig) {
		wait = -1;
		/*
		 * No timeout while the prompt is open: get_wch() gathers a
		 * character's UTF-8 bytes one read at a time, and a timeout
		 * between two of them (an IME's burst split by the pty or
		 * SSH) drops the bytes read so far, and the character with
		 * them.  A save falls due at the next key instead.
		 */
		if (t->saved.due_ms != 0 && !t->prompt.active) {
			wait = t->saved.due_ms - tui_now_ms();
			if (wait < 0)
				wait = 0;
		}
		if (t->repaint_ms != 0 && !t->prompt.active) {
			long long w = t->repaint_ms - tui_now_ms();

			if (w < 0)
				w = 0;
			if (wait < 0 || w < wait)
				wait = w;
		}
		timeout((int)(wait > INT_MAX ? INT_MAX : wait));
		errno = 0;
		r = get_wch(&wch);
		if (r == ERR) {
			if (t->sig || errno == EINTR)
				continue;
			if (t->repaint_ms != 0 && tui_now_ms() >= t->repaint_ms) {
				/* The settle repaint after a resize (below). */
				t->repaint_ms = 0;
				tui_sync_size();
				clearok(curscr, TRUE);
				t->reader.shown = false;
				tui_draw(t);
				continue;
			}
			if (t->saved.due_ms != 0 &&
			    tui_now_ms() >= t->saved.due_ms) {
				/* The wait for a save ran out: no error. */
				tui_save_position(t, false);
				if (t->msg != NULL)
					tui_draw(t);
				continue;
			}
			if (++errors >= TUI_MAX_READ_ERRORS)
				break;	/* the terminal is gone */
			continue;
		}
		errors = 0;
		/*
		 * A key (or KEY_RESIZE) after a burst of resizes: make sure
		 * curses has the size the terminal really has now.
		 */
		if (tui_sync_size() && !(r == KEY_CODE_YES &&
		    wch == KEY_RESIZE)) {
			if (t->screen == TUI_SCREEN_READER ||
			    t->help_from == TUI_SCREEN_READER)
				tui_reader_layout(t);
			clearok(curscr, TRUE);
		}
		if (r == KEY_CODE_YES && wch == KEY_RESIZE) {
			/* ncurses has resized its screens; re-wrap. */
			if (t->screen == TUI_SCREEN_READER ||
			    t->help_from == TUI_SCREEN_READER)
				tui_reader_layout(t);
			/*
			 * Repaint everything: a terminal (tmux, a phone client)
			 * may reflow or clear cells while resizing, so curses'
			 * idea of what is on the glass can be stale and a diff
			 * against it leaves blank lines (seen in tui.test).
			 */
			clearok(curscr, TRUE);
			t->reader.shown = false;
			tui_draw(t);
			/*
			 * And once more when the resizing has settled: output
			 * written while the terminal was still resizing can be
			 * lost (a blank pane in tui.test), and no further event
			 * would repair it.
			 */
			t->repaint_ms = tui_now_ms() + TUI_SETTLE_MS;
			continue;
		}
		if (t->prompt.active) {
			/* The prompt takes every key until Enter or Esc. */
			free(t->msg);
			t->msg = NULL;
			tui_prompt_key(t, wch, r == KEY_CODE_YES);
			tui_save_position(t, false);
			tui_draw(t);
			continue;
		}
		if (!tui_handle_key(t, (int)wch, r == KEY_CODE_YES))
			break;
	}
}

/*
 * Whether TERM names the Linux virtual console ("linux", "linux-16color",
 * ...): its font has no CJK glyphs, so Chinese shows as blocks or
 * diamonds whatever kanbao does.
 */
static bool
tui_term_is_console(const char *term)
{
	return strcmp(term, "linux") == 0 || strncmp(term, "linux-", 6) == 0;
}

/*
 * Set up colour pairs on the terminal's default background, unless the
 * user asked for none: NO_COLOR set and not empty (https://no-color.org).
 * Without colours every style still stands apart by its attribute (bold,
 * reverse, dim) or its place (centred headlines, "~" for inferred ones).
 */
static void
tui_init_colours(struct tui *t)
{
	const char *nc = getenv("NO_COLOR");

	t->colours = false;
	if (nc != NULL && *nc != '\0')
		return;
	if (!has_colors() || start_color() == ERR)
		return;
	/* -1 = the user's own background (an ncurses extension). */
	if (use_default_colors() == ERR)
		return;
	/* Colours that read on dark and light backgrounds alike. */
	init_pair(TUI_PAIR_KICKER, COLOR_BLUE, -1);
	init_pair(TUI_PAIR_SUBTITLE, COLOR_BLUE, -1);
	init_pair(TUI_PAIR_BYLINE, COLOR_MAGENTA, -1);
	init_pair(TUI_PAIR_SUBHEAD, COLOR_GREEN, -1);
	init_pair(TUI_PAIR_INFERRED, COLOR_RED, -1);
	t->colours = true;
}

/* Install (or, with old set, restore) the handlers of the stop signals. */
static void
tui_signals(struct sigaction old[3], bool install)
{
	static const int sigs[3] = { SIGINT, SIGTERM, SIGHUP };
	struct sigaction sa;
	int i;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = tui_on_signal;
	sigemptyset(&sa.sa_mask);
	/* No SA_RESTART: the blocking read must return so the loop sees it. */
	sa.sa_flags = 0;
	for (i = 0; i < 3; i++) {
		if (install)
			sigaction(sigs[i], &sa, &old[i]);
		else
			sigaction(sigs[i], &old[i], NULL);
	}
}

/* Run the reader; see tui.h. */
int
tui_run(const struct edition *ed, const struct tui_options *opts,
    char **cause)
{
	struct tui *t = &tui_ctx;
	struct sigaction old[3];
	SCREEN *scr;
	const char *term = getenv("TERM");
	char *cup, *unsaved = NULL;
	int sig;
	bool answered = true;

	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		*cause = xstrdup("not a terminal (use --list or --dump)");
		return -1;
	}
	if (term == NULL || *term == '\0') {
		*cause = xstrdup("TERM is not set (use --list or --dump)");
		return -1;
	}
	if (ed->nsections == 0) {
		*cause = xstrdup("the edition has no sections");
		return -1;
	}

	memset(t, 0, sizeof *t);
	t->ed = t->ed_main = ed;
	t->opts = opts;
	t->results.open_hit = SIZE_MAX;
	/* Only relevant when libc counts “ as one column, as glibc does. */
	if (wcwidth(0x201C) == 1) {
		if (opts->ambiguous == -1) {
			t->ambiguous_wide =
			    tui_probe_ambiguous_wide(&answered);
		} else
			t->ambiguous_wide = (opts->ambiguous == 1);
	}
	/* A single section: start in its article list, not a list of one. */
	t->focus = ed->nsections == 1 ? TUI_FOCUS_ARTICLES : TUI_FOCUS_SECTIONS;

	/* Before newterm(), so ncurses leaves these signals to us. */
	tui_signals(old, true);
	/* The size from the kernel wins over stale LINES/COLUMNS. */
	use_tioctl(TRUE);
	scr = newterm(NULL, stdout, stdin);
	if (scr == NULL) {
		tui_signals(old, false);
		*cause = xasprintf("unknown terminal type '%s' (set TERM, or "
		    "use --list or --dump)", term);
		return -1;
	}
	/* A terminal that cannot move the cursor (dumb) cannot show a TUI. */
	cup = tigetstr("cup");
	if (cup == NULL || cup == (char *)-1) {
		endwin();
		delscreen(scr);
		tui_signals(old, false);
		*cause = xasprintf("terminal type '%s' cannot move the cursor "
		    "(use --list or --dump)", term);
		return -1;
	}
	xalloc_on_fatal(endwin);	/* fatal errors restore the terminal */
	cbreak();
	noecho();
	nonl();
	/*
	 * Let ncurses scroll lines that moved with the terminal's scroll
	 * region instead of sending them again (tui_reader.c pages in steps
	 * it can scroll): over SSH the bytes written are what costs.
	 */
	idlok(stdscr, TRUE);
	intrflush(stdscr, FALSE);
	keypad(stdscr, TRUE);
	set_escdelay(TUI_ESCDELAY);
	curs_set(0);
	tui_init_colours(t);
	/* Drop a late reply to an unanswered ambiguous-width probe. */
	if (!answered)
		flushinp();

	/* Warnings about the terminal come first on the status line. */
	if (opts->notice != NULL)
		tui_message(t, "%s", opts->notice);
	if (tui_term_is_console(term))
		tui_message(t, "TERM=%s: the console has no Chinese glyphs",
		    term);
	t->ed_key = bookmarks_edition_key(ed);
	tui_marks_reload(t);
	tui_position_restore(t);
	tui_loop(t);

	/* Every way out comes here: q, Q, a signal, a vanished terminal. */
	if (tui_save_position(t, true) != 0)
		unsaved = xstrdup(t->saved.error);
	endwin();
	delscreen(scr);
	tui_signals(old, false);
	if (unsaved != NULL) {
		/* The terminal is restored: the message stays readable. */
		fprintf(stderr, "kanbao: reading position not saved: %s\n",
		    unsaved);
		free(unsaved);
	}
	tui_reader_free(&t->reader);
	tui_search_reset(t, true);
	tui_prompt_close(t);
	free(t->prompt.text);
	bookmarks_free(&t->marks.bms);
	free(t->marks.missing);
	free(t->marks.error);
	position_free(&t->saved.pos);
	free(t->saved.error);
	free(t->msg);
	free(t->ed_key);
	edition_free(t->ed_owned);
	sig = t->sig;
	memset(t, 0, sizeof *t);
	/* Terminal restored: now let an interrupt act as the user meant. */
	if (sig == SIGINT || sig == SIGTERM || sig == SIGHUP)
		kill(getpid(), sig);
	return 0;
}
