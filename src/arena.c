/*
 * arena.c - bump allocation in chunks.
 *
 * Chunks are at least 64 KiB, and 8 MiB once the arena holds a few
 * megabytes: a large edition then fills huge pages (xmalloc_large) rather
 * than a fault's worth of memory per 4 KiB.  A request larger than a chunk
 * gets a chunk of its own, so one huge paragraph does not waste a whole
 * chunk's tail.  Memory is zeroed so model structs start in a known state;
 * string copies, which fill what they take, skip that.
 */
#include "config.h"

#include "arena.h"

#include <stdalign.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

#define ARENA_CHUNK	(64 * 1024)	/* default chunk payload */
#define ARENA_BIG_CHUNK	(8 << 20)	/* chunk payload of a large arena */
#define ARENA_BIG_AFTER	(4 << 20)	/* bytes that make an arena large */

/* One chunk of arena memory. */
struct chunk {
	struct chunk	*next;
	size_t		 size;		/* payload bytes */
	size_t		 used;
	alignas(max_align_t) unsigned char data[];
};

/* A block the arena was given to free (arena_adopt), in a list. */
struct adopted {
	struct adopted	*next;
	void		*block;
};

struct arena {
	struct chunk	*head;
	size_t		 total;
	struct adopted	*adopted;
};

/* Create an empty arena. */
struct arena *
arena_new(void)
{
	return xcalloc(1, sizeof(struct arena));
}

/* Free all chunks and the arena. */
void
arena_free(struct arena *a)
{
	struct chunk *c, *next;
	struct adopted *d;

	if (a == NULL)
		return;
	/* The list lives in the chunks: walk it before they go. */
	for (d = a->adopted; d != NULL; d = d->next)
		free(d->block);
	for (c = a->head; c != NULL; c = next) {
		next = c->next;
		free(c);
	}
	free(a);
}

/* Take aligned memory from the arena, not zeroed. */
static void *
arena_take(struct arena *a, size_t size)
{
	const size_t align = alignof(max_align_t);
	struct chunk *c = a->head;
	size_t chunk;
	void *p;

	if (size == 0)
		size = 1;
	if (size > SIZE_MAX - align)
		fatalx("arena allocation overflow");
	size = (size + align - 1) & ~(align - 1);
	if (c == NULL || c->size - c->used < size) {
		size_t payload;

		chunk = a->total >= ARENA_BIG_AFTER ? ARENA_BIG_CHUNK :
		    ARENA_CHUNK;
		payload = size > chunk ? size : chunk;
		if (payload > SIZE_MAX - sizeof(struct chunk))
			fatalx("arena allocation overflow");
		c = xmalloc_large(sizeof(struct chunk) + payload);
		c->size = payload;
		c->used = 0;
		/*
		 * A private oversized chunk goes behind the head so the
		 * head's free tail stays usable for small allocations.
		 */
		if (payload > chunk && a->head != NULL) {
			c->next = a->head->next;
			a->head->next = c;
		} else {
			c->next = a->head;
			a->head = c;
		}
	}
	p = c->data + c->used;
	c->used += size;
	a->total += size;
	return p;
}

/* Allocate zeroed, aligned memory from the arena. */
void *
arena_alloc(struct arena *a, size_t size)
{
	void *p = arena_take(a, size);

	memset(p, 0, size == 0 ? 1 : size);
	return p;
}

/* Allocate a zeroed array from the arena. */
void *
arena_calloc(struct arena *a, size_t nmemb, size_t size)
{
	if (size != 0 && nmemb > SIZE_MAX / size)
		fatalx("arena allocation overflow (%zu * %zu)", nmemb, size);
	return arena_alloc(a, nmemb * size);
}

/* Copy an array into a larger block of the arena. */
void *
arena_grow(struct arena *a, void *old, size_t old_nmemb, size_t new_nmemb,
    size_t size)
{
	void *p = arena_calloc(a, new_nmemb, size);

	if (old != NULL && old_nmemb != 0)
		memcpy(p, old, (old_nmemb < new_nmemb ? old_nmemb : new_nmemb) *
		    size);
	return p;
}

/* Copy a string into the arena. */
char *
arena_strndup(struct arena *a, const char *s, size_t len)
{
	char *p = arena_take(a, len + 1);

	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

/* Free a malloc'd block with the arena. */
void
arena_adopt(struct arena *a, void *block)
{
	struct adopted *d;

	if (block == NULL)
		return;
	d = arena_take(a, sizeof *d);
	d->block = block;
	d->next = a->adopted;
	a->adopted = d;
}

/* Report bytes handed out. */
size_t
arena_used(const struct arena *a)
{
	return a->total;
}
