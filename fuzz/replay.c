/*
 * replay.c - run files through a fuzz target without libFuzzer.
 *
 * Linked into every fuzz/fuzz_* program when configure was not given
 * --enable-fuzzing: "fuzz_x FILE|DIR..." feeds each file, and each regular
 * file of each directory (in name order, hidden ones skipped), to
 * LLVMFuzzerTestOneInput(), so the checked-in corpora are a regression
 * test under gcc, ASan/UBSan and valgrind.  Arguments starting with '-'
 * are ignored, so the same command line ("-runs=0 DIR") replays a corpus
 * with a libFuzzer build too.  Exit status: 0 when every input ran, 1 when
 * a file could not be read (a broken invariant aborts before that).
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fuzz.h"

/* Read a whole file into a malloc'ed buffer; NULL with errno on failure. */
static uint8_t *
replay_read(const char *path, size_t *size)
{
	FILE *f = fopen(path, "rb");
	uint8_t *data = NULL, *p;
	size_t cap = 0, n = 0, got;

	if (f == NULL)
		return NULL;
	do {
		if (n == cap) {
			cap = cap == 0 ? 65536 : cap * 2;
			if ((p = realloc(data, cap)) == NULL) {
				free(data);
				fclose(f);
				return NULL;
			}
			data = p;
		}
		got = fread(data + n, 1, cap - n, f);
		n += got;
	} while (got > 0);
	if (ferror(f)) {
		free(data);
		fclose(f);
		errno = EIO;
		return NULL;
	}
	fclose(f);
	*size = n;
	return data;
}

/*
 * Run one file through the target.  The bytes are copied into a buffer of
 * exactly their size, so ASan sees a read one past the end as libFuzzer
 * would.  Returns 0, or -1 when the file cannot be read.
 */
static int
replay_file(const char *path, int verbose)
{
	uint8_t *data, *copy;
	size_t size = 0;

	if ((data = replay_read(path, &size)) == NULL) {
		fprintf(stderr, "replay: %s: %s\n", path, strerror(errno));
		return -1;
	}
	if ((copy = malloc(size == 0 ? 1 : size)) == NULL) {
		free(data);
		fprintf(stderr, "replay: out of memory\n");
		return -1;
	}
	memcpy(copy, data, size);
	free(data);
	if (verbose)
		fprintf(stderr, "replay: %s (%zu bytes)\n", path, size);
	LLVMFuzzerTestOneInput(copy, size);
	free(copy);
	return 0;
}

/* qsort comparator for directory entries: plain byte order. */
static int
replay_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/*
 * Run every regular, non-hidden file of a directory, in name order so a
 * failure is reproducible.  Returns the number of files run, or -1.
 */
static int
replay_dir(const char *path, int verbose)
{
	DIR *dir = opendir(path);
	struct dirent *de;
	char **names = NULL, **p;
	size_t n = 0, cap = 0, i;
	int rc = 0, ran = 0;

	if (dir == NULL) {
		fprintf(stderr, "replay: %s: %s\n", path, strerror(errno));
		return -1;
	}
	while ((de = readdir(dir)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		if (n == cap) {
			cap = cap == 0 ? 64 : cap * 2;
			if ((p = realloc(names, cap * sizeof *names)) == NULL)
				abort();
			names = p;
		}
		if ((names[n++] = strdup(de->d_name)) == NULL)
			abort();
	}
	closedir(dir);
	if (n > 0)
		qsort(names, n, sizeof *names, replay_cmp);
	for (i = 0; i < n; i++) {
		struct stat st;
		size_t len = strlen(path) + strlen(names[i]) + 2;
		char *file = malloc(len);

		if (file == NULL)
			abort();
		snprintf(file, len, "%s/%s", path, names[i]);
		if (stat(file, &st) == 0 && S_ISREG(st.st_mode)) {
			if (replay_file(file, verbose) != 0)
				rc = -1;
			else
				ran++;
		}
		free(file);
		free(names[i]);
	}
	free(names);
	return rc != 0 ? -1 : ran;
}

/* Run every file named, or inside a folder named, through the target. */
int
main(int argc, char **argv)
{
	struct stat st;
	int i, rc = 0, total = 0, got;
	int verbose = getenv("FUZZ_REPLAY_VERBOSE") != NULL;

	LLVMFuzzerInitialize(&argc, &argv);
	for (i = 1; i < argc; i++) {
		if (argv[i][0] == '-')
			continue;	/* a libFuzzer option such as -runs=0 */
		if (stat(argv[i], &st) != 0) {
			fprintf(stderr, "replay: %s: %s\n", argv[i],
			    strerror(errno));
			rc = 1;
		} else if (S_ISDIR(st.st_mode)) {
			if ((got = replay_dir(argv[i], verbose)) < 0)
				rc = 1;
			else
				total += got;
		} else if (replay_file(argv[i], verbose) != 0)
			rc = 1;
		else
			total++;
	}
	fprintf(stderr, "replay: %d input%s ran\n", total,
	    total == 1 ? "" : "s");
	return rc;
}
