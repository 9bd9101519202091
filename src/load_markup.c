/*
 * load_markup.c - safe libxml2 parsing and tree helpers shared by the
 * edition XML, NITF and HTML loaders.
 *
 * Every file kanbao opens is untrusted, and libxml2 2.9 was designed for
 * documents that are not.  The options below were measured on the libxml2
 * this project builds with (2.9.14):
 *
 *   - An external entity loader that refuses everything.  libxml2 would
 *     otherwise read any file:// or http:// URL a document names (NONET
 *     does not cover file://).  kanbao reads the bytes itself, so nothing
 *     ever needs the loader.
 *   - XML_PARSE_NOENT.  The usual advice is to avoid it because it makes
 *     libxml2 substitute external entities; with the deny-all loader there
 *     are none to substitute, and substituting internal entities at parse
 *     time is what runs 2.9's amplification guard.  Without NOENT a
 *     "billion laughs" or a 100 kB entity referenced 10,000 times parses
 *     "fine" and the blow-up happens later, in whoever walks the tree.
 *   - XML_PARSE_NONET (belt and braces), never DTDLOAD, DTDATTR, DTDVALID,
 *     XINCLUDE or HUGE: HUGE switches off the depth limit (256) and the text
 *     and name limits that keep hostile input bounded.
 *   - The encoding forced to UTF-8 with IGNORE_ENC: load.c has already
 *     converted the bytes, so a declaration saying ISO-8859-1 or a <meta
 *     charset=gbk> must not be applied a second time.
 *   - NOERROR and NOWARNING with a structured error handler on the parser
 *     context: libxml2 prints to stderr by default, which would scribble
 *     over the curses screen.  The first error becomes the cause the user
 *     sees, as "LINE: message".
 *
 * The tree helpers walk iteratively (load_markup_next()), so even a tree as
 * deep as libxml2 allows costs no stack.
 */
#include "config.h"

#include "load_markup.h"

#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>

#include "buf.h"
#include "edition.h"
#include "i18n.h"
#include "text.h"
#include "xalloc.h"

/* The parser options; the top of the file says why each is (not) here. */
#define MARKUP_XML_OPTIONS	(XML_PARSE_NONET | XML_PARSE_NOENT | \
	XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA | \
	XML_PARSE_BIG_LINES | XML_PARSE_IGNORE_ENC)
#define MARKUP_HTML_OPTIONS	(HTML_PARSE_RECOVER | HTML_PARSE_NONET | \
	HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_IGNORE_ENC)

/* Heuristic limits of this file, one place. */
static const struct {
	size_t	sniff_bytes;	/* how far to look for <body> when sniffing */
	size_t	byline_max;	/* longest byline, in code points */
	size_t	dateline_max;	/* longest dateline (新华社北京12月23日电) */
} markup_limits = {
	4096,	/* a page's <head> comes first; 4 kB covers it */
	40,	/* "本报记者 张三 李四 通讯员 王五 赵六" is 20 */
	24
};

/*
 * Credit role words, longest first so that 本报记者 wins over 记者.  A
 * byline starts with one of them; each name after one takes it as role.
 */
static const char *const markup_roles[] = {
	"本报特约记者", "本报见习记者", "本报通讯员", "新华社记者",
	"中新社记者", "本报记者", "特约记者", "见习记者", "实习记者",
	"特约撰稿", "记者", "通讯员", "实习生", "撰稿", "撰文", "摄影",
	"文/图", "文／图", "作者", "编译", "图文", "文", "图", "摄",
	NULL
};

/* Elements whose text is never article text (HTML). */
static const char *const markup_hidden[] = {
	"script", "style", "noscript", "template", "head", "select",
	"textarea", "button", "svg", "object", "embed", "iframe", NULL
};

/* Errors of one parse: the first fatal one (or first of any) is kept. */
struct markup_errors {
	char	*first;		/* "LINE: message" of the first error */
	char	*first_fatal;	/* same, of the first fatal one */
	int	 fatal_code;	/* its xmlParserErrors code */
	size_t	 count;
};

