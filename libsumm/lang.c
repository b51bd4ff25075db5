/* Built-in languages: codes, stemmer names, stopword and abbreviation tables. */
#include "internal.h"

#include <string.h>

#include "data/stopwords.inc"

/* Titles and other abbreviations share one table in a language object: the
 * map value says which kind a word is. */
#define ABBR_ORDINARY 1u
#define ABBR_TITLE 2u

static const summ__lang_info languages[] = {
    { "en", "eng", "english", "english", stopwords_english },
};

#define N_LANGUAGES (sizeof languages / sizeof languages[0])

static const char *const language_codes[] = { "en", NULL };

const char *const *summ_lang_list(void)
{
    return language_codes;
}

/* ASCII-only case-insensitive compare: codes and names are ASCII. */
static bool ascii_ieq(const char *a, const char *b)
{
    for (; *a && *b; a++, b++) {
        char x = *a, y = *b;
        if (x >= 'A' && x <= 'Z')
            x = (char)(x - 'A' + 'a');
        if (y >= 'A' && y <= 'Z')
            y = (char)(y - 'A' + 'a');
        if (x != y)
            return false;
    }
    return *a == *b;
}

const summ__lang_info *summ__lang_lookup(const char *code)
{
    size_t i;
    for (i = 0; i < N_LANGUAGES; i++) {
        const summ__lang_info *l = &languages[i];
        if (ascii_ieq(code, l->code) || ascii_ieq(code, l->code3) || ascii_ieq(code, l->name))
            return l;
    }
    return NULL;
}

int summ_lang_config_init(summ_lang_config *cfg, unsigned int version)
{
    const summ_lang_config init = SUMM_LANG_CONFIG_INIT;
    if (!cfg || version == 0)
        return SUMM_E_INVALID_ARG;
    if (version > SUMM_LANG_CONFIG_VERSION)
        return SUMM_E_VERSION;
    *cfg = init;
    cfg->version = version;
    return SUMM_OK;
}

/* Adds words to a map in folded form; abbreviations lose a final period. */
static int add_words(summ__strmap *map, summ__fold_buf *fold, const char *const *words,
                     size_t n, bool strip_period, uint32_t value)
{
    size_t i;
    for (i = 0; i < n; i++) {
        const char *w = words[i];
        size_t len;
        int rc;
        if (!w)
            return SUMM_E_INVALID_ARG;
        len = strlen(w);
        if (!summ__utf8_valid(w, len, NULL))
            return SUMM_E_INVALID_UTF8;
        if ((rc = summ__fold(w, len, fold)) < 0)
            return rc;
        len = fold->len;
        if (strip_period && len > 0 && fold->bytes[len - 1] == '.')
            len--;
        if (len == 0)
            continue;
        if ((rc = summ__strmap_intern(map, fold->bytes, len, value, NULL, NULL)) < 0)
            return rc;
    }
    return SUMM_OK;
}

static size_t count_list(const char *const *list)
{
    size_t n = 0;
    while (list && list[n])
        n++;
    return n;
}

