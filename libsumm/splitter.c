/*
 * Sentence splitter: one forward scan over the bytes. Plain bytes are
 * skipped eight at a time, then a 256-entry table marks the bytes that can
 * start a candidate boundary (. ! ? ; ) " newline, the lead bytes of other
 * scripts' terminators and quotation marks, and a few language-specific
 * marks). The rules below run at candidates only, and every look-around is
 * bounded, so the cost is linear in the text.
 *
 * A boundary is made
 *  - after a run of terminators and the closing quotes, brackets and
 *    citation marks that follow it, when white space (or the end of the
 *    text) comes next and the rules for that kind of run agree: a period
 *    after an abbreviation, title, initial, list marker or (in some
 *    languages) ordinal number does not end a sentence unless a word that
 *    commonly starts one follows; a lower-case word continues one;
 *  - after a period glued to an upper-case word ("domestique.Consternant"),
 *    unless the left side is an abbreviation, acronym, URL, address or file
 *    name;
 *  - after terminators that need no space (。！？ ። ။ ...);
 *  - at a blank line, and at a single newline that is not a hard wrap;
 *  - before the next item of a list whose first item started a sentence
 *    ("1. The first item 2. The second item").
 * docs/SPLITTER.md describes every rule with its measurements. Spans
 * exclude surrounding white space and stay on code point boundaries.
 */
#include "splitter.h"

#include <string.h>
#include <utf8proc.h>

#include "alloc.h"
#include "lang.h"
#include "text.h"

int summ__span_vec_push(summ__span_vec *v, size_t start, size_t end)
{
    if (v->len == v->cap) {
        void *p = v->items;
        int rc = summ__grow(v->alloc, &p, &v->cap, v->len + 1, sizeof *v->items);
        if (rc < 0)
            return rc;
        v->items = p;
    }
    /* Zeroed whole, padding included, so results compare equal bytewise. */
    memset(&v->items[v->len], 0, sizeof v->items[v->len]);
    v->items[v->len].start = start;
    v->items[v->len].end = end;
    v->items[v->len].sentence = 0;
    v->items[v->len].score = 0.0;
    v->len++;
    return SUMM_OK;
}

void summ__span_vec_dispose(summ__span_vec *v)
{
    if (v->alloc)
        summ__free(v->alloc, v->items, v->cap * sizeof *v->items);
    v->items = NULL;
    v->len = v->cap = 0;
}

/* Language-specific behaviour, looked up once per call by language code. */
enum {
    RULE_COLON_ENDS = 1u << 0,     /* ':' ends a sentence (Armenian, Arabic) */
    RULE_ARABIC_COMMA = 1u << 1,   /* '،' ends a sentence (Arabic) */
    RULE_GREEK_QUESTION = 1u << 2, /* ';' is the question mark (Greek) */
    RULE_LOWER_ENDS = 1u << 3,     /* a period ends a sentence before a lower-case word */
    RULE_LOWER_AFTER_WORD = 1u << 4, /* a period after a plain word ends a sentence
                                      * before a lower-case word */
    RULE_ORDINAL_DOT = 1u << 5,    /* "am 3. Oktober": a period after a short number or a
                                    * Roman numeral marks an ordinal */
};

typedef struct lang_rules {
    const char *code;
    unsigned rules;
} lang_rules;

static const lang_rules rule_table[] = {
    { "ar", RULE_COLON_ENDS | RULE_ARABIC_COMMA },
    { "bs", RULE_ORDINAL_DOT },
    { "cs", RULE_ORDINAL_DOT },
    { "da", RULE_ORDINAL_DOT },
    { "de", RULE_ORDINAL_DOT },
    { "el", RULE_GREEK_QUESTION | RULE_LOWER_ENDS },
    { "en", RULE_LOWER_AFTER_WORD },
    { "et", RULE_ORDINAL_DOT },
    { "fi", RULE_ORDINAL_DOT },
    { "fo", RULE_ORDINAL_DOT },
    { "hr", RULE_ORDINAL_DOT },
    { "hu", RULE_ORDINAL_DOT },
    { "hy", RULE_COLON_ENDS },
    { "is", RULE_ORDINAL_DOT },
    { "lt", RULE_ORDINAL_DOT },
    { "lv", RULE_ORDINAL_DOT },
    { "nb", RULE_ORDINAL_DOT },
    { "nn", RULE_ORDINAL_DOT },
    { "no", RULE_ORDINAL_DOT },
    { "pl", RULE_ORDINAL_DOT },
    { "sk", RULE_ORDINAL_DOT },
    { "sl", RULE_ORDINAL_DOT },
    { "sr", RULE_ORDINAL_DOT },
    { "tr", RULE_ORDINAL_DOT },
};

static unsigned rules_for(const char *code)
{
    size_t i;
    for (i = 0; code && i < sizeof rule_table / sizeof rule_table[0]; i++)
        if (strcmp(rule_table[i].code, code) == 0)
            return rule_table[i].rules;
    return 0;
}

typedef struct splitter {
    const summ_lang *lang;
    const char *code;
    unsigned rules;
    const char *const *starters; /* words that commonly start a sentence, or NULL */
    const char *text;
    size_t len;
    summ__span_vec *out;
    size_t seg_start;  /* start of the sentence being built */
    size_t line_start; /* start of the current line */
    long list_next;    /* value of the next list marker, or -1 */
    int book_depth;    /* open 《 title brackets, where 。！？ do not end anything */
    int32_t quote_close; /* closing mark of the open quotation, or 0 */
    int32_t quote_alt;   /* another mark that closes it („ closes with “ or ”) */
} splitter;

/* Decodes the code point at i; invalid bytes read as U+FFFD of length 1. */
static int32_t cp_at(const splitter *sp, size_t i, size_t *n_out)
{
    int32_t cp;
    int n;
    if ((unsigned char)sp->text[i] < 0x80) {
        *n_out = 1;
        return (unsigned char)sp->text[i];
    }
    n = summ__utf8_decode(sp->text, sp->len, i, &cp);
    *n_out = n < 0 ? 1 : (size_t)n;
    return cp;
}

static int32_t cp_before(const splitter *sp, size_t lo, size_t i, size_t *start)
{
    size_t n;
    *start = summ__utf8_prev(sp->text, lo, i);
    return cp_at(sp, *start, &n);
}

