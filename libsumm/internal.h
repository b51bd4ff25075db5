/*
 * Private declarations shared by the library's source files. Nothing here is
 * installed or exported: functions shared between files are named summ__*.
 *
 * The pipeline, one file per stage:
 *   utf8.c        validation (strict or lenient)
 *   splitter.c    sentence boundaries as byte spans
 *   tokenizer.c   words by Unicode category, case folded
 *   lang.c        language table, stopwords, abbreviations
 *   model.c       term/sentence model (stemming each distinct word once)
 *   lexicon.c     words a summarizer has stemmed, kept between texts
 *   stem_english.c  Snowball English stems of ASCII words, without libstemmer
 *   scorer_*.c    one file per scoring algorithm, listed in scorers.c
 *   selector.c    length budget and document order
 *   summarizer.c  the public entry points that run the stages
 */
#ifndef LIBSUMM_INTERNAL_H
#define LIBSUMM_INTERNAL_H

#include <libsumm/summ.h>

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* ---- memory (alloc.c) ------------------------------------------------- */

/* Every allocation goes through the owning object's allocator. Sizes are
 * passed back on free because the hook (lua_Alloc style) wants them. */
void summ__allocator_resolve(summ_allocator *dst, const summ_allocator *src);
void *summ__alloc(const summ_allocator *a, size_t n);
void *summ__realloc(const summ_allocator *a, void *p, size_t old_n, size_t new_n);
void summ__free(const summ_allocator *a, void *p, size_t n);
/* n * size with overflow detection: false when it does not fit in size_t. */
bool summ__mul_ok(size_t n, size_t size, size_t *out);
/* Grows *p (an array of elem-sized items with capacity *cap) to hold at least
 * need items, at least doubling. Returns SUMM_OK or SUMM_E_NOMEM; on failure
 * *p and *cap are unchanged. */
int summ__grow(const summ_allocator *a, void **p, size_t *cap, size_t need, size_t elem);
char *summ__strdup(const summ_allocator *a, const char *s, size_t *size_out);

/* ---- errors (error.c) ------------------------------------------------- */

#define SUMM__ERRMSG_SIZE 256

/* The number of bits set in x. */
static inline int summ__popcount64(uint64_t x)
{
#if defined(__GNUC__)
    return __builtin_popcountll(x);
#else
    int n = 0;
    for (; x; x &= x - 1)
        n++;
    return n;
#endif
}

/* ---- hash map from byte strings to uint32 (strmap.c) ------------------ */

typedef struct summ__strmap_entry {
    uint32_t hash;
    uint32_t ref; /* the key's record in the arena (see strmap.c); 0 marks empty */
} summ__strmap_entry;

typedef struct summ__strmap {
    summ_allocator alloc;
    summ__strmap_entry *slots; /* open addressing */
    size_t cap;                /* power of two, or 0 */
    size_t count;
    char *keys; /* arena of records: value, key length, key bytes */
    size_t keys_len, keys_cap;
} summ__strmap;

void summ__strmap_init(summ__strmap *m, const summ_allocator *alloc);
void summ__strmap_dispose(summ__strmap *m);
/* Forgets every key but keeps the memory for reuse. */
void summ__strmap_clear(summ__strmap *m);
/* Room for `keys` keys of `key_bytes` bytes of records in all, so that
 * inserting them neither rehashes nor moves the arena. */
int summ__strmap_reserve(summ__strmap *m, size_t keys, size_t key_bytes);
bool summ__strmap_get(const summ__strmap *m, const char *key, size_t len, uint32_t *value);
/* Looks key up; if absent inserts it with value `value`. *value_out receives
 * the stored value, *inserted whether it was added now. */
int summ__strmap_intern(summ__strmap *m, const char *key, size_t len, uint32_t value,
                        uint32_t *value_out, bool *inserted);
/* The same with the key's summ__hash already computed, for a caller that
 * looks one key up in several maps. */
bool summ__strmap_get_hashed(const summ__strmap *m, const char *key, size_t len, uint32_t hash,
                             uint32_t *value);
int summ__strmap_intern_hashed(summ__strmap *m, const char *key, size_t len, uint32_t hash,
                               uint32_t value, uint32_t *value_out, bool *inserted);
