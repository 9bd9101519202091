/*
 * fuzz_encoding.c - fuzz target for encoding detection and conversion
 * (encoding.h).
 *
 * Input: byte 0 picks the encoding to force (or none: detect), the rest is
 * the file.  Invariants: encoding_detect() always answers a name;
 * encoding_decode() either refuses with a message or returns valid,
 * NUL-terminated UTF-8 named by a non-empty encoding, with the first
 * invalid sequence inside the input when it counted any.  Legacy decoders
 * are where C1 controls and truncated sequences appear
 * (reliability-anchors.md 1.3, 3.3), so every encoding kanbao accepts is
 * in the table.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "encoding.h"
#include "fuzz.h"

/*
 * The names byte 0 chooses from; NULL (detection) is listed several times
 * so that half the inputs take the path kanbao takes by default.
 */
static const char *const fuzz_forced[] = {
	NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
	"utf8", "gbk", "gb2312", "gb18030", "big5", "big5-hkscs", "sjis",
	"cp932", "euc-jp", "iso-2022-jp", "euc-kr", "cp949", "utf-16",
	"utf-16le", "utf-16be", "utf-32", "utf-32le", "utf-32be", "latin1",
	"cp1252", "uhc"
};

/* Detect and decode one input, forced or not, and check the result. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const size_t nforced = sizeof fuzz_forced / sizeof fuzz_forced[0];
	const char *buf, *name, *force;
	struct decoded d;
	char *cause = NULL;
	size_t len;

	if (size < 1 || size > FUZZ_MAX_INPUT)
		return 0;
	force = fuzz_forced[data[0] % nforced];
	buf = (const char *)data + 1;
	len = size - 1;

	name = encoding_detect(buf, len);
	if (name == NULL || *name == '\0')
		fuzz_fail("encoding_detect gave no name");

	/* An unknown name is a usage error, not a crash: skip it. */
	if (force != NULL && encoding_normalize(force) == NULL)
		return 0;
	if (encoding_decode(buf, len, force, &d, &cause) != 0) {
		fuzz_check_cause("encoding_decode", cause);
		free(cause);
		return 0;
	}
	if (d.text == NULL || d.text[d.len] != '\0')
		fuzz_fail("decoded text is not NUL-terminated");
	if (d.encoding == NULL || *d.encoding == '\0')
		fuzz_fail("decoded without an encoding name");
	fuzz_check_utf8(d.encoding, d.text, d.len);
	if (d.ninvalid > 0 && d.first_invalid >= len)
		fuzz_fail("first invalid byte %zu is past the %zu-byte input",
		    d.first_invalid, len);
	encoding_decoded_free(&d);
	return 0;
}
