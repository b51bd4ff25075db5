/* The command-line options of summarize's batch mode (tools/batch.c). */
#ifndef LIBSUMM_BATCH_OPTIONS_H
#define LIBSUMM_BATCH_OPTIONS_H

#include "batch.h"

/* What the options collect; all zero = none given. */
typedef struct batch_options {
    unsigned jobs;           /* 0: not given */
    int jsonl;
    const char *text_field, *id_field, *keep_fields, *output_dir;
    int no_progress;
    int skip_errors;
    const char **keep;       /* keep_fields split at commas */
    char *keep_buf;
} batch_options;

/* Entries of summarize's own_options table, in the order batch_option()
 * numbers them: -j is 0, OPT_BATCH + i is i + 1. */
#define BATCH_OWN_OPTIONS                                                                     \
    { "jobs", required_argument, 'j', "batch", "N",                                          \
      "summarize with N worker threads (default: one per processor); output stays in "       \
      "input order" },                                                                        \
    { "jsonl", no_argument, OPT_BATCH + 0, "batch", NULL,                                     \
      "each input line is a JSON object holding one document; one JSON object per line "     \
      "out, in input order, with id, summary, language, sentence_count and sentences "       \
      "(index, start, end: byte offsets into the text, score); --format does not apply" },   \
    { "text-field", required_argument, OPT_BATCH + 1, "batch", "NAME",                        \
      "with --jsonl: the field holding the text (a string); default: text" },                 \
    { "id-field", required_argument, OPT_BATCH + 2, "batch", "NAME",                          \
      "with --jsonl: the field copied to the output as id when present; default: id" },      \
    { "keep-fields", required_argument, OPT_BATCH + 3, "batch", "A,B,...",                    \
      "with --jsonl: also copy these fields to the output as they are" },                    \
    { "output-dir", required_argument, OPT_BATCH + 4, "batch", "DIR",                         \
      "write the result of each FILE to DIR/NAME.EXT (NAME: FILE's name without its "        \
      "extension; EXT: txt, json or tsv by --format), each replaced atomically" },           \
    { "no-progress", no_argument, OPT_BATCH + 5, "batch", NULL,                               \
      "never show progress (shown on standard error when it is a terminal)" },               \
    { "on-error", required_argument, OPT_BATCH + 6, "batch", "WHAT",                          \
      "a bad line or file (reported with its file and line): stop (write nothing after it, " \
      "exit 1) or skip (leave it out, count it, exit 3); default: stop" },

/* Handles option number i of BATCH_OWN_OPTIONS. Returns 0, or 2 after a
 * usage message. */
int batch_option(batch_options *b, int i, const char *arg);

/* Whether any batch option was given (the JSON field options too, so
 * that batch_config_init() can refuse them without --jsonl). */
int batch_wanted(const batch_options *b);

/* Fills the batch part of cfg from the options (the rest is zeroed): jobs,
 * fields, output directory, error handling. Returns 0, or 2 after a usage
 * message. */
int batch_config_init(batch_config *cfg, batch_options *b);

void batch_options_free(batch_options *b);

#endif
