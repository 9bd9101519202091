/*
 * test_encoding.c - tests for encoding detection and conversion.
 *
 * The fixtures in tests/data/enc are sentences written for kanbao (news
 * prose in simplified and traditional Chinese, Japanese and Korean, long
 * and headline-short), converted with the iconv command line (regen.sh
 * there).  Every decode is checked for valid, NUL-terminated UTF-8.  The
 * accuracy test cuts the texts into short windows and prints kanbao's
 * detector next to uchardet alone.  The .c is included to reach the
 * static helpers, as libssh's tests do.
 */
#include "common.h"

#include "../src/encoding.c"

/* Directory of the encoding fixtures. */
#define ENC_DIR TEST_DATA_DIR "/enc/"

/* Read a fixture of tests/data/enc (caller frees). */
static char *
read_fixture(const char *name, size_t *len)
{
	char path[512];

	snprintf(path, sizeof path, "%s%s", ENC_DIR, name);
	return test_read_file(path, len);
}

/* Check the invariants of every decode: valid UTF-8, NUL-terminated. */
static void
check_output(const struct decoded *d)
{
	size_t bad = 0;

	assert_non_null(d->text);
	assert_int_equal(d->text[d->len], '\0');
	if (!utf8_valid(d->text, d->len, &bad))
		fail_msg("output is not valid UTF-8 at byte %zu", bad);
	assert_int_equal(strlen(d->text), d->len);
}

/* Decode and fail with a message on error; checks the output. */
static void
decode_ok(const char *buf, size_t len, const char *force, struct decoded *d)
{
	char *cause = NULL;

	if (encoding_decode(buf, len, force, d, &cause) != 0)
		fail_msg("decode failed: %s", cause);
	check_output(d);
}

/* Compare decoded text with the expected UTF-8, printing both on failure. */
static void
assert_text(const struct decoded *d, const char *want, size_t wantlen,
    const char *what)
{
	if (d->len != wantlen || memcmp(d->text, want, wantlen) != 0) {
		fail_msg("%s: expected %zu bytes \"%.60s\", got %zu bytes "
		    "\"%.60s\"", what, wantlen, want, d->len, d->text);
	}
}

/* The frequency tables are sorted, unique, 3-byte UTF-8 (for bisection). */
static void
test_tables_sorted(void **state)
{
	static const enum lang langs[] = {
		LANG_ZH_HANS, LANG_ZH_HANT, LANG_JA, LANG_KO
	};
	const char *t;
	size_t i, j, n;
	uint32_t cp;

	(void)state;
	for (i = 0; i < sizeof langs / sizeof langs[0]; i++) {
		t = freq_table(langs[i], &n);
		assert_true(n >= 300);
		for (j = 0; j < n; j++) {
			assert_int_equal(utf8_decode(t + 3 * j, 3, &cp), 3);
			assert_true(freq_has(langs[i], cp));
			if (j > 0 && memcmp(t + 3 * (j - 1), t + 3 * j, 3) >= 0)
				fail_msg("table %zu not sorted at %zu", i, j);
		}
	}
	assert_false(freq_has(LANG_KO, 0x4E00));
	assert_true(freq_has(LANG_ANY, 0xAC00));
}