/* The deny-all external entity loader: kanbao never fetches anything. */
static xmlParserInputPtr
markup_deny_loader(const char *url, const char *id, xmlParserCtxtPtr ctxt)
{
	(void)url;
	(void)id;
	(void)ctxt;
	return NULL;
}

/* Initialise libxml2 and install the deny-all loader. */
void
load_markup_init(void)
{
	/*
	 * Both calls are idempotent: the loader pointer is the same every
	 * time, so calling this before every parse needs no "done" flag.
	 */
	xmlInitParser();
	xmlSetExternalEntityLoader(markup_deny_loader);
}

/* Format a libxml2 error as "LINE: message" (no trailing newline). */
char *
load_markup_format_error(const xmlError *err)
{
	const char *msg = err->message != NULL ? err->message : "error";
	size_t len = strlen(msg);
	char *out;

	while (len > 0 && (msg[len - 1] == '\n' || msg[len - 1] == ' '))
		len--;
	/*
	 * libxml2 suggests XML_PARSE_HUGE for deep documents; that is not
	 * advice for a reader, so say what is wrong instead.
	 */
	if (err->code == XML_ERR_INTERNAL_ERROR &&
	    strncmp(msg, "Excessive depth", 15) == 0)
		return xasprintf(_("%d: elements nested too deeply (more than "
		    "%d levels)"), err->line, (int)xmlParserMaxDepth);
	/*
	 * libxml2 quotes the offending input, cut at a byte count: keep the
	 * message one line and valid UTF-8 (stop before a cut character).
	 */
	{
		size_t i = 0, k;
		uint32_t cp;
		struct buf b = BUF_INIT;

		buf_printf(&b, "%d: ", err->line);
		while (i < len) {
			k = utf8_decode(msg + i, len - i, &cp);
			if (cp == TEXT_REPLACEMENT && k == 1)
				break;
			if (cp == '\n' || cp == '\r' || cp == '\t')
				buf_putc(&b, ' ');
			else if (!text_is_control(cp))
				buf_append(&b, msg + i, k);
			i += k;
		}
		out = buf_detach(&b);
	}
	return out;
}

/* Structured error handler: remember the first error and first fatal one. */
static void
markup_collect(void *user, xmlErrorPtr err)
{
	xmlParserCtxtPtr ctxt = user;
	struct markup_errors *errs = ctxt->_private;

	if (errs == NULL || err == NULL)
		return;
	errs->count++;
	if (errs->first == NULL)
		errs->first = load_markup_format_error(err);
	if (errs->first_fatal == NULL && err->level >= XML_ERR_ERROR) {
		errs->first_fatal = load_markup_format_error(err);
		errs->fatal_code = err->code;
	}
}

/* Parse XML from memory with the safe options. */
xmlDocPtr
load_markup_read_xml(const char *text, size_t len, const char *path,
    char **cause)
{
	struct markup_errors errs = { NULL, NULL, 0, 0 };
	xmlParserCtxtPtr ctxt;
	xmlDocPtr doc;

	load_markup_init();
	if (len > INT_MAX) {
		*cause = xstrdup(_("too large for the XML parser"));
		return NULL;
	}
	if ((ctxt = xmlNewParserCtxt()) == NULL)
		fatalx("xmlNewParserCtxt failed");
	/*
	 * The context's own handler, not xmlSetStructuredErrorFunc(): that
	 * one is global to the thread, and the context's is used first.
	 */
	ctxt->_private = &errs;
	ctxt->sax->serror = markup_collect;
	doc = xmlCtxtReadMemory(ctxt, text, (int)len, path, "UTF-8",
	    MARKUP_XML_OPTIONS);
	if (doc != NULL && !ctxt->wellFormed) {
		xmlFreeDoc(doc);	/* not expected without RECOVER */
		doc = NULL;
	}
	if (doc == NULL) {
		/*
		 * An entity loop or amplification is found while expanding the
		 * entity, whose text starts at line 1; the line that matters
		 * is the reference's, in the document.
		 */
		if (errs.fatal_code == XML_ERR_ENTITY_LOOP &&
		    ctxt->input != NULL)
			*cause = xasprintf(_("%d: entity expansion refused (an "
			    "entity reference loop or too much amplification)"),
			    ctxt->input->line);
		else if (errs.first_fatal != NULL)
			*cause = xstrdup(errs.first_fatal);
		else if (errs.first != NULL)
			*cause = xstrdup(errs.first);
		else
			*cause = xstrdup(_("not a well-formed XML document"));
	} else if (xmlDocGetRootElement(doc) == NULL) {
		xmlFreeDoc(doc);
		doc = NULL;
		*cause = xstrdup(_("no root element"));
	}
	ctxt->_private = NULL;
	xmlFreeParserCtxt(ctxt);
	free(errs.first);
	free(errs.first_fatal);
	return doc;
}

