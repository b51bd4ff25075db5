/* The summarizer object and the public entry points that run the pipeline:
 * validate -> split -> model -> score -> select -> result. */
#include "summarizer.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <libstemmer.h>

#include "alloc.h"
#include "lang.h"
#include "model.h"
#include "scorer.h"
#include "mmr.h"
#include "select.h"
#include "splitter.h"
#include "text.h"

typedef enum run_mode { RUN_SPLIT, RUN_SCORE, RUN_SUMMARIZE } run_mode;

int summ_summarizer_new(summ_summarizer **out, const summ_lang *lang, const summ_options *opts,
                        const summ_allocator *alloc)
{
    summ_allocator a;
    summ_summarizer *s;
    summ_options eff;
    char why[SUMM__WHY_SIZE];
    int rc;

    if (!out)
        return SUMM_E_INVALID_ARG;
    *out = NULL;
    if (!lang)
        return SUMM_E_INVALID_ARG;
    if ((rc = summ__options_check(opts, &eff, why, sizeof why)) < 0)
        return rc;
    summ__allocator_resolve(&a, alloc);
    s = summ__alloc(&a, sizeof *s);
    if (!s)
        return SUMM_E_NOMEM;
    memset(s, 0, sizeof *s);
    s->alloc = a;
    s->lang = lang;
    if (summ__options_own(s, &eff) < 0) {
        summ__free(&a, s, sizeof *s);
        return SUMM_E_NOMEM;
    }
    s->opts = eff;
    s->fold.alloc = &s->alloc;
    s->spans.alloc = &s->alloc;
    summ__lexicon_init(&s->lexicon, &s->alloc);
    summ__lexicon_init(&s->keyphrase_lexicon, &s->alloc);
    s->active = lang;
    if (lang->subs) {
        /* Stemmers of an "auto" language come per text, on first use. */
        size_t i;
        s->stemmers = summ__alloc(&s->alloc, lang->n_subs * sizeof *s->stemmers);
        if (!s->stemmers) {
            summ_summarizer_free(s);
            return SUMM_E_NOMEM;
        }
        for (i = 0; i < lang->n_subs; i++)
            s->stemmers[i] = NULL;
        s->n_stemmers = lang->n_subs;
    } else if (lang->info->stemmer && !(lang->flags & SUMM_LANG_NO_STEMMING)) {
        /* The language table only names algorithms libstemmer has, so a
         * NULL here means its allocation failed. */
        s->stemmer = sb_stemmer_new(lang->info->stemmer, "UTF_8");
        if (!s->stemmer) {
            summ_summarizer_free(s);
            return SUMM_E_NOMEM;
        }
    }
    *out = s;
    return SUMM_OK;
}

void summ_summarizer_free(summ_summarizer *s)
{
    summ_allocator a;
    if (!s)
        return;
    a = s->alloc;
    if (s->stemmers) {
        size_t i;
        for (i = 0; i < s->n_stemmers; i++)
            if (s->stemmers[i])
                sb_stemmer_delete(s->stemmers[i]);
        summ__free(&a, s->stemmers, s->n_stemmers * sizeof *s->stemmers);
    } else if (s->stemmer) {
        sb_stemmer_delete(s->stemmer);
    }
    summ__fold_buf_dispose(&s->fold);
    summ__span_vec_dispose(&s->spans);
    summ__model_dispose(&s->model, &a);
    summ__lexicon_dispose(&s->lexicon);
    summ__lexicon_dispose(&s->keyphrase_lexicon);
    summ__free(&a, s->scores, s->scores_cap * sizeof *s->scores);
    summ__free(&a, s->order, s->order_cap * sizeof *s->order);
    summ__free(&a, s->selected, s->selected_cap * sizeof *s->selected);
    summ__free(&a, s->words_block, s->words_block_size);
    summ__free(&a, s, sizeof *s);
}

int summ_summarizer_set_options(summ_summarizer *s, const summ_options *opts)
{
    summ_options eff;
    char why[SUMM__WHY_SIZE];
    int rc;
    if (!s || !opts)
        return SUMM_E_INVALID_ARG;
    s->errmsg[0] = '\0';
    if ((rc = summ__options_check(opts, &eff, why, sizeof why)) < 0)
        return summ__fail(s, rc, "%s", why);
    if ((rc = summ__options_own(s, &eff)) < 0)
        return summ__fail(s, rc, "no memory for the cue and stigma words");
    s->opts = eff;
    return SUMM_OK;
}

int summ_summarizer_get_options(const summ_summarizer *s, summ_options *out)
{
    unsigned int v;
    if (!s || !out)
        return SUMM_E_INVALID_ARG;
    v = out->version;
    if (v == 0)
        return SUMM_E_INVALID_ARG;
    if (v > SUMM_OPTIONS_VERSION)
        return SUMM_E_VERSION;
    /* An older caller's struct is a prefix of ours. */
    memcpy(out, &s->opts, summ__options_size(v));
    out->version = v;
    /* Before version 3, 0 was how a struct said "no lead bias". */
    if (v < 3 && out->position_weight == SUMM_OFF)
        out->position_weight = 0.0;
    return SUMM_OK;
}

