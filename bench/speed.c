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
 *         [--rouge-unicode] [--rouge-stemmer NAME|none]      tokenizer (default
 *         [--rouge-metrics 1,2,L,Lsum]                       ASCII), stemmer
 *                     (default porter), metrics (default 1,2,L)
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
 * by 0x1E, each "candidate 0x1F reference [0x1F reference ...]", as
 * bench/speed.py and bench/rouge_crosscheck.py write them.
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

/* One record of a PAIRS file: a candidate and its references. */
typedef struct pair {
    const char *cand;
    size_t cand_len;
    const char **refs;
    size_t *ref_lens;
    size_t n_refs;
} pair;

/* How run_rouge scores each record: the scorer's options and the metrics,
 * given as a list such as "1,2,L" (N for ROUGE-N, L, Lsum) and parsed once,
 * before anything is timed. */
#define MAX_METRICS 16
typedef struct rouge_setup {
    summ_rouge_options opts;
    const char *metrics;
    int metric[MAX_METRICS];
    unsigned int n[MAX_METRICS];
    size_t n_metrics;
} rouge_setup;

/* Parses setup->metrics into setup->metric and setup->n; 0, or -1 when
 * the list is not one run_rouge can score. */
static int parse_metrics(rouge_setup *setup)
{
    const char *m = setup->metrics;
    setup->n_metrics = 0;
    while (*m) {
        size_t k = setup->n_metrics;
        if (k == MAX_METRICS)
            return -1;
        setup->n[k] = 0;
        if (strncmp(m, "Lsum", 4) == 0) {
            setup->metric[k] = SUMM_ROUGE_LSUM;
            m += 4;
        } else if (*m == 'L') {
            setup->metric[k] = SUMM_ROUGE_L;
            m++;
        } else {
            char *end;
            unsigned long n = strtoul(m, &end, 10);
            if (end == m || n == 0 || n > 64)
                return -1;
            setup->metric[k] = SUMM_ROUGE_N;
            setup->n[k] = (unsigned int)n;
            m = end;
        }
        setup->n_metrics++;
        if (*m == ',')
            m++;
        else if (*m)
            return -1;
    }
    return setup->n_metrics ? 0 : -1;
}

static void free_pairs(pair *p, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++) {
        free(p[i].refs);
        free(p[i].ref_lens);
    }
    free(p);
}

/* Splits the PAIRS file into records, each "candidate 0x1F reference
 * [0x1F reference ...]", separated by 0x1E. Returns NULL when out of
 * memory; records without a reference are skipped. */
static pair *parse_pairs(char *buf, size_t len, size_t *n_out)
{
    size_t cap = 1024, n = 0, i = 0;
    pair *p = malloc(cap * sizeof *p);
    if (!p)
        return NULL;
    while (i < len) {
        char *rec = buf + i, *end = memchr(rec, 0x1E, len - i), *field;
        size_t rlen = end ? (size_t)(end - rec) : len - i, k, fields = 1;
        i += rlen + 1;
        for (k = 0; k < rlen; k++)
            fields += rec[k] == 0x1F;
        if (fields < 2)
            continue;
        if (n == cap) {
            pair *np = realloc(p, 2 * cap * sizeof *p);
            if (!np) {
                free_pairs(p, n);
                return NULL;
            }
            p = np;
            cap *= 2;
        }
        p[n].refs = malloc((fields - 1) * sizeof *p[n].refs);
        p[n].ref_lens = malloc((fields - 1) * sizeof *p[n].ref_lens);
        if (!p[n].refs || !p[n].ref_lens) {
            free(p[n].refs);
            free(p[n].ref_lens);
            free_pairs(p, n);
            return NULL;
        }
        p[n].n_refs = 0;
        field = rec;
        for (k = 0; k <= rlen; k++) {
            if (k == rlen || rec[k] == 0x1F) {
                size_t flen = (size_t)(rec + k - field);
                if (field == rec) {
                    p[n].cand = field;
                    p[n].cand_len = flen;
                } else {
                    p[n].refs[p[n].n_refs] = field;
                    p[n].ref_lens[p[n].n_refs++] = flen;
                }
                field = rec + k + 1;
            }
        }
        n++;
    }
    *n_out = n;
    return p;
}

