/*
 * test_layout.c - Chinese line breaking (layout.c), the display
 * preparation and its offset map (layout_prepare(), layout_locate()), and
 * the text views built on them (dump.c).
 *
 * The fixed vectors are those of cjk-layout.md 3.6 (with soft glue on);
 * the property tests wrap generated paragraphs of mixed CJK, punctuation,
 * Latin and digits at every width from 1 to 60 and check the invariants
 * of layout.h.  layout.c is included so the tests can use its character
 * sets (layout_not_start() and friends) to state the rules.
 */
#include "config.h"

#include "common.h"

#include "../src/layout.c"

#include "../src/bookmarks.h"
#include "../src/buf.h"
#include "../src/dump.h"
#include "../src/edition.h"
#include "../src/load_text.h"
#include "../src/sanitize.h"

#include <wchar.h>

#define RANDOM_PARAGRAPHS	300	/* generated paragraphs per property */
#define RANDOM_MAX_WIDTH	60	/* widths 1..this */
#define DUMP_KINSOKU_WIDTH	36	/* the sample's longest word fits:
					   no forced breaks from here on */

/* Wrap text and join the lines as "|line|line|".  Caller frees. */
static char *
wrap_joined(const char *text, size_t width, size_t indent)
{
	struct layout l;
	struct buf b = BUF_INIT;
	size_t k;

	layout_wrap_indent(text, strlen(text), width, indent, &l);
	buf_putc(&b, '|');
	for (k = 0; k < l.nlines; k++) {
		buf_append(&b, text + l.lines[k].start,
		    l.lines[k].end - l.lines[k].start);
		buf_putc(&b, '|');
	}
	layout_free(&l);
	return buf_detach(&b);
}

/* One fixed wrapping vector. */
struct wrap_vector {
	size_t		 width;
	const char	*text;
	const char	*want;
};

/* Check a table of vectors, printing expected and got on failure. */
static void
check_vectors(const struct wrap_vector *v, size_t n)
{
	size_t i;
	char *got;

	for (i = 0; i < n; i++) {
		got = wrap_joined(v[i].text, v[i].width, 0);
		if (strcmp(got, v[i].want) != 0)
			fail_msg("width %zu, \"%s\":\n  expected %s\n"
			    "  got      %s", v[i].width, v[i].text, v[i].want,
			    got);
		free(got);
	}
}

/* The test vectors of cjk-layout.md 3.6, soft glue on. */
static void
test_layout_research_vectors(void **state)
{
	static const struct wrap_vector v[] = {
		{ 16, "他说：“这是2021年的22万元，1620GB数据……——好！”（完）",
		    "|他说：“这是|2021年的22万元，|1620GB数据……——"
		    "|好！”（完）|" },
		{ 10, "依据和参考，进一步完善。",
		    "|依据和参|考，进一步|完善。|" },
		{ 12, "国家统计局表示，同比增长3.5%。",
		    "|国家统计局表|示，同比增长|3.5%。|" },
		{ 18, "新华社北京12月15日电（记者张三）"
		    "iPhone 15 Pro与Mate 60的销量",
		    "|新华社北京12月15日|电（记者张三）|iPhone 15 Pro与"
		    "|Mate 60的销量|" },
		{ 14, "価格は¥1,620です。ちょっと待ってください。",
		    "|価格は¥1,620で|す。ちょっと|待ってくださ|い。|" },
	};

	(void)state;
	check_vectors(v, sizeof v / sizeof v[0]);
}

/* Each rule of cjk-layout.md 3.2 on a small case. */
static void
test_layout_rules(void **state)
{
	static const struct wrap_vector v[] = {
		/* —— and …… are units; a lone — may not start a line. */
		{ 7, "好的好——好", "|好的好|——好|" },
		{ 7, "好的好……好", "|好的好|……好|" },
		{ 3, "——————", "|——|——|——|" },
		{ 4, "——————", "|————|——|" },
		{ 5, "———", "|———|" },
		{ 6, "中文字—文", "|中文|字—文|" },
		/* Alphanumeric runs, prefix and postfix signs. */
		{ 10, "这是COVID-19疫情", "|这是|COVID-19疫|情|" },
		{ 8, "售价¥1,620元", "|售价|¥1,620元|" },
		{ 8, "增长了3.5%。", "|增长了|3.5%。|" },
		{ 9, "用iPhone拍", "|用iPhone|拍|" },
		{ 7, "约1620GB", "|约|1620GB|" },
		{ 6, "气温-5℃", "|气温|-5℃|" },
		/* Soft glue: kept when another break exists, else broken. */
		{ 8, "他在2021年", "|他在|2021年|" },
		{ 5, "2021年", "|2021|年|" },
		{ 10, "在12月15日", "|在12月15日|" },
		{ 11, "我们在12月15日", "|我们在|12月15日|" },
		/* ... but not when that leaves the line under half full. */
		{ 9, "在12月15日", "|在12月15|日|" },
		/* Spaces are consumed at breaks and never start a line. */
		{ 5, "abcde fgh  ij", "|abcde|fgh|ij|" },
		{ 5, "  ab cd  ", "|ab cd|" },
		{ 3, "ab  cd", "|ab|cd|" },
		{ 3, "　中文　文字", "|中|文|文|字|" },
		{ 8, "word ！中", "|word ！|中|" },
		/* Non-breaking spaces glue. */
		{ 6, "abc\xc2\xa0" "def", "|abc\xc2\xa0" "de|f|" },
		/* Latin breaks at spaces only; an over-long word is forced. */
		{ 10, "see http://example.com/a",
		    "|see|http://exa|mple.com/a|" },
		{ 6, "don’t go", "|don’t|go|" },
		/* ZWSP is an opportunity; marks stay with their base. */
		{ 4, "abc\xe2\x80\x8b" "def", "|abc\xe2\x80\x8b|def|" },
		{ 2, "e\xcc\x81" "e\xcc\x81" "e\xcc\x81",
		    "|e\xcc\x81" "e\xcc\x81|e\xcc\x81|" },
		/* A wide character wider than the line goes alone. */
		{ 1, "中文，", "|中|文|，|" },
		/* Hangul breaks at spaces, like a Western language. */
		{ 6, "한국어 문장", "|한국어|문장|" },
		/* Closing marks in a row may all follow the text. */
		{ 8, "他说“好。”）", "|他说|“好。”）|" },
		/* Empty and blank paragraphs give one empty line. */
		{ 10, "", "||" },
		{ 10, "   ", "||" },
	};

	(void)state;
	check_vectors(v, sizeof v / sizeof v[0]);
}

