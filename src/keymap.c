/*
 * keymap.c - apply "bind" lines to the key table (keymap.h).
 *
 * A key belongs to at most one action: binding it first takes it off the
 * row that had it, so "bind d next-page" stops d from deleting and the
 * help screen no longer lists d beside half-page-down.  The key is then
 * added at the end of the new action's row, after its default keys, so
 * the help screen still shows the familiar key first.
 */
#include "config.h"

#include "keymap.h"

/* Count the keys of a row. */
size_t
keymap_nkeys(const struct tui_binding *row)
{
	size_t i;

	for (i = 0; i < TUI_KEYS_MAX && row->keys[i] != 0; i++)
		;
	return i;
}

/* Take key off row r; true when it was there. */
static bool
keymap_remove(struct tui_binding *r, int key)
{
	size_t i, j, nk = keymap_nkeys(r);
	bool hit = false;

	for (i = 0; i < nk; ) {
		if (r->keys[i] != key) {
			i++;
			continue;
		}
		for (j = i; j + 1 < nk; j++)
			r->keys[j] = r->keys[j + 1];
		r->keys[--nk] = 0;
		hit = true;
	}
	return hit;
}

/* Bind key to act; see keymap.h. */
int
keymap_bind(struct tui_binding *rows, size_t n, bool *changed, int key,
    int act)
{
	size_t i, nk;

	for (i = 0; i < n; i++) {
		if (rows[i].action == TUI_ACT_DIGIT)
			continue;
		if (keymap_remove(&rows[i], key) && changed != NULL)
			changed[i] = true;
	}
	if (act == TUI_ACT_NONE)
		return 0;
	for (i = 0; i < n; i++)
		if ((int)rows[i].action == act && act != TUI_ACT_DIGIT)
			break;
	if (i == n)
		return -1;
	/* The last slot stays 0: it ends the list. */
	if ((nk = keymap_nkeys(&rows[i])) >= TUI_KEYS_MAX - 1)
		return -1;
	rows[i].keys[nk] = key;
	if (changed != NULL)
		changed[i] = true;
	return 0;
}

/* The action of a key; see keymap.h. */
enum tui_action
keymap_lookup(const struct tui_binding *rows, size_t n, int key)
{
	size_t i, j, nk;

	for (i = 0; i < n; i++) {
		/* The digit row lists only samples of its keys. */
		if (rows[i].action == TUI_ACT_DIGIT)
			continue;
		nk = keymap_nkeys(&rows[i]);
		for (j = 0; j < nk; j++)
			if (rows[i].keys[j] == key)
				return rows[i].action;
	}
	return TUI_ACT_NONE;
}
