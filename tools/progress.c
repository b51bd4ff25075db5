/* The progress line is redrawn in place with '\r' and erased with an ANSI
 * "erase line", so it is only ever meant for a terminal. */
#define _POSIX_C_SOURCE 200809L

#include "progress.h"

#include <stdio.h>
#include <time.h>

#define REDRAW_SECONDS 0.2

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void progress_start(progress *p, int on, unsigned long long total_bytes)
{
    p->on = on;
    p->total_bytes = total_bytes;
    p->start = p->last = now();
    p->shown = 0;
}

static void draw(progress *p, unsigned long long docs, unsigned long long bytes, double t)
{
    double elapsed = t - p->start, rate = elapsed > 0 ? (double)docs / elapsed : 0;
    fprintf(stderr, "\r\033[K%llu docs, %.1f MB", docs, (double)bytes / 1e6);
    if (p->total_bytes)
        fprintf(stderr, " of %.1f MB", (double)p->total_bytes / 1e6);
    fprintf(stderr, ", %.0f docs/s", rate);
    if (p->total_bytes && bytes > 0 && bytes < p->total_bytes && elapsed > 0) {
        double eta = (double)(p->total_bytes - bytes) * elapsed / (double)bytes;
        fprintf(stderr, ", ETA %d:%02d", (int)(eta / 60), (int)eta % 60);
    }
    fflush(stderr);
    p->shown = 1;
}

void progress_update(progress *p, unsigned long long docs, unsigned long long bytes)
{
    double t;
    if (!p->on)
        return;
    t = now();
    if (t - p->last < REDRAW_SECONDS)
        return;
    p->last = t;
    draw(p, docs, bytes, t);
}

void progress_clear(progress *p)
{
    if (p->on && p->shown) {
        fputs("\r\033[K", stderr);
        p->shown = 0;
    }
}

void progress_finish(progress *p, unsigned long long docs, unsigned long long bytes)
{
    if (!p->on)
        return;
    draw(p, docs, bytes, now());
    fputc('\n', stderr);
    p->shown = 0;
}
