/*
 * test_bookmarks.c - the durable store: bookmarks and reading positions.
 *
 * Every test runs in a fresh private folder set as XDG_DATA_HOME and
 * XDG_STATE_HOME.  Concurrency and crash safety are tested with real
 * processes: fork()ed writers racing, and a writer killed with SIGKILL at
 * random moments.  Disk full is simulated by wrapping fsync() at link time
 * (-Wl,--wrap=fsync), the only way to make root's writes fail.
 */
#include "config.h"

#include "common.h"

#include <errno.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "bookmarks.h"
#include "statefile.h"

/* When set, fsync() fails with ENOSPC (see the file comment). */
static int fail_fsync;

int	__real_fsync(int fd);
int	__wrap_fsync(int fd);

/* fsync() that can be told to fail. */
int
__wrap_fsync(int fd)
{
	if (fail_fsync) {
		errno = ENOSPC;
		return -1;
	}
	return __real_fsync(fd);
}

/* Make a private folder for the store and point XDG at it. */
static int
setup_home(void **state)
{
	char tmpl[] = "/tmp/kanbao-bm-XXXXXX";
	char *dir = mkdtemp(tmpl);

	if (dir == NULL)
		return -1;
	*state = strdup(dir);
	setenv("XDG_DATA_HOME", dir, 1);
	setenv("XDG_STATE_HOME", dir, 1);
	fail_fsync = 0;
	return 0;
}

/* Remove the private folder. */
static int
teardown_home(void **state)
{
	test_remove_tree(*state);
	free(*state);
	return 0;
}

/* A bookmark for article n of edition ed. */
static struct bookmark
make_bookmark(const char *ed, int n, char *idbuf, size_t idlen)
{
	struct bookmark b;

	memset(&b, 0, sizeof b);
	snprintf(idbuf, idlen, "%016x", n);
	b.edition = (char *)ed;
	b.edition_title = (char *)"郑州日报";
	b.article = idbuf;
	b.headline = (char *)"让疫苗“多跑路”\t让老人“少跑腿”";
	b.section = (char *)"第05版";
	b.block = (size_t)n % 7;
	b.offset = (size_t)n * 3;
	return b;
}

/* Write raw text to the bookmarks file. */
static char *
write_raw(const char *text)
{
	char *cause = NULL, *path = bookmarks_path(&cause), *dir;
	FILE *f;

	assert_non_null(path);
	dir = strdup(path);
	*strrchr(dir, '/') = '\0';
	mkdir(dir, 0700);
	free(dir);
	f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
	return path;
}

/* Add, find, replace, remove and reload round-trip every field. */
static void
test_roundtrip(void **state)
{
	struct bookmarks bms;
	struct bookmark b;
	char id[20], *cause = NULL;
	int i;

	(void)state;
	for (i = 0; i < 5; i++) {
		b = make_bookmark("/papers/a.txt", i, id, sizeof id);
		assert_int_equal(bookmarks_add(&b, &cause), 0);
	}
	b = make_bookmark("/papers/a.txt", 2, id, sizeof id);
	b.offset = 999;			/* same article: replaced, not added */
	assert_int_equal(bookmarks_add(&b, &cause), 0);
	assert_int_equal(bookmarks_remove("/papers/a.txt", "0000000000000004",
	    &cause), 0);
	assert_int_equal(bookmarks_remove("/papers/a.txt", "ffff", &cause), 0);
	assert_int_equal(bookmarks_load(&bms, &cause), 0);
	assert_int_equal(bms.n, 4);
	assert_non_null(bookmarks_find(&bms, "/papers/a.txt",
	    "0000000000000002"));
	assert_int_equal(bookmarks_find(&bms, "/papers/a.txt",
	    "0000000000000002")->offset, 999);
	assert_null(bookmarks_find(&bms, "/papers/a.txt", "0000000000000004"));
	/* Tabs and quotes in a headline survive the escaping. */
	assert_string_equal(bms.items[0].headline,
	    "让疫苗“多跑路”\t让老人“少跑腿”");
	assert_string_equal(bms.items[0].section, "第05版");
	assert_true(bms.items[0].added > 0);
	bookmarks_free(&bms);
}

/* statefile change used below: spoil the S/A of every bookmark but one. */
static int
spoil_numbers(struct statefile *sf, void *ctx, char **cause)
{
	static const char *const bad[] = { "0/1", "3/0", "3", "3/4x", "x/4",
	    "-1/2" };
	size_t i, k = 0;

	(void)ctx;
	(void)cause;
	for (i = 0; i < sf->nrecords; i++)
		if (strcmp(sf->records[i].type, "bookmark") == 0 &&
		    i > 0 && k < sizeof bad / sizeof bad[0])
			staterecord_set(&sf->records[i], "number", bad[k++]);
	return 1;
}

