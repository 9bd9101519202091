/*
 * search.c - search keys, queries and matching (see search.h).
 *
 * A search key is a folded copy of one field of an article (a headline,
 * the dateline, the byline, a block): NFKC + case folding through
 * utf8proc, radicals to ideographs, optionally Traditional to Simplified
 * through OpenCC, punctuation and most spaces dropped.  The query is
 * folded by the same code, so matching is memmem() on keys.  Beside each
 * key byte we keep the range of source bytes it came from (the offset
 * map), which turns a key hit back into a range of the original text.
 *
 * Folding works on SEGMENTS: a starter code point and the combining
 * characters after it (accents, the kana voicing mark, Hangul vowel and
 * final jamo).  NFKC can only change text inside a segment, so each
 * segment folds on its own and all key bytes of a segment map to the
 * whole segment.  Most segments are one code point, and the fold of a
 * single code point is cached in a table of 256-entry pages that fill as
 * characters are met; only segments with combining characters go through
 * utf8proc every time.
 *
 * Speed.  Folding costs a table look-up per character, several times
 * slower than grep's byte search, so keys are built only for fields that
 * may match.  A PREFILTER checks each field first for the raw forms of a
 * few Han characters of each query word: the character itself and every
 * code point that folds into it (a Kangxi radical, a compatibility
 * ideograph, a Traditional form), found by running the folding tables
 * backwards once.  That is exact: a field whose key holds the character
 * must hold one of its raw forms.
 *
 * A field that passes is not folded whole either: only WINDOWS around the
 * places where one character of the word (the LEAD) occurs raw.  A
 * window reaches back over as many characters that emit something as the
 * word has before its lead, and forward over as many as it has after,
 * plus the combining marks of the last one, so every occurrence of the
 * word that uses this lead lies inside it; windows that touch are joined
 * and each is folded once.  A window starts and ends at segment
 * boundaries, so its key is exactly a piece of the field's key and the
 * hits are the same as with the whole field folded.  The lead is a Han
 * anchor (found with memmem() on its raw forms), or for a word that
 * starts with an ASCII letter or digit that character: an ASCII scan that
 * ignores case finds it, and a table of the 64-code-point blocks that hold
 * anything folding to an ASCII letter or digit (full-width Ａ, ℃, ㎡, ...)
 * says where a non-ASCII character must be looked at.  Other words (kana,
 * Greek, a leading %) fold the whole field.
 *
 * OpenCC.  Its t2s conversion is phrase-based; kanbao folds character by
 * character so offsets stay exact.  At the first search, every BMP
 * ideograph is converted once in one batch (one per line, so no phrase
 * can span two) and the changed ones are kept as a sorted table; OpenCC
 * is then closed.  A character whose conversion is not one code point is
 * left alone.
 */
#include "config.h"

#include <sys/stat.h>

#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>
#ifdef HAVE_OPENCC
#include <opencc/opencc.h>
#endif

#include "buf.h"
#include "edition.h"
#include "i18n.h"
#include "json.h"
#include "sanitize.h"
#include "search.h"
#include "text.h"
#include "width.h"
#include "xalloc.h"

/*
 * CJK Radicals Supplement to CJK Unified Ideographs.  Generated once from
 * Unicode 15.0 EquivalentUnifiedIdeograph.txt (Debian package
 * unicode-data, /usr/share/unicode/) by:
 *
 *   grep -v '^#' EquivalentUnifiedIdeograph.txt |
 *   sed -n 's/^\(2E[0-9A-F.]*\) *; *\([0-9A-F]*\).*$/\1 \2/p' |
 *   while read r to; do lo=${r%%..*}; hi=${r##*..};
 *     for c in $(seq $((0x$lo)) $((0x$hi))); do
 *       printf '{ 0x%04X, 0x%04X },\n' $c $((0x$to)); done; done
 *
 * Sorted by radical.  The Kangxi Radicals block (U+2F00-2FD5) needs no
 * table: NFKC maps it.
 */
static const struct search_radical {
	uint32_t	from;
	uint32_t	to;
} search_radicals[] = {
	{ 0x2E81, 0x5382 }, { 0x2E82, 0x4E5B }, { 0x2E83, 0x4E5A },
	{ 0x2E84, 0x4E59 }, { 0x2E85, 0x4EBB }, { 0x2E86, 0x5182 },
	{ 0x2E87, 0x20628 }, { 0x2E88, 0x5200 }, { 0x2E89, 0x5202 },
	{ 0x2E8A, 0x535C }, { 0x2E8B, 0x353E }, { 0x2E8C, 0x5C0F },
	{ 0x2E8D, 0x5C0F }, { 0x2E8E, 0x5140 }, { 0x2E8F, 0x5C23 },
	{ 0x2E90, 0x5C22 }, { 0x2E91, 0x21BC2 }, { 0x2E92, 0x5DF3 },
	{ 0x2E93, 0x5E7A }, { 0x2E94, 0x5F51 }, { 0x2E95, 0x2B739 },
	{ 0x2E96, 0x5FC4 }, { 0x2E97, 0x5FC3 }, { 0x2E98, 0x624C },
	{ 0x2E99, 0x6535 }, { 0x2E9B, 0x65E1 }, { 0x2E9C, 0x65E5 },
	{ 0x2E9D, 0x6708 }, { 0x2E9E, 0x6B7A }, { 0x2E9F, 0x6BCD },
	{ 0x2EA0, 0x6C11 }, { 0x2EA1, 0x6C35 }, { 0x2EA2, 0x6C3A },
	{ 0x2EA3, 0x706C }, { 0x2EA4, 0x722B }, { 0x2EA5, 0x722B },
	{ 0x2EA6, 0x4E2C }, { 0x2EA7, 0x725B }, { 0x2EA8, 0x72AD },
	{ 0x2EA9, 0x738B }, { 0x2EAA, 0x24D14 }, { 0x2EAB, 0x76EE },
	{ 0x2EAC, 0x793A }, { 0x2EAD, 0x793B }, { 0x2EAE, 0x25AD7 },
	{ 0x2EAF, 0x7CF9 }, { 0x2EB0, 0x7E9F }, { 0x2EB1, 0x7F53 },
	{ 0x2EB2, 0x7F52 }, { 0x2EB3, 0x34C1 }, { 0x2EB4, 0x5197 },
	{ 0x2EB5, 0x2626B }, { 0x2EB6, 0x7F8A }, { 0x2EB7, 0x2634C },
	{ 0x2EB8, 0x2634B }, { 0x2EB9, 0x8002 }, { 0x2EBA, 0x8080 },
	{ 0x2EBB, 0x807F }, { 0x2EBC, 0x8089 }, { 0x2EBD, 0x26951 },
	{ 0x2EBE, 0x8279 }, { 0x2EBF, 0x8279 }, { 0x2EC0, 0x8279 },
	{ 0x2EC1, 0x864E }, { 0x2EC2, 0x8864 }, { 0x2EC3, 0x8980 },
	{ 0x2EC4, 0x897F }, { 0x2EC5, 0x89C1 }, { 0x2EC6, 0x89D2 },
	{ 0x2EC7, 0x278B2 }, { 0x2EC8, 0x8BA0 }, { 0x2EC9, 0x8D1D },
	{ 0x2ECA, 0x27FB7 }, { 0x2ECB, 0x8F66 }, { 0x2ECC, 0x8FB6 },
	{ 0x2ECD, 0x8FB6 }, { 0x2ECE, 0x8FB6 }, { 0x2ECF, 0x9091 },
	{ 0x2ED0, 0x9485 }, { 0x2ED1, 0x9577 }, { 0x2ED2, 0x9578 },
	{ 0x2ED3, 0x957F }, { 0x2ED4, 0x95E8 }, { 0x2ED5, 0x28E0F },
	{ 0x2ED6, 0x961D }, { 0x2ED7, 0x96E8 }, { 0x2ED8, 0x9752 },
	{ 0x2ED9, 0x97E6 }, { 0x2EDA, 0x9875 }, { 0x2EDB, 0x98CE },
	{ 0x2EDC, 0x98DE }, { 0x2EDD, 0x98DF }, { 0x2EDE, 0x2967F },
	{ 0x2EDF, 0x98E0 }, { 0x2EE0, 0x9963 }, { 0x2EE1, 0x29810 },
	{ 0x2EE2, 0x9A6C }, { 0x2EE3, 0x9AA8 }, { 0x2EE4, 0x9B3C },
	{ 0x2EE5, 0x9C7C }, { 0x2EE6, 0x9E1F }, { 0x2EE7, 0x5364 },
	{ 0x2EE8, 0x9EA6 }, { 0x2EE9, 0x9EC4 }, { 0x2EEA, 0x9EFE },
	{ 0x2EEB, 0x6589 }, { 0x2EEC, 0x9F50 }, { 0x2EED, 0x6B6F },
	{ 0x2EEE, 0x9F7F }, { 0x2EEF, 0x7ADC }, { 0x2EF0, 0x9F99 },
	{ 0x2EF1, 0x9F9C }, { 0x2EF2, 0x4E80 }, { 0x2EF3, 0x9F9F },
};

