/*
 * sanitize.h - the one display chokepoint.
 *
 * Every string that reaches the terminal or stdout (article text,
 * headlines, file names in error messages, the status line) passes through
 * sanitize_display().  It guarantees: strict UTF-8 (bad bytes become
 * U+FFFD), no C0/C1 control, DEL or ESC (shown as a visible stand-in), no
 * bidi controls, no characters libc cannot measure.  Loaders also clean text
 * on the way in; this is the second, final line of defence.
 *
 * What becomes what (research: reliability-anchors.md section 1,
 * cjk-layout.md sections 1.5 and 1.6):
 *
 *   invalid UTF-8 byte            U+FFFD, one per bad byte
 *   TAB                           one space
 *   other C0 (NUL, ESC, CR, LF)   its Control Picture U+2400 + c: ␀ ␛ ␍ ␊
 *   DEL                           ␡ U+2421
 *   C1 U+0080-U+009F              U+FFFD (no picture exists; usually a
 *                                 mis-decoded legacy byte anyway)
 *   U+2028, U+2029                ␤ U+2424 (a display string is one line)
 *   bidi controls, ignorables     dropped (U+061C, U+200E/F, U+202A-E,
 *                                 U+2066-9; ZWSP/ZWJ/ZWNJ/WJ, BOM, soft
 *                                 hyphen, variation selectors, emoji
 *                                 keycap, skin tones, tag characters)
 *   wcwidth() == -1, planes 2-3   〓 U+3013 (2 columns: a missing ideograph,
 *                                 e.g. CJK Ext H unknown to this libc)
 *   other wcwidth() == -1         U+FFFD
 *   combining mark at the start,  dropped (ncurses would attach a leading
 *   or the 5th+ on one base       mark to the previous cell; a cell holds 4)
 *
 * Control Pictures were chosen over U+FFFD for C0 and DEL so a reader can
 * tell an escape sequence in the source (␛[2J) from a decoding error (�),
 * and over caret notation ("^[") because that is two columns and reads
 * like text.  All stand-ins are one column wide and none is East Asian
 * Ambiguous, so they never drift (cjk-layout.md 1.7).
 *
 * The output never contains a byte below 0x20, 0x7F, an encoded
 * U+0080-U+009F or a bidi control, and is always valid UTF-8.
 */
#ifndef KANBAO_SANITIZE_H
#define KANBAO_SANITIZE_H

#include <stddef.h>
#include <stdint.h>

/*
 * Return a sanitised copy of s[0..len) (caller frees; never NULL).  The
 * length is given, so a NUL inside the input is shown as ␀, not a cut.
 */
char	*sanitize_display(const char *s, size_t len);

/*
 * sanitize_display() that also says where each input byte went: map (len
 * + 1 entries, or NULL) gets for every byte i the byte offset in the
 * result where the character holding it is shown.  A character dropped
 * shows nothing: its offset is that of whatever follows.  map[len] is the
 * length of the result.  The map never decreases, and the result's bytes
 * [map[i], map[j]) are exactly what the input's characters [i, j) became.
 */
char	*sanitize_display_map(const char *s, size_t len, size_t *map);

/* Same for a NUL-terminated string; NULL gives "".  Caller frees. */
char	*sanitize_str(const char *s);

/*
 * The code point displayed in place of cp (cp itself for ordinary text),
 * or 0 when cp is dropped.  The result always has wcwidth() >= 0 in an
 * UTF-8 locale.  width_cp() is built on this, so widths measured before
 * and after sanitising agree.
 */
uint32_t sanitize_cp(uint32_t cp);

#endif
