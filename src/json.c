/*
 * json.c - build JSON objects for the --format=json output.
 *
 * Only what the command line needs: flat objects of strings, numbers and
 * booleans, and arrays of strings.  A comma goes before a member unless
 * the buffer ends with the "{" or "[" that opened its container, so the
 * writer keeps no state of its own.
 */
#include "config.h"

#include <stdlib.h>

#include "buf.h"
#include "json.h"
#include "sanitize.h"

/* Add the comma that separates a member from the one before it. */
static void
json_sep(struct buf *b)
{
	char last = b->len > 0 ? b->data[b->len - 1] : '\0';

	if (last != '\0' && last != '{' && last != '[')
		buf_putc(b, ',');
}

/* Add "key": after a separator. */
static void
json_key(struct buf *b, const char *key)
{
	json_sep(b);
	json_quote(b, key);
	buf_putc(b, ':');
}

/* Open an object. */
void
json_begin(struct buf *b)
{
	json_sep(b);
	buf_putc(b, '{');
}

/* Close an object. */
void
json_end(struct buf *b)
{
	buf_putc(b, '}');
}

/* Append s as a quoted, escaped JSON string. */
void
json_quote(struct buf *b, const char *s)
{
	const unsigned char *p;

	buf_putc(b, '"');
	for (p = (const unsigned char *)s; *p != '\0'; p++) {
		if (*p == '"' || *p == '\\') {
			buf_putc(b, '\\');
			buf_putc(b, (char)*p);
		} else if (*p < 0x20 || *p == 0x7f)
			buf_printf(b, "\\u%04x", *p);
		else
			buf_putc(b, (char)*p);
	}
	buf_putc(b, '"');
}

/* Add a string member. */
void
json_string(struct buf *b, const char *key, const char *value)
{
	char *clean;

	json_key(b, key);
	if (value == NULL) {
		buf_puts(b, "null");
		return;
	}
	clean = sanitize_str(value);
	json_quote(b, clean);
	free(clean);
}

/* Add a number member. */
void
json_number(struct buf *b, const char *key, unsigned long long n)
{
	json_key(b, key);
	buf_printf(b, "%llu", n);
}

/* Add a boolean member. */
void
json_bool(struct buf *b, const char *key, bool v)
{
	json_key(b, key);
	buf_puts(b, v ? "true" : "false");
}

/* Open an array member. */
void
json_array_begin(struct buf *b, const char *key)
{
	json_key(b, key);
	buf_putc(b, '[');
}

/* Add a string to the open array. */
void
json_item(struct buf *b, const char *value)
{
	char *clean = sanitize_str(value);

	json_sep(b);
	json_quote(b, clean);
	free(clean);
}

/* Close an array. */
void
json_array_end(struct buf *b)
{
	buf_putc(b, ']');
}
