/*
 * encoding.h - detect the encoding of a byte buffer and convert it to UTF-8.
 *
 * The only module that includes <iconv.h>.  Loaders hand it raw file bytes
 * and get back valid UTF-8 with every invalid or truncated sequence turned
 * into U+FFFD and counted, never dropped silently.
 */
#ifndef KANBAO_ENCODING_H
#define KANBAO_ENCODING_H

#include <stdbool.h>
#include <stddef.h>

/* The result of decoding a buffer. */
struct decoded {
	char		*text;		/* UTF-8, NUL-terminated; caller frees */
	size_t		 len;		/* bytes of text */
	const char	*encoding;	/* iconv name used ("UTF-8", "GB18030", ...);
					   static, never freed */
	size_t		 ninvalid;	/* invalid sequences replaced by U+FFFD */
	size_t		 first_invalid;	/* byte offset in the input of the first */
	bool		 had_bom;
};

/* What encoding_detect() answers for data that is not text. */
#define ENCODING_BINARY	"binary"

/*
 * Guess the encoding of buf[0..len): BOM, then a declaration (XML
 * declaration, HTML meta charset), then valid UTF-8, then a scored choice
 * among the CJK legacy encodings.  Reads a bounded sample, not the whole
 * buffer.  Returns a static iconv name, or ENCODING_BINARY when the data
 * is not text (NUL bytes outside UTF-16/32, or mostly invalid).
 */
const char	*encoding_detect(const char *buf, size_t len);

/*
 * Decode buf[0..len) to UTF-8.  force, when not NULL, is the encoding to
 * use (any name encoding_normalize() accepts).  Returns 0 and fills *out,
 * or -1 with *cause set (caller frees) when the name is unknown or the data
 * looks binary (NUL bytes outside UTF-16/32, or mostly invalid under every
 * candidate).
 */
int		 encoding_decode(const char *buf, size_t len, const char *force,
		     struct decoded *out, char **cause);

/*
 * Like encoding_decode(), for a buffer the caller can give away: *bufp is
 * a malloc'd block of at least len + 1 bytes (what load_read_file gives).
 * When the input is valid UTF-8 the block itself becomes out->text (a BOM
 * is moved out of the way) and *bufp is set to NULL; otherwise *bufp is
 * untouched and still the caller's to free.  Saves copying large files.
 */
int		 encoding_decode_take(char **bufp, size_t len,
		     const char *force, struct decoded *out, char **cause);

/* Free the text of a decoded result. */
void		 encoding_decoded_free(struct decoded *d);

/*
 * Map a user-given name (utf8, gbk, big5, sjis, ...) to the iconv name
 * kanbao decodes with (supersets: GB18030, BIG5-HKSCS, CP932, UHC).
 * Returns NULL for an unknown name.
 */
const char	*encoding_normalize(const char *name);

/* A comma-separated list of accepted names, for error messages and --help. */
const char	*encoding_names(void);

#endif