/* The first line of layout_wrap_indent() is narrower by the indent. */
static void
test_layout_indent(void **state)
{
	static const struct {
		size_t		 width;
		size_t		 indent;
		const char	*text;
		const char	*want;
	} v[] = {
		{ 10, 4, "依据和参考，进一步完善。",
		    "|依据和|参考，进一|步完善。|" },
		{ 10, 0, "依据和参考，进一步完善。",
		    "|依据和参|考，进一步|完善。|" },
		{ 4, 10, "中文", "|中|文|" },	/* at least 1 column */
	};
	size_t i;
	char *got;

	(void)state;
	for (i = 0; i < sizeof v / sizeof v[0]; i++) {
		got = wrap_joined(v[i].text, v[i].width, v[i].indent);
		if (strcmp(got, v[i].want) != 0)
			fail_msg("width %zu indent %zu: expected %s, got %s",
			    v[i].width, v[i].indent, v[i].want, got);
		free(got);
	}
}

/* Forced breaks are flagged, and only those. */
static void
test_layout_forced_flag(void **state)
{
	struct layout l;
	const char *url = "abcdefghij";

	(void)state;
	layout_wrap(url, strlen(url), 4, &l);
	assert_int_equal(l.nlines, 3);
	assert_true(l.lines[0].forced);
	assert_true(l.lines[1].forced);
	assert_false(l.lines[2].forced);
	layout_free(&l);
	layout_wrap("中文 text", strlen("中文 text"), 4, &l);
	assert_int_equal(l.nlines, 2);
	assert_false(l.lines[0].forced);
	layout_free(&l);
}

/* The sets are sorted, since they are searched with bsearch(). */
static void
test_layout_sets_sorted(void **state)
{
	static const struct {
		const char	*name;
		const uint32_t	*set;
		size_t		 n;
	} v[] = {
		{ "not_start", layout_not_start_set,
		    sizeof layout_not_start_set /
		    sizeof layout_not_start_set[0] },
		{ "not_end", layout_not_end_set,
		    sizeof layout_not_end_set / sizeof layout_not_end_set[0] },
		{ "counter", layout_counter_set,
		    sizeof layout_counter_set / sizeof layout_counter_set[0] },
		{ "date", layout_date_set,
		    sizeof layout_date_set / sizeof layout_date_set[0] },
	};
	size_t i, k;

	(void)state;
	for (i = 0; i < sizeof v / sizeof v[0]; i++)
		for (k = 1; k < v[i].n; k++)
			if (v[i].set[k - 1] >= v[i].set[k])
				fail_msg("%s: U+%04X before U+%04X", v[i].name,
				    (unsigned)v[i].set[k - 1],
				    (unsigned)v[i].set[k]);
	/* Every date counter is also a counter. */
	for (k = 0; k < sizeof layout_date_set / sizeof layout_date_set[0]; k++)
		assert_true(layout_is_counter(layout_date_set[k]));
}

/* A random paragraph of CJK, punctuation, Latin and digits. */
static size_t
random_paragraph(uint64_t *seed, char *out, size_t outlen)
{
	static const char *const tok[] = {
		"你", "好", "中", "国", "新", "华", "社", "的", "是", "年",
		"月", "日", "万", "个", "っ", "ー", "한", "국", "，", "。",
		"、", "：", "；", "？", "！", "“", "”", "‘", "’", "（",
		"）", "《", "》", "「", "」", "【", "】", "—", "——", "…",
		"……", "·", "％", "¥", "$", "%", "(", ")", ",", ".", ":",
		"-", "/", "'", "～", "a", "b", "c", "X", "Y", "iPhone",
		"0", "1", "2", "9", "2021", "3.5", " ", " ", "  ", "　",
		"\xc2\xa0", "\xe2\x80\x8b", "\xcc\x81", "😀", "Ａ", "１",
		"COVID-19", "http://example.com/path"
	};
	size_t len = 0, n, k, tl;
	const char *t;

	n = rnd(seed) % 60;
	for (k = 0; k < n; k++) {
		t = tok[rnd(seed) % (sizeof tok / sizeof tok[0])];
		tl = strlen(t);
		if (len + tl >= outlen)
			break;
		memcpy(out + len, t, tl);
		len += tl;
	}
	out[len] = '\0';
	return len;
}

