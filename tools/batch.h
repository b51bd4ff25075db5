/* summarize's batch mode: many documents (JSON Lines records or files)
 * summarized by a pool of worker threads, written in input order. */
#ifndef LIBSUMM_BATCH_H
#define LIBSUMM_BATCH_H

#include <libsumm/summ.h>

#include <stddef.h>
#include <stdio.h>

#include "jsonl.h"

typedef enum batch_mode { BATCH_SUMMARIZE, BATCH_SPLIT, BATCH_SCORES } batch_mode;

/* Writes one plain file's result in the tool's output format; header: 0
 * none, 1 the first file's, 2 a later file's. Called from several threads
 * at once with --output-dir. */
typedef void (*batch_write_fn)(FILE *out, void *ctx, const char *name, const char *text,
                               const summ_result *r, int header);

typedef struct batch_config {
    const summ_lang *lang;     /* shared by every worker */
    const summ_options *opts;  /* each worker's summarizer */
    batch_mode mode;
    unsigned jobs;             /* worker threads, at least 1 */
    int jsonl;                 /* inputs are JSON Lines; else each is a document */
    jsonl_fields fields;
    const char *output;        /* -o FILE, or NULL for standard output */
    const char *output_dir;    /* one output file per input, or NULL */
    const char *extension;     /* of those files: "txt", "json" or "tsv" */
    int headers;               /* one output for several files: name each */
    int no_progress;           /* never show progress (else: when stderr is a terminal) */
    int skip_errors;           /* --on-error skip */
    size_t max_input;          /* bytes of one document */
    batch_write_fn write;
    void *write_ctx;
} batch_config;

/* Exit status of a batch: */
#define BATCH_SKIPPED 3 /* --on-error skip left out at least one record or file */

/* Runs the batch over paths ("-" is standard input; none: standard input).
 * Returns the exit status: 0, 1 (stopped at an error, or an I/O error),
 * 2 (usage error) or BATCH_SKIPPED. */
int batch_run(const batch_config *cfg, char *const *paths, int n_paths);

/* Whether this build reads JSON Lines. */
int batch_have_jsonl(void);

#endif
