/*
 * text.h - UTF-8 decoding and encoding, and the character classes the
 * loaders and the line breaker share.  Pure functions, no locale, no curses.
 */
#ifndef KANBAO_TEXT_H
#define KANBAO_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define TEXT_REPLACEMENT	0xFFFDu	/* U+FFFD, stands in for bad input */

/*
 * Decode one code point from s (len > 0 bytes available).  Strict: overlong
 * forms, surrogates and values above U+10FFFF are invalid.  On invalid input
 * *cp is U+FFFD and 1 is returned, so a caller always makes progress and
 * never skips a following valid byte.  Returns the bytes consumed.
 */
size_t	 utf8_decode(const char *s, size_t len, uint32_t *cp);

/*
 * utf8_decode() with ASCII and the three-byte sequences that cannot be
 * overlong or surrogates (E1-EC, EE-EF leads: all of CJK) decoded inline,
 * for the innermost loops of the loader and the id hash.  Same results as
 * utf8_decode() for every input (len > 0).
 */
static inline size_t
utf8_decode_fast(const char *s, size_t len, uint32_t *cp)
{
	const unsigned char *u = (const unsigned char *)s;

	if (u[0] < 0x80) {
		*cp = u[0];
		return 1;
	}
	if (len >= 3 && u[0] >= 0xE1 && u[0] <= 0xEF && u[0] != 0xED &&
	    (u[1] & 0xC0) == 0x80 && (u[2] & 0xC0) == 0x80) {
		*cp = ((uint32_t)(u[0] & 0x0F) << 12) |
		    ((uint32_t)(u[1] & 0x3F) << 6) | (u[2] & 0x3F);
		return 3;
	}
	return utf8_decode(s, len, cp);
}

/* Encode cp into out (up to 4 bytes).  Invalid cp gives U+FFFD.  Returns bytes. */
size_t	 utf8_encode(uint32_t cp, char out[4]);

/*
 * Check that s[0..len) is strict UTF-8.  On failure, when bad is not NULL,
 * *bad is the byte offset of the first invalid sequence.
 */
bool	 utf8_valid(const char *s, size_t len, size_t *bad);

/* Number of code points in s[0..len) (invalid bytes count one each). */
size_t	 utf8_count(const char *s, size_t len);

/*
 * Byte offset of the code point that starts before offset off (off > 0):
 * steps back over continuation bytes.
 */
size_t	 utf8_prev(const char *s, size_t off);

/* Last code point of s[0..len) (0 when len is 0). */
uint32_t utf8_last(const char *s, size_t len);

/* First code point of s[0..len) (0 when len is 0). */
uint32_t utf8_first(const char *s, size_t len);

/* Han ideograph (CJK Unified, extensions, compatibility). */
bool	 text_is_han(uint32_t cp);

/* Kana (Hiragana, Katakana, half-width Katakana). */
bool	 text_is_kana(uint32_t cp);

/* Hangul syllables and jamo. */
bool	 text_is_hangul(uint32_t cp);

/*
 * CJK punctuation: the CJK Symbols block, full-width forms that are not
 * letters or digits, and the quotes, dashes and ellipses Chinese text uses
 * (“”‘’—…·).
 */
bool	 text_is_cjk_punct(uint32_t cp);

/* Han, kana or CJK punctuation: characters that join without spaces. */
bool	 text_is_cjk(uint32_t cp);

/* ASCII or full-width letter or digit, or a Latin letter with accents. */
bool	 text_is_alnum(uint32_t cp);

/* Space-like: ASCII space, tab, NBSP, U+3000 and the U+2000 spaces. */
bool	 text_is_space(uint32_t cp);

/* Sentence-final punctuation: 。！？…!? and ．/. */
bool	 text_is_sentence_end(uint32_t cp);

/* Closing quote or bracket that may follow a sentence end: ”’」』）》】). */
bool	 text_is_closing(uint32_t cp);

/* Opening quote or bracket: “‘「『（《【(. */
bool	 text_is_opening(uint32_t cp);

/*
 * Characters that must never reach a terminal: C0 and C1 controls, DEL,
 * and bidirectional controls (which can reorder what a reader sees).
 */
bool	 text_is_control(uint32_t cp);

/*
 * Characters dropped before layout: zero-width joiners and spaces, variation
 * selectors, soft hyphen, BOM.  They have no width and confuse column counts.
 */
bool	 text_is_ignorable(uint32_t cp);

#endif
