/*
 * test_clip.c - articles as text, Markdown and OSC 52 (clip.h).
 */
#include "config.h"

#include "common.h"

#include "clip.h"
#include "edition.h"

/* An article with every kind of line, and one with escapes in it. */
static struct edition *
clip_edition(void)
{
	struct edition *ed = edition_new("测试", "memory");
	struct section *s = edition_add_section(ed, "第01版：要闻", "a.txt");
	struct article *a = section_add_article(ed, s);

	article_add_headline(ed, a, "坚持稳中求进", HEADLINE_KICKER, false);
	article_add_headline(ed, a, "同比增长3.5%", HEADLINE_MAIN, false);
	article_add_headline(ed, a, "——2021年经济运行情况", HEADLINE_SUB,
	    false);
	article_set_byline(ed, a, "记者 王译博");
	article_add_block(ed, a, BLOCK_PARAGRAPH, "第一段。");
	article_add_block(ed, a, BLOCK_SUBHEAD, "数据说明");
	article_add_block(ed, a, BLOCK_PARAGRAPH, "# 不是标题，*不是*强调。");
	article_add_block(ed, a, BLOCK_CAPTION, "图片说明");
	a = section_add_article(ed, s);
	article_add_headline(ed, a, "Evil \x1b]52;c;SGVsbG8=\x07 title",
	    HEADLINE_MAIN, false);
	article_add_block(ed, a, BLOCK_PARAGRAPH, "Text \x1b[2J here.");
	edition_finish(ed);
	return ed;
}

/* Plain text: headlines, byline, paragraphs apart, subhead and caption marked. */
static void
test_text(void **state)
{
	static const char want[] =
	    "坚持稳中求进\n"
	    "同比增长3.5%\n"
	    "——2021年经济运行情况\n"
	    "记者 王译博\n"
	    "\n第一段。\n"
	    "\n【数据说明】\n"
	    "\n# 不是标题，*不是*强调。\n"
	    "\n[图] 图片说明\n";
	struct edition *ed = clip_edition();
	char *got = clip_text(ed->sections[0]->articles[0]);

	(void)state;
	if (strcmp(got, want) != 0)
		fail_msg("expected:\n%s\ngot:\n%s", want, got);
	free(got);
	edition_free(ed);
}

/* Markdown: # title, emphasised kicker/sub/byline/caption, ## subhead, escapes. */
static void
test_markdown(void **state)
{
	static const char want[] =
	    "*坚持稳中求进*\n\n"
	    "# 同比增长3.5%\n\n"
	    "*——2021年经济运行情况*\n\n"
	    "*记者 王译博*\n\n"
	    "第一段。\n\n"
	    "## 数据说明\n\n"
	    "\\# 不是标题，\\*不是\\*强调。\n\n"
	    "*图片说明*\n";
	struct edition *ed = clip_edition();
	char *got = clip_markdown(ed->sections[0]->articles[0]);

	(void)state;
	if (strcmp(got, want) != 0)
		fail_msg("expected:\n%s\ngot:\n%s", want, got);
	free(got);
	edition_free(ed);
}

/* No escape or control byte of the source survives in text or Markdown. */
static void
test_sanitised(void **state)
{
	struct edition *ed = clip_edition();
	const struct article *a = ed->sections[0]->articles[1];
	char *outs[2];
	size_t i, k;

	(void)state;
	outs[0] = clip_text(a);
	outs[1] = clip_markdown(a);
	for (k = 0; k < 2; k++) {
		for (i = 0; outs[k][i] != '\0'; i++) {
			unsigned char c = (unsigned char)outs[k][i];

			if ((c < 0x20 && c != '\n') || c == 0x7f)
				fail_msg("output %zu: control byte 0x%02x at "
				    "%zu", k, c, i);
		}
		free(outs[k]);
	}
	edition_free(ed);
}

/* RFC 4648 section 10 test vectors. */
static void
test_base64(void **state)
{
	static const char *const v[][2] = {
		{ "", "" }, { "f", "Zg==" }, { "fo", "Zm8=" },
		{ "foo", "Zm9v" }, { "foob", "Zm9vYg==" },
		{ "fooba", "Zm9vYmE=" }, { "foobar", "Zm9vYmFy" },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof v / sizeof v[0]; i++) {
		char *got = clip_base64((const unsigned char *)v[i][0],
		    strlen(v[i][0]));

		if (strcmp(got, v[i][1]) != 0)
			fail_msg("base64(\"%s\"): expected %s, got %s",
			    v[i][0], v[i][1], got);
		free(got);
	}
}

/* OSC 52: framed as ESC ] 52 ; c ; ... BEL; long text cut on a character. */
static void
test_osc52(void **state)
{
	char *seq, *big;
	int cut = -1;
	size_t n, i;

	(void)state;
	seq = clip_osc52("看报", strlen("看报"), &cut);
	assert_string_equal(seq, "\033]52;c;55yL5oql\a");
	assert_int_equal(cut, 0);
	free(seq);
	/* 3-byte characters past the limit: cut to whole characters. */
	n = CLIP_OSC52_MAX + 10;
	big = malloc(n + 1);
	assert_non_null(big);
	for (i = 0; i + 3 <= n; i += 3)
		memcpy(big + i, "报", 3);
	n = i;
	big[n] = '\0';
	seq = clip_osc52(big, n, &cut);
	assert_int_equal(cut, 1);
	/* CLIP_OSC52_MAX rounded down to a multiple of 3, base64'd. */
	assert_int_equal(strlen(seq), 7 + (CLIP_OSC52_MAX / 3 * 3 + 2) / 3 *
	    4 + 1);
	free(seq);
	free(big);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_text),
		cmocka_unit_test(test_markdown),
		cmocka_unit_test(test_sanitised),
		cmocka_unit_test(test_base64),
		cmocka_unit_test(test_osc52),
	};

	return cmocka_run_group_tests(tests, test_utf8_locale, NULL);
}
