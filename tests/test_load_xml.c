/*
 * test_load_xml.c - unit tests for load_xml.c (kanbao edition XML) and the
 * safe parsing in load_markup.c.
 *
 * The central property is the round trip: for every input kanbao reads
 * (edition XML, NITF, HTML, raw page text), export -> load_xml -> export
 * gives the same bytes.  The other tests check structural errors with line
 * numbers, strict (RELAX NG) mode, sniffing, and the hostile inputs of the
 * reliability research: entity bombs, external entities, network DTDs and
 * very deep nesting.
 */
#include "config.h"

#include "common.h"

#include <stdbool.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "buf.h"
#include "edition.h"
#include "export.h"
#include "load.h"
#include "load_markup.h"
#include "load_xml.h"

#define MARKUP_DIR	TEST_DATA_DIR "/markup"

/* Load XML text into a new finished edition; NULL with *cause on error. */
static struct edition *
load_string(const char *text, size_t len, int flags, char **cause)
{
	struct edition *ed = edition_new(NULL, "test.xml");

	if (load_xml(ed, text, len, "test.xml", "test", flags, cause) < 0) {
		edition_free(ed);
		return NULL;
	}
	edition_finish(ed);
	return ed;
}

/* Load a fixture file through load_xml; fails the test on error. */
static struct edition *
load_fixture(const char *name, int flags)
{
	char *path = NULL, *data, *cause = NULL;
	struct edition *ed;
	size_t len = 0;

	if (asprintf(&path, "%s/%s", MARKUP_DIR, name) < 0)
		fail();
	data = test_read_file(path, &len);
	ed = load_string(data, len, flags, &cause);
	if (ed == NULL)
		fail_msg("%s: expected to load, got error: %s", name, cause);
	free(data);
	free(path);
	return ed;
}

/* Load a fixture expecting failure; returns the cause (caller frees). */
static char *
load_fixture_error(const char *name, int flags)
{
	char *path = NULL, *data, *cause = NULL;
	struct edition *ed;
	size_t len = 0;

	if (asprintf(&path, "%s/%s", MARKUP_DIR, name) < 0)
		fail();
	data = test_read_file(path, &len);
	ed = load_string(data, len, flags, &cause);
	if (ed != NULL)
		fail_msg("%s: expected an error, got an edition", name);
	free(data);
	free(path);
	assert_non_null(cause);
	return cause;
}

/* Assert that s starts with prefix, printing both when not. */
static void
check_prefix(const char *s, const char *prefix)
{
	if (strncmp(s, prefix, strlen(prefix)) != 0)
		fail_msg("expected a message starting \"%s\", got \"%s\"",
		    prefix, s);
}

/*
 * Export ed, load the export with load_xml, export again: the two exports
 * must be byte-identical.  what names the case in failures.
 */
static void
check_round_trip(const struct edition *ed, const char *what)
{
	char *first, *second, *cause = NULL;
	size_t len1, len2;
	struct edition *back;

	first = export_string(ed, &len1);
	back = load_string(first, len1, 0, &cause);
	if (back == NULL)
		fail_msg("%s: export does not load back: %s", what, cause);
	second = export_string(back, &len2);
	if (len1 != len2 || memcmp(first, second, len1) != 0)
		fail_msg("%s: round trip differs\n--- expected\n%s\n--- got\n%s",
		    what, first, second);
	free(first);
	free(second);
	edition_free(back);
}

/* Load paths with load_paths (the way the binary does); fails on error. */
static struct edition *
load_path(const char *path)
{
	char *paths[1], *cause = NULL;
	struct edition *ed;

	paths[0] = (char *)path;
	ed = load_paths(paths, 1, NULL, &cause);
	if (ed == NULL)
		fail_msg("%s: expected to load, got: %s", path, cause);
	return ed;
}

