/*
 * bookmarks.c - the bookmark list and the reading positions, on top of
 * statefile.c (durable, mergeable text files).
 *
 * Records (one line each, tab-separated key=value, see statefile.h):
 *
 *   bookmark  edition= article= headline= title= section= block= offset= added=
 *             number=                  (S/A when added; absent: not known)
 *   position  edition= section= article= block= offset= when= reading=
 *   read      edition= articles=           (ids separated by spaces)
 *   query     text= when=                  (the history file)
 *
 * Unknown keys and record types written by a newer kanbao are kept as they
 * are: the change functions below touch only the records they own.
 */
#include "config.h"

#include "bookmarks.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "edition.h"
#include "json.h"
#include "sanitize.h"
#include "statefile.h"
#include "width.h"
#include "xalloc.h"

#define BOOKMARKS_KIND	"bookmarks"
#define POSITIONS_KIND	"positions"
#define HISTORY_KIND	"history"

/*
 * Positions of editions not opened for a long time are forgotten so the
 * file stays small: only the most recent ones are kept.
 */
#define POSITIONS_MAX	500

/* Columns of S/A in the --bookmarks table: 12/34 and the gap to 2 digits. */
#define BOOKMARKS_SA_COLS	6

/* The canonical path of an edition's source. */
char *
bookmarks_edition_key(const struct edition *ed)
{
	char *real;

	if (ed->source == NULL)
		return xstrdup("");
	if (strcmp(ed->source, "-") == 0)
		return xstrdup("-");
	if ((real = realpath(ed->source, NULL)) != NULL)
		return real;
	return xstrdup(ed->source);
}

/* The bookmarks file path. */
char *
bookmarks_path(char **cause)
{
	char *dir = statefile_dir("XDG_DATA_HOME", ".local/share", cause), *p;

	if (dir == NULL)
		return NULL;
	p = xasprintf("%s/bookmarks", dir);
	free(dir);
	return p;
}

/* The positions file path. */
char *
positions_path(char **cause)
{
	char *dir = statefile_dir("XDG_STATE_HOME", ".local/state", cause), *p;

	if (dir == NULL)
		return NULL;
	p = xasprintf("%s/positions", dir);
	free(dir);
	return p;
}

/* Read the positions file into sf: 0, or -1 with *cause set. */
static int
positions_read(struct statefile *sf, char **cause)
{
	char *path = positions_path(cause);
	int rc;

	if (path == NULL)
		return -1;
	rc = statefile_read(path, POSITIONS_KIND, sf, cause);
	free(path);
	return rc != 0 ? -1 : 0;
}

/* Parse an unsigned number field (missing or bad: 0). */
static size_t
get_size(const struct staterecord *r, const char *key)
{
	const char *v = staterecord_get(r, key);
	unsigned long long n;
	char *end;

	if (v == NULL)
		return 0;
	errno = 0;
	n = strtoull(v, &end, 10);
	if (errno != 0 || *end != '\0' || n > SIZE_MAX)
		return 0;
	return (size_t)n;
}

/* A copy of a string field, "" when missing. */
static char *
get_str(const struct staterecord *r, const char *key)
{
	const char *v = staterecord_get(r, key);

	return xstrdup(v != NULL ? v : "");
}

/* Set a numeric field. */
static void
set_size(struct staterecord *r, const char *key, unsigned long long v)
{
	char num[32];

	snprintf(num, sizeof num, "%llu", v);
	staterecord_set(r, key, num);
}

/*
 * Read "S/A" of key number into *sec and *art; 0 and 0 when absent or not
 * two numbers from 1.
 */
static void
get_sa(const struct staterecord *r, size_t *sec, size_t *art)
{
	const char *v = staterecord_get(r, "number");
	unsigned long long s, a;
	char *end;

	*sec = *art = 0;
	if (v == NULL || *v < '1' || *v > '9')
		return;
	s = strtoull(v, &end, 10);
	if (*end != '/' || end[1] < '1' || end[1] > '9')
		return;
	a = strtoull(end + 1, &end, 10);
	if (*end != '\0' || s > SIZE_MAX || a > SIZE_MAX)
		return;
	*sec = (size_t)s;
	*art = (size_t)a;
}

