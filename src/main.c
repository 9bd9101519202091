/*
 * main.c - the kanbao command: options, locale, and dispatch.
 *
 * kanbao [options] [PATH...]
 *
 * With no mode option it opens the interactive reader; --list, --dump,
 * --export and --detect are the non-interactive modes for scripts.  With no
 * PATH the reader opens the library ($KANBAO_LIBRARY), else the edition
 * read last, else the bundled sample edition, so a new user sees something
 * real at once; the other modes use the sample.
 *
 * Exit status: 0 success, 1 usage error, 2 an input could not be read or
 * parsed: also when one of several paths (or one file of a directory)
 * failed while the others loaded, after showing what did load.  --search,
 * like grep, exits 1 when nothing was found.  Every message starts with
 * "kanbao: ", never with the path of the binary, and a command line with
 * two modes (--list --dump) is a usage error, not "the last one wins".
 */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <langinfo.h>
#include <limits.h>
#include <locale.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/ioctl.h>
#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bookmarks.h"
#include "data.h"
#include "dump.h"
#include "edition.h"
#include "encoding.h"
#include "export.h"
#include "index.h"
#include "library.h"
#include "i18n.h"
#include "load.h"
#include "library.h"
#include "load_pdf.h"
#include "sanitize.h"
#include "search.h"
#include "settings.h"
#include "tui.h"
#include "xalloc.h"

#define EXIT_USAGE	1
#define EXIT_INPUT	2

#define SAMPLE_NAME	"000_5989cba5d6a3127f.txt"

/* What the command was asked to do. */
enum mode {
	MODE_TUI = 0,
	MODE_LIST,
	MODE_DUMP,
	MODE_EXPORT,
	MODE_DETECT,
	MODE_HELP_KEYS,
	MODE_BOOKMARKS,
	MODE_SEARCH,
	MODE_INDEX,
	MODE_PRINT_CONFIG
};

/* The option that chose each mode, for messages. */
static const char *const mode_options[] = {
	[MODE_TUI] = N_("the reader"),
	[MODE_LIST] = "--list",
	[MODE_DUMP] = "--dump",
	[MODE_EXPORT] = "--export",
	[MODE_DETECT] = "--detect",
	[MODE_HELP_KEYS] = "--help-keys",
	[MODE_BOOKMARKS] = "--bookmarks",
	[MODE_SEARCH] = "--search",
	[MODE_INDEX] = "--index",
	[MODE_PRINT_CONFIG] = "--print-config"
};

/* Long options; the short ones are -h and -V. */
static const struct option long_options[] = {
	{ "ambiguous",	required_argument,	NULL, 'a' },
	{ "bookmarks",	no_argument,		NULL, 'B' },
	{ "cached",	no_argument,		NULL, 'C' },
	{ "config",	required_argument,	NULL, 'c' },
	{ "detect",	no_argument,		NULL, 'D' },
	{ "dump",	optional_argument,	NULL, 'd' },
	{ "encoding",	required_argument,	NULL, 'e' },
	{ "export",	required_argument,	NULL, 'x' },
	{ "format",	required_argument,	NULL, 'f' },
	{ "help",	no_argument,		NULL, 'h' },
	{ "help-keys",	no_argument,		NULL, 'K' },
	{ "index",	no_argument,		NULL, 'I' },
	{ "list",	no_argument,		NULL, 'l' },
	{ "measure",	required_argument,	NULL, 'm' },
	{ "paper",	required_argument,	NULL, 'P' },
	{ "print-config", no_argument,		NULL, 'G' },
	{ "restart",	no_argument,		NULL, 'r' },
	{ "search",	required_argument,	NULL, 's' },
	{ "since",	required_argument,	NULL, 'N' },
	{ "strict",	no_argument,		NULL, 'S' },
	{ "until",	required_argument,	NULL, 'U' },
	{ "version",	no_argument,		NULL, 'V' },
	{ "width",	required_argument,	NULL, 'w' },
	{ NULL,		0,			NULL, 0 }
};

/*
 * Wrap a comma-separated list into lines of at most 79 columns indented by
 * 25, to sit under an option's description.  ASCII only.  Caller frees.
 */
static char *
wrap_list(const char *list)
{
	const size_t indent = 25, width = 79;
	size_t col = 0, n;
	char *out = xstrdup(""), *tmp, *copy = xstrdup(list), *save = NULL;
	const char *word;

	/* Split after each ", " and keep the comma with its item. */
	for (word = strtok_r(copy, " ", &save); word != NULL;
	    word = strtok_r(NULL, " ", &save)) {
		n = strlen(word);
		if (col == 0 || col + 1 + n > width) {
			tmp = xasprintf("%s%s%*s%s", out, col == 0 ? "" : "\n",
			    (int)indent, "", word);
			col = indent + n;
		} else {
			tmp = xasprintf("%s %s", out, word);
			col += 1 + n;
		}
		free(out);
		out = tmp;
	}
	tmp = xasprintf("%s\n", out);
	free(out);
	free(copy);
	return tmp;
}

