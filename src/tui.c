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
 * The subsystems the loop drives have files of their own: the / prompt
 * (tui_prompt.c), the search it runs (tui_search.c), bookmarks
 * (tui_marks.c) and the reading position (tui_position.c, saved at every
 * way out from tui_run() below).
 *
 * All drawing goes through tui_put(): it sanitises the text (the display
 * chokepoint, sanitize.h), substitutes ambiguous characters in wide mode,
 * fits it by display columns and draws whole runs from left to right, so
 * no half of a wide character is ever overwritten (research: cjk-layout.md
 * R4, R5).  Text prepared once (the reader's paragraphs, list rows) goes
 * through tui_put_shown(), which checks each character as it is drawn
 * instead of sanitising again; and every refresh through tui_refresh(),
 * which then draws the quotes of "set quotes keep" (tui_overlay.c).
 */
#include "config.h"

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
#include "i18n.h"
#include "edition.h"
#include "layout.h"
#include "sanitize.h"
#include "search.h"
#include "text.h"
#include "convert.h"
#include "settings.h"
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
	/* While an indexer runs (tui_index.c), the loop wakes up this often
	   to reap it: seldom enough to cost nothing. */
	TUI_INDEX_POLL_MS = 500,
	/*
	 * A typed number that could still grow (1 with a 第10版) jumps after
	 * this pause: long enough to type the next digit, short enough not
	 * to feel stuck.  Enter jumps at once.
	 */
	TUI_NUMBER_MS = 1000
};

/* The signals the reader handles (tui_signals). */
#define TUI_NSIGNALS	4

/*
 * Colour pairs: style i (enum tui_style, the order of the settings'
 * elements) uses pair i + TUI_PAIR_FIRST when its style has a colour.
 */
#define TUI_PAIR_FIRST	1

/*
 * The one context of the reader.  It has to be reachable from the signal
 * handlers, which may only set its volatile sig_atomic_t member.
 */
static struct tui tui_ctx;

static bool	tui_number_by_page(const struct edition *);

/* Signal handler: only record the signal; the loop does the rest. */
static void
tui_on_signal(int sig)
{
	if (sig == SIGWINCH)
		tui_ctx.winch = 1;
	else
		tui_ctx.sig = sig;
}

/* Milliseconds on the monotonic clock. */
long long
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
 * Sanitise s[0..len), convert it to the script shown (T) and, in wide
 * mode, substitute ambiguous characters (width_substitute(), research:
 * cjk-layout.md 1.8 (c)): the display preparation of layout.h, without
 * its offset map.
 */
char *
tui_prepare(const struct tui *t, const char *s, size_t len)
{
	struct layout_text pt;
	char *conv;

	/* The script shown first (T), then the display preparation. */
	conv = tui_convert(t, sanitize_display(s, len));
	layout_prepare(conv, strlen(conv), t->ambiguous_wide,
	    t->quotes_corner, false, &pt);
	free(conv);
	return pt.text;
}

/* Convert display text to the script shown; see tui_view.h. */
char *
tui_convert(const struct tui *t, char *s)
{
	char *out;

	if (t->conv == NULL)
		return s;
	out = convert_text(t->conv, s, strlen(s), NULL);
	free(s);
	return out;
}

/* Names of the scripts in messages, by enum settings_script. */
static const char *const tui_scripts[] = {
	N_("as printed"), N_("in Simplified (简体)"), N_("in Traditional (繁體)")
};

/* Show another script; see tui_view.h. */
void
tui_script_set(struct tui *t, int script)
{
	struct convert *c = NULL;
	char *cause = NULL;

	if (script != SETTINGS_SCRIPT_OFF &&
	    (c = convert_open(script == SETTINGS_SCRIPT_SIMPLIFIED ?
	    CONVERT_SIMPLIFIED : CONVERT_TRADITIONAL, &cause)) == NULL) {
		tui_message(t, "%s", cause);
		free(cause);
		return;
	}
	convert_close(t->conv);
	t->conv = c;
	t->script = script;
}

/*
 * T: as printed, Simplified, Traditional, round again.  The article is
 * prepared again at the same place; the file is never changed.
 */
