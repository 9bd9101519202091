/*
 * test_settings.c - unit tests for the config file parser (settings.c).
 *
 * Every setting has a case with the values it takes and values it
 * refuses; bind and color have tables of keys, actions, attributes and
 * colours; the printer is checked by reading its output back.
 */
#include "config.h"

#include "common.h"

#include <stdlib.h>
#include <unistd.h>

#include "settings.h"
#include "tui_keys.h"
#include "xalloc.h"

/* Apply line to s; fail with the line and the cause when it is refused. */
static void
apply(struct settings *s, const char *line)
{
	char *cause = NULL;

	if (settings_parse_line(s, line, &cause) != 0)
		fail_msg("'%s' refused: %s", line, cause);
}

/*
 * Expect line to be refused with a cause containing want, leaving s as it
 * was (compared through the printed settings).
 */
static void
refuse(struct settings *s, const char *line, const char *want)
{
	char *before = NULL, *after = NULL, *cause = NULL;
	size_t n1 = 0, n2 = 0;
	FILE *f;

	f = open_memstream(&before, &n1);
	settings_print(s, f);
	fclose(f);
	if (settings_parse_line(s, line, &cause) == 0)
		fail_msg("'%s' accepted, expected '%s'", line, want);
	if (strstr(cause, want) == NULL)
		fail_msg("'%s': expected '%s' in '%s'", line, want, cause);
	f = open_memstream(&after, &n2);
	settings_print(s, f);
	fclose(f);
	assert_string_equal(before, after);
	free(cause);
	free(before);
	free(after);
}

/* The printed settings of s.  Caller frees. */
static char *
printed(const struct settings *s)
{
	char *out = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&out, &n);

	settings_print(s, f);
	fclose(f);
	return out;
}

/* The defaults: window-wide text, auto width, keep quotes, on/on. */
static void
test_defaults(void **state)
{
	struct settings s;

	(void)state;
	settings_init(&s);
	assert_int_equal(s.measure, SETTINGS_MEASURE_DEFAULT);
	assert_int_equal(s.ambiguous, -1);
	assert_int_equal(s.quotes, SETTINGS_QUOTES_KEEP);
	assert_null(s.library);
	assert_false(s.osc52);
	assert_true(s.confirm_delete);
	assert_int_equal(s.script, SETTINGS_SCRIPT_OFF);
	assert_int_equal(s.nbinds, 0);
	assert_int_equal(s.styles[SETTINGS_EL_HEADLINE].attrs, SETTINGS_BOLD);
	assert_int_equal(s.styles[SETTINGS_EL_TEXT].fg, -1);
	settings_free(&s);
}

/* set measure: 0 to 1000 columns; anything else is refused. */
static void
test_measure(void **state)
{
	struct settings s;

	(void)state;
	settings_init(&s);
	apply(&s, "set measure 72");
	assert_int_equal(s.measure, 72);
	apply(&s, "set measure 0");
	assert_int_equal(s.measure, 0);
	apply(&s, "set measure 1000");
	assert_int_equal(s.measure, 1000);
	refuse(&s, "set measure 1001", "measure takes a column count");
	refuse(&s, "set measure -1", "measure takes");
	refuse(&s, "set measure 7x", "measure takes");
	refuse(&s, "set measure", "set needs a name and a value");
	refuse(&s, "set measure 1 2", "set takes one value");
	settings_free(&s);
}

/* set ambiguous: auto, narrow, wide. */
static void
test_ambiguous(void **state)
{
	struct settings s;

	(void)state;
	settings_init(&s);
	apply(&s, "set ambiguous wide");
	assert_int_equal(s.ambiguous, 1);
	apply(&s, "set ambiguous narrow");
	assert_int_equal(s.ambiguous, 0);
	apply(&s, "set ambiguous auto");
	assert_int_equal(s.ambiguous, -1);
	refuse(&s, "set ambiguous Wide", "auto, narrow or wide");
	settings_free(&s);
}

/* set quotes: keep or corner. */
static void
test_quotes(void **state)
{
	struct settings s;

	(void)state;
	settings_init(&s);
	apply(&s, "set quotes corner");
	assert_int_equal(s.quotes, SETTINGS_QUOTES_CORNER);
	apply(&s, "set quotes keep");
	assert_int_equal(s.quotes, SETTINGS_QUOTES_KEEP);
	refuse(&s, "set quotes straight", "keep or corner");
	settings_free(&s);
}

