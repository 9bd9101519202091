/*
 * test_keymap.c - unit tests for applying "bind" lines to the key table
 * (keymap.c).
 *
 * The rows here are a small table of their own, with plain ints for keys,
 * as keymap.c sees them: what matters is that a key ends up in exactly
 * one row, "none" unbinds, and the digit row and full rows are kept.
 */
#include "config.h"

#include "common.h"

#include "keymap.h"
#include "tui_keys.h"

/* A fresh small table: j/k, two keys for page down, digits, quit. */
static void
table(struct tui_binding rows[4])
{
	static const struct tui_binding init[4] = {
		{ { 'j', 1000, 0 }, "j, Down", TUI_ACT_DOWN, "down" },
		{ { ' ', 'f', 0 }, "Space, f", TUI_ACT_PAGE_DOWN, "page" },
		{ { '1', '2', 0 }, "1-9", TUI_ACT_DIGIT, "digits" },
		{ { 'q', 0 }, "q", TUI_ACT_QUIT, "quit" }
	};

	memcpy(rows, init, sizeof init);
}

/* Without bindings, each key finds its row and others find nothing. */
static void
test_defaults(void **state)
{
	struct tui_binding rows[4];

	(void)state;
	table(rows);
	assert_int_equal(keymap_lookup(rows, 4, 'j'), TUI_ACT_DOWN);
	assert_int_equal(keymap_lookup(rows, 4, 1000), TUI_ACT_DOWN);
	assert_int_equal(keymap_lookup(rows, 4, 'f'), TUI_ACT_PAGE_DOWN);
	assert_int_equal(keymap_lookup(rows, 4, 'x'), TUI_ACT_NONE);
	/* The digit row is not looked up (its keys are samples). */
	assert_int_equal(keymap_lookup(rows, 4, '1'), TUI_ACT_NONE);
}

/* A new key joins its action's row, after the default keys. */
static void
test_bind_new(void **state)
{
	struct tui_binding rows[4];
	bool changed[4] = { false };

	(void)state;
	table(rows);
	assert_int_equal(keymap_bind(rows, 4, changed, 'x', TUI_ACT_QUIT), 0);
	assert_int_equal(keymap_lookup(rows, 4, 'x'), TUI_ACT_QUIT);
	assert_int_equal(rows[3].keys[0], 'q');
	assert_int_equal(rows[3].keys[1], 'x');
	assert_int_equal(rows[3].keys[2], 0);
	assert_true(changed[3]);
	assert_false(changed[0] || changed[1] || changed[2]);
}

/* A key bound elsewhere leaves its old row: one key, one action. */
static void
test_bind_move(void **state)
{
	struct tui_binding rows[4];
	bool changed[4] = { false };

	(void)state;
	table(rows);
	assert_int_equal(keymap_bind(rows, 4, changed, 'f', TUI_ACT_DOWN), 0);
	assert_int_equal(keymap_lookup(rows, 4, 'f'), TUI_ACT_DOWN);
	assert_int_equal(rows[1].keys[0], ' ');
	assert_int_equal(rows[1].keys[1], 0);
	assert_int_equal(keymap_nkeys(&rows[0]), 3);
	assert_true(changed[0] && changed[1]);
	/* Binding it again to the same action does not list it twice. */
	assert_int_equal(keymap_bind(rows, 4, NULL, 'f', TUI_ACT_DOWN), 0);
	assert_int_equal(keymap_nkeys(&rows[0]), 3);
}

/* "bind KEY none" unbinds; a row may end with no keys. */
static void
test_unbind(void **state)
{
	struct tui_binding rows[4];
	bool changed[4] = { false };

	(void)state;
	table(rows);
	assert_int_equal(keymap_bind(rows, 4, changed, 'q', TUI_ACT_NONE), 0);
	assert_int_equal(keymap_lookup(rows, 4, 'q'), TUI_ACT_NONE);
	assert_int_equal(keymap_nkeys(&rows[3]), 0);
	assert_true(changed[3]);
	/* Unbinding a key no row has changes nothing. */
	memset(changed, 0, sizeof changed);
	assert_int_equal(keymap_bind(rows, 4, changed, 'z', TUI_ACT_NONE), 0);
	assert_false(changed[0] || changed[1] || changed[2] || changed[3]);
}

/* The digit row keeps its keys; an action without a row is refused. */
static void
test_refused(void **state)
{
	struct tui_binding rows[4];

	(void)state;
	table(rows);
	assert_int_equal(keymap_bind(rows, 4, NULL, '1', TUI_ACT_QUIT), 0);
	assert_int_equal(rows[2].keys[0], '1');
	assert_int_equal(keymap_bind(rows, 4, NULL, 'x', TUI_ACT_DIGIT), -1);
	assert_int_equal(keymap_bind(rows, 4, NULL, 'x', TUI_ACT_HELP), -1);
	assert_int_equal(keymap_lookup(rows, 4, 'x'), TUI_ACT_NONE);
}

/* A full row takes no more keys and keeps its ending 0. */
static void
test_full(void **state)
{
	struct tui_binding rows[4];
	int k;

	(void)state;
	table(rows);
	for (k = 0; k < TUI_KEYS_MAX - 2; k++)
		assert_int_equal(keymap_bind(rows, 4, NULL, 'a' + k,
		    TUI_ACT_QUIT), 0);
	assert_int_equal(keymap_nkeys(&rows[3]), TUI_KEYS_MAX - 1);
	assert_int_equal(keymap_bind(rows, 4, NULL, 'Z', TUI_ACT_QUIT), -1);
	assert_int_equal(rows[3].keys[TUI_KEYS_MAX - 1], 0);
	assert_int_equal(keymap_lookup(rows, 4, 'Z'), TUI_ACT_NONE);
	assert_int_equal(keymap_lookup(rows, 4, 'a'), TUI_ACT_QUIT);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_defaults),
		cmocka_unit_test(test_bind_new),
		cmocka_unit_test(test_bind_move),
		cmocka_unit_test(test_unbind),
		cmocka_unit_test(test_refused),
		cmocka_unit_test(test_full),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
