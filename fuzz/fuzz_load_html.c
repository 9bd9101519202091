/*
 * fuzz_load_html.c - fuzz target for the HTML article page loader
 * (load_html.h).
 *
 * Input: the file's bytes, decoded as load.c decodes them with
 * --encoding=utf8 (bad sequences become U+FFFD; data with NUL bytes is
 * refused as binary and not tested).  The loader gets the decoded text as
 * load.c gives it, into a fresh edition that is then finished, checked
 * against edition.h's promises (fuzz_check_edition) and freed; a refusal
 * must come with a message.
 */
#include "config.h"

#include "edition.h"
#include "fuzz.h"
#include "load_html.h"

/* Load one decoded input as an HTML page and check the edition. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_run_loader(data, size, load_html, "fuzz.html");
	return 0;
}
