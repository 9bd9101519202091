/*
 * tui_keys.c - the key table of the reader.
 *
 * Every binding lives in the one table below: the event loop looks keys up
 * in it, the help screen lists it and `kanbao --help-keys` prints it for
 * the man page check.  The user's "bind" lines (settings.h) apply to a
 * copy of it, the effective table (tui_keymap_init(), keymap.c), which is
 * what all three use.  Keys follow what readers of less, Newsboat and tin
 * expect (research: anchors-features.md (c)): vi/less movement, q back and
 * Q quit, Space/b paging, J/K next/previous item, ? help, ^L redraw.  The
 * bookmark keys are the marks of vi and less (m sets a mark, ' goes to
 * one, here through the list of them); d deletes, as in mutt.  Search is
 * less's and vi's: / types a search, n and N step through the matches.
 * Read state takes U (next unread) and M (mark read/unread) rather than
 * Newsboat's n and N, which search already has.  { and } step between
 * issues of a paper as vi's { and } step between paragraphs.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tui_curses.h"
#include "buf.h"
#include "i18n.h"
#include "keymap.h"
#include "settings.h"
#include "tui.h"
#include "tui_keys.h"
#include "xalloc.h"

/* Control-key code of a letter, as the terminal sends it in cbreak mode. */
#define CTRL(c)		((c) & 0x1f)

/* Escape: closes help and number entry, else goes back one level. */
#define KEY_ESCAPE	0x1b

/*
 * Function keys are stored as their curses code plus this flag so they
 * never collide with a character of the same value (KEY_DOWN is 0402 but
 * so is the character U+0102).
 */
#define KEY_CODE_FLAG	0x1000000

