/*
 * statefile.h - small text state files that are never lost or torn.
 *
 * kanbao keeps bookmarks and reading positions in human-readable text files
 * that several kanbao processes (two SSH sessions) may change at once.  This
 * module is the durable-file mechanism under both:
 *
 *   - statefile_update() takes an exclusive lock (a separate FILE.lock,
 *     flock), re-reads the current file, lets the caller change the records,
 *     writes FILE.tmp.PID (O_EXCL|O_NOFOLLOW, mode 0600, fsync), renames it
 *     over FILE and fsyncs the folder.  Readers see the old or the new
 *     file, never a torn one; a concurrent change is merged, not lost,
 *     because the change is applied to what is on disk under the lock.
 *   - A file that does not parse is never overwritten: the update fails
 *     with a message naming the file and line, and the file stays as is.
 *
 * File format (documented in the man page, FILES):
 *
 *   kanbao-KIND 1                         header: kind and format version
 *   TYPE<TAB>key=value<TAB>key=value...   one record per line
 *   end<TAB>count=N<TAB>crc=XXXXXXXX      trailer: record count and CRC-32
 *
 * Values escape backslash, tab and newline as \\ \t \n.  Unknown record
 * types and unknown keys are kept verbatim, so a newer kanbao's data
 * survives an older one's update.  The trailer makes truncation visible.
 */
#ifndef KANBAO_STATEFILE_H
#define KANBAO_STATEFILE_H

#include <stdbool.h>
#include <stddef.h>

/* One key=value field of a record. */
struct statefield {
	char	*key;
	char	*value;
};

/* One record: a type and its fields in file order. */
struct staterecord {
	char			*type;
	struct statefield	*fields;
	size_t			 nfields;
};

/* All records of a state file. */
struct statefile {
	char			*kind;		/* "bookmarks", "positions" */
	struct staterecord	*records;
	size_t			 nrecords;
};

/*
 * Called under the lock with the records currently on disk; change them in
 * place and return 1 to write, 0 to leave the file untouched, or -1 with
 * *cause set (caller of statefile_update frees) to fail.
 */
typedef int (*statefile_change_fn)(struct statefile *sf, void *ctx,
	    char **cause);

/*
 * Read path into *sf.  A missing file gives an empty state (returns 0).
 * Returns -1 with *cause set ("PATH:LINE: reason") when the file exists
 * but cannot be read or parsed, or was written by a newer format version.
 */
int	 statefile_read(const char *path, const char *kind,
	     struct statefile *sf, char **cause);

/*
 * Parse state-file text held in memory (data[0..len)).  Returns 0, or -1
 * with *cause set ("LINE: reason") and *sf empty.  For tests and fuzzing;
 * statefile_read() uses the same parser.
 */
int	 statefile_parse(const char *data, size_t len, const char *kind,
	     struct statefile *sf, char **cause);

/*
 * Lock, re-read, apply change, write atomically, unlock.  Creates the
 * folder (0700) as needed.  Returns 0, or -1 with *cause set when the file
 * is unreadable or corrupt (it is then left untouched), the lock cannot be
 * taken within a few seconds, or writing fails (disk full, read-only
 * folder: the old file stays intact).
 */
int	 statefile_update(const char *path, const char *kind,
	     statefile_change_fn change, void *ctx, char **cause);

/* Free the records of sf (not sf itself). */
void	 statefile_clear(struct statefile *sf);

/* Value of key in a record, or NULL. */
const char *staterecord_get(const struct staterecord *r, const char *key);

/* Set key to value in a record (added at the end when absent; copied). */
void	 staterecord_set(struct staterecord *r, const char *key,
	     const char *value);

/* Append a new empty record of the given type; returns it. */
struct staterecord *statefile_add(struct statefile *sf, const char *type);

/* Remove record i, keeping the order of the others. */
void	 statefile_remove(struct statefile *sf, size_t i);

/*
 * The folder for kanbao's files of one XDG kind: envvar (XDG_DATA_HOME or
 * XDG_STATE_HOME) when set to an absolute path, else $HOME/fallback
 * (".local/share" or ".local/state"), with "/kanbao" appended.  Returns
 * NULL with *cause set when neither gives an absolute path.  Caller frees.
 */
char	*statefile_dir(const char *envvar, const char *fallback, char **cause);

#endif