int summ_lang_new_ex(summ_lang **out, const char *code, const summ_lang_config *cfg,
                     const summ_allocator *alloc)
{
    summ_allocator a;
    summ_lang *lang;
    const summ__lang_info *info;
    const char *const *abbrevs, *const *titles;
    summ__fold_buf fold;
    int rc;

    if (!out)
        return SUMM_E_INVALID_ARG;
    *out = NULL;
    if (!code)
        return SUMM_E_INVALID_ARG;
    if (cfg) {
        if (cfg->version == 0)
            return SUMM_E_INVALID_ARG;
        if (cfg->version > SUMM_LANG_CONFIG_VERSION)
            return SUMM_E_VERSION;
        if ((cfg->n_extra_stopwords && !cfg->extra_stopwords) ||
            (cfg->n_extra_abbreviations && !cfg->extra_abbreviations))
            return SUMM_E_INVALID_ARG;
        if (cfg->flags & ~(SUMM_LANG_NO_STEMMING | SUMM_LANG_NO_STOPWORDS))
            return SUMM_E_INVALID_ARG;
    }
    info = summ__lang_lookup(code);
    if (!info)
        return SUMM_E_UNKNOWN_LANG;
    summ__abbreviations(info->code, &abbrevs, &titles);

    summ__allocator_resolve(&a, alloc);
    lang = summ__alloc(&a, sizeof *lang);
    if (!lang)
        return SUMM_E_NOMEM;
    memset(lang, 0, sizeof *lang);
    lang->alloc = a;
    lang->info = info;
    lang->flags = cfg ? cfg->flags : 0;
    summ__strmap_init(&lang->stopwords, &lang->alloc);
    summ__strmap_init(&lang->abbreviations, &lang->alloc);

    memset(&fold, 0, sizeof fold);
    fold.alloc = &lang->alloc;
    if (!(lang->flags & SUMM_LANG_NO_STOPWORDS)) {
        rc = add_words(&lang->stopwords, &fold, info->stopwords, count_list(info->stopwords),
                       false, 1);
        if (rc < 0)
            goto fail;
    }
    rc = add_words(&lang->abbreviations, &fold, abbrevs, count_list(abbrevs), true,
                   ABBR_ORDINARY);
    if (rc < 0)
        goto fail;
    rc = add_words(&lang->abbreviations, &fold, titles, count_list(titles), true, ABBR_TITLE);
    if (rc < 0)
        goto fail;
    if (cfg) {
        rc = add_words(&lang->stopwords, &fold, cfg->extra_stopwords, cfg->n_extra_stopwords,
                       false, 1);
        if (rc < 0)
            goto fail;
        /* Caller-supplied abbreviations act like titles: they never end a
         * sentence, which is what a caller adding "approx." expects. */
        rc = add_words(&lang->abbreviations, &fold, cfg->extra_abbreviations,
                       cfg->n_extra_abbreviations, true, ABBR_TITLE);
        if (rc < 0)
            goto fail;
    }
    summ__fold_buf_dispose(&fold);
    *out = lang;
    return SUMM_OK;

fail:
    summ__fold_buf_dispose(&fold);
    summ_lang_free(lang);
    return rc;
}

int summ_lang_new(summ_lang **out, const char *code, const summ_allocator *alloc)
{
    return summ_lang_new_ex(out, code, NULL, alloc);
}

void summ_lang_free(summ_lang *lang)
{
    summ_allocator a;
    if (!lang)
        return;
    a = lang->alloc;
    summ__strmap_dispose(&lang->stopwords);
    summ__strmap_dispose(&lang->abbreviations);
    summ__free(&a, lang, sizeof *lang);
}

const char *summ_lang_code(const summ_lang *lang)
{
    return lang ? lang->info->code : NULL;
}

const char *summ_lang_name(const summ_lang *lang)
{
    return lang ? lang->info->name : NULL;
}

int summ_lang_is_stopword(const summ_lang *lang, const char *word, size_t len)
{
    summ__fold_buf fold;
    int found = 0;

    if (!lang || (!word && len))
        return 0;
    /* Folding needs scratch memory: the language's allocator provides it. */
    memset(&fold, 0, sizeof fold);
    fold.alloc = &lang->alloc;
    if (summ__utf8_valid(word, len, NULL) && summ__fold(word, len, &fold) == SUMM_OK)
        found = summ__strmap_get(&lang->stopwords, fold.bytes, fold.len, NULL);
    summ__fold_buf_dispose(&fold);
    return found;
}

bool summ__lang_is_abbreviation(const summ_lang *lang, const char *word, size_t len)
{
    return summ__strmap_get(&lang->abbreviations, word, len, NULL);
}

bool summ__lang_is_title(const summ_lang *lang, const char *word, size_t len)
{
    uint32_t v;
    return summ__strmap_get(&lang->abbreviations, word, len, &v) && v == ABBR_TITLE;
}
