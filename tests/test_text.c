/*
 * test_text.c - UTF-8 decoding/encoding, the growable buffer, the arena,
 * growing large arrays and the character classes shared by the loaders and
 * the line breaker.
 */
#include "config.h"

#include "common.h"

#include "arena.h"
#include "buf.h"
#include "text.h"
#include "xalloc.h"

/* A decode vector: input bytes, expected code point and length. */
struct decode_case {
	const char	*name;
	const char	*bytes;
	size_t		 len;
	uint32_t	 cp;
	size_t		 used;
};

static const struct decode_case decode_cases[] = {
	{ "ascii",		"A",			1, 0x41,   1 },
	{ "two bytes",		"\xC3\xA9",		2, 0xE9,   2 },
	{ "han",		"\xE4\xB8\xAD",		3, 0x4E2D, 3 },
	{ "astral",		"\xF0\xA0\x80\x80",	4, 0x20000, 4 },
	{ "overlong slash",	"\xC0\xAF",		2, 0xFFFD, 1 },
	{ "overlong 3",		"\xE0\x80\xAF",		3, 0xFFFD, 1 },
	{ "surrogate",		"\xED\xA0\x80",		3, 0xFFFD, 1 },
	{ "above max",		"\xF4\x90\x80\x80",	4, 0xFFFD, 1 },
	{ "lone continuation",	"\x80",			1, 0xFFFD, 1 },
	{ "truncated han",	"\xE4\xB8",		2, 0xFFFD, 1 },
	{ "ESC behind lead",	"\xE4\x1B[",		3, 0xFFFD, 1 },
	{ "F5 lead",		"\xF5\x80\x80\x80",	4, 0xFFFD, 1 },
};

/* Every decode vector gives the expected code point and length. */
static void
test_decode_vectors(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof decode_cases / sizeof decode_cases[0]; i++) {
		const struct decode_case *c = &decode_cases[i];
		uint32_t cp = 0;
		size_t used = utf8_decode(c->bytes, c->len, &cp);

		if (cp != c->cp || used != c->used)
			fail_msg("%s: expected U+%04X/%zu, got U+%04X/%zu",
			    c->name, c->cp, c->used, cp, used);
	}
}

/* The inline fast decoder agrees with utf8_decode on vectors and noise. */
static void
test_decode_fast(void **state)
{
	unsigned char buf[4];
	uint64_t x = 0x9e3779b97f4a7c15ULL;
	uint32_t a, b;
	size_t i, k, na, nb;

	(void)state;
	for (i = 0; i < sizeof decode_cases / sizeof decode_cases[0]; i++) {
		const struct decode_case *c = &decode_cases[i];

		na = utf8_decode(c->bytes, c->len, &a);
		nb = utf8_decode_fast(c->bytes, c->len, &b);
		if (na != nb || a != b)
			fail_msg("%s: fast U+%04X/%zu, slow U+%04X/%zu",
			    c->name, b, nb, a, na);
	}
	for (i = 0; i < 200000; i++) {
		for (k = 0; k < 4; k++) {
			x ^= x << 13;
			x ^= x >> 7;
			x ^= x << 17;
			buf[k] = (unsigned char)x;
		}
		/* Bias towards three-byte leads, the fast path. */
		if (i % 2 == 0)
			buf[0] = (unsigned char)(0xE0 | (buf[0] & 0x0F));
		k = 1 + i % 4;
		na = utf8_decode((const char *)buf, k, &a);
		nb = utf8_decode_fast((const char *)buf, k, &b);
		if (na != nb || a != b)
			fail_msg("%02x %02x %02x %02x (len %zu): fast U+%04X/%zu, "
			    "slow U+%04X/%zu", buf[0], buf[1], buf[2], buf[3], k,
			    b, nb, a, na);
	}
}

/* Encoding then decoding gives the code point back; invalid ones give FFFD. */
static void
test_encode_roundtrip(void **state)
{
	static const uint32_t cps[] = { 0x24, 0xA2, 0x20AC, 0x4E2D, 0x10348,
	    0x10FFFF, 0x3000 };
	char out[4];
	uint32_t cp;
	size_t i, n;

	(void)state;
	for (i = 0; i < sizeof cps / sizeof cps[0]; i++) {
		n = utf8_encode(cps[i], out);
		assert_int_equal(utf8_decode(out, n, &cp), n);
		assert_int_equal(cp, cps[i]);
	}
	n = utf8_encode(0xD800, out);
	utf8_decode(out, n, &cp);
	assert_int_equal(cp, 0xFFFD);
	n = utf8_encode(0x110000, out);
	utf8_decode(out, n, &cp);
	assert_int_equal(cp, 0xFFFD);
}

