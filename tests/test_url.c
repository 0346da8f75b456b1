/*
 * URL resolution (RFC 3986, section 5.4's examples) and dates to ISO 8601:
 * tables of input and expected output.
 */
#include "harness.h"

#include "arena.h"
#include "meta/meta_parts.h"
#include "url.h"

int
main(void)
{
    struct arena a;
    arena_init(&a);
    static const char base[] = "http://a/b/c/d;p?q";
    static const char *const cases[][2] = {
        {"g:h", "g:h"}, {"g", "http://a/b/c/g"}, {"./g", "http://a/b/c/g"},
        {"g/", "http://a/b/c/g/"}, {"/g", "http://a/g"},
        {"//g", "http://g"}, {"?y", "http://a/b/c/d;p?y"},
        {"g?y", "http://a/b/c/g?y"}, {"#s", "http://a/b/c/d;p?q#s"},
        {"g#s", "http://a/b/c/g#s"}, {";x", "http://a/b/c/;x"},
        {"", "http://a/b/c/d;p?q"}, {".", "http://a/b/c/"},
        {"./", "http://a/b/c/"}, {"..", "http://a/b/"},
        {"../", "http://a/b/"}, {"../g", "http://a/b/g"},
        {"../..", "http://a/"}, {"../../g", "http://a/g"},
        {"../../../g", "http://a/g"}, {"/./g", "http://a/g"},
        {"/../g", "http://a/g"}, {"g.", "http://a/b/c/g."},
        {"g/../h", "http://a/b/c/h"}, {"  g\n ", "http://a/b/c/g"},
        {"https://x.example/a b", "https://x.example/a b"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        EQ_STR(url_resolve(&a, base, cases[i][0]), cases[i][1], cases[i][0]);
    EQ_STR(url_resolve(&a, NULL, "/rel"), "/rel", "no base");
    EQ_STR(url_resolve(&a, "not a url", "x"), "x", "relative base");
    OK(url_resolve(&a, base, NULL) == NULL, "NULL ref");
    EQ_STR(url_resolve(&a, "https://h.example", "p"), "https://h.example/p",
           "empty base path");

    static const char *const dates[][2] = {
        {"2024-02-27", "2024-02-27"},
        {"2024-02-27T18:42:00Z", "2024-02-27T18:42:00Z"},
        {"2021-11-01T10:52:50+0100", "2021-11-01T10:52:50+01:00"},
        {"2017-11-03 03:01:00.000000", "2017-11-03T03:01:00"},
        {"2015-03-27T13:07:55.096Z", "2015-03-27T13:07:55Z"},
        {"Tue, 05 Mar 2024 18:01:00 +0000", "2024-03-05T18:01:00Z"},
        {"March 5, 2024 at 6:01 pm", "2024-03-05T18:01:00"},
        {"5. März 2024", "2024-03-05"}, {"14 septembre 2023", "2023-09-14"},
        {"05.03.2024", "2024-03-05"}, {"2024年5月20日 10時30分", "2024-05-20"},
        {"Sept. 9, 2019", "2019-09-09"}, {"Saturday, 12 June 2021", "2021-06-12"},
        {"Jane Doe, 5 March 2024", "2024-03-05"},
        {"5 minutes ago", NULL}, {"Jane 5", NULL}, {"2024-02-30", NULL},
        {"", NULL}, {"By Jane Doe", NULL},
    };
    for (size_t i = 0; i < sizeof dates / sizeof dates[0]; i++) {
        const char *got = meta_date_iso(&a, dates[i][0]);
        if (dates[i][1])
            EQ_STR(got, dates[i][1], dates[i][0]);
        else
            OK(got == NULL, "%s: got %s, want none", dates[i][0], got);
    }
    OK(meta_date_cmp("2024-03-05T10:00:00+02:00", "2024-03-05T09:00:00Z") < 0,
       "zones count");
    OK(meta_date_cmp("2024-03-05", "2024-03-05T00:00:00Z") == 0,
       "a day is its start");

    static const char *const names[][3] = {
        {"By Jane Doe", "Jane Doe", NULL},
        {"Jane Doe and John Roe", "Jane Doe", "John Roe"},
        {"Jong, Michiel de", "Jong, Michiel de", NULL},
        {"Email the author", NULL, NULL}, {"5 minutes ago", NULL, NULL},
        {"https://facebook.com/jane", NULL, NULL},
        {"Jane Doe (https://jane.example/)", "Jane Doe", NULL},
        {"By Nathan Willis March 25, 2015", "Nathan Willis", NULL},
        {"Jane Doe \xE2\x80\xA2 8h", "Jane Doe", NULL},
        /* a member handle is a name on a forum (digits are no date) */
        {"jdoe42", "jdoe42", NULL}, {"@jdoe", NULL, NULL},
    };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        struct strlist l = {NULL, 0, 16};
        meta_authors_add(&a, &l, names[i][0]);
        size_t want = names[i][1] ? (names[i][2] ? 2 : 1) : 0;
        EQ_INT(l.n, want, names[i][0]);
        for (size_t k = 0; k < l.n && k < want; k++)
            EQ_STR(l.items[k], names[i][1 + k], names[i][0]);
    }
    arena_free(&a);
    return test_done();
}
