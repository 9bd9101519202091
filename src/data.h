/*
 * data.h - where kanbao finds the files it ships: the sample edition and
 * the edition schema.
 *
 * They are installed under $(pkgdatadir) (/usr/local/share/kanbao by
 * default).  The environment variable KANBAO_DATA_DIR, a list of
 * directories separated by ':', is searched first; the test harness sets
 * it to the source tree, so an uninstalled build finds its data without
 * the binary carrying the build and source paths.
 */
#ifndef KANBAO_DATA_H
#define KANBAO_DATA_H

/* The environment variable that overrides the installed data directory. */
#define DATA_DIR_ENV	"KANBAO_DATA_DIR"

/*
 * The path of the data file name (relative, such as
 * "samples/000_5989cba5d6a3127f.txt"): the first directory of
 * $KANBAO_DATA_DIR that holds it as a regular file, else the installed
 * data directory's, whether it exists or not (the caller's open reports
 * that).  Caller frees.
 */
char	*data_path(const char *name);

#endif