/* Looks up n <= 64 keys at once: key i is bytes[off[i], off[i] + len[i])
 * with summ__hash hash[i], and 8 bytes after each key must be readable.
 * Bit i of the result tells whether key i is in the map, and then values[i]
 * receives its value. With `prefetch`, every key's record is requested from
 * memory before any is compared: worth it when many are not in cache. */
uint64_t summ__strmap_get_batch(const summ__strmap *m, const char *bytes, const uint16_t *off,
                                const uint16_t *len, const uint32_t *hash, size_t n,
                                bool prefetch, uint32_t *values);
/* Hints that a key of this hash will be looked up soon, so that its slot is
 * fetched from memory meanwhile. Changes nothing but timing. */
static inline void summ__strmap_prefetch_slot(const summ__strmap *m, uint32_t hash)
{
#if defined(__GNUC__)
    if (m->cap)
        __builtin_prefetch(&m->slots[hash & (m->cap - 1)]);
#else
    (void)m;
    (void)hash;
#endif
}
uint32_t summ__hash(const char *key, size_t len);

/* The steps of summ__hash, shared with summ__hash_padded. */
static inline uint64_t summ__hash_seed(size_t len)
{
    return 0x9E3779B97F4A7C15u ^ ((uint64_t)len * 0xD6E8FEB86659FD93u);
}
static inline uint64_t summ__hash_chunk(uint64_t h, uint64_t k)
{
    h = (h ^ k) * 0xFF51AFD7ED558CCDu;
    return h ^ h >> 32;
}
static inline uint32_t summ__hash_finish(uint64_t h, uint64_t tail, size_t rest)
{
    if (rest)
        h = (h ^ tail) * 0xC4CEB9FE1A85EC53u;
    h ^= h >> 29;
    h *= 0xBF58476D1CE4E5B9u;
    h ^= h >> 32;
    return (uint32_t)h;
}

/* summ__hash, the same value, for a key with 8 readable bytes after it:
 * the last bytes are one load and a mask, with no branch on how many are
 * left. Inline, as the word model hashes every word with it. */
static inline uint32_t summ__hash_padded(const char *key, size_t len)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    uint64_t h = summ__hash_seed(len), k;
    size_t rest = len;
    while (rest >= 8) {
        memcpy(&k, key, 8);
        h = summ__hash_chunk(h, k);
        key += 8;
        rest -= 8;
    }
    memcpy(&k, key, 8);
    k &= rest ? ~(uint64_t)0 >> (64 - 8 * rest) : 0;
    return summ__hash_finish(h, k, rest);
#else
    return summ__hash(key, len);
#endif
}

/* ---- UTF-8 (utf8.c) ---------------------------------------------------- */

/* Returns true when text is valid UTF-8 (no overlongs, no surrogates, nothing
 * above U+10FFFF); otherwise false and the offset of the first bad byte. */
bool summ__utf8_valid(const char *text, size_t len, size_t *bad_offset);
/* Decodes one code point at text[i]. Returns its byte length (1..4), or -1
 * for an invalid sequence (then *cp is 0xFFFD and the caller skips 1 byte). */
int summ__utf8_decode(const char *text, size_t len, size_t i, int32_t *cp);
/* Offset of the start of the code point that ends right before `end`
 * (valid text assumed; invalid bytes count as one-byte units). */
size_t summ__utf8_prev(const char *text, size_t start, size_t end);
/* Whether cp is white space or a control/format character for the purpose
 * of trimming sentence spans. */
bool summ__is_space(int32_t cp);

/* ---- languages (lang.c) ------------------------------------------------ */

typedef struct summ__lang_info {
    const char *code;     /* ISO 639-1 where one exists */
    const char *code3;    /* ISO 639-3 */
    const char *name;     /* English name, lower case */
    const char *stemmer;  /* libstemmer algorithm, or NULL */
    const char *const *stopwords; /* NULL-terminated, case folded */
} summ__lang_info;

struct summ_lang {
    summ_allocator alloc;
    const summ__lang_info *info;
    uint32_t flags; /* SUMM_LANG_* */
    /* English with stemming, and summ__stem_english() agrees with the
     * libstemmer at hand: plain ASCII words take the fast stemmer. */
    bool stem_english_fast;
    summ__strmap stopwords;
    summ__strmap abbreviations; /* value: 1 */
    /* "auto" only: one language per table entry (summ__lang_at order); the
     * summarizer picks one per text. NULL for every other language. */
    summ_lang **subs;
    size_t n_subs;
};

