/*
 * test_width.c - display widths (width.c) and the display sanitiser
 * (sanitize.c).
 *
 * Widths are libc's wcwidth() in a UTF-8 locale, so every test runs after
 * test_utf8_locale().  The sanitiser is fed every known terminal
 * injection (reliability-anchors.md 1.6) and a stream of generated
 * hostile strings; each output is checked for the bytes that must never
 * reach a terminal.
 */
#include "config.h"

#include "common.h"

#include "../src/buf.h"
#include "../src/sanitize.h"
#include "../src/text.h"
#include "../src/width.h"

#define RANDOM_ROUNDS	4000	/* generated strings per property test */

/* Render bytes as a C-like escaped string for failure messages. */
static void
show(const char *s, size_t len, char *out, size_t outlen)
{
	size_t i, o = 0;

	for (i = 0; i < len && o + 5 < outlen; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c >= 0x20 && c < 0x7F && c != '\\')
			out[o++] = (char)c;
		else
			o += (size_t)snprintf(out + o, outlen - o, "\\x%02x",
			    c);
	}
	out[o] = '\0';
}

/*
 * Fail unless s is safe for a terminal: valid UTF-8, no byte below 0x20,
 * no DEL, no encoded C1 control, no bidi control.
 */
static void
assert_display_safe(const char *s, const char *what)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t len = strlen(s), i, bad;
	char buf[512];

	show(s, len, buf, sizeof buf);
	if (!utf8_valid(s, len, &bad))
		fail_msg("%s: invalid UTF-8 at %zu in \"%s\"", what, bad, buf);
	for (i = 0; i < len; i++) {
		if (u[i] < 0x20 || u[i] == 0x7F)
			fail_msg("%s: control byte 0x%02x at %zu in \"%s\"",
			    what, u[i], i, buf);
		if (u[i] == 0xC2 && i + 1 < len && u[i + 1] >= 0x80 &&
		    u[i + 1] <= 0x9F)
			fail_msg("%s: C1 control at %zu in \"%s\"", what, i,
			    buf);
		if (u[i] == 0xE2 && i + 2 < len && u[i + 1] == 0x80 &&
		    (u[i + 2] == 0xAE || u[i + 2] == 0xAD || u[i + 2] == 0xAA ||
		    u[i + 2] == 0xAB || u[i + 2] == 0xAC || u[i + 2] == 0x8E ||
		    u[i + 2] == 0x8F))
			fail_msg("%s: bidi control at %zu in \"%s\"", what, i,
			    buf);
		if (u[i] == 0xE2 && i + 2 < len && u[i + 1] == 0x81 &&
		    u[i + 2] >= 0xA6 && u[i + 2] <= 0xA9)
			fail_msg("%s: bidi isolate at %zu in \"%s\"", what, i,
			    buf);
		if (u[i] == 0xD8 && i + 1 < len && u[i + 1] == 0x9C)
			fail_msg("%s: ALM at %zu in \"%s\"", what, i, buf);
	}
}

/* width_cp() gives libc's width of what is displayed. */
static void
test_width_cp(void **state)
{
	static const struct {
		uint32_t	cp;
		int		want;
	} v[] = {
		{ 'a', 1 }, { 0x4E2D, 2 },	/* 中 */
		{ 0x201C, 1 },			/* “ is A: narrow in glibc */
		{ 0x2026, 1 },			/* … */
		{ 0x3000, 2 },			/* ideographic space */
		{ 0xFF0C, 2 },			/* ， */
		{ 0x0301, 0 },			/* combining acute */
		{ 0x200B, 0 },			/* ZWSP: dropped */
		{ 0x202E, 0 },			/* RLO: dropped */
		{ 0xFE0F, 0 },			/* VS16: dropped */
		{ 0x1F3FD, 0 },			/* skin tone: dropped */
		{ 0x1B, 1 },			/* ESC: shown as ␛ */
		{ 0x00, 1 },			/* NUL: shown as ␀ */
		{ 0x9B, 1 },			/* C1 CSI: shown as U+FFFD */
		{ 0x7F, 1 },			/* DEL: ␡ */
		{ '\t', 1 },			/* one space */
		{ 0x0378, 1 },			/* unassigned: U+FFFD */
		{ 0x31350, 2 },			/* Ext H, unknown to libc: 〓 */
		{ 0x1F600, 2 },			/* 😀 */
	};
	size_t i;
	int got;

	(void)state;
	for (i = 0; i < sizeof v / sizeof v[0]; i++) {
		got = width_cp(v[i].cp);
		if (got != v[i].want)
			fail_msg("width_cp(U+%04X): expected %d, got %d",
			    (unsigned)v[i].cp, v[i].want, got);
	}
}

