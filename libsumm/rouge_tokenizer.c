/*
 * Tokens for ROUGE, as term ids. Two tokenizers:
 *  - ASCII, as the rouge-score package: lower-case, then every character
 *    that is not [a-z0-9] separates tokens. Python's lower() turns only two
 *    non-ASCII characters into ASCII letters (U+0130 -> "i" + a combining
 *    dot, U+212A KELVIN SIGN -> "k"); they are mapped the same way so scores
 *    match on any input.
 *  - Unicode: runs of letters, marks and digits, each case folded and
 *    NFKC-normalised.
 * Optionally each token longer than stem_min_length characters is stemmed.
 * Words are stemmed once: the words map remembers each token's term id.
 */
#include "rouge_internal.h"

#include <string.h>
#include <libstemmer.h>
#include <utf8proc.h>

void summ__rouge_seq_dispose(summ__rouge_seq *seq, const summ_allocator *a)
{
    summ__free(a, seq->ids, seq->cap * sizeof *seq->ids);
    summ__free(a, seq->line_end, seq->lines_cap * sizeof *seq->line_end);
    summ__free(a, seq->text, seq->text_cap);
    memset(seq, 0, sizeof *seq);
}

void summ__rouge_vocab_reset(summ_rouge *r)
{
    size_t i;
    summ__strmap_clear(&r->words);
    summ__strmap_clear(&r->stems);
    r->n_terms = 0;
    r->cand.valid = false;
    for (i = 0; i < r->refs_cap; i++)
        r->refs[i].valid = false;
}

static size_t count_chars(const char *s, size_t len)
{
    size_t i, n = 0;
    for (i = 0; i < len; i++)
        n += ((unsigned char)s[i] & 0xC0) != 0x80;
    return n;
}

/* The term id of a token: looked up, or stemmed and added. */
static int term_id(summ_rouge *r, const char *tok, size_t len, uint32_t *id)
{
    const char *key = tok;
    size_t key_len = len;
    bool inserted;
    int rc;

    if (summ__strmap_get(&r->words, tok, len, id))
        return SUMM_OK;
    if (r->n_terms == UINT32_MAX - 1)
        return SUMM_E_TOO_LARGE;
    if (r->stemmer && len < (size_t)INT32_MAX && count_chars(tok, len) > r->opts.stem_min_length) {
        const sb_symbol *st = sb_stemmer_stem(r->stemmer, (const sb_symbol *)tok, (int)len);
        if (!st)
            return SUMM_E_NOMEM;
        key = (const char *)st;
        key_len = (size_t)sb_stemmer_length(r->stemmer);
    }
    if (r->stemmer) {
        /* Distinct words may share a stem: the stem owns the id. */
        if ((rc = summ__strmap_intern(&r->stems, key, key_len, r->n_terms, id, &inserted)) < 0)
            return rc;
        if (inserted)
            r->n_terms++;
        return summ__strmap_intern(&r->words, tok, len, *id, NULL, NULL);
    }
    if ((rc = summ__strmap_intern(&r->words, tok, len, r->n_terms, id, &inserted)) < 0)
        return rc;
    if (inserted)
        r->n_terms++;
    return SUMM_OK;
}

static int push_id(summ_rouge *r, summ__rouge_seq *seq, uint32_t id)
{
    if (seq->len == seq->cap) {
        void *p = seq->ids;
        int rc = summ__grow(&r->alloc, &p, &seq->cap, seq->len + 1, sizeof *seq->ids);
        if (rc < 0)
            return rc;
        seq->ids = p;
    }
    seq->ids[seq->len++] = id;
    return SUMM_OK;
}

/* Ends the current line; lines without tokens are dropped. */
static int end_line(summ_rouge *r, summ__rouge_seq *seq)
{
    size_t begin = seq->n_lines ? seq->line_end[seq->n_lines - 1] : 0;
    if (seq->len == begin)
        return SUMM_OK;
    if (seq->n_lines == seq->lines_cap) {
        void *p = seq->line_end;
        int rc = summ__grow(&r->alloc, &p, &seq->lines_cap, seq->n_lines + 1,
                            sizeof *seq->line_end);
        if (rc < 0)
            return rc;
        seq->line_end = p;
    }
    seq->line_end[seq->n_lines++] = seq->len;
    return SUMM_OK;
}

