/*
 * test_json.c - unit tests for the JSON Lines writer (json.c).
 */
#include "config.h"

#include "common.h"

#include "buf.h"
#include "json.h"

/* Members are separated by commas; strings, numbers, booleans, null. */
static void
test_object(void **state)
{
	struct buf b = BUF_INIT;

	(void)state;
	json_begin(&b);
	json_string(&b, "a", "x");
	json_number(&b, "n", 18446744073709551615ULL);
	json_bool(&b, "t", true);
	json_bool(&b, "f", false);
	json_string(&b, "z", NULL);
	json_array_begin(&b, "l");
	json_item(&b, "p");
	json_item(&b, "q");
	json_array_end(&b);
	json_array_begin(&b, "e");
	json_array_end(&b);
	json_end(&b);
	assert_string_equal(buf_str(&b),
	    "{\"a\":\"x\",\"n\":18446744073709551615,"
	    "\"t\":true,\"f\":false,\"z\":null,\"l\":[\"p\",\"q\"],\"e\":[]}");
	buf_free(&b);
}

/* Escaping: quotes and backslashes; control characters never pass. */
static void
test_escape(void **state)
{
	static const struct {
		const char	*in;
		const char	*out;
	} cases[] = {
		{ "", "\"\"" },
		{ "plain 中文", "\"plain 中文\"" },
		{ "say \"hi\"", "\"say \\\"hi\\\"\"" },
		{ "a\\b", "\"a\\\\b\"" },
		/* Sanitised first: ESC becomes its picture, TAB a space. */
		{ "\x1b[2Jx\ty", "\"␛[2Jx y\"" },
		{ "line\nbreak", "\"line␊break\"" },
		/* Invalid UTF-8 becomes U+FFFD, C1 controls too. */
		{ "\xff", "\"\xef\xbf\xbd\"" },
		{ "\xc2\x9b" "1m", "\"\xef\xbf\xbd" "1m\"" }
	};
	struct buf b = BUF_INIT;
	size_t i;
	char want[64];

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		/* As an array item, and as a member. */
		buf_clear(&b);
		json_item(&b, cases[i].in);
		if (strcmp(buf_str(&b), cases[i].out) != 0)
			fail_msg("case %zu: expected %s, got %s", i,
			    cases[i].out, buf_str(&b));
		buf_clear(&b);
		json_begin(&b);
		json_string(&b, "k", cases[i].in);
		json_end(&b);
		snprintf(want, sizeof want, "{\"k\":%s}", cases[i].out);
		assert_string_equal(buf_str(&b), want);
	}
	/* json_quote alone escapes what sanitising would have removed. */
	buf_clear(&b);
	json_quote(&b, "\x01\x1f\x7f");
	assert_string_equal(buf_str(&b), "\"\\u0001\\u001f\\u007f\"");
	buf_free(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_object),
		cmocka_unit_test(test_escape),
	};

	return cmocka_run_group_tests(tests, test_utf8_locale, NULL);
}