/* A hand-written edition XML loads with every element in its place. */
static void
test_fixture_contents(void **state)
{
	struct edition *ed = load_fixture("edition.xml", 0);
	const struct article *a, *b;

	(void)state;
	assert_string_equal(ed->title, "示例日报 2024年3月5日");
	assert_string_equal(ed->source, "samples/shili");
	assert_string_equal(ed->encoding, "GB18030");
	assert_int_equal(ed->nsections, 2);
	assert_string_equal(ed->sections[0]->title, "第01版：要闻");
	assert_string_equal(ed->sections[1]->title, "第02版：Culture <English>");
	a = ed->sections[0]->articles[0];
	assert_int_equal(a->nheadlines, 3);
	assert_int_equal(a->headlines[0].role, HEADLINE_KICKER);
	assert_string_equal(a->headlines[1].text, "田间地头备耕忙");
	assert_int_equal(a->headlines[2].role, HEADLINE_SUB);
	assert_false(a->headlines[1].inferred);
	assert_string_equal(a->dateline, "本报讯");
	assert_string_equal(a->byline, "记者 林小雨 通讯员 周明");
	assert_int_equal(a->ncredits, 2);
	assert_string_equal(a->credits[0].role, "记者");
	assert_string_equal(a->credits[0].name, "林小雨");
	assert_string_equal(a->credits[1].role, "通讯员");
	assert_string_equal(a->credits[1].name, "周明");
	assert_int_equal(a->nblocks, 4);
	assert_int_equal(a->blocks[1].kind, BLOCK_SUBHEAD);
	assert_int_equal(a->blocks[3].kind, BLOCK_CAPTION);
	assert_string_equal(a->source_file, "samples/shili/01.txt");
	assert_int_equal(a->source_line, 7);
	/* Ids are recomputed from the text, not trusted from the file. */
	assert_string_not_equal(a->id, "0000000000000000");
	b = ed->sections[0]->articles[1];
	assert_int_equal(b->nheadlines, 1);
	assert_true(b->headlines[0].inferred);
	assert_non_null(strstr(b->blocks[0].text, "九点 & 周末"));
	/* Text is verbatim: the two spaces survive. */
	assert_non_null(strstr(ed->sections[1]->articles[0]->blocks[0].text,
	    "with  two"));
	assert_null(ed->sections[1]->articles[0]->source_file);
	/* A file from before paper, date and pages: all unknown. */
	assert_null(ed->paper);
	assert_null(ed->date);
	assert_int_equal(ed->sections[0]->page, 0);
	assert_null(ed->sections[0]->name);
	edition_free(ed);
}

/* Paper, date, page numbers and names load; absent ones stay unknown. */
static void
test_fixture_pages(void **state)
{
	struct edition *ed = load_fixture("edition-pages.xml", 0);

	(void)state;
	assert_string_equal(ed->paper, "人民日报");
	assert_string_equal(ed->date, "2026-03-02");
	assert_int_equal(ed->nsections, 4);
	assert_int_equal(ed->sections[0]->page, 1);
	assert_string_equal(ed->sections[0]->name, "要闻");
	assert_int_equal(ed->sections[1]->page, 5);
	assert_string_equal(ed->sections[1]->name, "评论");
	assert_int_equal(ed->sections[2]->page, 12);
	assert_null(ed->sections[2]->name);
	assert_int_equal(ed->sections[3]->page, 0);
	assert_string_equal(ed->sections[3]->name, "副刊");
	edition_free(ed);
	/* It is a real export, so it is valid too. */
	ed = load_fixture("edition-pages.xml", LOAD_XML_STRICT);
	edition_free(ed);
}

/*
 * edition-pages.xml is itself an export: loading and exporting it gives
 * its own bytes back, and the round trip holds.
 */
static void
test_round_trip_pages(void **state)
{
	struct edition *ed = load_fixture("edition-pages.xml", 0);
	char *want, *got;
	size_t wantlen = 0, gotlen = 0;

	(void)state;
	want = test_read_file(MARKUP_DIR "/edition-pages.xml", &wantlen);
	got = export_string(ed, &gotlen);
	if (wantlen != gotlen || memcmp(want, got, wantlen) != 0)
		fail_msg("edition-pages.xml: export differs\n--- expected\n"
		    "%s\n--- got\n%s", want, got);
	check_round_trip(ed, "edition-pages.xml");
	free(want);
	free(got);
	edition_free(ed);
}

/*
 * A date written by hand in a printed form loads as ISO; --strict, which
 * follows the schema, takes only ISO.
 */
