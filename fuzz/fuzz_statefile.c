/*
 * fuzz_statefile.c - fuzz target for the state-file parser (statefile.h)
 * and the bookmarks listing built on it (kanbao --bookmarks).
 *
 * The bytes are written to $TMPDIR/kanbao-fuzz-PID/kanbao/bookmarks and
 * read back with statefile_read(), because the rewrite and the listing
 * below work on the file (statefile_parse() alone would skip them); the
 * folder is removed after each input.
 *
 * Input: byte 0 holds flags, the rest is the file.
 *   0x01  append a correct "end<TAB>count=N<TAB>crc=X" trailer, so the
 *         fuzzer reaches the record parser instead of stopping at the
 *         checksum (which a mutation almost always breaks)
 *   0x02  when the file parses, rewrite it with statefile_update() and
 *         read it again: the records must survive unchanged (escaping of
 *         \, TAB, CR and LF in values)
 *   0x04  print it with bookmarks_print(), as --bookmarks does, and check
 *         the output is safe for a terminal (fuzz_check_display)
 * Invariants: statefile_read() returns 0, or -1 with a message; a file
 * that parses has a kind and non-empty record types.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bookmarks.h"
#include "buf.h"
#include "fuzz.h"
#include "statefile.h"
#include "xalloc.h"

/* Flags in byte 0 of the input (see above). */
#define FUZZ_SF_TRAILER		0x01
#define FUZZ_SF_REWRITE		0x02
#define FUZZ_SF_PRINT		0x04

/* CRC-32 (IEEE, reflected), as the trailer of a state file holds it. */
static uint32_t
fuzz_crc32(const char *s, size_t len)
{
	uint32_t crc = 0xffffffffu;
	size_t i;
	int k;

	for (i = 0; i < len; i++) {
		crc ^= (unsigned char)s[i];
		for (k = 0; k < 8; k++)
			crc = (crc >> 1) ^ (0xedb88320u & (0u - (crc & 1u)));
	}
	return ~crc;
}

/* Append the trailer statefile.c would write for the lines in b. */
static void
fuzz_add_trailer(struct buf *b)
{
	const char *p, *end, *nl;
	size_t count = 0;

	if (b->len > 0 && b->data[b->len - 1] != '\n')
		buf_putc(b, '\n');
	p = buf_str(b);
	end = p + b->len;
	/* Records are the non-empty lines after the header line. */
	if ((nl = memchr(p, '\n', b->len)) != NULL) {
		for (p = nl + 1; p < end; p = nl + 1) {
			nl = memchr(p, '\n', (size_t)(end - p));
			if (nl > p)
				count++;
		}
	}
	buf_printf(b, "end\tcount=%zu\tcrc=%08x\n", count,
	    (unsigned)fuzz_crc32(buf_str(b), b->len));
}

/* Write data to path (created 0600); aborts on failure. */
static void
fuzz_write(const char *path, const char *data, size_t len)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	ssize_t n;

	if (fd == -1)
		fuzz_fail("cannot create %s: %s", path, strerror(errno));
	while (len > 0) {
		if ((n = write(fd, data, len)) < 0) {
			if (errno == EINTR)
				continue;
			fuzz_fail("cannot write %s: %s", path, strerror(errno));
		}
		data += n;
		len -= (size_t)n;
	}
	close(fd);
}

/* Change callback for the rewrite: keep the records, ask for a write. */
static int
fuzz_keep(struct statefile *sf, void *ctx, char **cause)
{
	(void)sf;
	(void)ctx;
	(void)cause;
	return 1;
}

/* Abort unless two parsed state files hold the same records. */
static void
fuzz_same(const struct statefile *a, const struct statefile *b)
{
	size_t i, j;

	if (a->nrecords != b->nrecords)
		fuzz_fail("rewrite: %zu records became %zu", a->nrecords,
		    b->nrecords);
	for (i = 0; i < a->nrecords; i++) {
		const struct staterecord *ra = &a->records[i];
		const struct staterecord *rb = &b->records[i];

		if (strcmp(ra->type, rb->type) != 0 ||
		    ra->nfields != rb->nfields)
			fuzz_fail("rewrite: record %zu (%s) changed", i,
			    ra->type);
		for (j = 0; j < ra->nfields; j++)
			if (strcmp(ra->fields[j].key, rb->fields[j].key) != 0 ||
			    strcmp(ra->fields[j].value, rb->fields[j].value) !=
			    0)
				fuzz_fail("rewrite: record %zu field %s=%s "
				    "became %s=%s", i, ra->fields[j].key,
				    ra->fields[j].value, rb->fields[j].key,
				    rb->fields[j].value);
	}
}

