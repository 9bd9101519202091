/*
 * load.c - open paths as one edition: read, decode, pick the loader.
 *
 * This is the front door of the data flow (bytes -> decode -> load ->
 * edition).  For each path:
 *
 *   directory   its regular, non-hidden files in natural order (strverscmp:
 *               page 2 before page 10), each loaded as below; a file that
 *               fails is reported through the warning callback and the
 *               others still open
 *   file        read whole (bounded by LOAD_MAX_FILE_SIZE), decoded to
 *               UTF-8 by encoding.c, recognised by content, and handed to
 *               the loader of its format
 *   "-"         standard input, as a file
 *
 * Formats are recognised by content, not by extension (a directory may mix
 * them): a PDF ("%PDF-" in its first 1024 bytes) goes to load_pdf.c before
 * any decoding; a document whose root element is <edition> goes to load_xml.c,
 * <nitf> to load_nitf.c, an HTML page (<html>, <!DOCTYPE html>, a <body>
 * tag) to load_html.c; any other XML document is an error; everything
 * else is raw page text for load_text.c.  The markup loaders get the
 * decoded UTF-8 text and parse it with the encoding forced, so a
 * declaration is never applied twice.
 */
#include "config.h"

#include "load.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "edition.h"
#include "encoding.h"
#include "i18n.h"
#include "load_html.h"
#include "load_markup.h"
#include "load_nitf.h"
#include "load_pdf.h"
#include "load_text.h"
#include "load_xml.h"
#include "xalloc.h"


/*
 * Read from fd until EOF into a growing buffer, bounded by the size limit.
 * size is what fstat says the file holds (0 if unknown, as for a pipe):
 * the buffer starts at that size plus one, so a regular file is read
 * into one block without growing it, and a large one gets huge pages.
 */
static int
read_fd(int fd, size_t size, char **data, size_t *len, char **cause)
{
	size_t cap = size > 0 ? size + 1 : 64 * 1024, n = 0;
	char *p = xmalloc_large(cap + 1);
	ssize_t r;

	for (;;) {
		if (n == cap) {
			if (cap >= LOAD_MAX_FILE_SIZE) {
				free(p);
				*cause = xasprintf(_("file too large (the "
				    "limit is %zu MiB)"),
				    LOAD_MAX_FILE_SIZE >> 20);
				return -1;
			}
			cap *= 2;
			p = xgrowarray(p, n, cap + 1, 1);
		}
		r = read(fd, p + n, cap - n);
		if (r < 0) {
			if (errno == EINTR)
				continue;
			*cause = xasprintf("%s", strerror(errno));
			free(p);
			return -1;
		}
		if (r == 0)
			break;
		n += (size_t)r;
	}
	p[n] = '\0';
	*data = p;
	*len = n;
	return 0;
}

/* Read a whole file into memory. */
int
load_read_file(const char *path, char **data, size_t *len, char **cause)
{
	struct stat st;
	int fd, rc;

	if (strcmp(path, "-") == 0)
		return read_fd(STDIN_FILENO, 0, data, len, cause);
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1) {
		*cause = xasprintf("%s", strerror(errno));
		return -1;
	}
	if (fstat(fd, &st) == -1) {
		*cause = xasprintf("%s", strerror(errno));
		close(fd);
		return -1;
	}
	if (S_ISDIR(st.st_mode)) {
		*cause = xasprintf(_("is a directory"));
		close(fd);
		return -1;
	}
	if (S_ISREG(st.st_mode) && (size_t)st.st_size > LOAD_MAX_FILE_SIZE) {
		*cause = xasprintf(_("file too large (%lld MiB; the limit is "
		    "%zu MiB)"), (long long)(st.st_size >> 20),
		    LOAD_MAX_FILE_SIZE >> 20);
		close(fd);
		return -1;
	}
	rc = read_fd(fd, S_ISREG(st.st_mode) ? (size_t)st.st_size : 0, data,
	    len, cause);
	close(fd);
	return rc;
}

/*
 * "PATH: reason", or "PATH:12: reason" when the reason starts with a line
 * number (markup errors), the form compilers and grep use.  Caller frees.
 */
char *
load_join_path(const char *path, const char *why)
{
	size_t digits = strspn(why, "0123456789");

	if (digits > 0 && why[digits] == ':')
		return xasprintf("%s:%s", path, why);
	return xasprintf("%s: %s", path, why);
}

