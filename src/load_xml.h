/*
 * load_xml.h - the kanbao edition XML loader: reads back what
 * `kanbao --export=xml` writes (export.h, data/kanbao-edition.rng), so
 * that export -> load -> export gives the same bytes.
 */
#ifndef KANBAO_LOAD_XML_H
#define KANBAO_LOAD_XML_H

#include <stddef.h>

struct edition;

/* Flags for load_xml(). */
#define LOAD_XML_STRICT	0x1	/* validate against the RELAX NG schema */

/*
 * Append the sections and articles of the edition XML in text[0..len)
 * (UTF-8) to ed.  path is the file it came from (for messages and section
 * sources); name is the fallback title of a section without one.  When ed
 * is still empty, the edition's title, source, encoding, paper and date are
 * taken from the document, so a reloaded export is the same edition.
 *
 * Returns the number of articles added, or -1 with *cause set (caller
 * frees) to "LINE: reason": malformed XML, a root other than <edition>, an
 * unknown element, a missing required attribute, a malformed line, page
 * or date; with LOAD_XML_STRICT, any departure from the schema.
 */
int	 load_xml(struct edition *ed, const char *text, size_t len,
	    const char *path, const char *name, int flags, char **cause);

/*
 * The path of the edition schema, kanbao-edition.rng, found by
 * data_path() (data.h).  Caller frees.
 */
char	*load_xml_schema_path(void);

#endif
