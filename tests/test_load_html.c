/*
 * test_load_html.c - unit tests for load_html.c (HTML article pages).
 *
 * Fixtures under tests/data/markup: a Chinese digital-edition page
 * (h3/h1/h2 headline group, byline paragraph, div#ozoom body, with
 * navigation, an ad, a script, a comment and a footer around it), a
 * generic English news page (header, related links, comments, sidebar,
 * form), and a GBK page with <meta charset=gbk> decoded by encoding.c as
 * load.c does.  Every test also checks that no text of the junk around the
 * story leaks into the article.
 */
#include "config.h"

#include "common.h"

#include <stdbool.h>

#include "buf.h"
#include "edition.h"
#include "encoding.h"
#include "load_html.h"

#define MARKUP_DIR	TEST_DATA_DIR "/markup"

/* Load an HTML string into a finished edition; fails on error. */
static struct edition *
load_string(const char *text, size_t len)
{
	struct edition *ed = edition_new(NULL, "page.html");
	char *cause = NULL;

	if (load_html(ed, text, len, "page.html", "page", &cause) != 1)
		fail_msg("expected 1 article, got error: %s", cause);
	edition_finish(ed);
	return ed;
}

/* Load a fixture; fails on error. */
static struct edition *
load_fixture(const char *name, const char **enc)
{
	size_t len;
	char *text = read_decoded(name, &len, enc);
	struct edition *ed = load_string(text, len);

	free(text);
	return ed;
}

/* All the text of an article, one line per headline, byline and block. */
static char *
article_text(const struct article *a)
{
	struct buf b = BUF_INIT;
	size_t i;

	for (i = 0; i < a->nheadlines; i++)
		buf_printf(&b, "%s\n", a->headlines[i].text);
	if (a->byline != NULL)
		buf_printf(&b, "%s\n", a->byline);
	for (i = 0; i < a->nblocks; i++)
		buf_printf(&b, "%s\n", a->blocks[i].text);
	return buf_detach(&b);
}

/* Fail if any of the words occurs in the article's text. */
static void
check_absent(const struct article *a, const char *const *words)
{
	char *all = article_text(a);
	size_t i;

	for (i = 0; words[i] != NULL; i++)
		if (strstr(all, words[i]) != NULL)
			fail_msg("expected no \"%s\" in the article, got:\n%s",
			    words[i], all);
	free(all);
}

/* A Chinese digital-edition page: headline group, byline, body. */
static void
test_chinese_edition(void **state)
{
	static const char *const junk[] = { "脚本", "注释", "广告", "版权",
	    "分享", "本版新闻", "老城区", "数字报", "第01版", "text-indent",
	    "被脚本写出", NULL };
	struct edition *ed = load_fixture("html-zh.html", NULL);
	const struct article *a;

	(void)state;
	assert_int_equal(ed->nsections, 1);
	assert_string_equal(ed->sections[0]->title,
	    "示例日报-2024年03月05日-第03版：城市");
	a = ed->sections[0]->articles[0];
	assert_int_equal(a->nheadlines, 3);
	assert_int_equal(a->headlines[0].role, HEADLINE_KICKER);
	assert_string_equal(a->headlines[0].text, "两年建设　六公里绿道");
	assert_int_equal(a->headlines[1].role, HEADLINE_MAIN);
	assert_string_equal(a->headlines[1].text, "河畔公园今日开园");
	assert_int_equal(a->headlines[2].role, HEADLINE_SUB);
	assert_string_equal(a->byline, "本报记者　高远　通讯员　沈佳");
	assert_int_equal(a->ncredits, 2);
	assert_string_equal(a->credits[0].role, "本报记者");
	assert_string_equal(a->credits[0].name, "高远");
	assert_string_equal(a->credits[1].role, "通讯员");
	assert_string_equal(a->credits[1].name, "沈佳");
	assert_string_equal(a->dateline, "本报讯");
	assert_int_equal(a->nblocks, 4);
	/* Indentation trimmed, the source's line break inside removed. */
	assert_string_equal(a->blocks[0].text, "本报讯（记者高远　通讯员沈佳）"
	    "经过两年建设，沿河而建的河畔公园今天上午正式向市民开放，"
	    "首日入园游客超过两万人次。");
	assert_int_equal(a->blocks[2].kind, BLOCK_SUBHEAD);
	assert_string_equal(a->blocks[2].text, "交通提示");
	assert_int_equal(a->source_line, 34);
	check_absent(a, junk);
	edition_free(ed);
}

/* A generic English page: the story, not the links and comments. */
static void
test_english_news(void **state)
{
	static const char *const junk[] = { "Advertisement", "Related",
	    "Bridge repairs", "Great news", "parking", "Storm", "Copyright",
	    "Subscribe", "script text", "Sport", "Transport", "5 March",
	    "Example Courier", NULL };
	struct edition *ed = load_fixture("html-en.html", NULL);
	const struct article *a = ed->sections[0]->articles[0];

	(void)state;
	assert_int_equal(a->nheadlines, 2);
	assert_string_equal(a->headlines[0].text,
	    "Harbour ferry returns after ten years");
	assert_int_equal(a->headlines[0].role, HEADLINE_MAIN);
	assert_int_equal(a->headlines[1].role, HEADLINE_SUB);
	assert_string_equal(a->byline, "By Jane Doe and John Roe");
	assert_int_equal(a->ncredits, 2);
	assert_string_equal(a->credits[0].name, "Jane Doe");
	assert_null(a->credits[0].role);
	assert_string_equal(a->credits[1].name, "John Roe");
	assert_int_equal(a->nblocks, 6);
	assert_int_equal(a->blocks[0].kind, BLOCK_PARAGRAPH);
	assert_int_equal(a->blocks[2].kind, BLOCK_SUBHEAD);
	assert_string_equal(a->blocks[2].text, "A long campaign");
	assert_int_equal(a->blocks[4].kind, BLOCK_CAPTION);
	assert_string_equal(a->blocks[4].text, "The new ferry on a trial run.");
	check_absent(a, junk);
	edition_free(ed);
}

