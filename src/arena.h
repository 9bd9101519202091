/*
 * arena.h - a bump allocator: many small allocations, one free.
 *
 * An edition owns one arena; every string and array of the model lives in
 * it, so freeing an edition is one call and the model cannot leak pieces.
 */
#ifndef KANBAO_ARENA_H
#define KANBAO_ARENA_H

#include <stddef.h>

struct arena;

/* Create an empty arena.  Never returns NULL.  Free with arena_free(). */
struct arena	*arena_new(void);

/* Free an arena and everything allocated from it.  NULL is allowed. */
void		 arena_free(struct arena *a);

/* Allocate size zeroed bytes, aligned for any type.  Never returns NULL. */
void		*arena_alloc(struct arena *a, size_t size);

/* Allocate a zeroed array of nmemb elements; aborts on overflow. */
void		*arena_calloc(struct arena *a, size_t nmemb, size_t size);

/*
 * Grow an array allocated from the arena: returns a new block of
 * new_nmemb elements holding the old old_nmemb ones.  The old block is
 * not reused (arenas do not free), so grow geometrically.
 */
void		*arena_grow(struct arena *a, void *old, size_t old_nmemb,
		     size_t new_nmemb, size_t size);

/* Copy len bytes of s and a NUL into the arena. */
char		*arena_strndup(struct arena *a, const char *s, size_t len);

/*
 * Give the arena a block from malloc() to free with everything else: a
 * buffer its owner's strings point into.  NULL is allowed.
 */
void		 arena_adopt(struct arena *a, void *block);

/* Bytes handed out so far (for memory reports). */
size_t		 arena_used(const struct arena *a);

#endif
