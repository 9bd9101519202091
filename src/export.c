/*
 * export.c - write an edition as kanbao edition XML.
 *
 * The document is produced with libxml2's xmlTextWriter streaming into an
 * xmlOutputBuffer whose write callback is fwrite() on the caller's FILE, so
 * a 100 MB edition is never held twice in memory.  The format (element and
 * attribute names, their order) is a contract: data/kanbao-edition.rng
 * describes it and a loader reads it back, so the output must be
 * deterministic.  An attribute whose value is not known (an edition's
 * paper or date, a section's page) is left out, never written empty.  Nothing here depends on time, locale or addresses;
 * attributes are written in a fixed order; indentation is fixed; so the
 * same edition always gives the same bytes, and export -> load -> export
 * is byte-identical as long as the loader rebuilds the same model.
 *
 * Strings in the model are UTF-8 already, but not every UTF-8 character
 * may appear in an XML 1.0 document: C0 controls other than tab and
 * newline, and U+FFFE/U+FFFF, would make the output unparsable.  They are
 * dropped here (a reader never sees them anyway: they are not text), and
 * any invalid byte that slipped through becomes U+FFFD, so the document
 * is always well formed.
 */
#include "config.h"

#include "export.h"

#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/xmlIO.h>
#include <libxml/xmlwriter.h>

#include "buf.h"
#include "edition.h"
#include "i18n.h"
#include "text.h"
#include "xalloc.h"

/*
 * Output constants.  The indent is part of the byte-exact contract: change
 * it and every golden export changes.
 */
static const struct {
	const char	*indent;	/* one nesting level: two spaces */
	const char	*version;	/* XML declaration: version */
	const char	*encoding;	/* XML declaration: encoding (always) */
} export_format = {
	"  ",
	"1.0",
	"UTF-8"
};

/* Where the output goes and what went wrong on the way. */
struct export_sink {
	FILE	*out;
	int	 error;		/* errno of the first failed write, or 0 */
};

/* State of one export: the writer, a scratch buffer, the first failure. */
struct export_ctx {
	xmlTextWriterPtr	 w;
	struct buf		 scratch;	/* cleaned copies of strings */
	const char		*failed;	/* what failed first, or NULL */
};

/* The name of a headline role in the format. */
static const char *
export_role_name(enum headline_role role)
{
	switch (role) {
	case HEADLINE_KICKER:
		return "kicker";
	case HEADLINE_MAIN:
		return "main";
	case HEADLINE_SUB:
		return "sub";
	case HEADLINE_UNKNOWN:
		break;
	}
	return "unknown";
}

/* The element name of a block kind in the format. */
static const char *
export_block_name(enum block_kind kind)
{
	switch (kind) {
	case BLOCK_SUBHEAD:
		return "subhead";
	case BLOCK_CAPTION:
		return "caption";
	case BLOCK_PARAGRAPH:
		break;
	}
	return "p";
}

/* Whether cp may appear in an XML 1.0 document (the Char production). */
static bool
export_xml_char(uint32_t cp)
{
	if (cp == '\t' || cp == '\n')
		return true;
	/*
	 * CR is a legal Char but a parser turns it into LF, so it would not
	 * survive a round trip; it is dropped with the other C0 controls.
	 * C1 controls, DEL and bidi controls are legal XML too, but an
	 * export piped to a terminal must not be able to drive it (C2 9B is
	 * a CSI), and every loader drops them anyway, so the round trip is
	 * unchanged.  Surrogates cannot come out of the strict decoder.
	 */
	if (text_is_control(cp))
		return false;
	return cp != 0xFFFE && cp != 0xFFFF;
}

/*
 * Return s, or a cleaned copy of it held in ctx->scratch (valid until the
 * next call) when it has characters XML cannot carry or invalid UTF-8.
 */
