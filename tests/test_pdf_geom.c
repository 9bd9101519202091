/*
 * test_pdf_geom.c - the geometric stage of the PDF loader (pdf_geom.c)
 * on synthetic glyph streams: no PDF library needed.
 *
 * Each case sets glyphs of 10-point text (and larger headlines) on a
 * page the way a typesetter would and checks the lines that come back:
 * their order, text and flags.
 */
#include "config.h"

#include "common.h"

#include <math.h>

#include "../src/pdf_geom.h"
#include "../src/seg.h"
#include "../src/xalloc.h"

/* A page being set: glyphs appended by put_text. */
struct sheet {
	struct pdf_glyph	 g[4096];
	size_t			 n;
};

/*
 * Set the UTF-8 string s from (x, y) at size pt, one em per character
 * (a CJK font), with flags on every glyph.
 */
static void
put_text(struct sheet *sh, float x, float y, float pt, const char *s,
    unsigned flags)
{
	const unsigned char *p = (const unsigned char *)s;
	uint32_t cp;

	while (*p != '\0' && sh->n < sizeof sh->g / sizeof sh->g[0]) {
		if (*p < 0x80)
			cp = *p++;
		else if (*p < 0xE0) {
			cp = (uint32_t)(*p & 0x1F) << 6 | (p[1] & 0x3F);
			p += 2;
		} else {
			cp = (uint32_t)(*p & 0x0F) << 12 |
			    (uint32_t)(p[1] & 0x3F) << 6 | (p[2] & 0x3F);
			p += 3;
		}
		sh->g[sh->n].x0 = x;
		sh->g[sh->n].x1 = x + pt;
		sh->g[sh->n].y0 = y;
		sh->g[sh->n].y1 = y + pt * 1.2f;
		sh->g[sh->n].size = pt;
		sh->g[sh->n].cp = cp;
		sh->g[sh->n].flags = (uint8_t)flags;
		sh->g[sh->n].font = flags & PDF_GLYPH_BOLD ? 1 : 0;
		sh->n++;
		x += pt;
	}
}

/* The text of line i, NUL-terminated (caller frees). */
static char *
line_text(const struct pdf_layout *lay, size_t i)
{
	return xstrndup(lay->text + lay->lines[i].off, lay->lines[i].len);
}

/* Assert that line i reads want (and print both when it does not). */
static void
assert_line(const struct pdf_layout *lay, size_t i, const char *want)
{
	char *got;

	assert_true(i < lay->nlines);
	got = line_text(lay, i);
	if (strcmp(got, want) != 0)
		print_error("line %zu: want \"%s\", got \"%s\"\n", i, want, got);
	assert_string_equal(got, want);
	free(got);
}

/*
 * Hinted lines through the segmentation pipeline, as load_pdf.c gives
 * them: a blank line before each line flagged PDF_LINE_GAP, then the
 * line with its SEG_HINT_* hints.  Returns the edition (caller frees).
 */
struct hinted {
	const char	*text;
	unsigned	 hints;
	bool		 gap;
};

static struct edition *
read_hinted(const struct hinted *h, size_t n)
{
	struct edition *ed = edition_new("t", "t.pdf");
	struct page pg;
	char *text;
	size_t i, len = 0, off;
	uint32_t lineno = 1;

	for (i = 0; i < n; i++)
		len += strlen(h[i].text) + 1;
	text = xmalloc(len + 1);
	seg_page_init(&pg, text);
	seg_page_begin(&pg);
	for (i = 0, off = 0; i < n; i++) {
		memcpy(text + off, h[i].text, strlen(h[i].text));
		text[off + strlen(h[i].text)] = '\n';
		if (h[i].gap)
			seg_page_line(&pg, off, 0, lineno++);
		seg_page_line(&pg, off, (uint32_t)strlen(h[i].text),
		    lineno++);
		seg_page_line_hint(&pg, h[i].hints);
		off += strlen(h[i].text) + 1;
	}
	text[off] = '\0';
	assert_true(seg_load_page(&pg, ed, "t.pdf", "t", false) >= 1);
	seg_page_free(&pg);
	free(text);
	edition_finish(ed);
	return ed;
}

/*
 * A headline over two columns of body text: the headline first, flagged
 * display and region start, then column 1 top to bottom, then column 2;
 * the indented line starts a paragraph, the line after a short one too,
 * and the column break inside a paragraph does not.
 */
