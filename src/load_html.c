/*
 * load_html.c - read an HTML article page as one article.
 *
 * Two kinds of pages matter.  The digital editions of Chinese papers put
 * each article on a page of its own with a regular shape:
 *
 *   <div class="article">
 *     <h3>引题</h3> <h1>主题</h1> <h2>副题</h2>
 *     <p class="sec">本报记者 张三</p>
 *     <div id="ozoom"> <p>　　本报北京12月23日电 ...</p> ... </div>
 *
 * and generic news pages bury the story among navigation, teasers, ads
 * and comments.  Both go through the same pipeline, a small cousin of
 * Mozilla's Readability:
 *
 *   1. prune: drop what is never the story (scripts, styles, forms,
 *      nav/aside/footer, and elements whose class or id says ad, share,
 *      comment, related, ... unless they also say article or content);
 *   2. score: every leaf block of 20+ characters gives points (one, one
 *      per comma, one per 100 characters up to three) to its parent, half
 *      to its grandparent and less further up; a candidate starts from a
 *      bonus or malus for its tag and its class/id, and its total is
 *      scaled by (1 - link density) so link lists lose;
 *   3. the best candidate is the container; its paragraphs in document
 *      order are the body (<br> splits, link-dense blocks dropped);
 *   4. the headline group is the h1 nearest before the body (searching
 *      the container, then its ancestors), with the headings just before
 *      it as kickers (引题) and just after it as subs (副题); failing an
 *      h1, the page title;
 *   5. the byline is a short element between the headline and the body
 *      (or the first paragraph) that starts with a credit word (记者,
 *      通讯员, By ...) or has class byline/author.
 *
 * libxml2's HTML parser caps nesting at 256 levels, so the recursive
 * text walk is bounded; HTML_WALK_MAX_DEPTH guards it anyway.
 */
#include "config.h"

#include "load_html.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include "buf.h"
#include "edition.h"
#include "i18n.h"
#include "load_markup.h"
#include "text.h"
#include "xalloc.h"

/* Scoring and extraction constants (Readability's, tuned for CJK). */
static const struct {
	size_t	min_chars;	/* shortest leaf block that scores */
	double	chars_per_point;/* characters worth one point */
	double	max_length_pts;	/* cap of the length points */
	double	class_weight;	/* class/id says content (+) or junk (-) */
	double	link_dense;	/* a block above this link density is junk */
	int	ancestor_levels;/* how far up a paragraph's score goes */
	int	headline_levels;/* ancestors searched for the h1 */
	int	byline_nodes;	/* nodes looked at for a byline */
	int	max_depth;	/* recursion guard (libxml2 stops at 256) */
} html_tune = {
	20,	/* a real sentence; menus and buttons are shorter */
	100.0,	/* as Readability */
	3.0,
	25.0,
	0.5,	/* more link than text: a list of links */
	5,
	6,	/* article > wrapper > column > page: enough */
	40,
	300
};

/* Elements that are never the story: removed before scoring. */
static const char *const html_junk_tags[] = {
	"script", "style", "noscript", "template", "iframe", "svg", "canvas",
	"object", "embed", "select", "textarea", "button", "input", "nav",
	"aside", "footer", "menu", "dialog", NULL
};

/* Block-level elements: they end a paragraph. */
static const char *const html_block_tags[] = {
	"p", "div", "section", "article", "main", "header", "footer",
	"aside", "nav", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li",
	"dl", "dt", "dd", "table", "thead", "tbody", "tfoot", "tr", "td",
	"th", "blockquote", "pre", "figure", "figcaption", "address",
	"center", "hr", "form", "fieldset", "details", "summary", "caption",
	NULL
};

/* class/id words of junk (matched as substrings, lower case). */
static const char *const html_negative[] = {
	"comment", "footer", "sidebar", "related", "recommend", "share",
	"social", "advert", "sponsor", "banner", "breadcrumb", "menu",
	"navbar", "nav-", "popup", "promo", "widget", "masthead",
	"copyright", "toolbar", "login", "subscribe", "hot-list", "rank",
	NULL
};

/* class/id tokens of ads (matched whole: "ad" must not hit "header"). */
static const char *const html_ad_tokens[] = {
	"ad", "ads", "gg", "adsbygoogle", "advertisement", "nav", NULL
};

