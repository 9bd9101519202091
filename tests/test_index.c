/*
 * test_index.c - the full-text index: identical to linear search on random
 * queries, incremental updates, damaged files.
 *
 * The editions are the real page texts of tests/data/pages and the sample,
 * one edition per file.  The property test draws queries from their text
 * (1 to 6 characters, two-word ANDs, and near misses) with a fixed seed,
 * runs each through the index and through search_edition() on every
 * loaded edition, and compares the articles and every hit.  Index files
 * live in a fresh temporary folder per test.
 */
#include "config.h"

#include "common.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "edition.h"
#include "index.h"
#include "load.h"
#include "search.h"
#include "text.h"
#include "xalloc.h"

#include <sqlite3.h>

#define PROPERTY_QUERIES	400	/* random queries compared; under
					   valgrind KANBAO_PROPERTY_QUERIES
					   sets fewer */
#define PROPERTY_SEED		20261203u

/* One match, from either side, for comparing. */
struct found {
	char			*path;
	size_t			 section;
	size_t			 article;
	struct search_hit	*hits;
	size_t			 nhits;
};

/* A list of matches. */
struct foundvec {
	struct found	*v;
	size_t		 n;
	size_t		 cap;
};

/* The corpus: loaded editions and their canonical paths. */
struct corpus {
	char		*dir;		/* temporary folder of the test */
	char		*ixpath;
	char		**paths;
	struct edition	**eds;
	struct search_index **sidx;	/* one per edition, for linear() */
	size_t		 n;
};

/* A small deterministic PRNG (xorshift32), so failures reproduce. */
static uint32_t
rnd32(uint32_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 17;
	*s ^= *s << 5;
	return *s;
}

/* Append a match to a list (the hits are copied). */
static void
found_add(struct foundvec *fv, const char *path, size_t section,
    size_t article, const struct search_hit *hits, size_t nhits)
{
	struct found *f;

	if (fv->n == fv->cap) {
		fv->cap = fv->cap == 0 ? 64 : fv->cap * 2;
		fv->v = xreallocarray(fv->v, fv->cap, sizeof *fv->v);
	}
	f = &fv->v[fv->n++];
	f->path = xstrdup(path);
	f->section = section;
	f->article = article;
	f->nhits = nhits;
	f->hits = xreallocarray(NULL, nhits + 1, sizeof *hits);
	if (nhits > 0)
		memcpy(f->hits, hits, nhits * sizeof *hits);
}

/* Free a list of matches. */
static void
found_free(struct foundvec *fv)
{
	size_t i;

	for (i = 0; i < fv->n; i++) {
		free(fv->v[i].path);
		free(fv->v[i].hits);
	}
	free(fv->v);
	memset(fv, 0, sizeof *fv);
}

/* Order matches by path, section, article. */
static int
found_cmp(const void *a, const void *b)
{
	const struct found *x = a, *y = b;
	int c = strcmp(x->path, y->path);

	if (c != 0)
		return c;
	if (x->section != y->section)
		return x->section < y->section ? -1 : 1;
	return x->article < y->article ? -1 : x->article > y->article;
}

/* index_search() callback: collect. */
static bool
collect(void *ctx, const struct index_match *m)
{
	found_add(ctx, m->path, m->section, m->article, m->hits, m->nhits);
	return true;
}

/* Make a fresh temporary folder; caller frees. */
static char *
make_tmpdir(void)
{
	const char *t = getenv("TMPDIR");
	char *d = xasprintf("%s/kanbao-index.XXXXXX", t != NULL && *t == '/' ?
	    t : "/tmp");

	assert_non_null(mkdtemp(d));
	return d;
}

/* Remove a folder tree made by a test (two levels are enough here). */
static void
remove_tree(const char *dir)
{
	assert_int_equal(test_remove_tree(dir), 0);
}

/* Whether name ends with ".txt". */
static bool
is_txt(const char *name)
{
	size_t n = strlen(name);

	return n > 4 && strcmp(name + n - 4, ".txt") == 0;
}

