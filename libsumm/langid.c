/*
 * Language identification, with compiled-in tables only.
 *
 * 1. The script: every letter of the sample is counted by Unicode block.
 *    Scripts that only one language here is written in decide alone (Greek,
 *    Armenian, Tamil, Thai, Hangul -> Korean, Ethiopic -> Amharic, Myanmar
 *    -> Burmese); Han and kana give Japanese
 *    when kana make up a tenth of them, else Chinese. Hebrew script is
 *    Yiddish unless Hebrew function words are frequent (then "und").
 * 2. Otherwise the words of the dominant script are looked up in the
 *    stopword table of data/langid.inc (generated from the licensed stopword
 *    lists by scripts/gen_stopwords.py). A word votes for every language whose
 *    list holds it, with weight 1 / (number of such languages), so shared
 *    words ("a", "de") count little and distinctive ones a lot. Each letter
 *    outside ASCII votes likewise, with a quarter of the weight, for the
 *    languages whose lists use it ("ı" Turkish, "ø" Danish or Norwegian);
 *    this decides short texts with few function words.
 * 3. The best-scoring language wins; ties go to the earlier one in the table.
 *    Text is read 256 bytes at a time, and reading stops as soon as one language
 *    leads clearly, so detection costs little next to summarizing.
 *    Languages the table knows but libsumm has no resources for (Slovenian,
 *    Vietnamese, ...) and texts with no evidence give "und".
 */
#include "lang.h"

#include <string.h>

#include "alloc.h"
#include "text.h"

#include "data/langid.inc"

/* Text is read in chunks of about this many bytes; after each one the
 * detector stops if the evidence is already clear. */
#define CHUNK_BYTES 256
/* Clear: the best language has at least this score and this many times the
 * runner-up's. */
#define CLEAR_SCORE 6.0
#define CLEAR_RATIO 3.0
/* Letters most languages use say nothing. */
#define LETTER_MAX_LANGS 40
#define LETTER_WEIGHT 0.25

typedef struct detector {
    size_t counts[SUMM__SCRIPT_COUNT];            /* letters per script */
    size_t words[SUMM__SCRIPT_COUNT];             /* words per script */
    double score[SUMM__SCRIPT_COUNT][LANGID_N_LANGS]; /* votes of each script's words */
} detector;


static uint32_t fnv1a(const char *s, size_t len)
{
    uint32_t h = 2166136261u;
    size_t i;
    for (i = 0; i < len; i++)
        h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h;
}