/* Print usage to out. */
static void
usage(FILE *out)
{
	char *names = wrap_list(encoding_names());

	fprintf(out, _(
"Usage: kanbao [OPTION]... [PATH]...\n"
"Read a newspaper edition in the terminal.\n"
"\n"
"PATH is a file (a PDF page or edition, raw page text from PDF extraction,\n"
"kanbao edition XML, NITF or HTML) or a directory whose files are the pages\n"
"of one edition.  PDF input %s.\n"
"A directory of edition folders (DIR/PAPER/YYYY-MM-DD/, DIR/YYYY-MM-DD/) is\n"
"a library: the reader opens it on an edition picker.  Without PATH, the\n"
"reader opens $KANBAO_LIBRARY, else the library setting, else the edition\n"
"read last, else the bundled sample edition; the other modes print the\n"
"sample.\n"
"kanbao --search over a library uses its index (see --index).\n"
"\n"
"Modes (default: the interactive reader, or the --dump text when standard\n"
"output is not a terminal):\n"
"  -l, --list             list sections and articles (N: unread)\n"
"  -d, --dump[=N|S/A]     print article N, or article A of section S\n"
"                         (default: all), as wrapped text\n"
"  -x, --export=xml       write the edition as kanbao edition XML\n"
"  -s, --search=QUERY     print the articles containing QUERY, like grep\n"
"                         (words must all occur; \"quoted words\" together);\n"
"                         over a LIBRARY it uses the full-text index\n"
"      --index [LIBRARY]  build or update the full-text index of LIBRARY\n"
"                         (without it: of every edition already indexed)\n"
"      --detect           print the detected encoding of each file (of\n"
"                         each file in a directory)\n"
"      --bookmarks        list the bookmarks of all editions (piped:\n"
"                         every field, tab-separated)\n"
"      --help-keys        list the reader's keys\n"
"      --print-config     print the effective settings as a config file\n"
"\n"
"Options:\n"
"      --format=FORMAT    text (default) or json: one JSON object per line\n"
"                         (--list, --search and --bookmarks)\n"
"      --config=FILE      read settings from FILE instead of\n"
"                         $XDG_CONFIG_HOME/kanbao/config\n"
"  -w, --width=COLS       wrap --dump, --search and --bookmarks output to\n"
"                         COLS columns (default: the terminal width, or 80)\n"
"  -e, --encoding=NAME    decode input as NAME instead of detecting it;\n"
"                         NAME is one of:\n"
"%s"
"      --ambiguous=WHEN   draw East Asian ambiguous characters (“ … —)\n"
"                         auto|narrow|wide (default: auto)\n"
"      --measure=COLS     the reader's text width (default 80; 0: window)\n"
"      --restart          open at the start, not the saved position\n"
"      --strict           validate edition XML against its schema\n"
"      --cached           --search a LIBRARY's index as it is, without\n"
"                         checking its files for changes first\n"
"      --paper=NAME       --search only editions of paper NAME\n"
"      --since=DATE       --search only editions of DATE (YYYY-MM-DD) or later\n"
"      --until=DATE       --search only editions of DATE or earlier\n"
"  -h, --help             show this help and exit\n"
"  -V, --version          show the version and exit\n"
"\n"
"Exit status: 0 on success, 1 on a usage error (and for --search, when\n"
"nothing was found), 2 when an input cannot be read or parsed, even if\n"
"other paths loaded.  See kanbao(1) for the keys and the config file.\n"),
	    load_pdf_supported() ? _("is built in (poppler-glib)") :
	    _("is not built in (configure --with-pdf)"), names);
	free(names);
}

/* Print "kanbao: msg" to stderr, sanitised (messages may hold file names). */
static void
warn_msg(const char *msg)
{
	char *clean = sanitize_str(msg);

	fprintf(stderr, "kanbao: %s\n", clean);
	free(clean);
}

/* Load warning callback: print "kanbao: PATH: msg". */
static void
load_warn(void *ctx, const char *path, const char *msg)
{
	char *line = load_join_path(path, msg);

	(void)ctx;
	warn_msg(line);
	free(line);
}

/* Parse a positive column count; returns 0 on error. */
static size_t
parse_cols(const char *s)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (errno != 0 || *s == '\0' || *end != '\0' || v < 1 || v > 10000)
		return 0;
	return (size_t)v;
}

/* The terminal width of stdout, or 80 when it is not a terminal. */
static size_t
default_width(void)
{
	struct winsize ws;

	if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 &&
	    ws.ws_col > 0)
		return ws.ws_col;
	return 80;
}

/* The locale name the user asked for: what setlocale(LC_ALL, "") reads. */
static const char *
locale_asked(void)
{
	static const char *const vars[] = { "LC_ALL", "LC_CTYPE", "LANG" };
	const char *v;
	size_t i;

	for (i = 0; i < sizeof vars / sizeof vars[0]; i++) {
		if ((v = getenv(vars[i])) != NULL && *v != '\0')
			return v;
	}
	return "C";
}

/*
 * Bind the message catalogs: the installed locale folder, or
 * $KANBAO_LOCALEDIR (the tests use catalogs of the build tree).
 */
static void
setup_messages(void)
{
#ifdef ENABLE_NLS
	const char *dir = getenv("KANBAO_LOCALEDIR");

	bindtextdomain(PACKAGE, dir != NULL && *dir == '/' ? dir : LOCALEDIR);
	textdomain(PACKAGE);
#endif
}

/*
 * The locale asked for (zh_CN.UTF-8) is not installed, so setlocale()
 * left messages in "C", where gettext translates nothing.  Messages do not
 * need the locale's data, only its catalog: use the UTF-8 fallback for
 * LC_MESSAGES and name the language in LANGUAGE (unless the user set it),
 * so a Chinese interface does not depend on installing locales.
 */
