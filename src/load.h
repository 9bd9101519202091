/*
 * load.h - open a path (file or directory) as an edition.
 *
 * The one entry point the rest of kanbao uses: it reads the bytes, decodes
 * them (encoding.h), recognises the format by content (raw page text,
 * kanbao edition XML, NITF, HTML) and hands the text to that format's
 * loader.  A directory is an edition whose files are its sections, in
 * natural order (2 before 10).  Several paths make one edition.
 */
#ifndef KANBAO_LOAD_H
#define KANBAO_LOAD_H

#include <stdbool.h>
#include <stddef.h>

struct edition;

/* Hard limits that keep memory bounded on hostile input (see man page). */
#define LOAD_MAX_FILE_SIZE	((size_t)1 << 30)	/* 1 GiB per file */
#define LOAD_MAX_DIR_FILES	100000			/* files per directory */

/* Called for each file that failed while others still loaded. */
typedef void (*load_warn_fn)(void *ctx, const char *path, const char *msg);

/* Options for loading. */
struct load_options {
	const char	*encoding;	/* forced encoding, or NULL to detect */
	bool		 strict;	/* validate edition XML against the schema */
	load_warn_fn	 warn;		/* warnings (may be NULL) */
	void		*warn_ctx;
	/*
	 * Counts the paths, and files of a directory, that could not be
	 * loaded while others were (each also reported through warn), so
	 * the command can exit 2 after showing what did load.  May be NULL.
	 */
	size_t		*nfailed;
};

/*
 * Load the given paths into one edition (finished, ready to read).
 * Returns NULL with *cause set (caller frees, "PATH: reason") when nothing
 * could be loaded: an unreadable or empty file, a binary file, a directory
 * with no editions.  Files that fail while others load are reported
 * through opts->warn.
 */
struct edition	*load_paths(char *const *paths, size_t npaths,
		     const struct load_options *opts, char **cause);

/*
 * Join a path and an error reason as kanbao prints them: "PATH: reason",
 * or "PATH:12: reason" when the reason starts with a line number.  Caller
 * frees.
 */
char		*load_join_path(const char *path, const char *why);

/*
 * Read a whole file into memory (caller frees *data, NUL-terminated).
 * Returns 0, or -1 with *cause set ("reason", no path).
 */
int		 load_read_file(const char *path, char **data, size_t *len,
		     char **cause);

#endif
