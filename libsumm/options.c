/* Options: defaults per struct version and validation. */
#include "internal.h"

#include <math.h>
#include <string.h>

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
    *opts = init;
    opts->version = version;
    return SUMM_OK;
}

int summ__options_check(const summ_options *in, summ_options *out, const char **why)
{
    summ_options o;
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
        /* Version 1 is the whole struct today; later versions copy a prefix. */
        o = *in;
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
    *out = o;
    return SUMM_OK;
}