static void
test_two_columns(void **state)
{
	static struct sheet sh;
	struct pdf_layout lay;

	(void)state;
	sh.n = 0;
	put_text(&sh, 50, 40, 20, "两栏之上的标题", PDF_GLYPH_BOLD);
	/* Column 1 at x 50..150, column 2 at x 170..270 (2 em gutter). */
	put_text(&sh, 70, 80, 10, "一二三四五六七八", 0);	/* indented */
	put_text(&sh, 50, 93, 10, "甲乙丙丁戊己庚辛壬癸", 0);
	put_text(&sh, 50, 106, 10, "子丑寅。", 0);		/* short */
	put_text(&sh, 50, 119, 10, "天地玄黄宇宙洪荒日月", 0);	/* no indent */
	put_text(&sh, 170, 80, 10, "盈昃辰宿列张寒来暑往", 0);	/* runs on */
	put_text(&sh, 170, 93, 10, "秋收冬藏。", 0);
	put_text(&sh, 190, 106, 10, "闰余成岁律吕调阳", 0);	/* indented */
	put_text(&sh, 170, 119, 10, "云腾致雨露结为霜金生", 0);
	pdf_geom_layout(sh.g, sh.n, 400, 600, &lay);
	assert_true(fabsf(lay.body - 10.0f) < 0.01f);
	assert_int_equal(lay.nlines, 9);
	assert_line(&lay, 0, "两栏之上的标题");
	assert_true(lay.lines[0].flags & PDF_LINE_DISPLAY);
	assert_true(lay.lines[0].flags & PDF_LINE_REGION);
	assert_line(&lay, 1, "一二三四五六七八");
	assert_true(lay.lines[1].flags & PDF_LINE_PARA);
	assert_line(&lay, 2, "甲乙丙丁戊己庚辛壬癸");
	assert_false(lay.lines[2].flags & PDF_LINE_PARA);
	assert_line(&lay, 4, "天地玄黄宇宙洪荒日月");
	assert_true(lay.lines[4].flags & PDF_LINE_PARA);	/* after 子丑寅。 */
	assert_line(&lay, 5, "盈昃辰宿列张寒来暑往");
	assert_false(lay.lines[5].flags & PDF_LINE_PARA);	/* column break */
	assert_line(&lay, 7, "闰余成岁律吕调阳");
	assert_true(lay.lines[7].flags & PDF_LINE_PARA);
	pdf_layout_free(&lay);
}

/* A headline set vertically beside the text is read as one line. */
static void
test_vertical_headline(void **state)
{
	static struct sheet sh;
	struct pdf_layout lay;
	static const char *const v[] = { "竖", "排", "标", "题" };
	size_t i;

	(void)state;
	sh.n = 0;
	for (i = 0; i < 4; i++)
		put_text(&sh, 20, 50 + 24.0f * (float)i, 20, v[i],
		    PDF_GLYPH_BOLD);
	for (i = 0; i < 8; i++)
		put_text(&sh, 60, 50 + 13.0f * (float)i, 10,
		    "正文一行十个字正文", 0);
	pdf_geom_layout(sh.g, sh.n, 400, 600, &lay);
	assert_line(&lay, 0, "竖排标题");
	assert_true(lay.lines[0].flags & PDF_LINE_VERTICAL);
	assert_true(lay.lines[0].flags & PDF_LINE_DISPLAY);
	assert_int_equal(lay.nlines, 9);
	pdf_layout_free(&lay);
}

/* Text in the top band above a full-width gap is page furniture. */
static void
test_furniture(void **state)
{
	static struct sheet sh;
	struct pdf_layout lay;
	size_t i;

	(void)state;
	sh.n = 0;
	put_text(&sh, 20, 10, 10, "第05版", 0);
	put_text(&sh, 300, 10, 10, "某某日报", 0);
	for (i = 0; i < 10; i++)
		put_text(&sh, 20, 120 + 13.0f * (float)i, 10,
		    "正文一行十个字正文", 0);
	pdf_geom_layout(sh.g, sh.n, 400, 600, &lay);
	assert_true(lay.nlines >= 2);
	assert_true(lay.lines[0].flags & PDF_LINE_FURNITURE);
	assert_false(lay.lines[lay.nlines - 1].flags & PDF_LINE_FURNITURE);
	pdf_layout_free(&lay);
}

/* Latin words keep their spaces; CJK justification gaps add none. */
static void
test_spaces(void **state)
{
	static struct sheet sh;
	struct pdf_layout lay;

	(void)state;
	sh.n = 0;
	put_text(&sh, 20, 20, 10, "AI", 0);
	put_text(&sh, 43, 20, 10, "app", 0);
	put_text(&sh, 75.5f, 20, 10, "中文", 0);
	pdf_geom_layout(sh.g, sh.n, 400, 600, &lay);
	assert_int_equal(lay.nlines, 1);
	assert_line(&lay, 0, "AI app 中文");
	pdf_layout_free(&lay);
}

/* Nothing usable: no glyphs, or glyphs with broken boxes and sizes. */
static void
test_degenerate(void **state)
{
	struct pdf_glyph g[4];
	struct pdf_layout lay;

	(void)state;
	pdf_geom_layout(NULL, 0, 400, 600, &lay);
	assert_int_equal(lay.nlines, 0);
	assert_non_null(lay.text);
	pdf_layout_free(&lay);
	memset(g, 0, sizeof g);
	g[0].x0 = NAN;
	g[0].x1 = 10;
	g[0].y1 = 10;
	g[0].cp = 'a';
	g[1].x0 = 10;
	g[1].x1 = 5;		/* inverted */
	g[1].y1 = 10;
	g[1].cp = 'b';
	g[2].x1 = INFINITY;
	g[2].y1 = 10;
	g[2].cp = 'c';
	g[3].x1 = 10;
	g[3].y1 = 12;
	g[3].size = NAN;	/* falls back to the box height */
	g[3].cp = 'd';
	pdf_geom_layout(g, 4, NAN, -1, &lay);
	assert_int_equal(lay.nlines, 1);
	assert_line(&lay, 0, "d");
	pdf_layout_free(&lay);
}