/* Parse HTML from memory with the safe options, recovering. */
xmlDocPtr
load_markup_read_html(const char *text, size_t len, const char *path,
    char **cause)
{
	htmlParserCtxtPtr ctxt;
	xmlDocPtr doc;

	load_markup_init();
	if (len > INT_MAX) {
		*cause = xstrdup(_("too large for the HTML parser"));
		return NULL;
	}
	if ((ctxt = htmlNewParserCtxt()) == NULL)
		fatalx("htmlNewParserCtxt failed");
	/*
	 * HTML errors are not worth showing (every real page has some): NOERROR
	 * and NOWARNING silence them, and recovery builds a tree regardless.
	 */
	doc = htmlCtxtReadMemory(ctxt, text, (int)len, path, "UTF-8",
	    MARKUP_HTML_OPTIONS);
	htmlFreeParserCtxt(ctxt);
	if (doc == NULL || xmlDocGetRootElement(doc) == NULL) {
		if (doc != NULL)
			xmlFreeDoc(doc);
		*cause = xstrdup(_("not a readable HTML document"));
		return NULL;
	}
	return doc;
}

/* Case-insensitive ASCII prefix test on a length-bounded string. */
static bool
markup_prefix(const char *p, size_t left, const char *prefix)
{
	size_t n = strlen(prefix), i;

	if (left < n)
		return false;
	for (i = 0; i < n; i++) {
		char c = p[i];

		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if (c != prefix[i])
			return false;
	}
	return true;
}

/* Skip past the first occurrence of end in p[i..len); len if absent. */
static size_t
markup_skip_past(const char *p, size_t i, size_t len, const char *end)
{
	size_t n = strlen(end);

	for (; i + n <= len; i++)
		if (memcmp(p + i, end, n) == 0)
			return i + n;
	return len;
}

/* Skip a doctype starting at p[i] ("<!DOCTYPE"), internal subset included. */
static size_t
markup_skip_doctype(const char *p, size_t i, size_t len)
{
	int depth = 0;
	char quote = 0;

	for (i += 9; i < len; i++) {
		char c = p[i];

		if (quote != 0) {
			if (c == quote)
				quote = 0;
		} else if (c == '"' || c == '\'')
			quote = c;
		else if (c == '[')
			depth++;
		else if (c == ']')
			depth--;
		else if (c == '>' && depth <= 0)
			return i + 1;
	}
	return len;
}

/* Whether c may be part of an element name (ASCII subset is enough here). */
static bool
markup_name_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' ||
	    c == ':' || (unsigned char)c >= 0x80;
}

/* Whether text[0..len) has a <body tag in its first bytes. */
static bool
markup_has_body(const char *text, size_t len)
{
	size_t i, n = len < markup_limits.sniff_bytes ? len :
	    markup_limits.sniff_bytes;

	for (i = 0; i + 5 < n; i++)
		if (text[i] == '<' && markup_prefix(text + i + 1, n - i - 1,
		    "body") && !markup_name_char(text[i + 5]))
			return true;
	return false;
}