static void
test_date_forms(void **state)
{
	static const struct {
		const char	*date;
		const char	*want;
	} cases[] = {
		{ "2026-03-02",		"2026-03-02" },
		{ "2026年3月2日",	"2026-03-02" },
		{ "2026.3.2",		"2026-03-02" },
		{ "二〇二六年十二月二十四日", "2026-12-24" },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *doc = NULL, *cause = NULL;
		struct edition *ed;

		if (asprintf(&doc, "<edition date='%s'><section page='3'>"
		    "</section></edition>", cases[i].date) < 0)
			fail();
		ed = load_string(doc, strlen(doc), 0, &cause);
		if (ed == NULL)
			fail_msg("date=\"%s\": expected to load, got: %s",
			    cases[i].date, cause);
		assert_string_equal(ed->date, cases[i].want);
		edition_free(ed);
		ed = load_string(doc, strlen(doc), LOAD_XML_STRICT, &cause);
		if (strcmp(cases[i].date, cases[i].want) == 0) {
			if (ed == NULL)
				fail_msg("date=\"%s\": expected to load in "
				    "strict mode, got: %s", cases[i].date,
				    cause);
			edition_free(ed);
		} else {
			if (ed != NULL)
				fail_msg("date=\"%s\": expected strict mode "
				    "to reject it", cases[i].date);
			check_prefix(cause, "1: ");
			assert_non_null(strstr(cause, "strict"));
			free(cause);
		}
		free(doc);
	}
}

/* export -> load -> export is byte-identical for a hand-written file. */
static void
test_round_trip_fixture(void **state)
{
	struct edition *ed = load_fixture("edition.xml", 0);

	(void)state;
	check_round_trip(ed, "edition.xml");
	edition_free(ed);
}

/* The round trip holds for editions read from NITF, HTML and raw text. */
static void
test_round_trip_all_formats(void **state)
{
	static const char *const inputs[] = {
		MARKUP_DIR "/nitf-full.xml",
		MARKUP_DIR "/nitf-latin1.xml",
		MARKUP_DIR "/nitf-edition",
		MARKUP_DIR "/html-zh.html",
		MARKUP_DIR "/html-en.html",
		MARKUP_DIR "/html-gbk.html",
		TEST_DATA_DIR "/corpus",
		TEST_SAMPLES_DIR,
		NULL
	};
	size_t i;

	(void)state;
	for (i = 0; inputs[i] != NULL; i++) {
		struct edition *ed = load_path(inputs[i]);

		check_round_trip(ed, inputs[i]);
		edition_free(ed);
	}
}

/* Hand-built editions: no sources, odd characters, empty blocks. */
static void
test_round_trip_built(void **state)
{
	struct edition *ed = edition_new("手工 & <built>", "built/");
	struct section *s = edition_add_section(ed, "版面 \"一\"", NULL);
	struct article *a = section_add_article(ed, s);

	(void)state;
	article_add_headline(ed, a, "  spaces  at ends  ", HEADLINE_MAIN,
	    false);
	article_add_headline(ed, a, "副题", HEADLINE_SUB, false);
	article_set_byline(ed, a, "记者 甲");
	article_add_block(ed, a, BLOCK_PARAGRAPH, "tab\there, ]]> and &amp;");
	article_add_block(ed, a, BLOCK_PARAGRAPH, "");
	article_add_block(ed, a, BLOCK_CAPTION, "图 ' \" < >");
	a = section_add_article(ed, s);
	article_add_block(ed, a, BLOCK_PARAGRAPH, "没有标题的文章，标题由导语推断而来。");
	edition_set_paper(ed, "报 \"甲\" & <乙>");
	assert_true(edition_set_date(ed, "2026-12-24"));
	section_set_page(ed, s, 4294967295u, "版名 & \"引号\"");
	section_set_page(ed, edition_add_section(ed, "七", NULL), 7, NULL);
	section_set_page(ed, edition_add_section(ed, "x", NULL), 0, "只有名");
	edition_finish(ed);
	assert_true(a->headlines[0].inferred);
	check_round_trip(ed, "built edition");
	edition_free(ed);
}

/* An unknown element is an error naming it and its line. */
static void
test_unknown_element(void **state)
{
	char *cause = load_fixture_error("edition-unknown.xml", 0);

	(void)state;
	check_prefix(cause, "6: unknown element <para> in <article>");
	free(cause);
}

