/*
 * pith fixture review DIR [NAME...]: for each fixture whose output
 * changed, shows the diff and asks on the terminal: [a]ccept writes the
 * new output as the expected one, [r]eject keeps the expected output (the
 * fixture goes on failing until pith gives it again), [s]kip leaves the
 * decision for later, [q]uit stops.  One key answers; no Enter needed.
 *
 * It needs a terminal on standard input and output, and says so without
 * one (exit 2): check shows the changes and update accepts them in
 * scripts.  The fixtures are checked first, then each changed one is run
 * again when its turn comes, so memory holds one at a time.
 */
#include "fixture.h"

#include "fixture_run.h"
#include "fixture_show.h"
#include "msg.h"

#include <ctype.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

/* ------------------------------------------------------------ keys */

static struct termios saved_tty;
static volatile sig_atomic_t tty_raw;

/* Gives the terminal back as it was; safe in a signal handler. */
static void
tty_restore(void)
{
    if (tty_raw)
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved_tty);
    tty_raw = 0;
}

static void
on_signal(int sig)
{
    tty_restore();
    signal(sig, SIG_DFL);
    raise(sig);
}

/* Keys arrive one at a time, unechoed; Ctrl-C still interrupts, and the
 * terminal is restored however the program ends. */
static int
tty_keys(void)
{
    static int hooked;
    struct termios t;
    if (tcgetattr(STDIN_FILENO, &saved_tty))
        return -1;
    t = saved_tty;
    t.c_lflag &= ~(tcflag_t)(ICANON | ECHO);
    t.c_cc[VMIN] = 1;
    t.c_cc[VTIME] = 0;
    if (!hooked) {
        atexit(tty_restore);
        signal(SIGINT, on_signal);
        signal(SIGTERM, on_signal);
        signal(SIGHUP, on_signal);
        hooked = 1;
    }
    tty_raw = 1;
    if (tcsetattr(STDIN_FILENO, TCSANOW, &t)) {
        tty_raw = 0;
        return -1;
    }
    return 0;
}

/* Asks until one of a, r, s, q is pressed; end of input is q. */
static char
ask(const char *name, int color)
{
    printf("%s%s: [a]ccept, [r]eject, [s]kip, [q]uit? %s",
           color ? "\033[1m" : "", name, color ? "\033[0m" : "");
    fflush(stdout);
    for (;;) {
        unsigned char ch;
        ssize_t got = read(STDIN_FILENO, &ch, 1);
        if (got < 0 && errno == EINTR)
            continue;
        char k = got == 1 ? (char)tolower(ch) : 'q';
        if (strchr("arsq", k)) {
            printf("%c\n", k);
            return k;
        }
    }
}

/* ------------------------------------------------------------ the review */

struct counts {
    int accepted, rejected, skipped, broken;
    int unwritten; /* accepted, but the files could not be written */
};

/* Shows and asks about one changed fixture; 'q' when the review stops.
 * One that passes by now (fixed meanwhile) is not asked about. */
static char
review_one(const struct fixture_cli *c, const char *name, int i, int n,
           struct counts *k, int color)
{
    struct outcome oc;
    run_fixture(c->dir, name, &oc);
    char key = 0;
    if (oc.verdict == VERDICT_BROKEN) {
        errorf("%s", oc.fx.error);
        k->broken++;
    } else if (oc.verdict == VERDICT_FAILED) {
        printf("\n%s[%d/%d] %s%s\n", color ? "\033[1m" : "", i, n, name,
               color ? "\033[0m" : "");
        show_outcome(stdout, &oc, color);
        key = ask(name, color);
        if (key == 'a' && run_accept(&oc)) {
            errorf("%s: %s", oc.fx.path, strerror(errno));
            k->unwritten++;
        } else if (key == 'a') {
            k->accepted++;
        }
        k->rejected += key == 'r';
        k->skipped += key == 's' || key == 'q';
    }
    outcome_free(&oc);
    return key;
}

/* Checks every fixture; the changed ones' names go to changed[]. */
static int
find_changed(const struct fixture_cli *c, char **names, size_t n,
             char **changed, struct counts *k)
{
    int m = 0;
    for (size_t i = 0; i < n; i++) {
        struct outcome oc;
        run_fixture(c->dir, names[i], &oc);
        if (oc.verdict == VERDICT_BROKEN) {
            errorf("%s", oc.fx.error);
            k->broken++;
        } else if (oc.verdict == VERDICT_FAILED) {
            changed[m++] = names[i];
        }
        outcome_free(&oc);
    }
    return m;
}

int
fixture_review(const struct fixture_cli *c)
{
    if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
        errorf("review asks about each change on a terminal, and this is "
               "not one; use pith fixture check to see the changes and "
               "pith fixture update to accept them");
        return EXIT_USAGE;
    }
    char **names;
    size_t n;
    int code = run_select(c, &names, &n);
    if (code != EXIT_OK)
        return code;
    char **changed = calloc(n, sizeof *changed);
    if (!changed) {
        store_list_free(names, n);
        errorf("out of memory");
        return EXIT_INTERNAL;
    }
    struct counts k = {0, 0, 0, 0, 0};
    int color = show_color(c);
    int m = find_changed(c, names, n, changed, &k);
    if (m == 0) {
        printf("nothing to review: %zu fixtures unchanged\n",
               n - (size_t)k.broken);
    } else if (tty_keys()) {
        errorf("cannot read keys from the terminal: %s", strerror(errno));
        code = EXIT_INTERNAL;
    } else {
        for (int i = 0; i < m; i++)
            if (review_one(c, changed[i], i + 1, m, &k, color) == 'q') {
                k.skipped += m - i - 1;
                break;
            }
        tty_restore();
        printf("%d accepted, %d rejected, %d skipped\n", k.accepted,
               k.rejected, k.skipped);
    }
    free(changed);
    store_list_free(names, n);
    if (code == EXIT_OK && k.unwritten)
        code = EXIT_INPUT;
    if (code == EXIT_OK && k.broken)
        code = EXIT_FIXTURE_BROKEN;
    return code;
}
