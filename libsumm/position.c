/* The lead bias of opts->position_weight, applied to any scorer's scores. */
#include "scorer.h"

#include <math.h>

void summ__position_prior(const summ_options *opts, size_t n, double *scores)
{
    double w = opts->position_weight, lo, hi;
    size_t i;
    if (w <= 0.0 || n == 0)
        return;
    lo = hi = scores[0];
    for (i = 1; i < n; i++) {
        if (scores[i] < lo)
            lo = scores[i];
        if (scores[i] > hi)
            hi = scores[i];
    }
    for (i = 0; i < n; i++) {
        double norm = hi > lo ? (scores[i] - lo) / (hi - lo) : 0.0;
        scores[i] = (1.0 - w) * norm + w / sqrt(1.0 + (double)i);
    }
}
