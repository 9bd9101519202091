/*
 * sanitize.h - the one display chokepoint.
 *
 * Every string that reaches the terminal or stdout (article text,
 * headlines, file names in error messages, the status line) passes through
 * sanitize_display().  It guarantees: strict UTF-8 (bad bytes become
 * U+FFFD), no C0/C1 control, DEL or ESC (shown as a visible stand-in), no
 * bidi controls, no characters libc cannot measure.  Loaders also clean text
 * on the way in; this is the second, final line of defence.
 */
#ifndef KANBAO_SANITIZE_H
#define KANBAO_SANITIZE_H

#include <stddef.h>

/*
 * Return a sanitised copy of s[0..len) (caller frees).  Controls become
 * U+FFFD-like visible stand-ins ("^[" style is not used: it could be
 * confused with text), tabs become one space, bidi controls and
 * ignorables are dropped.
 */
char	*sanitize_display(const char *s, size_t len);

/* Same for a NUL-terminated string; NULL gives "". */
char	*sanitize_str(const char *s);

#endif
