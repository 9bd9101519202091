/*
 * settings.c - read and write kanbao's config file (settings.h).
 *
 * A line is split into words (blanks separate them, quotes group them,
 * "#" at the start of a word ends the line), then the first word picks a
 * command from a table: "set", "bind" or "color".  "set" looks its name
 * up in a second table, one row per setting, each with a parser and a
 * printer, so a setting is added in one place and --print-config always
 * prints everything the parser takes.  Every parser checks the whole
 * line before it changes anything, so a bad line leaves the settings as
 * they were.
 */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "buf.h"
#include "i18n.h"
#include "load.h"
#include "sanitize.h"
#include "settings.h"
#include "text.h"
#include "tui_keys.h"
#include "xalloc.h"

/* Most words a line may have: "color x bold dim underline reverse ...". */
#define SETTINGS_MAX_WORDS	16

/* Longest line read from a file; a longer one is an error, not a cut. */
#define SETTINGS_MAX_LINE	4096

/* The words of one line. */
struct settings_words {
	char	*w[SETTINGS_MAX_WORDS];
	size_t	 n;
};

/* Names of the actions "bind" takes, indexed by enum tui_action. */
static const char *const settings_actions[] = {
	[TUI_ACT_DOWN] = "next-line",
	[TUI_ACT_UP] = "previous-line",
	[TUI_ACT_PAGE_DOWN] = "next-page",
	[TUI_ACT_PAGE_UP] = "previous-page",
	[TUI_ACT_TOP] = "top",
	[TUI_ACT_BOTTOM] = "bottom",
	[TUI_ACT_OPEN] = "open",
	[TUI_ACT_BACK] = "back",
	[TUI_ACT_QUIT] = "quit",
	[TUI_ACT_NEXT_ARTICLE] = "next-article",
	[TUI_ACT_PREV_ARTICLE] = "previous-article",
	[TUI_ACT_NEXT_SECTION] = "next-section",
	[TUI_ACT_PREV_SECTION] = "previous-section",
	[TUI_ACT_BOOKMARK] = "bookmark",
	[TUI_ACT_BOOKMARKS] = "bookmarks",
	[TUI_ACT_HALF_DOWN] = "half-page-down",
	[TUI_ACT_HALF_UP] = "half-page-up",
	[TUI_ACT_RESTART] = "restart",
	[TUI_ACT_SEARCH] = "search",
	[TUI_ACT_SEARCH_NEXT] = "search-next",
	[TUI_ACT_SEARCH_PREV] = "search-previous",
	[TUI_ACT_HELP] = "help",
	[TUI_ACT_REDRAW] = "redraw",
	[TUI_ACT_NEXT_UNREAD] = "next-unread",
	[TUI_ACT_TOGGLE_READ] = "toggle-read",
	[TUI_ACT_PREV_ISSUE] = "previous-issue",
	[TUI_ACT_NEXT_ISSUE] = "next-issue",
	[TUI_ACT_LIBRARY] = "library",
	[TUI_ACT_SAVE] = "save",
	[TUI_ACT_PIPE] = "pipe",
	[TUI_ACT_COPY] = "copy",
	[TUI_ACT_NARROWER] = "narrower",
	[TUI_ACT_WIDER] = "wider",
	[TUI_ACT_MEASURE_RESET] = "reset-measure",
	[TUI_ACT_SCRIPT] = "toggle-script"
};
#define SETTINGS_NACTIONS \
	(sizeof settings_actions / sizeof settings_actions[0])

/* Names of the elements of "color", indexed by enum settings_element. */
static const char *const settings_elements[SETTINGS_EL_COUNT] = {
	"text", "kicker", "headline", "subtitle", "byline", "subhead",
	"caption", "inferred", "title", "status", "selected", "dim", "match",
	"match-current"
};

