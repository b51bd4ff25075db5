/*
 * Input text as the tools write it: always valid UTF-8. With --lenient the
 * text may hold invalid bytes, and file names are any bytes; each ill-formed
 * sequence becomes one U+FFFD REPLACEMENT CHARACTER, following Unicode's
 * "maximal subpart" practice (chapter 3, U+FFFD substitution): a lead byte
 * and the continuation bytes after it that could still start a well-formed
 * sequence are replaced together, any other bad byte alone. That is what
 * Python's bytes.decode("utf-8", "replace") and the WHATWG decoder do, so a
 * reader decoding the input that way gets the same text. Offsets printed
 * beside the text still count bytes of the input.
 */
#include "output_text.h"

#include <stdint.h>

/* Not a code point: marks an ill-formed sequence. */
#define BAD_SEQUENCE 0xFFFFFFFFu

static const char replacement[] = "\xEF\xBF\xBD";

/* Decodes the character at s[0, n), n >= 1, into *cp and returns its length;
 * for an ill-formed sequence, *cp is BAD_SEQUENCE and the length that of its
 * maximal subpart (at least 1). The well-formed sequences are those of the
 * Unicode standard's table 3-7: no overlong forms, no surrogates, nothing
 * above U+10FFFF. */
static size_t next_char(const unsigned char *s, size_t n, uint32_t *cp)
{
    unsigned char lo = 0x80, hi = 0xBF; /* range of the second byte */
    size_t need, k;
    uint32_t c = s[0];

    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    if (c >= 0xC2 && c <= 0xDF) {
        need = 1;
        c &= 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
        need = 2;
        if (c == 0xE0)
            lo = 0xA0; /* E0 80..9F would be overlong */
        else if (c == 0xED)
            hi = 0x9F; /* ED A0..BF would be a surrogate */
        c &= 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        need = 3;
        if (c == 0xF0)
            lo = 0x90; /* overlong */
        else if (c == 0xF4)
            hi = 0x8F; /* above U+10FFFF */
        c &= 0x07;
    } else {
        /* A continuation byte, C0/C1 (always overlong) or F5..FF. */
        *cp = BAD_SEQUENCE;
        return 1;
    }
    for (k = 1; k <= need; k++) {
        if (k >= n || s[k] < lo || s[k] > hi) {
            *cp = BAD_SEQUENCE;
            return k;
        }
        c = (c << 6) | (s[k] & 0x3Fu);
        lo = 0x80;
        hi = 0xBF;
    }
    *cp = c;
    return need + 1;
}

void cli_write_text(FILE *out, const char *s, size_t len)
{
    size_t i = 0;
    while (i < len) {
        uint32_t cp;
        size_t n = next_char((const unsigned char *)s + i, len - i, &cp);
        if (cp == BAD_SEQUENCE)
            fputs(replacement, out);
        else
            fwrite(s + i, 1, n, out);
        i += n;
    }
}

void cli_write_text_line(FILE *out, const char *s, size_t len)
{
    size_t i = 0;
    while (i < len) {
        uint32_t cp;
        size_t n = next_char((const unsigned char *)s + i, len - i, &cp);
        if (cp == '\r' && i + 1 < len && s[i + 1] == '\n')
            ; /* CRLF: the LF gives the space */
        else if (cp == '\n' || cp == '\r')
            fputc(' ', out);
        else if (cp == BAD_SEQUENCE)
            fputs(replacement, out);
        else
            fwrite(s + i, 1, n, out);
        i += n;
    }
    fputc('\n', out);
}

void cli_write_tsv_field(FILE *out, const char *s, size_t len)
{
    size_t i = 0;
    while (i < len) {
        uint32_t cp;
        size_t n = next_char((const unsigned char *)s + i, len - i, &cp);
        switch (cp) {
        case '\t':
            fputs("\\t", out);
            break;
        case '\n':
            fputs("\\n", out);
            break;
        case '\r':
            fputs("\\r", out);
            break;
        case '\\':
            fputs("\\\\", out);
            break;
        case BAD_SEQUENCE:
            fputs(replacement, out);
            break;
        default:
            fwrite(s + i, 1, n, out);
        }
        i += n;
    }
}

void cli_write_json_string(FILE *out, const char *s, size_t len)
{
    size_t i = 0;
    fputc('"', out);
    while (i < len) {
        uint32_t cp;
        size_t n = next_char((const unsigned char *)s + i, len - i, &cp);
        switch (cp) {
        case '"':
            fputs("\\\"", out);
            break;
        case '\\':
            fputs("\\\\", out);
            break;
        case '\n':
            fputs("\\n", out);
            break;
        case '\r':
            fputs("\\r", out);
            break;
        case '\t':
            fputs("\\t", out);
            break;
        case BAD_SEQUENCE:
            fputs(replacement, out);
            break;
        default:
            /* U+2028 and U+2029 end a line in JavaScript strings. */
            if (cp < 0x20 || cp == 0x7F || cp == 0x2028 || cp == 0x2029)
                fprintf(out, "\\u%04x", (unsigned)cp);
            else
                fwrite(s + i, 1, n, out);
        }
        i += n;
    }
    fputc('"', out);
}