/*
 * S/A is kept with a bookmark and printed in all three formats; an
 * older bookmark without it, or a spoilt one, prints as not known.
 */
static void
test_sa_number(void **state)
{
	struct bookmarks bms;
	struct bookmark b;
	char id[20], *cause = NULL, *out, *path, *line2;
	size_t len, i;
	FILE *f;

	(void)state;
	/* The table pads by display width. */
	assert_int_equal(test_utf8_locale(NULL), 0);
	b = make_bookmark("/papers/a.txt", 1, id, sizeof id);
	b.sa_section = 5;
	b.sa_article = 12;
	assert_int_equal(bookmarks_add(&b, &cause), 0);
	b = make_bookmark("/papers/a.txt", 2, id, sizeof id);
	assert_int_equal(bookmarks_add(&b, &cause), 0);
	assert_int_equal(bookmarks_load(&bms, &cause), 0);
	assert_int_equal(bms.n, 2);
	assert_int_equal(bms.items[0].sa_section, 5);
	assert_int_equal(bms.items[0].sa_article, 12);
	assert_int_equal(bms.items[1].sa_section, 0);
	assert_int_equal(bms.items[1].sa_article, 0);
	bookmarks_free(&bms);

	f = open_memstream(&out, &len);
	assert_int_equal(bookmarks_print(f, BOOKMARKS_TABLE, 120, &cause), 2);
	fclose(f);
	line2 = strchr(out, '\n') + 1;
	assert_non_null(strstr(out, "第05版          5/12    让疫苗"));
	assert_non_null(strstr(line2, "第05版          -       让疫苗"));
	free(out);
	f = open_memstream(&out, &len);
	assert_int_equal(bookmarks_print(f, BOOKMARKS_TSV, 0, &cause), 2);
	fclose(f);
	assert_non_null(strstr(out, "\t1\t3\tmissing\t5/12\n"));
	assert_non_null(strstr(out, "\t2\t6\tmissing\t\n"));
	free(out);
	f = open_memstream(&out, &len);
	assert_int_equal(bookmarks_print(f, BOOKMARKS_JSON, 0, &cause), 2);
	fclose(f);
	line2 = strchr(out, '\n') + 1;
	assert_non_null(strstr(out,
	    "\"section_number\":5,\"article_number\":12}\n"));
	assert_null(strstr(line2, "_number"));
	free(out);

	/* Values that are not two numbers from 1 are not known. */
	for (i = 3; i < 9; i++) {
		b = make_bookmark("/papers/a.txt", (int)i, id, sizeof id);
		assert_int_equal(bookmarks_add(&b, &cause), 0);
	}
	path = bookmarks_path(&cause);
	assert_int_equal(statefile_update(path, "bookmarks", spoil_numbers,
	    NULL, &cause), 0);
	free(path);
	assert_int_equal(bookmarks_load(&bms, &cause), 0);
	assert_int_equal(bms.n, 8);
	assert_int_equal(bms.items[0].sa_section, 5);
	for (i = 1; i < bms.n; i++) {
		assert_int_equal(bms.items[i].sa_section, 0);
		assert_int_equal(bms.items[i].sa_article, 0);
	}
	bookmarks_free(&bms);
	setlocale(LC_CTYPE, "C");
}

/* Files are 0600 and folders 0700 whatever the umask. */
static void
test_permissions(void **state)
{
	struct bookmark b;
	struct stat st;
	char id[20], *cause = NULL, *path;
	mode_t old = umask(0);

	(void)state;
	b = make_bookmark("/e", 1, id, sizeof id);
	assert_int_equal(bookmarks_add(&b, &cause), 0);
	umask(old);
	path = bookmarks_path(&cause);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	*strrchr(path, '/') = '\0';
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0700);
	free(path);
}

