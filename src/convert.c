/*
 * convert.c - Simplified/Traditional conversion with OpenCC (convert.h).
 *
 * OpenCC converts by phrases first (意大利 -> 義大利), then characters,
 * and its phrase tables can in rare cases change the length of the text
 * (a phrase replaced by a longer one).  The reader maps search hits and
 * its reading position by code point, so a result of another length is
 * not used as it is: the text is then converted again one character per
 * line, where no phrase rule can reach across characters, and each line
 * that does not come back as exactly one code point keeps the original.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#ifdef HAVE_OPENCC
#include <opencc/opencc.h>
#endif

#include "buf.h"
#include "convert.h"
#include "i18n.h"
#include "text.h"
#include "xalloc.h"

/* An open converter. */
struct convert {
#ifdef HAVE_OPENCC
	opencc_t	 oc;
#endif
	int		 unused;	/* keeps the struct non-empty */
};

/* Whether OpenCC is built in. */
bool
convert_supported(void)
{
#ifdef HAVE_OPENCC
	return true;
#else
	return false;
#endif
}

/* Open an OpenCC converter for the script. */
struct convert *
convert_open(enum convert_script to, char **cause)
{
#ifdef HAVE_OPENCC
	const char *config = to == CONVERT_SIMPLIFIED ? "t2s.json" :
	    "s2t.json";
	struct convert *c;
	opencc_t oc = opencc_open(config);

	if (oc == (opencc_t)-1) {
		*cause = xasprintf(_("OpenCC cannot load %s (Debian: apt-get "
		    "install libopencc-data): %s"), config, opencc_error());
		return NULL;
	}
	c = xcalloc(1, sizeof *c);
	c->oc = oc;
	return c;
#else
	(void)to;
	*cause = xstrdup(_("kanbao was built without OpenCC (configure "
	    "--with-opencc; Debian: apt-get install libopencc-dev)"));
	return NULL;
#endif
}

/* Close a converter. */
void
convert_close(struct convert *c)
{
	if (c == NULL)
		return;
#ifdef HAVE_OPENCC
	opencc_close(c->oc);
#endif
	free(c);
}

#ifdef HAVE_OPENCC
/*
 * Convert one code point per line (the text itself holds no newline
 * then: newlines are copied around the call).  Appends to out a result
 * of exactly as many code points as text.
 */
static void
convert_by_char(struct convert *c, const char *text, size_t len,
    struct buf *out)
{
	struct buf in = BUF_INIT;
	const char *r, *nl, *p = text, *end = text + len;
	char *res;
	size_t n, rn;
	uint32_t cp;

	for (p = text; p < end; p += n) {
		n = utf8_decode(p, (size_t)(end - p), &cp);
		buf_append(&in, p, n);
		buf_putc(&in, '\n');
	}
	res = in.len > 0 ? opencc_convert_utf8(c->oc, in.data, in.len) : NULL;
	r = res;
	for (p = text; p < end; p += n) {
		n = utf8_decode(p, (size_t)(end - p), &cp);
		nl = r != NULL ? strchr(r, '\n') : NULL;
		rn = nl != NULL ? (size_t)(nl - r) : 0;
		if (nl != NULL && rn > 0 && utf8_count(r, rn) == 1)
			buf_append(out, r, rn);
		else
			buf_append(out, p, n);
		r = nl != NULL ? nl + 1 : NULL;
	}
	if (res != NULL)
		opencc_convert_utf8_free(res);
	buf_free(&in);
}
#endif

/* Convert text, keeping the number of code points. */
char *
convert_text(struct convert *c, const char *text, size_t len, size_t *outlen)
{
	struct buf out = BUF_INIT;
#ifdef HAVE_OPENCC
	const char *p, *end, *nl;
	char *res;

	if (c == NULL || len == 0) {
		buf_append(&out, text, len);
		goto done;
	}
	res = opencc_convert_utf8(c->oc, text, len);
	if (res != NULL && utf8_count(res, strlen(res)) ==
	    utf8_count(text, len)) {
		buf_puts(&out, res);
		opencc_convert_utf8_free(res);
		goto done;
	}
	if (res != NULL)
		opencc_convert_utf8_free(res);
	/* Line by line, keeping the newlines out of OpenCC. */
	for (p = text, end = text + len; p < end; p = nl + 1) {
		nl = memchr(p, '\n', (size_t)(end - p));
		convert_by_char(c, p, (size_t)((nl != NULL ? nl : end) - p),
		    &out);
		if (nl == NULL)
			break;
		buf_putc(&out, '\n');
	}
done:
#else
	(void)c;
	buf_append(&out, text, len);
#endif
	if (out.data == NULL)
		buf_puts(&out, "");
	if (outlen != NULL)
		*outlen = out.len;
	return buf_detach(&out);
}
