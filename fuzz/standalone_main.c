/*
 * Replays inputs through a fuzz target without libFuzzer, so that every
 * `meson test` runs the committed corpus under the normal compiler and
 * sanitizers. Arguments are files or directories (every regular file in a
 * directory, in name order); arguments starting with '-' are libFuzzer flags
 * and are ignored.
 */
#define _POSIX_C_SOURCE 200809L

#include <dirent.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv) __attribute__((weak));

static int replay_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    unsigned char *buf = NULL;
    size_t cap = 0, len = 0;
    if (!f) {
        fprintf(stderr, "%s: cannot open\n", path);
        return -1;
    }
    for (;;) {
        size_t n;
        if (len == cap) {
            unsigned char *nb = realloc(buf, cap ? cap * 2 : 4096);
            if (!nb) {
                free(buf);
                fclose(f);
                fprintf(stderr, "%s: out of memory\n", path);
                return -1;
            }
            buf = nb;
            cap = cap ? cap * 2 : 4096;
        }
        n = fread(buf + len, 1, cap - len, f);
        len += n;
        if (n == 0)
            break;
    }
    if (ferror(f)) {
        fprintf(stderr, "%s: read error\n", path);
        free(buf);
        fclose(f);
        return -1;
    }
    fclose(f);
    /* A copy of exactly len bytes, so that ASan sees any read past the end. */
    {
        unsigned char *exact = malloc(len ? len : 1);
        if (!exact) {
            free(buf);
            return -1;
        }
        if (len)
            memcpy(exact, buf, len);
        free(buf);
        LLVMFuzzerTestOneInput(exact, len);
        free(exact);
    }
    return 0;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Replays every regular file of a directory in name order; returns the
 * number replayed or -1. */
static long replay_dir(const char *dir)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    char **names = NULL;
    size_t n = 0, cap = 0, i;
    long done = 0;
    int failed = 0;

    if (!d) {
        fprintf(stderr, "%s: cannot open\n", dir);
        return -1;
    }
    while ((e = readdir(d)) != NULL) {
        char *path;
        struct stat st;
        size_t len = strlen(dir) + strlen(e->d_name) + 2;
        if (e->d_name[0] == '.')
            continue;
        path = malloc(len);
        if (!path)
            break;
        snprintf(path, len, "%s/%s", dir, e->d_name);
        if (stat(path, &st) != 0 || !S_ISREG(st.st_mode)) {
            free(path);
            continue;
        }
        if (n == cap) {
            char **nn = realloc(names, (cap ? cap * 2 : 64) * sizeof *names);
            if (!nn) {
                free(path);
                break;
            }
            names = nn;
            cap = cap ? cap * 2 : 64;
        }
        names[n++] = path;
    }
    closedir(d);
    if (n)
        qsort(names, n, sizeof *names, by_name);
    for (i = 0; i < n; i++) {
        if (replay_file(names[i]) == 0)
            done++;
        else
            failed = 1;
        free(names[i]);
    }
    free(names);
    return failed ? -1 : done;
}

int main(int argc, char **argv)
{
    long total = 0;
    int i, status = 0;

    if (LLVMFuzzerInitialize)
        LLVMFuzzerInitialize(&argc, &argv);
    for (i = 1; i < argc; i++) {
        struct stat st;
        if (argv[i][0] == '-')
            continue;
        if (stat(argv[i], &st) != 0) {
            fprintf(stderr, "%s: no such file or directory\n", argv[i]);
            status = 1;
        } else if (S_ISDIR(st.st_mode)) {
            long n = replay_dir(argv[i]);
            if (n < 0)
                status = 1;
            else
                total += n;
        } else if (replay_file(argv[i]) == 0) {
            total++;
        } else {
            status = 1;
        }
    }
    /* Standard error: a target may have redirected standard output. */
    fprintf(stderr, "%ld inputs replayed\n", total);
    if (total == 0)
        status = 1; /* an empty corpus would make the test pass vacuously */
    return status;
}
