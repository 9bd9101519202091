/*
 * fuzz_load_text.c - fuzz target for the raw-text loader (load_text.h), the
 * segmenter that rebuilds articles from PDF-extracted page text.
 *
 * Input: the file's bytes, decoded as load.c decodes them with
 * --encoding=utf8 (bad sequences become U+FFFD; data with NUL bytes is
 * refused as binary and not tested).  The loader gets the decoded text as
 * load.c gives it, into a fresh edition that is then finished, checked
 * against edition.h's promises (fuzz_check_edition) and freed; a refusal
 * must come with a message.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "edition.h"
#include "fuzz.h"
#include "load_text.h"

/* Load one decoded input as raw page text and check the edition. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct edition *ed;
	char *text, *cause = NULL;
	size_t len;
	int n;

	if (size > FUZZ_MAX_INPUT ||
	    (text = fuzz_decode_utf8(data, size, &len)) == NULL)
		return 0;
	ed = edition_new(NULL, "fuzz");
	n = load_text(ed, text, len, "fuzz.txt", "fuzz", &cause);
	if (n < 0) {
		fuzz_check_cause("the loader", cause);
		free(cause);
	}
	edition_finish(ed);
	fuzz_check_edition(ed);
	edition_free(ed);
	free(text);
	return 0;
}