/* Read, and per the flags rewrite and print, the file at path. */
static void
fuzz_run(const char *path, int flags)
{
	struct statefile sf, again;
	char *cause = NULL, *out = NULL;
	size_t i, outlen = 0;
	FILE *f;

	if (statefile_read(path, "bookmarks", &sf, &cause) != 0) {
		fuzz_check_cause("statefile_read", cause);
		free(cause);
		return;
	}
	if (sf.kind == NULL || strcmp(sf.kind, "bookmarks") != 0)
		fuzz_fail("parsed state file has kind %s", sf.kind);
	for (i = 0; i < sf.nrecords; i++)
		if (sf.records[i].type == NULL || *sf.records[i].type == '\0')
			fuzz_fail("record %zu has no type", i);

	if (flags & FUZZ_SF_REWRITE) {
		if (statefile_update(path, "bookmarks", fuzz_keep, NULL,
		    &cause) != 0)
			fuzz_fail("rewriting a file that parsed failed: %s",
			    cause);
		if (statefile_read(path, "bookmarks", &again, &cause) != 0)
			fuzz_fail("a rewritten file does not parse: %s", cause);
		fuzz_same(&sf, &again);
		statefile_clear(&again);
	}
	statefile_clear(&sf);

	if (flags & FUZZ_SF_PRINT) {
		/* The table and JSON: terminal-safe as they are. */
		f = fuzz_memfile(&out, &outlen);
		if (bookmarks_print(f, BOOKMARKS_TABLE, 80, &cause) < 0)
			free(cause);
		if (bookmarks_print(f, BOOKMARKS_JSON, 0, &cause) < 0)
			free(cause);
		if (fclose(f) != 0)
			fuzz_fail("fclose of the memory stream failed");
		fuzz_check_display("--bookmarks", out, outlen, true);
		free(out);
		/* TSV: the same once its field tabs are taken out. */
		f = fuzz_memfile(&out, &outlen);
		if (bookmarks_print(f, BOOKMARKS_TSV, 0, &cause) < 0)
			free(cause);
		if (fclose(f) != 0)
			fuzz_fail("fclose of the memory stream failed");
		for (i = 0; i < outlen; i++)
			if (out[i] == '\t')
				out[i] = ' ';
		fuzz_check_display("--bookmarks (TSV)", out, outlen, true);
		free(out);
	}
}

/* Write one input as a bookmarks file, then read, rewrite and print it. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct buf b = BUF_INIT;
	const char *tmp = getenv("TMPDIR");
	char *top, *dir, *path, *lock;
	int flags;

	if (size < 1 || size > FUZZ_MAX_INPUT)
		return 0;
	flags = data[0];
	buf_append(&b, (const char *)data + 1, size - 1);
	if (flags & FUZZ_SF_TRAILER)
		fuzz_add_trailer(&b);

	if (tmp == NULL || *tmp != '/')
		tmp = "/tmp";
	top = xasprintf("%s/kanbao-fuzz-%ld", tmp, (long)getpid());
	dir = xasprintf("%s/kanbao", top);
	path = xasprintf("%s/bookmarks", dir);
	lock = xasprintf("%s.lock", path);
	if ((mkdir(top, 0700) != 0 && errno != EEXIST) ||
	    (mkdir(dir, 0700) != 0 && errno != EEXIST))
		fuzz_fail("cannot create %s: %s", dir, strerror(errno));
	/*
	 * bookmarks_print() finds its file through XDG_DATA_HOME; setting it
	 * to the same value on every input keeps the target stateless.
	 */
	if (setenv("XDG_DATA_HOME", top, 1) != 0)
		abort();

	fuzz_write(path, buf_str(&b), b.len);
	fuzz_run(path, flags);

	unlink(path);
	unlink(lock);
	rmdir(dir);
	rmdir(top);
	free(lock);
	free(path);
	free(dir);
	free(top);
	buf_free(&b);
	return 0;
}
