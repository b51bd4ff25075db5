/* Text from the input written into the tools' output formats as valid UTF-8
 * whatever the input holds (see output_text.c). */
#ifndef LIBSUMM_OUTPUT_TEXT_H
#define LIBSUMM_OUTPUT_TEXT_H

#include <stddef.h>
#include <stdio.h>

/* s[0, len) as it is, but valid UTF-8. */
void cli_write_text(FILE *out, const char *s, size_t len);

/* One line of text output: line breaks become spaces (CRLF one space),
 * then a '\n'. */
void cli_write_text_line(FILE *out, const char *s, size_t len);

/* A TSV field: tab, line feed, carriage return and backslash escaped as
 * \t, \n, \r and \\. */
void cli_write_tsv_field(FILE *out, const char *s, size_t len);

/* A JSON string, quotes included: control characters, DEL, U+2028 and
 * U+2029 escaped as \uXXXX (or \n, \r, \t), so it is also valid JavaScript. */
void cli_write_json_string(FILE *out, const char *s, size_t len);

#endif