/* width_str() sums columns; bad bytes count one each. */
static void
test_width_str(void **state)
{
	static const struct {
		const char	*s;
		size_t		 want;
	} v[] = {
		{ "", 0 },
		{ "abc", 3 },
		{ "中文abc", 7 },
		{ "“引号”测试", 10 },
		{ "……——", 4 },
		{ "\xff\xfe", 2 },
		{ "\x1b[2J", 4 },
		{ "e\xcc\x81", 1 },			/* e + U+0301 */
		{ "a\xe2\x80\xae" "b", 2 },		/* RLO dropped */
		{ "\xef\xbc\xa1\xef\xbc\xa2", 4 },	/* ＡＢ */
	};
	size_t i, got;

	(void)state;
	for (i = 0; i < sizeof v / sizeof v[0]; i++) {
		got = width_str(v[i].s, strlen(v[i].s));
		if (got != v[i].want)
			fail_msg("width_str(\"%s\"): expected %zu, got %zu",
			    v[i].s, v[i].want, got);
	}
}

/* width_fit() never cuts a character and keeps marks with their base. */
static void
test_width_fit(void **state)
{
	static const struct {
		const char	*s;
		size_t		 cols;
		size_t		 want_bytes;
		size_t		 want_used;
	} v[] = {
		{ "中文", 3, 3, 2 },
		{ "中文", 4, 6, 4 },
		{ "中文", 1, 0, 0 },
		{ "中文", 0, 0, 0 },
		{ "ab中", 3, 2, 2 },
		{ "e\xcc\x81x", 1, 3, 1 },	/* the accent stays on e */
		{ "abc", 10, 3, 3 },
	};
	size_t i, n, used;

	(void)state;
	for (i = 0; i < sizeof v / sizeof v[0]; i++) {
		n = width_fit(v[i].s, strlen(v[i].s), v[i].cols, &used);
		if (n != v[i].want_bytes || used != v[i].want_used)
			fail_msg("width_fit(\"%s\", %zu): expected %zu bytes "
			    "%zu cols, got %zu bytes %zu cols", v[i].s,
			    v[i].cols, v[i].want_bytes, v[i].want_used, n,
			    used);
	}
	assert_int_equal(width_fit("abc", 3, 2, NULL), 2);
}

/* width_truncate() ends a cut with … and stays within cols. */
static void
test_width_truncate(void **state)
{
	static const struct {
		const char	*s;
		size_t		 cols;
		const char	*want;
		size_t		 want_used;
	} v[] = {
		{ "abc", 3, "abc", 3 },
		{ "abcd", 3, "ab…", 3 },
		{ "中文字符", 8, "中文字符", 8 },
		{ "中文字符", 7, "中文字…", 7 },
		{ "中文字符", 6, "中文…", 5 },	/* no room for 字 and … */
		{ "中文字符", 1, "…", 1 },
		{ "abc", 0, "", 0 },
		{ "", 5, "", 0 },
	};
	size_t i, used;
	char *got;

	(void)state;
	for (i = 0; i < sizeof v / sizeof v[0]; i++) {
		got = width_truncate(v[i].s, strlen(v[i].s), v[i].cols, &used);
		if (strcmp(got, v[i].want) != 0 || used != v[i].want_used)
			fail_msg("width_truncate(\"%s\", %zu): expected \"%s\" "
			    "(%zu), got \"%s\" (%zu)", v[i].s, v[i].cols,
			    v[i].want, v[i].want_used, got, used);
		free(got);
	}
}

