/*
 * dump.h - the non-interactive text views: --list and --dump.
 *
 * Everything written goes through sanitize_display(); widths are display
 * columns (CJK counts 2), never bytes.
 */
#ifndef KANBAO_DUMP_H
#define KANBAO_DUMP_H

#include <stddef.h>
#include <stdio.h>

struct edition;
struct readset;

/*
 * Print the sections and their articles (number, headline, byline,
 * length), aligned by display width: a header line per section
 * ("Section 2: 第02版：要闻 (5 articles)", or "Section 2: p.2 第02版：要闻
 * (5 articles)" when the printed page number is known), then one line per
 * article, all 79 columns wide: the number (1-based across the edition,
 * right-aligned), its section/article number S/A (as --search and
 * --dump=S/A use it), the main headline (a leading "~" marks one kanbao
 * inferred from the lead), the byline, and the body length in characters.
 * Long fields are cut with "…".
 */
void	dump_list(const struct edition *ed, FILE *out);

/*
 * The edition-wide number (as --dump=N takes it) of article a (1-based)
 * of section s (1-based), or 0 when there is no such article.
 */
size_t	dump_section_article(const struct edition *ed, size_t s, size_t a);

/*
 * The same list with a read-mark column first on each article line: "N"
 * for an article not in read (unread), blank for a read one; the headline
 * column is narrower by as much, so lines stay 79 columns.  read NULL is
 * dump_list().
 */
void	dump_list_read(const struct edition *ed, const struct readset *read,
	    FILE *out);

/*
 * --list --format=json: one JSON object per line and article, with the
 * members edition (the path it was opened from), section (1-based),
 * section_title, page (0 = unknown), article (1-based across the
 * edition, as --list numbers it), id (stable id), headline, inferred
 * (kanbao made the headline from the lead), byline (null when none),
 * length (characters of body text) and read (the user has read it).
 */
void	dump_list_json(const struct edition *ed, FILE *out);

/*
 * Print article number n (1-based, counted across the edition as --list
 * numbers them), or every article when n is 0, wrapped to width columns
 * with Chinese line-breaking rules (layout.h): headline lines, byline, a
 * blank line, paragraphs indented with "　　" (when width >= 16),
 * 【subheads】 and 〔图〕captions between blank lines, and a line of dashes
 * between articles.  When every article of an edition of more than one
 * section is printed, each section opens with a header line
 * "==== Section 2: p.2 第02版：要闻 ====" (page as in --list).  No line
 * is wider than width (except a single wide character when width is 1).  Returns 0, or -1 if there is no article n
 * (nothing is printed then).
 */
int	dump_articles(const struct edition *ed, size_t n, size_t width,
	    FILE *out);

#endif