/* class/id words of the story itself (substrings, lower case). */
static const char *const html_positive[] = {
	"article", "content", "body", "main", "text", "story", "entry",
	"post", "ozoom", "detail", "zoom", NULL
};

/* A scored candidate container. */
struct html_cand {
	xmlNodePtr	node;
	double		score;
};

/* State of one page's extraction. */
struct html_ctx {
	struct edition	*ed;
	struct article	*a;
	struct html_cand *cands;
	size_t		 ncands, capcands;
	const xmlNode	*excluded[16];	/* headline lines and byline */
	const xmlNode	*first_para;	/* where the body starts */
	bool		 started;	/* the walk has reached it */
	size_t		 nexcluded;
	struct buf	 pending;	/* text of the paragraph being built */
	size_t		 pending_link;	/* bytes of it inside <a> */
	unsigned	 pending_line;
	unsigned	 first_line;
	size_t		 nblocks;
	bool		 byline_done;
};

/* Whether node is an element named like one of names. */
static bool
html_is_any(const xmlNode *node, const char *const *names)
{
	size_t i;

	for (i = 0; names[i] != NULL; i++)
		if (load_markup_is(node, names[i]))
			return true;
	return false;
}

/* Whether node is a heading h1..h6. */
static int
html_heading_level(const xmlNode *node)
{
	if (node == NULL || node->type != XML_ELEMENT_NODE ||
	    (node->name[0] != 'h' && node->name[0] != 'H') ||
	    node->name[1] < '1' || node->name[1] > '6' || node->name[2] != 0)
		return 0;
	return node->name[1] - '0';
}

/* class and id of node, lower-cased, space separated (caller frees). */
static char *
html_class_id(const xmlNode *node)
{
	char *cls = load_markup_attr(node, "class");
	char *id = load_markup_attr(node, "id");
	char *out, *p;

	out = xasprintf("%s %s", cls != NULL ? cls : "", id != NULL ? id : "");
	free(cls);
	free(id);
	for (p = out; *p != '\0'; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p - 'A' + 'a');
	return out;
}

/* Whether a word of words occurs in s. */
static bool
html_has_word(const char *s, const char *const *words)
{
	size_t i;

	for (i = 0; words[i] != NULL; i++)
		if (strstr(s, words[i]) != NULL)
			return true;
	return false;
}

/* Whether one of the whitespace/-/_ separated tokens of s is in tokens. */
static bool
html_has_token(const char *s, const char *const *tokens)
{
	size_t i, n;
	const char *p = s;

	while (*p != '\0') {
		while (*p == ' ' || *p == '-' || *p == '_')
			p++;
		n = strcspn(p, " -_");
		for (i = 0; n > 0 && tokens[i] != NULL; i++)
			if (strlen(tokens[i]) == n &&
			    strncmp(p, tokens[i], n) == 0)
				return true;
		p += n;
	}
	return false;
}

/* +1 when class/id says story, -1 when junk, 0 otherwise. */
static int
html_class_sign(const xmlNode *node)
{
	char *ci = html_class_id(node);
	int sign = 0;

	if (html_has_word(ci, html_positive))
		sign = 1;
	else if (html_has_word(ci, html_negative) ||
	    html_has_token(ci, html_ad_tokens))
		sign = -1;
	free(ci);
	return sign;
}

/* Whether node's subtree holds an h1. */
static bool
html_has_h1(const xmlNode *node)
{
	const xmlNode *n;

	for (n = node->children; n != NULL;
	    n = load_markup_next(n, node, true))
		if (load_markup_is(n, "h1"))
			return true;
	return false;
}

/* Whether node's subtree holds a <p>. */
static bool
html_has_p(const xmlNode *node)
{
	const xmlNode *n;

	for (n = node->children; n != NULL;
	    n = load_markup_next(n, node, true))
		if (load_markup_is(n, "p"))
			return true;
	return false;
}

/*
 * Whether an element is junk: a junk tag, a header without the h1, a form
 * without paragraphs (a page-wide ASP.NET form holds the story), or a
 * class/id that says junk and not story.
 */
static bool
html_is_junk(const xmlNode *node)
{
	if (html_is_any(node, html_junk_tags))
		return true;
	if (load_markup_is(node, "header"))
		return !html_has_h1(node);
	if (load_markup_is(node, "form"))
		return !html_has_p(node);
	if (load_markup_is(node, "body") || load_markup_is(node, "html") ||
	    load_markup_is(node, "a"))
		return false;
	return html_class_sign(node) < 0 && !html_has_h1(node);
}

