/* A progress line on standard error while a batch runs: documents, MB,
 * documents per second and, when the input size is known, the ETA. */
#ifndef LIBSUMM_PROGRESS_H
#define LIBSUMM_PROGRESS_H

#include <stddef.h>

typedef struct progress {
    int on;              /* 0: every call does nothing */
    unsigned long long total_bytes; /* 0 when unknown (a pipe) */
    double start, last;  /* seconds */
    int shown;           /* a line is on the terminal */
} progress;

/* on: whether to show anything (the caller checks the terminal). */
void progress_start(progress *p, int on, unsigned long long total_bytes);
/* Redraws the line, at most a few times a second. */
void progress_update(progress *p, unsigned long long docs, unsigned long long bytes);
/* Erases the line before another message. */
void progress_clear(progress *p);
/* The final figures, and a line break. */
void progress_finish(progress *p, unsigned long long docs, unsigned long long bytes);

#endif
