/*
 * summarize: the libsumm command-line tool.
 *
 * Reads each FILE (or standard input), summarizes it and writes the result.
 * Exit status: 0 success, 1 runtime error (unreadable file, invalid UTF-8,
 * write error), 2 usage error. Output to -o FILE replaces FILE only when
 * complete, as far as FILE's kind allows (tools/output_file.c).
 */
#define _POSIX_C_SOURCE 200809L

#include <libsumm/summ.h>

#include "cli_common.h"
#include "output_file.h"
#include "output_text.h"

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>


enum format { FMT_TEXT, FMT_JSON, FMT_TSV };

typedef struct cli {
    summ_options opts;
    const char *language;
    enum format format;
    int split;
    int scores;
    const char *output;
    size_t max_input;
    const char *stopwords_file;
    const char *abbreviations_file;
    const char *cue_file, *stigma_file;
} cli;

static void usage(FILE *f)
{
    fprintf(f,
            "Usage: %s [OPTION]... [FILE]...\n"
            "Summarize each FILE (UTF-8 text; standard input when there is none or FILE is -).\n"
            "\n"
            "Length (the tightest budget wins; default --ratio 0.2):\n"
            "  -n, --sentences N     at most N sentences (N >= 1)\n"
            "  -r, --ratio R         at most R of the sentences, 0 < R <= 1 (at least one)\n"
            "  -w, --words N         at most N words\n"
            "  -b, --bytes N         at most N bytes of sentence text\n"
            "\n"
            "Method:\n"
            "  -a, --algorithm NAME  scoring algorithm (see --list-algorithms); default: default\n"
            "  -l, --language CODE   language: ISO 639-1/639-3 code, English name, or auto\n"
            "                        (detected per file, the default; see --list-languages)\n"
            "      --stopwords FILE  also ignore the words in FILE (UTF-8, one per line)\n"
            "      --abbreviations FILE\n"
            "                        words in FILE (UTF-8, one per line, e.g. \"approx.\")\n"
            "                        never end a sentence\n"
            "      --mmr LAMBDA      redundancy control (maximal marginal relevance), 0 < LAMBDA\n"
            "                        <= 1: lower LAMBDA avoids sentences similar to those\n"
            "                        already picked; 1 = off (default)\n"
            "      --position-weight W  lead bias, 0 <= W <= 1: mix the scores with a prior\n"
            "                        favouring early sentences; 0 = off; default 0.25\n"
            "      --lexrank-threshold T  lexrank: link sentences whose similarity is at\n"
            "                        least T (0 <= T < 1); 0 = continuous (default)\n"
            "      --cue-words FILE  edmundson: bonus words, one per line\n"
            "      --stigma-words FILE  edmundson: stigma words, one per line\n"
            "      --no-stem         match words without stemming\n"
            "      --keep-stopwords  count stopwords as content words\n"
            "      --lenient         treat invalid UTF-8 bytes as spaces instead of failing\n"
            "\n"
            "Output:\n"
            "  -f, --format FMT      text (one sentence per line; line breaks inside a\n"
            "                        sentence become spaces), json (one object per input:\n"
            "                        file, language, algorithm, sentences with index, byte\n"
            "                        start/end, score, text) or tsv (index, start, end,\n"
            "                        score, text with tab/newline/backslash escaped)\n"
            "      --split           output every sentence instead of a summary\n"
            "      --scores          output every sentence with its score\n"
            "      --score-order     order sentences by score instead of document order\n"
            "  -o, --output FILE     write to FILE (replaced atomically, only on success)\n"
            "      --max-input N     refuse inputs over N bytes (default 256 MiB)\n"
            "      --list-algorithms print the algorithm names and exit\n"
            "      --list-languages  print the language codes and exit (and auto)\n"
            "  -h, --help            show this help and exit\n"
            "  -V, --version         show the version and exit\n"
            "\n"
            "With several files each output starts with a line '==> FILE <==' (text and tsv).\n"
            "Exit status: 0 success, 1 runtime error, 2 usage error.\n",
            cli_prog);
}

