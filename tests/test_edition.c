/*
 * test_edition.c - the edition model: building, finishing, inferred
 * headlines and stable ids.
 */
#include "config.h"

#include "common.h"

#include "edition.h"
#include "xalloc.h"

/* Build a one-article edition with the given headline and lead. */
static struct edition *
one_article(const char *headline, const char *lead, struct article **out)
{
	struct edition *ed = edition_new("t", "t.txt");
	struct section *s = edition_add_section(ed, "第01版", "t.txt");
	struct article *a = section_add_article(ed, s);

	if (headline != NULL)
		article_add_headline(ed, a, headline, HEADLINE_MAIN, false);
	article_set_dateline(ed, a, "本报讯");
	article_add_block(ed, a, BLOCK_PARAGRAPH, lead);
	article_add_block(ed, a, BLOCK_PARAGRAPH, "第二段。");
	edition_finish(ed);
	*out = a;
	return ed;
}

/* Builder calls land in order and strings are copied into the arena. */
static void
test_build(void **state)
{
	struct edition *ed = edition_new("报", "dir");
	struct section *s1, *s2;
	struct article *a;
	char text[16];
	size_t i;

	(void)state;
	s1 = edition_add_section(ed, "第01版：要闻", "1.txt");
	s2 = edition_add_section(ed, NULL, "2.txt");
	for (i = 0; i < 40; i++) {	/* enough to grow every array */
		a = section_add_article(ed, s1);
		snprintf(text, sizeof text, "标题%zu", i);
		article_add_headline(ed, a, text, HEADLINE_MAIN, false);
		article_add_block(ed, a, BLOCK_PARAGRAPH, text);
	}
	a = section_add_article(ed, s2);
	strcpy(text, "引题");
	article_add_headline(ed, a, text, HEADLINE_KICKER, false);
	text[0] = 'X';			/* the model must hold its own copy */
	article_add_headline(ed, a, "主题", HEADLINE_MAIN, false);
	article_add_credit(ed, a, "记者", "王译博");
	article_add_credit(ed, a, NULL, "高岩");
	article_set_byline(ed, a, "记者 王译博 高岩");
	article_set_source(ed, a, "2.txt", 7);
	article_add_block(ed, a, BLOCK_SUBHEAD, "小标题");
	article_add_block(ed, a, BLOCK_PARAGRAPH, "正文。");
	edition_finish(ed);

	assert_int_equal(ed->nsections, 2);
	assert_int_equal(s1->narticles, 40);
	assert_string_equal(s1->articles[39]->headlines[0].text, "标题39");
	assert_null(s2->title);
	assert_string_equal(a->headlines[0].text, "引题");
	assert_int_equal(a->headlines[0].role, HEADLINE_KICKER);
	assert_string_equal(article_title(a), "主题");
	assert_int_equal(a->ncredits, 2);
	assert_null(a->credits[1].role);
	assert_string_equal(a->credits[0].name, "王译博");
	assert_int_equal(a->source_line, 7);
	assert_int_equal(a->length, 6);		/* 小标题 + 正文。 */
	assert_int_equal(edition_count_articles(ed), 41);
	assert_int_equal(strlen(a->id), 16);
	edition_free(ed);
}

/*
 * A block kept where it is (article_add_block_kept) points into a buffer
 * the edition adopted and frees (valgrind's leak check sees to that);
 * copied blocks around it are unaffected.
 */
