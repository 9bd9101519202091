/*
 * test_library.c - finding edition folders (library.h).
 *
 * Each test builds a small tree of folders and page files in a fresh
 * private folder under /tmp and scans it.
 */
#include "config.h"

#include "common.h"

#include <stdint.h>
#include <sys/stat.h>
#include <unistd.h>

#include "library.h"

/* Make a private folder; *state is its path. */
static int
setup_tree(void **state)
{
	char tmpl[] = "/tmp/kanbao-lib-XXXXXX";
	char *dir = mkdtemp(tmpl);

	if (dir == NULL)
		return -1;
	*state = strdup(dir);
	return 0;
}

/* Remove the private folder. */
static int
teardown_tree(void **state)
{
	test_remove_tree(*state);
	free(*state);
	return 0;
}

/* Make folder root/rel (and its parents). */
static void
make_dir(const char *root, const char *rel)
{
	char *cmd = NULL;

	assert_true(asprintf(&cmd, "mkdir -p '%s/%s'", root, rel) > 0);
	assert_int_equal(system(cmd), 0);
	free(cmd);
}

/* Make file root/rel (its folder too) holding a line of text. */
static void
make_file(const char *root, const char *rel)
{
	char *path = NULL, *slash;
	FILE *f;

	assert_true(asprintf(&path, "%s/%s", root, rel) > 0);
	slash = strrchr(path, '/');
	*slash = '\0';
	make_dir(path, ".");
	*slash = '/';
	f = fopen(path, "w");
	assert_non_null(f);
	fputs("第01版：要闻\n", f);
	fclose(f);
	free(path);
}

/* The path of item i relative to the root, for readable asserts. */
static const char *
rel(const struct library *lib, size_t i)
{
	size_t n = strlen(lib->root);

	assert_true(i < lib->n);
	assert_memory_equal(lib->items[i].path, lib->root, n);
	return lib->items[i].path + n + 1;
}

/* Real dates pass; impossible dates and other shapes do not. */
static void
test_is_date(void **state)
{
	static const struct {
		const char *s;
		bool ok;
	} v[] = {
		{ "2026-03-02", true },
		{ "2024-02-29", true },		/* leap year */
		{ "2000-02-29", true },		/* leap by 400 */
		{ "1900-02-29", false },	/* not leap by 100 */
		{ "2026-02-29", false },
		{ "2026-04-31", false },
		{ "2026-13-01", false },
		{ "2026-00-10", false },
		{ "2026-01-00", false },
		{ "0000-01-01", false },
		{ "2026-3-2", false },
		{ "20260302", false },
		{ "2026-03-02x", false },
		{ "2026/03/02", false },
		{ "2026-03-0a", false },
		{ "", false },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof v / sizeof v[0]; i++) {
		if (library_is_date(v[i].s) != v[i].ok)
			fail_msg("library_is_date(\"%s\"): expected %d", v[i].s,
			    v[i].ok);
	}
}

/* DIR/DATE folders are found newest first with no paper. */
static void
test_dates_newest_first(void **state)
{
	const char *root = *state;
	struct library lib;
	char *cause = NULL;

	make_file(root, "2026-03-01/1.txt");
	make_file(root, "2026-03-03/1.txt");
	make_file(root, "2026-03-02/1.txt");
	assert_int_equal(library_scan(root, &lib, &cause), 0);
	assert_int_equal(lib.n, 3);
	assert_string_equal(rel(&lib, 0), "2026-03-03");
	assert_string_equal(rel(&lib, 1), "2026-03-02");
	assert_string_equal(rel(&lib, 2), "2026-03-01");
	assert_string_equal(lib.items[0].date, "2026-03-03");
	assert_null(lib.items[0].paper);
	assert_false(lib.items[0].from_header);
	library_free(&lib);
	assert_int_equal(lib.n, 0);
}

/* DIR/PAPER/DATE gives the paper; both layouts mix; one date sorts by paper. */
static void
test_papers(void **state)
{
	const char *root = *state;
	struct library lib;
	char *cause = NULL;

	make_file(root, "人民日报/2026-03-02/01.txt");
	make_file(root, "人民日报/2026-03-01/01.txt");
	make_file(root, "河洛日报/2026-03-02/01.txt");
	make_file(root, "2026-03-02/a.txt");
	assert_int_equal(library_scan(root, &lib, &cause), 0);
	assert_int_equal(lib.n, 4);
	/* strcmp order of the UTF-8 names: 人 (E4 BA BA) < 河 (E6 B2 B3). */
	assert_string_equal(rel(&lib, 0), "人民日报/2026-03-02");
	assert_string_equal(lib.items[0].paper, "人民日报");
	assert_string_equal(rel(&lib, 1), "河洛日报/2026-03-02");
	assert_string_equal(rel(&lib, 2), "2026-03-02");	/* unknown last */
	assert_null(lib.items[2].paper);
	assert_string_equal(rel(&lib, 3), "人民日报/2026-03-01");
	assert_string_equal(lib.items[3].date, "2026-03-01");
	library_free(&lib);
}

/* Empty, hidden, non-date and deeper folders and loose files are not editions. */
static void
test_not_editions(void **state)
{
	const char *root = *state;
	struct library lib;
	char *cause = NULL;

	make_dir(root, "2026-03-04");			/* no pages */
	make_dir(root, "2026-03-05/sub");		/* only a folder */
	make_file(root, ".hidden/2026-03-02/1.txt");	/* hidden paper */
	make_file(root, ".2026-03-02/1.txt");
	make_file(root, "2026-02-30/1.txt");		/* no such date */
	make_file(root, "2026-03-06/.page.txt");	/* hidden page only */
	make_file(root, "a/b/2026-03-02/1.txt");	/* too deep */
	make_file(root, "README");
	make_file(root, "2026-03-01/1.txt");		/* the one edition */
	assert_int_equal(library_scan(root, &lib, &cause), 0);
	assert_int_equal(lib.n, 1);
	assert_string_equal(rel(&lib, 0), "2026-03-01");
	library_free(&lib);
}

