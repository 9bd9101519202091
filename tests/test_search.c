/*
 * test_search.c - search: every folding rule, the query syntax, hits
 * mapped back to the original bytes, snippets and the --search printer.
 *
 * Editions are built with the builder API, so these tests need no loader.
 * A hit is always checked by the original substring it points at.
 */
#include "config.h"

#include "common.h"

#include "edition.h"
#include "xalloc.h"
#include "search.h"
#include "width.h"

/* Build a one-section edition whose articles are NULL-separated lists of
   blocks; the list ends with two NULLs.  Every article gets a headline. */
static struct edition *
build(const char *const *blocks)
{
	struct edition *ed = edition_new("测试", "t.txt");
	struct section *s = edition_add_section(ed, "第01版", "t.txt");
	struct article *a = NULL;
	size_t i;

	for (i = 0; blocks[i] != NULL || blocks[i + 1] != NULL; i++) {
		if (blocks[i] == NULL) {
			a = NULL;
			continue;
		}
		if (a == NULL) {
			a = section_add_article(ed, s);
			article_add_headline(ed, a, "标题", HEADLINE_MAIN,
			    false);
		}
		article_add_block(ed, a, BLOCK_PARAGRAPH, blocks[i]);
	}
	edition_finish(ed);
	return ed;
}

/* Search ed for query; returns the results (query must be valid). */
static struct search_results *
run(const struct edition *ed, const char *query)
{
	struct search_query *q;
	struct search_index *idx;
	struct search_results *r;
	char *cause = NULL;

	q = search_compile(query, &cause);
	if (q == NULL)
		fail_msg("query '%s' refused: %s", query, cause);
	idx = search_index_new(ed);
	r = search_edition(idx, q);
	search_index_free(idx);
	search_query_free(q);
	return r;
}

/* The original text of hit j of match i (caller frees). */
static char *
hit_text(const struct edition *ed, const struct search_results *r, size_t i,
    size_t j)
{
	const struct search_match *m = &r->matches[i];
	const struct article *a =
	    ed->sections[m->section]->articles[m->article];
	const struct search_hit *h = &m->hits[j];
	const char *text = search_field_text(a, h);

	assert_non_null(text);
	assert_true(h->start <= h->end && h->end <= strlen(text));
	return strndup(text + h->start, h->end - h->start);
}

/*
 * Search one block for query and check the hits are exactly the
 * original substrings in want (NULL-terminated; an empty list means no
 * match).
 */
static void
expect(const char *text, const char *query, const char *const *want)
{
	const char *blocks[] = { text, NULL, NULL };
	struct edition *ed = build(blocks);
	struct search_results *r = run(ed, query);
	size_t n = 0, j;
	char *got;

	while (want[n] != NULL)
		n++;
	if (n == 0) {
		if (r->nmatches != 0)
			fail_msg("'%s' in '%s': expected no match, got %zu",
			    query, text, r->nmatches);
	} else {
		if (r->nmatches != 1)
			fail_msg("'%s' in '%s': expected a match, got %zu",
			    query, text, r->nmatches);
		if (r->matches[0].nhits != n)
			fail_msg("'%s' in '%s': expected %zu hits, got %zu",
			    query, text, n, r->matches[0].nhits);
		for (j = 0; j < n; j++) {
			got = hit_text(ed, r, 0, j);
			assert_string_equal(got, want[j]);
			free(got);
		}
	}
	search_results_free(r);
	edition_free(ed);
}

/* The query must be refused, with a cause mentioning what. */
static void
expect_refused(const char *query, const char *what)
{
	char *cause = NULL;
	struct search_query *q = search_compile(query, &cause);

	if (q != NULL)
		fail_msg("query '%.40s' accepted; expected an error", query);
	assert_non_null(cause);
	if (strstr(cause, what) == NULL)
		fail_msg("cause '%s' does not mention '%s'", cause, what);
	free(cause);
}

#define HITS(...)	((const char *const[]){ __VA_ARGS__, NULL })
#define NOHIT		((const char *const[]){ NULL })

/* Full-width letters, digits and signs match their ASCII forms, both ways. */
static void
test_fullwidth(void **state)
{
	(void)state;
	expect("使用ＡＩ技术", "ai", HITS("ＡＩ"));
	expect("２０２５年", "2025", HITS("２０２５"));
	expect("Ｃ＋＋语言", "c++", HITS("Ｃ＋＋"));
	expect("用AI写作", "ＡＩ", HITS("AI"));
	expect("ｶﾞｲﾄﾞ", "ガイド", HITS("ｶﾞｲﾄﾞ"));
}

