/*
 * JSON Lines in and out, through json-c (chosen over jansson for speed:
 * docs/BENCHMARKS.md). What a hostile line gets:
 *  - not one JSON object, trailing bytes after it, nesting deeper than
 *    MAX_DEPTH, invalid UTF-8 anywhere in the line: refused (a bad record).
 *  - a text field that is missing or not a string: refused.
 *  - \u0000 inside the text: refused, since a summary of a text cut at the
 *    NUL would be a silent truncation; other fields may hold it and are
 *    copied with it.
 *  - a surrogate pair: the character it encodes; a lone surrogate: U+FFFD,
 *    as json-c decodes it.
 *  - a key given twice: the last one counts, as in most JSON readers.
 *  - a huge string: as long as the line, which --max-input-bytes bounds.
 */
#include "jsonl.h"

#include <json-c/json.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Deep enough for any real record, shallow enough to bound the parser. */
#define MAX_DEPTH 64

int jsonl_parse(const char *line, size_t len, const jsonl_fields *f, jsonl_record *rec,
                char *err, size_t err_size)
{
    struct json_tokener *tok;
    json_object *obj, *text;
    enum json_tokener_error e;

    memset(rec, 0, sizeof *rec);
    if (len > (size_t)0x7fffffff - 1) {
        snprintf(err, err_size, "line longer than 2 GiB");
        return -1;
    }
    tok = json_tokener_new_ex(MAX_DEPTH);
    if (!tok) {
        snprintf(err, err_size, "out of memory");
        return -1;
    }
    json_tokener_set_flags(tok, JSON_TOKENER_STRICT | JSON_TOKENER_VALIDATE_UTF8);
    obj = json_tokener_parse_ex(tok, line, (int)len);
    e = json_tokener_get_error(tok);
    if (e == json_tokener_continue) {
        snprintf(err, err_size, "invalid JSON: unexpected end of line");
        json_tokener_free(tok);
        json_object_put(obj);
        return -1;
    }
    if (e != json_tokener_success || !obj) {
        snprintf(err, err_size, "invalid JSON at byte %zu: %s", json_tokener_get_parse_end(tok) + 1,
                 json_tokener_error_desc(e));
        json_tokener_free(tok);
        json_object_put(obj);
        return -1;
    }
    if (json_tokener_get_parse_end(tok) != len) {
        snprintf(err, err_size, "invalid JSON at byte %zu: more after the object",
                 json_tokener_get_parse_end(tok) + 1);
        json_tokener_free(tok);
        json_object_put(obj);
        return -1;
    }
    json_tokener_free(tok);
    if (!json_object_is_type(obj, json_type_object)) {
        snprintf(err, err_size, "not a JSON object");
        json_object_put(obj);
        return -1;
    }
    if (!json_object_object_get_ex(obj, f->text, &text)) {
        snprintf(err, err_size, "no \"%s\" field", f->text);
        json_object_put(obj);
        return -1;
    }
    if (!json_object_is_type(text, json_type_string)) {
        snprintf(err, err_size, "the \"%s\" field is not a string", f->text);
        json_object_put(obj);
        return -1;
    }
    rec->object = obj;
    rec->text = json_object_get_string(text);
    rec->len = (size_t)json_object_get_string_len(text);
    if (memchr(rec->text, '\0', rec->len)) {
        snprintf(err, err_size, "the \"%s\" field holds U+0000", f->text);
        jsonl_record_free(rec);
        return -1;
    }
    return 0;
}

/* A number written as the other output formats write scores. */
static json_object *score_number(double v)
{
    char buf[32];
    snprintf(buf, sizeof buf, "%.6g", v);
    return json_object_new_double_s(v, buf);
}

/* Adds key: v to o, taking v; v NULL (out of memory) fails. */
static int add(json_object *o, const char *key, json_object *v)
{
    if (!v || json_object_object_add(o, key, v) < 0) {
        json_object_put(v);
        return -1;
    }
    return 0;
}

/* Copies field key of in to out as `as`, when in has it (null included). */
static int add_copy(json_object *out, json_object *in, const char *key, const char *as)
{
    json_object *v;
    if (!json_object_object_get_ex(in, key, &v))
        return 0;
    return json_object_object_add(out, as, json_object_get(v));
}

char *jsonl_format(const jsonl_record *rec, const jsonl_fields *f, const summ_result *r,
                   size_t *len_out)
{
    json_object *in = rec->object, *out = json_object_new_object(), *spans;
    const summ_span *sp = summ_result_spans(r);
    size_t i, n = summ_result_count(r), summary_len = 0, at = 0;
    char *summary = NULL, *line = NULL;
    const char *s;
    size_t slen;
    int ok = out != NULL;

    if (ok && f->id)
        ok = add_copy(out, in, f->id, "id") == 0;
    for (i = 0; ok && i < f->n_keep; i++)
        ok = add_copy(out, in, f->keep[i], f->keep[i]) == 0;
    for (i = 0; i < n; i++)
        summary_len += sp[i].end - sp[i].start + 1;
    if (ok && (summary = malloc(summary_len + 1)) == NULL)
        ok = 0;
    /* The summary: its sentences as they are, one space between them. */
    for (i = 0; ok && i < n; i++) {
        if (i)
            summary[at++] = ' ';
        memcpy(summary + at, rec->text + sp[i].start, sp[i].end - sp[i].start);
        at += sp[i].end - sp[i].start;
    }
    if (ok)
        ok = add(out, "summary", json_object_new_string_len(summary, (int)at)) == 0;
    if (ok)
        ok = add(out, "language", json_object_new_string(summ_result_language(r))) == 0;
    if (ok)
        ok = add(out, "sentence_count",
                 json_object_new_uint64((uint64_t)summ_result_sentence_total(r))) == 0;
    spans = ok ? json_object_new_array_ext((int)n) : NULL;
    ok = ok && add(out, "sentences", spans) == 0;
    for (i = 0; ok && i < n; i++) {
        json_object *o = json_object_new_object();
        ok = o && add(o, "index", json_object_new_uint64(sp[i].sentence)) == 0 &&
             add(o, "start", json_object_new_uint64(sp[i].start)) == 0 &&
             add(o, "end", json_object_new_uint64(sp[i].end)) == 0 &&
             add(o, "score", score_number(sp[i].score)) == 0;
        if (ok && json_object_array_add(spans, o) < 0)
            ok = 0;
        else if (!ok)
            json_object_put(o);
    }
    if (ok) {
        s = json_object_to_json_string_length(out, JSON_C_TO_STRING_PLAIN |
                                                       JSON_C_TO_STRING_NOSLASHESCAPE, &slen);
        if (s && (line = malloc(slen + 1)) != NULL) {
            memcpy(line, s, slen);
            line[slen] = '\n';
            *len_out = slen + 1;
        }
    }
    free(summary);
    json_object_put(out);
    return line;
}

void jsonl_record_free(jsonl_record *rec)
{
    json_object_put(rec->object);
    rec->object = NULL;
    rec->text = NULL;
    rec->len = 0;
}
