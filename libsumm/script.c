/* The writing system of a code point, by Unicode block: enough to tell the
 * scripts libsumm treats differently (language identification, and the
 * scripts written without spaces that the tokenizer cuts into bigrams). */
#include "text.h"

typedef struct script_range {
    int32_t first, last;
    summ__script script;
} script_range;

/* Sorted by first code point. */
static const script_range ranges[] = {
    { 0x0041, 0x005A, SUMM__SCRIPT_LATIN },
    { 0x0061, 0x007A, SUMM__SCRIPT_LATIN },
    { 0x00AA, 0x00AA, SUMM__SCRIPT_LATIN },
    { 0x00BA, 0x00BA, SUMM__SCRIPT_LATIN },
    { 0x00C0, 0x00D6, SUMM__SCRIPT_LATIN },
    { 0x00D8, 0x00F6, SUMM__SCRIPT_LATIN },
    { 0x00F8, 0x02AF, SUMM__SCRIPT_LATIN },
    { 0x0370, 0x03FF, SUMM__SCRIPT_GREEK },
    { 0x0400, 0x052F, SUMM__SCRIPT_CYRILLIC },
    { 0x0530, 0x058F, SUMM__SCRIPT_ARMENIAN },
    { 0x0590, 0x05FF, SUMM__SCRIPT_HEBREW },
    { 0x0600, 0x06FF, SUMM__SCRIPT_ARABIC },
    { 0x0750, 0x077F, SUMM__SCRIPT_ARABIC },
    { 0x0900, 0x097F, SUMM__SCRIPT_DEVANAGARI },
    { 0x0B80, 0x0BFF, SUMM__SCRIPT_TAMIL },
    { 0x0E00, 0x0E7F, SUMM__SCRIPT_THAI },
    { 0x1000, 0x109F, SUMM__SCRIPT_MYANMAR },
    { 0x1100, 0x11FF, SUMM__SCRIPT_HANGUL },
    { 0x1200, 0x139F, SUMM__SCRIPT_ETHIOPIC },
    { 0x1E00, 0x1EFF, SUMM__SCRIPT_LATIN },
    { 0x1F00, 0x1FFF, SUMM__SCRIPT_GREEK },
    { 0x2D80, 0x2DDF, SUMM__SCRIPT_ETHIOPIC },
    { 0x2E80, 0x2FDF, SUMM__SCRIPT_HAN },
    { 0x3005, 0x3007, SUMM__SCRIPT_HAN },
    { 0x3021, 0x3029, SUMM__SCRIPT_HAN },
    { 0x3038, 0x303B, SUMM__SCRIPT_HAN },
    { 0x3041, 0x309F, SUMM__SCRIPT_KANA },
    { 0x30A0, 0x30FF, SUMM__SCRIPT_KANA },
    { 0x3130, 0x318F, SUMM__SCRIPT_HANGUL },
    { 0x31F0, 0x31FF, SUMM__SCRIPT_KANA },
    { 0x3400, 0x4DBF, SUMM__SCRIPT_HAN },
    { 0x4E00, 0x9FFF, SUMM__SCRIPT_HAN },
    { 0xA960, 0xA97F, SUMM__SCRIPT_HANGUL },
    { 0xA9E0, 0xA9FF, SUMM__SCRIPT_MYANMAR },
    { 0xAA60, 0xAA7F, SUMM__SCRIPT_MYANMAR },
    { 0xAB00, 0xAB2F, SUMM__SCRIPT_ETHIOPIC },
    { 0xAC00, 0xD7FF, SUMM__SCRIPT_HANGUL },
    { 0xF900, 0xFAFF, SUMM__SCRIPT_HAN },
    { 0xFB1D, 0xFB4F, SUMM__SCRIPT_HEBREW },
    { 0xFB50, 0xFDFF, SUMM__SCRIPT_ARABIC },
    { 0xFE70, 0xFEFF, SUMM__SCRIPT_ARABIC },
    { 0xFF21, 0xFF3A, SUMM__SCRIPT_LATIN },
    { 0xFF41, 0xFF5A, SUMM__SCRIPT_LATIN },
    { 0xFF66, 0xFF9F, SUMM__SCRIPT_KANA },
    { 0xFFA0, 0xFFDC, SUMM__SCRIPT_HANGUL },
    { 0x1B000, 0x1B16F, SUMM__SCRIPT_KANA },
    { 0x20000, 0x3134F, SUMM__SCRIPT_HAN },
};

summ__script summ__script_of(int32_t cp)
{
    size_t lo = 0, hi = sizeof ranges / sizeof ranges[0];
    if (cp < 0x80) {
        if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z'))
            return SUMM__SCRIPT_LATIN;
        return SUMM__SCRIPT_OTHER;
    }
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (cp < ranges[mid].first)
            hi = mid;
        else if (cp > ranges[mid].last)
            lo = mid + 1;
        else
            return ranges[mid].script;
    }
    return SUMM__SCRIPT_OTHER;
}

bool summ__script_unspaced(summ__script sc)
{
    return sc == SUMM__SCRIPT_HAN || sc == SUMM__SCRIPT_KANA || sc == SUMM__SCRIPT_HANGUL ||
           sc == SUMM__SCRIPT_THAI || sc == SUMM__SCRIPT_MYANMAR;
}