/*
 * The default look.  Bold, reverse and underline work on a vt100, colour
 * is extra, so every element that matters stands apart without it.  The
 * colours are the ones that read on dark and light backgrounds alike:
 * magenta, red and green sit in the middle of the brightness range,
 * whereas blue is near black (the old blue kicker and subtitle were dim
 * on a dark background) and yellow and cyan near white.  The kicker
 * (引题) and subtitle (副题) frame the headline as in print, so they
 * share a style: bold, which also lifts magenta on a dark background and
 * keeps them apart from the text on a terminal without colour.
 */
static const struct settings_style settings_default_styles[] = {
	[SETTINGS_EL_TEXT] = { 0, -1, -1 },
	[SETTINGS_EL_KICKER] = { SETTINGS_BOLD, 5, -1 },
	[SETTINGS_EL_HEADLINE] = { SETTINGS_BOLD, -1, -1 },
	[SETTINGS_EL_SUBTITLE] = { SETTINGS_BOLD, 5, -1 },
	[SETTINGS_EL_BYLINE] = { 0, 5, -1 },
	[SETTINGS_EL_SUBHEAD] = { SETTINGS_BOLD, 2, -1 },
	[SETTINGS_EL_CAPTION] = { SETTINGS_DIM, -1, -1 },
	[SETTINGS_EL_INFERRED] = { 0, 1, -1 },
	[SETTINGS_EL_TITLE] = { SETTINGS_BOLD, -1, -1 },
	[SETTINGS_EL_STATUS] = { SETTINGS_REVERSE, -1, -1 },
	[SETTINGS_EL_SELECTED] = { SETTINGS_REVERSE, -1, -1 },
	[SETTINGS_EL_DIM] = { SETTINGS_DIM, -1, -1 },
	[SETTINGS_EL_MATCH] = { SETTINGS_REVERSE, -1, -1 },
	[SETTINGS_EL_MATCH_CURRENT] = { SETTINGS_REVERSE | SETTINGS_BOLD |
	    SETTINGS_UNDERLINE, -1, -1 }
};

/* Attribute names of "color", in the order they are printed. */
static const struct {
	const char	*name;
	unsigned	 bit;
} settings_attrs[] = {
	{ "bold", SETTINGS_BOLD },
	{ "dim", SETTINGS_DIM },
	{ "underline", SETTINGS_UNDERLINE },
	{ "reverse", SETTINGS_REVERSE },
	{ "italic", SETTINGS_ITALIC }
};

/* The eight basic colours; "bright" before a name adds 8. */
static const char *const settings_colours[] = {
	"black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"
};

/* Named keys; the first name of a kind is the one printed. */
static const struct {
	const char		*name;
	enum settings_key_kind	 kind;
	uint32_t		 c;
} settings_keys[] = {
	{ "Space", SETTINGS_KEY_CHAR, ' ' },
	{ "Tab", SETTINGS_KEY_CHAR, '\t' },
	{ "Enter", SETTINGS_KEY_CHAR, '\n' },
	{ "Esc", SETTINGS_KEY_CHAR, 0x1b },
	{ "BSpace", SETTINGS_KEY_BSPACE, 0 },
	{ "Up", SETTINGS_KEY_UP, 0 },
	{ "Down", SETTINGS_KEY_DOWN, 0 },
	{ "Left", SETTINGS_KEY_LEFT, 0 },
	{ "Right", SETTINGS_KEY_RIGHT, 0 },
	{ "PgUp", SETTINGS_KEY_PGUP, 0 },
	{ "PageUp", SETTINGS_KEY_PGUP, 0 },
	{ "PgDn", SETTINGS_KEY_PGDN, 0 },
	{ "PageDown", SETTINGS_KEY_PGDN, 0 },
	{ "Home", SETTINGS_KEY_HOME, 0 },
	{ "End", SETTINGS_KEY_END, 0 },
	{ "BTab", SETTINGS_KEY_BTAB, 0 },
	{ "IC", SETTINGS_KEY_IC, 0 },
	{ "DC", SETTINGS_KEY_DC, 0 }
};
#define SETTINGS_NKEYS	(sizeof settings_keys / sizeof settings_keys[0])

/* One "set" name: how to parse its value and how to print it. */
struct settings_var {
	const char	*name;
	int		(*parse)(struct settings *, const char *, char **);
	void		(*print)(const struct settings *, struct buf *);
};

