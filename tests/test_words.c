/* The pair filter of src/words.c answers as the strstr() loop does. */
#include "harness.h"

#include "words.h"

#include <stdlib.h>
#include <strings.h>

static int
loop_any(const char *s, const char *const *words, int fold)
{
    for (; *words; words++)
        if (fold ? strcasestr(s, *words) != NULL : strstr(s, *words) != NULL)
            return 1;
    return 0;
}

/* names.c's starts_any() as it was. */
static int
loop_start(const char *s, const char *const *words)
{
    for (; *words; words++) {
        size_t l = strlen(*words);
        for (const char *p = s; (p = strstr(p, *words)) != NULL; p += l) {
            char before = p == s ? ' ' : p[-1];
            if (before == ' ' || before == '-' || before == '_' ||
                (*words)[0] == '-')
                return 1;
        }
    }
    return 0;
}

int
main(void)
{
    static const char *const words[] = {
        "comment", "-ad-", "ai2html", "x", "ab", "abc", "sidebar", "Foo",
        "", NULL
    };
    static const char *const no_empty[] = {
        "comment", "-ad-", "ai2html", "x", "ab", "abc", "sidebar", "Foo",
        NULL
    };
    EQ_INT(words_any("post comments", no_empty, 0), 1, "a word inside");
    EQ_INT(words_any("post", no_empty, 0), 0, "no word");
    EQ_INT(words_any("FOO bar", no_empty, 1), 1, "folded");
    EQ_INT(words_any("foo bar", no_empty, 0), 0, "case kept");
    EQ_INT(words_any("", words, 0), 1, "the empty word is everywhere");
    static const char *const pager[] = {"pager", "-ad-", NULL};
    EQ_INT(words_any_start("js-pager", pager), 1, "after a dash");
    EQ_INT(words_any_start("apageroot", pager), 0, "inside a name");
    EQ_INT(words_any_start("x-ad-y", pager), 1, "a word with a dash");
    /* Random strings over a small alphabet against the loop, both ways,
     * the same string asked twice in a row (the cache) and not. */
    static const char alphabet[] = "abcdeoxmnt-iFO ";
    unsigned x = 7;
    int same = 1;
    for (int round = 0; round < 20000 && same; round++) {
        char s[64];
        x = x * 1103515245u + 12345u;
        int n = (int)(x >> 16) % 40;
        for (int i = 0; i < n; i++) {
            x = x * 1103515245u + 12345u;
            s[i] = alphabet[(x >> 16) % (sizeof alphabet - 1)];
        }
        s[n] = '\0';
        for (int fold = 0; fold < 2; fold++)
            for (int twice = 0; twice < 2; twice++)
                same &= words_any(s, no_empty, fold) ==
                        loop_any(s, no_empty, fold) &&
                        words_any_start(s, no_empty) ==
                        loop_start(s, no_empty);
        for (int i = 0; words[i]; i++)
            same &= words_casestr(s, words[i]) == strcasestr(s, words[i]);
        if (!same)
            printf("  differs on \"%s\"\n", s);
    }
    OK(same, "the filter answers as the strstr loop on random strings, "
             "words_casestr() as strcasestr()");
    return test_done();
}
