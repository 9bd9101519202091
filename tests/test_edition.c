/*
 * test_edition.c - the edition model: building, finishing, inferred
 * headlines and stable ids.
 */
#include "config.h"

#include "common.h"

#include "edition.h"

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

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_build),
		cmocka_unit_test(test_inferred_headline),
		cmocka_unit_test(test_stable_id),
		cmocka_unit_test(test_duplicate_ids),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
