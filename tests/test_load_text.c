/*
 * test_load_text.c - tests of the raw-text loader (src/load_text.c) and
 * the segmenter behind it (src/seg.c, seg_match.c, seg_score.c).
 *
 * Their static functions are reached by including their sources.
 * The sample page must come out exactly as its golden file says
 * (tests/data/000_5989cba5d6a3127f.expected, built from the hand-checked
 * truth); the other tests check one stage each: normalisation, line
 * classification, paragraph joining, datelines, bylines, headline
 * assignment, sections and bad input.
 */
#include "config.h"

#include "common.h"

#include "../src/seg_match.c"
#include "../src/seg_score.c"
#include "../src/seg.c"
#include "../src/load_text.c"

#include "arena.h"

/* Append text without any whitespace (the golden format's rule). */
static void
put_nospace(struct buf *b, const char *s)
{
	uint32_t c;
	size_t n, len = strlen(s);

	while (len > 0) {
		n = utf8_decode(s, len, &c);
		if (!text_is_space(c) && c != '\n')
			buf_append(b, s, n);
		s += n;
		len -= n;
	}
}

/*
 * Render an edition in the golden format: article, headline, byline, then
 * one line per block: p, subhead or caption.
 */
static char *
render(const struct edition *ed)
{
	struct buf b = BUF_INIT;
	size_t s, a, i;

	for (s = 0; s < ed->nsections; s++) {
		for (a = 0; a < ed->sections[s]->narticles; a++) {
			const struct article *ar = ed->sections[s]->articles[a];

			buf_puts(&b, "article\n");
			for (i = 0; i < ar->nheadlines; i++) {
				if (ar->headlines[i].inferred)
					continue;
				buf_puts(&b, "headline ");
				put_nospace(&b, ar->headlines[i].text);
				buf_putc(&b, '\n');
			}
			if (ar->byline != NULL)
				buf_printf(&b, "byline %s\n", ar->byline);
			for (i = 0; i < ar->nblocks; i++) {
				enum block_kind k = ar->blocks[i].kind;

				buf_puts(&b, k == BLOCK_SUBHEAD ? "subhead " :
				    k == BLOCK_CAPTION ? "caption " : "p ");
				put_nospace(&b, ar->blocks[i].text);
				buf_putc(&b, '\n');
			}
		}
	}
	return buf_detach(&b);
}

/* Load a string; fails the test when load_text() fails. */
static struct edition *
load_string(const char *text, int *count)
{
	struct edition *ed = edition_new("test", "test.txt");
	char *cause = NULL;
	int n;

	n = load_text(ed, text, strlen(text), "test.txt", "test", &cause);
	if (n < 0) {
		fail_msg("load_text failed: %s", cause);
		free(cause);
	}
	if (count != NULL)
		*count = n;
	return ed;
}

/* Load a string and render it (caller frees). */
static char *
render_string(const char *text)
{
	struct edition *ed = load_string(text, NULL);
	char *out = render(ed);

	edition_free(ed);
	return out;
}

/* Compare two renderings line by line; print the first difference. */
static void
assert_rendering(const char *want, const char *got, const char *what)
{
	const char *w = want, *g = got, *we, *ge;
	unsigned line = 1;

	while (*w != '\0' || *g != '\0') {
		we = strchr(w, '\n');
		ge = strchr(g, '\n');
		if (we == NULL)
			we = w + strlen(w);
		if (ge == NULL)
			ge = g + strlen(g);
		if (we - w != ge - g || memcmp(w, g, (size_t)(we - w)) != 0) {
			fprintf(stderr, "%s: line %u differs\n"
			    "  expected: %.*s\n  got:      %.*s\n"
			    "full output:\n%s\n", what, line, (int)(we - w), w,
			    (int)(ge - g), g, got);
			fail();
		}
		w = *we != '\0' ? we + 1 : we;
		g = *ge != '\0' ? ge + 1 : ge;
		line++;
	}
}

/* The sample page comes out exactly as its golden file. */
static void
test_golden_sample(void **state)
{
	struct edition *ed = edition_new("sample", NULL);
	char *text, *want, *got, *cause = NULL;
	size_t len = 0;
	int n;

	(void)state;
	text = test_read_file(TEST_SAMPLES_DIR "/000_5989cba5d6a3127f.txt",
	    &len);
	want = test_read_file(TEST_DATA_DIR "/000_5989cba5d6a3127f.expected",
	    NULL);
	n = load_text(ed, text, len, "000_5989cba5d6a3127f.txt",
	    "000_5989cba5d6a3127f", &cause);
	assert_int_equal(n, 10);
	got = render(ed);
	assert_rendering(want, got, "golden sample");
	free(got);
	free(want);
	free(text);
	edition_free(ed);
}

/*
 * The hand-made pages modelled on real pdftotext output of other papers
 * and pages (tests/data/lt_real_*.txt) come out as their golden files:
 * 要闻 with agency datelines and a continuation marker, 经济 with
 * captions, numbers and a list, a 简讯 column, a 评论 page with author
 * lines, and two pages with header and footer furniture.
 */
static void
test_golden_real(void **state)
{
	static const char *const pages[] = {
		"lt_real_yaowen", "lt_real_jingji", "lt_real_jianxun",
		"lt_real_pinglun", "lt_real_pages"
	};
	char path[512], *text, *want, *got, *cause;
	struct edition *ed;
	size_t i, len;

	(void)state;
	for (i = 0; i < sizeof pages / sizeof pages[0]; i++) {
		snprintf(path, sizeof path, "%s/%s.txt", TEST_DATA_DIR,
		    pages[i]);
		len = 0;
		text = test_read_file(path, &len);
		snprintf(path, sizeof path, "%s/%s.expected", TEST_DATA_DIR,
		    pages[i]);
		want = test_read_file(path, NULL);
		ed = edition_new(pages[i], NULL);
		cause = NULL;
		if (load_text(ed, text, len, pages[i], pages[i], &cause) < 0)
			fail_msg("%s: %s", pages[i], cause);
		got = render(ed);
		assert_rendering(want, got, pages[i]);
		free(got);
		free(want);
		free(text);
		edition_free(ed);
	}
}

/* Two editions hold the same sections, articles and strings, exactly. */
static void
assert_same_edition(const struct edition *x, const struct edition *y)
{
	const struct article *a, *b;
	size_t s, k, i;

	assert_int_equal(x->nsections, y->nsections);
	for (s = 0; s < x->nsections; s++) {
		assert_string_equal(x->sections[s]->title,
		    y->sections[s]->title);
		assert_int_equal(x->sections[s]->narticles,
		    y->sections[s]->narticles);
		for (k = 0; k < x->sections[s]->narticles; k++) {
			a = x->sections[s]->articles[k];
			b = y->sections[s]->articles[k];
			assert_string_equal(a->id, b->id);
			assert_int_equal(a->nheadlines, b->nheadlines);
			for (i = 0; i < a->nheadlines; i++)
				assert_string_equal(a->headlines[i].text,
				    b->headlines[i].text);
			assert_int_equal(a->dateline == NULL,
			    b->dateline == NULL);
			if (a->dateline != NULL)
				assert_string_equal(a->dateline, b->dateline);
			assert_int_equal(a->ncredits, b->ncredits);
			assert_int_equal(a->nblocks, b->nblocks);
			for (i = 0; i < a->nblocks; i++) {
				assert_int_equal(a->blocks[i].kind,
				    b->blocks[i].kind);
				assert_string_equal(a->blocks[i].text,
				    b->blocks[i].text);
			}
			assert_int_equal(a->length, b->length);
			assert_int_equal(a->source_line, b->source_line);
		}
	}
}

/*
 * load_text_take() builds the paragraphs in the buffer it is given and
 * the edition keeps it, with the same result as load_text() on the same
 * text: on the sample, on the hand-made real pages, and on a text where
 * paragraphs cannot stay in place and are copied as before (furniture
 * dropped from inside one; a long line cut into pieces that rejoin with a
 * space the text did not have).
 */
static void
test_take_same(void **state)
{
	static const char *const files[] = {
		TEST_SAMPLES_DIR "/000_5989cba5d6a3127f.txt",
		TEST_DATA_DIR "/lt_real_yaowen.txt",
		TEST_DATA_DIR "/lt_real_jingji.txt",
		TEST_DATA_DIR "/lt_real_pages.txt",
		TEST_DATA_DIR "/lt_displaced.txt",
		NULL,		/* the long line below */
	};
	struct edition *x, *y;
	struct buf long_line = BUF_INIT;
	char *text, *copy, *cause = NULL;
	size_t f, len, i;
	int n, m;

	(void)state;
	/*
	 * Editor's furniture alone in a column break, dropped from the
	 * paragraph around it; then 40 KB of one word, cut into pieces
	 * that rejoin with a space.
	 */
	buf_puts(&long_line, "本报讯（记者 王五）这是第一段文字，写得很长很长很长"
	    "很长很长很长很长很长很长很长\n很长很长很长很长很长很长很长很长"
	    "很长很长很长很长很长很长很长，没有\n\n责任编辑：张三\n\n结束的"
	    "这一行文字还在继续很长很长很长很长很长很长很长很长很长很长很长。"
	    "\n\n第二段");
	for (i = 0; i < 40000; i++)
		buf_putc(&long_line, 'a');
	buf_puts(&long_line, "。\n");
	for (f = 0; f < sizeof files / sizeof files[0]; f++) {
		len = 0;
		if (files[f] != NULL)
			text = test_read_file(files[f], &len);
		else {
			len = long_line.len;
			text = xstrndup(long_line.data, len);
		}
		copy = xstrndup(text, len);
		x = edition_new("x", NULL);
		y = edition_new("x", NULL);
		n = load_text(x, text, len, "p.txt", "p", &cause);
		m = load_text_take(y, &copy, len, "p.txt", "p", &cause);
		assert_true(n > 0);
		assert_int_equal(n, m);
		edition_finish(x);
		edition_finish(y);
		assert_same_edition(x, y);
		/*
		 * The pages have paragraphs that stay in place; neither
		 * paragraph of the made-up text can (the buffer is left
		 * to the caller).
		 */
		if (files[f] != NULL)
			assert_null(copy);
		else
			assert_non_null(copy);
		free(copy);
		free(text);
		edition_free(x);
		edition_free(y);
	}
	buf_free(&long_line);
}

/* Datelines, source lines and credits of the sample are recorded. */
static void
test_sample_metadata(void **state)
{
	static const unsigned first_lines[] = {
		3, 36, 67, 132, 166, 213, 247, 303, 439, 497
	};
	struct edition *ed = edition_new("sample", NULL);
	const struct section *s;
	const struct article *a;
	char *text, *cause = NULL;
	size_t len = 0, i;

	(void)state;
	text = test_read_file(TEST_SAMPLES_DIR "/000_5989cba5d6a3127f.txt",
	    &len);
	assert_int_equal(load_text(ed, text, len, "sample.txt", "sample",
	    &cause), 10);
	assert_int_equal(ed->nsections, 1);
	s = ed->sections[0];
	assert_string_equal(s->title, "sample");
	for (i = 0; i < s->narticles; i++) {
		a = s->articles[i];
		assert_string_equal(a->dateline, "本报讯");
		assert_string_equal(a->source_file, "sample.txt");
		if (a->source_line != first_lines[i])
			fail_msg("article %zu: source line %u, expected %u",
			    i, a->source_line, first_lines[i]);
	}
	a = s->articles[0];
	assert_int_equal(a->ncredits, 2);
	assert_string_equal(a->credits[0].role, "记者");
	assert_string_equal(a->credits[0].name, "王译博");
	assert_string_equal(a->credits[1].role, "通讯员");
	assert_string_equal(a->credits[1].name, "高岩");
	a = s->articles[9];
	assert_int_equal(a->nheadlines, 0);
	assert_int_equal(a->ncredits, 1);
	assert_string_equal(a->credits[0].role, "郑报全媒体记者");
	assert_string_equal(a->credits[0].name, "徐刚领");
	free(text);
	edition_free(ed);
}

/* Normalise one line with a mode into a new string (caller frees). */
static char *
norm_string(const char *s, int mode)
{
	struct cpvec out = { NULL, 0, 0 }, tmp = { NULL, 0, 0 };
	struct buf b = BUF_INIT;

	segm_norm_line(s, strlen(s), mode, &out, &tmp, NULL);
	put_cps(&b, out.v, out.n);
	segm_cpvec_free(&out);
	segm_cpvec_free(&tmp);
	return buf_detach(&b);
}

/* Each PDF artefact is normalised; spaces between Latin words stay. */
static void
test_normalise(void **state)
{
	static const struct {
		const char	*in, *want;
	} v[] = {
		/* Justification spaces between Han characters. */
		{ "依 据 和 参 考 ，进 一 步", "依据和参考，进一步" },
		/* Space before CJK punctuation. */
		{ "自评验收 。分别", "自评验收。分别" },
		/* Spaces between digits and Han. */
		{ "12 月 15 日这一天", "12月15日这一天" },
		{ "5G 网络实现全覆盖", "5G网络实现全覆盖" },
		{ "2020 年工业互联网", "2020年工业互联网" },
		/* Latin words keep one space; the seam to Han does not. */
		{ "一台iPhone 15 Pro ，他说", "一台iPhone 15 Pro，他说" },
		{ "Hello   world", "Hello world" },
		/* Tab, U+3000 indent, trailing spaces. */
		{ "\t\xe3\x80\x80新的一段  ", "新的一段" },
		/* Controls and ignorables dropped, BOM too. */
		{ "有\x01控制\xe2\x80\x8b字符", "有控制字符" },
		{ "\xef\xbb\xbf开头", "开头" },
		/* Letter-spaced digits and Latin. */
		{ "1 6 2 0 G B 的带宽", "1620GB的带宽" },
		/* Hangul keeps its word spaces. */
		{ "대한민국 서울", "대한민국 서울" },
		/* Width and script untouched: full-width and traditional. */
		{ "ＧＤＰ增長６．５％", "ＧＤＰ增長６．５％" },
	};
	size_t i;
	char *got;

	(void)state;
	for (i = 0; i < sizeof v / sizeof v[0]; i++) {
		got = norm_string(v[i].in, NORM_TEXT);
		if (strcmp(got, v[i].want) != 0)
			fail_msg("normalise \"%s\": expected \"%s\", got "
			    "\"%s\"", v[i].in, v[i].want, got);
		free(got);
	}
	/* The raw mode keeps (collapsed) spaces for bylines and headlines. */
	got = norm_string("记者  王译博 通讯员 高岩 ", NORM_RAW);
	assert_string_equal(got, "记者 王译博 通讯员 高岩");
	free(got);
}

