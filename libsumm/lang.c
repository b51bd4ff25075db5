/* Built-in languages: codes, stemmer names, stopword and abbreviation tables. */
#include "lang.h"

#include <string.h>

#include "alloc.h"
#include "strmap.h"
#include "text.h"

#include "data/stopwords.inc"

/* Titles and other abbreviations share one table in a language object: the
 * map value says which kind a word is. */
#define ABBR_ORDINARY 1u
#define ABBR_TITLE 2u

/* The built-in languages. The stemmer is a libstemmer algorithm name (every
 * one of them is here), NULL where libstemmer has none. Chinese, Japanese,
 * Korean, Thai and Burmese have no stemmer: the tokenizer cuts their text
 * into character bigrams. Nor do the languages Snowball has no algorithm
 * for (Amharic, Bulgarian, Czech, Kazakh, Marathi, Persian, Polish,
 * Slovak, Ukrainian, Urdu): their words are matched unstemmed. "und" is the
 * fallback for any other language: words by Unicode category, no stemming,
 * no stopwords. Tamil, Yiddish, Amharic and Burmese have no stopword list. "en-porter" is English with the original Porter stemmer
 * instead of Snowball's English (Porter2). */
static const char *const no_words[] = { NULL };

static const summ__lang_info languages[] = {
    { "en", "eng", "english", "english", stopwords_english },
    { "am", "amh", "amharic", NULL, no_words },
    { "ar", "ara", "arabic", "arabic", stopwords_arabic },
    { "hy", "hye", "armenian", "armenian", stopwords_armenian },
    { "eu", "eus", "basque", "basque", stopwords_basque },
    { "bg", "bul", "bulgarian", NULL, stopwords_bulgarian },
    { "my", "mya", "burmese", NULL, no_words },
    { "ca", "cat", "catalan", "catalan", stopwords_catalan },
    { "zh", "zho", "chinese", NULL, stopwords_chinese },
    { "cs", "ces", "czech", NULL, stopwords_czech },
    { "da", "dan", "danish", "danish", stopwords_danish },
    { "nl", "nld", "dutch", "dutch", stopwords_dutch },
    { "fi", "fin", "finnish", "finnish", stopwords_finnish },
    { "fr", "fra", "french", "french", stopwords_french },
    { "de", "deu", "german", "german", stopwords_german },
    { "el", "ell", "greek", "greek", stopwords_greek },
    { "hi", "hin", "hindi", "hindi", stopwords_hindi },
    { "hu", "hun", "hungarian", "hungarian", stopwords_hungarian },
    { "id", "ind", "indonesian", "indonesian", stopwords_indonesian },
    { "ga", "gle", "irish", "irish", stopwords_irish },
    { "it", "ita", "italian", "italian", stopwords_italian },
    { "ja", "jpn", "japanese", NULL, stopwords_japanese },
    { "kk", "kaz", "kazakh", NULL, stopwords_kazakh },
    { "ko", "kor", "korean", NULL, stopwords_korean },
    { "lt", "lit", "lithuanian", "lithuanian", stopwords_lithuanian },
    { "mr", "mar", "marathi", NULL, stopwords_marathi },
    { "ne", "nep", "nepali", "nepali", stopwords_nepali },
    { "no", "nor", "norwegian", "norwegian", stopwords_norwegian },
    { "fa", "fas", "persian", NULL, stopwords_persian },
    { "pl", "pol", "polish", NULL, stopwords_polish },
    { "pt", "por", "portuguese", "portuguese", stopwords_portuguese },
    { "ro", "ron", "romanian", "romanian", stopwords_romanian },
    { "ru", "rus", "russian", "russian", stopwords_russian },
    { "sr", "srp", "serbian", "serbian", stopwords_serbian },
    { "sk", "slk", "slovak", NULL, stopwords_slovak },
    { "es", "spa", "spanish", "spanish", stopwords_spanish },
    { "sv", "swe", "swedish", "swedish", stopwords_swedish },
    { "ta", "tam", "tamil", "tamil", no_words },
    { "th", "tha", "thai", NULL, stopwords_thai },
    { "tr", "tur", "turkish", "turkish", stopwords_turkish },
    { "uk", "ukr", "ukrainian", NULL, stopwords_ukrainian },
    { "ur", "urd", "urdu", NULL, stopwords_urdu },
    { "yi", "yid", "yiddish", "yiddish", no_words },
    /* Code "en": the splitter and the abbreviation tables key on it, and
     * the text is English. "en-porter" reaches it as an alias. */
    { "en", NULL, "porter", "porter", stopwords_english },
    { "und", NULL, "undetermined", NULL, no_words },
};

#define N_LANGUAGES (sizeof languages / sizeof languages[0])

