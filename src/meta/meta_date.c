/*
 * Dates as pages write them -> ISO 8601; see meta_parts.h.  Metadata
 * mostly holds ISO 8601 already (with a space for the T, a zone without a
 * colon, fractions of seconds); visible dates are written in words, in the
 * page's language.  The day is kept as the page wrote it: no zone
 * conversion, so a date stays the day the page shows.
 */
#include "meta/meta_parts.h"

#include "arena.h"

#include <ctype.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

/* Years a page's own date can have: the web's and a lifetime after. */
#define DATE_MIN_YEAR 1900
#define DATE_MAX_YEAR 2199

struct when {
    int y, mo, d, h, mi, s;
    int has_time, has_zone, zone_min; /* zone: minutes east of UTC */
};

/* Month names in the languages of the pages we see; a word naming a month
 * starts with one of these (lowercase, so "Sept." and "März" match). */
static const struct { const char *name; int month; } months[] = {
    {"january", 1}, {"february", 2}, {"march", 3}, {"april", 4},
    {"may", 5}, {"june", 6}, {"july", 7}, {"august", 8}, {"september", 9},
    {"october", 10}, {"november", 11}, {"december", 12},
    {"jan", 1}, {"feb", 2}, {"mar", 3}, {"apr", 4}, {"jun", 6},
    {"jul", 7}, {"aug", 8}, {"sep", 9}, {"oct", 10}, {"nov", 11},
    {"dec", 12}, {"sept", 9},
    /* German */
    {"januar", 1}, {"jänner", 1}, {"februar", 2}, {"märz", 3},
    {"mai", 5}, {"juni", 6}, {"juli", 7}, {"oktober", 10}, {"okt", 10},
    {"dezember", 12}, {"dez", 12},
    /* French */
    {"janvier", 1}, {"février", 2}, {"fevrier", 2}, {"mars", 3},
    {"avril", 4}, {"juin", 6}, {"juillet", 7}, {"août", 8}, {"aout", 8},
    {"septembre", 9}, {"octobre", 10}, {"novembre", 11},
    {"décembre", 12}, {"decembre", 12},
    /* Spanish, Italian, Portuguese */
    {"enero", 1}, {"febrero", 2}, {"marzo", 3}, {"abril", 4}, {"mayo", 5},
    {"junio", 6}, {"julio", 7}, {"agosto", 8}, {"septiembre", 9},
    {"setiembre", 9}, {"octubre", 10}, {"noviembre", 11},
    {"diciembre", 12}, {"gennaio", 1}, {"febbraio", 2}, {"aprile", 4},
    {"maggio", 5}, {"giugno", 6}, {"luglio", 7}, {"settembre", 9},
    {"ottobre", 10}, {"dicembre", 12}, {"janeiro", 1}, {"fevereiro", 2},
    {"março", 3}, {"maio", 5}, {"junho", 6}, {"julho", 7},
    {"setembro", 9}, {"outubro", 10}, {"dezembro", 12},
    /* Dutch */
    {"januari", 1}, {"februari", 2}, {"maart", 3}, {"mei", 5},
    {"augustus", 8},
};

static int
days_in(int y, int m)
{
    static const int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 && leap ? 29 : d[m - 1];
}

static int
valid(const struct when *w)
{
    return w->y >= DATE_MIN_YEAR && w->y <= DATE_MAX_YEAR && w->mo >= 1 &&
           w->mo <= 12 && w->d >= 1 && w->d <= days_in(w->y, w->mo) &&
           w->h >= 0 && w->h < 24 && w->mi >= 0 && w->mi < 60 &&
           w->s >= 0 && w->s <= 60;
}

/* Reads up to max digits at *p into *v; the count read, 0 for none. */
static int
digits(const char **p, int max, int *v)
{
    int n = 0;
    *v = 0;
    while (n < max && isdigit((unsigned char)**p)) {
        *v = *v * 10 + (**p - '0');
        (*p)++;
        n++;
    }
    return n;
}

