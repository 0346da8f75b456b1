/*
 * The assertion guard of src/dom/dom.c, seen from a program that links
 * the library.  The library defines __assert_fail so that a Gumbo
 * assertion failing during a parse fails that page only; every other
 * failed assertion, the host program's own included, must still print
 * the C library's message and abort, whichever thread it is in and
 * whatever another thread is parsing.
 *
 * Each case runs in a child process (fork) whose exit status and stderr
 * are checked.  Built twice: against libpith.a and against libpith.so,
 * where the guard reaches the program through the dynamic linker.
 */
#undef NDEBUG /* the host's assert() must be there in a release build */
#include <assert.h>

#include "harness.h"
#include "pith.h"

#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

/* Gumbo 0.10.1 (Debian's build keeps its assert()s) fails an assertion on
 * CDATA in an SVG <foreignObject> in a table; the pre-pass cannot defuse
 * this one, as the '<' in the section would become markup in SVG (see
 * comment() in src/decode/prepass.c). */
static const char gumbo_fails[] = "<table><svg><foreignObject><![CDATA[<]]>i";

static const char article[] =
    "<html><head><title>Guarded</title></head><body><article>"
    "<p>The first paragraph of an ordinary page, long enough for the "
    "extractor to keep it as the article's text after the parse.</p>"
    "<p>The second paragraph: another page on the same extractor comes "
    "out whole after a page that Gumbo could not parse.</p>"
    "</article></body></html>";

/* What a child did: how it ended and what it wrote on stderr. */
struct outcome {
    int status;
    char err[4096];
};

/* Runs fn in a child process with stderr into a pipe. */
static int
run_child(void (*fn)(void), struct outcome *o)
{
    int fd[2];
    memset(o, 0, sizeof *o);
    if (pipe(fd))
        return -1;
    fflush(stdout);
    pid_t pid = fork();
    if (pid < 0)
        return -1;
    if (pid == 0) {
        close(fd[0]);
        dup2(fd[1], 2);
        fn();
        _exit(0);
    }
    close(fd[1]);
    size_t n = 0;
    ssize_t r;
    while ((r = read(fd[0], o->err + n, sizeof o->err - 1 - n)) > 0)
        n += (size_t)r;
    close(fd[0]);
    if (waitpid(pid, &o->status, 0) != pid)
        return -1;
    return 0;
}

static int
aborted(const struct outcome *o)
{
    return WIFSIGNALED(o->status) && WTERMSIG(o->status) == SIGABRT;
}

static int
exit_code(const struct outcome *o)
{
    return WIFEXITED(o->status) ? WEXITSTATUS(o->status) : -1;
}

/* Extracts one page and returns its status; with text_ok, says whether
 * the text is the article's. */
static pith_status
extract(pith_extractor *ex, const char *page, int *text_ok)
{
    pith_result *res = NULL;
    pith_status st = pith_extract_html(ex, page, strlen(page), NULL, NULL,
                                       &res);
    if (text_ok)
        *text_ok = st == PITH_OK && res && res->text &&
                   !strncmp(res->text, "The first paragraph", 19) &&
                   strstr(res->text, "comes out whole") != NULL;
    pith_result_free(res);
    return st;
}

/* ------------------------------------------------------------ (a) */

static void
host_assert_main(void)
{
    int host_invariant = 0;
    assert(host_invariant == 1);
    _exit(3); /* not reached */
}

/* ------------------------------------------------------------ (b) */

static atomic_int pages_parsed;
static atomic_int wrong;

/* Parses pages until the process ends, the failing one every third
 * time, so that both the guarded parse and its failure run while the
 * other thread's assertion fails. */
static void *
parse_loop(void *arg)
{
    (void)arg;
    pith_extractor *ex = pith_new(NULL);
    if (!ex)
        return NULL;
    for (unsigned i = 0;; i++) {
        int text_ok = 0;
        pith_status st = i % 3 == 2 ? extract(ex, gumbo_fails, NULL)
                                    : extract(ex, article, &text_ok);
        if (i % 3 == 2 ? st != PITH_ERR_INTERNAL : st != PITH_OK || !text_ok)
            atomic_fetch_add(&wrong, 1);
        atomic_fetch_add(&pages_parsed, 1);
    }
    return NULL;
}

static void *
host_assert_thread(void *arg)
{
    const char *what = arg;
    assert(what == NULL && "host invariant in its own thread");
    return NULL;
}

static void
host_assert_while_parsing(void)
{
    pith_global_init();
    pthread_t parser, host;
    if (pthread_create(&parser, NULL, parse_loop, NULL))
        _exit(4);
    /* Let the parser get going: both kinds of page, several times. */
    while (atomic_load(&pages_parsed) < 30)
        usleep(1000);
    if (atomic_load(&wrong))
        _exit(5);
    if (pthread_create(&host, NULL, host_assert_thread, "a page"))
        _exit(4);
    pthread_join(host, NULL);
    _exit(3); /* not reached: the assertion aborts the process */
}

