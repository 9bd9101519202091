/*
 * index.c - the full-text index of a library in SQLite (see index.h).
 *
 * This is the only file that includes <sqlite3.h>.
 *
 * Tables:
 *
 *   meta      schema facts: how keys were folded (see fold_id)
 *   edition   per edition: path, paper, date, the signature of its files
 *   page      per page (section): edition, section, printed page, and the
 *             texts of its articles (body_encode), with their CRC-32.  A
 *             page is the unit a search reads and matches.  The texts
 *             are stored as they are: zlib level 1 made them 0.57 of
 *             their size, but deflate ran at 65 MB/s (a fifth of a
 *             build's time) and inflate at 200 MB/s, most of the time
 *             of a search of a rare word; the index is 1.4x the text
 *             instead of 1.0x, under the 1.5x allowed
 *   tri       FTS5, kanbao_tri tokenizer, per page: the search keys of
 *             its articles
 *
 * The key of a page is, for each article, the keys of its searched
 * fields (search.c's field_get order) each followed by '\n', which no key
 * holds, then one more '\n'.  The tokenizer (tri_tokenize) indexes every
 * run of 3 characters that does not start with '\n', like FTS5's own
 * trigram tokenizer with case_sensitive 1, so a query word whose key has
 * 3 characters or more must have all its trigrams in the page: an exact
 * necessary condition, answered from posting lists.
 *
 * A word of 1 or 2 characters (春运, 的) has no trigram, but every
 * character of a field starts a trigram of the key (the last two of a
 * field run on into '\n's: that is what the separators are for), so such
 * a word is the prefix of a trigram of every page that holds it.  It is
 * asked as an FTS5 prefix query ("春运" *), which FTS5 answers from the
 * terms' b-tree, never by scanning rows.  FTS5's own trigram tokenizer
 * drops query strings shorter than 3 characters, hence kanbao_tri: in a
 * query it passes the string through as one token.  An earlier version
 * kept a second table of every 1- and 2-gram: it cost 0.3 of the text
 * and a third of the build time.
 *
 * The table is contentless (content='') and detail=none: it stores only
 * which pages hold a token, not where.  Positions would make it exact
 * for phrases but cost 1.5x the text; without them it is a filter (all
 * trigrams, in any order) and search.c's own matcher decides on each
 * article of each candidate page, reading its text from page.
 * That last step is what makes index results identical to linear search:
 * the table may let a false candidate through, never lose a true one.
 * A contentless table needs the old key to delete a row, so it is folded
 * again from the stored text; a change in how keys fold (OpenCC's tables
 * installed, removed or changed, another Unicode version) therefore
 * empties and rebuilds the index (fold_id in meta).
 *
 * OpenCC.  Deriving the Traditional to Simplified table from OpenCC
 * (search.c) took 25 ms, a fifth of a search of a rare word in 1 GB.
 * meta keeps the table and a stamp of the OpenCC files it came from
 * (search_variants_stamp: names, sizes, times); when the stamp is still
 * right, a search folds with the kept table and never opens OpenCC.
 *
 * Robustness.  The file is a cache.  WAL mode lets readers and one writer
 * work at once; writers wait (busy timeout).  An edition is replaced
 * inside one transaction (a batch, see index_begin), with the signature
 * that says "indexed", so a process killed mid-update leaves every
 * edition either old or new, never half.  A file SQLite cannot read (SQLITE_CORRUPT,
 * SQLITE_NOTADB), a checksum that does not match a stored text, or text
 * that does not decode makes an operation return INDEX_CORRUPT; the
 * caller then index_reset()s: the file is deleted and built again.
 */
#include "config.h"

#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>
#include <utf8proc.h>
#include <zlib.h>

#include "buf.h"
#include "edition.h"
#include "index.h"
#include "i18n.h"
#include "load.h"
#include "sanitize.h"
#include "search.h"
#include "statefile.h"
#include "text.h"
#include "xalloc.h"

/* Tunables. */
#define INDEX_BUSY_MS		60000	/* wait this long for another
					   kanbao's write lock: an update of
					   one edition takes well under it */
#define INDEX_TRIGRAMS_MAX	64	/* trigrams of one query word used as
					   a filter; more select no better and
					   only lengthen the FTS5 query */
#define INDEX_BATCH_BYTES	((size_t)16 << 20)	/* text per
					   transaction (see index_begin) */
#define INDEX_CACHE_KB		2048	/* SQLite page cache of an update:
					   FTS5 merges reread the segments
					   they merge, but a pread() of a
					   page costs less than faulting in
					   fresh memory for it (see
					   index_connect): 64 MB made a
					   100 MB build 23800 page faults
					   against 7200, for nothing */
#define INDEX_READ_CACHE_KB	256	/* and of a search, which reads
					   each page once: a small cache
					   reuses its buffers (see
					   index_connect) */
#define INDEX_HASHSIZE		"67108864"	/* bytes of tokens FTS5
					   collects before it writes a
					   segment: at its default of 1 MB a
					   batch became dozens of segments,
					   and merging them cost half the
					   build */
#define INDEX_FILE		"index.sqlite"

/* Field tags in an encoded article text (body_encode). */
#define TAG_HEADLINE	'h'	/* a printed headline; next byte: role */
#define TAG_INFERRED	'i'	/* an inferred headline; next byte: role */
#define TAG_DATELINE	'd'
#define TAG_BYLINE	'b'
#define TAG_BLOCK	'p'	/* next byte: block kind */
#define TAG_ARTICLE	'a'	/* starts an article (empty text) */

/* The schema, created in one transaction. */
static const char *const index_schema[] = {
	"CREATE TABLE meta(k TEXT PRIMARY KEY, v TEXT NOT NULL)",
	"CREATE TABLE edition(id INTEGER PRIMARY KEY, path TEXT NOT NULL "
	    "UNIQUE, paper TEXT, date TEXT, size INTEGER NOT NULL, sig "
	    "INTEGER NOT NULL, hash INTEGER NOT NULL, failed INTEGER NOT NULL)",
	"CREATE TABLE page(id INTEGER PRIMARY KEY, edition INTEGER NOT NULL, "
	    "section INTEGER NOT NULL, page INTEGER NOT NULL, sum INTEGER NOT "
	    "NULL, body BLOB NOT NULL)",
	"CREATE INDEX page_edition ON page(edition)",
	"CREATE VIRTUAL TABLE tri USING fts5(key, content='', detail=none, "
	    "tokenize='kanbao_tri')",
	"INSERT INTO tri(tri, rank) VALUES('hashsize', " INDEX_HASHSIZE ")",
};

/* Tables an index of any version may have, dropped before a rebuild. */
static const char *const index_tables[] = {
	"tri", "gram", "page", "article", "ptext", "etext", "edition", "meta"
};

/* The statements an update keeps prepared (index_stmt). */
enum index_sql {
	SQL_EDITION,
	SQL_PAGE,
	SQL_TRI,
	INDEX_NSQL
};

/* An open index. */
struct index {
	sqlite3			*db;
	char			*path;
	struct search_index	*sidx;	/* folding tables, and the matcher */
	char			*fold_id;
	char			*stamp;	/* search_variants_stamp() */
	char			*t2s;	/* the table folded with, saved */
	size_t			 t2s_len;
	bool			 t2s_kept;	/* it is the one meta keeps */
	bool			 batch;	/* a batch transaction is open */
	size_t			 batch_bytes;	/* text bytes written in it */
	sqlite3_stmt		*st[INDEX_NSQL];	/* index_stmt() */
	struct buf		 body;	/* a page's text, while inserting */
	struct buf		 key;	/* its key */
};

/* The files of an edition and what they add up to. */
struct sig {
	char		**names;	/* full paths, sorted */
	size_t		  n;
	int64_t		  size;		/* total bytes */
	int64_t		  stat;		/* hash of names, sizes, mtimes */
	int64_t		  hash;		/* hash of names and contents */
};

/* An article decoded from its edition's text (pointers into it). */
struct decoded {
	struct article	 a;
	size_t		 hcap;
	size_t		 bcap;
	struct buf	 title;		/* a.title when it has two main lines */
};

/* The text of one page (a page row), kept while its articles are read
   one after the other. */
