/*
 * Fuzz target: the sentence splitter (summ_split_sentences), in every
 * language, strict and lenient, with an optional extra abbreviation taken
 * from the input.
 *
 * Input layout:
 *   0    language: index into summ_lang_list()
 *   1    bit 0 lenient UTF-8; bit 1 the first word of the text (up to 31 bytes)
 *        becomes an extra abbreviation of the language
 *   2-   the text
 *
 * Besides the invariants of fuzz_oracle.h: splitting twice gives the same
 * spans, and on valid UTF-8 the lenient mode splits exactly as the strict one.
 */
#include "fuzz_oracle.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define HEADER 2

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static summ_span *split_copy(summ_summarizer *s, summ_result *r, const char *text, size_t len,
                             size_t *n)
{
    summ_span *c;
    int rc = summ_split_sentences(s, text, len, r);
    FUZZ_CHECK(rc == 0, "split: status %d (%s)", rc, summ_summarizer_errmsg(s));
    *n = summ_result_count(r);
    FUZZ_CHECK(summ_result_sentence_total(r) == *n, "split: total %zu, count %zu",
               summ_result_sentence_total(r), *n);
    c = malloc(*n ? *n * sizeof *c : 1);
    if (!c)
        fuzz_fail("out of memory in the oracle");
    if (*n)
        memcpy(c, summ_result_spans(r), *n * sizeof *c);
    return c;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *const *langs = summ_lang_list();
    size_t n_langs = 0, len, n1 = 0, n2 = 0;
    uint8_t h[HEADER] = { 0 };
    const char *text;
    char abbr[32];
    const char *abbrs[1] = { abbr };
    summ_lang_config cfg = SUMM_LANG_CONFIG_INIT;
    summ_options o = SUMM_OPTIONS_INIT;
    summ_lang *lang = NULL;
    summ_summarizer *s = NULL;
    summ_result *r = NULL;
    summ_span *a = NULL, *b = NULL;
    fuzz_units u;
    int rc;

    while (langs[n_langs])
        n_langs++;
    memcpy(h, data, size < HEADER ? size : HEADER);
    text = size > HEADER ? (const char *)data + HEADER : "";
    len = size > HEADER ? size - HEADER : 0;

    if (h[1] & 2) {
        size_t k = 0;
        while (k < len && k < sizeof abbr - 1 && text[k] != ' ' && text[k] != '\0')
            k++;
        memcpy(abbr, text, k);
        abbr[k] = '\0';
        cfg.extra_abbreviations = abbrs;
        cfg.n_extra_abbreviations = 1;
    }
    rc = summ_lang_new_ex(&lang, langs[h[0] % n_langs], &cfg, NULL);
    if (cfg.n_extra_abbreviations) {
        /* An abbreviation is refused exactly when it is not UTF-8. */
        fuzz_units_init(&u, abbr, strlen(abbr));
        FUZZ_CHECK(rc == (u.first_bad < u.len ? SUMM_E_INVALID_UTF8 : 0),
                   "summ_lang_new_ex(%s) with abbreviation of %zu bytes: %d",
                   langs[h[0] % n_langs], u.len, rc);
        fuzz_units_free(&u);
    } else {
        FUZZ_CHECK(rc == 0, "summ_lang_new_ex(%s): %d", langs[h[0] % n_langs], rc);
    }
    if (rc < 0) {
        FUZZ_CHECK(lang == NULL, "failed summ_lang_new_ex left an object");
        rc = summ_lang_new(&lang, langs[h[0] % n_langs], NULL);
        FUZZ_CHECK(rc == 0, "summ_lang_new(%s): %d", langs[h[0] % n_langs], rc);
    }
    if (h[1] & 1)
        o.flags |= SUMM_FLAG_LENIENT_UTF8;
    rc = summ_summarizer_new(&s, lang, &o, NULL);
    FUZZ_CHECK(rc == 0, "summ_summarizer_new: %d", rc);
    rc = summ_result_new(&r, NULL);
    FUZZ_CHECK(rc == 0, "summ_result_new: %d", rc);
    fuzz_units_init(&u, text, len);

    if (!(o.flags & SUMM_FLAG_LENIENT_UTF8) && u.first_bad < len) {
        char at[48];
        rc = summ_split_sentences(s, text, len, r);
        FUZZ_CHECK(rc == SUMM_E_INVALID_UTF8, "split: status %d on invalid UTF-8", rc);
        FUZZ_CHECK(summ_result_count(r) == 0, "split: failed with a non-empty result");
        snprintf(at, sizeof at, "at byte %zu", u.first_bad);
        FUZZ_CHECK(strstr(summ_summarizer_errmsg(s), at) != NULL, "split: message '%s' lacks '%s'",
                   summ_summarizer_errmsg(s), at);
        goto out;
    }
    a = split_copy(s, r, text, len, &n1);
    fuzz_check_split(&u, a, n1);
    b = split_copy(s, r, text, len, &n2);
    fuzz_check_same(a, n1, b, n2, "split twice");
    if (u.first_bad == len) {
        free(b);
        o.flags ^= SUMM_FLAG_LENIENT_UTF8;
        rc = summ_summarizer_set_options(s, &o);
        FUZZ_CHECK(rc == 0, "set_options: %d", rc);
        b = split_copy(s, r, text, len, &n2);
        fuzz_check_same(a, n1, b, n2, "strict and lenient split of valid text");
    }
out:
    free(a);
    free(b);
    fuzz_units_free(&u);
    summ_result_free(r);
    summ_summarizer_free(s);
    summ_lang_free(lang);
    return 0;
}
