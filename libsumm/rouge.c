/*
 * ROUGE-N, ROUGE-L and ROUGE-Lsum (Lin 2004) with the definitions of the
 * rouge-score package: clipped n-gram counts, LCS of the whole token
 * sequences, and the summary-level union LCS over lines with the same
 * backtracking tie-break, so that the union (and the score) come out equal.
 */
#include "rouge_internal.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <libstemmer.h>

/* Above this many distinct words the vocabulary is dropped between calls, so
 * a long-lived scorer's memory stays bounded. */
#define VOCAB_RESET_WORDS ((size_t)1 << 20)

/* Bytes of a summ_rouge_options of the given version (1 to the current):
 * version 1 ended at stem_min_length. */
static size_t options_size(unsigned int version)
{
    return version == 1 ? offsetof(summ_rouge_options, max_lsum_pairs)
                        : sizeof(summ_rouge_options);
}

int summ_rouge_options_init(summ_rouge_options *opts, unsigned int version)
{
    const summ_rouge_options init = SUMM_ROUGE_OPTIONS_INIT;
    if (!opts || version == 0)
        return SUMM_E_INVALID_ARG;
    if (version > SUMM_ROUGE_OPTIONS_VERSION)
        return SUMM_E_VERSION;
    /* An older caller's struct is only that version's prefix of ours. */
    memcpy(opts, &init, options_size(version));
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
        /* An older struct is a prefix of ours: the fields it lacks keep
         * their defaults. */
        memcpy(&o, opts, options_size(opts->version));
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
    if (r->opts.max_lsum_pairs == 0)
        r->opts.max_lsum_pairs = SUMM_ROUGE_DEFAULT_MAX_LSUM_PAIRS;
    r->lcs_leaf_words = SUMM__ROUGE_LEAF_WORDS;
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
    summ__free(&a, r->syms, r->syms_cap * sizeof *r->syms);
    summ__free(&a, r->lines, r->lines_cap * sizeof *r->lines);
    summ__free(&a, r->sym_pos, r->sym_pos_cap * sizeof *r->sym_pos);
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

/* ---- LCS, bit-parallel, in memory linear in the tokens --------------------
 *
 * The DP table L[i][j] = LCS(a[0, i), b[0, j)) is computed a column at a time
 * with the bit-parallel algorithm of Allison and Dix (1986) as refined by
 * Hyyro (2004): column j is a vector V of na bits, bit i clear exactly when
 * L[i + 1][j] = L[i][j] + 1, so L[i][j] is the number of clear bits below i;
 * moving to column j + 1 takes a few operations per 64-bit word with the
 * match mask of b[j] (bit i set when a[i] == b[j]).
 *
 * Masks: a symbol that occurs in a at least once per word of V (so there are
 * at most 64 of them, and their masks take at most na words in all) keeps its
 * own mask; a rarer one's mask is written into a scratch vector from its
 * positions before the step and cleared after, for less than the step costs.
 */

/* The rows sequence a, prepared for column steps. */
typedef struct lcs_rows {
    const uint32_t *a;
    size_t na, words;            /* words: 64-bit words per column vector */
    const uint32_t *symbol;      /* term id -> 1 + symbol of a, or 0 */
    const summ__rouge_sym *syms; /* per symbol: positions and mask */
    const uint32_t *pos;         /* positions in a, grouped by symbol, ascending */
    const uint64_t *dense;       /* masks of the frequent symbols */
    uint64_t *scratch;           /* one vector, all zero between steps */
} lcs_rows;

static size_t lcs_words(size_t na)
{
    return na / 64 + (na % 64 != 0);
}

/* Memory for lcs_prepare(): r->symbol for every term, r->syms and r->sym_pos
 * for na tokens. Fails before anything is written. */
static int lcs_reserve(summ_rouge *r, size_t na)
{
    void *p;
    int rc;
    if ((rc = grow_zeroed(r, &r->symbol, &r->symbol_cap, r->n_terms)) < 0)
        return rc;
    p = r->syms;
    if ((rc = summ__grow(&r->alloc, &p, &r->syms_cap, na, sizeof *r->syms)) < 0)
        return rc;
    r->syms = p;
    p = r->sym_pos;
    if ((rc = summ__grow(&r->alloc, &p, &r->sym_pos_cap, na, sizeof *r->sym_pos)) < 0)
        return rc;
    r->sym_pos = p;
    return SUMM_OK;
}

/* Prepares a[0, na) (na >= 1), with room reserved by lcs_reserve(): numbers
 * its symbols in r->symbol, groups their positions and writes the masks of
 * the frequent ones into dense (at most na words) with scratch (words, zeroed
 * here) after them. Undo with lcs_release(). */
static void lcs_prepare(summ_rouge *r, const uint32_t *a, size_t na, uint64_t *dense,
                        lcs_rows *x)
{
    size_t words = lcs_words(na), i, n_syms = 0, n_dense = 0, at = 0;
    for (i = 0; i < na; i++) {
        uint32_t *s = &r->symbol[a[i]];
        if (*s == 0) {
            *s = (uint32_t)++n_syms;
            r->syms[*s - 1].count = 0;
        }
        r->syms[*s - 1].count++;
    }
    for (i = 0; i < n_syms; i++) {
        summ__rouge_sym *sym = &r->syms[i];
        sym->first = (uint32_t)at;
        at += sym->count;
        sym->dense = sym->count >= words ? (uint32_t)++n_dense : 0;
        sym->count = 0; /* counts again as the positions go in */
    }
    memset(dense, 0, (n_dense + 1) * words * sizeof *dense);
    for (i = 0; i < na; i++) {
        summ__rouge_sym *sym = &r->syms[r->symbol[a[i]] - 1];
        r->sym_pos[sym->first + sym->count++] = (uint32_t)i;
        if (sym->dense)
            dense[(size_t)(sym->dense - 1) * words + i / 64] |= (uint64_t)1 << (i % 64);
    }
    x->a = a;
    x->na = na;
    x->words = words;
    x->symbol = r->symbol;
    x->syms = r->syms;
    x->pos = r->sym_pos;
    x->dense = dense;
    x->scratch = dense + n_dense * words;
}

/* Leaves r->symbol zeroed again. */
static void lcs_release(summ_rouge *r, const lcs_rows *x)
{
    size_t i;
    for (i = 0; i < x->na; i++)
        r->symbol[x->a[i]] = 0;
}

/* Column j + 1 of the table into out from column j in v, where term is b[j];
 * out may be v. */
static void lcs_step(const lcs_rows *x, const uint64_t *v, uint64_t *out, uint32_t term)
{
    uint32_t s = x->symbol[term];
    const summ__rouge_sym *sym;
    const uint64_t *m;
    uint64_t carry = 0;
    size_t k;
    if (s == 0) { /* not in a: the column does not change */
        for (k = 0; k < x->words; k++)
            out[k] = v[k];
        return;
    }
    sym = &x->syms[s - 1];
    if (sym->dense) {
        m = x->dense + (size_t)(sym->dense - 1) * x->words;
    } else {
        for (k = 0; k < sym->count; k++) {
            uint32_t p = x->pos[sym->first + k];
            x->scratch[p / 64] |= (uint64_t)1 << (p % 64);
        }
        m = x->scratch;
    }
    for (k = 0; k < x->words; k++) {
        uint64_t u = v[k] & m[k], sum = v[k] + u, c2;
        uint64_t c1 = sum < u;
        sum += carry;
        c2 = sum < carry;
        carry = c1 | c2;
        out[k] = sum | (v[k] & ~m[k]);
    }
    if (!sym->dense)
        for (k = 0; k < sym->count; k++)
            x->scratch[x->pos[sym->first + k] / 64] = 0;
}

/* Column 0: L is 0 everywhere, no bit is clear. */
static void lcs_first_column(const lcs_rows *x, uint64_t *v)
{
    memset(v, 0xFF, x->words * sizeof *v);
}

/* L[na][j] from column j: the clear bits among the first na. */
static size_t lcs_length_of(const lcs_rows *x, const uint64_t *v)
{
    size_t k, set = 0;
    for (k = 0; k + 1 < x->words; k++)
        set += (size_t)summ__popcount64(v[k]);
    if (x->na % 64)
        set += (size_t)summ__popcount64(v[k] & (((uint64_t)1 << (x->na % 64)) - 1));
    else
        set += (size_t)summ__popcount64(v[k]);
    return x->na - set;
}

/* ---- ROUGE-L ------------------------------------------------------------ */

static int rouge_l(summ_rouge *r, const summ__rouge_seq *c, const summ__rouge_seq *f,
                   summ_rouge_result *s)
{
    const uint32_t *a = f->ids, *b = c->ids;
    size_t na = f->len, nb = c->len, words, need, i;
    lcs_rows x;
    uint64_t *v;
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
    /* Frequent symbols' masks (na words at most), the scratch vector and V. */
    words = lcs_words(na);
    need = na + 2 * words;
    if ((rc = lcs_reserve(r, na)) < 0)
        return rc;
    {
        void *p = r->masks;
        if ((rc = summ__grow(&r->alloc, &p, &r->masks_cap, need, sizeof *r->masks)) < 0)
            return rc;
        r->masks = p;
    }
    lcs_prepare(r, a, na, r->masks, &x);
    v = x.scratch + words;
    lcs_first_column(&x, v);
    for (i = 0; i < nb; i++)
        lcs_step(&x, v, v, b[i]);
    set_score(s, lcs_length_of(&x, v), c->len, f->len);
    lcs_release(r, &x);
    return SUMM_OK;
}

/* ---- ROUGE-Lsum: one LCS per pair of lines, with its positions -----------
 *
 * The union LCS needs, for each pair, the reference tokens on one LCS: the
 * one rouge-score's backtracking finds, from (na, nb) towards (0, 0), taking
 * a match whenever the two tokens are equal, else going up (i - 1) when
 * L[i - 1][j] = L[i][j] (the tie goes up) and left otherwise. Each decision
 * reads one bit of column j, and the walk visits columns from nb down to 1,
 * so only the columns are needed, last first. They are recomputed from
 * checkpoints rather than stored: a range of columns (lo, hi] starting from
 * column lo is either short enough to keep whole (a leaf of lcs_leaf_words
 * words), or split at its middle, whose column is computed and kept while
 * the right half is walked, then dropped for the left half. Memory: a leaf,
 * one vector per level (log2 of nb / leaf columns) and the masks; time: the
 * bit-parallel pass about (2 + levels) / 2 times.
 */

/* Where the backtracking walk is, and what it has marked. */
typedef struct lcs_walk {
    const uint32_t *b;
    size_t i, j;          /* the current cell */
    unsigned char *hit;   /* hit[i] = 1: a[i] is on the LCS */
    size_t leaf_cols;     /* columns kept at once */
    uint64_t *slots;      /* one checkpoint vector per level */
    uint64_t *leaf;       /* leaf_cols vectors */
} lcs_walk;

static size_t lcs_leaf_cols(const summ_rouge *r, size_t words)
{
    size_t n = r->lcs_leaf_words / words;
    return n ? n : 1;
}

/* Checkpoint levels for nb columns, the column-0 vector included. */
static size_t lcs_levels(size_t nb, size_t leaf_cols)
{
    size_t d = 1;
    while (nb > leaf_cols) {
        nb -= nb / 2;
        d++;
    }
    return d;
}

/* Walks back through columns (lo, hi], computed from column lo in v_lo and
 * all kept in w->leaf (hi - lo <= leaf_cols). */
static void walk_leaf(const lcs_rows *x, lcs_walk *w, size_t lo, const uint64_t *v_lo,
                      size_t hi)
{
    const uint32_t *a = x->a, *b = w->b;
    const uint64_t *prev = v_lo;
    size_t k;
    for (k = lo; k < hi; k++) {
        uint64_t *v = w->leaf + (k - lo) * x->words;
        lcs_step(x, prev, v, b[k]);
        prev = v;
    }
    while (w->i > 0 && w->j > lo) {
        size_t i = w->i, j = w->j;
        const uint64_t *v = w->leaf + (j - lo - 1) * x->words;
        if (a[i - 1] == b[j - 1]) {
            w->hit[i - 1] = 1;
            w->i--;
            w->j--;
        } else if ((v[(i - 1) / 64] >> ((i - 1) % 64)) & 1) {
            w->i--;
        } else {
            w->j--;
        }
    }
}

/* Walks back through columns (lo, hi] given column lo in v_lo; checkpoint
 * slots from `slot` on are free. On return the walk is at column lo, or done. */
static void walk_range(const lcs_rows *x, lcs_walk *w, size_t lo, const uint64_t *v_lo,
                       size_t hi, size_t slot)
{
    size_t words = x->words, j, mid;
    uint64_t *v;
    if (w->i == 0)
        return;
    if (hi - lo <= w->leaf_cols) {
        walk_leaf(x, w, lo, v_lo, hi);
        return;
    }
    mid = lo + (hi - lo) / 2;
    v = w->slots + slot * words;
    lcs_step(x, v_lo, v, w->b[lo]);
    for (j = lo + 1; j < mid; j++)
        lcs_step(x, v, v, w->b[j]);
    walk_range(x, w, mid, v, hi, slot + 1);
    walk_range(x, w, lo, v_lo, mid, slot);
}

/* Marks in hit[] the tokens of a (prepared in x) on rouge-score's LCS with
 * b[0, nb), nb >= 1; w's leaf_cols, slots and leaf are set, and slot 0 holds
 * column 0 (lcs_first_column). */
static void lcs_mark(const lcs_rows *x, lcs_walk *w, const uint32_t *b, size_t nb,
                     unsigned char *hit)
{
    size_t j;
    /* Without a token in common the LCS is empty: nothing to walk. */
    for (j = 0; j < nb && x->symbol[b[j]] == 0; j++)
        ;
    if (j == nb)
        return;
    w->b = b;
    w->i = x->na;
    w->j = nb;
    w->hit = hit;
    if (nb <= w->leaf_cols) /* the common case: no checkpoint needed */
        walk_leaf(x, w, 0, w->slots, nb);
    else
        walk_range(x, w, 0, w->slots, nb, 1);
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

/* a + b, or false on overflow. */
static bool add_ok(size_t a, size_t b, size_t *out)
{
    if (a > SIZE_MAX - b)
        return false;
    *out = a + b;
    return true;
}

/* Words of r->masks for every pair of lines of Lsum: the masks (max_f words
 * at most), the scratch vector, the checkpoints and a leaf, each bounded by
 * its size for the longest reference line (the checkpoints grow with the
 * vector's length; the leaf holds at most lcs_leaf_words words, or one
 * vector). */
static bool lsum_arena_words(const summ_rouge *r, size_t max_f, size_t max_c, size_t *out)
{
    size_t wm = lcs_words(max_f), leaf_cols = lcs_leaf_cols(r, wm), slots, leaf, n;
    size_t leaf_bound = r->lcs_leaf_words > wm ? r->lcs_leaf_words : wm;
    if (!summ__mul_ok(lcs_levels(max_c, leaf_cols), wm, &slots))
        return false;
    if (!summ__mul_ok(max_c, wm, &leaf))
        return false;
    if (leaf > leaf_bound)
        leaf = leaf_bound;
    return add_ok(max_f, wm, &n) && add_ok(n, slots, &n) && add_ok(n, leaf, out);
}

/* The first line of each distinct content among q's lines, into r->lines
 * (their count in *n): a repeated candidate line would mark the same
 * reference tokens again, which changes no union, so it is walked once. */
static int distinct_lines(summ_rouge *r, const summ__rouge_seq *q, size_t *n)
{
    size_t k;
    int rc;
    void *p = r->lines;
    *n = 0;
    if ((rc = summ__grow(&r->alloc, &p, &r->lines_cap, q->n_lines, sizeof *r->lines)) < 0)
        return rc;
    r->lines = p;
    summ__strmap_clear(&r->ngrams);
    for (k = 0; k < q->n_lines; k++) {
        const uint32_t *ids = q->ids + line_begin(q, k);
        size_t len = q->line_end[k] - line_begin(q, k);
        bool inserted = true; /* a line too long to be a key is kept */
        if (q->n_lines > 1 && len < (UINT32_MAX - 1) / sizeof *ids &&
            (rc = summ__strmap_intern(&r->ngrams, (const char *)ids, len * sizeof *ids, 0, NULL,
                                      &inserted)) < 0)
            return rc;
        if (inserted)
            r->lines[(*n)++] = k;
    }
    return SUMM_OK;
}

static int rouge_lsum(summ_rouge *r, const summ__rouge_seq *c, const summ__rouge_seq *f,
                      summ_rouge_result *s)
{
    size_t max_f, max_c, arena, i, k, kc, n_distinct, hits = 0;
    lcs_walk w;
    int rc;

    if (f->len == 0 || c->len == 0) {
        set_score(s, 0, c->len, f->len);
        return SUMM_OK;
    }
    /* Everything that can fail comes before the per-term counts are touched:
     * they must be all zero again when this returns. */
    max_f = longest_line(f);
    max_c = longest_line(c);
    if (!lsum_arena_words(r, max_f, max_c, &arena))
        return SUMM_E_TOO_LARGE;
    {
        void *p = r->masks;
        if ((rc = summ__grow(&r->alloc, &p, &r->masks_cap, arena, sizeof *r->masks)) < 0)
            return rc;
        r->masks = p;
    }
    if ((rc = lcs_reserve(r, max_f)) < 0)
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
    if ((rc = distinct_lines(r, c, &n_distinct)) < 0)
        return rc;

    /* The arena: masks and scratch, checkpoints, leaf (lsum_arena_words). */
    w.slots = r->masks + max_f + lcs_words(max_f);
    w.leaf = w.slots + lcs_levels(max_c, lcs_leaf_cols(r, lcs_words(max_f))) * lcs_words(max_f);
    for (i = 0; i < c->len; i++)
        r->term_cand[c->ids[i]]++;
    for (i = 0; i < f->len; i++)
        r->term_ref[f->ids[i]]++;
    for (k = 0; k < f->n_lines; k++) {
        const uint32_t *line = f->ids + line_begin(f, k);
        size_t na = f->line_end[k] - line_begin(f, k);
        lcs_rows x;
        lcs_prepare(r, line, na, r->masks, &x);
        w.leaf_cols = lcs_leaf_cols(r, x.words);
        lcs_first_column(&x, w.slots);
        memset(r->hit, 0, na);
        for (kc = 0; kc < n_distinct; kc++) {
            size_t at = r->lines[kc];
            lcs_mark(&x, &w, c->ids + line_begin(c, at), c->line_end[at] - line_begin(c, at),
                     r->hit);
        }
        lcs_release(r, &x);
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
        /* Lsum's time grows with the token pairs (and, on short lines, with
         * the line pairs, fewer still): refused before any work. */
        if (rc == SUMM_OK && metric == SUMM_ROUGE_LSUM &&
            (uint64_t)r->cand.len * f->len > r->opts.max_lsum_pairs)
            return fail(r, SUMM_E_TOO_LARGE,
                        "reference %zu: ROUGE-Lsum of %zu candidate x %zu reference tokens is "
                        "over the limit of %llu token pairs (max_lsum_pairs)",
                        i, r->cand.len, f->len, (unsigned long long)r->opts.max_lsum_pairs);
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