/* The bindings, in the order help shows them. */
static const struct tui_binding tui_bindings[] = {
	{ { 'j', KEY_CODE_FLAG | KEY_DOWN, 0 }, "j, Down",
	  /*
	   * TRANSLATORS: this and the other key descriptions show on the
	   * help screen beside their keys: at most 40 columns (20 Chinese
	   * characters), else they wrap.  Key names (j, Down) stay.
	   */
	  TUI_ACT_DOWN, N_("move down one line or item") },
	{ { 'k', KEY_CODE_FLAG | KEY_UP, 0 }, "k, Up",
	  TUI_ACT_UP, N_("move up one line or item") },
	{ { ' ', KEY_CODE_FLAG | KEY_NPAGE, CTRL('f'), 0 }, "Space, PgDn, ^F",
	  TUI_ACT_PAGE_DOWN, N_("page down") },
	{ { 'b', KEY_CODE_FLAG | KEY_PPAGE, CTRL('b'), 0 }, "b, PgUp, ^B",
	  TUI_ACT_PAGE_UP, N_("page up") },
	{ { 'g', KEY_CODE_FLAG | KEY_HOME, '<', 0 }, "g, Home, <",
	  TUI_ACT_TOP, N_("go to the top") },
	{ { 'G', KEY_CODE_FLAG | KEY_END, '>', 0 }, "G, End, >",
	  TUI_ACT_BOTTOM, N_("go to the bottom") },
	{ { '\n', '\r', KEY_CODE_FLAG | KEY_ENTER, 0 }, "Enter",
	  TUI_ACT_OPEN, N_("open the selected section or article") },
	{ { 'q', KEY_ESCAPE, 0 }, "q, Esc",
	  TUI_ACT_BACK, N_("back one level (quit from the top list)") },
	{ { 'Q', 0 }, "Q",
	  TUI_ACT_QUIT, N_("quit") },
	{ { 'J', 0 }, "J",
	  TUI_ACT_NEXT_ARTICLE, N_("next article") },
	{ { 'K', 0 }, "K",
	  TUI_ACT_PREV_ARTICLE, N_("previous article") },
	{ { ']', '\t', 0 }, "], Tab",
	  TUI_ACT_NEXT_SECTION, N_("next section") },
	{ { '[', KEY_CODE_FLAG | KEY_BTAB, 0 }, "[, Shift-Tab",
	  TUI_ACT_PREV_SECTION, N_("previous section") },
	{ { '1', '2', '3', 0 }, "1-9, NUMBER Enter",
	  TUI_ACT_DIGIT, N_("go to printed page (第N版) or section N") },
	{ { 'm', 0 }, "m",
	  TUI_ACT_BOOKMARK, N_("bookmark the article here, or remove its "
	  "mark") },
	{ { '\'', 'B', 0 }, "', B",
	  TUI_ACT_BOOKMARKS, N_("show the bookmarks of all editions") },
	{ { 'd', CTRL('d'), 0 }, "d, ^D",
	  TUI_ACT_HALF_DOWN, N_("half a page down (bookmarks: mark to "
	  "delete)") },
	{ { 'u', CTRL('u'), 0 }, "u, ^U",
	  TUI_ACT_HALF_UP, N_("half a page up (bookmarks: undo the mark)") },
	{ { 'R', 0 }, "R",
	  TUI_ACT_RESTART, N_("return to the start of the edition") },
	{ { '?', KEY_CODE_FLAG | KEY_F(1), 'h', 0 }, "?, F1, h",
	  TUI_ACT_HELP, N_("show or close this help") },
	{ { CTRL('l'), 0 }, "^L",
	  TUI_ACT_REDRAW, N_("redraw the screen") },
	/* Last, so the keys above still fit a 24-line help screen. */
	{ { '/', 0 }, "/",
	  TUI_ACT_SEARCH, N_("search the edition (the article in the reader, "
	  "the library in the picker)") },
	{ { 'n', 0 }, "n",
	  TUI_ACT_SEARCH_NEXT, N_("next match (or result)") },
	{ { 'N', 0 }, "N",
	  TUI_ACT_SEARCH_PREV, N_("previous match (or result)") },
	{ { 'U', 0 }, "U",
	  TUI_ACT_NEXT_UNREAD, N_("next unread article, in any section") },
	{ { 'M', 0 }, "M",
	  TUI_ACT_TOGGLE_READ, N_("mark the article read, or unread again") },
	{ { '{', 0 }, "{",
	  TUI_ACT_PREV_ISSUE, N_("previous issue of the paper (上一期)") },
	{ { '}', 0 }, "}",
	  TUI_ACT_NEXT_ISSUE, N_("next issue of the paper (下一期)") },
	{ { 'L', 0 }, "L",
	  TUI_ACT_LIBRARY, N_("the library: all editions, newest first") },
	{ { 's', 0 }, "s",
	  TUI_ACT_SAVE, N_("save the article to a file (.md: Markdown)") },
	{ { '|', 0 }, "|",
	  TUI_ACT_PIPE, N_("pipe the article to a command") },
	{ { 'y', 0 }, "y",
	  TUI_ACT_COPY, N_("copy the article, or the search match (OSC 52)") },
	/*
	 * The measure: - and + as in a browser's zoom, = back to the
	 * setting; < and > were taken by top and bottom (less's keys).
	 */
	{ { '-', 0 }, "-",
	  TUI_ACT_NARROWER, N_("narrower text (the measure: see the status line)") },
	{ { '+', 0 }, "+",
	  TUI_ACT_WIDER, N_("wider text") },
	{ { '=', 0 }, "=",
	  TUI_ACT_MEASURE_RESET, N_("text width of the settings again") },
	{ { 'T', 0 }, "T",
	  TUI_ACT_SCRIPT, N_("show as printed, in Simplified, in Traditional") }
};

/* Return the table and its length. */
const struct tui_binding *
tui_keys_table(size_t *n)
{
	*n = sizeof tui_bindings / sizeof tui_bindings[0];
	return tui_bindings;
}