/* The index of the line reading want, or fail. */
static size_t
find_line(const struct pdf_layout *lay, const char *want)
{
	size_t i;
	char *got;

	for (i = 0; i < lay->nlines; i++) {
		got = line_text(lay, i);
		if (strcmp(got, want) == 0) {
			free(got);
			return i;
		}
		free(got);
	}
	fail_msg("no line \"%s\"", want);
	return 0;
}

/*
 * Photo stories in boxes: a photo leaves gaps wider than those between
 * rows of boxes, beside and under headlines.  The caption of the left
 * box and the headline of the right one share a row; neither is read
 * with the other, and the next row's headline comes after the right
 * box's caption.
 */
static void
test_photo_boxes(void **state)
{
	static struct sheet sh;
	struct pdf_layout lay;
	size_t cap2, right, rcap, low;

	(void)state;
	sh.n = 0;
	/* Left box x 20..180: headline, a photo, a caption of two lines. */
	put_text(&sh, 20, 20, 18, "左边的图片", PDF_GLYPH_BOLD);
	put_text(&sh, 20, 250, 10, "图片说明第一行很长很长很长", 0);
	put_text(&sh, 20, 263, 10, "第二行。本报记者某某摄", 0);
	/* Right box x 220..380: the headline low, a photo, its caption. */
	put_text(&sh, 220, 265, 18, "右边的图片", PDF_GLYPH_BOLD);
	put_text(&sh, 220, 500, 10, "右图说明。本报记者某摄", 0);
	/* The next row, 4 em lower: headline, photo, caption. */
	put_text(&sh, 20, 540, 18, "下一行图片", PDF_GLYPH_BOLD);
	put_text(&sh, 20, 760, 10, "下图说明。本报记者某摄", 0);
	pdf_geom_layout(sh.g, sh.n, 400, 800, &lay);
	assert_int_equal(lay.nlines, 7);
	assert_int_equal(find_line(&lay, "左边的图片"), 0);
	cap2 = find_line(&lay, "第二行。本报记者某某摄");
	right = find_line(&lay, "右边的图片");
	rcap = find_line(&lay, "右图说明。本报记者某摄");
	low = find_line(&lay, "下一行图片");
	assert_true(cap2 < right);
	assert_true(right < rcap);
	assert_true(rcap < low);
	assert_true(lay.lines[right].flags & PDF_LINE_REGION);
	pdf_layout_free(&lay);
}

/*
 * Two boxes of three columns stacked at the left of a narrow box, with
 * the same gutters: the row between the two boxes is cut before their
 * columns, so each box is read whole.
 */
static void
test_stacked_boxes(void **state)
{
	static struct sheet sh;
	struct pdf_layout lay;
	size_t i, top3, low1;

	(void)state;
	sh.n = 0;
	/* A narrow box at x 20..60, all the way down. */
	for (i = 0; i < 30; i++)
		put_text(&sh, 20, 40 + 13.0f * (float)i, 10, "窄栏正文",
		    0);
	/*
	 * Two boxes at x 90..360, columns at 90, 190 and 290, 7 em wide:
	 * their gutters are as wide as the one between the boxes.
	 */
	for (i = 0; i < 10; i++) {
		put_text(&sh, 90, 40 + 13.0f * (float)i, 10, "上一栏一二三四",
		    0);
		put_text(&sh, 190, 40 + 13.0f * (float)i, 10, "上二栏一二三四",
		    0);
		put_text(&sh, 290, 40 + 13.0f * (float)i, 10, "上三栏一二三四",
		    0);
		put_text(&sh, 90, 220 + 13.0f * (float)i, 10, "下一栏一二三四",
		    0);
		put_text(&sh, 190, 220 + 13.0f * (float)i, 10, "下二栏一二三四",
		    0);
		put_text(&sh, 290, 220 + 13.0f * (float)i, 10, "下三栏一二三四",
		    0);
	}
	pdf_geom_layout(sh.g, sh.n, 400, 600, &lay);
	top3 = low1 = SIZE_MAX;
	for (i = 0; i < lay.nlines; i++) {
		char *t = line_text(&lay, i);

		if (strcmp(t, "上三栏一二三四") == 0)
			top3 = i;
		if (strcmp(t, "下一栏一二三四") == 0 && low1 == SIZE_MAX)
			low1 = i;
		free(t);
	}
	/* Every line of the upper box before the lower box's first. */
	assert_true(top3 != SIZE_MAX && low1 != SIZE_MAX);
	assert_true(top3 < low1);
	pdf_layout_free(&lay);
}

/*
 * What the set type says about lines: a kicker at body size over a large
 * headline joins its group; an author line under it is one, but not the
 * first line of a poem under a bold title at body size; a bold dateline
 * running on is no paragraph end; space between lines of a column is.
 */
