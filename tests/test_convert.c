/*
 * test_convert.c - unit tests for Simplified/Traditional conversion
 * (convert.c).  Skipped, and said so, when kanbao was built without
 * OpenCC; the build without it is checked to return the text unchanged.
 * The .c is included to reach the character-by-character fallback.
 */
#include "config.h"

#include "common.h"

#include "../src/convert.c"
#include "buf.h"

/* Convert s to script to; fails when OpenCC is missing.  Caller frees. */
static char *
conv(enum convert_script to, const char *s)
{
	char *cause = NULL, *out;
	struct convert *c = convert_open(to, &cause);
	size_t len;

	if (c == NULL)
		fail_msg("convert_open: %s", cause);
	out = convert_text(c, s, strlen(s), &len);
	assert_int_equal(len, strlen(out));
	/* The promise of convert.h: as many code points as the input. */
	assert_int_equal(utf8_count(out, len), utf8_count(s, strlen(s)));
	convert_close(c);
	return out;
}

/* Skip a case when OpenCC is not built in (after checking the message). */
static int
need_opencc(void **state)
{
	char *cause = NULL;
	struct convert *c;

	(void)state;
	if (convert_supported())
		return 0;
	c = convert_open(CONVERT_SIMPLIFIED, &cause);
	assert_null(c);
	assert_non_null(strstr(cause, "without OpenCC"));
	free(cause);
	return 0;
}

/* Traditional to Simplified, by characters and phrases. */
static void
test_simplified(void **state)
{
	static const struct {
		const char	*in;
		const char	*out;
	} cases[] = {
		{ "數字化", "数字化" },
		{ "這裡是臺灣的報紙。", "这里是台湾的报纸。" },
		{ "已是简体", "已是简体" },
		{ "ASCII 123, “quotes”", "ASCII 123, “quotes”" },
		{ "", "" },
		{ "兩行\n文字", "两行\n文字" }
	};
	size_t i;
	char *out;

	(void)state;
	if (!convert_supported())
		skip();
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		out = conv(CONVERT_SIMPLIFIED, cases[i].in);
		if (strcmp(out, cases[i].out) != 0)
			fail_msg("'%s': expected '%s', got '%s'", cases[i].in,
			    cases[i].out, out);
		free(out);
	}
}

/* Simplified to Traditional. */
static void
test_traditional(void **state)
{
	char *out;

	(void)state;
	if (!convert_supported())
		skip();
	out = conv(CONVERT_TRADITIONAL, "数字化改革，发展经济");
	assert_string_equal(out, "數字化改革，發展經濟");
	free(out);
}

/* A long mixed text keeps its code point count (phrases or fallback). */
static void
test_length_kept(void **state)
{
	const char *text = "自疫情防控开始以来，各社区每天不间断对辖区公共区域"
	    "进行消杀。\n第二行：意大利、乾隆、头发与发展，皇后与后来。\n";
	char *s, *t;

	(void)state;
	if (!convert_supported())
		skip();
	t = conv(CONVERT_TRADITIONAL, text);
	s = conv(CONVERT_SIMPLIFIED, t);
	assert_int_equal(utf8_count(s, strlen(s)), utf8_count(text,
	    strlen(text)));
	free(s);
	free(t);
}

/* The fallback converts each character alone, never by phrase. */
static void
test_by_char(void **state)
{
#ifdef HAVE_OPENCC
	struct buf out = BUF_INIT;
	char *cause = NULL;
	struct convert *c = convert_open(CONVERT_SIMPLIFIED, &cause);

	(void)state;
	assert_non_null(c);
	convert_by_char(c, "數字化 x", strlen("數字化 x"), &out);
	assert_string_equal(buf_str(&out), "数字化 x");
	buf_clear(&out);
	convert_by_char(c, "", 0, &out);
	assert_string_equal(buf_str(&out), "");
	buf_free(&out);
	convert_close(c);
#else
	(void)state;
	skip();
#endif
}

/* A NULL converter returns the text as it is. */
static void
test_null(void **state)
{
	char *out;
	size_t len;

	(void)state;
	out = convert_text(NULL, "數字化", strlen("數字化"), &len);
	assert_string_equal(out, "數字化");
	assert_int_equal(len, strlen("數字化"));
	free(out);
	convert_close(NULL);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_simplified),
		cmocka_unit_test(test_traditional),
		cmocka_unit_test(test_length_kept),
		cmocka_unit_test(test_by_char),
		cmocka_unit_test(test_null),
	};

	return cmocka_run_group_tests(tests, need_opencc, NULL);
}
