/*
 * The rows of the option table, one per summ_options field, and the public
 * functions that show them. To add an option: append its field to
 * summ_options (summ.h), append a row here, and read the field where it
 * takes effect; validation, defaults, summ_options_set() and the CLI, Python
 * and Lua front ends follow from the row.
 */
#include "option_table.h"

#include <math.h>
#include <stddef.h>
#include <string.h>

#define FIELD(f) offsetof(summ_options, f), sizeof(((summ_options *)0)->f)
#define NO_OFF NULL, 0.0

/* Bounds: [lo, hi] with the open flags; "0 = default" is accepted besides. */
#define UINT_ROW(name, group, f, value, lo, hi, def, def_text, since, doc)          \
    { { name, SUMM_OPTION_UINT, group, doc, value, lo, hi, 0, 0, def, def_text,      \
        NO_OFF, since, NULL }, FIELD(f), 0, 0 }
#define REAL_ROW(name, group, f, value, lo, lo_open, hi, hi_open, def, def_text, off_text, \
                 off_value, since, doc)                                                \
    { { name, SUMM_OPTION_REAL, group, doc, value, lo, hi, lo_open, hi_open, def,       \
        def_text, off_text, off_value, since, NULL }, FIELD(f), 0, 0 }
#define BOOL_ROW(name, group, bit, since, doc)                                       \
    { { name, SUMM_OPTION_BOOL, group, doc, NULL, 0, 1, 0, 0, 0, "off", NO_OFF,       \
        since, NULL }, FIELD(flags), bit, 0 }
#define WORDS_ROW(name, group, f, count, since, doc)                                 \
    { { name, SUMM_OPTION_WORDS, group, doc, "WORDS", 0, 0, 0, 0, 0, "none", NO_OFF, \
        since, NULL }, FIELD(f), 0, offsetof(summ_options, count) }
/* choices: a NULL-terminated array whose entry 0 is "default". */
#define CHOICE_ROW(name, group, f, value, choices, def_text, since, doc)             \
    { { name, SUMM_OPTION_CHOICE, group, doc, value, 0, 0, 0, 0, 0, def_text, NO_OFF, \
        since, choices }, FIELD(f), 0, 0 }

#define U32_MAX_D 4294967295.0

/* Indexed by summ_keyphrase_algorithm. */
static const char *const keyphrase_algorithms[] = { "default", "textrank", "positionrank",
                                                    NULL };
#define INPUT_MAX_D ((double)SUMM_MAX_INPUT_BYTES)