/* width_pad() always gives exactly cols columns. */
static void
test_width_pad(void **state)
{
	static const char *const v[] = {
		"", "a", "中文字符串", "“引号”", "mixed 中文 text", "e\xcc\x81"
	};
	size_t i, cols, got;
	char *p;

	(void)state;
	for (i = 0; i < sizeof v / sizeof v[0]; i++)
		for (cols = 0; cols <= 14; cols++) {
			p = width_pad(v[i], strlen(v[i]), cols);
			got = width_str(p, strlen(p));
			if (got != cols)
				fail_msg("width_pad(\"%s\", %zu): expected %zu "
				    "columns, got %zu (\"%s\")", v[i], cols,
				    cols, got, p);
			free(p);
		}
	p = width_pad("中文", 6, 5);
	assert_string_equal(p, "中文 ");
	free(p);
}

/* width_substitute_ambiguous() maps A punctuation as in cjk-layout.md 1.8. */
static void
test_width_substitute(void **state)
{
	static const struct {
		const char	*in;
		const char	*want;
	} v[] = {
		{ "“引号”", "「引号」" },
		{ "‘单引’", "『单引』" },
		{ "他说……", "他说⋯⋯" },
		{ "好——是", "好－－是" },
		{ "中·文", "中・文" },
		{ "don’t", "don't" },
		{ "a—b", "a--b" },
		{ "a…b", "a...b" },
		{ "say “hi”", "say 「hi」" },
		{ "3∶1", "3:1" },
		{ "20℃", "20⁰C" },
		{ "①⑳⑴⒈⒛", "(1)(20)(1)1.20." },
		{ "Ⅻⅳ", "XIIiv" },
		{ "ⓐⒶ❶", "(a)(A)(1)" },
		{ "┌─┐│", "+-+|" },
		{ "●■○", "⬤*o" },
		{ "※×←", "＊✕￩" },
		{ "plain ASCII, 中文。", "plain ASCII, 中文。" },
		{ "é", "é" },			/* letters are kept */
		{ "\xff“", "\xff「" },		/* bad bytes: sanitize's job */
	};
	size_t i;
	char *got;

	(void)state;
	for (i = 0; i < sizeof v / sizeof v[0]; i++) {
		got = width_substitute_ambiguous(v[i].in, strlen(v[i].in));
		if (strcmp(got, v[i].want) != 0)
			fail_msg("substitute(\"%s\"): expected \"%s\", "
			    "got \"%s\"", v[i].in, v[i].want, got);
		free(got);
	}
}

/* Every stand-in of the substitution table is not itself replaced. */
static void
test_width_substitute_stable(void **state)
{
	static const char *const v[] = {
		"“”‘’……——·‧°℃×÷※←↑→↓●○■□▲△◆◇★☆①⑴⒈Ⅻ┼█∶±№‰′″–‐"
	};
	char *once, *twice;

	(void)state;
	once = width_substitute_ambiguous(v[0], strlen(v[0]));
	twice = width_substitute_ambiguous(once, strlen(once));
	if (strcmp(once, twice) != 0)
		fail_msg("not stable: expected \"%s\", got \"%s\"", once,
		    twice);
	free(once);
	free(twice);
}

/* The tag characters that follow the placeholders of "set quotes keep". */
#define TAG_LS	"\xf3\xa0\x81\x81"	/* U+E0041 after ＇ for ‘ */
#define TAG_RS	"\xf3\xa0\x81\x82"	/* U+E0042 after ＇ for ’ */
#define TAG_LD	"\xf3\xa0\x81\x83"	/* U+E0043 after 〝 for “ */
#define TAG_RD	"\xf3\xa0\x81\x84"	/* U+E0044 after 〞 for ” */

/*
 * "set quotes keep": “” and ‘’ in CJK context become wide placeholders of
 * the same shape, each tagged with the quote it stands for, never corner
 * brackets; between letters they are ASCII as with corner; the rest of
 * the substitutions are the same.
 */