/* Join two normalised lines the way a paragraph is joined. */
static char *
join_string(const char *a, const char *b)
{
	struct cpvec acc = { NULL, 0, 0 }, out = { NULL, 0, 0 };
	struct cpvec tmp = { NULL, 0, 0 };
	struct buf buf = BUF_INIT;

	segm_norm_line(a, strlen(a), NORM_TEXT, &out, &tmp, NULL);
	join_cps(&acc, out.v, out.n);
	segm_norm_line(b, strlen(b), NORM_TEXT, &out, &tmp, NULL);
	join_cps(&acc, out.v, out.n);
	put_cps(&buf, acc.v, acc.n);
	segm_cpvec_free(&acc);
	segm_cpvec_free(&out);
	segm_cpvec_free(&tmp);
	return buf_detach(&buf);
}

/* Lines join without space next to CJK, with one between Latin words. */
static void
test_join(void **state)
{
	static const struct {
		const char	*a, *b, *want;
	} v[] = {
		{ "进一步完", "善了相关制度", "进一步完善了相关制度" },
		{ "到 2025", "年，全省", "到2025年，全省" },
		{ "the inter-", "national market", "the international market" },
		{ "COVID-", "19 cases", "COVID-19 cases" },
		{ "a new iPhone", "15 Pro", "a new iPhone 15 Pro" },
		{ "growth of 15", "% a year", "growth of 15% a year" },
		{ "增长 15", "%以上", "增长15%以上" },
	};
	size_t i;
	char *got;

	(void)state;
	for (i = 0; i < sizeof v / sizeof v[0]; i++) {
		got = join_string(v[i].a, v[i].b);
		if (strcmp(got, v[i].want) != 0)
			fail_msg("join \"%s\" + \"%s\": expected \"%s\", got "
			    "\"%s\"", v[i].a, v[i].b, v[i].want, got);
		free(got);
	}
}

/* Measure one line into a struct line. */
static struct line
measure_string(const char *s)
{
	struct cpvec out = { NULL, 0, 0 }, tmp = { NULL, 0, 0 };
	struct line ln;

	memset(&ln, 0, sizeof ln);
	segm_norm_line(s, strlen(s), NORM_TEXT, &out, &tmp, NULL);
	measure_line(&ln, out.v, out.n, segm_dateline_match(out.v, out.n, NULL));
	segm_cpvec_free(&out);
	segm_cpvec_free(&tmp);
	return ln;
}

/* Lines are classified by how they end and what they hold. */
static void
test_classify_lines(void **state)
{
	static const struct {
		const char	*line;
		unsigned	 flags;		/* L_END_* and shape flags */
		unsigned	 width;
	} v[] = {
		{ "热潮。", L_END_STOP, 4 + 4 + 3 },
		{ "化干预方案等研究。”", L_END_STOP, 0 },
		{ "格局：", L_END_COLON, 0 },
		{ "用，群策群力、", L_END_CONT | L_INNER_COMMA, 0 },
		{ "让老人“少跑腿”", 0, 0 },
		{ "化转化。南部产业走廊", L_INNER_STOP, 0 },
		{ "前三季度我省GDP同比增长5.1%", 0, 0 },
		{ "（完）", L_PAREN, 0 },
		/* Half-width digits and the quarter-em gap at the seam. */
		{ "5G网络", 0, 2 + 2 + 1 + 4 + 4 },
		{ "堡垒作用", 0, 16 },
	};
	unsigned mask = L_END_STOP | L_END_COLON | L_END_CONT | L_INNER_STOP |
	    L_INNER_COMMA | L_PAREN;
	struct line ln;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof v / sizeof v[0]; i++) {
		ln = measure_string(v[i].line);
		if ((ln.flags & mask) != v[i].flags)
			fail_msg("\"%s\": flags %#x, expected %#x", v[i].line,
			    ln.flags & mask, v[i].flags);
		if (v[i].width != 0 && ln.width != v[i].width)
			fail_msg("\"%s\": width %u, expected %u", v[i].line,
			    ln.width, v[i].width);
	}
}

/* Every dateline pattern of the table matches its example. */
static void
test_dateline_patterns(void **state)
{
	static const struct {
		const char	*line;
		const char	*pattern;	/* NULL: must not match */
		size_t		 len;		/* characters matched */
	} v[] = {
		{ "本报讯（记者 王译博）连日来", "本报讯", 3 },
		{ "本报北京 12 月 23 日电 记者", "本报%P%D电", 11 },
		{ "本报12月23日电（记者 李）", "本报%D电", 9 },
		{ "本报12月5日讯 随着气温", "本报%D讯", 8 },
		{ "本报郑州12月5日讯 随着", "本报%P%D讯", 10 },
		{ "新华社北京12月23日电（记者 张三）", "新华社%P%D电", 12 },
		{ "新华社北京电 记者", "新华社%P电", 6 },
		{ "新华社12月23日电", "新华社%D电", 10 },
		{ "人民网北京12月23日电", "人民网%P%D电", 12 },
		{ "中新社上海十二月三日电", "中新社%P%D电", 11 },
		{ "中新网广州3月4日电", "中新网%P%D电", 10 },
		{ "新华网北京5月6日电", "新华网%P%D电", 10 },
		{ "央视网消息（新闻联播）", "央视网消息", 5 },
		{ "据新华社电 近日", "据新华社电", 5 },
		{ "（记者 王译博）近日，", "（%R", 7 },
		{ "(记者 王译博)近日，", "(%R", 7 },
		{ "本报记者 王译博 李娜", "本报记者%N", 9 },
		{ "本报通讯员 张三", "本报通讯员%N", 7 },
		{ "本报特约记者 李四", "本报特约记者%N", 8 },
		{ "本报评论员 王五", "本报评论员%N", 7 },
		{ "本报驻肯尼亚记者 黄若溪", "本报驻%B", 11 },
		{ "本报记者 欧阳明辉 通讯员 司马少东 实习生 诸葛婷", "本报记者%B", 21 },
		{ "本报通讯员 司马少东 实习生 诸葛婷婷 记者 欧阳明华", "本报通讯员%B", 22 },
		{ "本报郑州讯（记者 韩雪）12", "本报%P讯", 5 },
		{ "【本报讯】记者从人民银行", "【本报讯】", 5 },
		{ "据新华社北京12月23日电 记者", "据新华社%P%D电", 13 },
		{ "□ 本报记者 张三", "□%B", 7 },
		{ "■ 记者 王五 通讯员 赵六", "■%B", 10 },
		{ "□ 张明远", "□%B", 4 },
		{ "◆ 张晓燕", "◆%B", 4 },
		{ "◇ 本报评论员 李文", "◇%B", 8 },
		{ "● 记者 王五", "●%B", 5 },
		{ "○ 秦岭", "○%B", 3 },
		{ "★ 本报记者 潘立群", "★%B", 8 },
		{ "☆ 江 澜", "☆%B", 3 },
		{ "文/图 本报记者 张华", "文/图%B", 9 },
		{ "文／图 记者 李娜", "文／图%B", 7 },
		/* Not datelines. */
		{ "本报记者了解到，近日", NULL, 0 },
		{ "新华社记者近日从有关部门获悉", NULL, 0 },
		{ "本报今年推出新栏目", NULL, 0 },
		/* A photo credit and a square before text are no bylines. */
		{ "□ 本报记者 张三 摄", NULL, 0 },
		{ "■ 近日，全市开展了大检查", NULL, 0 },
	};
	bool covered[NPATTERNS];
	struct cpvec out = { NULL, 0, 0 }, tmp = { NULL, 0, 0 };
	size_t i, end;
	int dl;

	(void)state;
	memset(covered, 0, sizeof covered);
	for (i = 0; i < sizeof v / sizeof v[0]; i++) {
		segm_norm_line(v[i].line, strlen(v[i].line), NORM_TEXT, &out, &tmp,
		    NULL);
		end = 0;
		dl = segm_dateline_match(out.v, out.n, &end);
		if (v[i].pattern == NULL) {
			if (dl != 0)
				fail_msg("\"%s\" matched %s", v[i].line,
				    dateline_patterns[dl - 1].pattern);
			continue;
		}
		if (dl == 0)
			fail_msg("\"%s\": no match, expected %s", v[i].line,
			    v[i].pattern);
		if (strcmp(dateline_patterns[dl - 1].pattern,
		    v[i].pattern) != 0 || end != v[i].len)
			fail_msg("\"%s\": matched %s (%zu), expected %s (%zu)",
			    v[i].line, dateline_patterns[dl - 1].pattern, end,
			    v[i].pattern, v[i].len);
		covered[dl - 1] = true;
	}
	for (i = 0; i < NPATTERNS; i++)
		if (!covered[i])
			fail_msg("pattern %s has no test",
			    dateline_patterns[i].pattern);
	segm_cpvec_free(&out);
	segm_cpvec_free(&tmp);
}

/* Parse a byline string into "role/name;..." (caller frees). */
static char *
byline_string(const char *s, char **byline)
{
	struct edition *ed = edition_new(NULL, NULL);
	struct section *sec = edition_add_section(ed, "t", NULL);
	struct article *a = section_add_article(ed, sec);
	struct cpvec out = { NULL, 0, 0 }, tmp = { NULL, 0, 0 };
	struct buf b = BUF_INIT;
	size_t i;

	segm_norm_line(s, strlen(s), NORM_RAW, &out, &tmp, NULL);
	parse_byline(ed, a, out.v, out.n);
	for (i = 0; i < a->ncredits; i++)
		buf_printf(&b, "%s/%s;", a->credits[i].role != NULL ?
		    a->credits[i].role : "-", a->credits[i].name);
	*byline = a->byline != NULL ? xstrdup(a->byline) : NULL;
	segm_cpvec_free(&out);
	segm_cpvec_free(&tmp);
	edition_free(ed);
	return buf_detach(&b);
}

/* Bylines split into roles and names, also when spaces were lost. */
static void
test_byline_parse(void **state)
{
	static const struct {
		const char	*in, *credits, *byline;
	} v[] = {
		{ "记者 王译博 通讯员 高岩", "记者/王译博;通讯员/高岩;",
		    "记者 王译博 通讯员 高岩" },
		/* A column break joined 通讯员 and the name. */
		{ "记者 王译博 通讯员高岩", "记者/王译博;通讯员/高岩;",
		    "记者 王译博 通讯员 高岩" },
		{ "记者王译博通讯员周永凯", "记者/王译博;通讯员/周永凯;",
		    "记者 王译博 通讯员 周永凯" },
		/* A long role. */
		{ "郑报全媒体记者 徐刚领", "郑报全媒体记者/徐刚领;",
		    "郑报全媒体记者 徐刚领" },
		/* Several names for one role, roles in any order. */
		{ "记者 张华 李明", "记者/张华;记者/李明;", "记者 张华 李明" },
		{ "通讯员 陈静 记者 刘洋", "通讯员/陈静;记者/刘洋;",
		    "通讯员 陈静 记者 刘洋" },
		/* Letter-spaced. */
		{ "记 者 侯 爱 敏", "记者/侯爱敏;", "记者 侯爱敏" },
		/* Names separated by 、. */
		{ "记者 张华、李明", "记者/张华;记者/李明;", "记者 张华、李明" },
		/* A name without role. */
		{ "王译博", "-/王译博;", "王译博" },
	};
	size_t i;
	char *got, *byline;

	(void)state;
	for (i = 0; i < sizeof v / sizeof v[0]; i++) {
		got = byline_string(v[i].in, &byline);
		if (strcmp(got, v[i].credits) != 0)
			fail_msg("byline \"%s\": credits \"%s\", expected "
			    "\"%s\"", v[i].in, got, v[i].credits);
		if (byline == NULL || strcmp(byline, v[i].byline) != 0)
			fail_msg("byline \"%s\": \"%s\", expected \"%s\"",
			    v[i].in, byline != NULL ? byline : "(null)",
			    v[i].byline);
		free(got);
		free(byline);
	}
}

/* A byline cut by a line break (and a column break) is read whole. */
static void
test_byline_split(void **state)
{
	const char *text =
	    "本报讯（记者 王译博 通讯\n"
	    "员 周永凯）为实现人民信访“最\n"
	    "多跑一次”的目标，连日来，经开\n"
	    "区明湖办事处坚持以人民为中心。\n"
	    "\n"
	    "新华社郑州11月30日电（记\n"
	    "\n"
	    "者 韩冰）记者从河南省政务服\n"
	    "务和大数据管理局了解到，截至\n"
	    "11月底，全省已有2300余项政务\n"
	    "服务事项实现“一网通办”。\n";
	struct edition *ed;
	const struct article *a;
	int n;

	(void)state;
	ed = load_string(text, &n);
	assert_int_equal(n, 2);
	a = ed->sections[0]->articles[0];
	assert_string_equal(a->dateline, "本报讯");
	assert_string_equal(a->byline, "记者 王译博 通讯员 周永凯");
	a = ed->sections[0]->articles[1];
	assert_string_equal(a->dateline, "新华社郑州11月30日电");
	assert_string_equal(a->byline, "记者 韩冰");
	assert_int_equal(a->ncredits, 1);
	assert_string_equal(a->credits[0].name, "韩冰");
	edition_free(ed);
}

/*
 * A blank line in mid-sentence (a column break) joins; a paragraph ends
 * at a short line, or at the column edge before an indented line.
 */
static void
test_paragraph_breaks(void **state)
{
	/* A 14-character column; no blank lines between paragraphs. */
	const char *text =
	    "本报讯（记者 王芳）今天\n"
	    "上午，经开区举行了冬季消防安\n"
	    "\n"
	    "全演练，辖区二十多家企业的员\n"
	    "工参加了演练。\n"
	    "消防员现场讲解了灭火器的\n"
	    "使用方法，演练分为疏散逃生。\n"
	    "参加演练的企业负责人说，\n"
	    "这样的演练很有必要。\n"
	    "下一步，经开区还将组织消\n"
	    "防部门深入企业开展隐患排查。\n";
	const char *want =
	    "article\n"
	    "byline 记者 王芳\n"
	    "p 本报讯（记者王芳）今天上午，经开区举行了冬季消防安全演练，辖区"
	    "二十多家企业的员工参加了演练。\n"
	    "p 消防员现场讲解了灭火器的使用方法，演练分为疏散逃生。\n"
	    "p 参加演练的企业负责人说，这样的演练很有必要。\n"
	    "p 下一步，经开区还将组织消防部门深入企业开展隐患排查。\n";
	char *got;

	(void)state;
	got = render_string(text);
	assert_rendering(want, got, "paragraph breaks");
	free(got);
}

