/*
 * tui.h - the interactive reader (ncursesw).
 *
 * The only part of kanbao that talks to curses.  It draws what layout.c
 * computed and maps keys to actions through one table (tui_keys), which
 * also feeds the help screen, `kanbao --help-keys` and the man page check.
 */
#ifndef KANBAO_TUI_H
#define KANBAO_TUI_H

#include <stdbool.h>
#include <stdio.h>

struct edition;
struct settings;

/* Options of the interactive reader. */
struct tui_options {
	int	 ambiguous;	/* -1 auto (probe the terminal), 0 narrow, 1 wide */
	size_t	 measure;	/* maximum text width in columns, 0 = window */
	bool	 restart;	/* ignore the saved reading position */
	const char *notice;	/* a warning for the status line at start
				   (a locale fallback); NULL: none */
	const char *library;	/* a folder of edition folders (library.h)
				   for the picker and { }; NULL: none */
	bool	 osc52;		/* y may set the terminal's clipboard */
	const struct settings *settings; /* the config file (settings.h):
				   keys, colours, quotes, script and
				   confirm-delete come from it; ambiguous,
				   measure, library and osc52 above already
				   merge it with the command line and the
				   environment */
};

/*
 * Run the reader on a loaded edition until the user quits.  Standard
 * output must be a terminal; keys come from standard input, or from
 * /dev/tty when standard input is not a terminal (the edition was read
 * from a pipe).  With
 * opts->library set, ed may be NULL: the reader starts on the edition
 * picker of that folder; otherwise, { } and L move through that library
 * from ed.  Returns 0, or
 * -1 with *cause set (caller frees) when the terminal cannot be used (not a
 * terminal, unknown TERM, too small to draw anything).  The terminal is
 * always restored before returning.
 *
 * ed stays the caller's: the reader only reads it.  Opening a bookmark of
 * another edition makes the reader load that one (load_paths() on its
 * path); such editions belong to the reader, which frees each when it
 * switches again and before returning, so the caller frees only ed.
 *
 * The reading position is restored from the store at start (unless
 * opts->restart) and saved at every way out, signals included; a position
 * that could not be saved at the end is reported on stderr once the
 * terminal is restored.  Bookmark and position errors never make it fail.
 */
int	tui_run(const struct edition *ed, const struct tui_options *opts,
	    char **cause);

/*
 * Print the key table (keys, action) as text, for --help-keys: the keys
 * in effect with the "bind" lines of s (NULL: the defaults).
 */
void	tui_print_keys(FILE *out, const struct settings *s);

#endif
