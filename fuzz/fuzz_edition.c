/*
 * fuzz_edition.c - fuzz target for the whole in-memory path of one file:
 * what load.c and main.c do with it, minus the file system.
 *
 * Input: a file's bytes.  They are decoded with detection (so UTF-16 and
 * the legacy CJK encodings reach the loaders, NUL characters included),
 * recognised by load_markup_sniff() and handed to the loader of their
 * format, as load_file() does; the finished edition is checked
 * (fuzz_check_edition) and printed with --list and --dump at a width
 * chosen by byte 0, and everything printed must be safe for a terminal:
 * valid UTF-8, no control byte but the newline, no C1, no bidi control
 * (fuzz_check_display; reliability-anchors.md 1.6).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "dump.h"
#include "edition.h"
#include "encoding.h"
#include "fuzz.h"
#include "load_html.h"
#include "load_markup.h"
#include "load_nitf.h"
#include "load_text.h"
#include "load_xml.h"
#include "width.h"

/*
 * Abort unless no line of a --dump output is wider than width columns
 * (dump.h: except a single wide character when width is 1).
 */
static void
fuzz_check_dump_width(const char *out, size_t len, size_t width)
{
	const char *p = out, *end = out + len, *nl;
	size_t cols, lineno = 1;

	for (; p < end; p = nl + 1, lineno++) {
		if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL)
			nl = end;
		cols = width_str(p, (size_t)(nl - p));
		if (cols > width && !(width == 1 && cols == 2))
			fuzz_fail("--dump line %zu is %zu columns wide, more "
			    "than %zu: \"%.*s\"", lineno, cols, width,
			    (int)(nl - p), p);
	}
}

/* Hand decoded text to the loader of its format, as load_file() does. */
static int
fuzz_load(struct edition *ed, const char *text, size_t len, char **cause)
{
	char root[64];

	switch (load_markup_sniff(text, len, root, sizeof root)) {
	case MARKUP_EDITION:
		return load_xml(ed, text, len, "fuzz", "fuzz", 0, cause);
	case MARKUP_NITF:
		return load_nitf(ed, text, len, "fuzz", "fuzz", cause);
	case MARKUP_HTML:
		return load_html(ed, text, len, "fuzz", "fuzz", cause);
	case MARKUP_OTHER:
		fuzz_check_utf8("sniffed root", root, strlen(root));
		return 0;
	case MARKUP_NONE:
	default:
		return load_text(ed, text, len, "fuzz", "fuzz", cause);
	}
}

/* Take one file through decode, sniff, load, --list and --dump. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct edition *ed;
	struct decoded d;
	char *cause = NULL, *out = NULL;
	size_t width, outlen = 0;
	FILE *f;

	if (size < 1 || size > FUZZ_MAX_INPUT)
		return 0;
	/* Widths 1-80: the narrow ones stress the line breaker. */
	width = (size_t)(data[0] % 80) + 1;
	if (encoding_decode((const char *)data + 1, size - 1, NULL, &d,
	    &cause) != 0) {
		free(cause);
		return 0;
	}
	fuzz_check_utf8(d.encoding, d.text, d.len);
	ed = edition_new(NULL, "fuzz");
	edition_set_encoding(ed, d.encoding);
	if (fuzz_load(ed, d.text, d.len, &cause) < 0) {
		fuzz_check_cause("the loader", cause);
		free(cause);
	}
	edition_finish(ed);
	fuzz_check_edition(ed);

	f = fuzz_memfile(&out, &outlen);
	dump_list(ed, f);
	if (fclose(f) != 0)
		fuzz_fail("fclose of the memory stream failed");
	fuzz_check_display("--list", out, outlen, true);
	free(out);

	out = NULL;
	f = fuzz_memfile(&out, &outlen);
	(void)dump_articles(ed, 0, width, f);
	if (fclose(f) != 0)
		fuzz_fail("fclose of the memory stream failed");
	fuzz_check_display("--dump", out, outlen, true);
	fuzz_check_dump_width(out, outlen, width);

	free(out);
	edition_free(ed);
	encoding_decoded_free(&d);
	return 0;
}