static bool is_terminator(const splitter *sp, int32_t cp)
{
    switch (cp) {
    case '.':
    case '!':
    case '?':
    case 0x2026: /* … */
    case 0x203C: /* ‼ */
    case 0x2047: /* ⁇ */
    case 0x2048: /* ⁈ */
    case 0x2049: /* ⁉ */
    case 0x037E: /* Greek question mark */
    case 0x3002: /* 。 */
    case 0xFF01: /* ！ */
    case 0xFF0E: /* ． */
    case 0xFF1F: /* ？ */
    case 0xFF61: /* ｡ */
    case 0x0964: /* । */
    case 0x0965: /* ॥ */
    case 0x061F: /* ؟ */
    case 0x06D4: /* ۔ */
    case 0x0589: /* ։ */
    case 0x1362: /* ። */
    case 0x1367: /* ፧ */
    case 0x1368: /* ፨ */
    case 0x104A: /* ၊ */
    case 0x104B: /* ။ */
        return true;
    case ':':
        return (sp->rules & RULE_COLON_ENDS) != 0;
    case 0x060C: /* ، */
        return (sp->rules & RULE_ARABIC_COMMA) != 0;
    case ';':
        return (sp->rules & RULE_GREEK_QUESTION) != 0;
    default:
        return false;
    }
}

/* Terminators of scripts that do not put a space after them. */
static bool is_strong_terminator(int32_t cp)
{
    switch (cp) {
    case 0x3002:
    case 0xFF01:
    case 0xFF1F:
    case 0xFF61:
    case 0x1362:
    case 0x1367:
    case 0x1368:
    case 0x104A:
    case 0x104B:
        return true;
    default:
        return false;
    }
}

/* Marks that may follow a terminator and still belong to its sentence.
 * Every kind of quotation mark counts, since „…“ and »…« close with what
 * other languages open with. */
static bool is_closer(int32_t cp)
{
    switch (cp) {
    case '"':
    case '\'':
    case ')':
    case ']':
    case '}':
    case 0x00AB: /* « */
    case 0x00BB: /* » */
    case 0x2018: /* ‘ */
    case 0x2019: /* ’ */
    case 0x201C: /* “ */
    case 0x201D: /* ” */
    case 0x2039: /* ‹ */
    case 0x203A: /* › */
    case 0x300B: /* 》 */
    case 0x300D: /* 」 */
    case 0x300F: /* 』 */
    case 0x3011: /* 】 */
    case 0x3015: /* 〕 */
    case 0xFF09: /* ） */
    case 0xFF3D: /* ］ */
        return true;
    default:
        return false;
    }
}

/* Marks that may come before the first word of a sentence. */
static bool is_opener(int32_t cp)
{
    switch (cp) {
    case '`': /* ``TeX-style quotes'' */
    case '"':
    case '\'':
    case '(':
    case '[':
    case '{':
    case 0x00A1: /* ¡ */
    case 0x00AB: /* « */
    case 0x00BB: /* » */
    case 0x00BF: /* ¿ */
    case 0x2018: /* ‘ */
    case 0x201A: /* ‚ */
    case 0x201C: /* “ */
    case 0x201E: /* „ */
    case 0x2039: /* ‹ */
    case 0x300A: /* 《 */
    case 0x300C: /* 「 */
    case 0x300E: /* 『 */
    case 0xFF08: /* （ */
        return true;
    default:
        return false;
    }
}

static bool is_dash(int32_t cp)
{
    return cp == '-' || cp == 0x2013 || cp == 0x2014 || cp == 0x2012 || cp == 0x2015;
}

static bool is_bullet(int32_t cp)
{
    return cp == '*' || cp == 0x2022 || cp == 0x2043 || cp == 0x00B7 || cp == 0x25AA ||
           cp == 0x25CF || cp == 0x25E6 || is_dash(cp);
}

/* White space, control and format characters (summ__is_space), with the
 * ASCII case inline: it runs at every candidate. */
static bool is_space(int32_t cp)
{
    if (cp < 0x80)
        return cp <= 0x20 || cp == 0x7F;
    return summ__is_space(cp);
}

static bool is_lower(int32_t cp)
{
    if (cp < 0x80)
        return cp >= 'a' && cp <= 'z';
    return utf8proc_category(cp) == UTF8PROC_CATEGORY_LL;
}

static bool is_upper(int32_t cp)
{
    if (cp < 0x80)
        return cp >= 'A' && cp <= 'Z';
    return utf8proc_category(cp) == UTF8PROC_CATEGORY_LU ||
           utf8proc_category(cp) == UTF8PROC_CATEGORY_LT;
}

static bool is_letter(int32_t cp)
{
    if (cp < 0x80)
        return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
    return utf8proc_category(cp) >= UTF8PROC_CATEGORY_LU &&
           utf8proc_category(cp) <= UTF8PROC_CATEGORY_LO;
}

static bool is_digit(int32_t cp)
{
    return cp >= '0' && cp <= '9';
}

static bool is_format(int32_t cp)
{
    return cp >= 0x80 && utf8proc_category(cp) == UTF8PROC_CATEGORY_CF;
}

