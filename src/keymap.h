/*
 * keymap.h - the user's "bind" lines applied to the key table.
 *
 * Pure: it works on rows of struct tui_binding (tui_keys.h, a header
 * without curses) whose keys are plain ints, so it can be tested without
 * a terminal.  tui_keys.c turns the settings' keys into curses codes,
 * calls keymap_bind() for each "bind" line and keymap_lookup() for each
 * key pressed.
 */
#ifndef KANBAO_KEYMAP_H
#define KANBAO_KEYMAP_H

#include <stdbool.h>
#include <stddef.h>

#include "tui_keys.h"

/*
 * Bind key to act in rows[0..n): the key leaves every row that has it
 * (the digit row excepted, whose keys stand for a range) and, unless act
 * is TUI_ACT_NONE ("bind KEY none"), joins the first row of act.
 * changed[i] is set for each row i whose keys changed (changed may be
 * NULL).  Returns 0, or -1 when act has no row or its row is full
 * (TUI_KEYS_MAX - 1 keys); the key is then unbound everywhere.
 */
int		 keymap_bind(struct tui_binding *rows, size_t n, bool *changed,
		     int key, int act);

/*
 * The action of key in rows[0..n): the first row that lists it, else
 * TUI_ACT_NONE.  Digits are not looked up here (tui_keys.c does).
 */
enum tui_action	 keymap_lookup(const struct tui_binding *rows, size_t n,
		     int key);

/* The number of keys of a row (its list ends at the first 0). */
size_t		 keymap_nkeys(const struct tui_binding *row);

#endif
