/*
 * clip.h - an article as text to take out of kanbao: plain text or
 * Markdown for a file or a command (the reader's s and | keys), and the
 * OSC 52 sequence that puts text on the terminal's clipboard (y).
 *
 * Pure functions of the edition model: no terminal, no files.  Every
 * string is passed through sanitize_str() first, so what kanbao writes to
 * a file, a pipe or the terminal never carries the source's control or
 * escape characters.
 */
#ifndef KANBAO_CLIP_H
#define KANBAO_CLIP_H

#include <stddef.h>

struct article;

/*
 * Bytes of text at most that clip_osc52() encodes: some terminals drop
 * longer sequences whole (xterm's default limit is about 100 kB of
 * base64), and a clipped article is better than none.
 */
#define CLIP_OSC52_MAX	(64 * 1024)

/*
 * The article as plain text: its headline lines, the byline, a blank
 * line, then its paragraphs one per line with blank lines between them;
 * subheads and captions as in --dump (【subhead】, [图] caption).  Ends
 * with a newline.  Caller frees.
 */
char	*clip_text(const struct article *a);

/*
 * The article as Markdown: the main headline as "# ", kicker and
 * subheadline as emphasised lines, the byline in italics, subheads as
 * "## ", captions in italics, paragraphs as they are with Markdown's
 * special characters at a line start escaped.  Caller frees.
 */
char	*clip_markdown(const struct article *a);

/*
 * The OSC 52 sequence that asks the terminal to set its clipboard ("c")
 * to text[0..len): ESC ] 52 ; c ; BASE64 BEL.  At most CLIP_OSC52_MAX
 * bytes are encoded, cut at a UTF-8 character boundary; *cut (may be
 * NULL) says whether text was cut.  Caller frees.
 */
char	*clip_osc52(const char *text, size_t len, int *cut);

/* Base64 (RFC 4648, with padding) of data[0..len).  Caller frees. */
char	*clip_base64(const unsigned char *data, size_t len);

#endif