/* The last component of a path, without a trailing slash. */
static char *
path_base(const char *path)
{
	size_t len = strlen(path);
	const char *start;

	while (len > 1 && path[len - 1] == '/')
		len--;
	start = path + len;
	while (start > path && start[-1] != '/')
		start--;
	return xstrndup(start, (size_t)(path + len - start));
}

/*
 * The file name without directory and extension: the fallback title.  A
 * directory named . or .. (or ending in /) is named by its real name.
 */
static char *
path_stem(const char *path)
{
	char *base = path_base(path), *dot, *real;

	if (strcmp(base, "-") == 0) {
		free(base);
		return xstrdup("stdin");
	}
	if ((strcmp(base, ".") == 0 || strcmp(base, "..") == 0 ||
	    *base == '\0') && (real = realpath(path, NULL)) != NULL) {
		free(base);
		base = path_base(real);
		free(real);
		if (*base == '\0' || strcmp(base, "/") == 0) {
			free(base);
			return xstrdup("/");
		}
		return base;
	}
	dot = strrchr(base, '.');
	if (dot != NULL && dot != base)
		*dot = '\0';
	return base;
}

/*
 * Recognise the format of decoded text by its first markup: the root
 * element's name (edition, nitf, html) after any declaration, comments and
 * doctype, or <!DOCTYPE html> / a <body> tag for HTML (load_markup.c).
 * root receives the root element's name for the error about other XML.
 */
static enum markup_kind
sniff_format(const char *text, size_t len, char *root, size_t rootsize)
{
	return load_markup_sniff(text, len, root, rootsize);
}

/*
 * Load one file into ed.  Returns the number of articles added, or -1 with
 * *cause set (without the path; the caller adds it).
 */
static int
load_file(struct edition *ed, const char *path,
    const struct load_options *opts, char **cause)
{
	struct decoded d;
	char *data = NULL, *name, root[64];
	size_t len = 0;
	int n;

	if (load_read_file(path, &data, &len, cause) != 0)
		return -1;
	if (len == 0) {
		free(data);
		*cause = xstrdup(_("empty file"));
		return -1;
	}
	/*
	 * A PDF is binary: it goes to its loader before any decoding (and
	 * is refused with advice when kanbao was built without it).
	 */
	if (load_pdf_sniff(data, len)) {
		name = path_stem(path);
		n = load_pdf(ed, data, len, path, name, cause);
		free(name);
		free(data);
		return n;
	}
	if (encoding_decode_take(&data, len, opts->encoding, &d, cause) != 0) {
		free(data);
		return -1;
	}
	free(data);		/* NULL when the buffer became d.text */
	if (d.ninvalid > 0 && opts->warn != NULL) {
		char *m = xasprintf(_("%zu invalid byte sequence%s in %s, "
		    "first at byte %zu"), d.ninvalid,
		    d.ninvalid == 1 ? "" : "s",
		    d.encoding, d.first_invalid);

		opts->warn(opts->warn_ctx, path, m);
		free(m);
	}
	if (ed->encoding == NULL)
		edition_set_encoding(ed, d.encoding);
	name = path_stem(path);
	switch (sniff_format(d.text, d.len, root, sizeof root)) {
	case MARKUP_EDITION:
		n = load_xml(ed, d.text, d.len, path, name,
		    opts->strict ? LOAD_XML_STRICT : 0, cause);
		break;
	case MARKUP_NITF:
		n = load_nitf(ed, d.text, d.len, path, name, cause);
		break;
	case MARKUP_HTML:
		n = load_html(ed, d.text, d.len, path, name, cause);
		break;
	case MARKUP_OTHER:
		*cause = xasprintf(_("XML document with root element <%s>: "
		    "not an edition (kanbao reads <edition>, NITF and HTML)"),
		    root);
		n = -1;
		break;
	case MARKUP_NONE:
	default:
		/* The edition may keep the text: d.text is then NULL. */
		n = load_text_take(ed, &d.text, d.len, path, name, cause);
		break;
	}
	free(name);
	encoding_decoded_free(&d);
	return n;
}

/* qsort comparator: natural order of file names (2 before 10). */
static int
cmp_natural(const void *a, const void *b)
{
	return strverscmp(*(char *const *)a, *(char *const *)b);
}

/*
 * Load a directory's files in natural order.  Returns the number of
 * articles added, or -1 with *cause set when none of its files loaded.
 */