struct etext {
	int64_t		 id;		/* page id; 0: none loaded */
	char		*raw;
	size_t		 len;
	size_t		 cap;		/* bytes allocated at raw */
	sqlite3_stmt	*st;		/* the SELECT, prepared once */
};

/* A stored edition row. */
struct edrow {
	int64_t		id;
	int64_t		size;
	int64_t		stat;
	int64_t		hash;
};

/* Whether rc says the database file is damaged. */
static bool
index_rc_corrupt(int rc)
{
	rc &= 0xff;
	return rc == SQLITE_CORRUPT || rc == SQLITE_NOTADB;
}

/*
 * Turn an SQLite failure into a return value: INDEX_CORRUPT for a damaged
 * file, else INDEX_ERROR with *cause "PATH: what: message".
 */
static int
index_fail(struct index *ix, int rc, const char *what, char **cause)
{
	if (index_rc_corrupt(rc))
		return INDEX_CORRUPT;
	*cause = xasprintf("%s: %s: %s", ix->path, what,
	    ix->db != NULL ? sqlite3_errmsg(ix->db) : sqlite3_errstr(rc));
	return INDEX_ERROR;
}

/* Run SQL without results.  Returns an SQLite code. */
static int
index_exec(struct index *ix, const char *sql)
{
	return sqlite3_exec(ix->db, sql, NULL, NULL, NULL);
}

/* A 64-bit hash step over len bytes (FNV-1a; only compared, never
   trusted against an adversary: this is a cache of local files). */
static uint64_t
index_hash(uint64_t h, const void *p, size_t len)
{
	const unsigned char *s = p;
	size_t i;

	for (i = 0; i < len; i++) {
		h ^= s[i];
		h *= 0x100000001b3ULL;
	}
	return h;
}

#define HASH_INIT	0xcbf29ce484222325ULL

/* The length of the UTF-8 sequence that starts with byte c (keys are
   valid UTF-8). */
static size_t
index_u8len(unsigned char c)
{
	if (c < 0x80)
		return 1;
	if (c >= 0xF0)
		return 4;
	if (c >= 0xE0)
		return 3;
	return 2;
}

/*
 * The kanbao_tri tokenizer.  Indexing, it emits every run of 3
 * characters of a page key that does not start with '\n' (see the top of
 * the file).  In a query it emits the whole string as one token: index.c
 * asks for one trigram, or one prefix of 1 or 2 characters, at a time.
 */
static int
tri_tokenize(Fts5Tokenizer *tok, void *ctx, int flags, const char *text,
    int ntext, int (*emit)(void *, int, const char *, int, int, int))
{
	size_t n = ntext > 0 ? (size_t)ntext : 0, p, a, b, c;
	int rc;

	(void)tok;
	if (flags & FTS5_TOKENIZE_QUERY)
		return n > 0 ? emit(ctx, 0, text, ntext, 0, ntext) : SQLITE_OK;
	p = 0;
	if (n == 0)
		return SQLITE_OK;
	a = p + index_u8len((unsigned char)text[p]);
	if (a >= n)
		return SQLITE_OK;
	b = a + index_u8len((unsigned char)text[a]);
	for (; b < n; p = a, a = b, b = c) {
		c = b + index_u8len((unsigned char)text[b]);
		if (c > n)
			break;
		if (text[p] == '\n')
			continue;
		if ((rc = emit(ctx, 0, text + p, (int)(c - p), (int)p,
		    (int)c)) != SQLITE_OK)
			return rc;
	}
	return SQLITE_OK;
}

/* Create a kanbao_tri tokenizer: it has no state or options. */
static int
tri_create(void *ctx, const char **argv, int argc, Fts5Tokenizer **out)
{
	static char unused;

	(void)ctx;
	(void)argv;
	if (argc != 0)
		return SQLITE_ERROR;
	*out = (Fts5Tokenizer *)&unused;
	return SQLITE_OK;
}

/* Delete a kanbao_tri tokenizer: nothing to free. */
static void
tri_delete(Fts5Tokenizer *tok)
{
	(void)tok;
}

/* Register kanbao_tri with the connection's FTS5 (per connection). */
static int
tri_register(sqlite3 *db)
{
	static fts5_tokenizer tri = { tri_create, tri_delete, tri_tokenize };
	fts5_api *api = NULL;
	sqlite3_stmt *st;
	int rc;

	rc = sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &st, NULL);
	if (rc != SQLITE_OK)
		return rc;
	sqlite3_bind_pointer(st, 1, &api, "fts5_api_ptr", NULL);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (api == NULL)
		return rc == SQLITE_ROW || rc == SQLITE_DONE ? SQLITE_ERROR : rc;
	return api->xCreateTokenizer(api, "kanbao_tri", NULL, &tri, NULL);
}

/* Read one integer (PRAGMA or SELECT); returns an SQLite code. */
static int
index_int(struct index *ix, const char *sql, int64_t *v)
{
	sqlite3_stmt *st;
	int rc;

	*v = 0;
	if ((rc = sqlite3_prepare_v2(ix->db, sql, -1, &st, NULL)) != SQLITE_OK)
		return rc;
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*v = sqlite3_column_int64(st, 0);
		rc = SQLITE_OK;
	} else if (rc == SQLITE_DONE)
		rc = SQLITE_OK;
	sqlite3_finalize(st);
	return rc;
}

/* Whether the stored fold_id is ours; returns an SQLite code. */
static int
index_fold_matches(struct index *ix, bool *same)
{
	sqlite3_stmt *st;
	const unsigned char *v;
	int rc;

	*same = false;
	rc = sqlite3_prepare_v2(ix->db, "SELECT v FROM meta WHERE k = 'fold'",
	    -1, &st, NULL);
	if (rc == SQLITE_ERROR)
		return SQLITE_OK;	/* no meta table: not ours, rebuild */
	if (rc != SQLITE_OK)
		return rc;
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		v = sqlite3_column_text(st, 0);
		*same = v != NULL && strcmp((const char *)v, ix->fold_id) == 0;
		rc = SQLITE_OK;
	} else if (rc == SQLITE_DONE)
		rc = SQLITE_OK;
	sqlite3_finalize(st);
	return rc;
}

/* Keep the folding table and its stamp in meta, in the caller's write
   transaction.  Returns an SQLite code. */
