/* Results: a reusable array of spans, owned by the caller. */
#include "summarizer.h"

#include <string.h>

#include "alloc.h"

int summ_result_new(summ_result **out, const summ_allocator *alloc)
{
    summ_allocator a;
    summ_result *r;
    if (!out)
        return SUMM_E_INVALID_ARG;
    summ__allocator_resolve(&a, alloc);
    r = summ__alloc(&a, sizeof *r);
    *out = r;
    if (!r)
        return SUMM_E_NOMEM;
    memset(r, 0, sizeof *r);
    r->alloc = a;
    r->language = "";
    r->explain.version = SUMM_EXPLAIN_VERSION;
    return SUMM_OK;
}

void summ_result_free(summ_result *r)
{
    summ_allocator a;
    if (!r)
        return;
    a = r->alloc;
    summ__free(&a, r->spans, r->cap * sizeof *r->spans);
    summ__free(&a, r, sizeof *r);
}

size_t summ_result_count(const summ_result *r)
{
    return r ? r->count : 0;
}

const summ_span *summ_result_spans(const summ_result *r)
{
    return r && r->count ? r->spans : NULL;
}

const char *summ_result_language(const summ_result *r)
{
    return r ? r->language : "";
}

size_t summ_result_sentence_total(const summ_result *r)
{
    return r ? r->sentence_total : 0;
}

int summ_result_explain(const summ_result *r, summ_explain *out)
{
    unsigned int v;
    if (!r || !out || out->version == 0)
        return SUMM_E_INVALID_ARG;
    if (out->version > SUMM_EXPLAIN_VERSION)
        return SUMM_E_VERSION;
    v = out->version;
    *out = r->explain;
    out->version = v;
    return SUMM_OK;
}

int summ__result_reserve(summ_result *r, size_t n)
{
    void *p = r->spans;
    int rc = summ__grow(&r->alloc, &p, &r->cap, n, sizeof *r->spans);
    if (rc == SUMM_OK)
        r->spans = p;
    return rc;
}
