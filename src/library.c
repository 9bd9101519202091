/*
 * library.c - find the edition folders under a folder (library.h).
 *
 * Two levels are read at most: DIR's entries, and the entries of each
 * non-date folder in DIR (a paper folder).  A date-named folder is an
 * edition when it holds a regular file; deeper trees are not searched,
 * so a stray symlink loop or a home folder given by mistake costs two
 * folder listings per entry and no more.
 */
#include "config.h"

#include "library.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "xalloc.h"

/* Whether name is a real calendar date "YYYY-MM-DD". */
bool
library_is_date(const char *name)
{
	static const int mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31 };
	int y, m, d, i, max;

	if (strlen(name) != 10 || name[4] != '-' || name[7] != '-')
		return false;
	for (i = 0; i < 10; i++) {
		if (i != 4 && i != 7 && (name[i] < '0' || name[i] > '9'))
			return false;
	}
	y = atoi(name);
	m = atoi(name + 5);
	d = atoi(name + 8);
	if (y < 1 || m < 1 || m > 12 || d < 1)
		return false;
	max = mdays[m - 1];
	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		max = 29;
	return d <= max;
}

/* Whether path is a folder holding at least one regular, non-hidden file. */
static bool
has_pages(const char *path)
{
	DIR *dir;
	struct dirent *de;
	struct stat st;
	bool found = false;

	if ((dir = opendir(path)) == NULL)
		return false;
	while (!found && (de = readdir(dir)) != NULL) {
		char *file;

		if (de->d_name[0] == '.')
			continue;
		file = xasprintf("%s/%s", path, de->d_name);
		found = stat(file, &st) == 0 && S_ISREG(st.st_mode);
		free(file);
	}
	closedir(dir);
	return found;
}

/* Whether path is a folder (following symlinks, as load_paths does). */
static bool
is_dir(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* Append an edition (strings copied) unless the library is full. */
static void
add(struct library *lib, size_t *cap, const char *path, const char *paper,
    const char *date)
{
	struct library_edition *e;

	if (lib->n == LIBRARY_MAX_EDITIONS)
		return;
	if (lib->n == *cap) {
		*cap = *cap == 0 ? 16 : *cap * 2;
		lib->items = xreallocarray(lib->items, *cap, sizeof *lib->items);
	}
	e = &lib->items[lib->n++];
	e->path = xstrdup(path);
	e->paper = paper != NULL ? xstrdup(paper) : NULL;
	e->date = xstrdup(date);
	e->from_header = false;
}

/*
 * Add the date folders of folder path (DIR, or DIR/PAPER with paper set).
 * When paper is NULL, a non-date subfolder is a paper folder and is read
 * one level down.  Returns -1 with errno set when path cannot be opened.
 */
static int
scan_folder(struct library *lib, size_t *cap, const char *path,
    const char *paper)
{
	DIR *dir;
	struct dirent *de;
	char **names = NULL;
	size_t n = 0, ncap = 0, i;

	if ((dir = opendir(path)) == NULL)
		return -1;
	/* Read the names first: recursing with the DIR open would hold
	   one descriptor per level. */
	while ((de = readdir(dir)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		if (n == ncap) {
			ncap = ncap == 0 ? 32 : ncap * 2;
			names = xreallocarray(names, ncap, sizeof *names);
		}
		names[n++] = xstrdup(de->d_name);
	}
	closedir(dir);
	for (i = 0; i < n; i++) {
		char *sub = xasprintf("%s/%s", path, names[i]);

		if (!is_dir(sub))
			;	/* a file beside the editions: not ours */
		else if (library_is_date(names[i])) {
			if (has_pages(sub))
				add(lib, cap, sub, paper, names[i]);
		} else if (paper == NULL)
			(void)scan_folder(lib, cap, sub, names[i]);
		free(sub);
		free(names[i]);
	}
	free(names);
	return 0;
}

/* Compare two strings where NULL (unknown) sorts after any known one. */
static int
cmp_known(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return (a == NULL) - (b == NULL);
	return strcmp(a, b);
}

/* qsort comparator: newest date first, then paper, then path. */
static int
cmp_edition(const void *va, const void *vb)
{
	const struct library_edition *a = va, *b = vb;
	int c;

	if ((c = strcmp(b->date, a->date)) != 0)
		return c;
	if ((c = cmp_known(a->paper, b->paper)) != 0)
		return c;
	return strcmp(a->path, b->path);
}

/* Scan dir for edition folders. */
int
library_scan(const char *dir, struct library *out, char **cause)
{
	size_t cap = 0;

	out->root = xstrdup(dir);
	out->items = NULL;
	out->n = 0;
	if (scan_folder(out, &cap, dir, NULL) != 0) {
		*cause = xstrdup(strerror(errno));
		return -1;
	}
	library_sort(out);
	return 0;
}

/* Free a library's items. */
void
library_free(struct library *lib)
{
	size_t i;

	for (i = 0; i < lib->n; i++) {
		free(lib->items[i].path);
		free(lib->items[i].paper);
		free(lib->items[i].date);
	}
	free(lib->items);
	free(lib->root);
	lib->items = NULL;
	lib->root = NULL;
	lib->n = 0;
}

/* Let the edition's page headers name its paper and date. */
void
library_set_header(struct library *lib, size_t i, const char *paper,
    const char *date)
{
	struct library_edition *e;

	if (i >= lib->n)
		return;
	e = &lib->items[i];
	if (paper != NULL && *paper != '\0') {
		free(e->paper);
		e->paper = xstrdup(paper);
		e->from_header = true;
	}
	if (date != NULL && library_is_date(date)) {
		free(e->date);
		e->date = xstrdup(date);
		e->from_header = true;
	}
}

/* Sort again. */
void
library_sort(struct library *lib)
{
	if (lib->n > 1)
		qsort(lib->items, lib->n, sizeof *lib->items, cmp_edition);
}

/* Find an edition by its folder. */
size_t
library_find(const struct library *lib, const char *path)
{
	char want[PATH_MAX], have[PATH_MAX];
	size_t i;

	if (realpath(path, want) == NULL)
		return SIZE_MAX;
	for (i = 0; i < lib->n; i++) {
		if (realpath(lib->items[i].path, have) != NULL &&
		    strcmp(want, have) == 0)
			return i;
	}
	return SIZE_MAX;
}

/* Whether two editions are of the same paper (both unknown counts). */
static bool
same_paper(const struct library_edition *a, const struct library_edition *b)
{
	if (a->paper == NULL || b->paper == NULL)
		return a->paper == b->paper;
	return strcmp(a->paper, b->paper) == 0;
}

/* The next older edition of the same paper. */
size_t
library_prev(const struct library *lib, size_t i)
{
	size_t j;

	if (i >= lib->n)
		return SIZE_MAX;
	for (j = i + 1; j < lib->n; j++) {
		if (same_paper(&lib->items[i], &lib->items[j]))
			return j;
	}
	return SIZE_MAX;
}

/* The next newer edition of the same paper. */
size_t
library_next(const struct library *lib, size_t i)
{
	size_t j;

	if (i >= lib->n)
		return SIZE_MAX;
	for (j = i; j-- > 0;) {
		if (same_paper(&lib->items[i], &lib->items[j]))
			return j;
	}
	return SIZE_MAX;
}