/*
 * Tunables.  SEARCH_ANCHORS and SEARCH_ANCHOR_FORMS bound the prefilter's
 * work per field: each anchor costs one memmem() per raw form.
 */
#define SEARCH_ANCHORS		3	/* Han characters per word the prefilter
					   checks; 3 rejects nearly every field
					   that lacks the word */
#define SEARCH_ANCHOR_FORMS	8	/* a character with more raw forms than
					   this (a digit: ２ ² ₂ ② ...) is no
					   anchor: too many scans */
#define SEARCH_BEFORE_PCT	30	/* share of a snippet's spare columns
					   given to text before the hit: we read
					   forwards */
#define SEARCH_COLS		80	/* snippet width when none is given */
#define SEARCH_KEPT_PUNCT	"%#&@"	/* punctuation that carries meaning
					   (50%, C#, AT&T, @name): kept */
#define FOLD_INLINE		13	/* folded bytes a table entry holds; the
					   entry is 16 bytes.  Longer folds
					   (㍿ = 株式会社) go the slow way */
#define FOLD_PAGE		256	/* code points per table page */
#define FOLD_DECOMP_MAX		64	/* longest decomposition (U+FDFA: 18) */
#define FOLD_SCAN_END		0x30000	/* planes 0-2 hold every character
					   that folds into an ideograph or an
					   ASCII letter or digit */
#define SEARCH_WINDOW_MAX	4096	/* a window reaching further than this
					   (a long run of punctuation) gives up:
					   the field is folded whole, so no input
					   makes windows quadratic */
#define SEARCH_SHORT_NEEDLE	16	/* needles up to this many bytes are
					   found by memchr() on their last byte
					   (see short_find); longer ones, and
					   whole fields, by memmem() */

/* utf8proc options of NFKC_Casefold, as utf8proc_NFKC_Casefold() uses. */
#define FOLD_NFKC_CF	(UTF8PROC_STABLE | UTF8PROC_COMPOSE | \
			    UTF8PROC_COMPAT | UTF8PROC_CASEFOLD | \
			    UTF8PROC_IGNORE)

/* How one code point folds. */
enum fold_kind {
	FOLD_UNKNOWN = 0,	/* not computed yet */
	FOLD_EMIT,		/* emits out[0..len) */
	FOLD_SPACE,		/* whitespace: a word gap at most */
	FOLD_DROP,		/* punctuation, ignorable: nothing */
	FOLD_JOIN,		/* combining: refold with the code point before */
	FOLD_SLOW		/* fold through utf8proc every time */
};

#define FOLD_WORD_FIRST	0x01	/* the first emitted character is a word
				   character (see fold_class) */
#define FOLD_WORD_LAST	0x02	/* so is the last */

/* The cached fold of one BMP code point. */
struct fold_entry {
	uint8_t		kind;
	uint8_t		flags;
	uint8_t		len;
	char		out[FOLD_INLINE];
};

/* Where the folding of one field is: for the word-gap rule. */
struct fold_state {
	bool		last_word;	/* the last emitted char was a word char */
	bool		pending;	/* a gap was seen after it */
	size_t		space_lo;	/* the gap's source bytes */
	size_t		space_hi;
};

/* A search key under construction, with its offset map. */
struct key {
	char		*s;
	uint32_t	*lo;		/* per key byte: source segment start */
	uint32_t	*hi;		/* per key byte: source segment end */
	size_t		 len;
	size_t		 cap;
	bool		 map;		/* fill lo and hi */
	struct fold_state st;
};

/* One Traditional to Simplified pair from OpenCC. */
struct t2s_pair {
	uint32_t	from;
	uint32_t	to;
};

/* A code point (from) whose fold contains the ideograph to. */
struct inv_pair {
	uint32_t	to;
	uint32_t	from;
};

/* A byte range of a field: a window to fold. */
struct span {
	size_t		lo;
	size_t		hi;
};

/* The index: folding tables and scratch space; see search.h. */
struct search_index {
	const struct edition	*ed;
	struct fold_entry	*pages[0x10000 / FOLD_PAGE];
	bool			 prepared;	/* OpenCC table loaded (or not) */
	bool			 variants;	/* t2s folding is on */
	struct t2s_pair		*t2s;
	size_t			 nt2s;
	struct inv_pair		*inv;
	size_t			 ninv;
	bool			 inv_built;
	uint64_t		 ascii_map[FOLD_SCAN_END / 64];	/* bit per
					   code point: its fold may hold an
					   ASCII letter or digit */
	struct span		*spans;		/* windows of one field */
	size_t			 nspans;
	size_t			 spancap;
	struct key		 key;
	struct buf		 tmp;		/* radical-folded input */
	uint32_t		*masks;		/* per field: words that may match */
	size_t			*lens;		/* per field: its length */
	size_t			 nfields;	/* capacity of masks and lens */
};

/* One word or phrase of a query, as typed. */
struct search_term {
	char		*text;
	bool		 phrase;
};

/* A compiled query. */
struct search_query {
	struct search_term	*terms;
	size_t			 nterms;
};

/* A prefilter anchor: an ideograph and its raw forms in UTF-8. */
struct anchor {
	uint32_t	cp;
	size_t		nforms;
	char		form[SEARCH_ANCHOR_FORMS][4];
	uint8_t		formlen[SEARCH_ANCHOR_FORMS];
};

/* How the fields of a word are searched (see Speed, above). */
enum lead_kind {
	LEAD_NONE = 0,		/* fold whole fields */
	LEAD_HAN,		/* windows around an anchor's raw forms */
	LEAD_ASCII		/* windows around an ASCII letter or digit */
};

/* A query word folded by one index, with its anchors and its lead. */
struct pterm {
	char		*key;
	size_t		 len;
	struct anchor	 anchors[SEARCH_ANCHORS];
	size_t		 nanchors;
	enum lead_kind	 lead;
	size_t		 lead_anchor;	/* LEAD_HAN: index into anchors */
	unsigned char	 lead_ascii;	/* LEAD_ASCII: the (folded) byte */
	size_t		 before;	/* code points of the key before the
					   lead and after it */
	size_t		 after;
};

/* A query prepared for one index. */
struct prepared {
	struct pterm	*t;
	size_t		 n;
	uint32_t	 all;		/* mask of all words */
};

/* A growing array of hits. */
struct hitvec {
	struct search_hit	*v;
	size_t			 n;
	size_t			 cap;
};

/* Compare a code point with a radical table entry, for bsearch(). */
static int
radical_cmp(const void *key, const void *elem)
{
	uint32_t cp = *(const uint32_t *)key;
	const struct search_radical *r = elem;

	return cp < r->from ? -1 : cp > r->from;
}

/* Map a CJK Radicals Supplement character to its ideograph. */
static uint32_t
radical_fold(uint32_t cp)
{
	const struct search_radical *r;

	if (cp < 0x2E80 || cp > 0x2EFF)
		return cp;
	r = bsearch(&cp, search_radicals,
	    sizeof search_radicals / sizeof search_radicals[0],
	    sizeof search_radicals[0], radical_cmp);
	return r != NULL ? r->to : cp;
}

/* Compare a code point with a t2s pair, for bsearch(). */
static int
t2s_cmp(const void *key, const void *elem)
{
	uint32_t cp = *(const uint32_t *)key;
	const struct t2s_pair *p = elem;

	return cp < p->from ? -1 : cp > p->from;
}

/* Fold a Traditional ideograph to Simplified (identity when off). */
static uint32_t
t2s_fold(const struct search_index *idx, uint32_t cp)
{
	const struct t2s_pair *p;

	if (idx->nt2s == 0 || cp < 0x3400 || cp > 0x9FFF)
		return cp;
	p = bsearch(&cp, idx->t2s, idx->nt2s, sizeof *idx->t2s, t2s_cmp);
	return p != NULL ? p->to : cp;
}

/* Whether c is an ASCII letter or digit (locale-free). */
static bool
search_ascii_alnum(uint32_t c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
	    (c >= 'A' && c <= 'Z');
}

/* Unified ideographs: the only characters used as prefilter anchors. */
static bool
is_anchor_han(uint32_t cp)
{
	return (cp >= 0x4E00 && cp <= 0x9FFF) ||
	    (cp >= 0x3400 && cp <= 0x4DBF) ||
	    (cp >= 0x20000 && cp <= 0x2F7FF) || (cp >= 0x30000 &&
	    cp <= 0x3134F);
}

/*
 * Classify a folded code point: kept (FOLD_EMIT), whitespace or dropped.
 * *word tells whether it is a letter, digit or mark of a script that
 * separates words with spaces (anything but Han and kana).
 */
