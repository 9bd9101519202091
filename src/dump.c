/*
 * dump.c - the non-interactive views: --list (a table of contents) and
 * --dump (articles as wrapped plain text).
 *
 * Both write to a FILE, usually a pipe or a terminal without curses, so
 * this file is the chokepoint's second customer: every string from the
 * edition goes through sanitize_display() before it is measured or
 * printed, and every column is counted in display cells (width.h), never
 * in bytes, so a table of Chinese headlines stays aligned.
 *
 * The formats, chosen to read well and to be easy to grep:
 *
 *   --list:   Edition: 郑州日报 (1 section, 2 articles; GB18030)
 *
 *             Section 1: p.1 第01版：要闻 (2 articles)
 *               1  headline padded to a column  byline padded    1234
 *               2  ~headline made from the lead  记者 王译博      567
 *
 *   The printed page number ("p.1 ") is shown only when the loader found
 *   it; a section of unknown page reads "Section 1: 第01版：要闻".
 *   A headline the paper did not print (kanbao made it from the lead) is
 *   marked with a leading "~", the usual sign for "approximately".  The
 *   article lines all have the same display width (DUMP_LIST_WIDTH).
 *
 *   --dump:   headline lines (kicker, main, sub, in printed order; "~" as
 *             above), the byline, a blank line, then the paragraphs with a
 *             first-line indent of two ideographic spaces "　　" (the
 *             convention of Chinese text; 4 columns), subheads as
 *             【subhead】 and captions as 〔图〕caption, each between blank
 *             lines.  Articles are separated by a line of dashes.
 *             An edition of several sections gets a header line before
 *             each: "==== Section 2: p.2 第02版：要闻 ====".
 *
 *   --list --format=json: one JSON object per article (dump.h).
 *
 * The decorations use only characters that are not East Asian Ambiguous,
 * so they take the same width in every terminal (cjk-layout.md 1.8 e).
 */
#include "config.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "bookmarks.h"
#include "buf.h"
#include "dump.h"
#include "edition.h"
#include "json.h"
#include "layout.h"
#include "sanitize.h"
#include "width.h"
#include "xalloc.h"

/* Sizes of the text views. */
enum {
	/*
	 * Width of a --list article line: one less than the classic 80 so
	 * that a terminal of 80 columns never auto-wraps at the last cell
	 * (cjk-layout.md R4).
	 */
	DUMP_LIST_WIDTH = 79,
	DUMP_LIST_NUM_MIN = 3,		/* columns for the article number */
	DUMP_LIST_LEN_MIN = 5,		/* columns for the length */
	DUMP_LIST_BYLINE = 16,		/* byline columns: 8 CJK characters */
	DUMP_LIST_GAP = 2,		/* spaces between columns */
	DUMP_LIST_MARK = 2,		/* the read mark and a space */
	DUMP_INDENT_COLS = 4,		/* "　　" */
	/* Below this width an indent would eat too much of each line. */
	DUMP_INDENT_MIN_WIDTH = 16,
	DUMP_RULE_MAX = 40		/* longest separator line */
};

#define DUMP_INDENT		"\u3000\u3000"	/* 　　 first-line indent */
#define DUMP_INFERRED		"~"		/* marks an inferred headline */
#define DUMP_UNTITLED		"(untitled)"	/* no headline, no lead */
#define DUMP_PAGE		"p.%u "		/* printed page, before a title */
#define DUMP_SUBHEAD_OPEN	"【"
#define DUMP_SUBHEAD_CLOSE	"】"
#define DUMP_CAPTION		"〔图〕"
#define DUMP_SECTION_MARK	"===="		/* around a section header */

/* Output state of --dump: avoids doubled blank lines. */
struct dump_out {
	FILE	*f;
	size_t	 width;
	int	 blank;		/* the last line written was blank (or none) */
};

/* Number of decimal digits of v. */
static size_t
dump_digits(size_t v)
{
	size_t n = 1;

	while (v >= 10) {
		v /= 10;
		n++;
	}
	return n;
}