const char *summ_summarizer_errmsg(const summ_summarizer *s)
{
    return s ? s->errmsg : "invalid argument: NULL summarizer";
}

static int fail_status(summ_summarizer *s, int rc)
{
    if (s->errmsg[0] == '\0')
        summ__fail(s, rc, "%s", summ_strerror(rc));
    return rc;
}

/* For an "auto" language: detects the language of the text and makes its
 * resources (and stemmer) current. */
static int resolve_language(summ_summarizer *s, const char *text, size_t len)
{
    const summ__lang_info *info;
    const summ_lang *sub;
    size_t i;
    int rc;

    if (!s->lang->subs) {
        s->active = s->lang;
        return SUMM_OK;
    }
    if ((rc = summ__detect(text ? text : "", len, &s->fold, &info)) < 0)
        return rc;
    i = summ__lang_index(info);
    sub = s->lang->subs[i];
    s->active = sub;
    s->stemmer = NULL;
    if (sub->info->stemmer && !(sub->flags & SUMM_LANG_NO_STEMMING)) {
        if (!s->stemmers[i]) {
            s->stemmers[i] = sb_stemmer_new(sub->info->stemmer, "UTF_8");
            if (!s->stemmers[i])
                return SUMM_E_NOMEM;
        }
        s->stemmer = s->stemmers[i];
    }
    return SUMM_OK;
}

static int grow_work(summ_summarizer *s, size_t n)
{
    void *p;
    int rc;
    p = s->scores;
    if ((rc = summ__grow(&s->alloc, &p, &s->scores_cap, n, sizeof *s->scores)) < 0)
        return rc;
    s->scores = p;
    p = s->order;
    if ((rc = summ__grow(&s->alloc, &p, &s->order_cap, n, sizeof *s->order)) < 0)
        return rc;
    s->order = p;
    p = s->selected;
    if ((rc = summ__grow(&s->alloc, &p, &s->selected_cap, n, sizeof *s->selected)) < 0)
        return rc;
    s->selected = p;
    return SUMM_OK;
}

/* What a scorer may read of s, and where its message goes. */
static void score_ctx_init(summ__score_ctx *ctx, summ_summarizer *s)
{
    ctx->model = &s->model;
    ctx->opts = &s->opts;
    ctx->alloc = &s->alloc;
    ctx->lexicon = &s->lexicon;
    ctx->fold = &s->fold;
    ctx->errmsg = s->errmsg;
    ctx->explain = NULL; /* set by the caller */
}

int summ__begin_text(summ_summarizer *s, const char *text, size_t len)
{
    size_t limit, bad;
    int rc;

    s->errmsg[0] = '\0';
    if (!text && len)
        return summ__fail(s, SUMM_E_INVALID_ARG, "text is NULL but len is %zu", len);
    limit = s->opts.max_input_bytes ? s->opts.max_input_bytes : SUMM_DEFAULT_MAX_INPUT_BYTES;
    if (len > limit)
        return summ__fail(s, SUMM_E_TOO_LARGE,
                          "input of %zu bytes is over the limit of %zu bytes", len, limit);
    if (!(s->opts.flags & SUMM_FLAG_LENIENT_UTF8) && !summ__utf8_valid(text, len, &bad))
        return summ__fail(s, SUMM_E_INVALID_UTF8, "invalid UTF-8 at byte %zu", bad);
    if ((rc = resolve_language(s, text, len)) < 0)
        return fail_status(s, rc);
    return SUMM_OK;
}