/* ------------------------------------------------------------ (c) */

/* Exit codes of the child, so the parent can say what went wrong. */
enum {
    FAILED_PAGE_NOT_INTERNAL = 10,
    FAILED_PAGE_NO_MESSAGE,
    NEXT_PAGE_WRONG,
    THREADS_WRONG,
};

static void
gumbo_assert_fails_one_page(void)
{
    pith_global_init();
    pith_extractor *ex = pith_new(NULL);
    if (!ex)
        _exit(4);
    if (extract(ex, gumbo_fails, NULL) != PITH_ERR_INTERNAL)
        _exit(FAILED_PAGE_NOT_INTERNAL);
    if (strcmp(pith_errmsg(ex), "the HTML parser failed on this page"))
        _exit(FAILED_PAGE_NO_MESSAGE);
    int text_ok = 0;
    if (extract(ex, article, &text_ok) != PITH_OK || !text_ok)
        _exit(NEXT_PAGE_WRONG);
    pith_free(ex);
    pith_global_cleanup();
    _exit(0);
}

/* Two threads, each alternating the failing page and a good one: each
 * thread's guard is its own (thread-local), so one thread's failure
 * never lands in the other's parse. */
static void *
alternate(void *arg)
{
    (void)arg;
    pith_extractor *ex = pith_new(NULL);
    if (!ex) {
        atomic_fetch_add(&wrong, 1);
        return NULL;
    }
    for (int i = 0; i < 200; i++) {
        int text_ok = 0;
        if (extract(ex, gumbo_fails, NULL) != PITH_ERR_INTERNAL ||
            extract(ex, article, &text_ok) != PITH_OK || !text_ok)
            atomic_fetch_add(&wrong, 1);
    }
    pith_free(ex);
    return NULL;
}

static void
gumbo_asserts_in_two_threads(void)
{
    pith_global_init();
    pthread_t t[2];
    for (int i = 0; i < 2; i++)
        if (pthread_create(&t[i], NULL, alternate, NULL))
            _exit(4);
    for (int i = 0; i < 2; i++)
        pthread_join(t[i], NULL);
    _exit(atomic_load(&wrong) ? THREADS_WRONG : 0);
}

/* After a page Gumbo failed on, the guard is down again: the host's own
 * assertion aborts as usual. */
static void
host_assert_after_gumbo_assert(void)
{
    pith_global_init();
    pith_extractor *ex = pith_new(NULL);
    if (!ex || extract(ex, gumbo_fails, NULL) != PITH_ERR_INTERNAL)
        _exit(4);
    int after_failed_page = 1;
    assert(after_failed_page == 0);
    _exit(3); /* not reached */
}

/* ------------------------------------------------------------ main */

/* A child that must end like a failed assert(): SIGABRT, and the C
 * library's message naming the expression. */
static void
expect_abort(const char *name, void (*fn)(void), const char *expr)
{
    struct outcome o;
    if (run_child(fn, &o)) {
        OK(0, "%s: fork failed", name);
        return;
    }
    OK(aborted(&o), "%s: want SIGABRT, got status %#x (exit %d); stderr: %s",
       name, o.status, exit_code(&o), o.err);
    char want[256];
    snprintf(want, sizeof want, "Assertion `%s' failed.", expr);
    OK(strstr(o.err, want) != NULL, "%s: want \"%s\" on stderr, got: %s",
       name, want, o.err);
    OK(strstr(o.err, "test_assert_guard.c") != NULL,
       "%s: the message names the file, got: %s", name, o.err);
}

static void
expect_exit0(const char *name, void (*fn)(void))
{
    struct outcome o;
    if (run_child(fn, &o)) {
        OK(0, "%s: fork failed", name);
        return;
    }
    OK(exit_code(&o) == 0, "%s: want exit 0, got status %#x (exit %d); "
       "stderr: %s", name, o.status, exit_code(&o), o.err);
}

int
main(void)
{
    expect_abort("a host assertion in the main thread", host_assert_main,
                 "host_invariant == 1");
    expect_abort("a host assertion in a thread while another parses",
                 host_assert_while_parsing,
                 "what == NULL && \"host invariant in its own thread\"");
    expect_exit0("a Gumbo assertion fails its page only",
                 gumbo_assert_fails_one_page);
    expect_exit0("Gumbo assertions in two threads at once",
                 gumbo_asserts_in_two_threads);
    expect_abort("a host assertion after a page Gumbo failed on",
                 host_assert_after_gumbo_assert, "after_failed_page == 0");
    return test_done();
}