/* A full line ending a sentence goes on; a short colon line ends. */
static void
test_paragraph_stop_and_colon(void **state)
{
	const char *text =
	    "本报讯（记者 李娜）《方案》提出，我\n"
	    "省要构建兰考纳入郑开同城化的总体格\n"
	    "局：\n"
	    "\n"
	    "“一区”即郑开同城化东部示范区。\n"
	    "包括兰考全域，将其与郑开同城化南部示\n"
	    "范区、北部示范区一道，共同打造成为支\n"
	    "撑郑开同城化的三大核心引擎。到2025年\n"
	    "基本形成一体化发展格局，具体目标如下：\n"
	    "交通设施全面对接，公共服务共建共享。\n";
	const char *want =
	    "article\n"
	    "byline 记者 李娜\n"
	    "p 本报讯（记者李娜）《方案》提出，我省要构建兰考纳入郑开同城化的"
	    "总体格局：\n"
	    "p “一区”即郑开同城化东部示范区。包括兰考全域，将其与郑开同城化"
	    "南部示范区、北部示范区一道，共同打造成为支撑郑开同城化的三大核心"
	    "引擎。到2025年基本形成一体化发展格局，具体目标如下：交通设施全面"
	    "对接，公共服务共建共享。\n";
	char *got;

	(void)state;
	got = render_string(text);
	assert_rendering(want, got, "stop and colon");
	free(got);
}

/* Headlines printed after their body or before another one find home. */
static void
test_headlines_displaced(void **state)
{
	char *text, *got, *want_head[4], *p;
	struct edition *ed = edition_new("t", NULL);
	const struct section *s;
	char *cause = NULL;
	size_t len = 0, i;

	(void)state;
	text = test_read_file(TEST_DATA_DIR "/lt_displaced.txt", &len);
	assert_int_equal(load_text(ed, text, len, "lt_displaced.txt",
	    "lt_displaced", &cause), 4);
	s = ed->sections[0];
	/* After its own body; before another article; couplet; none. */
	want_head[0] = "市图书馆完成改造|新增自习座位三百个";
	want_head[1] = "让公交“多跑路”|让市民“少等车”";
	want_head[2] = "万亩苹果喜获丰收|果农人均增收两千元";
	want_head[3] = "";
	for (i = 0; i < 4; i++) {
		struct buf b = BUF_INIT;
		size_t h;

		for (h = 0; h < s->articles[i]->nheadlines; h++) {
			if (h > 0)
				buf_putc(&b, '|');
			buf_puts(&b, s->articles[i]->headlines[h].text);
		}
		got = buf_detach(&b);
		p = got != NULL ? got : "";
		if (strcmp(p, want_head[i]) != 0)
			fail_msg("article %zu: headlines \"%s\", expected "
			    "\"%s\"", i, p, want_head[i]);
		free(got);
	}
	assert_int_equal(s->articles[2]->nblocks, 3);
	assert_string_equal(s->articles[2]->dateline, "新华社西安10月8日电");
	free(text);
	edition_free(ed);
}

/* One line holding two headline parts gives two headline lines. */
static void
test_headline_one_line(void **state)
{
	const char *text =
	    "医防养护一体 AI健康管理中心成立\n"
	    "\n"
	    "本报讯（记者 王译博）近日，全省首家\n"
	    "AI健康管理中心在经开区朝凤路正式\n"
	    "揭牌成立，为婴幼童提供一体化的健康\n"
	    "管理服务。\n";
	struct edition *ed;
	const struct article *a;

	(void)state;
	ed = load_string(text, NULL);
	a = ed->sections[0]->articles[0];
	assert_int_equal(a->nheadlines, 2);
	assert_string_equal(a->headlines[0].text, "医防养护一体");
	assert_string_equal(a->headlines[1].text, "AI健康管理中心成立");
	assert_int_equal(a->nblocks, 1);
	edition_free(ed);
}

/* Subheads stay inside their article. */
/*
 * Photo stories: each ends at its photographer's credit, and the line
 * alone after it is the next one's title, however wide.
 */
static void
test_photo_story_titles(void **state)
{
	const char *text =
	    "春耕备耕正当时\n"
	    "\n"
	    "3月2日，江苏省兴化市的农民在田间检修灌溉设施。当地已连续多年开展"
	    "高标准农田建设，灌\n"
	    "溉保障能力明显提高。 吴海峰摄\n"
	    "\n"
	    "古镇灯会开幕 游人夜赏彩灯\n"
	    "\n"
	    "2月26日，浙江省桐乡市乌镇的游客在观赏彩灯，灯会吸引了大批市民和"
	    "游客前来游览。 本报记者 潘一鸣摄\n";
	struct edition *ed;

	(void)state;
	ed = load_string(text, NULL);
	assert_int_equal(ed->sections[0]->narticles, 2);
	assert_true(ed->sections[0]->articles[1]->nheadlines > 0);
	assert_string_equal(ed->sections[0]->articles[1]->headlines[0].text,
	    "古镇灯会开幕");
	edition_free(ed);
}

/*
 * A point whose lead sentence stands alone on its line (第二，…。) starts
 * a paragraph and runs on into the full line under it.
 */
static void
test_point_leads(void **state)
{
	const char *text =
	    "第一，健全协调机制。推动执法力量\n"
	    "下沉，形成条块结合的工作格局更明显。\n"
	    "第二，建设城市运行平台。\n"
	    "整合各部门的业务系统和数据资源，构建\n"
	    "统一的运行管理服务平台，实现问题发现\n"
	    "和处置反馈的闭环管理，成效十分明显。\n"
	    "（作者为城市治理研究院研究员）\n";
	char *got;

	(void)state;
	got = render_string(text);
	assert_non_null(strstr(got, "工作格局更明显。\n"
	    "p 第二，建设城市运行平台。整合各部门"));
	assert_non_null(strstr(got, "成效十分明显。\n"
	    "p （作者为城市治理研究院研究员）"));
	free(got);
}

/*
 * The first line of a text under its author's line, taken for a title
 * by its width but kept as text: in the middle of a quotation, it runs
 * on into the paragraph under it.
 */
static void
test_open_clause_runs_on(void **state)
{
	const char *text =
	    "湖北加快推进小型病险水库除险加固\n"
	    "——年内计划完成整治任务1200座\n"
	    "本报记者 周文静\n"
	    "“以前一到汛期就提\n"
	    "心吊胆，现在坝体加固\n"
	    "了，溢洪道也拓宽了，睡\n"
	    "觉都踏实。”在湖北省孝\n"
	    "感市大悟县一座刚刚完工\n"
	    "的小（1）型水库旁，巡库\n"
	    "员老陈指着新修的防浪墙\n"
	    "说。\n"
	    "记者从湖北省水利厅\n"
	    "了解到，2026年全省计划\n"
	    "完成小型病险水库除险加\n"
	    "固1200座。\n";
	char *got;

	(void)state;
	got = render_string(text);
	assert_non_null(strstr(got, "p “以前一到汛期就提心吊胆，现在坝体加固"));
	free(got);
}

/*
 * A paragraph's first line cut short because a quotation mark may not
 * end a line (…治理过程的 / “精”。…; 简单的“保基 / 本”，…) is text, not
 * a subhead.
 */
static void
test_short_first_line(void **state)
{
	const char *text =
	    "本报讯（记者 陈立）城市治理的对象，不仅包\n"
	    "括道路、管网、建筑等物理空间，也包括人口、\n"
	    "产业、服务等社会要素，这是共识。\n"
	    "精细化治理，还体现在治理过程的\n"
	    "“精”。要以标准化为基础，对城市管理各项\n"
	    "工作制定明确的标准规范，做到心中有数。\n"
	    "兜底线不是简单的“保基\n"
	    "本”，而是要随着经济社会发展逐步提高保\n"
	    "障水平，让群众得到更多实惠和好处。\n";
	char *got;

	(void)state;
	got = render_string(text);
	assert_non_null(strstr(got, "这是共识。\n"
	    "p 精细化治理，还体现在治理过程的“精”。"));
	assert_non_null(strstr(got, "心中有数。\n"
	    "p 兜底线不是简单的“保基本”，"));
	free(got);
	/* But 向 ends words as well as clauses: 方向 may end a title. */
	got = render_string(
	    "本报讯（记者 何文）国际商事争端的解决方式正在变化，\n"
	    "诉讼、仲裁和调解各有所长，这是大势。\n"
	    "（一）多元化解是国际商事争端解决的\n"
	    "发展方向\n"
	    "\n"
	    "从国际经验看，商事主体在选择争端解\n"
	    "决方式时，往往综合考虑成本、效率、保密\n"
	    "性和裁判结果的可执行性等因素。\n");
	assert_non_null(strstr(got,
	    "subhead （一）多元化解是国际商事争端解决的发展方向\n"));
	free(got);
}

/*
 * A line the text leaves for another page (下转) is short, but says
 * nothing about the line above it: that is the text under a subhead.
 */
static void
test_short_before_marker(void **state)
{
	const char *text =
	    "本报讯（记者 程远）海洋是高质量发展的战略要地，\n"
	    "建设海洋强国必须统筹发展和保护，这是共识。\n"
	    "三、生态保护是建设海洋强国的必然要求\n"
	    "海洋生态系统是地球生命支持系统的重要组成\n"
	    "部分。要坚持保护优先、节约优先、\n"
	    "（下转第十三版）\n";
	char *got;

	(void)state;
	got = render_string(text);
	assert_non_null(strstr(got,
	    "subhead 三、生态保护是建设海洋强国的必然要求\n"
	    "p 海洋生态系统是地球生命支持系统的重要组成部分。"));
	free(got);
}

/*
 * Text extracted in reading order may set the author's name apart from
 * the headline and the text by blank lines: it is still the byline.
 */
static void
test_author_between_blanks(void **state)
{
	const char *text =
	    "呵护黑土地 要久久为功\n"
	    "\n"
	    "张晓燕\n"
	    "\n"
	    "黑土地是“耕地中的大熊猫”，土壤肥沃、有机\n"
	    "质含量高，是保障国家粮食安全的“压舱石”。东北\n"
	    "典型黑土区耕地面积约2.78亿亩，粮食产量约占全国\n"
	    "的四分之一，地位十分重要。\n";
	struct edition *ed;
	const struct article *a;

	(void)state;
	ed = load_string(text, NULL);
	assert_int_equal(ed->sections[0]->narticles, 1);
	a = ed->sections[0]->articles[0];
	assert_non_null(a->byline);
	assert_string_equal(a->byline, "张晓燕");
	assert_int_equal(a->nheadlines, 2);
	edition_free(ed);
}

/*
 * A dateline the line break cut before its 电 (新华社哈尔滨3月5日 /
 * 电（记者 曲洪波）…) still opens its article, with its byline.
 */
static void
test_dateline_cut_at_dian(void **state)
{
	const char *text =
	    "黑龙江冰雪旅游持续升温\n"
	    "新华社哈尔滨3月5日\n"
	    "电（记者 曲洪波）记者从黑龙江省文化和旅游厅获悉，今年雪季全省"
	    "接待游客\n"
	    "人次同比增长两成以上，冰雪旅游持续升温，带动了相关产业发展。\n";
	struct edition *ed;
	const struct article *a;

	(void)state;
	ed = load_string(text, NULL);
	assert_int_equal(ed->sections[0]->narticles, 1);
	a = ed->sections[0]->articles[0];
	assert_int_equal(a->nheadlines, 1);
	assert_string_equal(a->headlines[0].text, "黑龙江冰雪旅游持续升温");
	assert_non_null(a->dateline);
	assert_string_equal(a->dateline, "新华社哈尔滨3月5日电");
	assert_non_null(a->byline);
	assert_string_equal(a->byline, "记者 曲洪波");
	edition_free(ed);
}

/*
 * A subhead as wide as an indented first line (基础设施“补短板”) over
 * the indented first line of its text: no paragraph starts with two
 * indented lines, so it is a title.
 */
static void
test_indented_subhead(void **state)
{
	const char *text =
	    "本报讯（记者 邱明）太原市老旧小区改造\n"
	    "今年全面提速，一批小区从“面子”\n"
	    "到“里子”都发生了变化，居民们\n"
	    "纷纷点赞。\n"
	    "基础设施“补短板”\n"
	    "改造中，太原市优先实\n"
	    "施供水、排水、供暖、燃气等\n"
	    "管网的更新，累计更换老化管\n"
	    "网四百多公里。\n";
	char *got;

	(void)state;
	got = render_string(text);
	assert_non_null(strstr(got, "纷纷点赞。\n"
	    "subhead 基础设施“补短板”\n"
	    "p 改造中，太原市优先实施"));
	free(got);
}

/*
 * An interview: each turn opens with its speaker (记者：, 林远：) and is a
 * paragraph, even after a turn ending at the column edge.
 */
static void
test_interview_turns(void **state)
{
	const char *text =
	    "记者：您这本书写了十年，最难的是什么？\n"
	    "林远：最难的是走遍每一条沟。秦岭有七十二\n"
	    "峪，我每一条都至少走过三遍，记了四十多本\n"
	    "笔记，拍了上万张照片，这才心里有了底气。\n"
	    "记者：书出版后，读者的反响怎么样？\n"
	    "林远：出乎我的意料。很多读者来信说，读了\n"
	    "这本书，想去秦岭走一走，看一看。\n";
	char *got;

	(void)state;
	got = render_string(text);
	assert_non_null(strstr(got, "心里有了底气。\n"
	    "p 记者：书出版后，读者的反响怎么样？\n"
	    "p 林远：出乎我的意料。"));
	free(got);
}

/*
 * A continuation marker takes room on its line: （接第三版）县里… is a
 * full line although its text alone is short, so its paragraph goes on.
 */
static void
test_marker_width(void **state)
{
	const char *text =
	    "（接第三版）县里组织专家逐村上门指导。\n"
	    "各村结合实际制定了整治方案，把好事办\n"
	    "实、把实事办好，群众的满意度明显提高。\n";
	char *got;

	(void)state;
	got = render_string(text);
	assert_non_null(strstr(got, "p 县里组织专家逐村上门指导。各村结合实际"));
	free(got);
}

/*
 * A theory page's numbered subheads: one wrapped over two lines with the
 * text under it starting on a line justification spread (全 省 现 有
 * 120 …: narrow characters, yet a full line, not a title), and one as
 * wide as the column right after a paragraph ending at the column edge.
 */