/* utf8_valid finds the offset of the first bad sequence. */
static void
test_valid(void **state)
{
	const char *good = "本报讯（记者 王译博）AI";
	const char bad[] = "ab\xE4\xB8\xADx\xFFyz";
	size_t off = 99;

	(void)state;
	assert_true(utf8_valid(good, strlen(good), NULL));
	assert_true(utf8_valid("", 0, NULL));
	assert_false(utf8_valid(bad, sizeof bad - 1, &off));
	assert_int_equal(off, 6);
	/* An encoded U+FFFD is valid text, not an error. */
	assert_true(utf8_valid("\xEF\xBF\xBD", 3, NULL));
}

/* utf8_valid's shortcut for 3-byte sequences says what the strict
   decoder says, for every lead byte E0-EF and any two bytes after it,
   whole or cut short. */
static void
test_valid_three(void **state)
{
	unsigned char b[4];
	unsigned lead, b1, b2;
	uint32_t cp;
	bool strict;

	(void)state;
	for (lead = 0xE0; lead <= 0xEF; lead++)
		for (b1 = 0; b1 < 256; b1++) {
			b[0] = (unsigned char)lead;
			b[1] = (unsigned char)b1;
			assert_false(utf8_valid((char *)b, 2, NULL));
			for (b2 = 0; b2 < 256; b2++) {
				b[2] = (unsigned char)b2;
				b[3] = 'x';
				strict = utf8_decode((char *)b, 3, &cp) == 3;
				if (utf8_valid((char *)b, 4, NULL) != strict)
					fail_msg("%02X %02X %02X: valid %d, "
					    "strict decoder %d", lead, b1, b2,
					    !strict, strict);
			}
		}
}

/* Counting, stepping back, first and last code points. */
static void
test_count_prev(void **state)
{
	const char *s = "a中文b";

	(void)state;
	assert_int_equal(utf8_count(s, strlen(s)), 4);
	assert_int_equal(utf8_prev(s, strlen(s)), 7);
	assert_int_equal(utf8_prev(s, 7), 4);
	assert_int_equal(utf8_prev(s, 4), 1);
	assert_int_equal(utf8_last(s, 7), 0x6587);
	assert_int_equal(utf8_first(s + 1, 6), 0x4E2D);
	assert_int_equal(utf8_last("", 0), 0);
}

/* The character classes answer as newspaper text needs. */
static void
test_classes(void **state)
{
	(void)state;
	assert_true(text_is_han(0x4E2D));		/* 中 */
	assert_true(text_is_han(0x2F45));		/* ⽅ Kangxi radical */
	assert_false(text_is_han(0x3002));		/* 。 */
	assert_true(text_is_cjk_punct(0x3002));		/* 。 */
	assert_true(text_is_cjk_punct(0xFF0C));		/* ， */
	assert_true(text_is_cjk_punct(0x201C));		/* “ */
	assert_false(text_is_cjk_punct(0xFF21));	/* Ａ is a letter */
	assert_true(text_is_alnum(0xFF21));
	assert_true(text_is_alnum('7'));
	assert_false(text_is_alnum(0x4E2D));
	assert_true(text_is_space(0x3000));
	assert_true(text_is_sentence_end(0x3002));
	assert_false(text_is_sentence_end(0xFF0C));
	assert_true(text_is_closing(0x201D));
	assert_true(text_is_opening(0xFF08));
	assert_true(text_is_control(0x1B));
	assert_true(text_is_control(0x9B));
	assert_true(text_is_control(0x202E));
	assert_false(text_is_control(0x4E2D));
	assert_true(text_is_ignorable(0x200B));
	assert_true(text_is_ignorable(0xFE0F));
	assert_true(text_is_kana(0x30AB));
	assert_true(text_is_hangul(0xAC00));
	assert_false(text_is_cjk(0xAC00));
}