static void
test_width_substitute_keep(void **state)
{
	static const struct {
		const char	*in;
		const char	*keep;
		const char	*corner;
	} v[] = {
		{ "他说“好”。", "他说〝" TAG_LD "好〞" TAG_RD "。",
		    "他说「好」。" },
		{ "‘书’", "＇" TAG_LS "书＇" TAG_RS, "『书』" },
		{ "don’t", "don't", "don't" },
		{ "“好……”", "〝" TAG_LD "好⋯⋯〞" TAG_RD, "「好⋯⋯」" }
	};
	char *got;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof v / sizeof v[0]; i++) {
		got = width_substitute(v[i].in, strlen(v[i].in), false);
		if (strcmp(got, v[i].keep) != 0)
			fail_msg("keep \"%s\": expected \"%s\", got \"%s\"",
			    v[i].in, v[i].keep, got);
		/* Every replacement is wide (W), never ambiguous again. */
		assert_int_equal(width_str(got, strlen(got)),
		    width_str(v[i].keep, strlen(v[i].keep)));
		free(got);
		got = width_substitute(v[i].in, strlen(v[i].in), true);
		if (strcmp(got, v[i].corner) != 0)
			fail_msg("corner \"%s\": expected \"%s\", got \"%s\"",
			    v[i].in, v[i].corner, got);
		free(got);
	}
	/* 〝 is two columns, as a terminal that draws “ wide shows “; its
	   tag none. */
	assert_int_equal(width_str("〝", strlen("〝")), 2);
	assert_int_equal(width_str("〝" TAG_LD, strlen("〝" TAG_LD)), 2);
}

/*
 * Replace every tagged placeholder of s by the quote width_quote_at()
 * says it stands for.  Caller frees.
 */
static char *
unplace(const char *s)
{
	struct buf b = BUF_INIT;
	size_t len = strlen(s), i = 0, n;
	char q[4];
	uint32_t cp;

	while (i < len) {
		if ((cp = width_quote_at(s + i, len - i, &n)) != 0) {
			buf_append(&b, q, utf8_encode(cp, q));
			i += n;
		} else {
			n = utf8_decode(s + i, len - i, &cp);
			buf_append(&b, s + i, n);
			i += n;
		}
	}
	return buf_detach(&b);
}

/*
 * width_quote_at() reads back what "set quotes keep" placed: every quote
 * of CJK context, and nothing else.  A 〝 of the text has no tag, and
 * the sanitiser drops a tag the text brings, so text cannot pose as a
 * placeholder.  The tags stay with their placeholder where a line is cut.
 */
static void
test_width_quote_at(void **state)
{
	static const char *const v[] = {
		"他说“好”。",
		"‘书’和“报”",
		"“‘好’”",
		"“好”吗？“是”",
		"〝原文〞“引号”",
	};
	static const char *const rest[] = {
		"〝", "〞", "＇", "〝" TAG_RD, "＇" TAG_LD, "“", "a"
	};
	char *keep, *back, *clean;
	size_t i, n, used;

	(void)state;
	for (i = 0; i < sizeof v / sizeof v[0]; i++) {
		keep = width_substitute(v[i], strlen(v[i]), false);
		back = unplace(keep);
		if (strcmp(back, v[i]) != 0)
			fail_msg("\"%s\" read back as \"%s\"", v[i], back);
		free(back);
		free(keep);
	}
	assert_int_equal(width_quote_at("〝" TAG_LD "x", 8, &n), 0x201C);
	assert_int_equal(n, 7);
	assert_int_equal(width_quote_at("〞" TAG_RD, 7, NULL), 0x201D);
	assert_int_equal(width_quote_at("＇" TAG_LS, 7, NULL), 0x2018);
	assert_int_equal(width_quote_at("＇" TAG_RS, 7, NULL), 0x2019);
	/* Untagged, wrongly tagged or cut short: not a placeholder. */
	for (i = 0; i < sizeof rest / sizeof rest[0]; i++)
		assert_int_equal(width_quote_at(rest[i], strlen(rest[i]),
		    NULL), 0);
	assert_int_equal(width_quote_at("〝" TAG_LD, 6, NULL), 0);
	clean = sanitize_str("〝" TAG_LD "好");
	assert_string_equal(clean, "〝好");
	assert_int_equal(width_quote_at(clean, strlen(clean), NULL), 0);
	free(clean);
	/* A cut that keeps the placeholder keeps its tag. */
	keep = width_substitute("好“好", strlen("好“好"), false);
	n = width_fit(keep, strlen(keep), 4, &used);
	assert_int_equal(used, 4);
	assert_int_equal(n, strlen("好〝" TAG_LD));
	assert_int_equal(width_quote_at(keep + 3, n - 3, NULL), 0x201C);
	free(keep);
}