static void
test_numbered_subheads(void **state)
{
	const char *text =
	    "城乡融合发展是一篇大文章，\n"
	    "需要从产业、人口和公共服务三方\n"
	    "面协同发力，久久为功。\n"
	    "一、推动县域产业向园区集中集聚\n"
	    "发展\n"
	    "全 省 现 有 120 个 省 级 园\n"
	    "区，园区工业产值占全省工业的六\n"
	    "成以上，带动了大批农民就近就业\n"
	    "和增收致富，效果十分明显可见。\n"
	    "二、补齐县城公共服务领域的短板\n"
	    "县城是连接城市和乡村的纽带，\n"
	    "要把教育、医疗、养老等资源向县\n"
	    "城集中布局，让农民进城有学上、\n"
	    "有医看、有房住，安居又乐业。\n"
	    "（三）城乡格局：“人往城走”\n"
	    "“业往县聚”渐成常态\n"
	    "人口向县城集中的势头仍在延\n"
	    "续，县城的承载能力需要同步提高\n"
	    "升级，这是下一步工作的重点所在\n"
	    "也是群众最关心的事情之一。\n"
	    "四、守住安全底线，健全防控体系\n"
	    "发展越快，越要绷紧安全这根\n"
	    "弦，把风险隐患消除在萌芽状态，\n"
	    "确保县域经济行稳致远。\n";
	char *got;

	(void)state;
	got = render_string(text);
	/* Opened by a bracket but closed by a quote: not a note. */
	assert_non_null(strstr(got, "安居又乐业。\n"
	    "subhead （三）城乡格局：“人往城走”“业往县聚”渐成常态\n"
	    "p 人口向县城集中的势头仍在延续，"));
	/* A comma in it, but over the indented first line of its text. */
	assert_non_null(strstr(got, "之一。\n"
	    "subhead 四、守住安全底线，健全防控体系\n"
	    "p 发展越快，越要绷紧安全这根弦，"));
	assert_non_null(strstr(got, "subhead 一、推动县域产业向园区集中集聚发展\n"
	    "p 全省现有120个省级园区，"));
	assert_non_null(strstr(got, "效果十分明显可见。\n"
	    "subhead 二、补齐县城公共服务领域的短板\n"
	    "p 县城是连接城市和乡村的纽带，"));
	free(got);
}

static void
test_subheads(void **state)
{
	const char *text =
	    "本报讯（记者 侯爱敏）省工信厅昨日介绍，我省将\n"
	    "通过五大举措推动数字化转型，建设数字强省。\n"
	    "\n"
	    "数字化转型四大基础\n"
	    "我省作为人口大省、经济大省，拥有海量\n"
	    "数据资源、丰富应用场景和广阔市场需求，\n"
	    "推进数字化转型具备较好基础。\n"
	    "\n"
	    "数字化转型五项举措\n"
	    "我省将建强数字基础设施，壮大数字核心\n"
	    "产业，深化数字融合应用，提升数字治理能\n"
	    "力，打造数字生态体系，推动数字化转型。\n";
	const char *want =
	    "article\n"
	    "byline 记者 侯爱敏\n"
	    "p 本报讯（记者侯爱敏）省工信厅昨日介绍，我省将通过五大举措推动数"
	    "字化转型，建设数字强省。\n"
	    "subhead 数字化转型四大基础\n"
	    "p 我省作为人口大省、经济大省，拥有海量数据资源、丰富应用场景和广"
	    "阔市场需求，推进数字化转型具备较好基础。\n"
	    "subhead 数字化转型五项举措\n"
	    "p 我省将建强数字基础设施，壮大数字核心产业，深化数字融合应用，提"
	    "升数字治理能力，打造数字生态体系，推动数字化转型。\n";
	char *got;

	(void)state;
	got = render_string(text);
	assert_rendering(want, got, "subheads");
	free(got);
}

/* Headline roles come from the lengths of the lines (segs_headline_roles). */
static void
test_headline_roles(void **state)
{
	static const struct {
		size_t			 n, w[3];
		enum headline_role	 want[3];
	} v[] = {
		/* One line: the main headline. */
		{ 1, { 10 }, { HEADLINE_MAIN } },
		/* Couplet: 让疫苗“多跑路” / 让老人“少跑腿”. */
		{ 2, { 8, 8 }, { HEADLINE_MAIN, HEADLINE_MAIN } },
		/* Short lead-in: 冬季供暖 / 热力公司开通24小时服务热线. */
		{ 2, { 4, 15 }, { HEADLINE_KICKER, HEADLINE_MAIN } },
		/* Main and explaining line under it. */
		{ 2, { 13, 15 }, { HEADLINE_MAIN, HEADLINE_SUB } },
		{ 2, { 15, 11 }, { HEADLINE_MAIN, HEADLINE_SUB } },
		/* Three lines: kicker, main, sub. */
		{ 3, { 6, 12, 14 },
		    { HEADLINE_KICKER, HEADLINE_MAIN, HEADLINE_SUB } },
	};
	enum headline_role got[3];
	size_t i, k;

	(void)state;
	for (i = 0; i < sizeof v / sizeof v[0]; i++) {
		segs_headline_roles(v[i].w, v[i].n, got);
		for (k = 0; k < v[i].n; k++)
			if (got[k] != v[i].want[k])
				fail_msg("case %zu line %zu: role %d, expected "
				    "%d", i, k, (int)got[k], (int)v[i].want[k]);
	}
}

/*
 * An essay without dateline whose title stands right above its text
 * (no blank line) in a wider column than the article before it starts
 * an article of its own; its title is not taken into the text.
 */
static void
test_title_without_dateline(void **state)
{
	const char *text =
	    "老旧小区加装电梯\n"
	    "\n"
	    "本报讯（记者 王译博）连日来\n"
	    "，经开区多个老旧小区的电梯\n"
	    "安装工地一片繁忙。截至目前\n"
	    "，已有二十部电梯投入使用。\n"
	    "\n"
	    "让街角公园装满幸福\n"
	    "城市的温度，往往藏在一些不起眼的角落\n"
	    "里。一片草地、几棵香樟，街角公园就能让\n"
	    "忙碌的人们停下脚步。这些街角公园，正在\n"
	    "悄悄让我们的生活多一分幸福。\n";
	const char *want =
	    "article\n"
	    "headline 老旧小区加装电梯\n"
	    "byline 记者 王译博\n"
	    "p 本报讯（记者王译博）连日来，经开区多个老旧小区的电梯安装工地一"
	    "片繁忙。截至目前，已有二十部电梯投入使用。\n"
	    "article\n"
	    "headline 让街角公园装满幸福\n"
	    "p 城市的温度，往往藏在一些不起眼的角落里。一片草地、几棵香樟，街"
	    "角公园就能让忙碌的人们停下脚步。这些街角公园，正在悄悄让我们的生"
	    "活多一分幸福。\n";
	char *got;

	(void)state;
	got = render_string(text);
	assert_rendering(want, got, "title without dateline");
	free(got);
}

/* Form feeds start sections, headers name them, else the file name. */
static void
test_sections(void **state)
{
	struct edition *ed = edition_new("t", NULL);
	char *text, *cause = NULL;
	size_t len = 0;
	int n;

	(void)state;
	text = test_read_file(TEST_DATA_DIR "/lt_pages.txt", &len);
	n = load_text(ed, text, len, "lt_pages.txt", "lt_pages", &cause);
	assert_int_equal(n, 4);
	/* The last page holds only a header: no section of its own. */
	assert_int_equal(ed->nsections, 3);
	assert_string_equal(ed->sections[0]->title, "第05版：经开区新闻");
	assert_string_equal(ed->sections[1]->title, "第06版 要闻");
	assert_string_equal(ed->sections[2]->title, "A7 体育");
	assert_int_equal(ed->sections[1]->narticles, 2);
	assert_string_equal(ed->sections[0]->source, "lt_pages.txt");
	/* Line numbers go on across form feeds. */
	assert_int_equal(ed->sections[2]->articles[0]->source_line, 16);
	edition_free(ed);
	free(text);

	/* No header: the name passed in. */
	ed = edition_new("t", NULL);
	assert_int_equal(load_text(ed, "本报讯 今天天气晴朗。\n\f本报讯 明天有雨。"
	    "\n\f", strlen("本报讯 今天天气晴朗。\n\f本报讯 明天有雨。\n\f"),
	    "x.txt", "x", &cause), 2);
	assert_int_equal(ed->nsections, 2);
	assert_string_equal(ed->sections[0]->title, "x");
	assert_string_equal(ed->sections[1]->title, "x");
	edition_free(ed);
}

/* Page headers are recognised in their usual forms only. */
static void
test_header_match(void **state)
{
	static const struct {
		const char	*line;
		bool		 header;
	} v[] = {
		{ "第05版：经开区新闻", true },
		{ "第05版 经开区新闻", true },
		{ "A05版：要闻", true },
		{ "A5 要闻", true },
		{ "第5版", true },
		{ "5 要闻", false },
		{ "第5版。", false },
		{ "2021年12月24日", false },
		{ "第5版刊登了全文，敬请关注", false },
		{ "第五版", true },
		{ "第十二版：要闻", true },
		{ "第四版 评论", true },
		{ "第一版测试标题", false },
		{ "第一次全体会议", false },
	};
	struct cpvec out = { NULL, 0, 0 }, tmp = { NULL, 0, 0 };
	size_t i;

	(void)state;
	for (i = 0; i < sizeof v / sizeof v[0]; i++) {
		segm_norm_line(v[i].line, strlen(v[i].line), NORM_RAW, &out, &tmp,
		    NULL);
		if (segm_header_match(out.v, out.n) != v[i].header)
			fail_msg("\"%s\": header %d, expected %d", v[i].line,
			    !v[i].header, v[i].header);
	}
	segm_cpvec_free(&out);
	segm_cpvec_free(&tmp);
}

/* The parts of a masthead line and the page number of its mark. */
static void
test_masthead_parts(void **state)
{
	static const struct {
		const char	*line;
		unsigned	 page;
		const char	*name, *paper, *date;
	} v[] = {
		{ "第05版：经开区新闻", 5, "经开区新闻", NULL, NULL },
		{ "人民日报 第05版：要闻", 5, "要闻", "人民日报", NULL },
		{ "2026年3月2日 第十二版：评论 责编：张三", 12, "评论", NULL,
		    "2026年3月2日" },
		{ "02 社会", 2, "社会", NULL, NULL },
		{ "A14", 14, NULL, NULL, NULL },
		{ "河洛日报 2026年3月2日 星期一", 0, NULL, "河洛日报",
		    "2026年3月2日" },
		{ "第二十版", 20, NULL, NULL, NULL },
		/* A PDF's header strip comes as one line. */
		{ "秦川日报 2026年2月28日星期六 第5版：经济", 5, "经济",
		    "秦川日报", "2026年2月28日" },
		{ "秦川日报 2026年2月28日星期六 本版责编：田雨一 第07版要闻",
		    7, "要闻", "秦川日报", "2026年2月28日" },
		{ "第05版 责编：张三 李四", 5, NULL, NULL, NULL },
		{ "本版责编：卢晨立 2026年2月22日 星期日 江城日报 第05版：特别报道",
		    5, "特别报道", "江城日报", "2026年2月22日" },
		{ "责任编辑：张杰远 2026年2月26日 星期四 燕山日报 11 国际",
		    11, "国际", "燕山日报", "2026年2月26日" },
	};
	struct cpvec out = { NULL, 0, 0 }, tmp = { NULL, 0, 0 };
	struct segm_mast mp;
	struct buf b = BUF_INIT;
	unsigned page;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof v / sizeof v[0]; i++) {
		segm_norm_line(v[i].line, strlen(v[i].line), NORM_RAW, &out,
		    &tmp, NULL);
		if (!segm_masthead_parts(out.v, out.n, &mp))
			fail_msg("\"%s\": no masthead", v[i].line);
		page = mp.mark == 0 ? 0 : segm_page_number(out.v,
		    mp.mark / 256, mp.mark / 256 + mp.mark % 256);
		if (page != v[i].page)
			fail_msg("\"%s\": page %u, expected %u", v[i].line,
			    page, v[i].page);
#define PART(field, want) do {						\
		buf_free(&b);						\
		if ((field) != 0)					\
			put_cps(&b, out.v + (field) / 256, (field) % 256); \
		if (strcmp(buf_str(&b), (want) != NULL ? (want) : "") != 0) \
			fail_msg("\"%s\": %s \"%s\", expected \"%s\"",	\
			    v[i].line, #field, buf_str(&b),		\
			    (want) != NULL ? (want) : "");		\
	} while (0)
		PART(mp.name, v[i].name);
		PART(mp.paper, v[i].paper);
		PART(mp.date, v[i].date);
#undef PART
	}
	buf_free(&b);
	segm_cpvec_free(&out);
	segm_cpvec_free(&tmp);
}

/* Page headers give the section its page and the edition paper and date. */
static void
test_page_facts(void **state)
{
	static const char page[] =
	    "河洛日报\n\n2026年3月2日 星期一\n\n第五版：评论 责编：张三\n\n"
	    "让城市更有温度\n□ 张明远\n"
	    "养老和托育，一头连着夕阳，一头连着朝阳，是千家万户最关\n"
	    "心的民生小事。\n";
	struct edition *ed;
	int count;

	(void)state;
	ed = load_string(page, &count);
	assert_int_equal(ed->nsections, 1);
	assert_int_equal(ed->sections[0]->page, 5);
	assert_string_equal(ed->sections[0]->name, "评论");
	assert_string_equal(ed->sections[0]->title, "第五版：评论");
	assert_string_equal(ed->paper, "河洛日报");
	assert_string_equal(ed->date, "2026-03-02");
	edition_free(ed);

	/* A masthead box running past the top band is furniture too. */
	ed = load_string("河洛日报\n2026年3月2日 星期一\n农历丙午年正月十四\n"
	    "第五版：评论\n第20661期 今日12版\nCN 61-0020 国内统一连续出版物号\n"
	    "邮发代号48-66\n\n让城市更有温度\n□ 张明远\n"
	    "养老和托育，一头连着夕阳，一头连着朝阳，是千家万户最关\n"
	    "心的民生小事。\n", &count);
	assert_int_equal(count, 1);
	assert_string_equal(article_title(ed->sections[0]->articles[0]),
	    "让城市更有温度");
	edition_free(ed);
}

/*
 * A closing note or credit set over two lines closes its article: the
 * note stays its last paragraph, the credit gives the byline, and
 * neither becomes the next article's headline.
 */
static void
test_split_tail(void **state)
{
	static const char page[] =
	    "让城市更有温度\n张明远\n"
	    "养老和托育，一头连着夕阳，一头连着朝阳，是千家万户最关\n"
	    "心的民生小事。\n"
	    "（作者为陕西省社会科\n学院研究员）\n\n"
	    "老旧小区加装电梯\n"
	    "连日来，多个老旧小区的电梯安装工地一片繁忙，已有十七部\n"
	    "电梯完成验收并投入使用。\n"
	    "（本报记者 甲乙、丙丁、戊\n己）\n";
	static const char want[] =
	    "article\nheadline 让城市更有温度\nbyline 张明远\n"
	    "p 养老和托育，一头连着夕阳，一头连着朝阳，是千家万户最关心的"
	    "民生小事。\n"
	    "p （作者为陕西省社会科学院研究员）\n"
	    "article\nheadline 老旧小区加装电梯\nbyline 本报记者 甲乙、丙丁、戊己\n"
	    "p 连日来，多个老旧小区的电梯安装工地一片繁忙，已有十七部电梯"
	    "完成验收并投入使用。\n";
	char *got;

	(void)state;
	got = render_string(page);
	assert_rendering(want, got, "split tails");
	free(got);
}