static const langid_word *find_word(const char *w, size_t len)
{
    uint32_t h = fnv1a(w, len) & (LANGID_N_SLOTS - 1);
    for (;; h = (h + 1) & (LANGID_N_SLOTS - 1)) {
        uint16_t i = langid_slots[h];
        if (i == 0xFFFF)
            return NULL;
        if (langid_words[i].len == len && memcmp(langid_words[i].word, w, len) == 0)
            return &langid_words[i];
    }
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

static void add_votes(double *score, uint64_t langs, double weight)
{
    double w = weight / summ__popcount64(langs);
    int i;
    for (i = 0; langs; i++, langs >>= 1)
        if (langs & 1)
            score[i] += w;
}

static bool letters_vote(summ__script sc)
{
    return sc == SUMM__SCRIPT_LATIN || sc == SUMM__SCRIPT_CYRILLIC ||
           sc == SUMM__SCRIPT_ARABIC || sc == SUMM__SCRIPT_DEVANAGARI;
}

static int on_word(void *ud, size_t start, size_t end, const char *folded, size_t len)
{
    detector *d = ud;
    const langid_word *hit;
    summ__script sc;
    double *score;
    int32_t cp;
    size_t i;
    int n;
    (void)start;
    (void)end;
    /* A word votes among the languages of its own script: the folded form
     * starts with the word's first letter (or its decomposition). */
    if (summ__utf8_decode(folded, len, 0, &cp) < 0)
        return SUMM_OK;
    sc = summ__script_of(cp);
    score = d->score[sc];
    d->words[sc]++;
    hit = find_word(folded, len);
    if (hit)
        add_votes(score, hit->langs, 1.0);
    /* Letters tell the languages of a script apart: "ı" Turkish, "ё"
     * Russian, "ے" Urdu, "ळ" Marathi. */
    if (!letters_vote(sc))
        return SUMM_OK;
    for (i = 0; i < len; i += (size_t)n) {
        const langid_letter *l;
        if ((unsigned char)folded[i] < 0x80) {
            n = 1;
            continue;
        }
        n = summ__utf8_decode(folded, len, i, &cp);
        if (n < 0)
            break;
        if (cp >= 0xC0 && (l = find_letter(cp)) != NULL &&
            summ__popcount64(l->langs) < LETTER_MAX_LANGS)
            add_votes(score, l->langs, LETTER_WEIGHT);
    }
    return SUMM_OK;
}

static void count_scripts(detector *d, const char *text, size_t len)
{
    size_t i;
    for (i = 0; i < len;) {
        unsigned char c = (unsigned char)text[i];
        int32_t cp;
        int n;
        if (c < 0x80) {
            if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')
                d->counts[SUMM__SCRIPT_LATIN]++;
            i++;
            continue;
        }
        n = summ__utf8_decode(text, len, i, &cp);
        if (n < 0) {
            i++;
            continue;
        }
        d->counts[summ__script_of(cp)]++;
        i += (size_t)n;
    }
}

/* The script with the most letters so far; Han and kana count together,
 * since Japanese mixes both. OTHER when there is no letter. */
static summ__script dominant_script(const detector *d)
{
    size_t best_n = 0;
    summ__script best = SUMM__SCRIPT_OTHER;
    int k;
    for (k = SUMM__SCRIPT_LATIN; k < SUMM__SCRIPT_COUNT; k++) {
        size_t n = d->counts[k];
        if (k == SUMM__SCRIPT_HAN)
            n += d->counts[SUMM__SCRIPT_KANA];
        else if (k == SUMM__SCRIPT_KANA)
            continue;
        if (n > best_n) {
            best_n = n;
            best = (summ__script)k;
        }
    }
    return best;
}

/* Best and runner-up language indices among a script's votes (-1: none). */
static void top_two(const double *score, int *best, int *second)
{
    int i;
    *best = *second = -1;
    for (i = 0; i < LANGID_N_LANGS; i++) {
        if (score[i] <= 0)
            continue;
        if (*best < 0 || score[i] > score[*best]) {
            *second = *best;
            *best = i;
        } else if (*second < 0 || score[i] > score[*second]) {
            *second = i;
        }
    }
}

static bool votes_needed(summ__script sc)
{
    return sc == SUMM__SCRIPT_LATIN || sc == SUMM__SCRIPT_CYRILLIC ||
           sc == SUMM__SCRIPT_ARABIC || sc == SUMM__SCRIPT_DEVANAGARI ||
           sc == SUMM__SCRIPT_HEBREW;
}

/* Hebrew script is Yiddish here unless Hebrew function words are frequent
 * (Yiddish shares a few, such as אין). */
static bool looks_hebrew(const detector *d)
{
    double v = d->score[SUMM__SCRIPT_HEBREW][LANGID_HEBREW];
    return v >= 3.0 && v >= 0.15 * (double)d->words[SUMM__SCRIPT_HEBREW];
}

static bool clear_enough(const detector *d)
{
    summ__script sc = dominant_script(d);
    int best, second;
    if (sc == SUMM__SCRIPT_OTHER)
        return false;
    if (!votes_needed(sc))
        return true;
    top_two(d->score[sc], &best, &second);
    return best >= 0 && d->score[sc][best] >= CLEAR_SCORE &&
           (second < 0 || d->score[sc][best] >= CLEAR_RATIO * d->score[sc][second]);
}

/* The end of the chunk starting at `start`: about CHUNK_BYTES on, after a
 * white-space byte so that no word is cut, else on a code point boundary. */
static size_t chunk_end(const char *text, size_t start, size_t len)
{
    size_t end = start + CHUNK_BYTES, i;
    if (end >= len)
        return len;
    for (i = end; i > start + CHUNK_BYTES / 2; i--)
        if (text[i - 1] == ' ' || text[i - 1] == '\n')
            return i;
    while (end > start + 1 && ((unsigned char)text[end] & 0xC0) == 0x80)
        end--;
    return end;
}

static const char *decide(const detector *d)
{
    summ__script sc = dominant_script(d);
    int best, second;
    switch (sc) {
    case SUMM__SCRIPT_GREEK: return "el";
    case SUMM__SCRIPT_ARMENIAN: return "hy";
    case SUMM__SCRIPT_HEBREW: return looks_hebrew(d) ? "und" : "yi";
    case SUMM__SCRIPT_TAMIL: return "ta";
    case SUMM__SCRIPT_THAI: return "th";
    case SUMM__SCRIPT_HANGUL: return "ko";
    case SUMM__SCRIPT_ETHIOPIC: return "am";
    case SUMM__SCRIPT_MYANMAR: return "my";
    case SUMM__SCRIPT_HAN:
        return d->counts[SUMM__SCRIPT_KANA] * 10 >=
                       d->counts[SUMM__SCRIPT_HAN] + d->counts[SUMM__SCRIPT_KANA]
                   ? "ja"
                   : "zh";
    case SUMM__SCRIPT_LATIN:
    case SUMM__SCRIPT_CYRILLIC:
    case SUMM__SCRIPT_ARABIC:
    case SUMM__SCRIPT_DEVANAGARI:
        top_two(d->score[sc], &best, &second);
        if (best >= 0)
            return best < LANGID_N_SUPPORTED ? langid_codes[best] : "und";
        /* Without evidence: Cyrillic and Arabic script, their most used
         * language here; Devanagari without a Hindi or Marathi function
         * word is unlikely to be either, and Nepali's list is short. */
        return sc == SUMM__SCRIPT_CYRILLIC ? "ru"
               : sc == SUMM__SCRIPT_ARABIC ? "ar"
               : sc == SUMM__SCRIPT_DEVANAGARI ? "ne"
                                               : "und";
    default:
        return "und";
    }
}

int summ__detect(const char *text, size_t len, summ__fold_buf *buf,
                 const summ__lang_info **out)
{
    detector d;
    size_t pos = 0;
    int rc;

    memset(&d, 0, sizeof d);
    if (len > SUMM__DETECT_MAX_BYTES) {
        /* Cut at a code point boundary. */
        int k;
        len = SUMM__DETECT_MAX_BYTES;
        for (k = 0; k < 3 && ((unsigned char)text[len] & 0xC0) == 0x80; k++)
            len--;
    }
    while (pos < len) {
        size_t end = chunk_end(text, pos, len);
        count_scripts(&d, text + pos, end - pos);
        if (votes_needed(dominant_script(&d)) &&
            (rc = summ__tokenize(text, pos, end, buf, on_word, &d)) < 0)
            return rc;
        pos = end;
        if (clear_enough(&d))
            break;
    }
    *out = summ__lang_lookup(decide(&d));
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
