/*
 * test_export.c - unit tests for export.c (edition -> kanbao edition XML).
 *
 * Each test builds a small edition through the builder API, exports it to
 * a memory stream, parses the result back with libxml2 and checks the
 * tree: element names and order, attributes, escaping, dropped control
 * characters, determinism.  Every export is also validated against the
 * RELAX NG schema in data/, so the code and the schema cannot drift apart.
 */
#include "config.h"

#include "common.h"

#include <stdbool.h>

#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <libxml/tree.h>

#include "edition.h"
#include "export.h"

/* The schema, found from the samples directory (both in the source tree). */
#define TEST_SCHEMA	TEST_SAMPLES_DIR "/../data/kanbao-edition.rng"

/* Validate a parsed document against the schema; fails the test if not. */
static void
check_schema(xmlDocPtr doc)
{
	xmlRelaxNGParserCtxtPtr pctxt;
	xmlRelaxNGValidCtxtPtr vctxt;
	xmlRelaxNGPtr schema;
	int rc;

	pctxt = xmlRelaxNGNewParserCtxt(TEST_SCHEMA);
	assert_non_null(pctxt);
	schema = xmlRelaxNGParse(pctxt);
	xmlRelaxNGFreeParserCtxt(pctxt);
	if (schema == NULL)
		fail_msg("cannot parse schema %s", TEST_SCHEMA);
	vctxt = xmlRelaxNGNewValidCtxt(schema);
	assert_non_null(vctxt);
	rc = xmlRelaxNGValidateDoc(vctxt, doc);
	xmlRelaxNGFreeValidCtxt(vctxt);
	xmlRelaxNGFree(schema);
	if (rc != 0)
		fail_msg("export does not validate against %s (rc %d)",
		    TEST_SCHEMA, rc);
}

/* Export, parse back (no network, blanks dropped) and check the schema. */
static xmlDocPtr
export_doc(const struct edition *ed)
{
	size_t len;
	char *data = export_string(ed, &len);
	xmlDocPtr doc;

	doc = xmlReadMemory(data, (int)len, "export.xml", NULL,
	    XML_PARSE_NONET | XML_PARSE_NOBLANKS);
	if (doc == NULL) {
		fprintf(stderr, "not well formed:\n%s\n", data);
		free(data);
		fail_msg("export is not well-formed XML");
	}
	free(data);
	check_schema(doc);
	return doc;
}

/* The first element child of n, or NULL. */
static xmlNodePtr
first_elem(xmlNodePtr n)
{
	for (n = n->children; n != NULL; n = n->next)
		if (n->type == XML_ELEMENT_NODE)
			return n;
	return NULL;
}

/* The next element sibling of n, or NULL. */
static xmlNodePtr
next_elem(xmlNodePtr n)
{
	for (n = n->next; n != NULL; n = n->next)
		if (n->type == XML_ELEMENT_NODE)
			return n;
	return NULL;
}

/* Number of element children of n. */
static size_t
count_elems(xmlNodePtr n)
{
	size_t k = 0;

	for (n = first_elem(n); n != NULL; n = next_elem(n))
		k++;
	return k;
}

/* Check that n is an element called name. */
static void
check_name(xmlNodePtr n, const char *name)
{
	if (n == NULL)
		fail_msg("expected <%s>, got nothing", name);
	assert_string_equal((const char *)n->name, name);
}

/* Check attribute name of n: want NULL means it must be absent. */
static void
check_attr(xmlNodePtr n, const char *name, const char *want)
{
	xmlChar *got = xmlGetProp(n, BAD_CAST name);

	if (want == NULL) {
		if (got != NULL) {
			fprintf(stderr, "<%s %s>: expected no attribute, got "
			    "\"%s\"\n", n->name, name, got);
			xmlFree(got);
			fail();
		}
		return;
	}
	if (got == NULL)
		fail_msg("<%s %s>: expected \"%s\", got no attribute",
		    n->name, name, want);
	if (strcmp((const char *)got, want) != 0) {
		fprintf(stderr, "<%s %s>: expected \"%s\", got \"%s\"\n",
		    n->name, name, want, got);
		xmlFree(got);
		fail();
	}
	xmlFree(got);
}

