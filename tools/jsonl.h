/* JSON Lines records for summarize --jsonl: one object per input line in,
 * one per line out (see jsonl.c for what a record may hold). */
#ifndef LIBSUMM_JSONL_H
#define LIBSUMM_JSONL_H

#include <libsumm/summ.h>

#include <stddef.h>

/* Which fields of an input object matter. */
typedef struct jsonl_fields {
    const char *text;         /* the document, a string; "text" by default */
    const char *id;           /* copied to the output as "id" when present; "id" */
    const char *const *keep;  /* other fields copied to the output as they are */
    size_t n_keep;
} jsonl_fields;

/* One parsed input line; opaque apart from the text. */
typedef struct jsonl_record {
    void *object;     /* the parsed object (json-c) */
    const char *text; /* the text field's bytes, valid UTF-8, no NUL; owned by object */
    size_t len;
} jsonl_record;

/* Parses line[0, len) (no line break) as one object with a string text
 * field. Returns 0, or -1 with the reason in err. */
int jsonl_parse(const char *line, size_t len, const jsonl_fields *f, jsonl_record *rec,
                char *err, size_t err_size);

/* The output line of rec summarized into r, '\n' included, in a malloc'd
 * buffer (its length in *len_out); NULL when out of memory. */
char *jsonl_format(const jsonl_record *rec, const jsonl_fields *f, const summ_result *r,
                   size_t *len_out);

void jsonl_record_free(jsonl_record *rec);

#endif
