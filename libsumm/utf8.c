/* Strict UTF-8 validation and decoding (RFC 3629: no overlongs, no
 * surrogates, nothing above U+10FFFF). */
#include "text.h"

#include <string.h>
#include <utf8proc.h>

int summ__utf8_decode(const char *text, size_t len, size_t i, int32_t *cp)
{
    const unsigned char *s = (const unsigned char *)text + i;
    size_t avail = len - i;
    unsigned char c = s[0];
    int32_t v;

    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    if (c >= 0xC2 && c <= 0xDF) {
        if (avail < 2 || (s[1] & 0xC0) != 0x80)
            goto bad;
        *cp = ((int32_t)(c & 0x1F) << 6) | (s[1] & 0x3F);
        return 2;
    }
    if (c >= 0xE0 && c <= 0xEF) {
        if (avail < 3 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80)
            goto bad;
        v = ((int32_t)(c & 0x0F) << 12) | ((int32_t)(s[1] & 0x3F) << 6) | (s[2] & 0x3F);
        if (v < 0x800 || (v >= 0xD800 && v <= 0xDFFF))
            goto bad;
        *cp = v;
        return 3;
    }
    if (c >= 0xF0 && c <= 0xF4) {
        if (avail < 4 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80 ||
            (s[3] & 0xC0) != 0x80)
            goto bad;
        v = ((int32_t)(c & 0x07) << 18) | ((int32_t)(s[1] & 0x3F) << 12) |
            ((int32_t)(s[2] & 0x3F) << 6) | (s[3] & 0x3F);
        if (v < 0x10000 || v > 0x10FFFF)
            goto bad;
        *cp = v;
        return 4;
    }
bad:
    *cp = 0xFFFD;
    return -1;
}

bool summ__utf8_valid(const char *text, size_t len, size_t *bad_offset)
{
    size_t i = 0;
    while (i < len) {
        int32_t cp;
        int n;
        /* ASCII fast path, eight bytes at a time. */
        if (i + 8 <= len) {
            uint64_t w;
            memcpy(&w, text + i, 8);
            if ((w & 0x8080808080808080u) == 0) {
                i += 8;
                continue;
            }
        }
        if ((unsigned char)text[i] < 0x80) {
            i++;
            continue;
        }
        n = summ__utf8_decode(text, len, i, &cp);
        if (n < 0) {
            if (bad_offset)
                *bad_offset = i;
            return false;
        }
        i += (size_t)n;
    }
    return true;
}

size_t summ__utf8_prev(const char *text, size_t start, size_t end)
{
    size_t i = end - 1;
    int k = 0;
    /* Step back over at most three continuation bytes; if they do not lead
     * back to a lead byte that covers them, the last byte is a unit of its own. */
    while (i > start && k < 3 && ((unsigned char)text[i] & 0xC0) == 0x80) {
        i--;
        k++;
    }
    if (k > 0) {
        int32_t cp;
        int n = summ__utf8_decode(text, end, i, &cp);
        if (n < 0 || i + (size_t)n != end)
            return end - 1;
    }
    return i;
}

bool summ__is_space(int32_t cp)
{
    if (cp < 0x80)
        return cp <= 0x20 || cp == 0x7F;
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_ZS:
    case UTF8PROC_CATEGORY_ZL:
    case UTF8PROC_CATEGORY_ZP:
    case UTF8PROC_CATEGORY_CC:
    case UTF8PROC_CATEGORY_CF:
        return true;
    default:
        return cp == 0xFFFD;
    }
}

bool summ__is_letter_cp(int32_t cp)
{
    if (cp < 0x80)
        return (uint32_t)((cp | 0x20) - 'a') < 26;
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
        return true;
    default:
        return false;
    }
}
