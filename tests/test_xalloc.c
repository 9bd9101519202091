/*
 * test_xalloc.c - unit tests for the fatal path (xalloc.c): the cleanup
 * the reader registers runs before the message, once, and abort follows.
 */
#include "config.h"

#include "common.h"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "xalloc.h"

/* The cleanup of the child: writes a mark to stderr, as endwin() would
   restore the terminal before the message. */
static int
cleanup(void)
{
	fputs("cleanup\n", stderr);
	fflush(stderr);
	return 0;
}

/* A cleanup that is itself fatal must not run again. */
static int
cleanup_fatal(void)
{
	fputs("cleanup\n", stderr);
	fatalx("inner");
	return 0;
}

/* Run fatalx in a child with fn registered; returns its stderr. */
static char *
run_fatal(int (*fn)(void), int *sig)
{
	int pipefd[2], status;
	char *out = calloc(1, 4096);
	size_t n = 0;
	ssize_t r;
	pid_t pid;

	assert_non_null(out);
	assert_int_equal(pipe(pipefd), 0);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		close(pipefd[0]);
		dup2(pipefd[1], STDERR_FILENO);
		/* No core file for an expected abort. */
		signal(SIGABRT, SIG_DFL);
		xalloc_on_fatal(fn);
		fatalx("out of %s", "luck");
	}
	close(pipefd[1]);
	while (n < 4095 && (r = read(pipefd[0], out + n, 4095 - n)) > 0)
		n += (size_t)r;
	close(pipefd[0]);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	*sig = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
	return out;
}

/* The cleanup runs first, then the message, then abort. */
static void
test_cleanup_first(void **state)
{
	int sig;
	char *err = run_fatal(cleanup, &sig);

	(void)state;
	assert_int_equal(sig, SIGABRT);
	assert_string_equal(err, "cleanup\nkanbao: fatal: out of luck\n");
	free(err);
}

/* Without a cleanup, only the message. */
static void
test_no_cleanup(void **state)
{
	int sig;
	char *err = run_fatal(NULL, &sig);

	(void)state;
	assert_int_equal(sig, SIGABRT);
	assert_string_equal(err, "kanbao: fatal: out of luck\n");
	free(err);
}

/* A cleanup that fails fatally runs once: no loop. */
static void
test_cleanup_once(void **state)
{
	int sig;
	char *err = run_fatal(cleanup_fatal, &sig);

	(void)state;
	assert_int_equal(sig, SIGABRT);
	assert_string_equal(err, "cleanup\nkanbao: fatal: inner\n");
	free(err);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cleanup_first),
		cmocka_unit_test(test_no_cleanup),
		cmocka_unit_test(test_cleanup_once),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