/* Add the .txt files of dir to the corpus. */
static void
corpus_add_dir(struct corpus *c, const char *dir)
{
	struct load_options lo = { NULL, false, NULL, NULL, NULL };
	struct dirent *de;
	char *p, *cause = NULL;
	DIR *d = opendir(dir);

	assert_non_null(d);
	while ((de = readdir(d)) != NULL) {
		if (!is_txt(de->d_name))
			continue;
		p = xasprintf("%s/%s", dir, de->d_name);
		c->paths = xreallocarray(c->paths, c->n + 1, sizeof *c->paths);
		c->eds = xreallocarray(c->eds, c->n + 1, sizeof *c->eds);
		c->paths[c->n] = realpath(p, NULL);
		c->eds[c->n] = load_paths(&p, 1, &lo, &cause);
		if (c->eds[c->n] == NULL)
			fail_msg("%s: %s", p, cause);
		c->n++;
		free(p);
	}
	closedir(d);
}

/* Load the corpus and index it into a fresh index. */
static int
corpus_setup(void **state)
{
	struct corpus *c = xcalloc(1, sizeof *c);
	struct index_source *src;
	struct index_update_options uo = { NULL, NULL, NULL };
	struct index_stats st;
	struct index *ix;
	char *cause = NULL;
	size_t i;

	test_utf8_locale(NULL);
	c->dir = make_tmpdir();
	c->ixpath = xasprintf("%s/index.sqlite", c->dir);
	corpus_add_dir(c, TEST_DATA_DIR "/pages/held");
	corpus_add_dir(c, TEST_DATA_DIR "/pages/tune");
	corpus_add_dir(c, TEST_SAMPLES_DIR);
	assert_true(c->n > 10);
	c->sidx = xcalloc(c->n, sizeof *c->sidx);
	for (i = 0; i < c->n; i++)
		c->sidx[i] = search_index_new(c->eds[i]);
	src = xcalloc(c->n, sizeof *src);
	for (i = 0; i < c->n; i++)
		src[i].path = c->paths[i];
	ix = index_open(c->ixpath, &cause);
	assert_non_null(ix);
	assert_int_equal(index_update(ix, NULL, src, c->n, &uo, &st, &cause),
	    0);
	assert_int_equal(st.indexed, c->n);
	index_close(ix);
	free(src);
	*state = c;
	return 0;
}

/* Free the corpus and its folder. */
static int
corpus_teardown(void **state)
{
	struct corpus *c = *state;
	size_t i;

	for (i = 0; i < c->n; i++) {
		search_index_free(c->sidx[i]);
		edition_free(c->eds[i]);
		free(c->paths[i]);
	}
	free(c->eds);
	free(c->sidx);
	free(c->paths);
	remove_tree(c->dir);
	free(c->dir);
	free(c->ixpath);
	free(c);
	return 0;
}

/* A random piece of 1 to maxcp code points of a random block. */
static char *
draw_piece(const struct corpus *c, uint32_t *seed, size_t maxcp)
{
	const struct edition *ed;
	const struct section *s;
	const struct article *a;
	const char *t;
	size_t len, start, end, k, want;
	uint32_t cp;

	for (;;) {
		ed = c->eds[rnd32(seed) % c->n];
		if (ed->nsections == 0)
			continue;
		s = ed->sections[rnd32(seed) % ed->nsections];
		if (s->narticles == 0)
			continue;
		a = s->articles[rnd32(seed) % s->narticles];
		if (a->nblocks == 0)
			continue;
		t = a->blocks[rnd32(seed) % a->nblocks].text;
		if ((len = strlen(t)) == 0)
			continue;
		start = rnd32(seed) % len;
		while (start > 0 && ((unsigned char)t[start] & 0xC0) == 0x80)
			start--;
		want = 1 + rnd32(seed) % maxcp;
		for (end = start, k = 0; k < want && end < len; k++)
			end += utf8_decode(t + end, len - end, &cp);
		return xstrndup(t + start, end - start);
	}
}

/* Search every loaded edition for query, the linear way. */
static void
linear(const struct corpus *c, const struct search_query *q,
    struct foundvec *fv)
{
	struct search_results *r;
	size_t i, j;

	for (i = 0; i < c->n; i++) {
		r = search_edition(c->sidx[i], q);
		for (j = 0; j < r->nmatches; j++)
			found_add(fv, c->paths[i], r->matches[j].section,
			    r->matches[j].article, r->matches[j].hits,
			    r->matches[j].nhits);
		search_results_free(r);
	}
}