static void
test_kept_block(void **state)
{
	struct edition *ed = edition_new("报", "t.txt");
	struct section *s = edition_add_section(ed, "第01版", "t.txt");
	struct article *a = section_add_article(ed, s);
	char *buffer = xstrdup("本报讯 第一段。\n第二段。");

	(void)state;
	buffer[strlen("本报讯 第一段。")] = '\0';
	edition_adopt(ed, buffer);
	edition_adopt(ed, NULL);
	article_add_block_kept(ed, a, BLOCK_PARAGRAPH, buffer);
	article_add_block(ed, a, BLOCK_PARAGRAPH, "复制的段落。");
	article_add_block_kept(ed, a, BLOCK_CAPTION,
	    buffer + strlen("本报讯 第一段。") + 1);
	edition_finish(ed);
	assert_int_equal(a->nblocks, 3);
	assert_ptr_equal(a->blocks[0].text, buffer);
	assert_string_equal(a->blocks[0].text, "本报讯 第一段。");
	assert_string_equal(a->blocks[1].text, "复制的段落。");
	assert_string_equal(a->blocks[2].text, "第二段。");
	assert_int_equal(a->blocks[2].kind, BLOCK_CAPTION);
	assert_int_equal(a->length, 8 + 6 + 4);
	edition_free(ed);
}

/*
 * A headline printed over two main lines, or a couplet, is one title for
 * lists: the lines joined by a space; a kicker or subtitle is not in it.
 */
static void
test_joined_title(void **state)
{
	struct edition *ed;
	struct section *s;
	struct article *a, *b;

	(void)state;
	ed = edition_new("t", "t.txt");
	s = edition_add_section(ed, "s", "t.txt");
	a = section_add_article(ed, s);
	article_add_headline(ed, a, "新春走基层", HEADLINE_KICKER, false);
	article_add_headline(ed, a, "经开区教育艺术团参加", HEADLINE_MAIN,
	    false);
	article_add_headline(ed, a, "中央电视台戏曲春晚录制", HEADLINE_MAIN,
	    false);
	article_add_headline(ed, a, "——孩子们的难忘一天", HEADLINE_SUB, false);
	article_add_block(ed, a, BLOCK_PARAGRAPH, "正文。");
	b = section_add_article(ed, s);
	article_add_headline(ed, b, "开展实战应急演练", HEADLINE_MAIN, false);
	article_add_block(ed, b, BLOCK_PARAGRAPH, "另一篇。");
	edition_finish(ed);
	assert_string_equal(article_title(a),
	    "经开区教育艺术团参加 中央电视台戏曲春晚录制");
	assert_string_equal(article_title(b), "开展实战应急演练");
	edition_free(ed);
}

/* An article printed without headline gets one from its lead, flagged. */
static void
test_inferred_headline(void **state)
{
	struct edition *ed;
	struct article *a;

	(void)state;
	ed = one_article(NULL, "本报讯（郑报全媒体记者 徐刚领）昨日，记者从省委宣传部举行的"
	    "实施换道领跑战略新闻发布会获悉，我省将实施换道领跑战略。", &a);
	assert_int_equal(a->nheadlines, 1);
	assert_true(a->headlines[0].inferred);
	/* The dateline part is skipped; the cut is at a clause end. */
	assert_string_equal(a->headlines[0].text, "昨日，记者从省委宣传部举行的实施换道领跑战略新闻…");
	edition_free(ed);

	ed = one_article(NULL, "本报讯（记者 李娜）短讯一则，完。", &a);
	assert_string_equal(a->headlines[0].text, "短讯一则，完");
	edition_free(ed);

	ed = one_article("有标题", "本报讯 正文。", &a);
	assert_int_equal(a->nheadlines, 1);
	assert_false(a->headlines[0].inferred);
	edition_free(ed);
}

/* Ids ignore spacing, width, case and punctuation, and follow content. */
static void
test_stable_id(void **state)
{
	struct edition *e1, *e2, *e3, *e4;
	struct article *a1, *a2, *a3, *a4;

	(void)state;
	e1 = one_article("AI健康管理中心成立", "本报讯（记者 王译博）近日，全省首家AI健康"
	    "管理中心揭牌成立。", &a1);
	e2 = one_article("ＡＩ 健康管理中心 成立", "本报讯（记者王译博） 近日 ,全省首家 ai "
	    "健康管理中心揭牌成立", &a2);
	e3 = one_article("AI健康管理中心成立", "本报讯（记者 王译博）昨日，全省首家AI健康"
	    "管理中心揭牌成立。", &a3);
	e4 = one_article("AI健康管理中心揭牌", "本报讯（记者 王译博）近日，全省首家AI健康"
	    "管理中心揭牌成立。", &a4);
	assert_string_equal(a1->id, a2->id);
	assert_string_not_equal(a1->id, a3->id);
	assert_string_not_equal(a1->id, a4->id);
	edition_free(e1);
	edition_free(e2);
	edition_free(e3);
	edition_free(e4);
}

