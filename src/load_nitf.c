/*
 * load_nitf.c - read a NITF 3.x news document as one article.
 *
 * NITF (the IPTC News Industry Text Format) is what wire services and
 * some papers' content systems deliver: one story per document.
 *
 *   <nitf>
 *     <head>
 *       <title>                        fallback headline
 *       <docdata>                      (no field in the model yet)
 *       <pubdata position.section=>    the section (page) of the story
 *     <body>
 *       <body.head>
 *         <hedline> <hl1>main</hl1> <hl2>sub</hl2>
 *         <byline> 记者 <person>张三</person> <byttl>..</byttl>
 *         <dateline> <location> <story.date>
 *       <body.content>
 *         <p>, <block> (holding more of these), <hl2> as a subhead,
 *         <media> with <media-caption> as a caption, lists, quotes
 *       <body.end>
 *
 * Element names are compared without namespace, so both the bare and the
 * namespaced (xmlns="http://iptc.org/std/NITF/...") forms read the same.
 * Text is whitespace-normalised (a paragraph is one line in the model).
 * The NITF DTD is never loaded: an entity it defines (&eacute;) is an
 * undefined entity and dropped, with the rest of the document still read.
 *
 * A directory of NITF files is an edition: each file adds its article to
 * the section named by position.section, so articles group by section in
 * the order their files are read (load.c reads a directory in natural
 * order).  A file without pubdata gets a section named after the file.
 */
#include "config.h"

#include "load_nitf.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "buf.h"
#include "edition.h"
#include "i18n.h"
#include "load_markup.h"
#include "xalloc.h"

/* The parts of one NITF document, located before anything is added. */
struct nitf_doc {
	const xmlNode	*head;
	const xmlNode	*body_head;
	const xmlNode	*body_content;
	const xmlNode	*title;		/* head/title */
	char		*section;	/* pubdata position.section */
};

/* Find the first element named name in node's subtree (node excluded). */
static const xmlNode *
nitf_find(const xmlNode *node, const char *name)
{
	const xmlNode *n;

	if (node == NULL || node->children == NULL)
		return NULL;
	for (n = node->children; n != NULL;
	    n = load_markup_next(n, node, n->type == XML_ELEMENT_NODE))
		if (load_markup_is(n, name))
			return n;
	return NULL;
}

/* Set *out to attribute name of node unless already set. */
static void
nitf_attr_once(char **out, const xmlNode *node, const char *name)
{
	if (*out == NULL && node != NULL)
		*out = load_markup_attr(node, name);
}

/* Locate head, body parts and the metadata of the document. */
static void
nitf_locate(struct nitf_doc *d, const xmlNode *root)
{
	const xmlNode *c, *body = NULL;

	memset(d, 0, sizeof *d);
	for (c = load_markup_first_element(root); c != NULL;
	    c = load_markup_next_element(c)) {
		if (load_markup_is(c, "head") && d->head == NULL)
			d->head = c;
		else if (load_markup_is(c, "body") && body == NULL)
			body = c;
	}
	if (d->head != NULL) {
		d->title = nitf_find(d->head, "title");
		/* The first pubdata that names a section places the story. */
		for (c = load_markup_first_element(d->head); c != NULL;
		    c = load_markup_next_element(c))
			if (load_markup_is(c, "pubdata")) {
				nitf_attr_once(&d->section, c,
				    "position.section");
				if (d->section != NULL)
					break;
			}
	}
	if (body != NULL) {
		for (c = load_markup_first_element(body); c != NULL;
		    c = load_markup_next_element(c)) {
			if (load_markup_is(c, "body.head"))
				d->body_head = c;
			else if (load_markup_is(c, "body.content"))
				d->body_content = c;
		}
	}
}

/* Free the strings of a located document. */
static void
nitf_doc_free(struct nitf_doc *d)
{
	free(d->section);
}

/* The normalised text of node into b (cleared first). */
static const char *
nitf_text(const xmlNode *node, struct buf *b)
{
	buf_clear(b);
	load_markup_text(node, b, 0);
	return buf_str(b);
}

