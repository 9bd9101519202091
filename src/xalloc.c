/*
 * xalloc.c - allocation wrappers that abort instead of returning NULL.
 *
 * Out of memory is the one failure kanbao does not try to survive: a
 * half-built edition is worse than a clear stop.  The message goes to
 * stderr, after the cleanup a caller registered (the reader registers
 * curses' endwin(), so the message lands on a restored terminal).
 */
#include "config.h"

#include "xalloc.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

/* The cleanup fatalx() runs first; NULL: none.  Set by the reader. */
static int (*xalloc_cleanup)(void);

/* Register the cleanup. */
void
xalloc_on_fatal(int (*fn)(void))
{
	xalloc_cleanup = fn;
}

/* Print a fatal message and abort. */
void
fatalx(const char *fmt, ...)
{
	int (*fn)(void) = xalloc_cleanup;
	va_list ap;

	/* Cleared first: a cleanup that fails fatally must not loop. */
	xalloc_cleanup = NULL;
	if (fn != NULL)
		(void)fn();
	fputs("kanbao: fatal: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	abort();
}

/* Allocate size bytes or abort. */
void *
xmalloc(size_t size)
{
	void *p;

	if (size == 0)
		size = 1;
	if ((p = malloc(size)) == NULL)
		fatalx("out of memory (%zu bytes)", size);
	return p;
}

/* Allocate a zeroed array or abort. */
void *
xcalloc(size_t nmemb, size_t size)
{
	void *p;

	if (nmemb == 0 || size == 0)
		nmemb = size = 1;
	if (SIZE_MAX / nmemb < size)
		fatalx("allocation overflow (%zu * %zu)", nmemb, size);
	if ((p = calloc(nmemb, size)) == NULL)
		fatalx("out of memory (%zu * %zu bytes)", nmemb, size);
	return p;
}

/* Resize an array or abort. */
void *
xreallocarray(void *p, size_t nmemb, size_t size)
{
	void *q;

	if (nmemb == 0 || size == 0)
		nmemb = size = 1;
	if (SIZE_MAX / nmemb < size)
		fatalx("allocation overflow (%zu * %zu)", nmemb, size);
	if ((q = realloc(p, nmemb * size)) == NULL)
		fatalx("out of memory (%zu * %zu bytes)", nmemb, size);
	return q;
}

/*
 * Huge pages for large blocks.  A fresh 4 KiB page costs the kernel a
 * fault on its first touch; a 100 MB edition touches some 70,000 of them
 * (the file, its line records, the edition's text) and on a virtual
 * machine those faults took longer than all of the decoding and
 * segmentation together.  A 2 MiB page costs about one such fault.
 * Only the aligned 2 MiB stretches inside the block can be huge; below
 * XALLOC_LARGE the advice is not worth a system call.
 */
#define XALLOC_HUGE	((size_t)2 << 20)
#define XALLOC_LARGE	(2 * XALLOC_HUGE)

/* Advise huge pages for a large block (see xalloc.h). */
void
xalloc_advise_large(void *p, size_t len)
{
#ifdef MADV_HUGEPAGE
	const uintptr_t mask = XALLOC_HUGE - 1;
	uintptr_t start, end;

	if (p == NULL || len < XALLOC_LARGE)
		return;
	start = ((uintptr_t)p + mask) & ~mask;
	end = ((uintptr_t)p + len) & ~mask;
	/* Only advice: where it is refused, small pages serve as before. */
	if (end > start)
		(void)madvise((void *)start, end - start, MADV_HUGEPAGE);
#else
	(void)p;
	(void)len;
#endif
}

/* Allocate a large block aligned for huge pages, or abort. */
void *
xmalloc_large(size_t size)
{
	void *p;
	int error;

	if (size < XALLOC_LARGE)
		return xmalloc(size);
	/* Aligned, all of it can be huge pages, not only the inside. */
	if ((error = posix_memalign(&p, XALLOC_HUGE, size)) != 0)
		fatalx("out of memory (%zu bytes)", size);
	xalloc_advise_large(p, size);
	return p;
}

/* Grow an array, into huge pages when it is large, or abort. */
void *
xgrowarray(void *p, size_t oldn, size_t newn, size_t size)
{
	void *q;

	if (newn == 0 || size == 0 || SIZE_MAX / newn < size ||
	    newn * size < XALLOC_LARGE)
		return xreallocarray(p, newn, size);
	q = xmalloc_large(newn * size);
	if (p != NULL)
		memcpy(q, p, (oldn < newn ? oldn : newn) * size);
	free(p);
	return q;
}

/* Duplicate a string or abort. */
char *
xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

/* Duplicate at most n bytes of a string or abort. */
char *
xstrndup(const char *s, size_t n)
{
	size_t len = strnlen(s, n);
	char *p = xmalloc(len + 1);

	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

/* Format into a new string or abort. */
char *
xasprintf(const char *fmt, ...)
{
	va_list ap;
	char *s;
	int n;

	va_start(ap, fmt);
	n = vasprintf(&s, fmt, ap);
	va_end(ap);
	if (n < 0)
		fatalx("out of memory (asprintf)");
	return s;
}