static void
test_line_roles(void **state)
{
	static struct sheet sh;
	struct pdf_layout lay;
	size_t k, h, au, lead, run, spaced, title, verse;

	(void)state;
	sh.n = 0;
	put_text(&sh, 20, 20, 10, "某地加快打造某某枢纽", 0);
	put_text(&sh, 20, 33, 20, "建设网络赋能百业", PDF_GLYPH_BOLD);
	put_text(&sh, 20, 60, 10, "本报记者张三", 0);
	/* Column x 20..120: a bold dateline filling its line. */
	put_text(&sh, 40, 80, 10, "本报北京电（记者", PDF_GLYPH_BOLD);
	put_text(&sh, 120, 80, 10, "李", 0);
	put_text(&sh, 20, 93, 10, "四）日前，某地举办了", 0);
	put_text(&sh, 20, 106, 10, "活动。", 0);
	/* Space between two paragraphs, neither indented nor short. */
	put_text(&sh, 20, 119, 10, "第一段文字很长很长很长", 0);
	put_text(&sh, 20, 140, 10, "第二段文字很长很长很长", 0);
	/* A poem under its bold title, both at body size. */
	put_text(&sh, 20, 170, 10, "深潜", PDF_GLYPH_BOLD);
	put_text(&sh, 40, 183, 10, "舱门合上的那一刻", 0);
	put_text(&sh, 40, 196, 10, "世界只剩下呼吸", 0);
	pdf_geom_layout(sh.g, sh.n, 400, 600, &lay);
	k = find_line(&lay, "某地加快打造某某枢纽");
	h = find_line(&lay, "建设网络赋能百业");
	assert_true(lay.lines[k].flags & PDF_LINE_DISPLAY);
	assert_true(lay.lines[k].flags & PDF_LINE_REGION);
	assert_false(lay.lines[h].flags & PDF_LINE_REGION);
	au = find_line(&lay, "本报记者张三");
	assert_true(lay.lines[au].flags & PDF_LINE_AUTHOR);
	lead = find_line(&lay, "本报北京电（记者李");
	run = find_line(&lay, "四）日前，某地举办了");
	assert_int_equal(run, lead + 1);
	assert_false(lay.lines[run].flags & PDF_LINE_PARA);
	spaced = find_line(&lay, "第二段文字很长很长很长");
	assert_true(lay.lines[spaced].flags & PDF_LINE_PARA);
	title = find_line(&lay, "深潜");
	verse = find_line(&lay, "舱门合上的那一刻");
	assert_true(lay.lines[title].flags & PDF_LINE_DISPLAY);
	assert_false(lay.lines[verse].flags & PDF_LINE_AUTHOR);
	pdf_layout_free(&lay);
}

/*
 * A bold line at body size running on in its column is no new region (a
 * subhead); set apart by space, it is (the next brief's title).
 */
static void
test_bold_heads(void **state)
{
	static struct sheet sh;
	struct pdf_layout lay;
	size_t sub, brief;

	(void)state;
	sh.n = 0;
	put_text(&sh, 20, 200, 10, "正文第一行很长很长很长", 0);
	put_text(&sh, 20, 213, 10, "完了。", 0);
	put_text(&sh, 20, 226, 10, "送得出用得好", PDF_GLYPH_BOLD);
	put_text(&sh, 40, 239, 10, "为让绿电送得出很长", 0);
	put_text(&sh, 20, 252, 10, "完了。", 0);
	put_text(&sh, 20, 275, 10, "某地举办技能大赛", PDF_GLYPH_BOLD);
	put_text(&sh, 40, 288, 10, "某地日前举办大赛很长", 0);
	pdf_geom_layout(sh.g, sh.n, 400, 600, &lay);
	sub = find_line(&lay, "送得出用得好");
	brief = find_line(&lay, "某地举办技能大赛");
	assert_true(lay.lines[sub].flags & PDF_LINE_DISPLAY);
	assert_false(lay.lines[sub].flags & PDF_LINE_REGION);
	assert_true(lay.lines[brief].flags & PDF_LINE_DISPLAY);
	assert_true(lay.lines[brief].flags & PDF_LINE_REGION);
	assert_false(lay.lines[brief].flags & PDF_LINE_LARGE);
	pdf_layout_free(&lay);
}

/*
 * The header strip keeps a space as narrow as a space (理论 第10版);
 * a vertical headline whose glyph boxes overlap is one line; text that
 * ends a sentence at the foot of the page is no footer.
 */
static void
test_strip_and_foot(void **state)
{
	static struct sheet sh;
	struct pdf_layout lay;
	size_t i, foot;

	(void)state;
	sh.n = 0;
	put_text(&sh, 20, 10, 10, "理论", 0);
	put_text(&sh, 43, 10, 10, "第10版", 0);
	for (i = 0; i < 4; i++) {
		put_text(&sh, 20, 60 + 24.0f * (float)i, 24,
		    (const char *[]){ "以", "精", "细", "化" }[i],
		    PDF_GLYPH_BOLD);
		sh.g[sh.n - 1].y1 = sh.g[sh.n - 1].y0 + 32;	/* overlaps */
	}
	for (i = 0; i < 12; i++)
		put_text(&sh, 60, 60 + 13.0f * (float)i, 10,
		    "正文一二三四五六七八", 0);
	put_text(&sh, 60, 560, 10, "图为工人们在清理渠道。", 0);
	pdf_geom_layout(sh.g, sh.n, 400, 600, &lay);
	assert_line(&lay, 0, "理论 第10版");
	assert_true(lay.lines[0].flags & PDF_LINE_FURNITURE);
	i = find_line(&lay, "以精细化");
	assert_true(lay.lines[i].flags & PDF_LINE_VERTICAL);
	foot = find_line(&lay, "图为工人们在清理渠道。");
	assert_false(lay.lines[foot].flags & PDF_LINE_FURNITURE);
	pdf_layout_free(&lay);
}

