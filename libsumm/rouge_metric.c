/* ROUGE metric names, as the rouge-score package writes them. */
#include <libsumm/summ.h>

#include <string.h>

int summ_rouge_metric_parse(const char *name, int *metric, unsigned int *n)
{
    unsigned long v = 0;
    const char *p;
    if (!name || !metric || !n || strncmp(name, "rouge", 5) != 0)
        return SUMM_E_INVALID_ARG;
    p = name + 5;
    if (strcmp(p, "L") == 0 || strcmp(p, "Lsum") == 0) {
        *metric = p[1] ? SUMM_ROUGE_LSUM : SUMM_ROUGE_L;
        *n = 0;
        return SUMM_OK;
    }
    /* N: digits only, no leading zero, 1 to 65535. */
    if (*p < '1' || *p > '9')
        return SUMM_E_INVALID_ARG;
    for (; *p >= '0' && *p <= '9'; p++)
        if ((v = v * 10 + (unsigned long)(*p - '0')) > 65535)
            return SUMM_E_INVALID_ARG;
    if (*p)
        return SUMM_E_INVALID_ARG;
    *metric = SUMM_ROUGE_N;
    *n = (unsigned int)v;
    return SUMM_OK;
}