/* Scores one record with every metric of the setup; 0 or a summ status. */
static int score_pair(summ_rouge *r, const rouge_setup *setup, const pair *p)
{
    size_t k;
    for (k = 0; k < setup->n_metrics; k++) {
        summ_rouge_result res;
        int rc = summ_rouge_score(r, setup->metric[k], setup->n[k], p->cand, p->cand_len,
                                  p->refs, p->ref_lens, p->n_refs, &res);
        if (rc < 0)
            return rc;
    }
    return 0;
}

static int run_rouge(const char *path, int runs, const rouge_setup *setup)
{
    size_t len, n, i;
    char *buf = read_file(path, &len);
    pair *pairs;
    summ_rouge *r = NULL;
    double t[MAX_RUNS], w[MAX_RUNS];
    long base;
    int k;

    if (!buf || !(pairs = parse_pairs(buf, len, &n)) || n == 0) {
        fprintf(stderr, "speed: cannot read pairs from %s\n", path);
        return 1;
    }
    if (summ_rouge_new(&r, &setup->opts, NULL) < 0) {
        fprintf(stderr, "speed: cannot create the ROUGE scorer (stemmer %s?)\n",
                setup->opts.stemmer ? setup->opts.stemmer : "none");
        return 1;
    }
    base = peak_rss_kb();
    for (k = -1; k < runs; k++) {
        timer t0 = timer_start();
        double cpu, wall;
        for (i = 0; i < n; i++) {
            if (score_pair(r, setup, &pairs[i]) < 0) {
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
    printf("{\"mode\": \"rouge\", \"pairs\": %zu, \"metrics\": \"%s\", \"runs\": %d, "
           "\"median_s\": %.6f, \"min_s\": %.6f, \"median_wall_s\": %.6f, \"pairs_per_s\": %.1f, "
           "\"peak_rss_kb\": %ld, \"rss_growth_kb\": %ld}\n",
           n, setup->metrics, runs, t[runs / 2], t[0], w[runs / 2], (double)n / t[runs / 2],
           peak_rss_kb(), peak_rss_kb() - base);
    summ_rouge_free(r);
    free_pairs(pairs, n);
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
    rouge_setup rouge = { SUMM_ROUGE_OPTIONS_INIT, "1,2,L", { 0 }, { 0 }, 0 };
    long base;

    rouge.opts.stemmer = "porter";

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
        else if (strcmp(argv[i], "--rouge-unicode") == 0)
            rouge.opts.tokenizer = SUMM_ROUGE_TOKENIZER_UNICODE;
        else if (strcmp(argv[i], "--rouge-stemmer") == 0 && i + 1 < argc) {
            i++;
            rouge.opts.stemmer = strcmp(argv[i], "none") == 0 ? NULL : argv[i];
        } else if (strcmp(argv[i], "--rouge-metrics") == 0 && i + 1 < argc)
            rouge.metrics = argv[++i];
        else if (argv[i][0] != '-' && !path)
            path = argv[i];
        else {
            fprintf(stderr, "usage: speed [--runs N] [--lang CODE] [--documents [--warm OTHER]] "
                            "(--algorithm NAME | --split) FILE | speed [--runs N] --rouge PAIRS "
                            "[--rouge-unicode] [--rouge-stemmer NAME|none] [--rouge-metrics 1,2,L,Lsum]\n");
            return 2;
        }
    }
    if (runs < 1 || runs > MAX_RUNS) {
        fprintf(stderr, "speed: --runs must be 1..%d\n", MAX_RUNS);
        return 2;
    }
    if (pairs) {
        if (parse_metrics(&rouge) < 0) {
            fprintf(stderr, "speed: --rouge-metrics wants a list such as 1,2,L,Lsum\n");
            return 2;
        }
        return run_rouge(pairs, runs, &rouge);
    }
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
