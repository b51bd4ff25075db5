/*
 * The Snowball English stemmer ("Porter2") for plain ASCII words, written
 * for speed: libstemmer's generated code takes about 200 ns a word, and a
 * summarizer that meets a text's words for the first time stems each
 * distinct one, which made stemming a third of the work on a new English
 * text. This one works on a small array in place and takes each step's
 * longest suffix by a switch on the last letter.
 *
 * It follows the algorithm as libstemmer 2.2 implements it (its english
 * stemmer), and gives the same stem for every word tests/unit/
 * check_stem_english.c tries. summ__stem_english_agrees() compares it with
 * the libstemmer at hand on words that exercise every rule, and
 * summ_lang_new only turns it on when they agree, so a different Snowball
 * release never mixes two sets of stems. Words with other characters, and
 * long ones, are left to libstemmer.
 */
#include "lang.h"

#include <libstemmer.h>
#include <string.h>

/* Bytes the fast path takes: what the tokenizer's ASCII words are made of. */
static const unsigned char takes[256] = {
    ['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1, ['e'] = 1, ['f'] = 1, ['g'] = 1,
    ['h'] = 1, ['i'] = 1, ['j'] = 1, ['k'] = 1, ['l'] = 1, ['m'] = 1, ['n'] = 1,
    ['o'] = 1, ['p'] = 1, ['q'] = 1, ['r'] = 1, ['s'] = 1, ['t'] = 1, ['u'] = 1,
    ['v'] = 1, ['w'] = 1, ['x'] = 1, ['y'] = 1, ['z'] = 1,
    ['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1,
    ['5'] = 1, ['6'] = 1, ['7'] = 1, ['8'] = 1, ['9'] = 1, ['\''] = 1,
};

/* The algorithm's groupings. 'Y' (a consonant y, set by the prelude) is in
 * none but v_WXY. */
enum { V = 1, V_WXY = 2, LI = 4 };
static const unsigned char group[256] = {
    ['a'] = V | V_WXY, ['e'] = V | V_WXY | LI, ['i'] = V | V_WXY, ['o'] = V | V_WXY,
    ['u'] = V | V_WXY, ['y'] = V | V_WXY, ['w'] = V_WXY, ['x'] = V_WXY, ['Y'] = V_WXY,
    ['c'] = LI, ['d'] = LI, ['g'] = LI, ['h'] = LI, ['k'] = LI, ['m'] = LI, ['n'] = LI,
    ['r'] = LI, ['t'] = LI,
};

typedef struct word {
    char s[SUMM__STEM_ENGLISH_MAX];
    int n;      /* current length */
    int p1, p2; /* the regions R1 and R2 start here */
} word;

static inline bool is_v(char c)
{
    return group[(unsigned char)c] & V;
}

/* Suffixes are a few bytes: a loop from the end stops at the first
 * difference, usually the first byte, where a memcmp call costs more. */
static inline bool ends(const word *w, const char *suf, int k)
{
    int i;
    if (w->n < k)
        return false;
    for (i = k - 1; i >= 0; i--)
        if (w->s[w->n - k + i] != suf[i])
            return false;
    return true;
}

/* Replaces the last k bytes by the r bytes of rep. */
static inline void set_to(word *w, int k, const char *rep, int r)
{
    int i;
    for (i = 0; i < r; i++)
        w->s[w->n - k + i] = rep[i];
    w->n = w->n - k + r;
}

/* Whether the word up to `end` ends in a short syllable: consonant, vowel,
 * consonant other than w, x and Y; or vowel, consonant at the very start. */
static bool short_syllable(const word *w, int end)
{
    const char *s = w->s;
    if (end >= 3 && !(group[(unsigned char)s[end - 1]] & V_WXY) && is_v(s[end - 2]) &&
        !is_v(s[end - 3]))
        return true;
    return end == 2 && !is_v(s[1]) && is_v(s[0]);
}

/* Table entries with their lengths taken from the literals. */
#define EXC1(word, stem) {word, stem, sizeof word - 1, sizeof stem - 1}
#define EXC2(word) {word, sizeof word - 1}
#define RULE(suffix, cond, to) {suffix, sizeof suffix - 1, cond, to, sizeof to - 1}

/* Whole words the algorithm treats as exceptions before anything else. */
static const struct {
    const char *word, *stem;
    unsigned char len, stem_len;
} exception1[] = {
    EXC1("skis", "ski"),     EXC1("skies", "sky"),      EXC1("dying", "die"),
    EXC1("lying", "lie"),    EXC1("tying", "tie"),      EXC1("idly", "idl"),
    EXC1("gently", "gentl"), EXC1("ugly", "ugli"),      EXC1("early", "earli"),
    EXC1("only", "onli"),    EXC1("singly", "singl"),   EXC1("sky", "sky"),
    EXC1("news", "news"),    EXC1("howe", "howe"),      EXC1("atlas", "atlas"),
    EXC1("cosmos", "cosmos"), EXC1("bias", "bias"),     EXC1("andes", "andes"),
};

/* Words left as they are once step 1a has run. */
static const struct {
    const char *word;
    unsigned char len;
} exception2[] = {
    EXC2("inning"), EXC2("outing"),  EXC2("canning"), EXC2("herring"),
    EXC2("earring"), EXC2("proceed"), EXC2("exceed"), EXC2("succeed"),
};

static void prelude(word *w, bool *y_found)
{
    int i;
    if (w->s[0] == '\'') {
        memmove(w->s, w->s + 1, (size_t)w->n - 1);
        w->n--;
    }
    *y_found = false;
    if (w->n > 0 && w->s[0] == 'y') {
        w->s[0] = 'Y';
        *y_found = true;
    }
    /* Left to right, so that in "ayy" only the first y follows a vowel. */
    for (i = 1; i < w->n; i++) {
        if (w->s[i] == 'y' && is_v(w->s[i - 1])) {
            w->s[i] = 'Y';
            *y_found = true;
        }
    }
}

/* Where a region starting its search at i begins: just after the first
 * consonant that follows a vowel, or at the end of the word. */
static int region_after(const word *w, int i)
{
    while (i < w->n && !is_v(w->s[i]))
        i++;
    while (i < w->n && is_v(w->s[i]))
        i++;
    return i < w->n ? i + 1 : w->n;
}

/* R1 is the region after the start of the word (or after one of a few
 * prefixes); R2 is the region after R1's start. */
static void mark_regions(word *w)
{
    if (w->n >= 5 && (memcmp(w->s, "gener", 5) == 0 || memcmp(w->s, "arsen", 5) == 0))
        w->p1 = 5;
    else if (w->n >= 6 && memcmp(w->s, "commun", 6) == 0)
        w->p1 = 6;
    else
        w->p1 = region_after(w, 0);
    w->p2 = region_after(w, w->p1);
}

static bool has_vowel(const word *w, int end)
{
    int i;
    for (i = 0; i < end; i++)
        if (is_v(w->s[i]))
            return true;
    return false;
}

static void step_1a(word *w)
{
    if (ends(w, "'s'", 3))
        w->n -= 3;
    else if (ends(w, "'s", 2))
        w->n -= 2;
    else if (ends(w, "'", 1))
        w->n -= 1;

    if (ends(w, "sses", 4)) {
        w->n -= 2;
    } else if (ends(w, "ied", 3) || ends(w, "ies", 3)) {
        if (w->n - 3 >= 2)
            set_to(w, 3, "i", 1);
        else
            set_to(w, 3, "ie", 2);
    } else if (ends(w, "us", 2) || ends(w, "ss", 2)) {
        /* kept */
    } else if (ends(w, "s", 1)) {
        /* Deleted when a vowel comes before the letter in front of it. */
        if (w->n >= 3 && has_vowel(w, w->n - 2))
            w->n--;
    }
}

static bool is_exception2(const word *w)
{
    size_t i;
    if (w->n < 6 || w->n > 7)
        return false;
    for (i = 0; i < sizeof exception2 / sizeof *exception2; i++)
        if (exception2[i].len == w->n && exception2[i].word[0] == w->s[0] &&
            memcmp(w->s, exception2[i].word, (size_t)w->n) == 0)
            return true;
    return false;
}

static void step_1b(word *w)
{
    int k;
    char a, b;
    if (ends(w, "eedly", 5) || ends(w, "eed", 3)) {
        k = w->s[w->n - 1] == 'y' ? 5 : 3;
        if (w->n - k >= w->p1)
            set_to(w, k, "ee", 2);
        return;
    }
    if (ends(w, "ingly", 5) || ends(w, "edly", 4))
        k = w->s[w->n - 4] == 'e' ? 4 : 5;
    else if (ends(w, "ing", 3))
        k = 3;
    else if (ends(w, "ed", 2))
        k = 2;
    else
        return;
    if (!has_vowel(w, w->n - k))
        return;
    w->n -= k;
    if (w->n < 2) {
        /* Only the short-word rule can apply, and no word is that short. */
        return;
    }
    a = w->s[w->n - 2];
    b = w->s[w->n - 1];
    if ((a == 'a' && b == 't') || (a == 'b' && b == 'l') || (a == 'i' && b == 'z')) {
        w->s[w->n++] = 'e';
    } else if (a == b && (a == 'b' || a == 'd' || a == 'f' || a == 'g' || a == 'm' || a == 'n' ||
                          a == 'p' || a == 'r' || a == 't')) {
        w->n--;
    } else if (w->n == w->p1 && short_syllable(w, w->n)) {
        w->s[w->n++] = 'e';
    }
}

static void step_1c(word *w)
{
    char c;
    if (w->n < 3)
        return;
    c = w->s[w->n - 1];
    if ((c == 'y' || c == 'Y') && !is_v(w->s[w->n - 2]))
        w->s[w->n - 1] = 'i';
}

/* One suffix of a step: replace it by `to`, under a condition. */
enum cond { ANY, AFTER_L, AFTER_LI, IN_R2, AFTER_S_T };
typedef struct rule {
    const char *suffix;
    unsigned char len;
    unsigned char cond;
    const char *to;
    unsigned char to_len;
} rule;

/* Suffix tables by last letter, longest first within each, so the first
 * match is the algorithm's longest suffix. */
static const rule step2_i[] = {
    RULE("biliti", ANY, "ble"), RULE("lessli", ANY, "less"), RULE("aliti", ANY, "al"),
    RULE("iviti", ANY, "ive"),  RULE("entli", ANY, "ent"),   RULE("ousli", ANY, "ous"),
    RULE("fulli", ANY, "ful"),  RULE("enci", ANY, "ence"),   RULE("anci", ANY, "ance"),
    RULE("abli", ANY, "able"),  RULE("alli", ANY, "al"),     RULE("bli", ANY, "ble"),
    RULE("ogi", AFTER_L, "og"), RULE("li", AFTER_LI, ""),    {NULL, 0, 0, NULL, 0},
};
static const rule step2_l[] = {
    RULE("ational", ANY, "ate"), RULE("tional", ANY, "tion"), {NULL, 0, 0, NULL, 0},
};
static const rule step2_n[] = {
    RULE("ization", ANY, "ize"), RULE("ation", ANY, "ate"), {NULL, 0, 0, NULL, 0},
};
static const rule step2_r[] = {
    RULE("izer", ANY, "ize"), RULE("ator", ANY, "ate"), {NULL, 0, 0, NULL, 0},
};
static const rule step2_m[] = {
    RULE("alism", ANY, "al"), {NULL, 0, 0, NULL, 0},
};
static const rule step2_s[] = {
    RULE("fulness", ANY, "ful"), RULE("ousness", ANY, "ous"), RULE("iveness", ANY, "ive"),
    {NULL, 0, 0, NULL, 0},
};

static const rule step3_l[] = {
    RULE("ational", ANY, "ate"), RULE("tional", ANY, "tion"), RULE("ical", ANY, "ic"),
    RULE("ful", ANY, ""),       {NULL, 0, 0, NULL, 0},
};
static const rule step3_e[] = {
    RULE("alize", ANY, "al"), RULE("icate", ANY, "ic"), RULE("ative", IN_R2, ""),
    {NULL, 0, 0, NULL, 0},
};
static const rule step3_i[] = {
    RULE("iciti", ANY, "ic"), {NULL, 0, 0, NULL, 0},
};
static const rule step3_s[] = {
    RULE("ness", ANY, ""), {NULL, 0, 0, NULL, 0},
};

static const rule step4_l[] = {RULE("al", ANY, ""), {NULL, 0, 0, NULL, 0}};
static const rule step4_e[] = {
    RULE("ance", ANY, ""), RULE("ence", ANY, ""), RULE("able", ANY, ""), RULE("ible", ANY, ""),
    RULE("ate", ANY, ""),  RULE("ive", ANY, ""),  RULE("ize", ANY, ""),  {NULL, 0, 0, NULL, 0},
};
static const rule step4_r[] = {RULE("er", ANY, ""), {NULL, 0, 0, NULL, 0}};
static const rule step4_c[] = {RULE("ic", ANY, ""), {NULL, 0, 0, NULL, 0}};
static const rule step4_t[] = {
    RULE("ement", ANY, ""), RULE("ment", ANY, ""), RULE("ant", ANY, ""), RULE("ent", ANY, ""),
    {NULL, 0, 0, NULL, 0},
};
static const rule step4_m[] = {RULE("ism", ANY, ""), {NULL, 0, 0, NULL, 0}};
static const rule step4_i[] = {RULE("iti", ANY, ""), {NULL, 0, 0, NULL, 0}};
static const rule step4_s[] = {RULE("ous", ANY, ""), {NULL, 0, 0, NULL, 0}};
static const rule step4_n[] = {RULE("ion", AFTER_S_T, ""), {NULL, 0, 0, NULL, 0}};

/* Finds the longest suffix of the table; when it starts at or after `from`
 * (the step's region) and its condition holds, replaces it. */
static void apply(word *w, const rule *table, int from)
{
    const rule *r;
    int at;
    if (!table)
        return;
    for (r = table; r->suffix; r++)
        if (ends(w, r->suffix, r->len))
            break;
    if (!r->suffix)
        return;
    at = w->n - r->len;
    if (at < from)
        return;
    switch (r->cond) {
    case AFTER_L:
        if (at < 1 || w->s[at - 1] != 'l')
            return;
        break;
    case AFTER_LI:
        if (at < 1 || !(group[(unsigned char)w->s[at - 1]] & LI))
            return;
        break;
    case IN_R2:
        if (at < w->p2)
            return;
        break;
    case AFTER_S_T:
        if (at < 1 || (w->s[at - 1] != 's' && w->s[at - 1] != 't'))
            return;
        break;
    default:
        break;
    }
    set_to(w, r->len, r->to, r->to_len);
}

static const rule *step2_table(char last)
{
    switch (last) {
    case 'i': return step2_i;
    case 'l': return step2_l;
    case 'n': return step2_n;
    case 'r': return step2_r;
    case 'm': return step2_m;
    case 's': return step2_s;
    default: return NULL;
    }
}

static const rule *step3_table(char last)
{
    switch (last) {
    case 'l': return step3_l;
    case 'e': return step3_e;
    case 'i': return step3_i;
    case 's': return step3_s;
    default: return NULL;
    }
}

static const rule *step4_table(char last)
{
    switch (last) {
    case 'l': return step4_l;
    case 'e': return step4_e;
    case 'r': return step4_r;
    case 'c': return step4_c;
    case 't': return step4_t;
    case 'm': return step4_m;
    case 'i': return step4_i;
    case 's': return step4_s;
    case 'n': return step4_n;
    default: return NULL;
    }
}

static void step_5(word *w)
{
    int at = w->n - 1;
    if (at < 0)
        return;
    if (w->s[at] == 'e') {
        if (at >= w->p2 || (at >= w->p1 && !short_syllable(w, at)))
            w->n--;
    } else if (w->s[at] == 'l') {
        if (at >= w->p2 && at >= 1 && w->s[at - 1] == 'l')
            w->n--;
    }
}

int summ__stem_english(const char *in, size_t len, char *out)
{
    word w;
    bool y_found;
    size_t i;

    if (len == 0 || len > SUMM__STEM_ENGLISH_MAX)
        return -1;
    for (i = 0; i < len; i++)
        if (!takes[(unsigned char)in[i]])
            return -1;
    if (len >= 3 && len <= 6) {
        for (i = 0; i < sizeof exception1 / sizeof *exception1; i++) {
            if (exception1[i].len == len && exception1[i].word[0] == in[0] &&
                memcmp(in, exception1[i].word, len) == 0) {
                memcpy(out, exception1[i].stem, exception1[i].stem_len);
                return exception1[i].stem_len;
            }
        }
    }
    if (len < 3) {
        memcpy(out, in, len);
        return (int)len;
    }
    memcpy(w.s, in, len);
    w.n = (int)len;
    prelude(&w, &y_found);
    mark_regions(&w);
    step_1a(&w);
    if (!is_exception2(&w)) {
        step_1b(&w);
        step_1c(&w);
        if (w.n > 0)
            apply(&w, step2_table(w.s[w.n - 1]), w.p1);
        if (w.n > 0)
            apply(&w, step3_table(w.s[w.n - 1]), w.p1);
        if (w.n > 0)
            apply(&w, step4_table(w.s[w.n - 1]), w.p2);
        step_5(&w);
    }
    for (i = 0; y_found && i < (size_t)w.n; i++)
        if (w.s[i] == 'Y')
            w.s[i] = 'y';
    memcpy(out, w.s, (size_t)w.n);
    return w.n;
}

/* Words that between them take every step and most rules, the exceptions
 * and the prefixes that move R1 (those later Snowball releases added among
 * them), for comparing with the libstemmer at hand before the fast path is
 * trusted with a language. Kept short: each language object pays for them. */
static const char *const probes[] = {
    "caresses", "ponies", "ties", "gaps", "gas", "'tis", "dogs'", "agreed", "bleed",
    "conflated", "troubled", "hopping", "hoping", "cry", "relational", "digitizer",
    "hopefulness", "sensibiliti", "logi", "triplicate", "formative", "adjustment", "adoption",
    "controll", "generously", "communities", "sayings", "skies", "innings", "universal",
    "emergency", "organization", "lateral", "pastoral",
};

bool summ__stem_english_agrees(void)
{
    struct sb_stemmer *sb = sb_stemmer_new("english", "UTF_8");
    char buf[SUMM__STEM_ENGLISH_MAX];
    size_t i;
    bool ok = sb != NULL;

    for (i = 0; ok && i < sizeof probes / sizeof *probes; i++) {
        size_t len = strlen(probes[i]);
        const sb_symbol *want = sb_stemmer_stem(sb, (const sb_symbol *)probes[i], (int)len);
        int n = summ__stem_english(probes[i], len, buf);
        ok = want && n >= 0 && sb_stemmer_length(sb) == n && memcmp(want, buf, (size_t)n) == 0;
    }
    if (sb)
        sb_stemmer_delete(sb);
    return ok;
}