/* Add the headlines of <hedline>: hl1 main, hl2 sub. */
static size_t
nitf_hedline(struct edition *ed, struct article *a, const xmlNode *hedline,
    struct buf *b)
{
	const xmlNode *c;
	size_t n = 0;
	bool main_seen = false;

	for (c = load_markup_first_element(hedline); c != NULL;
	    c = load_markup_next_element(c)) {
		enum headline_role role;

		if (load_markup_is(c, "hl1")) {
			/* A second hl1 is a continuation line: a sub. */
			role = main_seen ? HEADLINE_SUB : HEADLINE_MAIN;
			main_seen = true;
		} else if (load_markup_is(c, "hl2"))
			role = HEADLINE_SUB;
		else
			continue;
		if (*nitf_text(c, b) == '\0')
			continue;
		article_add_headline(ed, a, buf_str(b), role, false);
		n++;
	}
	return n;
}

/*
 * Add the credits of a <byline>: each <person> with the <byttl> printed
 * just before it (记者 张三) or, failing that, just after it (Jane Doe,
 * Staff Writer).  A byline without <person> is split as printed text.
 */
static void
nitf_byline_credits(struct edition *ed, struct article *a,
    const xmlNode *byline, struct buf *b)
{
	const xmlNode *c, *next;
	char *pending = NULL;
	bool persons = false;

	for (c = load_markup_first_element(byline); c != NULL;
	    c = load_markup_next_element(c)) {
		if (load_markup_is(c, "byttl")) {
			free(pending);
			pending = xstrdup(nitf_text(c, b));
		} else if (load_markup_is(c, "person")) {
			char *name = xstrdup(nitf_text(c, b));

			persons = true;
			next = load_markup_next_element(c);
			if (pending == NULL && next != NULL &&
			    load_markup_is(next, "byttl")) {
				article_add_credit(ed, a, nitf_text(next, b),
				    name);
				c = next;
			} else
				article_add_credit(ed, a, pending, name);
			free(name);
		}
	}
	free(pending);
	if (!persons)
		load_markup_credits(ed, a, nitf_text(byline, b));
}

/* Add bylines and the dateline of <body.head>. */
static void
nitf_body_head(struct edition *ed, struct article *a, const xmlNode *bh,
    struct buf *b)
{
	struct buf all = BUF_INIT;
	const xmlNode *c;

	for (c = load_markup_first_element(bh); c != NULL;
	    c = load_markup_next_element(c)) {
		if (load_markup_is(c, "byline")) {
			if (*nitf_text(c, b) == '\0')
				continue;
			if (all.len > 0)
				buf_putc(&all, ' ');
			buf_puts(&all, buf_str(b));
			nitf_byline_credits(ed, a, c, b);
		} else if (load_markup_is(c, "dateline") &&
		    a->dateline == NULL) {
			if (*nitf_text(c, b) != '\0')
				article_set_dateline(ed, a, buf_str(b));
		}
	}
	if (all.len > 0)
		article_set_byline(ed, a, buf_str(&all));
	buf_free(&all);
}

/*
 * Add the blocks of <body.content> in document order.  Containers
 * (block, bq, media, ol, ul, table) are walked into; p, li, pre and table
 * cells are paragraphs, hl1/hl2 subheads, media-caption captions.  Returns
 * the number of blocks added and the line of the first in *first_line.
 */
