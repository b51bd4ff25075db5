/*
 * ROUGE-N, ROUGE-L and ROUGE-Lsum (Lin 2004) with the definitions of the
 * rouge-score package: clipped n-gram counts, LCS of the whole token
 * sequences, and the summary-level union LCS over lines with the same
 * backtracking tie-break, so that the union (and the score) come out equal.
 */
#include "rouge_internal.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <libstemmer.h>

/* Above this many distinct words the vocabulary is dropped between calls, so
 * a long-lived scorer's memory stays bounded. */
#define VOCAB_RESET_WORDS ((size_t)1 << 20)

int summ_rouge_options_init(summ_rouge_options *opts, unsigned int version)
{
    const summ_rouge_options init = SUMM_ROUGE_OPTIONS_INIT;
    if (!opts || version == 0)
        return SUMM_E_INVALID_ARG;
    if (version > SUMM_ROUGE_OPTIONS_VERSION)
        return SUMM_E_VERSION;
    *opts = init;
    opts->version = version;
    return SUMM_OK;
}

static bool stemmer_exists(const char *name)
{
    const char **list = sb_stemmer_list();
    for (; *list; list++)
        if (strcmp(*list, name) == 0)
            return true;
    return false;
}

int summ_rouge_new(summ_rouge **out, const summ_rouge_options *opts, const summ_allocator *alloc)
{
    summ_rouge_options o = SUMM_ROUGE_OPTIONS_INIT;
    summ_allocator a;
    summ_rouge *r;

    if (!out)
        return SUMM_E_INVALID_ARG;
    *out = NULL;
    if (opts) {
        if (opts->version == 0)
            return SUMM_E_INVALID_ARG;
        if (opts->version > SUMM_ROUGE_OPTIONS_VERSION)
            return SUMM_E_VERSION;
        /* Version 1 is the whole struct; later versions will copy a prefix. */
        o = *opts;
        o.version = SUMM_ROUGE_OPTIONS_VERSION;
    }
    if (o.tokenizer != SUMM_ROUGE_TOKENIZER_ASCII && o.tokenizer != SUMM_ROUGE_TOKENIZER_UNICODE)
        return SUMM_E_INVALID_ARG;
    if (o.stemmer && (strlen(o.stemmer) >= SUMM__ROUGE_STEMMER_MAX || !stemmer_exists(o.stemmer)))
        return SUMM_E_INVALID_ARG;

    summ__allocator_resolve(&a, alloc);
    r = summ__alloc(&a, sizeof *r);
    if (!r)
        return SUMM_E_NOMEM;
    memset(r, 0, sizeof *r);
    r->alloc = a;
    r->opts = o;
    r->fold.alloc = &r->alloc;
    summ__strmap_init(&r->words, &r->alloc);
    summ__strmap_init(&r->stems, &r->alloc);
    summ__strmap_init(&r->ngrams, &r->alloc);
    if (o.stemmer) {
        memcpy(r->stemmer_name, o.stemmer, strlen(o.stemmer) + 1);
        r->opts.stemmer = r->stemmer_name;
        /* The name is known, so NULL means libstemmer ran out of memory. */
        r->stemmer = sb_stemmer_new(r->stemmer_name, "UTF_8");
        if (!r->stemmer) {
            summ_rouge_free(r);
            return SUMM_E_NOMEM;
        }
    }
    *out = r;
    return SUMM_OK;
}

void summ_rouge_free(summ_rouge *r)
{
    summ_allocator a;
    size_t i;
    if (!r)
        return;
    a = r->alloc;
    if (r->stemmer)
        sb_stemmer_delete(r->stemmer);
    summ__fold_buf_dispose(&r->fold);
    summ__strmap_dispose(&r->words);
    summ__strmap_dispose(&r->stems);
    summ__strmap_dispose(&r->ngrams);
    summ__rouge_seq_dispose(&r->cand, &a);
    for (i = 0; i < r->refs_cap; i++)
        summ__rouge_seq_dispose(&r->refs[i], &a);
    summ__free(&a, r->refs, r->refs_cap * sizeof *r->refs);
    summ__free(&a, r->masks, r->masks_cap * sizeof *r->masks);
    summ__free(&a, r->symbol, r->symbol_cap * sizeof *r->symbol);
    summ__free(&a, r->counts, r->counts_cap * sizeof *r->counts);
    summ__free(&a, r->term_cand, r->term_cand_cap * sizeof *r->term_cand);
    summ__free(&a, r->term_ref, r->term_ref_cap * sizeof *r->term_ref);
    summ__free(&a, r->lcs, r->lcs_cap * sizeof *r->lcs);
    summ__free(&a, r->hit, r->hit_cap);
    summ__free(&a, r, sizeof *r);
}

