/* Similarity graphs (graph.c, from the similarities of similarity.c, which
 * MMR uses too) against a brute-force reference: every pair of sentences,
 * the similarity formulas written out again, the window rule
 * for frequent terms, the reach (no pair further apart than
 * SUMM__GRAPH_REACH sentences), and the strongest max_neighbours kept per
 * row. */
#include "test_util.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "graph.h"
#include "model.h"
#include "scorer.h"
#include "similarity.h"
#include "splitter.h"
#include "summarizer.h"

/* A text of n_sents sentences over a made-up vocabulary: word w is drawn
 * with weight 1 / (w + 1), so a few words are in most sentences (past the
 * window) and most are rare. Deterministic for a seed. */
static char *make_text(size_t n_sents, unsigned seed)
{
    static const char *const syll[] = { "ka", "lo", "mi", "nu", "pe", "ri", "so", "tu" };
    const size_t n_words = 120;
    double total = 0.0;
    size_t cap = n_sents * 160 + 1, len = 0, s, w;
    char *text = malloc(cap);
    uint64_t x = seed * 2654435761u + 1;

    ck_assert_ptr_nonnull(text);
    for (w = 0; w < n_words; w++)
        total += 1.0 / (double)(w + 1);
    for (s = 0; s < n_sents; s++) {
        size_t words = 3 + s % 9, k;
        for (k = 0; k < words; k++) {
            double r;
            x = x * 6364136223846793005ull + 1442695040888963407ull;
            r = (double)(x >> 11) / 9007199254740992.0 * total;
            for (w = 0; w + 1 < n_words && (r -= 1.0 / (double)(w + 1)) > 0.0; w++)
                ;
            /* Three syllables from w's digits in base 8, then "x": no
             * English stopword, and stems stay apart. */
            len += (size_t)snprintf(text + len, cap - len, "%s%s%s%s%sx", k ? " " : "",
                                    k ? "" : "Z", syll[w % 8], syll[(w / 8) % 8], syll[w / 64]);
        }
        len += (size_t)snprintf(text + len, cap - len, ". ");
    }
    return text;
}

/* For each bag entry, the rank of its sentence among the sentences holding
 * its term; and how many sentences hold each term. */
static void rank_entries(const summ__model *m, size_t *rank, size_t *sf)
{
    size_t i, k;
    memset(sf, 0, (m->n_vocab ? m->n_vocab : 1) * sizeof *sf);
    for (i = 0; i < m->n_sents; i++)
        for (k = m->sents[i].bag_begin; k < m->sents[i].bag_end; k++)
            rank[k] = sf[m->bag_term[k]]++;
}

/* The bag entry of term t in sentence j, or SIZE_MAX (bags are sorted by
 * term). */
static size_t entry_in(const summ__model *m, size_t j, uint32_t t)
{
    size_t lo = m->sents[j].bag_begin, hi = m->sents[j].bag_end;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (m->bag_term[mid] < t)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < m->sents[j].bag_end && m->bag_term[lo] == t ? lo : SIZE_MAX;
}

static double bm25_of(double idf, uint32_t c, double len_factor)
{
    return idf * (double)c * (1.2 + 1.0) / ((double)c + len_factor);
}

typedef struct ref_edge {
    double w;
    uint32_t j;
} ref_edge;

static int ref_stronger_first(const void *a, const void *b)
{
    const ref_edge *x = a, *y = b;
    if (x->w != y->w)
        return x->w > y->w ? -1 : 1;
    return (x->j > y->j) - (x->j < y->j);
}

static int ref_by_column(const void *a, const void *b)
{
    const ref_edge *x = a, *y = b;
    return (x->j > y->j) - (x->j < y->j);
}

/* Builds the graph with the library and checks every row against the
 * reference, weights bit for bit. */