/*
 * On a hinted page a paragraph ends where the front end saw the next one
 * start: a full line of body text that happens to end in 摄 (…集卡进港时，
 * 摄 / 像头自动识别…) is no photographer's credit ending a caption.
 */
static void
test_hinted_credit_runs_on(void **state)
{
	static const struct hinted h[] = {
		{ "从“人工作业”到“智慧码头”", SEG_HINT_DISPLAY |
		    SEG_HINT_LARGE | SEG_HINT_REGION_START, true },
		{ "走进港区的中控室，大屏幕上实时显示着船舶动态、",
		    SEG_HINT_PARA_START | SEG_HINT_INDENT, true },
		{ "堆场箱位和集卡轨迹。港区近年来投入智能化改造，上线", 0,
		    false },
		{ "了智能理货、无人闸口和智能调度系统。集卡进港时，摄", 0,
		    false },
		{ "像头自动识别车牌和箱号，整个过程不到30秒。", 0, false },
		{ "港区负责人说，智能化改造让码头作业效率提高了两成。",
		    SEG_HINT_PARA_START | SEG_HINT_INDENT, false },
	};
	struct edition *ed = read_hinted(h, sizeof h / sizeof h[0]);
	const struct article *a;

	(void)state;
	assert_int_equal(ed->nsections, 1);
	assert_int_equal(ed->sections[0]->narticles, 1);
	a = ed->sections[0]->articles[0];
	assert_int_equal(a->nblocks, 2);
	assert_non_null(strstr(a->blocks[0].text,
	    "集卡进港时，摄像头自动识别"));
	edition_free(ed);
}

/*
 * A long author line (本报记者 蔡明辉 通讯员 王少东, 16 ems) centred under
 * a headline group over four columns, bridging a gutter, is read with
 * the group, before the first column.
 */
static void
test_wide_author_line(void **state)
{
	static struct sheet sh;
	struct pdf_layout lay;
	size_t i, c, byl;
	char s[64];

	(void)state;
	sh.n = 0;
	put_text(&sh, 396, 100, 20, "老港区的新航程", PDF_GLYPH_BOLD);
	put_text(&sh, 382, 125, 12, "——泉州石湖港区转型发展纪事", 0);
	put_text(&sh, 386, 146, 10, "本报记者", 0);
	put_text(&sh, 435, 146, 10, "蔡明辉", 0);
	put_text(&sh, 474, 146, 10, "通讯员", 0);
	put_text(&sh, 513, 146, 10, "王少东", 0);
	/* Four columns of 20 ems, gutters of 2.4 ems. */
	for (c = 0; c < 4; c++)
		for (i = 0; i < 10; i++) {
			snprintf(s, sizeof s, "第%zu栏%s", c + 1,
			    "正文十九个字的一行就是这样排满的");
			put_text(&sh, 30 + 224.0f * (float)c, 168 +
			    13.0f * (float)i, 10, s, 0);
		}
	pdf_geom_layout(sh.g, sh.n, 950, 600, &lay);
	assert_line(&lay, 0, "老港区的新航程");
	assert_line(&lay, 1, "——泉州石湖港区转型发展纪事");
	byl = find_line(&lay, "本报记者 蔡明辉 通讯员 王少东");
	assert_int_equal(byl, 2);
	assert_line(&lay, 3, "第1栏正文十九个字的一行就是这样排满的");
	pdf_layout_free(&lay);
}

/*
 * Verse lines are indented 2 ems; one too long wraps to the column's own
 * edge, where no other line starts.  That glyph (析) stands an em left
 * of its column and is read in it, after the line it ends, not as a
 * column of its own.
 */
static void
test_verse_wrap(void **state)
{
	static struct sheet sh;
	struct pdf_layout lay;
	size_t i, k;

	(void)state;
	sh.n = 0;
	for (i = 0; i < 8; i++)
		put_text(&sh, 60, 50 + 13.0f * (float)i, 10, "一二三四五六七八",
		    0);
	put_text(&sh, 220, 50, 10, "有时候风暴来了", 0);
	put_text(&sh, 220, 63, 10, "船身倾斜成一道斜坡", 0);
	put_text(&sh, 220, 76, 10, "你带回的样品将被编号、切片、分", 0);
	put_text(&sh, 200, 89, 10, "析", 0);
	put_text(&sh, 220, 102, 10, "在显微镜下", 0);
	put_text(&sh, 220, 115, 10, "在漫长的论文里", 0);
	pdf_geom_layout(sh.g, sh.n, 400, 600, &lay);
	k = find_line(&lay, "你带回的样品将被编号、切片、分");
	assert_line(&lay, k + 1, "析");
	assert_line(&lay, k + 2, "在显微镜下");
	assert_line(&lay, k - 1, "船身倾斜成一道斜坡");
	assert_false(lay.lines[k + 1].flags & PDF_LINE_PARA);
	pdf_layout_free(&lay);
}