/* The largest of two sizes. */
static size_t
dump_max(size_t a, size_t b)
{
	return a > b ? a : b;
}

/*
 * The headline shown for an article: its main line, marked when
 * inferred.  Returns a sanitised string; caller frees.
 */
static char *
dump_headline(const struct article *a)
{
	const char *t = article_title(a);
	struct buf b = BUF_INIT;
	size_t i;
	char *clean;

	if (t == NULL)
		return xstrdup(DUMP_UNTITLED);
	for (i = 0; i < a->nheadlines; i++)
		if (a->headlines[i].text == t && a->headlines[i].inferred)
			buf_puts(&b, DUMP_INFERRED);
	clean = sanitize_str(t);
	buf_puts(&b, clean);
	free(clean);
	return buf_detach(&b);
}

/* Append s padded or truncated to cols columns. */
static void
dump_put_cell(struct buf *b, const char *s, size_t cols)
{
	char *cell = width_pad(s, strlen(s), cols);

	buf_puts(b, cell);
	free(cell);
}

/* Print the table of contents. */
void
dump_list(const struct edition *ed, FILE *out)
{
	dump_list_read(ed, NULL, out);
}

/* Edition-wide number of article a of section s (dump.h). */
size_t
dump_section_article(const struct edition *ed, size_t s, size_t a)
{
	size_t i, n = 0;

	if (s < 1 || s > ed->nsections || a < 1 ||
	    a > ed->sections[s - 1]->narticles)
		return 0;
	for (i = 0; i + 1 < s; i++)
		n += ed->sections[i]->narticles;
	return n + a;
}

/* Print the list with read marks (dump.h). */
void
dump_list_read(const struct edition *ed, const struct readset *read,
    FILE *out)
{
	size_t s, i, num = 0, maxlen = 0, numw, lenw, headw, saw = 0;
	struct buf b = BUF_INIT;
	char *t, *cell;

	for (s = 0; s < ed->nsections; s++)
		for (i = 0; i < ed->sections[s]->narticles; i++)
			maxlen = dump_max(maxlen,
			    ed->sections[s]->articles[i]->length);
	numw = dump_max(DUMP_LIST_NUM_MIN,
	    dump_digits(edition_count_articles(ed)));
	lenw = dump_max(DUMP_LIST_LEN_MIN, dump_digits(maxlen));
	/* The S/A column: as wide as the widest "section/article". */
	for (s = 0; s < ed->nsections; s++)
		saw = dump_max(saw, dump_digits(s + 1) + 1 +
		    dump_digits(ed->sections[s]->narticles));
	headw = DUMP_LIST_WIDTH - numw - saw - lenw - DUMP_LIST_BYLINE -
	    4 * DUMP_LIST_GAP - (read != NULL ? DUMP_LIST_MARK : 0);

	/* The edition line names the encoding the input was decoded from. */
	t = sanitize_str(ed->title);
	buf_printf(&b, "Edition: %s (%zu section%s, %zu article%s", t,
	    ed->nsections, ed->nsections == 1 ? "" : "s",
	    edition_count_articles(ed),
	    edition_count_articles(ed) == 1 ? "" : "s");
	free(t);
	if (ed->encoding != NULL) {
		t = sanitize_str(ed->encoding);
		buf_printf(&b, "; %s", t);
		free(t);
	}
	buf_puts(&b, ")");
	cell = width_truncate(buf_str(&b), b.len, DUMP_LIST_WIDTH, NULL);
	fprintf(out, "%s\n", cell);
	free(cell);

	for (s = 0; s < ed->nsections; s++) {
		const struct section *sec = ed->sections[s];

		fputc('\n', out);
		buf_clear(&b);
		buf_printf(&b, "Section %zu: ", s + 1);
		if (sec->page > 0)
			buf_printf(&b, DUMP_PAGE, sec->page);
		t = sanitize_str(sec->title);
		buf_printf(&b, "%s (%zu article%s)", t, sec->narticles,
		    sec->narticles == 1 ? "" : "s");
		free(t);
		cell = width_truncate(buf_str(&b), b.len, DUMP_LIST_WIDTH,
		    NULL);
		fprintf(out, "%s\n", cell);
		free(cell);

		for (i = 0; i < sec->narticles; i++) {
			const struct article *a = sec->articles[i];

			buf_clear(&b);
			/* "N": unread, as the reader's lists mark it. */
			if (read != NULL)
				buf_printf(&b, "%-*s", DUMP_LIST_MARK,
				    readset_has(read, a->id) ? "" : "N");
			buf_printf(&b, "%*zu%*s", (int)numw, ++num,
			    DUMP_LIST_GAP, "");
			t = xasprintf("%zu/%zu", s + 1, i + 1);
			buf_printf(&b, "%-*s%*s", (int)saw, t, DUMP_LIST_GAP,
			    "");
			free(t);
			t = dump_headline(a);
			dump_put_cell(&b, t, headw);
			free(t);
			buf_printf(&b, "%*s", DUMP_LIST_GAP, "");
			t = sanitize_str(a->byline);
			dump_put_cell(&b, t, DUMP_LIST_BYLINE);
			free(t);
			buf_printf(&b, "%*s%*zu\n", DUMP_LIST_GAP, "",
			    (int)lenw, a->length);
			fputs(buf_str(&b), out);
		}
	}
	buf_free(&b);
}

