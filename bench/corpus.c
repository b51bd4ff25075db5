/*
 * Reads the "text" fields of a JSON Lines corpus into one buffer, joined
 * by blank lines, for the speed benchmarks. Enough JSON for the data files
 * of ../shared/data (string escapes, \\u with surrogate pairs).
 */
#include "corpus.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int hexval(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

static size_t put_utf8(char *o, unsigned long cp)
{
    if (cp < 0x80) {
        o[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        o[0] = (char)(0xC0 | (cp >> 6));
        o[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (char)(0xE0 | (cp >> 12));
        o[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (char)(0xF0 | (cp >> 18));
    o[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    o[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* Decodes the JSON string starting after the opening quote at in[*i] into
 * out; returns bytes written. Enough JSON for our data files. */
static size_t json_string(const char *in, size_t n, size_t *i, char *out)
{
    size_t o = 0, k = *i;
    while (k < n && in[k] != '"') {
        if (in[k] == '\\' && k + 1 < n) {
            char e = in[k + 1];
            k += 2;
            switch (e) {
            case 'n': out[o++] = '\n'; break;
            case 't': out[o++] = '\t'; break;
            case 'r': out[o++] = '\r'; break;
            case 'b': out[o++] = '\b'; break;
            case 'f': out[o++] = '\f'; break;
            case 'u': {
                unsigned long cp = 0;
                int j;
                for (j = 0; j < 4 && k < n; j++, k++)
                    cp = cp * 16 + (unsigned long)hexval(in[k]);
                if (cp >= 0xD800 && cp < 0xDC00 && k + 6 <= n && in[k] == '\\') {
                    unsigned long lo = 0;
                    for (j = 0; j < 4; j++)
                        lo = lo * 16 + (unsigned long)hexval(in[k + 2 + j]);
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                    k += 6;
                }
                o += put_utf8(out + o, cp);
                break;
            }
            default: out[o++] = e; break;
            }
        } else {
            out[o++] = in[k++];
        }
    }
    *i = k + 1;
    return o;
}

char *corpus_load(const char *path, size_t *len_out)
{
    static const char key[] = "\"text\": \"";
    FILE *f = fopen(path, "rb");
    char *raw, *text;
    long size;
    size_t n_raw, len = 0, i = 0;

    if (!f) {
        perror(path);
        return NULL;
    }
    fseek(f, 0, SEEK_END);
    size = ftell(f);
    fseek(f, 0, SEEK_SET);
    raw = malloc((size_t)size + 1);
    text = malloc((size_t)size + 1);
    if (!raw || !text || fread(raw, 1, (size_t)size, f) != (size_t)size) {
        fprintf(stderr, "cannot read %s\n", path);
        fclose(f);
        free(raw);
        free(text);
        return NULL;
    }
    fclose(f);
    n_raw = (size_t)size;
    raw[n_raw] = '\0';
    while (i < n_raw) {
        char *p = strstr(raw + i, key);
        if (!p)
            break;
        i = (size_t)(p - raw) + sizeof key - 1;
        if (len) {
            text[len++] = '\n';
            text[len++] = '\n';
        }
        len += json_string(raw, n_raw, &i, text + len);
    }
    free(raw);
    *len_out = len;
    return text;
}
