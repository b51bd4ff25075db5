/*
 * Thread stress test: one summ_lang shared by several threads, each with its
 * own summarizer and result, summarizing the same documents with every
 * algorithm. Every thread's results must equal those of a single-threaded
 * run. Meant to run under ThreadSanitizer (-Db_sanitize=thread) as well as
 * in the normal builds; exits 0 on success, 1 on a mismatch.
 *
 * Usage: stress [THREADS [ROUNDS]]   (defaults 4 and 3)
 */
#include <libsumm/summ.h>

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define N_DOCS 12
#define MAX_THREADS 32

static const char *const words[] = {
    "harbour", "council", "library", "terminal", "ferry", "the", "of", "and", "money",
    "voted", "plan", "roof", "cost", "residents", "petition", "mayor", "quay", "café",
    "Über", "naïve", "opened", "closed", "million", "pounds", "heritage", "fund", "it",
    "was", "on", "Tuesday", "Dr.", "e.g.", "3.5", "(see", "note)", "\"quoted\"", "—",
};
#define N_WORDS (sizeof words / sizeof words[0])

typedef struct doc {
    char *text;
    size_t len;
} doc;

/* The expected answer for one (document, algorithm, mode). */
typedef struct answer {
    summ_span *spans;
    size_t count;
} answer;

typedef struct shared {
    const summ_lang *lang;
    doc docs[N_DOCS];
    int *algos;
    size_t n_algos;
    answer *want; /* [doc][algo][mode] */
    int rounds;
} shared;

typedef struct worker {
    const shared *sh;
    unsigned id;
    int failures;
} worker;

static uint32_t next_rand(uint32_t *state)
{
    *state = *state * 1664525u + 1013904223u;
    return *state >> 8;
}

/* A deterministic document of a few dozen sentences. */
static void make_doc(doc *d, uint32_t seed, size_t n_sentences)
{
    size_t cap = n_sentences * 16 * 16 + 1, len = 0, i, j;
    char *t = malloc(cap);
    if (!t) {
        fprintf(stderr, "out of memory\n");
        exit(1);
    }
    for (i = 0; i < n_sentences; i++) {
        size_t n_words = 3 + next_rand(&seed) % 12;
        for (j = 0; j < n_words; j++) {
            const char *w = words[next_rand(&seed) % N_WORDS];
            size_t wl = strlen(w);
            if (j == 0 && w[0] >= 'a' && w[0] <= 'z') {
                t[len++] = (char)(w[0] - 'a' + 'A');
                w++;
                wl--;
            }
            memcpy(t + len, w, wl);
            len += wl;
            t[len++] = j + 1 < n_words ? ' ' : (".!?"[next_rand(&seed) % 3]);
        }
        t[len++] = next_rand(&seed) % 7 == 0 ? '\n' : ' ';
    }
    d->text = t;
    d->len = len;
}

static int run_mode(summ_summarizer *s, int mode, const doc *d, summ_result *r)
{
    switch (mode) {
    case 0:
        return summ_summarize(s, d->text, d->len, r);
    case 1:
        return summ_score_sentences(s, d->text, d->len, r);
    default:
        return summ_split_sentences(s, d->text, d->len, r);
    }
}

static summ_options options_for(int algo, size_t doc_index)
{
    summ_options o = SUMM_OPTIONS_INIT;
    o.algorithm = algo;
    o.max_sentences = (uint32_t)(1 + doc_index % 5);
    if (doc_index % 3 == 0)
        o.flags |= SUMM_FLAG_SCORE_ORDER;
    return o;
}

/* Field by field: the padding inside summ_span is not part of the answer. */
static int same(const summ_result *r, const answer *a)
{
    const summ_span *sp = summ_result_spans(r);
    size_t n = summ_result_count(r), i;
    if (n != a->count)
        return 0;
    for (i = 0; i < n; i++)
        if (sp[i].start != a->spans[i].start || sp[i].end != a->spans[i].end ||
            sp[i].sentence != a->spans[i].sentence ||
            memcmp(&sp[i].score, &a->spans[i].score, sizeof sp[i].score) != 0)
            return 0;
    return 1;
}