/* An edition folder itself (page files only) holds no editions. */
static void
test_edition_folder(void **state)
{
	const char *root = *state;
	struct library lib;
	char *cause = NULL;

	make_file(root, "1.txt");
	make_file(root, "2.txt");
	assert_int_equal(library_scan(root, &lib, &cause), 0);
	assert_int_equal(lib.n, 0);
	library_free(&lib);
}

/* A folder that cannot be opened is an error with a reason. */
static void
test_missing(void **state)
{
	struct library lib;
	char *cause = NULL, *path = NULL;

	assert_true(asprintf(&path, "%s/nope", (char *)*state) > 0);
	assert_int_equal(library_scan(path, &lib, &cause), -1);
	assert_non_null(cause);
	assert_string_equal(cause, "No such file or directory");
	free(cause);
	library_free(&lib);
	free(path);
}

/* Previous and next issue stay within one paper; ends give SIZE_MAX. */
static void
test_prev_next(void **state)
{
	const char *root = *state;
	struct library lib;
	char *cause = NULL;
	size_t i;

	make_file(root, "甲报/2026-03-01/1.txt");
	make_file(root, "甲报/2026-03-03/1.txt");
	make_file(root, "乙报/2026-03-02/1.txt");
	make_file(root, "甲报/2026-03-05/1.txt");
	assert_int_equal(library_scan(root, &lib, &cause), 0);
	assert_int_equal(lib.n, 4);
	/* 甲报 03-05, 甲报 03-03, 乙报 03-02, 甲报 03-01 */
	i = library_find(&lib, lib.items[1].path);
	assert_int_equal(i, 1);
	assert_int_equal(library_prev(&lib, 1), 3);	/* skips 乙报 */
	assert_int_equal(library_next(&lib, 1), 0);
	assert_int_equal(library_next(&lib, 0), SIZE_MAX);
	assert_int_equal(library_prev(&lib, 3), SIZE_MAX);
	assert_int_equal(library_prev(&lib, 2), SIZE_MAX);	/* 乙报 alone */
	assert_int_equal(library_next(&lib, 2), SIZE_MAX);
	assert_int_equal(library_prev(&lib, 99), SIZE_MAX);
	library_free(&lib);
}

/* The page headers' paper and date win over the folder's, and re-sort. */
static void
test_header(void **state)
{
	const char *root = *state;
	struct library lib;
	char *cause = NULL;

	make_file(root, "2026-03-01/1.txt");
	make_file(root, "2026-03-02/1.txt");
	assert_int_equal(library_scan(root, &lib, &cause), 0);
	assert_string_equal(rel(&lib, 1), "2026-03-01");
	/* The older folder's pages say it is the 3rd; a bad date is ignored. */
	library_set_header(&lib, 1, "河洛日报", "2026-03-03");
	library_set_header(&lib, 0, NULL, "March 2");
	assert_string_equal(lib.items[0].date, "2026-03-02");
	assert_false(lib.items[0].from_header);
	library_sort(&lib);
	assert_string_equal(rel(&lib, 0), "2026-03-01");
	assert_string_equal(lib.items[0].date, "2026-03-03");
	assert_string_equal(lib.items[0].paper, "河洛日报");
	assert_true(lib.items[0].from_header);
	/* Now of different papers: no previous issue. */
	assert_int_equal(library_prev(&lib, 0), SIZE_MAX);
	library_free(&lib);
}

/* library_find follows "..", a trailing slash and symlinks; unknown: SIZE_MAX. */
static void
test_find(void **state)
{
	const char *root = *state;
	struct library lib;
	char *cause = NULL, *p = NULL, *link = NULL;

	make_file(root, "报/2026-03-01/1.txt");
	assert_int_equal(library_scan(root, &lib, &cause), 0);
	assert_true(asprintf(&p, "%s/报/../报/2026-03-01/", root) > 0);
	assert_int_equal(library_find(&lib, p), 0);
	assert_true(asprintf(&link, "%s/today", root) > 0);
	assert_int_equal(symlink(lib.items[0].path, link), 0);
	assert_int_equal(library_find(&lib, link), 0);
	assert_int_equal(library_find(&lib, root), SIZE_MAX);
	free(p);
	free(link);
	library_free(&lib);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_is_date),
		cmocka_unit_test_setup_teardown(test_dates_newest_first,
		    setup_tree, teardown_tree),
		cmocka_unit_test_setup_teardown(test_papers, setup_tree,
		    teardown_tree),
		cmocka_unit_test_setup_teardown(test_not_editions, setup_tree,
		    teardown_tree),
		cmocka_unit_test_setup_teardown(test_edition_folder, setup_tree,
		    teardown_tree),
		cmocka_unit_test_setup_teardown(test_missing, setup_tree,
		    teardown_tree),
		cmocka_unit_test_setup_teardown(test_prev_next, setup_tree,
		    teardown_tree),
		cmocka_unit_test_setup_teardown(test_header, setup_tree,
		    teardown_tree),
		cmocka_unit_test_setup_teardown(test_find, setup_tree,
		    teardown_tree),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