/* The base character a line ends with (skipping attached marks). */
static uint32_t
last_base(const char *s, size_t start, size_t end)
{
	uint32_t cp = 0;
	size_t i = end;

	while (i > start) {
		i = utf8_prev(s, i);
		utf8_decode(s + i, end - i, &cp);
		if (width_cp(cp) != 0 || cp == LAYOUT_ZWSP)
			break;
	}
	return cp;
}

/* Fail with the paragraph, width and line number. */
#define PROP_FAIL(what) fail_msg("%s: width %zu line %zu of \"%s\"", \
    (what), width, k, text)

/*
 * Check the invariants of one wrapped paragraph: widths, reassembly,
 * kinsoku, unbroken pairs and words (the last three unless forced).
 */
static void
check_properties(const char *text, size_t len, size_t width,
    const struct layout *l)
{
	size_t k, prev_end = 0, i, n, w;
	uint32_t cp, first, last, next_first;

	assert_true(l->nlines >= 1);
	for (k = 0; k < l->nlines; k++) {
		const struct layout_line *ln = &l->lines[k];

		/* (b) only breakable spaces between lines, in order. */
		if (ln->start < prev_end || ln->end < ln->start)
			PROP_FAIL("lines out of order");
		for (i = prev_end; i < ln->start; i += n) {
			n = utf8_decode(text + i, len - i, &cp);
			if (!layout_is_space(cp))
				PROP_FAIL("non-space dropped");
		}
		prev_end = ln->end;
		if (ln->start == ln->end) {
			if (l->nlines != 1)
				PROP_FAIL("empty line");
			continue;
		}
		/* (a) width is honest and within bounds. */
		w = width_str(text + ln->start, ln->end - ln->start);
		if (w != ln->width)
			PROP_FAIL("width field wrong");
		first = utf8_first(text + ln->start, ln->end - ln->start);
		n = utf8_decode(text + ln->start, ln->end - ln->start, &cp);
		if (w > width && (width_cp(first) <= (int)width ||
		    width_str(text + ln->start + n,
		    ln->end - ln->start - n) != 0))
			PROP_FAIL("line too wide");
		if (layout_is_space(first) ||
		    layout_is_space(utf8_last(text + ln->start,
		    ln->end - ln->start)))
			PROP_FAIL("line starts or ends with a space");
		if (k + 1 == l->nlines)
			continue;
		last = last_base(text, ln->start, ln->end);
		next_first = utf8_first(text + l->lines[k + 1].start,
		    l->lines[k + 1].end - l->lines[k + 1].start);
		if (ln->forced)
			continue;
		/* (c), (d) kinsoku. */
		if (layout_not_start(next_first))
			PROP_FAIL("next line starts with NOT_START");
		if (layout_not_end(last))
			PROP_FAIL("line ends with NOT_END");
		/* Words and pairs are not split. */
		if (layout_is_word(last) && layout_is_word(next_first) &&
		    ln->end == l->lines[k + 1].start)
			PROP_FAIL("word split");
		if (layout_is_pair_mark(last) && last == next_first &&
		    ln->end == l->lines[k + 1].start) {
			size_t before = 0, after = 0, j = ln->end;
			uint32_t c;

			/* Count from the start of the run, across lines. */
			while (j > 0) {
				j = utf8_prev(text, j);
				utf8_decode(text + j, len - j, &c);
				if (c != last)
					break;
				before++;
			}
			for (j = ln->end; j < len; j += n) {
				n = utf8_decode(text + j, len - j, &c);
				if (c != last)
					break;
				after++;
			}
			if (before % 2 != 0 || after < 2)
				PROP_FAIL("pair split");
		}
	}
	for (i = prev_end; i < len; i += n) {
		n = utf8_decode(text + i, len - i, &cp);
		if (!layout_is_space(cp))
			fail_msg("width %zu: text after the last line of "
			    "\"%s\"", width, text);
	}
}

/* Generated paragraphs keep every invariant at every width from 1 to 60. */
static void
test_layout_properties(void **state)
{
	uint64_t seed = 0x6b616e62616f2121ULL;
	char text[1024];
	struct layout l;
	size_t r, len, width;

	(void)state;
	for (r = 0; r < RANDOM_PARAGRAPHS; r++) {
		len = random_paragraph(&seed, text, sizeof text);
		for (width = 1; width <= RANDOM_MAX_WIDTH; width++) {
			layout_wrap(text, len, width, &l);
			check_properties(text, len, width, &l);
			layout_free(&l);
		}
	}
}

/*
 * Every paragraph, subhead and headline of every bundled sample edition,
 * wrapped at every width from 10 to 200: never wider than the width, no
 * kinsoku rule broken, no character lost or duplicated (check_properties).
 */