/* Reprinted articles get distinct ids; the first keeps the plain one. */
static void
test_duplicate_ids(void **state)
{
	struct edition *ed = edition_new(NULL, NULL), *single;
	struct section *s = edition_add_section(ed, "1", NULL);
	struct article *a[3], *solo;
	size_t i, sec = 9, art = 9;

	(void)state;
	for (i = 0; i < 3; i++) {
		a[i] = section_add_article(ed, s);
		article_add_headline(ed, a[i], "同一标题", HEADLINE_MAIN, false);
		article_add_block(ed, a[i], BLOCK_PARAGRAPH, "同一导语。");
	}
	edition_finish(ed);
	single = one_article("同一标题", "同一导语。", &solo);
	assert_string_equal(a[0]->id, solo->id);
	assert_string_not_equal(a[0]->id, a[1]->id);
	assert_string_not_equal(a[1]->id, a[2]->id);
	assert_string_not_equal(a[0]->id, a[2]->id);
	assert_ptr_equal(edition_find_article(ed, a[2]->id, &sec, &art), a[2]);
	assert_int_equal(sec, 0);
	assert_int_equal(art, 2);
	assert_null(edition_find_article(ed, "0000000000000000", NULL, NULL));
	edition_free(ed);
	edition_free(single);
}

/* Page number and name, paper and date start unknown and are copied. */
static void
test_page_paper(void **state)
{
	struct edition *ed = edition_new("人民日报 2026年3月2日", NULL);
	struct section *s = edition_add_section(ed, "第05版：评论", NULL);
	char name[16];

	(void)state;
	assert_int_equal(s->page, 0);
	assert_null(s->name);
	assert_null(ed->paper);
	assert_null(ed->date);
	strcpy(name, "评论");
	section_set_page(ed, s, 5, name);
	name[0] = 'X';			/* the model must hold its own copy */
	assert_int_equal(s->page, 5);
	assert_string_equal(s->name, "评论");
	section_set_page(ed, s, 0, "");	/* both unknown again */
	assert_int_equal(s->page, 0);
	assert_null(s->name);
	section_set_page(ed, s, 12, NULL);
	assert_int_equal(s->page, 12);
	assert_null(s->name);

	edition_set_paper(ed, "人民日报");
	assert_string_equal(ed->paper, "人民日报");
	edition_set_paper(ed, "");
	assert_null(ed->paper);
	edition_set_paper(ed, "郑州日报");
	edition_set_paper(ed, NULL);
	assert_null(ed->paper);
	edition_finish(ed);
	edition_free(ed);
}

/* edition_set_date() takes real ISO dates only and keeps the old one. */
static void
test_set_date(void **state)
{
	static const struct {
		const char	*date;
		bool		 ok;
	} cases[] = {
		{ "2026-03-02",	true },
		{ "2024-02-29",	true },		/* leap year */
		{ "2000-02-29",	true },		/* divisible by 400 */
		{ "0001-01-01",	true },
		{ "9999-12-31",	true },
		{ "1900-02-29",	false },	/* divisible by 100 only */
		{ "2026-02-29",	false },
		{ "2026-04-31",	false },
		{ "2026-13-01",	false },
		{ "2026-00-10",	false },
		{ "2026-01-00",	false },
		{ "0000-01-01",	false },
		{ "2026-3-2",	false },	/* ISO needs two digits */
		{ "2026/03/02",	false },
		{ "2026-03-02 ", false },
		{ " 2026-03-02", false },
		{ "2026-03-02T00:00", false },
		{ "20260302",	false },
		{ "2026年3月2日", false },
		{ "２０２６-03-02", false },
		{ "",		false },
		{ "+2026-03-0",	false },
	};
	struct edition *ed = edition_new(NULL, NULL);
	size_t i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		bool ok;

		assert_true(edition_set_date(ed, NULL));
		assert_null(ed->date);
		ok = edition_set_date(ed, cases[i].date);
		if (ok != cases[i].ok)
			fail_msg("edition_set_date(\"%s\"): expected %s, got %s",
			    cases[i].date, cases[i].ok ? "true" : "false",
			    ok ? "true" : "false");
		if (ok)
			assert_string_equal(ed->date, cases[i].date);
		else
			assert_null(ed->date);
	}
	/* A rejected date leaves a known one alone. */
	assert_true(edition_set_date(ed, "2026-03-02"));
	assert_false(edition_set_date(ed, "2026-02-30"));
	assert_string_equal(ed->date, "2026-03-02");
	edition_free(ed);
}