/* Compare the two result lists; fail with the query when they differ. */
static void
compare(const char *query, struct foundvec *lin, struct foundvec *idx)
{
	const struct search_hit *x, *y;
	size_t i, j;

	if (lin->n > 0)
		qsort(lin->v, lin->n, sizeof *lin->v, found_cmp);
	if (idx->n > 0)
		qsort(idx->v, idx->n, sizeof *idx->v, found_cmp);
	if (lin->n != idx->n)
		fail_msg("query '%s': linear search finds %zu articles, the "
		    "index %zu", query, lin->n, idx->n);
	for (i = 0; i < lin->n; i++) {
		if (found_cmp(&lin->v[i], &idx->v[i]) != 0)
			fail_msg("query '%s': match %zu is %s %zu/%zu "
			    "linearly, %s %zu/%zu by the index", query, i,
			    lin->v[i].path, lin->v[i].section,
			    lin->v[i].article, idx->v[i].path,
			    idx->v[i].section, idx->v[i].article);
		if (lin->v[i].nhits != idx->v[i].nhits)
			fail_msg("query '%s': %zu hits linearly, %zu by the "
			    "index", query, lin->v[i].nhits, idx->v[i].nhits);
		for (j = 0; j < lin->v[i].nhits; j++) {
			x = &lin->v[i].hits[j];
			y = &idx->v[i].hits[j];
			if (x->field != y->field || x->index != y->index ||
			    x->start != y->start || x->end != y->end)
				fail_msg("query '%s': hit %zu is %d.%zu "
				    "[%zu,%zu) linearly, %d.%zu [%zu,%zu) by "
				    "the index", query, j, (int)x->field,
				    x->index, x->start, x->end, (int)y->field,
				    y->index, y->start, y->end);
		}
	}
}

/*
 * The index finds exactly what linear search finds, hits included, for
 * random queries drawn from the corpus: 1-6 characters, two-word ANDs,
 * and pieces with a character added (mostly absent).
 */
static void
test_index_same_as_linear(void **state)
{
	struct corpus *c = *state;
	struct foundvec lin = { NULL, 0, 0 }, idx = { NULL, 0, 0 };
	struct search_query *q;
	struct index *ix;
	uint32_t seed = PROPERTY_SEED;
	char *query, *a, *b, *cause = NULL;
	size_t i, nonempty = 0, compared = 0, nq = PROPERTY_QUERIES;
	const char *env = getenv("KANBAO_PROPERTY_QUERIES");
	int n;

	if (env != NULL && atoi(env) > 0)
		nq = (size_t)atoi(env);
	ix = index_open(c->ixpath, &cause);
	assert_non_null(ix);
	for (i = 0; i < nq; i++) {
		switch (i % 4) {
		case 0:
		case 1:
			query = draw_piece(c, &seed, 6);
			break;
		case 2:
			a = draw_piece(c, &seed, 3);
			b = draw_piece(c, &seed, 4);
			query = xasprintf("%s %s", a, b);
			free(a);
			free(b);
			break;
		default:
			a = draw_piece(c, &seed, 4);
			query = xasprintf("%s%s", a, i % 8 == 3 ? "鑫" : "a");
			free(a);
			break;
		}
		if ((q = search_compile(query, &cause)) == NULL) {
			/* Punctuation only: refused by both alike. */
			free(cause);
			cause = NULL;
			free(query);
			continue;
		}
		linear(c, q, &lin);
		n = index_search(ix, q, NULL, collect, &idx, &cause);
		if (n < 0)
			fail_msg("query '%s': index_search: %d %s", query, n,
			    cause != NULL ? cause : "");
		assert_int_equal((size_t)n, idx.n);
		compare(query, &lin, &idx);
		compared++;
		if (lin.n > 0)
			nonempty++;
		found_free(&lin);
		found_free(&idx);
		search_query_free(q);
		free(query);
	}
	index_close(ix);
	/* The draw must exercise both outcomes, or it proves little. */
	assert_true(compared > nq * 3 / 4);
	assert_true(nonempty > compared / 2);
	assert_true(nonempty < compared);
}

/* Count the matches of query in the index at ixpath (filter f). */
static int
count(const char *ixpath, const char *query, const struct index_filter *f)
{
	struct foundvec fv = { NULL, 0, 0 };
	struct search_query *q;
	struct index *ix;
	char *cause = NULL;
	int n;

	q = search_compile(query, &cause);
	assert_non_null(q);
	ix = index_open(ixpath, &cause);
	assert_non_null(ix);
	n = index_search(ix, q, f, collect, &fv, &cause);
	assert_true(n >= 0);
	index_close(ix);
	search_query_free(q);
	found_free(&fv);
	return n;
}