/* Emits the token in r->fold (if any) and empties it. */
static int flush_token(summ_rouge *r, summ__rouge_seq *seq)
{
    uint32_t id;
    int rc;
    if (r->fold.len == 0)
        return SUMM_OK;
    rc = term_id(r, r->fold.bytes, r->fold.len, &id);
    r->fold.len = 0;
    if (rc < 0)
        return rc;
    return push_id(r, seq, id);
}

static int append_byte(summ_rouge *r, char c)
{
    summ__fold_buf *b = &r->fold;
    if (b->len == b->cap) {
        void *p = b->bytes;
        int rc = summ__grow(b->alloc, &p, &b->cap, b->len + 1, 1);
        if (rc < 0)
            return rc;
        b->bytes = p;
    }
    b->bytes[b->len++] = c;
    return SUMM_OK;
}

static int tokenize_ascii(summ_rouge *r, const char *text, size_t len, summ__rouge_seq *seq)
{
    size_t i = 0;
    int rc;
    while (i < len) {
        unsigned char c = (unsigned char)text[i];
        if (c < 0x80) {
            i++;
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                rc = append_byte(r, (char)c);
            } else if (c >= 'A' && c <= 'Z') {
                rc = append_byte(r, (char)(c - 'A' + 'a'));
            } else {
                rc = flush_token(r, seq);
                if (rc == SUMM_OK && c == '\n')
                    rc = end_line(r, seq);
            }
        } else {
            int32_t cp;
            int n = summ__utf8_decode(text, len, i, &cp);
            i += n > 0 ? (size_t)n : 1;
            if (cp == 0x212A) {
                rc = append_byte(r, 'k');
            } else if (cp == 0x0130) {
                if ((rc = append_byte(r, 'i')) == SUMM_OK)
                    rc = flush_token(r, seq);
            } else {
                rc = flush_token(r, seq);
            }
        }
        if (rc < 0)
            return rc;
    }
    if ((rc = flush_token(r, seq)) < 0)
        return rc;
    return end_line(r, seq);
}

static int tokenize_unicode(summ_rouge *r, const char *text, size_t len, summ__rouge_seq *seq)
{
    size_t i = 0;
    int rc;
    while (i < len) {
        size_t start = i;
        int32_t cp;
        int n;
        while (i < len) {
            unsigned char c = (unsigned char)text[i];
            if (c < 0x80) {
                /* ASCII word characters are letters and digits (as
                 * summ__is_word_cp says), without a decode and two calls. */
                if ((unsigned)((c | 0x20) - 'a') >= 26u && (unsigned)(c - '0') >= 10u)
                    break;
                i++;
                continue;
            }
            n = summ__utf8_decode(text, len, i, &cp);
            if (n < 0 || !summ__is_word_cp(cp))
                break;
            i += (size_t)n;
        }
        if (i > start) {
            if ((rc = summ__fold(text + start, i - start, &r->fold)) < 0)
                return rc;
            if ((rc = flush_token(r, seq)) < 0)
                return rc;
            continue;
        }
        if (text[i] == '\n' && (rc = end_line(r, seq)) < 0)
            return rc;
        n = summ__utf8_decode(text, len, i, &cp);
        i += n > 0 ? (size_t)n : 1;
    }
    return end_line(r, seq);
}

int summ__rouge_tokenize(summ_rouge *r, const char *text, size_t len, summ__rouge_seq *seq,
                         size_t *bad)
{
    int rc;
    if (seq->valid && seq->text_len == len && (len == 0 || memcmp(seq->text, text, len) == 0))
        return SUMM_OK;
    if (!summ__utf8_valid(text, len, bad))
        return SUMM_E_INVALID_UTF8;
    seq->valid = false;
    seq->len = 0;
    seq->n_lines = 0;
    r->fold.len = 0;
    if (len > seq->text_cap) {
        void *p = seq->text;
        if ((rc = summ__grow(&r->alloc, &p, &seq->text_cap, len, 1)) < 0)
            return rc;
        seq->text = p;
    }
    if (len)
        memcpy(seq->text, text, len);
    seq->text_len = len;
    if (r->opts.tokenizer == SUMM_ROUGE_TOKENIZER_UNICODE)
        rc = tokenize_unicode(r, text, len, seq);
    else
        rc = tokenize_ascii(r, text, len, seq);
    seq->valid = rc == SUMM_OK;
    return rc;
}