/* A damaged file is reported with its line and never overwritten. */
static void
test_corrupt_kept(void **state)
{
	static const char *const bad[] = {
		"garbage\n",
		"kanbao-bookmarks 1\nbookmark\tedition=/e\tarticle=1\n",
		"kanbao-bookmarks 1\nbookmark\tedition=/e\nend\tcount=1\tcrc=00000000\n",
		"kanbao-bookmarks 1\nbookmark\tnovalue\nend\tcount=1\tcrc=0\n",
		"kanbao-bookmarks 1\nbookmark\tedition=/e\tarticle=1",
		"",
	};
	struct bookmarks bms;
	struct bookmark b;
	char id[20], *cause = NULL, *path, *after;
	size_t i, len;

	(void)state;
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		path = write_raw(bad[i]);
		assert_int_equal(bookmarks_load(&bms, &cause), -1);
		assert_non_null(strstr(cause, path));
		free(cause);
		cause = NULL;
		b = make_bookmark("/e", 1, id, sizeof id);
		assert_int_equal(bookmarks_add(&b, &cause), -1);
		free(cause);
		cause = NULL;
		after = test_read_file(path, &len);
		if (strcmp(after, bad[i]) != 0)
			fail_msg("case %zu: file changed to \"%s\"", i, after);
		free(after);
		free(path);
	}
}

/* statefile change used below: a record type and key with backslashes. */
static int
add_backslash(struct statefile *sf, void *ctx, char **cause)
{
	(void)ctx;
	(void)cause;
	staterecord_set(statefile_add(sf, "book\\mark"), "k\\ey", "v\\al");
	return 1;
}

/* statefile change used below: add future fields. */
static int
add_future(struct statefile *sf, void *ctx, char **cause)
{
	(void)ctx;
	(void)cause;
	staterecord_set(&sf->records[0], "colour", "red");
	staterecord_set(statefile_add(sf, "tag"), "name", "读后");
	return 1;
}

/* Unknown keys and record types stay through other changes. */
static void
test_future_fields(void **state)
{
	struct statefile sf;
	struct bookmark b;
	char id[20], *cause = NULL, *path;
	size_t i, tags = 0;

	(void)state;
	b = make_bookmark("/e", 1, id, sizeof id);
	assert_int_equal(bookmarks_add(&b, &cause), 0);
	path = bookmarks_path(&cause);
	assert_int_equal(statefile_update(path, "bookmarks", add_future, NULL,
	    &cause), 0);
	b = make_bookmark("/e", 1, id, sizeof id);
	b.offset = 7;
	assert_int_equal(bookmarks_add(&b, &cause), 0);
	b = make_bookmark("/e", 2, id, sizeof id);
	assert_int_equal(bookmarks_add(&b, &cause), 0);
	assert_int_equal(statefile_read(path, "bookmarks", &sf, &cause), 0);
	assert_string_equal(staterecord_get(&sf.records[0], "colour"), "red");
	assert_string_equal(staterecord_get(&sf.records[0], "offset"), "7");
	for (i = 0; i < sf.nrecords; i++)
		if (strcmp(sf.records[i].type, "tag") == 0) {
			tags++;
			assert_string_equal(staterecord_get(&sf.records[i],
			    "name"), "读后");
		}
	assert_int_equal(tags, 1);
	statefile_clear(&sf);
	free(path);
}

/* statefile change used below: change nothing, but write. */
static int
rewrite_only(struct statefile *sf, void *ctx, char **cause)
{
	(void)sf;
	(void)ctx;
	(void)cause;
	return 1;
}

/*
 * A record type holding a backslash survives rewrites unchanged (it was
 * escaped on write but read raw, growing each time), and a NUL byte makes
 * the file invalid instead of parsing into a record that cannot be
 * written back.
 */
static void
test_escaped_type_and_nul(void **state)
{
	static const char nul[] = "kanbao-bookmarks 1\nbook\0mark\tk=v\n";
	struct statefile sf;
	struct staterecord *r;
	char *cause = NULL, *path = bookmarks_path(&cause);
	int i;

	(void)state;
	for (i = 0; i < 3; i++) {
		assert_int_equal(statefile_update(path, "bookmarks",
		    i == 0 ? add_backslash : rewrite_only, NULL, &cause), 0);
		assert_int_equal(statefile_read(path, "bookmarks", &sf, &cause),
		    0);
		r = &sf.records[0];
		assert_string_equal(r->type, "book\\mark");
		assert_string_equal(staterecord_get(r, "k\\ey"), "v\\al");
		statefile_clear(&sf);
	}
	assert_int_equal(statefile_parse(nul, sizeof nul - 1, "bookmarks", &sf,
	    &cause), -1);
	assert_non_null(strstr(cause, "NUL"));
	free(cause);
	free(path);
}

