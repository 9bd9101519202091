/*
 * statefile.c - durable, mergeable text state files (see statefile.h).
 *
 * The order of operations in an update is what makes it safe:
 *
 *   lock FILE.lock (flock, LOCK_EX)    two kanbao processes take turns
 *   read FILE, parse it                a change made by the other process
 *                                      since we started is now in memory
 *   apply the caller's change          so it is merged, not overwritten
 *   write FILE.tmp.PID, fsync          the data is on disk before its name
 *   rename FILE.tmp.PID -> FILE        atomic: readers see old or new
 *   fsync the folder                   the rename itself is on disk
 *   unlock
 *
 * A crash (SIGKILL, power loss) at any point leaves the old file or the new
 * one; a stray FILE.tmp.PID is harmless and removed by the next update of
 * the same process id, or ignored.  flock() locks belong to the open file
 * description and vanish when the process dies, so there is no stale lock to
 * clean up (research: reliability-anchors.md section 4).
 */
#include "config.h"

#include "statefile.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "buf.h"
#include "i18n.h"
#include "xalloc.h"

#define STATEFILE_VERSION	1	/* format version this kanbao writes */
#define STATEFILE_MAX_SIZE	(64u << 20)	/* refuse larger state files */
#define LOCK_WAIT_S		5	/* give up on the lock after 5 s */
#define LOCK_POLL_NS		5000000L	/* 5 ms between tries */

/* CRC-32 (IEEE), bitwise: state files are small, a table is not needed. */
static uint32_t
crc32_update(uint32_t crc, const char *s, size_t len)
{
	size_t i;
	int k;

	crc = ~crc;
	for (i = 0; i < len; i++) {
		crc ^= (unsigned char)s[i];
		for (k = 0; k < 8; k++)
			crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
	}
	return ~crc;
}

/* Append value to b with \\, \t and \n escaped. */
static void
escape_into(struct buf *b, const char *value)
{
	for (; *value != '\0'; value++) {
		switch (*value) {
		case '\\':
			buf_puts(b, "\\\\");
			break;
		case '\t':
			buf_puts(b, "\\t");
			break;
		case '\n':
			buf_puts(b, "\\n");
			break;
		case '\r':
			buf_puts(b, "\\r");
			break;
		default:
			buf_putc(b, *value);
		}
	}
}

/* Undo escape_into() on s[0..len); returns a new string or NULL if bad. */
static char *
unescape(const char *s, size_t len)
{
	struct buf b = BUF_INIT;
	size_t i;

	for (i = 0; i < len; i++) {
		if (s[i] != '\\') {
			buf_putc(&b, s[i]);
			continue;
		}
		if (++i == len) {
			buf_free(&b);
			return NULL;
		}
		switch (s[i]) {
		case '\\':
			buf_putc(&b, '\\');
			break;
		case 't':
			buf_putc(&b, '\t');
			break;
		case 'n':
			buf_putc(&b, '\n');
			break;
		case 'r':
			buf_putc(&b, '\r');
			break;
		default:
			buf_free(&b);
			return NULL;
		}
	}
	return buf_detach(&b);
}

/* Free the records of a state file. */
void
statefile_clear(struct statefile *sf)
{
	size_t i, j;

	for (i = 0; i < sf->nrecords; i++) {
		for (j = 0; j < sf->records[i].nfields; j++) {
			free(sf->records[i].fields[j].key);
			free(sf->records[i].fields[j].value);
		}
		free(sf->records[i].fields);
		free(sf->records[i].type);
	}
	free(sf->records);
	free(sf->kind);
	memset(sf, 0, sizeof *sf);
}

/* Value of a key. */
const char *
staterecord_get(const struct staterecord *r, const char *key)
{
	size_t i;

	for (i = 0; i < r->nfields; i++)
		if (strcmp(r->fields[i].key, key) == 0)
			return r->fields[i].value;
	return NULL;
}