static void check_graph(summ_summarizer *s, summ__sim_kind kind, double threshold)
{
    const summ__model *m = &s->model;
    size_t n = m->n_sents, v = m->n_vocab, i, j, k, t;
    double *term_w = calloc(v ? v : 1, sizeof *term_w), *sent_w = calloc(n, sizeof *sent_w);
    double avg_len = 0.0, idf_sum = 0.0;
    ref_edge *row = calloc(n, sizeof *row);
    size_t *rank = calloc(m->n_bag ? m->n_bag : 1, sizeof *rank);
    size_t *sf = calloc(v ? v : 1, sizeof *sf);
    size_t max_k = s->opts.max_neighbours, half = SUMM__GRAPH_WINDOW / 2;
    summ__score_ctx ctx;
    summ__graph g;

    ck_assert(term_w && sent_w && row && rank && sf);
    rank_entries(m, rank, sf);
    for (i = 0; i < n; i++)
        avg_len += (double)(m->sents[i].term_end - m->sents[i].term_begin);
    avg_len /= (double)n;
    for (t = 0; t < v; t++) {
        double f = (double)sf[t];
        switch (kind) {
        case SUMM__SIM_TEXTRANK:
            term_w[t] = 1.0;
            break;
        case SUMM__SIM_COSINE_IDF:
            term_w[t] = log((double)n / f);
            break;
        case SUMM__SIM_COSINE_IDF1P:
            term_w[t] = log(1.0 + (double)n / f);
            break;
        case SUMM__SIM_BM25:
            term_w[t] = log(((double)n - f + 0.5) / (f + 0.5));
            idf_sum += term_w[t];
            break;
        }
    }
    for (t = 0; t < v; t++)
        if (kind == SUMM__SIM_BM25 && term_w[t] < 0.0)
            term_w[t] = 0.25 * idf_sum / (double)v;
    for (i = 0; i < n; i++) {
        const summ__sentence *se = &m->sents[i];
        double len = (double)(se->term_end - se->term_begin), sq = 0.0;
        switch (kind) {
        case SUMM__SIM_TEXTRANK:
            sent_w[i] = len > 0.0 ? log(len) : 0.0;
            break;
        case SUMM__SIM_COSINE_IDF:
        case SUMM__SIM_COSINE_IDF1P:
            for (k = se->bag_begin; k < se->bag_end; k++) {
                double x = (double)m->bag_count[k] * term_w[m->bag_term[k]];
                sq += x * x;
            }
            sent_w[i] = sqrt(sq);
            break;
        case SUMM__SIM_BM25:
            sent_w[i] = 1.2 * (1.0 - 0.75 + 0.75 * (len / avg_len));
            break;
        }
    }

    memset(&ctx, 0, sizeof ctx);
    ctx.model = m;
    ctx.opts = &s->opts;
    ctx.alloc = &s->alloc;
    ck_assert_int_eq(summ__graph_build(&ctx, kind, threshold, &g), 0);
    ck_assert_uint_eq(g.n, n);

    for (i = 0; i < n; i++) {
        size_t n_row = 0, e;
        double out = 0.0;
        for (j = 0; j < n; j++) {
            double acc = 0.0, d = 0.0, w;
            bool met = false;
            if (j == i || (i > j ? i - j : j - i) > SUMM__GRAPH_REACH)
                continue;
            /* In the order of i's bag, as sums of doubles depend on order. */
            for (k = m->sents[i].bag_begin; k < m->sents[i].bag_end; k++) {
                uint32_t term = m->bag_term[k], ci = m->bag_count[k], cj;
                size_t at = entry_in(m, j, term), ri = rank[k], rj;
                if (at == SIZE_MAX)
                    continue;
                cj = m->bag_count[at];
                rj = rank[at];
                if (sf[term] > SUMM__GRAPH_WINDOW && (ri > rj ? ri - rj : rj - ri) > half)
                    continue;
                met = true;
                switch (kind) {
                case SUMM__SIM_TEXTRANK:
                    acc += 1.0;
                    break;
                case SUMM__SIM_COSINE_IDF:
                case SUMM__SIM_COSINE_IDF1P:
                    acc += (double)ci * (double)cj * term_w[term] * term_w[term];
                    break;
                case SUMM__SIM_BM25:
                    acc += bm25_of(term_w[term], cj, sent_w[j]) +
                           bm25_of(term_w[term], ci, sent_w[i]);
                    break;
                }
            }
            if (!met)
                continue;
            switch (kind) {
            case SUMM__SIM_TEXTRANK:
                d = sent_w[i] + sent_w[j];
                w = d > 0.0 ? acc / d : 0.0;
                break;
            case SUMM__SIM_COSINE_IDF:
            case SUMM__SIM_COSINE_IDF1P:
                d = sent_w[i] * sent_w[j];
                w = d > 0.0 ? acc / d : 0.0;
                if (threshold > 0.0)
                    w = w >= threshold ? 1.0 : 0.0;
                break;
            default:
                w = acc / 2.0;
                break;
            }
            if (w > 0.0 && isfinite(w)) {
                row[n_row].w = w;
                row[n_row].j = (uint32_t)j;
                n_row++;
            }
        }
        qsort(row, n_row, sizeof *row, ref_stronger_first);
        if (n_row > max_k)
            n_row = max_k;
        qsort(row, n_row, sizeof *row, ref_by_column);
        ck_assert_msg(g.row[i + 1] - g.row[i] == n_row, "row %zu: %zu edges, expected %zu", i,
                      g.row[i + 1] - g.row[i], n_row);
        for (e = 0; e < n_row; e++) {
            ck_assert_uint_eq(g.col[g.row[i] + e], row[e].j);
            ck_assert_msg(g.w[g.row[i] + e] == row[e].w, "kind %d row %zu edge %zu: %.17g, expected %.17g",
                          (int)kind, i, e, g.w[g.row[i] + e], row[e].w);
            out += row[e].w;
        }
        ck_assert(g.out[i] == out);
    }
    summ__graph_free(ctx.alloc, &g);
    free(term_w);
    free(sent_w);
    free(row);
    free(rank);
    free(sf);
}