/* Parses a number in [0, 1] without strtod (locale-dependent decimal
 * point): digits, optional '.', digits. */
static int parse_unit(const char *s, double *out)
{
    double v = 0.0, scale = 1.0;
    int digits = 0, dot = 0;
    for (; *s; s++) {
        if (*s >= '0' && *s <= '9') {
            if (dot) {
                scale /= 10.0;
                v += (*s - '0') * scale;
            } else {
                v = v * 10.0 + (*s - '0');
            }
            if (++digits > 30)
                return -1;
        } else if (*s == '.' && !dot) {
            dot = 1;
        } else {
            return -1;
        }
    }
    if (!digits || v > 1.0)
        return -1;
    *out = v;
    return 0;
}

/* Reads a whole stream. Refuses more than `limit` bytes without reading
 * the rest into memory. */
static int read_all(FILE *f, const char *name, size_t limit, char **buf_out, size_t *len_out)
{
    size_t cap = 1 << 16, len = 0;
    char *buf = malloc(cap);
    if (!buf) {
        cli_msg("%s: out of memory", name);
        return -1;
    }
    for (;;) {
        size_t n;
        if (len == cap) {
            char *nb;
            if (cap > limit) {
                free(buf);
                cli_msg("%s: input is larger than the limit of %zu bytes (see --max-input)", name,
                    limit);
                return -1;
            }
            nb = realloc(buf, cap * 2);
            if (!nb) {
                free(buf);
                cli_msg("%s: out of memory", name);
                return -1;
            }
            buf = nb;
            cap *= 2;
        }
        n = fread(buf + len, 1, cap - len, f);
        len += n;
        if (n == 0) {
            if (ferror(f)) {
                cli_msg("%s: read error: %s", name, strerror(errno));
                free(buf);
                return -1;
            }
            break;
        }
    }
    if (len > limit) {
        free(buf);
        cli_msg("%s: input is larger than the limit of %zu bytes (see --max-input)", name, limit);
        return -1;
    }
    *buf_out = buf;
    *len_out = len;
    return 0;
}

/* A word list for --stopwords / --abbreviations: one word per line; blank
 * lines and lines starting with '#' are skipped, CR before LF is dropped.
 * *words points into *buf; free both. */
static int read_word_list(const char *path, char **buf_out, const char ***words_out,
                          size_t *n_out)
{
    FILE *f = fopen(path, "rb");
    char *buf, *p, *end;
    const char **words = NULL;
    size_t len, n = 0, cap = 0;

    if (!f) {
        cli_msg("%s: %s", path, strerror(errno));
        return -1;
    }
    if (read_all(f, path, (size_t)64 << 20, &buf, &len) < 0) {
        fclose(f);
        return -1;
    }
    fclose(f);
    if (memchr(buf, '\0', len)) {
        cli_msg("%s: NUL byte in a word list", path);
        free(buf);
        return -1;
    }
    /* Room for the terminating NUL of the last line. */
    p = realloc(buf, len + 1);
    if (!p) {
        free(buf);
        cli_msg("%s: out of memory", path);
        return -1;
    }
    buf = p;
    buf[len] = '\0';
    for (p = buf, end = buf + len; p < end;) {
        char *nl = memchr(p, '\n', (size_t)(end - p));
        char *line_end = nl ? nl : end;
        *line_end = '\0';
        if (line_end > p && line_end[-1] == '\r')
            line_end[-1] = '\0';
        if (*p && *p != '#') {
            if (n == cap) {
                size_t ncap = cap ? cap * 2 : 64;
                const char **nw = realloc(words, ncap * sizeof *nw);
                if (!nw) {
                    free(words);
                    free(buf);
                    cli_msg("%s: out of memory", path);
                    return -1;
                }
                words = nw;
                cap = ncap;
            }
            words[n++] = p;
        }
        p = line_end + 1;
    }
    *buf_out = buf;
    *words_out = words;
    *n_out = n;
    return 0;
}