/* Set a key's value. */
void
staterecord_set(struct staterecord *r, const char *key, const char *value)
{
	size_t i;

	for (i = 0; i < r->nfields; i++)
		if (strcmp(r->fields[i].key, key) == 0) {
			free(r->fields[i].value);
			r->fields[i].value = xstrdup(value);
			return;
		}
	r->fields = xreallocarray(r->fields, r->nfields + 1,
	    sizeof *r->fields);
	r->fields[r->nfields].key = xstrdup(key);
	r->fields[r->nfields].value = xstrdup(value);
	r->nfields++;
}

/* Append a record. */
struct staterecord *
statefile_add(struct statefile *sf, const char *type)
{
	struct staterecord *r;

	sf->records = xreallocarray(sf->records, sf->nrecords + 1,
	    sizeof *sf->records);
	r = &sf->records[sf->nrecords++];
	memset(r, 0, sizeof *r);
	r->type = xstrdup(type);
	return r;
}

/* Remove a record. */
void
statefile_remove(struct statefile *sf, size_t i)
{
	size_t j;

	if (i >= sf->nrecords)
		return;
	for (j = 0; j < sf->records[i].nfields; j++) {
		free(sf->records[i].fields[j].key);
		free(sf->records[i].fields[j].value);
	}
	free(sf->records[i].fields);
	free(sf->records[i].type);
	memmove(&sf->records[i], &sf->records[i + 1],
	    (sf->nrecords - i - 1) * sizeof *sf->records);
	sf->nrecords--;
}

/*
 * Parse one record line (without newline) into a new record of sf.
 * Returns 0, or -1 when a field is not key=value or badly escaped.
 */
static int
parse_record(struct statefile *sf, const char *line, size_t len)
{
	const char *tab = memchr(line, '\t', len), *p, *end = line + len;
	struct staterecord *r;
	char *type;

	/* The type is escaped like keys and values (format_state). */
	type = unescape(line, tab != NULL ? (size_t)(tab - line) : len);
	if (type == NULL || type[0] == '\0') {
		free(type);
		return -1;
	}
	r = statefile_add(sf, type);
	free(type);
	for (p = tab; p != NULL && p < end; ) {
		const char *start = p + 1, *next, *eq;
		char *key, *value;

		next = memchr(start, '\t', (size_t)(end - start));
		if (next == NULL)
			next = end;
		eq = memchr(start, '=', (size_t)(next - start));
		if (eq == NULL || eq == start)
			return -1;
		key = unescape(start, (size_t)(eq - start));
		value = unescape(eq + 1, (size_t)(next - eq - 1));
		if (key == NULL || value == NULL) {
			free(key);
			free(value);
			return -1;
		}
		r->fields = xreallocarray(r->fields, r->nfields + 1,
		    sizeof *r->fields);
		r->fields[r->nfields].key = key;
		r->fields[r->nfields].value = value;
		r->nfields++;
		p = next < end ? next : NULL;
	}
	return 0;
}

/*
 * Parse the text of a state file.  Returns 0, or -1 with *cause set to
 * "LINE: reason".
 */
static int
parse_state(const char *data, size_t len, const char *kind,
    struct statefile *sf, char **cause)
{
	const char *p = data, *end = data + len, *nl;
	unsigned lineno = 0;
	size_t count = 0;
	bool trailer = false;
	int version;
	char header[64];

