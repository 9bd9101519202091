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

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_two_columns),
		cmocka_unit_test(test_vertical_headline),
		cmocka_unit_test(test_furniture),
		cmocka_unit_test(test_spaces),
		cmocka_unit_test(test_degenerate),
	};

	return cmocka_run_group_tests(tests, test_utf8_locale, NULL);
}