/* Filters choose editions by paper and date. */
static void
test_index_filters(void **state)
{
	struct corpus *c = *state;
	struct index_filter f = { NULL, NULL, NULL, NULL, false };
	int all = count(c->ixpath, "社区", &f);

	assert_true(all > 0);
	f.since = "2999-01-01";
	assert_int_equal(count(c->ixpath, "社区", &f), 0);
	f.since = NULL;
	f.paper = "no such paper";
	assert_int_equal(count(c->ixpath, "社区", &f), 0);
	f.paper = NULL;
	f.root = TEST_SAMPLES_DIR;
	assert_true(count(c->ixpath, "社区", &f) > 0);
	assert_true(count(c->ixpath, "社区", &f) < all);
}

/* Write text to path (replacing it). */
static void
put_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	assert_non_null(f);
	fputs(text, f);
	assert_int_equal(fclose(f), 0);
}

/* Update the index at ixpath with the editions under root. */
static void
update(const char *ixpath, const char *root, char **eds, size_t n,
    struct index_stats *st)
{
	struct index_update_options uo = { NULL, NULL, NULL };
	struct index_source src[8];
	struct index *ix;
	char *cause = NULL;
	size_t i;

	for (i = 0; i < n; i++) {
		src[i].path = eds[i];
		src[i].paper = "测试报";
		src[i].date = "2026-01-01";
	}
	ix = index_open(ixpath, &cause);
	assert_non_null(ix);
	assert_int_equal(index_update(ix, root, src, n, &uo, st, &cause), 0);
	index_close(ix);
}

/*
 * Incremental updates: unchanged editions are not read again, a touched
 * file with the same contents is not reindexed, a changed one is, a
 * deleted edition leaves the index.
 */
static void
test_index_incremental(void **state)
{
	char *dir = make_tmpdir(), *ix = xasprintf("%s/ix.sqlite", dir);
	char *eds[3], *file[3];
	struct index_stats st;
	struct timespec ts[2];
	size_t i;

	(void)state;
	for (i = 0; i < 3; i++) {
		eds[i] = xasprintf("%s/2026-01-0%zu", dir, i + 1);
		assert_int_equal(mkdir(eds[i], 0700), 0);
		file[i] = xasprintf("%s/page.txt", eds[i]);
	}
	put_file(file[0], "第一篇\n\n蝴蝶湖公园今天开放。\n");
	put_file(file[1], "第二篇\n\n春运开始了，旅客很多。\n");
	put_file(file[2], "第三篇\n\n图书馆延长开放时间。\n");
	update(ix, dir, eds, 3, &st);
	assert_int_equal(st.indexed, 3);
	assert_int_equal(count(ix, "春运", NULL), 1);

	update(ix, dir, eds, 3, &st);
	assert_int_equal(st.indexed, 0);
	assert_int_equal(st.unchanged, 3);

	/* Touch: a new mtime, the same bytes. */
	ts[0].tv_sec = ts[1].tv_sec = 1000000000;
	ts[0].tv_nsec = ts[1].tv_nsec = 0;
	assert_int_equal(utimensat(AT_FDCWD, file[0], ts, 0), 0);
	update(ix, dir, eds, 3, &st);
	assert_int_equal(st.indexed, 0);
	assert_int_equal(st.unchanged, 3);

	/* Modify: the old words go, the new ones come. */
	put_file(file[1], "第二篇\n\n暴雪来临，航班取消。\n");
	update(ix, dir, eds, 3, &st);
	assert_int_equal(st.indexed, 1);
	assert_int_equal(count(ix, "春运", NULL), 0);
	assert_int_equal(count(ix, "航班", NULL), 1);
	assert_int_equal(count(ix, "暴", NULL), 1);

	/* Delete: the edition leaves the index. */
	assert_int_equal(unlink(file[2]), 0);
	assert_int_equal(rmdir(eds[2]), 0);
	update(ix, dir, eds, 2, &st);
	assert_int_equal(st.removed, 1);
	assert_int_equal(count(ix, "图书馆", NULL), 0);
	assert_int_equal(count(ix, "开放", NULL), 1);

	for (i = 0; i < 3; i++) {
		free(eds[i]);
		free(file[i]);
	}
	remove_tree(dir);
	free(dir);
	free(ix);
}

