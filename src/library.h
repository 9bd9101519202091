/*
 * library.h - a folder of editions: find them, order them, step through
 * the issues of one paper.
 *
 * Users keep papers as folders of page files, one folder per edition,
 * named by its date.  Two layouts are recognised, and may be mixed:
 *
 *   DIR/PAPER/YYYY-MM-DD/   paper from the folder name (人民日报)
 *   DIR/YYYY-MM-DD/         paper unknown (NULL) until the edition's
 *                           page headers name it
 *
 * An edition folder is a folder whose name is a real calendar date in ISO
 * 8601 form and which holds at least one regular, non-hidden file (what
 * load_paths() opens as one edition).  Hidden folders are skipped; files
 * lying beside the folders (a README) are ignored.  Nothing is loaded or
 * decoded here: this module only reads folder listings, so scanning is
 * cheap and needs no terminal (the picker, the search index and the
 * command line all use it).
 *
 * Life cycle:
 *
 *   struct library lib;
 *   if (library_scan(dir, &lib, &cause) != 0) ... *cause, caller frees
 *   ... lib.items[0 .. lib.n), newest first ...
 *   library_set_header(&lib, i, ed->paper, ed->date);  once loaded
 *   library_sort(&lib);                                 order again
 *   library_free(&lib);
 *
 * Order: newest date first; the same date by paper (unknown last), then by
 * path, so the order is total and stable across runs.
 *
 * "The same paper" (for library_prev/library_next): equal paper strings,
 * or both unknown.  The previous issue (上一期) is the next older edition
 * of the same paper, the next issue (下一期) the next newer one.
 *
 * No global state; all strings are UTF-8 as the file system gives them
 * (sanitise before display) and owned by the library.
 */
#ifndef KANBAO_LIBRARY_H
#define KANBAO_LIBRARY_H

#include <stdbool.h>
#include <stddef.h>

/* At most this many editions are listed (bounds memory on huge trees). */
#define LIBRARY_MAX_EDITIONS	100000

/* One edition folder. */
struct library_edition {
	char	*path;		/* DIR/PAPER/DATE or DIR/DATE, as joined from
				   the dir given to library_scan() */
	char	*paper;		/* NULL = unknown */
	char	*date;		/* "YYYY-MM-DD", never NULL */
	bool	 from_header;	/* paper/date were set by library_set_header */
};

/* The editions of a folder, newest first. */
struct library {
	char			*root;	/* the dir given to library_scan() */
	struct library_edition	*items;
	size_t			 n;
};

/*
 * Scan dir for edition folders (both layouts) into *out, sorted.  Returns
 * 0 (out->n may be 0: dir holds no edition folder, e.g. it is an edition
 * itself), or -1 with *cause set ("reason", no path; caller frees) when
 * dir cannot be opened.  Unreadable subfolders are skipped.  Free *out
 * with library_free() in both cases.
 */
int	 library_scan(const char *dir, struct library *out, char **cause);

/* Free the items of lib (not lib itself); lib is left empty. */
void	 library_free(struct library *lib);

/*
 * Whether name is a real calendar date "YYYY-MM-DD" (2026-02-30 is not).
 */
bool	 library_is_date(const char *name);

/*
 * Record what the loaded edition's page headers say: a non-NULL paper or
 * date (must be "YYYY-MM-DD"; anything else is ignored) replaces the one
 * from the folder name.  Call library_sort() after the last change; until
 * then indices stay as they were.
 */
void	 library_set_header(struct library *lib, size_t i, const char *paper,
	     const char *date);

/* Sort lib again in the library's order (after library_set_header). */
void	 library_sort(struct library *lib);

/*
 * The index of the edition whose folder is path (compared after
 * realpath(), so "a/../b" and a symlink find it), or SIZE_MAX.
 */
size_t	 library_find(const struct library *lib, const char *path);

/*
 * The previous issue (older) or next issue (newer) of the same paper as
 * item i, or SIZE_MAX when there is none.
 */
size_t	 library_prev(const struct library *lib, size_t i);
size_t	 library_next(const struct library *lib, size_t i);

#endif
