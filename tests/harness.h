/*
 * A minimal test harness: OK, EQ_INT and EQ_STR record a result and say
 * where a check failed; test_done() prints "N passed, N failed" as the
 * last line and gives the exit status.
 */
#ifndef PITH_TEST_HARNESS_H
#define PITH_TEST_HARNESS_H

#include <stdio.h>
#include <string.h>

static int test_passed, test_failed;

#define OK(cond, ...)                                                      \
    do {                                                                   \
        if (cond) {                                                        \
            test_passed++;                                                 \
        } else {                                                           \
            test_failed++;                                                 \
            printf("FAIL %s:%d: ", __FILE__, __LINE__);                    \
            printf(__VA_ARGS__);                                           \
            printf("\n");                                                  \
        }                                                                  \
    } while (0)

#define EQ_INT(got, want, what)                                            \
    do {                                                                   \
        long long g_ = (long long)(got), w_ = (long long)(want);           \
        OK(g_ == w_, "%s: got %lld, want %lld", what, g_, w_);             \
    } while (0)

#define EQ_STR(got, want, what)                                            \
    do {                                                                   \
        const char *g_ = (got), *w_ = (want);                              \
        OK(g_ && w_ && strcmp(g_, w_) == 0, "%s: got \"%s\", want \"%s\"", \
           what, g_ ? g_ : "(null)", w_ ? w_ : "(null)");                  \
    } while (0)

static inline int
test_done(void)
{
    printf("%d passed, %d failed\n", test_passed, test_failed);
    return test_failed ? 1 : 0;
}

#endif