/* A missing required attribute is an error with its line. */
static void
test_missing_id(void **state)
{
	char *cause = load_fixture_error("edition-noid.xml", 0);

	(void)state;
	check_prefix(cause, "4: <article> without an id");
	free(cause);
}

/* Malformed XML is a clear error with the line, not a crash. */
static void
test_malformed(void **state)
{
	char *cause = load_fixture_error("edition-malformed.xml", 0);

	(void)state;
	check_prefix(cause, "6: Opening and ending tag mismatch");
	free(cause);
}

/* Small structural errors, table-driven: document and expected prefix. */
static void
test_structure_table(void **state)
{
	static const struct {
		const char	*doc;
		const char	*want;
	} cases[] = {
		{ "<edition><section><article id='a'><headline>x</headline>"
		  "</article></section></edition>", "1: <headline> without a role" },
		{ "<edition>\n<section><article id='a'>\n<headline role='big'>"
		  "x</headline></article></section></edition>",
		  "3: unknown headline role \"big\"" },
		{ "<edition><section>\n<article id='a' line='x'/></section>"
		  "</edition>", "2: line=\"x\" is not a positive number" },
		{ "<edition><section><article id='a'>\n<p>a <b>bold</b></p>"
		  "</article></section></edition>", "2: unexpected element <b> in <p>" },
		{ "<edition>\n<page/></edition>", "2: unknown element <page> in <edition>" },
		{ "<edition><section>text</section></edition>",
		  "1: text outside an element in <section>" },
		{ "<nitf/>", "1: root element is <nitf>, not <edition>" },
		{ "<edition><section><article id='a'><byline>a</byline>\n"
		  "<byline>b</byline></article></section></edition>",
		  "2: second <byline>" },
		{ "<edition>", "1: " },
		{ "<edition>\n<section page='0'/></edition>",
		  "2: page=\"0\" is not a positive number" },
		{ "<edition>\n<section page='v'/></edition>",
		  "2: page=\"v\" is not a positive number" },
		{ "<edition>\n<section page='-5'/></edition>",
		  "2: page=\"-5\" is not a positive number" },
		{ "<edition>\n<section page='99999999999'/></edition>",
		  "2: page=\"99999999999\" is not a positive number" },
		{ "<edition date='2026-02-30'/>",
		  "1: date=\"2026-02-30\" is not a date (YYYY-MM-DD)" },
		{ "<edition date='last Monday'>\n</edition>",
		  "1: date=\"last Monday\" is not a date" },
		{ "<edition date=''/>", "1: date=\"\" is not a date" },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *cause = NULL;
		struct edition *ed = load_string(cases[i].doc,
		    strlen(cases[i].doc), 0, &cause);

		if (ed != NULL)
			fail_msg("case %zu: expected \"%s\", got an edition", i,
			    cases[i].want);
		check_prefix(cause, cases[i].want);
		free(cause);
	}
}

/* A failed load leaves the edition untouched (checked before building). */
static void
test_error_adds_nothing(void **state)
{
	static const char doc[] = "<edition><section title='a'><article "
	    "id='x'><p>ok</p></article></section><section title='b'>"
	    "<bogus/></section></edition>";
	static const char baddate[] = "<edition paper='报' date='2026-13-01'>"
	    "<section title='a' page='1'/></edition>";
	struct edition *ed = edition_new(NULL, NULL);
	char *cause = NULL;

	(void)state;
	assert_int_equal(load_xml(ed, doc, strlen(doc), "t.xml", "t", 0,
	    &cause), -1);
	assert_int_equal(ed->nsections, 0);
	free(cause);
	cause = NULL;
	assert_int_equal(load_xml(ed, baddate, strlen(baddate), "t.xml", "t",
	    0, &cause), -1);
	assert_int_equal(ed->nsections, 0);
	assert_null(ed->paper);
	assert_null(ed->date);
	free(cause);
	edition_free(ed);
}

/* Strict mode validates against the schema; lenient mode does not. */
static void
test_strict(void **state)
{
	struct edition *ed = load_fixture("edition-badid.xml", 0);
	char *cause = load_fixture_error("edition-badid.xml", LOAD_XML_STRICT);

	(void)state;
	edition_free(ed);
	check_prefix(cause, "4: ");
	assert_non_null(strstr(cause, "strict"));
	free(cause);
	/* A real export is valid. */
	ed = load_fixture("edition.xml", LOAD_XML_STRICT);
	edition_free(ed);
}