/* User names map to the decoding names; unknown names give NULL. */
static void
test_normalize(void **state)
{
	static const struct {
		const char	*in;
		const char	*want;
	} v[] = {
		{ "utf8", "UTF-8" }, { "UTF-8", "UTF-8" }, { "utf_8", "UTF-8" },
		{ "utf16", "UTF-16" }, { "UTF-16LE", "UTF-16LE" },
		{ "utf-16be", "UTF-16BE" }, { "utf32", "UTF-32" },
		{ "utf-32le", "UTF-32LE" }, { "gb2312", "GB18030" },
		{ "GBK", "GB18030" }, { "gb18030", "GB18030" },
		{ "cp936", "GB18030" }, { "EUC-CN", "GB18030" },
		{ "big5", "BIG5-HKSCS" }, { "Big5-HKSCS", "BIG5-HKSCS" },
		{ "cp950", "BIG5-HKSCS" }, { "Shift_JIS", "CP932" },
		{ "sjis", "CP932" }, { "MS932", "CP932" }, { "cp932", "CP932" },
		{ "euc-jp", "EUC-JP" }, { "EUC-KR", "UHC" }, { "cp949", "UHC" },
		{ "uhc", "UHC" }, { "latin1", "WINDOWS-1252" },
		{ "ISO-8859-1", "WINDOWS-1252" },
		{ "windows-1252", "WINDOWS-1252" },
		{ "iso-2022-jp", "ISO-2022-JP" },
		{ "klingon", NULL }, { "", NULL }, { "HZ-GB-2312", NULL },
		{ "utf-8-but-a-very-long-name-that-overflows", NULL },
	};
	const char *got;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof v / sizeof v[0]; i++) {
		got = encoding_normalize(v[i].in);
		if ((got == NULL) != (v[i].want == NULL) ||
		    (got != NULL && strcmp(got, v[i].want) != 0)) {
			fail_msg("normalize(\"%s\"): expected %s, got %s",
			    v[i].in, v[i].want ? v[i].want : "NULL",
			    got ? got : "NULL");
		}
		/* Every answer is a name iconv can open. */
		if (got != NULL)
			assert_non_null(charset_byname(got));
	}
	assert_non_null(strstr(encoding_names(), "gb18030"));
	assert_null(encoding_normalize(NULL));
}

/* The fixtures: each file, what it is, and the UTF-8 original. */
static const struct {
	const char	*file;
	const char	*want;		/* encoding_detect() */
	const char	*orig;		/* UTF-8 text it must decode to */
	bool		 bom;
} fixtures[] = {
	{ "zh-hans.gb18030", "GB18030", "zh-hans.txt", false },
	{ "zh-hans.gbk", "GB18030", "zh-hans.txt", false },
	{ "zh-hans-short.gb18030", "GB18030", "zh-hans-short.txt", false },
	{ "zh-hans-short.gbk", "GB18030", "zh-hans-short.txt", false },
	{ "zh-hant.big5", "BIG5-HKSCS", "zh-hant.txt", false },
	{ "zh-hant.big5hkscs", "BIG5-HKSCS", "zh-hant.txt", false },
	{ "zh-hant-short.big5", "BIG5-HKSCS", "zh-hant-short.txt", false },
	{ "zh-hant-short.big5hkscs", "BIG5-HKSCS", "zh-hant-short.txt",
	  false },
	{ "ja.sjis", "CP932", "ja.txt", false },
	{ "ja.cp932", "CP932", "ja.txt", false },
	{ "ja.eucjp", "EUC-JP", "ja.txt", false },
	{ "ja.iso2022jp", "ISO-2022-JP", "ja.txt", false },
	{ "ja-short.sjis", "CP932", "ja-short.txt", false },
	{ "ja-short.eucjp", "EUC-JP", "ja-short.txt", false },
	{ "ja-short.iso2022jp", "ISO-2022-JP", "ja-short.txt", false },
	{ "ko.euckr", "UHC", "ko.txt", false },
	{ "ko.cp949", "UHC", "ko.txt", false },
	{ "ko-short.euckr", "UHC", "ko-short.txt", false },
	{ "ko-short.cp949", "UHC", "ko-short.txt", false },
	{ "zh-hans.txt", "UTF-8", "zh-hans.txt", false },
	{ "zh-hans.utf8-bom", "UTF-8", "zh-hans.txt", true },
	{ "zh-hans.utf16le", "UTF-16LE", "zh-hans.txt", false },
	{ "zh-hans.utf16be", "UTF-16BE", "zh-hans.txt", false },
	{ "zh-hans.utf16le-bom", "UTF-16LE", "zh-hans.txt", true },
	{ "zh-hans.utf16be-bom", "UTF-16BE", "zh-hans.txt", true },
	{ "zh-hans.utf32le-bom", "UTF-32LE", "zh-hans.txt", true },
	{ "zh-hans.utf32be-bom", "UTF-32BE", "zh-hans.txt", true },
	{ "ja.utf16le", "UTF-16LE", "ja.txt", false },
	{ "ko.utf16be", "UTF-16BE", "ko.txt", false },
	{ "decl-gb2312.xml", "GB18030", NULL, false },
	{ "decl-sjis.xml", "CP932", NULL, false },
	{ "decl-big5.html", "BIG5-HKSCS", NULL, false },
	{ "decl-euckr.html", "UHC", NULL, false },
	{ "decl-lie-utf8.html", "UTF-8", NULL, false },
};