/* A numbered subhead nearly as wide as its column is still a subhead. */
static void
test_numbered_subhead(void **state)
{
	static const char page[] =
	    "健全种粮农民收益保障机制\n梁景文\n"
	    "新型经营主体虽然实力较强，但融资难、融资\n"
	    "贵等问题依然存在，经营稳定性有待提高。\n"
	    "（二）构建“价格+补贴+保险”政策体系\n"
	    "健全种粮农民收益保障机制，要发挥好\n"
	    "价格、补贴、保险三项政策的协同作用。\n";
	static const char want[] =
	    "article\nheadline 健全种粮农民收益保障机制\nbyline 梁景文\n"
	    "p 新型经营主体虽然实力较强，但融资难、融资贵等问题依然存在，"
	    "经营稳定性有待提高。\n"
	    "subhead （二）构建“价格+补贴+保险”政策体系\n"
	    "p 健全种粮农民收益保障机制，要发挥好价格、补贴、保险三项政策的"
	    "协同作用。\n";
	char *got;

	(void)state;
	got = render_string(page);
	assert_rendering(want, got, "numbered subhead");
	free(got);
}

/*
 * A lone line a few sentences into an article opened by its author's line
 * is a subhead, even when its words are new (a feature's 小标题).
 */
static void
test_authored_subhead(void **state)
{
	static const char page[] =
	    "澜沧江边的足球少年\n□ 本报记者 刀晓燕\n"
	    "三月的西双版纳，气温已经升到三十摄氏\n"
	    "度。下午五点，一所边境小学的操场上，二\n"
	    "十多个孩子正在追着足球奔跑。\n"
	    "从一只旧足球开始\n"
	    "六年前，刚从师范学院毕业的岩温来到这\n"
	    "里任教，行李里装着一只磨破了皮的皮球。\n";
	static const char want[] =
	    "article\nheadline 澜沧江边的足球少年\nbyline 本报记者 刀晓燕\n"
	    "p 三月的西双版纳，气温已经升到三十摄氏度。下午五点，一所边境小学"
	    "的操场上，二十多个孩子正在追着足球奔跑。\n"
	    "subhead 从一只旧足球开始\n"
	    "p 六年前，刚从师范学院毕业的岩温来到这里任教，行李里装着一只磨破"
	    "了皮的皮球。\n";
	char *got;

	(void)state;
	got = render_string(page);
	assert_rendering(want, got, "authored subhead");
	free(got);
}

/* CRLF, lone CR and a BOM read like plain LF text. */
static void
test_line_endings(void **state)
{
	const char *lf = "开展实战应急演练\n本报讯（记者 王译博）为检验辖区环境\n"
	    "风险防控体系建设工作，近日开展了演练。\n";
	const char *crlf = "\xef\xbb\xbf开展实战应急演练\r\n本报讯（记者 王译博）为"
	    "检验辖区环境\r\n风险防控体系建设工作，近日开展了演练。\r\n";
	const char *cr = "开展实战应急演练\r本报讯（记者 王译博）为检验辖区环境\r"
	    "风险防控体系建设工作，近日开展了演练。\r";
	char *a, *b, *c;

	(void)state;
	a = render_string(lf);
	b = render_string(crlf);
	c = render_string(cr);
	assert_string_equal(a, "article\nheadline 开展实战应急演练\n"
	    "byline 记者 王译博\np 本报讯（记者王译博）为检验辖区环境风险防控"
	    "体系建设工作，近日开展了演练。\n");
	assert_string_equal(a, b);
	assert_string_equal(a, c);
	free(a);
	free(b);
	free(c);
}

/* Empty and blank input fail with a cause; odd input never crashes. */
static void
test_bad_input(void **state)
{
	struct edition *ed;
	char *cause = NULL, *text, *got;
	size_t len = 0, i;
	uint64_t x = 88172645463325252ULL;
	struct buf b = BUF_INIT;
	int n;

	(void)state;
	ed = edition_new("t", NULL);
	assert_int_equal(load_text(ed, "", 0, "e.txt", "e", &cause), -1);
	assert_string_equal(cause, "no text to read");
	free(cause);
	cause = NULL;
	text = " \n\t\r\n\xe3\x80\x80\f\n\xef\xbb\xbf ";
	assert_int_equal(load_text(ed, text, strlen(text), "w.txt", "w",
	    &cause), -1);
	assert_string_equal(cause, "no text to read");
	free(cause);
	assert_int_equal(ed->nsections, 0);
	edition_free(ed);

	/* One line: one article, one paragraph. */
	got = render_string("你好");
	assert_string_equal(got, "article\np 你好\n");
	free(got);

	/* No dateline: the whole file is one article with its title. */
	ed = edition_new("t", NULL);
	text = test_read_file(TEST_DATA_DIR "/lt_essay.txt", &len);
	assert_int_equal(load_text(ed, text, len, "lt_essay.txt", "lt_essay",
	    &cause), 1);
	assert_int_equal(ed->sections[0]->articles[0]->nheadlines, 1);
	assert_string_equal(ed->sections[0]->articles[0]->headlines[0].text,
	    "城市里的口袋公园");
	assert_int_equal(ed->sections[0]->articles[0]->nblocks, 3);
	assert_null(ed->sections[0]->articles[0]->dateline);
	assert_int_equal(ed->sections[0]->articles[0]->source_line, 3);
	free(text);
	edition_free(ed);

	/* Garbage: random valid UTF-8 of every class, long lines too. */
	for (i = 0; i < 20000; i++) {
		static const char *const pieces[] = {
			"本", "报", "讯", "（", "）", "。", "，", "：", " ", "\n",
			"\n\n", "\f", "\r", "\t", "a", "-", "5", "\xe3\x80\x80",
			"\xef\xbb\xbf", "\x01", "记者", "第5版", "”", "“",
			"\xea\xb0\x80", "新华社北京12月23日电", "…"
		};

		x ^= x << 13;
		x ^= x >> 7;
		x ^= x << 17;
		buf_puts(&b, pieces[x % (sizeof pieces / sizeof pieces[0])]);
	}
	ed = edition_new("t", NULL);
	n = load_text(ed, b.data, b.len, "g.txt", "g", &cause);
	assert_true(n > 0);
	assert_int_equal((size_t)n, edition_count_articles(ed));
	edition_finish(ed);
	edition_free(ed);
	buf_free(&b);
}

/* Page furniture lines are told from text (masthead, editors). */
static void
test_furniture_match(void **state)
{
	static const struct {
		const char	*line;
		int		 kind;	/* 0 text, 1 masthead, 2 editor */
	} v[] = {
		{ "2021年12月24日 星期五", 1 },
		{ "郑州日报 第05版", 1 },
		{ "ZHENGZHOU DAILY", 1 },
		{ "A05", 1 },
		{ "第05版 经开区新闻", 1 },
		{ "2021年12月24日 星期五 农历十一月廿一", 1 },
		{ "02 社会", 1 },
		{ "人民日报 第05版：要闻", 1 },
		{ "2026年3月2日 第05版：要闻 责编：张三", 1 },
		{ "第12345期 今日16版", 1 },
		{ "CN 11-0000 国内统一连续出版物号", 1 },
		{ "邮发代号 1-1", 1 },
		{ "第四版", 1 },
		{ "15", 0 },
		{ "02 社会 经济", 0 },
		{ "2026 年", 0 },
		{ "责任编辑：李四  美术编辑：王五  校对：赵六", 2 },
		{ "版式设计 孙七", 2 },
		{ "本版编辑：周八", 2 },
		/* Text, headlines and a page name alone. */
		{ "经开区新闻", 0 },
		{ "GDP", 0 },
		{ "5G基站总数突破4.2万个", 0 },
		{ "责任编辑说，这项工作很重要。", 0 },
		{ "校对工作是出版的重要环节", 0 },
	};
	struct cpvec out = { NULL, 0, 0 }, tmp = { NULL, 0, 0 };
	size_t i;
	int got;

	(void)state;
	for (i = 0; i < sizeof v / sizeof v[0]; i++) {
		segm_norm_line(v[i].line, strlen(v[i].line), NORM_RAW, &out, &tmp,
		    NULL);
		got = segm_editor_match(out.v, out.n) ? 2 :
		    segm_masthead_match(out.v, out.n, NULL, NULL) ? 1 : 0;
		if (got != v[i].kind)
			fail_msg("\"%s\": furniture %d, expected %d", v[i].line,
			    got, v[i].kind);
	}
	segm_cpvec_free(&out);
	segm_cpvec_free(&tmp);
}

/*
 * Masthead, page name and editor lines at the edges of a page are
 * dropped; the section is named from the page number and page name.
 */
static void
test_furniture_dropped(void **state)
{
	const char *text =
	    "2021年12月24日 星期五\n"
	    "郑州日报 第05版\n"
	    "经开区新闻\n"
	    "\n"
	    "本报讯（记者 王芳）今天上午，经开区\n"
	    "举行了冬季消防安全演练，辖区二十多家\n"
	    "企业参加。\n"
	    "\n"
	    "责任编辑：李四  美术编辑：王五  校对：赵六\n"
	    "5\n"
	    "\f"
	    "A06\n"
	    "ZHENGZHOU DAILY\n"
	    "民生·社会\n"
	    "\n"
	    "本报讯（记者 刘洋）市气象台今天发布\n"
	    "寒潮蓝色预警，提醒市民注意防寒保暖。\n"
	    "\n"
	    "版式设计 孙七\n";
	struct edition *ed;
	char *got;
	int n;

	(void)state;
	ed = load_string(text, &n);
	assert_int_equal(n, 2);
	assert_int_equal(ed->nsections, 2);
	assert_string_equal(ed->sections[0]->title, "第05版 经开区新闻");
	assert_string_equal(ed->sections[1]->title, "A06 民生·社会");
	got = render(ed);
	assert_rendering("article\nbyline 记者 王芳\np 本报讯（记者王芳）今天上午"
	    "，经开区举行了冬季消防安全演练，辖区二十多家企业参加。\n"
	    "article\nbyline 记者 刘洋\np 本报讯（记者刘洋）市气象台今天发布寒潮"
	    "蓝色预警，提醒市民注意防寒保暖。\n", got, "furniture");
	free(got);
	edition_free(ed);
}

/* Continuation markers are dropped; 下转 ends the paragraph it cuts. */
static void
test_continuation_markers(void **state)
{
	static const struct {
		const char	*in, *want;
	} v[] = {
		{ "（下转第三版）", "" },
		{ "（上接第一版）", "" },
		{ "（紧接第2版）", "" },
		{ "(转A3版)", "" },
		{ "扩大国内需求。（下转第三版）", "扩大国内需求。" },
		{ "（上接第1版）今年以来，", "今年以来，" },
		/* Not markers. */
		{ "（记者 张三）", "（记者张三）" },
		{ "第三版刊登了全文（下转）", "第三版刊登了全文（下转）" },
	};
	const char *text =
	    "坚持稳中求进\n"
	    "新华社北京12月23日电 会议强调，明年\n"
	    "要着力稳定宏观经济大盘，持续扩大国内\n"
	    "（下转第三版）\n"
	    "我市启动冬季送温暖活动\n"
	    "本报讯 12月22日，我市“冬季送温暖”活\n"
	    "动在二七广场启动。（上接第一版）\n";
	size_t i;
	char *got;

	(void)state;
	for (i = 0; i < sizeof v / sizeof v[0]; i++) {
		got = norm_string(v[i].in, NORM_TEXT);
		if (strcmp(got, v[i].want) != 0)
			fail_msg("marker \"%s\": expected \"%s\", got \"%s\"",
			    v[i].in, v[i].want, got);
		free(got);
	}
	got = render_string(text);
	assert_rendering("article\nheadline 坚持稳中求进\n"
	    "p 新华社北京12月23日电会议强调，明年要着力稳定宏观经济大盘，持续扩大"
	    "国内\n"
	    "article\nheadline 我市启动冬季送温暖活动\n"
	    "p 本报讯12月22日，我市“冬季送温暖”活动在二七广场启动。\n", got,
	    "markers");
	free(got);
}

/* Photo captions (图为, ▲, a credit line) are caption blocks. */
static void
test_captions(void **state)
{
	const char *text =
	    "本报讯（记者 韩雪）12月21日，冷链物流园\n"
	    "一期项目正式投入使用，新增库容12万吨。\n"
	    "\n"
	    "图为工人在生产线上装配整车。\n"
	    "本报记者 孙立新 摄\n"
	    "\n"
	    "该项目总投资35亿元，建成后年吞吐量可\n"
	    "达200万吨。\n"
	    "\n"
	    "▲ 新建成的冷链物流园区一角。\n"
	    "（资料图片）\n"
	    "\n"
	    "本报讯（记者 刘畅）全市普惠小微企业贷款\n"
	    "余额达到1026亿元。\n"
	    "\n"
	    "图为银行工作人员走访企业。（记者 刘畅 摄）\n";
	const char *want =
	    "article\nbyline 记者 韩雪\n"
	    "p 本报讯（记者韩雪）12月21日，冷链物流园一期项目正式投入使用，新增"
	    "库容12万吨。\n"
	    "caption 图为工人在生产线上装配整车。本报记者孙立新摄\n"
	    "p 该项目总投资35亿元，建成后年吞吐量可达200万吨。\n"
	    "caption ▲新建成的冷链物流园区一角。（资料图片）\n"
	    "article\nbyline 记者 刘畅\n"
	    "p 本报讯（记者刘畅）全市普惠小微企业贷款余额达到1026亿元。\n"
	    "caption 图为银行工作人员走访企业。（记者刘畅摄）\n";
	char *got;

	(void)state;
	got = render_string(text);
	assert_rendering(want, got, "captions");
	free(got);
}

/*
 * A byline on a line of its own before the text (□ ■ 文/图) starts an
 * article and is no text; one in brackets after the text is read as
 * the byline (or, a source, as the dateline), an editor's dropped.
 */
