/*
 * convert.h - show Chinese text in Simplified or Traditional characters.
 *
 * A pure wrapper around OpenCC (optional: configure --with-opencc).  The
 * reader converts the text it shows; the edition and its file are never
 * changed, and search already folds both scripts (search.c).
 *
 * A conversion keeps the number of code points: the i-th code point of
 * the result stands for the i-th of the input, so a caller can map a
 * position (a search hit) by counting code points.  OpenCC's phrase rules
 * are used when they keep that count, which they do for nearly all text;
 * where they would not, the text is converted character by character.
 */
#ifndef KANBAO_CONVERT_H
#define KANBAO_CONVERT_H

#include <stdbool.h>
#include <stddef.h>

/* The script to convert to. */
enum convert_script {
	CONVERT_SIMPLIFIED,	/* OpenCC t2s */
	CONVERT_TRADITIONAL	/* OpenCC s2t */
};

struct convert;

/* Whether kanbao was built with OpenCC. */
bool		 convert_supported(void);

/*
 * Open a converter.  Returns NULL with *cause set (caller frees) when
 * kanbao was built without OpenCC or its data cannot be loaded.  Close
 * with convert_close().
 */
struct convert	*convert_open(enum convert_script to, char **cause);

/* Close a converter.  NULL is allowed. */
void		 convert_close(struct convert *c);

/*
 * Convert text[0..len) (valid UTF-8, no NUL) into a new NUL-terminated
 * string with the same number of code points; *outlen gets its length
 * when outlen is not NULL.  Never NULL: text OpenCC cannot convert is
 * returned as it is.  Caller frees.
 */
char		*convert_text(struct convert *c, const char *text, size_t len,
		     size_t *outlen);

#endif
