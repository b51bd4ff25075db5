/*
 * Term/sentence model: tokenizes every sentence, drops stopwords, stems each
 * distinct word once per document (Snowball costs far more than a hash
 * lookup), and stores per sentence its term sequence and its bag of distinct
 * terms with counts, plus per term its sentence and document frequencies.
 * All arrays live in the summarizer and are reused from call to call.
 */
#include "internal.h"

#include <stdlib.h>
#include <string.h>
#include <libstemmer.h>

/* Words are looked up in batches that run across sentences: the map's
 * slots of a whole batch are requested from memory first, so that the cache
 * misses of rare words overlap instead of stalling one after the other. */
#define BATCH_WORDS 64
#define BATCH_BYTES 2048
#define STEM_BYTES 2048

/* What to do with a batched word that is not in the words map yet. */
enum {
    NEW_LOOKUP = 0, /* an earlier word of the batch adds it: look it up */
    NEW_STOPWORD,   /* add it as a stopword */
    NEW_STEMMED,    /* add it with the stem kept in the batch */
    NEW_FULL        /* take add_word (its stem did not fit) */
};

typedef struct build_ctx {
    summ_summarizer *s;
    summ__model *m;
    summ__sentence *sent; /* the sentence being tokenized */
    size_t sent_index;
    size_t open;  /* the sentence the next looked-up word belongs to */
    size_t total; /* sentences in the text */
    bool keep_stopwords;
    bool stem;
    size_t n_batch, batch_len;
    uint32_t hash[BATCH_WORDS];
    uint32_t sent_of[BATCH_WORDS];
    uint16_t off[BATCH_WORDS], len[BATCH_WORDS];
    char bytes[BATCH_BYTES];
    /* Words new to the document: their stems, stemmed before any is added
     * so that the stems map's slots can be fetched meanwhile. */
    unsigned char kind[BATCH_WORDS];
    uint32_t stem_hash[BATCH_WORDS];
    uint16_t stem_off[BATCH_WORDS], stem_len[BATCH_WORDS];
    char stems[STEM_BYTES];
} build_ctx;

static int build_bag(summ_summarizer *s, summ__model *m, summ__sentence *sent);

/* Completes every sentence before `target` (its terms are all in), and
 * starts the term list of `target`. */
static int advance_to(build_ctx *b, size_t target)
{
    summ__model *m = b->m;
    int rc;
    while (b->open < target) {
        summ__sentence *sent = &m->sents[b->open];
        sent->term_end = m->n_terms;
        if ((rc = build_bag(b->s, m, sent)) < 0)
            return rc;
        m->n_sents = ++b->open;
        if (b->open < b->total)
            m->sents[b->open].term_begin = m->n_terms;
    }
    return SUMM_OK;
}

#define GROW(a, arr, cap, need) summ__grow((a), (void **)&(arr), &(cap), (need), sizeof *(arr))

static int new_term(build_ctx *b, const char *stem, size_t len, uint32_t h, uint32_t *id_out)
{
    summ__model *m = b->m;
    const summ_allocator *a = &b->s->alloc;
    uint32_t id;
    bool inserted;
    int rc;

    if (m->n_vocab >= UINT32_MAX - 1)
        return SUMM_E_TOO_LARGE;
    rc = summ__strmap_intern_hashed(&m->stems, stem, len, h, (uint32_t)m->n_vocab, &id, &inserted);
    if (rc < 0)
        return rc;
    if (inserted) {
        /* On failure the stem stays in the map without per-term slots; the
         * document fails as a whole and the next build clears the map. */
        if ((rc = GROW(a, m->term_sf, m->sf_cap, m->n_vocab + 1)) < 0)
            return rc;
        if ((rc = GROW(a, m->term_tf, m->tf_cap, m->n_vocab + 1)) < 0)
            return rc;
        m->term_sf[m->n_vocab] = 0;
        m->term_tf[m->n_vocab] = 0;
        m->n_vocab++;
    }
    *id_out = id;
    return SUMM_OK;
}

/* The stem of a folded word (hash: its summ__hash), or the word itself
 * (without stemming, or when the stemmer erased it entirely). NULL when out
 * of memory. Stems come from the summarizer's cache when an earlier text
 * had the word. */