/* Parse "on" or "off"; -1 for anything else. */
static int
settings_onoff(const char *v)
{
	if (strcmp(v, "on") == 0)
		return 1;
	if (strcmp(v, "off") == 0)
		return 0;
	return -1;
}

/* Append a word, quoted when it would not read back as one word. */
static void
settings_put_word(struct buf *b, const char *w)
{
	const char *p;

	if (*w != '\0' && strpbrk(w, " \t\"'\\#") == NULL) {
		buf_puts(b, w);
		return;
	}
	buf_putc(b, '"');
	for (p = w; *p != '\0'; p++) {
		if (*p == '"' || *p == '\\')
			buf_putc(b, '\\');
		buf_putc(b, *p);
	}
	buf_putc(b, '"');
}

/* set measure COLS. */
static int
settings_set_measure(struct settings *s, const char *v, char **cause)
{
	char *end;
	long n;

	errno = 0;
	n = strtol(v, &end, 10);
	if (errno != 0 || *v < '0' || *v > '9' || *end != '\0' || n < 0 ||
	    n > SETTINGS_MEASURE_MAX) {
		*cause = xasprintf(_("measure takes a column count from 0 "
		    "to %d (0: the window width), not '%s'"),
		    SETTINGS_MEASURE_MAX, v);
		return -1;
	}
	s->measure = (size_t)n;
	return 0;
}

/* Print measure. */
static void
settings_get_measure(const struct settings *s, struct buf *b)
{
	buf_printf(b, "%zu", s->measure);
}

/* set ambiguous auto|narrow|wide. */
static int
settings_set_ambiguous(struct settings *s, const char *v, char **cause)
{
	if (strcmp(v, "auto") == 0)
		s->ambiguous = -1;
	else if (strcmp(v, "narrow") == 0)
		s->ambiguous = 0;
	else if (strcmp(v, "wide") == 0)
		s->ambiguous = 1;
	else {
		*cause = xasprintf(_("ambiguous takes auto, narrow or wide, "
		    "not '%s'"), v);
		return -1;
	}
	return 0;
}

/* Print ambiguous. */
static void
settings_get_ambiguous(const struct settings *s, struct buf *b)
{
	buf_puts(b, s->ambiguous < 0 ? "auto" : s->ambiguous == 0 ?
	    "narrow" : "wide");
}

/* set quotes keep|corner. */
static int
settings_set_quotes(struct settings *s, const char *v, char **cause)
{
	if (strcmp(v, "keep") == 0)
		s->quotes = SETTINGS_QUOTES_KEEP;
	else if (strcmp(v, "corner") == 0)
		s->quotes = SETTINGS_QUOTES_CORNER;
	else {
		*cause = xasprintf(_("quotes takes keep or corner, not '%s'"),
		    v);
		return -1;
	}
	return 0;
}

/* Print quotes. */
static void
settings_get_quotes(const struct settings *s, struct buf *b)
{
	buf_puts(b, s->quotes == SETTINGS_QUOTES_KEEP ? "keep" : "corner");
}

/*
 * set library PATH: absolute, or under ~/; "" for none.  A relative path
 * would depend on where kanbao was started.
 */
static int
settings_set_library(struct settings *s, const char *v, char **cause)
{
	if (*v != '\0' && *v != '/' && strncmp(v, "~/", 2) != 0 &&
	    strcmp(v, "~") != 0) {
		*cause = xasprintf(_("library takes an absolute path or one "
		    "starting with ~/, not '%s'"), v);
		return -1;
	}
	free(s->library);
	s->library = *v == '\0' ? NULL : xstrdup(v);
	return 0;
}

/* Print library. */
static void
settings_get_library(const struct settings *s, struct buf *b)
{
	settings_put_word(b, s->library != NULL ? s->library : "");
}

/* set osc52 on|off. */
static int
settings_set_osc52(struct settings *s, const char *v, char **cause)
{
	int on = settings_onoff(v);

	if (on < 0) {
		*cause = xasprintf(_("osc52 takes on or off, not '%s'"), v);
		return -1;
	}
	s->osc52 = on;
	return 0;
}