static void
test_byline_lines(void **state)
{
	const char *text =
	    "蓝天保卫战交出亮丽答卷\n"
	    "文/图 本报记者 张华\n"
	    "今年以来，经开区持续开展大气污染防治攻\n"
	    "坚，全区优良天数达到245天。\n"
	    "\n"
	    "经开区举办企业家座谈会\n"
	    "■本报记者 陈默\n"
	    "12月22日，经开区举办企业家座谈会，30余\n"
	    "位企业负责人建言献策。\n"
	    "（来源：人民网）\n"
	    "\n"
	    "小微企业贷款余额突破千亿元\n"
	    "【本报讯】截至11月末，全市普惠小微企业\n"
	    "贷款余额达到1026亿元。\n"
	    "（记者 刘畅）\n"
	    "\n"
	    "社区志愿者守护回家路\n"
	    "本报讯 入冬以来，长江路街道的志愿者每\n"
	    "晚在路口值守。\n"
	    "（王明）\n"
	    "\n"
	    "黄河安澜\n"
	    "据新华社北京12月23日电 水利部介绍，黄河\n"
	    "流域生态保护工程加快推进。\n"
	    "（编辑 赵红）\n";
	const char *want =
	    "article\nheadline 蓝天保卫战交出亮丽答卷\nbyline 本报记者 张华\n"
	    "p 今年以来，经开区持续开展大气污染防治攻坚，全区优良天数达到245天。\n"
	    "article\nheadline 经开区举办企业家座谈会\nbyline 本报记者 陈默\n"
	    "p 12月22日，经开区举办企业家座谈会，30余位企业负责人建言献策。\n"
	    "article\nheadline 小微企业贷款余额突破千亿元\nbyline 记者 刘畅\n"
	    "p 【本报讯】截至11月末，全市普惠小微企业贷款余额达到1026亿元。\n"
	    "article\nheadline 社区志愿者守护回家路\nbyline 王明\n"
	    "p 本报讯入冬以来，长江路街道的志愿者每晚在路口值守。\n"
	    "article\nheadline 黄河安澜\n"
	    "p 据新华社北京12月23日电水利部介绍，黄河流域生态保护工程加快推进。\n";
	struct edition *ed;
	char *got;

	(void)state;
	ed = load_string(text, NULL);
	got = render(ed);
	assert_rendering(want, got, "byline lines");
	assert_string_equal(ed->sections[0]->articles[1]->dateline,
	    "来源：人民网");
	assert_int_equal(ed->sections[0]->articles[0]->ncredits, 1);
	assert_string_equal(ed->sections[0]->articles[0]->credits[0].role,
	    "本报记者");
	assert_string_equal(ed->sections[0]->articles[0]->credits[0].name,
	    "张华");
	free(got);
	edition_free(ed);
}

/* 简讯: titles ending in —— or a colon over a dateline, bare bylines. */
static void
test_brief_items(void **state)
{
	const char *text =
	    "冬季供暖热线开通——\n"
	    "本报讯（通讯员 赵六）市热力公\n"
	    "司即日起开通24小时供暖服务热\n"
	    "线。\n"
	    "\n"
	    "社区食堂开到家门口：\n"
	    "本报讯 记者 王静 报道 近日，文\n"
	    "化路街道第一家社区食堂正式营\n"
	    "业。\n"
	    "\n"
	    "地铁6号线开展联调联试\n"
	    "本报12月22日讯 地铁6号线一期\n"
	    "工程已进入联调联试阶段。\n";
	const char *want =
	    "article\nheadline 冬季供暖热线开通\nbyline 通讯员 赵六\n"
	    "p 本报讯（通讯员赵六）市热力公司即日起开通24小时供暖服务热线。\n"
	    "article\nheadline 社区食堂开到家门口\nbyline 记者 王静\n"
	    "p 本报讯记者王静报道近日，文化路街道第一家社区食堂正式营业。\n"
	    "article\nheadline 地铁6号线开展联调联试\n"
	    "p 本报12月22日讯地铁6号线一期工程已进入联调联试阶段。\n";
	char *got;

	(void)state;
	got = render_string(text);
	assert_rendering(want, got, "brief items");
	free(got);
}

/*
 * A column of briefs under 简讯, the later ones without dateline: the
 * label heads none of them, and each title starts its own article (the
 * text before a title is its own brief's, not the whole column's).
 */
static void
test_brief_column(void **state)
{
	const char *text =
	    "简讯\n"
	    "南通船舶订单排至2029年\n"
	    "本报讯（记者 季晓帆）南通市工业和信息化局日前发布数据，\n"
	    "全市船舶企业手持订单量同比增长两成，部分企业订单已排满。\n"
	    "湖北新增3个农业产业强镇\n"
	    "日前，农业农村部公布新一批农业产业强镇名单，湖北省3个\n"
	    "乡镇入选，涵盖茶叶、柑橘、水产、蔬菜等特色产业。\n"
	    "惠州今年将新建5G基站1800个\n"
	    "记者从惠州市通信管理部门获悉，今年惠州将新建5G基站\n"
	    "1800个，实现重点园区、港口码头5G网络深度覆盖。\n"
	    "嘉兴开通氢能重卡物流专线\n"
	    "嘉兴首条氢能重卡物流专线日前开通，每日往返嘉兴港与\n"
	    "乍浦物流园区之间，全年可减少碳排放约800吨。\n";
	const char *want =
	    "article\nheadline 南通船舶订单排至2029年\nbyline 记者 季晓帆\n"
	    "p 本报讯（记者季晓帆）南通市工业和信息化局日前发布数据，"
	    "全市船舶企业手持订单量同比增长两成，部分企业订单已排满。\n"
	    "article\nheadline 湖北新增3个农业产业强镇\n"
	    "p 日前，农业农村部公布新一批农业产业强镇名单，湖北省3个"
	    "乡镇入选，涵盖茶叶、柑橘、水产、蔬菜等特色产业。\n"
	    "article\nheadline 惠州今年将新建5G基站1800个\n"
	    "p 记者从惠州市通信管理部门获悉，今年惠州将新建5G基站"
	    "1800个，实现重点园区、港口码头5G网络深度覆盖。\n"
	    "article\nheadline 嘉兴开通氢能重卡物流专线\n"
	    "p 嘉兴首条氢能重卡物流专线日前开通，每日往返嘉兴港与"
	    "乍浦物流园区之间，全年可减少碳排放约800吨。\n";
	char *got;

	(void)state;
	got = render_string(text);
	assert_rendering(want, got, "brief column");
	free(got);
}

/*
 * A commentary: title, author line (□ 张明远), no dateline; a note in
 * brackets closes it; numbered subheads stay subheads.
 */
static void
test_commentary(void **state)
{
	const char *text =
	    "以数字化转型赋能实体经济\n"
	    "□ 张明远\n"
	    "\n"
	    "数字经济正在成为重组全球要素资源的\n"
	    "关键力量。\n"
	    "\n"
	    "（一）夯实数字基础设施\n"
	    "要加快5G网络、数据中心等新型基础设\n"
	    "施建设，提升算力供给能力。\n"
	    "\n"
	    "（作者系省社会科学院研究员）\n"
	    "\n"
	    "“随手拍”拍出城市文明新风\n"
	    "■ 王小川\n"
	    "最近，我市推出的文明“随手拍”平台受到\n"
	    "市民欢迎。\n";
	const char *want =
	    "article\nheadline 以数字化转型赋能实体经济\nbyline 张明远\n"
	    "p 数字经济正在成为重组全球要素资源的关键力量。\n"
	    "subhead （一）夯实数字基础设施\n"
	    "p 要加快5G网络、数据中心等新型基础设施建设，提升算力供给能力。\n"
	    "p （作者系省社会科学院研究员）\n"
	    "article\nheadline “随手拍”拍出城市文明新风\nbyline 王小川\n"
	    "p 最近，我市推出的文明“随手拍”平台受到市民欢迎。\n";
	char *got;

	(void)state;
	got = render_string(text);
	assert_rendering(want, got, "commentary");
	free(got);
}

/*
 * Theory and commentary pages: a headline set vertically (one character
 * per line), two authors on one line (a spaced-out name among them), a
 * staff writer's title after a mark, and a 核心阅读 box under the author.
 */
static void
test_authors_vertical(void **state)
{
	const char *text =
	    "乡\n村\n振\n兴\n的\n路\n径\n"
	    "\n"
	    "柯慧中 吕 文\n"
	    "推进乡村全面振兴，是新时代建设农业强国的\n"
	    "重要任务。各地因地制宜，探索出不少好做法。\n"
	    "\n"
	    "把饭碗牢牢端在自己手中\n"
	    "□ 本报评论员\n"
	    "手中有粮，心中不慌。每一季丰收背后，都\n"
	    "是亿万农民的辛勤汗水。\n"
	    "\n"
	    "在变局中把握国际秩序的基本趋势\n"
	    "沈立言\n"
	    "核心阅读\n"
	    "当今世界正经历百年未有之大变局，国际力量\n"
	    "对比深刻调整。\n";
	const char *want =
	    "article\nheadline 乡村振兴的路径\nbyline 柯慧中 吕文\n"
	    "p 推进乡村全面振兴，是新时代建设农业强国的重要任务。"
	    "各地因地制宜，探索出不少好做法。\n"
	    "article\nheadline 把饭碗牢牢端在自己手中\nbyline 本报评论员\n"
	    "p 手中有粮，心中不慌。每一季丰收背后，都是亿万农民的辛勤"
	    "汗水。\n"
	    "article\nheadline 在变局中把握国际秩序的基本趋势\n"
	    "byline 沈立言\nsubhead 核心阅读\n"
	    "p 当今世界正经历百年未有之大变局，国际力量对比深刻调整。\n";
	char *got;

	(void)state;
	got = render_string(text);
	assert_rendering(want, got, "authors and a vertical headline");
	free(got);
}

/*
 * A subhead wrapped in a narrow column with its quotation still open
 * (零下40摄氏度的“精细 / 活”) is one title, a subhead: the article goes
 * on after it.
 */
static void
test_wrapped_subhead(void **state)
{
	const char *text =
	    "在南极冰盖上追问地球气候\n"
	    "本报记者 邹宁远\n"
	    "南极内陆，海拔4000多米\n"
	    "的冰盖上，气温常年在零下30\n"
	    "摄氏度以下。科考队员正在\n"
	    "钻取深冰芯，读取地球气候的\n"
	    "历史。\n"
	    "冰芯越深，年代越久远。\n"
	    "按照计划，钻探队将力争获取\n"
	    "可以追溯几十万年的冰芯样\n"
	    "品。\n"
	    "零下40摄氏度的“精细\n"
	    "活”\n"
	    "深冰芯钻探被称为“在冰\n"
	    "上绣花”。钻具要在上千米深\n"
	    "的钻孔中平稳运转，稍有偏差\n"
	    "就可能卡钻。\n";
	struct edition *ed;
	const struct article *a;

	(void)state;
	ed = load_string(text, NULL);
	assert_int_equal(ed->sections[0]->narticles, 1);
	a = ed->sections[0]->articles[0];
	assert_int_equal(a->nblocks, 4);
	assert_int_equal(a->blocks[2].kind, BLOCK_SUBHEAD);
	assert_string_equal(a->blocks[2].text, "零下40摄氏度的“精细活”");
	edition_free(ed);
}

/*
 * A poem's title over its author's pen name spaced to three characters
 * (海 岚): the name is its byline, whatever its surname, and the poem a
 * new article after the one before it.
 */
static void
test_spaced_pen_name(void **state)
{
	const char *text =
	    "夕阳西下，训练结束。孩子\n"
	    "们把足球装进网兜，排着队向操\n"
	    "场边的岩温老师挥手告别。远\n"
	    "处，澜沧江水静静流淌。\n"
	    "\n"
	    "远航札记（组诗）\n"
	    "海 岚\n"
	    "致远航的科考船\n"
	    "你从三亚的晨光里出发\n"
	    "汽笛是一句简短的告别\n"
	    "码头上挥动的手臂\n";
	struct edition *ed;
	const struct article *a;

	(void)state;
	ed = load_string(text, NULL);
	assert_int_equal(ed->sections[0]->narticles, 2);
	a = ed->sections[0]->articles[1];
	assert_non_null(a->byline);
	assert_string_equal(a->byline, "海岚");
	assert_int_equal(a->nheadlines, 1);
	assert_string_equal(a->headlines[0].text, "远航札记（组诗）");
	edition_free(ed);
}

/*
 * A headline dropped after a poem, whose lines end without punctuation,
 * with its —— subtitle under it: both are headline lines, not text of
 * the poem, however wide the first.
 */
static void
test_title_over_subtitle_inside(void **state)
{
	const char *text =
	    "致远航的科考船\n"
	    "海 岚\n"
	    "你从三亚的晨光里出发\n"
	    "汽笛是一句简短的告别\n"
	    "海面上，第一艘渔船\n"
	    "正朝着朝阳出航\n"
	    "\n"
	    "对话\n"
	    "\n"
	    "“秦岭是一本读不完的书”\n"
	    "——访作家贺秦川\n"
	    "本报记者 薛晴\n"
	    "作家贺秦川在秦岭脚下生活了四十多年，新作出版后反响热烈。记者\n"
	    "在西安与他进行了一次对话。\n";
	char *got;

	(void)state;
	got = render_string(text);
	assert_null(strstr(got, "p “秦岭是一本读不完的书”"));
	assert_non_null(strstr(got,
	    "headline “秦岭是一本读不完的书”\nheadline ——访作家贺秦川\n"));
	free(got);
}

/*
 * The page's first text, a name alone between blank lines over a
 * vertical headline, is its article's author.
 */
static void
test_name_over_vertical(void **state)
{
	const char *text =
	    "A10 学习与思考 北原日报 2026年3月18日 星期三\n"
	    "\n"
	    "孙红梅\n"
	    "\n"
	    "积\n极\n应\n对\n老\n龄\n化\n"
	    "\n"
	    "人口老龄化是今后较长一段时期我国的基本国情。如何把积极老龄观、\n"
	    "健康老龄化理念融入经济社会发展全过程，是重大课题。\n";
	struct edition *ed;
	const struct article *a;

	(void)state;
	ed = load_string(text, NULL);
	assert_int_equal(ed->sections[0]->narticles, 1);
	a = ed->sections[0]->articles[0];
	assert_non_null(a->byline);
	assert_string_equal(a->byline, "孙红梅");
	assert_int_equal(a->nheadlines, 1);
	assert_string_equal(a->headlines[0].text, "积极应对老龄化");
	assert_int_equal(a->nblocks, 1);
	edition_free(ed);
}

/*
 * A continuation marker cut by the line break (…前列，（下转第十 / 八版）)
 * is still a marker: the article goes on on page 18, and neither line
 * keeps a piece of it.
 */