/* Every fixture is detected right and decodes to its UTF-8 original. */
static void
test_fixtures(void **state)
{
	struct decoded d;
	char *data, *orig;
	const char *got;
	size_t i, len, olen;

	(void)state;
	for (i = 0; i < sizeof fixtures / sizeof fixtures[0]; i++) {
		data = read_fixture(fixtures[i].file, &len);
		got = encoding_detect(data, len);
		if (strcmp(got, fixtures[i].want) != 0) {
			fail_msg("%s: expected %s, got %s", fixtures[i].file,
			    fixtures[i].want, got);
		}
		decode_ok(data, len, NULL, &d);
		assert_string_equal(d.encoding, fixtures[i].want);
		assert_int_equal(d.ninvalid, 0);
		assert_int_equal(d.had_bom, fixtures[i].bom);
		if (fixtures[i].orig != NULL) {
			orig = read_fixture(fixtures[i].orig, &olen);
			assert_text(&d, orig, olen, fixtures[i].file);
			free(orig);
		}
		encoding_decoded_free(&d);
		free(data);
	}
}

/* Forcing an encoding overrides detection; a matching BOM is stripped. */
static void
test_force(void **state)
{
	static const struct {
		const char	*file;
		const char	*force;
		const char	*want;		/* d.encoding */
		const char	*orig;
	} v[] = {
		{ "zh-hans.gbk", "gbk", "GB18030", "zh-hans.txt" },
		{ "zh-hant.big5", "big5", "BIG5-HKSCS", "zh-hant.txt" },
		{ "ja.sjis", "Shift_JIS", "CP932", "ja.txt" },
		{ "ko.euckr", "euc-kr", "UHC", "ko.txt" },
		{ "zh-hans.utf16be-bom", "utf16", "UTF-16BE", "zh-hans.txt" },
		{ "zh-hans.utf16be", "utf16", "UTF-16BE", "zh-hans.txt" },
		{ "zh-hans.utf16le", "utf-16le", "UTF-16LE", "zh-hans.txt" },
		{ "zh-hans.utf32le-bom", "utf32", "UTF-32LE", "zh-hans.txt" },
		{ "zh-hans.utf8-bom", "utf8", "UTF-8", "zh-hans.txt" },
	};
	struct decoded d;
	char *data, *orig;
	size_t i, len, olen;

	(void)state;
	for (i = 0; i < sizeof v / sizeof v[0]; i++) {
		data = read_fixture(v[i].file, &len);
		decode_ok(data, len, v[i].force, &d);
		assert_string_equal(d.encoding, v[i].want);
		assert_int_equal(d.ninvalid, 0);
		orig = read_fixture(v[i].orig, &olen);
		assert_text(&d, orig, olen, v[i].file);
		free(orig);
		encoding_decoded_free(&d);
		free(data);
	}
}