	memset(sf, 0, sizeof *sf);
	sf->kind = xstrdup(kind);
	/*
	 * A NUL would cut a key or value short when parsed and be written
	 * back as a record this parser refuses: never a valid state file.
	 */
	if (memchr(data, '\0', len) != NULL) {
		*cause = xstrdup(_("1: NUL byte in the file"));
		return -1;
	}
	nl = memchr(p, '\n', len);
	if (nl == NULL) {
		*cause = xstrdup(_("1: no header line"));
		return -1;
	}
	lineno = 1;
	snprintf(header, sizeof header, "kanbao-%s ", kind);
	if ((size_t)(nl - p) <= strlen(header) ||
	    strncmp(p, header, strlen(header)) != 0) {
		*cause = xasprintf(_("1: not a kanbao %s file"), kind);
		return -1;
	}
	version = atoi(p + strlen(header));
	if (version < 1) {
		*cause = xstrdup(_("1: bad format version"));
		return -1;
	}
	if (version > STATEFILE_VERSION) {
		*cause = xasprintf(_("1: written by a newer kanbao (format %d; "
		    "this one knows %d)"), version, STATEFILE_VERSION);
		return -1;
	}
	p = nl + 1;
	while (p < end) {
		size_t llen;

		lineno++;
		nl = memchr(p, '\n', (size_t)(end - p));
		if (nl == NULL) {
			*cause = xasprintf(_("%u: truncated (no end of line)"),
			    lineno);
			return -1;
		}
		llen = (size_t)(nl - p);
		if (llen >= 4 && strncmp(p, "end\t", 4) == 0) {
			struct statefile tmp = { NULL, NULL, 0 };
			const char *n, *c;
			uint32_t crc = crc32_update(0, data,
			    (size_t)(p - data));
			char want[16];

			if (parse_record(&tmp, p, llen) != 0 ||
			    (n = staterecord_get(&tmp.records[0], "count")) ==
			    NULL ||
			    (c = staterecord_get(&tmp.records[0], "crc")) ==
			    NULL) {
				statefile_clear(&tmp);
				*cause = xasprintf(_("%u: bad end line"),
				    lineno);
				return -1;
			}
			snprintf(want, sizeof want, "%08x", crc);
			if (strtoul(n, NULL, 10) != count ||
			    strcmp(c, want) != 0) {
				statefile_clear(&tmp);
				*cause = xasprintf(_("%u: checksum mismatch "
				    "(the file was changed or damaged)"),
				    lineno);
				return -1;
			}
			statefile_clear(&tmp);
			trailer = true;
			p = nl + 1;
			break;
		}
		if (llen > 0 && parse_record(sf, p, llen) != 0) {
			*cause = xasprintf(_("%u: bad record"), lineno);
			return -1;
		}
		if (llen > 0)
			count++;
		p = nl + 1;
	}
	if (!trailer) {
		*cause = xasprintf(_("%u: truncated (no end line)"), lineno);
		return -1;
	}
	if (p != end) {
		*cause = xasprintf(_("%u: text after the end line"),
		    lineno + 1);
		return -1;
	}
	return 0;
}

/* Parse the text of a state file held in memory. */
int
statefile_parse(const char *data, size_t len, const char *kind,
    struct statefile *sf, char **cause)
{
	if (parse_state(data, len, kind, sf, cause) != 0) {
		statefile_clear(sf);
		return -1;
	}
	return 0;
}

/* Read and parse a state file; a missing file is an empty state. */
int
statefile_read(const char *path, const char *kind, struct statefile *sf,
    char **cause)
{
	struct stat st;
	struct buf b = BUF_INIT;
	char chunk[8192], *why = NULL;
	ssize_t n;
	int fd, rc;

	memset(sf, 0, sizeof *sf);
	fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
	if (fd == -1) {
		if (errno == ENOENT) {
			sf->kind = xstrdup(kind);
			return 0;
		}
		*cause = xasprintf("%s: %s", path, errno == ELOOP ?
		    "is a symbolic link (refused)" : strerror(errno));
		return -1;
	}
	if (fstat(fd, &st) == -1 || !S_ISREG(st.st_mode)) {
		close(fd);
		*cause = xasprintf(_("%s: not a regular file"), path);
		return -1;
	}
	while ((n = read(fd, chunk, sizeof chunk)) != 0) {
		if (n < 0) {
			if (errno == EINTR)
				continue;
			*cause = xasprintf("%s: %s", path, strerror(errno));
			close(fd);
			buf_free(&b);
			return -1;
		}
		buf_append(&b, chunk, (size_t)n);
		if (b.len > STATEFILE_MAX_SIZE) {
			*cause = xasprintf(_("%s: too large"), path);
			close(fd);
			buf_free(&b);
			return -1;
		}
	}
	close(fd);
	rc = parse_state(buf_str(&b), b.len, kind, sf, &why);
	buf_free(&b);
	if (rc != 0) {
		statefile_clear(sf);
		*cause = xasprintf("%s:%s", path, why);
		free(why);
		return -1;
	}
	return 0;
}

