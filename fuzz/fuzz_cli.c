/*
 * Fuzz target: the summarize command line, argument parsing and input
 * handling included. tools/summarize.c is compiled into this program with
 * its main renamed to summarize_main; it returns its exit status on every
 * path, so it can be called once per input.
 *
 * Input layout:
 *   0    bits 0-2 number of arguments; bit 3 pass the input as a file
 *        argument instead of standard input; bit 4 standard output is
 *        /dev/full instead of a file
 *   then the arguments, each ended by a NUL byte ('/' becomes '_', so every
 *        path stays inside a private directory), then the input text
 *
 * Oracle: the exit status is 0, 1 or 2, and a second run with the same
 * arguments and input gives the same status and the same output.
 */
#define _POSIX_C_SOURCE 200809L

#include "fuzz_oracle.h"

#include <dirent.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define MAX_ARGS 7

int summarize_main(int argc, char **argv);
int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The private working directory, and the one to return to after each run
 * (libFuzzer writes corpus files and artifacts relative to it). */
static char workdir[] = "/tmp/summ-fuzz-cli.XXXXXX";
static int home_fd = -1;

static void remove_work_files(void)
{
    DIR *d = opendir(".");
    struct dirent *e;
    if (!d)
        fuzz_fail("cannot list %s", workdir);
    while ((e = readdir(d)) != NULL)
        if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
            unlink(e->d_name);
    closedir(d);
}

static void cleanup_workdir(void)
{
    if (home_fd >= 0 && chdir(workdir) == 0) {
        remove_work_files();
        if (fchdir(home_fd) != 0)
            return;
    }
    rmdir(workdir);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    if (!mkdtemp(workdir))
        fuzz_fail("cannot create a working directory");
    home_fd = open(".", O_RDONLY | O_DIRECTORY);
    if (home_fd < 0)
        fuzz_fail("cannot open the current directory");
    atexit(cleanup_workdir);
    return 0;
}

static void write_file(const char *name, const char *data, size_t len)
{
    FILE *f = fopen(name, "wb");
    if (!f || fwrite(data, 1, len, f) != len || fclose(f) != 0)
        fuzz_fail("cannot write %s/%s", workdir, name);
}

/* Reads a whole small file into a malloc'ed buffer. */
static char *read_file(const char *name, size_t *len)
{
    FILE *f = fopen(name, "rb");
    char *buf = NULL;
    size_t cap = 0, n = 0;
    if (!f) {
        *len = 0;
        return NULL;
    }
    for (;;) {
        size_t got;
        if (n == cap) {
            char *nb = realloc(buf, cap ? cap * 2 : 4096);
            if (!nb)
                fuzz_fail("out of memory in the oracle");
            buf = nb;
            cap = cap ? cap * 2 : 4096;
        }
        got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (got == 0)
            break;
    }
    fclose(f);
    *len = n;
    return buf;
}

/* One run of the command line; returns its status, output in *out. */
static int run_once(int argc, char **argv_in, bool to_full, char **out, size_t *out_len)
{
    char *argv[MAX_ARGS + 3];
    int i, status;

    /* getopt permutes argv: give it a fresh copy of the pointers. */
    for (i = 0; i < argc; i++)
        argv[i] = argv_in[i];
    argv[argc] = NULL;
    if (!freopen("in.txt", "rb", stdin))
        fuzz_fail("cannot reopen standard input");
    if (!freopen(to_full ? "/dev/full" : "stdout.txt", "wb", stdout))
        fuzz_fail("cannot reopen standard output");
    optind = 0; /* glibc: 0 also resets getopt's internal state */
    status = summarize_main(argc, argv);
    fflush(stdout);
    clearerr(stdout);
    *out = to_full ? NULL : read_file("stdout.txt", out_len);
    if (to_full)
        *out_len = 0;
    return status;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static char prog_name[] = "summarize", in_name[] = "in.txt";
    char *argv[MAX_ARGS + 3];
    char *copy, *out1 = NULL, *out2 = NULL;
    size_t pos = 1, len1 = 0, len2 = 0;
    int n_args, argc = 0, i, s1, s2;
    bool to_full;

    if (home_fd < 0)
        LLVMFuzzerInitialize(NULL, NULL);
    if (size == 0)
        return 0;
    /* A NUL-terminated copy, so that the arguments can point into it. */
    copy = malloc(size + 1);
    if (!copy)
        fuzz_fail("out of memory in the oracle");
    memcpy(copy, data, size);
    copy[size] = '\0';
    n_args = data[0] & 7;
    to_full = (data[0] & 0x10) != 0;

    argv[argc++] = prog_name;
    for (i = 0; i < n_args && pos < size; i++) {
        size_t start = pos, k;
        while (pos < size && copy[pos] != '\0')
            pos++;
        for (k = start; k < pos; k++)
            if (copy[k] == '/')
                copy[k] = '_';
        argv[argc++] = copy + start;
        pos++; /* past the NUL */
    }
    if (data[0] & 8)
        argv[argc++] = in_name;

    if (chdir(workdir) != 0)
        fuzz_fail("cannot enter %s", workdir);
    write_file("in.txt", pos < size ? copy + pos : "", pos < size ? size - pos : 0);
    s1 = run_once(argc, argv, to_full, &out1, &len1);
    FUZZ_CHECK(s1 == 0 || s1 == 1 || s1 == 2, "exit status %d", s1);
    remove_work_files();
    write_file("in.txt", pos < size ? copy + pos : "", pos < size ? size - pos : 0);
    s2 = run_once(argc, argv, to_full, &out2, &len2);
    FUZZ_CHECK(s1 == s2, "exit status %d, then %d", s1, s2);
    FUZZ_CHECK(len1 == len2 && (len1 == 0 || memcmp(out1, out2, len1) == 0),
               "output differs between two runs (%zu and %zu bytes)", len1, len2);
    remove_work_files();
    if (fchdir(home_fd) != 0)
        fuzz_fail("cannot return to the starting directory");
    free(out1);
    free(out2);
    free(copy);
    return 0;
}