/* Print osc52. */
static void
settings_get_osc52(const struct settings *s, struct buf *b)
{
	buf_puts(b, s->osc52 ? "on" : "off");
}

/* set confirm-delete on|off. */
static int
settings_set_confirm(struct settings *s, const char *v, char **cause)
{
	int on = settings_onoff(v);

	if (on < 0) {
		*cause = xasprintf(_("confirm-delete takes on or off, not "
		    "'%s'"), v);
		return -1;
	}
	s->confirm_delete = on;
	return 0;
}

/* Print confirm-delete. */
static void
settings_get_confirm(const struct settings *s, struct buf *b)
{
	buf_puts(b, s->confirm_delete ? "on" : "off");
}

/* set script off|simplified|traditional. */
static int
settings_set_script(struct settings *s, const char *v, char **cause)
{
	if (strcmp(v, "off") == 0)
		s->script = SETTINGS_SCRIPT_OFF;
	else if (strcmp(v, "simplified") == 0)
		s->script = SETTINGS_SCRIPT_SIMPLIFIED;
	else if (strcmp(v, "traditional") == 0)
		s->script = SETTINGS_SCRIPT_TRADITIONAL;
	else {
		*cause = xasprintf(_("script takes off, simplified or "
		    "traditional, not '%s'"), v);
		return -1;
	}
	return 0;
}

/* Print script. */
static void
settings_get_script(const struct settings *s, struct buf *b)
{
	buf_puts(b, s->script == SETTINGS_SCRIPT_OFF ? "off" :
	    s->script == SETTINGS_SCRIPT_SIMPLIFIED ? "simplified" :
	    "traditional");
}

/* The names "set" takes, in the order --print-config prints them. */
static const struct settings_var settings_vars[] = {
	{ "measure", settings_set_measure, settings_get_measure },
	{ "ambiguous", settings_set_ambiguous, settings_get_ambiguous },
	{ "quotes", settings_set_quotes, settings_get_quotes },
	{ "script", settings_set_script, settings_get_script },
	{ "library", settings_set_library, settings_get_library },
	{ "osc52", settings_set_osc52, settings_get_osc52 },
	{ "confirm-delete", settings_set_confirm, settings_get_confirm }
};
#define SETTINGS_NVARS	(sizeof settings_vars / sizeof settings_vars[0])

/* Fill s with the defaults. */
void
settings_init(struct settings *s)
{
	memset(s, 0, sizeof *s);
	s->measure = SETTINGS_MEASURE_DEFAULT;
	s->ambiguous = -1;
	s->quotes = SETTINGS_QUOTES_KEEP;
	s->library = NULL;
	/* Off: some terminals refuse OSC 52 or print it (issue 13). */
	s->osc52 = false;
	s->confirm_delete = true;
	s->script = SETTINGS_SCRIPT_OFF;
	memcpy(s->styles, settings_default_styles, sizeof s->styles);
}

/* Free what s holds. */
void
settings_free(struct settings *s)
{
	free(s->library);
	free(s->binds);
	s->library = NULL;
	s->binds = NULL;
	s->nbinds = 0;
}

/* The name of an action. */
const char *
settings_action_name(int action)
{
	if (action <= 0 || (size_t)action >= SETTINGS_NACTIONS)
		return NULL;
	return settings_actions[action];
}

/* The action of a name. */
int
settings_action_lookup(const char *name)
{
	size_t i;

	if (strcmp(name, "none") == 0)
		return TUI_ACT_NONE;
	for (i = 1; i < SETTINGS_NACTIONS; i++)
		if (settings_actions[i] != NULL &&
		    strcmp(settings_actions[i], name) == 0)
			return (int)i;
	return -1;
}

