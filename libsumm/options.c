/* Options: defaults per struct version and validation. */
#include "summarizer.h"

#include <math.h>
#include <stddef.h>
#include <string.h>

#include "alloc.h"
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
     * and algorithm parameters. */
    return version == 1 ? offsetof(summ_options, mmr_lambda) : sizeof(summ_options);
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

int summ__options_check(const summ_options *in, summ_options *out, const char **why)
{
    summ_options o;
    int rc;
    summ_options_init(&o, SUMM_OPTIONS_VERSION);
    *why = NULL;
    if (in) {
        if (in->version == 0) {
            *why = "options.version is 0 (use SUMM_OPTIONS_INIT or summ_options_init)";
            return SUMM_E_INVALID_ARG;
        }
        if (in->version > SUMM_OPTIONS_VERSION) {
            *why = "options.version is newer than this library";
            return SUMM_E_VERSION;
        }
        /* An older struct is a prefix of ours: copy it, keep the defaults
         * of the fields it lacks. */
        memcpy(&o, in, summ__options_size(in->version));
        o.version = SUMM_OPTIONS_VERSION;
    }
    if (!summ__scorer_get(o.algorithm)) {
        *why = "unknown algorithm";
        return SUMM_E_UNKNOWN_ALGO;
    }
    if (isnan(o.ratio) || o.ratio < 0.0 || o.ratio > 1.0) {
        *why = "ratio must be in (0, 1], or 0 for unset";
        return SUMM_E_INVALID_ARG;
    }
    if (o.flags & ~(uint32_t)KNOWN_FLAGS) {
        *why = "unknown flag bits";
        return SUMM_E_INVALID_ARG;
    }
    if (o.max_input_bytes > SUMM_MAX_INPUT_BYTES) {
        *why = "max_input_bytes is above SUMM_MAX_INPUT_BYTES";
        return SUMM_E_INVALID_ARG;
    }
    if (!(o.mmr_lambda >= 0.0 && o.mmr_lambda <= 1.0)) {
        *why = "mmr_lambda must be in (0, 1], or 0 for the default";
        return SUMM_E_INVALID_ARG;
    }
    if (!(o.position_weight >= 0.0 && o.position_weight <= 1.0)) {
        *why = "position_weight must be in [0, 1]";
        return SUMM_E_INVALID_ARG;
    }
    if (!(o.damping >= 0.0 && o.damping < 1.0)) {
        *why = "damping must be in (0, 1), or 0 for the default";
        return SUMM_E_INVALID_ARG;
    }
    if (!(o.tolerance >= 0.0 && isfinite(o.tolerance))) {
        *why = "tolerance must be finite and >= 0";
        return SUMM_E_INVALID_ARG;
    }
    if (!(o.lexrank_threshold >= 0.0 && o.lexrank_threshold < 1.0)) {
        *why = "lexrank_threshold must be in [0, 1)";
        return SUMM_E_INVALID_ARG;
    }
    if ((rc = check_words(o.cue_words, o.n_cue_words)) < 0) {
        *why = "cue_words is NULL or holds a NULL or invalid UTF-8 entry";
        return rc;
    }
    if ((rc = check_words(o.stigma_words, o.n_stigma_words)) < 0) {
        *why = "stigma_words is NULL or holds a NULL or invalid UTF-8 entry";
        return rc;
    }
    /* 0 selects each parameter's default; store the value in effect. */
    if (o.mmr_lambda == 0.0)
        o.mmr_lambda = SUMM_DEFAULT_MMR_LAMBDA;
    if (o.damping == 0.0)
        o.damping = SUMM__DEFAULT_DAMPING;
    if (o.tolerance == 0.0)
        o.tolerance = SUMM__DEFAULT_TOLERANCE;
    if (o.max_iterations == 0)
        o.max_iterations = SUMM__DEFAULT_MAX_ITERATIONS;
    if (o.max_neighbours == 0)
        o.max_neighbours = SUMM__DEFAULT_MAX_NEIGHBOURS;
    if (o.lsa_dimensions == 0)
        o.lsa_dimensions = SUMM__DEFAULT_LSA_DIMENSIONS;
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