const summ__lang_info *summ__lang_lookup(const char *code);
/* The language table, in a fixed order, and an entry's position in it. */
size_t summ__lang_count(void);
const summ__lang_info *summ__lang_at(size_t i);
size_t summ__lang_index(const summ__lang_info *info);

/* The built-in abbreviation tables of a language (by canonical code), both
 * NULL-terminated, folded, without the final period: ordinary abbreviations
 * ("etc", "u.s") and titles that never end a sentence ("mr", "dr"). Either
 * may be an empty list, never NULL. (abbreviations.c) */
void summ__abbreviations(const char *code, const char *const **ordinary,
                         const char *const **titles);
/* Words (folded, NULL-terminated) that commonly start a sentence in a
 * language, which tells "in the U.S. The ..." from "the U.S. Government";
 * NULL when the language has no such list. (abbreviations.c) */
const char *const *summ__sentence_starters(const char *code);
/* Whether a folded word (without its final period) is a known abbreviation;
 * titles ("mr", "dr") are abbreviations that never end a sentence. */
bool summ__lang_is_abbreviation(const summ_lang *lang, const char *word, size_t len);
bool summ__lang_is_title(const summ_lang *lang, const char *word, size_t len);

/* ---- the English stemmer (stem_english.c) ------------------------------ */

/* Longest word the fast English stemmer takes, in bytes. */
#define SUMM__STEM_ENGLISH_MAX 64
/* Writes the Snowball English stem of a word made of a-z, 0-9 and ' to out
 * (room for len bytes; a stem is never longer than its word) and returns its
 * length, which is 0 where libstemmer's is (the caller then keeps the word).
 * Returns -1 for any other word, or one longer than SUMM__STEM_ENGLISH_MAX:
 * libstemmer stems those. */
int summ__stem_english(const char *word, size_t len, char *out);
/* Whether summ__stem_english() gives libstemmer's english stems on words
 * that take every rule of the algorithm (another Snowball release may differ). */
bool summ__stem_english_agrees(void);

/* ---- scripts (script.c) ------------------------------------------------ */

typedef enum summ__script {
    SUMM__SCRIPT_OTHER = 0,
    SUMM__SCRIPT_LATIN,
    SUMM__SCRIPT_GREEK,
    SUMM__SCRIPT_CYRILLIC,
    SUMM__SCRIPT_ARMENIAN,
    SUMM__SCRIPT_HEBREW,
    SUMM__SCRIPT_ARABIC,
    SUMM__SCRIPT_DEVANAGARI,
    SUMM__SCRIPT_TAMIL,
    SUMM__SCRIPT_THAI,
    SUMM__SCRIPT_HANGUL,
    SUMM__SCRIPT_KANA,
    SUMM__SCRIPT_HAN,
    SUMM__SCRIPT_ETHIOPIC,
    SUMM__SCRIPT_MYANMAR,
    SUMM__SCRIPT_COUNT
} summ__script;

/* The script of a code point by Unicode block (punctuation, digits and
 * unlisted blocks are SUMM__SCRIPT_OTHER). */
summ__script summ__script_of(int32_t cp);
/* Scripts whose words the tokenizer cuts into overlapping bigrams of
 * characters: Han, kana, Thai and Myanmar are written without spaces
 * between words; Hangul words carry their particles and endings, which
 * bigrams separate. */
bool summ__script_unspaced(summ__script sc);

/* ---- tokenizer (tokenizer.c) ------------------------------------------- */

/* A growable byte buffer the tokenizer writes folded words into, plus the
 * UTF-32 scratch space utf8proc needs. Owned by the summarizer. */
typedef struct summ__fold_buf {
    const summ_allocator *alloc;
    char *bytes; /* the folded word, with at least 8 readable bytes after it */
    size_t len, cap;
    int32_t *cps;
    size_t cps_cap;
} summ__fold_buf;

void summ__fold_buf_dispose(summ__fold_buf *b);

/* Called once per word: text[start, end) is the word as written, folded /
 * folded_len its case-folded NFKC form (valid only during the call). Return
 * 0 to go on or a negative status to stop. */
typedef int (*summ__word_fn)(void *ud, size_t start, size_t end, const char *folded,
                             size_t folded_len);

/* Walks the words of text[start, end). Words are runs of letters, marks and
 * digits; an apostrophe between two letters stays inside the word ("don't"),
 * hyphens and every other character separate words. Invalid bytes separate
 * words. */