/* Check the text content of n. */
static void
check_text(xmlNodePtr n, const char *want)
{
	xmlChar *got = xmlNodeGetContent(n);

	assert_non_null(got);
	if (strcmp((const char *)got, want) != 0) {
		fprintf(stderr, "<%s> text: expected \"%s\", got \"%s\"\n",
		    n->name, want, got);
		xmlFree(got);
		fail();
	}
	xmlFree(got);
}

/* Check element n: its name and text. */
static void
check_elem(xmlNodePtr n, const char *name, const char *text)
{
	check_name(n, name);
	check_text(n, text);
}

/* A two-section edition with every kind of element. */
static struct edition *
make_full(void)
{
	struct edition *ed = edition_new("郑州日报 2021-12-24", "/in/page");
	struct section *s1, *s2;
	struct article *a;

	edition_set_encoding(ed, "GB18030");
	s1 = edition_add_section(ed, "第05版：经开区新闻", "/in/page/05.txt");
	a = section_add_article(ed, s1);
	article_add_headline(ed, a, "党建引领凝聚合力", HEADLINE_KICKER, false);
	article_add_headline(ed, a, "硬核创建无疫社区", HEADLINE_MAIN, false);
	article_add_headline(ed, a, "京航办事处在行动", HEADLINE_SUB, false);
	article_set_dateline(ed, a, "本报讯");
	article_set_byline(ed, a, "记者 王译博 通讯员 高岩");
	article_add_block(ed, a, BLOCK_PARAGRAPH, "连日来，各社区充分发挥作用。");
	article_add_block(ed, a, BLOCK_SUBHEAD, "严格值守");
	article_add_block(ed, a, BLOCK_PARAGRAPH, "严格执行 24小时值班值守制度。");
	article_add_block(ed, a, BLOCK_CAPTION, "图为消杀现场");
	article_set_source(ed, a, "/in/page/05.txt", 3);
	a = section_add_article(ed, s1);
	article_add_headline(ed, a, "开展实战应急演练", HEADLINE_UNKNOWN, false);
	article_add_block(ed, a, BLOCK_PARAGRAPH, "近日，分局组织演练。");
	s2 = edition_add_section(ed, "第06版：综合", NULL);
	a = section_add_article(ed, s2);
	article_add_block(ed, a, BLOCK_PARAGRAPH,
	    "本报讯（记者 李明）昨天上午，市里召开会议，部署工作。");
	article_set_dateline(ed, a, "本报讯");
	edition_finish(ed);
	return ed;
}

