/*
 * LSA (J. Steinberger and K. Ježek, "Using Latent Semantic Analysis in Text
 * Summarization and Summary Evaluation", ISIM 2004). A is the terms x
 * sentences matrix with a(t, i) = count of t in i x log(1 + S / sf(t)). Its
 * truncated SVD A ~ U_r Sigma_r V_r^T gives r latent topics; a sentence
 * scores its length in the topic space weighted by the topics' strength,
 *     score(i) = sqrt(sum_{k <= r} sigma_k^2 v_k(i)^2),
 * so a sentence that carries several strong topics wins (the paper's fix to
 * Gong & Liu's one-sentence-per-topic choice). r = opts->lsa_dimensions
 * (default 3), at most the rank.
 *
 * The SVD is computed here, without a linear algebra library: the right
 * singular vectors are the top eigenvectors of A^T A, found one after the
 * other by power iteration (each multiplication A^T (A v) costs O(nnz), the
 * number of sentence-term pairs), deflated by Gram-Schmidt against those
 * already found. Iterations stop when v changes by less than 1e-9 or after
 * opts->max_iterations. The start vector is fixed, so results are
 * deterministic.
 *
 * Cost: O(r x iterations x nnz) time, O(r x S + V) memory.
 */
#include "scorer.h"

#include <math.h>

#include "alloc.h"
#include "model.h"

typedef struct lsa {
    const summ__model *m;
    double *idf; /* V */
    double *u;   /* V: A v */
} lsa;

/* w = A^T A v. */
static void multiply(const lsa *l, const double *v, double *w)
{
    const summ__model *m = l->m;
    size_t i, k;
    for (k = 0; k < m->n_vocab; k++)
        l->u[k] = 0.0;
    for (i = 0; i < m->n_sents; i++)
        for (k = m->sents[i].bag_begin; k < m->sents[i].bag_end; k++)
            l->u[m->bag_term[k]] += (double)m->bag_count[k] * l->idf[m->bag_term[k]] * v[i];
    for (i = 0; i < m->n_sents; i++) {
        double sum = 0.0;
        for (k = m->sents[i].bag_begin; k < m->sents[i].bag_end; k++)
            sum += (double)m->bag_count[k] * l->idf[m->bag_term[k]] * l->u[m->bag_term[k]];
        w[i] = sum;
    }
}

static double dot(const double *a, const double *b, size_t n)
{
    double s = 0.0;
    size_t i;
    for (i = 0; i < n; i++)
        s += a[i] * b[i];
    return s;
}

/* Removes from x its components along basis[0, k) and normalises it;
 * returns its norm before normalising. */
static double orthonormalise(double *x, const double *basis, size_t k, size_t n)
{
    size_t j, i;
    double norm;
    for (j = 0; j < k; j++) {
        double c = dot(x, basis + j * n, n);
        for (i = 0; i < n; i++)
            x[i] -= c * basis[j * n + i];
    }
    norm = sqrt(dot(x, x, n));
    if (norm > 0.0)
        for (i = 0; i < n; i++)
            x[i] /= norm;
    return norm;
}

int summ__score_lsa(const summ__score_ctx *ctx, double *scores)
{
    const summ__model *m = ctx->model;
    size_t n = m->n_sents, v = m->n_vocab, r = ctx->opts->lsa_dimensions, i, k;
    double *basis = NULL, *w = NULL;
    lsa l;
    int rc = SUMM_OK;

    if (r > n)
        r = n;
    if (r > v)
        r = v;
    l.m = m;
    l.idf = summ__alloc_array(ctx->alloc, v, sizeof *l.idf);
    l.u = summ__alloc_array(ctx->alloc, v, sizeof *l.u);
    basis = summ__alloc_array(ctx->alloc, r * n + 1, sizeof *basis);
    w = summ__alloc_array(ctx->alloc, n, sizeof *w);
    if (!l.idf || !l.u || !basis || !w) {
        rc = SUMM_E_NOMEM;
        goto out;
    }
    for (k = 0; k < v; k++)
        l.idf[k] = log(1.0 + (double)n / (double)m->term_sf[k]);
    for (i = 0; i < n; i++)
        scores[i] = 0.0;

    for (k = 0; k < r; k++) {
        double *x = basis + k * n, sigma2;
        uint32_t it, attempt;
        /* A fixed start with varied entries, different for each vector so
         * it is not already in the span of those found; a few tries in
         * case it is (the rank may also be exhausted). */
        for (attempt = 0; attempt < 4; attempt++) {
            uint32_t seed = (uint32_t)(k * 4 + attempt) * 2246822519u + 1u;
            for (i = 0; i < n; i++) {
                uint32_t hsh = ((uint32_t)i + seed) * 2654435761u;
                hsh ^= hsh >> 15;
                x[i] = 1.0 + (double)(hsh % 1000u) / 1000.0;
            }
            if (orthonormalise(x, basis, k, n) > 1e-9)
                break;
        }
        if (attempt == 4)
            break;
        for (it = 0; it < ctx->opts->max_iterations; it++) {
            double change = 0.0, d;
            multiply(&l, x, w);
            if (orthonormalise(w, basis, k, n) <= 1e-12)
                break;
            for (i = 0; i < n; i++) {
                d = w[i] - x[i];
                change += d * d;
                x[i] = w[i];
            }
            if (change < 1e-18)
                break;
        }
        multiply(&l, x, w);
        sigma2 = dot(x, w, n); /* sigma_k^2 = v^T A^T A v */
        if (!(sigma2 > 1e-12))
            break;
        for (i = 0; i < n; i++)
            scores[i] += sigma2 * x[i] * x[i];
    }
    for (i = 0; i < n; i++)
        scores[i] = sqrt(scores[i]);
out:
    summ__free(ctx->alloc, l.idf, v * sizeof *l.idf);
    summ__free(ctx->alloc, l.u, v * sizeof *l.u);
    summ__free(ctx->alloc, basis, (r * n + 1) * sizeof *basis);
    summ__free(ctx->alloc, w, n * sizeof *w);
    return rc;
}
