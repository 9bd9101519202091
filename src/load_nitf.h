/*
 * load_nitf.h - the NITF 3.x loader: one <nitf> document is one article,
 * placed in the section its <pubdata position.section=> names.
 */
#ifndef KANBAO_LOAD_NITF_H
#define KANBAO_LOAD_NITF_H

#include <stddef.h>

struct edition;

/*
 * Add the article of the NITF document in text[0..len) (UTF-8) to ed: to
 * the section named by its pubdata's position.section (an existing section
 * of that title, so a directory of NITF files groups by section), else to
 * a new section titled name (the file name without extension).  path is
 * recorded as the article's source.  Returns the number of articles added
 * (1), or -1 with *cause set (caller frees) to "LINE: reason" for
 * malformed XML, a root other than <nitf>, or a document with neither
 * headline nor body text.
 */
int	load_nitf(struct edition *ed, const char *text, size_t len,
	    const char *path, const char *name, char **cause);

#endif