static enum fold_kind
fold_class(uint32_t cp, bool *word)
{
	utf8proc_category_t cat = utf8proc_category((utf8proc_int32_t)cp);

	*word = false;
	if (cp == '\n' || cp == '\r' || cp == '\v' || cp == '\f' ||
	    text_is_space(cp) || cat == UTF8PROC_CATEGORY_ZS ||
	    cat == UTF8PROC_CATEGORY_ZL || cat == UTF8PROC_CATEGORY_ZP)
		return FOLD_SPACE;
	switch (cat) {
	case UTF8PROC_CATEGORY_PC:
	case UTF8PROC_CATEGORY_PD:
	case UTF8PROC_CATEGORY_PS:
	case UTF8PROC_CATEGORY_PE:
	case UTF8PROC_CATEGORY_PI:
	case UTF8PROC_CATEGORY_PF:
	case UTF8PROC_CATEGORY_PO:
		if (cp < 0x80 && strchr(SEARCH_KEPT_PUNCT, (int)cp) != NULL)
			return FOLD_EMIT;
		return FOLD_DROP;
	case UTF8PROC_CATEGORY_CC:
	case UTF8PROC_CATEGORY_CF:
		return FOLD_DROP;
	case UTF8PROC_CATEGORY_LU:
	case UTF8PROC_CATEGORY_LL:
	case UTF8PROC_CATEGORY_LT:
	case UTF8PROC_CATEGORY_LM:
	case UTF8PROC_CATEGORY_LO:
	case UTF8PROC_CATEGORY_MN:
	case UTF8PROC_CATEGORY_MC:
	case UTF8PROC_CATEGORY_ME:
	case UTF8PROC_CATEGORY_ND:
	case UTF8PROC_CATEGORY_NL:
	case UTF8PROC_CATEGORY_NO:
		*word = !text_is_cjk(cp);
		return FOLD_EMIT;
	default:
		return FOLD_EMIT;
	}
}

/*
 * Fold s[0..len) (valid UTF-8): radicals, then NFKC_Casefold, then
 * Traditional to Simplified.  Returns the number of code points put in
 * *out (caller frees).
 */
static size_t
fold_normalize(struct search_index *idx, const char *s, size_t len,
    uint32_t **out)
{
	utf8proc_uint8_t *res = NULL;
	utf8proc_ssize_t rlen;
	const char *src;
	size_t off = 0, n = 0, slen;
	uint32_t cp, *v;

	buf_clear(&idx->tmp);
	while (off < len) {
		off += utf8_decode(s + off, len - off, &cp);
		buf_put_cp(&idx->tmp, radical_fold(cp));
	}
	rlen = utf8proc_map((const utf8proc_uint8_t *)buf_str(&idx->tmp),
	    (utf8proc_ssize_t)idx->tmp.len, &res, FOLD_NFKC_CF);
	if (rlen < 0) {
		/* Only for invalid input, which loaders never give: keep it. */
		src = buf_str(&idx->tmp);
		slen = idx->tmp.len;
	} else {
		src = (const char *)res;
		slen = (size_t)rlen;
	}
	v = xreallocarray(NULL, slen + 1, sizeof *v);
	for (off = 0; off < slen; n++) {
		off += utf8_decode(src + off, slen - off, &cp);
		v[n] = t2s_fold(idx, cp);
	}
	free(res);
	*out = v;
	return n;
}

/*
 * Whether cp combines with the code point before it under NFKC: its
 * decomposition starts with a combining mark or a Hangul vowel or final
 * jamo (which compose with a leading consonant).  Split vowels of Indic
 * scripts are marks too, so they are caught by the category.
 */
static bool
fold_is_joiner(uint32_t cp)
{
	utf8proc_int32_t d[FOLD_DECOMP_MAX];
	utf8proc_ssize_t n;
	const utf8proc_property_t *p;
	uint32_t first;

	n = utf8proc_decompose_char((utf8proc_int32_t)radical_fold(cp), d,
	    FOLD_DECOMP_MAX, UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT |
	    UTF8PROC_CASEFOLD | UTF8PROC_IGNORE, NULL);
	if (n <= 0 || n > FOLD_DECOMP_MAX)
		return false;
	first = (uint32_t)d[0];
	if ((first >= 0x1160 && first <= 0x11FF) ||
	    (first >= 0xD7B0 && first <= 0xD7FF))
		return true;
	p = utf8proc_get_property(d[0]);
	return p->combining_class != 0 ||
	    p->category == UTF8PROC_CATEGORY_MN ||
	    p->category == UTF8PROC_CATEGORY_MC ||
	    p->category == UTF8PROC_CATEGORY_ME;
}

/* Compute how one code point folds, alone. */
static void
fold_compute(struct search_index *idx, uint32_t cp, struct fold_entry *e)
{
	uint32_t *out;
	size_t n, i, len = 0, bytes;
	bool word, spaces = false, emitted = false, fits = true;
	char u[4];

	memset(e, 0, sizeof *e);
	if (fold_is_joiner(cp)) {
		e->kind = FOLD_JOIN;
		return;
	}
	n = fold_normalize(idx, u, utf8_encode(cp, u), &out);
	for (i = 0; i < n; i++) {
		switch (fold_class(out[i], &word)) {
		case FOLD_SPACE:
			spaces = true;
			break;
		case FOLD_EMIT:
			if (!emitted && word)
				e->flags |= FOLD_WORD_FIRST;
			e->flags = (e->flags & ~FOLD_WORD_LAST) |
			    (word ? FOLD_WORD_LAST : 0);
			emitted = true;
			if (len + 4 > FOLD_INLINE) {
				fits = false;
				break;
			}
			bytes = utf8_encode(out[i], e->out + len);
			len += bytes;
			break;
		default:
			break;
		}
	}
	free(out);
	e->len = (uint8_t)len;
	if (!emitted)
		e->kind = spaces ? FOLD_SPACE : FOLD_DROP;
	else
		e->kind = (spaces || !fits) ? FOLD_SLOW : FOLD_EMIT;
}

/* The fold of cp: cached for the BMP, else computed into *tmp. */
static const struct fold_entry *
fold_lookup(struct search_index *idx, uint32_t cp, struct fold_entry *tmp)
{
	struct fold_entry *page, *e;

	if (cp >= 0x10000) {
		fold_compute(idx, cp, tmp);
		return tmp;
	}
	page = idx->pages[cp / FOLD_PAGE];
	if (page == NULL)
		page = idx->pages[cp / FOLD_PAGE] =
		    xcalloc(FOLD_PAGE, sizeof *page);
	e = &page[cp % FOLD_PAGE];
	if (e->kind == FOLD_UNKNOWN)
		fold_compute(idx, cp, e);
	return e;
}

/* Grow the key to hold n more bytes. */
static void
key_grow(struct key *k, size_t n)
{
	size_t cap = k->cap == 0 ? 256 : k->cap;

	while (cap < k->len + n)
		cap *= 2;
	k->s = xreallocarray(k->s, cap + 1, 1);
	k->lo = xreallocarray(k->lo, cap, sizeof *k->lo);
	k->hi = xreallocarray(k->hi, cap, sizeof *k->hi);
	k->cap = cap;
}

/* Make room for n more key bytes (inline: called for every character). */
static inline void
key_reserve(struct key *k, size_t n)
{
	if (k->len + n > k->cap)
		key_grow(k, n);
}

/* Append n key bytes that came from source bytes [lo, hi). */
static void
key_put(struct key *k, const char *s, size_t n, size_t lo, size_t hi)
{
	size_t i;

	key_reserve(k, n);
	memcpy(k->s + k->len, s, n);
	if (k->map) {
		for (i = 0; i < n; i++) {
			k->lo[k->len + i] = (uint32_t)lo;
			k->hi[k->len + i] = (uint32_t)hi;
		}
	}
	k->len += n;
}

/*
 * Append one emitted character, first a word gap if one is pending
 * between two word characters: the rule that keeps "new york" apart from
 * "newyork" but joins "健康 管理".
 */
static void
key_emit(struct key *k, const char *s, size_t n, bool word_first,
    bool word_last, size_t lo, size_t hi)
{
	if (k->st.pending && k->st.last_word && word_first)
		key_put(k, " ", 1, k->st.space_lo, k->st.space_hi);
	key_put(k, s, n, lo, hi);
	k->st.pending = false;
	k->st.last_word = word_last;
}

/* Note whitespace at source bytes [lo, hi): a word gap if after a word. */
static void
key_space(struct key *k, size_t lo, size_t hi)
{
	if (k->st.last_word && !k->st.pending) {
		k->st.pending = true;
		k->st.space_lo = lo;
		k->st.space_hi = hi;
	}
}