/* Free a bookmark's strings. */
static void
bookmark_clear(struct bookmark *b)
{
	free(b->edition);
	free(b->edition_title);
	free(b->article);
	free(b->headline);
	free(b->section);
}

/* Free a list. */
void
bookmarks_free(struct bookmarks *bms)
{
	size_t i;

	for (i = 0; i < bms->n; i++)
		bookmark_clear(&bms->items[i]);
	free(bms->items);
	bms->items = NULL;
	bms->n = 0;
}

/* Read all bookmarks. */
int
bookmarks_load(struct bookmarks *out, char **cause)
{
	struct statefile sf;
	char *path = bookmarks_path(cause);
	size_t i;

	out->items = NULL;
	out->n = 0;
	if (path == NULL)
		return -1;
	if (statefile_read(path, BOOKMARKS_KIND, &sf, cause) != 0) {
		free(path);
		return -1;
	}
	free(path);
	for (i = 0; i < sf.nrecords; i++) {
		const struct staterecord *r = &sf.records[i];
		struct bookmark *b;

		if (strcmp(r->type, "bookmark") != 0)
			continue;
		out->items = xreallocarray(out->items, out->n + 1,
		    sizeof *out->items);
		b = &out->items[out->n++];
		b->edition = get_str(r, "edition");
		b->edition_title = get_str(r, "title");
		b->article = get_str(r, "article");
		b->headline = get_str(r, "headline");
		b->section = get_str(r, "section");
		b->block = get_size(r, "block");
		b->offset = get_size(r, "offset");
		b->added = (time_t)get_size(r, "added");
		get_sa(r, &b->sa_section, &b->sa_article);
	}
	statefile_clear(&sf);
	return 0;
}

/* Find a bookmark. */
const struct bookmark *
bookmarks_find(const struct bookmarks *bms, const char *edition,
    const char *article)
{
	size_t i;

	for (i = 0; i < bms->n; i++)
		if (strcmp(bms->items[i].edition, edition) == 0 &&
		    strcmp(bms->items[i].article, article) == 0)
			return &bms->items[i];
	return NULL;
}

/* Index of the record of type with these edition/article keys, or -1. */
static ssize_t
find_record(const struct statefile *sf, const char *type,
    const char *edition, const char *article)
{
	size_t i;

	for (i = 0; i < sf->nrecords; i++) {
		const struct staterecord *r = &sf->records[i];
		const char *e = staterecord_get(r, "edition");
		const char *a = staterecord_get(r, "article");

		if (strcmp(r->type, type) != 0 || e == NULL ||
		    strcmp(e, edition) != 0)
			continue;
		if (article == NULL || (a != NULL && strcmp(a, article) == 0))
			return (ssize_t)i;
	}
	return -1;
}

/* statefile change: add or replace one bookmark. */
static int
change_add(struct statefile *sf, void *ctx, char **cause)
{
	const struct bookmark *bm = ctx;
	struct staterecord *r;
	ssize_t i;
	char sa[48];

	(void)cause;
	i = find_record(sf, "bookmark", bm->edition, bm->article);
	r = i >= 0 ? &sf->records[i] : statefile_add(sf, "bookmark");
	staterecord_set(r, "edition", bm->edition);
	staterecord_set(r, "article", bm->article);
	staterecord_set(r, "headline", bm->headline != NULL ? bm->headline : "");
	staterecord_set(r, "title", bm->edition_title != NULL ?
	    bm->edition_title : "");
	staterecord_set(r, "section", bm->section != NULL ? bm->section : "");
	set_size(r, "block", bm->block);
	set_size(r, "offset", bm->offset);
	set_size(r, "added", (unsigned long long)(bm->added != 0 ? bm->added :
	    time(NULL)));
	if (bm->sa_section > 0 && bm->sa_article > 0) {
		snprintf(sa, sizeof sa, "%zu/%zu", bm->sa_section,
		    bm->sa_article);
		staterecord_set(r, "number", sa);
	}
	return 1;
}

