/*
 * A tiny shared module for bench/sbd_eval.py: splits text with the language
 * of a given code. Languages that libsumm does not register yet are
 * measured with their built-in abbreviation tables: the module builds an
 * English language object and swaps in that code and its tables.
 */
#include "alloc.h"
#include "lang.h"
#include "splitter.h"
#include "strmap.h"

#include <stdlib.h>
#include <string.h>

/* The map values lang.c gives ordinary abbreviations and titles. */
#define ABBR_ORDINARY 1u
#define ABBR_TITLE 2u

static int fill(summ__strmap *map, const char *const *words, uint32_t value)
{
    for (; *words; words++) {
        int rc = summ__strmap_intern(map, *words, strlen(*words), value, NULL, NULL);
        if (rc < 0)
            return rc;
    }
    return SUMM_OK;
}

/* Splits text[0, len) and writes up to cap (start, end) byte pairs into
 * spans. Returns the number of sentences, or a negative status. */
int sbd_split(const char *code, const char *text, size_t len, size_t *spans, size_t cap);

int sbd_split(const char *code, const char *text, size_t len, size_t *spans, size_t cap)
{
    summ_lang *lang = NULL;
    summ__lang_info info;
    summ__span_vec out;
    summ_allocator a;
    int rc;
    size_t i;

    if (summ_lang_new(&lang, code, NULL) < 0) {
        const char *const *ordinary, *const *titles;
        if ((rc = summ_lang_new(&lang, "en", NULL)) < 0)
            return rc;
        info = *lang->info;
        info.code = code;
        lang->info = &info;
        summ__strmap_clear(&lang->abbreviations);
        summ__abbreviations(code, &ordinary, &titles);
        if ((rc = fill(&lang->abbreviations, ordinary, ABBR_ORDINARY)) < 0 ||
            (rc = fill(&lang->abbreviations, titles, ABBR_TITLE)) < 0) {
            summ_lang_free(lang);
            return rc;
        }
    }
    summ__allocator_resolve(&a, NULL);
    memset(&out, 0, sizeof out);
    out.alloc = &a;
    rc = summ__split(lang, text, len, true, &out);
    if (rc >= 0) {
        for (i = 0; i < out.len && i < cap; i++) {
            spans[2 * i] = out.items[i].start;
            spans[2 * i + 1] = out.items[i].end;
        }
        rc = (int)out.len;
    }
    summ__span_vec_dispose(&out);
    summ_lang_free(lang);
    return rc;
}