/* Remove junk elements and comments from the tree under root. */
static void
html_prune(xmlNodePtr root)
{
	xmlNodePtr n = root->children, victim;

	while (n != NULL) {
		if (n->type == XML_COMMENT_NODE || n->type == XML_PI_NODE ||
		    (n->type == XML_ELEMENT_NODE && html_is_junk(n))) {
			victim = n;
			n = load_markup_next(n, root, false);
			xmlUnlinkNode(victim);
			xmlFreeNode(victim);
			continue;
		}
		n = load_markup_next(n, root, n->type == XML_ELEMENT_NODE);
	}
}

/* Whether node is a block element or holds one. */
static bool
html_has_block(const xmlNode *node)
{
	const xmlNode *n;

	if (html_is_any(node, html_block_tags))
		return true;
	for (n = node->children; n != NULL;
	    n = load_markup_next(n, node, true))
		if (html_is_any(n, html_block_tags))
			return true;
	return false;
}

/* Whether node is a leaf block: a block element holding no other block. */
static bool
html_is_leaf_block(const xmlNode *node)
{
	const xmlNode *n;

	if (!html_is_any(node, html_block_tags))
		return false;
	for (n = node->children; n != NULL;
	    n = load_markup_next(n, node, true))
		if (html_is_any(n, html_block_tags))
			return false;
	return true;
}

/* Characters of text and of link text under node. */
static void
html_measure(const xmlNode *node, size_t *chars, size_t *link)
{
	const xmlNode *n, *up;

	*chars = *link = 0;
	for (n = node->children; n != NULL;
	    n = load_markup_next(n, node, n->type == XML_ELEMENT_NODE)) {
		size_t k;

		if (n->type != XML_TEXT_NODE || n->content == NULL)
			continue;
		k = utf8_count((const char *)n->content,
		    strlen((const char *)n->content));
		*chars += k;
		for (up = n->parent; up != NULL && up != node; up = up->parent)
			if (load_markup_is(up, "a")) {
				*link += k;
				break;
			}
	}
}

/* The candidate record of node, created with its base score. */
static struct html_cand *
html_candidate(struct html_ctx *h, xmlNodePtr node)
{
	struct html_cand *c;
	double base = 0;
	uintptr_t idx = (uintptr_t)node->_private;

	if (idx != 0)
		return &h->cands[idx - 1];
	if (h->ncands == h->capcands) {
		h->capcands = h->capcands == 0 ? 64 : h->capcands * 2;
		h->cands = xreallocarray(h->cands, h->capcands,
		    sizeof *h->cands);
	}
	if (load_markup_is(node, "div") || load_markup_is(node, "article"))
		base = 5;
	else if (load_markup_is(node, "pre") || load_markup_is(node, "td") ||
	    load_markup_is(node, "blockquote"))
		base = 3;
	else if (load_markup_is(node, "ol") || load_markup_is(node, "ul") ||
	    load_markup_is(node, "li") || load_markup_is(node, "dl") ||
	    load_markup_is(node, "form") || load_markup_is(node, "address"))
		base = -3;
	else if (html_heading_level(node) > 0 || load_markup_is(node, "th"))
		base = -5;
	base += html_tune.class_weight * html_class_sign(node);
	c = &h->cands[h->ncands++];
	c->node = node;
	c->score = base;
	node->_private = (void *)(uintptr_t)h->ncands;
	return c;
}

