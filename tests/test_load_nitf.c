/*
 * test_load_nitf.c - unit tests for load_nitf.c (NITF 3.x documents).
 *
 * Fixtures under tests/data/markup: a document using every element kanbao
 * reads, one in ISO-8859-1 (decoded by encoding.c first, as load.c does),
 * a directory whose pubdata groups stories into sections, malformed ones,
 * and the hostile inputs: an external entity naming /etc/passwd and a DTD
 * on the network (a loopback listener proves no connection is made).
 */
#include "config.h"

#include "common.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include "edition.h"
#include "encoding.h"
#include "load_nitf.h"

#define MARKUP_DIR	TEST_DATA_DIR "/markup"

/* The file name without directory and extension (caller frees). */
static char *
stem_of(const char *name)
{
	const char *base = strrchr(name, '/');
	char *s, *dot;

	s = strdup(base != NULL ? base + 1 : name);
	assert_non_null(s);
	if ((dot = strrchr(s, '.')) != NULL)
		*dot = '\0';
	return s;
}

/* Load one fixture into ed; returns load_nitf's result, *cause on error. */
static int
load_into(struct edition *ed, const char *name, char **cause)
{
	size_t len;
	char *text = read_decoded(name, &len, NULL), *stem = stem_of(name);
	int n;

	n = load_nitf(ed, text, len, name, stem, cause);
	free(text);
	free(stem);
	return n;
}

/* A fixture loaded alone into a finished edition; fails on error. */
static struct edition *
load_one(const char *name)
{
	struct edition *ed = edition_new(NULL, name);
	char *cause = NULL;

	if (load_into(ed, name, &cause) != 1)
		fail_msg("%s: expected 1 article, got error: %s", name, cause);
	edition_finish(ed);
	return ed;
}

/* Every element of a full NITF document lands in the model. */
static void
test_full(void **state)
{
	struct edition *ed = load_one("nitf-full.xml");
	const struct article *a;

	(void)state;
	assert_int_equal(ed->nsections, 1);
	assert_string_equal(ed->sections[0]->title, "城市");
	a = ed->sections[0]->articles[0];
	assert_int_equal(a->nheadlines, 2);
	assert_int_equal(a->headlines[0].role, HEADLINE_MAIN);
	assert_string_equal(a->headlines[0].text, "河畔公园今日开园");
	assert_int_equal(a->headlines[1].role, HEADLINE_SUB);
	assert_string_equal(a->headlines[1].text,
	    "新增步道十二公里 配套停车位八百个");
	assert_string_equal(a->byline, "记者 高远 通讯员 沈佳");
	assert_int_equal(a->ncredits, 2);
	assert_string_equal(a->credits[0].role, "记者");
	assert_string_equal(a->credits[0].name, "高远");
	assert_string_equal(a->credits[1].role, "通讯员");
	assert_string_equal(a->credits[1].name, "沈佳");
	assert_string_equal(a->dateline, "本报讯");
	assert_int_equal(a->nblocks, 5);
	/* A line break between two Chinese characters is not a space. */
	assert_string_equal(a->blocks[0].text, "本报讯（记者 高远 通讯员 沈佳）"
	    "经过两年建设，沿河而建的河畔公园今天上午正式向市民开放。");
	assert_int_equal(a->blocks[2].kind, BLOCK_SUBHEAD);
	assert_string_equal(a->blocks[2].text, "交通提示");
	assert_int_equal(a->blocks[3].kind, BLOCK_PARAGRAPH);
	assert_int_equal(a->blocks[4].kind, BLOCK_CAPTION);
	assert_string_equal(a->blocks[4].text, "河畔公园湿地区一角。");
	assert_string_equal(a->source_file, "nitf-full.xml");
	assert_int_equal(a->source_line, 22);
	edition_free(ed);
}

/* An ISO-8859-1 document, decoded first, is read once, not twice. */
static void
test_latin1(void **state)
{
	struct edition *ed = load_one("nitf-latin1.xml");
	const struct article *a = ed->sections[0]->articles[0];

	(void)state;
	assert_string_equal(ed->sections[0]->title, "Culture");
	assert_string_equal(a->headlines[0].text,
	    "Café culture returns to the old quarter");
	assert_string_equal(a->byline, "By Renée Martin, Staff Writer");
	assert_int_equal(a->ncredits, 1);
	assert_string_equal(a->credits[0].name, "Renée Martin");
	assert_string_equal(a->credits[0].role, "Staff Writer");
	assert_string_equal(a->dateline, "LYON, March 5");
	assert_non_null(strstr(a->blocks[0].text, "naïve"));
	edition_free(ed);
}

/* A directory of stories groups by position.section, in file order. */
static void
test_sections(void **state)
{
	static const char *const files[] = { "nitf-edition/01.xml",
	    "nitf-edition/02.xml", "nitf-edition/03.xml",
	    "nitf-edition/04.xml" };
	struct edition *ed = edition_new(NULL, "nitf-edition");
	char *cause = NULL;
	size_t i;

	(void)state;
	for (i = 0; i < 4; i++)
		if (load_into(ed, files[i], &cause) != 1)
			fail_msg("%s: %s", files[i], cause);
	edition_finish(ed);
	assert_int_equal(ed->nsections, 3);
	assert_string_equal(ed->sections[0]->title, "要闻");
	assert_int_equal(ed->sections[0]->narticles, 2);
	assert_string_equal(article_title(ed->sections[0]->articles[0]),
	    "全市春季植树活动启动");
	assert_string_equal(article_title(ed->sections[0]->articles[1]),
	    "地铁五号线全线贯通");
	assert_string_equal(ed->sections[1]->title, "经济");
	/* No pubdata: a section named after the file. */
	assert_string_equal(ed->sections[2]->title, "04");
	edition_free(ed);
}

