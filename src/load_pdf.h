/*
 * load_pdf.h - the PDF loader: rebuilds the articles of newspaper pages
 * from the glyphs of their PDF (poppler-glib), one section per page.
 *
 * load_pdf.c extracts each page's glyphs, pdf_geom.c turns them into
 * lines in reading order with what the page shows (headlines set large,
 * first-line indents, columns, article regions), and the segmentation
 * pipeline the text loader uses (seg.c) rebuilds the articles from them.
 * Without poppler-glib at build time (configure --without-pdf) the loader
 * refuses PDFs with a message that says how to read them.
 */
#ifndef KANBAO_LOAD_PDF_H
#define KANBAO_LOAD_PDF_H

#include <stdbool.h>
#include <stddef.h>

struct edition;

/* Hard limits on hostile PDFs (documented in the man page, LIMITS). */
#define LOAD_PDF_MAX_PAGES	2000		/* pages per document */
#define LOAD_PDF_MAX_SIDE	14400.0		/* page side in points (200 in,
						   the PDF 1.7 maximum) */
#define LOAD_PDF_MAX_GLYPHS	200000		/* glyphs per page */
#define LOAD_PDF_MAX_SECONDS	60		/* time per document */

/* Was this kanbao built with PDF support? */
bool	load_pdf_supported(void);

/*
 * Does data[0..len) look like a PDF: "%PDF-" within its first 1024 bytes
 * (readers accept junk before the header, as the PDF reference allows)?
 */
bool	load_pdf_sniff(const char *data, size_t len);

/*
 * Append one section per page of the PDF in data[0..len) to ed.  data is
 * only read, never written, and nothing else is opened: no other file, no
 * network.  name is the fallback section title (with the page number for
 * documents of several pages), path is recorded as the source.  Returns
 * the number of articles added, or -1 with *cause set (caller frees) for
 * an encrypted, damaged or truncated PDF, one beyond the limits above, one
 * without a text layer, or any PDF when built without PDF support.
 */
int	load_pdf(struct edition *ed, const char *data, size_t len,
	    const char *path, const char *name, char **cause);

#endif
