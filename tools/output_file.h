/* Where a tool's output goes: standard output, or -o FILE replaced only as
 * far as FILE's kind allows (see output_file.c). */
#ifndef LIBSUMM_OUTPUT_FILE_H
#define LIBSUMM_OUTPUT_FILE_H

#include <stdio.h>
#include <sys/types.h>

typedef struct cli_output {
    FILE *f;          /* where to write */
    const char *name; /* FILE as given, for messages; NULL for standard output */
    char *target;     /* the file renamed over: FILE or the end of its links */
    char *tmp;        /* the temporary file beside target, or NULL when written directly */
    mode_t mode;      /* permissions the replacement gets */
} cli_output;

/* Opens the output: standard output when path is NULL, else as output_file.c
 * describes. Returns the stream (also in o->f), or NULL after a message. */
FILE *cli_output_open(cli_output *o, const char *path);

/* Flushes and closes the output (o NULL: standard output, flushed only); a
 * replacement is renamed into place only when status is 0 and every write
 * succeeded, and removed otherwise. Returns the exit status: status, or 1
 * after a message when a write failed. */
int cli_output_close(cli_output *o, int status);

#endif