/* Case folds with Unicode rules, not ASCII only. */
static void
test_case(void **state)
{
	(void)state;
	expect("CAFÉ", "café", HITS("CAFÉ"));
	expect("ΟΔΟΣ", "οδος", HITS("ΟΔΟΣ"));
	expect("οδοσ", "ΟΔΟΣ", HITS("οδοσ"));
	expect("Straße", "STRASSE", HITS("Straße"));
	expect("ПРАВДА", "правда", HITS("ПРАВДА"));
}

/* A decomposed accent matches the precomposed one; the hit keeps it. */
static void
test_combining(void **state)
{
	(void)state;
	expect("Cafe\xcc\x81 au lait", "café", HITS("Cafe\xcc\x81"));
	expect("café", "cafe\xcc\x81", HITS("café"));
	expect("cafe", "café", NOHIT);
}

/* Spaces are ignored between CJK characters, in text and in phrases. */
static void
test_space_cjk(void **state)
{
	(void)state;
	expect("加强健康 管理", "健康管理", HITS("健康 管理"));
	expect("加强健康管理", "\"健康 管理\"", HITS("健康管理"));
	expect("12 月 15 日", "12月15日", HITS("12 月 15 日"));
	expect("使用 AI 技术", "用ai技", HITS("用 AI 技"));
}

/* Between Latin words a run of spaces is one word gap. */
static void
test_space_latin(void **state)
{
	(void)state;
	expect("in New  York today", "\"new york\"", HITS("New  York"));
	expect("in New, York", "\"new york\"", HITS("New, York"));
	expect("newyork", "\"new york\"", NOHIT);
	expect("New York", "\"newyork\"", NOHIT);
}

/* Punctuation is ignored, except % # & @. */
static void
test_punctuation(void **state)
{
	(void)state;
	expect("新冠肺炎“疫情”防控", "新冠肺炎疫情", HITS("新冠肺炎“疫情"));
	expect("the U.S. army", "us", HITS("U.S"));
	expect("增长6.5%", "6.5%", HITS("6.5%"));
	expect("增长65", "65%", NOHIT);
}

/* Kangxi radicals and CJK Radicals Supplement match the ideographs. */
static void
test_radicals(void **state)
{
	(void)state;
	/* ⽅ U+2F45 (Kangxi, NFKC) and ⺌ U+2E8C (supplement, table). */
	expect("实施⽅案", "方案", HITS("⽅案"));
	expect("⺌学生", "小学", HITS("⺌学"));
	expect("⺟亲", "母亲", HITS("⺟亲"));
	expect("方案", "⽅案", HITS("方案"));
}

/* Traditional and Simplified match each other when OpenCC works. */
static void
test_opencc(void **state)
{
	const char *blocks[] = { "x", NULL, NULL };
	struct edition *ed = build(blocks);
	struct search_index *idx = search_index_new(ed);
	bool on = search_index_folds_variants(idx);

	(void)state;
	search_index_free(idx);
	edition_free(ed);
#ifdef HAVE_OPENCC
	if (!on) {
		print_message("OpenCC data missing: variant folding skipped\n");
		return;
	}
	expect("推進數字化轉型", "数字化", HITS("數字化"));
	expect("推进数字化转型", "數字化", HITS("数字化"));
	expect("發展和頭髮", "发", HITS("發", "髮"));
#else
	assert_false(on);
	expect("數字化", "数字化", NOHIT);
#endif
}

/* A saved Traditional to Simplified table folds in another index as in
   the one it came from, without OpenCC; bytes that are no such table,
   or an index that has folded already, are refused. */
