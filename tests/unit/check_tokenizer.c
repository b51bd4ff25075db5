/* Word tokenizer: Unicode categories, case folding, apostrophes, hyphens. */
#include "test_util.h"

#include <string.h>

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

int main(void)
{
    Suite *s = suite_create("tokenizer");
    TCase *tc = tcase_create("words");
    tcase_add_test(tc, ascii_words);
    tcase_add_test(tc, unicode_words);
    tcase_add_test(tc, positions_are_original_bytes);
    suite_add_tcase(s, tc);
    return test_run_suite(s);
}