/* Add a bookmark. */
int
bookmarks_add(const struct bookmark *bm, char **cause)
{
	char *path = bookmarks_path(cause);
	int rc;

	if (path == NULL)
		return -1;
	rc = statefile_update(path, BOOKMARKS_KIND, change_add, (void *)bm,
	    cause);
	free(path);
	return rc;
}

/* What to remove: an edition's article. */
struct removal {
	const char	*edition;
	const char	*article;
};

/* statefile change: remove one bookmark if present. */
static int
change_remove(struct statefile *sf, void *ctx, char **cause)
{
	const struct removal *rm = ctx;
	ssize_t i;

	(void)cause;
	i = find_record(sf, "bookmark", rm->edition, rm->article);
	if (i < 0)
		return 0;
	statefile_remove(sf, (size_t)i);
	return 1;
}

/* Remove a bookmark. */
int
bookmarks_remove(const char *edition, const char *article, char **cause)
{
	struct removal rm = { edition, article };
	char *path = bookmarks_path(cause);
	int rc;

	if (path == NULL)
		return -1;
	rc = statefile_update(path, BOOKMARKS_KIND, change_remove, &rm, cause);
	free(path);
	return rc;
}

/* Append one sanitised field padded to cols display columns. */
static void
print_col(struct buf *line, const char *s, size_t cols)
{
	char *clean = sanitize_str(s), *padded;

	padded = width_pad(clean, strlen(clean), cols);
	buf_puts(line, padded);
	free(padded);
	free(clean);
}

/* Append a sanitised field and a separator (TSV: tabs become spaces). */
static void
print_field(struct buf *line, const char *s, const char *sep)
{
	char *clean = sanitize_str(s);

	buf_puts(line, clean);
	buf_puts(line, sep);
	free(clean);
}

/* Print one bookmark in the given format. */
static void
print_one(FILE *out, const struct bookmark *b, enum bookmarks_format fmt,
    size_t width)
{
	struct buf line = BUF_INIT;
	struct stat st;
	char when[32], sa[48] = "";
	struct tm tm;
	char *cut;
	bool missing;

	if (localtime_r(&b->added, &tm) == NULL ||
	    strftime(when, sizeof when, "%Y-%m-%d %H:%M", &tm) == 0)
		strcpy(when, "?");
	missing = strcmp(b->edition, "-") != 0 && stat(b->edition, &st) != 0;
	if (b->sa_section > 0 && b->sa_article > 0)
		snprintf(sa, sizeof sa, "%zu/%zu", b->sa_section,
		    b->sa_article);
	switch (fmt) {
	case BOOKMARKS_TABLE:
		buf_printf(&line, "%s  ", when);
		print_col(&line, b->edition_title, 16);
		buf_puts(&line, "  ");
		print_col(&line, b->section, 14);
		buf_puts(&line, "  ");
		/* S/A as --list, --search and the reader number it. */
		print_col(&line, *sa != '\0' ? sa : "-", BOOKMARKS_SA_COLS);
		buf_puts(&line, "  ");
		print_field(&line, b->headline, "");
		if (missing)
			buf_puts(&line, "  (edition missing)");
		cut = width_truncate(buf_str(&line), line.len,
		    width > 0 ? width : 80, NULL);
		fprintf(out, "%s\n", cut);
		free(cut);
		break;
	case BOOKMARKS_TSV:
		buf_printf(&line, "%s\t", when);
		print_field(&line, b->edition, "\t");
		print_field(&line, b->article, "\t");
		print_field(&line, b->edition_title, "\t");
		print_field(&line, b->section, "\t");
		print_field(&line, b->headline, "\t");
		/* S/A last: scripts that cut the older fields still work. */
		buf_printf(&line, "%zu\t%zu\t%s\t%s", b->block, b->offset,
		    missing ? "missing" : "ok", sa);
		fprintf(out, "%s\n", buf_str(&line));
		break;
	case BOOKMARKS_JSON:
		json_begin(&line);
		json_string(&line, "added", when);
		json_number(&line, "added_unix",
		    b->added > 0 ? (unsigned long long)b->added : 0);
		json_string(&line, "edition", b->edition);
		json_string(&line, "article", b->article);
		json_string(&line, "edition_title", b->edition_title);
		json_string(&line, "section", b->section);
		json_string(&line, "headline", b->headline);
		json_number(&line, "block", b->block);
		json_number(&line, "offset", b->offset);
		json_bool(&line, "missing", missing);
		if (*sa != '\0') {
			json_number(&line, "section_number", b->sa_section);
			json_number(&line, "article_number", b->sa_article);
		}
		json_end(&line);
		fprintf(out, "%s\n", buf_str(&line));
		break;
	}
	buf_free(&line);
}

