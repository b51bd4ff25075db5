/*
 * Term/sentence model: tokenizes every sentence, and through the
 * summarizer's lexicon (lexicon.c) drops stopwords and maps each word to
 * its stem; it stores per sentence its term sequence and its bag of
 * distinct terms with counts, plus per term its sentence and document
 * frequencies. All arrays live in the summarizer and are reused from call
 * to call.
 */
#include "model.h"

#include <math.h>
#include <string.h>

#include "alloc.h"
#include "strmap.h"
#include "summarizer.h"
#include "text.h"

/* Words are looked up in batches that run across sentences: the lexicon's
 * slots of a whole batch are requested from memory first, so that the cache
 * misses of rare words overlap instead of stalling one after the other. */
#define BATCH_WORDS 64
#define BATCH_BYTES 2048

typedef struct build_ctx {
    summ_summarizer *s;
    summ__model *m;
    summ__lexicon *lex;
    summ__sentence *sent; /* the sentence being tokenized */
    size_t sent_index;
    size_t open;  /* the sentence the next looked-up word belongs to */
    size_t total; /* sentences in the text */
    size_t n_batch, batch_len;
    bool cold; /* the last batch missed the lexicon often: prefetch */
    uint32_t hash[BATCH_WORDS];
    uint32_t sent_of[BATCH_WORDS];
    uint16_t off[BATCH_WORDS], len[BATCH_WORDS];
    char bytes[BATCH_BYTES + 16]; /* 8 readable bytes after every word */
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

/* Room for stem ids up to `stems` in m->term_slots (see model.h). */
static int reserve_term_slots(summ_summarizer *s, summ__model *m, size_t stems)
{
    int rc = GROW(&s->alloc, m->term_slots, m->term_slots_cap, stems + 1);
    if (rc == SUMM_OK && m->n_stems_seen == 0)
        m->term_slots[0] = 0; /* the stopwords' slot: no term is ever new there */
    return rc;
}

/* The stem id of a word the batch look-up missed, adding it to the lexicon
 * (it may be a repeat of a word an earlier one of the batch added). */
static int stem_id_of_new(build_ctx *b, const char *folded, size_t len, uint32_t h, uint32_t *id)
{
    summ__model *m = b->m;
    int rc;
    /* Room for the stem the lexicon may add, so that it always gets its
     * slot below, even when adding the word fails. */
    if ((rc = reserve_term_slots(b->s, m, m->n_stems_seen + 1)) < 0)
        return rc;
    rc = summ__lexicon_add(b->lex, folded, len, h, id);
    if (b->lex->stems.count > m->n_stems_seen)
        m->term_slots[++m->n_stems_seen] = SUMM__NO_TERM;
    return rc;
}

/* Room for n more words: in the term sequence, and for a new term each. */
static int reserve_words(build_ctx *b, size_t n)
{
    summ__model *m = b->m;
    const summ_allocator *a = &b->s->alloc;
    int rc;
    if ((rc = GROW(a, m->terms, m->terms_cap, m->n_terms + n)) < 0 ||
        (rc = GROW(a, m->term_sf, m->sf_cap, m->n_vocab + n)) < 0 ||
        (rc = GROW(a, m->term_tf, m->tf_cap, m->n_vocab + n)) < 0 ||
        (rc = GROW(a, m->stem_of_term, m->stem_of_term_cap, m->n_vocab + n)) < 0)
        return rc;
    return SUMM_OK;
}

/* Appends the term of stem id `stem` (SUMM__NO_TERM: a stopword) to the
 * open sentence, giving it the next term id if it is new to the text; the
 * caller reserved room (reserve_words). Half the words of a text are
 * stopwords and, in short texts, many are new, so neither case takes a
 * branch: a stopword maps to slot 0, and its writes land where nothing
 * counts them. */
static void append_stem(summ__model *m, uint32_t stem)
{
    uint32_t *slot = &m->term_slots[(uint32_t)(stem + 1)]; /* SUMM__NO_TERM + 1 wraps to 0 */
    uint32_t known = *slot, next = (uint32_t)m->n_vocab;
    bool is_new = known == SUMM__NO_TERM, counts = stem != SUMM__NO_TERM;
    uint32_t term = is_new ? next : known;
    *slot = term;
    /* A new term's entries; otherwise these slots are free and unused. */
    m->stem_of_term[next] = stem;
    m->term_sf[next] = 0;
    m->term_tf[next] = 0;
    m->n_vocab += is_new;
    m->terms[m->n_terms] = term;
    m->n_terms += counts;
    m->term_tf[term] += counts;
}

/* Adds the batched words, in text order. Most are in the lexicon already;
 * the others are added to it. */
static int flush_batch(build_ctx *b)
{
    size_t i, n = b->n_batch;
    summ__model *m = b->m;
    uint32_t ids[BATCH_WORDS];
    uint64_t found;
    int rc;

    if (n == 0)
        return SUMM_OK;
    found = summ__strmap_get_batch(&b->lex->words, b->bytes, b->off, b->len, b->hash, n, b->cold,
                                   ids);
    /* Words new to the lexicon come in runs (a new text, a new topic); while
     * they do, the known ones around them tend to be out of cache too. */
    b->cold = summ__popcount64(~found & (n == 64 ? ~(uint64_t)0 : ((uint64_t)1 << n) - 1)) >
              BATCH_WORDS / 8;
    b->n_batch = 0;
    b->batch_len = 0;
    if ((rc = reserve_words(b, n)) < 0)
        return rc;
    for (i = 0; i < n; i++) {
        if (b->sent_of[i] != b->open && (rc = advance_to(b, b->sent_of[i])) < 0)
            return rc;
        if (!(found >> i & 1) &&
            (rc = stem_id_of_new(b, b->bytes + b->off[i], b->len[i], b->hash[i], &ids[i])) < 0)
            return rc;
        append_stem(m, ids[i]);
    }
    return SUMM_OK;
}

static int on_word(void *ud, size_t start, size_t end, const char *folded, size_t len)
{
    build_ctx *b = ud;
    uint32_t h = summ__hash_padded(folded, len); /* the fold buffer is padded */
    int rc;

    (void)start;
    (void)end;
    b->sent->n_words++;
    if (b->n_batch == BATCH_WORDS || BATCH_BYTES - b->batch_len < len) {
        if ((rc = flush_batch(b)) < 0)
            return rc;
        if (len > BATCH_BYTES) { /* a word too long to batch */
            uint32_t id;
            if ((rc = advance_to(b, b->sent_index)) < 0 || (rc = reserve_words(b, 1)) < 0 ||
                (rc = stem_id_of_new(b, folded, len, h, &id)) < 0)
                return rc;
            append_stem(b->m, id);
            return SUMM_OK;
        }
    }
    summ__strmap_prefetch_slot(&b->lex->words, h);
    /* Fixed-size copies instead of a call for a few bytes: the fold buffer
     * has 8 readable bytes after the word, the batch 16. */
    if (len <= 8) {
        memcpy(b->bytes + b->batch_len, folded, 8);
    } else if (len <= 16) {
        memcpy(b->bytes + b->batch_len, folded, 8);
        memcpy(b->bytes + b->batch_len + 8, folded + 8, 8);
    } else {
        memcpy(b->bytes + b->batch_len, folded, len);
    }
    b->off[b->n_batch] = (uint16_t)b->batch_len;
    b->len[b->n_batch] = (uint16_t)len;
    b->hash[b->n_batch] = h;
    b->sent_of[b->n_batch] = (uint32_t)b->sent_index;
    b->n_batch++;
    b->batch_len += len;
    return SUMM_OK;
}

/* Longer term lists than this are sorted in blocks of this size, then
 * merged. */
#define SHORT_SORT 16

/* Insertion sort without a branch on the terms: inserting x into the
 * sorted v[0, i), every slot j takes max(v[j-1], min(v[j], x)), which
 * shifts the larger terms up and puts x in its place (a loop that stops at
 * the place mispredicts once per term). Quadratic, for short lists. */
static void sort_short(uint32_t *v, size_t n)
{
    size_t i, j;
    for (i = 1; i < n; i++) {
        uint32_t x = v[i];
        for (j = i; j > 0; j--) {
            uint32_t lo = v[j] < x ? v[j] : x;
            v[j] = v[j - 1] > lo ? v[j - 1] : lo;
        }
        v[0] = v[0] < x ? v[0] : x;
    }
}

/* Sorts v[0, n) (n > SHORT_SORT) with out[0, n) as room: blocks of
 * SHORT_SORT sorted alone, then merged pairwise, each merge step choosing
 * with a select rather than a branch. Returns where the sorted terms are:
 * v or out. */
static uint32_t *sort_long(uint32_t *v, uint32_t *out, size_t n)
{
    size_t width, lo;
    for (lo = 0; lo < n; lo += SHORT_SORT)
        sort_short(v + lo, n - lo < SHORT_SORT ? n - lo : SHORT_SORT);
    for (width = SHORT_SORT; width < n; width *= 2) {
        uint32_t *t;
        for (lo = 0; lo < n; lo += 2 * width) {
            size_t mid = n - lo < width ? n : lo + width;
            size_t hi = n - lo < 2 * width ? n : lo + 2 * width;
            size_t i = lo, j = mid, k = lo;
            while (i < mid && j < hi) {
                bool right = v[j] < v[i];
                out[k++] = right ? v[j] : v[i];
                j += right;
                i += !right;
            }
            while (i < mid)
                out[k++] = v[i++];
            while (j < hi)
                out[k++] = v[j++];
        }
        t = v;
        v = out;
        out = t;
    }
    return v;
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
    if ((rc = GROW(&s->alloc, m->scratch_u32, m->scratch_cap, 2 * n)) < 0)
        return rc;
    tmp = m->scratch_u32;
    memcpy(tmp, m->terms + sent->term_begin, n * sizeof *tmp);
    if (n <= SHORT_SORT)
        sort_short(tmp, n);
    else
        tmp = sort_long(tmp, tmp + n, n);
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

/* Forgets the last text's terms, and readies the lexicon for this one. */
static int begin_text(summ_summarizer *s, summ__model *m)
{
    bool stem = s->stemmer && !(s->opts.flags & SUMM_FLAG_NO_STEMMING);
    size_t t;
    for (t = 0; t < m->n_vocab; t++)
        if (m->stem_of_term[t] < m->n_stems_seen)
            m->term_slots[m->stem_of_term[t] + 1] = SUMM__NO_TERM;
    m->n_sents = m->n_terms = m->n_bag = m->n_vocab = 0;
    if (summ__lexicon_begin(&s->lexicon, s->active, stem ? s->stemmer : NULL,
                            (s->opts.flags & SUMM_FLAG_KEEP_STOPWORDS) != 0))
        m->n_stems_seen = 0;
    return reserve_term_slots(s, m, m->n_stems_seen);
}

int summ__model_build(summ_summarizer *s, const char *text)
{
    summ__model *m = &s->model;
    build_ctx b;
    size_t i;
    int rc;

    if ((rc = begin_text(s, m)) < 0 ||
        (rc = GROW(&s->alloc, m->sents, m->sents_cap, s->spans.len)) < 0)
        return rc;
    if (s->spans.len > 0) {
        /* Room for what a text of this length usually needs (English news:
         * a content word per 10 bytes, a new term per 100), so that the
         * arrays are not copied over and over as they grow. */
        size_t bytes = s->spans.items[s->spans.len - 1].end - s->spans.items[0].start, words;
        if ((rc = GROW(&s->alloc, m->terms, m->terms_cap, bytes / 8 + 64)) < 0 ||
            (rc = GROW(&s->alloc, m->bag_term, m->bag_term_cap, bytes / 8 + 64)) < 0 ||
            (rc = GROW(&s->alloc, m->bag_count, m->bag_count_cap, bytes / 8 + 64)) < 0 ||
            (rc = GROW(&s->alloc, m->term_sf, m->sf_cap, bytes / 64 + 64)) < 0 ||
            (rc = GROW(&s->alloc, m->term_tf, m->tf_cap, bytes / 64 + 64)) < 0 ||
            (rc = GROW(&s->alloc, m->stem_of_term, m->stem_of_term_cap, bytes / 64 + 64)) < 0)
            return rc;
        /* The words of a text the lexicon has not met: about 30 x the
         * square root of its word count (Heaps' law for English news, a
         * word per 6 bytes), so that a long new text does not rehash the
         * maps and move their keys over and over. */
        words = (size_t)(30.0 * sqrt((double)bytes / 6.0));
        if (words > SUMM__LEXICON_WORDS)
            words = SUMM__LEXICON_WORDS;
        if (s->lexicon.words.count < words &&
            ((rc = summ__strmap_reserve(&s->lexicon.words, words, words * 20)) < 0 ||
             (rc = summ__strmap_reserve(&s->lexicon.stems, words * 3 / 4, words * 15)) < 0))
            return rc;
    }
    b.s = s;
    b.m = m;
    b.lex = &s->lexicon;
    b.n_batch = b.batch_len = 0;
    b.cold = true;
    memset(b.bytes, 0, sizeof b.bytes); /* what look-ups read past a word is defined */
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

int summ__model_term_of(const summ__model *m, const summ__lexicon *lex, const char *folded,
                        size_t len, uint32_t *term)
{
    uint32_t stem;
    int rc = summ__lexicon_find(lex, folded, len, &stem);
    *term = SUMM__NO_TERM;
    if (rc < 0)
        return rc;
    *term = summ__model_term_of_stem(m, stem);
    return SUMM_OK;
}

void summ__model_dispose(summ__model *m, const summ_allocator *a)
{
    summ__free(a, m->sents, m->sents_cap * sizeof *m->sents);
    summ__free(a, m->terms, m->terms_cap * sizeof *m->terms);
    summ__free(a, m->bag_term, m->bag_term_cap * sizeof *m->bag_term);
    summ__free(a, m->bag_count, m->bag_count_cap * sizeof *m->bag_count);
    summ__free(a, m->term_sf, m->sf_cap * sizeof *m->term_sf);
    summ__free(a, m->term_tf, m->tf_cap * sizeof *m->term_tf);
    summ__free(a, m->stem_of_term, m->stem_of_term_cap * sizeof *m->stem_of_term);
    summ__free(a, m->term_slots, m->term_slots_cap * sizeof *m->term_slots);
    summ__free(a, m->scratch_u32, m->scratch_cap * sizeof *m->scratch_u32);
    memset(m, 0, sizeof *m);
}
