/*
 * buf.h - a growable byte buffer, always NUL-terminated.
 *
 * Used wherever text is assembled piece by piece (joining lines into
 * paragraphs, building output).  The data is owned by the buffer until
 * buf_detach() hands it to the caller.
 */
#ifndef KANBAO_BUF_H
#define KANBAO_BUF_H

#include <stddef.h>
#include <stdint.h>

struct buf {
	char	*data;		/* NUL-terminated; NULL until the first append */
	size_t	 len;
	size_t	 cap;
};

#define BUF_INIT { NULL, 0, 0 }

/* Append len bytes. */
void	 buf_append(struct buf *b, const char *s, size_t len);

/* Append a NUL-terminated string. */
void	 buf_puts(struct buf *b, const char *s);

/* Append one byte. */
void	 buf_putc(struct buf *b, char c);

/* Append a code point as UTF-8 (invalid ones as U+FFFD). */
void	 buf_put_cp(struct buf *b, uint32_t cp);

/* Append printf-formatted text. */
void	 buf_printf(struct buf *b, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));

/* Empty the buffer, keeping its memory. */
void	 buf_clear(struct buf *b);

/* The contents as a string ("" when empty); owned by the buffer. */
const char *buf_str(const struct buf *b);

/* Take the contents (caller frees) and reset the buffer. */
char	*buf_detach(struct buf *b);

/* Free the contents and reset the buffer. */
void	 buf_free(struct buf *b);

#endif