/* A zone at p: Z, UTC, GMT, +HH, +HHMM or +HH:MM. */
static void
zone(const char *p, struct when *w)
{
    while (*p == ' ')
        p++;
    if (*p == 'Z' || *p == 'z' || !strncasecmp(p, "UTC", 3) ||
        !strncasecmp(p, "GMT", 3)) {
        w->has_zone = 1;
        w->zone_min = 0;
        if (*p == 'Z' || *p == 'z')
            return;
        p += 3;
    }
    if (*p != '+' && *p != '-')
        return;
    int sign = *p++ == '-' ? -1 : 1, hh, mm = 0;
    if (digits(&p, 2, &hh) != 2)
        return;
    if (*p == ':')
        p++;
    if (isdigit((unsigned char)*p) && digits(&p, 2, &mm) != 2)
        return;
    if (hh > 14 || mm > 59)
        return;
    w->has_zone = 1;
    w->zone_min = sign * (hh * 60 + mm);
}

/* A time at p: HH:MM[:SS[.fff]] [am|pm] [zone]; 1 when read. */
static int
clock_at(const char *p, struct when *w)
{
    int h, mi, s = 0;
    if (!digits(&p, 2, &h) || *p != ':')
        return 0;
    p++;
    if (digits(&p, 2, &mi) != 2)
        return 0;
    if (*p == ':') {
        p++;
        if (digits(&p, 2, &s) != 2)
            return 0;
        if (*p == '.' || *p == ',') {
            p++;
            while (isdigit((unsigned char)*p))
                p++;
        }
    }
    const char *q = p;
    while (*q == ' ')
        q++;
    if ((!strncasecmp(q, "pm", 2) || !strncasecmp(q, "p.m.", 4)) && h < 12)
        h += 12;
    else if ((!strncasecmp(q, "am", 2) || !strncasecmp(q, "a.m.", 4)) &&
             h == 12)
        h = 0;
    if (!strncasecmp(q, "am", 2) || !strncasecmp(q, "pm", 2))
        p = q + 2;
    w->h = h;
    w->mi = mi;
    w->s = s;
    w->has_time = 1;
    zone(p, w);
    return 1;
}

/* YYYY-MM-DD (also with / or .), then an optional time. */
static int
iso(const char *p, struct when *w)
{
    int y, m, d;
    if (digits(&p, 4, &y) != 4 || (*p != '-' && *p != '/' && *p != '.'))
        return 0;
    char sep = *p++;
    if (!digits(&p, 2, &m) || *p++ != sep || !digits(&p, 2, &d))
        return 0;
    if (isdigit((unsigned char)*p))
        return 0;
    w->y = y;
    w->mo = m;
    w->d = d;
    if (*p == 'T' || *p == 't' || *p == ' ')
        clock_at(p + 1, w);
    else
        zone(p, w);
    return 1;
}

/* The month a word names: one of the names above, or a prefix of one
 * written with a dot ("Sept.", "janv."); 0 when none.  "Jane" is not
 * January: an undotted prefix does not count. */
static int
month_of(const char *word, size_t len, int dotted)
{
    char low[16];
    if (len < 3 || len >= sizeof low)
        return 0;
    for (size_t i = 0; i < len; i++)
        low[i] = (char)tolower((unsigned char)word[i]);
    for (size_t i = 0; i < sizeof months / sizeof months[0]; i++) {
        /* Most names differ from the word in their first letter. */
        if (low[0] != months[i].name[0])
            continue;
        size_t l = strlen(months[i].name);
        if ((len == l || (dotted && len < l)) &&
            memcmp(low, months[i].name, len) == 0)
            return months[i].month;
    }
    return 0;
}

/* Dates in words or numbers, anywhere in s: "March 5, 2024 at 6:01 pm",
 * "Tue, 05 Mar 2024 18:01:00 +0000", "5. März 2024", "05.03.2024",
 * "2024年3月5日".  1 when a year, a month and a day were found. */
