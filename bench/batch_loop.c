/* The C API baseline of bench/batch.py: the texts of a JSON Lines file,
 * read into memory first (not timed), then summarized in a loop by one
 * summarizer, as a program embedding libsumm would.
 * Usage: batch_loop FILE.jsonl [SENTENCES] — prints "docs seconds". */
#define _POSIX_C_SOURCE 200809L
#include <libsumm/summ.h>

#include <json-c/json.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
    FILE *f = argc > 1 ? fopen(argv[1], "rb") : NULL;
    summ_options opts;
    summ_lang *lang = NULL;
    summ_summarizer *s = NULL;
    summ_result *r = NULL;
    char *line = NULL, **texts = NULL;
    size_t cap = 0, n = 0, n_cap = 0, *lens = NULL, i;
    ssize_t got;
    double t0;

    if (!f) {
        fprintf(stderr, "usage: batch_loop FILE.jsonl [SENTENCES]\n");
        return 2;
    }
    while ((got = getline(&line, &cap, f)) > 0) {
        json_object *o = json_tokener_parse(line), *t;
        if (!o || !json_object_object_get_ex(o, "text", &t)) {
            json_object_put(o);
            continue;
        }
        if (n == n_cap) {
            n_cap = n_cap ? 2 * n_cap : 1024;
            texts = realloc(texts, n_cap * sizeof *texts);
            lens = realloc(lens, n_cap * sizeof *lens);
            if (!texts || !lens)
                return 1;
        }
        lens[n] = (size_t)json_object_get_string_len(t);
        texts[n] = malloc(lens[n] + 1);
        if (!texts[n])
            return 1;
        memcpy(texts[n], json_object_get_string(t), lens[n]);
        n++;
        json_object_put(o);
    }
    fclose(f);
    free(line);
    summ_options_init(&opts, SUMM_OPTIONS_VERSION);
    opts.max_sentences = argc > 2 ? (size_t)atoi(argv[2]) : 3;
    if (summ_lang_new(&lang, "auto", NULL) < 0 || summ_summarizer_new(&s, lang, &opts, NULL) < 0 ||
        summ_result_new(&r, NULL) < 0)
        return 1;
    t0 = now();
    for (i = 0; i < n; i++)
        if (summ_summarize(s, texts[i], lens[i], r) < 0)
            fprintf(stderr, "document %zu: %s\n", i + 1, summ_summarizer_errmsg(s));
    printf("%zu %.6f\n", n, now() - t0);
    for (i = 0; i < n; i++)
        free(texts[i]);
    free(texts);
    free(lens);
    summ_result_free(r);
    summ_summarizer_free(s);
    summ_lang_free(lang);
    return 0;
}
