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

/*
 * Print the sections and their articles (number, headline, byline,
 * length), aligned by display width.
 */
void	dump_list(const struct edition *ed, FILE *out);

/*
 * Print article number n (1-based, counted across the edition as --list
 * numbers them), or every article when n is 0, wrapped to width columns
 * with Chinese line-breaking rules.  Returns 0, or -1 if there is no
 * article n.
 */
int	dump_articles(const struct edition *ed, size_t n, size_t width,
	    FILE *out);

#endif