/* Printed dates in every form a page header uses, and what is refused. */
static void
test_parse_date(void **state)
{
	static const struct {
		const char	*in;
		const char	*want;		/* NULL: must be rejected */
	} cases[] = {
		{ "2026年3月2日",		"2026-03-02" },
		{ "2026年03月02日",		"2026-03-02" },
		{ "2026年12月24日",		"2026-12-24" },
		{ "2026年3月2号",		"2026-03-02" },
		{ "2026-03-02",			"2026-03-02" },
		{ "2026-3-2",			"2026-03-02" },
		{ "2026.3.2",			"2026-03-02" },
		{ "2026.03.02",			"2026-03-02" },
		{ "2026/03/02",			"2026-03-02" },
		{ "2026/3/2",			"2026-03-02" },
		{ "２０２６年３月２日",		"2026-03-02" },	/* full-width */
		{ "2026／03／02",		"2026-03-02" },
		{ "  2026年3月2日\u3000",	"2026-03-02" },	/* spaces around */
		{ "二〇二六年三月二日",		"2026-03-02" },
		{ "二○二六年三月二日",		"2026-03-02" },	/* ○ for 〇 */
		{ "二零二六年三月二日",		"2026-03-02" },
		{ "二〇二六年十二月二十四日",	"2026-12-24" },
		{ "二〇二六年十月十日",		"2026-10-10" },
		{ "二〇二六年十一月三十日",	"2026-11-30" },
		{ "二〇二六年一月三十一日",	"2026-01-31" },
		{ "二〇二六年十二月廿四日",	"2026-12-24" },
		{ "一九九九年十二月卅一日",	"1999-12-31" },
		{ "二〇二四年二月二十九日",	"2024-02-29" },	/* leap year */
		{ "2026年三月二日",		"2026-03-02" },
		{ "2000-02-29",			"2000-02-29" },
		/* Dates that do not exist. */
		{ "2026年2月29日",		NULL },
		{ "二〇二六年二月三十日",	NULL },
		{ "2026-04-31",			NULL },
		{ "2026年13月1日",		NULL },
		{ "2026年0月1日",		NULL },
		{ "2026年1月0日",		NULL },
		{ "1900-02-29",			NULL },
		{ "0000-01-01",			NULL },
		{ "二〇二六年十三月一日",	NULL },
		{ "二〇二六年一月四十日",	NULL },
		/* Forms that are not dates, or not whole. */
		{ "",				NULL },
		{ "   ",			NULL },
		{ "26年3月2日",			NULL },	/* two-digit year */
		{ "20260年3月2日",		NULL },
		{ "二六年三月二日",		NULL },
		{ "2026年3月2",			NULL },	/* no 日 */
		{ "2026年3月",			NULL },
		{ "3月2日",			NULL },
		{ "2026年3-2",			NULL },
		{ "2026-03/02",			NULL },	/* mixed separators */
		{ "2026.3.2.",			NULL },
		{ "2026-003-02",		NULL },
		{ "2026-03-002",		NULL },
		{ "2026 年3月2日",		NULL },	/* a space inside */
		{ "2026年3月2日 星期一",	NULL },	/* more than the date */
		{ "人民日报2026年3月2日",	NULL },
		{ "二〇二六年二十二月一日",	NULL },
		{ "二〇二六年二廿月一日",	NULL },
		{ "二〇二六年三月〇日",		NULL },
		{ "二〇二六年三月一二日",	NULL },
		{ "2026年3月二2日",		NULL },
		{ "2026-03-02T10:00",		NULL },
		{ "2026\xff-03-02",		NULL },	/* invalid UTF-8 */
		{ "2026年3月2日2026年3月2日2026年3月2日", NULL },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char out[11] = "untouched";
		bool ok = edition_parse_date(cases[i].in, strlen(cases[i].in),
		    out);

		if (cases[i].want == NULL && ok)
			fail_msg("\"%s\": expected a rejection, got %s",
			    cases[i].in, out);
		if (cases[i].want == NULL)
			assert_string_equal(out, "untouched");
		else if (!ok)
			fail_msg("\"%s\": expected %s, got a rejection",
			    cases[i].in, cases[i].want);
		else if (strcmp(out, cases[i].want) != 0)
			fail_msg("\"%s\": expected %s, got %s", cases[i].in,
			    cases[i].want, out);
	}
	/* Only len bytes are read: a date followed by more text. */
	{
		static const char s[] = "2026-03-02 第5版";
		char out[11];

		assert_true(edition_parse_date(s, 10, out));
		assert_string_equal(out, "2026-03-02");
		assert_false(edition_parse_date(s, sizeof s - 1, out));
	}
}

