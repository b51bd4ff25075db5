/*
 * The batch pipeline. The main thread reads the input (a JSON line or a
 * file name per document) into a ring of slots and writes finished slots in
 * input order; the workers, each with its own summarizer over the one
 * shared language, take the slots in order and fill in the result. The
 * ring has a fixed size, so memory does not grow with the corpus: reading
 * waits while the oldest slot is still being worked on.
 *
 * A bad record or file is reported in input order with its file and line;
 * --on-error stop (the default) writes nothing after it and exits 1,
 * --on-error skip leaves it out, counts it and exits BATCH_SKIPPED.
 */
#define _POSIX_C_SOURCE 200809L

#include "batch.h"

#include "cli_common.h"
#include "output_file.h"
#include "progress.h"

#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Slots per worker: enough to keep every worker busy while the main thread
 * writes, few enough to keep memory small. The main thread sleeps until
 * half the ring is done, so that it wakes once per batch, not per document. */
#define SLOTS_PER_JOB 16

#define NO_SEQ ((unsigned long long)-1)

enum slot_state { SLOT_EMPTY, SLOT_PENDING, SLOT_DONE };

typedef struct slot {
    enum slot_state state;
    /* Input: a JSON line (jsonl) or a file. */
    char *line;
    size_t line_len, line_cap;
    const char *file;          /* name for messages */
    unsigned long long line_no;
    const char *path;          /* a plain file; NULL for standard input */
    const char *out_path;      /* its file in --output-dir */
    /* Output. */
    char *text;                /* a plain file's contents */
    size_t text_len;
    summ_result *r;
    char *out;                 /* a JSON line */
    size_t out_len;
    int failed;
    char err[512];
} slot;

typedef struct batch {
    const batch_config *cfg;
    pthread_mutex_t mu;
    pthread_cond_t work;       /* a slot became PENDING, or the end */
    pthread_cond_t done;       /* the slot numbered `awaited` became DONE */
    slot *slots;
    size_t n_slots;
    unsigned long long next_in, next_take; /* sequence numbers */
    unsigned long long awaited; /* what the main thread waits for, or NO_SEQ */
    unsigned idle;             /* workers waiting for work */
    int end;                   /* no more input, or stopped: workers leave */
    int worker_failed;         /* a worker could not start */
} batch;

static int read_file(const char *path, size_t limit, char **buf_out, size_t *len_out,
                     char *err, size_t err_size)
{
    FILE *f = path ? fopen(path, "rb") : stdin;
    size_t cap = 1 << 16, len = 0;
    char *buf = NULL;
    struct stat st;

    if (!f) {
        snprintf(err, err_size, "%s", strerror(errno));
        return -1;
    }
    if (fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
        snprintf(err, err_size, "is a directory");
        goto fail;
    }
    if ((buf = malloc(cap)) == NULL)
        goto nomem;
    for (;;) {
        size_t n;
        if (len == cap) {
            char *nb;
            if (cap > limit)
                goto too_large;
            if ((nb = realloc(buf, cap * 2)) == NULL)
                goto nomem;
            buf = nb;
            cap *= 2;
        }
        n = fread(buf + len, 1, cap - len, f);
        len += n;
        if (n == 0) {
            if (ferror(f)) {
                snprintf(err, err_size, "read error: %s", strerror(errno));
                goto fail;
            }
            break;
        }
    }
    if (len > limit)
        goto too_large;
    if (path)
        fclose(f);
    *buf_out = buf;
    *len_out = len;
    return 0;
too_large:
    snprintf(err, err_size, "input is larger than the limit of %zu bytes (see --max-input-bytes)",
             limit);
    goto fail;
nomem:
    snprintf(err, err_size, "out of memory");
fail:
    free(buf);
    if (path)
        fclose(f);
    return -1;
}

static int run_mode(summ_summarizer *s, batch_mode mode, const char *text, size_t len,
                    summ_result *r)
{
    switch (mode) {
    case BATCH_SPLIT:
        return summ_split_sentences(s, text, len, r);
    case BATCH_SCORES:
        return summ_score_sentences(s, text, len, r);
    default:
        return summ_summarize(s, text, len, r);
    }
}