/* Fold the segment s[lo..hi) through utf8proc and append it to the key. */
static void
fold_slow(struct search_index *idx, struct key *k, const char *s, size_t lo,
    size_t hi)
{
	uint32_t *out;
	size_t n, i;
	bool word;
	char u[4];

	n = fold_normalize(idx, s + lo, hi - lo, &out);
	for (i = 0; i < n; i++) {
		switch (fold_class(out[i], &word)) {
		case FOLD_SPACE:
			key_space(k, lo, hi);
			break;
		case FOLD_EMIT:
			key_emit(k, u, utf8_encode(out[i], u), word, word, lo,
			    hi);
			break;
		default:
			break;
		}
	}
	free(out);
}

/*
 * Decode the code point at s[p] (p < len) into *cp; returns its end.  The
 * common cases, ASCII and a valid 3-byte sequence (all of CJK), are
 * decoded inline: this loop runs over every byte a search folds.
 */
static inline size_t
fold_decode(const char *s, size_t p, size_t len, uint32_t *cp)
{
	const unsigned char *u = (const unsigned char *)s + p;

	if (u[0] < 0x80) {
		*cp = u[0];
		return p + 1;
	}
	if ((u[0] & 0xF0) == 0xE0 && len - p >= 3 && (u[1] & 0xC0) == 0x80 &&
	    (u[2] & 0xC0) == 0x80) {
		*cp = (uint32_t)(u[0] & 0x0F) << 12 |
		    (uint32_t)(u[1] & 0x3F) << 6 | (u[2] & 0x3F);
		if (*cp >= 0x800 && (*cp < 0xD800 || *cp > 0xDFFF))
			return p + 3;
	}
	return p + utf8_decode(s + p, len - p, cp);
}

/*
 * Build the key of s[0..len) into k (with the offset map when map is
 * set).  Each code point starts a segment unless it is a joiner; a
 * joiner makes the whole segment fold again through utf8proc, replacing
 * what the segment emitted so far.  The cached single-code-point case is
 * written out inline: it is nearly every character.
 */
static void
fold_text(struct search_index *idx, struct key *k, const char *s, size_t len,
    bool map)
{
	const struct fold_entry *e;
	struct fold_entry tmp, *page;
	struct fold_state seg_st;
	size_t p = 0, q, seg = 0, seg_key = 0, i;
	bool have_seg = false;
	uint32_t cp;

	k->len = 0;
	k->map = map;
	memset(&k->st, 0, sizeof k->st);
	memset(&seg_st, 0, sizeof seg_st);
	while (p < len) {
		q = fold_decode(s, p, len, &cp);
		if (cp < 0x10000 && (page = idx->pages[cp / FOLD_PAGE]) !=
		    NULL && page[cp % FOLD_PAGE].kind != FOLD_UNKNOWN)
			e = &page[cp % FOLD_PAGE];
		else
			e = fold_lookup(idx, cp, &tmp);
		if (e->kind == FOLD_JOIN && have_seg) {
			k->len = seg_key;
			k->st = seg_st;
			fold_slow(idx, k, s, seg, q);
			p = q;
			continue;
		}
		seg = p;
		seg_key = k->len;
		seg_st = k->st;
		have_seg = true;
		switch (e->kind) {
		case FOLD_EMIT:
			if (k->st.pending && k->st.last_word &&
			    (e->flags & FOLD_WORD_FIRST))
				key_put(k, " ", 1, k->st.space_lo,
				    k->st.space_hi);
			/* Copy the whole entry: fixed size, no loop. */
			key_reserve(k, FOLD_INLINE);
			memcpy(k->s + k->len, e->out, FOLD_INLINE);
			if (map) {
				for (i = 0; i < e->len; i++) {
					k->lo[k->len + i] = (uint32_t)p;
					k->hi[k->len + i] = (uint32_t)q;
				}
			}
			k->len += e->len;
			k->st.pending = false;
			k->st.last_word = (e->flags & FOLD_WORD_LAST) != 0;
			break;
		case FOLD_SPACE:
			key_space(k, p, q);
			break;
		case FOLD_DROP:
			break;
		default:
			fold_slow(idx, k, s, p, q);
			break;
		}
		p = q;
	}
	key_reserve(k, 1);
	k->s[k->len] = '\0';
}

/*
 * Fold the window s[lo..hi) of a field into k with the offset map, the
 * offsets counted from the start of the field.
 */
static void
fold_window(struct search_index *idx, struct key *k, const char *s,
    size_t lo, size_t hi)
{
	size_t i;

	fold_text(idx, k, s + lo, hi - lo, true);
	for (i = 0; i < k->len; i++) {
		k->lo[i] += (uint32_t)lo;
		k->hi[i] += (uint32_t)lo;
	}
}

/*
 * Load the Traditional to Simplified table from OpenCC, once.  Every BMP
 * ideograph goes through t2s in one call, one per line so no phrase rule
 * can join two; a result that is not exactly one code point is ignored.
 */
static void
index_prepare(struct search_index *idx)
{
#ifdef HAVE_OPENCC
	struct buf in = BUF_INIT;
	opencc_t oc;
	char *res;
	const char *r, *nl;
	size_t cap = 0, rlen, used;
	uint32_t cp, to;

	if (idx->prepared)
		return;
	idx->prepared = true;
	oc = opencc_open("t2s.json");
	if (oc == (opencc_t)-1)
		return;		/* no data: search works without it */
	for (cp = 0x3400; cp <= 0x9FFF; cp++) {
		if (cp > 0x4DBF && cp < 0x4E00)
			continue;
		buf_put_cp(&in, cp);
		buf_putc(&in, '\n');
	}
	res = opencc_convert_utf8(oc, in.data, in.len);
	if (res != NULL) {
		r = res;
		for (cp = 0x3400; cp <= 0x9FFF && *r != '\0'; cp++) {
			if (cp > 0x4DBF && cp < 0x4E00)
				continue;
			if ((nl = strchr(r, '\n')) == NULL)
				break;
			rlen = (size_t)(nl - r);
			used = rlen > 0 ? utf8_decode(r, rlen, &to) : 0;
			if (used == rlen && rlen > 0 && to != cp &&
			    to != TEXT_REPLACEMENT) {
				if (idx->nt2s == cap) {
					cap = cap == 0 ? 4096 : cap * 2;
					idx->t2s = xreallocarray(idx->t2s, cap,
					    sizeof *idx->t2s);
				}
				idx->t2s[idx->nt2s].from = cp;
				idx->t2s[idx->nt2s++].to = to;
			}
			r = nl + 1;
		}
		opencc_convert_utf8_free(res);
	}
	opencc_close(oc);
	buf_free(&in);
	idx->variants = idx->nt2s > 0;
#else
	idx->prepared = true;
#endif
}

/* Compare inverse pairs by ideograph, then source, for qsort(). */
static int
inv_cmp(const void *a, const void *b)
{
	const struct inv_pair *x = a, *y = b;

	if (x->to != y->to)
		return x->to < y->to ? -1 : 1;
	return x->from < y->from ? -1 : x->from > y->from;
}

/*
 * Run the folding backwards, once: for every code point that does not
 * fold to itself, note the ideographs its fold contains.  Composition
 * never makes or removes an ideograph, so the canonical decomposition is
 * enough to see them.
 */
static void
inv_build(struct search_index *idx)
{
	utf8proc_int32_t d[FOLD_DECOMP_MAX];
	utf8proc_ssize_t n, i;
	const utf8proc_property_t *p;
	size_t cap = 0;
	uint32_t cp, r, c;

	if (idx->inv_built)
		return;
	idx->inv_built = true;
	for (cp = 0; cp < FOLD_SCAN_END; cp++) {
		if (cp >= 0xD800 && cp <= 0xDFFF)
			continue;
		p = utf8proc_get_property((utf8proc_int32_t)cp);
		r = radical_fold(cp);
		if (r == cp && p->decomp_seqindex == UINT16_MAX &&
		    p->casefold_seqindex == UINT16_MAX &&
		    t2s_fold(idx, cp) == cp)
			continue;
		n = utf8proc_decompose_char((utf8proc_int32_t)r, d,
		    FOLD_DECOMP_MAX, UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT |
		    UTF8PROC_CASEFOLD | UTF8PROC_IGNORE, NULL);
		if (n < 0 || n > FOLD_DECOMP_MAX)
			fatalx("search: decomposition of U+%04X too long",
			    (unsigned)cp);
		for (i = 0; i < n; i++) {
			c = t2s_fold(idx, (uint32_t)d[i]);
			if (c < 0x80 && cp >= 0x80 && search_ascii_alnum(c))
				idx->ascii_map[cp / 64] |= (uint64_t)1 <<
				    (cp % 64);
			if (c == cp || !is_anchor_han(c))
				continue;
			if (idx->ninv == cap) {
				cap = cap == 0 ? 2048 : cap * 2;
				idx->inv = xreallocarray(idx->inv, cap,
				    sizeof *idx->inv);
			}
			idx->inv[idx->ninv].to = c;
			idx->inv[idx->ninv++].from = cp;
		}
	}
	if (idx->ninv > 0)
		qsort(idx->inv, idx->ninv, sizeof *idx->inv, inv_cmp);
}