static void
setup_messages_fallback(const char *asked, const char *used)
{
#ifdef ENABLE_NLS
	const char *lang = getenv("LANGUAGE");
	char *name;

	if (strcmp(asked, "C") == 0 || strcmp(asked, "POSIX") == 0 ||
	    (lang != NULL && *lang != '\0') ||
	    setlocale(LC_MESSAGES, used) == NULL)
		return;
	/* "zh_CN.UTF-8@x" -> "zh_CN". */
	name = xstrndup(asked, strcspn(asked, ".@"));
	if (*name != '\0')
		setenv("LANGUAGE", name, 1);
	free(name);
#else
	(void)asked;
	(void)used;
#endif
}

/*
 * Make LC_CTYPE a UTF-8 locale.  Widths come from wcwidth(), which knows
 * CJK only in a UTF-8 locale; under LANG=C (common over SSH), or a locale
 * that is not installed (setlocale() fails and leaves "C"), fall back to
 * C.UTF-8 so Chinese still measures 2 columns.  Output is UTF-8 either way.
 *
 * Falling back silently would hide why the terminal may show mojibake (it
 * still expects the other encoding), so a fallback is described in notice
 * (size bytes, empty when the locale is fine) for the caller to show: the
 * reader on its status line, the other modes on stderr.
 */
static void
setup_locale(char *notice, size_t size)
{
	static const char *const fallbacks[] = { "C.UTF-8", "C.utf8",
	    "en_US.UTF-8" };
	const char *codeset, *asked = locale_asked(), *used = NULL;
	char *clean;
	int installed;
	size_t i;

	*notice = '\0';
	installed = setlocale(LC_ALL, "") != NULL;
	setup_messages();
	codeset = nl_langinfo(CODESET);
	if (installed && (strcmp(codeset, "UTF-8") == 0 ||
	    strcmp(codeset, "utf8") == 0))
		return;
	for (i = 0; i < sizeof fallbacks / sizeof fallbacks[0]; i++) {
		if (setlocale(LC_CTYPE, fallbacks[i]) != NULL) {
			used = fallbacks[i];
			break;
		}
	}
	if (!installed && used != NULL)
		setup_messages_fallback(asked, used);
	/* The name comes from the environment: it may hold anything. */
	clean = sanitize_str(asked);
	if (used == NULL)
		snprintf(notice, size, _("locale '%s' is not UTF-8 and no "
		    "UTF-8 locale is installed; Chinese may be measured wrongly"),
		    clean);
	else if (!installed)
		snprintf(notice, size, _("locale '%s' is not installed; using "
		    "%s"), clean, used);
	else
		snprintf(notice, size, _("locale '%s' is not UTF-8; using %s"),
		    clean, used);
	free(clean);
}

/*
 * The library the reader opens when no PATH is given, before the last
 * edition read: $KANBAO_LIBRARY, else the `library` setting (a leading
 * "~/" is $HOME).  Returns NULL when neither is set; *from names the
 * source for messages.  Caller frees.
 */
static char *
library_setting(const struct settings *set, const char **from)
{
	const char *env = getenv("KANBAO_LIBRARY"), *home = getenv("HOME");

	if (env != NULL && *env != '\0') {
		*from = "KANBAO_LIBRARY";
		return xstrdup(env);
	}
	*from = "the library setting";
	if (set->library == NULL || *set->library == '\0')
		return NULL;
	if (strcmp(set->library, "~") == 0 && home != NULL && *home != '\0')
		return xstrdup(home);
	if (strncmp(set->library, "~/", 2) == 0 && home != NULL &&
	    *home != '\0')
		return xasprintf("%s/%s", home, set->library + 2);
	return xstrdup(set->library);
}

/*
 * Whether y may copy to the terminal's clipboard with OSC 52: KANBAO_OSC52
 * (1, yes, on; 0, no, off) wins, else the osc52 setting, which is off by
 * default because some terminals refuse the sequence or show it.
 */
static bool
osc52_setting(const struct settings *set)
{
	const char *v = getenv("KANBAO_OSC52");

	if (v != NULL && (strcmp(v, "1") == 0 || strcasecmp(v, "yes") == 0 ||
	    strcasecmp(v, "on") == 0))
		return true;
	if (v != NULL && (strcmp(v, "0") == 0 || strcasecmp(v, "no") == 0 ||
	    strcasecmp(v, "off") == 0))
		return false;
	return set->osc52;
}

/* Whether dir is a folder holding edition folders (library.h). */
static bool
is_library(const char *dir)
{
	struct library lib;
	char *cause = NULL;
	bool yes;

	if (library_scan(dir, &lib, &cause) != 0) {
		free(cause);
		library_free(&lib);
		return false;
	}
	yes = lib.n > 0;
	library_free(&lib);
	return yes;
}

/*
 * The library an edition folder belongs to: its parent when the folder is
 * named by a date and the parent lists it (DIR/DATE, DIR/PAPER/DATE), so
 * { and } reach the other issues.  Caller frees; NULL when none.
 */