/* The sniffer sends each document to the right loader. */
static void
test_sniff(void **state)
{
	static const struct {
		const char		*text;
		enum markup_kind	 want;
	} cases[] = {
		{ "<?xml version='1.0'?>\n<edition/>", MARKUP_EDITION },
		{ "\xEF\xBB\xBF<edition title='x'>", MARKUP_EDITION },
		{ "<!-- c --><?pi x?><!DOCTYPE nitf SYSTEM 'n.dtd'>\n<nitf>",
		  MARKUP_NITF },
		{ "<!DOCTYPE x [<!ENTITY a '<html>'>]><nitf>", MARKUP_NITF },
		{ "<?xml version='1.0'?><n:nitf xmlns:n='u'>", MARKUP_NITF },
		{ "<!DOCTYPE html><title>x</title>", MARKUP_HTML },
		{ "<!doctype HTML>", MARKUP_HTML },
		{ "  <HTML><body>", MARKUP_HTML },
		{ "<div>x</div><body>y</body>", MARKUP_HTML },
		{ "<?xml version='1.0'?><rss/>", MARKUP_OTHER },
		{ "<<人民日报>> 第一版", MARKUP_NONE },
		{ "本报讯 今天", MARKUP_NONE },
		{ "", MARKUP_NONE },
	};
	size_t i;
	char root[16];

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		enum markup_kind got = load_markup_sniff(cases[i].text,
		    strlen(cases[i].text), root, sizeof root);

		if (got != cases[i].want)
			fail_msg("case %zu (%s): expected kind %d, got %d", i,
			    cases[i].text, cases[i].want, got);
	}
	load_markup_sniff("<?xml version='1.0'?><rss/>", 27, root, sizeof root);
	assert_string_equal(root, "rss");
}

/* Seconds of CPU time used so far by this process. */
static double
cpu_seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Peak resident memory in kB. */
static long
peak_kb(void)
{
	struct rusage ru;

	getrusage(RUSAGE_SELF, &ru);
	return ru.ru_maxrss;
}

/* A billion laughs is rejected fast, in little memory, with a clear error. */
static void
test_billion_laughs(void **state)
{
	struct buf doc = BUF_INIT;
	char *cause = NULL;
	double t0, dt;
	long m0, dm;
	int i, j;
	struct edition *ed;

	(void)state;
	buf_puts(&doc, "<?xml version='1.0'?>\n<!DOCTYPE edition [\n"
	    "<!ENTITY l0 'lol'>\n");
	for (i = 1; i <= 9; i++) {
		buf_printf(&doc, "<!ENTITY l%d '", i);
		for (j = 0; j < 10; j++)
			buf_printf(&doc, "&l%d;", i - 1);
		buf_puts(&doc, "'>\n");
	}
	buf_puts(&doc, "]>\n<edition><section><article id='a'><p>&l9;</p>"
	    "</article></section></edition>\n");
	m0 = peak_kb();
	t0 = cpu_seconds();
	ed = load_string(buf_str(&doc), doc.len, 0, &cause);
	dt = cpu_seconds() - t0;
	dm = peak_kb() - m0;
	assert_null(ed);
	if (strstr(cause, "entity") == NULL)
		fail_msg("expected an entity error, got \"%s\"", cause);
	if (dt >= 1.0)
		fail_msg("expected < 1 s, took %.3f s", dt);
	/* ASan's shadow memory inflates RSS, so the bound is generous. */
	if (dm > 64 * 1024)
		fail_msg("expected < 64 MB more memory, used %ld kB", dm);
	print_message("billion laughs: %.4f s, +%ld kB peak RSS: %s\n", dt, dm,
	    cause);
	free(cause);
	buf_free(&doc);
}

