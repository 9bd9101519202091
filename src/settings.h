/*
 * settings.h - the user's settings: $XDG_CONFIG_HOME/kanbao/config.
 *
 * A plain text file in the manner of tmux, mutt and Newsboat: one command
 * a line, words separated by blanks, "#" to the end of the line a
 * comment, "double" or 'single' quotes around a word with blanks.
 *
 *   set measure 80                  reader text width in columns, 0: window
 *   set ambiguous auto|narrow|wide  East Asian ambiguous width (“ … —)
 *   set quotes keep|corner          under wide ambiguous width: show “” as
 *                                   printed or draw 「」 instead
 *   set library PATH                the folder of editions ("": none)
 *   set osc52 on|off                copy through the terminal (OSC 52)
 *   set confirm-delete on|off       ask before deleting a bookmark
 *   set script off|simplified|traditional   convert the text shown
 *   bind KEY ACTION                 ACTION is a name of settings_actions;
 *                                   "none" unbinds KEY
 *   color ELEMENT [ATTR...] [FG [BG]]
 *
 * Keys: a character (j, G, ?, 中), or Space, Tab, Enter, Esc, BSpace, Up,
 * Down, Left, Right, PgUp, PgDn, Home, End, BTab, IC, DC, F1-F12, C-a-C-z.
 * Attributes: bold, dim, underline, reverse, italic, normal (none).
 * Colours: default, black, red, green, yellow, blue, magenta, cyan, white,
 * brightblack ... brightwhite, colour0-colour255.
 *
 * The parser is pure: it reads text and fills a struct settings, reports
 * each bad line with what is wrong and goes on, and touches no terminal.
 * settings_print() writes the effective settings in the same format, so
 * its output read back gives the same settings.
 */
#ifndef KANBAO_SETTINGS_H
#define KANBAO_SETTINGS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* The environment variable naming the folder of kanbao's config file. */
#define SETTINGS_XDG_ENV	"XDG_CONFIG_HOME"

/*
 * The default measure: 80 columns, 40 Chinese characters a line, about
 * the line of a printed book, where a 120-column terminal gave lines of
 * 60 the eye loses its place in.  80 rather than 72: an 80-column
 * terminal (78 text columns) is not narrowed at all, and Latin text gets
 * no more than the classic 80 columns.
 */
#define SETTINGS_MEASURE_DEFAULT	80

/* Largest "set measure" (columns). */
#define SETTINGS_MEASURE_MAX	1000

/* Quote style under wide ambiguous width. */
enum settings_quotes {
	SETTINGS_QUOTES_KEEP = 0,	/* draw “” as they are */
	SETTINGS_QUOTES_CORNER		/* draw 「」 for “” */
};

/* Which script the reader shows (OpenCC conversion; the file is kept). */
enum settings_script {
	SETTINGS_SCRIPT_OFF = 0,	/* as printed */
	SETTINGS_SCRIPT_SIMPLIFIED,
	SETTINGS_SCRIPT_TRADITIONAL
};

/*
 * The elements that can be coloured, in the order of the reader's styles
 * (enum tui_style in tui_view.h), so the reader can index by its style.
 */
enum settings_element {
	SETTINGS_EL_TEXT = 0,
	SETTINGS_EL_KICKER,
	SETTINGS_EL_HEADLINE,
	SETTINGS_EL_SUBTITLE,
	SETTINGS_EL_BYLINE,
	SETTINGS_EL_SUBHEAD,
	SETTINGS_EL_CAPTION,
	SETTINGS_EL_INFERRED,
	SETTINGS_EL_TITLE,
	SETTINGS_EL_STATUS,
	SETTINGS_EL_SELECTED,
	SETTINGS_EL_DIM,
	SETTINGS_EL_MATCH,
	SETTINGS_EL_MATCH_CURRENT,
	SETTINGS_EL_COUNT
};

/* Attribute bits of a style. */
#define SETTINGS_BOLD		0x01
#define SETTINGS_DIM		0x02
#define SETTINGS_UNDERLINE	0x04
#define SETTINGS_REVERSE	0x08
#define SETTINGS_ITALIC		0x10

/* How an element is drawn. */
struct settings_style {
	unsigned	 attrs;		/* SETTINGS_BOLD | ... */
	int		 fg;		/* colour 0-255, -1 the terminal's */
	int		 bg;		/* colour 0-255, -1 the terminal's */
};