static const summ__option rows[] = {
    /* The length budget. */
    UINT_ROW("sentences", "budget", max_sentences, "N", 1, U32_MAX_D, 0, "unset", 1,
             "at most N sentences"),
    REAL_ROW("ratio", "budget", ratio, "R", 0, 1, 1, 0, 0, "unset (0.2 when no budget is set)",
             NULL, 0.0, 1, "at most this share of the sentences, at least one (0.1 or 10%)"),
    UINT_ROW("words", "budget", max_words, "N", 1, U32_MAX_D, 0, "unset", 1,
             "at most N words in the summary"),
    UINT_ROW("bytes", "budget", max_bytes, "N", 1, INPUT_MAX_D, 0, "unset", 1,
             "at most N bytes of sentence text"),
    /* How sentences are scored and picked. */
    { { "algorithm", SUMM_OPTION_ALGORITHM, "method",
        "scoring algorithm (see the algorithm list)", "NAME", 0, 0, 0, 0, 0, "textrank",
        NULL, 0.0, 1, NULL }, FIELD(algorithm), 0, 0 },
    REAL_ROW("mmr_lambda", "method", mmr_lambda, "LAMBDA", 0, 1, 1, 0, SUMM_DEFAULT_MMR_LAMBDA,
             "1 (off)", "off", 1.0, 2,
             "redundancy control: lower picks fewer sentences like those already picked"),
    REAL_ROW("position_weight", "method", position_weight, "W", 0, 1, 1, 0,
             SUMM_DEFAULT_POSITION_WEIGHT, "0.25", "off", SUMM_OFF, 2,
             "lead bias: mix the scores with a prior favouring early sentences"),
    UINT_ROW("min_sentence_words", "method", min_sentence_words, "N", 1, U32_MAX_D, 0,
             "none", 3, "never pick a sentence of fewer than N words"),
    /* Parameters of some algorithms. */
    REAL_ROW("damping", "algorithm", damping, "D", 0, 1, 1, 1, 0.85, "0.85", NULL, 0.0, 2,
             "PageRank damping (textrank, textrank-bm25, lexrank)"),
    REAL_ROW("tolerance", "algorithm", tolerance, "T", 0, 1, INFINITY, 1, 1e-6, "1e-06", NULL, 0.0,
             2, "PageRank stops when the scores change by less than this"),
    UINT_ROW("max_iterations", "algorithm", max_iterations, "N", 1, U32_MAX_D, 100, "100", 2,
             "cap on PageRank and LSA power iterations"),
    REAL_ROW("lexrank_threshold", "algorithm", lexrank_threshold, "T", 0, 1, 1, 1, 0,
             "continuous", NULL, 0.0, 2,
             "lexrank: link sentences whose similarity is at least T"),
    UINT_ROW("max_neighbours", "algorithm", max_neighbours, "N", 1, U32_MAX_D, 32, "32", 2,
             "similarity graphs keep each sentence's N strongest links"),
    UINT_ROW("lsa_dimensions", "algorithm", lsa_dimensions, "N", 1, U32_MAX_D, 3, "3", 2,
             "lsa: latent topics used"),
    REAL_ROW("lede_weight", "algorithm", lede_weight, "W", 0, 1, 1, 0, 0,
             "unset (chosen per text)", "off", SUMM_OFF, 5,
             "adaptive: share of the lede-seeking score (pacsum) in its mix with textrank"),
    WORDS_ROW("cue_words", "algorithm", cue_words, n_cue_words, 2,
              "edmundson: bonus words"),
    WORDS_ROW("stigma_words", "algorithm", stigma_words, n_stigma_words, 2,
              "edmundson: stigma words"),
    /* Keyphrases (summ_extract_keyphrases). */
    CHOICE_ROW("keyphrase_algorithm", "keyphrases", keyphrase_algorithm, "NAME",
               keyphrase_algorithms, "textrank", 4,
               "keyphrases: how words are ranked (positionrank favours early words)"),
    UINT_ROW("keyphrase_window", "keyphrases", keyphrase_window, "N", 2, 64,
             SUMM_DEFAULT_KEYPHRASE_WINDOW, "3", 4,
             "keyphrases: words co-occur when at most N content words apart"),
    /* Reading the input. */
    BOOL_ROW("lenient", "input", SUMM_FLAG_LENIENT_UTF8, 1,
             "treat invalid UTF-8 bytes as spaces instead of failing"),
    BOOL_ROW("no_stemming", "input", SUMM_FLAG_NO_STEMMING, 1, "match words without stemming"),
    BOOL_ROW("keep_stopwords", "input", SUMM_FLAG_KEEP_STOPWORDS, 1,
             "count stopwords as content words"),
    UINT_ROW("max_input_bytes", "input", max_input_bytes, "N", 1, INPUT_MAX_D,
             (double)SUMM_DEFAULT_MAX_INPUT_BYTES, "268435456 (256 MiB)", 1,
             "refuse inputs over N bytes"),
    /* The result. */
    BOOL_ROW("score_order", "output", SUMM_FLAG_SCORE_ORDER, 1,
             "order sentences by score instead of document order"),
};

#define N_ROWS (sizeof rows / sizeof rows[0])

size_t summ__option_count(void)
{
    return N_ROWS;
}

const summ__option *summ__option_row(size_t i)
{
    return i < N_ROWS ? &rows[i] : NULL;
}

/* Names compare case-insensitively, with '-' for '_' (the CLI's spelling). */
static bool name_eq(const char *typed, const char *name)
{
    for (; *typed && *name; typed++, name++) {
        char c = *typed;
        if (c >= 'A' && c <= 'Z')
            c = (char)(c - 'A' + 'a');
        if (c == '-')
            c = '_';
        if (c != *name)
            return false;
    }
    return *typed == *name;
}

const summ__option *summ__option_lookup(const char *name)
{
    size_t i;
    if (!name)
        return NULL;
    for (i = 0; i < N_ROWS; i++)
        if (name_eq(name, rows[i].info.name))
            return &rows[i];
    return NULL;
}

size_t summ_option_count(void)
{
    return N_ROWS;
}

const summ_option_info *summ_option_at(size_t i)
{
    return i < N_ROWS ? &rows[i].info : NULL;
}

const summ_option_info *summ_option_find(const char *name)
{
    const summ__option *row = summ__option_lookup(name);
    return row ? &row->info : NULL;
}
