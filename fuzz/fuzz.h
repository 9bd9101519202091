/*
 * fuzz.h - what kanbao's fuzz targets share.
 *
 * Every fuzz/fuzz_*.c file is one target: it defines only
 * LLVMFuzzerTestOneInput(), feeds the bytes to one input path of kanbao and
 * checks that path's invariants, calling abort() (through fuzz_fail()) when
 * one does not hold, so libFuzzer, ASan and a plain replay all stop there.
 * The same file links either with clang's libFuzzer (configure
 * --enable-fuzzing) or with fuzz/replay.c, a small main() that runs files
 * through the target, so the harnesses build and run with gcc, under
 * ASan/UBSan and under valgrind too (research: reliability-anchors.md 5.2).
 *
 * The checks live in fuzz_check.c.  Targets keep no state between inputs.
 */
#ifndef KANBAO_FUZZ_H
#define KANBAO_FUZZ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

struct edition;

/* Inputs larger than this are skipped: they only slow the fuzzer down. */
#define FUZZ_MAX_INPUT	(256 * 1024)

/* The libFuzzer entry points (libFuzzer or replay.c call them). */
int	 LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int	 LLVMFuzzerInitialize(int *argc, char ***argv);

/* Report a broken invariant with printf-style detail, then abort(). */
void	 fuzz_fail(const char *fmt, ...)
	     __attribute__((format(printf, 1, 2), noreturn));

/*
 * Length of the strictly valid UTF-8 sequence at s[0..len) (no overlong
 * forms, surrogates or code points past U+10FFFF), or 0 when it is not
 * valid.  *cp gets the code point.
 */
size_t	 fuzz_utf8_next(const char *s, size_t len, uint32_t *cp);

/* Abort unless s[0..len) is valid UTF-8; what names the string. */
void	 fuzz_check_utf8(const char *what, const char *s, size_t len);

/*
 * Abort unless s[0..len) is safe to write to a terminal: valid UTF-8, no
 * C0 control (except LF when newlines is true), no DEL, no U+0080-U+009F,
 * no bidi control.  This is sanitize.h's promise and what --dump, --list
 * and --bookmarks must print.
 */
void	 fuzz_check_display(const char *what, const char *s, size_t len,
	     bool newlines);

/*
 * Abort unless an error message exists and, once through sanitize_str()
 * as main.c prints it, is safe for a terminal.  (A libxml2 message may
 * hold a cut UTF-8 sequence and a newline; the sanitiser must fix both.)
 */
void	 fuzz_check_cause(const char *what, const char *cause);

/*
 * Abort unless the finished edition keeps edition.h's promises: every
 * string valid UTF-8, block and headline texts on one line, ids of 16
 * lowercase hex digits that edition_find_article() finds.
 */
void	 fuzz_check_edition(const struct edition *ed);

/*
 * Decode input the way load.c does with --encoding=utf8: a NUL-terminated
 * UTF-8 copy with bad sequences replaced.  Returns NULL (nothing to test)
 * when the decoder refuses the data, as it refuses a binary file.  Caller
 * frees.
 */
char	*fuzz_decode_utf8(const uint8_t *data, size_t size, size_t *len);

/* A loader with load_text()'s signature (load_text, load_nitf, load_html). */
typedef int (*fuzz_loader_fn)(struct edition *ed, const char *text,
	    size_t len, const char *path, const char *name, char **cause);

/*
 * The body of a loader target: decode the input as load.c would, load it
 * into a fresh edition with fn (path names the file for messages), finish
 * and check the edition, and check that a refusal comes with a message.
 */
void	 fuzz_run_loader(const uint8_t *data, size_t size, fuzz_loader_fn fn,
	     const char *path);

/* An in-memory FILE (open_memstream); never NULL.  Close with fclose. */
FILE	*fuzz_memfile(char **buf, size_t *len);

#endif