/* Print the bookmark list. */
int
bookmarks_print(FILE *out, enum bookmarks_format fmt, size_t width,
    char **cause)
{
	struct bookmarks bms;
	size_t i;

	if (bookmarks_load(&bms, cause) != 0)
		return -1;
	for (i = 0; i < bms.n; i++)
		print_one(out, &bms.items[i], fmt, width);
	bookmarks_free(&bms);
	return (int)(i > INT_MAX ? INT_MAX : i);
}

/* Load the position of an edition. */
int
position_load(const char *edition, struct position *out, char **cause)
{
	struct statefile sf;
	ssize_t i;

	memset(out, 0, sizeof *out);
	if (positions_read(&sf, cause) != 0)
		return -1;
	i = find_record(&sf, "position", edition, NULL);
	if (i >= 0) {
		const struct staterecord *r = &sf.records[i];
		const char *a = staterecord_get(r, "article");

		out->edition = xstrdup(edition);
		out->section = get_size(r, "section");
		out->article = a != NULL && a[0] != '\0' ? xstrdup(a) : NULL;
		out->block = get_size(r, "block");
		out->offset = get_size(r, "offset");
		out->when = (time_t)get_size(r, "when");
		/* Absent in files of older kanbao versions: a list view. */
		out->reading = get_size(r, "reading") != 0;
	}
	statefile_clear(&sf);
	return i >= 0 ? 1 : 0;
}

/* statefile change: replace an edition's position, newest last. */
static int
change_position(struct statefile *sf, void *ctx, char **cause)
{
	const struct position *p = ctx;
	struct staterecord *r;
	ssize_t i;
	size_t npos = 0, k;

	(void)cause;
	if ((i = find_record(sf, "position", p->edition, NULL)) >= 0)
		statefile_remove(sf, (size_t)i);
	r = statefile_add(sf, "position");
	staterecord_set(r, "edition", p->edition);
	set_size(r, "section", p->section);
	staterecord_set(r, "article", p->article != NULL ? p->article : "");
	set_size(r, "block", p->block);
	set_size(r, "offset", p->offset);
	set_size(r, "when", (unsigned long long)(p->when != 0 ? p->when :
	    time(NULL)));
	set_size(r, "reading", p->reading ? 1 : 0);
	/* Forget the oldest positions beyond the limit (they come first). */
	for (k = 0; k < sf->nrecords; k++)
		if (strcmp(sf->records[k].type, "position") == 0)
			npos++;
	for (k = 0; npos > POSITIONS_MAX && k < sf->nrecords; ) {
		if (strcmp(sf->records[k].type, "position") == 0) {
			statefile_remove(sf, k);
			npos--;
		} else
			k++;
	}
	return 1;
}

/* Save a position. */
int
position_save(const struct position *p, char **cause)
{
	char *path = positions_path(cause);
	int rc;

	if (path == NULL)
		return -1;
	rc = statefile_update(path, POSITIONS_KIND, change_position, (void *)p,
	    cause);
	free(path);
	return rc;
}

/* Free a position's strings. */
void
position_free(struct position *p)
{
	free(p->edition);
	free(p->article);
	p->edition = p->article = NULL;
}