/* set script: off, simplified, traditional. */
static void
test_script(void **state)
{
	struct settings s;

	(void)state;
	settings_init(&s);
	apply(&s, "set script simplified");
	assert_int_equal(s.script, SETTINGS_SCRIPT_SIMPLIFIED);
	apply(&s, "set script traditional");
	assert_int_equal(s.script, SETTINGS_SCRIPT_TRADITIONAL);
	apply(&s, "set script off");
	assert_int_equal(s.script, SETTINGS_SCRIPT_OFF);
	refuse(&s, "set script zh_TW", "off, simplified or traditional");
	settings_free(&s);
}

/* set library: absolute or ~/, quoted with blanks; "" clears it. */
static void
test_library(void **state)
{
	struct settings s;

	(void)state;
	settings_init(&s);
	apply(&s, "set library /srv/papers");
	assert_string_equal(s.library, "/srv/papers");
	apply(&s, "set library \"~/My Papers\"");
	assert_string_equal(s.library, "~/My Papers");
	apply(&s, "set library '/a \"b\"'");
	assert_string_equal(s.library, "/a \"b\"");
	refuse(&s, "set library papers", "absolute path");
	apply(&s, "set library \"\"");
	assert_null(s.library);
	settings_free(&s);
}

/* set osc52 and set confirm-delete: on or off. */
static void
test_onoff(void **state)
{
	struct settings s;

	(void)state;
	settings_init(&s);
	apply(&s, "set osc52 off");
	assert_false(s.osc52);
	apply(&s, "set osc52 on");
	assert_true(s.osc52);
	apply(&s, "set confirm-delete off");
	assert_false(s.confirm_delete);
	apply(&s, "set confirm-delete on");
	assert_true(s.confirm_delete);
	refuse(&s, "set osc52 yes", "osc52 takes on or off");
	refuse(&s, "set confirm-delete 1", "confirm-delete takes on or off");
	refuse(&s, "set nosuch on", "unknown setting 'nosuch'");
	settings_free(&s);
}

/* Key names: characters, named keys, control letters, function keys. */
static void
test_keys(void **state)
{
	static const struct {
		const char		*name;
		int			 ok;
		enum settings_key_kind	 kind;
		uint32_t		 c;
		const char		*printed;
	} cases[] = {
		{ "j", 1, SETTINGS_KEY_CHAR, 'j', "j" },
		{ "G", 1, SETTINGS_KEY_CHAR, 'G', "G" },
		{ "中", 1, SETTINGS_KEY_CHAR, 0x4e2d, "中" },
		{ "Space", 1, SETTINGS_KEY_CHAR, ' ', "Space" },
		{ "space", 1, SETTINGS_KEY_CHAR, ' ', "Space" },
		{ "Enter", 1, SETTINGS_KEY_CHAR, '\n', "Enter" },
		{ "Tab", 1, SETTINGS_KEY_CHAR, '\t', "Tab" },
		{ "Esc", 1, SETTINGS_KEY_CHAR, 0x1b, "Esc" },
		{ "C-f", 1, SETTINGS_KEY_CHAR, 6, "C-f" },
		{ "^F", 1, SETTINGS_KEY_CHAR, 6, "C-f" },
		{ "PgDn", 1, SETTINGS_KEY_PGDN, 0, "PgDn" },
		{ "PageDown", 1, SETTINGS_KEY_PGDN, 0, "PgDn" },
		{ "Up", 1, SETTINGS_KEY_UP, 0, "Up" },
		{ "BTab", 1, SETTINGS_KEY_BTAB, 0, "BTab" },
		{ "F1", 1, SETTINGS_KEY_F, 1, "F1" },
		{ "F12", 1, SETTINGS_KEY_F, 12, "F12" },
		{ "F13", 0, 0, 0, NULL },
		{ "F0", 0, 0, 0, NULL },
		{ "jk", 0, 0, 0, NULL },
		{ "C-1", 0, 0, 0, NULL },
		{ "", 0, 0, 0, NULL },
		{ "\x7f", 0, 0, 0, NULL },
		{ "\xff", 0, 0, 0, NULL }
	};
	struct settings_key k;
	size_t i;
	char *name;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		int rc = settings_key_parse(cases[i].name, &k);

		if (!cases[i].ok) {
			if (rc == 0)
				fail_msg("key '%s' accepted", cases[i].name);
			continue;
		}
		if (rc != 0)
			fail_msg("key '%s' refused", cases[i].name);
		assert_int_equal(k.kind, cases[i].kind);
		assert_int_equal(k.c, cases[i].c);
		name = settings_key_name(&k);
		assert_string_equal(name, cases[i].printed);
		free(name);
	}
}