/* The tree has edition > section > article in order, with the right names. */
static void
test_export_structure(void **state)
{
	struct edition *ed = make_full();
	xmlDocPtr doc;
	xmlNodePtr root, sec, art, n;

	(void)state;
	doc = export_doc(ed);
	root = xmlDocGetRootElement(doc);
	check_name(root, "edition");
	check_attr(root, "title", "郑州日报 2021-12-24");
	check_attr(root, "source", "/in/page");
	check_attr(root, "encoding", "GB18030");
	assert_int_equal(count_elems(root), 2);

	sec = first_elem(root);
	check_name(sec, "section");
	check_attr(sec, "title", "第05版：经开区新闻");
	check_attr(sec, "page", NULL);
	check_attr(sec, "name", NULL);
	assert_int_equal(count_elems(sec), 2);

	art = first_elem(sec);
	check_name(art, "article");
	check_attr(art, "id", ed->sections[0]->articles[0]->id);
	check_attr(art, "source", "/in/page/05.txt");
	check_attr(art, "line", "3");
	assert_int_equal(count_elems(art), 9);
	n = first_elem(art);
	check_elem(n, "headline", "党建引领凝聚合力");
	n = next_elem(n);
	check_elem(n, "headline", "硬核创建无疫社区");
	n = next_elem(n);
	check_elem(n, "headline", "京航办事处在行动");
	n = next_elem(n);
	check_elem(n, "dateline", "本报讯");
	n = next_elem(n);
	check_elem(n, "byline", "记者 王译博 通讯员 高岩");
	n = next_elem(n);
	check_elem(n, "p", "连日来，各社区充分发挥作用。");
	n = next_elem(n);
	check_elem(n, "subhead", "严格值守");
	n = next_elem(n);
	check_elem(n, "p", "严格执行 24小时值班值守制度。");
	n = next_elem(n);
	check_elem(n, "caption", "图为消杀现场");

	/* Second article: no dateline, byline or source: none written. */
	art = next_elem(art);
	check_name(art, "article");
	check_attr(art, "source", NULL);
	check_attr(art, "line", NULL);
	assert_int_equal(count_elems(art), 2);
	check_elem(first_elem(art), "headline", "开展实战应急演练");
	check_elem(next_elem(first_elem(art)), "p", "近日，分局组织演练。");

	sec = next_elem(sec);
	check_name(sec, "section");
	check_attr(sec, "title", "第06版：综合");
	assert_int_equal(count_elems(sec), 1);
	xmlFreeDoc(doc);
	edition_free(ed);
}

/* Paper, date, page and name are written when known and only then. */
static void
test_export_page_paper(void **state)
{
	struct edition *ed = edition_new("人民日报 2026年3月2日", NULL);
	struct section *s;
	xmlDocPtr doc;
	xmlNodePtr root, sec;

	(void)state;
	edition_set_paper(ed, "人民日报");
	assert_true(edition_set_date(ed, "2026-03-02"));
	s = edition_add_section(ed, "第05版：评论", NULL);
	section_set_page(ed, s, 5, "评论");
	s = edition_add_section(ed, "第12版", NULL);
	section_set_page(ed, s, 12, NULL);
	s = edition_add_section(ed, "副刊", NULL);
	section_set_page(ed, s, 0, "副刊 & <文艺>");
	edition_add_section(ed, "第13版", NULL);
	edition_finish(ed);
	doc = export_doc(ed);		/* also checks the schema */
	root = xmlDocGetRootElement(doc);
	check_attr(root, "paper", "人民日报");
	check_attr(root, "date", "2026-03-02");
	sec = first_elem(root);
	check_attr(sec, "page", "5");
	check_attr(sec, "name", "评论");
	sec = next_elem(sec);
	check_attr(sec, "page", "12");
	check_attr(sec, "name", NULL);
	sec = next_elem(sec);
	check_attr(sec, "page", NULL);
	check_attr(sec, "name", "副刊 & <文艺>");
	sec = next_elem(sec);
	check_attr(sec, "page", NULL);
	check_attr(sec, "name", NULL);
	xmlFreeDoc(doc);
	edition_free(ed);
}

/* The new attributes come after the old ones, in a fixed order. */
static void
test_export_page_paper_golden(void **state)
{
	struct edition *ed = edition_new("T", "s");
	struct section *s = edition_add_section(ed, "P5", NULL);
	char *got;

	(void)state;
	edition_set_encoding(ed, "GB18030");
	edition_set_paper(ed, "报");
	assert_true(edition_set_date(ed, "2024-02-29"));
	section_set_page(ed, s, 5, "评论");
	edition_finish(ed);
	got = export_string(ed, NULL);
	assert_string_equal(got,
	    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<edition title=\"T\" source=\"s\" encoding=\"GB18030\" "
	    "paper=\"报\" date=\"2024-02-29\">\n"
	    "  <section title=\"P5\" page=\"5\" name=\"评论\"/>\n"
	    "</edition>\n");
	free(got);
	edition_free(ed);
}