static void
test_variants_saved(void **state)
{
	const char *trad = "推進數字化轉型，發展和頭髮";
	struct search_index *a = search_index_new(NULL), *b;
	char *saved, *ka, *kb, *bad;
	size_t len, la, lb;
	const char *k;

	(void)state;
	saved = search_index_variants_save(a, &len);
	assert_int_equal(len % 8, 0);
	assert_int_equal(len > 0, search_index_folds_variants(a));
	b = search_index_new(NULL);
	assert_true(search_index_variants_load(b, saved, len));
	assert_int_equal(search_index_folds_variants(b),
	    search_index_folds_variants(a));
	k = search_key(a, trad, strlen(trad), &la);
	ka = xstrndup(k, la);
	k = search_key(b, trad, strlen(trad), &lb);
	kb = xstrndup(k, lb);
	assert_string_equal(ka, kb);
	/* Once it has folded, b keeps its table. */
	assert_false(search_index_variants_load(b, saved, len));
	search_index_free(b);
	b = search_index_new(NULL);
	assert_false(search_index_variants_load(b, saved, len + 1));
	if (len >= 16) {
		/* Two pairs swapped: not sorted. */
		bad = xmalloc(len);
		memcpy(bad, saved, len);
		memcpy(bad, saved + 8, 8);
		memcpy(bad + 8, saved, 8);
		assert_false(search_index_variants_load(b, bad, len));
		free(bad);
	}
	/* An empty table is no folding. */
	assert_true(search_index_variants_load(b, "", 0));
	assert_false(search_index_folds_variants(b));
	search_index_free(b);
	search_index_free(a);
	free(saved);
	free(ka);
	free(kb);
}

/* A word split by a line or column break of the source is found. */
static void
test_line_break(void **state)
{
	(void)state;
	/* As loaders join lines: without, with a space, with a newline. */
	expect("经开区京航办事处各社区", "京航办事处", HITS("京航办事处"));
	expect("经开区京航 办事处", "京航办事处", HITS("京航 办事处"));
	expect("经开区京航办\n事处", "京航办事处", HITS("京航办\n事处"));
}

/* Words are ANDed over the whole article; a phrase needs its words
   together. */
static void
test_and_phrase(void **state)
{
	const char *blocks[] = {
		"党员志愿者积极落实卡口管控。", "严格执行值班制度。", NULL,
		"党员志愿者到场。", NULL,
		"值班 党员", NULL, NULL
	};
	struct edition *ed = build(blocks);
	struct search_results *r;
	char *got;

	(void)state;
	r = run(ed, "党员 值班");
	assert_int_equal(r->nmatches, 2);
	assert_int_equal(r->matches[0].article, 0);
	assert_int_equal(r->matches[0].nhits, 2);
	assert_int_equal(r->matches[0].hits[1].index, 1);
	assert_int_equal(r->matches[1].article, 2);
	search_results_free(r);

	r = run(ed, "\"值班党员\"");
	assert_int_equal(r->nmatches, 1);
	assert_int_equal(r->matches[0].article, 2);
	got = hit_text(ed, r, 0, 0);
	assert_string_equal(got, "值班 党员");
	free(got);
	search_results_free(r);
	edition_free(ed);
}

/*
 * expect() on text wrapped in long filler on both sides (or one side:
 * where is "start", "end" or "middle"), so the field is long and only
 * windows around the lead character are folded.
 */
static void
expect_long(const char *text, const char *where, const char *query,
    const char *const *want)
{
	static const char filler[] = "党建引领凝聚合力，开展实战应急演练。";
	char *long_text;
	size_t n = strlen(filler) * 8 + 1, i;
	char *pad = calloc(1, n);

	assert_non_null(pad);
	for (i = 0; i < 8; i++)
		strcat(pad, filler);
	if (strcmp(where, "start") == 0)
		assert_true(asprintf(&long_text, "%s%s", text, pad) > 0);
	else if (strcmp(where, "end") == 0)
		assert_true(asprintf(&long_text, "%s%s", pad, text) > 0);
	else
		assert_true(asprintf(&long_text, "%s%s%s", pad, text, pad) > 0);
	expect(long_text, query, want);
	free(long_text);
	free(pad);
}

/* Windows around the lead find what folding the whole field finds: at
   the start and end of a field, across punctuation, spaces and line
   breaks, and not where the lead occurs without the word. */
static void
test_windows(void **state)
{
	(void)state;
	expect_long("社区建设", "start", "社区", HITS("社区"));
	expect_long("建设社区", "end", "社区", HITS("社区"));
	expect_long("社区", "start", "社区", HITS("社区"));
	expect_long("社区", "end", "社区", HITS("社区"));
	/* The lead 社 occurs, the word does not: verification fails. */
	expect_long("社会社团社", "middle", "社区", NOHIT);
	expect_long("社会社团社", "end", "社区", NOHIT);
	/* The lead is not the first character of the word. */
	expect_long("新冠肺炎“疫情”防控", "middle", "肺炎疫情",
	    HITS("肺炎“疫情"));
	expect_long("健康\n管理中心", "middle", "健康管理",
	    HITS("健康\n管理"));
	expect_long("数字化 ， ，  ，转型", "middle", "数字化转型",
	    HITS("数字化 ， ，  ，转型"));
	/* Raw forms of the lead: a radical and a Traditional character. */
	expect_long("⽅便群众", "middle", "方便", HITS("⽅便"));
	/* Two hits in one window, and hits whose windows overlap. */
	expect_long("社区社区", "middle", "社区", HITS("社区", "社区"));
	expect_long("社区委员会", "middle", "社区 区委", HITS("社区委"));
}