/* "auto" is not a language of its own: it stands for one sub-language per
 * entry of the table above, chosen per text. */
static const summ__lang_info auto_info = { "auto", NULL, "auto", NULL, no_words };

static const char *const language_codes[] = {
    "en", "am", "ar", "hy", "eu", "bg", "my", "ca", "zh", "cs", "da", "nl",
    "fi", "fr", "de", "el", "hi", "hu", "id", "ga", "it", "ja", "kk", "ko",
    "lt", "mr", "ne", "no", "fa", "pl", "pt", "ro", "ru", "sr", "sk", "es",
    "sv", "ta", "th", "tr", "uk", "ur", "yi", "en-porter", "und", NULL,
};

const char *const *summ_lang_list(void)
{
    return language_codes;
}

size_t summ__lang_count(void)
{
    return N_LANGUAGES;
}

const summ__lang_info *summ__lang_at(size_t i)
{
    return i < N_LANGUAGES ? &languages[i] : NULL;
}

size_t summ__lang_index(const summ__lang_info *info)
{
    return (size_t)(info - languages);
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

/* Other codes in common use for a language of the table. */
static const struct {
    const char *alias, *code;
} aliases[] = {
    { "en-porter", "porter" },
    { "nb", "no" },  /* Norwegian Bokmål: what the Norwegian stemmer and list cover */
    { "nob", "no" },
    { "zxx", "und" }, /* "no linguistic content" */
};

const summ__lang_info *summ__lang_lookup(const char *code)
{
    size_t i;
    for (i = 0; i < sizeof aliases / sizeof aliases[0]; i++)
        if (ascii_ieq(code, aliases[i].alias))
            code = aliases[i].code;
    for (i = 0; i < N_LANGUAGES; i++) {
        const summ__lang_info *l = &languages[i];
        if (ascii_ieq(code, l->code) || (l->code3 && ascii_ieq(code, l->code3)) ||
            ascii_ieq(code, l->name))
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

/* Builds one language object for a table entry (or for "auto", whose maps
 * hold only the caller's words). */
static int lang_create(summ_lang **out, const summ__lang_info *info, const summ_lang_config *cfg,
                       const summ_allocator *a)
{
    summ_lang *lang;
    const char *const *abbrevs, *const *titles;
    summ__fold_buf fold;
    int rc;

    summ__abbreviations(info->code, &abbrevs, &titles);
    lang = summ__alloc(a, sizeof *lang);
    if (!lang)
        return SUMM_E_NOMEM;
    memset(lang, 0, sizeof *lang);
    lang->alloc = *a;
    lang->info = info;
    lang->flags = cfg ? cfg->flags : 0;
    lang->stem_english_fast = info->stemmer && strcmp(info->stemmer, "english") == 0 &&
                              !(lang->flags & SUMM_LANG_NO_STEMMING) &&
                              summ__stem_english_agrees();
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

/* "auto": one sub-language per table entry, built now so that the object
 * stays immutable (and shareable) once returned. */
static int lang_create_auto(summ_lang **out, const summ_lang_config *cfg, const summ_allocator *a)
{
    summ_lang *lang;
    size_t i;
    int rc;

    if ((rc = lang_create(&lang, &auto_info, cfg, a)) < 0)
        return rc;
    lang->subs = summ__alloc(a, N_LANGUAGES * sizeof *lang->subs);
    if (!lang->subs) {
        summ_lang_free(lang);
        return SUMM_E_NOMEM;
    }
    for (i = 0; i < N_LANGUAGES; i++)
        lang->subs[i] = NULL;
    lang->n_subs = N_LANGUAGES;
    for (i = 0; i < N_LANGUAGES; i++) {
        if ((rc = lang_create(&lang->subs[i], &languages[i], cfg, a)) < 0) {
            summ_lang_free(lang);
            return rc;
        }
    }
    *out = lang;
    return SUMM_OK;
}

int summ_lang_new_ex(summ_lang **out, const char *code, const summ_lang_config *cfg,
                     const summ_allocator *alloc)
{
    summ_allocator a;
    const summ__lang_info *info = NULL;

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
    if (!ascii_ieq(code, "auto")) {
        info = summ__lang_lookup(code);
        if (!info)
            return SUMM_E_UNKNOWN_LANG;
    }
    summ__allocator_resolve(&a, alloc);
    return info ? lang_create(out, info, cfg, &a) : lang_create_auto(out, cfg, &a);
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
    if (lang->subs) {
        size_t i;
        for (i = 0; i < lang->n_subs; i++)
            summ_lang_free(lang->subs[i]);
        summ__free(&a, lang->subs, lang->n_subs * sizeof *lang->subs);
    }
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
