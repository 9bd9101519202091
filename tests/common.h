/*
 * common.h - shared includes and helpers for kanbao's cmocka tests.
 *
 * cmocka 1.1 needs stdarg.h, stddef.h, stdint.h and setjmp.h before
 * cmocka.h.  Tests find their data through TEST_DATA_DIR and
 * TEST_SAMPLES_DIR (absolute paths into the source tree), never through
 * the current directory, so out-of-tree builds and distcheck work.
 */
#ifndef KANBAO_TESTS_COMMON_H
#define KANBAO_TESTS_COMMON_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

#endif