/* Serialise sf into b, with the trailer. */
static void
format_state(const struct statefile *sf, struct buf *b)
{
	size_t i, j;
	uint32_t crc;

	buf_printf(b, "kanbao-%s %d\n", sf->kind, STATEFILE_VERSION);
	for (i = 0; i < sf->nrecords; i++) {
		const struct staterecord *r = &sf->records[i];

		escape_into(b, r->type);
		for (j = 0; j < r->nfields; j++) {
			buf_putc(b, '\t');
			escape_into(b, r->fields[j].key);
			buf_putc(b, '=');
			escape_into(b, r->fields[j].value);
		}
		buf_putc(b, '\n');
	}
	crc = crc32_update(0, buf_str(b), b->len);
	buf_printf(b, "end\tcount=%zu\tcrc=%08x\n", sf->nrecords, crc);
}

/* Write all of data to fd, retrying on EINTR and short writes. */
static int
write_all(int fd, const char *data, size_t len)
{
	ssize_t n;

	while (len > 0) {
		n = write(fd, data, len);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		data += n;
		len -= (size_t)n;
	}
	return 0;
}

/* Create dir and its parents with mode 0700. */
static int
mkdir_p(const char *dir)
{
	char *p = xstrdup(dir), *s;
	int rc = 0;

	for (s = p + 1; ; s++) {
		if (*s == '/' || *s == '\0') {
			char c = *s;

			*s = '\0';
			if (mkdir(p, 0700) != 0 && errno != EEXIST) {
				rc = -1;
				break;
			}
			*s = c;
			if (c == '\0')
				break;
		}
	}
	free(p);
	return rc;
}

/* The folder part of a path (caller frees). */
static char *
dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');

	if (slash == NULL)
		return xstrdup(".");
	if (slash == path)
		return xstrdup("/");
	return xstrndup(path, (size_t)(slash - path));
}

/*
 * Take the exclusive lock of path (FILE.lock), waiting up to LOCK_WAIT_S
 * seconds.  Tries come often: a writer that takes the lock again right
 * after releasing it leaves short gaps, and a waiter polling slowly would
 * miss them all (starve) although the lock is free many times a second.
 * Returns the lock descriptor, or -1 with *cause set.
 */