/* Recognise a document from its first markup. */
enum markup_kind
load_markup_sniff(const char *text, size_t len, char *root, size_t rootsize)
{
	bool declared = false, doctype_html = false;
	size_t i = 0, start, n;
	const char *local;

	if (root != NULL && rootsize > 0)
		root[0] = '\0';
	if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	for (;;) {
		while (i < len && (text[i] == ' ' || text[i] == '\t' ||
		    text[i] == '\r' || text[i] == '\n'))
			i++;
		if (i >= len || text[i] != '<')
			break;
		if (markup_prefix(text + i, len - i, "<?xml")) {
			declared = true;
			i = markup_skip_past(text, i, len, "?>");
		} else if (markup_prefix(text + i, len - i, "<?"))
			i = markup_skip_past(text, i, len, "?>");
		else if (markup_prefix(text + i, len - i, "<!--"))
			i = markup_skip_past(text, i + 4, len, "-->");
		else if (markup_prefix(text + i, len - i, "<!doctype")) {
			size_t j = i + 9;

			while (j < len && (text[j] == ' ' || text[j] == '\t' ||
			    text[j] == '\r' || text[j] == '\n'))
				j++;
			if (markup_prefix(text + j, len - j, "html") &&
			    (j + 4 == len || !markup_name_char(text[j + 4])))
				doctype_html = true;
			declared = true;
			i = markup_skip_doctype(text, i, len);
		} else
			break;
	}
	if (i >= len || text[i] != '<') {
		if (doctype_html || (declared && markup_has_body(text, len)))
			return MARKUP_HTML;
		return declared ? MARKUP_OTHER : MARKUP_NONE;
	}
	start = ++i;
	while (i < len && markup_name_char(text[i]))
		i++;
	n = i - start;
	if (root != NULL && rootsize > 0) {
		size_t k = n < rootsize - 1 ? n : rootsize - 1;

		/* Cut a long name at a character, not inside one. */
		if (k < n)
			while (k > 0 && ((unsigned char)text[start + k] & 0xC0) ==
			    0x80)
				k--;
		memcpy(root, text + start, k);
		root[k] = '\0';
	}
	/* A namespace prefix (nitf:nitf) does not change what it is. */
	local = memchr(text + start, ':', n);
	if (local != NULL) {
		n -= (size_t)(local + 1 - (text + start));
		start = (size_t)(local + 1 - text);
	}
	if (n == 7 && memcmp(text + start, "edition", 7) == 0)
		return MARKUP_EDITION;
	if (n == 4 && memcmp(text + start, "nitf", 4) == 0)
		return MARKUP_NITF;
	if (n == 4 && markup_prefix(text + start, n, "html"))
		return MARKUP_HTML;
	if (doctype_html || markup_has_body(text, len))
		return MARKUP_HTML;
	/*
	 * Some other root.  With an XML declaration or a doctype it is an XML
	 * document kanbao cannot read; without, a page of text that happens
	 * to start with "<" (<<人民日报>> headers exist).
	 */
	if (declared)
		return MARKUP_OTHER;
	return n > 0 && (markup_prefix(text + start, n, "head") ||
	    markup_prefix(text + start, n, "meta")) ? MARKUP_HTML : MARKUP_NONE;
}

/* Whether node is an element named name. */
bool
load_markup_is(const xmlNode *node, const char *name)
{
	return node != NULL && node->type == XML_ELEMENT_NODE &&
	    node->name != NULL && xmlStrcasecmp(node->name,
	    (const xmlChar *)name) == 0;
}

/* The first child element. */
xmlNodePtr
load_markup_first_element(const xmlNode *node)
{
	xmlNodePtr c;

	for (c = node->children; c != NULL; c = c->next)
		if (c->type == XML_ELEMENT_NODE)
			return c;
	return NULL;
}

/* The next sibling element. */
xmlNodePtr
load_markup_next_element(const xmlNode *node)
{
	xmlNodePtr c;

	for (c = node->next; c != NULL; c = c->next)
		if (c->type == XML_ELEMENT_NODE)
			return c;
	return NULL;
}

