/* Word tokenizer: Unicode categories, case folding, apostrophes, hyphens. */
#include "test_util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "text.h"

typedef struct collect {
    char buf[1024];
    size_t pos;
} collect;

static int on_word(void *ud, size_t start, size_t end, const char *folded, size_t len)
{
    collect *c = ud;
    (void)start;
    (void)end;
    ck_assert_uint_lt(c->pos + len + 2, sizeof c->buf);
    if (c->pos)
        c->buf[c->pos++] = '|';
    memcpy(c->buf + c->pos, folded, len);
    c->pos += len;
    c->buf[c->pos] = '\0';
    return 0;
}

struct pos_rec {
    size_t *s, *e, *n;
};

static int record_pos(void *ud, size_t start, size_t end, const char *folded, size_t len)
{
    struct pos_rec *p = ud;
    (void)folded;
    (void)len;
    ck_assert_uint_lt(*p->n, 8);
    p->s[*p->n] = start;
    p->e[*p->n] = end;
    (*p->n)++;
    return 0;
}

static const char *words(const char *text)
{
    static collect c;
    summ_allocator a;
    summ__fold_buf fb;
    summ__allocator_resolve(&a, NULL);
    memset(&fb, 0, sizeof fb);
    fb.alloc = &a;
    memset(&c, 0, sizeof c);
    ck_assert_int_eq(summ__tokenize(text, 0, strlen(text), &fb, on_word, &c), 0);
    summ__fold_buf_dispose(&fb);
    return c.buf;
}

START_TEST(ascii_words)
{
    ck_assert_str_eq(words("Hello, World! 42 times."), "hello|world|42|times");
    ck_assert_str_eq(words("don't stop-gap 'quoted'"), "don't|stop|gap|quoted");
    ck_assert_str_eq(words("e-mail: a_b@c.org"), "e|mail|a|b|c|org");
    ck_assert_str_eq(words(""), "");
    ck_assert_str_eq(words("...!!"), "");
}
END_TEST

START_TEST(unicode_words)
{
    ck_assert_str_eq(words("Résumé RÉSUMÉ"), "résumé|résumé");
    ck_assert_str_eq(words("Straße"), "strasse");
    ck_assert_str_eq(words("l’homme don’t"), "l'homme|don't");
    ck_assert_str_eq(words("ﬁle"), "file");              /* NFKC ligature */
    ck_assert_str_eq(words("Москва, ПРИВЕТ"), "москва|привет");
    ck_assert_str_eq(words("東京 2020"), "東京|2020");
    ck_assert_str_eq(words("cafe\xCC\x81"), "café"); /* combining accent composes */
    ck_assert_str_eq(words("a\xC2\xA0" "b"), "a|b");   /* no-break space separates */
}
END_TEST

START_TEST(positions_are_original_bytes)
{
    const char *text = "  Ünïcode words";
    summ_allocator a;
    summ__fold_buf fb;
    collect c;
    summ__allocator_resolve(&a, NULL);
    memset(&fb, 0, sizeof fb);
    fb.alloc = &a;
    memset(&c, 0, sizeof c);
    ck_assert_int_eq(summ__tokenize(text, 2, strlen(text), &fb, on_word, &c), 0);
    ck_assert_str_eq(c.buf, "ünïcode|words");
    summ__fold_buf_dispose(&fb);
}
END_TEST

START_TEST(cjk_runs_give_overlapping_bigrams)
{
    ck_assert_str_eq(words("東京都庁"), "東京|京都|都庁");
    ck_assert_str_eq(words("日"), "日");
    /* Han and kana form one run; Latin letters and punctuation end it. */
    ck_assert_str_eq(words("新しい図書館。iPhone発売"), "新し|しい|い図|図書|書館|iphone|発売");
    /* Half-width katakana fold to full width. */
    ck_assert_str_eq(words("ｶﾀｶﾅ"), "カタ|タカ|カナ");
    /* Hangul: bigrams within each space-separated word. */
    ck_assert_str_eq(words("도서관은 새 책"), "도서|서관|관은|새|책");
}
END_TEST

START_TEST(thai_bigrams_keep_marks_with_their_letter)
{
    /* "ง่า": the tone mark stays on its consonant, so no term starts with it. */
    ck_assert_str_eq(words("ง่าย ดี"), "ง่า|าย|ดี");
}
END_TEST

