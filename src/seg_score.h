/*
 * seg_score.h - content scoring of the segmenter (seg_score.c): articles
 * without dateline, headline assignment and headline roles.
 */
#ifndef KANBAO_SEG_SCORE_H
#define KANBAO_SEG_SCORE_H

#include <stddef.h>

#include "edition.h"

struct page;

/*
 * Cut the articles of pg where a headline inside one starts an article
 * without dateline (see the top of seg.c, step 4).
 */
void	 segs_split_articles(struct page *pg);
/*
 * Assign the display units of pg to articles as headlines, subheads or
 * text: fills arts[].group and blks[].fate.
 */
void	 segs_assign_headlines(struct page *pg);
/* The roles of the n lines of a headline from their lengths w[]. */
void	 segs_headline_roles(const size_t *w, size_t n,
	    enum headline_role *role);

#endif