/* Byte vectors: forced (or detected) decodes, with the errors counted. */
static void
test_vectors(void **state)
{
	static const struct {
		const char	*what;
		const char	*in;
		size_t		 inlen;
		const char	*force;
		const char	*want;
		size_t		 ninvalid;
		size_t		 first;
	} v[] = {
		{ "utf-8 bad byte", "ab\xff" "cd", 5, "utf8",
		  "ab\xef\xbf\xbd" "cd", 1, 2 },
		{ "utf-8 cut at end", "\xe4\xb8\xad\xe6\x96", 5, "utf8",
		  "\xe4\xb8\xad\xef\xbf\xbd", 1, 3 },
		{ "utf-8 cut before ASCII", "\xe4\xb8" "a", 3, "utf8",
		  "\xef\xbf\xbd" "a", 1, 0 },
		{ "utf-8 overlong", "\xc0\xaf", 2, "utf8",
		  "\xef\xbf\xbd\xef\xbf\xbd", 2, 0 },
		{ "utf-8 surrogate", "x\xed\xa0\x80", 4, "utf8",
		  "x\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd", 3, 1 },
		{ "utf-8 BOM only", "\xef\xbb\xbf", 3, NULL, "", 0, 0 },
		{ "gb18030 bad lead", "\xd6\xd0\x80\xce\xc4", 5, "gb18030",
		  "\xe4\xb8\xad\xef\xbf\xbd\xe6\x96\x87", 1, 2 },
		{ "gb18030 cut at end", "\xd6\xd0\xce", 3, "gbk",
		  "\xe4\xb8\xad\xef\xbf\xbd", 1, 2 },
		{ "gb18030 ASCII trail kept", "\x81<p>", 4, "gb18030",
		  "\xef\xbf\xbd<p>", 1, 0 },
		{ "big5 bad trail", "\xa4\xa4\xa4\xff\xa4\xe5", 6, "big5",
		  "\xe4\xb8\xad\xef\xbf\xbd\xe6\x96\x87", 1, 2 },
		{ "sjis bad lead", "\x93\xfa\xfd\x96\x7b", 5, "sjis",
		  "\xe6\x97\xa5\xef\xbf\xbd\xe6\x9c\xac", 1, 2 },
		{ "euc-kr 0x9B before ASCII", "\xc7\xd1\x9b[2J", 6, "euc-kr",
		  "\xed\x95\x9c\xef\xbf\xbd[2J", 1, 2 },
		{ "euc-jp C1 is replaced", "\xc6\xfc\x9b[2J", 6, "euc-jp",
		  "\xe6\x97\xa5\xef\xbf\xbd[2J", 1, 2 },
		{ "utf-16le odd byte", "A\0B\0C", 5, "utf-16le",
		  "AB\xef\xbf\xbd", 1, 4 },
		{ "utf-16le lone surrogate", "A\0\x00\xd8" "B\0", 6,
		  "utf-16le", "A\xef\xbf\xbd" "B", 1, 2 },
		{ "utf-16be NUL char", "\0A\0\0\0B", 6, "utf-16be",
		  "A\xef\xbf\xbd" "B", 1, 2 },
		{ "windows-1252", "caf\xe9 \x80", 6, "latin1",
		  "caf\xc3\xa9 \xe2\x82\xac", 0, 0 },
		{ "windows-1252 hole", "a\x81" "b", 3, "windows-1252",
		  "a\xef\xbf\xbd" "b", 1, 1 },
		{ "empty", "", 0, NULL, "", 0, 0 },
		{ "empty forced", "", 0, "gbk", "", 0, 0 },
		{ "ASCII", "plain text\n", 11, NULL, "plain text\n", 0, 0 },
	};
	struct decoded d;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof v / sizeof v[0]; i++) {
		decode_ok(v[i].in, v[i].inlen, v[i].force, &d);
		assert_text(&d, v[i].want, strlen(v[i].want), v[i].what);
		if (d.ninvalid != v[i].ninvalid ||
		    (d.ninvalid > 0 && d.first_invalid != v[i].first)) {
			fail_msg("%s: expected %zu invalid first at %zu, "
			    "got %zu first at %zu", v[i].what, v[i].ninvalid,
			    v[i].first, d.ninvalid, d.first_invalid);
		}
		encoding_decoded_free(&d);
	}
}

/* Length of the character at p under a legacy encoding (for windows). */
static size_t
char_len(const char *cut, const unsigned char *p, size_t left)
{
	uint32_t cp;

	if (p[0] < 0x80)
		return 1;
	if (strcmp(cut, "UTF-8") == 0)
		return utf8_decode((const char *)p, left, &cp);
	if (strcmp(cut, "GB18030") == 0)
		return left >= 2 && p[1] >= 0x30 && p[1] <= 0x39 ? 4 : 2;
	if (strcmp(cut, "CP932") == 0)
		return p[0] >= 0xA1 && p[0] <= 0xDF ? 1 : 2;
	if (strcmp(cut, "EUC-JP") == 0)
		return p[0] == 0x8F ? 3 : 2;
	return 2;
}