static void
tui_script_next(struct tui *t)
{
	size_t block = 0, offset = 0;
	bool reading = t->reader.loaded;

	if (reading)
		tui_reader_where(t, &block, &offset);
	tui_script_set(t, (t->script + 1) % 3);
	if (t->msg == NULL)
		tui_message(t, _("text shown %s"), _(tui_scripts[t->script]));
	if (reading) {
		tui_reader_free(&t->reader);
		tui_reader_layout(t);
		tui_reader_find(t, SIZE_MAX, false);
		tui_reader_seek(t, block, offset);
	}
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

/* Columns text may use: COLS - 1, leaving the last column free. */
size_t
tui_text_cols(void)
{
	return COLS > 1 ? (size_t)COLS - 1 : 1;
}

/*
 * The curses attributes of a style, worked out by tui_init_colours() from
 * the settings' "color" lines: bold, reverse and underline work on a
 * vt100, colour is extra.
 */
static attr_t
tui_style_attr(const struct tui *t, enum tui_style style)
{
	return style < TUI_STYLE_COUNT ? (attr_t)t->style_attr[style] :
	    A_NORMAL;
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
 * wide character whole.  Every character is checked on the way, the last
 * guard before curses: one sanitize_display() would change is drawn as
 * it would show it (text that skipped it can do no harm).  A tagged
 * placeholder of "set quotes keep" is drawn without its tag and noted,
 * for its quote to be written over it after the refresh.
 */
static void
tui_add_utf8(struct tui *t, int y, int x, const char *s)
{
	size_t len = strlen(s), i, n, nw = 0;
	wchar_t *w = xreallocarray(NULL, len + 1, sizeof *w);
	uint32_t cp, quote;
	int col = x, cw;

	for (i = 0; i < len; i += n) {
		quote = width_quote_at(s + i, len - i, &n);
		if (quote == 0) {
			n = utf8_decode(s + i, len - i, &cp);
			if ((cp = sanitize_cp(cp)) == 0)
				continue;
		} else
			utf8_decode(s + i, len - i, &cp);
		cw = wcwidth((wchar_t)cp);
		/* A zero-width character cannot start a run: it has no cell. */
		if (nw == 0 && cw == 0)
			continue;
		/* sanitize_cp() guarantees a width; be safe anyway. */
		if (cw < 0) {
			cp = '?';
			cw = 1;
		}
		if (quote != 0)
			tui_overlay_add(t, y, col, quote, (wchar_t)cp);
		w[nw++] = (wchar_t)cp;
		col += cw;
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
	char *prep;
	size_t used;

	if (y < 0 || y >= LINES || x < 0 || (size_t)x >= tui_text_cols())
		return 0;
	prep = tui_prepare(t, text, len);
	used = tui_put_shown(t, y, x, prep, strlen(prep), cols, pad, style);
	free(prep);
	return used;
}

/* Draw display text at (y, x), fitted and padded (tui_view.h). */
size_t
tui_put_shown(struct tui *t, int y, int x, const char *text, size_t len,
    size_t cols, size_t pad, enum tui_style style)
{
	char *sub, *cut, *fin;
	size_t used = 0, room;
	attr_t attr = tui_style_attr(t, style);

	if (y < 0 || y >= LINES || x < 0 || (size_t)x >= tui_text_cols())
		return 0;
	room = tui_text_cols() - (size_t)x;
	if (cols > room)
		cols = room;
	if (pad > cols)
		pad = cols;

	/*
	 * In wide mode kanbao's own strings joined to the text (a count, a
	 * translation) have their ambiguous characters substituted here;
	 * the text itself already was, and substituting again changes
	 * nothing (the placeholders and their tags are not ambiguous).
	 * width_truncate() may append "…", itself ambiguous: substitute
	 * once more then.
	 */
	sub = t->ambiguous_wide ? width_substitute(text, len,
	    t->quotes_corner) : xstrndup(text, len);
	cut = width_truncate(sub, strlen(sub), cols, &used);
	fin = t->ambiguous_wide ? width_substitute(cut, strlen(cut),
	    t->quotes_corner) : NULL;

	/* What is drawn over loses its quotes; the new text notes its own. */
	tui_overlay_forget(t, y, x, (int)(used > pad ? used : pad));
	attron(attr);
	tui_add_utf8(t, y, x, fin != NULL ? fin : cut);
	for (; used < pad; used++)
		mvaddch(y, x + (int)used, ' ');
	attroff(attr);

	free(fin);
	free(cut);
	free(sub);
	return used;
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
		/*
		 * TRANSLATORS: the status line while a number is typed: %s
		 * is "page" (a printed page, 第N版) or "section", %.*s the
		 * digits.
		 */
		prompt = xasprintf(_("Go to %s: %.*s  (Enter: go, Esc: "
		    "cancel)"), t->ed != NULL && tui_number_by_page(t->ed) ?
		    /* TRANSLATORS: what "Go to %s" above goes to. */
		    _("page") : _("section"), (int)t->numlen, t->number);
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

/* Draw the first (left, right) status pair that fits; see tui_view.h. */
void
tui_status_fit(struct tui *t, const char *const *left,
    const char *const *right, size_t n)
{
	size_t cols = tui_text_cols(), i;

	for (i = 0; i + 1 < n; i++) {
		if (width_str(left[i], strlen(left[i])) + 1 +
		    width_str(right[i], strlen(right[i])) <= cols)
			break;
	}
	tui_status(t, left[i], right[i]);
}

/* refresh() and the quotes over their placeholders; see tui_view.h. */
void
tui_refresh(struct tui *t)
{
	refresh();
	tui_overlay_draw(t);
}

/* Draw the current screen, or the notice when the window is too small. */
static void
tui_draw(struct tui *t)
{
	char *need;
	const char *small[4];
	size_t i;

	erase();
	tui_overlay_reset(t);
	/*
	 * Whatever else is drawn covers the article: the reader must not
	 * count on scrolling what the terminal showed of it before.
	 */
	if (t->screen != TUI_SCREEN_READER)
		t->reader.shown = false;
	if (COLS < TUI_MIN_COLS || LINES < TUI_MIN_LINES) {
		t->reader.shown = false;
		/* Longest first: the first that fits is shown. */
		need = xasprintf(_("terminal too small (need %dx%d)"),
		    TUI_MIN_COLS, TUI_MIN_LINES);
		small[0] = need;
		small[1] = _("terminal too small");
		small[2] = _("too small");
		small[3] = "small";
		for (i = 0; i < 3; i++) {
			if (width_str(small[i], strlen(small[i])) <
			    (size_t)COLS)
				break;
		}
		/* Cut to fit: nothing here can wrap; "small" is ASCII. */
		mvaddnstr(0, 0, small[i], COLS > 1 ? COLS - 1 : 1);
		tui_refresh(t);
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
	case TUI_SCREEN_LIBRARY:
		tui_library_draw(t);
		break;
	}
	/* The terminal's own cursor shows where typing goes, and only then. */
	if (t->prompt.active) {
		move(LINES - 1, (int)t->prompt.cursor_col);
		curs_set(1);
	} else
		curs_set(0);
	tui_refresh(t);
}

/*
 * Whether the edition's pages carry printed page numbers: then a typed
 * number means 第N版, as on paper, not the Nth page in the list.
 */
static bool
tui_number_by_page(const struct edition *ed)
{
	size_t i;

	for (i = 0; i < ed->nsections; i++) {
		if (ed->sections[i]->page > 0)
			return true;
	}
	return false;
}

/* The number n names: its section index, or SIZE_MAX. */
static size_t
tui_number_section(const struct edition *ed, size_t n)
{
	size_t i;

	if (!tui_number_by_page(ed))
		return n >= 1 && n <= ed->nsections ? n - 1 : SIZE_MAX;
	for (i = 0; i < ed->nsections; i++) {
		if (ed->sections[i]->page == n)
			return i;
	}
	return SIZE_MAX;
}

/*
 * Whether another digit could still make a number that names a section
 * (typed "1" with a 第10版: yes), so the jump waits for it.
 */
static bool
tui_number_more(const struct edition *ed, const char *typed, size_t len)
{
	bool pages = tui_number_by_page(ed);
	char num[24];
	size_t i;

	for (i = 0; i < ed->nsections; i++) {
		snprintf(num, sizeof num, "%zu",
		    pages ? (size_t)ed->sections[i]->page : i + 1);
		if (strlen(num) > len && strncmp(num, typed, len) == 0)
			return true;
	}
	return false;
}

/* Jump to the section the typed number names, from any screen. */
static void
tui_number_go(struct tui *t)
{
	size_t n = 0, i, sec;

	for (i = 0; i < t->numlen; i++)
		n = n * 10 + (size_t)(t->number[i] - '0');
	t->numlen = 0;
	t->number_ms = 0;
	sec = tui_number_section(t->ed, n);
	if (sec == SIZE_MAX) {
		tui_message(t, tui_number_by_page(t->ed) ? _("no page %zu in "
		    "this edition") : _("no section %zu in this edition"), n);
		return;
	}
	t->sec = sec;
	t->art = 0;
	t->art_top = 0;
	t->screen = TUI_SCREEN_EDITION;
	t->focus = TUI_FOCUS_ARTICLES;
	t->reader.loaded = false;
}

/*
 * Handle a key while a number is being typed, or a digit that starts
 * one.  The number is a printed page number when the edition has them
 * (1 0 goes to 第10版), else a position in the section list.  It jumps as
 * soon as no further digit could make a valid one; otherwise Enter, or a
 * pause of TUI_NUMBER_MS, ends it.  Returns true when the key was used.
 */
static bool
tui_number_key(struct tui *t, enum tui_action act, int key, bool code)
{
	if (act != TUI_ACT_DIGIT && t->numlen == 0)
		return false;
	/* The picker has no sections to jump to. */
	if (t->ed == NULL || t->screen == TUI_SCREEN_LIBRARY)
		return false;
	if (act == TUI_ACT_DIGIT) {
		if (t->numlen == 0 && key == '0')
			return true;
		if (t->numlen < sizeof t->number)
			t->number[t->numlen++] = (char)key;
	} else if (act == TUI_ACT_OPEN) {
		tui_number_go(t);
		return true;
	} else if ((code && key == KEY_BACKSPACE) ||
	    (!code && (key == 127 || key == 8))) {
		t->numlen--;
		t->number_ms = t->numlen > 0 ? tui_now_ms() + TUI_NUMBER_MS : 0;
		return true;
	} else {
		/* Esc or any other key cancels; Esc is used up. */
		t->numlen = 0;
		t->number_ms = 0;
		return act == TUI_ACT_BACK;
	}
	if (!tui_number_more(t->ed, t->number, t->numlen) ||
	    t->numlen == sizeof t->number)
		tui_number_go(t);
	else
		t->number_ms = tui_now_ms() + TUI_NUMBER_MS;
	return true;
}

/* Open the selected article in the reader. */
void
tui_open_article(struct tui *t)
{
	tui_reader_free(&t->reader);
	t->reader.top = 0;
	t->reader.end_said = false;
	t->screen = TUI_SCREEN_READER;
	tui_reader_layout(t);
	/* An opened article is read (tui_marks.c stores it). */
	if (t->art < t->ed->sections[t->sec]->narticles)
		tui_marks_set_read(t,
		    t->ed->sections[t->sec]->articles[t->art], true);
	/* Opened from search results: at the hit the list showed. */
	if (t->results.open_hit != SIZE_MAX) {
		tui_reader_find(t, t->results.open_hit, true);
		t->results.open_hit = SIZE_MAX;
	}
}

/*
 * Find an article by stable id, in the hinted section first (by index, or
 * by title when title is not NULL): an edition may hold one article twice
 * (a page given twice, a reprint), and the copy the user was at is the
 * one to open.  Returns false when the id is nowhere in the edition.
 */
bool
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

/*
 * Show another edition: save the position in the one being left, free
 * the edition the reader loaded before (never the caller's), and keep
 * owned (NULL when ed is the caller's) to free later.
 */
void
tui_edition_switch(struct tui *t, const struct edition *ed,
    struct edition *owned)
{
	tui_position_save(t, true);
	tui_reader_free(&t->reader);
	/* The index, the list and the matches were of the old edition. */
	tui_search_reset(t, true);
	/* Where q would have gone back to is another edition's place. */
	free(t->back_path);
	t->back_path = NULL;
	if (t->ed_owned != NULL && t->ed_owned != owned)
		edition_free(t->ed_owned);
	t->ed = ed;
	t->ed_owned = owned;
	free(t->ed_key);
	t->ed_key = bookmarks_edition_key(ed);
	tui_marks_read_load(t);
	tui_index_note(t, ed);
	/* Nothing saved for this edition yet in this session. */
	position_free(&t->saved.pos);
	t->saved.at_ms = 0;
	t->sec = t->art = t->sec_top = t->art_top = 0;
	t->focus = ed->nsections == 1 ? TUI_FOCUS_ARTICLES :
	    TUI_FOCUS_SECTIONS;
	t->numlen = 0;
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
	tui_message(t, _("back at the start of the edition"));
}

/* Whether deleting bookmarks asks first (set confirm-delete, default on). */
static bool
tui_confirm_delete(const struct tui *t)
{
	return t->opts->settings == NULL || t->opts->settings->confirm_delete;
}

/*
 * set confirm-delete: a key that leaves the bookmark list (and so deletes
 * what d marked) asks first; y deletes and goes on with the key, any other
 * key keeps the bookmarks and the list.  Returns true when the key was
 * taken: the question asked, or answered no.
 */
static bool
tui_marks_confirm(struct tui *t, enum tui_action *act, int key, bool code)
{
	enum tui_action pending = t->marks.asking;
	size_t n;

	if (pending != TUI_ACT_NONE) {
		t->marks.asking = TUI_ACT_NONE;
		if (!code && (key == 'y' || key == 'Y')) {
			/*
			 * Enter deletes them itself once it knows which
			 * bookmark to open (the rows move); the others
			 * leave after the deletion.
			 */
			if (pending != TUI_ACT_OPEN)
				tui_marks_purge(t);
			*act = pending;
			return false;
		}
		tui_message(t, _("nothing deleted (u takes a mark off)"));
		return true;
	}
	if (t->screen != TUI_SCREEN_BOOKMARKS || !tui_confirm_delete(t) ||
	    (*act != TUI_ACT_BACK && *act != TUI_ACT_QUIT &&
	    *act != TUI_ACT_BOOKMARKS && *act != TUI_ACT_OPEN) ||
	    (n = tui_marks_ndoomed(t)) == 0)
		return false;
	/* Enter on a marked one opens nothing (tui_marks_open says so). */
	if (*act == TUI_ACT_OPEN && t->marks.sel < t->marks.bms.n &&
	    t->marks.doomed[t->marks.bms.n - 1 - t->marks.sel])
		return false;
	t->marks.asking = *act;
	/* TRANSLATORS: %s is "s" for a plural; skip it with %.0s. */
	tui_message(t, _("delete %zu bookmark%s? (y: yes, other keys: no)"),
	    n, n == 1 ? "" : "s");
	return true;
}

/* Say that a key does nothing here (as less does). */
static void
tui_nothing(struct tui *t, int key, bool code)
{
	if (!code && key > 0x20 && key < 0x7f)
		tui_message(t, _("%c does nothing here (? lists the keys)"),
		    key);
	else
		tui_message(t, _("that key does nothing here (? lists the "
		    "keys)"));
}

/*
 * Whether act moves the selection or the text.  At an edge such a key
 * does nothing without a word, as in less; any other key a screen has no
 * use for says so.
 */
static bool
tui_act_moves(enum tui_action act)
{
	switch (act) {
	case TUI_ACT_DOWN:
	case TUI_ACT_UP:
	case TUI_ACT_PAGE_DOWN:
	case TUI_ACT_PAGE_UP:
	case TUI_ACT_TOP:
	case TUI_ACT_BOTTOM:
	case TUI_ACT_HALF_DOWN:
	case TUI_ACT_HALF_UP:
		return true;
	default:
		return false;
	}
}

/*
 * Act on one key.  Returns false when the reader should quit.  Global
 * actions (quit, help, redraw, section numbers) are handled here; the rest
 * goes to the current screen.
 */
static bool
tui_handle_key(struct tui *t, int key, bool code)
{
	enum tui_action act = tui_keymap_action(&t->keymap, key, code);
	enum tui_next next = TUI_NEXT_NONE;
	bool had_msg = t->msg != NULL;

	/* A message stays until the next key. */
	free(t->msg);
	t->msg = NULL;
	if (tui_marks_confirm(t, &act, key, code)) {
		tui_draw(t);
		return true;
	}
	if (tui_number_key(t, act, key, code)) {
		tui_position_save(t, false);
		tui_draw(t);
		return true;
	}
	switch (act) {
	case TUI_ACT_NONE:
		/* A key that does nothing says so (as less does). */
		tui_nothing(t, key, code);
		next = TUI_NEXT_DRAW;
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
		tui_marks_toggle(t);
		next = TUI_NEXT_DRAW;
		break;
	case TUI_ACT_BOOKMARKS:
		tui_marks_show(t);
		next = TUI_NEXT_DRAW;
		break;
	case TUI_ACT_RESTART:
		if (t->ed == NULL || t->screen == TUI_SCREEN_LIBRARY)
			tui_message(t, _("R works in an edition"));
		else
			tui_restart(t);
		next = TUI_NEXT_DRAW;
		break;
	case TUI_ACT_SAVE:
		tui_export_ask(t, TUI_PROMPT_SAVE);
		next = TUI_NEXT_DRAW;
		break;
	case TUI_ACT_PIPE:
		tui_export_ask(t, TUI_PROMPT_PIPE);
		next = TUI_NEXT_DRAW;
		break;
	case TUI_ACT_COPY:
		tui_export_copy(t);
		next = TUI_NEXT_DRAW;
		break;
	case TUI_ACT_LIBRARY:
		tui_library_show(t);
		next = TUI_NEXT_DRAW;
		break;
	case TUI_ACT_PREV_ISSUE:
	case TUI_ACT_NEXT_ISSUE:
		tui_library_step(t, act == TUI_ACT_PREV_ISSUE);
		next = TUI_NEXT_DRAW;
		break;
	case TUI_ACT_NEXT_UNREAD:
		tui_marks_next_unread(t);
		next = TUI_NEXT_DRAW;
		break;
	case TUI_ACT_SCRIPT:
		tui_script_next(t);
		next = TUI_NEXT_DRAW;
		break;
	case TUI_ACT_TOGGLE_READ:
		tui_marks_toggle_read(t);
		next = TUI_NEXT_DRAW;
		break;
	case TUI_ACT_SEARCH:
		if (t->screen == TUI_SCREEN_EDITION ||
		    t->screen == TUI_SCREEN_READER ||
		    t->screen == TUI_SCREEN_RESULTS ||
		    t->screen == TUI_SCREEN_LIBRARY) {
			tui_prompt_open(t, TUI_PROMPT_SEARCH);
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
		case TUI_SCREEN_LIBRARY:
			next = tui_library_action(t, act);
			break;
		}
		/* A key of another screen (J in the picker) says so too. */
		if (next == TUI_NEXT_NONE && t->msg == NULL &&
		    !tui_act_moves(act)) {
			tui_nothing(t, key, code);
			next = TUI_NEXT_DRAW;
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
		else if (t->screen == TUI_SCREEN_LIBRARY)
			t->screen = t->library.from;
		else if (t->screen == TUI_SCREEN_BOOKMARKS) {
			tui_marks_purge(t);
			t->screen = t->marks.from;
		}
		else if (t->screen == TUI_SCREEN_RESULTS)
			tui_results_close(t);
		else if (t->screen == TUI_SCREEN_READER &&
		    t->back_path != NULL && tui_marks_back(t))
			;	/* back to the edition the bookmark left */
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
		tui_marks_open(t);
		break;
	case TUI_NEXT_EDITION_OPEN:
		tui_library_open(t);
		break;
	case TUI_NEXT_DRAW:
		break;
	}
	/* The reader may have been left for a jump: lay it out again. */
	if (t->screen == TUI_SCREEN_READER && !t->reader.loaded)
		tui_open_article(t);
	tui_position_save(t, false);
	tui_draw(t);
	return true;
}

/* The terminal's size from the kernel; see tui_view.h. */
long
tui_term_size(void)
{
	struct winsize ws;

	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) != 0)
		return 0;
	return (long)ws.ws_row * 65536 + ws.ws_col;
}

/*
 * How long after the last SIGWINCH the screen is painted once more (see
 * tui_resize).
 */
#define TUI_SETTLE_MS	200

/*
 * The one resize path.  SIGWINCH only sets t->winch (kanbao installs its
 * handler before newterm(), so ncurses leaves the signal alone and never
 * resizes behind the loop's back); the loop then calls this, which:
 *
 *   1. reads the size from the kernel (TIOCGWINSZ), the only truth in a
 *      burst of resizes, and gives it to resizeterm() when it changed;
 *   2. lays the open article out again for the new width;
 *   3. repaints everything: a terminal (tmux, a phone client) may reflow
 *      or clear cells while resizing, so curses' idea of what is on the
 *      glass can be stale and a diff against it leaves blank lines (seen
 *      in tui.test);
 *   4. after a signal, asks the loop to call it once more TUI_SETTLE_MS
 *      later (t->repaint_ms): output written while the terminal was still
 *      resizing can be lost (a blank pane in tui.test), and a SIGWINCH
 *      that arrives between the loop's check of the flag and its read is
 *      only seen at the next wake-up; the settle pass repairs both.
 *
 * resizeterm() queues KEY_RESIZE for applications that wait for it; the
 * loop ignores that key, since the work is done here.
 */
static void
tui_resize(struct tui *t)
{
	struct winsize ws;
	bool signalled = t->winch != 0;

	t->winch = 0;
	/*
	 * The notice a Space at the end gave was for the old layout (and
	 * may not have been seen): the next Space says it again.
	 */
	t->reader.end_said = false;
	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_row > 0 &&
	    ws.ws_col > 0 && (ws.ws_row != LINES || ws.ws_col != COLS))
		resizeterm(ws.ws_row, ws.ws_col);
	if (t->screen == TUI_SCREEN_READER ||
	    (t->screen == TUI_SCREEN_HELP &&
	    t->help_from == TUI_SCREEN_READER))
		tui_reader_layout(t);
	clearok(curscr, TRUE);
	t->reader.shown = false;
	tui_draw(t);
	t->repaint_ms = signalled ? tui_now_ms() + TUI_SETTLE_MS : 0;
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
	long long wait, asked;
	int r, errors = 0;
	bool indexing;

	tui_draw(t);
	while (!t->sig) {
		if (t->winch) {
			tui_resize(t);
			continue;
		}
		/* Not while the prompt is open (see below). */
		indexing = tui_index_reap(t) && !t->prompt.active;
		wait = indexing ? TUI_INDEX_POLL_MS : -1;
		/*
		 * No timeout while the prompt is open: get_wch() gathers a
		 * character's UTF-8 bytes one read at a time, and a timeout
		 * between two of them (an IME's burst split by the pty or
		 * SSH) drops the bytes read so far, and the character with
		 * them.  A save falls due at the next key instead.
		 */
		if (t->saved.due_ms != 0 && !t->prompt.active) {
			long long w = t->saved.due_ms - tui_now_ms();

			if (w < 0)
				w = 0;
			if (wait < 0 || w < wait)
				wait = w;
		}
		if (t->number_ms != 0) {
			long long w = t->number_ms - tui_now_ms();

			if (w < 0)
				w = 0;
			if (wait < 0 || w < wait)
				wait = w;
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
		asked = tui_now_ms();
		r = get_wch(&wch);
		if (r == ERR) {
			if (t->sig || errno == EINTR)
				continue;
			if (t->number_ms != 0 && tui_now_ms() >= t->number_ms) {
				/* The pause that ends a typed number. */
				tui_number_go(t);
				if (t->screen == TUI_SCREEN_READER &&
				    !t->reader.loaded)
					tui_open_article(t);
				tui_position_save(t, false);
				tui_draw(t);
				continue;
			}
			if (t->repaint_ms != 0 && tui_now_ms() >= t->repaint_ms) {
				tui_resize(t);	/* the settle pass */
				continue;
			}
			if (t->saved.due_ms != 0 &&
			    tui_now_ms() >= t->saved.due_ms) {
				/* The wait for a save ran out: no error. */
				tui_position_save(t, false);
				if (t->msg != NULL)
					tui_draw(t);
				continue;
			}
			/* The indexer's wake-up (a dead terminal answers at
			   once, and is counted below). */
			if (indexing && tui_now_ms() - asked >= wait)
				continue;
			if (++errors >= TUI_MAX_READ_ERRORS)
				break;	/* the terminal is gone */
			continue;
		}
		errors = 0;
		if (r == KEY_CODE_YES && wch == KEY_RESIZE)
			continue;	/* queued by resizeterm(): done */
		if (t->prompt.active) {
			/* The prompt takes every key until Enter or Esc. */
			free(t->msg);
			t->msg = NULL;
			tui_prompt_key(t, wch, r == KEY_CODE_YES);
			tui_position_save(t, false);
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

/* The curses attributes of a style's attribute bits (settings.h). */
static attr_t
tui_attrs_of(unsigned bits)
{
	attr_t a = A_NORMAL;

	if (bits & SETTINGS_BOLD)
		a |= A_BOLD;
	if (bits & SETTINGS_DIM)
		a |= A_DIM;
	if (bits & SETTINGS_UNDERLINE)
		a |= A_UNDERLINE;
	if (bits & SETTINGS_REVERSE)
		a |= A_REVERSE;
	if (bits & SETTINGS_ITALIC)
		a |= A_ITALIC;
	return a;
}

/*
 * Work out each style's attributes from the settings (their defaults
 * when there are none) and set up colour pairs on the terminal's default
 * background, unless the user asked for none: NO_COLOR set and not empty
 * (https://no-color.org).  A colour the terminal lacks is brought down
 * to one it has (settings_colour_fit(): bright as bold on 8 colours).
 * Without colours every style still stands apart by its attribute (bold,
 * reverse, dim) or its place (centred headlines, "~" for inferred ones).
 */
static void
tui_init_colours(struct tui *t)
{
	const char *nc = getenv("NO_COLOR");
	const struct settings_style *st;
	struct settings defaults;
	bool bold_fg, bold_bg;
	int fg, bg;
	size_t i;

	settings_init(&defaults);
	st = t->opts->settings != NULL ? t->opts->settings->styles :
	    defaults.styles;
	for (i = 0; i < TUI_STYLE_COUNT; i++)
		t->style_attr[i] = tui_attrs_of(st[i].attrs);
	t->colours = false;
	if ((nc == NULL || *nc == '\0') && has_colors() &&
	    start_color() != ERR &&
	    /* -1 = the user's own background (an ncurses extension). */
	    use_default_colors() != ERR)
		t->colours = true;
	for (i = 0; t->colours && i < TUI_STYLE_COUNT; i++) {
		if (st[i].fg < 0 && st[i].bg < 0)
			continue;
		if (TUI_PAIR_FIRST + (int)i >= COLOR_PAIRS)
			break;
		fg = settings_colour_fit(st[i].fg, COLORS, &bold_fg);
		bg = settings_colour_fit(st[i].bg, COLORS, &bold_bg);
		init_pair((short)(TUI_PAIR_FIRST + i), (short)fg, (short)bg);
		t->style_attr[i] |= COLOR_PAIR(TUI_PAIR_FIRST + (int)i) |
		    (bold_fg ? A_BOLD : A_NORMAL);
	}
	settings_free(&defaults);
}

/*
 * Install (or, with old set, restore) the handlers of the stop signals and
 * of SIGWINCH (tui_resize).
 */
static void
tui_signals(struct sigaction old[TUI_NSIGNALS], bool install)
{
	static const int sigs[TUI_NSIGNALS] = { SIGINT, SIGTERM, SIGHUP,
	    SIGWINCH };
	struct sigaction sa;
	int i;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = tui_on_signal;
	sigemptyset(&sa.sa_mask);
	/* No SA_RESTART: the blocking read must return so the loop sees it. */
	sa.sa_flags = 0;
	for (i = 0; i < TUI_NSIGNALS; i++) {
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
	struct sigaction old[TUI_NSIGNALS];
	SCREEN *scr;
	const char *term = getenv("TERM");
	char *cup, *unsaved = NULL;
	FILE *keys = stdin, *tty = NULL;
	int sig;
	bool answered = true;

	if (!isatty(STDOUT_FILENO)) {
		*cause = xstrdup(_("not a terminal (use --list or --dump)"));
		return -1;
	}
	if (term == NULL || *term == '\0') {
		*cause = xstrdup(_("TERM is not set (use --list or --dump)"));
		return -1;
	}
	if (ed == NULL && opts->library == NULL) {
		*cause = xstrdup(_("no edition to show"));
		return -1;
	}
	if (ed != NULL && ed->nsections == 0) {
		*cause = xstrdup(_("the edition has no sections"));
		return -1;
	}
	/*
	 * The edition came down a pipe (kanbao -): read the keys from the
	 * controlling terminal, as less does.
	 */
	if (!isatty(STDIN_FILENO)) {
		tty = fopen("/dev/tty", "r");
		if (tty == NULL || !isatty(fileno(tty))) {
			if (tty != NULL)
				fclose(tty);
			*cause = xstrdup(_("standard input is not a terminal "
			    "and there is no /dev/tty to read keys from (use "
			    "--list or --dump)"));
			return -1;
		}
		keys = tty;
	}
	memset(t, 0, sizeof *t);
	t->ed = t->ed_main = ed;
	/* The keys' stream: | waits on it for Enter (the tty after -). */
	t->keys = keys;
	t->opts = opts;
	t->results.open_hit = SIZE_MAX;
	tui_keymap_init(&t->keymap, opts->settings);
	t->measure = opts->measure;
	t->quotes_corner = opts->settings != NULL &&
	    opts->settings->quotes == SETTINGS_QUOTES_CORNER;
	/* Only relevant when libc counts “ as one column, as glibc does. */
	if (wcwidth(0x201C) == 1) {
		if (opts->ambiguous == -1) {
			t->ambiguous_wide =
			    tui_probe_ambiguous_wide(&answered);
		} else
			t->ambiguous_wide = (opts->ambiguous == 1);
	}
	/* A single section: start in its article list, not a list of one. */
	t->focus = ed != NULL && ed->nsections == 1 ? TUI_FOCUS_ARTICLES :
	    TUI_FOCUS_SECTIONS;

	/* Before newterm(), so ncurses leaves these signals to us. */
	tui_signals(old, true);
	/* The size from the kernel wins over stale LINES/COLUMNS. */
	use_tioctl(TRUE);
	scr = newterm(NULL, stdout, keys);
	if (scr == NULL) {
		tui_signals(old, false);
		if (tty != NULL)
			fclose(tty);
		tui_keymap_free(&t->keymap);
		*cause = xasprintf(_("unknown terminal type '%s' (set TERM, or "
		    "use --list or --dump)"), term);
		return -1;
	}
	/* A terminal that cannot move the cursor (dumb) cannot show a TUI. */
	cup = tigetstr("cup");
	if (cup == NULL || cup == (char *)-1) {
		endwin();
		delscreen(scr);
		tui_signals(old, false);
		if (tty != NULL)
			fclose(tty);
		tui_keymap_free(&t->keymap);
		*cause = xasprintf(_("terminal type '%s' cannot move the cursor "
		    "(use --list or --dump)"), term);
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
		tui_message(t, _("TERM=%s: the console has no Chinese glyphs"),
		    term);
	if (t->keymap.error != NULL)
		tui_message(t, "%s", t->keymap.error);
	if (opts->settings != NULL)
		tui_script_set(t, (int)opts->settings->script);
	if (ed != NULL)
		t->ed_key = bookmarks_edition_key(ed);
	tui_marks_reload(t);
	tui_marks_read_load(t);
	if (opts->library != NULL && tui_library_open_dir(t, opts->library) &&
	    ed == NULL) {
		t->screen = TUI_SCREEN_LIBRARY;
		t->library.home = true;
	}
	if (ed == NULL && t->screen != TUI_SCREEN_LIBRARY) {
		/* The library could not be read: nothing to show. */
		endwin();
		delscreen(scr);
		tui_signals(old, false);
		if (tty != NULL)
			fclose(tty);
		*cause = t->msg;
		t->msg = NULL;
		tui_library_free(t);
		bookmarks_free(&t->marks.bms);
		free(t->marks.missing);
		free(t->marks.doomed);
		free(t->marks.error);
		tui_keymap_free(&t->keymap);
		convert_close(t->conv);
		memset(t, 0, sizeof *t);
		return -1;
	}
	if (ed != NULL) {
		tui_position_restore(t);
		tui_index_note(t, ed);
	}
	tui_loop(t);

	/*
	 * Every way out comes here: q, Q, a signal, a vanished terminal.
	 * Marks nobody confirmed (a signal while asking) delete nothing.
	 */
	if (!tui_confirm_delete(t))
		tui_marks_purge(t);
	if (tui_position_save(t, true) != 0)
		unsaved = xstrdup(t->saved.error);
	endwin();
	delscreen(scr);
	tui_signals(old, false);
	if (tty != NULL)
		fclose(tty);
	if (unsaved != NULL) {
		/* The terminal is restored: the message stays readable. */
		fprintf(stderr, _("kanbao: reading position not saved: %s\n"),
		    unsaved);
		free(unsaved);
	}
	tui_reader_free(&t->reader);
	tui_search_reset(t, true);
	tui_prompt_close(t);
	free(t->prompt.text);
	bookmarks_free(&t->marks.bms);
	free(t->marks.missing);
	free(t->marks.doomed);
	free(t->marks.error);
	position_free(&t->saved.pos);
	free(t->saved.error);
	readset_free(&t->read);
	tui_index_free(t);
	tui_library_free(t);
	free(t->back_path);
	free(t->msg);
	free(t->ed_key);
	edition_free(t->ed_owned);
	tui_keymap_free(&t->keymap);
	convert_close(t->conv);
	tui_overlay_free(t);
	sig = t->sig;
	memset(t, 0, sizeof *t);
	/* Terminal restored: now let an interrupt act as the user meant. */
	if (sig == SIGINT || sig == SIGTERM || sig == SIGHUP)
		kill(getpid(), sig);
	return 0;
}