/* The basic colour (0-7) nearest to an xterm 256-colour index 16-255. */
static int
settings_colour_basic(int c, bool *bright)
{
	int r, g, b, grey, max;

	if (c >= 232) {		/* the grey ramp: level 8 + 10 * grey */
		grey = c - 232;
		/* Black, dark grey (bright black), light grey, white. */
		*bright = (grey >= 8 && grey < 18) || grey >= 22;
		return grey < 18 ? 0 : 7;
	}
	c -= 16;		/* the 6x6x6 cube */
	r = c / 36;
	g = c / 6 % 6;
	b = c % 6;
	max = r > g ? r : g;
	max = max > b ? max : b;
	*bright = max >= 4;
	/* A component counts when it is at least half of the strongest. */
	if (max == 0)
		return 0;
	return (r * 2 >= max ? 1 : 0) | (g * 2 >= max ? 2 : 0) |
	    (b * 2 >= max ? 4 : 0);
}

/* Bring a colour down to what the terminal has; see settings.h. */
int
settings_colour_fit(int c, int ncolours, bool *bold)
{
	bool bright = false;
	int basic;

	*bold = false;
	if (c < 0 || ncolours <= 0)
		return -1;
	if (c < ncolours)
		return c;
	if (c < 16) {
		basic = c - 8;
		bright = true;
	} else
		basic = settings_colour_basic(c, &bright);
	if (ncolours >= 16)
		return bright ? basic + 8 : basic;
	*bold = bright;
	return basic;
}

/* The name of an element. */
const char *
settings_element_name(enum settings_element el)
{
	return (unsigned)el < SETTINGS_EL_COUNT ? settings_elements[el] : NULL;
}

/* Parse a key name. */
int
settings_key_parse(const char *name, struct settings_key *k)
{
	size_t i, len = strlen(name), n;
	uint32_t cp;
	char *end;
	long f;

	for (i = 0; i < SETTINGS_NKEYS; i++)
		if (strcasecmp(name, settings_keys[i].name) == 0) {
			k->kind = settings_keys[i].kind;
			k->c = settings_keys[i].c;
			return 0;
		}
	/* C-x and ^X: a control letter. */
	if ((len == 3 && (name[0] == 'C' || name[0] == 'c') &&
	    name[1] == '-') || (len == 2 && name[0] == '^')) {
		char c = name[len - 1];

		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
			k->kind = SETTINGS_KEY_CHAR;
			k->c = (uint32_t)c & 0x1f;
			return 0;
		}
		return -1;
	}
	if ((name[0] == 'F' || name[0] == 'f') && name[1] >= '1' &&
	    name[1] <= '9') {
		f = strtol(name + 1, &end, 10);
		if (*end == '\0' && f >= 1 && f <= 12) {
			k->kind = SETTINGS_KEY_F;
			k->c = (uint32_t)f;
			return 0;
		}
		return -1;
	}
	/* One printable character. */
	if (len == 0)
		return -1;
	n = utf8_decode(name, len, &cp);
	if (n != len || cp == TEXT_REPLACEMENT || cp <= 0x20 ||
	    (cp >= 0x7f && cp <= 0x9f))
		return -1;
	k->kind = SETTINGS_KEY_CHAR;
	k->c = cp;
	return 0;
}

/* The name of a key. */
char *
settings_key_name(const struct settings_key *k)
{
	char out[5];
	size_t i, n;

	if (k->kind == SETTINGS_KEY_F)
		return xasprintf("F%u", (unsigned)k->c);
	for (i = 0; i < SETTINGS_NKEYS; i++)
		if (settings_keys[i].kind == k->kind &&
		    (k->kind != SETTINGS_KEY_CHAR ||
		    settings_keys[i].c == k->c))
			return xstrdup(settings_keys[i].name);
	if (k->c >= 1 && k->c <= 26)
		return xasprintf("C-%c", (char)('a' + k->c - 1));
	n = utf8_encode(k->c, out);
	out[n] = '\0';
	return xstrdup(out);
}

/*
 * Whether a word is safe to print back: valid UTF-8 with no control, bidi
 * or other character sanitize_str() would change.  --print-config writes
 * words as they are, so nothing unsafe may get in.
 */
static bool
settings_word_ok(const char *w)
{
	char *clean = sanitize_str(w);
	bool ok = strcmp(clean, w) == 0;

	free(clean);
	return ok;
}