/* Score the leaf blocks under body; returns the best container or body. */
static xmlNodePtr
html_choose(struct html_ctx *h, xmlNodePtr body)
{
	xmlNodePtr n, up, best = body;
	double best_score = 0;
	size_t i;

	for (n = body->children; n != NULL;
	    n = load_markup_next(n, body, n->type == XML_ELEMENT_NODE)) {
		size_t chars, commas = 0;
		const char *p;
		double score;
		int level;
		struct buf b = BUF_INIT;

		if (!html_is_leaf_block(n) || html_heading_level(n) > 0)
			continue;
		load_markup_text(n, &b, MARKUP_TEXT_HTML);
		chars = utf8_count(b.data != NULL ? b.data : "", b.len);
		for (p = buf_str(&b); *p != '\0'; p++)
			if (*p == ',' || strncmp(p, "，", 3) == 0 ||
			    strncmp(p, "、", 3) == 0)
				commas++;
		buf_free(&b);
		if (chars < html_tune.min_chars)
			continue;
		score = 1 + (double)commas + ((double)chars /
		    html_tune.chars_per_point < html_tune.max_length_pts ?
		    (double)chars / html_tune.chars_per_point :
		    html_tune.max_length_pts);
		for (up = n->parent, level = 0; up != NULL &&
		    up->type == XML_ELEMENT_NODE &&
		    level < html_tune.ancestor_levels; up = up->parent,
		    level++) {
			double div = level == 0 ? 1 : level == 1 ? 2 :
			    level * 3;

			html_candidate(h, up)->score += score / div;
			if (up == body)
				break;
		}
	}
	for (i = 0; i < h->ncands; i++) {
		size_t chars, link;
		double s;

		html_measure(h->cands[i].node, &chars, &link);
		s = h->cands[i].score * (chars > 0 ? 1.0 - (double)link /
		    (double)chars : 0);
		if (best == body || s > best_score) {
			best = h->cands[i].node;
			best_score = s;
		}
	}
	for (i = 0; i < h->ncands; i++)
		h->cands[i].node->_private = NULL;
	return best;
}

/* Whether node was taken as a headline line or the byline. */
static bool
html_excluded(const struct html_ctx *h, const xmlNode *node)
{
	size_t i;

	for (i = 0; i < h->nexcluded; i++)
		if (h->excluded[i] == node)
			return true;
	return false;
}

/* Remember node as taken (headline line or byline). */
static void
html_exclude(struct html_ctx *h, const xmlNode *node)
{
	if (h->nexcluded < sizeof h->excluded / sizeof h->excluded[0])
		h->excluded[h->nexcluded++] = node;
}

/* The squeezed text of node (caller frees). */
static char *
html_text(const xmlNode *node)
{
	struct buf b = BUF_INIT;

	load_markup_text(node, &b, MARKUP_TEXT_HTML);
	return buf_detach(&b);
}

/* The first leaf block with text under container (the body's start). */
static const xmlNode *
html_first_para(const xmlNode *container)
{
	const xmlNode *n;

	/* A <div> of text and <br>s is its own first paragraph. */
	if (html_is_leaf_block(container))
		return container;
	for (n = container->children; n != NULL;
	    n = load_markup_next(n, container, n->type == XML_ELEMENT_NODE)) {
		if (html_is_leaf_block(n) && html_heading_level(n) == 0) {
			char *t = html_text(n);
			bool some = *t != '\0';

			free(t);
			if (some)
				return n;
		}
	}
	return NULL;
}

/* The last h1 in scope before stop in document order (NULL if none). */
static const xmlNode *
html_h1_before(const xmlNode *scope, const xmlNode *stop)
{
	const xmlNode *n, *found = NULL;

	for (n = scope->children; n != NULL && n != stop;
	    n = load_markup_next(n, scope, n->type == XML_ELEMENT_NODE))
		if (load_markup_is(n, "h1")) {
			char *t = html_text(n);

			if (*t != '\0')
				found = n;
			free(t);
		}
	return found;
}

/* Add a heading as a headline line unless it is empty. */
static void
html_add_heading(struct html_ctx *h, const xmlNode *node,
    enum headline_role role)
{
	char *t = html_text(node);

	if (*t != '\0')
		article_add_headline(h->ed, h->a, t, role, false);
	free(t);
	html_exclude(h, node);
}

/*
 * Find the headline group: the h1 nearest before the body, with the
 * headings just before it (kickers) and after it (subs).  Returns the
 * last node of the group, or NULL when there is no h1.
 */
static const xmlNode *
html_headlines(struct html_ctx *h, const xmlNode *container,
    const xmlNode *first_para, const xmlNode *body)
{
	const xmlNode *scope = container, *h1 = NULL, *n, *last;
	const xmlNode *kickers[4];
	size_t nk = 0;
	int level;

	for (level = 0; scope != NULL && level < html_tune.headline_levels;
	    level++) {
		if ((h1 = html_h1_before(scope, first_para)) != NULL)
			break;
		if (scope == body)
			break;
		scope = scope->parent;
	}
	if (h1 == NULL)
		return NULL;
	/* Kickers in printed order: collect backwards, add forwards. */
	for (n = h1->prev; n != NULL && nk < 4; n = n->prev) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (html_heading_level(n) < 2)
			break;
		kickers[nk++] = n;
	}
	while (nk > 0)
		html_add_heading(h, kickers[--nk], HEADLINE_KICKER);
	html_add_heading(h, h1, HEADLINE_MAIN);
	last = h1;
	for (n = h1->next; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (html_heading_level(n) < 2)
			break;
		html_add_heading(h, n, HEADLINE_SUB);
		last = n;
	}
	return last;
}