static int
load_dir(struct edition *ed, const char *path,
    const struct load_options *opts, char **cause)
{
	DIR *dir;
	struct dirent *de;
	char **names = NULL;
	size_t n = 0, cap = 0, i, failed = 0;
	int total = 0, got;

	if ((dir = opendir(path)) == NULL) {
		*cause = xasprintf("%s", strerror(errno));
		return -1;
	}
	while ((de = readdir(dir)) != NULL) {
		if (de->d_name[0] == '.')
			continue;	/* hidden files, . and .. */
		if (n == LOAD_MAX_DIR_FILES) {
			if (opts->warn != NULL)
				opts->warn(opts->warn_ctx, path, _("too many "
				    "files; only the first ones are read"));
			break;
		}
		if (n == cap) {
			cap = cap == 0 ? 32 : cap * 2;
			names = xreallocarray(names, cap, sizeof *names);
		}
		names[n++] = xstrdup(de->d_name);
	}
	closedir(dir);
	if (n > 0)
		qsort(names, n, sizeof *names, cmp_natural);

	for (i = 0; i < n; i++) {
		char *file = xasprintf("%s/%s", path, names[i]), *why = NULL;
		struct stat st;

		if (stat(file, &st) != 0 || !S_ISREG(st.st_mode)) {
			free(file);
			continue;	/* subdirectories, sockets, dangling links */
		}
		got = load_file(ed, file, opts, &why);
		if (got < 0) {
			failed++;
			if (opts->nfailed != NULL)
				(*opts->nfailed)++;
			if (opts->warn != NULL)
				opts->warn(opts->warn_ctx, file, why);
			free(why);
		} else
			total += got;
		free(file);
	}
	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
	if (ed->nsections == 0) {
		*cause = failed > 0 ?
		    xasprintf(_("no file of the directory could be read")) :
		    xasprintf(_("no editions in this directory"));
		return -1;
	}
	return total;
}

/* Load paths into one finished edition. */
struct edition *
load_paths(char *const *paths, size_t npaths, const struct load_options *opts,
    char **cause)
{
	struct load_options none = { NULL, false, NULL, NULL, NULL };
	struct edition *ed;
	struct buf title = BUF_INIT;
	size_t i, loaded = 0;

	if (opts == NULL)
		opts = &none;
	if (npaths == 0) {
		*cause = xstrdup(_("no path given"));
		return NULL;
	}
	ed = edition_new(NULL, paths[0]);
	for (i = 0; i < npaths; i++) {
		struct stat st;
		char *why = NULL, *stem;
		int got;

		if (strcmp(paths[i], "-") != 0 && stat(paths[i], &st) == 0 &&
		    S_ISDIR(st.st_mode))
			got = load_dir(ed, paths[i], opts, &why);
		else
			got = load_file(ed, paths[i], opts, &why);
		if (got < 0) {
			/*
			 * With one path the error is the result; with several,
			 * the others still open and this one is a warning.
			 */
			if (npaths == 1) {
				*cause = load_join_path(paths[i], why);
				free(why);
				edition_free(ed);
				buf_free(&title);
				return NULL;
			}
			if (opts->nfailed != NULL)
				(*opts->nfailed)++;
			if (opts->warn != NULL)
				opts->warn(opts->warn_ctx, paths[i], why);
			free(why);
			continue;
		}
		stem = path_stem(paths[i]);
		if (title.len > 0)
			buf_puts(&title, ", ");
		buf_puts(&title, stem);
		free(stem);
		loaded++;
	}
	if (loaded == 0) {
		*cause = xasprintf(_("none of the %zu paths could be read"),
		    npaths);
		edition_free(ed);
		buf_free(&title);
		return NULL;
	}
	/*
	 * An edition XML document brings its own title; keep it.  Page
	 * headers that named the paper and the date name the edition
	 * (河洛日报 2026年3月2日) better than file names do.
	 */
	if (ed->title == NULL && ed->paper != NULL && ed->date != NULL) {
		int y, m, d;

		if (sscanf(ed->date, "%d-%d-%d", &y, &m, &d) == 3) {
			title.len = 0;
			buf_printf(&title, "%s %d年%d月%d日", ed->paper, y, m,
			    d);
		}
	}
	if (ed->title == NULL)
		edition_set_title(ed, buf_str(&title));
	buf_free(&title);
	edition_finish(ed);
	return ed;
}