static char *
library_of(const char *path)
{
	char real[PATH_MAX], *slash, *parent;
	struct library lib;
	char *cause = NULL;
	size_t i;

	if (realpath(path, real) == NULL ||
	    (slash = strrchr(real, '/')) == NULL || slash == real ||
	    !library_is_date(slash + 1))
		return NULL;
	parent = xstrndup(real, (size_t)(slash - real));
	if (library_scan(parent, &lib, &cause) != 0) {
		free(cause);
		library_free(&lib);
		free(parent);
		return NULL;
	}
	i = library_find(&lib, real);
	library_free(&lib);
	if (i == SIZE_MAX) {
		free(parent);
		return NULL;
	}
	return parent;
}

/*
 * --list with the read marks of the reader (bookmarks.h).  An edition
 * read from standard input has none; a store that cannot be read is
 * reported and the list printed without marks.
 */
static void
list_with_marks(const struct edition *ed)
{
	struct readset read = { NULL, 0 };
	char *key = bookmarks_edition_key(ed), *cause = NULL, *m;

	if (strcmp(key, "-") != 0 && readset_load(key, &read, &cause) != 0) {
		m = xasprintf(_("read marks not shown: %s"), cause);
		warn_msg(m);
		free(m);
		free(cause);
		dump_list(ed, stdout);
	} else
		dump_list_read(ed, &read, stdout);
	readset_free(&read);
	free(key);
}

/* Print "FILE: ENCODING" for one file; returns 0 or EXIT_INPUT. */
static int
detect_file(const char *path)
{
	char *data = NULL, *cause = NULL, *clean;
	size_t len = 0;

	if (load_read_file(path, &data, &len, &cause) != 0) {
		load_warn(NULL, path, cause);
		free(cause);
		return EXIT_INPUT;
	}
	clean = sanitize_str(path);
	printf("%s: %s\n", clean, encoding_detect(data, len));
	free(clean);
	free(data);
	return 0;
}

/* scandir() filter: the files a directory edition would read. */
static int
detect_visible(const struct dirent *de)
{
	return de->d_name[0] != '.';
}

/*
 * --detect: print "FILE: ENCODING" for each path; a directory gives a
 * line for each regular file in it, in the order the loader reads them
 * (natural order: 2.txt before 10.txt).
 */
static int
run_detect(char **paths, int npaths)
{
	struct dirent **list;
	struct stat st;
	char *file;
	int i, j, n, status = 0;

	for (i = 0; i < npaths; i++) {
		if (stat(paths[i], &st) != 0 || !S_ISDIR(st.st_mode)) {
			if (detect_file(paths[i]) != 0)
				status = EXIT_INPUT;
			continue;
		}
		if ((n = scandir(paths[i], &list, detect_visible,
		    versionsort)) < 0) {
			load_warn(NULL, paths[i], strerror(errno));
			status = EXIT_INPUT;
			continue;
		}
		for (j = 0; j < n; j++) {
			file = xasprintf("%s/%s", paths[i], list[j]->d_name);
			if (stat(file, &st) == 0 && S_ISREG(st.st_mode) &&
			    detect_file(file) != 0)
				status = EXIT_INPUT;
			free(file);
			free(list[j]);
		}
		free(list);
	}
	return status;
}

/* An index update's progress bar, drawn on stderr when it is a tty. */
struct progress {
	bool	on;
	bool	drawn;
};

/* Draw the progress bar: "[####----] done/total editions". */
static void
progress_draw(void *ctx, size_t done, size_t total)
{
	struct progress *p = ctx;
	char bar[32];
	size_t width = sizeof bar - 1, fill;

	if (!p->on || total == 0)
		return;
	fill = done * width / total;
	memset(bar, '#', fill);
	memset(bar + fill, '-', width - fill);
	bar[width] = '\0';
	fputc('\r', stderr);
	fprintf(stderr, _("kanbao: indexing [%s] %zu/%zu editions"), bar, done,
	    total);
	fflush(stderr);
	p->drawn = true;
}

/* Erase the progress bar, if one was drawn. */
static void
progress_erase(struct progress *p)
{
	if (p->drawn)
		fprintf(stderr, "\r%*s\r", 79, "");
	p->drawn = false;
}

/* Whether an edition passes the --paper, --since and --until filters. */
static bool
edition_passes(const struct edition *ed, const struct index_filter *f)
{
	if (f->paper != NULL && (ed->paper == NULL ||
	    strcmp(ed->paper, f->paper) != 0))
		return false;
	if ((f->since != NULL || f->until != NULL) && ed->date == NULL)
		return false;
	if (f->since != NULL && strcmp(ed->date, f->since) < 0)
		return false;
	if (f->until != NULL && strcmp(ed->date, f->until) > 0)
		return false;
	return true;
}

/*
 * For --search --cached: whether the index holds editions under dir,
 * which stands for reading the folder (at a thousand editions a year,
 * that read costs more than the search).  Returns the open index, for
 * run_library(), with lib empty when it does; NULL when it does not or
 * cannot tell (the folder is then read).
 */
static struct index *
cached_library(const char *dir, struct library *lib)
{
	struct index *ix;
	char *cause = NULL;

	memset(lib, 0, sizeof *lib);
	if ((ix = index_open(NULL, &cause)) != NULL &&
	    index_holds(ix, dir, &cause) != 1) {
		index_close(ix);
		ix = NULL;
	}
	free(cause);
	return ix;
}