static int
loose(const char *s, struct when *w)
{
    int y = 0, m = 0, d = 0, nums[3], nn = 0;
    char seps[2] = {0, 0};
    for (const char *p = s; *p; ) {
        unsigned char c = (unsigned char)*p;
        if (isdigit(c)) {
            const char *start = p;
            int v, n = digits(&p, 9, &v);
            if (*p == ':' && !w->has_time && clock_at(start, w)) {
                while (isdigit((unsigned char)*p) || *p == ':')
                    p++;
                continue;
            }
            /* CJK: 2024年3月5日, Korean 2024년 3월 5일. */
            if (!strncmp(p, "\xE5\xB9\xB4", 3) || !strncmp(p, "\xEB\x85\x84", 3))
                y = v;
            else if (!strncmp(p, "\xE6\x9C\x88", 3) ||
                     !strncmp(p, "\xEC\x9B\x94", 3))
                m = v;
            else if (!strncmp(p, "\xE6\x97\xA5", 3) ||
                     !strncmp(p, "\xEC\x9D\xBC", 3))
                d = v;
            else if (n == 4 && !y)
                y = v;
            else if (n <= 2 && !d && v >= 1 && v <= 31 && (m || nn == 0))
                d = v;
            if (nn < 3 && n <= 4) {
                if (nn && (start[-1] == '.' || start[-1] == '/' ||
                           start[-1] == '-'))
                    seps[nn - 1] = start[-1];
                else
                    nn = 0;
                nums[nn++] = v;
            }
            continue;
        }
        if (isalpha(c) || c >= 0x80) {
            const char *start = p;
            while (isalpha((unsigned char)*p) || (unsigned char)*p >= 0x80) {
                if (!strncmp(p, "\xE5\xB9\xB4", 3) ||
                    !strncmp(p, "\xE6\x9C\x88", 3) ||
                    !strncmp(p, "\xE6\x97\xA5", 3))
                    break;
                p++;
            }
            if (p == start)
                p++;
            else if (!m)
                m = month_of(start, (size_t)(p - start), *p == '.');
            continue;
        }
        p++;
    }
    /* A numeric date: 05.03.2024 is day first, 03/05/2024 month first,
     * either unless the first number cannot be a day or month. */
    if (!m && nn == 3 && seps[0] && seps[0] == seps[1] && nums[0] > 999) {
        y = nums[0];
        m = nums[1];
        d = nums[2];
    } else if (!m && nn == 3 && seps[0] && seps[0] == seps[1] &&
               nums[2] > 999) {
        y = nums[2];
        /* 11-29-2024 (vBulletin's) cannot be day first. */
        int first_is_day = (seps[0] != '/' && nums[1] <= 12) ||
                           nums[0] > 12;
        d = first_is_day ? nums[0] : nums[1];
        m = first_is_day ? nums[1] : nums[0];
    }
    w->y = y;
    w->mo = m;
    w->d = d;
    return y && m && d;
}

const char *
meta_date_iso(struct arena *a, const char *s)
{
    if (!s)
        return NULL;
    while (*s == ' ')
        s++;
    struct when w;
    memset(&w, 0, sizeof w);
    if (!iso(s, &w)) {
        memset(&w, 0, sizeof w);
        if (!loose(s, &w))
            return NULL;
    }
    if (!valid(&w))
        return NULL;
    char out[40];
    int n = snprintf(out, sizeof out, "%04d-%02d-%02d", w.y, w.mo, w.d);
    if (w.has_time)
        n += snprintf(out + n, sizeof out - (size_t)n, "T%02d:%02d:%02d",
                      w.h, w.mi, w.s > 59 ? 59 : w.s);
    if (w.has_time && w.has_zone) {
        if (w.zone_min == 0)
            snprintf(out + n, sizeof out - (size_t)n, "Z");
        else
            snprintf(out + n, sizeof out - (size_t)n, "%c%02d:%02d",
                     w.zone_min < 0 ? '-' : '+', abs(w.zone_min) / 60,
                     abs(w.zone_min) % 60);
    }
    return arena_strndup(a, out, strlen(out));
}

/* Seconds since 1970 of an ISO string of meta_date_iso(). */
static long long
instant(const char *s)
{
    struct when w;
    memset(&w, 0, sizeof w);
    if (!iso(s, &w))
        return 0;
    /* Days from civil (Howard Hinnant's algorithm). */
    int y = w.y - (w.mo <= 2);
    long long era = (y >= 0 ? y : y - 399) / 400;
    long long yoe = y - era * 400;
    long long doy = (153 * (w.mo + (w.mo > 2 ? -3 : 9)) + 2) / 5 + w.d - 1;
    long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    long long days = era * 146097 + doe - 719468;
    return days * 86400 + w.h * 3600 + w.mi * 60 + w.s - w.zone_min * 60LL;
}

int
meta_date_cmp(const char *x, const char *y)
{
    long long a = instant(x), b = instant(y);
    return a < b ? -1 : a > b;
}

long long
meta_date_day_gap(const char *x, const char *y)
{
    char dx[11], dy[11];
    if (!x || !y || strlen(x) < 10 || strlen(y) < 10)
        return -1;
    memcpy(dx, x, 10);
    memcpy(dy, y, 10);
    dx[10] = dy[10] = '\0';
    long long a = instant(dx), b = instant(dy);
    return (a > b ? a - b : b - a) / 86400;
}
