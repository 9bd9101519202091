/*
 * fuzz_sanitize.c - fuzz target for the display chokepoint (sanitize.h).
 *
 * Input: any bytes.  Invariants: sanitize_display() returns valid UTF-8
 * with no C0, DEL, C1 or bidi control whatever it is given (the mpv and
 * "EC 6F 1B" lessons of reliability-anchors.md 1.3-1.4); sanitize_str()
 * agrees with it up to the first NUL; sanitising twice changes nothing
 * more; and sanitize_cp() maps every code point of the input to one that
 * is itself left alone (or to 0, dropped).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "sanitize.h"

/* Abort unless sanitize_cp() of every code point in s is stable. */
static void
fuzz_check_cps(const char *s, size_t len)
{
	size_t off = 0, n;
	uint32_t cp, shown;

	while (off < len) {
		if ((n = fuzz_utf8_next(s + off, len - off, &cp)) == 0) {
			off++;
			continue;
		}
		shown = sanitize_cp(cp);
		if (shown != 0 && sanitize_cp(shown) != shown)
			fuzz_fail("sanitize_cp(U+%04X) = U+%04X, which it maps "
			    "to U+%04X", (unsigned)cp, (unsigned)shown,
			    (unsigned)sanitize_cp(shown));
		off += n;
	}
}

/* Sanitise one input every way sanitize.h offers and check the results. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *in = (const char *)data;
	char *out, *again, *z, *str;
	size_t nul;

	if (size > FUZZ_MAX_INPUT)
		return 0;
	out = sanitize_display(in, size);
	fuzz_check_display("sanitize_display", out, strlen(out), false);

	/* Idempotent: a sanitised string is already safe, so kept as is. */
	again = sanitize_display(out, strlen(out));
	if (strcmp(again, out) != 0)
		fuzz_fail("sanitising twice changed \"%s\" into \"%s\"", out,
		    again);
	free(again);

	/* sanitize_str() sees the input up to its first NUL. */
	nul = strnlen(in, size);
	if ((z = malloc(nul + 1)) == NULL)
		abort();
	memcpy(z, in, nul);
	z[nul] = '\0';
	str = sanitize_str(z);
	again = sanitize_display(in, nul);
	if (strcmp(str, again) != 0)
		fuzz_fail("sanitize_str and sanitize_display disagree");
	free(again);
	free(str);
	free(z);

	fuzz_check_cps(in, size);
	free(out);
	return 0;
}