static void
test_layout_samples(void **state)
{
	static const char *const samples[] = {
		TEST_SAMPLES_DIR "/000_5989cba5d6a3127f.txt",
	};
	size_t f, s, i, b, width, nwrapped = 0;
	struct layout l;

	(void)state;
	for (f = 0; f < sizeof samples / sizeof samples[0]; f++) {
		struct edition *ed = edition_new(NULL, samples[f]);
		char *cause = NULL, *text;
		size_t len = 0;

		text = test_read_file(samples[f], &len);
		if (load_text(ed, text, len, samples[f], "sample", &cause) <= 0)
			fail_msg("%s: %s", samples[f], cause);
		edition_finish(ed);
		for (s = 0; s < ed->nsections; s++)
			for (i = 0; i < ed->sections[s]->narticles; i++) {
				const struct article *a =
				    ed->sections[s]->articles[i];

				for (b = 0; b < a->nblocks + a->nheadlines; b++) {
					const char *t = b < a->nblocks ?
					    a->blocks[b].text :
					    a->headlines[b - a->nblocks].text;

					for (width = 10; width <= 200; width++) {
						layout_wrap(t, strlen(t), width, &l);
						check_properties(t, strlen(t), width,
						    &l);
						layout_free(&l);
						nwrapped++;
					}
				}
			}
		free(text);
		edition_free(ed);
	}
	assert_true(nwrapped > 10000);
}

/* A long paragraph wraps in one pass (a smoke test for linear time). */
static void
test_layout_long(void **state)
{
	struct buf b = BUF_INIT;
	struct layout l;
	size_t i;

	(void)state;
	for (i = 0; i < 20000; i++)
		buf_puts(&b, "新华社北京12月15日电，iPhone 15的销量增长3.5%。");
	layout_wrap(b.data, b.len, 40, &l);
	assert_true(l.nlines > 20000);
	check_properties(b.data, b.len, 40, &l);
	layout_free(&l);
	/* No opportunity at all: every line is forced, still linear. */
	buf_clear(&b);
	for (i = 0; i < 200000; i++)
		buf_putc(&b, 'x');
	layout_wrap(b.data, b.len, 60, &l);
	assert_int_equal(l.nlines, (200000 + 59) / 60);
	layout_free(&l);
	buf_free(&b);
}

/*
 * A small edition: two sections, an article with every kind of block,
 * one without a headline (inferred), and one full of escape sequences.
 */
static struct edition *
sample_edition(void)
{
	struct edition *ed = edition_new("测试", "memory");
	struct section *s;
	struct article *a;

	s = edition_add_section(ed, "第01版：要闻", "a.txt");
	a = section_add_article(ed, s);
	article_add_headline(ed, a, "坚持稳中求进", HEADLINE_KICKER, false);
	article_add_headline(ed, a, "国家统计局表示，同比增长3.5%",
	    HEADLINE_MAIN, false);
	article_add_headline(ed, a, "——2021年经济运行情况", HEADLINE_SUB,
	    false);
	article_set_byline(ed, a, "记者 王译博 通讯员 高岩");
	article_add_block(ed, a, BLOCK_PARAGRAPH,
	    "新华社北京12月15日电（记者张三）iPhone 15 Pro与Mate 60的销量在"
	    "2021年增长了22万台，“这是1620GB数据……——好！”（完）");
	article_add_block(ed, a, BLOCK_SUBHEAD, "数据说明");
	article_add_block(ed, a, BLOCK_PARAGRAPH, "依据和参考，进一步完善。");
	a = section_add_article(ed, s);
	article_add_block(ed, a, BLOCK_PARAGRAPH,
	    "今天上午，市政府召开新闻发布会，介绍了有关情况。");
	s = edition_add_section(ed, "第02版：English \x1b[2J", "b.txt");
	a = section_add_article(ed, s);
	article_add_headline(ed, a, "Evil \x1b]52;c;SGVsbG8=\x07 title",
	    HEADLINE_MAIN, false);
	article_set_byline(ed, a, "By \x1b[31mMallory\xe2\x80\xae");
	article_add_block(ed, a, BLOCK_PARAGRAPH,
	    "Text with \x1b[2J an escape, \xc2\x9b" "31m a C1 CSI and a "
	    "\x1b]8;;http://evil/\x1b\\link\x1b]8;;\x1b\\.");
	article_add_block(ed, a, BLOCK_CAPTION, "图片说明\r伪造");
	edition_finish(ed);
	return ed;
}

/* Run a dump function into memory; caller frees. */
static char *
capture_list(const struct edition *ed)
{
	char *out = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&out, &len);

	assert_non_null(f);
	dump_list(ed, f);
	fclose(f);
	return out;
}

/* Run dump_articles() into memory; *ret gets its result.  Caller frees. */
static char *
capture_articles(const struct edition *ed, size_t n, size_t width, int *ret)
{
	char *out = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&out, &len);

	assert_non_null(f);
	*ret = dump_articles(ed, n, width, f);
	fclose(f);
	return out;
}

/* No byte that could start a terminal sequence survives. */
static void
assert_no_escape(const char *s)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i;

	for (i = 0; u[i] != '\0'; i++) {
		if ((u[i] < 0x20 && u[i] != '\n') || u[i] == 0x7F)
			fail_msg("control byte 0x%02x at %zu", u[i], i);
		if (u[i] == 0xC2 && u[i + 1] >= 0x80 && u[i + 1] <= 0x9F)
			fail_msg("C1 control at %zu", i);
		if (u[i] == 0xE2 && u[i + 1] == 0x80 && u[i + 2] == 0xAE)
			fail_msg("RLO at %zu", i);
	}
}

