/*
 * fuzz_check.c - the invariant checks and helpers the fuzz targets share.
 *
 * The checks are written from the promises in the headers (sanitize.h,
 * edition.h), not from the code that keeps them, so a target fails when
 * the code and its contract drift apart.  The UTF-8 validator here is a
 * second, independent one on purpose: checking kanbao's output with
 * kanbao's own decoder would miss exactly the bugs we look for.
 */
#include "config.h"

#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "edition.h"
#include "encoding.h"
#include "fuzz.h"
#include "sanitize.h"

/*
 * Set up what kanbao's main() sets up: an UTF-8 LC_CTYPE, without which
 * wcwidth() measures every Chinese character as -1.  libFuzzer calls this
 * once before the first input; replay.c does the same.
 */
int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	if (setlocale(LC_ALL, "C.UTF-8") == NULL &&
	    setlocale(LC_ALL, "C.utf8") == NULL &&
	    setlocale(LC_ALL, "en_US.UTF-8") == NULL) {
		fprintf(stderr, "fuzz: no UTF-8 locale\n");
		exit(1);
	}
	return 0;
}

/* Report a broken invariant and abort, so every driver stops here. */
void
fuzz_fail(const char *fmt, ...)
{
	va_list ap;

	fputs("fuzz: invariant broken: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	abort();
}

/* Length and code point of the valid UTF-8 sequence at s, or 0. */
size_t
fuzz_utf8_next(const char *s, size_t len, uint32_t *cp)
{
	const unsigned char *u = (const unsigned char *)s;
	uint32_t c, min;
	size_t n, i;

	if (len == 0)
		return 0;
	if (u[0] < 0x80) {
		*cp = u[0];
		return 1;
	}
	if (u[0] >= 0xc2 && u[0] <= 0xdf) {
		n = 2;
		c = u[0] & 0x1f;
		min = 0x80;
	} else if (u[0] >= 0xe0 && u[0] <= 0xef) {
		n = 3;
		c = u[0] & 0x0f;
		min = 0x800;
	} else if (u[0] >= 0xf0 && u[0] <= 0xf4) {
		n = 4;
		c = u[0] & 0x07;
		min = 0x10000;
	} else
		return 0;	/* continuation byte, C0, C1, F5-FF */
	if (len < n)
		return 0;
	for (i = 1; i < n; i++) {
		if ((u[i] & 0xc0) != 0x80)
			return 0;
		c = (c << 6) | (u[i] & 0x3f);
	}
	if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		return 0;
	*cp = c;
	return n;
}

/* Print up to 16 bytes around off in hex, for failure messages. */
static void
fuzz_hexdump(const char *s, size_t len, size_t off)
{
	size_t i, from = off > 8 ? off - 8 : 0;

	fprintf(stderr, "fuzz: bytes from offset %zu:", from);
	for (i = from; i < len && i < from + 16; i++)
		fprintf(stderr, "%s%02x", i == off ? " [" : " ",
		    (unsigned char)s[i]);
	fputc('\n', stderr);
}

/* Abort unless s[0..len) is valid UTF-8. */
void
fuzz_check_utf8(const char *what, const char *s, size_t len)
{
	size_t off = 0, n;
	uint32_t cp;

	while (off < len) {
		if ((n = fuzz_utf8_next(s + off, len - off, &cp)) == 0) {
			fuzz_hexdump(s, len, off);
			fuzz_fail("%s: invalid UTF-8 at byte %zu", what, off);
		}
		off += n;
	}
}

/* Abort unless a failure came with a message that prints safely. */
void
fuzz_check_cause(const char *what, const char *cause)
{
	char *shown;

	if (cause == NULL || *cause == '\0')
		fuzz_fail("%s failed without a message", what);
	shown = sanitize_str(cause);
	fuzz_check_display(what, shown, strlen(shown), false);
	free(shown);
}

/* Whether cp is a bidi formatting control (reliability-anchors.md 1.2). */
static bool
fuzz_is_bidi(uint32_t cp)
{
	return cp == 0x061c || cp == 0x200e || cp == 0x200f ||
	    (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069);
}

/* Abort unless s[0..len) is safe for a terminal (see fuzz.h). */
void
fuzz_check_display(const char *what, const char *s, size_t len,
    bool newlines)
{
	size_t off = 0, n;
	uint32_t cp;

	while (off < len) {
		if ((n = fuzz_utf8_next(s + off, len - off, &cp)) == 0) {
			fuzz_hexdump(s, len, off);
			fuzz_fail("%s: invalid UTF-8 at byte %zu", what, off);
		}
		if ((cp < 0x20 && !(cp == '\n' && newlines)) ||
		    (cp >= 0x7f && cp <= 0x9f) || fuzz_is_bidi(cp)) {
			fuzz_hexdump(s, len, off);
			fuzz_fail("%s: U+%04X at byte %zu reaches the terminal",
			    what, (unsigned)cp, off);
		}
		off += n;
	}
}

/* Abort unless a model string is valid UTF-8, on one line if oneline. */
static void
fuzz_check_string(const char *what, const char *s, bool oneline)
{
	if (s == NULL)
		return;
	fuzz_check_utf8(what, s, strlen(s));
	if (oneline && strchr(s, '\n') != NULL)
		fuzz_fail("%s: a newline in \"%s\"", what, s);
}

/*
 * Abort unless one article of a finished edition is well formed.  The
 * lookup by id is a linear search, so only the first articles (find is
 * true) are looked up: a 10000-article input must not take a second.
 */
static void
fuzz_check_article(const struct edition *ed, const struct article *a,
    bool find)
{
	size_t i;

	if (strlen(a->id) != 16 || strspn(a->id, "0123456789abcdef") != 16)
		fuzz_fail("article id \"%s\" is not 16 hex digits", a->id);
	if (find && edition_find_article(ed, a->id, NULL, NULL) == NULL)
		fuzz_fail("article %s not found by its id", a->id);
	for (i = 0; i < a->nheadlines; i++) {
		if (a->headlines[i].text == NULL)
			fuzz_fail("article %s: headline %zu is NULL", a->id, i);
		fuzz_check_string("headline", a->headlines[i].text, true);
	}
	fuzz_check_string("dateline", a->dateline, true);
	fuzz_check_string("byline", a->byline, true);
	for (i = 0; i < a->ncredits; i++) {
		fuzz_check_string("credit role", a->credits[i].role, true);
		fuzz_check_string("credit name", a->credits[i].name, true);
	}
	for (i = 0; i < a->nblocks; i++) {
		if (a->blocks[i].text == NULL)
			fuzz_fail("article %s: block %zu is NULL", a->id, i);
		fuzz_check_string("block", a->blocks[i].text, true);
	}
	fuzz_check_string("source file", a->source_file, false);
	(void)article_title(a);
}

/* Abort unless a finished edition keeps edition.h's promises. */
void
fuzz_check_edition(const struct edition *ed)
{
	size_t i, j, n = 0;

	if (!ed->finished)
		fuzz_fail("edition not finished");
	fuzz_check_string("edition title", ed->title, true);
	fuzz_check_string("edition source", ed->source, false);
	for (i = 0; i < ed->nsections; i++) {
		const struct section *s = ed->sections[i];

		fuzz_check_string("section title", s->title, true);
		fuzz_check_string("section source", s->source, false);
		for (j = 0; j < s->narticles; j++)
			fuzz_check_article(ed, s->articles[j], n + j < 64);
		n += s->narticles;
	}
	if (n != edition_count_articles(ed))
		fuzz_fail("edition_count_articles says %zu, sections hold %zu",
		    edition_count_articles(ed), n);
}

/* Decode input as load.c does with a forced UTF-8 encoding. */
char *
fuzz_decode_utf8(const uint8_t *data, size_t size, size_t *len)
{
	struct decoded d;
	char *cause = NULL;

	if (encoding_decode((const char *)data, size, "UTF-8", &d,
	    &cause) != 0) {
		free(cause);
		return NULL;
	}
	fuzz_check_utf8("decoded input", d.text, d.len);
	*len = d.len;
	return d.text;
}

/* An in-memory FILE; aborts when the C library cannot make one. */
FILE *
fuzz_memfile(char **buf, size_t *len)
{
	FILE *f = open_memstream(buf, len);

	if (f == NULL)
		fuzz_fail("open_memstream failed");
	return f;
}

/* Decode, load, finish and check one input (see fuzz.h). */
void
fuzz_run_loader(const uint8_t *data, size_t size, fuzz_loader_fn fn,
    const char *path)
{
	struct edition *ed;
	char *text, *cause = NULL;
	size_t len;

	if (size > FUZZ_MAX_INPUT ||
	    (text = fuzz_decode_utf8(data, size, &len)) == NULL)
		return;
	ed = edition_new(NULL, "fuzz");
	if (fn(ed, text, len, path, "fuzz", &cause) < 0) {
		fuzz_check_cause("the loader", cause);
		free(cause);
	}
	edition_finish(ed);
	fuzz_check_edition(ed);
	edition_free(ed);
	free(text);
}
