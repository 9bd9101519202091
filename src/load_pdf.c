/*
 * load_pdf.c - the PDF front end of the segmenter: opens a PDF from
 * memory with poppler-glib, takes each page's glyphs (boxes from
 * poppler_page_get_text_layout, font runs from
 * poppler_page_get_text_attributes), lets pdf_geom.c lay them out into
 * lines in reading order, and feeds those lines, with hints on what the
 * page shows about them, to the segmentation pipeline (seg.c).  Each page
 * becomes a section.
 *
 * This is the only file that includes poppler or GLib headers.  Without
 * poppler-glib (configure --without-pdf) it keeps only the stub that
 * refuses PDFs with a message saying how to read them.
 *
 * Hostile input: the document is opened from the bytes load.c read and
 * bounded (LOAD_MAX_FILE_SIZE), never from a file name, so poppler opens
 * no other file; PDF has no network access of its own and poppler-glib
 * fetches nothing.  Page count, page size, glyphs per page and time are
 * bounded (load_pdf.h).  poppler reports syntax errors through its error
 * callback; GLib routes them to the "Poppler" log domain, silenced here so
 * that only kanbao's own message reaches the terminal.
 */
#include "config.h"

#include "load_pdf.h"

#include <string.h>

#include "i18n.h"
#include "xalloc.h"

/* Is "%PDF-" within the first 1024 bytes (see load_pdf.h)? */
bool
load_pdf_sniff(const char *data, size_t len)
{
	static const char magic[] = "%PDF-";
	size_t i, n = len < 1024 ? len : 1024;

	for (i = 0; i + sizeof magic - 1 <= n; i++)
		if (data[i] == '%' && memcmp(data + i, magic,
		    sizeof magic - 1) == 0)
			return true;
	return false;
}

#ifndef HAVE_PDF

/* Built without PDF support. */
bool
load_pdf_supported(void)
{
	return false;
}

/* Refuse the PDF with a message that says how to read it. */
int
load_pdf(struct edition *ed, const char *data, size_t len, const char *path,
    const char *name, char **cause)
{
	(void)ed;
	(void)data;
	(void)len;
	(void)path;
	(void)name;
	*cause = xstrdup(_("a PDF; this kanbao was built without PDF support "
	    "(install libpoppler-glib-dev and rebuild, or convert it with "
	    "pdftotext)"));
	return -1;
}

#else /* HAVE_PDF */

#include <dlfcn.h>
#include <poppler.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "edition.h"
#include "pdf_geom.h"
#include "seg.h"
#include "text.h"

/* Built with PDF support. */
bool
load_pdf_supported(void)
{
	return true;
}

/*
 * poppler-glib (and the GLib calls kanbao makes) are opened with dlopen
 * when a PDF is met, not linked: loading the forty libraries poppler
 * brings costs every start about 25 ms, which a search of the library
 * index or a text edition never needs.  The headers still give the types.
 * Each load_pdf() opens the library (RTLD_NODELETE: after the first time
 * that only finds it again) and looks the calls up into a struct pdfapi
 * of its own, so there is no state between calls.
 */
struct pdfapi {
	void		 *h;
	char		*(*page_get_text)(PopplerPage *);
	gboolean	 (*page_get_text_layout)(PopplerPage *,
			     PopplerRectangle **, guint *);
	GList		*(*page_get_text_attributes)(PopplerPage *);
	void		 (*page_free_text_attributes)(GList *);
	void		 (*page_get_size)(PopplerPage *, double *, double *);
	PopplerPage	*(*document_get_page)(PopplerDocument *, int);
	int		 (*document_get_n_pages)(PopplerDocument *);
	PopplerDocument	*(*document_new_from_bytes)(GBytes *, const char *,
			     GError **);
	GQuark		 (*error_quark)(void);
	void		 (*free)(gpointer);
	void		 (*object_unref)(gpointer);
	guint		 (*log_set_handler)(const gchar *, GLogLevelFlags,
			     GLogFunc, gpointer);
	void		 (*log_remove_handler)(const gchar *, guint);
	void		 (*clear_error)(GError **);
	GBytes		*(*bytes_new_static)(gconstpointer, gsize);
	void		 (*bytes_unref)(GBytes *);
};