/* Look a key up in an effective table; see tui_keys.h. */
enum tui_action
tui_keymap_action(const struct tui_keymap *m, int key, int code)
{
	if (!code && key >= '0' && key <= '9')
		return TUI_ACT_DIGIT;
	return keymap_lookup(m->rows, m->n, code ? (key | KEY_CODE_FLAG) : key);
}

/*
 * The codes a key of the settings stands for (at most 3): Enter is what
 * terminals send for it in either mode and the keypad's Enter, BSpace is
 * DEL, ^H and curses' backspace.  Returns how many.
 */
static size_t
tui_keys_codes(const struct settings_key *k, int codes[3])
{
	switch (k->kind) {
	case SETTINGS_KEY_CHAR:
		codes[0] = (int)k->c;
		if (k->c != '\n')
			return 1;
		codes[1] = '\r';
		codes[2] = KEY_CODE_FLAG | KEY_ENTER;
		return 3;
	case SETTINGS_KEY_UP:
		codes[0] = KEY_CODE_FLAG | KEY_UP;
		break;
	case SETTINGS_KEY_DOWN:
		codes[0] = KEY_CODE_FLAG | KEY_DOWN;
		break;
	case SETTINGS_KEY_LEFT:
		codes[0] = KEY_CODE_FLAG | KEY_LEFT;
		break;
	case SETTINGS_KEY_RIGHT:
		codes[0] = KEY_CODE_FLAG | KEY_RIGHT;
		break;
	case SETTINGS_KEY_PGUP:
		codes[0] = KEY_CODE_FLAG | KEY_PPAGE;
		break;
	case SETTINGS_KEY_PGDN:
		codes[0] = KEY_CODE_FLAG | KEY_NPAGE;
		break;
	case SETTINGS_KEY_HOME:
		codes[0] = KEY_CODE_FLAG | KEY_HOME;
		break;
	case SETTINGS_KEY_END:
		codes[0] = KEY_CODE_FLAG | KEY_END;
		break;
	case SETTINGS_KEY_BTAB:
		codes[0] = KEY_CODE_FLAG | KEY_BTAB;
		break;
	case SETTINGS_KEY_IC:
		codes[0] = KEY_CODE_FLAG | KEY_IC;
		break;
	case SETTINGS_KEY_DC:
		codes[0] = KEY_CODE_FLAG | KEY_DC;
		break;
	case SETTINGS_KEY_BSPACE:
		codes[0] = KEY_CODE_FLAG | KEY_BACKSPACE;
		codes[1] = 0x7f;
		codes[2] = CTRL('h');
		return 3;
	case SETTINGS_KEY_F:
		codes[0] = KEY_CODE_FLAG | KEY_F((int)k->c);
		break;
	}
	return 1;
}

/*
 * The name of a key code as help shows it: the names of "bind" (settings.h),
 * but ^F for a control letter and Shift-Tab, as the default table writes
 * them.  Caller frees.
 */
static char *
tui_keys_label(int code)
{
	static const struct {
		int			 key;
		enum settings_key_kind	 kind;
	} named[] = {
		{ KEY_UP, SETTINGS_KEY_UP }, { KEY_DOWN, SETTINGS_KEY_DOWN },
		{ KEY_LEFT, SETTINGS_KEY_LEFT },
		{ KEY_RIGHT, SETTINGS_KEY_RIGHT },
		{ KEY_PPAGE, SETTINGS_KEY_PGUP },
		{ KEY_NPAGE, SETTINGS_KEY_PGDN },
		{ KEY_HOME, SETTINGS_KEY_HOME }, { KEY_END, SETTINGS_KEY_END },
		{ KEY_IC, SETTINGS_KEY_IC }, { KEY_DC, SETTINGS_KEY_DC },
		{ KEY_BACKSPACE, SETTINGS_KEY_BSPACE }
	};
	struct settings_key k = { SETTINGS_KEY_CHAR, 0 };
	size_t i;
	int key = code & ~KEY_CODE_FLAG;

	if (code & KEY_CODE_FLAG) {
		if (key == KEY_BTAB)
			return xstrdup("Shift-Tab");
		if (key == KEY_ENTER)
			return xstrdup("Enter");
		if (key >= KEY_F(1) && key <= KEY_F(12))
			return xasprintf("F%d", key - KEY_F(0));
		for (i = 0; i < sizeof named / sizeof named[0]; i++)
			if (named[i].key == key) {
				k.kind = named[i].kind;
				return settings_key_name(&k);
			}
		return xasprintf("key %d", key);
	}
	if (code == '\r')
		return xstrdup("Enter");
	if (code == 0x7f || code == CTRL('h'))
		return xstrdup("BSpace");
	if (code >= 1 && code <= 26 && code != '\t' && code != '\n')
		return xasprintf("^%c", 'A' + code - 1);
	k.c = (uint32_t)code;
	return settings_key_name(&k);
}