static void
test_marker_cut(void **state)
{
	const char *text =
	    "加快建设海洋强国的几点思考\n"
	    "郑海川\n"
	    "推动海洋经济高质量发展，需要优化海洋产业布局，\n"
	    "推动陆海统筹、区域协调。我国港口货物吞吐量和集装\n"
	    "箱吞吐量多年位居世界前列，（下转第十\n"
	    "八版）\n";
	struct edition *ed;
	const struct article *a;

	(void)state;
	ed = load_string(text, NULL);
	assert_int_equal(ed->sections[0]->narticles, 1);
	a = ed->sections[0]->articles[0];
	assert_int_equal(a->cont_to, 18);
	assert_int_equal(a->nblocks, 1);
	assert_null(strstr(a->blocks[0].text, "下转"));
	assert_null(strstr(a->blocks[0].text, "版"));
	assert_non_null(strstr(a->blocks[0].text, "位居世界前列，"));
	edition_free(ed);
}

/*
 * The column of an article opened by its author's line is measured
 * from its own lines: the headline over it does not make a full last
 * line ending a sentence look short, so the indented paragraph after
 * it (“小时候…) is a paragraph of its own.
 */
static void
test_column_after_author(void **state)
{
	const char *text =
	    "检查检验结果互认，县域内医疗机构之间实现“一次检查、多处\n"
	    "认可”，减少重复检查；二是完善家庭医生签约服务，重\n"
	    "点人群签约率要达到80%以上，让慢病患者有个“健康守\n"
	    "门人”；三是加强中医药服务，让每个乡镇卫生院都有中\n"
	    "医馆，每个村卫生室都能提供中医药服务。我们的目标很\n"
	    "明确，就是让群众在家门口就能看好病、少花钱、少跑\n"
	    "腿。\n"
	    "\n"
	    "一条河的“新生”\n"
	    "——辽宁浑河沿岸生态修复见闻\n"
	    "本报记者 于慧敏\n"
	    "初春的浑河，冰面刚刚开裂，河水在阳光下\n"
	    "泛着粼粼波光。几只绿头鸭在浅滩上嬉戏，岸边\n"
	    "晨练的市民不时停下脚步，举起手机拍照。\n"
	    "“小时候这条河可不是这样。”家住沈阳浑\n"
	    "南区的退休教师王淑琴指着河面说，“那会儿岸\n"
	    "边全是垃圾，一到夏天就有味儿，谁也不愿意往\n"
	    "这边走。”\n";
	struct edition *ed;
	const struct article *a;

	(void)state;
	ed = load_string(text, NULL);
	assert_int_equal(ed->sections[0]->narticles, 2);
	a = ed->sections[0]->articles[1];
	assert_int_equal(a->nblocks, 2);
	assert_string_equal(a->blocks[1].text, "“小时候这条河可不是这样。”"
	    "家住沈阳浑南区的退休教师王淑琴指着河面说，“那会儿岸边全是垃圾，"
	    "一到夏天就有味儿，谁也不愿意往这边走。”");
	edition_free(ed);
}

/* An editor's note (编者按：…) opens a paragraph, never a title. */
static void
test_editor_note(void **state)
{
	const char *text =
	    "以群众体育夯实体育强国根基\n"
	    "□ 邓永刚\n"
	    "编者按：体育强国的基\n"
	    "础在于群众体育。从“村\n"
	    "超”“村BA”的火爆到城市\n"
	    "马拉松的一号难求，群众体\n"
	    "育正焕发出前所未有的活\n"
	    "力。本期邀请专家就如何进\n"
	    "一步推动群众体育高质量发\n"
	    "展进行探讨。\n";
	struct edition *ed;
	const struct article *a;

	(void)state;
	ed = load_string(text, NULL);
	assert_int_equal(ed->sections[0]->narticles, 1);
	a = ed->sections[0]->articles[0];
	assert_int_equal(a->nheadlines, 1);
	assert_int_equal(a->nblocks, 1);
	assert_int_equal(a->blocks[0].kind, BLOCK_PARAGRAPH);
	assert_non_null(strstr(a->blocks[0].text, "编者按：体育强国的基础"));
	edition_free(ed);
}

/*
 * Numbered titles wrapped where a title cannot end: after a comma
 * ((二)规则体系：治理赤字凸显， / 改革需求上升) or a function word
 * (四、坚持基金安全与 / 长远可持续相促进).  Both lines are the subhead.
 */
static void
test_numbered_title_wrapped(void **state)
{
	const char *text =
	    "本报讯 力量对比的变化是一个长期、渐进且\n"
	    "充满曲折的过程，发达经济体在科\n"
	    "技、金融、军事等领域仍占有明显\n"
	    "优势，国际格局的演变不会一蹴而\n"
	    "就。\n"
	    "\n"
	    "（二）规则体系：治理赤字凸显，\n"
	    "改革需求上升\n"
	    "现行国际规则体系在很大程度\n"
	    "上形成于二战后的特定历史条件，\n"
	    "难以充分反映国际力量对比的新变\n"
	    "化。\n"
	    "服务便利化同样重\n"
	    "要。要依托全国统一的社\n"
	    "会保险公共服务平台，推\n"
	    "动社保关系转移接续“跨\n"
	    "省通办”、待遇资格“静\n"
	    "默认证”，让数据多跑\n"
	    "路、群众少跑腿。对老年\n"
	    "人等特殊群体，要保留线\n"
	    "下服务渠道，提供上门\n"
	    "办、代办等贴心服务。\n"
	    "四、坚持基金安全与\n"
	    "长远可持续相促进\n"
	    "社保基金是老百姓的\n"
	    "“养命钱”，安全是第一\n"
	    "位的。要健全基金监管体\n"
	    "系，强化部门协同。\n";
	char *got;

	(void)state;
	got = render_string(text);
	assert_non_null(strstr(got,
	    "subhead （二）规则体系：治理赤字凸显，改革需求上升\n"
	    "p 现行国际规则体系"));
	assert_non_null(strstr(got,
	    "subhead 四、坚持基金安全与长远可持续相促进\n"
	    "p 社保基金是老百姓的"));
	free(got);
}

/*
 * A note in brackets closing the text over two lines (（作者为国家海洋
 * 战略研究中 / 心研究员）) is a paragraph of its own, even after a last
 * line as wide as its column.
 */
static void
test_split_note_paragraph(void **state)
{
	const char *text =
	    "向海而兴，背海而衰。只要我\n"
	    "们坚持陆海统筹、人海和谐、合作\n"
	    "共赢，就一定能够在建设海洋强国\n"
	    "的道路上不断取得新的更大成就。\n"
	    "（作者为国家海洋战略研究中心高\n"
	    "级研究员）\n";
	const char *want =
	    "article\n"
	    "p 向海而兴，背海而衰。只要我们坚持陆海统筹、人海和谐、合作"
	    "共赢，就一定能够在建设海洋强国的道路上不断取得新的更大成就。\n"
	    "p （作者为国家海洋战略研究中心高级研究员）\n";
	char *got;

	(void)state;
	got = render_string(text);
	assert_rendering(want, got, "a closing note over two lines");
	free(got);
}

/*
 * A kicker over a headline set across columns (《建水古城保护条例》5月1
 * 日起施行, far wider than the column under it) are headlines, not the
 * first lines of the text.
 */
static void
test_wide_title(void **state)
{
	const char *text =
	    "为千年古城立规矩\n"
	    "\n"
	    "《建水古城保护条例》5月1日起施行\n"
	    "\n"
	    "日前，云南省人大常\n"
	    "委会批准《红河哈尼族彝\n"
	    "族自治州建水古城保护条\n"
	    "例》，条例将于5月1日起\n"
	    "正式施行。这是红河州首\n"
	    "部针对单个历史文化名城\n"
	    "的专项地方性法规。\n";
	struct edition *ed;
	const struct article *a;

	(void)state;
	ed = load_string(text, NULL);
	assert_int_equal(ed->sections[0]->narticles, 1);
	a = ed->sections[0]->articles[0];
	assert_int_equal(a->nheadlines, 2);
	assert_string_equal(a->headlines[1].text,
	    "《建水古城保护条例》5月1日起施行");
	assert_int_equal(a->nblocks, 1);
	assert_true(strncmp(a->blocks[0].text, "日前，", 9) == 0);
	edition_free(ed);
}

/*
 * A headline's two clauses set apart by a space (厦门国际海洋周开幕
 * 四十余国代表参会), as wide as the text under it, are a headline; the
 * text's first line is no title for being narrower than a line under it
 * that overflows its column (digits measured too wide).
 */
static void
test_headline_clauses_spaced(void **state)
{
	const char *text =
	    "本报讯 安徽省有关负责人表示，将持续做好后续\n"
	    "扶持工作，加强产业就业帮扶，完善社区治\n"
	    "理，让搬迁群众的日子越过越红火。\n"
	    "\n"
	    "厦门国际海洋周开幕 四十余国代表参会\n"
	    "以“蓝色伙伴 共享未来”为主题的2026厦\n"
	    "门国际海洋周11月6日开幕。来自40余个国家和\n"
	    "地区的政府官员、专家学者、企业代表和国际\n"
	    "组织负责人齐聚鹭岛，围绕海洋生态保护、蓝\n"
	    "色经济和海洋科技创新展开交流。\n";
	struct edition *ed;
	const struct article *a;

	(void)state;
	ed = load_string(text, NULL);
	assert_int_equal(ed->sections[0]->narticles, 2);
	a = ed->sections[0]->articles[1];
	assert_int_equal(a->nheadlines, 2);
	assert_string_equal(a->headlines[0].text, "厦门国际海洋周开幕");
	assert_string_equal(a->headlines[1].text, "四十余国代表参会");
	assert_int_equal(a->nblocks, 1);
	assert_true(strncmp(a->blocks[0].text, "以“蓝色伙伴共享未来”",
	    strlen("以“蓝色伙伴共享未来”")) == 0);
	edition_free(ed);
}

/*
 * A box label under an article's byline (核心阅读) is its subhead and
 * heads no article: the next article keeps its own headline, though its
 * text starts with the same words (核心阅读：县域是…).
 */
static void
test_box_label_heads_nothing(void **state)
{
	const char *text =
	    "推动国际商事争端解决机制创新发展\n"
	    "何文澜\n"
	    "\n"
	    "核心阅读\n"
	    "高效、便利、公正的商事争端解决机制，是营\n"
	    "商环境的重要组成部分。应坚持诉讼、仲裁、调解\n"
	    "协调发展，推动形成多元化、国际化的争端解决格\n"
	    "局，为高水平对外开放提供坚实法治保障。\n"
	    "国际商事法庭的设立，是我国在这一领域的重\n"
	    "要制度创新。通过建立“诉讼、调解、仲裁”有机\n"
	    "衔接的“一站式”纠纷解决平台，当事人可以根据\n"
	    "需要灵活选择解决方式。\n"
	    "\n"
	    "推动县域经济高质量发展的路径思考\n"
	    "梁景文\n"
	    "核心阅读：县域是国家治理的基本单元，也是\n"
	    "城乡融合发展的关键支点。推动县域经济高质量发\n"
	    "展，需要立足比较优势培育特色产业，以县城为载\n"
	    "体提升综合承载能力。\n";
	const char *want =
	    "article\nheadline 推动国际商事争端解决机制创新发展\nbyline 何文澜\n"
	    "subhead 核心阅读\n"
	    "p 高效、便利、公正的商事争端解决机制，是营商环境的重要组成部分。"
	    "应坚持诉讼、仲裁、调解协调发展，推动形成多元化、国际化的争端解决"
	    "格局，为高水平对外开放提供坚实法治保障。\n"
	    "p 国际商事法庭的设立，是我国在这一领域的重要制度创新。通过建立"
	    "“诉讼、调解、仲裁”有机衔接的“一站式”纠纷解决平台，当事人可以"
	    "根据需要灵活选择解决方式。\n"
	    "article\nheadline 推动县域经济高质量发展的路径思考\nbyline 梁景文\n"
	    "p 核心阅读：县域是国家治理的基本单元，也是城乡融合发展的关键支点。"
	    "推动县域经济高质量发展，需要立足比较优势培育特色产业，以县城为载体"
	    "提升综合承载能力。\n";
	char *got;

	(void)state;
	got = render_string(text);
	assert_rendering(want, got, "a box label under a byline");
	free(got);
}

/*
 * An article sent on to another page (下转第六版) and brought back there
 * (上接第2版): one article on its first page, with the text and subheads
 * of both; the second page keeps only its own articles.  A page whose
 * origin is not in the edition keeps the text as an article of its own.
 */