static int run(summ_summarizer *s, const char *text, size_t len, summ_result *out, run_mode mode)
{
    size_t i, n;
    const summ__scorer *scorer;
    summ__score_ctx ctx;
    summ_explain explain;
    int rc;

    if (!s || !out)
        return SUMM_E_INVALID_ARG;
    out->count = 0;
    out->sentence_total = 0;
    out->language = s->lang->info->code;
    memset(&out->explain, 0, sizeof out->explain);
    out->explain.version = SUMM_EXPLAIN_VERSION;
    out->explain.algorithm = SUMM_ALGO_DEFAULT;
    if ((rc = summ__begin_text(s, text, len)) < 0)
        return rc;
    out->language = s->active->info->code;

    s->spans.len = 0;
    if ((rc = summ__split(s->active, text, len, (s->opts.flags & SUMM_FLAG_LENIENT_UTF8) != 0,
                          &s->spans)) < 0)
        return fail_status(s, rc);
    n = s->spans.len;
    if (n > UINT32_MAX)
        return summ__fail(s, SUMM_E_TOO_LARGE, "more than %u sentences", (unsigned)UINT32_MAX);
    for (i = 0; i < n; i++)
        s->spans.items[i].sentence = (uint32_t)i;

    if (mode == RUN_SPLIT || n == 0) {
        if ((rc = summ__result_reserve(out, n)) < 0)
            return fail_status(s, rc);
        if (n)
            memcpy(out->spans, s->spans.items, n * sizeof *out->spans);
        out->count = mode == RUN_SPLIT ? n : 0;
        out->sentence_total = n;
        return SUMM_OK;
    }

    scorer = summ__scorer_get(s->opts.algorithm);
    if (!scorer) /* options are checked on the way in */
        return summ__fail(s, SUMM_E_INTERNAL, "no scorer for algorithm %d", s->opts.algorithm);
    if ((rc = summ__model_build(s, text)) < 0)
        return fail_status(s, rc);
    if ((rc = grow_work(s, n)) < 0)
        return fail_status(s, rc);
    score_ctx_init(&ctx, s);
    memset(&explain, 0, sizeof explain);
    explain.version = SUMM_EXPLAIN_VERSION;
    explain.algorithm = scorer->algorithm;
    ctx.explain = &explain;
    if ((rc = scorer->score(&ctx, s->scores)) < 0)
        return fail_status(s, rc);
    out->explain = explain;
    for (i = 0; i < n; i++)
        if (!isfinite(s->scores[i]))
            s->scores[i] = 0.0;
    summ__position_prior(&s->opts, n, s->scores);

    if (mode == RUN_SCORE) {
        if ((rc = summ__result_reserve(out, n)) < 0)
            return fail_status(s, rc);
        for (i = 0; i < n; i++) {
            out->spans[i] = s->spans.items[i];
            out->spans[i].score = s->scores[i];
        }
        out->count = n;
    } else {
        size_t k;
        if (s->opts.mmr_lambda < 1.0)
            rc = summ__select_mmr(&s->model, s->scores, &s->opts, &s->alloc, s->order,
                                  s->selected, &k);
        else
            rc = summ__select(&s->model, s->scores, &s->opts, s->order, s->selected, &k);
        if (rc < 0)
            return fail_status(s, rc);
        if ((rc = summ__result_reserve(out, k)) < 0)
            return fail_status(s, rc);
        for (i = 0; i < k; i++) {
            out->spans[i] = s->spans.items[s->selected[i]];
            out->spans[i].score = s->scores[s->selected[i]];
        }
        out->count = k;
    }
    out->sentence_total = n;
    return SUMM_OK;
}

int summ_summarize(summ_summarizer *s, const char *text, size_t len, summ_result *out)
{
    return run(s, text, len, out, RUN_SUMMARIZE);
}

int summ_split_sentences(summ_summarizer *s, const char *text, size_t len, summ_result *out)
{
    return run(s, text, len, out, RUN_SPLIT);
}

int summ_score_sentences(summ_summarizer *s, const char *text, size_t len, summ_result *out)
{
    return run(s, text, len, out, RUN_SCORE);
}

static bool is_auto(const char *code)
{
    static const char word[] = "auto";
    size_t i;
    for (i = 0; i < sizeof word; i++) {
        char c = code[i];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c - 'A' + 'a');
        if (c != word[i])
            return false;
    }
    return true;
}

int summ_summarize_text(summ_span **spans_out, size_t *count_out, const char **lang_out,
                        const char *lang_code, const char *text, size_t len,
                        const summ_options *opts)
{
    summ_lang *lang = NULL;
    summ_summarizer *s = NULL;
    summ_result *r = NULL;
    summ_span *copy = NULL;
    size_t n = 0;
    int rc;

    if (!spans_out || !count_out)
        return SUMM_E_INVALID_ARG;
    *spans_out = NULL;
    *count_out = 0;
    if (lang_out)
        *lang_out = "";
    /* "auto" for one text is that text's language: detect it first and
     * build only its resources, not every language's. */
    if (!lang_code || is_auto(lang_code)) {
        if ((rc = summ_detect_language(&lang_code, text, len, NULL)) < 0)
            goto out;
    }
    if ((rc = summ_lang_new(&lang, lang_code, NULL)) < 0)
        goto out;
    if ((rc = summ_summarizer_new(&s, lang, opts, NULL)) < 0)
        goto out;
    if ((rc = summ_result_new(&r, NULL)) < 0)
        goto out;
    if ((rc = summ_summarize(s, text, len, r)) < 0)
        goto out;
    n = summ_result_count(r);
    if (n) {
        /* Plain malloc: summ_free() releases it. */
        copy = malloc(n * sizeof *copy);
        if (!copy) {
            rc = SUMM_E_NOMEM;
            goto out;
        }
        memcpy(copy, summ_result_spans(r), n * sizeof *copy);
    }
    *spans_out = copy;
    *count_out = n;
    if (lang_out)
        *lang_out = summ_result_language(r);
out:
    summ_result_free(r);
    summ_summarizer_free(s);
    summ_lang_free(lang);
    return rc;
}
