/* The pair filter of src/words.c answers as the strstr() loop does. */
#include "harness.h"

#include "words.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
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
    /* More lists than the per-thread table keeps (words.c's LIST_SLOTS):
     * the ones past it are read word by word, with the same answers. */
    static char many_words[300][8];
    static const char *many[300][3];
    int many_same = 1;
    for (int round = 0; round < 2; round++)
        for (int i = 0; i < 300; i++) {
            snprintf(many_words[i], sizeof many_words[i], "w%03d", i);
            many[i][0] = "zzz-never";
            many[i][1] = many_words[i];
            many[i][2] = NULL;
            char s[32];
            snprintf(s, sizeof s, "xw%03d y", i);
            many_same &= words_any(s, many[i], 0) == 1 &&
                         words_any(s, many[(i + 1) % 300], 1) == 0 &&
                         words_any_start(s, many[i]) == 0 &&
                         words_any_start(s + 1, many[i]) == 1;
        }
    OK(many_same, "300 lists, each asked twice, answer as the loop");
    /* A word longer than a list keeps lengths for. */
    static char long_word[300];
    memset(long_word, 'q', sizeof long_word - 1);
    static const char *const long_list[] = {"abc", long_word, NULL};
    char hay[400];
    snprintf(hay, sizeof hay, "a %s b", long_word);
    EQ_INT(words_any(hay, long_list, 0), 1, "a 299-byte word found");
    EQ_INT(words_any_start(hay, long_list), 1, "and at a word's start");
    EQ_INT(words_any("a qq b", long_list, 1), 0, "and not where it is not");
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