/* Invalid bytes in the middle of a real text: counted, first offset exact. */
static void
test_invalid_middle(void **state)
{
	struct decoded d;
	char *data, *orig;
	size_t len, olen, at;

	(void)state;
	data = read_fixture("zh-hans.gb18030", &len);
	orig = read_fixture("zh-hans.txt", &olen);
	/* Find a lead byte past the middle and break it, then another. */
	for (at = 0; at < len / 2 || (unsigned char)data[at] < 0x80; )
		at += char_len("GB18030", (unsigned char *)data + at, len - at);
	data[at] = (char)0xFF;
	data[at + 10] = (char)0x80;
	decode_ok(data, len, NULL, &d);
	assert_string_equal(d.encoding, "GB18030");
	if (d.ninvalid < 2 || d.ninvalid > 3 || d.first_invalid != at)
		fail_msg("expected 2-3 invalid first at %zu, got %zu at %zu",
		    at, d.ninvalid, d.first_invalid);
	/* The text after the damage is intact. */
	assert_non_null(strstr(d.text, "天气方面"));
	encoding_decoded_free(&d);

	/* The same in UTF-8 (a character becomes "a\xFFb"): still UTF-8. */
	for (at = olen / 2; (unsigned char)orig[at] < 0xE0; at++)
		;
	memcpy(orig + at, "a\xff" "b", 3);
	decode_ok(orig, olen, NULL, &d);
	assert_string_equal(d.encoding, "UTF-8");
	assert_int_equal(d.ninvalid, 1);
	assert_int_equal(d.first_invalid, at + 1);
	encoding_decoded_free(&d);
	free(orig);
	free(data);
}

/* The EUC-KR 0x9B trap: no candidate that yields C1 wins, no C1 comes out. */
static void
test_c1_trap(void **state)
{
	struct decoded d;
	struct buf b = BUF_INIT;
	char *data;
	size_t len, i;

	(void)state;
	data = read_fixture("ko.euckr", &len);
	buf_append(&b, data, len / 2);
	buf_append(&b, "\x9b" "2J\x9b" "31m", 7);
	buf_append(&b, data + len / 2, len - len / 2);
	assert_string_equal(encoding_detect(b.data, b.len), "UHC");
	decode_ok(b.data, b.len, NULL, &d);
	for (i = 0; i + 1 < d.len; i++) {
		if ((unsigned char)d.text[i] == 0xC2 &&
		    (unsigned char)d.text[i + 1] >= 0x80 &&
		    (unsigned char)d.text[i + 1] <= 0x9F)
			fail_msg("C1 control in the output at %zu", i);
	}
	assert_true(d.ninvalid >= 2);
	encoding_decoded_free(&d);
	buf_free(&b);
	free(data);
}

/* A small deterministic generator for random bytes (xorshift). */
static uint32_t
test_rand(uint32_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 17;
	*s ^= *s << 5;
	return *s;
}

/* NUL-containing and random data are binary; detection says so too. */
static void
test_binary(void **state)
{
	static const char withnul[] = "PK\x03\x04\x14\0\0\0\x08\0some.xml";
	char rnd[4096], *cause = NULL;
	struct decoded d;
	uint32_t seed = 2463534242u;
	size_t i;
	int round;

	(void)state;
	assert_int_equal(encoding_decode(withnul, sizeof withnul - 1, NULL,
	    &d, &cause), -1);
	assert_string_equal(cause, "binary file (not text)");
	free(cause);
	assert_string_equal(encoding_detect(withnul, sizeof withnul - 1),
	    ENCODING_BINARY);
	/* Forcing a legacy encoding does not make NULs text. */
	assert_int_equal(encoding_decode(withnul, sizeof withnul - 1, "gbk",
	    &d, &cause), -1);
	free(cause);
	for (round = 0; round < 20; round++) {
		for (i = 0; i < sizeof rnd; i++) {
			rnd[i] = (char)(test_rand(&seed) >> 24);
			/* Odd rounds: no NUL at all, only the mess test. */
			if ((round & 1) && rnd[i] == '\0')
				rnd[i] = 'x';
		}
		cause = NULL;
		if (encoding_decode(rnd, sizeof rnd, NULL, &d, &cause) == 0) {
			fail_msg("round %d: random bytes decoded as %s", round,
			    d.encoding);
		}
		assert_string_equal(cause, "binary file (not text)");
		free(cause);
	}
}

/* UTF-32 without a BOM, both orders, is found by its NUL pattern. */
static void
test_utf32_nobom(void **state)
{
	struct buf le = BUF_INIT, be = BUF_INIT;
	struct decoded d;
	char *utf, u4[4];
	size_t ulen, i, n;
	uint32_t cp;
	int k;

	(void)state;
	utf = read_fixture("ja.txt", &ulen);
	for (i = 0; i < ulen; i += n) {
		n = utf8_decode(utf + i, ulen - i, &cp);
		for (k = 0; k < 4; k++)
			u4[k] = (char)(cp >> (8 * k));
		buf_append(&le, u4, 4);
		for (k = 0; k < 4; k++)
			u4[k] = (char)(cp >> (8 * (3 - k)));
		buf_append(&be, u4, 4);
	}
	assert_string_equal(encoding_detect(le.data, le.len), "UTF-32LE");
	assert_string_equal(encoding_detect(be.data, be.len), "UTF-32BE");
	decode_ok(be.data, be.len, NULL, &d);
	assert_text(&d, utf, ulen, "UTF-32BE");
	encoding_decoded_free(&d);
	buf_free(&le);
	buf_free(&be);
	free(utf);
}

