/*
 * Languages: the language table and its stopwords (lang.c), abbreviations
 * and sentence starters (abbreviations.c), the English stemmer of ASCII
 * words (stem_english.c) and language identification (langid.c).
 */
#ifndef LIBSUMM_LANG_H
#define LIBSUMM_LANG_H

#include <libsumm/summ.h>

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "strmap.h"
#include "text.h"

/* ---- the language table (lang.c, abbreviations.c) ---------------------- */

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

/* ---- language identification (langid.c) -------------------------------- */

/* The table entry (summ__lang_at) of the language text[0, len) is written
 * in, judged from its first SUMM__DETECT_MAX_BYTES bytes; "und" when unsure.
 * Invalid UTF-8 bytes are skipped. buf is scratch space for folding. */
#define SUMM__DETECT_MAX_BYTES ((size_t)16384)
int summ__detect(const char *text, size_t len, summ__fold_buf *buf,
                 const summ__lang_info **out);

#endif /* LIBSUMM_LANG_H */