static int
index_keep_variants(struct index *ix)
{
	sqlite3_stmt *st;
	int rc;

	rc = sqlite3_prepare_v2(ix->db, "INSERT OR REPLACE INTO meta "
	    "VALUES('opencc', ?), ('t2s', ?)", -1, &st, NULL);
	if (rc != SQLITE_OK)
		return rc;
	sqlite3_bind_text(st, 1, ix->stamp, -1, SQLITE_STATIC);
	sqlite3_bind_blob(st, 2, ix->t2s, (int)ix->t2s_len, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return rc;
	ix->t2s_kept = true;
	return SQLITE_OK;
}

/* The fold_id of the table ix->t2s (see the top of the file). */
static char *
index_fold_id(const struct index *ix)
{
	uLong c = crc32(0, Z_NULL, 0);

	c = crc32(c, (const Bytef *)ix->t2s, (uInt)ix->t2s_len);
	return xasprintf("schema %d utf8proc %s t2s %zu:%08lx", INDEX_SCHEMA,
	    utf8proc_version(), ix->t2s_len, (unsigned long)c);
}

/*
 * Choose the Traditional to Simplified table to fold with, once per
 * struct index, and set fold_id: the one meta keeps when its stamp is
 * OpenCC's files' stamp now and it is the table fold_id was made with
 * (else it is damaged), or else OpenCC's.  Returns an SQLite code.
 */
static int
index_variants(struct index *ix)
{
	sqlite3_stmt *st;
	const char *stamp, *fold;
	char *id;
	int64_t version;
	int rc;

	if (ix->fold_id != NULL)
		return SQLITE_OK;
	if (ix->stamp == NULL)		/* not when connecting again */
		ix->stamp = search_variants_stamp();
	if ((rc = index_int(ix, "PRAGMA user_version", &version)) != SQLITE_OK)
		return rc;
	rc = version != INDEX_SCHEMA ? SQLITE_ERROR :
	    sqlite3_prepare_v2(ix->db, "SELECT (SELECT v FROM meta WHERE k = "
	    "'opencc'), (SELECT v FROM meta WHERE k = 't2s'), (SELECT v FROM "
	    "meta WHERE k = 'fold')", -1, &st, NULL);
	if (rc == SQLITE_OK) {
		rc = sqlite3_step(st);
		if (rc == SQLITE_ROW &&
		    (stamp = (const char *)sqlite3_column_text(st, 0)) != NULL &&
		    strcmp(stamp, ix->stamp) == 0 &&
		    sqlite3_column_type(st, 1) == SQLITE_BLOB &&
		    search_index_variants_load(ix->sidx,
		    sqlite3_column_blob(st, 1),
		    (size_t)sqlite3_column_bytes(st, 1))) {
			ix->t2s = search_index_variants_save(ix->sidx,
			    &ix->t2s_len);
			id = index_fold_id(ix);
			fold = (const char *)sqlite3_column_text(st, 2);
			ix->t2s_kept = fold != NULL && strcmp(fold, id) == 0;
			free(id);
			if (!ix->t2s_kept) {
				/* Not what the index was made with. */
				search_index_free(ix->sidx);
				ix->sidx = search_index_new(NULL);
				free(ix->t2s);
				ix->t2s = NULL;
			}
		}
		if (rc == SQLITE_ROW || rc == SQLITE_DONE)
			rc = SQLITE_OK;
		sqlite3_finalize(st);
		if (rc != SQLITE_OK)
			return rc;
	} else if (rc != SQLITE_ERROR)	/* SQLITE_ERROR: no meta, not ours */
		return rc;
	if (ix->t2s == NULL)
		ix->t2s = search_index_variants_save(ix->sidx, &ix->t2s_len);
	ix->fold_id = index_fold_id(ix);
	return SQLITE_OK;
}

/*
 * Make the schema current inside one write transaction: a file of
 * another version or fold is emptied and created again.  Two processes
 * doing this at once serialise on the write lock.
 */
static int
index_schema_check(struct index *ix)
{
	sqlite3_stmt *st;
	int64_t version;
	bool same = false;
	char *sql;
	size_t i;
	int rc;

	/* The common case reads only, so it never waits for a writer. */
	if ((rc = index_int(ix, "PRAGMA user_version", &version)) != SQLITE_OK)
		return rc;
	if (version == INDEX_SCHEMA && (rc = index_fold_matches(ix, &same)) !=
	    SQLITE_OK)
		return rc;
	if (version == INDEX_SCHEMA && same && ix->t2s_kept)
		return SQLITE_OK;
	if (version == INDEX_SCHEMA && same) {
		/* OpenCC's files changed, not its table: keep the new
		   stamp, so the next search need not open it. */
		if ((rc = index_exec(ix, "BEGIN IMMEDIATE")) != SQLITE_OK)
			return rc;
		if ((rc = index_keep_variants(ix)) != SQLITE_OK) {
			index_exec(ix, "ROLLBACK");
			return rc;
		}
		return index_exec(ix, "COMMIT");
	}
	if ((rc = index_exec(ix, "BEGIN IMMEDIATE")) != SQLITE_OK)
		return rc;
	if ((rc = index_int(ix, "PRAGMA user_version", &version)) != SQLITE_OK)
		goto out;
	if (version == INDEX_SCHEMA && (rc = index_fold_matches(ix, &same)) !=
	    SQLITE_OK)
		goto out;
	if (version == INDEX_SCHEMA && same)
		return index_exec(ix, "COMMIT");
	for (i = 0; i < sizeof index_tables / sizeof index_tables[0]; i++) {
		sql = xasprintf("DROP TABLE IF EXISTS %s", index_tables[i]);
		rc = index_exec(ix, sql);
		free(sql);
		if (rc != SQLITE_OK)
			goto out;
	}
	for (i = 0; i < sizeof index_schema / sizeof index_schema[0]; i++)
		if ((rc = index_exec(ix, index_schema[i])) != SQLITE_OK)
			goto out;
	rc = sqlite3_prepare_v2(ix->db, "INSERT INTO meta VALUES('fold', ?)",
	    -1, &st, NULL);
	if (rc != SQLITE_OK)
		goto out;
	sqlite3_bind_text(st, 1, ix->fold_id, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		goto out;
	if ((rc = index_keep_variants(ix)) != SQLITE_OK)
		goto out;
	sql = xasprintf("PRAGMA user_version = %d", INDEX_SCHEMA);
	rc = index_exec(ix, sql);
	free(sql);
	if (rc != SQLITE_OK)
		goto out;
	return index_exec(ix, "COMMIT");
out:
	index_exec(ix, "ROLLBACK");
	return rc;
}

/* Set the size of the page cache in kB.  Returns an SQLite code. */
static int
index_cache(struct index *ix, int kb)
{
	char *sql = xasprintf("PRAGMA cache_size = -%d", kb);
	int rc;

	rc = index_exec(ix, sql);
	free(sql);
	return rc;
}

/* Open the connection and check the schema.  Returns an SQLite code. */
static int
index_connect(struct index *ix)
{
	int64_t dummy;
	int rc;

	rc = sqlite3_open_v2(ix->path, &ix->db, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_CREATE, NULL);
	if (rc != SQLITE_OK)
		return rc;
	sqlite3_busy_timeout(ix->db, INDEX_BUSY_MS);
	/*
	 * Closing would copy the WAL into the file and sync both, five
	 * fsyncs that cost a search more than the search; an update
	 * checkpoints itself (index_update), and a WAL left over is as
	 * good as the file to the next connection.
	 */
	sqlite3_db_config(ix->db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
	if ((rc = tri_register(ix->db)) != SQLITE_OK)
		return rc;
	/*
	 * Reads the header: a file that is no database fails here.  Takes
	 * effect only on a new file, before WAL mode is set: lets the
	 * space FTS5 frees when it merges segments go back to the file
	 * system (incremental_vacuum in index_update).
	 */
	if ((rc = index_exec(ix, "PRAGMA auto_vacuum = INCREMENTAL")) !=
	    SQLITE_OK)
		return rc;
	if ((rc = index_int(ix, "PRAGMA journal_mode = WAL", &dummy)) !=
	    SQLITE_OK)
		return rc;
	/* A cache: losing the last transactions on power loss is fine,
	   WAL keeps the file consistent either way. */
	if ((rc = index_exec(ix, "PRAGMA synchronous = NORMAL")) != SQLITE_OK)
		return rc;
	/*
	 * Read with pread() into a small page cache, not through mmap: a
	 * search touches a few pages of each of thousands of scattered
	 * candidates, and a page fault costs far more than a pread() of 4
	 * kB from the page cache (on the 2-CPU VM of bench-index.sh, 30-50
	 * us against 2-4: mmap made a search of 2291 pages 4000 faults,
	 * the faults most of its time).  A small cache keeps reusing the
	 * same buffers, where a large one faults in fresh memory for every
	 * page it reads.
	 */
	if ((rc = index_exec(ix, "PRAGMA mmap_size = 0")) != SQLITE_OK)
		return rc;
	if ((rc = index_cache(ix, INDEX_READ_CACHE_KB)) != SQLITE_OK)
		return rc;
	if ((rc = index_variants(ix)) != SQLITE_OK)
		return rc;
	return index_schema_check(ix);
}

/* Close the connection and the statements index_stmt() keeps. */
static void
index_disconnect(struct index *ix)
{
	size_t i;

	for (i = 0; i < INDEX_NSQL; i++) {
		sqlite3_finalize(ix->st[i]);
		ix->st[i] = NULL;
	}
	if (ix->db != NULL)
		sqlite3_close(ix->db);
	ix->db = NULL;
}

/* Delete the index file and its WAL and shared-memory files. */
static void
index_unlink(const char *path)
{
	static const char *const ext[] = { "", "-wal", "-shm", "-journal" };
	char *p;
	size_t i;

	for (i = 0; i < sizeof ext / sizeof ext[0]; i++) {
		p = xasprintf("%s%s", path, ext[i]);
		unlink(p);
		free(p);
	}
}

char *
index_default_path(char **cause)
{
	char *dir = statefile_dir("XDG_CACHE_HOME", ".cache", cause), *p;

	if (dir == NULL)
		return NULL;
	p = xasprintf("%s/%s", dir, INDEX_FILE);
	free(dir);
	return p;
}

/* Create the folders above path (mode 0700, like the state files). */
static int
index_mkdirs(const char *path, char **cause)
{
	char *p = xstrdup(path), *s;

	for (s = strchr(p + 1, '/'); s != NULL; s = strchr(s + 1, '/')) {
		*s = '\0';
		if (mkdir(p, 0700) != 0 && errno != EEXIST) {
			*cause = xasprintf("%s: %s", p, strerror(errno));
			free(p);
			return -1;
		}
		*s = '/';
	}
	free(p);
	return 0;
}

struct index *
index_open(const char *path, char **cause)
{
	struct index *ix = xcalloc(1, sizeof *ix);
	int rc;

	ix->path = path != NULL ? xstrdup(path) : index_default_path(cause);
	if (ix->path == NULL) {
		free(ix);
		return NULL;
	}
	if (index_mkdirs(ix->path, cause) != 0) {
		free(ix->path);
		free(ix);
		return NULL;
	}
	ix->sidx = search_index_new(NULL);
	rc = index_connect(ix);
	if (index_rc_corrupt(rc)) {
		/* Not a database, or a damaged one: it is only a cache. */
		index_disconnect(ix);
		index_unlink(ix->path);
		rc = index_connect(ix);
	}
	if (rc != SQLITE_OK) {
		index_fail(ix, rc, _("cannot open the search index"), cause);
		if (*cause == NULL)
			*cause = xasprintf(_("%s: the search index is damaged "
			    "and cannot be replaced"), ix->path);
		index_close(ix);
		return NULL;
	}
	return ix;
}

void
index_close(struct index *ix)
{
	if (ix == NULL)
		return;
	index_disconnect(ix);
	search_index_free(ix->sidx);
	buf_free(&ix->body);
	buf_free(&ix->key);
	free(ix->fold_id);
	free(ix->stamp);
	free(ix->t2s);
	free(ix->path);
	free(ix);
}

int
index_reset(struct index *ix, char **cause)
{
	int rc;

	index_disconnect(ix);
	index_unlink(ix->path);
	if ((rc = index_connect(ix)) != SQLITE_OK) {
		rc = index_fail(ix, rc, _("cannot rebuild the search index"),
		    cause);
		if (rc == INDEX_CORRUPT)
			*cause = xasprintf(_("%s: the search index is damaged "
			    "and cannot be replaced"), ix->path);
		return -1;
	}
	return 0;
}

/* Compare two strings through pointers, for qsort(). */
static int
index_strcmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Free the file list of a signature. */
static void
sig_free(struct sig *sg)
{
	size_t i;

	for (i = 0; i < sg->n; i++)
		free(sg->names[i]);
	free(sg->names);
	memset(sg, 0, sizeof *sg);
}

/*
 * The files of the edition at path (itself, or the regular non-hidden
 * files of the folder, as load_paths() reads them) with their total size
 * and the hash of names, sizes and modification times.  Returns 0, or -1
 * when path cannot be read (the edition then counts as gone).
 */
static int
sig_stat(const char *path, struct sig *sg)
{
	struct stat st;
	struct dirent *de;
	DIR *dir;
	size_t cap = 0, i;
	uint64_t h = HASH_INIT;
	int64_t t[3];

	memset(sg, 0, sizeof *sg);
	if (stat(path, &st) != 0)
		return -1;
	if (S_ISDIR(st.st_mode)) {
		if ((dir = opendir(path)) == NULL)
			return -1;
		while ((de = readdir(dir)) != NULL) {
			if (de->d_name[0] == '.')
				continue;
			if (sg->n == cap) {
				cap = cap == 0 ? 16 : cap * 2;
				sg->names = xreallocarray(sg->names, cap,
				    sizeof *sg->names);
			}
			sg->names[sg->n++] = xasprintf("%s/%s", path,
			    de->d_name);
		}
		closedir(dir);
		if (sg->n > 1)
			qsort(sg->names, sg->n, sizeof *sg->names,
			    index_strcmp);
	} else {
		sg->names = xcalloc(1, sizeof *sg->names);
		sg->names[sg->n++] = xstrdup(path);
	}
	for (i = 0; i < sg->n; i++) {
		if (stat(sg->names[i], &st) != 0 || !S_ISREG(st.st_mode))
			continue;
		t[0] = (int64_t)st.st_size;
		t[1] = (int64_t)st.st_mtim.tv_sec;
		t[2] = (int64_t)st.st_mtim.tv_nsec;
		h = index_hash(h, sg->names[i], strlen(sg->names[i]) + 1);
		h = index_hash(h, t, sizeof t);
		sg->size += t[0];
	}
	sg->stat = (int64_t)h;
	return 0;
}

/*
 * Hash the names and contents of the files of sg into sg->hash: the
 * names, and per file the CRC-32 and Adler-32 of its contents (zlib's,
 * at several GB/s; index_hash() over every byte ran at 0.8 GB/s, a
 * twentieth of a build).
 */
static void
sig_content(struct sig *sg)
{
	unsigned char chunk[65536];
	uint64_t h = HASH_INIT;
	uint32_t sum[2];
	size_t i, n;
	FILE *f;

	for (i = 0; i < sg->n; i++) {
		h = index_hash(h, sg->names[i], strlen(sg->names[i]) + 1);
		if ((f = fopen(sg->names[i], "rb")) == NULL)
			continue;
		sum[0] = (uint32_t)crc32(0, Z_NULL, 0);
		sum[1] = (uint32_t)adler32(0, Z_NULL, 0);
		while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
			sum[0] = (uint32_t)crc32(sum[0], chunk, (uInt)n);
			sum[1] = (uint32_t)adler32(sum[1], chunk, (uInt)n);
		}
		fclose(f);
		h = index_hash(h, sum, sizeof sum);
	}
	sg->hash = (int64_t)h;
}

/* Append a field to an encoded body: tag, extra byte, length, text, NUL. */
static void
body_put(struct buf *b, char tag, unsigned extra, const char *text)
{
	size_t len = strlen(text), v = len;
	char c;

	buf_putc(b, tag);
	buf_putc(b, (char)extra);
	do {
		c = (char)(v & 0x7f);
		v >>= 7;
		if (v != 0)
			c = (char)(c | 0x80);
		buf_putc(b, c);
	} while (v != 0);
	buf_append(b, text, len);
	buf_putc(b, '\0');
}

/* Append the fields of an article that search reads, in its order,
   after a TAG_ARTICLE that starts it. */
static void
body_encode(const struct article *a, struct buf *b)
{
	size_t i;

	body_put(b, TAG_ARTICLE, 0, "");
	for (i = 0; i < a->nheadlines; i++)
		body_put(b, a->headlines[i].inferred ? TAG_INFERRED :
		    TAG_HEADLINE, a->headlines[i].role, a->headlines[i].text);
	if (a->dateline != NULL)
		body_put(b, TAG_DATELINE, 0, a->dateline);
	if (a->byline != NULL)
		body_put(b, TAG_BYLINE, 0, a->byline);
	for (i = 0; i < a->nblocks; i++)
		body_put(b, TAG_BLOCK, a->blocks[i].kind, a->blocks[i].text);
}

/* The checksum of an encoded body: zlib's CRC-32, which runs at several
   GB/s where a byte-at-a-time hash ran at 0.8. */
static int64_t
body_sum(const void *p, size_t len)
{
	uLong c = crc32(0, Z_NULL, 0);
	const Bytef *b = p;
	uInt n;

	for (; len > 0; b += n, len -= n) {
		n = len > UINT_MAX ? UINT_MAX : (uInt)len;
		c = crc32(c, b, n);
	}
	return (int64_t)c;
}

/*
 * Read the stored text of page id into et (kept when it is the one
 * loaded).  Returns an SQLite code: SQLITE_CORRUPT when the checksum
 * does not match.
 */
static int
etext_load(struct index *ix, struct etext *et, int64_t id)
{
	sqlite3_stmt *st;
	const void *blob;
	size_t blen;
	int rc;

	if (et->id == id && id != 0)
		return SQLITE_OK;
	et->id = 0;
	if (et->st == NULL && (rc = sqlite3_prepare_v2(ix->db, "SELECT sum, "
	    "body FROM page WHERE id = ?", -1, &et->st, NULL)) != SQLITE_OK)
		return rc;
	st = et->st;
	sqlite3_reset(st);
	sqlite3_bind_int64(st, 1, id);
	if ((rc = sqlite3_step(st)) != SQLITE_ROW) {
		sqlite3_reset(st);
		/* An article without its page's text: damaged. */
		return rc == SQLITE_DONE ? SQLITE_CORRUPT : rc;
	}
	blob = sqlite3_column_blob(st, 1);
	blen = (size_t)sqlite3_column_bytes(st, 1);
	rc = SQLITE_CORRUPT;
	if (blob != NULL && body_sum(blob, blen) ==
	    sqlite3_column_int64(st, 0)) {
		/* One buffer for all pages: no allocation per page. */
		if (blen + 1 > et->cap) {
			free(et->raw);
			et->cap = blen + 1 > 2 * et->cap ? blen + 1 :
			    2 * et->cap;
			et->raw = xmalloc(et->cap);
		}
		memcpy(et->raw, blob, blen);
		et->raw[blen] = '\0';
		et->len = blen;
		et->id = id;
		rc = SQLITE_OK;
	}
	sqlite3_reset(st);
	return rc;
}

/* Free an edition text cache. */
static void
etext_free(struct etext *et)
{
	free(et->raw);
	sqlite3_finalize(et->st);
	memset(et, 0, sizeof *et);
}

/*
 * Decode the article that starts at byte *pos of a page's text into d->a,
 * its strings pointing into the text (which must stay loaded), and move
 * *pos past it.  Returns 1, 0 at the end of the text, or -1 when it is
 * damaged: lengths past the end, a NUL missing, invalid UTF-8, an unknown
 * tag, no TAG_ARTICLE first.
 */
static int
body_next(struct decoded *d, const struct etext *et, size_t *pos)
{
	struct article *a = &d->a;
	const unsigned char *s = (const unsigned char *)et->raw;
	size_t p = *pos, v, tl, shift, len = et->len;
	unsigned char tag, extra;
	const char *text;
	bool first = true;

	if (p >= len)
		return 0;
	a->nheadlines = a->nblocks = 0;
	a->dateline = a->byline = NULL;
	while (p < len) {
		if (len - p < 3)
			return -1;
		if (s[p] == TAG_ARTICLE && !first)
			break;
		tag = s[p++];
		extra = s[p++];
		for (v = 0, shift = 0; ; shift += 7) {
			if (p >= len || shift > 28)
				return -1;
			v |= (size_t)(s[p] & 0x7f) << shift;
			if ((s[p++] & 0x80) == 0)
				break;
		}
		tl = v;
		if (tl >= len - p || s[p + tl] != '\0')
			return -1;
		text = et->raw + p;
		if (memchr(text, '\0', tl) != NULL || !utf8_valid(text, tl,
		    NULL))
			return -1;
		p += tl + 1;
		if (first != (tag == TAG_ARTICLE))
			return -1;
		first = false;
		switch (tag) {
		case TAG_ARTICLE:
			break;
		case TAG_HEADLINE:
		case TAG_INFERRED:
			if (extra > HEADLINE_SUB)
				return -1;
			if (a->nheadlines == d->hcap) {
				d->hcap = d->hcap == 0 ? 4 : d->hcap * 2;
				a->headlines = xreallocarray(a->headlines,
				    d->hcap, sizeof *a->headlines);
			}
			a->headlines[a->nheadlines].text = text;
			a->headlines[a->nheadlines].role = extra;
			a->headlines[a->nheadlines++].inferred =
			    tag == TAG_INFERRED;
			break;
		case TAG_DATELINE:
			a->dateline = text;
			break;
		case TAG_BYLINE:
			a->byline = text;
			break;
		case TAG_BLOCK:
			if (extra > BLOCK_CAPTION)
				return -1;
			if (a->nblocks == d->bcap) {
				d->bcap = d->bcap == 0 ? 16 : d->bcap * 2;
				a->blocks = xreallocarray(a->blocks, d->bcap,
				    sizeof *a->blocks);
			}
			a->blocks[a->nblocks].text = text;
			a->blocks[a->nblocks++].kind = extra;
			break;
		default:
			return -1;
		}
	}
	a->title = article_join_title(a, &d->title) ? buf_str(&d->title) :
	    NULL;
	*pos = p;
	return 1;
}

/* Free what a decoded article holds. */
static void
decoded_free(struct decoded *d)
{
	free(d->a.headlines);
	free(d->a.blocks);
	buf_free(&d->title);
}

/*
 * Append the index key of an article to b: the search keys of the fields
 * search.c reads (printed headlines, dateline, byline, blocks), each
 * followed by '\n'.
 */
static void
index_article_key(struct index *ix, const struct article *a, struct buf *b)
{
	const char *text, *key;
	size_t i, n = a->nheadlines + 2 + a->nblocks, klen;

	for (i = 0; i < n; i++) {
		if (i < a->nheadlines)
			text = a->headlines[i].inferred ? NULL :
			    a->headlines[i].text;
		else if (i == a->nheadlines)
			text = a->dateline;
		else if (i == a->nheadlines + 1)
			text = a->byline;
		else
			text = a->blocks[i - a->nheadlines - 2].text;
		if (text == NULL || *text == '\0')
			continue;
		key = search_key(ix->sidx, text, strlen(text), &klen);
		if (klen == 0)
			continue;
		buf_append(b, key, klen);
		buf_putc(b, '\n');
	}
}

/*
 * The key of the page whose text et holds (see the top of the file).
 * Returns false when the text does not decode.
 */
static bool
index_page_key(struct index *ix, const struct etext *et, struct decoded *d,
    struct buf *key)
{
	size_t pos = 0;
	int r;

	buf_clear(key);
	while ((r = body_next(d, et, &pos)) == 1)
		index_article_key(ix, &d->a, key);
	buf_putc(key, '\n');
	return r == 0;
}

/* Prepare a statement; returns an SQLite code. */
static int
index_prepare(struct index *ix, const char *sql, sqlite3_stmt **st)
{
	return sqlite3_prepare_v2(ix->db, sql, -1, st, NULL);
}

/* Run a prepared statement bound to one integer; returns an SQLite code
   (SQLITE_OK when it ran to the end). */
static int
index_run_id(struct index *ix, const char *sql, int64_t id)
{
	sqlite3_stmt *st;
	int rc;

	if ((rc = index_prepare(ix, sql, &st)) != SQLITE_OK)
		return rc;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/*
 * Delete the edition with the given id, its pages and their keys, in
 * the caller's transaction.  Returns an SQLite code, or SQLITE_CORRUPT
 * when a stored text does not decode (its keys could not be removed).
 */
static int
index_drop_edition(struct index *ix, int64_t id)
{
	sqlite3_stmt *sel = NULL, *dt = NULL;
	struct decoded d;
	struct etext et = { 0, NULL, 0, 0, NULL };
	struct buf key = BUF_INIT;
	int64_t pid;
	int rc;

	memset(&d, 0, sizeof d);
	if ((rc = index_prepare(ix, "SELECT id FROM page WHERE edition = ?",
	    &sel)) != SQLITE_OK ||
	    (rc = index_prepare(ix, "INSERT INTO tri(tri, rowid, key) "
	    "VALUES('delete', ?, ?)", &dt)) != SQLITE_OK)
		goto out;
	sqlite3_bind_int64(sel, 1, id);
	while ((rc = sqlite3_step(sel)) == SQLITE_ROW) {
		pid = sqlite3_column_int64(sel, 0);
		if ((rc = etext_load(ix, &et, pid)) != SQLITE_OK)
			goto out;
		if (!index_page_key(ix, &et, &d, &key)) {
			rc = SQLITE_CORRUPT;
			goto out;
		}
		sqlite3_bind_int64(dt, 1, pid);
		sqlite3_bind_text(dt, 2, buf_str(&key), (int)key.len,
		    SQLITE_STATIC);
		if ((rc = sqlite3_step(dt)) != SQLITE_DONE)
			goto out;
		sqlite3_reset(dt);
	}
	if (rc != SQLITE_DONE)
		goto out;
	if ((rc = index_run_id(ix, "DELETE FROM page WHERE edition = ?",
	    id)) == SQLITE_OK)
		rc = index_run_id(ix, "DELETE FROM edition WHERE id = ?", id);
out:
	sqlite3_finalize(sel);
	sqlite3_finalize(dt);
	decoded_free(&d);
	etext_free(&et);
	buf_free(&key);
	return rc;
}

/* Look up the stored row of path; *found tells whether there is one. */
static int
index_edrow(struct index *ix, const char *path, struct edrow *row,
    bool *found)
{
	sqlite3_stmt *st;
	int rc;

	*found = false;
	rc = index_prepare(ix, "SELECT id, size, sig, hash FROM edition WHERE "
	    "path = ?", &st);
	if (rc != SQLITE_OK)
		return rc;
	sqlite3_bind_text(st, 1, path, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		row->id = sqlite3_column_int64(st, 0);
		row->size = sqlite3_column_int64(st, 1);
		row->stat = sqlite3_column_int64(st, 2);
		row->hash = sqlite3_column_int64(st, 3);
		*found = true;
		rc = SQLITE_OK;
	} else if (rc == SQLITE_DONE)
		rc = SQLITE_OK;
	sqlite3_finalize(st);
	return rc;
}

/* Bind a string, or NULL. */
static void
index_bind_str(sqlite3_stmt *st, int i, const char *s)
{
	if (s != NULL)
		sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(st, i);
}

/*
 * The statement for one of the writes an update repeats, prepared on
 * first use and kept until the connection closes (preparing an FTS5
 * INSERT costs about as much as running it for a small page).
 */
static int
index_stmt(struct index *ix, enum index_sql which, sqlite3_stmt **st)
{
	static const char *const sql[INDEX_NSQL] = {
		"INSERT INTO edition(path, paper, date, size, sig, hash, "
		    "failed) VALUES(?, ?, ?, ?, ?, ?, ?)",
		"INSERT INTO page(edition, section, page, sum, body) "
		    "VALUES(?, ?, ?, ?, ?)",
		"INSERT INTO tri(rowid, key) VALUES(?, ?)",
	};
	int rc;

	if (ix->st[which] == NULL && (rc = index_prepare(ix, sql[which],
	    &ix->st[which])) != SQLITE_OK)
		return rc;
	*st = ix->st[which];
	sqlite3_reset(*st);
	sqlite3_clear_bindings(*st);
	return SQLITE_OK;
}

/*
 * Insert the pages of ed (NULL: it failed to load) as edition path in
 * the caller's transaction.  Returns an SQLite code.
 */
static int
index_insert_edition(struct index *ix, const char *path,
    const struct index_source *src, const struct edition *ed,
    const struct sig *sg)
{
	sqlite3_stmt *ins, *pt, *tri;
	struct buf *body = &ix->body, *key = &ix->key;
	const struct section *s;
	size_t si, ai;
	int64_t eid, pid;
	int rc;

	if ((rc = index_stmt(ix, SQL_EDITION, &ins)) != SQLITE_OK)
		return rc;
	sqlite3_bind_text(ins, 1, path, -1, SQLITE_STATIC);
	index_bind_str(ins, 2, src->paper != NULL ? src->paper :
	    ed != NULL ? ed->paper : NULL);
	index_bind_str(ins, 3, src->date != NULL ? src->date :
	    ed != NULL ? ed->date : NULL);
	sqlite3_bind_int64(ins, 4, sg->size);
	sqlite3_bind_int64(ins, 5, sg->stat);
	sqlite3_bind_int64(ins, 6, sg->hash);
	sqlite3_bind_int(ins, 7, ed == NULL);
	rc = sqlite3_step(ins);
	sqlite3_reset(ins);
	if (rc != SQLITE_DONE)
		return rc;
	eid = sqlite3_last_insert_rowid(ix->db);
	if (ed == NULL)
		return SQLITE_OK;
	for (si = 0; si < ed->nsections; si++) {
		s = ed->sections[si];
		if (s->narticles == 0)
			continue;
		/* The page's text and its key (see the top of the file). */
		buf_clear(body);
		buf_clear(key);
		for (ai = 0; ai < s->narticles; ai++) {
			body_encode(s->articles[ai], body);
			index_article_key(ix, s->articles[ai], key);
		}
		buf_putc(key, '\n');
		if ((rc = index_stmt(ix, SQL_PAGE, &pt)) != SQLITE_OK)
			return rc;
		sqlite3_bind_int64(pt, 1, eid);
		sqlite3_bind_int64(pt, 2, (int64_t)si);
		sqlite3_bind_int64(pt, 3, s->page);
		sqlite3_bind_int64(pt, 4, body_sum(buf_str(body), body->len));
		sqlite3_bind_blob(pt, 5, buf_str(body), (int)body->len,
		    SQLITE_STATIC);
		rc = sqlite3_step(pt);
		sqlite3_reset(pt);
		if (rc != SQLITE_DONE)
			return rc;
		pid = sqlite3_last_insert_rowid(ix->db);
		if ((rc = index_stmt(ix, SQL_TRI, &tri)) != SQLITE_OK)
			return rc;
		sqlite3_bind_int64(tri, 1, pid);
		sqlite3_bind_text(tri, 2, buf_str(key), (int)key->len,
		    SQLITE_STATIC);
		rc = sqlite3_step(tri);
		sqlite3_reset(tri);
		if (rc != SQLITE_DONE)
			return rc;
	}
	return SQLITE_OK;
}

/*
 * Open the batch transaction if none is open.  Editions are written in
 * batches of about INDEX_BATCH_BYTES of text: FTS5 writes one segment
 * per transaction and merges segments later, so a transaction per small
 * edition would spend most of a build merging.  A batch is still atomic:
 * a killed process loses the editions of its open batch, never half of
 * one.
 */
static int
index_begin(struct index *ix)
{
	int rc;

	if (ix->batch)
		return SQLITE_OK;
	if ((rc = index_exec(ix, "BEGIN IMMEDIATE")) == SQLITE_OK) {
		ix->batch = true;
		ix->batch_bytes = 0;
	}
	return rc;
}

/* Commit the batch when it is full, or now when force is set. */
static int
index_end(struct index *ix, bool force)
{
	int rc;

	if (!ix->batch || (!force && ix->batch_bytes < INDEX_BATCH_BYTES))
		return SQLITE_OK;
	ix->batch = false;
	if ((rc = index_exec(ix, "COMMIT")) != SQLITE_OK)
		index_exec(ix, "ROLLBACK");
	return rc;
}

/* Roll the batch back (after an error). */
static void
index_abort(struct index *ix)
{
	if (ix->batch)
		index_exec(ix, "ROLLBACK");
	ix->batch = false;
}

/*
 * Replace edition path by what its files hold now, in the batch.
 * The row is looked up again inside it: another kanbao may have indexed
 * the same files meanwhile, and then nothing is written.
 */
static int
index_replace(struct index *ix, const char *path,
    const struct index_source *src, const struct edition *ed,
    const struct sig *sg)
{
	struct edrow row;
	bool found;
	int rc;

	if ((rc = index_begin(ix)) != SQLITE_OK)
		return rc;
	if ((rc = index_edrow(ix, path, &row, &found)) != SQLITE_OK)
		goto out;
	if (found && row.size == sg->size && row.stat == sg->stat &&
	    row.hash == sg->hash)
		return index_end(ix, false);
	if (found && (rc = index_drop_edition(ix, row.id)) != SQLITE_OK)
		goto out;
	if ((rc = index_insert_edition(ix, path, src, ed, sg)) != SQLITE_OK)
		goto out;
	ix->batch_bytes += (size_t)sg->size;
	return index_end(ix, false);
out:
	index_abort(ix);
	return rc;
}

/* Record a new stat signature for an edition whose contents are as
   stored (a touched file).  Returns an SQLite code. */
static int
index_touch(struct index *ix, int64_t id, int64_t stat)
{
	sqlite3_stmt *st;
	int rc;

	if ((rc = index_prepare(ix, "UPDATE edition SET sig = ? WHERE id = ?",
	    &st)) != SQLITE_OK)
		return rc;
	sqlite3_bind_int64(st, 1, stat);
	sqlite3_bind_int64(st, 2, id);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/*
 * Bring one edition up to date.  Sets *what to 0 unchanged, 1 indexed,
 * 2 failed to load, 3 gone.  Returns an SQLite code.
 */
static int
index_one(struct index *ix, const struct index_source *src,
    const char *path, const struct load_options *lopts, int *what)
{
	struct edrow row;
	struct sig sg;
	struct edition *ed = NULL;
	char *cause = NULL, *p = (char *)path;
	bool found;
	int rc;

	*what = 0;
	if ((rc = index_edrow(ix, path, &row, &found)) != SQLITE_OK)
		return rc;
	if (sig_stat(path, &sg) != 0) {
		/* Gone (or unreadable): it leaves the index. */
		*what = 3;
		if (!found)
			return SQLITE_OK;
		if ((rc = index_begin(ix)) != SQLITE_OK)
			return rc;
		if ((rc = index_drop_edition(ix, row.id)) != SQLITE_OK) {
			index_abort(ix);
			return rc;
		}
		return index_end(ix, false);
	}
	if (found && row.size == sg.size && row.stat == sg.stat)
		goto out;
	sig_content(&sg);
	if (found && row.size == sg.size && row.hash == sg.hash) {
		rc = index_touch(ix, row.id, sg.stat);
		goto out;
	}
	ed = load_paths(&p, 1, lopts, &cause);
	if (ed == NULL) {
		if (lopts != NULL && lopts->warn != NULL)
			lopts->warn(lopts->warn_ctx, path, cause);
		free(cause);
		*what = 2;
	} else
		*what = 1;
	rc = index_replace(ix, path, src, ed, &sg);
out:
	edition_free(ed);
	sig_free(&sg);
	return rc;
}

/*
 * Remove the editions under root (a folder, no trailing slash) whose
 * paths are not in seen[0..n) (sorted).  Counts them in *removed.
 */
static int
index_remove_gone(struct index *ix, const char *root, char **seen,
    size_t n, size_t *removed)
{
	sqlite3_stmt *st;
	int64_t *ids = NULL;
	size_t nids = 0, cap = 0, i;
	char *prefix = xasprintf("%s/", root);
	const char *path;
	int rc;

	rc = index_prepare(ix, "SELECT id, path FROM edition WHERE "
	    "substr(path, 1, ?) = ?", &st);
	if (rc != SQLITE_OK)
		goto out;
	sqlite3_bind_int(st, 1, (int)strlen(prefix));
	sqlite3_bind_text(st, 2, prefix, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		path = (const char *)sqlite3_column_text(st, 1);
		if (path == NULL || bsearch(&path, seen, n, sizeof *seen,
		    index_strcmp) != NULL)
			continue;
		if (nids == cap) {
			cap = cap == 0 ? 16 : cap * 2;
			ids = xreallocarray(ids, cap, sizeof *ids);
		}
		ids[nids++] = sqlite3_column_int64(st, 0);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		goto out;
	rc = SQLITE_OK;
	for (i = 0; i < nids && rc == SQLITE_OK; i++) {
		if ((rc = index_exec(ix, "BEGIN IMMEDIATE")) != SQLITE_OK)
			break;
		if ((rc = index_drop_edition(ix, ids[i])) == SQLITE_OK)
			rc = index_exec(ix, "COMMIT");
		else
			index_exec(ix, "ROLLBACK");
		if (rc == SQLITE_OK)
			(*removed)++;
	}
out:
	free(ids);
	free(prefix);
	return rc;
}

/* The canonical form of a path (realpath), or a copy when it has none. */
static char *
index_canon(const char *path)
{
	char *r = realpath(path, NULL);

	return r != NULL ? r : xstrdup(path);
}

int
index_update(struct index *ix, const char *root,
    const struct index_source *src, size_t n,
    const struct index_update_options *opts, struct index_stats *st,
    char **cause)
{
	char **seen = xcalloc(n + 1, sizeof *seen), *croot = NULL;
	size_t i;
	int rc = SQLITE_OK, what;

	memset(st, 0, sizeof *st);
	rc = index_cache(ix, INDEX_CACHE_KB);
	for (i = 0; i < n && rc == SQLITE_OK; i++) {
		seen[i] = index_canon(src[i].path);
		rc = index_one(ix, &src[i], seen[i], opts->load, &what);
		if (rc != SQLITE_OK)
			break;
		if (what == 0)
			st->unchanged++;
		else if (what == 1)
			st->indexed++;
		else if (what == 2)
			st->failed++;
		else
			st->removed++;
		if (opts->progress != NULL)
			opts->progress(opts->progress_ctx, i + 1, n);
	}
	if (rc == SQLITE_OK)
		rc = index_end(ix, true);
	else
		index_abort(ix);
	if (rc == SQLITE_OK && root != NULL) {
		croot = index_canon(root);
		qsort(seen, n, sizeof *seen, index_strcmp);
		rc = index_remove_gone(ix, croot, seen, n, &st->removed);
	}
	/*
	 * After a big build, merge the FTS5 table into one segment: the
	 * index gets smaller (a term is stored once, not once per segment)
	 * and queries read one posting list per term.  Small updates leave
	 * it to FTS5's automerge, since this rewrites the whole table.
	 */
	if (rc == SQLITE_OK && st->indexed > 0 && st->indexed * 4 >= n) {
		if ((rc = index_exec(ix, "BEGIN IMMEDIATE")) == SQLITE_OK) {
			if ((rc = index_exec(ix, "INSERT INTO tri(tri) "
			    "VALUES('optimize')")) == SQLITE_OK)
				rc = index_exec(ix, "COMMIT");
			if (rc != SQLITE_OK)
				index_exec(ix, "ROLLBACK");
		}
		if (rc == SQLITE_OK)
			rc = index_exec(ix, "PRAGMA incremental_vacuum");
	}
	/*
	 * Copy the WAL into the file and truncate it (an optimize writes
	 * the whole FTS5 table there first: the WAL would stay that big,
	 * as no close checkpoints; see index_connect).  Only when no
	 * reader is at work: it must not wait, and it may fail.
	 */
	if (rc == SQLITE_OK && st->indexed + st->failed + st->removed > 0) {
		sqlite3_busy_timeout(ix->db, 0);
		(void)sqlite3_wal_checkpoint_v2(ix->db, NULL,
		    SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL);
		sqlite3_busy_timeout(ix->db, INDEX_BUSY_MS);
	}
	(void)index_cache(ix, INDEX_READ_CACHE_KB);
	for (i = 0; i < n; i++)
		free(seen[i]);
	free(seen);
	free(croot);
	if (rc != SQLITE_OK)
		return index_fail(ix, rc, _("cannot update the search index"),
		    cause);
	return 0;
}

int
index_refresh(struct index *ix, const struct index_update_options *opts,
    struct index_stats *st, char **cause)
{
	struct index_source *src = NULL;
	sqlite3_stmt *q;
	size_t n = 0, cap = 0, i;
	const char *v;
	int rc;

	rc = index_prepare(ix, "SELECT path, paper, date FROM edition ORDER BY "
	    "path", &q);
	if (rc != SQLITE_OK)
		return index_fail(ix, rc, _("cannot read the search index"),
		    cause);
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		if (n == cap) {
			cap = cap == 0 ? 64 : cap * 2;
			src = xreallocarray(src, cap, sizeof *src);
		}
		v = (const char *)sqlite3_column_text(q, 0);
		src[n].path = xstrdup(v != NULL ? v : "");
		v = (const char *)sqlite3_column_text(q, 1);
		src[n].paper = v != NULL ? xstrdup(v) : NULL;
		v = (const char *)sqlite3_column_text(q, 2);
		src[n].date = v != NULL ? xstrdup(v) : NULL;
		n++;
	}
	sqlite3_finalize(q);
	if (rc == SQLITE_DONE)
		rc = index_update(ix, NULL, src, n, opts, st, cause);
	else
		rc = index_fail(ix, rc, _("cannot read the search index"),
		    cause);
	for (i = 0; i < n; i++) {
		free((char *)src[i].path);
		free((char *)src[i].paper);
		free((char *)src[i].date);
	}
	free(src);
	return rc;
}

int
index_holds(struct index *ix, const char *root, char **cause)
{
	sqlite3_stmt *st;
	char *c = index_canon(root), *lo, *hi;
	int rc;

	/* Paths under root sort between "root/" and "root0" ('/' + 1), so
	   the path index answers without a scan. */
	lo = xasprintf("%s/", c);
	hi = xasprintf("%s0", c);
	free(c);
	if ((rc = index_prepare(ix, "SELECT 1 FROM edition WHERE path > ? AND "
	    "path < ? LIMIT 1", &st)) == SQLITE_OK) {
		sqlite3_bind_text(st, 1, lo, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, hi, -1, SQLITE_STATIC);
		rc = sqlite3_step(st);
		sqlite3_finalize(st);
	}
	free(lo);
	free(hi);
	if (rc == SQLITE_ROW)
		return 1;
	if (rc == SQLITE_DONE)
		return 0;
	return index_fail(ix, rc, "cannot read the search index", cause);
}

/* Append an FTS5 string, quoted ("" for a quote inside), ANDed to what
   b holds, as a prefix query when prefix is set. */
static void
index_fts_quote(struct buf *b, const char *s, size_t len, bool prefix)
{
	size_t i;

	if (b->len > 0)
		buf_puts(b, " AND ");
	buf_putc(b, '"');
	for (i = 0; i < len; i++) {
		if (s[i] == '"')
			buf_putc(b, '"');
		buf_putc(b, s[i]);
	}
	buf_putc(b, '"');
	if (prefix)
		buf_puts(b, " *");
}

/*
 * Build the FTS5 expression of q: every trigram of each word of 3
 * characters or more (INDEX_TRIGRAMS_MAX at most per word), each word of
 * 1 or 2 characters as a prefix (see the top of the file).
 */
static void
index_fts_query(struct index *ix, const struct search_query *q,
    struct buf *tri)
{
	const char *term, *key;
	size_t i, klen, ncp, p, a, b, c, ntri;

	for (i = 0; (term = search_query_term(q, i)) != NULL; i++) {
		key = search_key(ix->sidx, term, strlen(term), &klen);
		for (ncp = 0, p = 0; p < klen; ncp++)
			p += index_u8len((unsigned char)key[p]);
		if (ncp == 0)
			continue;
		if (ncp < 3) {
			index_fts_quote(tri, key, klen, true);
			continue;
		}
		for (p = 0, ntri = 0; ntri < INDEX_TRIGRAMS_MAX; ntri++) {
			a = p + index_u8len((unsigned char)key[p]);
			if (a >= klen)
				break;
			b = a + index_u8len((unsigned char)key[a]);
			if (b >= klen)
				break;
			c = b + index_u8len((unsigned char)key[b]);
			if (c > klen)
				break;
			index_fts_quote(tri, key + p, c - p, false);
			p = a;
		}
	}
}

int
index_search(struct index *ix, const struct search_query *q,
    const struct index_filter *f, index_match_fn fn, void *ctx,
    char **cause)
{
	static const struct index_filter none = { NULL, NULL, NULL, NULL,
	    false };
	struct buf sql = BUF_INIT, tri = BUF_INIT;
	struct index_match m;
	struct search_hit *hits;
	struct decoded d;
	struct etext et = { 0, NULL, 0, 0, NULL };
	sqlite3_stmt *st = NULL;
	char *root = NULL;
	size_t count = 0, pos, art;
	int rc, k = 1, r;
	bool corrupt = false, stop = false;

	if (f == NULL)
		f = &none;
	memset(&d, 0, sizeof d);
	index_fts_query(ix, q, &tri);
	buf_puts(&sql, "SELECT p.id, p.section, p.page, e.path, e.paper, "
	    "e.date FROM page p JOIN edition e ON e.id = p.edition WHERE 1");
	if (tri.len > 0)
		buf_puts(&sql, " AND p.id IN (SELECT rowid FROM tri WHERE tri "
		    "MATCH ?)");
	if (f->root != NULL)
		buf_puts(&sql, " AND substr(e.path, 1, ?) = ?");
	if (f->paper != NULL)
		buf_puts(&sql, " AND e.paper = ?");
	if (f->since != NULL)
		buf_puts(&sql, " AND e.date >= ?");
	if (f->until != NULL)
		buf_puts(&sql, " AND e.date <= ?");
	buf_puts(&sql, f->newest ? " ORDER BY e.date DESC, e.paper, e.path, "
	    "p.section" : " ORDER BY e.date, e.paper, e.path, p.section");
	if ((rc = index_prepare(ix, buf_str(&sql), &st)) != SQLITE_OK)
		goto out;
	if (tri.len > 0)
		sqlite3_bind_text(st, k++, buf_str(&tri), -1, SQLITE_STATIC);
	if (f->root != NULL) {
		char *c = index_canon(f->root);

		root = xasprintf("%s/", c);
		free(c);
		sqlite3_bind_int(st, k++, (int)strlen(root));
		sqlite3_bind_text(st, k++, root, -1, SQLITE_STATIC);
	}
	if (f->paper != NULL)
		sqlite3_bind_text(st, k++, f->paper, -1, SQLITE_STATIC);
	if (f->since != NULL)
		sqlite3_bind_text(st, k++, f->since, -1, SQLITE_STATIC);
	if (f->until != NULL)
		sqlite3_bind_text(st, k++, f->until, -1, SQLITE_STATIC);
	while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		if ((rc = etext_load(ix, &et, sqlite3_column_int64(st, 0))) !=
		    SQLITE_OK)
			break;
		/* Each article of a candidate page is a match only if
		   search.c says so. */
		for (pos = 0, art = 0; (r = body_next(&d, &et, &pos)) == 1;
		    art++) {
			m.nhits = search_article(ix->sidx, q, &d.a, &hits);
			if (m.nhits == 0)
				continue;
			m.section = (size_t)sqlite3_column_int64(st, 1);
			m.article = art;
			m.page = (unsigned)sqlite3_column_int64(st, 2);
			m.path = (const char *)sqlite3_column_text(st, 3);
			m.paper = (const char *)sqlite3_column_text(st, 4);
			m.date = (const char *)sqlite3_column_text(st, 5);
			m.a = &d.a;
			m.hits = hits;
			count++;
			stop = !fn(ctx, &m);
			free(hits);
			if (stop)
				break;
		}
		if (r < 0) {
			corrupt = true;
			break;
		}
	}
	if (rc == SQLITE_DONE || rc == SQLITE_ROW)
		rc = SQLITE_OK;
out:
	sqlite3_finalize(st);
	decoded_free(&d);
	etext_free(&et);
	buf_free(&sql);
	buf_free(&tri);
	free(root);
	if (corrupt)
		return INDEX_CORRUPT;
	if (rc != SQLITE_OK)
		return index_fail(ix, rc, _("cannot search the index"), cause);
	return count > INT_MAX ? INT_MAX : (int)count;
}

/* What index_print() passes to its callback. */
struct index_printer {
	FILE	*out;
	size_t	 cols;
};

/* Print one match: "PAPER DATE pPAGE S/A: headline" and snippets. */
static bool
index_print_one(void *ctx, const struct index_match *m)
{
	struct index_printer *pr = ctx;
	char *paper = sanitize_str(m->paper != NULL ? m->paper : "-");
	char *date = sanitize_str(m->date != NULL ? m->date : "-");
	char *label, page[16];

	if (m->page != 0)
		snprintf(page, sizeof page, "p%u", m->page);
	else
		snprintf(page, sizeof page, "p-");
	label = xasprintf("%s %s %s %zu/%zu", paper, date, page,
	    m->section + 1, m->article + 1);
	search_print_match(m->a, m->hits, m->nhits, label, pr->cols, pr->out);
	free(label);
	free(paper);
	free(date);
	return true;
}

int
index_print(struct index *ix, const struct search_query *q,
    const struct index_filter *f, size_t cols, FILE *out, char **cause)
{
	struct index_printer pr = { out, cols };

	return index_search(ix, q, f, index_print_one, &pr, cause);
}
