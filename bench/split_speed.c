/*
 * Splitter speed: extracts the "text" fields of a JSON Lines corpus
 * (default ../shared/data/summ/bbc_news_summary.dev.jsonl, English news),
 * joins them with blank lines and times the sentence splitter over the
 * whole buffer, best of 5 rounds of at least 0.2 s of CPU time each. Prints
 * MB/s (10^6 bytes per CPU second) for the bare splitter and for
 * summ_split_sentences (which also validates UTF-8).
 *
 *   build/bench/split_speed [corpus.jsonl]
 */
#define _POSIX_C_SOURCE 200809L
#include "alloc.h"
#include "splitter.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* CPU time of this process: on a shared machine wall time also counts the
 * time other processes hold the core. Wall time is reported too. */
static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static double wall(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int hexval(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

static size_t put_utf8(char *o, unsigned long cp)
{
    if (cp < 0x80) {
        o[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        o[0] = (char)(0xC0 | (cp >> 6));
        o[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (char)(0xE0 | (cp >> 12));
        o[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (char)(0xF0 | (cp >> 18));
    o[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    o[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* Decodes the JSON string starting after the opening quote at in[*i] into
 * out; returns bytes written. Enough JSON for our data files. */
static size_t json_string(const char *in, size_t n, size_t *i, char *out)
{
    size_t o = 0, k = *i;
    while (k < n && in[k] != '"') {
        if (in[k] == '\\' && k + 1 < n) {
            char e = in[k + 1];
            k += 2;
            switch (e) {
            case 'n': out[o++] = '\n'; break;
            case 't': out[o++] = '\t'; break;
            case 'r': out[o++] = '\r'; break;
            case 'b': out[o++] = '\b'; break;
            case 'f': out[o++] = '\f'; break;
            case 'u': {
                unsigned long cp = 0;
                int j;
                for (j = 0; j < 4 && k < n; j++, k++)
                    cp = cp * 16 + (unsigned long)hexval(in[k]);
                if (cp >= 0xD800 && cp < 0xDC00 && k + 6 <= n && in[k] == '\\') {
                    unsigned long lo = 0;
                    for (j = 0; j < 4; j++)
                        lo = lo * 16 + (unsigned long)hexval(in[k + 2 + j]);
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                    k += 6;
                }
                o += put_utf8(out + o, cp);
                break;
            }
            default: out[o++] = e; break;
            }
        } else {
            out[o++] = in[k++];
        }
    }
    *i = k + 1;
    return o;
}

int main(int argc, char **argv)
{
    const char *path = argc > 1 ? argv[1] : "../shared/data/summ/bbc_news_summary.dev.jsonl";
    static const char key[] = "\"text\": \"";
    FILE *f = fopen(path, "rb");
    char *raw, *text;
    long size;
    size_t n_raw, len = 0, i = 0, sentences = 0;
    summ_lang *lang = NULL;
    summ_summarizer *s = NULL;
    summ_result *r = NULL;
    summ_allocator a;
    summ__span_vec out;
    double t0, t1, w0, best = 1e30, best_wall = 1e30;
    int reps, round;

    if (!f) {
        perror(path);
        return 1;
    }
    fseek(f, 0, SEEK_END);
    size = ftell(f);
    fseek(f, 0, SEEK_SET);
    raw = malloc((size_t)size + 1);
    text = malloc((size_t)size + 1);
    if (!raw || !text || fread(raw, 1, (size_t)size, f) != (size_t)size) {
        fprintf(stderr, "cannot read %s\n", path);
        return 1;
    }
    fclose(f);
    n_raw = (size_t)size;
    raw[n_raw] = '\0';
    while (i < n_raw) {
        char *p = strstr(raw + i, key);
        if (!p)
            break;
        i = (size_t)(p - raw) + sizeof key - 1;
        if (len) {
            text[len++] = '\n';
            text[len++] = '\n';
        }
        len += json_string(raw, n_raw, &i, text + len);
    }
    if (summ_lang_new(&lang, "en", NULL) < 0 || summ_summarizer_new(&s, lang, NULL, NULL) < 0 ||
        summ_result_new(&r, NULL) < 0) {
        fprintf(stderr, "setup failed\n");
        return 1;
    }
    summ__allocator_resolve(&a, NULL);
    memset(&out, 0, sizeof out);
    out.alloc = &a;

    /* Bare splitter: best of 5 rounds, each at least 0.2 s. */
    for (round = 0; round < 5; round++) {
        reps = 0;
        t0 = now();
        w0 = wall();
        do {
            out.len = 0;
            if (summ__split(lang, text, len, false, &out) < 0)
                return 1;
            reps++;
            t1 = now();
        } while (t1 - t0 < 0.2);
        if ((t1 - t0) / reps < best)
            best = (t1 - t0) / reps;
        if ((wall() - w0) / reps < best_wall)
            best_wall = (wall() - w0) / reps;
    }
    sentences = out.len;
    printf("corpus: %s\n", path);
    printf("text: %.2f MB, %zu sentences\n", (double)len / 1e6, sentences);
    printf("summ__split: %.0f MB/s CPU time, %.0f MB/s wall time\n", (double)len / 1e6 / best,
           (double)len / 1e6 / best_wall);

    best = best_wall = 1e30;
    for (round = 0; round < 5; round++) {
        reps = 0;
        t0 = now();
        w0 = wall();
        do {
            if (summ_split_sentences(s, text, len, r) < 0)
                return 1;
            reps++;
            t1 = now();
        } while (t1 - t0 < 0.2);
        if ((t1 - t0) / reps < best)
            best = (t1 - t0) / reps;
        if ((wall() - w0) / reps < best_wall)
            best_wall = (wall() - w0) / reps;
    }
    printf("summ_split_sentences (with UTF-8 validation): %.0f MB/s CPU time, %.0f MB/s wall "
           "time\n",
           (double)len / 1e6 / best, (double)len / 1e6 / best_wall);

    summ__span_vec_dispose(&out);
    summ_result_free(r);
    summ_summarizer_free(s);
    summ_lang_free(lang);
    free(raw);
    free(text);
    return 0;
}