START_TEST(bigram_positions_are_original_bytes)
{
    const char *text = "ab 東京都";
    summ_allocator a;
    summ__fold_buf fb;
    size_t starts[8], ends[8], n = 0;
    summ__allocator_resolve(&a, NULL);
    memset(&fb, 0, sizeof fb);
    fb.alloc = &a;
    {
        struct pos_rec p = { starts, ends, &n };
        ck_assert_int_eq(summ__tokenize(text, 0, strlen(text), &fb, record_pos, &p), 0);
    }
    ck_assert_uint_eq(n, 3);
    ck_assert_uint_eq(starts[1], 3);
    ck_assert_uint_eq(ends[1], 9);
    ck_assert_uint_eq(starts[2], 6);
    ck_assert_uint_eq(ends[2], 12);
    summ__fold_buf_dispose(&fb);
}
END_TEST

/* ASCII words are scanned eight bytes at a time: every ASCII byte next to
 * letters, at every offset within the eight, in words of every length up
 * to two blocks and beyond, against a byte-by-byte expectation. */
START_TEST(ascii_words_every_byte_and_offset)
{
    int c, pad, len;
    for (c = 1; c < 128; c++) {
        for (pad = 0; pad < 8; pad++) {
            for (len = 1; len <= 19; len++) {
                char text[64], want[64];
                size_t n = 0, w = 0;
                int k, word_char = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') ||
                                   (c >= 'a' && c <= 'z');
                for (k = 0; k < pad; k++)
                    text[n++] = ' ';
                /* len letters, alternating case, then c, then "Zq". */
                for (k = 0; k < len; k++) {
                    text[n++] = (char)((k % 2 ? 'A' : 'a') + k % 26);
                    want[w++] = (char)('a' + k % 26);
                }
                text[n++] = (char)c;
                text[n++] = 'Z';
                text[n++] = 'q';
                text[n] = '\0';
                if (word_char) {
                    want[w++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
                } else if (c == '\'') {
                    want[w++] = '\''; /* an apostrophe between letters joins */
                } else {
                    want[w++] = '|';
                }
                want[w++] = 'z';
                want[w++] = 'q';
                want[w] = '\0';
                ck_assert_msg(strcmp(words(text), want) == 0, "byte %d, pad %d, len %d: %s vs %s",
                              c, pad, len, words(text), want);
            }
        }
    }
}
END_TEST

/* The tokenizer once more, built without its 16-byte path: the reference
 * for the test below. */
void ref_fold_buf_dispose(summ__fold_buf *b);
bool ref_is_word_cp(int32_t cp);
int ref_fold(const char *text, size_t len, summ__fold_buf *b);
int ref_tokenize(const char *text, size_t start, size_t end, summ__fold_buf *buf,
                 summ__word_fn fn, void *ud);
#define SUMM_TOKENIZER_PORTABLE 1
#define summ__fold_buf_dispose ref_fold_buf_dispose
#define summ__is_word_cp ref_is_word_cp
#define summ__fold ref_fold
#define summ__tokenize ref_tokenize
#include "tokenizer.c"
#undef summ__fold_buf_dispose
#undef summ__is_word_cp
#undef summ__fold
#undef summ__tokenize

/* Each word as start, end and folded form, one line each. */
typedef struct word_log {
    char buf[16384];
    size_t pos;
} word_log;

static int log_word(void *ud, size_t start, size_t end, const char *folded, size_t len)
{
    word_log *l = ud;
    int n = snprintf(l->buf + l->pos, sizeof l->buf - l->pos, "%zu %zu %.*s\n", start, end,
                     (int)len, folded);
    ck_assert(n > 0 && (size_t)n < sizeof l->buf - l->pos);
    l->pos += (size_t)n;
    return 0;
}

/* Texts pieced together at random from letters of both cases, digits,
 * apostrophes (ASCII and U+2019), punctuation, accented, CJK and invalid
 * bytes, and words of 15, 16 and 20 letters, tokenized from every start:
 * the 16-byte path gives the same words, offsets and folds as the
 * byte-by-byte one. */
START_TEST(block_path_matches_byte_path)
{
    static const char *const pieces[] = {
        "a", "Z", "q", "7", "'", " ", "  ", ".", "-", ",\n", "\xe2\x80\x99", "\xc3\xa9",
        "\xc3\x89", "\xe6\x9d\xb1\xe4\xba\xac", "\xff", "\xef\xac\x81", "don't",
        "abcdefghijklmno", "ABCDEFGHIJKLMNOP", "Internationalized", "x1y2z3", "@[`{", "\t",
        "Pneumonoultramicroscopicsilicovolcanoconiosis0123456789abcdefghijklmnopqrstuvwxyz"};
    const size_t n_pieces = sizeof pieces / sizeof *pieces;
    static word_log got, want;
    summ_allocator a;
    summ__fold_buf fb1, fb2;
    uint32_t seed = 12345;
    int round;

    summ__allocator_resolve(&a, NULL);
    memset(&fb1, 0, sizeof fb1);
    memset(&fb2, 0, sizeof fb2);
    fb1.alloc = fb2.alloc = &a;
    for (round = 0; round < 3000; round++) {
        char text[512];
        size_t len = 0, start, target;
        seed = seed * 1103515245u + 12345u;
        target = (seed >> 16) % 300;
        while (len < target) {
            const char *p;
            size_t n;
            seed = seed * 1103515245u + 12345u;
            p = pieces[(seed >> 16) % n_pieces];
            n = strlen(p);
            if (len + n >= sizeof text)
                break;
            memcpy(text + len, p, n);
            len += n;
        }
        for (start = 0; start <= len && start < 70; start += 1 + start / 8) {
            got.pos = want.pos = 0;
            got.buf[0] = want.buf[0] = '\0';
            ck_assert_int_eq(summ__tokenize(text, start, len, &fb1, log_word, &got), 0);
            ck_assert_int_eq(ref_tokenize(text, start, len, &fb2, log_word, &want), 0);
            ck_assert_msg(strcmp(got.buf, want.buf) == 0, "round %d, start %zu:\n%s\nvs\n%s",
                          round, start, got.buf, want.buf);
        }
    }
    summ__fold_buf_dispose(&fb1);
    ref_fold_buf_dispose(&fb2);
}
END_TEST

/* What utf8proc gives for text under the options summ__fold uses. */
static char *utf8proc_fold(const char *text, size_t len)
{
    utf8proc_uint8_t *out = NULL;
    utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)text, (utf8proc_ssize_t)len, &out,
                                      UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT |
                                          UTF8PROC_CASEFOLD);
    ck_assert_int_ge(n, 0);
    return (char *)out;
}