/*
 * --index [DIR] and --search=QUERY over a library: bring the full-text
 * index up to date with the editions under dir (all indexed editions when
 * dir is NULL; dir itself when it holds no edition folders), then, when
 * q is not NULL, print what it finds (without the update when cached:
 * --cached).  The index is a cache: when it
 * turns out to be damaged it is rebuilt once and the work done again
 * (matches printed before the damage was found are printed again).
 * ix is the index when it is open already (it is closed), else NULL.
 * Returns the exit status.
 */
static int
run_library(struct index *ix, const char *dir, const struct library *lib,
    const struct search_query *q, const struct index_filter *filter,
    size_t width, const struct load_options *lopts, bool cached)
{
	struct progress pr = { isatty(STDERR_FILENO) != 0, false };
	struct index_update_options uo = { lopts, progress_draw, &pr };
	struct index_source *src;
	struct index_stats st;
	struct index_source one = { dir, NULL, NULL };
	char *cause = NULL, *m;
	size_t i, n;
	int rc = 0, attempt, status = 0;

	if (ix == NULL && (ix = index_open(NULL, &cause)) == NULL) {
		warn_msg(cause);
		free(cause);
		return EXIT_INPUT;
	}
	n = lib != NULL && lib->n > 0 ? lib->n : 1;
	src = xcalloc(n, sizeof *src);
	for (i = 0; i < n; i++)
		src[i] = lib != NULL && lib->n > 0 ? (struct index_source){
		    lib->items[i].path, lib->items[i].paper,
		    lib->items[i].date } : one;
	for (attempt = 0; attempt < 2; attempt++) {
		if (cached && q != NULL)
			rc = 0;		/* --cached: trust the index as it is */
		else if (dir == NULL)
			rc = index_refresh(ix, &uo, &st, &cause);
		else
			rc = index_update(ix, lib != NULL && lib->n > 0 ?
			    dir : NULL, src, n, &uo, &st, &cause);
		progress_erase(&pr);
		if (rc == 0 && q != NULL)
			rc = index_print(ix, q, filter, width, stdout, &cause);
		if (rc != INDEX_CORRUPT)
			break;
		if (index_reset(ix, &cause) != 0) {
			rc = INDEX_ERROR;
			break;
		}
	}
	if (rc == INDEX_CORRUPT)
		cause = xstrdup(_("the search index is damaged again after "
		    "being rebuilt"));
	if (rc < 0) {
		warn_msg(cause);
		free(cause);
		status = EXIT_INPUT;
	} else if (q != NULL)
		status = rc == 0 ? 1 : 0;	/* like grep */
	else {
		m = xasprintf(_("%zu editions: %zu indexed, %zu unchanged, %zu "
		    "removed, %zu failed"), st.indexed + st.unchanged +
		    st.failed, st.indexed, st.unchanged, st.removed,
		    st.failed);
		printf("%s\n", m);
		free(m);
		if (st.failed > 0)
			status = EXIT_INPUT;
	}
	free(src);
	index_close(ix);
	return status;
}

/*
 * Choose mode m for option opt; two different modes are a usage error.
 * Returns 0, or -1 after saying so.
 */
static int
set_mode(enum mode *mode, enum mode m)
{
	char *msg;

	if (*mode != MODE_TUI && *mode != m) {
		msg = xasprintf(_("%s and %s cannot be used together (see "
		    "kanbao --help)"), _(mode_options[*mode]),
		    _(mode_options[m]));
		warn_msg(msg);
		free(msg);
		return -1;
	}
	*mode = m;
	return 0;
}

/* Say that an option is unknown or lacks its value (getopt's '?', ':'). */
static void
bad_option(int c, char **argv)
{
	const char *arg = argv[optind - 1];
	char *name, *msg;

	/*
	 * A long option is the word getopt just passed, without its
	 * "=value"; a short one is optopt (the word may be a cluster, -lz).
	 */
	if (strncmp(arg, "--", 2) == 0)
		name = xstrndup(arg, strcspn(arg, "="));
	else
		name = xasprintf("-%c", optopt);
	if (c == ':')
		msg = xasprintf(_("option '%s' needs a value (see kanbao "
		    "--help)"), name);
	else if (strncmp(arg, "--", 2) == 0 && optopt != 0)
		/* glibc: a known long option given a value it does not take. */
		msg = xasprintf(_("option '%s' takes no value (see kanbao "
		    "--help)"), name);
	else
		msg = xasprintf(_("unknown option '%s' (see kanbao --help)"),
		    name);
	warn_msg(msg);
	free(msg);
	free(name);
}

/* A bad config line: "kanbao: FILE:LINE: what is wrong". */
static void
settings_warn(void *ctx, const char *file, size_t line, const char *msg)
{
	char *m = xasprintf("%s:%zu: %s", file, line, msg);

	(void)ctx;
	warn_msg(m);
	free(m);
}

/*
 * Read the config file (file, or the default one; a missing default is
 * no error).  Bad lines are reported and skipped.  Returns 0, or -1 after
 * a message when the file cannot be read.
 */
static int
read_settings(struct settings *set, const char *file)
{
	char *path, *cause = NULL;
	int rc = 0;

	if (file != NULL)
		path = xstrdup(file);
	else if ((path = settings_default_path(&cause)) == NULL) {
		free(cause);	/* no HOME: nothing to read */
		return 0;
	}
	if (settings_load(set, path, file != NULL, settings_warn, NULL,
	    &cause) < 0) {
		warn_msg(cause);
		free(cause);
		rc = -1;
	}
	free(path);
	return rc;
}

