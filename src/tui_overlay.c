/*
 * tui_overlay.c - the quotes of "set quotes keep" drawn as printed on a
 * terminal that draws East Asian Ambiguous characters two columns wide.
 *
 * There, “ takes two columns on the screen while libc, and so curses,
 * counts one: drawn through curses the line would drift.  So curses is
 * given a wide placeholder of the same shape in its place (〝, tagged by
 * width_substitute()), which keeps its model of the screen right, and
 * after every refresh the quote itself is written over the placeholder's
 * two cells straight to the terminal, in the cell's attributes.  Curses
 * sends a cell again only when its model of it changes (or to move the
 * cursor over it), and the quotes are written again after every refresh,
 * so what the terminal shows and what curses believes it shows agree at
 * every column.
 *
 * The writes go through the same stdout as curses' own, after refresh()
 * has flushed them: the cursor is placed with the terminal's cup string,
 * the attributes set with vid_puts(), which keeps curses' record of them,
 * and at the end both are put back where curses left them: the attributes
 * to normal as doupdate() leaves them, the cursor where curses has it, and
 * mvcur() records that place too.  Only quotes from the table of width.c
 * are written, never text.
 *
 * tui_add_utf8() (tui.c) notes each placeholder it draws; a note is kept
 * until its cells are drawn over or the screen is erased, and before the
 * quote is written the cell is checked in curscr, what curses has sent,
 * so a placeholder since cleared or overwritten is never covered.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "tui_curses.h"

#include "text.h"
#include "tui_view.h"
#include "xalloc.h"

/* Last: term.h's macros must not reach the headers above. */
#define TUI_CURSES_TERM		/* tputs() */
#include "tui_curses.h"

enum {
	TUI_OVERLAY_INITIAL = 32	/* notes room first made for */
};

/* Forget every note: the screen was erased. */
void
tui_overlay_reset(struct tui *t)
{
	t->overlay.n = 0;
}

/* Forget the notes of row y in columns [x, x + cols): drawn over. */
void
tui_overlay_forget(struct tui *t, int y, int x, int cols)
{
	struct tui_overlays *o = &t->overlay;
	size_t i, kept = 0;

	if (cols <= 0)
		return;
	for (i = 0; i < o->n; i++) {
		const struct tui_overlay *e = &o->v[i];

		/* The placeholder's right half counts too. */
		if (e->y == y && e->x + 1 >= x && e->x < x + cols)
			continue;
		o->v[kept++] = *e;
	}
	o->n = kept;
}

/* Note a placeholder wide drawn at (y, x) for quote; see tui_view.h. */
void
tui_overlay_add(struct tui *t, int y, int x, uint32_t quote, wchar_t wide)
{
	struct tui_overlays *o = &t->overlay;
	struct tui_overlay *e;

	if (o->n == o->cap) {
		o->cap = o->cap == 0 ? TUI_OVERLAY_INITIAL : o->cap * 2;
		o->v = xreallocarray(o->v, o->cap, sizeof *o->v);
	}
	e = &o->v[o->n++];
	e->y = y;
	e->x = x;
	e->quote = quote;
	e->wide = wide;
}

/* Output one byte for tputs() and vid_puts(): curses' own stdout. */
static int
tui_overlay_putc(int c)
{
	return putchar(c);
}

/*
 * Move the terminal's cursor to (y, x) with its cup string, by absolute
 * address: after a quote the terminal's column is not the one curses
 * would count from.
 */
static void
tui_overlay_goto(const char *cup, int y, int x)
{
	const char *s = tiparm(cup, y, x);

	if (s != NULL)
		tputs(s, 1, tui_overlay_putc);
}

/* Write the noted quotes over their placeholders; see tui_view.h. */
void
tui_overlay_draw(struct tui *t)
{
	const struct tui_overlays *o = &t->overlay;
	const char *cup;
	char q[4];
	cchar_t cc;
	wchar_t wch[CCHARW_MAX + 1];
	attr_t attrs;
	NCURSES_PAIRS_T pair;
	size_t i, drawn = 0;
	int cy, cx;

	if (o->n == 0)
		return;
	cup = tigetstr("cup");
	if (cup == NULL || cup == (char *)-1)
		return;
	/* Where curses left the cursor: the checks below move curscr's. */
	getyx(curscr, cy, cx);
	fflush(stdout);
	for (i = 0; i < o->n; i++) {
		const struct tui_overlay *e = &o->v[i];

		if (e->y < 0 || e->y >= LINES || e->x < 0 ||
		    e->x + 1 >= COLS)
			continue;
		/* What curses sent there: still the placeholder? */
		if (mvwin_wch(curscr, e->y, e->x, &cc) == ERR ||
		    getcchar(&cc, wch, &attrs, &pair, NULL) == ERR ||
		    wch[0] != e->wide)
			continue;
		tui_overlay_goto(cup, e->y, e->x);
		vid_puts(attrs & ~A_COLOR, pair, NULL, tui_overlay_putc);
		fwrite(q, 1, utf8_encode(e->quote, q), stdout);
		drawn++;
	}
	wmove(curscr, cy, cx);
	if (drawn > 0) {
		vid_puts(A_NORMAL, 0, NULL, tui_overlay_putc);
		tui_overlay_goto(cup, cy, cx);
	}
	fflush(stdout);
	/*
	 * Curses' record of the cursor is where it already stands; mvcur()
	 * with an unknown start sets it whatever it was, and its cup goes
	 * out with the next refresh.
	 */
	if (drawn > 0)
		mvcur(-1, -1, cy, cx);
}

/* Free the notes. */
void
tui_overlay_free(struct tui *t)
{
	free(t->overlay.v);
	memset(&t->overlay, 0, sizeof t->overlay);
}
