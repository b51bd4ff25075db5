/*
 * summ-rouge: scores a candidate summary against reference summaries with
 * libsumm's ROUGE (ROUGE-N, ROUGE-L, ROUGE-Lsum).
 *
 * Exit status: 0 success, 1 runtime error (unreadable file, invalid UTF-8,
 * write error), 2 usage error.
 */
#define _POSIX_C_SOURCE 200809L

#include <libsumm/summ.h>

#include "cli_common.h"
#include "output_text.h"

#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>


#define MAX_METRICS 16

typedef struct metric {
    char name[24]; /* as the user wrote it, e.g. "rouge2", "rougeLsum" */
    int kind;      /* a summ_rouge_metric */
    unsigned n;
} metric;

static void usage(FILE *f)
{
    fprintf(f,
            "Usage: %s [OPTION]... -r REFERENCE [-r REFERENCE]... [CANDIDATE]\n"
            "Score the CANDIDATE summary (a UTF-8 file; standard input when absent or -)\n"
            "against each REFERENCE file with ROUGE; with several references the scores\n"
            "of the reference with the best F1 are shown, per metric.\n"
            "\n"
            "  -r, --reference FILE  a reference summary (repeat for several)\n"
            "  -m, --metrics LIST    comma-separated metrics: rouge1, rouge2, ... (any N),\n"
            "                        rougeL (LCS of the whole text) and rougeLsum (union\n"
            "                        LCS over lines); default rouge1,rouge2,rougeL\n"
            "  -s, --stem            stem tokens: Porter with the default tokenizer, the\n"
            "                        --stemmer algorithm otherwise\n"
            "      --stemmer NAME    Snowball stemmer to use (english, german, french,\n"
            "                        portuguese, porter, ...); implies --stem\n"
            "  -u, --unicode         tokenize any script (letters, marks and digits, case\n"
            "                        folded) instead of rouge-score's [a-z0-9] tokens\n"
            "  -f, --format FMT      text (one metric per line: name, precision, recall,\n"
            "                        F1, reference index) or json\n"
            "      --max-input N     refuse files over N bytes (default 256 MiB)\n"
            "  -h, --help            show this help and exit\n"
            "  -V, --version         show the version and exit\n"
            "\n"
            "Only tokens longer than 3 characters are stemmed, as in rouge-score.\n"
            "Exit status: 0 success, 1 runtime error, 2 usage error.\n",
            cli_prog);
}

/* One name of the list, as the user wrote it; the library reads it. */
static int parse_metric(const char *s, size_t len, metric *m)
{
    if (len >= sizeof m->name)
        return -1;
    memcpy(m->name, s, len);
    m->name[len] = '\0';
    return summ_rouge_metric_parse(m->name, &m->kind, &m->n) < 0 ? -1 : 0;
}

static int parse_metrics(const char *list, metric *out, size_t *count)
{
    const char *p = list;
    *count = 0;
    for (;;) {
        const char *comma = strchr(p, ',');
        size_t len = comma ? (size_t)(comma - p) : strlen(p);
        if (*count == MAX_METRICS || parse_metric(p, len, &out[*count]) < 0)
            return -1;
        (*count)++;
        if (!comma)
            return 0;
        p = comma + 1;
    }
}

/* Reads a whole file ("-": standard input), refusing more than limit bytes. */
static int read_file(const char *path, size_t limit, char **buf_out, size_t *len_out)
{
    const char *name = strcmp(path, "-") == 0 ? "standard input" : path;
    FILE *f = stdin;
    size_t cap = 1 << 16, len = 0;
    char *buf;
    struct stat st;

    if (f != NULL && strcmp(path, "-") != 0) {
        f = fopen(path, "rb");
        if (!f) {
            cli_msg("%s: %s", path, strerror(errno));
            return -1;
        }
        if (fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
            cli_msg("%s: is a directory", path);
            fclose(f);
            return -1;
        }
    }
    buf = malloc(cap);
    if (!buf) {
        cli_msg("%s: out of memory", name);
        goto fail;
    }
    for (;;) {
        size_t n;
        if (len == cap) {
            char *nb;
            if (cap > limit)
                break;
            nb = realloc(buf, cap * 2);
            if (!nb) {
                cli_msg("%s: out of memory", name);
                goto fail;
            }
            buf = nb;
            cap *= 2;
        }
        n = fread(buf + len, 1, cap - len, f);
        len += n;
        if (n == 0) {
            if (ferror(f)) {
                cli_msg("%s: read error: %s", name, strerror(errno));
                goto fail;
            }
            break;
        }
    }
    if (len > limit) {
        cli_msg("%s: input is larger than the limit of %zu bytes (see --max-input)", name, limit);
        goto fail;
    }
    if (f != stdin)
        fclose(f);
    *buf_out = buf;
    *len_out = len;
    return 0;
fail:
    free(buf);
    if (f != stdin)
        fclose(f);
    return -1;
}