/* The next node in document order inside root. */
xmlNodePtr
load_markup_next(const xmlNode *node, const xmlNode *root, bool descend)
{
	/*
	 * Entity reference nodes are never entered: their children belong to
	 * the entity declaration and are shared by every reference.
	 */
	if (descend && node->children != NULL &&
	    node->type != XML_ENTITY_REF_NODE)
		return node->children;
	while (node != NULL && node != root) {
		if (node->next != NULL)
			return node->next;
		node = node->parent;
	}
	return NULL;
}

/* The value of an attribute, copied (caller frees). */
char *
load_markup_attr(const xmlNode *node, const char *name)
{
	xmlChar *v = xmlGetProp(node, (const xmlChar *)name);
	char *out;

	if (v == NULL)
		return NULL;
	out = xstrdup((const char *)v);
	xmlFree(v);
	return out;
}

/* The source line of a node. */
unsigned
load_markup_line(const xmlNode *node)
{
	long line = xmlGetLineNo(node);

	return line > 0 && line <= (long)UINT_MAX ? (unsigned)line : 0;
}

/* Whether an HTML element's text is never article text. */
static bool
markup_hidden_element(const xmlNode *node)
{
	size_t i;

	for (i = 0; markup_hidden[i] != NULL; i++)
		if (load_markup_is(node, markup_hidden[i]))
			return true;
	return false;
}

/*
 * Make out[start..] fit the model (edition.h: one line of text): drop
 * control and bidi characters (as the raw-text loader does, so no loader
 * lets them into an edition), and in verbatim mode turn the line-breaking
 * controls newline, CR, FF and VT into spaces (the squeezing mode
 * collapses them itself).  A tab is a space-like character the model
 * may hold, so it stays, and the round trip through export keeps it.
 */
static void
markup_drop_controls(struct buf *out, size_t start, bool verbatim)
{
	size_t i, k, w = start;
	uint32_t cp;

	for (i = start; i < out->len; i += k) {
		k = utf8_decode(out->data + i, out->len - i, &cp);
		if (cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' ||
		    cp == '\v') {
			out->data[w++] = verbatim && cp != '\t' ? ' ' : (char)cp;
			continue;
		}
		if (text_is_control(cp))
			continue;
		memmove(out->data + w, out->data + i, k);
		w += k;
	}
	out->len = w;
	if (out->data != NULL)
		out->data[w] = '\0';
}

/* Append the text of node and its descendants. */
void
load_markup_text(const xmlNode *node, struct buf *out, int flags)
{
	const xmlNode *n = node;
	size_t start = out->len;

	if (node == NULL)
		return;
	if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
		if (node->content != NULL)
			buf_puts(out, (const char *)node->content);
	} else if (node->children != NULL) {
		for (n = node->children; n != NULL;) {
			bool descend = true;

			if (n->type == XML_TEXT_NODE ||
			    n->type == XML_CDATA_SECTION_NODE) {
				if (n->content != NULL)
					buf_puts(out, (const char *)n->content);
			} else if (n->type == XML_ELEMENT_NODE) {
				if ((flags & MARKUP_TEXT_HTML) &&
				    markup_hidden_element(n))
					descend = false;
				else if (load_markup_is(n, "br"))
					buf_putc(out, '\n');
			} else
				descend = false;	/* comments, PIs, ... */
			n = load_markup_next(n, node, descend);
		}
	}
	markup_drop_controls(out, start, flags & MARKUP_TEXT_VERBATIM);
	if (!(flags & MARKUP_TEXT_VERBATIM) && out->len > start) {
		struct buf tail = BUF_INIT;

		buf_append(&tail, out->data + start, out->len - start);
		load_markup_squeeze(&tail);
		out->len = start;
		out->data[start] = '\0';
		buf_append(out, buf_str(&tail), tail.len);
		buf_free(&tail);
	}
}

/*
 * Whitespace a squeeze collapses: ASCII blanks, NBSP and the U+2000
 * spaces.  The ideographic space U+3000 is kept inside text (Chinese
 * papers indent with it) but trimmed at the ends like the others.
 */
static bool
markup_space(uint32_t cp, bool edge)
{
	if (cp == 0x3000)
		return edge;
	return text_is_space(cp) || cp == '\n' || cp == '\r' || cp == '\f' ||
	    cp == '\v';
}