/* The calls, by name, and where each goes in struct pdfapi. */
static const struct {
	const char	*name;
	size_t		 off;
} pdfapi_calls[] = {
	{ "poppler_page_get_text", offsetof(struct pdfapi, page_get_text) },
	{ "poppler_page_get_text_layout",
	    offsetof(struct pdfapi, page_get_text_layout) },
	{ "poppler_page_get_text_attributes",
	    offsetof(struct pdfapi, page_get_text_attributes) },
	{ "poppler_page_free_text_attributes",
	    offsetof(struct pdfapi, page_free_text_attributes) },
	{ "poppler_page_get_size", offsetof(struct pdfapi, page_get_size) },
	{ "poppler_document_get_page",
	    offsetof(struct pdfapi, document_get_page) },
	{ "poppler_document_get_n_pages",
	    offsetof(struct pdfapi, document_get_n_pages) },
	{ "poppler_document_new_from_bytes",
	    offsetof(struct pdfapi, document_new_from_bytes) },
	{ "poppler_error_quark", offsetof(struct pdfapi, error_quark) },
	{ "g_free", offsetof(struct pdfapi, free) },
	{ "g_object_unref", offsetof(struct pdfapi, object_unref) },
	{ "g_log_set_handler", offsetof(struct pdfapi, log_set_handler) },
	{ "g_log_remove_handler",
	    offsetof(struct pdfapi, log_remove_handler) },
	{ "g_clear_error", offsetof(struct pdfapi, clear_error) },
	{ "g_bytes_new_static", offsetof(struct pdfapi, bytes_new_static) },
	{ "g_bytes_unref", offsetof(struct pdfapi, bytes_unref) },
};

/*
 * Open poppler-glib into api.  KANBAO_POPPLER_LIB names another file to
 * open (the tests use it to see a missing library reported).  Returns
 * false with *cause set when the library or a call is missing.
 */
static bool
pdfapi_open(struct pdfapi *api, char **cause)
{
	const char *lib = getenv("KANBAO_POPPLER_LIB");
	void *fn;
	size_t i;

	if (lib == NULL || *lib == '\0')
		lib = POPPLER_SONAME;
	memset(api, 0, sizeof *api);
	api->h = dlopen(lib, RTLD_NOW | RTLD_LOCAL | RTLD_NODELETE);
	if (api->h == NULL) {
		*cause = xasprintf(_("a PDF; the PDF library %s could not be "
		    "loaded (install libpoppler-glib8, or convert it with "
		    "pdftotext)"), lib);
		return false;
	}
	for (i = 0; i < sizeof pdfapi_calls / sizeof pdfapi_calls[0]; i++) {
		if ((fn = dlsym(api->h, pdfapi_calls[i].name)) == NULL) {
			*cause = xasprintf(_("a PDF; the PDF library %s lacks "
			    "%s"), lib, pdfapi_calls[i].name);
			dlclose(api->h);
			return false;
		}
		/* POSIX: a dlsym() result converts to a function pointer. */
		memcpy((char *)api + pdfapi_calls[i].off, &fn, sizeof fn);
	}
	return true;
}

/* Drop poppler's own messages: kanbao reports errors itself. */
static void
quiet_log(const gchar *domain, GLogLevelFlags level, const gchar *msg,
    gpointer data)
{
	(void)domain;
	(void)level;
	(void)msg;
	(void)data;
}

/* Seconds since some fixed point (monotonic). */
static double
now_seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/*
 * A small number for a font name: faces only have to differ.  The
 * subset prefix (ABCDEF+) is skipped, so two subsets of one face are one.
 */
static uint16_t
font_id(const char *name)
{
	uint32_t h = 2166136261u;
	const char *p;

	if (name == NULL)
		return 0;
	p = strchr(name, '+');
	if (p != NULL && p - name == 6)
		name = p + 1;
	for (; *name != '\0'; name++)
		h = (h ^ (unsigned char)*name) * 16777619u;
	return (uint16_t)(h ^ (h >> 16));
}

/*
 * Is a face bold by its name?  PDF fonts carry the weight in the name
 * (…-Bold, …Black, …Heavy); a Chinese sans face (黑体: Hei, Heiti,
 * Gothic) is what Chinese print uses for bold.
 */
static bool
font_bold(const char *name)
{
	static const char *const marks[] = { "bold", "black", "heavy",
	    "semibold", "demi", "hei", "gothic", NULL };
	size_t i;

	if (name == NULL)
		return false;
	for (i = 0; marks[i] != NULL; i++)
		if (strcasestr(name, marks[i]) != NULL)
			return true;
	return false;
}

/*
 * The glyphs of a page: poppler gives the page text (UTF-8), one box per
 * character of it (newlines and inserted spaces included) and runs of
 * font name and size over the same character offsets.  Returns the
 * number of glyphs put into *out (caller frees), or -1 when the page has
 * more than LOAD_PDF_MAX_GLYPHS.
 */