static void free_words(char *buf1, const char **words1, char *buf2, const char **words2)
{
    free(words1);
    free(buf1);
    free(words2);
    free(buf2);
}

/* Creates the language, with the caller's word lists when given. */
static int make_language(const cli *c, summ_lang **out)
{
    summ_lang_config cfg = SUMM_LANG_CONFIG_INIT;
    char *sbuf = NULL, *abuf = NULL;
    const char **swords = NULL, **awords = NULL;
    size_t ns = 0, na = 0;
    int rc = 1;

    if (c->stopwords_file && read_word_list(c->stopwords_file, &sbuf, &swords, &ns) < 0)
        goto out;
    if (c->abbreviations_file &&
        read_word_list(c->abbreviations_file, &abuf, &awords, &na) < 0)
        goto out;
    cfg.extra_stopwords = swords;
    cfg.n_extra_stopwords = ns;
    cfg.extra_abbreviations = awords;
    cfg.n_extra_abbreviations = na;
    switch (summ_lang_new_ex(out, c->language, &cfg, NULL)) {
    case SUMM_OK:
        rc = 0;
        break;
    case SUMM_E_UNKNOWN_LANG:
        rc = cli_usage_error("unknown language '%s' (see --list-languages)", c->language);
        break;
    case SUMM_E_INVALID_UTF8:
        cli_msg("invalid UTF-8 in a word list");
        break;
    default:
        cli_msg("cannot create the language: out of memory");
        break;
    }
out:
    free(swords);
    free(sbuf);
    free(awords);
    free(abuf);
    return rc;
}

/* Scores are printed with a fixed number of significant digits so output is
 * byte-identical across runs. The CLI never calls setlocale, so the decimal
 * point is '.'. */
static void print_score(FILE *out, double v)
{
    fprintf(out, "%.6g", v);
}

static void write_result(FILE *out, const cli *c, const char *name, const char *lang,
                         const char *algo, const char *text, const summ_result *r, int header)
{
    const summ_span *sp = summ_result_spans(r);
    size_t i, n = summ_result_count(r);

    if (c->format == FMT_JSON) {
        fputs("{\"file\": ", out);
        cli_write_json_string(out, name, strlen(name));
        fputs(", \"language\": ", out);
        cli_write_json_string(out, lang, strlen(lang));
        fputs(", \"algorithm\": ", out);
        cli_write_json_string(out, algo, strlen(algo));
        fprintf(out, ", \"sentence_count\": %zu, \"sentences\": [", summ_result_sentence_total(r));
        for (i = 0; i < n; i++) {
            fprintf(out, "%s{\"index\": %u, \"start\": %zu, \"end\": %zu, \"score\": ",
                    i ? ", " : "", sp[i].sentence, sp[i].start, sp[i].end);
            print_score(out, sp[i].score);
            fputs(", \"text\": ", out);
            cli_write_json_string(out, text + sp[i].start, sp[i].end - sp[i].start);
            fputc('}', out);
        }
        fputs("]}\n", out);
        return;
    }
    /* As head(1) does: a header per file, a blank line between files. */
    if (header) {
        fputs(header > 1 ? "\n==> " : "==> ", out);
        cli_write_text(out, name, strlen(name));
        fputs(" <==\n", out);
    }
    for (i = 0; i < n; i++) {
        if (c->format == FMT_TSV) {
            fprintf(out, "%u\t%zu\t%zu\t", sp[i].sentence, sp[i].start, sp[i].end);
            print_score(out, sp[i].score);
            fputc('\t', out);
            cli_write_tsv_field(out, text + sp[i].start, sp[i].end - sp[i].start);
            fputc('\n', out);
        } else {
            cli_write_text_line(out, text + sp[i].start, sp[i].end - sp[i].start);
        }
    }
}