/* The known injections come out neutralised, exactly as specified. */
static void
test_sanitize_injections(void **state)
{
	static const struct {
		const char	*name;
		const char	*in;
		size_t		 len;	/* 0: strlen(in) */
		const char	*want;
	} v[] = {
		{ "clear screen", "\x1b[2J", 0, "␛[2J" },
		{ "OSC 52 clipboard", "\x1b]52;c;SGVsbG8=\x07", 0,
		    "␛]52;c;SGVsbG8=␇" },
		{ "OSC 8 hyperlink", "\x1b]8;;http://x\x1b\\t\x1b]8;;\x1b\\", 0,
		    "␛]8;;http://x␛\\t␛]8;;␛\\" },
		{ "DCS", "\x1bPq#0\x1b\\", 0, "␛Pq#0␛\\" },
		{ "kitty APC", "\x1b_Ga=T\x1b\\", 0, "␛_Ga=T␛\\" },
		{ "C1 CSI as UTF-8", "\xc2\x9b" "31m", 0,
		    "\xef\xbf\xbd" "31m" },
		{ "C1 OSC as UTF-8", "\xc2\x9d" "52;c;eA==\x07", 0,
		    "\xef\xbf\xbd" "52;c;eA==␇" },
		{ "C1 NEL DCS ST", "\xc2\x85\xc2\x90\xc2\x9c", 0,
		    "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd" },
		{ "raw 0x9B", "\x9b" "31m", 0, "\xef\xbf\xbd" "31m" },
		{ "RLO", "abc\xe2\x80\xae" "def", 0, "abcdef" },
		{ "isolates, marks, ALM",
		    "a\xe2\x81\xa6" "b\xe2\x81\xa9\xe2\x80\x8e"
		    "\xe2\x80\x8f\xd8\x9c" "c",
		    0, "abc" },
		{ "CR overwrite", "Real\rFAKE", 0, "Real␍FAKE" },
		{ "backspaces", "abc\b\b\bXYZ", 0, "abc␈␈␈XYZ" },
		{ "SO/SI", "\x0e" "x\x0f", 0, "␎x␏" },
		{ "ESC after bad lead", "\xe4\x1b[31m", 0,
		    "\xef\xbf\xbd␛[31m" },
		{ "ESC after 3-byte lead", "\xec\x6f\x1b\x5d", 0,
		    "\xef\xbf\xbdo␛]" },
		{ "overlong ESC", "\xc0\x9b", 0,
		    "\xef\xbf\xbd\xef\xbf\xbd" },
		{ "overlong 3-byte", "\xe0\x80\x9b", 0,
		    "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd" },
		{ "surrogate", "\xed\xa0\x80", 0,
		    "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd" },
		{ "DEL", "a\x7f" "b", 0, "a␡b" },
		{ "NUL inside", "a\0b", 3, "a␀b" },
		{ "tab", "a\tb", 0, "a b" },
		{ "newline", "a\nb\r\n", 0, "a␊b␍␊" },
		{ "line separator", "a\xe2\x80\xa8" "b", 0, "a␤b" },
		{ "ignorables",
		    "\xef\xbb\xbf" "a\xe2\x80\x8b" "b\xc2\xad" "c", 0,
		    "abc" },
		{ "emoji extras", "👍🏽1️⃣", 0, "👍1" },
		{ "leading mark", "\xcc\x81" "a", 0, "a" },
		{ "too many marks",
		    "a\xcc\x81\xcc\x81\xcc\x81\xcc\x81\xcc\x81", 0,
		    "a\xcc\x81\xcc\x81\xcc\x81\xcc\x81" },
		{ "unassigned", "\xcd\xb8", 0, "\xef\xbf\xbd" },
		{ "unknown ideograph", "\xf0\xb1\x8d\x90", 0, "〓" },
		{ "plain text", "中文 text，“引号”。", 0,
		    "中文 text，“引号”。" },
	};
	size_t i, len;
	char *got, a[256], b[256];

	(void)state;
	for (i = 0; i < sizeof v / sizeof v[0]; i++) {
		len = v[i].len != 0 ? v[i].len : strlen(v[i].in);
		got = sanitize_display(v[i].in, len);
		if (strcmp(got, v[i].want) != 0) {
			show(v[i].want, strlen(v[i].want), a, sizeof a);
			show(got, strlen(got), b, sizeof b);
			fail_msg("%s: expected \"%s\", got \"%s\"", v[i].name,
			    a, b);
		}
		assert_display_safe(got, v[i].name);
		free(got);
	}
}