/* The kinds of key a binding can name. */
enum settings_key_kind {
	SETTINGS_KEY_CHAR = 0,	/* a character; c is its code point */
	SETTINGS_KEY_UP,
	SETTINGS_KEY_DOWN,
	SETTINGS_KEY_LEFT,
	SETTINGS_KEY_RIGHT,
	SETTINGS_KEY_PGUP,
	SETTINGS_KEY_PGDN,
	SETTINGS_KEY_HOME,
	SETTINGS_KEY_END,
	SETTINGS_KEY_BTAB,	/* Shift-Tab */
	SETTINGS_KEY_IC,	/* Insert */
	SETTINGS_KEY_DC,	/* Delete */
	SETTINGS_KEY_BSPACE,
	SETTINGS_KEY_F		/* function key; c is 1-12 */
};

/* A key, without curses: the reader maps it to its key codes. */
struct settings_key {
	enum settings_key_kind	 kind;
	uint32_t		 c;
};

/* One "bind" line: a key and the action's value (enum tui_action). */
struct settings_bind {
	struct settings_key	 key;
	int			 action;	/* 0 (TUI_ACT_NONE): unbound */
};

/* The effective settings. */
struct settings {
	size_t			 measure;	/* columns, 0: window width */
	int			 ambiguous;	/* -1 auto, 0 narrow, 1 wide */
	enum settings_quotes	 quotes;
	char			*library;	/* as written (~ allowed), NULL:
						   none */
	bool			 osc52;
	bool			 confirm_delete;
	enum settings_script	 script;
	struct settings_style	 styles[SETTINGS_EL_COUNT];
	/*
	 * Bindings that change the key table (tui_keys.c), one per key,
	 * in the order first bound; a key bound again keeps its place and
	 * takes the new action.
	 */
	struct settings_bind	*binds;
	size_t			 nbinds;
};

/* Called for each bad line: the line number and what is wrong. */
typedef void (*settings_warn_fn)(void *ctx, const char *file, size_t line,
    const char *msg);

/* Fill s with the defaults.  Free with settings_free(). */
void	 settings_init(struct settings *s);

/* Free what s holds (not s itself). */
void	 settings_free(struct settings *s);

/*
 * Apply one line (no newline needed; comments and blank lines are fine).
 * Returns 0, or -1 with *cause set to what is wrong (caller frees); s is
 * then unchanged.
 */
int	 settings_parse_line(struct settings *s, const char *line,
	     char **cause);

/*
 * Apply every line of text[0..len).  Each bad line is skipped and passed
 * to warn (with file, for the message) when warn is not NULL.  Returns
 * the number of bad lines.
 */
size_t	 settings_parse(struct settings *s, const char *text, size_t len,
	     const char *file, settings_warn_fn warn, void *ctx);

/*
 * Read the file at path and apply it (settings_parse).  A missing file is
 * no error unless required.  Returns the number of bad lines, or -1 with
 * *cause set ("PATH: reason", caller frees) when the file cannot be read.
 */
int	 settings_load(struct settings *s, const char *path, bool required,
	     settings_warn_fn warn, void *ctx, char **cause);

/*
 * The default config path: $XDG_CONFIG_HOME/kanbao/config, or
 * $HOME/.config/kanbao/config.  Caller frees.  NULL with *cause set when
 * neither an absolute XDG_CONFIG_HOME nor HOME is known.
 */
char	*settings_default_path(char **cause);

/*
 * Write the settings as a config file: every "set" and "color", then the
 * "bind" lines (changes to the key table, whose defaults --help-keys
 * lists).  Reading the output back gives the same settings.
 */
void	 settings_print(const struct settings *s, FILE *out);

/*
 * The name of an action of the key table (enum tui_action in tui_keys.h,
 * a header without curses), as "bind" takes it: "next-line" for
 * TUI_ACT_DOWN.  NULL for an action without a name (TUI_ACT_NONE, and
 * TUI_ACT_DIGIT, whose keys are the digits).
 */
const char *settings_action_name(int action);

/* The action of a name ("none" gives 0), or -1 for an unknown name. */
int	 settings_action_lookup(const char *name);

/* The name of a key as "bind" takes it ("C-f", "PgDn", "j").  Caller frees. */
char	*settings_key_name(const struct settings_key *k);

/* Parse a key name.  Returns 0, or -1 when it names no key. */
int	 settings_key_parse(const char *name, struct settings_key *k);

/*
 * Colour c (0-255, -1 the terminal's) as one of the ncolours a terminal
 * has: the 16 ANSI colours and the 256-colour cube and greys come down to
 * the nearest of 16 or 8; on 8 colours a bright one is its plain colour
 * with *bold set (most terminals draw bold brighter).  ncolours 0 (no
 * colour) gives -1.
 */
int	 settings_colour_fit(int c, int ncolours, bool *bold);

/* The name of an element ("headline"), for color lines. */
const char *settings_element_name(enum settings_element el);

#endif
