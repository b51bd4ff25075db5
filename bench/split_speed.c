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

#include "corpus.h"

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

int main(int argc, char **argv)
{
    const char *path = argc > 1 ? argv[1] : "../shared/data/summ/bbc_news_summary.dev.jsonl";
    size_t len = 0, sentences = 0;
    char *text = corpus_load(path, &len);
    summ_lang *lang = NULL;
    summ_summarizer *s = NULL;
    summ_result *r = NULL;
    summ_allocator a;
    summ__span_vec out;
    double t0, t1, w0, best = 1e30, best_wall = 1e30;
    int reps, round;

    if (!text)
        return 1;
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
    free(text);
    return 0;
}