/* Overwrite len bytes of path at off with garbage (off < 0: the end). */
static void
garble(const char *path, long off, size_t len)
{
	FILE *f = fopen(path, "r+b");
	size_t i;

	assert_non_null(f);
	assert_int_equal(fseek(f, off, off < 0 ? SEEK_END : SEEK_SET), 0);
	for (i = 0; i < len; i++)
		fputc((int)((i * 131 + 7) & 0xff), f);
	assert_int_equal(fclose(f), 0);
}

/*
 * A damaged index is a cache miss, not an error: garbage over the header
 * makes index_open() start afresh; garbage over the pages makes an
 * operation return INDEX_CORRUPT (or pass), and index_reset() recovers.
 */
static void
test_index_corrupt(void **state)
{
	struct corpus *c = *state;
	char *copy = xasprintf("%s/damaged.sqlite", c->dir), *cmd, *cause = NULL;
	struct index_update_options uo = { NULL, NULL, NULL };
	struct index_source *src = xcalloc(c->n, sizeof *src);
	struct index_stats st;
	struct search_query *q;
	struct foundvec fv = { NULL, 0, 0 };
	struct index *ix;
	int want = count(c->ixpath, "社区", NULL), n, rc;
	size_t i;

	for (i = 0; i < c->n; i++)
		src[i].path = c->paths[i];
	q = search_compile("社区", &cause);

	/* Garbage over the whole header. */
	cmd = xasprintf("cp '%s' '%s'", c->ixpath, copy);
	assert_int_equal(system(cmd), 0);
	garble(copy, 0, 4096);
	ix = index_open(copy, &cause);
	assert_non_null(ix);
	assert_int_equal(index_search(ix, q, NULL, collect, &fv, &cause), 0);
	assert_int_equal(index_update(ix, NULL, src, c->n, &uo, &st, &cause),
	    0);
	assert_int_equal(st.indexed, c->n);
	found_free(&fv);
	assert_int_equal(index_search(ix, q, NULL, collect, &fv, &cause), want);
	found_free(&fv);
	index_close(ix);

	/* Garbage over pages in the middle and at the end. */
	assert_int_equal(system(cmd), 0);
	garble(copy, 8192, 20000);
	garble(copy, -6000, 5000);
	ix = index_open(copy, &cause);
	assert_non_null(ix);
	rc = index_update(ix, NULL, src, c->n, &uo, &st, &cause);
	if (rc == 0)
		rc = index_search(ix, q, NULL, collect, &fv, &cause);
	found_free(&fv);
	assert_true(rc >= 0 || rc == INDEX_CORRUPT);
	/* Whatever it said, a reset and an update give the right answer. */
	assert_int_equal(index_reset(ix, &cause), 0);
	assert_int_equal(index_update(ix, NULL, src, c->n, &uo, &st, &cause),
	    0);
	n = index_search(ix, q, NULL, collect, &fv, &cause);
	assert_int_equal(n, want);
	found_free(&fv);
	index_close(ix);

	search_query_free(q);
	free(src);
	free(cmd);
	free(copy);
}

/* Run one SQL statement on an index file (to age or damage it). */
static void
sql_on(const char *path, const char *sql)
{
	sqlite3 *db;

	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	if (sqlite3_exec(db, sql, NULL, NULL, NULL) != SQLITE_OK)
		fail_msg("%s: %s", sql, sqlite3_errmsg(db));
	sqlite3_close(db);
}

/* How many editions an index file holds. */
static size_t
editions_in(const char *path)
{
	sqlite3 *db;
	sqlite3_stmt *st;
	size_t n;

	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, "SELECT count(*) FROM edition",
	    -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	n = (size_t)sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(db);
	return n;
}

/* The Traditional to Simplified table meta keeps, as bytes, and the
   stamp kept with it; caller frees both. */
static char *
kept_table(const char *path, size_t *len, char **stamp)
{
	sqlite3 *db;
	sqlite3_stmt *st;
	char *t;

	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, "SELECT (SELECT v FROM meta "
	    "WHERE k = 't2s'), (SELECT v FROM meta WHERE k = 'opencc')", -1,
	    &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_int_equal(sqlite3_column_type(st, 0), SQLITE_BLOB);
	*len = (size_t)sqlite3_column_bytes(st, 0);
	t = xmalloc(*len + 1);
	if (*len > 0)
		memcpy(t, sqlite3_column_blob(st, 0), *len);
	*stamp = xstrdup((const char *)sqlite3_column_text(st, 1));
	sqlite3_finalize(st);
	sqlite3_close(db);
	return t;
}

/* Search a copy of the corpus index for query and compare with linear
   search. */