/* Normalise whitespace in b: runs to one space (none for a line break
 * between CJK), ends trimmed. */
void
load_markup_squeeze(struct buf *b)
{
	struct buf out = BUF_INIT;
	const char *s = buf_str(b);
	size_t len = b->len, i = 0, k, end;
	uint32_t cp, prev = 0;
	bool pending = false, newline = false;

	/* Trim the ends first (U+3000 included there). */
	while (i < len) {
		k = utf8_decode(s + i, len - i, &cp);
		if (!markup_space(cp, true))
			break;
		i += k;
	}
	end = len;
	while (end > i) {
		size_t p = utf8_prev(s, end);

		utf8_decode(s + p, end - p, &cp);
		if (!markup_space(cp, true))
			break;
		end = p;
	}
	for (; i < end; i += k) {
		k = utf8_decode(s + i, end - i, &cp);
		if (markup_space(cp, false)) {
			pending = true;
			newline |= cp == '\n' || cp == '\r';
			continue;
		}
		/*
		 * A line break between two CJK characters is the source's
		 * line wrapping, not a space; a space typed there (记者 张三)
		 * is kept.
		 */
		if (pending && !(newline && text_is_cjk(prev) &&
		    text_is_cjk(cp)))
			buf_putc(&out, ' ');
		pending = newline = false;
		buf_append(&out, s + i, k);
		prev = cp;
	}
	buf_free(b);
	if (out.data == NULL)
		buf_puts(&out, "");
	*b = out;
}

/* Length in bytes of the role word s starts with, or 0. */
static size_t
markup_role_prefix(const char *s)
{
	size_t i, n;

	for (i = 0; markup_roles[i] != NULL; i++) {
		n = strlen(markup_roles[i]);
		if (strncmp(s, markup_roles[i], n) == 0)
			return n;
	}
	return 0;
}

/* Whether a byline token is punctuation that only separates names. */
static bool
markup_separator(uint32_t cp)
{
	return cp == 0x3001 || cp == 0xFF0C || cp == ',' || cp == ';' ||
	    cp == 0xFF1B || cp == 0xFF08 || cp == 0xFF09 || cp == '(' ||
	    cp == ')' || cp == 0x3010 || cp == 0x3011 || cp == 0x3000 ||
	    cp == 0xFF1A || cp == ':';
}

/* Append one credit, name trimmed of spaces; empty names are skipped. */
static void
markup_add_credit(struct edition *ed, struct article *a, const char *role,
    const char *name, size_t len)
{
	struct buf b = BUF_INIT;

	buf_append(&b, name, len);
	load_markup_squeeze(&b);
	if (b.len > 0)
		article_add_credit(ed, a, role, buf_str(&b));
	buf_free(&b);
}

/*
 * Split an English byline: "By Jane Doe and John Roe, Staff Writers".
 * Names are separated by commas and "and"; a part naming a job (writer,
 * correspondent, ...) is the role of the names before it.
 */
static void
markup_credits_en(struct edition *ed, struct article *a, const char *s)
{
	static const char *const jobs[] = { "writer", "correspondent",
	    "reporter", "editor", "staff", "photographer", NULL };
	size_t len = strlen(s), i = 0, j, first = a->ncredits, c;

	while (i < len) {
		size_t end = len, next = len, k;
		bool job = false;

		for (j = i; j < len; j++) {
			if (s[j] == ',' || s[j] == ';') {
				end = j, next = j + 1;
				break;
			}
			if (markup_prefix(s + j, len - j, " and ")) {
				end = j, next = j + 5;
				break;
			}
		}
		for (j = i; j < end && !job; j++)
			for (k = 0; jobs[k] != NULL; k++)
				if (markup_prefix(s + j, end - j, jobs[k]))
					job = true;
		if (job && a->ncredits > first) {
			char *role = xstrndup(s + i, end - i);
			struct buf b = BUF_INIT;

			buf_puts(&b, role);
			load_markup_squeeze(&b);
			for (c = first; c < a->ncredits; c++)
				if (a->credits[c].role == NULL)
					a->credits[c].role = edition_strdup(ed,
					    buf_str(&b));
			buf_free(&b);
			free(role);
		} else
			markup_add_credit(ed, a, NULL, s + i, end - i);
		i = next;
	}
}