/* The names of a row's keys, "j, Down", each name once. */
static char *
tui_keys_names(const struct tui_binding *row)
{
	struct buf b = BUF_INIT;
	char *names[TUI_KEYS_MAX];
	size_t i, j, n = keymap_nkeys(row);

	for (i = 0; i < n; i++) {
		names[i] = tui_keys_label(row->keys[i]);
		for (j = 0; j < i; j++)
			if (strcmp(names[j], names[i]) == 0)
				break;
		if (j == i) {
			if (b.len > 0)
				buf_puts(&b, ", ");
			buf_puts(&b, names[i]);
		}
	}
	for (i = 0; i < n; i++)
		free(names[i]);
	/* A row left without keys still shows, so help says it exists. */
	if (b.len == 0)
		buf_puts(&b, _("(none)"));
	return buf_detach(&b);
}

/* Build the effective key table; see tui_keys.h. */
void
tui_keymap_init(struct tui_keymap *m, const struct settings *s)
{
	const struct tui_binding *defaults = tui_keys_table(&m->n);
	size_t i, j, nc;
	bool *changed;
	int codes[3];
	char *kname;

	m->rows = xreallocarray(NULL, m->n, sizeof *m->rows);
	memcpy(m->rows, defaults, m->n * sizeof *m->rows);
	m->names = xcalloc(m->n, sizeof *m->names);
	m->error = NULL;
	if (s == NULL)
		return;
	changed = xcalloc(m->n, sizeof *changed);
	for (i = 0; i < s->nbinds; i++) {
		nc = tui_keys_codes(&s->binds[i].key, codes);
		for (j = 0; j < nc; j++) {
			if (keymap_bind(m->rows, m->n, changed, codes[j],
			    s->binds[i].action) == 0 || m->error != NULL)
				continue;
			kname = settings_key_name(&s->binds[i].key);
			m->error = xasprintf(_("bind %s %s: too many keys for "
			    "one action"), kname,
			    settings_action_name(s->binds[i].action));
			free(kname);
		}
	}
	for (i = 0; i < m->n; i++)
		if (changed[i]) {
			m->names[i] = tui_keys_names(&m->rows[i]);
			m->rows[i].names = m->names[i];
		}
	free(changed);
}

/* Free the effective key table. */
void
tui_keymap_free(struct tui_keymap *m)
{
	size_t i;

	for (i = 0; i < m->n; i++)
		free(m->names[i]);
	free(m->names);
	free(m->rows);
	free(m->error);
	memset(m, 0, sizeof *m);
}

/*
 * Print one "KEYS<TAB>HELP" line per binding, for --help-keys: the keys
 * in effect, the user's bindings applied.
 */
void
tui_print_keys(FILE *out, const struct settings *s)
{
	struct tui_keymap m;
	size_t i;

	tui_keymap_init(&m, s);
	for (i = 0; i < m.n; i++)
		fprintf(out, "%s\t%s\n", m.rows[i].names, _(m.rows[i].help));
	if (m.error != NULL)
		fprintf(stderr, "kanbao: %s\n", m.error);
	tui_keymap_free(&m);
}
