/* The table of scoring algorithms. Adding an algorithm means writing a
 * scorer_<name>.c with one summ__score_fn and adding a row here and an enum
 * value in summ.h. */
#include "scorer.h"

#include <stdarg.h>
#include <string.h>

#include "error.h"

/* The algorithm SUMM_ALGO_DEFAULT stands for. */
#define DEFAULT_ALGORITHM SUMM_ALGO_TEXTRANK

static const summ__scorer scorers[] = {
    { SUMM_ALGO_LEAD, "lead", summ__score_lead },
    { SUMM_ALGO_TFIDF, "tfidf", summ__score_tfidf },
    { SUMM_ALGO_TEXTRANK, "textrank", summ__score_textrank },
    { SUMM_ALGO_TEXTRANK_BM25, "textrank-bm25", summ__score_textrank_bm25 },
    { SUMM_ALGO_LEXRANK, "lexrank", summ__score_lexrank },
    { SUMM_ALGO_LUHN, "luhn", summ__score_luhn },
    { SUMM_ALGO_SUMBASIC, "sumbasic", summ__score_sumbasic },
    { SUMM_ALGO_KLSUM, "kl-sum", summ__score_klsum },
    { SUMM_ALGO_LSA, "lsa", summ__score_lsa },
    { SUMM_ALGO_EDMUNDSON, "edmundson", summ__score_edmundson },
    { SUMM_ALGO_CENTROID, "centroid", summ__score_centroid },
    { SUMM_ALGO_DEGREE, "degree", summ__score_degree },
    { SUMM_ALGO_PACSUM, "pacsum", summ__score_pacsum },
    { SUMM_ALGO_ADAPTIVE, "adaptive", summ__score_adaptive },
};

#define N_SCORERS (sizeof scorers / sizeof scorers[0])

static const char *const names[] = {
    "lead", "tfidf", "textrank", "textrank-bm25", "lexrank", "luhn", "sumbasic", "kl-sum",
    "lsa", "edmundson", "centroid", "degree", "pacsum", "adaptive", NULL,
};

int summ__score_fail(const summ__score_ctx *ctx, int status, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    summ__errmsg_vformat(ctx->errmsg, fmt, ap);
    va_end(ap);
    return status;
}

int summ__algorithm_resolve(int algorithm)
{
    return algorithm == SUMM_ALGO_DEFAULT ? DEFAULT_ALGORITHM : algorithm;
}

const summ__scorer *summ__scorer_get(int algorithm)
{
    size_t i;
    algorithm = summ__algorithm_resolve(algorithm);
    for (i = 0; i < N_SCORERS; i++)
        if (scorers[i].algorithm == algorithm)
            return &scorers[i];
    return NULL;
}

static bool name_eq(const char *a, const char *b)
{
    for (; *a && *b; a++, b++) {
        char x = *a, y = *b;
        if (x >= 'A' && x <= 'Z')
            x = (char)(x - 'A' + 'a');
        if (x == '_')
            x = '-';
        if (x != y)
            return false;
    }
    return *a == *b;
}

int summ_algorithm_from_name(const char *name)
{
    size_t i;
    if (!name)
        return SUMM_E_UNKNOWN_ALGO;
    if (name_eq(name, "default"))
        return SUMM_ALGO_DEFAULT;
    for (i = 0; i < N_SCORERS; i++)
        if (name_eq(name, scorers[i].name))
            return scorers[i].algorithm;
    return SUMM_E_UNKNOWN_ALGO;
}

const char *summ_algorithm_name(int algorithm)
{
    const summ__scorer *sc = summ__scorer_get(algorithm);
    return sc ? sc->name : NULL;
}

const char *const *summ_algorithm_list(void)
{
    return names;
}
