/* Options: defaults per struct version, and validation of a whole struct
 * against the option table. */
#include "summarizer.h"

#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "alloc.h"
#include "option_table.h"
#include "scorer.h"
#include "text.h"

#define KNOWN_FLAGS \
    (SUMM_FLAG_SCORE_ORDER | SUMM_FLAG_LENIENT_UTF8 | SUMM_FLAG_NO_STEMMING | \
     SUMM_FLAG_KEEP_STOPWORDS)

int summ_options_init(summ_options *opts, unsigned int version)
{
    const summ_options init = SUMM_OPTIONS_INIT;
    if (!opts || version == 0)
        return SUMM_E_INVALID_ARG;
    if (version > SUMM_OPTIONS_VERSION)
        return SUMM_E_VERSION;
    memcpy(opts, &init, summ__options_size(version));
    opts->version = version;
    return SUMM_OK;
}

size_t summ__options_size(unsigned int version)
{
    /* Version 1 ended with max_input_bytes; version 2 added the selection
     * and algorithm parameters, version 3 min_sentence_words, version 4
     * the keyphrase options, version 5 lede_weight. */
    switch (version) {
    case 1:
        return offsetof(summ_options, mmr_lambda);
    case 2:
        return offsetof(summ_options, min_sentence_words);
    case 3:
        return offsetof(summ_options, keyphrase_algorithm);
    case 4:
        return offsetof(summ_options, lede_weight);
    default:
        return sizeof(summ_options);
    }
}

static int check_words(const char *const *words, size_t n)
{
    size_t i;
    if (n && !words)
        return SUMM_E_INVALID_ARG;
    for (i = 0; i < n; i++) {
        size_t bad;
        if (!words[i] || !summ__utf8_valid(words[i], strlen(words[i]), &bad))
            return SUMM_E_INVALID_ARG;
    }
    return SUMM_OK;
}

static int check_row(const summ_options *o, const summ__option *row, char *why,
                     size_t why_size)
{
    if (row->info.type == SUMM_OPTION_WORDS) {
        const char *const *words;
        size_t n;
        memcpy(&words, (const char *)o + row->offset, sizeof words);
        memcpy(&n, (const char *)o + row->count_offset, sizeof n);
        if (check_words(words, n) < 0) {
            snprintf(why, why_size, "%s: the list is NULL or holds a NULL or invalid UTF-8 entry",
                     row->info.name);
            return SUMM_E_INVALID_ARG;
        }
        return SUMM_OK;
    }
    return summ__option_check_value(row, summ__option_read(o, row), why, why_size);
}

int summ__options_check(const summ_options *in, summ_options *out, char *why, size_t why_size)
{
    summ_options o;
    size_t i;
    int rc;
    summ_options_init(&o, SUMM_OPTIONS_VERSION);
    why[0] = '\0';
    if (in) {
        if (in->version == 0) {
            snprintf(why, why_size, "options.version is 0 (use SUMM_OPTIONS_INIT or summ_options_init)");
            return SUMM_E_INVALID_ARG;
        }
        if (in->version > SUMM_OPTIONS_VERSION) {
            snprintf(why, why_size, "options.version is newer than this library");
            return SUMM_E_VERSION;
        }
        /* An older struct is a prefix of ours: copy it, keep the defaults
         * of the fields it lacks. */
        memcpy(&o, in, summ__options_size(in->version));
        /* In version 2 structs, position_weight 0 meant no lead bias. */
        if (in->version == 2 && o.position_weight == 0.0)
            o.position_weight = SUMM_OFF;
        o.version = SUMM_OPTIONS_VERSION;
    }
    if (o.flags & ~(uint32_t)KNOWN_FLAGS) {
        snprintf(why, why_size, "flags: unknown bits 0x%x", (unsigned)(o.flags & ~(uint32_t)KNOWN_FLAGS));
        return SUMM_E_INVALID_ARG;
    }
    for (i = 0; i < summ__option_count(); i++)
        if ((rc = check_row(&o, summ__option_row(i), why, why_size)) < 0)
            return rc;
    /* 0 selects each option's default; store the value in effect. */
    for (i = 0; i < summ__option_count(); i++) {
        const summ__option *row = summ__option_row(i);
        if (row->info.type != SUMM_OPTION_WORDS && row->info.default_value != 0.0 &&
            summ__option_read(&o, row) == 0.0)
            summ__option_write(&o, row, row->info.default_value);
    }
    *out = o;
    return SUMM_OK;
}

/* Copies a word list into the block at *cursor (pointers first, then the
 * strings) and points *list at the copy. */
static void copy_words(const char *const **list, size_t n, const char **ptrs, char **bytes)
{
    size_t i, len;
    for (i = 0; i < n; i++) {
        len = strlen((*list)[i]) + 1;
        memcpy(*bytes, (*list)[i], len);
        ptrs[i] = *bytes;
        *bytes += len;
    }
    *list = n ? ptrs : NULL;
}

int summ__options_own(summ_summarizer *s, summ_options *o)
{
    size_t n = o->n_cue_words + o->n_stigma_words, size, i;
    const char **ptrs;
    char *block, *bytes;

    if (n == 0) {
        o->cue_words = o->stigma_words = NULL;
        block = NULL;
        size = 0;
    } else {
        if (!summ__mul_ok(n, sizeof *ptrs, &size))
            return SUMM_E_NOMEM;
        for (i = 0; i < o->n_cue_words; i++)
            size += strlen(o->cue_words[i]) + 1;
        for (i = 0; i < o->n_stigma_words; i++)
            size += strlen(o->stigma_words[i]) + 1;
        block = summ__alloc(&s->alloc, size);
        if (!block)
            return SUMM_E_NOMEM;
        ptrs = (const char **)(void *)block;
        bytes = block + n * sizeof *ptrs;
        copy_words(&o->cue_words, o->n_cue_words, ptrs, &bytes);
        copy_words(&o->stigma_words, o->n_stigma_words, ptrs + o->n_cue_words, &bytes);
    }
    summ__free(&s->alloc, s->words_block, s->words_block_size);
    s->words_block = block;
    s->words_block_size = size;
    return SUMM_OK;
}