/* Latin-1 text is read as WINDOWS-1252, not forced into a CJK guess. */
static void
test_latin1(void **state)
{
	static const char fr[] = "Le caf\xe9 du march\xe9 a rouvert "
	    "apr\xe8s No\xebl, \x93" "enfin\x94 disent les habitu\xe9s.";
	struct decoded d;

	(void)state;
	assert_string_equal(encoding_detect(fr, sizeof fr - 1),
	    "WINDOWS-1252");
	decode_ok(fr, sizeof fr - 1, NULL, &d);
	assert_non_null(strstr(d.text, "caf\xc3\xa9"));
	assert_non_null(strstr(d.text, "\xe2\x80\x9c" "enfin"));
	encoding_decoded_free(&d);
}

/* Random bytes forced through every encoding: terminates, valid UTF-8. */
static void
test_random_forced(void **state)
{
	char rnd[600], *cause;
	struct decoded d;
	uint32_t seed = 88172645u;
	size_t c, i, len;
	int round, r;

	(void)state;
	for (round = 0; round < 30; round++) {
		len = test_rand(&seed) % sizeof rnd;
		for (i = 0; i < len; i++) {
			rnd[i] = (char)(test_rand(&seed) >> 24);
			/* Half the rounds are high bytes only, like CJK. */
			if ((round & 1) && (unsigned char)rnd[i] < 0x80)
				rnd[i] = (char)(rnd[i] | 0x80);
		}
		for (c = 0; c < NCHARSETS; c++) {
			cause = NULL;
			r = encoding_decode(rnd, len, charsets[c].name, &d,
			    &cause);
			if (r != 0) {
				/* Only NULs outside UTF-16/32 may refuse. */
				assert_non_null(memchr(rnd, 0, len));
				assert_string_equal(cause,
				    "binary file (not text)");
				free(cause);
				continue;
			}
			check_output(&d);
			encoding_decoded_free(&d);
		}
	}
}

/* Forcing an unknown name is an error that lists the accepted names. */
static void
test_unknown_force(void **state)
{
	struct decoded d;
	char *cause = NULL;

	(void)state;
	assert_int_equal(encoding_decode("abc", 3, "klingon\x1b[2J", &d,
	    &cause), -1);
	assert_non_null(strstr(cause, "unknown encoding \"klingon?[2J\""));
	assert_non_null(strstr(cause, "big5"));
	free(cause);
}

/* Characters cut by iconv's chunks decode intact; errors there count once. */
static void
test_chunk_boundary(void **state)
{
	struct buf in = BUF_INIT, want = BUF_INIT;
	struct decoded d;
	char *gb, *utf;
	size_t glen, ulen, k, at;

	(void)state;
	gb = read_fixture("zh-hans.gb18030", &glen);
	utf = read_fixture("zh-hans.txt", &ulen);
	/* An odd ASCII prefix shifts the pairs across chunk boundaries. */
	buf_append(&in, "x", 1);
	buf_append(&want, "x", 1);
	for (k = 0; k < 40; k++) {
		buf_append(&in, gb, glen);
		buf_append(&want, utf, ulen);
	}
	decode_ok(in.data, in.len, NULL, &d);
	assert_string_equal(d.encoding, "GB18030");
	assert_int_equal(d.ninvalid, 0);
	assert_text(&d, want.data, want.len, "40 copies");
	encoding_decoded_free(&d);

	/* A bad byte right at the first chunk boundary. */
	at = tuning.chunk;
	in.data[at] = (char)0xFF;
	decode_ok(in.data, in.len, "gb18030", &d);
	assert_true(d.ninvalid >= 1 && d.ninvalid <= 2);
	assert_true(d.first_invalid == at || d.first_invalid == at - 1);
	encoding_decoded_free(&d);
	buf_free(&in);
	buf_free(&want);
	free(gb);
	free(utf);
}