/* A file from a newer format version is refused, not overwritten. */
static void
test_newer_version(void **state)
{
	struct bookmarks bms;
	struct bookmark b;
	char id[20], *cause = NULL, *path;

	(void)state;
	path = write_raw("kanbao-bookmarks 99\nend\tcount=0\tcrc=0\n");
	assert_int_equal(bookmarks_load(&bms, &cause), -1);
	assert_non_null(strstr(cause, "newer kanbao"));
	free(cause);
	cause = NULL;
	b = make_bookmark("/e", 1, id, sizeof id);
	assert_int_equal(bookmarks_add(&b, &cause), -1);
	free(cause);
	free(path);
}

/* Disk full at fsync: an error, and the previous file stays intact. */
static void
test_disk_full(void **state)
{
	struct bookmarks bms;
	struct bookmark b;
	char id[20], *cause = NULL;

	(void)state;
	b = make_bookmark("/e", 1, id, sizeof id);
	assert_int_equal(bookmarks_add(&b, &cause), 0);
	fail_fsync = 1;
	b = make_bookmark("/e", 2, id, sizeof id);
	assert_int_equal(bookmarks_add(&b, &cause), -1);
	fail_fsync = 0;
	assert_non_null(strstr(cause, "previous version is kept"));
	free(cause);
	cause = NULL;
	assert_int_equal(bookmarks_load(&bms, &cause), 0);
	assert_int_equal(bms.n, 1);
	bookmarks_free(&bms);
}

/* A symbolic link in place of the file is refused. */
static void
test_symlink_refused(void **state)
{
	struct bookmarks bms;
	char *cause = NULL, *path = write_raw("x");

	(void)state;
	unlink(path);
	assert_int_equal(symlink("/etc/passwd", path), 0);
	assert_int_equal(bookmarks_load(&bms, &cause), -1);
	assert_non_null(strstr(cause, "symbolic link"));
	free(cause);
	free(path);
}

/* Relative XDG folders are ignored; HOME is used instead. */
static void
test_xdg_relative(void **state)
{
	char *cause = NULL, *p;

	(void)state;
	setenv("XDG_DATA_HOME", "relative/dir", 1);
	setenv("HOME", "/home/reader", 1);
	p = bookmarks_path(&cause);
	assert_string_equal(p, "/home/reader/.local/share/kanbao/bookmarks");
	free(p);
	setenv("XDG_STATE_HOME", "", 1);
	p = positions_path(&cause);
	assert_string_equal(p, "/home/reader/.local/state/kanbao/positions");
	free(p);
	unsetenv("HOME");
	assert_null(bookmarks_path(&cause));
	assert_non_null(cause);
	free(cause);
}

/*
 * Two processes adding 200 bookmarks each at once end with all 400.  Each
 * pauses 2 ms between adds, as even the fastest hand does: a writer in a
 * tight loop holds the lock all but microseconds and a waiter that polls
 * cannot get it (kanbao never writes in such a loop).
 */
static void
test_concurrent_writers(void **state)
{
	struct bookmarks bms;
	char *cause = NULL;
	pid_t pids[2];
	int i, k, status;

	(void)state;
	for (k = 0; k < 2; k++) {
		pids[k] = fork();
		assert_true(pids[k] >= 0);
		if (pids[k] == 0) {
			for (i = 0; i < 200; i++) {
				struct bookmark b;
				char id[20], *why = NULL;

				struct timespec ts = { 0, 2000000L };

				b = make_bookmark(k == 0 ? "/e1" : "/e2", i, id,
				    sizeof id);
				if (bookmarks_add(&b, &why) != 0) {
					fprintf(stderr, "child: %s\n", why);
					_exit(1);
				}
				nanosleep(&ts, NULL);
			}
			_exit(0);
		}
	}
	for (k = 0; k < 2; k++) {
		assert_int_equal(waitpid(pids[k], &status, 0), pids[k]);
		assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	}
	assert_int_equal(bookmarks_load(&bms, &cause), 0);
	assert_int_equal(bms.n, 400);
	bookmarks_free(&bms);
}

/*
 * A writer killed with SIGKILL at random moments leaves a file that parses
 * and holds a prefix of what it added: never a torn or empty file.
 */
