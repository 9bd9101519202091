/*
 * json.h - one JSON object per line, for --format=json.
 *
 * The command line's machine-readable output: --list, --search and
 * --bookmarks print one object per line (JSON Lines), so a script reads
 * them with `jq -c` or a line loop.  Objects are built in a struct buf;
 * the caller writes the line.
 *
 * Every string is passed through sanitize_str() before it is escaped: the
 * output never holds a control character, raw or escaped, and is always
 * valid UTF-8, the same promise the text formats make (sanitize.h).
 */
#ifndef KANBAO_JSON_H
#define KANBAO_JSON_H

#include <stdbool.h>
#include <stddef.h>

struct buf;

/* Start an object ("{"), or an array member of the current object. */
void	json_begin(struct buf *b);

/* End the object ("}"); the caller adds the newline. */
void	json_end(struct buf *b);

/* Add "key": "value" (value sanitised then escaped; NULL gives null). */
void	json_string(struct buf *b, const char *key, const char *value);

/* Add "key": n. */
void	json_number(struct buf *b, const char *key, unsigned long long n);

/* Add "key": true or false. */
void	json_bool(struct buf *b, const char *key, bool v);

/* Start "key": [ ; add string members with json_item(); end it. */
void	json_array_begin(struct buf *b, const char *key);
void	json_item(struct buf *b, const char *value);
void	json_array_end(struct buf *b);

/*
 * Append s as a quoted JSON string: " and \ escaped, control characters
 * as \u00XX (sanitize_str() leaves none, but the escaper does not rely on
 * it).  s must be valid UTF-8.
 */
void	json_quote(struct buf *b, const char *s);

#endif