/*
 * Text brought from another page (上接第四版) runs on to the end of its
 * box; a headline set large at a region start under it opens the next
 * article, even though its text shares a topic with the continued one.
 */
static void
test_hinted_headline_after_jump(void **state)
{
	static const struct hinted h[] = {
		{ "（上接第四版）", SEG_HINT_PARA_START | SEG_HINT_NEWCOL,
		    true },
		{ "智慧化改造也延伸到了港口之外。依托“单一窗口”和",
		    SEG_HINT_PARA_START | SEG_HINT_INDENT, false },
		{ "区块链电子放货平台，进口货物提货单从纸质流转变为", 0,
		    false },
		{ "线上秒签，企业办理时间压缩到几分钟。", 0, false },
		{ "“下一步，我们将推动5G、北斗和数字孪生技术在更多",
		    SEG_HINT_PARA_START | SEG_HINT_INDENT, false },
		{ "作业环节落地。”韩立东说，力争实现港区全面自动化。", 0,
		    false },
		{ "东莞加工贸易企业加快转型 自主品牌出口占比升至38%",
		    SEG_HINT_DISPLAY | SEG_HINT_LARGE | SEG_HINT_REGION_START,
		    true },
		{ "东莞市商务局日前发布数据显示，2025年东莞加",
		    SEG_HINT_PARA_START | SEG_HINT_INDENT | SEG_HINT_NEWCOL,
		    true },
		{ "工贸易企业中拥有自主品牌的企业数量达到2860家，", 0,
		    false },
		{ "自主品牌产品出口额占全市出口总额的比重升至38%，", 0,
		    false },
		{ "比三年前提高了11个百分点。", 0, false },
	};
	struct edition *ed = read_hinted(h, sizeof h / sizeof h[0]);
	const struct section *s;

	(void)state;
	assert_int_equal(ed->nsections, 1);
	s = ed->sections[0];
	assert_int_equal(s->narticles, 2);
	assert_int_equal(s->articles[0]->nblocks, 2);
	assert_true(s->articles[1]->nheadlines >= 1);
	assert_string_equal(s->articles[1]->headlines[0].text,
	    "东莞加工贸易企业加快转型");
	assert_int_equal(s->articles[1]->nblocks, 1);
	edition_free(ed);
}

/*
 * A bold label at body size right under an article's author line
 * (核心阅读 over the box of key points) is a display line of that
 * article, not the start of a region.
 */
static void
test_label_under_author(void **state)
{
	static struct sheet sh;
	struct pdf_layout lay;
	size_t i, k;

	(void)state;
	sh.n = 0;
	put_text(&sh, 40, 40, 20, "推动国际商事争端解决机制创新发展",
	    PDF_GLYPH_BOLD);
	put_text(&sh, 40, 68, 10, "何文澜", 0);
	put_text(&sh, 60, 88, 10, "核心阅读", PDF_GLYPH_BOLD);
	put_text(&sh, 60, 103, 10, "高效便利公正的商事争端解决机制是营", 0);
	for (i = 0; i < 6; i++)
		put_text(&sh, 40, 116 + 13.0f * (float)i, 10,
		    "商环境的重要组成部分应坚持诉讼仲裁调解", 0);
	pdf_geom_layout(sh.g, sh.n, 400, 600, &lay);
	k = find_line(&lay, "何文澜");
	assert_true(lay.lines[k].flags & PDF_LINE_AUTHOR);
	k = find_line(&lay, "核心阅读");
	assert_true(lay.lines[k].flags & PDF_LINE_DISPLAY);
	assert_false(lay.lines[k].flags & PDF_LINE_REGION);
	pdf_layout_free(&lay);
}

/*
 * On a hinted page a display run that the front end did not see start a
 * region (核心阅读 under the byline) heads no article, even one whose
 * text begins with the same words: it stays with its own article.
 */