/*
 * Collect the raw forms of ideograph c (c itself and every code point
 * that folds into it) into an anchor.  Returns false when there are too
 * many for c to be a cheap anchor.
 */
static bool
anchor_forms(const struct search_index *idx, uint32_t c, struct anchor *a)
{
	size_t lo = 0, hi = idx->ninv, mid;

	a->cp = c;
	a->nforms = 0;
	a->formlen[a->nforms] = (uint8_t)utf8_encode(c, a->form[a->nforms]);
	a->nforms++;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (idx->inv[mid].to < c)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < idx->ninv && idx->inv[lo].to == c; lo++) {
		if (a->nforms == SEARCH_ANCHOR_FORMS)
			return false;
		a->formlen[a->nforms] = (uint8_t)utf8_encode(idx->inv[lo].from,
		    a->form[a->nforms]);
		a->nforms++;
	}
	return true;
}

/*
 * Choose the anchors of a folded word: up to SEARCH_ANCHORS distinct
 * ideographs, those with the fewest raw forms first.
 */
static void
pterm_anchors(struct search_index *idx, struct pterm *pt)
{
	struct anchor cand;
	uint32_t cp, seen[SEARCH_ANCHORS];
	size_t off = 0, i, worst;
	bool dup;

	pt->nanchors = 0;
	while (off < pt->len) {
		off += utf8_decode(pt->key + off, pt->len - off, &cp);
		if (!is_anchor_han(cp))
			continue;
		for (dup = false, i = 0; i < pt->nanchors; i++)
			dup = dup || seen[i] == cp;
		if (dup)
			continue;
		inv_build(idx);
		if (!anchor_forms(idx, cp, &cand))
			continue;
		if (pt->nanchors < SEARCH_ANCHORS) {
			seen[pt->nanchors] = cp;
			pt->anchors[pt->nanchors++] = cand;
			continue;
		}
		for (worst = 0, i = 1; i < pt->nanchors; i++)
			if (pt->anchors[i].nforms > pt->anchors[worst].nforms)
				worst = i;
		if (cand.nforms < pt->anchors[worst].nforms) {
			seen[worst] = cp;
			pt->anchors[worst] = cand;
		}
	}
}