static void
test_continued_pages(void **state)
{
	const char *text =
	    "第2版 社会\n\n"
	    "苏州机器人产业规模跨上千亿元台阶\n"
	    "苏州市工业和信息化局近日发布数据，2025年苏州\n"
	    "机器人产业规模达到1036亿元，同比增长14.7%。\n"
	    "核心部件实现“从无到有”\n"
	    "减速器、伺服电机、控制器被称为工业机器人的“三\n"
	    "大核心部件”。过去，这些部件主要依赖进口。\n"
	    "（下转第六版）\n"
	    "\f第06版 经济\n\n"
	    "（上接第2版）\n"
	    "应用场景走向“百业”\n"
	    "随着成本下降，工业机器人正从汽车、电子等传统\n"
	    "领域，走进纺织、食品、家具、医药等行业。\n"
	    "（本报记者 顾晨阳、沈佳琪）\n"
	    "\n"
	    "村里来了“新农人”\n"
	    "本报讯（记者 龙海燕）在湖南省保靖县的一个小山\n"
	    "村里，28岁的向晓东正在查看猕猴桃园的数据。\n";
	const char *want =
	    "article\nheadline 苏州机器人产业规模跨上千亿元台阶\n"
	    "byline 本报记者 顾晨阳、沈佳琪\n"
	    "p 苏州市工业和信息化局近日发布数据，2025年苏州机器人产业规模"
	    "达到1036亿元，同比增长14.7%。\n"
	    "subhead 核心部件实现“从无到有”\n"
	    "p 减速器、伺服电机、控制器被称为工业机器人的“三大核心部件”。"
	    "过去，这些部件主要依赖进口。\n"
	    "subhead 应用场景走向“百业”\n"
	    "p 随着成本下降，工业机器人正从汽车、电子等传统领域，走进纺织、"
	    "食品、家具、医药等行业。\n"
	    "article\nheadline 村里来了“新农人”\nbyline 记者 龙海燕\n"
	    "p 本报讯（记者龙海燕）在湖南省保靖县的一个小山村里，28岁的向晓东"
	    "正在查看猕猴桃园的数据。\n";
	struct edition *ed;
	char *got;

	(void)state;
	ed = load_string(text, NULL);
	edition_finish(ed);
	assert_int_equal(ed->nsections, 2);
	assert_int_equal(ed->sections[0]->narticles, 1);
	assert_int_equal(ed->sections[1]->narticles, 1);
	got = render(ed);
	assert_rendering(want, got, "continued pages");
	free(got);
	edition_free(ed);

	/* Page 2 alone: the brought text stays, as an article. */
	ed = load_string(strchr(text, '\f') + 1, NULL);
	edition_finish(ed);
	assert_int_equal(ed->sections[0]->narticles, 2);
	assert_int_equal(ed->sections[0]->articles[0]->cont_from, 2);
	edition_free(ed);

	/* A paragraph cut by the turn, mid-sentence, is one paragraph. */
	ed = load_string(
	    "第2版 社会\n\n"
	    "苏州机器人产业规模跨上千亿元台阶\n"
	    "苏州市工业和信息化局近日发布数据，2025年苏州\n"
	    "机器人产业规模达到1036亿元，同比增长14.7%。过\n"
	    "去，减速器、伺服电机等核心部件主要依赖\n"
	    "（下转第六版）\n"
	    "\f第06版 经济\n\n"
	    "（上接第2版）\n"
	    "进口，如今已能在本地配套。\n"
	    "随着成本下降，工业机器人正从汽车、电子等传统\n"
	    "领域，走进纺织、食品、家具、医药等行业。\n", NULL);
	edition_finish(ed);
	got = render(ed);
	assert_rendering("article\nheadline 苏州机器人产业规模跨上千亿元台阶\n"
	    "p 苏州市工业和信息化局近日发布数据，2025年苏州机器人产业规模"
	    "达到1036亿元，同比增长14.7%。过去，减速器、伺服电机等核心部件"
	    "主要依赖进口，如今已能在本地配套。\n"
	    "p 随着成本下降，工业机器人正从汽车、电子等传统领域，走进纺织、"
	    "食品、家具、医药等行业。\n", got, "a paragraph across the turn");
	free(got);
	edition_free(ed);

	/* A front page prints no page number: its masthead box says 1. */
	ed = load_string(
	    "湘水日报\n\n2026年03月13日 星期五\n第13690期 今日16版\n\n"
	    "苏州机器人产业规模跨上千亿元台阶\n"
	    "苏州市工业和信息化局近日发布数据，2025年苏州\n"
	    "机器人产业规模达到1036亿元，同比增长14.7%。\n"
	    "（下转第02版）\n"
	    "\f第2版 经济\n\n"
	    "（上接第01版）\n"
	    "随着成本下降，工业机器人正从汽车、电子等传统\n"
	    "领域，走进纺织、食品、家具、医药等行业。\n", NULL);
	edition_finish(ed);
	assert_int_equal(ed->sections[0]->page, 1);
	assert_int_equal(ed->sections[0]->narticles, 1);
	assert_int_equal(ed->sections[1]->narticles, 0);
	assert_int_equal(ed->sections[0]->articles[0]->nblocks, 2);
	edition_free(ed);
}

/*
 * A photo page: each picture's title over its caption, the caption ending
 * in the photographer's credit, in brackets after clauses or bare after a
 * finished sentence.  The credit closes the story: the next title starts
 * the next one.
 */
static void
test_photo_stories(void **state)
{
	const char *text =
	    "智能育秧“工厂化”\n"
	    "\n"
	    "3月20日，在湖南省攸县一家智能育秧中心，技术人员查看秧苗长势。\n"
	    "育秧中心内，一排排秧盘整齐码放，温湿度全部由电脑控制。 （新华社记者 张宇航摄）\n"
	    "\n"
	    "水上发电 水下养鱼\n"
	    "\n"
	    "在浙江慈溪一处渔光互补光伏电站，工作人员驾船巡检光伏组件。"
	    "（新华社记者 翁立群摄）\n"
	    "\n"
	    "荷塘采莲游人来\n"
	    "\n"
	    "7月8日，游客在湖北省汉川市一处荷花基地采摘莲蓬，带动周边村民增收。 本报记者 刘静怡摄\n";
	const char *want =
	    "article\nheadline 智能育秧“工厂化”\n"
	    "p 3月20日，在湖南省攸县一家智能育秧中心，技术人员查看秧苗长势。\n"
	    "p 育秧中心内，一排排秧盘整齐码放，温湿度全部由电脑控制。"
	    "（新华社记者张宇航摄）\n"
	    "article\nheadline 水上发电\nheadline 水下养鱼\n"
	    "p 在浙江慈溪一处渔光互补光伏电站，工作人员驾船巡检光伏组件。"
	    "（新华社记者翁立群摄）\n"
	    "article\nheadline 荷塘采莲游人来\n"
	    "p 7月8日，游客在湖北省汉川市一处荷花基地采摘莲蓬，带动周边村民增收。"
	    "本报记者刘静怡摄\n";
	char *got;

	(void)state;
	got = render_string(text);
	assert_rendering(want, got, "photo stories");
	free(got);
}

/*
 * A feature: a title in quotes with a —— subtitle, a reporter's line, an
 * interview whose answers open with the speaker's name and a colon (a
 * short first line is no title), parts named 修复：… and a subhead wrapped
 * in a narrow column: one article.
 */
static void
test_feature_parts(void **state)
{
	const char *text =
	    "“秦岭是一本读不完的书”\n"
	    "——访作家贺秦川\n"
	    "本报记者 薛晴\n"
	    "作家贺秦川在秦岭脚下生活了四十多年，新\n"
	    "近出版了长篇作品。\n"
	    "记者：为什么选择用徒步的方式来写秦岭？\n"
	    "贺秦川：徒步让我\n"
	    "慢下来。坐车经过的村子，你只记得名字；\n"
	    "走过的村子，你记得每一户人家的灶台。\n"
	    "修复：还河流以空间\n"
	    "治污之外，生态修复同样关键。过去，河滩\n"
	    "地大量被开垦为农田，河道被挤占。\n"
	    "\n"
	    "社区食堂开到了老旧\n"
	    "小区，目前全市已建成\n"
	    "社区食堂136个。\n"
	    "\n"
	    "政府补一点 企业让一点\n"
	    "个人出一点\n"
	    "在运营模式上，当地\n"
	    "采取“政府补一点、企业\n"
	    "让一点、个人出一点”的\n"
	    "办法，食堂运转良好。\n";
	const char *want =
	    "article\nheadline “秦岭是一本读不完的书”\nheadline ——访作家贺秦川\n"
	    "byline 本报记者 薛晴\n"
	    "p 作家贺秦川在秦岭脚下生活了四十多年，新近出版了长篇作品。\n"
	    "p 记者：为什么选择用徒步的方式来写秦岭？\n"
	    "p 贺秦川：徒步让我慢下来。坐车经过的村子，你只记得名字；走过的"
	    "村子，你记得每一户人家的灶台。\n"
	    "subhead 修复：还河流以空间\n"
	    "p 治污之外，生态修复同样关键。过去，河滩地大量被开垦为农田，河道"
	    "被挤占。\n"
	    "p 社区食堂开到了老旧小区，目前全市已建成社区食堂136个。\n"
	    "subhead 政府补一点企业让一点个人出一点\n"
	    "p 在运营模式上，当地采取“政府补一点、企业让一点、个人出一点”的"
	    "办法，食堂运转良好。\n";
	struct edition *ed;
	char *got;

	(void)state;
	got = render_string(text);
	assert_rendering(want, got, "feature parts");
	free(got);
	ed = load_string(text, NULL);
	assert_int_equal(ed->sections[0]->articles[0]->headlines[0].role,
	    HEADLINE_MAIN);
	assert_int_equal(ed->sections[0]->articles[0]->headlines[1].role,
	    HEADLINE_SUB);
	edition_free(ed);
}

/*
 * Verse keeps its lines: a poem labelled 组诗 in its title, and one
 * without a label whose lines mostly stop short of the longest; prose of
 * the same width is joined as ever.
 */
static void
test_verse(void **state)
{
	static const char poem[] =
	    "你从三亚的晨光里出发\n"
	    "汽笛是一句简短的告别\n"
	    "码头上挥动的手臂\n"
	    "渐渐缩成一排小小的逗号\n"
	    "而前方，是一整页\n"
	    "还没有写下文字的蓝\n"
	    "你驶过季风的走廊\n"
	    "驶过星图上陌生的经纬\n"
	    "雷达在夜里静静旋转\n"
	    "像一只不肯合上的眼睛\n"
	    "八十多个日夜\n"
	    "甲板上的人们学会了\n"
	    "用浪的高度计算时间\n"
	    "用云的形状辨认明天\n";
	char *text, *got;
	struct edition *ed;

	(void)state;
	text = xasprintf("远航札记（组诗）\n□ 海岚\n%.*s", 62, poem);
	got = render_string(text);
	assert_rendering("article\nheadline 远航札记（组诗）\nbyline 海岚\n"
	    "p 你从三亚的晨光里出发\np 汽笛是一句简短的告别\n", got,
	    "labelled verse");
	free(got);
	free(text);

	text = xasprintf("港口的黎明\n□ 海岚\n%s", poem);
	ed = load_string(text, NULL);
	assert_int_equal(ed->sections[0]->narticles, 1);
	assert_int_equal(ed->sections[0]->articles[0]->nblocks, 14);
	assert_string_equal(ed->sections[0]->articles[0]->blocks[4].text,
	    "而前方，是一整页");
	edition_free(ed);
	free(text);

	/* A line too long for the column leaves a stub: it is one line. */
	text = xasprintf("远航札记（组诗）\n□ 海岚\n%.*s\n号\n%s", 117, poem,
	    poem + 121);
	ed = load_string(text, NULL);
	assert_int_equal(ed->sections[0]->articles[0]->nblocks, 14);
	assert_string_equal(ed->sections[0]->articles[0]->blocks[3].text,
	    "渐渐缩成一排小小的逗号");
	edition_free(ed);
	free(text);

	/* Prose in a narrow column: paragraphs, not lines. */
	ed = load_string("港口的黎明\n□ 海岚\n"
	    "清晨五点，港口的灯还亮着，\n"
	    "第一班拖轮已经离开码头，\n"
	    "向锚地驶去。岸桥司机老周\n"
	    "爬上四十米高的驾驶室，开\n"
	    "始一天的工作。他说，从这\n"
	    "里看出去，整个港区像一张\n"
	    "摊开的地图，每一只集装箱\n"
	    "都有自己的位置和去处，每\n"
	    "一条航线都连着远方的城市\n"
	    "和等待货物的人们。二十年\n"
	    "来，他看着港口一点点长大\n"
	    "，也看着自己慢慢变老。\n", NULL);
	assert_int_equal(ed->sections[0]->articles[0]->nblocks, 1);
	edition_free(ed);
}

/* List items (①②) are paragraphs of their own, never subheads. */
static void
test_list_items(void **state)
{
	const char *text =
	    "本报12月23日讯 市商务局近日出台四项措\n"
	    "施：\n"
	    "①对进出口额增长10%以上的企\n"
	    "业给予奖励；\n"
	    "②开通融资绿色通道。\n"
	    "市商务局相关负责人表示，预计全年\n"
	    "外贸进出口总值将突破5000亿元。\n";
	const char *want =
	    "article\n"
	    "p 本报12月23日讯市商务局近日出台四项措施：\n"
	    "p ①对进出口额增长10%以上的企业给予奖励；\n"
	    "p ②开通融资绿色通道。\n"
	    "p 市商务局相关负责人表示，预计全年外贸进出口总值将突破5000亿元。\n";
	char *got;

	(void)state;
	got = render_string(text);
	assert_rendering(want, got, "list items");
	free(got);
}

/* Run the tests in a UTF-8 locale. */
int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_golden_sample),
		cmocka_unit_test(test_golden_real),
		cmocka_unit_test(test_take_same),
		cmocka_unit_test(test_sample_metadata),
		cmocka_unit_test(test_normalise),
		cmocka_unit_test(test_join),
		cmocka_unit_test(test_classify_lines),
		cmocka_unit_test(test_dateline_patterns),
		cmocka_unit_test(test_byline_parse),
		cmocka_unit_test(test_byline_split),
		cmocka_unit_test(test_paragraph_breaks),
		cmocka_unit_test(test_paragraph_stop_and_colon),
		cmocka_unit_test(test_headlines_displaced),
		cmocka_unit_test(test_headline_one_line),
		cmocka_unit_test(test_subheads),
		cmocka_unit_test(test_numbered_subheads),
		cmocka_unit_test(test_marker_width),
		cmocka_unit_test(test_interview_turns),
		cmocka_unit_test(test_indented_subhead),
		cmocka_unit_test(test_dateline_cut_at_dian),
		cmocka_unit_test(test_author_between_blanks),
		cmocka_unit_test(test_short_before_marker),
		cmocka_unit_test(test_short_first_line),
		cmocka_unit_test(test_open_clause_runs_on),
		cmocka_unit_test(test_point_leads),
		cmocka_unit_test(test_photo_story_titles),
		cmocka_unit_test(test_headline_roles),
		cmocka_unit_test(test_title_without_dateline),
		cmocka_unit_test(test_sections),
		cmocka_unit_test(test_header_match),
		cmocka_unit_test(test_masthead_parts),
		cmocka_unit_test(test_page_facts),
		cmocka_unit_test(test_continued_pages),
		cmocka_unit_test(test_photo_stories),
		cmocka_unit_test(test_feature_parts),
		cmocka_unit_test(test_verse),
		cmocka_unit_test(test_split_tail),
		cmocka_unit_test(test_numbered_subhead),
		cmocka_unit_test(test_authored_subhead),
		cmocka_unit_test(test_line_endings),
		cmocka_unit_test(test_bad_input),
		cmocka_unit_test(test_furniture_match),
		cmocka_unit_test(test_furniture_dropped),
		cmocka_unit_test(test_continuation_markers),
		cmocka_unit_test(test_captions),
		cmocka_unit_test(test_byline_lines),
		cmocka_unit_test(test_brief_items),
		cmocka_unit_test(test_brief_column),
		cmocka_unit_test(test_commentary),
		cmocka_unit_test(test_authors_vertical),
		cmocka_unit_test(test_list_items),
		cmocka_unit_test(test_wrapped_subhead),
		cmocka_unit_test(test_spaced_pen_name),
		cmocka_unit_test(test_title_over_subtitle_inside),
		cmocka_unit_test(test_name_over_vertical),
		cmocka_unit_test(test_marker_cut),
		cmocka_unit_test(test_column_after_author),
		cmocka_unit_test(test_editor_note),
		cmocka_unit_test(test_numbered_title_wrapped),
		cmocka_unit_test(test_split_note_paragraph),
		cmocka_unit_test(test_wide_title),
		cmocka_unit_test(test_headline_clauses_spaced),
		cmocka_unit_test(test_box_label_heads_nothing),
	};

	return cmocka_run_group_tests(tests, test_utf8_locale, NULL);
}