/* Ideographs and kana: scripts written without spaces between words. */
static bool is_cjk(int32_t cp)
{
    return (cp >= 0x2E80 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
           (cp >= 0xFF00 && cp <= 0xFFEF) || (cp >= 0x20000 && cp <= 0x3FFFF);
}

/* Pushes text[start, end) trimmed of white space, cut into pieces of at
 * most SUMM_MAX_SENTENCE_BYTES so that no run of text grows without bound. */
static int emit(splitter *sp, size_t start, size_t end)
{
    while (start < end) {
        size_t n, piece_end;
        int32_t cp;
        int rc;

        cp = cp_at(sp, start, &n);
        if (is_space(cp)) {
            start += n;
            continue;
        }
        while (end > start) {
            size_t p = summ__utf8_prev(sp->text, start, end);
            cp = cp_at(sp, p, &n);
            if (p + n != end || !is_space(cp))
                break;
            end = p;
        }
        if (end - start <= SUMM_MAX_SENTENCE_BYTES)
            return summ__span_vec_push(sp->out, start, end);

        /* Too long: cut at the last ASCII white space in the second half of
         * the window, else at the last code point boundary inside it. */
        piece_end = start + SUMM_MAX_SENTENCE_BYTES;
        {
            size_t k = piece_end, lo = start + SUMM_MAX_SENTENCE_BYTES / 2;
            while (k > lo && sp->text[k - 1] != ' ' && sp->text[k - 1] != '\n' &&
                   sp->text[k - 1] != '\t')
                k--;
            if (k > lo) {
                piece_end = k;
            } else {
                while (piece_end > start + 1 &&
                       ((unsigned char)sp->text[piece_end] & 0xC0) == 0x80)
                    piece_end--;
            }
        }
        /* The piece has no leading space and its tail is trimmed by the
         * recursive call's own loop (it is short enough not to recurse again). */
        if ((rc = emit(sp, start, piece_end)) < 0)
            return rc;
        start = piece_end;
    }
    return SUMM_OK;
}

/* Ends the current sentence at `at` and starts the next one there. */
static int cut(splitter *sp, size_t at)
{
    int rc = emit(sp, sp->seg_start, at);
    sp->seg_start = at;
    sp->quote_close = sp->quote_alt = 0;
    return rc;
}

/* Tracks double quotation marks: an opening mark when none is open, the
 * matching closing mark otherwise. Single quotes double as apostrophes
 * and are left out. */
static void track_quote(splitter *sp, int32_t cp)
{
    if (sp->quote_close) {
        if (cp == sp->quote_close || cp == sp->quote_alt)
            sp->quote_close = sp->quote_alt = 0;
        return;
    }
    switch (cp) {
    case '"':
        sp->quote_close = sp->quote_alt = '"';
        break;
    case 0x201E: /* „ */
        sp->quote_close = 0x201C;
        sp->quote_alt = 0x201D;
        break;
    case 0x201C: /* “ */
        sp->quote_close = sp->quote_alt = 0x201D;
        break;
    case 0x00AB: /* « */
        sp->quote_close = sp->quote_alt = 0x00BB;
        break;
    case 0x00BB: /* » as an opening mark (Danish, German) */
        sp->quote_close = sp->quote_alt = 0x00AB;
        break;
    default:
        break;
    }
}

/* Whether the open quotation closes within a short stretch after `from`,
 * inside the paragraph, without a terminator of its own, so that it is
 * part of a larger sentence and the terminators inside it end nothing.
 * For „low-high“ quotations that is enough („Neviem. Nezaujíma ma to,“
 * reagoval.). Treebanks quoting with «», "" and “” split such quotations
 * («Era um miserável quando chegou. Em poucos anos ganhou...».), so for
 * those the quotation must be one unit of a larger sentence: the sentence
 * ends right after the closing mark, and either a bracketed source comes
 * first ("Ei fu. [...]" (Manzoni).) or the terminator is followed by a
 * dash (`dashed`), which resumes the quoted speech after the words that
 * introduce it (« ...? – спросила мама. – Завтра ведь выходной».).
 * A quotation that ends with its own terminator is split as usual. */
#define QUOTE_LOOKAHEAD 400
#define QUOTE_SOURCE_MAX 80
static bool quote_is_embedded(const splitter *sp, size_t from, bool dashed)
{
    size_t k, n, src;
    int32_t prev = 0, cp = 0;
    for (k = from; k < sp->len && k - from < QUOTE_LOOKAHEAD; k += n) {
        cp = cp_at(sp, k, &n);
        if (cp == sp->quote_close || cp == sp->quote_alt)
            break;
        /* Another quotation opens first: this one's end is not in sight. */
        if (cp == 0x00AB || cp == 0x00BB || cp == 0x201C || cp == 0x201E)
            return false;
        if (cp == '\n' && k + 1 < sp->len && sp->text[k + 1] == '\n')
            return false;
        if (!is_space(cp))
            prev = cp;
    }
    if (k >= sp->len || k - from >= QUOTE_LOOKAHEAD || prev == 0 || is_terminator(sp, prev))
        return false;
    if (sp->quote_close == 0x201C)
        return true;
    k += n;
    while (k < sp->len && sp->text[k] == ' ')
        k++;
    if (k < sp->len && sp->text[k] == '(') {
        dashed = true;
        for (src = k + 1; src < sp->len && src - k <= QUOTE_SOURCE_MAX; src += n) {
            cp = cp_at(sp, src, &n);
            if (cp == ')' || cp == '\n' || is_terminator(sp, cp))
                break;
        }
        if (src >= sp->len || cp != ')')
            return false;
        k = src + 1;
    }
    return dashed && k < sp->len && is_terminator(sp, cp_at(sp, k, &n));
}

/* Case-folds a short word into out (at most cap bytes), dropping format
 * characters such as bidi controls. Returns its length, or -1 if it does
 * not fit or cannot be folded. */
static long fold_small(const char *w, size_t len, char *out, size_t cap)
{
    size_t i;
    bool ascii = true;
    for (i = 0; i < len; i++)
        if ((unsigned char)w[i] >= 0x80)
            ascii = false;
    if (ascii) {
        if (len > cap)
            return -1;
        for (i = 0; i < len; i++)
            out[i] = (w[i] >= 'A' && w[i] <= 'Z') ? (char)(w[i] - 'A' + 'a') : w[i];
        return (long)len;
    } else {
        int32_t cps[64];
        utf8proc_ssize_t n, k;
        size_t j = 0;
        const utf8proc_option_t opt = UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT |
                                      UTF8PROC_CASEFOLD | UTF8PROC_IGNORE;
        n = utf8proc_decompose((const utf8proc_uint8_t *)w, (utf8proc_ssize_t)len, cps, 64, opt);
        if (n < 0 || n > 64)
            return -1;
        n = utf8proc_normalize_utf32(cps, n, opt);
        if (n < 0)
            return -1;
        for (k = 0; k < n; k++) {
            utf8proc_uint8_t tmp[4];
            utf8proc_ssize_t m = utf8proc_encode_char(cps[k], tmp);
            if (j + (size_t)m > cap)
                return -1;
            memcpy(out + j, tmp, (size_t)m);
            j += (size_t)m;
        }
        return (long)j;
    }
}

/* The word that ends right before a terminator at `end`: back to white
 * space or an opening mark (format characters such as bidi controls are
 * kept inside the word), then forward past leading bullets, dashes and
 * quotes. */
static size_t word_start(const splitter *sp, size_t end)
{
    size_t ws = end, n;
    /* ASCII fast path; the loop below goes on from where it stops. */
    while (ws > sp->seg_start && end - ws < 64) {
        unsigned char c = (unsigned char)sp->text[ws - 1];
        if (c >= 0x80 || c <= 0x20 || c == 0x7F || c == '"' || c == '(' || c == '[' ||
            c == '{' || c == '`')
            break;
        if (c == '\'' && !(ws - 1 > sp->seg_start && is_letter((unsigned char)sp->text[ws - 2])))
            break;
        ws--;
    }
    while (ws > sp->seg_start && end - ws < 64) {
        size_t p;
        size_t q;
        int32_t cp = cp_before(sp, sp->seg_start, ws, &p);
        if (is_space(cp) && !is_format(cp))
            break;
        /* An apostrophe inside a word ("Mary's", "l'Ing") is no opener. */
        if (is_opener(cp) &&
            !(cp == '\'' && p > sp->seg_start && is_letter(cp_before(sp, sp->seg_start, p, &q))))
            break;
        ws = p;
    }
    while (ws < end) {
        int32_t cp = cp_at(sp, ws, &n);
        if (!is_bullet(cp) && !is_opener(cp) && !is_closer(cp))
            break;
        ws += n;
    }
    return ws;
}

/* What a word before a period looks like. */
typedef struct word_shape {
    size_t letters, digits, upper, dots, len;
    size_t longest_part; /* longest run of letters between dots */
    bool other;          /* anything but letters, digits and dots */
    bool has_link;       /* @ / : \ — addresses, paths, URLs */
} word_shape;

static void shape_of(const splitter *sp, size_t ws, size_t we, word_shape *w)
{
    size_t i, n, part = 0;
    memset(w, 0, sizeof *w);
    w->len = we - ws;
    for (i = ws; i < we; i += n) {
        int32_t cp = cp_at(sp, i, &n);
        if (cp == '.') {
            w->dots++;
            part = 0;
        } else if (is_digit(cp)) {
            w->digits++;
        } else if (is_letter(cp)) {
            w->letters++;
            if (is_upper(cp))
                w->upper++;
            if (++part > w->longest_part)
                w->longest_part = part;
        } else if (!is_format(cp)) {
            w->other = true;
            if (cp == '@' || cp == '/' || cp == ':' || cp == '\\')
                w->has_link = true;
        }
    }
}

/* Looks text[ws, we) up in the language's abbreviations; a word with an
 * elided article ("l'Ing") is also looked up without it. Returns 0 (not
 * found), 1 (ordinary abbreviation) or 2 (title). */
static int abbreviation_kind(const splitter *sp, size_t ws, size_t we)
{
    char folded[256];
    long flen;
    size_t i;
    for (;;) {
        flen = fold_small(sp->text + ws, we - ws, folded, sizeof folded);
        if (flen > 0) {
            if (summ__lang_is_title(sp->lang, folded, (size_t)flen))
                return 2;
            if (summ__lang_is_abbreviation(sp->lang, folded, (size_t)flen))
                return 1;
        }
        /* Retry after an apostrophe: "l'Avv", "dell'Ing". */
        for (i = ws; i < we; i++)
            if (sp->text[i] == '\'' ||
                (i + 2 < we && memcmp(sp->text + i, "\xE2\x80\x99", 3) == 0))
                break;
        if (i >= we)
            return 0;
        ws = i + (sp->text[i] == '\'' ? 1 : 3);
        if (ws >= we)
            return 0;
    }
}

/* The end of the run of letters starting at p, looking at most `max`
 * bytes ahead. */
static size_t letters_end(const splitter *sp, size_t p, size_t max)
{
    size_t e = p, n;
    while (e < sp->len && e - p < max) {
        if (!is_letter(cp_at(sp, e, &n)))
            break;
        e += n;
    }
    return e;
}

/* Whether the word starting at p is one that commonly starts a sentence
 * in this language ("The", "He", "However"). */
static bool next_word_starts_sentence(const splitter *sp, size_t p)
{
    char folded[64];
    const char *const *s;
    size_t e = letters_end(sp, p, 40);
    long flen;
    if (e == p)
        return false;
    flen = fold_small(sp->text + p, e - p, folded, sizeof folded);
    if (flen <= 0 || !sp->starters)
        return false;
    for (s = sp->starters; *s; s++)
        if (strlen(*s) == (size_t)flen && memcmp(*s, folded, (size_t)flen) == 0)
            return true;
    return false;
}

/* Whether the word starting at p is a title with its period ("Mr.",
 * "Dr."): a title opens a noun phrase, so after an abbreviation that can
 * end a sentence ("at 6 P.M. Mr. Smith then left") it starts the next one. */
static bool next_word_is_title(const splitter *sp, size_t p)
{
    size_t e = letters_end(sp, p, 8);
    if (e == p || e >= sp->len || sp->text[e] != '.')
        return false;
    return abbreviation_kind(sp, p, e) == 2;
}

/* Whether text[ws, dot) is "a.m." or "p.m." after a number that opens the
 * sentence with at most one word before it: "At 5 a.m. Mr. Smith went" or
 * "5 p.m. Tuesday is the deadline". A time phrase alone is not a sentence,
 * so it introduces the words that follow; "He left at 6 P.M. Mr. Smith
 * then ..." still ends after the time. */
static bool introductory_time(const splitter *sp, size_t ws, size_t dot)
{
    const char *t = sp->text;
    size_t i, words = 0;
    bool in_word = false, number = false;
    if (dot - ws != 3 || t[ws + 1] != '.' || (t[ws + 2] | 0x20) != 'm' ||
        ((t[ws] | 0x20) != 'a' && (t[ws] | 0x20) != 'p'))
        return false;
    if (ws - sp->seg_start > 40)
        return false;
    for (i = sp->seg_start; i < ws; i++) {
        bool space = t[i] == ' ' || t[i] == '\t' || t[i] == '\n' || t[i] == '\r';
        if (!space && !in_word) {
            words++;
            number = is_digit((unsigned char)t[i]);
        }
        in_word = !space;
    }
    return number && words >= 1 && words <= 2;
}

/* Whether the language has a list of sentence starters. */
static bool has_starters(const splitter *sp)
{
    return sp->starters != NULL;
}

/* A list marker: one or two digits, or one lower-case ASCII letter. Returns
 * its value (letters count from 1) or -1. */
static long marker_value(const splitter *sp, size_t ws, size_t we)
{
    const char *t = sp->text;
    if (we - ws == 1 && t[ws] >= 'a' && t[ws] <= 'z')
        return 1000 + (t[ws] - 'a' + 1);
    if (we - ws == 1 && is_digit(t[ws]))
        return t[ws] - '0';
    if (we - ws == 2 && is_digit(t[ws]) && is_digit(t[ws + 1]))
        return (t[ws] - '0') * 10 + (t[ws + 1] - '0');
    return -1;
}

/* Whether only white space and bullets lie between the sentence start
 * and p. Scans backwards, so it stops at the first word. */
static bool at_sentence_start(const splitter *sp, size_t p)
{
    while (p > sp->seg_start) {
        size_t q;
        int32_t cp = cp_before(sp, sp->seg_start, p, &q);
        if (!is_space(cp) && !is_bullet(cp))
            return false;
        p = q;
    }
    return true;
}

/* Handles a list marker text[ws, we) that is followed by '.' or ')'.
 * Returns true when it is one: the first marker of a sentence starts a
 * list; the next marker of that list starts a new sentence before it
 * (and before its bullet). */
static int list_marker(splitter *sp, size_t ws, size_t we, bool *is_marker)
{
    long v = marker_value(sp, ws, we);
    *is_marker = false;
    if (v < 0)
        return SUMM_OK;
    if (at_sentence_start(sp, ws)) {
        if (v == 1 || v == 1001 || sp->list_next < 0 || v == sp->list_next)
            sp->list_next = v + 1;
        *is_marker = true;
        return SUMM_OK;
    }
    if (v == sp->list_next) {
        size_t at = ws, p;
        int32_t cp;
        /* Back over one bullet and the white space around it. */
        while (at > sp->seg_start) {
            cp = cp_before(sp, sp->seg_start, at, &p);
            if (!is_space(cp))
                break;
            at = p;
        }
        if (at > sp->seg_start && is_bullet(cp_before(sp, sp->seg_start, at, &p)))
            at = p;
        if (at == ws) {
            cp = cp_before(sp, sp->seg_start, at, &p);
            if (!is_space(cp) && !is_bullet(cp))
                return SUMM_OK; /* glued to a word: not a marker */
        }
        sp->list_next = v + 1;
        *is_marker = true;
        return cut(sp, at);
    }
    return SUMM_OK;
}

static bool is_roman(const splitter *sp, size_t ws, size_t we)
{
    size_t i;
    if (we - ws > 6)
        return false;
    for (i = ws; i < we; i++)
        if (!strchr("IVXLCDM", sp->text[i]) || sp->text[i] == '\0')
            return false;
    return true;
}

/* Decides whether a single period at `dot` ends a sentence. nx is the first
 * letter, digit or other mark of what follows (past quotes, brackets and
 * dashes), at position p. */
static int period_ends_sentence(splitter *sp, size_t dot, int32_t nx, size_t p, bool closed,
                                bool *ends)
{
    size_t ws = word_start(sp, dot);
    word_shape w;
    int kind;
    bool marker;
    int rc;

    *ends = false;
    if (ws == dot) {
        *ends = !is_lower(nx) || (sp->rules & RULE_LOWER_ENDS);
        return SUMM_OK;
    }
    shape_of(sp, ws, dot, &w);
    kind = abbreviation_kind(sp, ws, dot);
    if (kind == 2)
        return SUMM_OK;
    if (is_lower(nx) && !(sp->rules & RULE_LOWER_ENDS)) {
        /* Informal text starts sentences in lower case ("call me. i am
         * out"): where the abbreviation list is thorough, a plain word of
         * four letters or more followed by nothing but space ends one. */
        *ends = (sp->rules & RULE_LOWER_AFTER_WORD) && kind == 0 && w.letters >= 4 &&
                w.dots == 0 && w.digits == 0 && !w.other && !closed;
        return SUMM_OK;
    }
    if (!w.dots && !w.other) {
        if ((rc = list_marker(sp, ws, dot, &marker)) < 0)
            return rc;
        if (marker)
            return SUMM_OK;
    }
    if (is_digit(nx)) {
        /* "p. 55", "No. 5", "Rs. 3520"; "It was 2. 3 more came" ends. */
        *ends = kind == 0 && !(w.letters == 1 && w.digits == 0 && w.dots == 0);
        return SUMM_OK;
    }
    if (nx < 0x80 && strchr(",;:/)]}?!", (char)nx) && nx != 0)
        return SUMM_OK; /* "consuela. / [...]", "v. , w" */
    if ((sp->rules & RULE_ORDINAL_DOT) &&
        ((w.digits > 0 && w.digits <= 2 && w.letters == 0 && w.dots == 0 && !w.other) ||
         is_roman(sp, ws, dot))) {
        /* "am 3. Oktober", "XII. Pluku", but "auf Seite 12. Dort ..." */
        *ends = next_word_starts_sentence(sp, p);
        return SUMM_OK;
    }

    if (w.letters == 1 && w.dots == 0 && w.digits == 0 && !w.other) {
        /* An initial ("J. R. R. Tolkien", "Albert I. Jones", "in X. If"),
         * except the pronoun before a word that starts sentences ("you and
         * I. Did you ..."). */
        *ends = sp->text[ws] == 'I' && next_word_starts_sentence(sp, p);
        return SUMM_OK;
    }
    if (w.dots > 0 && w.digits == 0 && !w.other && w.longest_part <= 3) {
        /* Dotted abbreviations: "U.S.", "a.m.", "Ph.D.", "J.A.". */
        if (introductory_time(sp, ws, dot))
            return SUMM_OK;
        if (has_starters(sp))
            *ends = next_word_starts_sentence(sp, p) || next_word_is_title(sp, p);
        else
            *ends = is_upper(nx) && w.longest_part > 1;
        return SUMM_OK;
    }
    if (kind == 1) {
        if (has_starters(sp))
            *ends = next_word_starts_sentence(sp, p) || !is_letter(nx);
        else
            *ends = is_upper(nx);
        return SUMM_OK;
    }
    *ends = true;
    return SUMM_OK;
}

/* A terminator glued to the next word ("domestique.Consternant",
 * "bought 1,000.That"): a boundary when an upper-case word follows and the
 * left side is a plain word or number, not an abbreviation, acronym,
 * address, path or file name. */
static bool glued_boundary(const splitter *sp, size_t term, size_t after)
{
    size_t ws = word_start(sp, term), n, p;
    int32_t nx, nx2, last;
    word_shape w;
    size_t e;
    int kind;

    nx = cp_at(sp, after, &n);
    if (!is_upper(nx) || after + n >= sp->len)
        return false;
    nx2 = cp_at(sp, after + n, &n);
    if (!is_letter(nx2))
        return false;
    if (ws == term)
        return false;
    shape_of(sp, ws, term, &w);
    if (w.dots || w.has_link)
        return false;
    last = cp_before(sp, ws, term, &p);
    if (w.letters >= 2) {
        if (!is_lower(last))
            return false;
    } else if (!(w.letters == 0 && w.digits > 2 && is_digit(last))) {
        return false; /* "1.Helado, 2.Carne" is a list */
    }
    kind = abbreviation_kind(sp, ws, term);
    if (kind == 2 || (kind == 1 && !next_word_starts_sentence(sp, after)))
        return false; /* "Mr.Smith"; but "etc.Quand il ..." ends */
    /* The right side must not be a domain ending ("Newsfeed.Com") or run
     * on into a domain or file name. */
    if (sp->len - after >= 3 && (sp->len - after == 3 || !is_letter(cp_at(sp, after + 3, &p)))) {
        char tld[3];
        size_t k;
        for (k = 0; k < 3; k++)
            tld[k] = (char)(sp->text[after + k] | 0x20);
        if (memcmp(tld, "com", 3) == 0 || memcmp(tld, "org", 3) == 0 ||
            memcmp(tld, "net", 3) == 0 || memcmp(tld, "edu", 3) == 0 ||
            memcmp(tld, "gov", 3) == 0)
            return false;
    }
    for (e = after; e < sp->len && e - after < 64; e += n) {
        int32_t cp = cp_at(sp, e, &n);
        if (is_space(cp))
            break;
        if (cp == '@' || cp == '/')
            return false;
        if (cp == '.' && e + 1 < sp->len && is_letter(cp_at(sp, e + 1, &p)))
            return false;
    }
    return true;
}

/* Handles a run of terminators starting at i. Returns the position where
 * scanning resumes, or a negative status in *rc. */
static size_t terminator(splitter *sp, size_t i, int32_t cp, int *rc)
{
    const char *t = sp->text;
    size_t len = sp->len, k = i, e, j, n, p;
    size_t n_dots = 0;
    bool bang = false, unicode_ellipsis = false, spaced = false, strong = false;
    bool ends = false, dashed = false, blank_line = false;
    int32_t last = cp, nx;

    *rc = SUMM_OK;
    /* The run: terminators, also when single spaces separate them
     * (". . .", "! ! !"). */
    while (k < len) {
        int32_t c = cp_at(sp, k, &n);
        if (is_terminator(sp, c)) {
            if (c == '.')
                n_dots++;
            else if (c == 0x2026)
                unicode_ellipsis = true;
            else
                bang = true;
            if (is_strong_terminator(c))
                strong = true;
            last = c;
            k += n;
            continue;
        }
        if (c == ' ' && k + 1 < len && (t[k + 1] == '.' || t[k + 1] == '!' || t[k + 1] == '?') &&
            (t[k - 1] == '.' || t[k - 1] == '!' || t[k - 1] == '?') &&
            (k + 2 >= len || t[k + 2] == ' ' || t[k + 2] == '\n' ||
             is_closer(cp_at(sp, k + 2, &n)))) {
            spaced = true;
            k++;
            continue;
        }
        break;
    }
    /* "[...]" marks an omission inside a sentence. */
    if (n_dots >= 2 && !spaced && i > 0 && t[i - 1] == '[' && k < len && t[k] == ']')
        return k + 1;

    e = k;
    while (e < len) {
        int32_t c = cp_at(sp, e, &n);
        if (!is_closer(c))
            break;
        if (c == 0x300B && sp->book_depth > 0)
            sp->book_depth--;
        if (sp->quote_close && (c == sp->quote_close || c == sp->quote_alt))
            sp->quote_close = sp->quote_alt = 0;
        e += n;
    }
    if (!strong) {
        size_t q = e, d;
        /* A closing mark set off by a space, as French typography does:
         * "... « pièce. »", "... la pollution. \"" */
        while (q < len && (t[q] == ' ' || (q + 1 < len && t[q] == '\xC2' && t[q + 1] == '\xA0') ||
                           (q + 2 < len && memcmp(t + q, "\xE2\x80\xAF", 3) == 0)))
            q += t[q] == ' ' ? 1 : t[q] == '\xC2' ? 2 : 3;
        if (q > e && q < len) {
            int32_t c = cp_at(sp, q, &n);
            if (((c == 0x00BB || c == 0x201D || c == '"') && c == sp->quote_close) &&
                (q + n == len || is_space(cp_at(sp, q + n, &d)))) {
                if (sp->quote_close && (c == sp->quote_close || c == sp->quote_alt))
                    sp->quote_close = sp->quote_alt = 0;
                e = q + n;
            }
        }
        /* A citation mark or an omission mark stays with the sentence it
         * follows: "in 1805. [6] An", "for all! [...]" */
        q = e < len && t[e] == ' ' ? e + 1 : e;
        d = q + 1;
        while (d < len && d - q <= 3 && is_digit(t[d]))
            d++;
        if (d == q + 1 && d + 3 < len && memcmp(t + d, "...", 3) == 0)
            d += 3;
        else if (d == q + 1 && d + 3 < len && memcmp(t + d, "\xE2\x80\xA6", 3) == 0)
            d += 3;
        if (q < len && t[q] == '[' && d > q + 1 && d < len && t[d] == ']' &&
            (d + 1 == len || is_space(cp_at(sp, d + 1, &n))))
            e = d + 1;
    }

    if (strong) {
        if (sp->book_depth > 0)
            return e;
        *rc = cut(sp, e);
        return e;
    }
    if (e >= len)
        return e;

    cp = cp_at(sp, e, &n);
    if (!is_space(cp)) {
        if ((last == '.' || last == '!' || last == '?') && n_dots <= 1 &&
            glued_boundary(sp, i, e))
            *rc = cut(sp, e);
        return e;
    }

    /* White space follows: look at what comes after it. */
    j = e;
    while (j < len) {
        cp = cp_at(sp, j, &n);
        if (!is_space(cp))
            break;
        if (cp == '\n') {
            size_t q = j + 1;
            while (q < len && (t[q] == ' ' || t[q] == '\t' || t[q] == '\r'))
                q++;
            if (q < len && t[q] == '\n')
                blank_line = true;
        }
        j += n;
    }
    if (j >= len || blank_line) {
        *rc = cut(sp, e);
        return e;
    }
    p = j;
    nx = cp;
    while (p < len && (is_opener(nx) || is_dash(nx))) {
        if (is_dash(nx))
            dashed = true;
        p += n;
        if (p >= len)
            break;
        nx = cp_at(sp, p, &n);
        while (is_space(nx) && p + n < len) {
            p += n;
            nx = cp_at(sp, p, &n);
        }
    }

    if (last == 0x060C) {
        /* An enumeration "A، B، C" goes on: no end before a word that is
         * itself followed by a comma. */
        size_t q = p;
        ends = true;
        while (q < len) {
            int32_t c = cp_at(sp, q, &n);
            if (c == 0x060C)
                ends = false;
            if (is_space(c) || c == 0x060C)
                break;
            q += n;
        }
    } else if (bang) {
        bool name = false;
        if (last == '!' && n_dots == 0 && k == i + 1) {
            /* Names with an exclamation mark: "Yahoo! Research". */
            size_t ws = word_start(sp, i);
            char folded[64];
            long flen = fold_small(t + ws, i + 1 - ws, folded, sizeof folded);
            name = flen > 0 && summ__lang_is_title(sp->lang, folded, (size_t)flen);
        }
        if (name || nx == ',' || nx == ';' || nx == ':')
            ends = false;
        else if (is_lower(nx))
            /* "what? where did you go?" ends; "voila! -- you have" and
             * "\"Stop!\" he said" do not. */
            ends = !dashed && e == k;
        else
            ends = true;
    } else if (unicode_ellipsis || n_dots >= 2) {
        if (spaced) {
            bool attached = i > sp->seg_start && !is_space(cp_before(sp, 0, i, &p));
            if (attached && n_dots >= 4) {
                /* "compounds. . . . The practice": the period ends the
                 * sentence and the ellipsis opens the next one. */
                if (is_upper(nx))
                    *rc = cut(sp, i + 1);
                return e;
            }
            ends = n_dots >= 4 && is_upper(nx);
        } else {
            ends = is_upper(nx);
        }
    } else if (last == '.') {
        *rc = period_ends_sentence(sp, i, nx, p, e > k, &ends);
        if (*rc < 0)
            return e;
    } else {
        /* ':' ';' where they end sentences, and other scripts' marks. */
        ends = true;
    }
    if (ends && sp->quote_close && quote_is_embedded(sp, e, dashed))
        ends = false;
    if (ends)
        *rc = cut(sp, e);
    return e;
}

/* A semicolon at i ends a sentence when a word that commonly starts one
 * follows with a capital ("... au XIXe siècle ; Le poème ..."), in
 * languages that have a list of such words. (Colons were measured too:
 * they gain nothing on the treebanks and risk "Note: The ..." splits.) */
static int semicolon(splitter *sp, size_t i)
{
    size_t j = i + 1, n;
    int32_t cp;
    if (j >= sp->len || (sp->text[j] != ' ' && sp->text[j] != '\n'))
        return SUMM_OK;
    while (j < sp->len && (sp->text[j] == ' ' || sp->text[j] == '\n'))
        j++;
    if (j >= sp->len || !is_upper(cp = cp_at(sp, j, &n)))
        return SUMM_OK;
    /* Not inside an abbreviation-like word such as "A: yes". */
    if (j + n < sp->len && is_upper(cp_at(sp, j + n, &n)))
        return SUMM_OK;
    if (!next_word_starts_sentence(sp, j))
        return SUMM_OK;
    return cut(sp, i + 1);
}

/* A single newline at i (not part of a blank line): a boundary unless the
 * line looks hard-wrapped. */
static int newline(splitter *sp, size_t i, size_t next)
{
    const char *t = sp->text;
    size_t line_end = i, p, n, chars = 0, next_chars = 0, first_word = 0, q, next_last = next;
    int32_t last, nc;
    bool terms = false, in_first = true, fits;

    while (line_end > sp->line_start && (t[line_end - 1] == ' ' || t[line_end - 1] == '\t' ||
                                         t[line_end - 1] == '\r'))
        line_end--;
    if (line_end <= sp->line_start || line_end <= sp->seg_start || next >= sp->len)
        return SUMM_OK;
    last = cp_before(sp, sp->line_start, line_end, &p);
    /* Closing marks after a terminator: the terminator rules decided
     * already. After anything else the line has no terminator of its own
     * ("«Kids Wanna Rock»", "18 URVs (por pessoa)"). */
    while (is_closer(last) && p > sp->line_start)
        last = cp_before(sp, sp->line_start, p, &p);
    if (is_terminator(sp, last) || is_closer(last))
        return SUMM_OK;
    if (last == ',' || last == ';' || last == '(' || is_dash(last) || last == 0x00AD)
        return SUMM_OK;
    nc = cp_at(sp, next, &n);
    if (is_cjk(nc) || is_cjk(last))
        return SUMM_OK;
    for (q = sp->line_start; q < line_end; q++) {
        if (((unsigned char)t[q] & 0xC0) != 0x80)
            chars++;
        if (t[q] == '.' || t[q] == '!' || t[q] == '?')
            terms = true;
    }
    for (q = next; q < sp->len && t[q] != '\n' && next_chars <= 100; q++) {
        if (t[q] == ' ' || t[q] == '\t' || t[q] == '\r')
            in_first = false;
        else
            next_last = q;
        if (((unsigned char)t[q] & 0xC0) != 0x80) {
            next_chars++;
            first_word += in_first;
        }
        if (t[q] == '.' || t[q] == '!' || t[q] == '?')
            terms = true;
    }
    if (chars > 100)
        return cut(sp, i); /* not hard-wrapped text */
    if (is_bullet(nc) && next + n < sp->len && is_space(cp_at(sp, next + n, &p)))
        return cut(sp, i); /* "- item" */
    /* A wrapped line is one the next line's first word would not have fitted
     * on, as a greedy wrapper fills lines; a line ending before that point
     * is a heading, byline or list item. So is a very short line. */
    fits = chars + 1 + first_word <= (chars > next_chars ? chars : next_chars);
    if (is_lower(nc)) {
        /* Short lines without punctuation: a list ("features\ncontact
         * manager\n"). */
        if (next_chars < 40 && !terms && (chars < 20 || fits))
            return cut(sp, i);
        return SUMM_OK;
    }
    if (!is_upper(nc) && !is_digit(nc) && !is_opener(nc) && !is_bullet(nc))
        return SUMM_OK;
    if (next_chars > 100 || chars < 20 || fits)
        return cut(sp, i);
    /* A line followed by a shorter one that does not end a sentence either:
     * a heading and a byline, not the end of a wrapped paragraph. */
    if (next_chars < chars) {
        size_t s0 = next_last;
        while (s0 > next && ((unsigned char)t[s0] & 0xC0) == 0x80)
            s0--;
        last = cp_at(sp, s0, &n);
        if (!is_terminator(sp, last) && !is_closer(last))
            return cut(sp, i);
    }
    return SUMM_OK;
}

/* Skips bytes that cannot start a candidate. Eight bytes at a time while
 * none of them is . ! ? ) " ; a newline or a non-ASCII byte (a
 * superset of the candidates unless the language adds ASCII marks), then
 * byte by byte through the table. */
static size_t skip_plain(const unsigned char *cand, const char *text, size_t i, size_t len,
                         bool wide)
{
    const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
    if (wide) {
        while (i + 8 <= len) {
            uint64_t w, x, m;
            memcpy(&w, text + i, sizeof w);
            m = w;
            x = w ^ (ones * '.');
            m |= (x - ones) & ~x;
            x = w ^ (ones * '!');
            m |= (x - ones) & ~x;
            x = w ^ (ones * '?');
            m |= (x - ones) & ~x;
            x = w ^ (ones * ')');
            m |= (x - ones) & ~x;
            x = w ^ (ones * '\n');
            m |= (x - ones) & ~x;
            x = w ^ (ones * '"');
            m |= (x - ones) & ~x;
            x = w ^ (ones * ';');
            m |= (x - ones) & ~x;
            if (m & highs)
                break;
            i += 8;
        }
    }
    while (i < len && !cand[(unsigned char)text[i]])
        i++;
    return i;
}

int summ__split(const summ_lang *lang, const char *text, size_t len, bool lenient,
                summ__span_vec *out)
{
    splitter sp;
    unsigned char cand[256];
    size_t i = 0;
    bool wide;
    int rc;

    (void)lenient; /* invalid bytes decode as U+FFFD, which counts as space */
    memset(&sp, 0, sizeof sp);
    sp.lang = lang;
    sp.code = lang->info->code;
    sp.rules = rules_for(sp.code);
    sp.starters = summ__sentence_starters(sp.code);
    sp.text = text;
    sp.len = len;
    sp.out = out;
    sp.list_next = -1;

    /* Bytes that may start a candidate: ASCII marks, and the lead bytes of
     * every multi-byte terminator and bracket we track. */
    memset(cand, 0, sizeof cand);
    cand['.'] = cand['!'] = cand['?'] = cand['\n'] = cand[')'] = cand['"'] = 1;
    if (sp.rules & RULE_COLON_ENDS)
        cand[':'] = 1;
    if ((sp.rules & RULE_GREEK_QUESTION) || sp.starters)
        cand[';'] = 1;
    if (sp.rules & RULE_GREEK_QUESTION)
        cand[';'] = 1;
    cand[0xC2] = cand[0xCD] = cand[0xD6] = cand[0xD8] = cand[0xDB] = 1;
    cand[0xE0] = cand[0xE1] = cand[0xE2] = cand[0xE3] = cand[0xEF] = 1;
    wide = !cand[':'];

    while (i < len) {
        unsigned char c;
        size_t n;
        int32_t cp;

        i = skip_plain(cand, text, i, len, wide);
        if (i >= len)
            break;
        c = (unsigned char)text[i];
        if (c == '\n') {
            /* A blank line: newline, optional horizontal space, newline. */
            size_t j = i + 1;
            while (j < len && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r'))
                j++;
            if (j < len && text[j] == '\n') {
                if ((rc = cut(&sp, i)) < 0)
                    return rc;
                sp.line_start = j;
                i = j;
                continue;
            }
            if ((rc = newline(&sp, i, j)) < 0)
                return rc;
            sp.line_start = i + 1;
            i++;
            continue;
        }
        if (c == ')') {
            /* "1) The first item 2) The second item" */
            size_t ws = word_start(&sp, i);
            bool marker;
            if (ws < i && i - ws <= 2 && i + 1 < len && text[i + 1] == ' ' &&
                (rc = list_marker(&sp, ws, i, &marker)) < 0)
                return rc;
            i++;
            continue;
        }
        if (c == '"') {
            track_quote(&sp, '"');
            i++;
            continue;
        }
        if (c == ';' && !(sp.rules & RULE_GREEK_QUESTION)) {
            if ((rc = semicolon(&sp, i)) < 0)
                return rc;
            i++;
            continue;
        }
        cp = cp_at(&sp, i, &n);
        if (cp == 0x201E || cp == 0x201C || cp == 0x201D || cp == 0x00AB || cp == 0x00BB) {
            track_quote(&sp, cp);
            i += n;
            continue;
        }
        if (cp == 0x300A) { /* 《 */
            sp.book_depth++;
            i += n;
            continue;
        }
        if (cp == 0x300B) { /* 》 */
            if (sp.book_depth > 0)
                sp.book_depth--;
            i += n;
            continue;
        }
        if (!is_terminator(&sp, cp)) {
            i += n;
            continue;
        }
        i = terminator(&sp, i, cp, &rc);
        if (rc < 0)
            return rc;
    }
    return emit(&sp, sp.seg_start, len);
}