/* Words of ASCII and Latin-1 letters are folded without utf8proc: each
 * code point of U+0080 to U+00FF alone and after an ASCII letter, and
 * random words over ASCII, Latin-1, a combining accent and other letters,
 * fold exactly as utf8proc folds them (the mark and the others take the
 * utf8proc path, and must still fold the Latin-1 letters around them). */
START_TEST(latin1_fold_matches_utf8proc)
{
    static const char *const pieces[] = {"a", "Q", "z", "0", "\xc3\xa9", "\xc3\x89", "\xc3\x80",
                                         "\xc3\x9e", "\xc3\xbf", "\xc3\x9f", "\xc3\x97",
                                         "\xcc\x81", "\xc2\xb5", "\xc5\x93", "\xc4\xb0", "'"};
    const size_t n_pieces = sizeof pieces / sizeof *pieces;
    summ_allocator a;
    summ__fold_buf fb;
    uint32_t seed = 777, cp;
    int round;

    summ__allocator_resolve(&a, NULL);
    memset(&fb, 0, sizeof fb);
    fb.alloc = &a;
    for (cp = 0x80; cp <= 0xFF; cp++) {
        char text[4] = {'e', (char)(0xC0 | (cp >> 6)), (char)(0x80 | (cp & 0x3F)), 0};
        int k;
        for (k = 0; k < 2; k++) {
            char *want = utf8proc_fold(text + k, 3 - (size_t)k);
            ck_assert_int_eq(summ__fold(text + k, 3 - (size_t)k, &fb), 0);
            ck_assert_msg(strcmp(fb.bytes, want) == 0 && fb.len == strlen(want), "U+%04X", cp);
            free(want);
        }
    }
    for (round = 0; round < 20000; round++) {
        char text[128];
        size_t len = 0, k, n = 1 + (seed >> 16) % 12;
        char *want;
        for (k = 0; k < n; k++) {
            const char *p;
            seed = seed * 1103515245u + 12345u;
            p = pieces[(seed >> 16) % n_pieces];
            memcpy(text + len, p, strlen(p));
            len += strlen(p);
        }
        text[len] = '\0';
        want = utf8proc_fold(text, len);
        ck_assert_int_eq(summ__fold(text, len, &fb), 0);
        ck_assert_msg(strcmp(fb.bytes, want) == 0 && fb.len == strlen(want), "%s", text);
        free(want);
    }
    summ__fold_buf_dispose(&fb);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("tokenizer");
    TCase *tc = tcase_create("words");
    tcase_add_test(tc, ascii_words);
    tcase_add_test(tc, unicode_words);
    tcase_add_test(tc, positions_are_original_bytes);
    tcase_add_test(tc, cjk_runs_give_overlapping_bigrams);
    tcase_add_test(tc, thai_bigrams_keep_marks_with_their_letter);
    tcase_add_test(tc, bigram_positions_are_original_bytes);
    tcase_add_test(tc, ascii_words_every_byte_and_offset);
    tcase_add_test(tc, block_path_matches_byte_path);
    tcase_add_test(tc, latin1_fold_matches_utf8proc);
    suite_add_tcase(s, tc);
    return test_run_suite(s);
}