/* bind: an action by name; a key bound again keeps one entry. */
static void
test_bind(void **state)
{
	struct settings s;

	(void)state;
	settings_init(&s);
	apply(&s, "bind j next-page");
	apply(&s, "bind C-n next-line");
	apply(&s, "bind j previous-page");
	apply(&s, "bind PgDn none");
	assert_int_equal(s.nbinds, 3);
	assert_int_equal(s.binds[0].key.c, 'j');
	assert_int_equal(s.binds[0].action, TUI_ACT_PAGE_UP);
	assert_int_equal(s.binds[1].action, TUI_ACT_DOWN);
	assert_int_equal(s.binds[2].key.kind, SETTINGS_KEY_PGDN);
	assert_int_equal(s.binds[2].action, TUI_ACT_NONE);
	refuse(&s, "bind x fly", "unknown action 'fly'");
	refuse(&s, "bind xy quit", "unknown key 'xy'");
	refuse(&s, "bind 5 quit", "digits");
	refuse(&s, "bind x", "bind needs a key and an action");
	settings_free(&s);
}

/* Every action of the key table has a bind name that looks it up again. */
static void
test_action_names(void **state)
{
	const struct tui_binding *b;
	const char *name;
	size_t i, n;

	(void)state;
	b = tui_keys_table(&n);
	for (i = 0; i < n; i++) {
		if (b[i].action == TUI_ACT_DIGIT)
			continue;
		name = settings_action_name(b[i].action);
		if (name == NULL)
			fail_msg("action of '%s' has no name", b[i].names);
		assert_int_equal(settings_action_lookup(name), b[i].action);
	}
	assert_string_equal(settings_action_name(TUI_ACT_DOWN), "next-line");
	assert_null(settings_action_name(TUI_ACT_NONE));
	assert_null(settings_action_name(TUI_ACT_DIGIT));
	assert_int_equal(settings_action_lookup("none"), TUI_ACT_NONE);
	assert_int_equal(settings_action_lookup("jump"), -1);
}

/* A colour comes down to what the terminal has (settings_colour_fit). */
static void
test_colour_fit(void **state)
{
	static const struct {
		int	 c;
		int	 n;
		int	 want;
		bool	 bold;
	} v[] = {
		{ -1, 256, -1, false },		/* the terminal's own */
		{ 5, 0, -1, false },		/* no colour at all */
		{ 5, 8, 5, false },
		{ 200, 256, 200, false },	/* the terminal has it */
		{ 13, 16, 13, false },
		{ 13, 8, 5, true },		/* bright magenta: bold */
		{ 9, 8, 1, true },
		{ 196, 16, 9, false },		/* cube red: bright red */
		{ 196, 8, 1, true },
		{ 21, 8, 4, true },		/* cube blue */
		{ 22, 8, 2, false },		/* dark green */
		{ 231, 8, 7, true },		/* cube white */
		{ 16, 8, 0, false },		/* cube black */
		{ 232, 8, 0, false },		/* greys: black */
		{ 244, 8, 0, true },		/* mid grey: bright black */
		{ 244, 16, 8, false },
		{ 252, 8, 7, false },		/* light grey */
		{ 255, 16, 15, false }		/* near white */
	};
	size_t i;
	bool bold;
	int got;

	(void)state;
	for (i = 0; i < sizeof v / sizeof v[0]; i++) {
		got = settings_colour_fit(v[i].c, v[i].n, &bold);
		if (got != v[i].want || bold != v[i].bold)
			fail_msg("colour %d on %d: want %d%s, got %d%s", v[i].c,
			    v[i].n, v[i].want, v[i].bold ? " bold" : "", got,
			    bold ? " bold" : "");
	}
}

/* The default theme: kicker and subtitle bold, none of them blue. */
static void
test_default_theme(void **state)
{
	struct settings s;
	size_t i;

	(void)state;
	settings_init(&s);
	assert_true(s.styles[SETTINGS_EL_KICKER].attrs & SETTINGS_BOLD);
	assert_true(s.styles[SETTINGS_EL_SUBTITLE].attrs & SETTINGS_BOLD);
	for (i = 0; i < SETTINGS_EL_COUNT; i++) {
		/* Blue is near black: unreadable on a dark background. */
		assert_int_not_equal(s.styles[i].fg, 4);
		/* Yellow and cyan are near white: unreadable on light. */
		assert_int_not_equal(s.styles[i].fg, 3);
		assert_int_not_equal(s.styles[i].fg, 6);
	}
	settings_free(&s);
}