static void *work(void *arg)
{
    worker *w = arg;
    const shared *sh = w->sh;
    summ_summarizer *s = NULL;
    summ_result *r = NULL;
    int round;

    if (summ_summarizer_new(&s, sh->lang, NULL, NULL) < 0 || summ_result_new(&r, NULL) < 0) {
        w->failures++;
        goto out;
    }
    for (round = 0; round < sh->rounds; round++) {
        size_t k;
        /* Each thread walks the work in its own order, so that different
         * threads run different documents and algorithms at the same time. */
        for (k = 0; k < N_DOCS * sh->n_algos; k++) {
            size_t item = (k * 7 + w->id * 5 + (size_t)round) % (N_DOCS * sh->n_algos);
            size_t di = item / sh->n_algos, ai = item % sh->n_algos;
            summ_options o = options_for(sh->algos[ai], di);
            int mode;
            if (summ_summarizer_set_options(s, &o) < 0) {
                w->failures++;
                continue;
            }
            for (mode = 0; mode < 3; mode++) {
                const answer *a = &sh->want[(di * sh->n_algos + ai) * 3 + (size_t)mode];
                if (run_mode(s, mode, &sh->docs[di], r) < 0 || !same(r, a)) {
                    if (w->failures < 5)
                        fprintf(stderr, "thread %u: document %zu, algorithm %d, mode %d differs\n",
                                w->id, di, sh->algos[ai], mode);
                    w->failures++;
                }
            }
            /* Functions documented as callable from any thread at any time. */
            if (!summ_strerror(SUMM_E_NOMEM)[0] || !summ_lang_list()[0] ||
                !summ_algorithm_list()[0] || !summ_version_string()[0])
                w->failures++;
        }
        /* A private language too: creation and destruction must not touch
         * anything shared. */
        {
            summ_lang *own = NULL;
            if (summ_lang_new(&own, summ_lang_code(sh->lang), NULL) < 0)
                w->failures++;
            summ_lang_free(own);
        }
    }
out:
    summ_result_free(r);
    summ_summarizer_free(s);
    return NULL;
}

int main(int argc, char **argv)
{
    shared sh;
    summ_lang *lang = NULL;
    summ_summarizer *s = NULL;
    summ_result *r = NULL;
    pthread_t tids[MAX_THREADS];
    worker workers[MAX_THREADS];
    const char *const *names = summ_algorithm_list();
    int n_threads = argc > 1 ? atoi(argv[1]) : 4;
    size_t i, ai;
    int t, failures = 0;

    memset(&sh, 0, sizeof sh);
    sh.rounds = argc > 2 ? atoi(argv[2]) : 3;
    if (n_threads < 1 || n_threads > MAX_THREADS || sh.rounds < 1) {
        fprintf(stderr, "usage: stress [THREADS (1-%d) [ROUNDS]]\n", MAX_THREADS);
        return 2;
    }
    if (summ_lang_new(&lang, "en", NULL) < 0) {
        fprintf(stderr, "cannot create the language\n");
        return 1;
    }
    sh.lang = lang;
    while (names[sh.n_algos])
        sh.n_algos++;
    sh.algos = malloc((sh.n_algos + 1) * sizeof *sh.algos);
    sh.want = calloc(N_DOCS * (sh.n_algos + 1) * 3, sizeof *sh.want);
    if (!sh.algos || !sh.want) {
        fprintf(stderr, "out of memory\n");
        return 1;
    }
    for (ai = 0; ai < sh.n_algos; ai++)
        sh.algos[ai] = summ_algorithm_from_name(names[ai]);
    sh.algos[sh.n_algos++] = SUMM_ALGO_DEFAULT;
    for (i = 0; i < N_DOCS; i++)
        make_doc(&sh.docs[i], (uint32_t)(i * 2654435761u + 1), 10 + i * 15);

    /* The reference: one thread, a fresh summarizer per answer. */
    if (summ_result_new(&r, NULL) < 0)
        return 1;
    for (i = 0; i < N_DOCS; i++) {
        for (ai = 0; ai < sh.n_algos; ai++) {
            summ_options o = options_for(sh.algos[ai], i);
            int mode;
            if (summ_summarizer_new(&s, lang, &o, NULL) < 0)
                return 1;
            for (mode = 0; mode < 3; mode++) {
                answer *a = &sh.want[(i * sh.n_algos + ai) * 3 + (size_t)mode];
                if (run_mode(s, mode, &sh.docs[i], r) < 0) {
                    fprintf(stderr, "reference run failed: %s\n", summ_summarizer_errmsg(s));
                    return 1;
                }
                a->count = summ_result_count(r);
                a->spans = malloc((a->count ? a->count : 1) * sizeof *a->spans);
                if (!a->spans)
                    return 1;
                if (a->count)
                    memcpy(a->spans, summ_result_spans(r), a->count * sizeof *a->spans);
                if (mode == 0 && a->count == 0) {
                    fprintf(stderr, "reference summary of document %zu is empty\n", i);
                    return 1;
                }
            }
            summ_summarizer_free(s);
            s = NULL;
        }
    }
    summ_result_free(r);

    for (t = 0; t < n_threads; t++) {
        workers[t].sh = &sh;
        workers[t].id = (unsigned)t;
        workers[t].failures = 0;
        if (pthread_create(&tids[t], NULL, work, &workers[t]) != 0) {
            fprintf(stderr, "pthread_create failed\n");
            return 1;
        }
    }
    for (t = 0; t < n_threads; t++) {
        pthread_join(tids[t], NULL);
        failures += workers[t].failures;
    }

    for (i = 0; i < N_DOCS * sh.n_algos * 3; i++)
        free(sh.want[i].spans);
    for (i = 0; i < N_DOCS; i++)
        free(sh.docs[i].text);
    free(sh.want);
    free(sh.algos);
    summ_lang_free(lang);
    printf("%d threads x %d rounds x %zu documents x %zu algorithms x 3 modes: %d mismatches\n",
           n_threads, sh.rounds, (size_t)N_DOCS, sh.n_algos, failures);
    return failures ? 1 : 0;
}