/* A long file whose head is ASCII is judged by the pieces sampled later. */
static void
test_sample_pieces(void **state)
{
	struct buf in = BUF_INIT;
	struct sample s;
	char *gb;
	size_t glen, k;

	(void)state;
	gb = read_fixture("zh-hans.gb18030", &glen);
	for (k = 0; k < 3000; k++)
		buf_puts(&in, "<p class=\"filler\">ascii markup</p>\n");
	for (k = 0; k < 200; k++)
		buf_append(&in, gb, glen);
	sample_build(&s, in.data, in.len, 0);
	assert_true(s.npiece > 1);
	for (k = 0; k < s.npiece; k++)
		assert_true(s.piece[k].len <= tuning.head);
	assert_string_equal(encoding_detect(in.data, in.len), "GB18030");
	buf_free(&in);
	free(gb);
}

/* Declarations: used when the bytes agree, a hint when they do not. */
static void
test_declarations(void **state)
{
	static const struct {
		const char	*in;
		const char	*want;
	} v[] = {
		{ "<?xml version=\"1.0\" encoding=\"EUC-KR\"?><a/>", "UHC" },
		{ "<?xml version='1.0' encoding='utf-16'?><a>x</a>", "UTF-8" },
		{ "<meta http-equiv=\"content-type\" content=\"text/html; "
		  "charset=shift_jis\">", "CP932" },
		{ "<META CHARSET=GBK>", "GB18030" },
		{ "<meta charset=\"x-unknown\"><p>ok</p>", "UTF-8" },
		{ "<p>\xe4\xb8\xad</p><meta charset=big5>", "UTF-8" },
	};
	char name[64];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof v / sizeof v[0]; i++) {
		if (strcmp(encoding_detect(v[i].in, strlen(v[i].in)),
		    v[i].want) != 0) {
			fail_msg("%s: expected %s, got %s", v[i].in, v[i].want,
			    encoding_detect(v[i].in, strlen(v[i].in)));
		}
	}
	assert_true(decl_find("<meta charset = 'euc-jp' >", 26, name,
	    sizeof name));
	assert_string_equal(name, "euc-jp");
	assert_false(decl_find("<meta charset>", 14, name, sizeof name));
}

/* One cell of the accuracy table. */
struct acc_cell {
	const char	*label;
	const char	*file;
	const char	*truth;		/* our name */
	const char	*cut;		/* how to find character boundaries */
};

/* uchardet alone, its answer mapped to our names ("" when it has none). */
static const char *
uchardet_alone(const char *p, size_t len)
{
	const char *name;
	uchardet_t ud = uchardet_new();

	uchardet_handle_data(ud, p, len);
	uchardet_data_end(ud);
	name = encoding_normalize(uchardet_get_charset(ud));
	uchardet_delete(ud);
	return name != NULL ? name : "";
}

/* Judge one window with each detector; ok[] counts the right answers. */
static void
acc_window(const char *p, size_t len, const char *truth, size_t ok[3])
{
	struct detection d;

	detect(p, len, 0, &d);
	ok[0] += d.cs != NULL && strcmp(d.cs->name, truth) == 0;
	detect(p, len, DETECT_NO_VOTE, &d);
	ok[1] += d.cs != NULL && strcmp(d.cs->name, truth) == 0;
	ok[2] += strcmp(uchardet_alone(p, len), truth) == 0;
}

/*
 * Detection accuracy on windows of 10 to 1000 bytes cut on character
 * boundaries: kanbao (scorer + uchardet vote), the scorer alone, and
 * uchardet alone.  Prints the table; asserts kanbao's floor.
 */
