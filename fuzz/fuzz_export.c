/*
 * fuzz_export.c - fuzz target for the XML export (export.h) fed by the
 * edition XML loader.
 *
 * Input: an edition XML file (decoded as with --encoding=utf8).  When it
 * loads, the edition is exported, and the export must be well-formed XML
 * (libxml2 parses it with no network and no entities), must load back,
 * and exporting what was loaded back must give the same bytes: export.h
 * promises "export -> load -> export is byte-identical", and a string the
 * writer cannot represent (a control character XML 1.0 forbids) breaks
 * exactly that.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>

#include "edition.h"
#include "export.h"
#include "fuzz.h"
#include "load_xml.h"

/* Export ed to memory; returns the bytes (caller frees) and their length. */
static char *
fuzz_export(const struct edition *ed, size_t *len)
{
	char *buf = NULL, *cause = NULL;
	FILE *f = fuzz_memfile(&buf, len);

	if (export_xml(ed, f, &cause) != 0)
		fuzz_fail("export_xml failed: %s", cause);
	if (fclose(f) != 0)
		fuzz_fail("fclose of the memory stream failed");
	return buf;
}

/* Load XML text into a finished edition, or abort (what names it). */
static struct edition *
fuzz_reload(const char *what, const char *xml, size_t len)
{
	struct edition *ed = edition_new(NULL, "fuzz");
	char *cause = NULL;

	if (load_xml(ed, xml, len, "fuzz.xml", "fuzz", 0, &cause) < 0)
		fuzz_fail("%s does not load back: %s\n%s", what, cause, xml);
	edition_finish(ed);
	return ed;
}

/* Load, export, reload and re-export one edition XML input. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct edition *ed, *back;
	char *text, *out, *out2, *cause = NULL;
	size_t len, outlen, outlen2;
	xmlDocPtr doc;

	if (size > FUZZ_MAX_INPUT ||
	    (text = fuzz_decode_utf8(data, size, &len)) == NULL)
		return 0;
	ed = edition_new(NULL, "fuzz");
	if (load_xml(ed, text, len, "fuzz.xml", "fuzz", 0, &cause) < 0) {
		free(cause);
		edition_free(ed);
		free(text);
		return 0;
	}
	edition_finish(ed);
	out = fuzz_export(ed, &outlen);
	fuzz_check_utf8("export", out, outlen);

	doc = xmlReadMemory(out, (int)outlen, "export.xml", NULL,
	    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	if (doc == NULL)
		fuzz_fail("the export is not well-formed XML:\n%s", out);
	xmlFreeDoc(doc);

	back = fuzz_reload("the export", out, outlen);
	out2 = fuzz_export(back, &outlen2);
	if (outlen != outlen2 || memcmp(out, out2, outlen) != 0)
		fuzz_fail("export -> load -> export changed the bytes:\n%s\n"
		    "---- became ----\n%s", out, out2);

	free(out2);
	edition_free(back);
	free(out);
	edition_free(ed);
	free(text);
	return 0;
}
