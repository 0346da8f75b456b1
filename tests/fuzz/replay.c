/*
 * Runs a fuzz target's entry point once on each file named or found
 * (one level deep) in each directory named, without libFuzzer: crashes
 * found by fuzzing become regression tests of the normal build, under
 * the sanitizers when the build has them.  Prints "N passed, N failed"
 * like the other tests; a failing input aborts, so failed is always 0.
 */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int
run_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return 0;
    size_t cap = 1 << 16, n = 0, got;
    uint8_t *p = malloc(cap);
    while (p && (got = fread(p + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap) {
            uint8_t *q = realloc(p, cap * 2);
            if (!q)
                break;
            p = q;
            cap *= 2;
        }
    }
    fclose(f);
    if (!p)
        return 0;
    LLVMFuzzerTestOneInput(p, n);
    free(p);
    return 1;
}

static int
run_path(const char *path)
{
    struct stat sb;
    if (stat(path, &sb) != 0)
        return 0;
    if (!S_ISDIR(sb.st_mode))
        return run_file(path);
    DIR *d = opendir(path);
    if (!d)
        return 0;
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        char sub[4096];
        if (e->d_name[0] == '.')
            continue;
        snprintf(sub, sizeof sub, "%s/%s", path, e->d_name);
        if (stat(sub, &sb) == 0 && S_ISDIR(sb.st_mode)) {
            /* fixtures/NAME/source.html */
            snprintf(sub, sizeof sub, "%s/%s/source.html", path, e->d_name);
            n += run_file(sub);
        } else {
            n += run_file(sub);
        }
    }
    closedir(d);
    return n;
}

int
main(int argc, char **argv)
{
    int n = 0;
    for (int i = 1; i < argc; i++)
        n += run_path(argv[i]);
    printf("%d passed, 0 failed\n", n);
    return n ? 0 : 1;
}