int summ__tokenize(const char *text, size_t start, size_t end, summ__fold_buf *buf,
                   summ__word_fn fn, void *ud);

/* Whether cp is part of a word: a letter, mark or digit of any script. */
bool summ__is_word_cp(int32_t cp);

/* Case-folds and NFKC-normalises text[0, len) into buf (replacing it). */
int summ__fold(const char *text, size_t len, summ__fold_buf *buf);

/* ---- language identification (langid.c) -------------------------------- */

/* The table entry (summ__lang_at) of the language text[0, len) is written
 * in, judged from its first SUMM__DETECT_MAX_BYTES bytes; "und" when unsure.
 * Invalid UTF-8 bytes are skipped. buf is scratch space for folding. */
#define SUMM__DETECT_MAX_BYTES ((size_t)16384)
int summ__detect(const char *text, size_t len, summ__fold_buf *buf,
                 const summ__lang_info **out);

/* ---- sentence splitter (splitter.c) ------------------------------------ */

typedef struct summ__span_vec {
    const summ_allocator *alloc;
    summ_span *items;
    size_t len, cap;
} summ__span_vec;

int summ__span_vec_push(summ__span_vec *v, size_t start, size_t end);
void summ__span_vec_dispose(summ__span_vec *v);

/* Appends the sentences of text[0, len) to out (index and score set to
 * 0; the caller numbers them). Text must be valid UTF-8 unless lenient,
 * in which case invalid bytes are treated as white space. */
int summ__split(const summ_lang *lang, const char *text, size_t len, bool lenient,
                summ__span_vec *out);

/* ---- term/sentence model (model.c) ------------------------------------- */

#define SUMM__NO_TERM UINT32_MAX

typedef struct summ__sentence {
    size_t start, end;    /* byte span in the caller's text */
    size_t term_begin;    /* content terms of the sentence: model.terms[term_begin, term_end) */
    size_t term_end;
    size_t bag_begin;     /* distinct terms and counts: bag_term/bag_count[bag_begin, bag_end) */
    size_t bag_end;
    uint32_t n_words;     /* every word, stopwords included */
} summ__sentence;

typedef struct summ__model {
    summ__sentence *sents;
    size_t n_sents, sents_cap;
    uint32_t *terms; /* content term ids in text order */
    size_t n_terms, terms_cap;
    uint32_t *bag_term, *bag_count; /* per-sentence sorted distinct terms */
    size_t n_bag, bag_term_cap, bag_count_cap;
    uint32_t *term_sf; /* sentences containing each term */
    uint32_t *term_tf; /* occurrences of each term in the document */
    size_t n_vocab, sf_cap, tf_cap;
    /* Term ids are the document's own (0, 1, ... in order of first use);
     * the lexicon's stem ids span every text since it last started over. */
    uint32_t *stem_of_term; /* term id -> stem id */
    size_t stem_of_term_cap;
    /* Slot s + 1: the term id of stem id s, SUMM__NO_TERM if the text lacks
     * it; slot 0 belongs to stopwords (SUMM__NO_TERM + 1 wraps to 0). */
    uint32_t *term_slots;
    size_t n_stems_seen, term_slots_cap; /* stem slots set: the lexicon's stem count */
    uint32_t *scratch_u32; /* per-sentence sort space: two halves for the merges */
    size_t scratch_cap;
} summ__model;

/* ---- summarizer (summarizer.c) ----------------------------------------- */

/* What a summarizer learnt about words in earlier texts (lexicon.c). */
#define SUMM__LEXICON_WORDS 65536
#define SUMM__LEXICON_BYTES (4u << 20)
typedef struct summ__lexicon {
    summ__strmap words; /* folded word -> stem id, or SUMM__NO_TERM for a stopword */
    summ__strmap stems; /* stem -> stem id: 0, 1, ... in order of first use */
    /* What the entries hold for: the language (its stopwords), the stemmer
     * (NULL: none) and whether stopwords are kept as terms. */
    const summ_lang *lang;
    struct sb_stemmer *stemmer;
    bool keep_stopwords;
} summ__lexicon;

void summ__lexicon_init(summ__lexicon *lex, const summ_allocator *alloc);
void summ__lexicon_dispose(summ__lexicon *lex);
/* Readies the lexicon for a text with these settings. It starts over (and
 * returns true) when they differ from the last text's, or when it has grown
 * past its bound. */
