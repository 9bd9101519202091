/*
 * fuzz_load_xml.c - fuzz target for the kanbao edition XML loader
 * (load_xml.h), in its default mode; the strict mode (RELAX NG) is left
 * to the schema tests, since it reads the schema file on every input.
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
#include "load_xml.h"

/* Load one decoded input as edition XML and check the edition. */
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
	n = load_xml(ed, text, len, "fuzz.xml", "fuzz", 0, &cause);
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