/* Names the file an error message of summ_rouge_score() is about. */
static void report_failure(const summ_rouge *r, const char *cand_name, char **ref_paths)
{
    const char *e = summ_rouge_errmsg(r);
    const char *colon = strchr(e, ':');
    unsigned long long k;
    if (colon && strncmp(e, "candidate:", 10) == 0) {
        cli_msg("%s:%s", cand_name, colon + 1);
        return;
    }
    if (colon && strncmp(e, "reference ", 10) == 0) {
        char num[24];
        size_t len = (size_t)(colon - (e + 10));
        if (len < sizeof num) {
            memcpy(num, e + 10, len);
            num[len] = '\0';
            if (cli_parse_uint(num, 0, 1u << 30, &k) == 0) {
                cli_msg("%s:%s", ref_paths[k], colon + 1);
                return;
            }
        }
    }
    cli_msg("%s", e);
}

int main(int argc, char **argv)
{
    enum { OPT_STEMMER = 256, OPT_MAX_INPUT };
    static const struct option longopts[] = {
        { "reference", required_argument, NULL, 'r' },
        { "metrics", required_argument, NULL, 'm' },
        { "stem", no_argument, NULL, 's' },
        { "stemmer", required_argument, NULL, OPT_STEMMER },
        { "unicode", no_argument, NULL, 'u' },
        { "format", required_argument, NULL, 'f' },
        { "max-input", required_argument, NULL, OPT_MAX_INPUT },
        { "help", no_argument, NULL, 'h' },
        { "version", no_argument, NULL, 'V' },
        { NULL, 0, NULL, 0 },
    };
    summ_rouge_options ro;
    summ_rouge *r = NULL;
    metric metrics[MAX_METRICS];
    summ_rouge_result scores[MAX_METRICS];
    size_t n_metrics = 0, n_refs = 0, i, max_input = SUMM_DEFAULT_MAX_INPUT_BYTES;
    char **ref_paths = NULL, **refs = NULL;
    size_t *ref_lens = NULL;
    char *cand = NULL;
    size_t cand_len = 0;
    const char *cand_path = "-", *cand_name, *stemmer = NULL;
    int opt, rc, stem = 0, json = 0, status = 1;
    unsigned long long v;

    cli_prog = "summ-rouge";
    cli_set_prog(argc, argv);
    signal(SIGPIPE, SIG_DFL);
    summ_rouge_options_init(&ro, SUMM_ROUGE_OPTIONS_VERSION);
    parse_metrics("rouge1,rouge2,rougeL", metrics, &n_metrics);
    ref_paths = calloc((size_t)(argc > 0 ? argc : 1), sizeof *ref_paths);
    if (!ref_paths) {
        cli_msg("out of memory");
        return 1;
    }

    /* Messages of our own, with the program name every other error has. */
    opterr = 0;
    while ((opt = getopt_long(argc, argv, ":r:m:suf:hV", longopts, NULL)) != -1) {
        switch (opt) {
        case 'r':
            ref_paths[n_refs++] = optarg;
            break;
        case 'm':
            if (parse_metrics(optarg, metrics, &n_metrics) < 0) {
                free(ref_paths);
                return cli_usage_error("invalid metrics '%s' (e.g. rouge1,rouge2,rougeL,rougeLsum; "
                                   "at most %d)", optarg, MAX_METRICS);
            }
            break;
        case 's':
            stem = 1;
            break;
        case OPT_STEMMER:
            stemmer = optarg;
            stem = 1;
            break;
        case 'u':
            ro.tokenizer = SUMM_ROUGE_TOKENIZER_UNICODE;
            break;
        case 'f':
            if (strcmp(optarg, "json") == 0) {
                json = 1;
            } else if (strcmp(optarg, "text") == 0) {
                json = 0;
            } else {
                free(ref_paths);
                return cli_usage_error("unknown format '%s' (text or json)", optarg);
            }
            break;
        case OPT_MAX_INPUT:
            if (cli_parse_uint(optarg, 1, SUMM_MAX_INPUT_BYTES, &v)) {
                free(ref_paths);
                return cli_usage_error("invalid --max-input '%s' (1 to %zu bytes)", optarg,
                                   (size_t)SUMM_MAX_INPUT_BYTES);
            }
            max_input = (size_t)v;
            break;
        case 'h':
            usage(stdout);
            free(ref_paths);
            return fflush(stdout) == 0 && !ferror(stdout) ? 0 : 1;
        case 'V':
            printf("%s (libsumm) %s\n", cli_prog, summ_version_string());
            free(ref_paths);
            return fflush(stdout) == 0 && !ferror(stdout) ? 0 : 1;
        default:
            free(ref_paths);
            return cli_option_error(opt, argv, longopts);
        }
    }
    if (n_refs == 0) {
        free(ref_paths);
        return cli_usage_error("no reference (give at least one -r FILE)");
    }
    if (argc - optind > 1) {
        free(ref_paths);
        return cli_usage_error("one candidate at a time (got %d files)", argc - optind);
    }
    if (argc - optind == 1)
        cand_path = argv[optind];
    cand_name = strcmp(cand_path, "-") == 0 ? "standard input" : cand_path;
    if (stem)
        ro.stemmer = stemmer ? stemmer
                             : ro.tokenizer == SUMM_ROUGE_TOKENIZER_ASCII ? "porter" : "english";
    rc = summ_rouge_new(&r, &ro, NULL);
    if (rc == SUMM_E_INVALID_ARG) {
        free(ref_paths);
        return cli_usage_error("unknown stemmer '%s'", ro.stemmer ? ro.stemmer : "");
    }
    if (rc < 0) {
        cli_msg("%s", summ_strerror(rc));
        free(ref_paths);
        return 1;
    }

    refs = calloc(n_refs, sizeof *refs);
    ref_lens = calloc(n_refs, sizeof *ref_lens);
    if (!refs || !ref_lens) {
        cli_msg("out of memory");
        goto out;
    }
    for (i = 0; i < n_refs; i++)
        if (read_file(ref_paths[i], max_input, &refs[i], &ref_lens[i]) < 0)
            goto out;
    if (read_file(cand_path, max_input, &cand, &cand_len) < 0)
        goto out;

    /* Score everything first so that a failure leaves no partial output. */
    for (i = 0; i < n_metrics; i++) {
        rc = summ_rouge_score(r, metrics[i].kind, metrics[i].n, cand, cand_len,
                              (const char *const *)refs, ref_lens, n_refs, &scores[i]);
        if (rc < 0) {
            report_failure(r, cand_name, ref_paths);
            goto out;
        }
    }
    if (json) {
        fputs("{\"candidate\": ", stdout);
        cli_write_json_string(stdout, cand_name, strlen(cand_name));
        fputs(", \"references\": [", stdout);
        for (i = 0; i < n_refs; i++) {
            fputs(i ? ", " : "", stdout);
            cli_write_json_string(stdout, ref_paths[i], strlen(ref_paths[i]));
        }
        fprintf(stdout, "], \"tokenizer\": \"%s\", \"stemmer\": ",
                ro.tokenizer == SUMM_ROUGE_TOKENIZER_UNICODE ? "unicode" : "ascii");
        if (ro.stemmer)
            cli_write_json_string(stdout, ro.stemmer, strlen(ro.stemmer));
        else
            fputs("null", stdout);
        fputs(", \"scores\": {", stdout);
    }
    for (i = 0; i < n_metrics; i++) {
        const summ_rouge_result *sc = &scores[i];
        /* The tool never calls setlocale: the decimal point is '.'. */
        if (json)
            printf("%s\"%s\": {\"precision\": %.6f, \"recall\": %.6f, \"f1\": %.6f, "
                   "\"reference\": %zu}",
                   i ? ", " : "", metrics[i].name, sc->precision, sc->recall, sc->f1,
                   sc->reference);
        else
            printf("%s\t%.6f\t%.6f\t%.6f\t%zu\n", metrics[i].name, sc->precision, sc->recall,
                   sc->f1, sc->reference);
    }
    if (json)
        fputs("}}\n", stdout);
    status = 0;
out:
    if (fflush(stdout) != 0 || ferror(stdout)) {
        cli_msg("write error: %s", strerror(errno));
        status = 1;
    }
    free(cand);
    if (refs)
        for (i = 0; i < n_refs; i++)
            free(refs[i]);
    free(refs);
    free(ref_lens);
    free(ref_paths);
    summ_rouge_free(r);
    return status;
}