int
main(int argc, char **argv)
{
	enum mode mode = MODE_TUI;
	size_t nfailed = 0;
	struct load_options lopts = { NULL, false, load_warn, NULL, &nfailed };
	struct tui_options topts = { -1, 0, false, NULL, NULL, false, NULL };
	struct settings settings;
	size_t width = 0, dump_n = 0, dump_sec = 0;
	struct edition *ed;
	struct search_query *q;
	char *cause = NULL, *sample = NULL, *last = NULL, *library_dir = NULL;
	char *lib_setting = NULL;
	const char *lib_from = NULL;
	char *msg;
	const char *query = NULL, *config_file = NULL;
	struct index_filter filter = { NULL, NULL, NULL, NULL, false };
	struct index *cix = NULL;	/* --search --cached: the index */
	struct search_query *sq;
	struct library lib;
	struct stat sb;
	bool cached = false;
	char **paths;
	char locale_notice[256];
	int c, n, npaths, status = 0, json = 0, ambiguous_set = 0;
	int measure_set = 0;
	bool reader;

	setup_locale(locale_notice, sizeof locale_notice);
	if (*locale_notice != '\0')
		topts.notice = locale_notice;
	/* Messages are ours ("kanbao: ..."), not getopt's ("argv[0]: ..."). */
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":d::e:hls:Vw:x:", long_options,
	    NULL)) != -1) {
		switch (c) {
		case 'a':
			if (strcmp(optarg, "auto") == 0)
				topts.ambiguous = -1;
			else if (strcmp(optarg, "narrow") == 0)
				topts.ambiguous = 0;
			else if (strcmp(optarg, "wide") == 0)
				topts.ambiguous = 1;
			else {
				warn_msg(_("--ambiguous takes auto, narrow or "
				    "wide"));
				return EXIT_USAGE;
			}
			ambiguous_set = 1;
			break;
		case 'B':
			if (set_mode(&mode, MODE_BOOKMARKS) != 0)
				return EXIT_USAGE;
			break;
		case 'c':
			config_file = optarg;
			break;
		case 'C':
			cached = true;
			break;
		case 'D':
			if (set_mode(&mode, MODE_DETECT) != 0)
				return EXIT_USAGE;
			break;
		case 'd':
			if (set_mode(&mode, MODE_DUMP) != 0)
				return EXIT_USAGE;
			if (optarg != NULL && strchr(optarg, '/') != NULL) {
				/* S/A: article A of section S, as --list
				   and --search number them. */
				char *slash = strchr(optarg, '/');

				*slash = '\0';
				dump_sec = parse_cols(optarg);
				dump_n = parse_cols(slash + 1);
				*slash = '/';
				if (dump_sec == 0 || dump_n == 0) {
					warn_msg(_("--dump takes N or S/A "
					    "(section and article, from 1)"));
					return EXIT_USAGE;
				}
			} else if (optarg != NULL) {
				dump_n = parse_cols(optarg);
				if (dump_n == 0) {
					warn_msg(_("--dump takes an article "
					    "number (1 or more)"));
					return EXIT_USAGE;
				}
			}
			break;
		case 'e':
			if (encoding_normalize(optarg) == NULL) {
				char *m = xasprintf(_("unknown encoding '%s' "
				    "(accepted: %s)"), optarg,
				    encoding_names());
				warn_msg(m);
				free(m);
				return EXIT_USAGE;
			}
			lopts.encoding = optarg;
			break;
		case 'f':
			if (strcmp(optarg, "json") == 0)
				json = 1;
			else if (strcmp(optarg, "text") == 0)
				json = 0;
			else {
				warn_msg(_("--format takes text or json"));
				return EXIT_USAGE;
			}
			break;
		case 'h':
			usage(stdout);
			return 0;
		case 'I':
			mode = MODE_INDEX;
			break;
		case 'K':
			if (set_mode(&mode, MODE_HELP_KEYS) != 0)
				return EXIT_USAGE;
			break;
		case 'N':
		case 'U':
			if (!library_is_date(optarg)) {
				warn_msg(c == 'N' ? _("--since takes a date, "
				    "YYYY-MM-DD") : _("--until takes a date, "
				    "YYYY-MM-DD"));
				return EXIT_USAGE;
			}
			if (c == 'N')
				filter.since = optarg;
			else
				filter.until = optarg;
			break;
		case 'P':
			filter.paper = optarg;
			break;
		case 'l':
			if (set_mode(&mode, MODE_LIST) != 0)
				return EXIT_USAGE;
			break;
		case 'm':
			if (strcmp(optarg, "0") == 0)
				topts.measure = 0;
			else if ((topts.measure = parse_cols(optarg)) == 0) {
				warn_msg(_("--measure takes a column count"));
				return EXIT_USAGE;
			}
			measure_set = 1;
			break;
		case 'G':
			if (set_mode(&mode, MODE_PRINT_CONFIG) != 0)
				return EXIT_USAGE;
			break;
		case 'r':
			topts.restart = true;
			break;
		case 's':
			if (set_mode(&mode, MODE_SEARCH) != 0)
				return EXIT_USAGE;
			query = optarg;
			break;
		case 'S':
			lopts.strict = true;
			break;
		case 'V':
			printf("kanbao %s\n", PACKAGE_VERSION);
			return 0;
		case 'w':
			if ((width = parse_cols(optarg)) == 0) {
				warn_msg(_("--width takes a column count from "
				    "1 to 10000"));
				return EXIT_USAGE;
			}
			break;
		case 'x':
			if (strcmp(optarg, "xml") != 0) {
				warn_msg(_("--export supports only 'xml'"));
				return EXIT_USAGE;
			}
			if (set_mode(&mode, MODE_EXPORT) != 0)
				return EXIT_USAGE;
			break;
		default:	/* '?' unknown, ':' value missing */
			bad_option(c, argv);
			return EXIT_USAGE;
		}
	}
	paths = argv + optind;
	npaths = argc - optind;

	/* Everything that makes the command line wrong, before any work. */
	if (json && mode != MODE_LIST && mode != MODE_SEARCH &&
	    mode != MODE_BOOKMARKS) {
		warn_msg(_("--format=json works with --list, --search and "
		    "--bookmarks"));
		return EXIT_USAGE;
	}
	if (npaths > 0 && (mode == MODE_HELP_KEYS || mode == MODE_BOOKMARKS ||
	    mode == MODE_PRINT_CONFIG)) {
		char *m = xasprintf(_("%s takes no PATH"), mode_options[mode]);

		warn_msg(m);
		free(m);
		return EXIT_USAGE;
	}
	if (mode == MODE_DETECT && npaths == 0) {
		warn_msg(_("--detect needs at least one FILE or directory"));
		return EXIT_USAGE;
	}
	/* A bad query is refused before a long load, not after. */
	if (mode == MODE_SEARCH) {
		if ((q = search_compile(query, &cause)) == NULL) {
			warn_msg(cause);
			free(cause);
			return EXIT_USAGE;
		}
		search_query_free(q);
	}

	/*
	 * The reader shows a locale fallback on its status line.  The other
	 * modes say it on stderr only when a person is looking at it: their
	 * output is UTF-8 and right either way, and a script run under
	 * LANG=C (cron) should not log a warning on every run.
	 */
	if (topts.notice != NULL && (mode != MODE_TUI ||
	    !isatty(STDOUT_FILENO)) && isatty(STDERR_FILENO))
		warn_msg(topts.notice);

	/*
	 * Settings: the config file, then the command line over it.  A bad
	 * line is reported and skipped; an unreadable --config=FILE is an
	 * input error.
	 */
	settings_init(&settings);
	if (read_settings(&settings, config_file) != 0) {
		settings_free(&settings);
		return EXIT_INPUT;
	}
	if (!ambiguous_set)
		topts.ambiguous = settings.ambiguous;
	if (!measure_set)
		topts.measure = settings.measure;
	topts.settings = &settings;
	topts.osc52 = osc52_setting(&settings);

	switch (mode) {
	case MODE_PRINT_CONFIG:
		settings_print(&settings, stdout);
		goto done;
	case MODE_HELP_KEYS:
		tui_print_keys(stdout, &settings);
		goto done;
	case MODE_BOOKMARKS:
		/*
		 * A person at a terminal gets a table cut to the width; a
		 * script gets every field in full, tab-separated, or JSON.
		 */
		if (bookmarks_print(stdout, json ? BOOKMARKS_JSON :
		    isatty(STDOUT_FILENO) ? BOOKMARKS_TABLE : BOOKMARKS_TSV,
		    width != 0 ? width : default_width(), &cause) < 0) {
			warn_msg(cause);
			free(cause);
			status = EXIT_INPUT;
		}
		goto done;
	case MODE_DETECT:
		status = run_detect(paths, npaths);
		goto done;
	default:
		break;
	}
	if (mode == MODE_INDEX) {
		if (npaths > 1) {
			warn_msg(_("--index takes one LIBRARY folder"));
			return EXIT_USAGE;
		}
		if (npaths == 0)
			return run_library(NULL, NULL, NULL, NULL, NULL, 0,
			    &lopts, false);
		if (library_scan(paths[0], &lib, &cause) != 0) {
			msg = load_join_path(paths[0], cause);
			warn_msg(msg);
			free(msg);
			free(cause);
			library_free(&lib);
			return EXIT_INPUT;
		}
		status = run_library(NULL, paths[0], &lib, NULL, NULL, 0,
		    &lopts, false);
		library_free(&lib);
		return status;
	}
	/*
	 * --search over one folder that holds edition folders (a library)
	 * goes through the index; a file or an edition folder is loaded and
	 * searched as before.
	 */
	if (mode == MODE_SEARCH && npaths == 1 && stat(paths[0], &sb) == 0 &&
	    S_ISDIR(sb.st_mode) && ((cached && (cix = cached_library(paths[0],
	    &lib)) != NULL) || library_scan(paths[0], &lib, &cause) == 0)) {
		if (lib.n > 0 || cix != NULL) {
			if ((sq = search_compile(query, &cause)) == NULL) {
				warn_msg(cause);
				free(cause);
				library_free(&lib);
				index_close(cix);
				return EXIT_USAGE;
			}
			if (width == 0)
				width = default_width();
			filter.root = paths[0];
			status = run_library(cix, paths[0], &lib, sq,
			    &filter, width, &lopts, cached);
			search_query_free(sq);
			library_free(&lib);
			return status;
		}
		library_free(&lib);
	}
	/*
	 * The reader without PATH opens the library (KANBAO_LIBRARY, the
	 * setting), else the edition read last, else the sample.  The other
	 * modes print the sample, so scripts see the same output anywhere.
	 */
	reader = mode == MODE_TUI && isatty(STDOUT_FILENO);
	if (npaths == 0 && reader &&
	    (topts.library = lib_setting = library_setting(&settings,
	    &lib_from)) != NULL) {
		struct stat st;

		if (stat(topts.library, &st) != 0 || !S_ISDIR(st.st_mode) ||
		    !is_library(topts.library)) {
			char *m = xasprintf(_("%s: no edition folders here "
			    "(%s)"), topts.library, lib_from);
			warn_msg(m);
			free(m);
			free(lib_setting);
			settings_free(&settings);
			return EXIT_INPUT;
		}
	} else if (npaths == 0 && reader &&
	    position_last(&last, &cause) == 1) {
		struct stat st;

		/* Gone, or standard input: the sample instead. */
		if (strcmp(last, "-") != 0 && stat(last, &st) == 0) {
			paths = &last;
			npaths = 1;
		}
	}
	free(cause);
	cause = NULL;
	if (npaths == 0 && topts.library == NULL) {
		sample = data_path("samples/" SAMPLE_NAME);
		paths = &sample;
		npaths = 1;
	}
	/* A folder of edition folders: the picker; an edition in one: { }. */
	if (reader && npaths == 1 && topts.library == NULL) {
		struct stat st;

		if (stat(paths[0], &st) == 0 && S_ISDIR(st.st_mode) &&
		    is_library(paths[0])) {
			topts.library = paths[0];
			npaths = 0;
		} else
			topts.library = library_dir = library_of(paths[0]);
	}

	/* The other modes take one edition: say which folder to give. */
	if (!reader && npaths == 1 && is_library(paths[0])) {
		char *m = xasprintf(_("%s: a library of edition folders; give "
		    "one of them"), paths[0]);

		warn_msg(m);
		free(m);
		free(sample);
		free(last);
		return EXIT_INPUT;
	}
	ed = npaths == 0 ? NULL :
	    load_paths(paths, (size_t)npaths, &lopts, &cause);
	if (ed == NULL && npaths > 0) {
		warn_msg(cause);
		free(cause);
		free(sample);
		free(last);
		free(library_dir);
		settings_free(&settings);
		return EXIT_INPUT;
	}

	switch (mode) {
	case MODE_LIST:
		if (json)
			dump_list_json(ed, stdout);
		else
			list_with_marks(ed);
		break;
	case MODE_DUMP:
		if (width == 0)
			width = default_width();
		if (dump_sec > 0) {
			size_t num = dump_section_article(ed, dump_sec, dump_n);

			if (num == 0) {
				char *m = dump_sec > ed->nsections ?
				    xasprintf(_("no section %zu (the edition "
				    "has %zu)"), dump_sec, ed->nsections) :
				    xasprintf(_("no article %zu/%zu (section "
				    "%zu has %zu)"), dump_sec, dump_n, dump_sec,
				    ed->sections[dump_sec - 1]->narticles);
				warn_msg(m);
				free(m);
				status = EXIT_USAGE;
				break;
			}
			dump_n = num;
		}
		if (dump_articles(ed, dump_n, width, stdout) != 0) {
			char *m = xasprintf(_("no article %zu (the edition has "
			    "%zu)"), dump_n, edition_count_articles(ed));
			warn_msg(m);
			free(m);
			status = EXIT_USAGE;
		}
		break;
	case MODE_EXPORT:
		if (export_xml(ed, stdout, &cause) != 0) {
			warn_msg(cause);
			free(cause);
			status = EXIT_INPUT;
		}
		break;
	case MODE_SEARCH:
		if (width == 0)
			width = default_width();
		if (!edition_passes(ed, &filter)) {
			/* Still refuse a bad query, as grep would. */
			if ((sq = search_compile(query, &cause)) == NULL)
				n = -1;
			else
				n = 0;
			search_query_free(sq);
		} else
			n = search_print(ed, query, width, json, stdout,
			    &cause);
		if (n < 0) {
			warn_msg(cause);
			free(cause);
			status = EXIT_USAGE;
		} else if (n == 0)
			status = 1;	/* like grep: nothing found */
		break;
	case MODE_TUI:
		/*
		 * Piped or redirected, the reader would write escape
		 * sequences into a file: print what --dump prints instead,
		 * as less and git do.
		 */
		if (!isatty(STDOUT_FILENO)) {
			dump_articles(ed, 0, width != 0 ? width : 80, stdout);
			break;
		}
		if (tui_run(ed, &topts, &cause) != 0) {
			warn_msg(cause);
			free(cause);
			status = EXIT_INPUT;
		}
		break;
	case MODE_DETECT:
	case MODE_INDEX:
	case MODE_HELP_KEYS:
	case MODE_BOOKMARKS:
	case MODE_PRINT_CONFIG:
		break;
	}
	/* A path that failed beside others that loaded: shown, then exit 2. */
	if (nfailed > 0)
		status = EXIT_INPUT;
	edition_free(ed);
	free(sample);
done:
	free(last);
	free(library_dir);
	free(lib_setting);
	settings_free(&settings);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		warn_msg(_("error writing output"));
		status = EXIT_INPUT;
	}
	return status;
}