/* color: attributes, then foreground and background. */
static void
test_color(void **state)
{
	struct settings s;
	const struct settings_style *st;

	(void)state;
	settings_init(&s);
	apply(&s, "color headline bold red");
	st = &s.styles[SETTINGS_EL_HEADLINE];
	assert_int_equal(st->attrs, SETTINGS_BOLD);
	assert_int_equal(st->fg, 1);
	assert_int_equal(st->bg, -1);
	apply(&s, "color status reverse underline white blue");
	st = &s.styles[SETTINGS_EL_STATUS];
	assert_int_equal(st->attrs, SETTINGS_REVERSE | SETTINGS_UNDERLINE);
	assert_int_equal(st->fg, 7);
	assert_int_equal(st->bg, 4);
	apply(&s, "colour kicker brightcyan colour236");
	st = &s.styles[SETTINGS_EL_KICKER];
	assert_int_equal(st->fg, 14);
	assert_int_equal(st->bg, 236);
	apply(&s, "color match-current default yellow");
	st = &s.styles[SETTINGS_EL_MATCH_CURRENT];
	assert_int_equal(st->attrs, 0);
	assert_int_equal(st->fg, -1);
	assert_int_equal(st->bg, 3);
	apply(&s, "color caption normal");
	assert_int_equal(s.styles[SETTINGS_EL_CAPTION].attrs, 0);
	refuse(&s, "color headline red blue green", "at most two colours");
	refuse(&s, "color headline blinking", "unknown attribute or colour");
	refuse(&s, "color headline colour256", "unknown attribute or colour");
	refuse(&s, "color masthead bold", "unknown element 'masthead'");
	refuse(&s, "color headline", "color needs an element");
	settings_free(&s);
}

/* Words: quotes group, # starts a comment, errors are named. */
static void
test_words(void **state)
{
	struct settings s;

	(void)state;
	settings_init(&s);
	apply(&s, "");
	apply(&s, "   # only a comment");
	apply(&s, "\tset measure 60   # trailing comment");
	assert_int_equal(s.measure, 60);
	apply(&s, "bind \"#\" help");
	assert_int_equal(s.binds[0].key.c, '#');
	apply(&s, "bind '\"' quit");
	assert_int_equal(s.binds[1].key.c, '"');
	apply(&s, "bind \"\\\\\" quit");
	assert_int_equal(s.binds[2].key.c, '\\');
	refuse(&s, "set library \"/a", "missing closing quote");
	refuse(&s, "jump 3", "unknown command 'jump'");
	/* Nothing --print-config could not show safely gets in. */
	refuse(&s, "set library \"/a\x1b[2Jb\"", "control character");
	refuse(&s, "set library /a\xff", "invalid UTF-8");
	refuse(&s, "bind \xc2\x9b quit", "control character");
	refuse(&s, "color text bold bold bold bold bold bold bold bold bold "
	    "bold bold bold bold bold bold", "too many words");
	settings_free(&s);
}

/* Collects the line numbers and messages of bad lines. */
struct warnings {
	size_t	lines[8];
	size_t	n;
};

/* settings_warn_fn for the tests. */
static void
collect(void *ctx, const char *file, size_t line, const char *msg)
{
	struct warnings *w = ctx;

	(void)file;
	assert_non_null(msg);
	if (w->n < 8)
		w->lines[w->n++] = line;
}

/* A text: bad lines are skipped with their numbers, good ones apply. */
static void
test_parse_text(void **state)
{
	const char text[] = "set measure 40\nset measure x\r\nbind j fly\n"
	    "\n# comment\nfrob\nset osc52 on";
	struct warnings w = { { 0 }, 0 };
	struct settings s;

	(void)state;
	settings_init(&s);
	assert_int_equal(settings_parse(&s, text, sizeof text - 1, "cfg",
	    collect, &w), 3);
	assert_int_equal(w.n, 3);
	assert_int_equal(w.lines[0], 2);
	assert_int_equal(w.lines[1], 3);
	assert_int_equal(w.lines[2], 6);
	assert_int_equal(s.measure, 40);
	assert_true(s.osc52);
	/* A NUL inside a line is a bad line, not a cut. */
	w.n = 0;
	s.osc52 = false;
	assert_int_equal(settings_parse(&s, "set osc52 on\0x\n", 15, "cfg",
	    collect, &w), 1);
	assert_false(s.osc52);
	settings_free(&s);
}