static void
test_hinted_label_stays(void **state)
{
	static const struct hinted h[] = {
		{ "推动国际商事争端解决机制创新发展", SEG_HINT_DISPLAY |
		    SEG_HINT_LARGE | SEG_HINT_REGION_START, true },
		{ "何文澜", SEG_HINT_PARA_START | SEG_HINT_BYLINE, true },
		{ "核心阅读", SEG_HINT_DISPLAY | SEG_HINT_PARA_START |
		    SEG_HINT_INDENT, true },
		{ "高效、便利、公正的商事争端解决机制，是营商环境",
		    SEG_HINT_PARA_START | SEG_HINT_INDENT, true },
		{ "的重要组成部分。应坚持诉讼、仲裁、调解协调发展。", 0,
		    false },
		{ "随着我国对外开放不断深化，跨境贸易投资规模持续",
		    SEG_HINT_PARA_START | SEG_HINT_INDENT, false },
		{ "扩大，涉外商事纠纷的数量和复杂程度也随之上升。", 0,
		    false },
		{ "推动县域经济高质量发展的路径思考", SEG_HINT_DISPLAY |
		    SEG_HINT_LARGE | SEG_HINT_REGION_START | SEG_HINT_NEWCOL,
		    true },
		{ "梁景文", SEG_HINT_PARA_START | SEG_HINT_BYLINE, true },
		{ "核心阅读：县域是国家治理的基本单元，也是城乡融合",
		    SEG_HINT_PARA_START | SEG_HINT_INDENT, true },
		{ "发展的关键支点。推动县域经济高质量发展，需要立足", 0,
		    false },
		{ "比较优势，增强县城综合承载能力。", 0, false },
	};
	struct edition *ed = read_hinted(h, sizeof h / sizeof h[0]);
	const struct section *s;

	(void)state;
	assert_int_equal(ed->nsections, 1);
	s = ed->sections[0];
	assert_int_equal(s->narticles, 2);
	assert_string_equal(s->articles[0]->headlines[0].text,
	    "推动国际商事争端解决机制创新发展");
	assert_string_equal(s->articles[0]->blocks[0].text, "核心阅读");
	assert_int_equal(s->articles[1]->nheadlines, 1);
	assert_string_equal(s->articles[1]->headlines[0].text,
	    "推动县域经济高质量发展的路径思考");
	edition_free(ed);
}

/*
 * A continuation marker broken over two lines (（下转第十 / 八版）) is put
 * back on one line, which the pipeline then reads as a marker; brackets
 * of other kinds broken the same way stay as they are.
 */
static void
test_split_marker(void **state)
{
	static struct sheet sh;
	struct pdf_layout lay;
	size_t i;

	(void)state;
	sh.n = 0;
	for (i = 0; i < 4; i++)
		put_text(&sh, 40, 40 + 13.0f * (float)i, 10,
		    "海洋经济发展势头良好质量效益稳步提升", 0);
	put_text(&sh, 40, 92, 10, "港口吞吐量位居世界前列，（下转第十", 0);
	put_text(&sh, 40, 105, 10, "八版）", 0);
	put_text(&sh, 40, 118, 10, "另一段文字从这里开始一直写到栏的末", 0);
	put_text(&sh, 40, 131, 10, "尾，记者从会上获悉本届会议由（记者", 0);
	put_text(&sh, 40, 144, 10, "张三）", 0);
	pdf_geom_layout(sh.g, sh.n, 400, 600, &lay);
	assert_int_equal(lay.nlines, 8);
	assert_line(&lay, 4, "港口吞吐量位居世界前列，（下转第十八版）");
	assert_line(&lay, 5, "另一段文字从这里开始一直写到栏的末");
	assert_line(&lay, 7, "张三）");
	assert_true(lay.text[lay.len] == '\0');
	pdf_layout_free(&lay);
}

/*
 * In any article, not only text from another page: a headline set large
 * at a region start under its paragraphs opens the next article, however
 * much the two share (企业, 算力, 产业).
 */
static void
test_hinted_large_head_splits(void **state)
{
	static const struct hinted h[] = {
		{ "无锡加快打造长三角算力枢纽节点", SEG_HINT_DISPLAY |
		    SEG_HINT_LARGE | SEG_HINT_REGION_START, true },
		{ "本报记者 华晓东", SEG_HINT_PARA_START | SEG_HINT_BYLINE,
		    true },
		{ "无锡市日前出台推动算力基础设施高质量发展行动方",
		    SEG_HINT_PARA_START | SEG_HINT_INDENT | SEG_HINT_NEWCOL,
		    true },
		{ "案，支持企业购买算力服务，推动产业转型升级。", 0, false },
		{ "无锡推出“算力券”政策，对中小企业购买算力服务给",
		    SEG_HINT_PARA_START | SEG_HINT_INDENT, false },
		{ "予补贴，帮助企业打造自主品牌，推动产业升级。", 0, false },
		{ "东莞企业加快转型 自主品牌出口占比升至38%",
		    SEG_HINT_DISPLAY | SEG_HINT_LARGE | SEG_HINT_REGION_START |
		    SEG_HINT_NEWCOL, true },
		{ "东莞市商务局日前发布数据显示，东莞企业中拥有",
		    SEG_HINT_PARA_START | SEG_HINT_INDENT, true },
		{ "自主品牌的企业数量达到2860家，产业转型升级。", 0, false },
		{ "东莞对企业转型给予支持，帮助企业打造自主品牌，",
		    SEG_HINT_PARA_START | SEG_HINT_INDENT, false },
		{ "推动产业升级，购买服务给予补贴。", 0, false },
	};
	struct edition *ed = read_hinted(h, sizeof h / sizeof h[0]);
	const struct section *s;

	(void)state;
	assert_int_equal(ed->nsections, 1);
	s = ed->sections[0];
	assert_int_equal(s->narticles, 2);
	assert_int_equal(s->articles[0]->nblocks, 2);
	assert_string_equal(s->articles[1]->headlines[0].text,
	    "东莞企业加快转型");
	edition_free(ed);
}