const char *summ_rouge_errmsg(const summ_rouge *r)
{
    return r ? r->errmsg : "invalid argument: NULL ROUGE scorer";
}

static int fail(summ_rouge *r, int status, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

static int fail(summ_rouge *r, int status, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    /* Only integers and strings are formatted: no locale dependence. */
    vsnprintf(r->errmsg, sizeof r->errmsg, fmt, ap);
    va_end(ap);
    return status;
}

static void set_score(summ_rouge_result *s, size_t hits, size_t n_cand, size_t n_ref)
{
    double p = n_cand ? (double)hits / (double)n_cand : 0.0;
    double rc = n_ref ? (double)hits / (double)n_ref : 0.0;
    s->precision = p;
    s->recall = rc;
    /* The same expression as rouge-score, so results agree to the last bit. */
    s->f1 = p + rc > 0.0 ? 2.0 * p * rc / (p + rc) : 0.0;
}

static int grow_zeroed(summ_rouge *r, uint32_t **arr, size_t *cap, size_t need)
{
    size_t old = *cap;
    void *p = *arr;
    int rc = summ__grow(&r->alloc, &p, cap, need, sizeof **arr);
    if (rc < 0)
        return rc;
    *arr = p;
    memset(*arr + old, 0, (*cap - old) * sizeof **arr);
    return SUMM_OK;
}

/* ROUGE-1 needs no n-gram map: count through the per-term counters. */
static int rouge_1(summ_rouge *r, const summ__rouge_seq *c, const summ__rouge_seq *f,
                   summ_rouge_result *s)
{
    size_t i, hits = 0;
    int rc;
    if ((rc = grow_zeroed(r, &r->term_ref, &r->term_ref_cap, r->n_terms)) < 0)
        return rc;
    for (i = 0; i < f->len; i++)
        r->term_ref[f->ids[i]]++;
    for (i = 0; i < c->len; i++) {
        uint32_t t = c->ids[i];
        if (r->term_ref[t] > 0) {
            r->term_ref[t]--;
            hits++;
        }
    }
    for (i = 0; i < f->len; i++)
        r->term_ref[f->ids[i]] = 0;
    set_score(s, hits, c->len, f->len);
    return SUMM_OK;
}

static int rouge_n(summ_rouge *r, unsigned int n, const summ__rouge_seq *c,
                   const summ__rouge_seq *f, summ_rouge_result *s)
{
    size_t nc = c->len >= n ? c->len - n + 1 : 0;
    size_t nf = f->len >= n ? f->len - n + 1 : 0;
    size_t key_len, i, hits = 0;
    uint32_t n_distinct = 0;
    int rc;

    if (nc == 0 || nf == 0) {
        set_score(s, 0, nc, nf);
        return SUMM_OK;
    }
    if (n == 1)
        return rouge_1(r, c, f, s);
    if (!summ__mul_ok(n, sizeof(uint32_t), &key_len) || nf >= UINT32_MAX)
        return SUMM_E_TOO_LARGE;
    {
        void *p = r->counts;
        if ((rc = summ__grow(&r->alloc, &p, &r->counts_cap, nf, sizeof *r->counts)) < 0)
            return rc;
        r->counts = p;
    }
    /* An n-gram's key is the bytes of its n term ids. */
    summ__strmap_clear(&r->ngrams);
    for (i = 0; i < nf; i++) {
        uint32_t idx;
        bool inserted;
        rc = summ__strmap_intern(&r->ngrams, (const char *)(f->ids + i), key_len, n_distinct,
                                 &idx, &inserted);
        if (rc < 0)
            return rc;
        if (inserted)
            r->counts[n_distinct++] = 0;
        r->counts[idx]++;
    }
    for (i = 0; i < nc; i++) {
        uint32_t idx;
        if (summ__strmap_get(&r->ngrams, (const char *)(c->ids + i), key_len, &idx) &&
            r->counts[idx] > 0) {
            r->counts[idx]--;
            hits++;
        }
    }
    set_score(s, hits, nc, nf);
    return SUMM_OK;
}

static int reserve_lcs(summ_rouge *r, size_t rows, size_t cols)
{
    size_t cells, bytes;
    void *p = r->lcs;
    int rc;
    if (!summ__mul_ok(rows, cols, &cells) || !summ__mul_ok(cells, sizeof *r->lcs, &bytes))
        return SUMM_E_TOO_LARGE;
    if ((rc = summ__grow(&r->alloc, &p, &r->lcs_cap, cells, sizeof *r->lcs)) < 0)
        return rc;
    r->lcs = p;
    return SUMM_OK;
}

/* Length of the LCS of a[0, na) and b[0, nb) in two rows of nb + 1 cells. */
static size_t lcs_length(uint32_t *rows, const uint32_t *a, size_t na, const uint32_t *b, size_t nb)
{
    uint32_t *prev = rows, *cur = rows + nb + 1;
    size_t i, j;
    memset(prev, 0, (nb + 1) * sizeof *prev);
    cur[0] = 0;
    for (i = 0; i < na; i++) {
        uint32_t ai = a[i];
        for (j = 0; j < nb; j++) {
            if (ai == b[j])
                cur[j + 1] = prev[j] + 1;
            else
                cur[j + 1] = prev[j + 1] > cur[j] ? prev[j + 1] : cur[j];
        }
        {
            uint32_t *t = prev;
            prev = cur;
            cur = t;
        }
    }
    return prev[nb];
}

/* Above this many bytes of bit masks ROUGE-L uses the plain DP rows. */
#define LCS_MASK_BYTES_MAX ((size_t)32 << 20)

/* LCS length with the bit-parallel algorithm of Allison and Dix (1986), as
 * refined by Hyyro (2004): one machine word covers 64 cells of a DP row.
 * Bit i of masks[sym] is set when a[i] is that symbol; V holds the row's
 * steps, and the LCS length is the number of zero bits among the first na.
 * Needs r->masks for the distinct symbols of a plus one row, and r->symbol
 * zeroed; leaves r->symbol zeroed. */
static size_t lcs_bits(summ_rouge *r, const uint32_t *a, size_t na, const uint32_t *b, size_t nb,
                       size_t words, size_t n_syms)
{
    uint64_t *v = r->masks + n_syms * words;
    size_t i, j, zeros = 0;
    for (i = 0; i < na; i++)
        r->masks[(r->symbol[a[i]] - 1) * words + i / 64] |= (uint64_t)1 << (i % 64);
    for (j = 0; j < words; j++)
        v[j] = ~(uint64_t)0;
    for (i = 0; i < nb; i++) {
        uint32_t sym = r->symbol[b[i]];
        const uint64_t *m;
        uint64_t carry = 0;
        if (sym == 0) /* not in a: the row does not change */
            continue;
        m = r->masks + (size_t)(sym - 1) * words;
        for (j = 0; j < words; j++) {
            uint64_t u = v[j] & m[j], sum = v[j] + u, c2;
            uint64_t c1 = sum < u;
            sum += carry;
            c2 = sum < carry;
            carry = c1 | c2;
            v[j] = sum | (v[j] & ~m[j]);
        }
    }
    for (i = 0; i < na; i++)
        zeros += !((v[i / 64] >> (i % 64)) & 1);
    for (i = 0; i < na; i++)
        r->symbol[a[i]] = 0;
    return zeros;
}

static int rouge_l(summ_rouge *r, const summ__rouge_seq *c, const summ__rouge_seq *f,
                   summ_rouge_result *s)
{
    const uint32_t *a = f->ids, *b = c->ids;
    size_t na = f->len, nb = c->len, words, n_syms = 0, cells, bytes, i;
    int rc;
    if (na == 0 || nb == 0) {
        set_score(s, 0, nb, na);
        return SUMM_OK;
    }
    /* LCS is symmetric: the bits go over the shorter sequence. */
    if (nb < na) {
        const uint32_t *t = a;
        size_t tn = na;
        a = b;
        na = nb;
        b = t;
        nb = tn;
    }
    if ((rc = grow_zeroed(r, &r->symbol, &r->symbol_cap, r->n_terms)) < 0)
        return rc;
    for (i = 0; i < na; i++)
        if (r->symbol[a[i]] == 0)
            r->symbol[a[i]] = (uint32_t)++n_syms;
    words = (na + 63) / 64;
    if (summ__mul_ok(n_syms + 1, words, &cells) && summ__mul_ok(cells, sizeof *r->masks, &bytes) &&
        bytes <= LCS_MASK_BYTES_MAX) {
        void *p = r->masks;
        rc = summ__grow(&r->alloc, &p, &r->masks_cap, cells, sizeof *r->masks);
        if (rc == SUMM_OK) {
            r->masks = p;
            memset(r->masks, 0, cells * sizeof *r->masks);
            set_score(s, lcs_bits(r, a, na, b, nb, words, n_syms), c->len, f->len);
            return SUMM_OK;
        }
    } else {
        rc = reserve_lcs(r, 2, na + 1);
        if (rc == SUMM_OK)
            set_score(s, lcs_length(r->lcs, b, nb, a, na), c->len, f->len);
    }
    for (i = 0; i < na; i++)
        r->symbol[a[i]] = 0;
    return rc;
}

static size_t line_begin(const summ__rouge_seq *q, size_t k)
{
    return k ? q->line_end[k - 1] : 0;
}

static size_t longest_line(const summ__rouge_seq *q)
{
    size_t k, best = 0;
    for (k = 0; k < q->n_lines; k++) {
        size_t n = q->line_end[k] - line_begin(q, k);
        if (n > best)
            best = n;
    }
    return best;
}

/* Marks in hit[] the tokens of ref[0, na) on one LCS with cand[0, nb),
 * backtracking as rouge-score does: on a tie between going left and going
 * up, go up. t is an (na + 1) x (nb + 1) table. */
static void lcs_mark(uint32_t *t, const uint32_t *ref, size_t na, const uint32_t *cand, size_t nb,
                     unsigned char *hit)
{
    size_t w = nb + 1, i, j;
    memset(t, 0, w * sizeof *t);
    for (i = 1; i <= na; i++) {
        uint32_t *row = t + i * w, *up = row - w;
        row[0] = 0;
        for (j = 1; j <= nb; j++) {
            if (ref[i - 1] == cand[j - 1])
                row[j] = up[j - 1] + 1;
            else
                row[j] = up[j] > row[j - 1] ? up[j] : row[j - 1];
        }
    }
    i = na;
    j = nb;
    while (i > 0 && j > 0) {
        if (ref[i - 1] == cand[j - 1]) {
            hit[i - 1] = 1;
            i--;
            j--;
        } else if (t[i * w + j - 1] > t[(i - 1) * w + j]) {
            j--;
        } else {
            i--;
        }
    }
}

static int rouge_lsum(summ_rouge *r, const summ__rouge_seq *c, const summ__rouge_seq *f,
                      summ_rouge_result *s)
{
    size_t max_f, max_c, i, k, kc, hits = 0;
    int rc;

    if (f->len == 0 || c->len == 0) {
        set_score(s, 0, c->len, f->len);
        return SUMM_OK;
    }
    /* Everything that can fail comes before the per-term counts are touched:
     * they must be all zero again when this returns. */
    max_f = longest_line(f);
    max_c = longest_line(c);
    if ((rc = reserve_lcs(r, max_f + 1, max_c + 1)) < 0)
        return rc;
    if (max_f > r->hit_cap) {
        void *p = r->hit;
        if ((rc = summ__grow(&r->alloc, &p, &r->hit_cap, max_f, 1)) < 0)
            return rc;
        r->hit = p;
    }
    if ((rc = grow_zeroed(r, &r->term_cand, &r->term_cand_cap, r->n_terms)) < 0)
        return rc;
    if ((rc = grow_zeroed(r, &r->term_ref, &r->term_ref_cap, r->n_terms)) < 0)
        return rc;

    for (i = 0; i < c->len; i++)
        r->term_cand[c->ids[i]]++;
    for (i = 0; i < f->len; i++)
        r->term_ref[f->ids[i]]++;
    for (k = 0; k < f->n_lines; k++) {
        const uint32_t *line = f->ids + line_begin(f, k);
        size_t na = f->line_end[k] - line_begin(f, k);
        memset(r->hit, 0, na);
        for (kc = 0; kc < c->n_lines; kc++)
            lcs_mark(r->lcs, line, na, c->ids + line_begin(c, kc),
                     c->line_end[kc] - line_begin(c, kc), r->hit);
        /* Each union token counts once per remaining occurrence on both sides. */
        for (i = 0; i < na; i++) {
            uint32_t t = line[i];
            if (r->hit[i] && r->term_cand[t] > 0 && r->term_ref[t] > 0) {
                r->term_cand[t]--;
                r->term_ref[t]--;
                hits++;
            }
        }
    }
    for (i = 0; i < c->len; i++)
        r->term_cand[c->ids[i]] = 0;
    for (i = 0; i < f->len; i++)
        r->term_ref[f->ids[i]] = 0;
    set_score(s, hits, c->len, f->len);
    return SUMM_OK;
}

int summ_rouge_score(summ_rouge *r, int metric, unsigned int n, const char *cand,
                     size_t cand_len, const char *const *refs, const size_t *ref_lens,
                     size_t n_refs, summ_rouge_result *out)
{
    summ_rouge_result best, cur;
    size_t i, bad;
    int rc;

    if (out)
        memset(out, 0, sizeof *out);
    if (!r || !out)
        return SUMM_E_INVALID_ARG;
    r->errmsg[0] = '\0';
    if (metric != SUMM_ROUGE_N && metric != SUMM_ROUGE_L && metric != SUMM_ROUGE_LSUM)
        return fail(r, SUMM_E_INVALID_ARG, "unknown ROUGE metric %d", metric);
    if (metric == SUMM_ROUGE_N && n == 0)
        return fail(r, SUMM_E_INVALID_ARG, "ROUGE-N needs n >= 1");
    if (n_refs == 0 || !refs || !ref_lens)
        return fail(r, SUMM_E_INVALID_ARG, "no reference");
    if (!cand && cand_len)
        return fail(r, SUMM_E_INVALID_ARG, "candidate is NULL but its length is %zu", cand_len);
    if (cand_len > SUMM_MAX_INPUT_BYTES)
        return fail(r, SUMM_E_TOO_LARGE, "candidate of %zu bytes is over the limit", cand_len);
    for (i = 0; i < n_refs; i++) {
        if (!refs[i] && ref_lens[i])
            return fail(r, SUMM_E_INVALID_ARG, "reference %zu is NULL but its length is %zu", i,
                        ref_lens[i]);
        if (ref_lens[i] > SUMM_MAX_INPUT_BYTES)
            return fail(r, SUMM_E_TOO_LARGE, "reference %zu of %zu bytes is over the limit", i,
                        ref_lens[i]);
    }

    if (r->words.count > VOCAB_RESET_WORDS)
        summ__rouge_vocab_reset(r);
    if (n_refs > r->refs_cap) {
        void *p = r->refs;
        size_t old = r->refs_cap;
        if ((rc = summ__grow(&r->alloc, &p, &r->refs_cap, n_refs, sizeof *r->refs)) < 0)
            return fail(r, rc, "%s", summ_strerror(rc));
        r->refs = p;
        memset(r->refs + old, 0, (r->refs_cap - old) * sizeof *r->refs);
    }
    /* UTF-8 is checked as each text is tokenized, and not again for a text
     * the scorer still holds from the last call. */
    rc = summ__rouge_tokenize(r, cand ? cand : "", cand_len, &r->cand, &bad);
    if (rc == SUMM_E_INVALID_UTF8)
        return fail(r, rc, "candidate: invalid UTF-8 at byte %zu", bad);
    if (rc < 0)
        return fail(r, rc, "%s", summ_strerror(rc));
    memset(&best, 0, sizeof best);
    for (i = 0; i < n_refs; i++) {
        const summ__rouge_seq *f = &r->refs[i];
        rc = summ__rouge_tokenize(r, refs[i] ? refs[i] : "", ref_lens[i], &r->refs[i], &bad);
        if (rc == SUMM_E_INVALID_UTF8)
            return fail(r, rc, "reference %zu: invalid UTF-8 at byte %zu", i, bad);
        if (rc == SUMM_OK) {
            if (metric == SUMM_ROUGE_N)
                rc = rouge_n(r, n, &r->cand, f, &cur);
            else if (metric == SUMM_ROUGE_L)
                rc = rouge_l(r, &r->cand, f, &cur);
            else
                rc = rouge_lsum(r, &r->cand, f, &cur);
        }
        if (rc < 0)
            return fail(r, rc, "%s", summ_strerror(rc));
        cur.reference = i;
        if (i == 0 || cur.f1 > best.f1)
            best = cur;
    }
    *out = best;
    return SUMM_OK;
}