/* Each role has its name; inferred="true" only on the inferred headline. */
static void
test_export_roles_inferred(void **state)
{
	struct edition *ed = make_full();
	xmlDocPtr doc;
	xmlNodePtr sec, art, h;

	(void)state;
	doc = export_doc(ed);
	sec = first_elem(xmlDocGetRootElement(doc));
	art = first_elem(sec);
	h = first_elem(art);
	check_attr(h, "role", "kicker");
	check_attr(h, "inferred", NULL);
	h = next_elem(h);
	check_attr(h, "role", "main");
	check_attr(h, "inferred", NULL);
	h = next_elem(h);
	check_attr(h, "role", "sub");
	check_attr(h, "inferred", NULL);

	h = first_elem(next_elem(art));
	check_attr(h, "role", "unknown");
	check_attr(h, "inferred", NULL);

	/* The third article had no headline: edition_finish inferred one. */
	assert_true(ed->sections[1]->articles[0]->nheadlines == 1);
	assert_true(ed->sections[1]->articles[0]->headlines[0].inferred);
	h = first_elem(first_elem(next_elem(sec)));
	check_name(h, "headline");
	check_attr(h, "role", "main");
	check_attr(h, "inferred", "true");
	check_text(h, ed->sections[1]->articles[0]->headlines[0].text);
	xmlFreeDoc(doc);
	edition_free(ed);
}

/* & < > " in text and attributes are escaped and read back intact. */
static void
test_export_escaping(void **state)
{
	const char *nasty = "a & b < c > d \"e\" 'f' ]]> &amp;";
	struct edition *ed = edition_new(nasty, "dir/\"x\"&<y>");
	struct section *s = edition_add_section(ed, nasty, NULL);
	struct article *a = section_add_article(ed, s);
	xmlDocPtr doc;
	xmlNodePtr root, art, n;
	char *raw;

	(void)state;
	article_add_headline(ed, a, nasty, HEADLINE_MAIN, false);
	article_set_dateline(ed, a, nasty);
	article_set_byline(ed, a, nasty);
	article_add_block(ed, a, BLOCK_PARAGRAPH, nasty);
	article_add_block(ed, a, BLOCK_SUBHEAD, "<p>not markup</p>");
	article_add_block(ed, a, BLOCK_CAPTION, "x\ty");
	article_set_source(ed, a, "a&b.txt", 7);
	edition_finish(ed);

	raw = export_string(ed, NULL);
	/* The raw text must never carry an unescaped markup character. */
	if (strstr(raw, "<p>not") != NULL || strstr(raw, " & ") != NULL ||
	    strstr(raw, "]]>") != NULL) {
		fprintf(stderr, "unescaped text in:\n%s\n", raw);
		fail();
	}
	free(raw);

	doc = export_doc(ed);
	root = xmlDocGetRootElement(doc);
	check_attr(root, "title", nasty);
	check_attr(root, "source", "dir/\"x\"&<y>");
	check_attr(first_elem(root), "title", nasty);
	art = first_elem(first_elem(root));
	check_attr(art, "source", "a&b.txt");
	n = first_elem(art);
	check_elem(n, "headline", nasty);
	n = next_elem(n);
	check_elem(n, "dateline", nasty);
	n = next_elem(n);
	check_elem(n, "byline", nasty);
	n = next_elem(n);
	check_elem(n, "p", nasty);
	n = next_elem(n);
	check_elem(n, "subhead", "<p>not markup</p>");
	n = next_elem(n);
	check_elem(n, "caption", "x\ty");
	xmlFreeDoc(doc);
	edition_free(ed);
}

/*
 * C0 controls (but tab, newline), CR, DEL, C1 and bidi controls,
 * U+FFFE/FFFF and bad bytes go away: an export piped to a terminal must
 * not drive it.
 */