/* Write a blank line unless the last line already was one. */
static void
dump_blank(struct dump_out *o)
{
	if (!o->blank)
		fputc('\n', o->f);
	o->blank = 1;
}

/*
 * Write prefix, text and suffix (raw edition text, sanitised here) as one
 * paragraph wrapped to the output width; indent gives the first line an
 * ideographic indent.
 */
static void
dump_wrapped(struct dump_out *o, const char *prefix, const char *text,
    const char *suffix, int indent)
{
	struct buf raw = BUF_INIT;
	struct layout l;
	size_t k, icols = 0;
	char *s;

	buf_puts(&raw, prefix);
	buf_puts(&raw, text != NULL ? text : "");
	buf_puts(&raw, suffix);
	s = sanitize_display(buf_str(&raw), raw.len);
	buf_free(&raw);
	if (*s == '\0') {	/* an empty block prints nothing */
		free(s);
		return;
	}
	if (indent && o->width >= DUMP_INDENT_MIN_WIDTH)
		icols = DUMP_INDENT_COLS;
	layout_wrap_indent(s, strlen(s), o->width, icols, &l);
	for (k = 0; k < l.nlines; k++) {
		if (k == 0 && icols > 0)
			fputs(DUMP_INDENT, o->f);
		fwrite(s + l.lines[k].start, 1,
		    l.lines[k].end - l.lines[k].start, o->f);
		fputc('\n', o->f);
	}
	o->blank = 0;
	layout_free(&l);
	free(s);
}

/* Write one article. */
static void
dump_article(struct dump_out *o, const struct article *a)
{
	const struct block *bl;
	size_t i;

	for (i = 0; i < a->nheadlines; i++)
		dump_wrapped(o, a->headlines[i].inferred ? DUMP_INFERRED : "",
		    a->headlines[i].text, "", 0);
	if (a->nheadlines == 0)
		dump_wrapped(o, "", DUMP_UNTITLED, "", 0);
	if (a->byline != NULL)
		dump_wrapped(o, "", a->byline, "", 0);
	dump_blank(o);
	for (i = 0; i < a->nblocks; i++) {
		bl = &a->blocks[i];
		switch (bl->kind) {
		case BLOCK_SUBHEAD:
			dump_blank(o);
			dump_wrapped(o, DUMP_SUBHEAD_OPEN, bl->text,
			    DUMP_SUBHEAD_CLOSE, 0);
			dump_blank(o);
			break;
		case BLOCK_CAPTION:
			dump_blank(o);
			dump_wrapped(o, DUMP_CAPTION, bl->text, "", 0);
			dump_blank(o);
			break;
		case BLOCK_PARAGRAPH:
		default:
			dump_wrapped(o, "", bl->text, "", 1);
			break;
		}
	}
}