/* --list: one header per section, article lines of equal width, aligned. */
static void
test_dump_list(void **state)
{
	struct edition *ed = sample_edition();
	char *out = capture_list(ed), *line, *save = NULL, *p;
	size_t nart = 0, nsec = 0, w, col, bycol = 0;
	static const char *const bylines[] = { "记者", "", "By " };

	(void)state;
	assert_no_escape(out);
	for (line = strtok_r(out, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save)) {
		w = width_str(line, strlen(line));
		if (strncmp(line, "Edition: ", 9) == 0) {
			assert_int_equal(nsec + nart, 0);
			continue;
		}
		if (strncmp(line, "Section ", 8) == 0) {
			nsec++;
			assert_true(w <= 79);
			continue;
		}
		if (w != 79)
			fail_msg("list line: expected 79 columns, got %zu: "
			    "\"%s\"", w, line);
		/* The number is right-aligned, the byline column fixed. */
		if (nart == 0)
			assert_memory_equal(line, "  1  ", 5);
		if (*bylines[nart] != '\0') {
			p = strstr(line, bylines[nart]);
			assert_non_null(p);
			col = width_str(line, (size_t)(p - line));
			if (bycol == 0)
				bycol = col;
			else if (col != bycol)
				fail_msg("byline column: expected %zu, got %zu",
				    bycol, col);
		}
		if (nart == 1 && strstr(line, "  ~今天上午") == NULL)
			fail_msg("inferred headline not marked: \"%s\"", line);
		nart++;
	}
	assert_int_equal(nsec, 2);
	assert_int_equal(nart, 3);
	free(out);
	edition_free(ed);
}

/* The exact --list output for the sample edition. */
static void
test_dump_list_golden(void **state)
{
	static const char want[] =
"Edition: 测试 (2 sections, 3 articles)\n"
"\n"
"Section 1: 第01版：要闻 (2 articles)\n"
"  1  1/1  国家统计局表示，同比增长3.5%                  "
    "记者 王译博 通…      93\n"
"  2  1/2  ~今天上午，市政府召开新闻发布会               "
    "                     24\n"
"\n"
"Section 2: 第02版：English ␛[2J (1 article)\n"
"  3  2/1  Evil ␛]52;c;SGVsbG8=␇ title                   "
    "By ␛[31mMallory      84\n";
	struct edition *ed = sample_edition();
	char *out = capture_list(ed);

	(void)state;
	if (strcmp(out, want) != 0)
		fail_msg("expected:\n%s\ngot:\n%s", want, out);
	free(out);
	edition_free(ed);
}

/* S/A to the edition-wide number --dump=N takes; 0 for no such article. */
static void
test_dump_section_article(void **state)
{
	static const size_t v[][3] = {
		{ 1, 1, 1 }, { 1, 2, 2 }, { 2, 1, 3 },	/* s, a, want */
		{ 2, 2, 0 }, { 3, 1, 0 }, { 0, 1, 0 }, { 1, 0, 0 },
	};
	struct edition *ed = sample_edition();
	size_t i, got;

	(void)state;
	for (i = 0; i < sizeof v / sizeof v[0]; i++) {
		got = dump_section_article(ed, v[i][0], v[i][1]);
		if (got != v[i][2])
			fail_msg("%zu/%zu: expected %zu, got %zu", v[i][0],
			    v[i][1], v[i][2], got);
	}
	edition_free(ed);
}

/* --list with read marks: N before unread articles, lines still 79 wide. */
static void
test_dump_list_read(void **state)
{
	struct edition *ed = sample_edition();
	struct readset read = { NULL, 0 };
	char *out = NULL, *line, *save = NULL, want[16];
	size_t len = 0, n = 0;
	FILE *f = open_memstream(&out, &len);

	(void)state;
	assert_non_null(f);
	readset_set(&read, ed->sections[0]->articles[1]->id, true);
	dump_list_read(ed, &read, f);
	fclose(f);
	for (line = strtok_r(out, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save)) {
		if (strncmp(line, "Edition: ", 9) == 0 ||
		    strncmp(line, "Section ", 8) == 0)
			continue;
		if (width_str(line, strlen(line)) != 79)
			fail_msg("list line not 79 columns: \"%s\"", line);
		/* Articles 1 and 3 unread, 2 read. */
		snprintf(want, sizeof want, "%s  %zu  ", n == 1 ? "  " : "N ",
		    n + 1);
		if (strncmp(line, want, strlen(want)) != 0)
			fail_msg("article %zu: expected \"%s...\", got \"%s\"",
			    n + 1, want, line);
		n++;
	}
	assert_int_equal(n, 3);
	readset_free(&read);
	free(out);
	edition_free(ed);
}

/*
 * --dump at widths 1 to 60: lines fit (a lone wide character may exceed
 * width 1), kinsoku holds, escapes are neutralised.
 */
static void
test_dump_articles_wrap(void **state)
{
	struct edition *ed = sample_edition();
	char *out, *line, *save = NULL;
	size_t width, w;
	int ret;

	(void)state;
	for (width = 1; width <= 60; width++) {
		out = capture_articles(ed, 0, width, &ret);
		assert_int_equal(ret, 0);
		assert_no_escape(out);
		if (width >= DUMP_KINSOKU_WIDTH && (strstr(out, "␛[2J") == NULL ||
		    strstr(out, "␛]52") == NULL))
			fail_msg("width %zu: escapes not shown visibly", width);
		save = NULL;
		for (line = strtok_r(out, "\n", &save); line != NULL;
		    line = strtok_r(NULL, "\n", &save)) {
			w = width_str(line, strlen(line));
			if (w > width && utf8_count(line, strlen(line)) != 1)
				fail_msg("width %zu: line of %zu: \"%s\"",
				    width, w, line);
			/* Below that, the escaped link is forced apart. */
			if (width >= DUMP_KINSOKU_WIDTH &&
			    layout_not_start(utf8_first(line, strlen(line))))
				fail_msg("width %zu: kinsoku: \"%s\"", width,
				    line);
		}
		free(out);
	}
	edition_free(ed);
}