static void
test_export_controls(void **state)
{
	/* NUL cannot be in a C string; \x01 \x08 \x1b \x1f stand for C0. */
	const char *dirty = "a\x01" "b\x08" "c\x1b[31md\x1f" "e\rf\xef\xbf\xbe"
	    "g\xef\xbf\xbfh";
	const char *clean = "abc[31mdefgh";
	struct edition *ed = edition_new(dirty, NULL);
	struct section *s = edition_add_section(ed, dirty, NULL);
	struct article *a = section_add_article(ed, s);
	xmlDocPtr doc;
	xmlNodePtr root, art, n;

	(void)state;
	article_add_headline(ed, a, dirty, HEADLINE_MAIN, false);
	article_set_byline(ed, a, dirty);
	article_add_block(ed, a, BLOCK_PARAGRAPH, dirty);
	/* Tab, newline and U+FFFD stay; U+0085, U+009B, DEL, RLO do not. */
	article_add_block(ed, a, BLOCK_PARAGRAPH, "t\tn\nc\xc2\x85r\xef\xbf\xbd"
	    "\xc2\x9b" "2J\x7f" "z\xe2\x80\xae" "q");
	/* A stray invalid byte must not break the document either. */
	article_add_block(ed, a, BLOCK_CAPTION, "x\xffy");
	article_set_source(ed, a, dirty, 1);
	edition_finish(ed);

	doc = export_doc(ed);
	root = xmlDocGetRootElement(doc);
	check_attr(root, "title", clean);
	check_attr(first_elem(root), "title", clean);
	art = first_elem(first_elem(root));
	check_attr(art, "source", clean);
	n = first_elem(art);
	check_elem(n, "headline", clean);
	n = next_elem(n);
	check_elem(n, "byline", clean);
	n = next_elem(n);
	check_elem(n, "p", clean);
	n = next_elem(n);
	check_elem(n, "p", "t\tn\ncr\xef\xbf\xbd" "2Jzq");
	n = next_elem(n);
	check_elem(n, "caption", "x\xef\xbf\xbdy");
	xmlFreeDoc(doc);
	edition_free(ed);
}

/* Two exports of one edition, and of two equal editions, are identical. */
static void
test_export_deterministic(void **state)
{
	struct edition *ed1 = make_full(), *ed2 = make_full();
	char *x1, *x2, *x3;
	size_t n1, n2, n3;

	(void)state;
	x1 = export_string(ed1, &n1);
	x2 = export_string(ed1, &n2);
	x3 = export_string(ed2, &n3);
	assert_int_equal(n1, n2);
	assert_int_equal(n1, n3);
	assert_string_equal(x1, x2);
	assert_string_equal(x1, x3);
	assert_memory_equal(x1, x3, n1);
	free(x1);
	free(x2);
	free(x3);
	edition_free(ed1);
	edition_free(ed2);
}

/* An empty edition gives a valid document with a bare <edition>. */
static void
test_export_empty(void **state)
{
	struct edition *ed = edition_new(NULL, NULL);
	xmlDocPtr doc;
	xmlNodePtr root;

	(void)state;
	edition_finish(ed);
	doc = export_doc(ed);
	root = xmlDocGetRootElement(doc);
	check_name(root, "edition");
	check_attr(root, "title", NULL);
	check_attr(root, "source", NULL);
	check_attr(root, "encoding", NULL);
	check_attr(root, "paper", NULL);
	check_attr(root, "date", NULL);
	assert_int_equal(count_elems(root), 0);
	xmlFreeDoc(doc);
	edition_free(ed);
}

/* Empty sections and an article with an empty body still validate. */
static void
test_export_empty_parts(void **state)
{
	struct edition *ed = edition_new("t", NULL);
	struct section *s;
	struct article *a;
	xmlDocPtr doc;
	xmlNodePtr root, sec, art;

	(void)state;
	edition_add_section(ed, NULL, NULL);
	s = edition_add_section(ed, "two", NULL);
	a = section_add_article(ed, s);
	article_add_block(ed, a, BLOCK_PARAGRAPH, "");
	edition_finish(ed);
	doc = export_doc(ed);
	root = xmlDocGetRootElement(doc);
	assert_int_equal(count_elems(root), 2);
	sec = first_elem(root);
	check_attr(sec, "title", NULL);
	assert_int_equal(count_elems(sec), 0);
	art = first_elem(next_elem(sec));
	check_name(art, "article");
	assert_int_equal(count_elems(art), 1);
	check_elem(first_elem(art), "p", "");
	xmlFreeDoc(doc);
	edition_free(ed);
}