int main(int argc, char **argv)
{
    enum {
        OPT_SPLIT = 256, OPT_SCORES, OPT_SCORE_ORDER, OPT_NO_STEM, OPT_KEEP_STOP, OPT_LENIENT,
        OPT_MAX_INPUT, OPT_LIST_ALGOS, OPT_LIST_LANGS, OPT_STOPWORDS, OPT_ABBREVIATIONS,
        OPT_MMR, OPT_POSITION_WEIGHT, OPT_LEXRANK_THRESHOLD, OPT_CUE_WORDS, OPT_STIGMA_WORDS
    };
    static const struct option longopts[] = {
        { "sentences", required_argument, NULL, 'n' },
        { "ratio", required_argument, NULL, 'r' },
        { "words", required_argument, NULL, 'w' },
        { "bytes", required_argument, NULL, 'b' },
        { "algorithm", required_argument, NULL, 'a' },
        { "language", required_argument, NULL, 'l' },
        { "format", required_argument, NULL, 'f' },
        { "output", required_argument, NULL, 'o' },
        { "split", no_argument, NULL, OPT_SPLIT },
        { "scores", no_argument, NULL, OPT_SCORES },
        { "score-order", no_argument, NULL, OPT_SCORE_ORDER },
        { "no-stem", no_argument, NULL, OPT_NO_STEM },
        { "keep-stopwords", no_argument, NULL, OPT_KEEP_STOP },
        { "lenient", no_argument, NULL, OPT_LENIENT },
        { "max-input", required_argument, NULL, OPT_MAX_INPUT },
        { "list-algorithms", no_argument, NULL, OPT_LIST_ALGOS },
        { "list-languages", no_argument, NULL, OPT_LIST_LANGS },
        { "stopwords", required_argument, NULL, OPT_STOPWORDS },
        { "abbreviations", required_argument, NULL, OPT_ABBREVIATIONS },
        { "mmr", required_argument, NULL, OPT_MMR },
        { "position-weight", required_argument, NULL, OPT_POSITION_WEIGHT },
        { "lexrank-threshold", required_argument, NULL, OPT_LEXRANK_THRESHOLD },
        { "cue-words", required_argument, NULL, OPT_CUE_WORDS },
        { "stigma-words", required_argument, NULL, OPT_STIGMA_WORDS },
        { "help", no_argument, NULL, 'h' },
        { "version", no_argument, NULL, 'V' },
        { NULL, 0, NULL, 0 },
    };
    cli c;
    char *cue_buf = NULL, *stigma_buf = NULL;
    const char **cue_words = NULL, **stigma_words = NULL;
    size_t n_cue = 0, n_stigma = 0;
    summ_lang *lang = NULL;
    summ_summarizer *s = NULL;
    summ_result *r = NULL;
    FILE *out;
    cli_output output;
    const char *algo_name;
    int opt, rc, status = 0, i, n_files, written = 0;
    unsigned long long v;

    cli_prog = "summarize";
    cli_set_prog(argc, argv);
    /* `summarize big.txt | head -1` must end quietly, even when the parent
     * left SIGPIPE ignored. */
    signal(SIGPIPE, SIG_DFL);

    memset(&c, 0, sizeof c);
    summ_options_init(&c.opts, SUMM_OPTIONS_VERSION);
    c.language = "auto";
    c.format = FMT_TEXT;
    c.max_input = SUMM_DEFAULT_MAX_INPUT_BYTES;

    while ((opt = getopt_long(argc, argv, "n:r:w:b:a:l:f:o:hV", longopts, NULL)) != -1) {
        switch (opt) {
        case 'n':
            if (cli_parse_uint(optarg, 1, UINT32_MAX, &v))
                return cli_usage_error("invalid number of sentences '%s' (a whole number >= 1)",
                                   optarg);
            c.opts.max_sentences = (uint32_t)v;
            break;
        case 'r':
            if (parse_unit(optarg, &c.opts.ratio) || c.opts.ratio <= 0.0)
                return cli_usage_error("invalid ratio '%s' (a number in (0, 1])", optarg);
            break;
        case 'w':
            if (cli_parse_uint(optarg, 1, UINT32_MAX, &v))
                return cli_usage_error("invalid number of words '%s' (a whole number >= 1)", optarg);
            c.opts.max_words = (uint32_t)v;
            break;
        case 'b':
            if (cli_parse_uint(optarg, 1, SIZE_MAX, &v))
                return cli_usage_error("invalid number of bytes '%s' (a whole number >= 1)", optarg);
            c.opts.max_bytes = (size_t)v;
            break;
        case 'a':
            rc = summ_algorithm_from_name(optarg);
            if (rc < 0)
                return cli_usage_error("unknown algorithm '%s' (see --list-algorithms)", optarg);
            c.opts.algorithm = rc;
            break;
        case 'l':
            c.language = optarg;
            break;
        case 'f':
            if (strcmp(optarg, "text") == 0)
                c.format = FMT_TEXT;
            else if (strcmp(optarg, "json") == 0)
                c.format = FMT_JSON;
            else if (strcmp(optarg, "tsv") == 0)
                c.format = FMT_TSV;
            else
                return cli_usage_error("unknown format '%s' (text, json or tsv)", optarg);
            break;
        case 'o':
            c.output = optarg;
            break;
        case OPT_SPLIT:
            c.split = 1;
            break;
        case OPT_SCORES:
            c.scores = 1;
            break;
        case OPT_SCORE_ORDER:
            c.opts.flags |= SUMM_FLAG_SCORE_ORDER;
            break;
        case OPT_NO_STEM:
            c.opts.flags |= SUMM_FLAG_NO_STEMMING;
            break;
        case OPT_KEEP_STOP:
            c.opts.flags |= SUMM_FLAG_KEEP_STOPWORDS;
            break;
        case OPT_LENIENT:
            c.opts.flags |= SUMM_FLAG_LENIENT_UTF8;
            break;
        case OPT_MAX_INPUT:
            if (cli_parse_uint(optarg, 1, SUMM_MAX_INPUT_BYTES, &v))
                return cli_usage_error("invalid --max-input '%s' (1 to %zu bytes)", optarg,
                                   (size_t)SUMM_MAX_INPUT_BYTES);
            c.max_input = (size_t)v;
            break;
        case OPT_STOPWORDS:
            c.stopwords_file = optarg;
            break;
        case OPT_ABBREVIATIONS:
            c.abbreviations_file = optarg;
            break;
        case OPT_MMR:
            if (parse_unit(optarg, &c.opts.mmr_lambda) || c.opts.mmr_lambda <= 0.0)
                return cli_usage_error("invalid --mmr '%s' (a number in (0, 1])", optarg);
            break;
        case OPT_POSITION_WEIGHT:
            if (parse_unit(optarg, &c.opts.position_weight))
                return cli_usage_error("invalid --position-weight '%s' (a number in [0, 1])",
                                   optarg);
            break;
        case OPT_LEXRANK_THRESHOLD:
            if (parse_unit(optarg, &c.opts.lexrank_threshold) || c.opts.lexrank_threshold >= 1.0)
                return cli_usage_error("invalid --lexrank-threshold '%s' (a number in [0, 1))",
                                   optarg);
            break;
        case OPT_CUE_WORDS:
            c.cue_file = optarg;
            break;
        case OPT_STIGMA_WORDS:
            c.stigma_file = optarg;
            break;
        case OPT_LIST_ALGOS:
        case OPT_LIST_LANGS: {
            const char *const *list =
                opt == OPT_LIST_ALGOS ? summ_algorithm_list() : summ_lang_list();
            for (; *list; list++)
                printf("%s\n", *list);
            if (opt == OPT_LIST_LANGS)
                printf("auto\n");
            return cli_output_close(NULL, 0);
        }
        case 'h':
            usage(stdout);
            return cli_output_close(NULL, 0);
        case 'V':
            printf("%s (libsumm) %s\n", cli_prog, summ_version_string());
            return cli_output_close(NULL, 0);
        default:
            fprintf(stderr, "Try '%s --help' for more information.\n", cli_prog);
            return 2;
        }
    }
    if (c.split && c.scores)
        return cli_usage_error("--split and --scores cannot be combined");
    c.opts.max_input_bytes = c.max_input;

    if ((c.cue_file && read_word_list(c.cue_file, &cue_buf, &cue_words, &n_cue) < 0) ||
        (c.stigma_file &&
         read_word_list(c.stigma_file, &stigma_buf, &stigma_words, &n_stigma) < 0)) {
        free_words(cue_buf, cue_words, stigma_buf, stigma_words);
        return 1;
    }
    c.opts.cue_words = cue_words;
    c.opts.n_cue_words = n_cue;
    c.opts.stigma_words = stigma_words;
    c.opts.n_stigma_words = n_stigma;
    if ((rc = make_language(&c, &lang)) != 0) {
        free_words(cue_buf, cue_words, stigma_buf, stigma_words);
        return rc;
    }
    rc = summ_summarizer_new(&s, lang, &c.opts, NULL);
    /* The summarizer keeps its own copy of the word lists. */
    free_words(cue_buf, cue_words, stigma_buf, stigma_words);
    if (rc < 0 || (rc = summ_result_new(&r, NULL)) < 0) {
        cli_msg("%s", summ_strerror(rc));
        summ_summarizer_free(s);
        summ_lang_free(lang);
        return 1;
    }
    algo_name = c.split ? "split" : summ_algorithm_name(c.opts.algorithm);

    out = cli_output_open(&output, c.output);
    if (!out) {
        summ_result_free(r);
        summ_summarizer_free(s);
        summ_lang_free(lang);
        return 1;
    }

    n_files = argc - optind;
    for (i = 0; i < (n_files ? n_files : 1); i++) {
        const char *path = n_files ? argv[optind + i] : "-";
        const char *name = strcmp(path, "-") == 0 ? "standard input" : path;
        FILE *in = stdin;
        char *text = NULL;
        size_t len = 0;
        struct stat st;

        if (strcmp(path, "-") != 0) {
            in = fopen(path, "rb");
            if (!in) {
                cli_msg("%s: %s", path, strerror(errno));
                status = 1;
                continue;
            }
            if (fstat(fileno(in), &st) == 0 && S_ISDIR(st.st_mode)) {
                cli_msg("%s: is a directory", path);
                fclose(in);
                status = 1;
                continue;
            }
            if (fstat(fileno(in), &st) == 0 && S_ISREG(st.st_mode) &&
                (unsigned long long)st.st_size > (unsigned long long)c.max_input) {
                cli_msg("%s: input is larger than the limit of %zu bytes (see --max-input)", path,
                    c.max_input);
                fclose(in);
                status = 1;
                continue;
            }
        }
        rc = read_all(in, name, c.max_input, &text, &len);
        if (in != stdin)
            fclose(in);
        if (rc < 0) {
            status = 1;
            continue;
        }
        if (c.split)
            rc = summ_split_sentences(s, text, len, r);
        else if (c.scores)
            rc = summ_score_sentences(s, text, len, r);
        else
            rc = summ_summarize(s, text, len, r);
        if (rc < 0) {
            cli_msg("%s: %s", name, summ_summarizer_errmsg(s));
            status = 1;
        } else {
            write_result(out, &c, name, summ_result_language(r), algo_name, text, r,
                         n_files > 1 ? (written ? 2 : 1) : 0);
            written++;
        }
        free(text);
        if (ferror(out))
            break;
    }
    status = cli_output_close(&output, status);
    summ_result_free(r);
    summ_summarizer_free(s);
    summ_lang_free(lang);
    return status;
}
