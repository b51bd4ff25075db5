/*
 * Text: UTF-8 validation and decoding (utf8.c), the script of a code point
 * (script.c), words and their case folding (tokenizer.c).
 */
#ifndef LIBSUMM_TEXT_H
#define LIBSUMM_TEXT_H

#include <libsumm/summ.h>

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

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

/* ---- words (tokenizer.c) ----------------------------------------------- */

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

/* Whether cp is a letter of any script (Unicode categories L*). */
bool summ__is_letter_cp(int32_t cp);

/* Case-folds and NFKC-normalises text[0, len) into buf (replacing it). */
int summ__fold(const char *text, size_t len, summ__fold_buf *buf);

#endif /* LIBSUMM_TEXT_H */
