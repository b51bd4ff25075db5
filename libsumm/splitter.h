/* Sentence boundaries as byte spans (splitter.c). */
#ifndef LIBSUMM_SPLITTER_H
#define LIBSUMM_SPLITTER_H

#include <libsumm/summ.h>

#include <stdbool.h>
#include <stddef.h>

typedef struct summ__span_vec {
    const summ_allocator *alloc;
    summ_span *items;
    size_t len, cap;
} summ__span_vec;

int summ__span_vec_push(summ__span_vec *v, size_t start, size_t end);
void summ__span_vec_dispose(summ__span_vec *v);

/* Appends the sentences of text[0, len) to out (index and score set to
 * 0; the caller numbers them). Text must be valid UTF-8 unless lenient,
 * in which case invalid bytes are treated as white space. */
int summ__split(const summ_lang *lang, const char *text, size_t len, bool lenient,
                summ__span_vec *out);

#endif /* LIBSUMM_SPLITTER_H */