/* Latin words: the ASCII lead ignores case, and non-ASCII characters
   that fold to it (full-width, ℃, ligatures) are found too; a combining
   mark after the last letter still belongs to the word. */
static void
test_windows_latin(void **state)
{
	(void)state;
	expect_long("AI健康", "start", "ai", HITS("AI"));
	expect_long("使用Ai", "end", "AI", HITS("Ai"));
	expect_long("使用ＡＩ技术", "middle", "ai", HITS("ＡＩ"));
	expect_long("使用ａｉ", "end", "AI", HITS("ａｉ"));
	expect_long("ＧＤＰ增长", "start", "gdp", HITS("ＧＤＰ"));
	expect_long("气温25℃左右", "middle", "25°c", HITS("25℃"));
	expect_long("ﬁnance", "middle", "fin", HITS("ﬁn"));
	expect_long("New  York", "middle", "\"new york\"", HITS("New  York"));
	expect_long("NewYork", "middle", "\"new york\"", NOHIT);
	/* é at the end of the window: café is not cafe. */
	expect_long("CAFE\xcc\x81", "end", "cafe", NOHIT);
	expect_long("CAFE\xcc\x81", "middle", "café", HITS("CAFE\xcc\x81"));
	/* a and A occur, the word does not. */
	expect_long("A股 a类 AB", "middle", "ai", NOHIT);
}

/* A query that occurs nowhere matches nothing. */
static void
test_no_match(void **state)
{
	(void)state;
	expect("党建引领凝聚合力", "疫情", NOHIT);
	expect("党建引领凝聚合力", "党建 疫情", NOHIT);
	expect("党建引领", "引领党建", NOHIT);
}

/* Hits of one word do not overlap; adjacent hits stay apart; hits of
   different words that overlap merge. */
static void
test_overlap(void **state)
{
	(void)state;
	expect("aaaa", "aa", HITS("aa", "aa"));
	expect("aaa", "aa", HITS("aa"));
	expect("社区委员会", "社区 区委", HITS("社区委"));
	expect("社区社区", "社区", HITS("社区", "社区"));
	/* ß folds to ss: both hits of "s" fall in one character. */
	expect("ß", "s", HITS("ß"));
}

/* Hits in headlines, dateline and byline point at those fields. */
static void
test_fields(void **state)
{
	struct edition *ed = edition_new("t", "t");
	struct section *s = edition_add_section(ed, "第01版", "t");
	struct article *a = section_add_article(ed, s);
	struct search_index *idx;
	struct search_query *q;
	struct search_hit *hits;
	char *cause;
	size_t n;

	(void)state;
	article_add_headline(ed, a, "王译博报道社区", HEADLINE_MAIN, false);
	article_set_dateline(ed, a, "本报讯");
	article_set_byline(ed, a, "记者 王译博");
	article_add_block(ed, a, BLOCK_PARAGRAPH, "内容。王 译博说");
	edition_finish(ed);
	idx = search_index_new(ed);
	q = search_compile("王译博", &cause);
	assert_non_null(q);
	n = search_article(idx, q, a, &hits);
	assert_int_equal(n, 3);
	assert_int_equal(hits[0].field, SEARCH_HEADLINE);
	assert_int_equal(hits[1].field, SEARCH_BYLINE);
	assert_int_equal(hits[1].start, strlen("记者 "));
	assert_int_equal(hits[2].field, SEARCH_BLOCK);
	assert_int_equal(hits[2].start, strlen("内容。"));
	free(hits);
	search_query_free(q);
	q = search_compile("本报", &cause);
	n = search_article(idx, q, a, &hits);
	assert_int_equal(n, 1);
	assert_int_equal(hits[0].field, SEARCH_DATELINE);
	free(hits);
	search_query_free(q);
	search_index_free(idx);
	edition_free(ed);
}

