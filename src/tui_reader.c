/*
 * tui_reader.c - the article screen.
 *
 * An article is prepared once when it is opened: its headline group
 * (kicker, headline, subheadline), byline and body blocks become display
 * strings (sanitised, ambiguous characters substituted in wide mode,
 * paragraphs given the customary two-character first-line indent).  Each
 * string is wrapped with layout_wrap(), which follows the Chinese
 * line-breaking rules, into an index of lines (block, byte range, style).
 * Drawing paints only the lines in the window, so an article of any
 * length costs one screen per frame; no curses pads (research:
 * cjk-layout.md R6).  A resize wraps again and keeps the first visible
 * character in view.  The same (block, byte offset) pair is what a
 * bookmark or a saved reading position records (tui_reader_where) and
 * restores (tui_reader_seek), so it survives any change of window width.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tui_curses.h"

#include "edition.h"
#include "layout.h"
#include "tui.h"
#include "tui_view.h"
#include "width.h"
#include "xalloc.h"

/* Layout of the article screen, each with its reason. */
enum {
	/* A left margin of one column from this window width on: text
	   glued to the terminal edge is harder to read. */
	READER_MARGIN_FROM = 60,
	/* Paging keeps this many lines of the previous page in view. */
	READER_PAGE_OVERLAP = 1,
	/* First-line indent of a paragraph: two characters (首行缩进两字). */
	READER_INDENT_COLS = 4
};

/* Rows for text: all but the status line. */
static size_t
reader_rows(void)
{
	return LINES > 1 ? (size_t)LINES - 1 : 1;
}

/* The text width and left margin for the current window and --measure. */
static size_t
reader_width(const struct tui *t, size_t *margin)
{
	size_t cols = tui_text_cols(), w;

	*margin = (size_t)COLS >= READER_MARGIN_FROM ? 1 : 0;
	w = cols - *margin;
	if (t->opts->measure > 0 && t->opts->measure < w) {
		/* A capped measure is centred, as on a printed page. */
		w = t->opts->measure;
		*margin = (cols - w) / 2;
	}
	return w > 0 ? w : 1;
}

/* Append one block (text is taken over) with its style and indent. */
static void
reader_add(struct tui_reader *r, char *text, enum tui_style style,
    size_t indent)
{
	struct tui_block *b;

	r->blocks = xreallocarray(r->blocks, r->nblocks + 1,
	    sizeof *r->blocks);
	b = &r->blocks[r->nblocks++];
	b->text = text;
	b->style = style;
	b->indent = indent;
}

/* Append a block made from raw text s, with a prefix (may be ""). */
static void
reader_add_text(const struct tui *t, struct tui_reader *r, const char *prefix,
    const char *s, enum tui_style style, size_t indent)
{
	char *joined = xasprintf("%s%s", prefix, s);

	reader_add(r, tui_prepare(t, joined, strlen(joined)), style, indent);
	free(joined);
}

/* Append an empty line. */
static void
reader_add_blank(struct tui_reader *r)
{
	reader_add(r, xstrdup(""), TUI_STYLE_TEXT, 0);
}

/* The reader style of a headline line. */
static enum tui_style
reader_headline_style(const struct headline *h)
{
	if (h->inferred)
		return TUI_STYLE_INFERRED;
	switch (h->role) {
	case HEADLINE_KICKER:
		return TUI_STYLE_KICKER;
	case HEADLINE_SUB:
		return TUI_STYLE_SUBTITLE;
	case HEADLINE_MAIN:
	case HEADLINE_UNKNOWN:
		break;
	}
	return TUI_STYLE_HEADLINE;
}

/* Whether lines of a style are centred: the headline group. */
static bool
reader_centred(enum tui_style style)
{
	return style == TUI_STYLE_KICKER || style == TUI_STYLE_HEADLINE ||
	    style == TUI_STYLE_SUBTITLE || style == TUI_STYLE_INFERRED;
}

