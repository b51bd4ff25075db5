/* Parsing and checking the batch options of summarize. */
#define _POSIX_C_SOURCE 200809L

#include "batch_options.h"

#include "cli_common.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* More threads than this only cost memory. */
#define MAX_JOBS 1024

int batch_option(batch_options *b, int i, const char *arg)
{
    unsigned long long n;
    switch (i) {
    case 0:
        if (cli_parse_uint(arg, 1, MAX_JOBS, &n) < 0)
            return cli_usage_error("--jobs: '%s' is not a number from 1 to %d", arg, MAX_JOBS);
        b->jobs = (unsigned)n;
        return 0;
    case 1:
        b->jsonl = 1;
        return 0;
    case 2:
    case 3:
        if (!*arg)
            return cli_usage_error("--%s: the field name is empty",
                                   i == 2 ? "text-field" : "id-field");
        *(i == 2 ? &b->text_field : &b->id_field) = arg;
        return 0;
    case 4:
        b->keep_fields = arg;
        return 0;
    case 5:
        if (!*arg)
            return cli_usage_error("--output-dir: the directory name is empty");
        b->output_dir = arg;
        return 0;
    case 6:
        b->no_progress = 1;
        return 0;
    default:
        if (strcmp(arg, "stop") == 0)
            b->skip_errors = 0;
        else if (strcmp(arg, "skip") == 0)
            b->skip_errors = 1;
        else
            return cli_usage_error("--on-error: '%s' is neither stop nor skip", arg);
        return 0;
    }
}

int batch_wanted(const batch_options *b)
{
    return b->jobs || b->jsonl || b->output_dir || b->text_field || b->id_field || b->keep_fields;
}

static unsigned processors(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > MAX_JOBS ? MAX_JOBS : (unsigned)n;
}

/* Splits --keep-fields at commas into b->keep. */
static int split_keep(batch_options *b, size_t *n_out)
{
    size_t n = 1, i = 0;
    char *p;
    for (p = (char *)b->keep_fields; *p; p++)
        n += *p == ',';
    b->keep_buf = strdup(b->keep_fields);
    b->keep = calloc(n, sizeof *b->keep);
    if (!b->keep_buf || !b->keep)
        return -1;
    for (p = strtok(b->keep_buf, ","); p; p = strtok(NULL, ","))
        b->keep[i++] = p;
    *n_out = i;
    return 0;
}

int batch_config_init(batch_config *cfg, batch_options *b)
{
    memset(cfg, 0, sizeof *cfg);
    if (b->jsonl && b->output_dir)
        return cli_usage_error("--output-dir cannot be combined with --jsonl: JSON Lines "
                               "output is one stream (use -o FILE)");
    if (!b->jsonl && (b->text_field || b->id_field || b->keep_fields))
        return cli_usage_error("--text-field, --id-field and --keep-fields need --jsonl");
    if (b->jsonl && !batch_have_jsonl())
        return cli_usage_error("--jsonl: this summarize was built without JSON support "
                               "(json-c was not found)");
    cfg->jobs = b->jobs ? b->jobs : processors();
    cfg->jsonl = b->jsonl;
    cfg->fields.text = b->text_field ? b->text_field : "text";
    cfg->fields.id = b->id_field ? b->id_field : "id";
    if (b->keep_fields && split_keep(b, &cfg->fields.n_keep) < 0) {
        cli_msg("out of memory");
        return 1;
    }
    cfg->fields.keep = b->keep;
    cfg->output_dir = b->output_dir;
    cfg->no_progress = b->no_progress;
    cfg->skip_errors = b->skip_errors;
    return 0;
}

void batch_options_free(batch_options *b)
{
    free(b->keep);
    free(b->keep_buf);
    b->keep = NULL;
    b->keep_buf = NULL;
}