static void
test_sigkill_safe(void **state)
{
	struct bookmarks bms;
	char *cause = NULL;
	size_t last = 0;
	int round, status;

	(void)state;
	srand(12345);
	for (round = 0; round < 30; round++) {
		struct timespec ts;
		pid_t pid;
		int fds[2];
		char c;

		/*
		 * The child says when its first bookmark is in: the kill
		 * comes at a random moment after that, so a slow machine
		 * (valgrind, a loaded CI) still kills it while it writes.
		 */
		assert_int_equal(pipe(fds), 0);
		pid = fork();
		assert_true(pid >= 0);
		if (pid == 0) {
			int i;

			close(fds[0]);
			for (i = 0; ; i++) {
				struct bookmark b;
				char id[20], *why = NULL;

				b = make_bookmark("/k", round * 100000 + i, id,
				    sizeof id);
				if (bookmarks_add(&b, &why) != 0)
					_exit(1);
				if (i == 0 && (write(fds[1], "x", 1) != 1 ||
				    close(fds[1]) != 0))
					_exit(1);
			}
		}
		close(fds[1]);
		assert_int_equal(read(fds[0], &c, 1), 1);
		close(fds[0]);
		ts.tv_sec = 0;
		ts.tv_nsec = 1000000L + (rand() % 20) * 1000000L;
		nanosleep(&ts, NULL);
		kill(pid, SIGKILL);
		assert_int_equal(waitpid(pid, &status, 0), pid);
		assert_true(WIFSIGNALED(status));
		if (bookmarks_load(&bms, &cause) != 0)
			fail_msg("round %d: %s", round, cause);
		/* Bookmarks only grow: the file is the old one or newer. */
		assert_true(bms.n >= last);
		last = bms.n;
		bookmarks_free(&bms);
	}
	assert_true(last > 0);
}

/* Positions are saved per edition, replaced, and bounded in number. */
static void
test_positions(void **state)
{
	struct position p, got;
	char *cause = NULL, ed[32];
	int i;

	(void)state;
	assert_int_equal(position_load("/e", &got, &cause), 0);
	memset(&p, 0, sizeof p);
	p.edition = (char *)"/e";
	p.section = 3;
	p.article = (char *)"abcdef0123456789";
	p.block = 4;
	p.offset = 12;
	assert_int_equal(position_save(&p, &cause), 0);
	p.block = 5;
	assert_int_equal(position_save(&p, &cause), 0);
	assert_int_equal(position_load("/e", &got, &cause), 1);
	assert_int_equal(got.section, 3);
	assert_int_equal(got.block, 5);
	assert_int_equal(got.offset, 12);
	assert_string_equal(got.article, "abcdef0123456789");
	position_free(&got);
	for (i = 0; i < 510; i++) {
		snprintf(ed, sizeof ed, "/other/%d", i);
		p.edition = ed;
		p.article = NULL;
		assert_int_equal(position_save(&p, &cause), 0);
	}
	/* The oldest (/e) was forgotten; the newest is kept. */
	assert_int_equal(position_load("/e", &got, &cause), 0);
	assert_int_equal(position_load("/other/509", &got, &cause), 1);
	assert_null(got.article);
	position_free(&got);
}

/* Read marks persist per edition, unmark, and survive position saves. */
static void
test_read_marks(void **state)
{
	struct readset rs;
	struct position p;
	char *cause = NULL;

	(void)state;
	assert_int_equal(readset_load("/e", &rs, &cause), 0);
	assert_int_equal(rs.n, 0);
	assert_int_equal(readset_mark("/e", "00000000000000bb", true, &cause),
	    0);
	assert_int_equal(readset_mark("/e", "00000000000000aa", true, &cause),
	    0);
	assert_int_equal(readset_mark("/e", "00000000000000aa", true, &cause),
	    0);
	assert_int_equal(readset_mark("/f", "00000000000000cc", true, &cause),
	    0);
	/* A position save of the same edition leaves the marks alone. */
	memset(&p, 0, sizeof p);
	p.edition = (char *)"/e";
	p.article = (char *)"00000000000000aa";
	assert_int_equal(position_save(&p, &cause), 0);
	assert_int_equal(readset_load("/e", &rs, &cause), 0);
	assert_int_equal(rs.n, 2);
	assert_string_equal(rs.ids[0], "00000000000000aa");	/* sorted */
	assert_string_equal(rs.ids[1], "00000000000000bb");
	assert_true(readset_has(&rs, "00000000000000bb"));
	assert_false(readset_has(&rs, "00000000000000cc"));
	readset_free(&rs);
	/* Unread again; the other edition keeps its mark. */
	assert_int_equal(readset_mark("/e", "00000000000000aa", false, &cause),
	    0);
	assert_int_equal(readset_load("/e", &rs, &cause), 0);
	assert_int_equal(rs.n, 1);
	assert_string_equal(rs.ids[0], "00000000000000bb");
	readset_free(&rs);
	assert_int_equal(readset_load("/f", &rs, &cause), 0);
	assert_int_equal(rs.n, 1);
	readset_free(&rs);
}

