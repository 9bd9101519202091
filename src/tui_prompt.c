/*
 * tui_prompt.c - the prompt on the status line: / (a search), s (a file
 * to save the article to) and | (a command to pipe it to).
 *
 * It edits the text by character (get_wch() gives code points, so a CJK
 * character typed through an IME is one character for Backspace and the
 * cursor), recalls earlier queries with Up and Down (kept in the history
 * file, bookmarks.h), and on Enter hands the text to tui_search_run(),
 * or for s and | to tui_export.c.
 * The loop in tui.c gives the prompt every key while it is open.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "tui_curses.h"

#include "bookmarks.h"
#include "i18n.h"
#include "search.h"
#include "text.h"
#include "tui_view.h"
#include "width.h"
#include "xalloc.h"

enum {
	/*
	 * Longest query the prompt takes, in characters: four bytes each at
	 * most, so it stays within search.h's SEARCH_QUERY_MAX bytes.
	 */
	TUI_PROMPT_MAX = SEARCH_QUERY_MAX / 4
};

/* Control-key code of a letter, as the terminal sends it in cbreak mode. */
#define TUI_CTRL(c)	((c) & 0x1f)

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

/* The label before the text of each kind of prompt. */
static const char *
tui_prompt_label(const struct tui_prompt *p)
{
	switch (p->kind) {
	case TUI_PROMPT_SAVE:
		/* TRANSLATORS: prompts on the status line; keep the ": ". */
		return _("Save to (.md: Markdown): ");
	case TUI_PROMPT_PIPE:
		return _("Pipe to: ");
	case TUI_PROMPT_SEARCH:
		break;
	}
	return "/";
}

/*
 * Draw the prompt on the status line: its label ("/" for a search) and
 * the text, scrolled by display width so the cursor is always in view
 * ("<" instead of the label when the start is scrolled off), and note
 * where the cursor goes.
 */
void
tui_prompt_draw(struct tui *t)
{
	struct tui_prompt *p = &t->prompt;
	size_t cols = tui_text_cols(), room, used;
	const char *label = tui_prompt_label(p);
	size_t lw = width_str(label, strlen(label));
	int y = LINES - 1;
	char *s;

	if (lw + 2 > cols)
		lw = 1;		/* a tiny window: "<" or the label's start */
	room = cols > lw + 1 ? cols - lw - 1 : 1; /* label, cursor cell */
	if (p->scroll > p->cursor)
		p->scroll = p->cursor;
	if (tui_prompt_width(t, 0, p->cursor) <= room)
		p->scroll = 0;
	while (p->scroll < p->cursor &&
	    tui_prompt_width(t, p->scroll, p->cursor) > room)
		p->scroll++;
	tui_put(t, y, 0, p->scroll > 0 ? "<" : label,
	    p->scroll > 0 ? 1 : strlen(label),
	    lw, lw, TUI_STYLE_TEXT);
	s = tui_prompt_utf8(p, p->scroll, p->len);
	used = tui_put(t, y, (int)lw, s, strlen(s), cols - lw, 0,
	    TUI_STYLE_TEXT);
	tui_clear_eol(y, (int)(lw + used));
	free(s);
	p->cursor_col = lw + tui_prompt_width(t, p->scroll, p->cursor);
}

/* Open the prompt, empty, for the screen it was typed on. */
void
tui_prompt_open(struct tui *t, enum tui_prompt_kind kind)
{
	struct tui_prompt *p = &t->prompt;
	char *cause = NULL;

	history_free(&p->hist);
	p->kind = kind;
	/* Read again each time: another session may have added queries. */
	if (kind == TUI_PROMPT_SEARCH &&
	    history_load(&p->hist, &cause) != 0) {
		tui_message(t, _("search history not read: %s"), cause);
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
void
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
 * Enter: close the prompt and act on what it holds.  An empty search
 * repeats the last one, as / Enter does in less and vim: the active
 * query, else the newest of the history.
 */
static void
tui_prompt_run(struct tui *t)
{
	struct tui_prompt *p = &t->prompt;
	enum tui_screen from = p->from;
	enum tui_prompt_kind kind = p->kind;
	char *text = tui_prompt_utf8(p, 0, p->len);

	if (kind == TUI_PROMPT_SEARCH && p->len == 0) {
		free(text);
		text = NULL;
		if (t->search.text != NULL)
			text = xstrdup(t->search.text);
		else if (p->hist.n > 0)
			text = xstrdup(p->hist.items[p->hist.n - 1]);
	}
	tui_prompt_close(t);
	switch (kind) {
	case TUI_PROMPT_SEARCH:
		if (text == NULL) {
			tui_message(t, _("no earlier search to repeat"));
			return;
		}
		if (from == TUI_SCREEN_LIBRARY)
			tui_index_search(t, text);
		else
			tui_search_run(t, text, from);
		break;
	case TUI_PROMPT_SAVE:
		tui_export_save(t, text);
		free(text);
		break;
	case TUI_PROMPT_PIPE:
		tui_export_pipe(t, text);
		free(text);
		break;
	}
}

/*
 * A key while the prompt is open: edit by character, Enter runs, Esc
 * (or ^G) cancels, Backspace on an empty line cancels too, as in less.
 */
void
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

