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
 *    words ("a", "de") count little and distinctive ones a lot. Each letter
 *    outside ASCII votes likewise, with a quarter of the weight, for the
 *    languages whose lists use it ("ı" Turkish, "ø" Danish or Norwegian);
 *    this decides short texts with few function words.
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

static const langid_letter *find_letter(int32_t cp)
{
    size_t lo = 0, hi = LANGID_N_LETTERS;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (cp < langid_letters[mid].cp)
            hi = mid;
        else if (cp > langid_letters[mid].cp)
            lo = mid + 1;
        else
            return &langid_letters[mid];
    }
    return NULL;
}

static void add_votes(word_scores *ws, uint64_t langs, double weight)
{
    double w = weight / popcount64(langs);
    int i;
    for (i = 0; i < LANGID_N_LANGS; i++)
        if (langs >> i & 1)
            ws->score[i] += w;
}

/* Letters most languages use say nothing. */
#define LETTER_MAX_LANGS 40
#define LETTER_WEIGHT 0.25

static int on_word(void *ud, size_t start, size_t end, const char *folded, size_t len)
{
    word_scores *ws = ud;
    const langid_word *hit;
    int32_t cp;
    size_t i;
    int n;
    (void)end;
    /* The folded form starts with the word's first letter (or its
     * decomposition, which keeps the script). */
    if (summ__utf8_decode(folded, len, 0, &cp) < 0 || summ__script_of(cp) != ws->script)
        return SUMM_OK;
    (void)start;
    hit = find_word(folded, len);
    if (hit)
        add_votes(ws, hit->langs, 1.0);
    /* Letters tell Latin and Cyrillic languages apart; Arabic and
     * Devanagari letters are common to every language of the script. */
    if (ws->script != SUMM__SCRIPT_LATIN && ws->script != SUMM__SCRIPT_CYRILLIC)
        return SUMM_OK;
    for (i = 0; i < len; i += (size_t)n) {
        const langid_letter *l;
        n = summ__utf8_decode(folded, len, i, &cp);
        if (n < 0)
            break;
        if (cp >= 0xC0 && (l = find_letter(cp)) != NULL &&
            popcount64(l->langs) < LETTER_MAX_LANGS)
            add_votes(ws, l->langs, LETTER_WEIGHT);
    }
    return SUMM_OK;
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
    size_t i, best_n = 0, cjk;
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
        /* Without evidence: Cyrillic and Arabic script, their most used
         * language here; Devanagari without a Hindi or Marathi function
         * word is unlikely to be either, and Nepali's list is short. */
        code = vote(&ws, best == SUMM__SCRIPT_CYRILLIC ? "ru"
                         : best == SUMM__SCRIPT_ARABIC ? "ar"
                         : best == SUMM__SCRIPT_DEVANAGARI ? "ne"
                                                           : "und");
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
