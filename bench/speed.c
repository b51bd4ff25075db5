/*
 * speed: throughput and memory of libsumm on one input file.
 *
 *   speed [--runs N] [--lang CODE] --algorithm NAME FILE   summarize FILE
 *   speed [--runs N] [--lang CODE] --split FILE            split only
 *   speed [--runs N] --documents ... FILE                  FILE is a corpus of
 *                     documents separated by blank lines, each summarized
 *                     (or split) on its own by one summarizer
 *   speed ... --documents --warm OTHER FILE                that summarizer
 *                     first goes through the corpus OTHER, untimed
 *   speed [--runs N] --rouge PAIRS                          ROUGE-1/2/L per pair
 *
 * Every run gets a new summarizer, so nothing it kept from an earlier run
 * (its stem cache, the capacity of its tables) makes a text look cheaper
 * than a new one. With --documents that summarizer carries its lexicon from
 * one document to the next, as a program working through a corpus does;
 * --warm times it in the middle of a long corpus, where it has learnt the
 * common words from other documents but not each document's rare ones.
 *
 * Prints one JSON object: the median CPU time of N runs (after one warm-up
 * run; CPU time rather than wall time because the benchmark machine may be
 * shared), the median wall time, MB/s (10^6 bytes per CPU second) or pairs/s, the peak resident set size
 * of the process and how much it grew during the runs (the input itself is
 * read before the baseline is taken). PAIRS is a file of records separated
 * by 0x1E, each "candidate 0x1F reference", as bench/speed.py writes them.
 */
#define _POSIX_C_SOURCE 200809L

#include <libsumm/summ.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#define MAX_RUNS 101

