/*
 * xalloc.h - allocation that never returns NULL.
 *
 * kanbao has two tiers of errors (see STYLE in README): running out of
 * memory or an impossible state is not something a reader can recover
 * from, so these wrappers print a message and abort.  Everything a user can
 * cause (a bad file, a wrong option) is reported through return values.
 */
#ifndef KANBAO_XALLOC_H
#define KANBAO_XALLOC_H

#include <stddef.h>

/* malloc(size); aborts on failure.  size 0 is treated as 1.  Caller frees. */
void	*xmalloc(size_t size);

/* calloc(nmemb, size); aborts on failure or overflow.  Caller frees. */
void	*xcalloc(size_t nmemb, size_t size);

/* realloc(p, nmemb * size); aborts on failure or overflow.  Caller frees. */
void	*xreallocarray(void *p, size_t nmemb, size_t size);

/*
 * Grow the array p of oldn elements of size bytes to newn elements, like
 * xreallocarray(), keeping its first oldn elements.  A large array is
 * moved to a new block from xmalloc_large(): realloc() would have copied
 * it into small pages first.  Aborts on failure or overflow.  Caller
 * frees.
 */
void	*xgrowarray(void *p, size_t oldn, size_t newn, size_t size);

/*
 * Allocate size bytes for a large block that will be filled (a file, an
 * arena chunk): aligned and advised for huge pages (xalloc_advise_large)
 * when size is large, else plain xmalloc().  Aborts on failure.  Caller
 * frees with free().
 */
void	*xmalloc_large(size_t size);

/*
 * Advise the system that the block p[0..len), from xmalloc() or
 * xreallocarray(), is large and will be filled: back it with huge pages
 * where it can.  A no-op for small blocks and where there is no such
 * advice; never fails.
 */
void	 xalloc_advise_large(void *p, size_t len);

/* strdup(s); aborts on failure.  Caller frees. */
char	*xstrdup(const char *s);

/* strndup(s, n); aborts on failure.  Caller frees. */
char	*xstrndup(const char *s, size_t n);

/* asprintf() that aborts on failure.  Caller frees. */
char	*xasprintf(const char *fmt, ...)
	    __attribute__((format(printf, 1, 2)));

/*
 * Register fn to run before fatalx() prints (NULL: none): the reader
 * registers endwin() while curses owns the terminal, so a fatal error
 * never leaves the terminal in raw mode.  The one piece of global state
 * outside main.c and the reader, because fatalx() has no context.
 */
void	 xalloc_on_fatal(int (*fn)(void));

/*
 * Print "kanbao: fatal: ..." and abort: for impossible states only.  The
 * registered cleanup (xalloc_on_fatal) runs first.
 */
void	 fatalx(const char *fmt, ...)
	    __attribute__((format(printf, 1, 2), noreturn));

#endif