static void fail(slot *sl, const char *msg)
{
    sl->failed = 1;
    snprintf(sl->err, sizeof sl->err, "%s", msg);
}

#ifdef LIBSUMM_HAVE_JSONL
static void process_record(batch *b, summ_summarizer *s, slot *sl)
{
    jsonl_record rec;
    char err[256];

    if (jsonl_parse(sl->line, sl->line_len, &b->cfg->fields, &rec, err, sizeof err) < 0) {
        fail(sl, err);
        return;
    }
    if (run_mode(s, b->cfg->mode, rec.text, rec.len, sl->r) < 0)
        fail(sl, summ_summarizer_errmsg(s));
    else if ((sl->out = jsonl_format(&rec, &b->cfg->fields, sl->r, &sl->out_len)) == NULL)
        fail(sl, "out of memory");
    jsonl_record_free(&rec);
}
#endif

static void process_file(batch *b, summ_summarizer *s, slot *sl)
{
    const batch_config *cfg = b->cfg;
    char err[256];
    cli_output o;

    if (read_file(sl->path, cfg->max_input, &sl->text, &sl->text_len, err, sizeof err) < 0) {
        fail(sl, err);
        return;
    }
    if (run_mode(s, cfg->mode, sl->text, sl->text_len, sl->r) < 0) {
        fail(sl, summ_summarizer_errmsg(s));
        return;
    }
    if (!sl->out_path)
        return; /* the main thread writes it */
    if (!cli_output_open(&o, sl->out_path)) {
        fail(sl, "cannot write its output");
        return;
    }
    cfg->write(o.f, cfg->write_ctx, sl->file, sl->text, sl->r, 0);
    if (cli_output_close(&o, 0) != 0)
        fail(sl, "cannot write its output");
}

static void *worker(void *arg)
{
    batch *b = arg;
    summ_summarizer *s = NULL;
    int ok = summ_summarizer_new(&s, b->cfg->lang, b->cfg->opts, NULL) == SUMM_OK;

    pthread_mutex_lock(&b->mu);
    if (!ok) {
        b->worker_failed = 1;
        b->end = 1;
        pthread_cond_broadcast(&b->work);
        pthread_cond_broadcast(&b->done);
    }
    while (ok) {
        unsigned long long seq;
        slot *sl;
        while (!b->end && b->next_take == b->next_in) {
            b->idle++;
            pthread_cond_wait(&b->work, &b->mu);
            b->idle--;
        }
        if (b->next_take == b->next_in)
            break; /* the end, and nothing left to take */
        seq = b->next_take++;
        sl = &b->slots[seq % b->n_slots];
        pthread_mutex_unlock(&b->mu);
        /* A slot failed already was refused by the reader. */
        if (!sl->failed && !b->cfg->jsonl)
            process_file(b, s, sl);
#ifdef LIBSUMM_HAVE_JSONL
        else if (!sl->failed)
            process_record(b, s, sl);
#endif
        pthread_mutex_lock(&b->mu);
        sl->state = SLOT_DONE;
        if (b->awaited == seq)
            pthread_cond_signal(&b->done);
    }
    pthread_mutex_unlock(&b->mu);
    summ_summarizer_free(s);
    return NULL;
}

/* The state of the main thread: output, counts, progress. */
typedef struct writer {
    FILE *out;
    unsigned long long docs, bytes, skipped, written_files;
    int stopped;
    progress prog;
} writer;

/* Writes slot sl (DONE) and empties it. Returns -1 to stop. */
static int write_slot(batch *b, writer *w, slot *sl)
{
    const batch_config *cfg = b->cfg;
    int rc = 0;

    if (sl->failed) {
        progress_clear(&w->prog);
        if (cfg->jsonl)
            cli_msg("%s:%llu: %s", sl->file, sl->line_no, sl->err);
        else
            cli_msg("%s: %s", sl->file, sl->err);
        if (cfg->skip_errors)
            w->skipped++;
        else
            rc = -1;
    } else if (cfg->jsonl) {
        fwrite(sl->out, 1, sl->out_len, w->out);
    } else if (!sl->out_path) {
        cfg->write(w->out, cfg->write_ctx, sl->file, sl->text, sl->r,
                   cfg->headers ? (w->written_files ? 2 : 1) : 0);
        w->written_files++;
    }
    if (!sl->failed)
        w->docs++;
    w->bytes += cfg->jsonl ? sl->line_len + 1 : sl->text_len;
    free(sl->out);
    sl->out = NULL;
    free(sl->text);
    sl->text = NULL;
    sl->text_len = 0;
    sl->failed = 0;
    sl->state = SLOT_EMPTY;
    progress_update(&w->prog, w->docs, w->bytes);
    return rc;
}

