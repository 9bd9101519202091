/*
 * load_html.h - the HTML article page loader: one page is one article,
 * its main text chosen readability-style, its headline group (引题, 主题,
 * 副题) and byline found around it.
 */
#ifndef KANBAO_LOAD_HTML_H
#define KANBAO_LOAD_HTML_H

#include <stddef.h>

struct edition;

/*
 * Add the article of the HTML page in text[0..len) (UTF-8; load.c has
 * decoded it, honouring the page's meta charset) to ed, in a new section
 * titled after the page's <title>, or name (the file name without
 * extension) when it has none.  path is recorded as the source.  Returns
 * the number of articles added (1), or -1 with *cause set (caller frees)
 * when the page holds no article text.
 */
int	load_html(struct edition *ed, const char *text, size_t len,
	    const char *path, const char *name, char **cause);

#endif