/* In-memory sets stay sorted and free of duplicates. */
static void
test_readset_memory(void **state)
{
	static const char *const ids[] = { "d", "b", "a", "c", "b" };
	struct readset rs = { NULL, 0 };
	size_t i;

	(void)state;
	for (i = 0; i < sizeof ids / sizeof ids[0]; i++)
		readset_set(&rs, ids[i], true);
	assert_int_equal(rs.n, 4);
	for (i = 0; i < rs.n; i++)
		assert_int_equal(rs.ids[i][0], (int)('a' + i));
	readset_set(&rs, "a", false);
	readset_set(&rs, "x", false);
	assert_int_equal(rs.n, 3);
	assert_string_equal(rs.ids[0], "b");
	readset_free(&rs);
	assert_int_equal(rs.n, 0);
}

/* Two processes marking 100 articles each at once end with all 200. */
static void
test_read_concurrent(void **state)
{
	struct readset rs;
	char *cause = NULL;
	pid_t pids[2];
	int i, k, status;

	(void)state;
	for (k = 0; k < 2; k++) {
		pids[k] = fork();
		assert_true(pids[k] >= 0);
		if (pids[k] == 0) {
			for (i = 0; i < 100; i++) {
				char id[20], *why = NULL;

				snprintf(id, sizeof id, "%016x", k * 1000 + i);
				if (readset_mark("/e", id, true, &why) != 0)
					_exit(1);
			}
			_exit(0);
		}
	}
	for (k = 0; k < 2; k++) {
		assert_int_equal(waitpid(pids[k], &status, 0), pids[k]);
		assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	}
	assert_int_equal(readset_load("/e", &rs, &cause), 0);
	assert_int_equal(rs.n, 200);
	readset_free(&rs);
}

/* The last edition read is the one whose position was saved last. */
static void
test_position_last(void **state)
{
	struct position p;
	char *cause = NULL, *ed = NULL;

	(void)state;
	assert_int_equal(position_last(&ed, &cause), 0);
	assert_null(ed);
	memset(&p, 0, sizeof p);
	p.edition = (char *)"/one";
	assert_int_equal(position_save(&p, &cause), 0);
	p.edition = (char *)"/two";
	assert_int_equal(position_save(&p, &cause), 0);
	/* A read mark written after does not count as reading an edition. */
	assert_int_equal(readset_mark("/three", "0000000000000001", true,
	    &cause), 0);
	assert_int_equal(position_last(&ed, &cause), 1);
	assert_string_equal(ed, "/two");
	free(ed);
	p.edition = (char *)"/one";
	assert_int_equal(position_save(&p, &cause), 0);
	assert_int_equal(position_last(&ed, &cause), 1);
	assert_string_equal(ed, "/one");
	free(ed);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_roundtrip, setup_home,
		    teardown_home),
		cmocka_unit_test_setup_teardown(test_permissions, setup_home,
		    teardown_home),
		cmocka_unit_test_setup_teardown(test_corrupt_kept, setup_home,
		    teardown_home),
		cmocka_unit_test_setup_teardown(test_future_fields, setup_home,
		    teardown_home),
		cmocka_unit_test_setup_teardown(test_newer_version, setup_home,
		    teardown_home),
		cmocka_unit_test_setup_teardown(test_escaped_type_and_nul,
		    setup_home, teardown_home),
		cmocka_unit_test_setup_teardown(test_disk_full, setup_home,
		    teardown_home),
		cmocka_unit_test_setup_teardown(test_symlink_refused,
		    setup_home, teardown_home),
		cmocka_unit_test_setup_teardown(test_xdg_relative, setup_home,
		    teardown_home),
		cmocka_unit_test_setup_teardown(test_concurrent_writers,
		    setup_home, teardown_home),
		cmocka_unit_test_setup_teardown(test_sigkill_safe, setup_home,
		    teardown_home),
		cmocka_unit_test_setup_teardown(test_positions, setup_home,
		    teardown_home),
		cmocka_unit_test_setup_teardown(test_read_marks, setup_home,
		    teardown_home),
		cmocka_unit_test(test_readset_memory),
		cmocka_unit_test_setup_teardown(test_read_concurrent,
		    setup_home, teardown_home),
		cmocka_unit_test_setup_teardown(test_position_last, setup_home,
		    teardown_home),
		cmocka_unit_test_setup_teardown(test_sa_number, setup_home,
		    teardown_home),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