/* The exact --dump of the first article at width 30. */
static void
test_dump_articles_golden(void **state)
{
	static const char want[] =
"坚持稳中求进\n"
"国家统计局表示，同比增长3.5%\n"
"——2021年经济运行情况\n"
"记者 王译博 通讯员 高岩\n"
"\n"
"　　新华社北京12月15日电（记者\n"
"张三）iPhone 15 Pro与Mate 60的\n"
"销量在2021年增长了22万台，“这\n"
"是1620GB数据……——好！”（完）\n"
"\n"
"【数据说明】\n"
"\n"
"　　依据和参考，进一步完善。\n";
	struct edition *ed = sample_edition();
	char *out;
	int ret;

	(void)state;
	out = capture_articles(ed, 1, 30, &ret);
	assert_int_equal(ret, 0);
	if (strcmp(out, want) != 0)
		fail_msg("expected:\n%s\ngot:\n%s", want, out);
	free(out);
	edition_free(ed);
}

/* Article numbers count across sections; out of range is -1. */
static void
test_dump_articles_select(void **state)
{
	struct edition *ed = sample_edition();
	char *out;
	int ret;

	(void)state;
	out = capture_articles(ed, 3, 40, &ret);
	assert_int_equal(ret, 0);
	assert_non_null(strstr(out, "Evil"));
	assert_null(strstr(out, "坚持"));
	assert_null(strstr(out, "----"));
	assert_non_null(strstr(out, "\n〔图〕图片说明␍伪造\n"));
	free(out);
	out = capture_articles(ed, 4, 40, &ret);
	assert_int_equal(ret, -1);
	assert_string_equal(out, "");
	free(out);
	out = capture_articles(ed, 0, 40, &ret);
	assert_int_equal(ret, 0);
	assert_non_null(strstr(out,
	    "\n\n----------------------------------------\n\n"));
	assert_non_null(strstr(out, "~今天上午"));
	free(out);
	edition_free(ed);
}

/*
 * The display bytes the first occurrence of needle in src became, by the
 * offset map of pt (prepared from src).  Caller frees.
 */
static char *
map_shown(const struct layout_text *pt, const char *src, const char *needle)
{
	const char *at = memmem(src, pt->srclen, needle, strlen(needle));
	size_t a, b;

	if (at == NULL) {
		fail_msg("\"%s\" not in the source", needle);
		return NULL;
	}
	a = (size_t)(at - src);
	b = a + strlen(needle);
	return xstrndup(pt->text + pt->map[a], pt->map[b] - pt->map[a]);
}

/* Check that needle of src is shown as want (may be ""). */
#define assert_shown(pt, src, needle, want) do {			\
	char *got_ = map_shown((pt), (src), (needle));			\
	assert_string_equal(got_, (want));				\
	free(got_);							\
} while (0)

/*
 * The contract of layout.h for one prepared string: ends, order, every
 * value a character boundary of the display text, inner bytes of a
 * source character mapped as its first byte.
 */
static void
check_map(const struct layout_text *pt, const char *src, size_t len)
{
	size_t i, n;
	uint32_t cp;

	assert_int_equal(pt->srclen, len);
	assert_int_equal(pt->map[0], 0);
	assert_int_equal(pt->map[len], pt->len);
	assert_int_equal(strlen(pt->text), pt->len);
	for (i = 0; i < len; i += n) {
		n = utf8_decode(src + i, len - i, &cp);
		assert_true(pt->map[i + n] >= pt->map[i]);
		while (--n > 0)
			assert_int_equal(pt->map[i + n], pt->map[i]);
		n = utf8_decode(src + i, len - i, &cp);
		assert_true(pt->map[i] == pt->len ||
		    ((unsigned char)pt->text[pt->map[i]] & 0xC0) != 0x80);
	}
}

/* Controls that sanitising replaces, and what it drops, narrow mode. */
static void
test_prepare_map_controls(void **state)
{
	/* ESC [2J, a bidi override, ZWSP, soft hyphen, BOM, a bad byte,
	   TAB, a NUL inside, U+2028, C1 CSI as UTF-8. */
	static const char src[] = "前文\x1b[2J\xe2\x80\xae甲\xe2\x80\x8b"
	    "\xc2\xad\xef\xbb\xbf乙\xff丙\t丁\0戊\xe2\x80\xa8己\xc2\x9b"
	    "目标词";
	size_t len = sizeof src - 1, nul;
	struct layout_text pt;

	(void)state;
	layout_prepare(src, len, false, true, true, &pt);
	check_map(&pt, src, len);
	assert_string_equal(pt.text, "前文␛[2J甲乙\xef\xbf\xbd丙 丁␀戊␤己"
	    "\xef\xbf\xbd目标词");
	assert_shown(&pt, src, "\x1b", "␛");
	assert_shown(&pt, src, "\xe2\x80\xae", "");
	assert_shown(&pt, src, "\xe2\x80\x8b\xc2\xad\xef\xbb\xbf", "");
	assert_shown(&pt, src, "\xff", "\xef\xbf\xbd");
	assert_shown(&pt, src, "\t", " ");
	assert_shown(&pt, src, "\xe2\x80\xa8", "␤");
	assert_shown(&pt, src, "\xc2\x9b", "\xef\xbf\xbd");
	assert_shown(&pt, src, "目标", "目标");
	/* The NUL inside (no needle can name it). */
	nul = (size_t)((const char *)memchr(src, '\0', len) - src);
	assert_int_equal(pt.map[nul + 1] - pt.map[nul], strlen("␀"));
	assert_memory_equal(pt.text + pt.map[nul], "␀", strlen("␀"));
	layout_text_free(&pt);

	/* Without a map only the text; the same text. */
	layout_prepare(src, len, false, true, false, &pt);
	assert_null(pt.map);
	assert_string_equal(pt.text, "前文␛[2J甲乙\xef\xbf\xbd丙 丁␀戊␤己"
	    "\xef\xbf\xbd目标词");
	layout_text_free(&pt);
}