static const char *stem_of(build_ctx *b, const char *folded, size_t len, uint32_t h,
                           size_t *stem_len)
{
    summ__stem_cache *cache = &b->s->stem_cache;
    const sb_symbol *r;
    const char *hit;
    *stem_len = len;
    if (!b->stem || len >= (size_t)INT32_MAX)
        return folded;
    if ((hit = summ__stem_cache_get(cache, b->s->stemmer, folded, len, h, stem_len)))
        return hit;
    r = sb_stemmer_stem(b->s->stemmer, (const sb_symbol *)folded, (int)len);
    if (!r)
        return NULL;
    *stem_len = (size_t)sb_stemmer_length(b->s->stemmer);
    if (*stem_len == 0) {
        *stem_len = len;
        return summ__stem_cache_put(cache, folded, len, h, folded, len) < 0 ? NULL : folded;
    }
    if (summ__stem_cache_put(cache, folded, len, h, (const char *)r, *stem_len) < 0)
        return NULL;
    return (const char *)r;
}

/* Adds one folded word (hash: its summ__hash) to the sentence. */
static int add_word(build_ctx *b, const char *folded, size_t len, uint32_t h)
{
    summ__model *m = b->m;
    uint32_t id;
    int rc;

    if (!summ__strmap_get_hashed(&m->words, folded, len, h, &id)) {
        if (!b->keep_stopwords &&
            summ__strmap_get_hashed(&b->s->active->stopwords, folded, len, h, NULL)) {
            id = SUMM__NO_TERM;
        } else {
            size_t stem_len;
            const char *stem = stem_of(b, folded, len, h, &stem_len);
            if (!stem)
                return SUMM_E_NOMEM;
            rc = new_term(b, stem, stem_len, stem == folded ? h : summ__hash(stem, stem_len), &id);
            if (rc < 0)
                return rc;
        }
        if ((rc = summ__strmap_intern_hashed(&m->words, folded, len, h, id, NULL, NULL)) < 0)
            return rc;
    }
    if (id == SUMM__NO_TERM)
        return SUMM_OK;
    if (m->n_terms == m->terms_cap &&
        (rc = GROW(&b->s->alloc, m->terms, m->terms_cap, m->n_terms + 1)) < 0)
        return rc;
    m->terms[m->n_terms++] = id;
    m->term_tf[id]++;
    return SUMM_OK;
}

/* Sorts out the words of the batch that the words map lacks (bit i of
 * found clear): stopwords, repeats within the batch, and the others
 * stemmed into b->stems with their stem's slot prefetched. */
static int prepare_new_words(build_ctx *b, uint64_t found)
{
    size_t i, k, n = b->n_batch, stems_len = 0, n_first = 0;
    unsigned char first[BATCH_WORDS]; /* the distinct new words so far */
    summ__model *m = b->m;

    for (i = 0; i < n; i++) {
        const char *w = b->bytes + b->off[i], *stem;
        size_t len = b->len[i], stem_len;
        if (found >> i & 1)
            continue;
        b->kind[i] = NEW_FULL;
        for (k = 0; k < n_first; k++) {
            size_t j = first[k];
            if (b->hash[j] == b->hash[i] && b->len[j] == len &&
                memcmp(b->bytes + b->off[j], w, len) == 0) {
                b->kind[i] = NEW_LOOKUP;
                break;
            }
        }
        if (b->kind[i] == NEW_LOOKUP)
            continue;
        first[n_first++] = (unsigned char)i;
        if (!b->keep_stopwords &&
            summ__strmap_get_hashed(&b->s->active->stopwords, w, len, b->hash[i], NULL)) {
            b->kind[i] = NEW_STOPWORD;
            continue;
        }
        if (!(stem = stem_of(b, w, len, b->hash[i], &stem_len)))
            return SUMM_E_NOMEM;
        if (stem_len > STEM_BYTES - stems_len)
            continue; /* NEW_FULL stems it again later */
        memcpy(b->stems + stems_len, stem, stem_len);
        b->kind[i] = NEW_STEMMED;
        b->stem_off[i] = (uint16_t)stems_len;
        b->stem_len[i] = (uint16_t)stem_len;
        b->stem_hash[i] = stem == w ? b->hash[i] : summ__hash(stem, stem_len);
        summ__strmap_prefetch_slot(&m->stems, b->stem_hash[i]);
        stems_len += stem_len;
    }
    return SUMM_OK;
}