/*
 * Split a Chinese byline: role words (记者, 通讯员, ...) set the role of
 * the names after them; names are separated by spaces or 、.
 */
static void
markup_credits_zh(struct edition *ed, struct article *a, const char *s)
{
	size_t len = strlen(s), i = 0, start = 0, k, rn;
	char *role = NULL;
	uint32_t cp;

	for (;;) {
		bool at_end = i >= len;

		cp = 0;
		k = at_end ? 0 : utf8_decode(s + i, len - i, &cp);
		if (at_end || text_is_space(cp) || markup_separator(cp)) {
			if (i > start) {
				char *tok = xstrndup(s + start, i - start);

				rn = markup_role_prefix(tok);
				/*
				 * A role alone (记者), or a role of two or more
				 * characters written against the name (记者张三);
				 * a one-character role (文, 图) only alone, or
				 * 文清 would lose its 文.
				 */
				if (rn > 0 && rn < strlen(tok) &&
				    utf8_count(tok, rn) < 2)
					rn = 0;
				if (rn > 0) {
					free(role);
					role = xstrndup(tok, rn);
				}
				if (strcmp(tok + rn, "和") != 0)
					markup_add_credit(ed, a, role, tok + rn,
					    strlen(tok + rn));
				free(tok);
			}
			if (at_end)
				break;
			start = i + k;
		}
		i += k;
	}
	free(role);
}

/* Split a byline into credits. */
void
load_markup_credits(struct edition *ed, struct article *a, const char *byline)
{
	size_t len;

	if (byline == NULL)
		return;
	len = strlen(byline);
	if (markup_prefix(byline, len, "by "))
		markup_credits_en(ed, a, byline + 3);
	else
		markup_credits_zh(ed, a, byline);
}

/* Whether s looks like a byline. */
bool
load_markup_is_byline(const char *s)
{
	size_t len = strlen(s), i = 0, k;
	uint32_t cp;

	if (utf8_count(s, len) > markup_limits.byline_max || len == 0)
		return false;
	if (markup_prefix(s, len, "by "))
		return true;
	/* Skip an opening bracket: （记者 张三） */
	k = utf8_decode(s, len, &cp);
	if (cp == 0xFF08 || cp == '(' || cp == 0x3010)
		i = k;
	return markup_role_prefix(s + i) > 0 &&
	    strncmp(s + i, "文", 3) != 0 && strncmp(s + i, "图", 3) != 0;
}

/* The length of a dateline opening a lead paragraph, or 0. */
size_t
load_markup_dateline_len(const char *lead)
{
	size_t len = strlen(lead), i = 0, k, count = 0;
	uint32_t cp;

	/* Leading ideographic spaces are indentation, not dateline. */
	while (i < len) {
		k = utf8_decode(lead + i, len - i, &cp);
		if (!text_is_space(cp))
			break;
		i += k;
	}
	if (strncmp(lead + i, "本报讯", strlen("本报讯")) == 0)
		return i + strlen("本报讯");
	while (i < len && count < markup_limits.dateline_max) {
		k = utf8_decode(lead + i, len - i, &cp);
		if (!text_is_han(cp) && !(cp >= '0' && cp <= '9') &&
		    !(cp >= 0xFF10 && cp <= 0xFF19))
			return 0;
		i += k;
		count++;
		/* 电 or 讯 ends it: 新华社北京12月23日电, 本报上海讯. */
		if (count >= 3 && (cp == 0x7535 || cp == 0x8BAF) &&
		    (i == len || (utf8_decode(lead + i, len - i, &cp), false) ||
		    cp == 0xFF08 || cp == '(' || text_is_space(cp) ||
		    cp == 0x3000 || cp == 0xFF1A || cp == 0xFF0C))
			return i;
	}
	return 0;
}