/* Waits until slot number seq is DONE (or no worker can make it so).
 * Called with b->mu held. */
static void wait_done(batch *b, unsigned long long seq)
{
    slot *sl = &b->slots[seq % b->n_slots];
    b->awaited = seq;
    while (sl->state != SLOT_DONE && !b->worker_failed)
        pthread_cond_wait(&b->done, &b->mu);
    b->awaited = NO_SEQ;
}

/* Writes the DONE slots at the head of the ring, in order. wait: 0 writes
 * only those, DRAIN_HALF first waits for the oldest slot and half the
 * slots in use, DRAIN_ALL
 * waits for every slot. Called with b->mu held. */
enum { DRAIN_HALF = 1, DRAIN_ALL = 2 };

static void drain(batch *b, writer *w, unsigned long long *next_out, int wait)
{
    if (wait == DRAIN_HALF && *next_out < b->next_in) {
        unsigned long long in_use = b->next_in - *next_out, half = b->n_slots / 2;
        wait_done(b, *next_out + (half && half < in_use ? half : in_use) - 1);
        /* Workers finish out of order: the oldest may still be running. */
        wait_done(b, *next_out);
    }
    while (!w->stopped && *next_out < b->next_in) {
        slot *sl = &b->slots[*next_out % b->n_slots];
        if (sl->state != SLOT_DONE) {
            if (wait != DRAIN_ALL || b->worker_failed)
                return;
            wait_done(b, *next_out);
            continue;
        }
        pthread_mutex_unlock(&b->mu);
        if (write_slot(b, w, sl) < 0)
            w->stopped = 1;
        pthread_mutex_lock(&b->mu);
        ++*next_out;
    }
}

/* Takes the next free slot, writing finished ones while the ring is full.
 * NULL when stopped. Called with b->mu held. */
static slot *free_slot(batch *b, writer *w, unsigned long long *next_out)
{
    while (!w->stopped && !b->worker_failed && b->next_in - *next_out == b->n_slots)
        drain(b, w, next_out, DRAIN_HALF);
    return w->stopped || b->worker_failed ? NULL : &b->slots[b->next_in % b->n_slots];
}

static void publish(batch *b)
{
    b->slots[b->next_in % b->n_slots].state = SLOT_PENDING;
    b->next_in++;
    if (b->idle)
        pthread_cond_signal(&b->work);
}

/* A line holding only blanks is no record. */
static int blank(const char *s, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
            return 0;
    return 1;
}

/* Reads the JSON lines of in into slots. Returns -1 on a read error. */
static int feed_jsonl(batch *b, writer *w, unsigned long long *next_out, FILE *in,
                      const char *name)
{
    unsigned long long line_no = 0;
    size_t max_line = b->cfg->max_input > ((size_t)-1 - 4096) / 6
                          ? (size_t)-1
                          : b->cfg->max_input * 6 + 4096;
    int status = 0;

    pthread_mutex_lock(&b->mu);
    for (;;) {
        slot *sl = free_slot(b, w, next_out);
        ssize_t n;
        if (!sl)
            break;
        pthread_mutex_unlock(&b->mu);
        errno = 0;
        n = getline(&sl->line, &sl->line_cap, in);
        pthread_mutex_lock(&b->mu);
        if (n < 0) {
            if (ferror(in)) {
                progress_clear(&w->prog);
                cli_msg("%s: read error: %s", name, strerror(errno));
                status = -1;
            }
            break;
        }
        line_no++;
        sl->line_len = (size_t)n;
        if (sl->line_len && sl->line[sl->line_len - 1] == '\n')
            sl->line_len--;
        while (sl->line_len && (sl->line[sl->line_len - 1] == '\r' ||
                                sl->line[sl->line_len - 1] == ' ' ||
                                sl->line[sl->line_len - 1] == '\t'))
            sl->line_len--;
        if (blank(sl->line, sl->line_len))
            continue;
        sl->file = name;
        sl->line_no = line_no;
        if (sl->line_len > max_line) {
            sl->failed = 1;
            snprintf(sl->err, sizeof sl->err,
                     "line longer than %zu bytes (see --max-input-bytes)", max_line);
        }
        publish(b);
    }
    pthread_mutex_unlock(&b->mu);
    return status;
}