/*
 * Split a line into words: blanks separate, "..." (with \" and \\) and
 * '...' group, a word starting with # ends the line.  The words point
 * into copy, which the caller frees.  Returns 0, or -1 with *cause.
 */
static int
settings_split(const char *line, char **copy, struct settings_words *ws,
    char **cause)
{
	char *p, *out;
	char q;

	ws->n = 0;
	*copy = xstrdup(line);
	p = out = *copy;
	for (;;) {
		while (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n')
			p++;
		if (*p == '\0' || *p == '#')
			return 0;
		if (ws->n == SETTINGS_MAX_WORDS) {
			*cause = xasprintf(_("too many words (at most %d)"),
			    SETTINGS_MAX_WORDS);
			return -1;
		}
		ws->w[ws->n++] = out;
		while (*p != '\0' && *p != ' ' && *p != '\t' && *p != '\r' &&
		    *p != '\n') {
			if (*p != '"' && *p != '\'') {
				*out++ = *p++;
				continue;
			}
			q = *p++;
			while (*p != q) {
				if (*p == '\0') {
					*cause = xasprintf(_("missing closing "
					    "quote (%c)"), q);
					return -1;
				}
				if (q == '"' && *p == '\\' && p[1] != '\0')
					p++;
				*out++ = *p++;
			}
			p++;
		}
		/* The separator was read: safe to end the word in place. */
		if (*p != '\0')
			p++;
		*out++ = '\0';
		if (!settings_word_ok(ws->w[ws->n - 1])) {
			*cause = xstrdup(_("a control character or invalid "
			    "UTF-8 in a word"));
			return -1;
		}
	}
}

/* "set NAME VALUE". */
static int
settings_cmd_set(struct settings *s, struct settings_words *ws, char **cause)
{
	size_t i;

	if (ws->n != 3) {
		*cause = xstrdup(ws->n < 3 ? _("set needs a name and a value") :
		    _("set takes one value (quote a value with blanks)"));
		return -1;
	}
	for (i = 0; i < SETTINGS_NVARS; i++)
		if (strcmp(ws->w[1], settings_vars[i].name) == 0)
			return settings_vars[i].parse(s, ws->w[2], cause);
	*cause = xasprintf(_("unknown setting '%s'"), ws->w[1]);
	return -1;
}

/* "bind KEY ACTION". */
static int
settings_cmd_bind(struct settings *s, struct settings_words *ws,
    char **cause)
{
	struct settings_key k;
	size_t i;
	int act;

	if (ws->n != 3) {
		*cause = xstrdup(_("bind needs a key and an action"));
		return -1;
	}
	if (settings_key_parse(ws->w[1], &k) != 0) {
		*cause = xasprintf(_("unknown key '%s'"), ws->w[1]);
		return -1;
	}
	if (k.kind == SETTINGS_KEY_CHAR && k.c >= '0' && k.c <= '9') {
		*cause = xasprintf(_("the digits go to sections and cannot be "
		    "bound ('%s')"), ws->w[1]);
		return -1;
	}
	if ((act = settings_action_lookup(ws->w[2])) < 0) {
		*cause = xasprintf(_("unknown action '%s' (kanbao --help-keys "
		    "and kanbao(1) list them)"), ws->w[2]);
		return -1;
	}
	for (i = 0; i < s->nbinds; i++)
		if (s->binds[i].key.kind == k.kind && s->binds[i].key.c == k.c)
			break;
	if (i == s->nbinds)
		s->binds = xreallocarray(s->binds, ++s->nbinds,
		    sizeof *s->binds);
	s->binds[i].key = k;
	s->binds[i].action = act;
	return 0;
}

/* Parse a colour word: 0-255, or -1 for "default"; -2 when not a colour. */
static int
settings_colour(const char *w)
{
	const char *name = w;
	size_t i;
	int bright = 0;
	char *end;
	long n;

	if (strcmp(w, "default") == 0)
		return -1;
	if (strncmp(w, "colour", 6) == 0 || strncmp(w, "color", 5) == 0) {
		w += w[4] == 'u' ? 6 : 5;
		errno = 0;
		n = strtol(w, &end, 10);
		if (*w >= '0' && *w <= '9' && *end == '\0' && errno == 0 &&
		    n >= 0 && n <= 255)
			return (int)n;
		return -2;
	}
	if (strncmp(name, "bright", 6) == 0) {
		name += 6;
		bright = 8;
	}
	for (i = 0; i < 8; i++)
		if (strcmp(name, settings_colours[i]) == 0)
			return (int)i + bright;
	return -2;
}

/* Append the name of colour c (-1 default). */
static void
settings_put_colour(struct buf *b, int c)
{
	if (c < 0)
		buf_puts(b, "default");
	else if (c < 8)
		buf_puts(b, settings_colours[c]);
	else if (c < 16)
		buf_printf(b, "bright%s", settings_colours[c - 8]);
	else
		buf_printf(b, "colour%d", c);
}

/* "color ELEMENT [ATTR...] [FG [BG]]". */
static int
settings_cmd_color(struct settings *s, struct settings_words *ws,
    char **cause)
{
	struct settings_style st = { 0, -1, -1 };
	size_t i, j;
	int el = -1, c, ncolours = 0;

	if (ws->n < 3) {
		*cause = xstrdup(_("color needs an element and attributes or "
		    "colours"));
		return -1;
	}
	for (i = 0; i < SETTINGS_EL_COUNT; i++)
		if (strcmp(ws->w[1], settings_elements[i]) == 0)
			el = (int)i;
	if (el < 0) {
		*cause = xasprintf(_("unknown element '%s'"), ws->w[1]);
		return -1;
	}
	for (i = 2; i < ws->n; i++) {
		if (strcmp(ws->w[i], "normal") == 0 ||
		    strcmp(ws->w[i], "none") == 0) {
			st.attrs = 0;
			continue;
		}
		for (j = 0; j < sizeof settings_attrs /
		    sizeof settings_attrs[0]; j++)
			if (strcmp(ws->w[i], settings_attrs[j].name) == 0)
				break;
		if (j < sizeof settings_attrs / sizeof settings_attrs[0]) {
			st.attrs |= settings_attrs[j].bit;
			continue;
		}
		if ((c = settings_colour(ws->w[i])) == -2) {
			*cause = xasprintf(_("unknown attribute or colour "
			    "'%s'"), ws->w[i]);
			return -1;
		}
		if (ncolours == 2) {
			*cause = xstrdup(_("at most two colours: foreground, "
			    "then background"));
			return -1;
		}
		if (ncolours++ == 0)
			st.fg = c;
		else
			st.bg = c;
	}
	s->styles[el] = st;
	return 0;
}

/* The commands, by their first word. */
static const struct {
	const char	*name;
	int		(*run)(struct settings *, struct settings_words *,
			    char **);
} settings_cmds[] = {
	{ "set", settings_cmd_set },
	{ "bind", settings_cmd_bind },
	{ "color", settings_cmd_color },
	{ "colour", settings_cmd_color }
};

/* Apply one line. */
int
settings_parse_line(struct settings *s, const char *line, char **cause)
{
	struct settings_words ws;
	char *copy = NULL;
	size_t i;
	int rc = -1;

	if (settings_split(line, &copy, &ws, cause) != 0)
		goto out;
	if (ws.n == 0) {
		rc = 0;
		goto out;
	}
	for (i = 0; i < sizeof settings_cmds / sizeof settings_cmds[0]; i++)
		if (strcmp(ws.w[0], settings_cmds[i].name) == 0) {
			rc = settings_cmds[i].run(s, &ws, cause);
			goto out;
		}
	*cause = xasprintf(_("unknown command '%s' (set, bind or color)"),
	    ws.w[0]);
out:
	free(copy);
	return rc;
}

/* Apply every line of a text. */
size_t
settings_parse(struct settings *s, const char *text, size_t len,
    const char *file, settings_warn_fn warn, void *ctx)
{
	size_t off = 0, lineno = 0, bad = 0, n;
	const char *nl;
	char *line, *cause;

	while (off < len) {
		nl = memchr(text + off, '\n', len - off);
		n = nl != NULL ? (size_t)(nl - (text + off)) : len - off;
		lineno++;
		cause = NULL;
		if (memchr(text + off, '\0', n) != NULL)
			cause = xstrdup(_("a NUL byte in the line"));
		else if (n > SETTINGS_MAX_LINE)
			cause = xasprintf(_("line longer than %d bytes"),
			    SETTINGS_MAX_LINE);
		else {
			line = xstrndup(text + off, n);
			if (settings_parse_line(s, line, &cause) == 0)
				cause = NULL;
			free(line);
		}
		if (cause != NULL) {
			bad++;
			if (warn != NULL)
				warn(ctx, file, lineno, cause);
			free(cause);
		}
		off += n + (nl != NULL);
	}
	return bad;
}

/* Read and apply a config file. */
int
settings_load(struct settings *s, const char *path, bool required,
    settings_warn_fn warn, void *ctx, char **cause)
{
	char *data = NULL, *why = NULL;
	size_t len = 0, bad;

	/* No file (or no folder for it) is the usual case: the defaults. */
	if (!required && access(path, F_OK) != 0 &&
	    (errno == ENOENT || errno == ENOTDIR))
		return 0;
	if (load_read_file(path, &data, &len, &why) != 0) {
		*cause = load_join_path(path, why);
		free(why);
		return -1;
	}
	bad = settings_parse(s, data, len, path, warn, ctx);
	free(data);
	return bad > 1000 ? 1000 : (int)bad;
}

/* The default config path. */
char *
settings_default_path(char **cause)
{
	const char *xdg = getenv(SETTINGS_XDG_ENV), *home = getenv("HOME");

	/* The XDG spec: a relative value is invalid and must be ignored. */
	if (xdg != NULL && xdg[0] == '/')
		return xasprintf("%s/kanbao/config", xdg);
	if (home != NULL && home[0] == '/')
		return xasprintf("%s/.config/kanbao/config", home);
	*cause = xstrdup(_("no config folder: neither XDG_CONFIG_HOME nor HOME "
	    "is an absolute path"));
	return NULL;
}

/* Write the settings in the config format. */
void
settings_print(const struct settings *s, FILE *out)
{
	struct buf b = BUF_INIT;
	const struct settings_style *st;
	size_t i, j;
	char *name;

	for (i = 0; i < SETTINGS_NVARS; i++) {
		buf_clear(&b);
		buf_printf(&b, "set %s ", settings_vars[i].name);
		settings_vars[i].print(s, &b);
		fprintf(out, "%s\n", buf_str(&b));
	}
	for (i = 0; i < SETTINGS_EL_COUNT; i++) {
		st = &s->styles[i];
		buf_clear(&b);
		buf_printf(&b, "color %s", settings_elements[i]);
		for (j = 0; j < sizeof settings_attrs /
		    sizeof settings_attrs[0]; j++)
			if (st->attrs & settings_attrs[j].bit)
				buf_printf(&b, " %s", settings_attrs[j].name);
		/* The foreground is written when either colour is set. */
		if (st->fg >= 0 || st->bg >= 0) {
			buf_putc(&b, ' ');
			settings_put_colour(&b, st->fg);
		}
		if (st->bg >= 0) {
			buf_putc(&b, ' ');
			settings_put_colour(&b, st->bg);
		}
		if (st->attrs == 0 && st->fg < 0 && st->bg < 0)
			buf_puts(&b, " normal");
		fprintf(out, "%s\n", buf_str(&b));
	}
	for (i = 0; i < s->nbinds; i++) {
		name = settings_key_name(&s->binds[i].key);
		buf_clear(&b);
		buf_puts(&b, "bind ");
		settings_put_word(&b, name);
		buf_printf(&b, " %s", s->binds[i].action == 0 ? "none" :
		    settings_action_name(s->binds[i].action));
		fprintf(out, "%s\n", buf_str(&b));
		free(name);
	}
	buf_free(&b);
}