/* What is printed reads back to the same settings. */
static void
test_print_roundtrip(void **state)
{
	const char text[] = "set measure 66\nset ambiguous narrow\n"
	    "set quotes corner\nset script traditional\n"
	    "set library \"~/a \\\"b\\\" #c\"\nset osc52 off\n"
	    "set confirm-delete off\ncolor text italic\n"
	    "color status bold default blue\ncolor byline colour200\n"
	    "bind '#' help\nbind \"'\" quit\nbind C-d next-page\n"
	    "bind F5 redraw\n"
	    "bind 中 search\nbind PgDn none\nbind Space bookmark\n";
	struct settings a, b;
	char *pa, *pb;

	(void)state;
	settings_init(&a);
	assert_int_equal(settings_parse(&a, text, sizeof text - 1, "cfg",
	    NULL, NULL), 0);
	pa = printed(&a);
	settings_init(&b);
	assert_int_equal(settings_parse(&b, pa, strlen(pa), "printed", NULL,
	    NULL), 0);
	pb = printed(&b);
	assert_string_equal(pa, pb);
	assert_string_equal(b.library, "~/a \"b\" #c");
	assert_int_equal(b.nbinds, 7);
	assert_non_null(strstr(pa, "bind \"#\" help\n"));
	assert_non_null(strstr(pa, "color status bold default blue\n"));
	assert_non_null(strstr(pa, "color text italic\n"));
	free(pa);
	free(pb);
	settings_free(&a);
	settings_free(&b);
}

/* The defaults print and read back too, every element once. */
static void
test_print_defaults(void **state)
{
	struct settings s;
	char *p, *line;
	size_t i;

	(void)state;
	settings_init(&s);
	p = printed(&s);
	for (i = 0; i < SETTINGS_EL_COUNT; i++) {
		line = xasprintf("\ncolor %s ", settings_element_name(i));
		if (strstr(p, line) == NULL)
			fail_msg("no line for %s in:\n%s",
			    settings_element_name(i), p);
		free(line);
	}
	assert_int_equal(settings_parse(&s, p, strlen(p), "p", NULL, NULL), 0);
	free(p);
	settings_free(&s);
}

/* The default path follows XDG_CONFIG_HOME, then HOME. */
static void
test_default_path(void **state)
{
	char *p, *cause = NULL;

	(void)state;
	setenv("XDG_CONFIG_HOME", "/x/cfg", 1);
	p = settings_default_path(&cause);
	assert_string_equal(p, "/x/cfg/kanbao/config");
	free(p);
	/* A relative XDG_CONFIG_HOME is ignored, as the spec says. */
	setenv("XDG_CONFIG_HOME", "rel", 1);
	setenv("HOME", "/home/u", 1);
	p = settings_default_path(&cause);
	assert_string_equal(p, "/home/u/.config/kanbao/config");
	free(p);
	unsetenv("XDG_CONFIG_HOME");
	unsetenv("HOME");
	assert_null(settings_default_path(&cause));
	assert_non_null(cause);
	free(cause);
}

/* Loading: a missing default is fine, a missing --config is not. */
static void
test_load(void **state)
{
	char path[] = "/tmp/kanbao-settings-XXXXXX";
	struct warnings w = { { 0 }, 0 };
	struct settings s;
	char *cause = NULL;
	int fd;

	(void)state;
	settings_init(&s);
	assert_int_equal(settings_load(&s, "/nonexistent/kanbao/config", false,
	    NULL, NULL, &cause), 0);
	assert_int_equal(settings_load(&s, "/nonexistent/kanbao/config", true,
	    NULL, NULL, &cause), -1);
	assert_non_null(strstr(cause, "/nonexistent/kanbao/config: "));
	free(cause);
	fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, "set measure 50\nbad\n", 19), 19);
	close(fd);
	assert_int_equal(settings_load(&s, path, true, collect, &w, &cause),
	    1);
	assert_int_equal(s.measure, 50);
	unlink(path);
	settings_free(&s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_defaults),
		cmocka_unit_test(test_measure),
		cmocka_unit_test(test_ambiguous),
		cmocka_unit_test(test_quotes),
		cmocka_unit_test(test_script),
		cmocka_unit_test(test_library),
		cmocka_unit_test(test_onoff),
		cmocka_unit_test(test_keys),
		cmocka_unit_test(test_bind),
		cmocka_unit_test(test_action_names),
		cmocka_unit_test(test_color),
		cmocka_unit_test(test_colour_fit),
		cmocka_unit_test(test_default_theme),
		cmocka_unit_test(test_words),
		cmocka_unit_test(test_parse_text),
		cmocka_unit_test(test_print_roundtrip),
		cmocka_unit_test(test_print_defaults),
		cmocka_unit_test(test_default_path),
		cmocka_unit_test(test_load),
	};

	return cmocka_run_group_tests(tests, test_utf8_locale, NULL);
}
