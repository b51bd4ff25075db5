/*
 * Language identification, with compiled-in tables only.
 *
 * 1. The script: every letter of the sample is counted by Unicode block.
 *    Scripts that only one language here is written in decide alone (Greek,
 *    Armenian, Hebrew -> Yiddish, Tamil, Thai, Hangul -> Korean); Han and
 *    kana give Japanese when kana make up a tenth of them, else Chinese.
 * 2. Otherwise the words of the dominant script are looked up in the
 *    stopword table of data/langid.inc (generated from the licensed stopword
 *    lists by scripts/gen_stopwords.py). A word votes for every language whose
 *    list holds it, with weight 1 / (number of such languages), so shared
 *    words ("a", "de") count little and distinctive ones a lot. Cyrillic
 *    letters only Russian or only Serbian uses add a small vote.
 * 3. The best-scoring language wins; ties go to the earlier one in the table.
 *    Languages the table knows but libsumm has no resources for (Polish,
 *    Persian, ...) and texts with no evidence give "und".
 */
#include "internal.h"

#include <string.h>

#include "data/langid.inc"

typedef struct word_scores {
    summ__script script; /* only words of this script vote */
    double score[LANGID_N_LANGS];
    size_t words;        /* words of the script seen */
} word_scores;

static int popcount64(uint64_t x)
{
    int n = 0;
    for (; x; x &= x - 1)
        n++;
    return n;
}

static const langid_word *find_word(const char *w, size_t len)
{
    size_t lo = 0, hi = LANGID_N_WORDS;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const char *k = langid_words[mid].word;
        size_t klen = strlen(k);
        int c = memcmp(w, k, len < klen ? len : klen);
        if (c == 0)
            c = (len > klen) - (len < klen);
        if (c == 0)
            return &langid_words[mid];
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return NULL;
}

static int on_word(void *ud, size_t start, size_t end, const char *folded, size_t len)
{
    word_scores *ws = ud;
    const langid_word *hit;
    int32_t cp;
    (void)end;
    /* The folded form starts with the word's first letter (or its
     * decomposition, which keeps the script). */
    if (summ__utf8_decode(folded, len, 0, &cp) < 0 || summ__script_of(cp) != ws->script)
        return SUMM_OK;
    (void)start;
    ws->words++;
    hit = find_word(folded, len);
    if (hit) {
        double w = 1.0 / popcount64(hit->langs);
        int i;
        for (i = 0; i < LANGID_N_LANGS; i++)
            if (hit->langs >> i & 1)
                ws->score[i] += w;
    }
    return SUMM_OK;
}

static int code_index(const char *code)
{
    int i;
    for (i = 0; i < LANGID_N_LANGS; i++)
        if (strcmp(langid_codes[i], code) == 0)
            return i;
    return -1;
}

static bool russian_letter(int32_t cp)
{
    /* ы э ё ъ */
    return cp == 0x44B || cp == 0x42B || cp == 0x44D || cp == 0x42D || cp == 0x451 ||
           cp == 0x401 || cp == 0x44A || cp == 0x42A;
}

static bool serbian_letter(int32_t cp)
{
    /* ђ ј љ њ ћ џ */
    return cp == 0x452 || cp == 0x402 || cp == 0x458 || cp == 0x408 || cp == 0x459 ||
           cp == 0x409 || cp == 0x45A || cp == 0x40A || cp == 0x45B || cp == 0x40B ||
           cp == 0x45F || cp == 0x40F;
}

/* The language chosen by word votes, or `fallback` without evidence. */
static const char *vote(const word_scores *ws, const char *fallback)
{
    int i, best = -1;
    for (i = 0; i < LANGID_N_LANGS; i++)
        if (ws->score[i] > 0 && (best < 0 || ws->score[i] > ws->score[best]))
            best = i;
    if (best < 0)
        return fallback;
    return best < LANGID_N_SUPPORTED ? langid_codes[best] : "und";
}