/* The edition of the last position record (they are kept newest last). */
int
position_last(char **edition, char **cause)
{
	struct statefile sf;
	const char *e;
	size_t i;

	*edition = NULL;
	if (positions_read(&sf, cause) != 0)
		return -1;
	for (i = sf.nrecords; i-- > 0;) {
		if (strcmp(sf.records[i].type, "position") == 0 &&
		    (e = staterecord_get(&sf.records[i], "edition")) != NULL &&
		    *e != '\0') {
			*edition = xstrdup(e);
			break;
		}
	}
	statefile_clear(&sf);
	return *edition != NULL ? 1 : 0;
}

/* Binary search for article; *at is where it is or would go. */
static bool
readset_find(const struct readset *rs, const char *article, size_t *at)
{
	size_t lo = 0, hi = rs->n, mid;
	int c;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		c = strcmp(rs->ids[mid], article);
		if (c == 0) {
			*at = mid;
			return true;
		}
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	*at = lo;
	return false;
}

/* Whether the set holds article. */
bool
readset_has(const struct readset *rs, const char *article)
{
	size_t at;

	return readset_find(rs, article, &at);
}

/* Add or remove article in memory. */
void
readset_set(struct readset *rs, const char *article, bool read)
{
	size_t at;
	bool has = readset_find(rs, article, &at);

	if (read && !has) {
		rs->ids = xreallocarray(rs->ids, rs->n + 1, sizeof *rs->ids);
		memmove(rs->ids + at + 1, rs->ids + at,
		    (rs->n - at) * sizeof *rs->ids);
		rs->ids[at] = xstrdup(article);
		rs->n++;
	} else if (!read && has) {
		free(rs->ids[at]);
		memmove(rs->ids + at, rs->ids + at + 1,
		    (rs->n - at - 1) * sizeof *rs->ids);
		rs->n--;
	}
}

/* Free a set. */
void
readset_free(struct readset *rs)
{
	size_t i;

	for (i = 0; i < rs->n; i++)
		free(rs->ids[i]);
	free(rs->ids);
	rs->ids = NULL;
	rs->n = 0;
}

/*
 * Parse the articles= value of a read record into *rs (sorted, duplicates
 * dropped).  Anything but an id-like word is skipped: a hand-edited file
 * loses nothing else.
 */
static void
readset_parse(const char *list, struct readset *rs)
{
	const char *p = list, *end;
	char *id;

	memset(rs, 0, sizeof *rs);
	if (list == NULL)
		return;
	while (*p != '\0') {
		while (*p == ' ')
			p++;
		end = p;
		while (*end != '\0' && *end != ' ')
			end++;
		if (end > p) {
			id = xstrndup(p, (size_t)(end - p));
			readset_set(rs, id, true);
			free(id);
		}
		p = end;
	}
}

/* Read an edition's read set. */
int
readset_load(const char *edition, struct readset *out, char **cause)
{
	struct statefile sf;
	ssize_t i;

	memset(out, 0, sizeof *out);
	if (positions_read(&sf, cause) != 0)
		return -1;
	if ((i = find_record(&sf, "read", edition, NULL)) >= 0)
		readset_parse(staterecord_get(&sf.records[i], "articles"), out);
	statefile_clear(&sf);
	return 0;
}

/* What readset_mark changes. */
struct read_change {
	const char	*edition;
	const char	*article;
	bool		 read;
};