/* sanitize_str() accepts NULL and stops at the NUL. */
static void
test_sanitize_str(void **state)
{
	char *s;

	(void)state;
	s = sanitize_str(NULL);
	assert_string_equal(s, "");
	free(s);
	s = sanitize_str("a\x1b" "b");
	assert_string_equal(s, "a␛b");
	free(s);
	s = sanitize_display("", 0);
	assert_string_equal(s, "");
	free(s);
}

/*
 * Hostile generated strings: the output is always safe, sanitising twice
 * changes nothing, and the width is the same before and after (so layout
 * may measure raw or sanitised text alike).
 */
static void
test_sanitize_random(void **state)
{
	static const char *const frag[] = {
		"\x1b", "[", "]", "\x07", "\xc2\x9b", "\xc2\x9d", "\xc2",
		"\x9b",
		"\xe2\x80\xae", "\xe2\x81\xa6", "\xe4", "\xec", "\xf0\x9f",
		"\xed\xa0\x80", "\xc0\xaf", "\r", "\n", "\t", "\x7f", "\0",
		"中", "，", "“", "a", "1", " ", "\xcc\x81", "\xef\xb8\x8f",
		"\xe2\x80\x8b", "\xf0\x9f\x91\x8d", "\xf4\x90\x80\x80", "\xff"
	};
	uint64_t seed = 0x5eed5a17c0ffee11ULL;
	char in[128], *once, *twice, buf[600];
	size_t r, len, k, n, wi, wo;

	(void)state;
	for (r = 0; r < RANDOM_ROUNDS; r++) {
		len = 0;
		n = rnd(&seed) % 24;
		for (k = 0; k < n; k++) {
			const char *f = frag[rnd(&seed) %
			    (sizeof frag / sizeof frag[0])];
			size_t fl = f[0] == '\0' ? 1 : strlen(f);

			if (rnd(&seed) % 8 == 0) {	/* sometimes any byte */
				in[len++] = (char)(rnd(&seed) & 0xFF);
				continue;
			}
			memcpy(in + len, f, fl);
			len += fl;
		}
		once = sanitize_display(in, len);
		assert_display_safe(once, "random");
		twice = sanitize_display(once, strlen(once));
		show(in, len, buf, sizeof buf);
		if (strcmp(once, twice) != 0)
			fail_msg("not idempotent for \"%s\"", buf);
		wi = width_str(in, len);
		wo = width_str(once, strlen(once));
		if (wi != wo)
			fail_msg("width of \"%s\": expected %zu after "
			    "sanitising, got %zu", buf, wi, wo);
		free(once);
		free(twice);
	}
}

/* Run the width and sanitiser tests in a UTF-8 locale. */
int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_width_cp),
		cmocka_unit_test(test_width_str),
		cmocka_unit_test(test_width_fit),
		cmocka_unit_test(test_width_truncate),
		cmocka_unit_test(test_width_pad),
		cmocka_unit_test(test_width_substitute),
		cmocka_unit_test(test_width_substitute_stable),
		cmocka_unit_test(test_width_substitute_keep),
		cmocka_unit_test(test_width_quote_at),
		cmocka_unit_test(test_sanitize_injections),
		cmocka_unit_test(test_sanitize_str),
		cmocka_unit_test(test_sanitize_random),
	};

	return cmocka_run_group_tests(tests, test_utf8_locale, NULL);
}
