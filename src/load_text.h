/*
 * load_text.h - the raw-text loader: rebuilds the articles of newspaper
 * pages from the text PDF-to-text extraction gives.
 *
 * The segmentation pipeline (lines -> classified lines -> blocks ->
 * articles -> headline assignment) is described at the top of seg.c, its
 * thresholds in seg_tune.h.
 */
#ifndef KANBAO_LOAD_TEXT_H
#define KANBAO_LOAD_TEXT_H

#include <stddef.h>

struct edition;

/*
 * Append the sections found in text[0..len) (valid UTF-8) to ed: one per
 * page, pages separated by form feeds.  name is the fallback section title
 * (the file name without directory and extension); path is recorded as the
 * source.  Returns the number of articles added (a file with text but no
 * dateline is one article), or -1 with *cause set (caller frees) when the
 * text holds nothing to read.
 */
int	load_text(struct edition *ed, const char *text, size_t len,
	    const char *path, const char *name, char **cause);

/*
 * load_text() on *textp, a buffer from malloc() (NUL-terminated, no NUL
 * inside) that the edition may take: the paragraphs are then built in it
 * rather than copied (the edition's text would double the memory of a
 * large file), the edition frees it, and *textp is set to NULL.  Else
 * *textp is left to the caller to free.  Its contents are undefined
 * either way.
 */
int	load_text_take(struct edition *ed, char **textp, size_t len,
	    const char *path, const char *name, char **cause);

#endif