/* The exact bytes of a small export: declaration, indent, final newline. */
static void
test_export_golden(void **state)
{
	struct edition *ed = edition_new("T", "s.txt");
	struct section *s = edition_add_section(ed, "P1", "s.txt");
	struct article *a = section_add_article(ed, s);
	char *got, *want;

	(void)state;
	article_add_headline(ed, a, "Head", HEADLINE_MAIN, false);
	article_set_dateline(ed, a, "Here");
	article_add_block(ed, a, BLOCK_PARAGRAPH, "Body & more.");
	article_set_source(ed, a, "s.txt", 2);
	edition_finish(ed);
	got = export_string(ed, NULL);
	/* The id is edition.c's business; splice it in. */
	if (asprintf(&want,
	    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<edition title=\"T\" source=\"s.txt\">\n"
	    "  <section title=\"P1\">\n"
	    "    <article id=\"%s\" source=\"s.txt\" line=\"2\">\n"
	    "      <headline role=\"main\">Head</headline>\n"
	    "      <dateline>Here</dateline>\n"
	    "      <p>Body &amp; more.</p>\n"
	    "    </article>\n"
	    "  </section>\n"
	    "</edition>\n", a->id) < 0)
		fail_msg("asprintf failed");
	assert_string_equal(got, want);
	free(want);
	free(got);
	edition_free(ed);
}

/* A write error (a full disk) is reported, not ignored. */
static void
test_export_write_error(void **state)
{
	struct edition *ed = make_full();
	char *cause = NULL;
	FILE *f;

	(void)state;
	f = fopen("/dev/full", "w");
	if (f == NULL) {
		edition_free(ed);
		skip();
	}
	assert_int_equal(export_xml(ed, f, &cause), -1);
	assert_non_null(cause);
	assert_non_null(strstr(cause, "No space"));
	free(cause);
	fclose(f);
	edition_free(ed);
}

/* A write error in the middle of a large document is reported too. */
static void
test_export_write_error_large(void **state)
{
	struct edition *ed = edition_new("big", NULL);
	struct section *s = edition_add_section(ed, "s", NULL);
	char *cause = NULL;
	FILE *f;
	int i;

	(void)state;
	/* Far more than stdio's and libxml2's buffers together. */
	for (i = 0; i < 3000; i++)
		article_add_block(ed, section_add_article(ed, s),
		    BLOCK_PARAGRAPH, "一段足够长的文字，用来填满输出缓冲区。");
	edition_finish(ed);
	f = fopen("/dev/full", "w");
	if (f == NULL) {
		edition_free(ed);
		skip();
	}
	assert_int_equal(export_xml(ed, f, &cause), -1);
	assert_non_null(cause);
	assert_non_null(strstr(cause, "No space"));
	free(cause);
	fclose(f);
	edition_free(ed);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_export_structure),
		cmocka_unit_test(test_export_page_paper),
		cmocka_unit_test(test_export_page_paper_golden),
		cmocka_unit_test(test_export_roles_inferred),
		cmocka_unit_test(test_export_escaping),
		cmocka_unit_test(test_export_controls),
		cmocka_unit_test(test_export_deterministic),
		cmocka_unit_test(test_export_empty),
		cmocka_unit_test(test_export_empty_parts),
		cmocka_unit_test(test_export_golden),
		cmocka_unit_test(test_export_write_error),
		cmocka_unit_test(test_export_write_error_large),
	};
	int rc;

	xmlInitParser();
	rc = cmocka_run_group_tests(tests, NULL, NULL);
	xmlCleanupParser();
	return rc;
}
