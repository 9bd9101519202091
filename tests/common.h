/*
 * common.h - shared includes and helpers for kanbao's cmocka tests.
 *
 * cmocka 1.1 needs stdarg.h, stddef.h, stdint.h and setjmp.h before
 * cmocka.h.  Tests find their data through TEST_DATA_DIR and
 * TEST_SAMPLES_DIR (absolute paths into the source tree), never through
 * the current directory, so out-of-tree builds and distcheck work.
 *
 * The helpers more than one test program needs live here, as static
 * inline functions so a program that does not use one pays nothing.
 */
#ifndef KANBAO_TESTS_COMMON_H
#define KANBAO_TESTS_COMMON_H

/* First, for _GNU_SOURCE (asprintf, open_memstream), in every test. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "edition.h"
#include "encoding.h"
#include "export.h"

/* Switch LC_CTYPE to UTF-8 so wcwidth() knows CJK; fails the test if none. */
static inline int
test_utf8_locale(void **state)
{
	(void)state;
	if (setlocale(LC_CTYPE, "C.UTF-8") == NULL &&
	    setlocale(LC_CTYPE, "C.utf8") == NULL &&
	    setlocale(LC_CTYPE, "en_US.UTF-8") == NULL) {
		fprintf(stderr, "no UTF-8 locale on this machine\n");
		return -1;
	}
	return 0;
}

/* Read a whole file (caller frees); fails the test when it cannot. */
static inline char *
test_read_file(const char *path, size_t *lenp)
{
	FILE *f = fopen(path, "rb");
	char *data;
	long n;

	if (f == NULL) {
		fail_msg("cannot open %s", path);
		return NULL;
	}
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	data = malloc((size_t)n + 1);
	assert_non_null(data);
	assert_int_equal(fread(data, 1, (size_t)n, f), (size_t)n);
	data[n] = '\0';
	fclose(f);
	if (lenp != NULL)
		*lenp = (size_t)n;
	return data;
}

/*
 * Remove a folder tree a test made (rm -rf, the name quoted: test folders
 * come from mkdtemp).  Returns system()'s status, 0 when it went.
 */
static inline int
test_remove_tree(const char *dir)
{
	size_t n = strlen(dir) + sizeof "rm -rf ''";
	char *cmd = malloc(n);
	int rc = -1;

	if (cmd != NULL) {
		snprintf(cmd, n, "rm -rf '%s'", dir);
		rc = system(cmd);
		free(cmd);
	}
	if (rc != 0)
		fprintf(stderr, "could not remove %s\n", dir);
	return rc;
}

/* A small deterministic generator (xorshift64*), state kept by the caller. */
static inline uint32_t
rnd(uint64_t *s)
{
	*s ^= *s >> 12;
	*s ^= *s << 25;
	*s ^= *s >> 27;
	return (uint32_t)((*s * 2685821657736338717ULL) >> 32);
}

/* Export ed to a string (caller frees); fails the test on error. */
static inline char *
export_string(const struct edition *ed, size_t *lenp)
{
	char *data = NULL, *cause = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&data, &len);

	assert_non_null(f);
	if (export_xml(ed, f, &cause) != 0) {
		fclose(f);
		free(data);
		fail_msg("export_xml failed: %s", cause);
	}
	assert_int_equal(fclose(f), 0);
	if (lenp != NULL)
		*lenp = len;
	return data;
}

#ifdef TEST_DATA_DIR
/*
 * Read and decode the fixture tests/data/markup/NAME as load.c would:
 * returns the UTF-8 text (caller frees), its length in *len, and the
 * encoding in *enc when enc is not NULL.  Fails the test on error.
 */
static inline char *
read_decoded(const char *name, size_t *len, const char **enc)
{
	char *path = NULL, *raw, *cause = NULL;
	struct decoded d;
	size_t n = 0;

	if (asprintf(&path, "%s/markup/%s", TEST_DATA_DIR, name) < 0)
		fail();
	raw = test_read_file(path, &n);
	if (encoding_decode(raw, n, NULL, &d, &cause) != 0)
		fail_msg("%s: cannot decode: %s", name, cause);
	free(raw);
	free(path);
	*len = d.len;
	if (enc != NULL)
		*enc = d.encoding;
	return d.text;
}
#endif

#endif