/* Adds the batched words, in text order. Most are in the words map
 * already; the others are prepared first (prepare_new_words). */
static int flush_batch(build_ctx *b)
{
    size_t i, n = b->n_batch;
    summ__model *m = b->m;
    uint32_t ids[BATCH_WORDS];
    uint64_t found, all;
    int rc;

    if (n == 0)
        return SUMM_OK;
    found = summ__strmap_get_batch(&m->words, b->bytes, b->off, b->len, b->hash, n, ids);
    all = n == 64 ? ~(uint64_t)0 : ((uint64_t)1 << n) - 1;
    if (found != all && (rc = prepare_new_words(b, found)) < 0)
        return rc;
    b->n_batch = 0;
    b->batch_len = 0;
    /* Room for every word, so that known words append without checks. */
    if (m->n_terms + n > m->terms_cap &&
        (rc = GROW(&b->s->alloc, m->terms, m->terms_cap, m->n_terms + n)) < 0)
        return rc;
    for (i = 0; i < n; i++) {
        const char *w = b->bytes + b->off[i];
        uint32_t id;
        if (b->sent_of[i] != b->open && (rc = advance_to(b, b->sent_of[i])) < 0)
            return rc;
        if (found >> i & 1) {
            id = ids[i];
        } else if (b->kind[i] == NEW_STOPWORD || b->kind[i] == NEW_STEMMED) {
            id = SUMM__NO_TERM;
            if (b->kind[i] == NEW_STEMMED &&
                (rc = new_term(b, b->stems + b->stem_off[i], b->stem_len[i], b->stem_hash[i],
                               &id)) < 0)
                return rc;
            if ((rc = summ__strmap_intern_hashed(&m->words, w, b->len[i], b->hash[i], id, NULL,
                                                 NULL)) < 0)
                return rc;
        } else {
            /* A repeat of a new word, or one whose stem did not fit. */
            if ((rc = add_word(b, w, b->len[i], b->hash[i])) < 0)
                return rc;
            continue;
        }
        if (id != SUMM__NO_TERM) {
            m->terms[m->n_terms++] = id;
            m->term_tf[id]++;
        }
    }
    return SUMM_OK;
}

static int on_word(void *ud, size_t start, size_t end, const char *folded, size_t len)
{
    build_ctx *b = ud;
    uint32_t h = summ__hash(folded, len);
    int rc;

    (void)start;
    (void)end;
    b->sent->n_words++;
    if (b->n_batch == BATCH_WORDS || BATCH_BYTES - b->batch_len < len) {
        if ((rc = flush_batch(b)) < 0)
            return rc;
        if (len > BATCH_BYTES) { /* a word too long to batch */
            if ((rc = advance_to(b, b->sent_index)) < 0)
                return rc;
            return add_word(b, folded, len, h);
        }
    }
    summ__strmap_prefetch_slot(&b->m->words, h);
    memcpy(b->bytes + b->batch_len, folded, len);
    b->off[b->n_batch] = (uint16_t)b->batch_len;
    b->len[b->n_batch] = (uint16_t)len;
    b->hash[b->n_batch] = h;
    b->sent_of[b->n_batch] = (uint32_t)b->sent_index;
    b->n_batch++;
    b->batch_len += len;
    return SUMM_OK;
}

/* Longer term lists than this are sorted with qsort. */
#define SHORT_SORT 48

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return (x > y) - (x < y);
}

/* Insertion sort: the bags of most sentences hold a dozen terms, where it
 * beats qsort's calls through a comparison function. */
static void sort_short(uint32_t *v, size_t n)
{
    size_t i, j;
    for (i = 1; i < n; i++) {
        uint32_t x = v[i];
        for (j = i; j > 0 && v[j - 1] > x; j--)
            v[j] = v[j - 1];
        v[j] = x;
    }
}