/* Combining marks: kept with a base, dropped alone or past the fourth. */
static void
test_prepare_map_marks(void **state)
{
	static const char src[] = "\xcc\x81" "ae\xcc\x81"
	    "o\xcc\x80\xcc\x81\xcc\x82\xcc\x83\xcc\x84\xcc\x85" "目标";
	size_t len = sizeof src - 1, off;
	struct layout_text pt;

	(void)state;
	layout_prepare(src, len, false, true, true, &pt);
	check_map(&pt, src, len);
	/* The leading mark has no base: nothing. */
	assert_int_equal(pt.map[2], 0);
	assert_shown(&pt, src, "ae\xcc\x81", "ae\xcc\x81");
	/* A base keeps four marks; the fifth and sixth show nothing. */
	assert_shown(&pt, src, "o\xcc\x80\xcc\x81\xcc\x82\xcc\x83",
	    "o\xcc\x80\xcc\x81\xcc\x82\xcc\x83");
	assert_shown(&pt, src, "\xcc\x84\xcc\x85", "");
	off = (size_t)(strstr(src, "目标") - src);
	assert_string_equal(pt.text + pt.map[off], "目标");
	layout_text_free(&pt);
}

/* Wide mode: substitutions of other lengths, composed with sanitising. */
static void
test_prepare_map_ambiguous(void **state)
{
	static const char src[] = "气温\x1b℃，增长‰，don’t“引号”×2…目标";
	size_t len = sizeof src - 1;
	struct layout_text pt;

	(void)state;
	if (wcwidth(0x201C) == 2)
		skip();	/* a locale with wide A substitutes nothing */
	layout_prepare(src, len, true, true, true, &pt);
	check_map(&pt, src, len);
	assert_shown(&pt, src, "\x1b", "␛");
	assert_shown(&pt, src, "℃", "⁰C");
	assert_shown(&pt, src, "‰", "o/oo");
	assert_shown(&pt, src, "’", "'");
	assert_shown(&pt, src, "“", "「");
	assert_shown(&pt, src, "”", "」");
	assert_shown(&pt, src, "×", "✕");
	assert_shown(&pt, src, "…", "⋯");
	assert_shown(&pt, src, "目标", "目标");
	layout_text_free(&pt);
}

/*
 * Property: sanitising left to right without looking ahead, the display
 * of a prefix is the prefix of the display, and the map says where it
 * ends.  Random strings of hostile and ordinary pieces.
 */
static void
test_prepare_map_prefixes(void **state)
{
	static const char *const tok[] = {
		"中", "a", " ", "\t", "\x1b", "\x7f", "\xff", "\xe4\x1b",
		"\xc2\x9b", "\xe2\x80\xae", "\xe2\x80\x8b", "\xcc\x81", "😀",
		"\xf0\x9f\x8f\xbb", "\xe2\x80\xa8", "\xef\xbb\xbf", "。", "“"
	};
	uint64_t seed = 13;
	char src[256], *pre;
	size_t len, k, n, i;
	uint32_t cp;
	struct layout_text pt;

	(void)state;
	for (k = 0; k < RANDOM_PARAGRAPHS; k++) {
		len = 0;
		for (n = rnd(&seed) % 40; n > 0; n--) {
			const char *t = tok[rnd(&seed) %
			    (sizeof tok / sizeof tok[0])];

			memcpy(src + len, t, strlen(t));
			len += strlen(t);
		}
		layout_prepare(src, len, false, true, true, &pt);
		check_map(&pt, src, len);
		for (i = 0; i <= len; i += n) {
			n = i < len ? utf8_decode(src + i, len - i, &cp) : 1;
			pre = sanitize_display(src, i);
			assert_int_equal(strlen(pre), pt.map[i]);
			assert_memory_equal(pre, pt.text, pt.map[i]);
			free(pre);
		}
		layout_text_free(&pt);
	}
}

/* Line and column of the display of source byte off. */
static void
map_locate(const struct layout_text *pt, const struct layout *l,
    const char *src, const char *needle, size_t *line, size_t *col)
{
	const char *at = memmem(src, pt->srclen, needle, strlen(needle));

	assert_non_null(at);
	layout_locate(l, pt->text, pt->map[at - src], line, col);
}

