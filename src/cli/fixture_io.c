/* Files for the fixture commands; see fixture_io.h. */
#include "fixture_io.h"

#include "args.h"
#include "msg.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int
io_read(const char *path, size_t max, char **out, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return -1;
    size_t cap = 1 << 14, n = 0, got;
    char *p = malloc(cap + 1);
    while (p && (got = fread(p + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n > max) {
            free(p);
            fclose(f);
            errno = EFBIG;
            return -1;
        }
        if (n == cap) {
            char *q = realloc(p, cap * 2 + 1);
            if (!q)
                free(p);
            p = q;
            cap *= 2;
        }
    }
    int err = !p ? ENOMEM : ferror(f) ? EIO : 0;
    fclose(f);
    if (err) {
        free(p);
        errno = err;
        return -1;
    }
    p[n] = '\0';
    *out = p;
    *len = n;
    return 0;
}

int
io_write(const char *path, const char *data, size_t len)
{
    char *tmp = io_fmt("%s.tmp", path);
    FILE *f = fopen(tmp, "wb");
    if (!f) {
        free(tmp);
        return -1;
    }
    int bad = fwrite(data, 1, len, f) != len;
    int err = errno;
    bad |= fclose(f) != 0;
    if (!bad && rename(tmp, path) == 0) {
        free(tmp);
        return 0;
    }
    err = err ? err : errno;
    unlink(tmp);
    free(tmp);
    errno = err ? err : EIO;
    return -1;
}

int
io_mkdirs(const char *path)
{
    char *p = io_fmt("%s", path);
    size_t len = strlen(p);
    int rc = 0;
    for (size_t i = 1; i <= len && rc == 0; i++) {
        if (p[i] != '/' && p[i] != '\0')
            continue;
        char c = p[i];
        p[i] = '\0';
        if (mkdir(p, 0777) && errno != EEXIST)
            rc = -1;
        p[i] = c;
    }
    int err = errno;
    free(p);
    struct stat st;
    if (rc) {
        errno = err;
        return -1;
    }
    if (stat(path, &st))
        return -1;
    if (!S_ISDIR(st.st_mode)) {
        errno = ENOTDIR;
        return -1;
    }
    return 0;
}

int
io_exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
}

char *
io_fmt(const char *fmt, ...)
{
    va_list ap;
    char *s = NULL;
    va_start(ap, fmt);
    int n = vasprintf(&s, fmt, ap);
    va_end(ap);
    if (n < 0) {
        errorf("out of memory");
        exit(EXIT_INTERNAL);
    }
    return s;
}