/* A GBK page (meta charset) decodes once and reads correctly. */
static void
test_gbk_meta(void **state)
{
	const char *enc = NULL;
	struct edition *ed = load_fixture("html-gbk.html", &enc);
	const struct article *a = ed->sections[0]->articles[0];

	(void)state;
	assert_string_equal(enc, "GB18030");
	assert_string_equal(ed->sections[0]->title, "示例晚报 第05版：社会");
	assert_string_equal(article_title(a), "老街巷里的修鞋匠");
	assert_string_equal(a->byline, "记者 王晓晨");
	assert_int_equal(a->nblocks, 2);
	assert_non_null(strstr(a->blocks[0].text, "李师傅"));
	edition_free(ed);
}

/* UTF-8 text under a stale <meta charset=gb2312> is not re-decoded. */
static void
test_stale_meta(void **state)
{
	static const char page[] = "<html><head><meta charset=\"gb2312\">"
	    "</head><body><div class=\"content\"><p>这是一段用来测试编码的"
	    "中文新闻正文，不应出现乱码。</p><p>第二段同样是较长的正文内容，"
	    "用来保证打分选中正文区域。</p></div></body></html>";
	struct edition *ed = load_string(page, strlen(page));
	const struct article *a = ed->sections[0]->articles[0];

	(void)state;
	assert_string_equal(a->blocks[0].text,
	    "这是一段用来测试编码的中文新闻正文，不应出现乱码。");
	/* No <title>: the section is named after the file. */
	assert_string_equal(ed->sections[0]->title, "page");
	edition_free(ed);
}

/* Paragraphs separated by <br> in one div become paragraphs. */
static void
test_br_paragraphs(void **state)
{
	static const char page[] = "<html><body><div id=\"ozoom\">"
	    "　　第一段：市政府今天召开新闻发布会，介绍今年的民生实事。<br>"
	    "　　第二段：今年将新建社区食堂二十个，改造老旧小区五十个。<br><br>"
	    "　　第三段：各项目将在年底前全部完工并投入使用。</div></body>"
	    "</html>";
	struct edition *ed = load_string(page, strlen(page));
	const struct article *a = ed->sections[0]->articles[0];

	(void)state;
	assert_int_equal(a->nblocks, 3);
	assert_string_equal(a->blocks[2].text,
	    "第三段：各项目将在年底前全部完工并投入使用。");
	/* No headline printed: edition_finish infers one from the lead. */
	assert_true(a->headlines[0].inferred);
	edition_free(ed);
}

/* Without an h1 the page title (minus the site name) is the headline. */
static void
test_title_headline(void **state)
{
	static const char page[] = "<html><head><title>Library opens late "
	    "on Fridays - Example Courier</title></head><body><div><p>The "
	    "city library will stay open until ten on Fridays from next "
	    "month, the council said.</p></div></body></html>";
	struct edition *ed = load_string(page, strlen(page));
	const struct article *a = ed->sections[0]->articles[0];

	(void)state;
	assert_string_equal(a->headlines[0].text, "Library opens late on "
	    "Fridays");
	assert_false(a->headlines[0].inferred);
	edition_free(ed);
}

/* A page with no text is an error, not an empty article. */
static void
test_no_text(void **state)
{
	static const char page[] = "<html><head><title>空</title>"
	    "<script>var a = '很长很长的脚本内容不算正文，很长很长很长';"
	    "</script></head><body><nav><a href=/>首页</a></nav></body></html>";
	struct edition *ed = edition_new(NULL, NULL);
	char *cause = NULL;

	(void)state;
	assert_int_equal(load_html(ed, page, strlen(page), "p.html", "p",
	    &cause), -1);
	assert_string_equal(cause, "no article text in this page");
	assert_int_equal(ed->nsections, 0);
	free(cause);
	edition_free(ed);
}

/* 100000 nested divs: libxml2 caps the depth; no crash. */
static void
test_deep_nesting(void **state)
{
	struct buf b = BUF_INIT;
	struct edition *ed = edition_new(NULL, NULL);
	char *cause = NULL;
	int i, n;

	(void)state;
	buf_puts(&b, "<html><body><p>开头的一段文字足够长，可以算作正文内容。"
	    "</p>");
	for (i = 0; i < 100000; i++)
		buf_puts(&b, "<div>");
	buf_puts(&b, "深处");
	for (i = 0; i < 100000; i++)
		buf_puts(&b, "</div>");
	buf_puts(&b, "</body></html>");
	n = load_html(ed, buf_str(&b), b.len, "deep.html", "deep", &cause);
	assert_true(n == 1 || n == -1);
	if (n == -1)
		free(cause);
	buf_free(&b);
	edition_free(ed);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_chinese_edition),
		cmocka_unit_test(test_english_news),
		cmocka_unit_test(test_gbk_meta),
		cmocka_unit_test(test_stale_meta),
		cmocka_unit_test(test_br_paragraphs),
		cmocka_unit_test(test_title_headline),
		cmocka_unit_test(test_no_text),
		cmocka_unit_test(test_deep_nesting),
	};

	return cmocka_run_group_tests(tests, test_utf8_locale, NULL);
}