/* Check that needle of src is on line want_line at column want_col. */
#define assert_at(pt, l, src, needle, want_line, want_col) do {	\
	size_t line_, col_;						\
	map_locate((pt), (l), (src), (needle), &line_, &col_);		\
	if (line_ != (want_line) || col_ != (want_col))			\
		fail_msg("\"%s\": line %zu col %zu, want %d %d",	\
		    (needle), line_, col_, (want_line), (want_col));	\
} while (0)

/*
 * Source offset to line and column through the wrapping: the vector of
 * cjk-layout.md 3.6 (kinsoku: ， and …… pushed, 2021年 glued) with
 * dropped and replaced characters put in, wide CJK and an indent.
 */
static void
test_prepare_locate_kinsoku(void **state)
{
	/* |他说：“这是|2021年的22万元，|1620GB数据……——|好！”（完）| */
	static const char src[] = "他说：\xe2\x80\x8b“这是2021\xe2\x80\xae年的"
	    "22万元，1620GB\xc2\xad数据……——好！”（完）";
	static const char plain[] = "他说：“这是2021年的22万元，1620GB数据"
	    "……——好！”（完）";
	struct layout_text pt;
	struct layout l;
	char *joined;

	(void)state;
	layout_prepare(src, sizeof src - 1, false, true, true, &pt);
	/* Dropping the invisible ones gives the vector's text. */
	assert_string_equal(pt.text, plain);
	joined = wrap_joined(pt.text, 16, 0);
	assert_string_equal(joined, "|他说：“这是|2021年的22万元，|"
	    "1620GB数据……——|好！”（完）|");
	free(joined);
	layout_wrap(pt.text, pt.len, 16, &l);
	assert_at(&pt, &l, src, "他", 0, 0);
	assert_at(&pt, &l, src, "“这", 0, 6);
	assert_at(&pt, &l, src, "\xe2\x80\x8b", 0, 6);
	assert_at(&pt, &l, src, "2021", 1, 0);
	assert_at(&pt, &l, src, "年的", 1, 4);
	assert_at(&pt, &l, src, "，1620", 1, 14);
	assert_at(&pt, &l, src, "数据", 2, 6);
	assert_at(&pt, &l, src, "——好", 2, 12);
	assert_at(&pt, &l, src, "好", 3, 0);
	assert_at(&pt, &l, src, "（完", 3, 5);
	layout_free(&l);
	/* The first line is four columns shorter; columns leave it out. */
	layout_wrap_indent(pt.text, pt.len, 16, 4, &l);
	assert_at(&pt, &l, src, "这是", 0, 7);
	assert_at(&pt, &l, src, "2021", 1, 0);
	layout_free(&l);
	layout_text_free(&pt);
}

/*
 * Justification spaces: a break consumes them, so an offset among them
 * is at the end of the line before; a TAB among them is a space too.
 */
static void
test_prepare_locate_spaces(void **state)
{
	static const char src[] = "  人 民\t 日 报 社 论";
	struct layout_text pt;
	struct layout l;
	size_t line, col;
	char *joined;

	(void)state;
	layout_prepare(src, sizeof src - 1, false, true, true, &pt);
	joined = wrap_joined(pt.text, 5, 0);
	assert_string_equal(joined, "|人 民|日 报|社 论|");
	free(joined);
	layout_wrap(pt.text, pt.len, 5, &l);
	/* Leading spaces: the start of the first line. */
	layout_locate(&l, pt.text, pt.map[0], &line, &col);
	assert_int_equal(line, 0);
	assert_int_equal(col, 0);
	assert_at(&pt, &l, src, "人", 0, 0);
	assert_at(&pt, &l, src, "民", 0, 3);
	assert_at(&pt, &l, src, "\t", 0, 5);
	assert_at(&pt, &l, src, "日", 1, 0);
	assert_at(&pt, &l, src, "报", 1, 3);
	assert_at(&pt, &l, src, " 社", 1, 5);
	assert_at(&pt, &l, src, "论", 2, 3);
	/* The end of the text: the end of the last line. */
	layout_locate(&l, pt.text, pt.map[sizeof src - 1], &line, &col);
	assert_int_equal(line, 2);
	assert_int_equal(col, 5);
	layout_free(&l);
	layout_text_free(&pt);
}

/* Run the line breaking and dump tests in a UTF-8 locale. */
int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_layout_research_vectors),
		cmocka_unit_test(test_layout_rules),
		cmocka_unit_test(test_layout_indent),
		cmocka_unit_test(test_layout_forced_flag),
		cmocka_unit_test(test_layout_sets_sorted),
		cmocka_unit_test(test_layout_properties),
		cmocka_unit_test(test_layout_long),
		cmocka_unit_test(test_layout_samples),
		cmocka_unit_test(test_prepare_map_controls),
		cmocka_unit_test(test_prepare_map_marks),
		cmocka_unit_test(test_prepare_map_ambiguous),
		cmocka_unit_test(test_prepare_map_prefixes),
		cmocka_unit_test(test_prepare_locate_kinsoku),
		cmocka_unit_test(test_prepare_locate_spaces),
		cmocka_unit_test(test_dump_list),
		cmocka_unit_test(test_dump_list_golden),
		cmocka_unit_test(test_dump_list_read),
		cmocka_unit_test(test_dump_section_article),
		cmocka_unit_test(test_dump_articles_wrap),
		cmocka_unit_test(test_dump_articles_golden),
		cmocka_unit_test(test_dump_articles_select),
	};

	return cmocka_run_group_tests(tests, test_utf8_locale, NULL);
}