static void
same_as_linear(const struct corpus *c, const char *path, const char *query)
{
	struct foundvec lin = { NULL, 0, 0 }, fv = { NULL, 0, 0 };
	struct search_query *q;
	struct index *ix;
	char *cause = NULL;

	q = search_compile(query, &cause);
	assert_non_null(q);
	ix = index_open(path, &cause);
	assert_non_null(ix);
	assert_true(index_search(ix, q, NULL, collect, &fv, &cause) >= 0);
	index_close(ix);
	linear(c, q, &lin);
	assert_true(lin.n > 0);
	compare(query, &lin, &fv);
	found_free(&fv);
	found_free(&lin);
	search_query_free(q);
}

/*
 * The index keeps the folding table with the stamp of OpenCC's files,
 * so a search need not open OpenCC.  A stale stamp (OpenCC's files
 * changed) makes it fold with OpenCC's table and keep the stamp anew; a
 * kept table that is not the one the index was made with is not used.
 * Either way the results stay those of linear search, and the editions
 * stay indexed.
 */
static void
test_index_kept_variants(void **state)
{
	struct corpus *c = *state;
	struct search_index *fresh = search_index_new(NULL);
	char *copy = xasprintf("%s/kept.sqlite", c->dir), *cmd, *t, *want;
	char *stamp, *now = search_variants_stamp();
	size_t len, wlen;

	want = search_index_variants_save(fresh, &wlen);
	cmd = xasprintf("cp '%s' '%s'", c->ixpath, copy);
	assert_int_equal(system(cmd), 0);
	t = kept_table(copy, &len, &stamp);
	assert_int_equal(len, wlen);
	assert_memory_equal(t, want, len);
	assert_string_equal(stamp, now);
	free(t);
	free(stamp);

	/* OpenCC's files changed, its table did not. */
	sql_on(copy, "UPDATE meta SET v = 'opencc of another day' WHERE k = "
	    "'opencc'");
	same_as_linear(c, copy, "社区");
	t = kept_table(copy, &len, &stamp);
	assert_string_equal(stamp, now);
	assert_int_equal(len, wlen);
	free(t);
	free(stamp);

	/* A kept table that is not what the index was made with: one
	   Traditional character left out. */
	if (wlen >= 8) {
		sql_on(copy, "UPDATE meta SET v = substr(v, 9) WHERE k = 't2s'");
		same_as_linear(c, copy, "发展");
		same_as_linear(c, copy, "社区");
		t = kept_table(copy, &len, &stamp);
		assert_int_equal(len, wlen);
		assert_memory_equal(t, want, len);
		free(t);
		free(stamp);
	}
	assert_int_equal(editions_in(copy), c->n);

	search_index_free(fresh);
	free(want);
	free(now);
	free(cmd);
	free(copy);
}

/*
 * Words of 1 and 2 characters at the very end of a field, of an article
 * and of a page (where no trigram starts with them but for the line
 * breaks the page key adds) are found, and a word across two fields is
 * not.
 */
static void
test_index_field_ends(void **state)
{
	char *dir = make_tmpdir(), *ix = xasprintf("%s/ix.sqlite", dir);
	char *ed = xasprintf("%s/2026-02-01", dir);
	char *file = xasprintf("%s/page.txt", ed);
	struct index_stats st;

	(void)state;
	assert_int_equal(mkdir(ed, 0700), 0);
	put_file(file, "湖边\n\n今天去湖边看鲸\n\n明天去山里看鹿\n");
	update(ix, dir, &ed, 1, &st);
	assert_int_equal(st.indexed, 1);
	assert_int_equal(count(ix, "鹿", NULL), 1);
	assert_int_equal(count(ix, "看鹿", NULL), 1);
	assert_int_equal(count(ix, "鲸", NULL), 1);
	assert_int_equal(count(ix, "看鲸", NULL), 1);
	assert_int_equal(count(ix, "鲸明", NULL), 0);
	assert_int_equal(count(ix, "鲸明天", NULL), 0);
	remove_tree(dir);
	free(file);
	free(ed);
	free(dir);
	free(ix);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_index_same_as_linear),
		cmocka_unit_test(test_index_filters),
		cmocka_unit_test(test_index_corrupt),
		cmocka_unit_test(test_index_incremental),
		cmocka_unit_test(test_index_field_ends),
		cmocka_unit_test(test_index_kept_variants),
	};

	return cmocka_run_group_tests(tests, corpus_setup, corpus_teardown);
}