bool summ__lexicon_begin(summ__lexicon *lex, const summ_lang *lang, struct sb_stemmer *stemmer,
                         bool keep_stopwords);
/* The stem id of a folded word (hash: its summ__hash), or SUMM__NO_TERM for
 * a stopword, adding the word, and its stem when new (id = the stem count
 * before the call), if the lexicon lacks it. Adds at most one stem. On
 * failure the lexicon stays consistent. */
int summ__lexicon_add(summ__lexicon *lex, const char *word, size_t len, uint32_t hash,
                      uint32_t *id);
/* Like summ__lexicon_add without adding anything: SUMM__NO_TERM also for a
 * word whose stem the lexicon lacks. */
int summ__lexicon_find(const summ__lexicon *lex, const char *word, size_t len, uint32_t *id);

struct summ_summarizer {
    summ_allocator alloc;
    const summ_lang *lang;
    summ_options opts;
    struct sb_stemmer *stemmer; /* per summarizer: libstemmer is not reentrant */
    summ__fold_buf fold;
    summ__span_vec spans;
    summ__model model;
    double *scores;
    size_t scores_cap;
    uint32_t *order;
    size_t order_cap;
    uint32_t *selected;
    size_t selected_cap;
    char errmsg[SUMM__ERRMSG_SIZE];
    char *words_block; /* the options' cue and stigma words, owned (summ__options_own) */
    size_t words_block_size;
    /* The language of the current text: lang itself, or for "auto" the
     * sub-language detected in it. */
    const summ_lang *active;
    /* "auto" only: one stemmer per sub-language, created on first use;
     * `stemmer` points at the current one. */
    struct sb_stemmer **stemmers;
    size_t n_stemmers;
    summ__lexicon lexicon;
    /* Keyphrase extraction's own: the model keeps state in step with
     * `lexicon` (model.c), which other callers must not grow. */
    summ__lexicon keyphrase_lexicon;
};

struct summ_result {
    summ_allocator alloc;
    summ_span *spans;
    size_t count, cap;
    size_t sentence_total;
    const char *language;
};

/* Checks caller options (NULL = defaults) against the option table and
 * writes the effective options (every 0 replaced by its default, defaults
 * for fields the caller's struct version lacks) to *out; why receives the
 * explanation on failure. (options.c) */
#define SUMM__WHY_SIZE SUMM_OPTION_ERRMSG_SIZE
int summ__options_check(const summ_options *in, summ_options *out, char *why, size_t why_size);
/* Size of summ_options as callers of a given struct version know it. */
size_t summ__options_size(unsigned int version);
/* Copies the cue and stigma word lists of checked options *o into one block
 * owned by s (freeing the previous one) and points *o at the copies. On
 * SUMM_E_NOMEM nothing changes. */
int summ__options_own(summ_summarizer *s, summ_options *o);

/* Defaults of the options whose 0 means "default" (summ.h). */
#define SUMM__DEFAULT_DAMPING 0.85
#define SUMM__DEFAULT_TOLERANCE 1e-6
#define SUMM__DEFAULT_MAX_ITERATIONS 100
#define SUMM__DEFAULT_MAX_NEIGHBOURS 32
#define SUMM__DEFAULT_LSA_DIMENSIONS 3

/* The checks every entry point makes on a text (NULL, size limit, UTF-8),
 * and the language it is read in (s->active, s->stemmer); clears s->errmsg.
 * On failure the message is recorded. (summarizer.c) */
int summ__begin_text(summ_summarizer *s, const char *text, size_t len);