static void feed_file(batch *b, writer *w, unsigned long long *next_out, const char *path,
                      const char *out_path)
{
    slot *sl;
    pthread_mutex_lock(&b->mu);
    sl = free_slot(b, w, next_out);
    if (sl) {
        sl->path = strcmp(path, "-") == 0 ? NULL : path;
        sl->file = sl->path ? path : "standard input";
        sl->out_path = out_path;
        publish(b);
    }
    pthread_mutex_unlock(&b->mu);
}

/* The name in --output-dir of input path: its last component with the
 * extension replaced. */
static char *output_name(const char *dir, const char *path, const char *ext)
{
    const char *base = strrchr(path, '/'), *dot;
    size_t stem, need;
    char *s;

    base = base ? base + 1 : path;
    dot = strrchr(base, '.');
    stem = dot && dot != base ? (size_t)(dot - base) : strlen(base);
    need = strlen(dir) + 1 + stem + 1 + strlen(ext) + 1;
    if ((s = malloc(need)) != NULL)
        snprintf(s, need, "%s/%.*s.%s", dir, (int)stem, base, ext);
    return s;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The output file of every input, each distinct; NULL after a message. */
static char **output_names(const batch_config *cfg, char *const *paths, int n)
{
    char **names = calloc((size_t)n + 1, sizeof *names), **sorted = NULL;
    struct stat st;
    int i;

    if (!names)
        goto nomem;
    for (i = 0; i < n; i++) {
        if (strcmp(paths[i], "-") == 0 || paths[i][strlen(paths[i]) - 1] == '/') {
            cli_usage_error("--output-dir needs input files with a name, not '%s'", paths[i]);
            goto fail;
        }
        if ((names[i] = output_name(cfg->output_dir, paths[i], cfg->extension)) == NULL)
            goto nomem;
    }
    if ((sorted = malloc(((size_t)n + 1) * sizeof *sorted)) == NULL)
        goto nomem;
    memcpy(sorted, names, (size_t)n * sizeof *sorted);
    qsort(sorted, (size_t)n, sizeof *sorted, cmp_str);
    for (i = 1; i < n; i++)
        if (strcmp(sorted[i - 1], sorted[i]) == 0) {
            cli_usage_error("two inputs would both be written to %s", sorted[i]);
            goto fail;
        }
    free(sorted);
    sorted = NULL;
    if (mkdir(cfg->output_dir, 0777) < 0 && errno != EEXIST) {
        cli_msg("%s: %s", cfg->output_dir, strerror(errno));
        goto fail_status1;
    }
    if (stat(cfg->output_dir, &st) < 0 || !S_ISDIR(st.st_mode)) {
        cli_msg("%s: not a directory", cfg->output_dir);
        goto fail_status1;
    }
    return names;
nomem:
    cli_msg("out of memory");
fail_status1:
fail:
    free(sorted);
    if (names)
        for (i = 0; i < n; i++)
            free(names[i]);
    free(names);
    return NULL;
}

/* The total size of the inputs when every one is a regular file, else 0. */
static unsigned long long total_size(char *const *paths, int n)
{
    unsigned long long total = 0;
    struct stat st;
    int i;
    if (n == 0)
        return 0;
    for (i = 0; i < n; i++) {
        if (strcmp(paths[i], "-") == 0 || stat(paths[i], &st) < 0 || !S_ISREG(st.st_mode))
            return 0;
        total += (unsigned long long)st.st_size;
    }
    return total;
}

int batch_have_jsonl(void)
{
#ifdef LIBSUMM_HAVE_JSONL
    return 1;
#else
    return 0;
#endif
}

int batch_run(const batch_config *cfg, char *const *paths, int n_paths)
{
    static char stdin_name[] = "-";
    static char *const stdin_path[] = { stdin_name };
    batch b;
    writer w;
    cli_output output;
    pthread_t *threads;
    char **out_names = NULL;
    unsigned long long next_out = 0;
    unsigned started = 0, i;
    int status = 0, k;

    if (n_paths == 0) {
        paths = stdin_path;
        n_paths = 1;
    }
    if (cfg->output_dir) {
        if ((out_names = output_names(cfg, paths, n_paths)) == NULL)
            return 2;
    }
    memset(&b, 0, sizeof b);
    memset(&w, 0, sizeof w);
    b.cfg = cfg;
    b.awaited = NO_SEQ;
    b.n_slots = (size_t)cfg->jobs * SLOTS_PER_JOB;
    b.slots = calloc(b.n_slots, sizeof *b.slots);
    threads = calloc(cfg->jobs, sizeof *threads);
    if (!b.slots || !threads)
        goto nomem;
    for (i = 0; i < b.n_slots; i++)
        if (summ_result_new(&b.slots[i].r, NULL) < 0)
            goto nomem;
    w.out = cli_output_open(&output, cfg->output_dir ? NULL : cfg->output);
    if (!w.out) {
        status = 1;
        goto out;
    }
    pthread_mutex_init(&b.mu, NULL);
    pthread_cond_init(&b.work, NULL);
    pthread_cond_init(&b.done, NULL);
    progress_start(&w.prog, !cfg->no_progress && isatty(STDERR_FILENO),
                   total_size(paths, n_paths));
    for (started = 0; started < cfg->jobs; started++)
        if (pthread_create(&threads[started], NULL, worker, &b) != 0)
            break;
    if (started == 0) {
        cli_msg("cannot start a worker thread");
        status = 1;
    }
    for (k = 0; started && k < n_paths && !w.stopped && !b.worker_failed; k++) {
        if (cfg->jsonl) {
            int is_stdin = strcmp(paths[k], "-") == 0;
            const char *name = is_stdin ? "standard input" : paths[k];
            FILE *in = is_stdin ? stdin : fopen(paths[k], "rb");
            if (!in) {
                progress_clear(&w.prog);
                cli_msg("%s: %s", paths[k], strerror(errno));
                status = 1;
                if (!cfg->skip_errors)
                    break;
                w.skipped++;
                continue;
            }
            if (feed_jsonl(&b, &w, &next_out, in, name) < 0) {
                status = 1;
                if (!cfg->skip_errors)
                    w.stopped = 1;
            }
            if (!is_stdin)
                fclose(in);
        } else {
            feed_file(&b, &w, &next_out, paths[k], out_names ? out_names[k] : NULL);
        }
    }
    pthread_mutex_lock(&b.mu);
    drain(&b, &w, &next_out, DRAIN_ALL);
    b.end = 1;
    pthread_cond_broadcast(&b.work);
    pthread_mutex_unlock(&b.mu);
    for (i = 0; i < started; i++)
        pthread_join(threads[i], NULL);
    if (b.worker_failed) {
        cli_msg("cannot create a summarizer");
        status = 1;
    }
    if (w.stopped)
        status = 1;
    progress_finish(&w.prog, w.docs, w.bytes);
    if (w.skipped && status == 0) {
        cli_msg("skipped %llu bad %s", w.skipped,
                cfg->jsonl ? (w.skipped == 1 ? "line" : "lines")
                           : (w.skipped == 1 ? "file" : "files"));
        status = BATCH_SKIPPED;
    }
    k = cli_output_close(&output, status == BATCH_SKIPPED ? 0 : status);
    if (k != 0)
        status = k;
    pthread_cond_destroy(&b.done);
    pthread_cond_destroy(&b.work);
    pthread_mutex_destroy(&b.mu);
    goto out;
nomem:
    cli_msg("out of memory");
    status = 1;
out:
    if (b.slots)
        for (i = 0; i < b.n_slots; i++) {
            summ_result_free(b.slots[i].r);
            free(b.slots[i].line);
            free(b.slots[i].out);
            free(b.slots[i].text);
        }
    free(b.slots);
    free(threads);
    if (out_names)
        for (k = 0; k < n_paths; k++)
            free(out_names[k]);
    free(out_names);
    return status;
}