/* A quadratic blow-up (one big entity used many times) is refused too. */
static void
test_quadratic_blowup(void **state)
{
	struct buf doc = BUF_INIT;
	char *cause = NULL;
	struct edition *ed;
	double t0, dt;
	int i;

	(void)state;
	buf_puts(&doc, "<!DOCTYPE edition [<!ENTITY big '");
	for (i = 0; i < 100000; i++)
		buf_putc(&doc, 'x');
	buf_puts(&doc, "'>]><edition><section><article id='a'><p>");
	for (i = 0; i < 10000; i++)
		buf_puts(&doc, "&big;");
	buf_puts(&doc, "</p></article></section></edition>");
	t0 = cpu_seconds();
	ed = load_string(buf_str(&doc), doc.len, 0, &cause);
	dt = cpu_seconds() - t0;
	if (ed != NULL)
		fail_msg("expected the 1 GB expansion to be refused");
	print_message("quadratic blow-up: %.4f s: %s\n", dt, cause);
	free(cause);
	/*
	 * Natively a few milliseconds; the bound leaves room for valgrind
	 * (about 3 s there) while still catching a real expansion.
	 */
	if (dt >= 10.0)
		fail_msg("expected < 10 s, took %.3f s", dt);
	buf_free(&doc);
}

/* 100000 levels of nesting hit libxml2's depth limit: an error, no crash. */
static void
test_deep_nesting(void **state)
{
	struct buf doc = BUF_INIT;
	char *cause = NULL;
	struct edition *ed;
	int i;

	(void)state;
	buf_puts(&doc, "<edition>");
	for (i = 0; i < 100000; i++)
		buf_puts(&doc, "<section>");
	for (i = 0; i < 100000; i++)
		buf_puts(&doc, "</section>");
	buf_puts(&doc, "</edition>");
	ed = load_string(buf_str(&doc), doc.len, 0, &cause);
	assert_null(ed);
	check_prefix(cause, "1: elements nested too deeply");
	free(cause);
	buf_free(&doc);
}

/* An external entity naming /etc/passwd is not read. */
static void
test_external_entity(void **state)
{
	static const char doc[] = "<?xml version='1.0'?>\n"
	    "<!DOCTYPE edition [<!ENTITY xxe SYSTEM 'file:///etc/passwd'>]>\n"
	    "<edition><section><article id='a'><p>[&xxe;]</p></article>"
	    "</section></edition>";
	struct edition *ed;
	char *cause = NULL;

	(void)state;
	ed = load_string(doc, strlen(doc), 0, &cause);
	/* Either refused or loaded without the file: never its content. */
	if (ed != NULL) {
		const char *p = ed->sections[0]->articles[0]->blocks[0].text;

		if (strstr(p, "root:") != NULL)
			fail_msg("/etc/passwd leaked into the text: %s", p);
		assert_string_equal(p, "[]");
		edition_free(ed);
	} else
		free(cause);
}

/* No libxml2 message reaches stderr while parsing bad documents. */
static void
test_no_stderr(void **state)
{
	static const char bad[] = "<edition><section></edition>";
	char *cause = NULL, buf[64];
	FILE *tmp = tmpfile();
	int saved, fd;

	(void)state;
	assert_non_null(tmp);
	fflush(stderr);
	saved = dup(2);
	fd = fileno(tmp);
	dup2(fd, 2);
	assert_null(load_string(bad, strlen(bad), 0, &cause));
	free(cause);
	cause = NULL;
	assert_null(load_string("<edition>&undefined;</edition>", 30, 0,
	    &cause));
	free(cause);
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	rewind(tmp);
	if (fgets(buf, sizeof buf, tmp) != NULL)
		fail_msg("expected nothing on stderr, got \"%s\"", buf);
	fclose(tmp);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fixture_contents),
		cmocka_unit_test(test_round_trip_fixture),
		cmocka_unit_test(test_fixture_pages),
		cmocka_unit_test(test_round_trip_pages),
		cmocka_unit_test(test_date_forms),
		cmocka_unit_test(test_round_trip_all_formats),
		cmocka_unit_test(test_round_trip_built),
		cmocka_unit_test(test_unknown_element),
		cmocka_unit_test(test_missing_id),
		cmocka_unit_test(test_malformed),
		cmocka_unit_test(test_structure_table),
		cmocka_unit_test(test_error_adds_nothing),
		cmocka_unit_test(test_strict),
		cmocka_unit_test(test_sniff),
		cmocka_unit_test(test_billion_laughs),
		cmocka_unit_test(test_quadratic_blowup),
		cmocka_unit_test(test_deep_nesting),
		cmocka_unit_test(test_external_entity),
		cmocka_unit_test(test_no_stderr),
	};

	return cmocka_run_group_tests(tests, test_utf8_locale, NULL);
}