/* Number of code points in the valid UTF-8 s[0..len). */
static size_t
key_cps(const char *s, size_t len)
{
	size_t i, n = 0;

	for (i = 0; i < len; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			n++;
	return n;
}

/*
 * Choose how the fields of word pt are searched (see Speed, at the top):
 * its lead character and how many code points of its key come before and
 * after the lead's first occurrence in it.
 */
static void
pterm_lead(struct search_index *idx, struct pterm *pt)
{
	size_t i, best, off, n, l;
	uint32_t cp = 0;
	unsigned char c0;

	pt->lead = LEAD_NONE;
	if (pt->len == 0)
		return;
	if (pt->nanchors > 0) {
		/* The anchor with the fewest raw forms: fewest scans. */
		for (best = 0, i = 1; i < pt->nanchors; i++)
			if (pt->anchors[i].nforms < pt->anchors[best].nforms)
				best = i;
		for (off = 0, n = 0; off < pt->len; n++) {
			l = utf8_decode(pt->key + off, pt->len - off, &cp);
			if (cp == pt->anchors[best].cp)
				break;
			off += l;
		}
		pt->lead = LEAD_HAN;
		pt->lead_anchor = best;
		pt->before = n;
		pt->after = key_cps(pt->key, pt->len) - n - 1;
		return;
	}
	c0 = (unsigned char)pt->key[0];
	if (search_ascii_alnum(c0)) {
		inv_build(idx);		/* fills ascii_map */
		pt->lead = LEAD_ASCII;
		pt->lead_ascii = c0;
		pt->before = 0;
		pt->after = key_cps(pt->key, pt->len) - 1;
	}
}

/* Fold every word of q with idx and choose its anchors. */
static void
prepare(struct search_index *idx, const struct search_query *q,
    struct prepared *pr)
{
	struct pterm *pt;
	size_t i;

	index_prepare(idx);
	pr->n = q->nterms;
	pr->t = xcalloc(q->nterms, sizeof *pr->t);
	pr->all = 0;
	for (i = 0; i < q->nterms; i++) {
		pt = &pr->t[i];
		fold_text(idx, &idx->key, q->terms[i].text,
		    strlen(q->terms[i].text), false);
		pt->key = xstrndup(idx->key.s, idx->key.len);
		pt->len = idx->key.len;
		pterm_anchors(idx, pt);
		pterm_lead(idx, pt);
		pr->all |= (uint32_t)1 << i;
	}
}

/* Free a prepared query. */
static void
prepared_free(struct prepared *pr)
{
	size_t i;

	for (i = 0; i < pr->n; i++)
		free(pr->t[i].key);
	free(pr->t);
}

/*
 * memmem() for a short needle: memchr() on its last byte, then compare
 * the bytes before it.  In Chinese text the last byte of a character is a
 * UTF-8 continuation byte, one of 64, so memchr() skips far, and it is
 * vectorised; glibc's memmem() costs more to set up than a paragraph
 * costs to scan.  The work is at most needle length times haystack
 * length, which SEARCH_SHORT_NEEDLE bounds.
 */
static const char *
short_find(const char *s, size_t len, const char *needle, size_t n)
{
	const char *m;
	size_t p;

	if (n == 0 || n > len)
		return n == 0 ? s : NULL;
	if (n > SEARCH_SHORT_NEEDLE)
		return memmem(s, len, needle, n);
	for (p = n - 1; p < len; p = (size_t)(m - s) + 1) {
		m = memchr(s + p, (unsigned char)needle[n - 1], len - p);
		if (m == NULL)
			return NULL;
		if (memcmp(m - (n - 1), needle, n - 1) == 0)
			return m - (n - 1);
	}
	return NULL;
}

/* Whether s[0..len) may hold word pt: every anchor has a raw form in it. */
static bool
prefilter(const struct pterm *pt, const char *s, size_t len)
{
	const struct anchor *a;
	size_t i, j;
	bool found;

	if (pt->len == 0)
		return false;
	for (i = 0; i < pt->nanchors; i++) {
		a = &pt->anchors[i];
		for (found = false, j = 0; j < a->nforms && !found; j++)
			found = short_find(s, len, a->form[j],
			    a->formlen[j]) != NULL;
		if (!found)
			return false;
	}
	return true;
}

/* The text of field i of a (headlines, dateline, byline, blocks). */
static const char *
field_get(const struct article *a, size_t i, enum search_field *f,
    size_t *index)
{
	*index = 0;
	if (i < a->nheadlines) {
		*f = SEARCH_HEADLINE;
		*index = i;
		/* An inferred headline repeats the lead: search that. */
		return a->headlines[i].inferred ? NULL : a->headlines[i].text;
	}
	i -= a->nheadlines;
	if (i == 0) {
		*f = SEARCH_DATELINE;
		return a->dateline;
	}
	if (i == 1) {
		*f = SEARCH_BYLINE;
		return a->byline;
	}
	*f = SEARCH_BLOCK;
	*index = i - 2;
	return a->blocks[i - 2].text;
}

/* Append a hit. */
static void
hitvec_push(struct hitvec *hv, enum search_field f, size_t index,
    size_t start, size_t end)
{
	if (hv->n == hv->cap) {
		hv->cap = hv->cap == 0 ? 8 : hv->cap * 2;
		hv->v = xreallocarray(hv->v, hv->cap, sizeof *hv->v);
	}
	hv->v[hv->n].field = f;
	hv->v[hv->n].index = index;
	hv->v[hv->n].start = start;
	hv->v[hv->n].end = end;
	hv->n++;
}

/* Compare hits of one field by start, then end, for qsort(). */
static int
hit_cmp(const void *a, const void *b)
{
	const struct search_hit *x = a, *y = b;

	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return x->end < y->end ? -1 : x->end > y->end;
}

/*
 * Sort the hits hv->v[from..] of one field and merge the ones that
 * overlap (words of a query can overlap: "社区" and "区委").
 */
static void
hitvec_merge(struct hitvec *hv, size_t from)
{
	struct search_hit *v = hv->v + from;
	size_t n = hv->n - from, i, out = 0;

	if (n < 2)
		return;
	qsort(v, n, sizeof *v, hit_cmp);
	for (i = 1; i < n; i++) {
		if (v[i].start < v[out].end) {
			if (v[i].end > v[out].end)
				v[out].end = v[i].end;
		} else
			v[++out] = v[i];
	}
	hv->n = from + out + 1;
}

/* Find every hit of word pt in the key of one field. */
static void
find_hits(const struct key *k, const struct pterm *pt, enum search_field f,
    size_t index, struct hitvec *hv)
{
	const char *m;
	size_t pos = 0, ks;

	while (pos + pt->len <= k->len) {
		m = short_find(k->s + pos, k->len - pos, pt->key, pt->len);
		if (m == NULL)
			break;
		ks = (size_t)(m - k->s);
		hitvec_push(hv, f, index, k->lo[ks], k->hi[ks + pt->len - 1]);
		pos = ks + pt->len;	/* hits of one word do not overlap */
	}
}

/* Whether code point cp emits key text (a starter that is not dropped). */
static bool
window_emits(struct search_index *idx, uint32_t cp)
{
	const struct fold_entry *e;
	struct fold_entry tmp;

	e = fold_lookup(idx, cp, &tmp);
	return e->kind == FOLD_EMIT || e->kind == FOLD_SLOW;
}

/*
 * Add the window around a raw occurrence s[c..ce) of pt's lead in the
 * field s[0..len): back over pt->before characters that emit, forward
 * over pt->after, to just before the next one that emits (so the last
 * one keeps its combining marks).  Both ends are segment boundaries: a
 * character that emits is never a combining mark.  Returns false when
 * the window grows past SEARCH_WINDOW_MAX.
 */
static bool
window_add(struct search_index *idx, const struct pterm *pt, const char *s,
    size_t len, size_t c, size_t ce)
{
	struct span *sp;
	size_t lo = c, hi = ce, n, q;
	uint32_t cp;

	for (n = 0; n < pt->before && lo > 0; ) {
		if (c - lo > SEARCH_WINDOW_MAX)
			return false;
		lo = utf8_prev(s, lo);
		fold_decode(s, lo, len, &cp);
		if (window_emits(idx, cp))
			n++;
	}
	for (n = 0; hi < len; hi = q) {
		if (hi - ce > SEARCH_WINDOW_MAX)
			return false;
		q = fold_decode(s, hi, len, &cp);
		if (window_emits(idx, cp)) {
			if (n == pt->after)
				break;
			n++;
		}
	}
	if (idx->nspans == idx->spancap) {
		idx->spancap = idx->spancap == 0 ? 64 : idx->spancap * 2;
		idx->spans = xreallocarray(idx->spans, idx->spancap,
		    sizeof *idx->spans);
	}
	sp = &idx->spans[idx->nspans++];
	sp->lo = lo;
	sp->hi = hi;
	return true;
}

/* Compare spans by start, for qsort(). */
static int
span_cmp(const void *a, const void *b)
{
	const struct span *x = a, *y = b;

	return x->lo < y->lo ? -1 : x->lo > y->lo;
}

/*
 * Find the raw occurrences of pt's lead in s[0..len) and add a window
 * around each.  Returns false when a window grew too large.
 */
static bool
window_collect(struct search_index *idx, const struct pterm *pt,
    const char *s, size_t len)
{
	const struct anchor *a;
	const struct fold_entry *e;
	struct fold_entry tmp;
	const char *m;
	size_t j, p, q, c;
	uint32_t cp;
	unsigned char lc, uc, b;

	if (pt->lead == LEAD_HAN) {
		a = &pt->anchors[pt->lead_anchor];
		for (j = 0; j < a->nforms; j++) {
			for (p = 0; p < len; p = c + a->formlen[j]) {
				m = short_find(s + p, len - p, a->form[j],
				    a->formlen[j]);
				if (m == NULL)
					break;
				c = (size_t)(m - s);
				if (!window_add(idx, pt, s, len, c,
				    c + a->formlen[j]))
					return false;
			}
		}
		return true;
	}
	/* LEAD_ASCII: the byte in either case, or a character that may fold
	   to it (ascii_map) and does. */
	lc = pt->lead_ascii;
	uc = lc >= 'a' && lc <= 'z' ? (unsigned char)(lc - 'a' + 'A') : lc;
	for (p = 0; p < len; p = q) {
		b = (unsigned char)s[p];
		if (b < 0x80) {
			q = p + 1;
			if ((b == lc || b == uc) &&
			    !window_add(idx, pt, s, len, p, q))
				return false;
			continue;
		}
		q = fold_decode(s, p, len, &cp);
		if (cp >= FOLD_SCAN_END ||
		    (idx->ascii_map[cp / 64] & ((uint64_t)1 << (cp % 64))) == 0)
			continue;
		/* Only what emits the byte, or may with its neighbours. */
		e = fold_lookup(idx, cp, &tmp);
		if (e->kind == FOLD_SPACE || e->kind == FOLD_DROP ||
		    (e->kind == FOLD_EMIT &&
		    memchr(e->out, lc, e->len) == NULL))
			continue;
		if (!window_add(idx, pt, s, len, p, q))
			return false;
	}
	return true;
}

/*
 * Find the hits of word pt in field s[0..len) by folding only windows
 * around its lead.  Returns false (nothing added) when the word has no
 * lead or a window grew too large: the caller then
 * folds the whole field.
 */
static bool
window_hits(struct search_index *idx, const struct pterm *pt, const char *s,
    size_t len, enum search_field f, size_t index, struct hitvec *hv)
{
	struct span *sp = NULL;
	size_t i, n = 0;

	if (pt->lead == LEAD_NONE)
		return false;
	idx->nspans = 0;
	if (!window_collect(idx, pt, s, len))
		return false;
	/* Several raw forms: their windows come form by form. */
	if (pt->lead == LEAD_HAN && pt->anchors[pt->lead_anchor].nforms > 1)
		qsort(idx->spans, idx->nspans, sizeof *idx->spans, span_cmp);
	for (i = 0; i < idx->nspans; i++) {
		if (n > 0 && idx->spans[i].lo <= sp->hi) {
			if (idx->spans[i].hi > sp->hi)
				sp->hi = idx->spans[i].hi;
			continue;
		}
		sp = &idx->spans[n++];
		*sp = idx->spans[i];
	}
	for (i = 0; i < n; i++) {
		fold_window(idx, &idx->key, s, idx->spans[i].lo,
		    idx->spans[i].hi);
		find_hits(&idx->key, pt, f, index, hv);
	}
	return true;
}

/*
 * Search one article: first the prefilter over every field, which
 * rejects the article cheaply when some word cannot be in it, then keys
 * for the fields that may match.  Returns the hits (0 when some word is
 * missing).
 */
static size_t
collect(struct search_index *idx, const struct prepared *pr,
    const struct article *a, struct search_hit **hits)
{
	struct hitvec hv = { NULL, 0, 0 };
	enum search_field f;
	const char *text;
	size_t nf = a->nheadlines + 2 + a->nblocks, i, t, index, from, before;
	uint32_t all = 0, found = 0, m;
	bool folded;

	*hits = NULL;
	if (pr->n == 0)
		return 0;
	if (nf > idx->nfields) {
		idx->masks = xreallocarray(idx->masks, nf, sizeof *idx->masks);
		idx->lens = xreallocarray(idx->lens, nf, sizeof *idx->lens);
		idx->nfields = nf;
	}
	for (i = 0; i < nf; i++) {
		idx->masks[i] = 0;
		text = field_get(a, i, &f, &index);
		if (text == NULL || *text == '\0')
			continue;
		idx->lens[i] = strlen(text);
		for (t = 0; t < pr->n; t++)
			if (prefilter(&pr->t[t], text, idx->lens[i]))
				idx->masks[i] |= (uint32_t)1 << t;
		all |= idx->masks[i];
	}
	if (all != pr->all)
		return 0;
	for (i = 0; i < nf; i++) {
		if ((m = idx->masks[i]) == 0)
			continue;
		text = field_get(a, i, &f, &index);
		from = hv.n;
		folded = false;
		for (t = 0; t < pr->n; t++) {
			if ((m & ((uint32_t)1 << t)) == 0)
				continue;
			before = hv.n;
			/* Windows reuse the key: fold the field again after. */
			if (window_hits(idx, &pr->t[t], text, idx->lens[i], f,
			    index, &hv))
				folded = false;
			else {
				if (!folded)
					fold_text(idx, &idx->key, text,
					    idx->lens[i], true);
				folded = true;
				find_hits(&idx->key, &pr->t[t], f, index, &hv);
			}
			if (hv.n > before)
				found |= (uint32_t)1 << t;
		}
		hitvec_merge(&hv, from);
	}
	if (found != pr->all) {
		free(hv.v);
		return 0;
	}
	*hits = hv.v;
	return hv.n;
}

/* Whether cp separates words of a query. */
static bool
query_is_space(uint32_t cp)
{
	return cp == '\n' || cp == '\r' || cp == '\v' || cp == '\f' ||
	    text_is_space(cp);
}

/* Whether cp opens or closes a phrase: " “ ” ＂. */
static bool
query_is_quote(uint32_t cp)
{
	return cp == '"' || cp == 0x201C || cp == 0x201D || cp == 0xFF02;
}

/* Append a word or phrase to q; false when there are too many. */
static bool
query_add(struct search_query *q, const char *s, size_t len, bool phrase)
{
	if (q->nterms == SEARCH_TERMS_MAX)
		return false;
	q->terms = xreallocarray(q->terms, q->nterms + 1, sizeof *q->terms);
	q->terms[q->nterms].text = xstrndup(s, len);
	q->terms[q->nterms].phrase = phrase;
	q->nterms++;
	return true;
}

/*
 * Split a query into words and "phrases".  A word ends at a space or a
 * quote; a phrase runs from a quote to the next quote or the end.
 * Returns false when there are too many words.
 */
static bool
query_split(struct search_query *q, const char *s, size_t len)
{
	size_t p = 0, start, n;
	uint32_t cp;

	while (p < len) {
		n = utf8_decode(s + p, len - p, &cp);
		if (query_is_space(cp)) {
			p += n;
			continue;
		}
		if (query_is_quote(cp)) {
			start = p += n;
			while (p < len) {
				n = utf8_decode(s + p, len - p, &cp);
				if (query_is_quote(cp))
					break;
				p += n;
			}
			if (p > start && !query_add(q, s + start, p - start,
			    true))
				return false;
			if (p < len)
				p += n;		/* the closing quote */
			continue;
		}
		start = p;
		while (p < len) {
			n = utf8_decode(s + p, len - p, &cp);
			if (query_is_space(cp) || query_is_quote(cp))
				break;
			p += n;
		}
		if (!query_add(q, s + start, p - start, false))
			return false;
	}
	return true;
}

struct search_query *
search_compile(const char *query, char **cause)
{
	struct search_query *q;
	struct search_index *idx;
	size_t len, i;
	char *clean;

	*cause = NULL;
	len = strlen(query);
	if (len > SEARCH_QUERY_MAX) {
		*cause = xasprintf(_("search query too long (%zu bytes, at "
		    "most %d)"), len, SEARCH_QUERY_MAX);
		return NULL;
	}
	if (!utf8_valid(query, len, NULL)) {
		*cause = xstrdup(_("search query is not valid UTF-8"));
		return NULL;
	}
	q = xcalloc(1, sizeof *q);
	if (!query_split(q, query, len)) {
		search_query_free(q);
		*cause = xasprintf(_("search query has more than %d words"),
		    SEARCH_TERMS_MAX);
		return NULL;
	}
	if (q->nterms == 0) {
		search_query_free(q);
		*cause = xstrdup(_("empty search query"));
		return NULL;
	}
	/*
	 * A word of punctuation only ("，" or "--") would match everywhere
	 * or nowhere: refuse it.  Folding without OpenCC is enough to tell,
	 * since t2s never empties a key.
	 */
	idx = search_index_new(NULL);
	for (i = 0; i < q->nterms; i++) {
		fold_text(idx, &idx->key, q->terms[i].text,
		    strlen(q->terms[i].text), false);
		if (idx->key.len == 0) {
			clean = sanitize_str(q->terms[i].text);
			*cause = xasprintf(_("nothing to search for in '%s' "
			    "(spaces and punctuation are ignored)"), clean);
			free(clean);
			search_index_free(idx);
			search_query_free(q);
			return NULL;
		}
	}
	search_index_free(idx);
	return q;
}

void
search_query_free(struct search_query *q)
{
	size_t i;

	if (q == NULL)
		return;
	for (i = 0; i < q->nterms; i++)
		free(q->terms[i].text);
	free(q->terms);
	free(q);
}

size_t
search_query_nterms(const struct search_query *q)
{
	return q->nterms;
}

struct search_index *
search_index_new(const struct edition *ed)
{
	struct search_index *idx = xcalloc(1, sizeof *idx);

	idx->ed = ed;
	return idx;
}

void
search_index_free(struct search_index *idx)
{
	size_t i;

	if (idx == NULL)
		return;
	for (i = 0; i < sizeof idx->pages / sizeof idx->pages[0]; i++)
		free(idx->pages[i]);
	free(idx->t2s);
	free(idx->inv);
	free(idx->key.s);
	free(idx->key.lo);
	free(idx->key.hi);
	buf_free(&idx->tmp);
	free(idx->masks);
	free(idx->lens);
	free(idx->spans);
	free(idx);
}

bool
search_index_folds_variants(struct search_index *idx)
{
	index_prepare(idx);
	return idx->variants;
}

/* Bytes per pair in a saved table: from and to, 4 bytes each, little
   endian. */
#define T2S_SAVED	8

char *
search_index_variants_save(struct search_index *idx, size_t *len)
{
	unsigned char *p, *q;
	uint32_t v[2];
	size_t i, k;

	index_prepare(idx);
	*len = idx->nt2s * T2S_SAVED;
	p = q = xmalloc(*len + 1);
	for (i = 0; i < idx->nt2s; i++) {
		v[0] = idx->t2s[i].from;
		v[1] = idx->t2s[i].to;
		for (k = 0; k < T2S_SAVED; k++)
			*q++ = (unsigned char)(v[k / 4] >> (8 * (k % 4)));
	}
	return (char *)p;
}

bool
search_index_variants_load(struct search_index *idx, const void *p,
    size_t len)
{
	const unsigned char *b = p;
	struct t2s_pair *t;
	uint32_t v[2];
	size_t n, i, k;

	if (idx->prepared || idx->inv_built || len % T2S_SAVED != 0)
		return false;
	for (i = 0; i < sizeof idx->pages / sizeof idx->pages[0]; i++)
		if (idx->pages[i] != NULL)
			return false;
	n = len / T2S_SAVED;
	t = n > 0 ? xreallocarray(NULL, n, sizeof *t) : NULL;
	for (i = 0; i < n; i++) {
		v[0] = v[1] = 0;
		for (k = 0; k < T2S_SAVED; k++)
			v[k / 4] |= (uint32_t)b[i * T2S_SAVED + k] <<
			    (8 * (k % 4));
		/* As index_prepare() builds it: sorted, BMP ideographs
		   to other valid code points. */
		if (v[0] < 0x3400 || v[0] > 0x9FFF || (i > 0 &&
		    v[0] <= t[i - 1].from) || v[1] == v[0] ||
		    v[1] > 0x10FFFF || (v[1] >= 0xD800 && v[1] <= 0xDFFF) ||
		    v[1] == TEXT_REPLACEMENT) {
			free(t);
			return false;
		}
		t[i].from = v[0];
		t[i].to = v[1];
	}
	idx->t2s = t;
	idx->nt2s = n;
	idx->variants = n > 0;
	idx->prepared = true;
	return true;
}

char *
search_variants_stamp(void)
{
#ifdef HAVE_OPENCC
	/*
	 * What opencc_open("t2s.json") reads (OpenCC 1.1): the config and
	 * the dictionaries it names, each looked for in the current folder
	 * first and then in OpenCC's data folder.
	 */
	static const char *const files[] = {
		"t2s.json", "TSPhrases.ocd2", "TSCharacters.ocd2"
	};
	static const char *const dirs[] = { "", OPENCC_DATADIR "/" };
	struct buf b = BUF_INIT;
	struct stat st;
	char *path, *r;
	size_t i, j;

	buf_puts(&b, "opencc");
	for (i = 0; i < sizeof dirs / sizeof dirs[0]; i++)
		for (j = 0; j < sizeof files / sizeof files[0]; j++) {
			path = xasprintf("%s%s", dirs[i], files[j]);
			if (stat(path, &st) == 0)
				buf_printf(&b, " %s:%lld:%lld.%09ld", path,
				    (long long)st.st_size,
				    (long long)st.st_mtim.tv_sec,
				    (long)st.st_mtim.tv_nsec);
			else
				buf_printf(&b, " %s:-", path);
			free(path);
		}
	r = xstrdup(buf_str(&b));
	buf_free(&b);
	return r;
#else
	return xstrdup("no opencc");
#endif
}

size_t
search_index_memory(const struct search_index *idx)
{
	size_t n = sizeof *idx, i;

	for (i = 0; i < sizeof idx->pages / sizeof idx->pages[0]; i++)
		if (idx->pages[i] != NULL)
			n += FOLD_PAGE * sizeof *idx->pages[i];
	n += idx->nt2s * sizeof *idx->t2s + idx->ninv * sizeof *idx->inv;
	n += idx->key.cap * (1 + sizeof *idx->key.lo + sizeof *idx->key.hi);
	n += idx->tmp.cap + idx->nfields * (sizeof *idx->masks +
	    sizeof *idx->lens);
	n += idx->spancap * sizeof *idx->spans;
	return n;
}

struct search_results *
search_edition(struct search_index *idx, const struct search_query *q)
{
	struct search_results *r = xcalloc(1, sizeof *r);
	const struct section *s;
	struct search_match *m;
	struct search_hit *hits;
	struct prepared pr;
	size_t si, ai, n, cap = 0;

	if (idx->ed == NULL)
		return r;
	prepare(idx, q, &pr);
	for (si = 0; si < idx->ed->nsections; si++) {
		s = idx->ed->sections[si];
		for (ai = 0; ai < s->narticles; ai++) {
			if ((n = collect(idx, &pr, s->articles[ai], &hits)) == 0)
				continue;
			if (r->nmatches == cap) {
				cap = cap == 0 ? 16 : cap * 2;
				r->matches = xreallocarray(r->matches, cap,
				    sizeof *r->matches);
			}
			m = &r->matches[r->nmatches++];
			m->section = si;
			m->article = ai;
			m->hits = hits;
			m->nhits = n;
			r->nhits += n;
		}
	}
	prepared_free(&pr);
	return r;
}

void
search_results_free(struct search_results *r)
{
	size_t i;

	if (r == NULL)
		return;
	for (i = 0; i < r->nmatches; i++)
		free(r->matches[i].hits);
	free(r->matches);
	free(r);
}

size_t
search_article(struct search_index *idx, const struct search_query *q,
    const struct article *a, struct search_hit **hits)
{
	struct prepared pr;
	size_t n;

	prepare(idx, q, &pr);
	n = collect(idx, &pr, a, hits);
	prepared_free(&pr);
	return n;
}

const char *
search_field_text(const struct article *a, const struct search_hit *hit)
{
	switch (hit->field) {
	case SEARCH_HEADLINE:
		return hit->index < a->nheadlines ?
		    a->headlines[hit->index].text : NULL;
	case SEARCH_DATELINE:
		return a->dateline;
	case SEARCH_BYLINE:
		return a->byline;
	case SEARCH_BLOCK:
		return hit->index < a->nblocks ? a->blocks[hit->index].text :
		    NULL;
	}
	return NULL;
}

/* Step back from off over at most cols columns; *used gets the width. */
static size_t
snippet_back(const char *text, size_t off, size_t cols, size_t *used)
{
	size_t prev;
	uint32_t cp;
	int w;

	*used = 0;
	while (off > 0) {
		prev = utf8_prev(text, off);
		utf8_decode(text + prev, off - prev, &cp);
		w = width_cp(cp);
		if (*used + (size_t)w > cols)
			break;
		*used += (size_t)w;
		off = prev;
	}
	return off;
}

/*
 * Make the snippet: the hit, then up to SEARCH_BEFORE_PCT of the spare
 * columns of text before it, the rest after it; columns the text after
 * cannot use go to the text before.  An ellipsis takes one column at each
 * cut end.
 */
char *
search_snippet(const char *text, size_t start, size_t end, size_t cols,
    size_t *hl_start, size_t *hl_end)
{
	struct buf b = BUF_INIT;
	size_t len = strlen(text), hw, spare, want, from, to, ub, ua;

	if (cols == 0)
		cols = SEARCH_COLS;
	if (end > len)
		end = len;
	if (start > end)
		start = end;
	hw = width_str(text + start, end - start);
	if (hw >= cols) {
		/* The hit alone fills the line: show as much of it as fits. */
		end = start + width_fit(text + start, end - start, cols, NULL);
		buf_append(&b, text + start, end - start);
		*hl_start = 0;
		*hl_end = end - start;
		return buf_detach(&b);
	}
	spare = cols - hw;

	/* Before: its share, less one column for "…" if it cannot reach 0. */
	want = spare * SEARCH_BEFORE_PCT / 100;
	from = snippet_back(text, start, want, &ub);
	if (from > 0 && want > 0)
		from = snippet_back(text, start, want - 1, &ub), ub++;

	/* After: the rest, less one column for "…" if it cannot reach len. */
	want = spare - ub;
	to = end + width_fit(text + end, len - end, want, &ua);
	if (to < len && want > 0)
		to = end + width_fit(text + end, len - end, want - 1, &ua),
		    ua++;

	/* The text after ended early: give its columns to the text before. */
	if (to == len && from > 0 && ua < want) {
		want = spare - ua;
		from = snippet_back(text, start, want, &ub);
		if (from > 0 && want > 0)
			from = snippet_back(text, start, want - 1, &ub);
	}

	if (from > 0)
		buf_puts(&b, "…");
	*hl_start = b.len + (start - from);
	*hl_end = *hl_start + (end - start);
	buf_append(&b, text + from, to - from);
	if (to < len)
		buf_puts(&b, "…");
	if (b.data == NULL)
		buf_puts(&b, "");
	return buf_detach(&b);
}

const char *
search_key(struct search_index *idx, const char *s, size_t len,
    size_t *keylen)
{
	index_prepare(idx);
	fold_text(idx, &idx->key, s, len, false);
	*keylen = idx->key.len;
	return idx->key.s;
}

const char *
search_query_term(const struct search_query *q, size_t i)
{
	return i < q->nterms ? q->terms[i].text : NULL;
}

void
search_print_match(const struct article *a, const struct search_hit *hits,
    size_t nhits, const char *label, size_t cols, FILE *out)
{
	const struct search_hit *h, *prev;
	const char *text;
	char *clean, *snip;
	size_t j, hs, he;

	if (cols == 0)
		cols = SEARCH_COLS;
	clean = sanitize_str(article_title(a));
	fprintf(out, "%s: %s\n", label, clean);
	free(clean);
	/* One line per field with hits, like grep; headlines are shown
	   above. */
	for (prev = NULL, j = 0; j < nhits; j++) {
		h = &hits[j];
		if (h->field == SEARCH_HEADLINE || (prev != NULL &&
		    prev->field == h->field && prev->index == h->index))
			continue;
		prev = h;
		if ((text = search_field_text(a, h)) == NULL)
			continue;
		snip = search_snippet(text, h->start, h->end,
		    cols > 4 ? cols - 2 : cols, &hs, &he);
		clean = sanitize_str(snip);
		fprintf(out, "  %s\n", clean);
		free(clean);
		free(snip);
	}
}

/* Print one match as a JSON object on one line. */
static void
search_print_json(const struct edition *ed, const struct search_match *m,
    const struct article *a, size_t cols, FILE *out)
{
	const struct section *sec = ed->sections[m->section];
	const struct search_hit *h, *prev;
	struct buf b = BUF_INIT;
	const char *text;
	char *snip;
	size_t j, hs, he, num = m->article + 1;

	for (j = 0; j < m->section; j++)
		num += ed->sections[j]->narticles;
	json_begin(&b);
	json_string(&b, "edition", ed->source);
	json_number(&b, "section", m->section + 1);
	json_string(&b, "section_title", sec->title);
	json_number(&b, "page", sec->page);
	json_number(&b, "article", m->article + 1);
	json_number(&b, "number", num);
	json_string(&b, "id", a->id);
	json_string(&b, "headline", article_title(a));
	json_array_begin(&b, "snippets");
	for (prev = NULL, j = 0; j < m->nhits; j++) {
		h = &m->hits[j];
		if (h->field == SEARCH_HEADLINE || (prev != NULL &&
		    prev->field == h->field && prev->index == h->index))
			continue;
		prev = h;
		if ((text = search_field_text(a, h)) == NULL)
			continue;
		snip = search_snippet(text, h->start, h->end, cols, &hs, &he);
		json_item(&b, snip);
		free(snip);
	}
	json_array_end(&b);
	json_end(&b);
	fprintf(out, "%s\n", buf_str(&b));
	buf_free(&b);
}

int
search_print(const struct edition *ed, const char *query, size_t cols,
    bool json, FILE *out, char **cause)
{
	struct search_query *q;
	struct search_index *idx;
	struct search_results *r;
	const struct search_match *m;
	const struct article *a;
	char *sec, *label;
	size_t i;
	int n;

	if ((q = search_compile(query, cause)) == NULL)
		return -1;
	idx = search_index_new(ed);
	r = search_edition(idx, q);
	for (i = 0; i < r->nmatches; i++) {
		m = &r->matches[i];
		a = ed->sections[m->section]->articles[m->article];
		if (json) {
			search_print_json(ed, m, a, cols, out);
			continue;
		}
		/* The section's name with each hit: S/A (第05版：要闻). */
		sec = sanitize_str(ed->sections[m->section]->title);
		label = xasprintf("%zu/%zu (%s)", m->section + 1,
		    m->article + 1, sec);
		search_print_match(a, m->hits, m->nhits, label, cols, out);
		free(label);
		free(sec);
	}
	n = r->nmatches > INT_MAX ? INT_MAX : (int)r->nmatches;
	search_results_free(r);
	search_index_free(idx);
	search_query_free(q);
	return n;
}