/* Prepare the blocks of the selected article (once per article). */
static void
reader_prepare(struct tui *t)
{
	const struct section *s = t->ed->sections[t->sec];
	const struct article *a;
	struct tui_reader *r = &t->reader;
	size_t i;

	if (t->art >= s->narticles)
		return;
	a = s->articles[t->art];
	for (i = 0; i < a->nheadlines; i++) {
		const struct headline *h = &a->headlines[i];

		/* "~" marks a headline made from the lead, as in the lists. */
		reader_add_text(t, r, h->inferred ? "~ " : "", h->text,
		    reader_headline_style(h), 0);
	}
	if (a->byline != NULL) {
		reader_add_blank(r);
		reader_add_text(t, r, "", a->byline, TUI_STYLE_BYLINE, 0);
	}
	reader_add_blank(r);
	for (i = 0; i < a->nblocks; i++) {
		const struct block *b = &a->blocks[i];

		switch (b->kind) {
		case BLOCK_SUBHEAD:
			/* A subhead stands apart from the text around it. */
			if (i > 0)
				reader_add_blank(r);
			reader_add_text(t, r, "", b->text, TUI_STYLE_SUBHEAD,
			    0);
			reader_add_blank(r);
			break;
		case BLOCK_CAPTION:
			reader_add_text(t, r, "", b->text, TUI_STYLE_CAPTION,
			    0);
			break;
		case BLOCK_PARAGRAPH:
			reader_add_text(t, r, "", b->text, TUI_STYLE_TEXT,
			    READER_INDENT_COLS);
			break;
		}
	}
	r->loaded = true;
}

/* Free the prepared blocks and the line index of the reader. */
void
tui_reader_free(struct tui_reader *r)
{
	size_t i;

	for (i = 0; i < r->nblocks; i++)
		free(r->blocks[i].text);
	free(r->blocks);
	free(r->lines);
	r->blocks = NULL;
	r->lines = NULL;
	r->nblocks = r->nlines = 0;
	r->width = 0;
	r->loaded = false;
}

/*
 * Wrap the prepared blocks to the window.  The first visible character is
 * kept in view across a re-wrap: its block and byte offset are found
 * again among the new lines.
 */
void
tui_reader_layout(struct tui *t)
{
	struct tui_reader *r = &t->reader;
	struct layout lay;
	size_t margin, width = reader_width(t, &margin), i, j;
	size_t keep_block = 0, keep_off = 0;
	bool keep = false;

	if (!r->loaded) {
		tui_reader_free(r);
		reader_prepare(t);
	}
	if (r->top < r->nlines) {
		keep_block = r->lines[r->top].block;
		keep_off = r->lines[r->top].start;
		keep = true;
	}
	free(r->lines);
	r->lines = NULL;
	r->nlines = 0;
	r->width = width;
	r->top = 0;
	for (i = 0; i < r->nblocks; i++) {
		const struct tui_block *b = &r->blocks[i];
		size_t indent = b->indent < width ? b->indent : 0;

		/* The indent is drawn here, not stored as text: the line
		   breaker gives the first line that much less room. */
		layout_wrap_indent(b->text, strlen(b->text), width, indent,
		    &lay);
		r->lines = xreallocarray(r->lines, r->nlines + lay.nlines,
		    sizeof *r->lines);
		for (j = 0; j < lay.nlines; j++) {
			struct tui_line *l = &r->lines[r->nlines + j];

			l->block = i;
			l->start = lay.lines[j].start;
			l->end = lay.lines[j].end;
			l->indent = j == 0 ? indent : 0;
			l->cols = lay.lines[j].width;
			if (keep && i == keep_block && l->start <= keep_off)
				r->top = r->nlines + j;
		}
		r->nlines += lay.nlines;
		layout_free(&lay);
	}
}

/* Where the first visible line starts; see tui_view.h. */
void
tui_reader_where(const struct tui *t, size_t *block, size_t *offset)
{
	const struct tui_reader *r = &t->reader;

	*block = *offset = 0;
	if (r->loaded && r->top < r->nlines) {
		*block = r->lines[r->top].block;
		*offset = r->lines[r->top].start;
	}
}

/*
 * Make the line holding (block, offset) the first visible one: the last
 * line of that block starting at or before offset.  A block the article
 * no longer has (it was edited since) means the top: better the start of
 * the right article than a guess in the middle.
 */
void
tui_reader_seek(struct tui *t, size_t block, size_t offset)
{
	struct tui_reader *r = &t->reader;
	size_t i;

	r->top = 0;
	if (block >= r->nblocks)
		return;
	for (i = 0; i < r->nlines && r->lines[i].block <= block; i++) {
		if (r->lines[i].block < block || r->lines[i].start <= offset)
			r->top = i;
	}
}

/* The last possible top line: the end of the article fills the window. */
static size_t
reader_max_top(const struct tui_reader *r)
{
	size_t rows = reader_rows();

	return r->nlines > rows ? r->nlines - rows : 0;
}

/* Draw the status line: edition, section, article n/m, position. */
static void
reader_status(struct tui *t)
{
	const struct tui_reader *r = &t->reader;
	const struct section *s = t->ed->sections[t->sec];
	size_t rows = reader_rows(), pct = 100;
	char *left, *right;

	if (r->nlines > rows)
		pct = (r->top + rows) * 100 / r->nlines;
	if (pct > 100)
		pct = 100;
	left = tui_where(t);
	/* "*": this article has a bookmark, as in the article list. */
	right = xasprintf("%sarticle %zu/%zu  %3zu%%",
	    t->art < s->narticles && tui_marked(t, s->articles[t->art]) ?
	    "* " : "", t->art + 1, s->narticles, pct);
	tui_status(t, left, right);
	free(right);
	free(left);
}