static double clock_s(clockid_t id)
{
    struct timespec ts;
    clock_gettime(id, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

typedef struct timer {
    double cpu0, wall0;
} timer;

static timer timer_start(void)
{
    timer t = { clock_s(CLOCK_PROCESS_CPUTIME_ID), clock_s(CLOCK_MONOTONIC) };
    return t;
}

static void timer_stop(const timer *t, double *cpu, double *wall)
{
    *cpu = clock_s(CLOCK_PROCESS_CPUTIME_ID) - t->cpu0;
    *wall = clock_s(CLOCK_MONOTONIC) - t->wall0;
}

static long peak_rss_kb(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss; /* kilobytes on Linux */
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *buf = NULL;
    long n;
    if (!f)
        return NULL;
    if (fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) >= 0 && fseek(f, 0, SEEK_SET) == 0) {
        buf = malloc((size_t)n + 1);
        if (buf && fread(buf, 1, (size_t)n, f) == (size_t)n) {
            *len = (size_t)n;
        } else {
            free(buf);
            buf = NULL;
        }
    }
    fclose(f);
    return buf;
}

typedef struct pair {
    const char *cand, *ref;
    size_t cand_len, ref_len;
} pair;

/* Splits the PAIRS file in place into records. */
static pair *parse_pairs(char *buf, size_t len, size_t *n_out)
{
    size_t cap = 1024, n = 0, i = 0;
    pair *p = malloc(cap * sizeof *p);
    if (!p)
        return NULL;
    while (i < len) {
        char *rec = buf + i, *end = memchr(rec, 0x1E, len - i), *sep;
        size_t rlen = end ? (size_t)(end - rec) : len - i;
        i += rlen + 1;
        sep = memchr(rec, 0x1F, rlen);
        if (!sep)
            continue;
        if (n == cap) {
            pair *np = realloc(p, 2 * cap * sizeof *p);
            if (!np) {
                free(p);
                return NULL;
            }
            p = np;
            cap *= 2;
        }
        p[n].cand = rec;
        p[n].cand_len = (size_t)(sep - rec);
        p[n].ref = sep + 1;
        p[n].ref_len = rlen - p[n].cand_len - 1;
        n++;
    }
    *n_out = n;
    return p;
}

static int run_rouge(const char *path, int runs)
{
    size_t len, n, i;
    char *buf = read_file(path, &len);
    pair *pairs;
    summ_rouge *r = NULL;
    summ_rouge_options o = SUMM_ROUGE_OPTIONS_INIT;
    double t[MAX_RUNS], w[MAX_RUNS];
    long base;
    int k;

    if (!buf || !(pairs = parse_pairs(buf, len, &n)) || n == 0) {
        fprintf(stderr, "speed: cannot read pairs from %s\n", path);
        return 1;
    }
    o.stemmer = "porter";
    if (summ_rouge_new(&r, &o, NULL) < 0)
        return 1;
    base = peak_rss_kb();
    for (k = -1; k < runs; k++) {
        timer t0 = timer_start();
        double cpu, wall;
        for (i = 0; i < n; i++) {
            summ_rouge_result s;
            const char *ref = pairs[i].ref;
            size_t rl = pairs[i].ref_len;
            if (summ_rouge_score(r, SUMM_ROUGE_N, 1, pairs[i].cand, pairs[i].cand_len, &ref, &rl,
                                 1, &s) < 0 ||
                summ_rouge_score(r, SUMM_ROUGE_N, 2, pairs[i].cand, pairs[i].cand_len, &ref, &rl,
                                 1, &s) < 0 ||
                summ_rouge_score(r, SUMM_ROUGE_L, 0, pairs[i].cand, pairs[i].cand_len, &ref, &rl,
                                 1, &s) < 0) {
                fprintf(stderr, "speed: pair %zu: %s\n", i, summ_rouge_errmsg(r));
                return 1;
            }
        }
        timer_stop(&t0, &cpu, &wall);
        if (k >= 0) {
            t[k] = cpu;
            w[k] = wall;
        }
    }
    qsort(t, (size_t)runs, sizeof *t, cmp_double);
    qsort(w, (size_t)runs, sizeof *w, cmp_double);
    printf("{\"mode\": \"rouge\", \"pairs\": %zu, \"runs\": %d, \"median_s\": %.6f, "
           "\"median_wall_s\": %.6f, \"pairs_per_s\": %.1f, \"peak_rss_kb\": %ld, "
           "\"rss_growth_kb\": %ld}\n",
           n, runs, t[runs / 2], w[runs / 2], (double)n / t[runs / 2], peak_rss_kb(),
           peak_rss_kb() - base);
    summ_rouge_free(r);
    free(pairs);
    free(buf);
    return 0;
}

/* A corpus: text and the end of each of its documents. */
typedef struct corpus {
    char *text;
    size_t len;
    size_t *ends;
    size_t n;
} corpus;

/* Reads path as one document, or with documents as documents separated by
 * blank lines. Finding the documents is not part of what is timed. */
static int read_corpus(const char *path, int documents, corpus *c)
{
    size_t at = 0, cap = 16;
    c->n = 0;
    if (!(c->text = read_file(path, &c->len)) || !(c->ends = malloc(cap * sizeof *c->ends)))
        return -1;
    while (at < c->len) {
        size_t end = c->len;
        if (documents) {
            const char *nl = c->text + at, *stop = c->text + c->len;
            while ((nl = memchr(nl, '\n', (size_t)(stop - nl))) && nl + 1 < stop && nl[1] != '\n')
                nl++;
            end = nl && nl + 1 < stop ? (size_t)(nl - c->text) + 2 : c->len;
        }
        if (c->n == cap) {
            size_t *p = realloc(c->ends, 2 * cap * sizeof *p);
            if (!p)
                return -1;
            c->ends = p;
            cap *= 2;
        }
        c->ends[c->n++] = end;
        at = end;
    }
    return 0;
}

/* Summarizes (or splits) each document of the corpus in turn. */
static int run_corpus(summ_summarizer *s, const corpus *c, int split, summ_result *r)
{
    size_t i, at = 0;
    int rc = 0;
    for (i = 0; rc >= 0 && i < c->n; i++) {
        rc = split ? summ_split_sentences(s, c->text + at, c->ends[i] - at, r)
                   : summ_summarize(s, c->text + at, c->ends[i] - at, r);
        at = c->ends[i];
    }
    return rc;
}

int main(int argc, char **argv)
{
    const char *algo = NULL, *lang_code = "en", *path = NULL, *pairs = NULL, *warm_path = NULL;
    int runs = 5, split = 0, documents = 0, i, k;
    summ_lang *lang = NULL;
    summ_summarizer *s = NULL;
    summ_result *r = NULL;
    summ_options o = SUMM_OPTIONS_INIT;
    double t[MAX_RUNS], w[MAX_RUNS];
    corpus text = { 0 }, warm = { 0 };
    long base;

    for (i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--runs") == 0 && i + 1 < argc)
            runs = atoi(argv[++i]);
        else if (strcmp(argv[i], "--lang") == 0 && i + 1 < argc)
            lang_code = argv[++i];
        else if (strcmp(argv[i], "--algorithm") == 0 && i + 1 < argc)
            algo = argv[++i];
        else if (strcmp(argv[i], "--split") == 0)
            split = 1;
        else if (strcmp(argv[i], "--documents") == 0)
            documents = 1;
        else if (strcmp(argv[i], "--warm") == 0 && i + 1 < argc)
            warm_path = argv[++i];
        else if (strcmp(argv[i], "--rouge") == 0 && i + 1 < argc)
            pairs = argv[++i];
        else if (argv[i][0] != '-' && !path)
            path = argv[i];
        else {
            fprintf(stderr, "usage: speed [--runs N] [--lang CODE] [--documents [--warm OTHER]] "
                            "(--algorithm NAME | --split) FILE | speed [--runs N] --rouge PAIRS\n");
            return 2;
        }
    }
    if (runs < 1 || runs > MAX_RUNS) {
        fprintf(stderr, "speed: --runs must be 1..%d\n", MAX_RUNS);
        return 2;
    }
    if (pairs)
        return run_rouge(pairs, runs);
    if (!path || (!algo && !split)) {
        fprintf(stderr, "speed: need FILE and --algorithm NAME or --split\n");
        return 2;
    }
    if (warm_path && !documents) {
        fprintf(stderr, "speed: --warm needs --documents\n");
        return 2;
    }
    if (read_corpus(path, documents, &text) < 0) {
        fprintf(stderr, "speed: cannot read %s\n", path);
        return 1;
    }
    if (warm_path && read_corpus(warm_path, 1, &warm) < 0) {
        fprintf(stderr, "speed: cannot read %s\n", warm_path);
        return 1;
    }
    if (algo && (o.algorithm = summ_algorithm_from_name(algo)) < 0) {
        fprintf(stderr, "speed: unknown algorithm %s\n", algo);
        return 2;
    }
    if (summ_lang_new(&lang, lang_code, NULL) < 0 || summ_result_new(&r, NULL) < 0) {
        fprintf(stderr, "speed: cannot create the language\n");
        return 1;
    }
    base = peak_rss_kb();
    for (k = -1; k < runs; k++) {
        timer t0;
        double cpu, wall;
        int rc = 0;
        /* A new summarizer each run: its lexicon starts empty, as for a
         * text it has never seen. With --documents, the text is a corpus of
         * documents separated by blank lines, summarized one by one by the
         * same summarizer, as a program working through a corpus would. */
        if (summ_summarizer_new(&s, lang, &o, NULL) < 0) {
            fprintf(stderr, "speed: cannot create the summarizer\n");
            return 1;
        }
        if (warm_path)
            rc = run_corpus(s, &warm, split, r);
        t0 = timer_start();
        if (rc >= 0)
            rc = run_corpus(s, &text, split, r);
        timer_stop(&t0, &cpu, &wall);
        if (rc < 0) {
            fprintf(stderr, "speed: %s\n", summ_summarizer_errmsg(s));
            return 1;
        }
        summ_summarizer_free(s);
        s = NULL;
        if (k >= 0) {
            t[k] = cpu;
            w[k] = wall;
        }
    }
    qsort(t, (size_t)runs, sizeof *t, cmp_double);
    qsort(w, (size_t)runs, sizeof *w, cmp_double);
    printf("{\"mode\": \"%s%s\", \"algorithm\": \"%s\", \"bytes\": %zu, \"sentences\": %zu, "
           "\"runs\": %d, \"median_s\": %.6f, \"min_s\": %.6f, \"median_wall_s\": %.6f, "
           "\"mb_per_s\": %.2f, "
           "\"peak_rss_kb\": %ld, \"rss_growth_kb\": %ld}\n",
           documents ? (split ? "split-documents" : "summarize-documents")
                     : (split ? "split" : "summarize"),
           warm_path ? "-warm" : "",
           split ? "split" : algo, text.len,
           summ_result_sentence_total(r), runs, t[runs / 2], t[0], w[runs / 2],
           (double)text.len / 1e6 / t[runs / 2], peak_rss_kb(), peak_rss_kb() - base);
    summ_result_free(r);
    summ_summarizer_free(s);
    summ_lang_free(lang);
    free(text.text);
    free(text.ends);
    free(warm.text);
    free(warm.ends);
    return 0;
}
