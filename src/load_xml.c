/*
 * load_xml.c - read kanbao edition XML back into the edition model.
 *
 * The format is the one export.c writes (outline in export.h, schema in
 * data/kanbao-edition.rng):
 *
 *   <edition title= source= encoding= paper= date=>
 *     <section title= page= name=>
 *       <article id= source= line=>
 *         <headline role= inferred=>  <dateline>  <byline>
 *         <p>  <subhead>  <caption>
 *
 * The contract is that export -> load -> export gives the same bytes, so
 * this loader rebuilds the model exactly: text is taken verbatim (no
 * whitespace squeezing), absent attributes stay absent (NULL), inferred
 * headlines stay inferred.  Article ids are not read: edition_finish()
 * recomputes them from the same headline and lead, which gives the same
 * ids (that is what makes them stable).
 *
 * Files written before paper, date, page and name existed have none of
 * them and load as before: each is optional and absent means unknown.  A
 * date is ISO 8601 in an export; written by hand it may also be in any
 * form edition_parse_date() reads (2026年3月2日), and is stored as ISO
 * (--strict, which checks the schema, takes only ISO).
 *
 * The document is walked twice: first to check it, then to build.  A
 * structural error (unknown element, missing required attribute) thus
 * leaves the edition untouched, which matters when the file is one of a
 * directory whose other files still load.  With LOAD_XML_STRICT the
 * document is first validated against the RELAX NG schema, which also
 * checks element order and the form of ids.
 */
#include "config.h"

#include "load_xml.h"

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libxml/relaxng.h>
#include <libxml/tree.h>

#include "buf.h"
#include "data.h"
#include "edition.h"
#include "i18n.h"
#include "load.h"
#include "load_markup.h"
#include "xalloc.h"

/* The schema's file name, under data/ in the source tree and installed. */
#define XML_SCHEMA_NAME	"kanbao-edition.rng"

/* One walk over the document: checking (ed NULL) or building. */
struct xml_walk {
	struct edition	*ed;		/* NULL on the checking pass */
	const char	*path;
	const char	*name;
	char		*cause;		/* first error, "LINE: reason" */
	int		 articles;
};

/* The headline roles by their names in the format. */
static const struct {
	const char		*name;
	enum headline_role	 role;
} xml_roles[] = {
	{ "kicker",	HEADLINE_KICKER },
	{ "main",	HEADLINE_MAIN },
	{ "sub",	HEADLINE_SUB },
	{ "unknown",	HEADLINE_UNKNOWN }
};

/* The body block elements by name. */
static const struct {
	const char	*name;
	enum block_kind	 kind;
} xml_blocks[] = {
	{ "p",		BLOCK_PARAGRAPH },
	{ "subhead",	BLOCK_SUBHEAD },
	{ "caption",	BLOCK_CAPTION }
};

