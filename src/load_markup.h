/*
 * load_markup.h - what the three markup loaders (edition XML, NITF, HTML)
 * share: recognising a document, parsing it safely with libxml2, turning
 * libxml2's errors into one "LINE: message", and getting text out of a
 * tree.
 *
 * Files are untrusted.  Every parse goes through load_markup_read_xml() or
 * load_markup_read_html(), which never touch the network or the file
 * system, never load a DTD, expand entities only under libxml2's
 * amplification guard, and never print to stderr (which would paint over
 * the curses screen).  See the top of load_markup.c for why each option is
 * what it is.
 */
#ifndef KANBAO_LOAD_MARKUP_H
#define KANBAO_LOAD_MARKUP_H

#include <stdbool.h>
#include <stddef.h>

#include <libxml/tree.h>

struct article;
struct buf;
struct edition;

/* What a decoded document is, judged from its first markup. */
enum markup_kind {
	MARKUP_NONE = 0,	/* not markup: raw page text */
	MARKUP_EDITION,		/* kanbao edition XML: root <edition> */
	MARKUP_NITF,		/* NITF: root <nitf> */
	MARKUP_HTML,		/* an HTML page */
	MARKUP_OTHER		/* XML with some other root: not readable */
};

/*
 * Recognise text[0..len) (UTF-8): skip a BOM, blanks, the XML declaration,
 * comments, processing instructions and a doctype, then look at the root
 * element's name.  HTML is also recognised by <!DOCTYPE html> or a <body>
 * tag near the start.  When root is not NULL it receives the root element
 * name (truncated to rootsize - 1 bytes) for error messages.
 */
enum markup_kind load_markup_sniff(const char *text, size_t len, char *root,
		    size_t rootsize);

/*
 * Make libxml2 safe to use: initialise it and install the deny-all external
 * entity loader.  Idempotent; the read functions call it, so callers need
 * not.  (The loader is process-wide libxml2 configuration, set to the same
 * value every time, not state that changes.)
 */
void		 load_markup_init(void);

/*
 * Parse text[0..len) (UTF-8, whatever its declaration says) as XML.  path
 * names the document in errors.  Returns the document (free with
 * xmlFreeDoc), or NULL with *cause set (caller frees) to "LINE: message"
 * for the first fatal error: malformed markup, an entity loop or
 * amplification, nesting deeper than libxml2's limit.
 */
xmlDocPtr	 load_markup_read_xml(const char *text, size_t len,
		     const char *path, char **cause);

/*
 * Parse text[0..len) (UTF-8) as HTML, recovering from errors as browsers
 * do.  Returns the document (free with xmlFreeDoc), or NULL with *cause set
 * when not even a recovered tree could be built.
 */
xmlDocPtr	 load_markup_read_html(const char *text, size_t len,
		     const char *path, char **cause);

/*
 * Format a libxml2 error as "LINE: message" (caller frees).  Used for the
 * parser's errors here and by load_xml.c for RELAX NG errors.
 */
char		*load_markup_format_error(const xmlError *err);

/* Whether node is an element named name (local name, any namespace). */
bool		 load_markup_is(const xmlNode *node, const char *name);

/* The first child element of node, or NULL. */
xmlNodePtr	 load_markup_first_element(const xmlNode *node);

/* The next sibling element of node, or NULL. */
xmlNodePtr	 load_markup_next_element(const xmlNode *node);

/*
 * The node after node in document order inside root: its first child when
 * descend is true and it has one, else its next sibling, else the next
 * sibling of the nearest ancestor below root that has one.  NULL at the
 * end of root.  Lets the loaders walk trees without recursion.
 */
xmlNodePtr	 load_markup_next(const xmlNode *node, const xmlNode *root,
		     bool descend);

/* The value of attribute name of node (caller frees), or NULL if absent. */
char		*load_markup_attr(const xmlNode *node, const char *name);

/* The 1-based source line of node (0 when unknown). */
unsigned	 load_markup_line(const xmlNode *node);

/* How load_markup_text() treats the text it collects. */
#define MARKUP_TEXT_VERBATIM	0x1	/* keep whitespace as written */
#define MARKUP_TEXT_HTML	0x2	/* skip script, style and the like */

/*
 * Append the text of node and its descendants to out, in document order.
 * Comments and processing instructions are skipped.  Unless
 * MARKUP_TEXT_VERBATIM, whitespace is normalised: runs become one space
 * (none at all when a line break separates two CJK characters: there it
 * is the source's wrapping, not a space in print) and the ends are
 * trimmed; <br> counts as a line break.
 */
void		 load_markup_text(const xmlNode *node, struct buf *out,
		     int flags);

/* Normalise the whitespace of b in place, as load_markup_text() does. */
void		 load_markup_squeeze(struct buf *b);

/*
 * Split a printed byline ("本报记者 张三 李四 通讯员 王五", "By Jane Doe
 * and John Roe") into credits and append them to a: each name gets the
 * role word printed before it (记者, 通讯员, ...), or none.
 */
void		 load_markup_credits(struct edition *ed, struct article *a,
		     const char *byline);

/*
 * Whether s looks like a byline: short, and starting with a credit role
 * word (本报记者, 记者, 通讯员, ...) or "By ".
 */
bool		 load_markup_is_byline(const char *s);

/*
 * The length in bytes of the printed dateline that opens a lead paragraph
 * (本报讯, 本报北京12月23日电, 新华社北京12月23日电), or 0 when none.
 */
size_t		 load_markup_dateline_len(const char *lead);

#endif
