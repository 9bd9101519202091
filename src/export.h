/*
 * export.h - write an edition as kanbao edition XML.
 *
 * The format is a contract other tools and the tests rely on; the RELAX NG
 * schema is data/kanbao-edition.rng:
 *
 *   <edition title= source= encoding= paper= date="YYYY-MM-DD">
 *     <section title= page= name=>
 *       <article id= source= line=>
 *         <headline role="kicker|main|sub|unknown" [inferred="true"]>...
 *         <dateline>...</dateline> <byline>...</byline>
 *         <p>...</p> <subhead>...</subhead> <caption>...</caption>
 *
 * Written with libxml2's xmlTextWriter, always UTF-8, indented, so that
 * export -> load -> export is byte-identical.
 */
#ifndef KANBAO_EXPORT_H
#define KANBAO_EXPORT_H

#include <stdio.h>

struct edition;

/*
 * Write ed as XML to out.  Returns 0, or -1 with *cause set (caller frees)
 * on a write error.
 */
int	export_xml(const struct edition *ed, FILE *out, char **cause);

#endif