/*
 * A text continued on another page joins its article there; its first
 * paragraph is the rest of the last one before the turn when that stops
 * mid-sentence, or when the loader saw it unindented (mid).
 */
static void
test_continued(void **state)
{
	static const struct {
		const char	*last, *first;
		bool		 mid;
		size_t		 nblocks;
		const char	*joined;
	} v[] = {
		{ "过去，这些部件主要依赖", "进口。", false, 2,
		    "过去，这些部件主要依赖进口。" },
		{ "他说：“要坚持下去。”", "第二天，", false, 3, NULL },
		{ "允许当事人自主约定。", "在司法审查方面，", true, 2,
		    "允许当事人自主约定。在司法审查方面，" },
		{ "允许当事人自主约定。", "在司法审查方面，", false, 3, NULL },
	};
	struct edition *ed;
	struct section *s1, *s2;
	struct article *a, *b;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof v / sizeof v[0]; i++) {
		ed = edition_new("t", "t.txt");
		s1 = edition_add_section(ed, "第2版", "1.txt");
		section_set_page(ed, s1, 2, NULL);
		s2 = edition_add_section(ed, "第6版", "2.txt");
		section_set_page(ed, s2, 6, NULL);
		a = section_add_article(ed, s1);
		article_add_headline(ed, a, "标题", HEADLINE_MAIN, false);
		article_add_block(ed, a, BLOCK_PARAGRAPH, "第一段。");
		article_add_block(ed, a, BLOCK_PARAGRAPH, v[i].last);
		article_set_continued(a, 0, 6, false);
		b = section_add_article(ed, s2);
		article_add_block(ed, b, BLOCK_PARAGRAPH, v[i].first);
		article_set_continued(b, 2, 0, v[i].mid);
		edition_finish(ed);
		assert_int_equal(s2->narticles, 0);
		assert_int_equal(a->nblocks, v[i].nblocks);
		if (v[i].joined != NULL)
			assert_string_equal(a->blocks[1].text, v[i].joined);
		else
			assert_string_equal(a->blocks[2].text, v[i].first);
		edition_free(ed);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_build),
		cmocka_unit_test(test_kept_block),
		cmocka_unit_test(test_inferred_headline),
		cmocka_unit_test(test_joined_title),
		cmocka_unit_test(test_stable_id),
		cmocka_unit_test(test_duplicate_ids),
		cmocka_unit_test(test_page_paper),
		cmocka_unit_test(test_set_date),
		cmocka_unit_test(test_parse_date),
		cmocka_unit_test(test_continued),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