static size_t
nitf_content(struct edition *ed, struct article *a, const xmlNode *content,
    unsigned *first_line, struct buf *b)
{
	static const char *const paragraphs[] = { "p", "li", "pre", "td",
	    "th", "dd", "dt", "tagline", NULL };
	const xmlNode *n;
	size_t added = 0, i;

	*first_line = 0;
	if (content->children == NULL)
		return 0;
	for (n = content->children; n != NULL;) {
		enum block_kind kind = BLOCK_PARAGRAPH;
		bool leaf = false;

		if (n->type != XML_ELEMENT_NODE) {
			n = load_markup_next(n, content, false);
			continue;
		}
		for (i = 0; paragraphs[i] != NULL; i++)
			if (load_markup_is(n, paragraphs[i]))
				leaf = true;
		if (load_markup_is(n, "hl1") || load_markup_is(n, "hl2")) {
			kind = BLOCK_SUBHEAD;
			leaf = true;
		} else if (load_markup_is(n, "media-caption")) {
			kind = BLOCK_CAPTION;
			leaf = true;
		} else if (load_markup_is(n, "media-reference") ||
		    load_markup_is(n, "media-metadata") ||
		    load_markup_is(n, "media-producer"))
			leaf = true;	/* no reading text; skipped below */
		if (leaf && !load_markup_is(n, "media-reference") &&
		    !load_markup_is(n, "media-metadata") &&
		    !load_markup_is(n, "media-producer") &&
		    *nitf_text(n, b) != '\0') {
			if (added == 0)
				*first_line = load_markup_line(n);
			article_add_block(ed, a, kind, buf_str(b));
			added++;
		}
		n = load_markup_next(n, content, !leaf);
	}
	return added;
}

/* Find the section titled title, or add one. */
static struct section *
nitf_section(struct edition *ed, const char *title, const char *path)
{
	size_t i;

	for (i = 0; i < ed->nsections; i++)
		if (ed->sections[i]->title != NULL &&
		    strcmp(ed->sections[i]->title, title) == 0)
			return ed->sections[i];
	return edition_add_section(ed, title, path);
}

/* Load a NITF document. */
int
load_nitf(struct edition *ed, const char *text, size_t len, const char *path,
    const char *name, char **cause)
{
	struct buf b = BUF_INIT;
	struct nitf_doc d;
	struct section *s;
	struct article *a;
	const xmlNode *root, *hedline;
	xmlDocPtr doc;
	unsigned line = 0;
	size_t nhead = 0, nblocks = 0;
	bool has_text;

	if ((doc = load_markup_read_xml(text, len, path, cause)) == NULL)
		return -1;
	root = xmlDocGetRootElement(doc);
	if (!load_markup_is(root, "nitf")) {
		*cause = xasprintf(_("%u: root element is <%s>, not <nitf>"),
		    load_markup_line(root), (const char *)root->name);
		xmlFreeDoc(doc);
		return -1;
	}
	nitf_locate(&d, root);
	hedline = d.body_head != NULL ? nitf_find(d.body_head, "hedline") :
	    NULL;

	/* Refuse an empty story before touching the edition. */
	has_text = (hedline != NULL && *nitf_text(hedline, &b) != '\0') ||
	    (d.title != NULL && *nitf_text(d.title, &b) != '\0') ||
	    (d.body_content != NULL && *nitf_text(d.body_content, &b) != '\0');
	if (!has_text) {
		*cause = xasprintf(_("%u: NITF document without headline or "
		    "body text"), load_markup_line(root));
		nitf_doc_free(&d);
		xmlFreeDoc(doc);
		buf_free(&b);
		return -1;
	}

	s = nitf_section(ed, d.section != NULL && *d.section != '\0' ?
	    d.section : name, path);
	a = section_add_article(ed, s);
	if (hedline != NULL)
		nhead = nitf_hedline(ed, a, hedline, &b);
	/* head/title is the story's title when no hedline was printed. */
	if (nhead == 0 && d.title != NULL && *nitf_text(d.title, &b) != '\0')
		article_add_headline(ed, a, buf_str(&b), HEADLINE_MAIN, false);
	if (d.body_head != NULL)
		nitf_body_head(ed, a, d.body_head, &b);
	if (d.body_content != NULL)
		nblocks = nitf_content(ed, a, d.body_content, &line, &b);
	if (nblocks == 0)
		line = load_markup_line(d.body_content != NULL ?
		    d.body_content : root);
	article_set_source(ed, a, path, line);

	nitf_doc_free(&d);
	xmlFreeDoc(doc);
	buf_free(&b);
	return 1;
}
