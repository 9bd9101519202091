/*
 * fuzz_settings.c - fuzz target for the config file parser (settings.h).
 *
 * Input: any bytes, read as a config file.  Invariants: parsing never
 * crashes and reports at most one problem per line, each a message;
 * --print-config's output is safe for a terminal (the parser lets in no
 * word it could not print back), reads back without a bad line, and
 * printing what was read back gives the same text (the round trip
 * kanbao --print-config promises).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "settings.h"

/* Counts the bad lines and checks each message. */
static void
fuzz_warn(void *ctx, const char *file, size_t line, const char *msg)
{
	size_t *n = ctx;

	(void)file;
	if (line == 0 || msg == NULL || *msg == '\0')
		fuzz_fail("bad line %zu without a message", line);
	(*n)++;
}

/* The printed settings.  Caller frees. */
static char *
fuzz_print(const struct settings *s, size_t *len)
{
	char *out = NULL;
	FILE *f = fuzz_memfile(&out, len);

	settings_print(s, f);
	if (fclose(f) != 0)
		fuzz_fail("fclose of the memory stream failed");
	return out;
}

/* Parse one input, print it, read the print back and compare. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct settings a, b;
	size_t nbad = 0, lines = 1, i, len1, len2;
	char *p1, *p2;

	if (size > FUZZ_MAX_INPUT)
		return 0;
	for (i = 0; i < size; i++)
		lines += data[i] == '\n';
	settings_init(&a);
	if (settings_parse(&a, (const char *)data, size, "fuzz", fuzz_warn,
	    &nbad) != nbad || nbad > lines)
		fuzz_fail("%zu bad lines reported for %zu lines", nbad, lines);
	p1 = fuzz_print(&a, &len1);
	fuzz_check_display("--print-config", p1, len1, true);

	settings_init(&b);
	nbad = 0;
	if (settings_parse(&b, p1, len1, "printed", fuzz_warn, &nbad) != 0)
		fuzz_fail("the printed settings have a bad line:\n%s", p1);
	p2 = fuzz_print(&b, &len2);
	if (len1 != len2 || memcmp(p1, p2, len1) != 0)
		fuzz_fail("printing changed on reading back:\n%s\n---\n%s", p1,
		    p2);
	free(p1);
	free(p2);
	settings_free(&a);
	settings_free(&b);
	return 0;
}
