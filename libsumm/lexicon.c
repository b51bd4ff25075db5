/*
 * A summarizer's lexicon: what it has learnt about words, kept from one
 * text to the next. Each folded word maps to its stem's id, or marks a
 * stopword; each stem has an id, given in order of first use. A model looks
 * a word up once and has its term (model.c); only words the lexicon lacks
 * are checked against the stopwords and stemmed. Snowball costs a few
 * thousand instructions per word, and over a corpus of short texts nearly
 * every word is new to its text but seen before in others, so stemming and
 * interning each text's words again was most of the work per word.
 *
 * Entries hold for one language, one stemmer and one stopword setting; a
 * text with other ones starts the lexicon over. It is bounded between
 * texts: once it holds SUMM__LEXICON_WORDS words or SUMM__LEXICON_BYTES
 * bytes of keys, the next text starts it over, so memory stays a few
 * megabytes whatever the corpus (within one text it holds that text's
 * vocabulary, as it must). It never changes a result.
 */
#include "model.h"

#include <string.h>
#include <libstemmer.h>

#include "lang.h"
#include "strmap.h"

void summ__lexicon_init(summ__lexicon *lex, const summ_allocator *alloc)
{
    memset(lex, 0, sizeof *lex);
    summ__strmap_init(&lex->words, alloc);
    summ__strmap_init(&lex->stems, alloc);
}

void summ__lexicon_dispose(summ__lexicon *lex)
{
    summ__strmap_dispose(&lex->words);
    summ__strmap_dispose(&lex->stems);
}

bool summ__lexicon_begin(summ__lexicon *lex, const summ_lang *lang, struct sb_stemmer *stemmer,
                         bool keep_stopwords)
{
    if (lex->lang == lang && lex->stemmer == stemmer && lex->keep_stopwords == keep_stopwords &&
        lex->words.count < SUMM__LEXICON_WORDS &&
        lex->words.keys_len + lex->stems.keys_len < SUMM__LEXICON_BYTES)
        return false;
    summ__strmap_clear(&lex->words);
    summ__strmap_clear(&lex->stems);
    lex->lang = lang;
    lex->stemmer = stemmer;
    lex->keep_stopwords = keep_stopwords;
    return true;
}

/* The term a word not in the lexicon stands for: 1 for a stopword, else 0
 * with its stem (the word itself without a stemmer, or when the stemmer
 * erases it entirely) and the stem's hash. */
static int stem_or_stop(const summ__lexicon *lex, const char *word, size_t len, uint32_t hash,
                        char *buf, const char **stem, size_t *stem_len, uint32_t *stem_hash)
{
    *stem = word;
    *stem_len = len;
    *stem_hash = hash;
    if (!lex->keep_stopwords && summ__strmap_get_hashed(&lex->lang->stopwords, word, len, hash, NULL))
        return 1;
    if (lex->stemmer && lex->lang->stem_english_fast) {
        /* The same stems as libstemmer's (summ__stem_english_agrees), at a
         * fraction of the cost; -1: a word it leaves to libstemmer. */
        int n = summ__stem_english(word, len, buf);
        if (n > 0) {
            *stem = buf;
            *stem_len = (size_t)n;
            *stem_hash = summ__hash(buf, (size_t)n);
        }
        if (n >= 0)
            return 0;
    }
    if (lex->stemmer && len < (size_t)INT32_MAX) {
        const sb_symbol *r = sb_stemmer_stem(lex->stemmer, (const sb_symbol *)word, (int)len);
        if (!r)
            return SUMM_E_NOMEM;
        if (sb_stemmer_length(lex->stemmer) > 0) {
            *stem = (const char *)r;
            *stem_len = (size_t)sb_stemmer_length(lex->stemmer);
            *stem_hash = summ__hash(*stem, *stem_len);
        }
    }
    return 0;
}

int summ__lexicon_add(summ__lexicon *lex, const char *word, size_t len, uint32_t hash,
                      uint32_t *id)
{
    const char *stem;
    size_t stem_len;
    uint32_t stem_hash;
    char buf[SUMM__STEM_ENGLISH_MAX];
    int rc;

    if (summ__strmap_get_hashed(&lex->words, word, len, hash, id))
        return SUMM_OK;
    if ((rc = stem_or_stop(lex, word, len, hash, buf, &stem, &stem_len, &stem_hash)) < 0)
        return rc;
    if (rc == 1) {
        *id = SUMM__NO_TERM;
    } else {
        if (lex->stems.count >= SUMM__NO_TERM - 1)
            return SUMM_E_TOO_LARGE;
        rc = summ__strmap_intern_hashed(&lex->stems, stem, stem_len, stem_hash,
                                        (uint32_t)lex->stems.count, id, NULL);
        if (rc < 0)
            return rc;
    }
    return summ__strmap_intern_hashed(&lex->words, word, len, hash, *id, NULL, NULL);
}

int summ__lexicon_find(const summ__lexicon *lex, const char *word, size_t len, uint32_t *id)
{
    const char *stem;
    size_t stem_len;
    uint32_t hash = summ__hash(word, len), stem_hash;
    char buf[SUMM__STEM_ENGLISH_MAX];
    int rc;

    if (summ__strmap_get_hashed(&lex->words, word, len, hash, id))
        return SUMM_OK;
    *id = SUMM__NO_TERM;
    if ((rc = stem_or_stop(lex, word, len, hash, buf, &stem, &stem_len, &stem_hash)) != 0)
        return rc < 0 ? rc : SUMM_OK;
    if (!summ__strmap_get_hashed(&lex->stems, stem, stem_len, stem_hash, id))
        *id = SUMM__NO_TERM;
    return SUMM_OK;
}