/* A headline inferred from the lead is not searched twice. */
static void
test_inferred_headline(void **state)
{
	const char *blocks[] = { "蝶湖公园开展演练", NULL, NULL };
	struct edition *ed = edition_new("t", "t");
	struct section *s = edition_add_section(ed, "第01版", "t");
	struct article *a = section_add_article(ed, s);
	struct search_results *r;

	(void)state;
	article_add_block(ed, a, BLOCK_PARAGRAPH, blocks[0]);
	edition_finish(ed);
	r = run(ed, "蝶湖");
	assert_int_equal(r->nmatches, 1);
	assert_int_equal(r->matches[0].nhits, 1);
	assert_int_equal(r->matches[0].hits[0].field, SEARCH_BLOCK);
	search_results_free(r);
	edition_free(ed);
}

/* Bad queries are refused with a reason. */
static void
test_invalid(void **state)
{
	char big[SEARCH_QUERY_MAX + 2];
	char many[SEARCH_TERMS_MAX * 2 + 8];
	size_t i;

	(void)state;
	expect_refused("", "empty");
	expect_refused("   \t", "empty");
	expect_refused("\"\"", "empty");
	expect_refused("，。", "nothing to search");
	expect_refused("ok --", "nothing to search");
	expect_refused("ab\xff", "UTF-8");
	memset(big, 'a', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	expect_refused(big, "too long");
	for (i = 0; i < SEARCH_TERMS_MAX + 1; i++) {
		many[2 * i] = 'x';
		many[2 * i + 1] = ' ';
	}
	many[2 * i] = '\0';
	expect_refused(many, "words");
}

/* An unclosed quote runs to the end; curly quotes make phrases too. */
static void
test_quotes(void **state)
{
	char *cause;
	struct search_query *q;

	(void)state;
	q = search_compile("\"new york", &cause);
	assert_non_null(q);
	assert_int_equal(search_query_nterms(q), 1);
	search_query_free(q);
	q = search_compile("“健康 管理” 疫情", &cause);
	assert_non_null(q);
	assert_int_equal(search_query_nterms(q), 2);
	search_query_free(q);
	expect("in New York", "\"new york", HITS("New York"));
	expect("加强健康管理", "“健康 管理”", HITS("健康管理"));
}

/* The longest query allowed works and finds a long phrase. */
static void
test_huge_query(void **state)
{
	size_t n = SEARCH_QUERY_MAX / 3, i;
	char *text = malloc(n * 3 + 1), *query = malloc(n * 3 + 3);
	const char *blocks[] = { text, NULL, NULL };
	struct edition *ed;
	struct search_results *r;

	(void)state;
	for (i = 0; i < n; i++)
		memcpy(text + 3 * i, i % 2 ? "区" : "社", 3);
	text[3 * n] = '\0';
	query[0] = '"';
	memcpy(query + 1, text, 3 * n - 3);
	query[3 * n - 2] = '"';
	query[3 * n - 1] = '\0';
	ed = build(blocks);
	r = run(ed, query);
	assert_int_equal(r->nmatches, 1);
	assert_int_equal(r->matches[0].hits[0].start, 0);
	assert_int_equal(r->matches[0].hits[0].end, 3 * n - 3);
	search_results_free(r);
	edition_free(ed);
	free(text);
	free(query);
}

/* Snippets: about cols columns, the hit's range exact, "…" at cuts. */
static void
test_snippet(void **state)
{
	const char *text = "自疫情防控开始以来，京航办事处各社区（村）每天不间断"
	    "对辖区公共区域进行消杀。党员志愿者积极落实卡口管控工作。";
	const char *hit = strstr(text, "公共区域");
	size_t start = (size_t)(hit - text), end = start + strlen("公共区域");
	size_t hs, he, w;
	char *s;

	(void)state;
	s = search_snippet(text, start, end, 30, &hs, &he);
	w = width_str(s, strlen(s));
	if (w > 30 || w < 26)
		fail_msg("snippet '%s' is %zu columns, expected 26-30", s, w);
	assert_memory_equal(s + hs, "公共区域", he - hs);
	assert_int_equal(he - hs, strlen("公共区域"));
	assert_memory_equal(s, "…", strlen("…"));
	assert_string_equal(s + strlen(s) - strlen("…"), "…");
	free(s);

	/* At the start of a short text: nothing cut, no ellipsis. */
	s = search_snippet("疫情防控", 0, 6, 80, &hs, &he);
	assert_string_equal(s, "疫情防控");
	assert_int_equal(hs, 0);
	assert_int_equal(he, 6);
	free(s);

	/* A hit wider than the snippet is cut to fit. */
	s = search_snippet(text, 0, strlen(text), 10, &hs, &he);
	assert_string_equal(s, "自疫情防控");
	free(s);
}

/* --search output: header per article, one snippet line per field. */
static void
test_print(void **state)
{
	const char *blocks[] = {
		"党员志愿者积极落实卡口管控工作。", "严格执行值班制度。", NULL,
		"本段没有。", NULL, NULL
	};
	struct edition *ed = build(blocks);
	char *buf = NULL, *cause = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	int n;

	(void)state;
	n = search_print(ed, "党员", 40, false, f, &cause);
	fclose(f);
	assert_int_equal(n, 1);
	assert_string_equal(buf,
	    "1/1 (第01版): 标题\n  党员志愿者积极落实卡口管控工作。\n");
	free(buf);

	f = open_memstream(&buf, &len);
	n = search_print(ed, "不存在", 40, false, f, &cause);
	fclose(f);
	assert_int_equal(n, 0);
	assert_string_equal(buf, "");
	free(buf);

	f = open_memstream(&buf, &len);
	n = search_print(ed, "，", 40, false, f, &cause);
	fclose(f);
	assert_int_equal(n, -1);
	assert_non_null(cause);
	free(cause);
	free(buf);
	edition_free(ed);
}

/* --search --format=json: one object per match, quotes escaped. */
static void
test_print_json(void **state)
{
	const char *blocks[] = {
		"没有。", NULL,
		"他说\"党员\\来了\"。", NULL, NULL
	};
	struct edition *ed = build(blocks);
	char *buf = NULL, *cause = NULL, *want;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	int n;

	(void)state;
	n = search_print(ed, "党员", 40, true, f, &cause);
	fclose(f);
	assert_int_equal(n, 1);
	want = xasprintf("{\"edition\":\"t.txt\",\"section\":1,"
	    "\"section_title\":\"第01版\",\"page\":0,\"article\":2,"
	    "\"number\":2,\"id\":\"%s\",\"headline\":\"标题\","
	    "\"snippets\":[\"他说\\\"党员\\\\来了\\\"。\"]}\n",
	    ed->sections[0]->articles[1]->id);
	assert_string_equal(buf, want);
	free(want);
	free(buf);
	edition_free(ed);
}

/* The index holds tables, not text: far less memory than the text. */
static void
test_memory(void **state)
{
	const char *para = "自疫情防控开始以来，京航办事处各社区（村）每天不间断"
	    "对辖区公共区域进行消杀。党员志愿者积极落实卡口管控工作。";
	struct edition *ed = edition_new("t", "t");
	struct section *s = edition_add_section(ed, "第01版", "t");
	struct search_index *idx;
	struct search_query *q;
	struct search_results *r;
	size_t i, text = 0;
	char *cause;

	(void)state;
	for (i = 0; i < 20000; i++) {
		struct article *a = section_add_article(ed, s);

		article_add_headline(ed, a, "标题", HEADLINE_MAIN, false);
		article_add_block(ed, a, BLOCK_PARAGRAPH, para);
		text += strlen(para) + strlen("标题");
	}
	edition_finish(ed);
	idx = search_index_new(ed);
	q = search_compile("社区", &cause);
	r = search_edition(idx, q);
	assert_int_equal(r->nmatches, 20000);
	if (search_index_memory(idx) >= text / 4)
		fail_msg("index uses %zu bytes for %zu bytes of text",
		    search_index_memory(idx), text);
	search_results_free(r);
	search_query_free(q);
	search_index_free(idx);
	edition_free(ed);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fullwidth),
		cmocka_unit_test(test_case),
		cmocka_unit_test(test_combining),
		cmocka_unit_test(test_space_cjk),
		cmocka_unit_test(test_space_latin),
		cmocka_unit_test(test_punctuation),
		cmocka_unit_test(test_radicals),
		cmocka_unit_test(test_opencc),
		cmocka_unit_test(test_line_break),
		cmocka_unit_test(test_and_phrase),
		cmocka_unit_test(test_no_match),
		cmocka_unit_test(test_overlap),
		cmocka_unit_test(test_windows),
		cmocka_unit_test(test_windows_latin),
		cmocka_unit_test(test_fields),
		cmocka_unit_test(test_inferred_headline),
		cmocka_unit_test(test_invalid),
		cmocka_unit_test(test_quotes),
		cmocka_unit_test(test_huge_query),
		cmocka_unit_test(test_snippet),
		cmocka_unit_test(test_print),
		cmocka_unit_test(test_print_json),
		cmocka_unit_test(test_memory),
		cmocka_unit_test(test_variants_saved),
	};

	return cmocka_run_group_tests(tests, test_utf8_locale, NULL);
}