/* Record the first error of a walk at node's line; returns -1. */
static int
xml_fail(struct xml_walk *w, const xmlNode *node, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Record the first error of a walk at node's line; returns -1. */
static int
xml_fail(struct xml_walk *w, const xmlNode *node, const char *fmt, ...)
{
	va_list ap;
	char *msg;

	if (w->cause != NULL)
		return -1;
	va_start(ap, fmt);
	if (vasprintf(&msg, fmt, ap) == -1)
		fatalx("vasprintf failed");
	va_end(ap);
	w->cause = xasprintf("%u: %s", load_markup_line(node), msg);
	free(msg);
	return -1;
}

/*
 * Check that node has only whitespace text and comments besides its
 * elements (indentation); returns -1 on stray text.
 */
static int
xml_check_text(struct xml_walk *w, const xmlNode *node)
{
	const xmlNode *c;
	const char *p;

	for (c = node->children; c != NULL; c = c->next) {
		if (c->type != XML_TEXT_NODE || c->content == NULL)
			continue;
		for (p = (const char *)c->content; *p != '\0'; p++)
			if (*p != ' ' && *p != '\t' && *p != '\n' && *p != '\r')
				return xml_fail(w, c, _("text outside an "
				    "element in <%s>"),
				    (const char *)node->name);
	}
	return 0;
}

/*
 * The text of a text-only element (<p>, <headline>, ...), verbatim, into
 * b; -1 if it has child elements.
 */
static int
xml_element_text(struct xml_walk *w, const xmlNode *node, struct buf *b)
{
	const xmlNode *c = load_markup_first_element(node);

	if (c != NULL)
		return xml_fail(w, c, _("unexpected element <%s> in <%s>"),
		    (const char *)c->name, (const char *)node->name);
	buf_clear(b);
	load_markup_text(node, b, MARKUP_TEXT_VERBATIM);
	return 0;
}

/* Parse a positive number attribute (line, page); -1 if malformed. */
static int
xml_parse_line(const char *s, unsigned *line)
{
	char *end;
	unsigned long v;

	if (s[0] < '0' || s[0] > '9')
		return -1;
	errno = 0;
	v = strtoul(s, &end, 10);
	if (errno != 0 || *end != '\0' || v == 0 || v > UINT_MAX)
		return -1;
	*line = (unsigned)v;
	return 0;
}

/* Read one <headline>. */
static int
xml_headline(struct xml_walk *w, struct article *a, const xmlNode *node,
    struct buf *b)
{
	char *role = load_markup_attr(node, "role");
	char *inferred = load_markup_attr(node, "inferred");
	enum headline_role r = HEADLINE_UNKNOWN;
	size_t i;
	int rc = 0;

	if (role == NULL)
		rc = xml_fail(w, node,
		    _("<headline> without a role attribute"));
	else {
		for (i = 0; i < sizeof xml_roles / sizeof xml_roles[0]; i++)
			if (strcmp(role, xml_roles[i].name) == 0)
				break;
		if (i == sizeof xml_roles / sizeof xml_roles[0])
			rc = xml_fail(w, node, _("unknown headline role \"%s\" "
			    "(kicker, main, sub or unknown)"), role);
		else
			r = xml_roles[i].role;
	}
	if (rc == 0 && inferred != NULL && strcmp(inferred, "true") != 0 &&
	    strcmp(inferred, "false") != 0)
		rc = xml_fail(w, node, _("inferred=\"%s\" (only \"true\")"),
		    inferred);
	if (rc == 0)
		rc = xml_element_text(w, node, b);
	if (rc == 0 && w->ed != NULL)
		article_add_headline(w->ed, a, buf_str(b), r,
		    inferred != NULL && strcmp(inferred, "true") == 0);
	free(role);
	free(inferred);
	return rc;
}

/* Bits of xml_article_child()'s seen mask: elements allowed once. */
#define XML_SEEN_DATELINE	0x1
#define XML_SEEN_BYLINE		0x2

/* Read one child element of <article>; seen tracks dateline and byline. */
static int
xml_article_child(struct xml_walk *w, struct article *a, const xmlNode *c,
    unsigned *seen, struct buf *b)
{
	size_t i;

	if (load_markup_is(c, "headline"))
		return xml_headline(w, a, c, b);
	if (load_markup_is(c, "dateline") || load_markup_is(c, "byline")) {
		bool date = load_markup_is(c, "dateline");
		unsigned bit = date ? XML_SEEN_DATELINE : XML_SEEN_BYLINE;

		if (xml_element_text(w, c, b) != 0)
			return -1;
		if (*seen & bit)
			return xml_fail(w, c, _("second <%s> in an article"),
			    (const char *)c->name);
		*seen |= bit;
		if (w->ed == NULL)
			return 0;
		if (date)
			article_set_dateline(w->ed, a, buf_str(b));
		else {
			article_set_byline(w->ed, a, buf_str(b));
			load_markup_credits(w->ed, a, buf_str(b));
		}
		return 0;
	}
	for (i = 0; i < sizeof xml_blocks / sizeof xml_blocks[0]; i++)
		if (load_markup_is(c, xml_blocks[i].name)) {
			if (xml_element_text(w, c, b) != 0)
				return -1;
			if (w->ed != NULL)
				article_add_block(w->ed, a, xml_blocks[i].kind,
				    buf_str(b));
			return 0;
		}
	return xml_fail(w, c, _("unknown element <%s> in <article>"),
	    (const char *)c->name);
}

/* Read one <article>. */
static int
xml_article(struct xml_walk *w, struct section *s, const xmlNode *node,
    struct buf *b)
{
	char *id = load_markup_attr(node, "id");
	char *src = load_markup_attr(node, "source");
	char *line = load_markup_attr(node, "line");
	struct article *a = NULL;
	const xmlNode *c;
	unsigned n = 0, seen = 0;
	int rc = 0;

	/* The id is recomputed, but the format requires it. */
	if (id == NULL)
		rc = xml_fail(w, node, _("<article> without an id attribute"));
	else if (line != NULL && xml_parse_line(line, &n) != 0)
		rc = xml_fail(w, node,
		    _("line=\"%s\" is not a positive number"),
		    line);
	else
		rc = xml_check_text(w, node);
	if (rc == 0 && w->ed != NULL) {
		a = section_add_article(w->ed, s);
		if (src != NULL || n > 0)
			article_set_source(w->ed, a, src, n);
	}
	for (c = load_markup_first_element(node); rc == 0 && c != NULL;
	    c = load_markup_next_element(c))
		rc = xml_article_child(w, a, c, &seen, b);
	if (rc == 0)
		w->articles++;
	free(id);
	free(src);
	free(line);
	return rc;
}

/* Read one <section>. */
static int
xml_section(struct xml_walk *w, const xmlNode *node, struct buf *b)
{
	char *title = load_markup_attr(node, "title");
	char *page = load_markup_attr(node, "page");
	char *name = load_markup_attr(node, "name");
	struct section *s = NULL;
	const xmlNode *c;
	unsigned n = 0;
	int rc = 0;

	if (page != NULL && xml_parse_line(page, &n) != 0)
		rc = xml_fail(w, node,
		    _("page=\"%s\" is not a positive number"),
		    page);
	else
		rc = xml_check_text(w, node);
	if (rc == 0 && w->ed != NULL) {
		s = edition_add_section(w->ed, title != NULL ? title : w->name,
		    w->path);
		section_set_page(w->ed, s, n, name);
	}
	for (c = load_markup_first_element(node); rc == 0 && c != NULL;
	    c = load_markup_next_element(c)) {
		if (load_markup_is(c, "article"))
			rc = xml_article(w, s, c, b);
		else
			rc = xml_fail(w, c, _("unknown element <%s> in "
			    "<section>"), (const char *)c->name);
	}
	free(title);
	free(page);
	free(name);
	return rc;
}

/* Walk the whole <edition>: checking when w->ed is NULL, else building. */
static int
xml_edition(struct xml_walk *w, const xmlNode *root)
{
	struct buf b = BUF_INIT;
	const xmlNode *c;
	char *date, iso[11];
	int rc;

	if (!load_markup_is(root, "edition") || root->ns != NULL)
		return xml_fail(w, root,
		    _("root element is <%s>, not <edition>"),
		    (const char *)root->name);
	/* Checked here so that a bad date leaves the edition untouched. */
	date = load_markup_attr(root, "date");
	if (date != NULL && !edition_parse_date(date, strlen(date), iso))
		rc = xml_fail(w, root, _("date=\"%s\" is not a date "
		    "(YYYY-MM-DD)"), date);
	else
		rc = xml_check_text(w, root);
	free(date);
	for (c = load_markup_first_element(root); rc == 0 && c != NULL;
	    c = load_markup_next_element(c)) {
		if (load_markup_is(c, "section"))
			rc = xml_section(w, c, &b);
		else
			rc = xml_fail(w, c, _("unknown element <%s> in "
			    "<edition>"), (const char *)c->name);
	}
	buf_free(&b);
	return rc;
}

/* Structured error handler for RELAX NG: keep the first message. */
static void
xml_schema_error(void *ctx, xmlErrorPtr err)
{
	char **first = ctx;

	if (*first == NULL && err != NULL)
		*first = load_markup_format_error(err);
}

/* Find the schema. */
char *
load_xml_schema_path(void)
{
	return data_path(XML_SCHEMA_NAME);
}

/*
 * Validate doc against the schema.  The schema is read into memory and
 * parsed from there: the deny-all entity loader would refuse a file name.
 * Returns 0, or -1 with *cause set.
 */
static int
xml_validate(xmlDocPtr doc, char **cause)
{
	xmlRelaxNGParserCtxtPtr pctxt;
	xmlRelaxNGValidCtxtPtr vctxt;
	xmlRelaxNGPtr schema;
	char *path = load_xml_schema_path(), *data = NULL, *why = NULL;
	char *first = NULL;
	size_t len = 0;
	int rc;

	if (load_read_file(path, &data, &len, &why) != 0) {
		*cause = xasprintf(_("cannot read the schema %s: %s"),
		    path, why);
		free(why);
		free(path);
		return -1;
	}
	pctxt = xmlRelaxNGNewMemParserCtxt(data, (int)len);
	if (pctxt == NULL)
		fatalx("xmlRelaxNGNewMemParserCtxt failed");
	xmlRelaxNGSetParserStructuredErrors(pctxt, xml_schema_error, &first);
	schema = xmlRelaxNGParse(pctxt);
	xmlRelaxNGFreeParserCtxt(pctxt);
	free(data);
	if (schema == NULL) {
		*cause = xasprintf(_("cannot use the schema %s: %s"), path,
		    first != NULL ? first : _("parse error"));
		free(first);
		free(path);
		return -1;
	}
	free(path);
	if ((vctxt = xmlRelaxNGNewValidCtxt(schema)) == NULL)
		fatalx("xmlRelaxNGNewValidCtxt failed");
	xmlRelaxNGSetValidStructuredErrors(vctxt, xml_schema_error, &first);
	rc = xmlRelaxNGValidateDoc(vctxt, doc);
	xmlRelaxNGFreeValidCtxt(vctxt);
	xmlRelaxNGFree(schema);
	if (rc != 0) {
		*cause = xasprintf(_("%s (strict: does not match the schema)"),
		    first != NULL ? first : "0: invalid");
		free(first);
		return -1;
	}
	free(first);
	return 0;
}

/* Load an edition XML document into ed. */
int
load_xml(struct edition *ed, const char *text, size_t len, const char *path,
    const char *name, int flags, char **cause)
{
	struct xml_walk w = { NULL, path, name, NULL, 0 };
	xmlDocPtr doc;
	xmlNodePtr root;
	char *v, iso[11];

	if ((doc = load_markup_read_xml(text, len, path, cause)) == NULL)
		return -1;
	root = xmlDocGetRootElement(doc);
	if ((flags & LOAD_XML_STRICT) && xml_validate(doc, cause) != 0) {
		xmlFreeDoc(doc);
		return -1;
	}
	if (xml_edition(&w, root) != 0) {
		xmlFreeDoc(doc);
		*cause = w.cause;
		return -1;
	}

	/*
	 * The first file of an edition gives it its identity, so that a
	 * reloaded export is the same edition.  load.c has set the source
	 * and the encoding it decoded with; the document's attributes say
	 * what the original's were, and win when present.
	 */
	if (ed->nsections == 0) {
		if ((v = load_markup_attr(root, "title")) != NULL)
			edition_set_title(ed, v);
		free(v);
		if ((v = load_markup_attr(root, "source")) != NULL)
			ed->source = edition_strdup(ed, v);
		free(v);
		if ((v = load_markup_attr(root, "encoding")) != NULL)
			edition_set_encoding(ed, v);
		free(v);
		if ((v = load_markup_attr(root, "paper")) != NULL)
			edition_set_paper(ed, v);
		free(v);
		/* The first walk has checked that the date parses. */
		if ((v = load_markup_attr(root, "date")) != NULL &&
		    (!edition_parse_date(v, strlen(v), iso) ||
		    !edition_set_date(ed, iso)))
			fatalx("edition XML date changed between two walks");
		free(v);
	}
	w.ed = ed;
	w.articles = 0;
	if (xml_edition(&w, root) != 0)
		fatalx("edition XML changed between two walks");	/* cannot */
	xmlFreeDoc(doc);
	return w.articles;
}
