/*
 * The option table: one row per summ_options field. Validation, defaults,
 * setting by name and every front end's option list derive from it, so a
 * new option is one field in summ.h and one row in option_table.c.
 */
#ifndef LIBSUMM_OPTION_TABLE_H
#define LIBSUMM_OPTION_TABLE_H

#include <libsumm/summ.h>

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct summ__option {
    summ_option_info info; /* what summ_option_at() shows */
    size_t offset;         /* of the field in summ_options */
    size_t size;           /* of the field: UINT 4 or 8 bytes */
    uint32_t flag;         /* BOOL: its SUMM_FLAG_* bit */
    size_t count_offset;   /* WORDS: the size_t count field */
} summ__option;

size_t summ__option_count(void);
const summ__option *summ__option_row(size_t i);
const summ__option *summ__option_lookup(const char *name);

/* The value of a row's field in o, as a number (BOOL 0 or 1). */
double summ__option_read(const summ_options *o, const summ__option *row);
/* Stores v (already checked) in the row's field of o. */
void summ__option_write(summ_options *o, const summ__option *row, double v);

/* Checks a value for a row: 0 (the default), the row's off value, or a
 * value within its bounds. On failure writes "name: value is outside
 * (lo, hi)" or the like to err and returns SUMM_E_INVALID_ARG (or
 * SUMM_E_UNKNOWN_ALGO). */
int summ__option_check_value(const summ__option *row, double v, char *err, size_t err_size);

/* Numbers as the C locale reads and writes them, whatever the process's
 * locale (number_text.c). parse: the whole of s, no white space; false
 * when it is not a finite number. format: the shortest text that reads
 * back as v ("1.5", "1e-06", "inf"). */
bool summ__number_parse(const char *s, double *out);
void summ__number_format(double v, char *buf, size_t size);

#endif /* LIBSUMM_OPTION_TABLE_H */