/* Whether node's class or id marks a byline. */
static bool
html_byline_class(const xmlNode *node)
{
	static const char *const words[] = { "byline", "author", NULL };
	char *ci = html_class_id(node);
	bool yes = html_has_word(ci, words);

	free(ci);
	return yes;
}

/* Take text as the byline. */
static void
html_set_byline(struct html_ctx *h, const char *text)
{
	article_set_byline(h->ed, h->a, text);
	load_markup_credits(h->ed, h->a, text);
	h->byline_done = true;
}

/* Look for the byline between the headline group and the body. */
static void
html_find_byline(struct html_ctx *h, const xmlNode *from,
    const xmlNode *first_para, const xmlNode *body)
{
	const xmlNode *n;
	int seen = 0;

	for (n = load_markup_next(from, body, false); n != NULL &&
	    n != first_para && seen < html_tune.byline_nodes;
	    n = load_markup_next(n, body, n->type == XML_ELEMENT_NODE)) {
		char *t;

		if (n->type != XML_ELEMENT_NODE ||
		    (html_has_block(n) && !html_is_leaf_block(n)))
			continue;
		seen++;
		t = html_text(n);
		if (*t != '\0' && (load_markup_is_byline(t) ||
		    (html_byline_class(n) && utf8_count(t, strlen(t)) <
		    60))) {
			html_set_byline(h, t);
			html_exclude(h, n);
			free(t);
			return;
		}
		free(t);
	}
}

/* End the paragraph being built: add it as a block of kind. */
static void
html_flush(struct html_ctx *h, enum block_kind kind)
{
	size_t chars, link = h->pending_link;

	load_markup_squeeze(&h->pending);
	chars = h->pending.len;
	if (chars == 0)
		goto done;
	/* A block that is mostly links is a list of links, not text. */
	if (kind == BLOCK_PARAGRAPH && (double)link > html_tune.link_dense *
	    (double)chars)
		goto done;
	if (!h->byline_done && h->nblocks < 2 &&
	    load_markup_is_byline(buf_str(&h->pending))) {
		html_set_byline(h, buf_str(&h->pending));
		goto done;
	}
	if (h->nblocks == 0) {
		size_t dl = load_markup_dateline_len(buf_str(&h->pending));

		h->first_line = h->pending_line;
		if (dl > 0 && h->a->dateline == NULL) {
			char *d = xstrndup(buf_str(&h->pending), dl);
			struct buf b = BUF_INIT;

			buf_puts(&b, d);
			load_markup_squeeze(&b);
			article_set_dateline(h->ed, h->a, buf_str(&b));
			buf_free(&b);
			free(d);
		}
	}
	article_add_block(h->ed, h->a, kind, buf_str(&h->pending));
	h->nblocks++;
done:
	buf_clear(&h->pending);
	h->pending_link = 0;
	h->pending_line = 0;
}

/* The block kind of a block element inside the body. */
static enum block_kind
html_kind(const xmlNode *node, enum block_kind outer)
{
	if (html_heading_level(node) > 0)
		return BLOCK_SUBHEAD;
	if (load_markup_is(node, "figcaption") ||
	    load_markup_is(node, "caption"))
		return BLOCK_CAPTION;
	return outer;
}

/*
 * Walk the children of node, building paragraphs: text accumulates until
 * a block element or <br> ends it.  Recursive; depth is bounded by
 * libxml2's own nesting limit and html_tune.max_depth.
 */
