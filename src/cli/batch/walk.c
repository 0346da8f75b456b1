/* A sorted, streaming directory walk; see walk.h. */
#include "cli/batch/walk.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* One open directory: its entries, sorted, each with a type tag in its
 * first byte ('f' file, 'd' directory). */
struct walk_level {
    char **names;
    size_t n, at;
    size_t path_len;  /* w->path's length for this directory */
};

static int
by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a + 1, *(char *const *)b + 1);
}

/* The type tag of entry name in the directory at w->path, or 0 to skip. */
static char
entry_type(struct walk *w, const struct dirent *d)
{
    if (d->d_type == DT_DIR)
        return 'd';
    if (d->d_type == DT_REG)
        return 'f';
    if (d->d_type != DT_LNK && d->d_type != DT_UNKNOWN)
        return 0;
    size_t had = w->path.len;
    sb_printf(&w->path, "/%s", d->d_name);
    struct stat st;
    int ok = !w->path.failed && stat(w->path.data, &st) == 0;
    w->path.len = had;
    w->path.data[had] = '\0';
    if (!ok)
        return 0;
    if (S_ISREG(st.st_mode))
        return 'f';
    return S_ISDIR(st.st_mode) && d->d_type == DT_UNKNOWN ? 'd' : 0;
}

/* Reads the directory at w->path into a new level. */
static int
push(struct walk *w)
{
    if (w->depth == w->cap) {
        size_t cap = w->cap ? w->cap * 2 : 16;
        struct walk_level *lv = realloc(w->lv, cap * sizeof *lv);
        if (!lv)
            return -1;
        w->lv = lv;
        w->cap = cap;
    }
    DIR *dir = opendir(w->path.data);
    if (!dir)
        return -1;
    struct walk_level L = {NULL, 0, 0, w->path.len};
    size_t cap = 0;
    struct dirent *d;
    int rc = 0;
    while (rc == 0 && (errno = 0, d = readdir(dir))) {
        if (d->d_name[0] == '.')
            continue;
        char t = entry_type(w, d);
        if (!t)
            continue;
        if (L.n == cap) {
            cap = cap ? cap * 2 : 64;
            char **v = realloc(L.names, cap * sizeof *v);
            if (!v) {
                rc = -1;
                break;
            }
            L.names = v;
        }
        size_t l = strlen(d->d_name);
        char *s = malloc(l + 2);
        if (!s) {
            rc = -1;
            break;
        }
        s[0] = t;
        memcpy(s + 1, d->d_name, l + 1);
        L.names[L.n++] = s;
    }
    if (rc == 0 && errno)
        rc = -1;
    int err = errno;
    closedir(dir);
    if (rc) {
        for (size_t i = 0; i < L.n; i++)
            free(L.names[i]);
        free(L.names);
        errno = err;
        return -1;
    }
    qsort(L.names, L.n, sizeof *L.names, by_name);
    w->lv[w->depth++] = L;
    return 0;
}

static void
pop(struct walk *w)
{
    struct walk_level *L = &w->lv[--w->depth];
    for (size_t i = 0; i < L->n; i++)
        free(L->names[i]);
    free(L->names);
}

int
walk_open(struct walk *w, const char *root)
{
    memset(w, 0, sizeof *w);
    size_t l = strlen(root);
    while (l > 1 && root[l - 1] == '/')
        l--;
    sb_append(&w->path, root, l);
    w->root_len = l;
    if (w->path.failed || push(w)) {
        int err = errno;
        walk_close(w);
        errno = err;
        return -1;
    }
    return 0;
}

int
walk_next(struct walk *w, const char **path, const char **rel)
{
    while (w->depth) {
        struct walk_level *L = &w->lv[w->depth - 1];
        w->path.len = L->path_len;
        w->path.data[L->path_len] = '\0';
        if (L->at == L->n) {
            pop(w);
            continue;
        }
        const char *name = L->names[L->at++];
        sb_printf(&w->path, "/%s", name + 1);
        if (w->path.failed) {
            w->err = ENOMEM;
            return -1;
        }
        *path = w->path.data;
        *rel = w->path.data + w->root_len + 1;
        if (name[0] == 'f')
            return 1;
        if (push(w)) {
            w->err = errno;
            return -1;
        }
    }
    return 0;
}

void
walk_close(struct walk *w)
{
    while (w->depth)
        pop(w);
    free(w->lv);
    sb_free(&w->path);
    memset(w, 0, sizeof *w);
}