/* Records a detailed message for summ_summarizer_errmsg() and returns status. */
int summ__fail(summ_summarizer *s, int status, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

/* Builds the model of the sentences in s->spans over text. */
int summ__model_build(summ_summarizer *s, const char *text);
void summ__model_dispose(summ__model *m, const summ_allocator *a);
/* The term id of stem id `stem` in the text just modelled, or SUMM__NO_TERM. */
static inline uint32_t summ__model_term_of_stem(const summ__model *m, uint32_t stem)
{
    return stem < m->n_stems_seen ? m->term_slots[stem + 1] : SUMM__NO_TERM;
}
/* The term id of a folded word in the text just modelled, or SUMM__NO_TERM
 * (a stopword, or a word whose stem the text lacks). */
int summ__model_term_of(summ_summarizer *s, const char *folded, size_t len, uint32_t *term);

/* ---- scorers (scorers.c and scorer_*.c) -------------------------------- */

/* What a scorer sees: the model, the options and a way to get scratch
 * memory that lives until the scorer returns. */
typedef struct summ__score_ctx {
    summ_summarizer *s;
    const summ__model *model;
    const summ_options *opts;
    const summ_allocator *alloc;
} summ__score_ctx;

/* Writes one finite score per sentence (higher = more salient) into
 * scores[0, model->n_sents). Returns SUMM_OK or a negative status (use
 * summ__fail for a message). */
typedef int (*summ__score_fn)(const summ__score_ctx *ctx, double *scores);

typedef struct summ__scorer {
    int algorithm;
    const char *name;
    summ__score_fn score;
} summ__scorer;

/* The scorer for an algorithm id (SUMM_ALGO_DEFAULT resolved), or NULL. */
const summ__scorer *summ__scorer_get(int algorithm);
int summ__algorithm_resolve(int algorithm);

int summ__score_lead(const summ__score_ctx *ctx, double *scores);
int summ__score_tfidf(const summ__score_ctx *ctx, double *scores);
int summ__score_textrank(const summ__score_ctx *ctx, double *scores);
int summ__score_textrank_bm25(const summ__score_ctx *ctx, double *scores);
int summ__score_lexrank(const summ__score_ctx *ctx, double *scores);
int summ__score_luhn(const summ__score_ctx *ctx, double *scores);
int summ__score_sumbasic(const summ__score_ctx *ctx, double *scores);
int summ__score_klsum(const summ__score_ctx *ctx, double *scores);
int summ__score_lsa(const summ__score_ctx *ctx, double *scores);
int summ__score_edmundson(const summ__score_ctx *ctx, double *scores);
int summ__score_centroid(const summ__score_ctx *ctx, double *scores);
int summ__score_degree(const summ__score_ctx *ctx, double *scores);
int summ__score_pacsum(const summ__score_ctx *ctx, double *scores);

/* n x size bytes, or NULL on overflow or failure. */
void *summ__alloc_array(const summ_allocator *a, size_t n, size_t size);

/* ---- max-heap of sentence indices by key (index_heap.c) --------------- */

typedef struct summ__heap {
    uint32_t *idx;     /* the heap's sentence indices */
    const double *key; /* per sentence */
    size_t n;
} summ__heap;

/* a ranks above b: larger key, then lower index; without branches. */
static inline bool summ__heap_above(const summ__heap *h, uint32_t a, uint32_t b)
{
    return (h->key[a] > h->key[b]) | ((h->key[a] == h->key[b]) & (a < b));
}

void summ__heap_sift_down(summ__heap *h, size_t i);
void summ__heap_sift_up(summ__heap *h, size_t i);

/* ---- lazy greedy selection (greedy.c) ---------------------------------- */

/* Candidates re-evaluated per pick, at most (greedy.c, scorer_klsum.c).
 * 32 keeps the work per pick constant on long texts (kl-sum's growth from
 * 100 KB to 10 MB fell from 1.49 to 1.17); ROUGE on the dev sets is the
 * same as with 256 on six sets and higher on opinosis (docs/ALGORITHMS.md). */
#define SUMM__GREEDY_MAX_EVALUATIONS 32

/* The current gain of adding sentence i to the summary (*exact) and an upper
 * bound on its gain at any later step (*bound; may equal *exact when gains
 * never grow). */
typedef void (*summ__gain_fn)(void *ud, uint32_t i, double *exact, double *bound);
/* Sentence i joins the summary: update the state gains depend on. */
typedef void (*summ__pick_fn)(void *ud, uint32_t i);

/* Picks every sentence greedily by largest gain (ties: lower index) and
 * scores the k-th pick (S - k) / S; see greedy.c for stop_without_gain. */
int summ__lazy_greedy(const summ__score_ctx *ctx, summ__gain_fn gain, summ__pick_fn pick,
                      void *ud, bool stop_without_gain, double *scores);

/* ---- inverted index: term -> sentences (postings.c) -------------------- */

/* Terms in more sentences than this link each sentence only to the nearest
 * W/2 occurrences on either side (graph.c, selector.c). */
#define SUMM__GRAPH_WINDOW 128
/* Sentences further apart than this never meet in a similarity graph
 * (graph.c): about 25,000 words, a long chapter. */
#define SUMM__GRAPH_REACH 1024

typedef struct summ__postings {
    size_t *off;    /* n_vocab + 1: term t's postings are [off[t], off[t + 1]) */
    uint32_t *sent; /* n_bag: the sentence of each posting, ascending per term */
    uint32_t *cnt;  /* n_bag: the term's count in that sentence */
    uint32_t *at;   /* n_bag: the posting of each entry of the model's bags */
    size_t n_vocab, n_bag;
} summ__postings;

/* Builds the postings of every term of the model (SUMM_E_NOMEM, or
 * SUMM_E_TOO_LARGE past 2^32 postings). On failure everything is left for
 * summ__postings_free(), which also accepts a zeroed struct. */
int summ__postings_build(summ__postings *p, const summ__model *m, const summ_allocator *a);
void summ__postings_free(summ__postings *p, const summ_allocator *a);
/* The postings [*lo, *hi) of term t = bag_term[k] that the sentence of bag
 * entry k is compared with: all of them, or for a term in more than
 * SUMM__GRAPH_WINDOW sentences the window of that size around the
 * sentence's own posting. */
void summ__postings_window(const summ__postings *p, uint32_t t, size_t k, size_t *lo,
                           size_t *hi);

/* ---- similarity graph (graph.c) ---------------------------------------- */

typedef enum summ__sim_kind {
    SUMM__SIM_TEXTRANK,   /* shared distinct terms / (log|Si| + log|Sj|) */
    SUMM__SIM_COSINE_IDF, /* idf-modified cosine (LexRank) */
    SUMM__SIM_BM25        /* BM25 of each sentence against the other, averaged */
} summ__sim_kind;

/* Rows of out-edges: sentence i's neighbours are col[row[i], row[i+1]) with
 * weights w (all > 0); out[i] is their sum. */
typedef struct summ__graph {
    size_t n, n_edges;
    size_t *row;
    uint32_t *col;
    double *w, *out;
    size_t col_cap, w_cap;
} summ__graph;

/* Builds the similarity graph of the model's sentences (see graph.c for the
 * bounds on long texts). threshold > 0 (cosine only) makes edges of weight 1
 * where the similarity reaches it. The graph lives in ctx->alloc memory;
 * release it with summ__graph_free. */
int summ__graph_build(const summ__score_ctx *ctx, summ__sim_kind kind, double threshold,
                      summ__graph *g);
void summ__graph_free(const summ_allocator *a, summ__graph *g);
/* Weighted PageRank by power iteration; scores[0, g->n) get mean 1. */
int summ__pagerank(const summ__graph *g, const summ_allocator *a, double damping,
                   double tolerance, uint32_t max_iterations, double *scores);
/* The same with random jumps (and the scores of nodes without edges) going
 * to node i with probability bias[i] (personalised PageRank); bias sums to
 * 1, and NULL is uniform. */
int summ__pagerank_biased(const summ__graph *g, const summ_allocator *a, double damping,
                          double tolerance, uint32_t max_iterations, const double *bias,
                          double *scores);

/* ---- selector (selector.c) --------------------------------------------- */

/* Picks sentences by descending score (ties: lower index first) within the
 * options' budgets. Writes the chosen sentence indices into *selected in
 * document order (or score order with SUMM_FLAG_SCORE_ORDER) and their number
 * into *n_selected. `order` is scratch space for n_sents entries. */
int summ__select(const summ__model *m, const double *scores, const summ_options *opts,
                 uint32_t *order, uint32_t *selected, size_t *n_selected);

/* The most sentences the options' budgets allow out of n (ratio 0.2 when
 * no budget is set). */
size_t summ__sentence_limit(const summ_options *opts, size_t n);

/* summ__select with maximal marginal relevance (opts->mmr_lambda < 1):
 * redundancy with the sentences already picked lowers a candidate's score.
 * Needs scratch memory from a. */
int summ__select_mmr(const summ__model *m, const double *scores, const summ_options *opts,
                     const summ_allocator *a, uint32_t *order, uint32_t *selected,
                     size_t *n_selected);

/* Lead bias: mixes the min-max normalised scores with 1 / sqrt(1 + index)
 * by opts->position_weight (no-op at 0). */
void summ__position_prior(const summ_options *opts, size_t n, double *scores);

/* ---- result (result.c) ------------------------------------------------- */

int summ__result_reserve(summ_result *r, size_t n);

#endif /* LIBSUMM_INTERNAL_H */