static void
html_walk(struct html_ctx *h, const xmlNode *node, enum block_kind kind,
    bool in_link, int depth)
{
	const xmlNode *c;

	if (depth > html_tune.max_depth)
		return;
	for (c = node->children; c != NULL; c = c->next) {
		if (c == h->first_para)
			h->started = true;
		if (c->type == XML_TEXT_NODE && c->content != NULL) {
			size_t before = h->pending.len;

			if (!h->started)
				continue;	/* before the body: not body */

			if (h->pending_line == 0)
				h->pending_line = load_markup_line(c);
			buf_puts(&h->pending, (const char *)c->content);
			if (in_link)
				h->pending_link += h->pending.len - before;
			continue;
		}
		if (c->type != XML_ELEMENT_NODE || html_excluded(h, c) ||
		    html_is_any(c, html_junk_tags) ||
		    load_markup_is(c, "head"))
			continue;
		if (load_markup_is(c, "br") || load_markup_is(c, "hr")) {
			html_flush(h, kind);
			continue;
		}
		if (html_is_any(c, html_block_tags)) {
			enum block_kind inner = html_kind(c, kind);

			html_flush(h, kind);
			html_walk(h, c, inner, in_link, depth + 1);
			html_flush(h, inner);
		} else
			html_walk(h, c, kind, in_link || load_markup_is(c, "a"),
			    depth + 1);
	}
}

/* The page title: <title> in the document, squeezed (caller frees). */
static char *
html_title(const xmlNode *root)
{
	const xmlNode *n;

	for (n = root; n != NULL; n = load_markup_next(n, root,
	    n->type == XML_ELEMENT_NODE))
		if (load_markup_is(n, "title")) {
			struct buf b = BUF_INIT;

			load_markup_text(n, &b, 0);
			return buf_detach(&b);
		}
	return xstrdup("");
}

/*
 * A headline from the page title when the page has no h1: the longest
 * part between the site-name separators (" - ", " | ", "_", "--").
 */
static void
html_title_headline(struct html_ctx *h, const char *title)
{
	static const char *const seps[] = { " - ", " | ", "_", "--", " — ",
	    NULL };
	const char *p = title, *best = title, *q;
	size_t best_len = 0, i, n;

	while (*p != '\0') {
		size_t cut = strlen(p), skip = 0;

		for (i = 0; seps[i] != NULL; i++)
			if ((q = strstr(p, seps[i])) != NULL &&
			    (size_t)(q - p) < cut) {
				cut = (size_t)(q - p);
				skip = strlen(seps[i]);
			}
		if (cut > best_len) {
			best = p;
			best_len = cut;
		}
		p += cut + skip;
	}
	if (best_len > 0) {
		struct buf b = BUF_INIT;

		buf_append(&b, best, best_len);
		load_markup_squeeze(&b);
		n = b.len;
		if (n > 0)
			article_add_headline(h->ed, h->a, buf_str(&b),
			    HEADLINE_MAIN, false);
		buf_free(&b);
	}
}

/* Load an HTML page. */
int
load_html(struct edition *ed, const char *text, size_t len, const char *path,
    const char *name, char **cause)
{
	struct html_ctx h;
	struct section *s;
	xmlDocPtr doc;
	xmlNodePtr root, body, n, container;
	const xmlNode *first_para, *group_end;
	char *title;

	if ((doc = load_markup_read_html(text, len, path, cause)) == NULL)
		return -1;
	root = xmlDocGetRootElement(doc);
	title = html_title(root);
	body = NULL;
	for (n = root; n != NULL && body == NULL;
	    n = load_markup_next(n, root, n->type == XML_ELEMENT_NODE))
		if (load_markup_is(n, "body"))
			body = n;
	if (body == NULL)
		body = root;

	memset(&h, 0, sizeof h);
	html_prune(body);
	container = html_choose(&h, body);
	first_para = html_first_para(container);
	if (first_para == NULL) {
		*cause = xstrdup(_("no article text in this page"));
		free(h.cands);
		free(title);
		xmlFreeDoc(doc);
		return -1;
	}

	s = edition_add_section(ed, *title != '\0' ? title : name, path);
	h.ed = ed;
	h.a = section_add_article(ed, s);
	group_end = html_headlines(&h, container, first_para, body);
	if (group_end == NULL)
		html_title_headline(&h, title);
	if (group_end != NULL)
		html_find_byline(&h, group_end, first_para, body);
	h.first_para = first_para;
	h.started = first_para == container;
	html_walk(&h, container, BLOCK_PARAGRAPH, false, 0);
	html_flush(&h, BLOCK_PARAGRAPH);
	article_set_source(ed, h.a, path, h.first_line);

	buf_free(&h.pending);
	free(h.cands);
	free(title);
	xmlFreeDoc(doc);
	return 1;
}