static const char *
export_clean(struct export_ctx *ctx, const char *s)
{
	size_t len = strlen(s), i, n;
	uint32_t cp;
	bool clean = true;

	/* Fast path: most text needs no copy. */
	for (i = 0; i < len; i += n) {
		n = utf8_decode(s + i, len - i, &cp);
		/* A one-byte U+FFFD is an invalid byte, not a real U+FFFD. */
		if (!export_xml_char(cp) ||
		    (cp == TEXT_REPLACEMENT && n == 1)) {
			clean = false;
			break;
		}
	}
	if (clean)
		return s;

	buf_clear(&ctx->scratch);
	buf_append(&ctx->scratch, s, i);
	for (; i < len; i += n) {
		n = utf8_decode(s + i, len - i, &cp);
		if (export_xml_char(cp))
			buf_put_cp(&ctx->scratch, cp);
	}
	return buf_str(&ctx->scratch);
}

/* Record the first failure of a writer call; true when rc is a success. */
static bool
export_check(struct export_ctx *ctx, int rc, const char *what)
{
	if (rc < 0 && ctx->failed == NULL)
		ctx->failed = what;
	return rc >= 0;
}

/* Write attribute name="value" unless value is NULL. */
static bool
export_attr(struct export_ctx *ctx, const char *name, const char *value)
{
	if (value == NULL)
		return true;
	value = export_clean(ctx, value);
	return export_check(ctx, xmlTextWriterWriteAttribute(ctx->w,
	    BAD_CAST name, BAD_CAST value), "attribute");
}

/* Write <name>text</name> unless text is NULL. */
static bool
export_text_element(struct export_ctx *ctx, const char *name,
    const char *text)
{
	if (text == NULL)
		return true;
	text = export_clean(ctx, text);
	return export_check(ctx, xmlTextWriterWriteElement(ctx->w,
	    BAD_CAST name, BAD_CAST text), "element");
}

/* Open element name. */
static bool
export_start(struct export_ctx *ctx, const char *name)
{
	return export_check(ctx, xmlTextWriterStartElement(ctx->w,
	    BAD_CAST name), "start element");
}

/* Close the innermost open element. */
static bool
export_end(struct export_ctx *ctx)
{
	return export_check(ctx, xmlTextWriterEndElement(ctx->w),
	    "end element");
}

/* Write one <headline>: role always, inferred only when true. */
static bool
export_headline(struct export_ctx *ctx, const struct headline *h)
{
	if (!export_start(ctx, "headline") ||
	    !export_attr(ctx, "role", export_role_name(h->role)) ||
	    !export_attr(ctx, "inferred", h->inferred ? "true" : NULL))
		return false;
	if (h->text != NULL && !export_check(ctx, xmlTextWriterWriteString(
	    ctx->w, BAD_CAST export_clean(ctx, h->text)), "text"))
		return false;
	return export_end(ctx);
}

/* Write one <article> with its headlines, dateline, byline and body. */
static bool
export_article(struct export_ctx *ctx, const struct article *a)
{
	char line[32];
	size_t i;

	if (!export_start(ctx, "article") ||
	    !export_attr(ctx, "id", a->id) ||
	    !export_attr(ctx, "source", a->source_file))
		return false;
	/* Line 0 means "not known" (articles built by hand, not read). */
	if (a->source_line > 0) {
		snprintf(line, sizeof line, "%u", a->source_line);
		if (!export_attr(ctx, "line", line))
			return false;
	}
	for (i = 0; i < a->nheadlines; i++) {
		if (!export_headline(ctx, &a->headlines[i]))
			return false;
	}
	if (!export_text_element(ctx, "dateline", a->dateline) ||
	    !export_text_element(ctx, "byline", a->byline))
		return false;
	for (i = 0; i < a->nblocks; i++) {
		const struct block *b = &a->blocks[i];

		if (!export_text_element(ctx, export_block_name(b->kind),
		    b->text != NULL ? b->text : ""))
			return false;
	}
	return export_end(ctx);
}