/* statefile change: add or remove one id of an edition's read record. */
static int
change_read(struct statefile *sf, void *ctx, char **cause)
{
	const struct read_change *rc = ctx;
	struct readset rs;
	struct staterecord *r;
	struct buf list = BUF_INIT;
	ssize_t i;
	size_t k, nread = 0;

	(void)cause;
	i = find_record(sf, "read", rc->edition, NULL);
	readset_parse(i >= 0 ? staterecord_get(&sf->records[i], "articles") :
	    NULL, &rs);
	if (readset_has(&rs, rc->article) == rc->read) {
		readset_free(&rs);
		return 0;	/* already so: nothing to write */
	}
	readset_set(&rs, rc->article, rc->read);
	/* The edition read most recently goes last, like positions. */
	if (i >= 0)
		statefile_remove(sf, (size_t)i);
	if (rs.n > 0) {
		for (k = 0; k < rs.n; k++) {
			if (k > 0)
				buf_putc(&list, ' ');
			buf_puts(&list, rs.ids[k]);
		}
		r = statefile_add(sf, "read");
		staterecord_set(r, "edition", rc->edition);
		staterecord_set(r, "articles", buf_str(&list));
	}
	buf_free(&list);
	readset_free(&rs);
	/* Forget the editions read longest ago (they come first). */
	for (k = 0; k < sf->nrecords; k++)
		if (strcmp(sf->records[k].type, "read") == 0)
			nread++;
	for (k = 0; nread > POSITIONS_MAX && k < sf->nrecords; ) {
		if (strcmp(sf->records[k].type, "read") == 0) {
			statefile_remove(sf, k);
			nread--;
		} else
			k++;
	}
	return 1;
}

/* Mark an article read or unread. */
int
readset_mark(const char *edition, const char *article, bool read,
    char **cause)
{
	struct read_change rc = { edition, article, read };
	char *path = positions_path(cause);
	int ret;

	if (path == NULL)
		return -1;
	ret = statefile_update(path, POSITIONS_KIND, change_read, &rc, cause);
	free(path);
	return ret;
}

/* The search history file path. */
char *
history_path(char **cause)
{
	char *dir = statefile_dir("XDG_STATE_HOME", ".local/state", cause), *p;

	if (dir == NULL)
		return NULL;
	p = xasprintf("%s/history", dir);
	free(dir);
	return p;
}

/* Read the history, oldest first. */
int
history_load(struct history *out, char **cause)
{
	struct statefile sf;
	char *path = history_path(cause);
	const char *text;
	size_t i;

	memset(out, 0, sizeof *out);
	if (path == NULL)
		return -1;
	if (statefile_read(path, HISTORY_KIND, &sf, cause) != 0) {
		free(path);
		return -1;
	}
	free(path);
	out->items = xcalloc(sf.nrecords > 0 ? sf.nrecords : 1,
	    sizeof *out->items);
	for (i = 0; i < sf.nrecords; i++) {
		if (strcmp(sf.records[i].type, "query") != 0)
			continue;
		text = staterecord_get(&sf.records[i], "text");
		if (text != NULL && *text != '\0')
			out->items[out->n++] = xstrdup(text);
	}
	statefile_clear(&sf);
	return 0;
}

/* statefile change: append a query, drop an older equal one, bound it. */
static int
change_history(struct statefile *sf, void *ctx, char **cause)
{
	const char *query = ctx;
	struct staterecord *r;
	const char *text;
	size_t k, n = 0;

	(void)cause;
	for (k = 0; k < sf->nrecords; ) {
		if (strcmp(sf->records[k].type, "query") == 0 &&
		    (text = staterecord_get(&sf->records[k], "text")) != NULL &&
		    strcmp(text, query) == 0)
			statefile_remove(sf, k);
		else
			k++;
	}
	r = statefile_add(sf, "query");
	staterecord_set(r, "text", query);
	set_size(r, "when", (unsigned long long)time(NULL));
	/* Forget the oldest queries beyond the limit (they come first). */
	for (k = 0; k < sf->nrecords; k++)
		if (strcmp(sf->records[k].type, "query") == 0)
			n++;
	for (k = 0; n > HISTORY_MAX && k < sf->nrecords; ) {
		if (strcmp(sf->records[k].type, "query") == 0) {
			statefile_remove(sf, k);
			n--;
		} else
			k++;
	}
	return 1;
}

/* Add a query to the history. */
int
history_add(const char *query, char **cause)
{
	char *path = history_path(cause);
	int rc;

	if (path == NULL)
		return -1;
	rc = statefile_update(path, HISTORY_KIND, change_history,
	    (void *)query, cause);
	free(path);
	return rc;
}

/* Free a history. */
void
history_free(struct history *h)
{
	size_t i;

	for (i = 0; i < h->n; i++)
		free(h->items[i]);
	free(h->items);
	h->items = NULL;
	h->n = 0;
}
