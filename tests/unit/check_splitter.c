/* Sentence splitter: boundaries, abbreviations, numbers, quotes, newlines. */
#include "test_util.h"

#include <stdlib.h>
#include <string.h>

typedef struct split_case {
    const char *text;
    const char *want; /* sentences joined by '|' */
} split_case;

static const split_case cases[] = {
    { "Hello world. How are you? I am fine!", "Hello world.|How are you?|I am fine!" },
    { "Mr. Smith met Dr. Jones at St. Mary's. They talked.",
      "Mr. Smith met Dr. Jones at St. Mary's.|They talked." },
    { "He lives in the U.S. and works in Canada.", "He lives in the U.S. and works in Canada." },
    { "He moved to the U.S. The weather was better.",
      "He moved to the U.S.|The weather was better." },
    { "Use e.g. salt or i.e. pepper. Then stir.", "Use e.g. salt or i.e. pepper.|Then stir." },
    { "J. R. R. Tolkien wrote books. They sold well.",
      "J. R. R. Tolkien wrote books.|They sold well." },
    { "Pi is 3.14 roughly. Version 2.0.1 shipped.", "Pi is 3.14 roughly.|Version 2.0.1 shipped." },
    { "It cost $4.2 million. See www.example.com for more. Mail a@b.org now.",
      "It cost $4.2 million.|See www.example.com for more.|Mail a@b.org now." },
    { "Open file.txt first. Then run it.", "Open file.txt first.|Then run it." },
    { "\"Stop!\" he said. \"Why?\" she asked.", "\"Stop!\" he said.|\"Why?\" she asked." },
    { "He said \"Go home.\" Then he left.", "He said \"Go home.\"|Then he left." },
    { "(This is quoted.) And this follows.", "(This is quoted.)|And this follows." },
    { "Wait... what happened? Nothing...", "Wait... what happened?|Nothing..." },
    { "It was late… The end.", "It was late…|The end." },
    { "Really?! Yes!!", "Really?!|Yes!!" },
    { "Headline without a period\n\nFirst sentence of text.",
      "Headline without a period|First sentence of text." },
    { "A hard-wrapped\nsentence over lines. Next one.",
      "A hard-wrapped\nsentence over lines.|Next one." },
    { "Meeting at 5 p.m. on Friday. Bring notes.", "Meeting at 5 p.m. on Friday.|Bring notes." },
    { "Jan. 5 was cold. Feb. was colder.", "Jan. 5 was cold.|Feb. was colder." },
    { "See No. 5 on the list. Done.", "See No. 5 on the list.|Done." },
    { "这是第一句。这是第二句！第三句？", "这是第一句。|这是第二句！|第三句？" },
    { "यह पहला वाक्य है। यह दूसरा है।", "यह पहला वाक्य है।|यह दूसरा है।" },
    { "   \n\n  ", "" },
    { "No terminator at all", "No terminator at all" },
    { "Trailing spaces.   \n", "Trailing spaces." },
    { "Para one.\r\n\r\nPara two.", "Para one.|Para two." },
};

START_TEST(split_table)
{
    const split_case *c = &cases[_i];
    ck_assert_str_eq(test_split_joined("en", c->text), c->want);
}
END_TEST

START_TEST(long_run_is_cut_into_bounded_pieces)
{
    size_t n = 3 * SUMM_MAX_SENTENCE_BYTES + 100, i;
    char *text = malloc(n);
    summ_lang *l = NULL;
    summ_summarizer *s = NULL;
    summ_result *r = NULL;
    for (i = 0; i < n; i++)
        text[i] = (i % 7 == 6) ? ' ' : 'a';
    ck_assert_int_eq(summ_lang_new(&l, "en", NULL), 0);
    ck_assert_int_eq(summ_summarizer_new(&s, l, NULL, NULL), 0);
    ck_assert_int_eq(summ_result_new(&r, NULL), 0);
    ck_assert_int_eq(summ_split_sentences(s, text, n, r), 0);
    ck_assert_uint_ge(summ_result_count(r), 4);
    for (i = 0; i < summ_result_count(r); i++) {
        const summ_span *sp = &summ_result_spans(r)[i];
        ck_assert_uint_le(sp->end - sp->start, SUMM_MAX_SENTENCE_BYTES);
        ck_assert(text[sp->start] != ' ' && text[sp->end - 1] != ' ');
    }
    /* Multi-byte text with no spaces: cuts stay on code point boundaries. */
    for (i = 0; i + 3 <= n; i += 3)
        memcpy(text + i, "\xE4\xB8\xAD", 3); /* 中 */
    n = i;
    ck_assert_int_eq(summ_split_sentences(s, text, n, r), 0);
    for (i = 0; i < summ_result_count(r); i++) {
        const summ_span *sp = &summ_result_spans(r)[i];
        ck_assert_uint_eq(sp->start % 3, 0);
        ck_assert_uint_eq(sp->end % 3, 0);
    }
    summ_result_free(r);
    summ_summarizer_free(s);
    summ_lang_free(l);
    free(text);
}
END_TEST

START_TEST(caller_abbreviations)
{
    summ_lang *l = NULL;
    summ_summarizer *s = NULL;
    summ_result *r = NULL;
    const char *extra[] = { "approx." };
    summ_lang_config cfg = SUMM_LANG_CONFIG_INIT;
    const char text[] = "It weighs approx. Ten tons. Fine.";
    cfg.extra_abbreviations = extra;
    cfg.n_extra_abbreviations = 1;
    ck_assert_int_eq(summ_lang_new_ex(&l, "en", &cfg, NULL), 0);
    ck_assert_int_eq(summ_summarizer_new(&s, l, NULL, NULL), 0);
    ck_assert_int_eq(summ_result_new(&r, NULL), 0);
    ck_assert_int_eq(summ_split_sentences(s, text, strlen(text), r), 0);
    ck_assert_uint_eq(summ_result_count(r), 2);
    summ_result_free(r);
    summ_summarizer_free(s);
    summ_lang_free(l);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("splitter");
    TCase *tc = tcase_create("rules");
    tcase_add_loop_test(tc, split_table, 0, (int)(sizeof cases / sizeof cases[0]));
    tcase_add_test(tc, long_run_is_cut_into_bounded_pieces);
    tcase_add_test(tc, caller_abbreviations);
    suite_add_tcase(s, tc);
    return test_run_suite(s);
}