/* The buffer grows, formats and hands over its string. */
static void
test_buf(void **state)
{
	struct buf b = BUF_INIT;
	char *s;
	int i;

	(void)state;
	assert_string_equal(buf_str(&b), "");
	for (i = 0; i < 1000; i++)
		buf_puts(&b, "中");
	assert_int_equal(b.len, 3000);
	buf_clear(&b);
	buf_printf(&b, "%d-%s", 42, "x");
	buf_put_cp(&b, 0x3002);
	buf_putc(&b, '!');
	assert_string_equal(buf_str(&b), "42-x。!");
	s = buf_detach(&b);
	assert_string_equal(s, "42-x。!");
	assert_null(b.data);
	free(s);
	buf_free(&b);
}

/* The arena aligns, zeroes, grows arrays and survives huge requests. */
static void
test_arena(void **state)
{
	struct arena *a = arena_new();
	int *ints, *more;
	char *big, *s;
	size_t i;

	(void)state;
	ints = arena_calloc(a, 10, sizeof *ints);
	for (i = 0; i < 10; i++) {
		assert_int_equal(ints[i], 0);
		ints[i] = (int)i;
	}
	more = arena_grow(a, ints, 10, 20, sizeof *ints);
	assert_int_equal(more[9], 9);
	assert_int_equal(more[19], 0);
	big = arena_alloc(a, 1 << 20);		/* larger than a chunk */
	big[(1 << 20) - 1] = 'x';
	s = arena_strndup(a, "新闻xyz", 6);
	assert_string_equal(s, "新闻");
	assert_int_equal((uintptr_t)arena_alloc(a, 3) % sizeof(void *), 0);
	assert_true(arena_used(a) >= (1 << 20));
	arena_free(a);
	arena_free(NULL);
}

/*
 * A large arena (past the size where its chunks become huge-page blocks)
 * keeps every string whole and still zeroes what arena_alloc() returns
 * after strings that filled their memory.
 */
static void
test_arena_large(void **state)
{
	struct arena *a = arena_new();
	char **s, text[200];
	size_t i, n = 200000, *z;

	(void)state;
	s = xcalloc(n, sizeof *s);
	memset(text, 'k', sizeof text);
	for (i = 0; i < n; i++) {
		/* Lengths vary, so strings end at every alignment. */
		s[i] = arena_strndup(a, text, 1 + i % (sizeof text - 1));
		if (i % 1000 == 0) {
			z = arena_calloc(a, 8, sizeof *z);
			assert_int_equal(z[0] | z[7], 0);
			z[0] = z[7] = SIZE_MAX;
		}
	}
	assert_true(arena_used(a) > (size_t)(16 << 20));
	for (i = 0; i < n; i++) {
		assert_int_equal(strlen(s[i]), 1 + i % (sizeof text - 1));
		assert_int_equal(s[i][0], 'k');
	}
	free(s);
	arena_free(a);
}

/* Growing an array keeps its elements, in small and in large blocks. */
static void
test_growarray(void **state)
{
	uint32_t *v = NULL;
	size_t cap = 0, n, i;

	(void)state;
	for (n = 0; n < (size_t)(3 << 20); n++) {
		if (n == cap) {
			cap = cap == 0 ? 16 : cap * 2;
			v = xgrowarray(v, n, cap, sizeof *v);
		}
		v[n] = (uint32_t)(n * 2654435761u);
	}
	for (i = 0; i < n; i++)
		if (v[i] != (uint32_t)(i * 2654435761u))
			break;
	assert_int_equal(i, n);
	free(v);
	v = xmalloc_large((size_t)5 << 20);
	v[0] = 1;
	v[((size_t)5 << 20) / sizeof *v - 1] = 2;
	xalloc_advise_large(v, (size_t)5 << 20);
	xalloc_advise_large(NULL, 0);
	assert_int_equal(v[0] + v[((size_t)5 << 20) / sizeof *v - 1], 3);
	free(v);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_decode_vectors),
		cmocka_unit_test(test_decode_fast),
		cmocka_unit_test(test_encode_roundtrip),
		cmocka_unit_test(test_valid),
		cmocka_unit_test(test_valid_three),
		cmocka_unit_test(test_count_prev),
		cmocka_unit_test(test_classes),
		cmocka_unit_test(test_buf),
		cmocka_unit_test(test_arena),
		cmocka_unit_test(test_arena_large),
		cmocka_unit_test(test_growarray),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