int summ__detect(const char *text, size_t len, summ__fold_buf *buf,
                 const summ__lang_info **out)
{
    size_t counts[SUMM__SCRIPT_COUNT];
    size_t i, ru_letters = 0, sr_letters = 0, best_n = 0, cjk;
    summ__script best = SUMM__SCRIPT_OTHER;
    const char *code = "und";
    word_scores ws;
    int rc, k;

    memset(counts, 0, sizeof counts);
    if (len > SUMM__DETECT_MAX_BYTES) {
        /* Cut at a code point boundary. */
        len = SUMM__DETECT_MAX_BYTES;
        for (k = 0; k < 3 && ((unsigned char)text[len] & 0xC0) == 0x80; k++)
            len--;
    }
    for (i = 0; i < len;) {
        int32_t cp;
        int n = summ__utf8_decode(text, len, i, &cp);
        if (n < 0) {
            i++;
            continue;
        }
        counts[summ__script_of(cp)]++;
        ru_letters += russian_letter(cp);
        sr_letters += serbian_letter(cp);
        i += (size_t)n;
    }
    /* Han and kana count together: Japanese mixes both. */
    cjk = counts[SUMM__SCRIPT_HAN] + counts[SUMM__SCRIPT_KANA];
    for (k = SUMM__SCRIPT_LATIN; k < SUMM__SCRIPT_COUNT; k++) {
        size_t n = k == SUMM__SCRIPT_HAN ? cjk : k == SUMM__SCRIPT_KANA ? 0 : counts[k];
        if (n > best_n) {
            best_n = n;
            best = (summ__script)k;
        }
    }

    memset(&ws, 0, sizeof ws);
    ws.script = best;
    switch (best) {
    case SUMM__SCRIPT_GREEK: code = "el"; break;
    case SUMM__SCRIPT_ARMENIAN: code = "hy"; break;
    case SUMM__SCRIPT_HEBREW: code = "yi"; break;
    case SUMM__SCRIPT_TAMIL: code = "ta"; break;
    case SUMM__SCRIPT_THAI: code = "th"; break;
    case SUMM__SCRIPT_HANGUL: code = "ko"; break;
    case SUMM__SCRIPT_HAN:
        code = counts[SUMM__SCRIPT_KANA] * 10 >= cjk ? "ja" : "zh";
        break;
    case SUMM__SCRIPT_LATIN:
    case SUMM__SCRIPT_CYRILLIC:
    case SUMM__SCRIPT_ARABIC:
    case SUMM__SCRIPT_DEVANAGARI:
        if ((rc = summ__tokenize(text, 0, len, buf, on_word, &ws)) < 0)
            return rc;
        if (best == SUMM__SCRIPT_CYRILLIC) {
            int ru = code_index("ru"), sr = code_index("sr");
            if (ru >= 0)
                ws.score[ru] += 0.25 * (double)ru_letters;
            if (sr >= 0)
                ws.score[sr] += 0.25 * (double)sr_letters;
            code = vote(&ws, "ru");
        } else if (best == SUMM__SCRIPT_ARABIC) {
            code = vote(&ws, "ar");
        } else if (best == SUMM__SCRIPT_DEVANAGARI) {
            /* Nepali has no list: Devanagari text that is not clearly Hindi
             * (or Marathi, which has no resources here) is taken as Nepali. */
            int hi = code_index("hi");
            code = vote(&ws, "ne");
            if (strcmp(code, "hi") == 0 && hi >= 0 && ws.score[hi] < 0.1 * (double)ws.words)
                code = "ne";
        } else {
            code = vote(&ws, "und");
        }
        break;
    default:
        code = "und";
        break;
    }
    *out = summ__lang_lookup(code);
    return SUMM_OK;
}

int summ_detect_language(const char **code_out, const char *text, size_t len,
                         const summ_allocator *alloc)
{
    summ_allocator a;
    summ__fold_buf buf;
    const summ__lang_info *info = NULL;
    int rc;

    if (!code_out)
        return SUMM_E_INVALID_ARG;
    *code_out = NULL;
    if (!text && len)
        return SUMM_E_INVALID_ARG;
    summ__allocator_resolve(&a, alloc);
    memset(&buf, 0, sizeof buf);
    buf.alloc = &a;
    rc = summ__detect(text ? text : "", len, &buf, &info);
    summ__fold_buf_dispose(&buf);
    if (rc < 0)
        return rc;
    *code_out = info->code;
    return SUMM_OK;
}