static int
lock_take(const char *path, char **cause)
{
	char *lockpath = xasprintf("%s.lock", path), pid[32];
	struct timespec ts = { 0, LOCK_POLL_NS }, start, now;
	int fd;

	fd = open(lockpath, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
	if (fd == -1) {
		*cause = xasprintf("%s: %s", lockpath, strerror(errno));
		free(lockpath);
		return -1;
	}
	clock_gettime(CLOCK_MONOTONIC, &start);
	while (flock(fd, LOCK_EX | LOCK_NB) != 0) {
		if (errno != EWOULDBLOCK && errno != EINTR) {
			*cause = xasprintf("%s: %s", lockpath, strerror(errno));
			goto fail;
		}
		clock_gettime(CLOCK_MONOTONIC, &now);
		if (now.tv_sec - start.tv_sec >= LOCK_WAIT_S) {
			ssize_t n = pread(fd, pid, sizeof pid - 1, 0);

			pid[n > 0 ? n : 0] = '\0';
			pid[strcspn(pid, "\n")] = '\0';
			*cause = xasprintf(_("%s: locked by another kanbao "
			    "(pid %s)"), lockpath, pid[0] != '\0' ? pid : "?");
			goto fail;
		}
		nanosleep(&ts, NULL);
	}
	/* The pid is only for the message above; failure to write is harmless. */
	snprintf(pid, sizeof pid, "%ld\n", (long)getpid());
	if (ftruncate(fd, 0) == 0 && pwrite(fd, pid, strlen(pid), 0) < 0)
		errno = 0;
	free(lockpath);
	return fd;
fail:
	close(fd);
	free(lockpath);
	return -1;
}

/*
 * Write sf to path atomically: temp file, fsync, rename, fsync folder.
 * Returns 0, or -1 with *cause set; the old file is intact on failure.
 */
static int
write_atomic(const char *path, const struct statefile *sf, char **cause)
{
	struct buf b = BUF_INIT;
	char *tmp = xasprintf("%s.tmp.%ld", path, (long)getpid());
	char *dir = dir_of(path);
	int fd, dfd, saved;

	format_state(sf, &b);
	unlink(tmp);		/* a leftover of this pid's earlier crash */
	fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
	    0600);
	if (fd == -1)
		goto fail;
	/* Independent of the umask: state may be private (bookmarks). */
	if (fchmod(fd, 0600) != 0 || write_all(fd, b.data, b.len) != 0 ||
	    fsync(fd) != 0) {
		saved = errno;
		close(fd);
		unlink(tmp);
		errno = saved;
		goto fail;
	}
	if (close(fd) != 0) {
		saved = errno;
		unlink(tmp);
		errno = saved;
		goto fail;
	}
	if (rename(tmp, path) != 0) {
		saved = errno;
		unlink(tmp);
		errno = saved;
		goto fail;
	}
	if ((dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) != -1) {
		/* Best effort: some file systems refuse fsync on folders. */
		if (fsync(dfd) != 0)
			errno = 0;
		close(dfd);
	}
	buf_free(&b);
	free(tmp);
	free(dir);
	return 0;
fail:
	*cause = xasprintf(_("%s: cannot save (%s); the previous version is "
	    "kept"), path, strerror(errno));
	buf_free(&b);
	free(tmp);
	free(dir);
	return -1;
}

/* Lock, re-read, change, write, unlock. */
int
statefile_update(const char *path, const char *kind,
    statefile_change_fn change, void *ctx, char **cause)
{
	struct statefile sf;
	char *dir = dir_of(path);
	int lock, rc;

	if (mkdir_p(dir) != 0) {
		*cause = xasprintf(_("%s: cannot create folder (%s)"), dir,
		    strerror(errno));
		free(dir);
		return -1;
	}
	free(dir);
	if ((lock = lock_take(path, cause)) == -1)
		return -1;
	if (statefile_read(path, kind, &sf, cause) != 0) {
		close(lock);
		return -1;
	}
	rc = change(&sf, ctx, cause);
	if (rc > 0)
		rc = write_atomic(path, &sf, cause);
	statefile_clear(&sf);
	close(lock);		/* releases the flock */
	return rc < 0 ? -1 : 0;
}

/* The XDG folder for kanbao's files. */
char *
statefile_dir(const char *envvar, const char *fallback, char **cause)
{
	const char *v = getenv(envvar), *home;

	/* XDG: "All paths ... must be absolute"; others are ignored. */
	if (v != NULL && v[0] == '/')
		return xasprintf("%s/kanbao", v);
	home = getenv("HOME");
	if (home == NULL || home[0] != '/') {
		*cause = xasprintf(_("neither %s nor HOME is an absolute path"),
		    envvar);
		return NULL;
	}
	return xasprintf("%s/%s/kanbao", home, fallback);
}
