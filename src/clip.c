/*
 * clip.c - an article as plain text or Markdown, and the OSC 52 clipboard
 * sequence (clip.h).
 */
#include "config.h"

#include "clip.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "edition.h"
#include "sanitize.h"
#include "xalloc.h"

/* Append s sanitised, then a newline. */
static void
clip_line(struct buf *b, const char *prefix, const char *s,
    const char *suffix)
{
	char *clean = sanitize_str(s);

	buf_puts(b, prefix);
	buf_puts(b, clean);
	buf_puts(b, suffix);
	buf_putc(b, '\n');
	free(clean);
}

/* The article as plain text. */
char *
clip_text(const struct article *a)
{
	struct buf b = BUF_INIT;
	size_t i;

	for (i = 0; i < a->nheadlines; i++)
		clip_line(&b, a->headlines[i].inferred ? "~ " : "",
		    a->headlines[i].text, "");
	if (a->byline != NULL)
		clip_line(&b, "", a->byline, "");
	for (i = 0; i < a->nblocks; i++) {
		const struct block *bl = &a->blocks[i];

		buf_putc(&b, '\n');
		if (bl->kind == BLOCK_SUBHEAD)
			clip_line(&b, "【", bl->text, "】");
		else if (bl->kind == BLOCK_CAPTION)
			clip_line(&b, "[图] ", bl->text, "");
		else
			clip_line(&b, "", bl->text, "");
	}
	return buf_detach(&b);
}

/*
 * Append s as one Markdown line: sanitised, and a character that would
 * start a heading, list, quote, rule or code block at the line start
 * escaped with a backslash, as would * and _ anywhere (emphasis).
 */
static void
clip_md_line(struct buf *b, const char *prefix, const char *s,
    const char *suffix)
{
	char *clean = sanitize_str(s);
	const char *p;

	buf_puts(b, prefix);
	if (strchr("#>-+=|`0123456789", clean[0]) != NULL && clean[0] != '\0')
		buf_putc(b, '\\');
	for (p = clean; *p != '\0'; p++) {
		if (*p == '*' || *p == '_' || *p == '\\' || *p == '[' ||
		    *p == ']' || *p == '<' || *p == '`')
			buf_putc(b, '\\');
		buf_putc(b, *p);
	}
	buf_puts(b, suffix);
	buf_putc(b, '\n');
	free(clean);
}

/* The article as Markdown. */
char *
clip_markdown(const struct article *a)
{
	struct buf b = BUF_INIT;
	const char *title = article_title(a);
	size_t i;

	/* Kicker and subtitle around the title, as the page prints them. */
	for (i = 0; i < a->nheadlines; i++) {
		const struct headline *h = &a->headlines[i];

		if (h->text == title)
			clip_md_line(&b, "# ", h->text, "");
		else
			clip_md_line(&b, "*", h->text, "*");
		buf_putc(&b, '\n');
	}
	if (a->nheadlines == 0)
		buf_puts(&b, "# (no headline)\n\n");
	if (a->byline != NULL) {
		clip_md_line(&b, "*", a->byline, "*");
		buf_putc(&b, '\n');
	}
	for (i = 0; i < a->nblocks; i++) {
		const struct block *bl = &a->blocks[i];

		if (bl->kind == BLOCK_SUBHEAD)
			clip_md_line(&b, "## ", bl->text, "");
		else if (bl->kind == BLOCK_CAPTION)
			clip_md_line(&b, "*", bl->text, "*");
		else
			clip_md_line(&b, "", bl->text, "");
		if (i + 1 < a->nblocks)
			buf_putc(&b, '\n');
	}
	return buf_detach(&b);
}

/* Base64 of data[0..len). */
char *
clip_base64(const unsigned char *data, size_t len)
{
	static const char digits[] =
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	char *out = xmalloc((len + 2) / 3 * 4 + 1), *o = out;
	size_t i;

	for (i = 0; i + 2 < len; i += 3) {
		*o++ = digits[data[i] >> 2];
		*o++ = digits[((data[i] & 3) << 4) | (data[i + 1] >> 4)];
		*o++ = digits[((data[i + 1] & 15) << 2) | (data[i + 2] >> 6)];
		*o++ = digits[data[i + 2] & 63];
	}
	if (i < len) {
		*o++ = digits[data[i] >> 2];
		if (i + 1 < len) {
			*o++ = digits[((data[i] & 3) << 4) | (data[i + 1] >> 4)];
			*o++ = digits[(data[i + 1] & 15) << 2];
		} else {
			*o++ = digits[(data[i] & 3) << 4];
			*o++ = '=';
		}
		*o++ = '=';
	}
	*o = '\0';
	return out;
}

/* The OSC 52 sequence for text. */
char *
clip_osc52(const char *text, size_t len, int *cut)
{
	char *b64, *seq;

	if (cut != NULL)
		*cut = len > CLIP_OSC52_MAX;
	if (len > CLIP_OSC52_MAX) {
		len = CLIP_OSC52_MAX;
		/* Back to the start of a UTF-8 character. */
		while (len > 0 && ((unsigned char)text[len] & 0xC0) == 0x80)
			len--;
	}
	b64 = clip_base64((const unsigned char *)text, len);
	seq = xasprintf("\033]52;c;%s\a", b64);
	free(b64);
	return seq;
}