static long
page_glyphs(const struct pdfapi *api, PopplerPage *page,
    struct pdf_glyph **out)
{
	PopplerRectangle *rects = NULL;
	guint nrects = 0, i;
	char *text, *s, *end;
	GList *attrs, *a;
	PopplerTextAttributes *at = NULL;
	struct pdf_glyph *g;
	long n = 0;

	*out = NULL;
	text = api->page_get_text(page);
	if (text == NULL)
		return 0;
	if (!api->page_get_text_layout(page, &rects, &nrects) ||
	    nrects == 0) {
		api->free(text);
		api->free(rects);
		return 0;
	}
	if (nrects > LOAD_PDF_MAX_GLYPHS) {
		api->free(text);
		api->free(rects);
		return -1;
	}
	attrs = api->page_get_text_attributes(page);
	a = attrs;
	g = xreallocarray(NULL, nrects, sizeof *g);
	/*
	 * Walk the text and the boxes together: box i is character i.  If
	 * a version counted differently, the shorter of the two ends it.
	 */
	s = text;
	end = text + strlen(text);
	for (i = 0; i < nrects && s < end; i++) {
		uint32_t c;
		size_t k = utf8_decode(s, (size_t)(end - s), &c);
		struct pdf_glyph *q = &g[n];

		/* A bad byte is no glyph (a U+FFFD in the text is one). */
		if (c == TEXT_REPLACEMENT && k == 1) {
			s++;
			continue;
		}
		s += k;
		while (a != NULL && ((PopplerTextAttributes *)a->data)->
		    end_index < (gint)i)
			a = a->next;
		at = a != NULL && ((PopplerTextAttributes *)a->data)->
		    start_index <= (gint)i ? a->data : NULL;
		memset(q, 0, sizeof *q);
		q->x0 = (float)rects[i].x1;
		q->y0 = (float)rects[i].y1;
		q->x1 = (float)rects[i].x2;
		q->y1 = (float)rects[i].y2;
		q->cp = c;
		if (at != NULL) {
			q->size = (float)at->font_size;
			q->font = font_id(at->font_name);
			if (font_bold(at->font_name))
				q->flags |= PDF_GLYPH_BOLD;
		}
		n++;
	}
	api->page_free_text_attributes(attrs);
	api->free(text);
	api->free(rects);
	*out = g;
	return n;
}

/* Hints for the pipeline from a line's flags. */
static unsigned
line_hints(const struct pdf_line *ln)
{
	unsigned h = 0;

	if (ln->flags & PDF_LINE_DISPLAY)
		h |= SEG_HINT_DISPLAY;
	if (ln->flags & PDF_LINE_SMALL)
		h |= SEG_HINT_SMALL;
	if (ln->flags & PDF_LINE_PARA)
		h |= SEG_HINT_PARA_START;
	if (ln->flags & PDF_LINE_REGION)
		h |= SEG_HINT_REGION_START;
	if (ln->flags & PDF_LINE_AUTHOR)
		h |= SEG_HINT_BYLINE;
	if (ln->flags & PDF_LINE_INDENT)
		h |= SEG_HINT_INDENT;
	if (ln->flags & PDF_LINE_LARGE)
		h |= SEG_HINT_LARGE;
	if (ln->flags & PDF_LINE_NEWCOL)
		h |= SEG_HINT_NEWCOL;
	return h;
}

/*
 * Give a page's lines to the pipeline: a blank line before each new
 * block (as pdftotext puts one), then the line and its hints.
 */
static void
feed_page(struct page *pg, const struct pdf_layout *lay, uint32_t *lineno)
{
	size_t i;
	const struct pdf_line *ln;

	pg->text = lay->text;
	seg_page_begin(pg);
	for (i = 0; i < lay->nlines; i++) {
		ln = &lay->lines[i];
		/* Debugging aid, like seg.c's KANBAO_SEGDEBUG. */
		if (getenv("KANBAO_PDFDEBUG") != NULL)
			fprintf(stderr, "%4zu %04x %6.1f %6.1f %6.1f %6.1f "
			    "%4.1f |%.*s\n", i, ln->flags, ln->x0, ln->y0,
			    ln->x1, ln->y1, ln->size, (int)ln->len,
			    lay->text + ln->off);
		if (ln->flags & PDF_LINE_GAP)
			seg_page_line(pg, ln->off, 0, (*lineno)++);
		seg_page_line(pg, ln->off, ln->len, *lineno);
		seg_page_line_hint(pg, line_hints(ln));
		(*lineno)++;
	}
}

/*
 * Read the pages of doc into ed (see load_pdf).  header_text asks the
 * pipeline to keep header-only pages as text (the second round).
 * Returns the number of articles, or -1 with *cause set.
 */
