/*
 * data.c - find the files kanbao ships (data.h).
 *
 * One rule for every data file, instead of each caller comparing
 * /proc/self/exe with directories baked in at build time: the override
 * list first, then the installed directory.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "data.h"
#include "xalloc.h"

/* Whether path names a regular file. */
static int
data_is_file(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* Find a data file: the override directories, then the installed one. */
char *
data_path(const char *name)
{
	const char *list = getenv(DATA_DIR_ENV), *p, *end;
	char *path;

	for (p = list; p != NULL && *p != '\0'; p = *end != '\0' ? end + 1 :
	    end) {
		end = strchr(p, ':');
		if (end == NULL)
			end = p + strlen(p);
		if (end == p)
			continue;	/* an empty entry, as in "a::b" */
		path = xasprintf("%.*s/%s", (int)(end - p), p, name);
		if (data_is_file(path))
			return path;
		free(path);
	}
	return xasprintf("%s/%s", KANBAO_DATADIR, name);
}