static void
test_accuracy(void **state)
{
	static const struct acc_cell cells[] = {
		{ "GB18030", "zh-hans.gb18030", "GB18030", "GB18030" },
		{ "BIG5", "zh-hant.big5", "BIG5-HKSCS", "BIG5" },
		{ "SHIFT_JIS", "ja.sjis", "CP932", "CP932" },
		{ "EUC-JP", "ja.eucjp", "EUC-JP", "EUC-JP" },
		{ "EUC-KR", "ko.euckr", "UHC", "UHC" },
		{ "UTF-8 zh", "zh-hans.txt", "UTF-8", "UTF-8" },
		{ "UTF-8 ja", "ja.txt", "UTF-8", "UTF-8" },
		{ "UTF-8 ko", "ko.txt", "UTF-8", "UTF-8" },
	};
	static const size_t sizes[] = { 10, 20, 40, 160, 320, 1000 };
	enum { NSIZES = sizeof sizes / sizeof sizes[0] };
	static const char *names[] = { "kanbao", "scorer only", "uchardet" };
	double pct[3][sizeof cells / sizeof cells[0]][NSIZES];
	iconv_t pin[NCHARSETS];
	size_t ok[3], n, c, z, start, end, len, step, k, j;
	const unsigned char *u;
	char *data;
	int det;

	(void)state;
	/*
	 * glibc unloads a gconv module when its last descriptor closes, so
	 * thousands of detections would dlopen the same modules thousands
	 * of times (minutes under valgrind).  Holding one descriptor per
	 * encoding keeps them loaded.
	 */
	for (c = 0; c < NCHARSETS; c++)
		pin[c] = iconv_open("UTF-8", charsets[c].name);
	for (c = 0; c < sizeof cells / sizeof cells[0]; c++) {
		data = read_fixture(cells[c].file, &len);
		u = (const unsigned char *)data;
		for (z = 0; z < NSIZES; z++) {
			ok[0] = ok[1] = ok[2] = n = 0;
			/* Short windows start at every 3rd character. */
			step = sizes[z] < 100 ? 3 : 9;
			for (start = 0; start < len; ) {
				end = start;
				while (end < len && end + char_len(cells[c].cut,
				    u + end, len - end) - start <= sizes[z])
					end += char_len(cells[c].cut, u + end,
					    len - end);
				if (end - start + 8 < sizes[z] && n > 0)
					break;	/* too short: text ran out */
				for (j = start; j < end && u[j] < 0x80; j++)
					;
				if (j < end) {
					n++;
					acc_window(data + start, end - start,
					    cells[c].truth, ok);
				}
				for (k = 0; k < step && start < len; k++)
					start += char_len(cells[c].cut,
					    u + start, len - start);
			}
			for (det = 0; det < 3; det++)
				pct[det][c][z] = n ? 100.0 * ok[det] / n : 0;
		}
		free(data);
	}
	for (c = 0; c < NCHARSETS; c++) {
		if (pin[c] != (iconv_t)-1)
			iconv_close(pin[c]);
	}
	printf("detection accuracy (%% of windows; windows cut on character "
	    "boundaries of tests/data/enc texts)\n");
	for (det = 0; det < 3; det++) {
		printf("%-12s %-10s", names[det], "");
		for (z = 0; z < NSIZES; z++)
			printf(" %5zuB", sizes[z]);
		printf("\n");
		for (c = 0; c < sizeof cells / sizeof cells[0]; c++) {
			printf("%-12s %-10s", "", cells[c].label);
			for (z = 0; z < NSIZES; z++)
				printf(" %5.1f%%", pct[det][c][z]);
			printf("\n");
		}
	}
	for (c = 0; c < sizeof cells / sizeof cells[0]; c++) {
		for (z = 0; z < NSIZES; z++) {
			double floor = sizes[z] <= 10 ? 85.0 :
			    sizes[z] <= 20 ? 90.0 : 97.0;

			if (pct[0][c][z] < floor)
				fail_msg("%s at %zu bytes: expected >= %.0f%%, "
				    "got %.1f%%", cells[c].label, sizes[z],
				    floor, pct[0][c][z]);
		}
	}
}

/* Run the tests. */
int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tables_sorted),
		cmocka_unit_test(test_normalize),
		cmocka_unit_test(test_fixtures),
		cmocka_unit_test(test_force),
		cmocka_unit_test(test_vectors),
		cmocka_unit_test(test_invalid_middle),
		cmocka_unit_test(test_c1_trap),
		cmocka_unit_test(test_binary),
		cmocka_unit_test(test_utf32_nobom),
		cmocka_unit_test(test_latin1),
		cmocka_unit_test(test_random_forced),
		cmocka_unit_test(test_unknown_force),
		cmocka_unit_test(test_chunk_boundary),
		cmocka_unit_test(test_sample_pieces),
		cmocka_unit_test(test_declarations),
		cmocka_unit_test(test_accuracy),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