static int
read_pages(const struct pdfapi *api, PopplerDocument *doc, int npages,
    struct edition *ed, const char *path, const char *name, bool header_text,
    bool *any_text, char **cause)
{
	struct page pg;
	struct pdf_layout lay;
	struct pdf_glyph *g;
	double w, h, start = now_seconds();
	uint32_t lineno = 1;
	int i, count = 0;
	long n;
	char *title;

	seg_page_init(&pg, "");
	for (i = 0; i < npages; i++) {
		PopplerPage *page;

		if (now_seconds() - start > LOAD_PDF_MAX_SECONDS) {
			*cause = xasprintf(_("reading the PDF took more than "
			    "%d seconds (at page %d of %d)"),
			    LOAD_PDF_MAX_SECONDS,
			    i + 1, npages);
			count = -1;
			break;
		}
		page = api->document_get_page(doc, i);
		if (page == NULL)
			continue;
		api->page_get_size(page, &w, &h);
		if (!(w > 0 && h > 0 && w <= LOAD_PDF_MAX_SIDE &&
		    h <= LOAD_PDF_MAX_SIDE)) {
			*cause = xasprintf(_("page %d is %.0f x %.0f points "
			    "(the limit is %.0f points a side)"), i + 1, w, h,
			    LOAD_PDF_MAX_SIDE);
			api->object_unref(page);
			count = -1;
			break;
		}
		n = page_glyphs(api, page, &g);
		api->object_unref(page);
		if (n < 0) {
			*cause = xasprintf(_("page %d has more than %d glyphs"),
			    i + 1, LOAD_PDF_MAX_GLYPHS);
			count = -1;
			break;
		}
		pdf_geom_layout(g, (size_t)n, w, h, &lay);
		free(g);
		if (lay.nlines > 0)
			*any_text = true;
		feed_page(&pg, &lay, &lineno);
		title = npages > 1 ? xasprintf("%s %d", name, i + 1) :
		    xstrdup(name);
		count += seg_load_page(&pg, ed, path, title, header_text);
		free(title);
		pdf_layout_free(&lay);
	}
	seg_page_free(&pg);
	return count;
}

/* Read a PDF into ed (see load_pdf.h). */
int
load_pdf(struct edition *ed, const char *data, size_t len, const char *path,
    const char *name, char **cause)
{
	struct pdfapi apis, *api = &apis;
	PopplerDocument *doc;
	GBytes *bytes;
	GError *err = NULL;
	guint handler;
	int npages, count;
	bool any_text = false;

	if (!pdfapi_open(api, cause))
		return -1;
	handler = api->log_set_handler("Poppler", G_LOG_LEVEL_MASK |
	    G_LOG_FLAG_FATAL | G_LOG_FLAG_RECURSION, quiet_log, NULL);
	/* The bytes stay the caller's and outlive the document. */
	bytes = api->bytes_new_static(data, len);
	doc = api->document_new_from_bytes(bytes, NULL, &err);
	api->bytes_unref(bytes);
	if (doc == NULL) {
		if (err != NULL && err->domain == api->error_quark() &&
		    err->code == POPPLER_ERROR_ENCRYPTED)
			*cause = xstrdup(_("an encrypted PDF: it needs a "
			    "password, and kanbao does not ask for one"));
		else
			*cause = xasprintf(_("a damaged or truncated PDF (%s)"),
			    err != NULL && err->message != NULL ?
			    err->message : _("poppler could not open it"));
		api->clear_error(&err);
		api->log_remove_handler("Poppler", handler);
		dlclose(api->h);
		return -1;
	}
	npages = api->document_get_n_pages(doc);
	if (npages > LOAD_PDF_MAX_PAGES) {
		*cause = xasprintf(_("a PDF of %d pages (the limit is %d)"),
		    npages, LOAD_PDF_MAX_PAGES);
		count = -1;
	} else if (npages <= 0) {
		*cause = xstrdup(_("a PDF without pages"));
		count = -1;
	} else {
		count = read_pages(api, doc, npages, ed, path, name, false,
		    &any_text, cause);
		/* Only headers everywhere: read them as text. */
		if (count == 0 && any_text)
			count = read_pages(api, doc, npages, ed, path, name, true,
			    &any_text, cause);
		if (count >= 0 && !any_text) {
			*cause = xstrdup(_("a PDF without text (a scan? kanbao "
			    "reads the text layer, not images)"));
			count = -1;
		}
	}
	api->object_unref(doc);
	api->log_remove_handler("Poppler", handler);
	dlclose(api->h);
	return count;
}

#endif /* HAVE_PDF */