/* Draw the visible lines of the article and the status line. */
void
tui_reader_draw(struct tui *t)
{
	struct tui_reader *r = &t->reader;
	size_t rows = reader_rows(), margin, y;

	/* The window may have changed since the lines were made. */
	if (r->width != reader_width(t, &margin))
		tui_reader_layout(t);
	if (r->top > reader_max_top(r))
		r->top = reader_max_top(r);
	for (y = 0; y < rows; y++) {
		size_t i = r->top + y, used = 0;

		if (i < r->nlines) {
			const struct tui_line *l = &r->lines[i];

			const struct tui_block *b = &r->blocks[l->block];
			size_t x = l->indent;

			/* Headline lines are centred, as on the page. */
			if (reader_centred(b->style) && l->cols < r->width)
				x = (r->width - l->cols) / 2;
			used = x + tui_put(t, (int)y, (int)(margin + x),
			    b->text + l->start, l->end - l->start,
			    r->width - x, 0, b->style);
		}
		tui_clear_eol((int)y, (int)(margin + used));
	}
	reader_status(t);
}

/* Select the article delta steps away, across sections; false at an end. */
static bool
reader_step(struct tui *t, int delta)
{
	const struct edition *ed = t->ed;
	size_t sec = t->sec, art = t->art;

	for (;;) {
		if (delta > 0 && art + 1 < ed->sections[sec]->narticles) {
			art++;
			break;
		}
		if (delta < 0 && art > 0) {
			art--;
			break;
		}
		/* Past the end of a section: on to the next non-empty one. */
		if (delta > 0 && sec + 1 < ed->nsections) {
			sec++;
			art = (size_t)-1;
			if (ed->sections[sec]->narticles > 0) {
				art = 0;
				break;
			}
			continue;
		}
		if (delta < 0 && sec > 0) {
			sec--;
			art = ed->sections[sec]->narticles;
			if (art > 0) {
				art--;
				break;
			}
			continue;
		}
		return false;
	}
	t->sec = sec;
	t->art = art;
	return true;
}

/* Open the first article of the section delta steps away, if any. */
static bool
reader_section(struct tui *t, int delta)
{
	size_t sec = t->sec;

	for (;;) {
		if (delta > 0 && sec + 1 < t->ed->nsections)
			sec++;
		else if (delta < 0 && sec > 0)
			sec--;
		else
			return false;
		if (t->ed->sections[sec]->narticles > 0)
			break;
	}
	t->sec = sec;
	t->art = 0;
	t->art_top = 0;
	return true;
}

/* Act on a key in the article screen. */
enum tui_next
tui_reader_action(struct tui *t, enum tui_action act)
{
	struct tui_reader *r = &t->reader;
	size_t rows = reader_rows(), max = reader_max_top(r);
	size_t page = rows > READER_PAGE_OVERLAP ? rows - READER_PAGE_OVERLAP :
	    1;
	size_t top = r->top;

	switch (act) {
	case TUI_ACT_DOWN:
		if (top < max)
			top++;
		break;
	case TUI_ACT_UP:
		if (top > 0)
			top--;
		break;
	case TUI_ACT_PAGE_DOWN:
		top = top + page < max ? top + page : max;
		break;
	case TUI_ACT_PAGE_UP:
		top = top > page ? top - page : 0;
		break;
	case TUI_ACT_TOP:
		top = 0;
		break;
	case TUI_ACT_BOTTOM:
		top = max;
		break;
	case TUI_ACT_BACK:
		return TUI_NEXT_CLOSE;
	case TUI_ACT_NEXT_ARTICLE:
	case TUI_ACT_PREV_ARTICLE:
		if (!reader_step(t, act == TUI_ACT_NEXT_ARTICLE ? 1 : -1)) {
			beep();
			return TUI_NEXT_NONE;
		}
		return TUI_NEXT_OPEN;
	case TUI_ACT_NEXT_SECTION:
	case TUI_ACT_PREV_SECTION:
		if (!reader_section(t, act == TUI_ACT_NEXT_SECTION ? 1 : -1)) {
			beep();
			return TUI_NEXT_NONE;
		}
		return TUI_NEXT_OPEN;
	default:
		return TUI_NEXT_NONE;
	}
	if (top == r->top)
		return TUI_NEXT_NONE;
	r->top = top;
	return TUI_NEXT_DRAW;
}