/* Write the rule that separates two articles. */
static void
dump_rule(struct dump_out *o)
{
	size_t k;

	dump_blank(o);
	for (k = 0; k < o->width && k < DUMP_RULE_MAX; k++)
		fputc('-', o->f);
	fputc('\n', o->f);
	o->blank = 0;
	dump_blank(o);
}

/*
 * Write the header of section s (0-based): "==== Section 2: p.2 title
 * ====", wrapped like a headline, then a blank line.
 */
static void
dump_section_header(struct dump_out *o, const struct edition *ed, size_t s)
{
	const struct section *sec = ed->sections[s];
	struct buf b = BUF_INIT;

	buf_printf(&b, DUMP_SECTION_MARK " Section %zu: ", s + 1);
	if (sec->page > 0)
		buf_printf(&b, DUMP_PAGE, sec->page);
	buf_puts(&b, sec->title != NULL ? sec->title : "");
	dump_wrapped(o, buf_str(&b), "", " " DUMP_SECTION_MARK, 0);
	dump_blank(o);
	buf_free(&b);
}

/* Print one article or all of them. */
int
dump_articles(const struct edition *ed, size_t n, size_t width, FILE *out)
{
	struct dump_out o = { out, width > 0 ? width : 1, 1 };
	size_t s, i, num = 0, printed = 0;
	/* A header per section helps only when there is more than one. */
	int headers = n == 0 && ed->nsections > 1;

	if (n > edition_count_articles(ed))
		return -1;
	for (s = 0; s < ed->nsections; s++) {
		if (headers && ed->sections[s]->narticles > 0) {
			if (printed > 0)
				dump_rule(&o);
			dump_section_header(&o, ed, s);
		}
		for (i = 0; i < ed->sections[s]->narticles; i++) {
			if (++num != n && n != 0)
				continue;
			if (printed++ > 0 && !(headers && i == 0))
				dump_rule(&o);
			dump_article(&o, ed->sections[s]->articles[i]);
		}
	}
	return 0;
}

/*
 * Whether the user has read article a.  READ STATE: this is the one place
 * --list --format=json asks; it answers false until the reader's record
 * of read articles (branch "daily") is merged, which fills it in here.
 */
static bool
dump_article_read(const struct edition *ed, const struct article *a)
{
	(void)ed;
	(void)a;
	return false;
}

/* Print the table of contents as JSON Lines, one object per article. */
void
dump_list_json(const struct edition *ed, FILE *out)
{
	struct buf b = BUF_INIT;
	size_t s, i, k, num = 0;

	for (s = 0; s < ed->nsections; s++) {
		const struct section *sec = ed->sections[s];

		for (i = 0; i < sec->narticles; i++) {
			const struct article *a = sec->articles[i];
			const char *t = article_title(a);
			bool inferred = false;

			for (k = 0; k < a->nheadlines; k++)
				if (a->headlines[k].text == t &&
				    a->headlines[k].inferred)
					inferred = true;
			buf_clear(&b);
			json_begin(&b);
			json_string(&b, "edition", ed->source);
			json_number(&b, "section", s + 1);
			json_string(&b, "section_title", sec->title);
			json_number(&b, "page", sec->page);
			json_number(&b, "article", ++num);
			json_string(&b, "id", a->id);
			json_string(&b, "headline", t);
			json_bool(&b, "inferred", inferred);
			json_string(&b, "byline", a->byline);
			json_number(&b, "length", a->length);
			json_bool(&b, "read", dump_article_read(ed, a));
			json_end(&b);
			fprintf(out, "%s\n", buf_str(&b));
		}
	}
	buf_free(&b);
}