/* n_sents sentences, every similarity kind, with max_neighbours k. */
static void check_all_kinds(size_t n_sents, unsigned seed, uint32_t k)
{
    summ_options o = SUMM_OPTIONS_INIT;
    summ_lang *lang = NULL;
    summ_summarizer *s = NULL;
    char *text = make_text(n_sents, seed);
    size_t t, frequent = 0;

    o.max_neighbours = k;
    ck_assert_int_eq(summ_lang_new(&lang, "en", NULL), 0);
    ck_assert_int_eq(summ_summarizer_new(&s, lang, &o, NULL), 0);
    ck_assert_int_eq(summ__split(lang, text, strlen(text), false, &s->spans), 0);
    ck_assert_int_eq(summ__model_build(s, text), 0);
    ck_assert_uint_eq(s->model.n_sents, n_sents);
    for (t = 0; t < s->model.n_vocab; t++)
        frequent += s->model.term_sf[t] > SUMM__GRAPH_WINDOW;
    /* The long texts exercise the window. */
    if (n_sents > 2 * SUMM__GRAPH_WINDOW)
        ck_assert_uint_gt(frequent, 2);
    /* The longest ones the reach: a rare term (inside the window) in two
     * sentences further apart than it. */
    if (n_sents > 2 * SUMM__GRAPH_REACH) {
        const summ__model *m = &s->model;
        size_t *first = calloc(m->n_vocab, sizeof *first), i, kk, far = 0;
        size_t *last = calloc(m->n_vocab, sizeof *last);
        ck_assert(first && last);
        for (i = 0; i < m->n_sents; i++)
            for (kk = m->sents[i].bag_begin; kk < m->sents[i].bag_end; kk++) {
                if (!last[m->bag_term[kk]])
                    first[m->bag_term[kk]] = i + 1;
                last[m->bag_term[kk]] = i + 1;
            }
        for (t = 0; t < m->n_vocab; t++)
            far += m->term_sf[t] <= SUMM__GRAPH_WINDOW && last[t] - first[t] > SUMM__GRAPH_REACH;
        ck_assert_uint_gt(far, 2);
        free(first);
        free(last);
    }
    check_graph(s, SUMM__SIM_TEXTRANK, 0.0);
    check_graph(s, SUMM__SIM_COSINE_IDF, 0.0);
    check_graph(s, SUMM__SIM_COSINE_IDF, 0.1);
    check_graph(s, SUMM__SIM_COSINE_IDF1P, 0.0);
    check_graph(s, SUMM__SIM_BM25, 0.0);
    summ_summarizer_free(s);
    summ_lang_free(lang);
    free(text);
}

/* Texts and neighbour caps: every similarity kept (short text, and a long
 * one where k exceeds what any row meets), a few, the default, one. */
static const struct {
    size_t n_sents;
    unsigned seed;
    uint32_t max_neighbours;
} cases[] = {
    { 40, 1, 100000 }, { 40, 2, 3 }, { 700, 3, 32 }, { 700, 4, 1 }, { 700, 5, 1000 },
    { 2 * SUMM__GRAPH_REACH + 300, 6, 32 },
};

START_TEST(graph_matches_brute_force)
{
    check_all_kinds(cases[_i].n_sents, cases[_i].seed, cases[_i].max_neighbours);
}
END_TEST

static Suite *graph_suite(void)
{
    Suite *s = suite_create("graph");
    TCase *tc = tcase_create("core");
    /* Brute force over every pair: seconds under the sanitizers. */
    tcase_set_timeout(tc, 300);
    tcase_add_loop_test(tc, graph_matches_brute_force, 0, (int)(sizeof cases / sizeof cases[0]));
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return test_run_suite(graph_suite());
}