/* Write the whole document: declaration, <edition>, sections, articles. */
static bool
export_document(struct export_ctx *ctx, const struct edition *ed)
{
	char page[32];
	size_t i, j;

	if (!export_check(ctx, xmlTextWriterSetIndent(ctx->w, 1), "indent") ||
	    !export_check(ctx, xmlTextWriterSetIndentString(ctx->w,
	    BAD_CAST export_format.indent), "indent") ||
	    !export_check(ctx, xmlTextWriterStartDocument(ctx->w,
	    export_format.version, export_format.encoding, NULL), "declaration"))
		return false;
	if (!export_start(ctx, "edition") ||
	    !export_attr(ctx, "title", ed->title) ||
	    !export_attr(ctx, "source", ed->source) ||
	    !export_attr(ctx, "encoding", ed->encoding) ||
	    !export_attr(ctx, "paper", ed->paper) ||
	    !export_attr(ctx, "date", ed->date))
		return false;
	for (i = 0; i < ed->nsections; i++) {
		const struct section *s = ed->sections[i];

		if (!export_start(ctx, "section") ||
		    !export_attr(ctx, "title", s->title))
			return false;
		/*
		 * Page 0 and a NULL name mean "not printed": no attribute, so
		 * the export of an edition without them is what it was before
		 * they existed.
		 */
		if (s->page > 0) {
			snprintf(page, sizeof page, "%u", s->page);
			if (!export_attr(ctx, "page", page))
				return false;
		}
		if (!export_attr(ctx, "name", s->name))
			return false;
		for (j = 0; j < s->narticles; j++) {
			if (!export_article(ctx, s->articles[j]))
				return false;
		}
		if (!export_end(ctx))
			return false;
	}
	/* Closes <edition> and ends the last line with a newline. */
	return export_check(ctx, xmlTextWriterEndDocument(ctx->w),
	    "end document");
}

/*
 * xmlOutputBuffer write callback: fwrite to the sink's FILE.  A failed
 * write is recorded in the sink and then reported as a success: returning
 * -1 would make libxml2 print its own "I/O error" line on stderr (through
 * its global error handler, which a library must not replace), and
 * export_xml() reports the error itself.  Once a write has failed, the
 * rest of the document is discarded.
 */
static int
export_write(void *context, const char *data, int len)
{
	struct export_sink *sink = context;

	if (len <= 0 || sink->error != 0)
		return len < 0 ? 0 : len;
	errno = 0;
	if (fwrite(data, 1, (size_t)len, sink->out) != (size_t)len)
		sink->error = errno != 0 ? errno : EIO;
	return len;
}

/* xmlOutputBuffer close callback: the FILE belongs to the caller. */
static int
export_close(void *context)
{
	(void)context;
	return 0;
}

/* Write ed as XML to out. */
int
export_xml(const struct edition *ed, FILE *out, char **cause)
{
	struct export_sink sink = { out, 0 };
	struct export_ctx ctx;
	xmlOutputBufferPtr ob;
	bool ok;

	memset(&ctx, 0, sizeof ctx);
	ob = xmlOutputBufferCreateIO(export_write, export_close, &sink, NULL);
	if (ob == NULL)
		fatalx("xmlOutputBufferCreateIO failed");
	ctx.w = xmlNewTextWriter(ob);
	if (ctx.w == NULL) {
		xmlOutputBufferClose(ob);
		fatalx("xmlNewTextWriter failed");
	}
	ok = export_document(&ctx, ed);
	/* Flushing may be where a write error first shows. */
	if (ok)
		ok = export_check(&ctx, xmlTextWriterFlush(ctx.w), "flush");
	xmlFreeTextWriter(ctx.w);	/* also closes ob */
	buf_free(&ctx.scratch);
	errno = 0;
	if (ok && fflush(out) != 0) {
		sink.error = errno != 0 ? errno : EIO;
		ok = false;
	}
	if (ok && sink.error == 0)
		return 0;
	if (cause != NULL) {
		if (sink.error != 0)
			*cause = xasprintf(_("error writing XML: %s"),
			    strerror(sink.error));
		else
			*cause = xasprintf(_("error writing XML: %s failed"),
			    ctx.failed != NULL ? ctx.failed : "writer");
	}
	return -1;
}