/*
 * A brief's bold title flush with its column over a bold lead-in set
 * like it but indented as a paragraph (本报天津9月12日电（记者…) is a
 * title of its own: the lead-in starts a paragraph and the title is a
 * display line starting a region.
 */
static void
test_bold_title_over_lead(void **state)
{
	static struct sheet sh;
	struct pdf_layout lay;
	size_t t, l;

	(void)state;
	sh.n = 0;
	put_text(&sh, 20, 40, 10, "上一条简讯的正文写满了这一栏宽", 0);
	put_text(&sh, 20, 53, 10, "度。", 0);
	put_text(&sh, 20, 70, 10, "国际海事法律研讨会举行", PDF_GLYPH_BOLD);
	put_text(&sh, 40, 83, 10, "本报天津9月12日电（记者", PDF_GLYPH_BOLD);
	sh.g[sh.n - 1].x1 = 190;	/* justified to the edge */
	put_text(&sh, 20, 96, 10, "孙立群）国际海事法律研讨会", 0);
	put_text(&sh, 20, 109, 10, "日前在天津举行。代表们围绕", 0);
	put_text(&sh, 20, 122, 10, "新规则进行研讨。", 0);
	pdf_geom_layout(sh.g, sh.n, 400, 600, &lay);
	t = find_line(&lay, "国际海事法律研讨会举行");
	l = find_line(&lay, "本报天津9月12日电（记者");
	assert_true(lay.lines[l].flags & PDF_LINE_PARA);
	assert_true(lay.lines[t].flags & PDF_LINE_DISPLAY);
	assert_true(lay.lines[t].flags & PDF_LINE_REGION);
	pdf_layout_free(&lay);
}

/*
 * On a hinted page the lines of one headline group stay together: a
 * main line under its kicker (no region start of its own) is not cut
 * off from it, even when the kicker's words suit another article.
 */
static void
test_hinted_group_whole(void **state)
{
	static const struct hinted h[] = {
		{ "从“单点突破”到“链式发展”", SEG_HINT_DISPLAY |
		    SEG_HINT_LARGE | SEG_HINT_REGION_START, true },
		{ "苏州工业机器人产业规模跨上千亿元台阶", SEG_HINT_DISPLAY |
		    SEG_HINT_LARGE, true },
		{ "苏州市工业和信息化局近日发布数据，去年苏州",
		    SEG_HINT_PARA_START | SEG_HINT_INDENT | SEG_HINT_NEWCOL,
		    true },
		{ "机器人产业规模达到一千零二十亿元。", 0, false },
		{ "工业机器人企业集聚，机器人整机和零部件配套。",
		    SEG_HINT_PARA_START | SEG_HINT_INDENT, false },
		{ "乡村振兴看这里", SEG_HINT_DISPLAY | SEG_HINT_LARGE |
		    SEG_HINT_REGION_START | SEG_HINT_NEWCOL, true },
		{ "信阳茶山春意浓 一片叶子富一方", SEG_HINT_DISPLAY |
		    SEG_HINT_LARGE, true },
		{ "清明前后，信阳茶山从单点突破到链式发展，茶产",
		    SEG_HINT_PARA_START | SEG_HINT_INDENT, true },
		{ "业从“单点突破”走向“链式发展”，链式发展带动", 0,
		    false },
		{ "茶农增收。", 0, false },
	};
	struct edition *ed = read_hinted(h, sizeof h / sizeof h[0]);
	const struct section *s;

	(void)state;
	assert_int_equal(ed->nsections, 1);
	s = ed->sections[0];
	assert_int_equal(s->narticles, 2);
	assert_int_equal(s->articles[0]->nheadlines, 2);
	assert_string_equal(s->articles[0]->headlines[0].text,
	    "从“单点突破”到“链式发展”");
	assert_string_equal(s->articles[1]->headlines[0].text,
	    "乡村振兴看这里");
	edition_free(ed);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_two_columns),
		cmocka_unit_test(test_vertical_headline),
		cmocka_unit_test(test_furniture),
		cmocka_unit_test(test_spaces),
		cmocka_unit_test(test_degenerate),
		cmocka_unit_test(test_photo_boxes),
		cmocka_unit_test(test_stacked_boxes),
		cmocka_unit_test(test_line_roles),
		cmocka_unit_test(test_bold_heads),
		cmocka_unit_test(test_strip_and_foot),
		cmocka_unit_test(test_hinted_credit_runs_on),
		cmocka_unit_test(test_wide_author_line),
		cmocka_unit_test(test_verse_wrap),
		cmocka_unit_test(test_hinted_headline_after_jump),
		cmocka_unit_test(test_label_under_author),
		cmocka_unit_test(test_hinted_label_stays),
		cmocka_unit_test(test_split_marker),
		cmocka_unit_test(test_hinted_large_head_splits),
		cmocka_unit_test(test_bold_title_over_lead),
		cmocka_unit_test(test_hinted_group_whole),
	};

	return cmocka_run_group_tests(tests, test_utf8_locale, NULL);
}