/* Fills the sentence's bag: its distinct terms, sorted, with counts. */
static int build_bag(summ_summarizer *s, summ__model *m, summ__sentence *sent)
{
    size_t n = sent->term_end - sent->term_begin, i;
    uint32_t *tmp;
    int rc;

    sent->bag_begin = m->n_bag;
    if (n == 0) {
        sent->bag_end = m->n_bag;
        return SUMM_OK;
    }
    if ((rc = GROW(&s->alloc, m->scratch_u32, m->scratch_cap, n)) < 0)
        return rc;
    tmp = m->scratch_u32;
    memcpy(tmp, m->terms + sent->term_begin, n * sizeof *tmp);
    /* Equal keys are identical integers, so qsort's instability is harmless. */
    if (n <= SHORT_SORT)
        sort_short(tmp, n);
    else
        qsort(tmp, n, sizeof *tmp, cmp_u32);
    if ((rc = GROW(&s->alloc, m->bag_term, m->bag_term_cap, m->n_bag + n)) < 0)
        return rc;
    if ((rc = GROW(&s->alloc, m->bag_count, m->bag_count_cap, m->n_bag + n)) < 0)
        return rc;
    for (i = 0; i < n; i++) {
        if (i == 0 || tmp[i] != tmp[i - 1]) {
            m->bag_term[m->n_bag] = tmp[i];
            m->bag_count[m->n_bag] = 1;
            m->term_sf[tmp[i]]++;
            m->n_bag++;
        } else {
            m->bag_count[m->n_bag - 1]++;
        }
    }
    sent->bag_end = m->n_bag;
    return SUMM_OK;
}

int summ__model_build(summ_summarizer *s, const char *text)
{
    summ__model *m = &s->model;
    build_ctx b;
    size_t i;
    int rc;

    m->n_sents = m->n_terms = m->n_bag = m->n_vocab = 0;
    summ__strmap_clear(&m->words);
    summ__strmap_clear(&m->stems);

    if ((rc = GROW(&s->alloc, m->sents, m->sents_cap, s->spans.len)) < 0)
        return rc;
    b.s = s;
    b.m = m;
    b.keep_stopwords = (s->opts.flags & SUMM_FLAG_KEEP_STOPWORDS) != 0;
    b.stem = s->stemmer && !(s->opts.flags & SUMM_FLAG_NO_STEMMING);
    b.n_batch = b.batch_len = 0;
    b.open = 0;
    b.total = s->spans.len;
    /* Sentence numbers are stored as uint32 in the batch. */
    if (b.total > UINT32_MAX)
        return SUMM_E_TOO_LARGE;
    if (b.total > 0)
        m->sents[0].term_begin = 0;
    for (i = 0; i < b.total; i++) {
        summ__sentence *sent = &m->sents[i];
        sent->start = s->spans.items[i].start;
        sent->end = s->spans.items[i].end;
        sent->n_words = 0;
        b.sent = sent;
        b.sent_index = i;
        rc = summ__tokenize(text, sent->start, sent->end, &s->fold, on_word, &b);
        if (rc < 0)
            return rc;
    }
    if ((rc = flush_batch(&b)) < 0)
        return rc;
    return advance_to(&b, b.total);
}

void summ__model_dispose(summ__model *m, const summ_allocator *a)
{
    summ__free(a, m->sents, m->sents_cap * sizeof *m->sents);
    summ__free(a, m->terms, m->terms_cap * sizeof *m->terms);
    summ__free(a, m->bag_term, m->bag_term_cap * sizeof *m->bag_term);
    summ__free(a, m->bag_count, m->bag_count_cap * sizeof *m->bag_count);
    summ__free(a, m->term_sf, m->sf_cap * sizeof *m->term_sf);
    summ__free(a, m->term_tf, m->tf_cap * sizeof *m->term_tf);
    summ__free(a, m->scratch_u32, m->scratch_cap * sizeof *m->scratch_u32);
    summ__strmap_dispose(&m->words);
    summ__strmap_dispose(&m->stems);
    memset(m, 0, sizeof *m);
}