/* Malformed NITF is an error with the line, and adds nothing. */
static void
test_malformed(void **state)
{
	struct edition *ed = edition_new(NULL, NULL);
	char *cause = NULL;

	(void)state;
	assert_int_equal(load_into(ed, "nitf-malformed.xml", &cause), -1);
	if (strncmp(cause, "7: Opening and ending tag mismatch", 34) != 0)
		fail_msg("expected \"7: Opening and ending tag mismatch...\", "
		    "got \"%s\"", cause);
	assert_int_equal(ed->nsections, 0);
	free(cause);
	edition_free(ed);
}

/* Small documents and the error or result they give, table-driven. */
static void
test_table(void **state)
{
	static const struct {
		const char	*doc;
		const char	*want;	/* error prefix, or NULL: loads */
	} cases[] = {
		{ "<edition/>", "1: root element is <edition>, not <nitf>" },
		{ "<nitf><body/></nitf>", "1: NITF document without headline" },
		{ "<nitf>\n<body><p>x</nitf>", "2: " },
		{ "<nitf xmlns='http://iptc.org/std/NITF/2006-10-18/'><body>"
		  "<body.content><p>命名空间里的正文</p></body.content></body>"
		  "</nitf>", NULL },
		{ "<nitf><head><title>只有标题</title></head></nitf>", NULL },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct edition *ed = edition_new(NULL, NULL);
		char *cause = NULL;
		int n = load_nitf(ed, cases[i].doc, strlen(cases[i].doc),
		    "t.xml", "t", &cause);

		if (cases[i].want == NULL && n != 1)
			fail_msg("case %zu: expected to load, got \"%s\"", i,
			    cause);
		if (cases[i].want != NULL && (n != -1 || strncmp(cause,
		    cases[i].want, strlen(cases[i].want)) != 0))
			fail_msg("case %zu: expected \"%s\", got %d \"%s\"", i,
			    cases[i].want, n, n == -1 ? cause : "");
		free(cause);
		edition_free(ed);
	}
}

/* An entity from the unloaded NITF DTD is dropped; the rest is read. */
static void
test_dtd_entity(void **state)
{
	struct edition *ed = load_one("nitf-dtd-entity.xml");

	(void)state;
	assert_string_equal(ed->sections[0]->articles[0]->blocks[0].text,
	    "Before after.");
	edition_free(ed);
}

/* An external entity naming /etc/passwd is never read. */
static void
test_external_entity(void **state)
{
	static const char doc[] = "<?xml version='1.0'?>\n"
	    "<!DOCTYPE nitf [<!ENTITY xxe SYSTEM 'file:///etc/passwd'>\n"
	    "<!ENTITY % pe SYSTEM 'file:///etc/passwd'> %pe;]>\n"
	    "<nitf><body><body.content><p>[&xxe;]</p></body.content></body>"
	    "</nitf>";
	struct edition *ed = edition_new(NULL, NULL);
	char *cause = NULL;
	size_t i;

	(void)state;
	if (load_nitf(ed, doc, strlen(doc), "t.xml", "t", &cause) == 1) {
		const struct article *a = ed->sections[0]->articles[0];

		for (i = 0; i < a->nblocks; i++)
			if (strstr(a->blocks[i].text, "root:") != NULL)
				fail_msg("/etc/passwd leaked: %s",
				    a->blocks[i].text);
		assert_string_equal(a->blocks[0].text, "[]");
	} else
		free(cause);
	edition_free(ed);
}

/* A DTD on the network is not fetched: the listener sees no connection. */
static void
test_network_dtd(void **state)
{
	struct sockaddr_in sa;
	socklen_t salen = sizeof sa;
	struct edition *ed = edition_new(NULL, NULL);
	char *doc = NULL, *cause = NULL;
	int s, c, n;

	(void)state;
	s = socket(AF_INET, SOCK_STREAM, 0);
	assert_true(s >= 0);
	memset(&sa, 0, sizeof sa);
	sa.sin_family = AF_INET;
	sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	assert_int_equal(bind(s, (struct sockaddr *)&sa, sizeof sa), 0);
	assert_int_equal(listen(s, 4), 0);
	assert_int_equal(getsockname(s, (struct sockaddr *)&sa, &salen), 0);
	fcntl(s, F_SETFL, O_NONBLOCK);
	if (asprintf(&doc, "<?xml version='1.0'?>\n<!DOCTYPE nitf SYSTEM "
	    "'http://127.0.0.1:%d/nitf.dtd' [<!ENTITY e SYSTEM "
	    "'http://127.0.0.1:%d/e.txt'>]>\n<nitf><body><body.content>"
	    "<p>text &e;</p></body.content></body></nitf>",
	    ntohs(sa.sin_port), ntohs(sa.sin_port)) < 0)
		fail();
	n = load_nitf(ed, doc, strlen(doc), "t.xml", "t", &cause);
	c = accept(s, NULL, NULL);
	if (c >= 0) {
		close(c);
		fail_msg("expected no connection, got one");
	}
	assert_true(errno == EAGAIN || errno == EWOULDBLOCK);
	if (n == 1)
		assert_string_equal(ed->sections[0]->articles[0]->blocks[0].text,
		    "text");
	free(cause);
	free(doc);
	close(s);
	edition_free(ed);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_full),
		cmocka_unit_test(test_latin1),
		cmocka_unit_test(test_sections),
		cmocka_unit_test(test_malformed),
		cmocka_unit_test(test_table),
		cmocka_unit_test(test_dtd_entity),
		cmocka_unit_test(test_external_entity),
		cmocka_unit_test(test_network_dtd),
	};

	return cmocka_run_group_tests(tests, test_utf8_locale, NULL);
}
