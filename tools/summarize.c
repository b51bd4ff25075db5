/*
 * summarize: the libsumm command-line tool.
 *
 * Reads each FILE (or standard input), summarizes it and writes the result.
 * Every row of the library's option table is a long option, with the
 * library's parsing, bounds, messages and help text: adding a row to the
 * table adds the option here.
 * Exit status: 0 success, 1 runtime error (unreadable file, invalid UTF-8,
 * write error), 2 usage error. Output to -o FILE replaces FILE only when
 * complete, as far as FILE's kind allows (tools/output_file.c).
 */
#define _POSIX_C_SOURCE 200809L

#include <libsumm/summ.h>

#include "batch_options.h"
#include "cli_common.h"
#include "output_file.h"
#include "output_text.h"

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <math.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>


enum format { FMT_TEXT, FMT_JSON, FMT_TSV };

/* The FILE given to a WORDS row of the option table (--cue-words FILE) and
 * the words read from it. */
typedef struct word_file {
    const char *path;
    char *buf;
    const char **words;
    size_t n;
} word_file;

typedef struct cli {
    summ_options opts;
    const char *language;
    enum format format;
    int split;
    int scores;
    int quiet;
    size_t keywords; /* --keywords N; 0: none asked for */
    int explain;
    const char *output;
    size_t max_input;
    const char *stopwords_file;
    const char *abbreviations_file;
    word_file *word_files; /* one per row of the option table */
    batch_options batch;   /* --jsonl, -j, --output-dir and the like */
} cli;

/* getopt_long() codes of this program's own options without a short form;
 * a row of the library's option table gets OPT_ROW + its index. */
enum {
    OPT_SPLIT = 256, OPT_SCORES, OPT_STOPWORDS, OPT_ABBREVIATIONS, OPT_LIST_ALGOS,
    OPT_LIST_LANGS, OPT_LIST_OPTIONS, OPT_KEYWORDS, OPT_EXPLAIN, OPT_BATCH = 512, OPT_ROW = 1024
};

/* The options of summarize itself; every summ_options field comes from the
 * library's option table instead (summ_option_at()). */
typedef struct own_option {
    const char *name;
    int has_arg;
    int val; /* the short option, or an OPT_ code */
    const char *group;
    const char *value_name;
    const char *doc;
} own_option;

static const own_option own_options[] = {
    { "language", required_argument, 'l', "input", "CODE",
      "language: ISO 639-1/639-3 code, English name, und (any other language) or "
      "auto (detected per file; see --list-languages); default: auto" },
    { "stopwords", required_argument, OPT_STOPWORDS, "input", "FILE",
      "also ignore the words in FILE (UTF-8, one per line; blank lines and lines starting "
      "with # are skipped)" },
    { "abbreviations", required_argument, OPT_ABBREVIATIONS, "input", "FILE",
      "words in FILE (same format, e.g. \"approx.\") never end a sentence" },
    { "format", required_argument, 'f', "output", "FMT",
      "text (one sentence per line; line breaks inside a sentence become spaces), json "
      "(one object per line and input: file, language, algorithm, sentence_count and "
      "sentences with index, byte start and end, score, text) or tsv (columns index, "
      "start, end, score, text, no header row; tab, newline, carriage return and "
      "backslash escaped as \\t \\n \\r \\\\); default: text" },
    { "split", no_argument, OPT_SPLIT, "output", NULL,
      "output every sentence instead of a summary" },
    { "scores", no_argument, OPT_SCORES, "output", NULL,
      "output every sentence with its score" },
    { "keywords", required_argument, OPT_KEYWORDS, "output", "N",
      "the N best keyphrases (0: 10; see the keyphrase options): text prints one per line "
      "and tsv the columns rank, start, end, score, count, spans (start-end,...), text, "
      "both instead of the summary; json adds to each object keyphrases with text, start, "
      "end, score, count and spans" },
    { "explain", no_argument, OPT_EXPLAIN, "output", NULL,
      "also tell on stderr, per file, why -a adaptive weighed position as it did: the "
      "sentences, the summary's share of the text, how well position predicts centrality "
      "and the lede weight drawn from them (other algorithms have no evidence; json output "
      "of adaptive always has them, as \"explain\")" },
    { "quiet", no_argument, 'q', "output", NULL,
      "never name the files: no '==> FILE <==' headers in text, no file column in tsv" },
    { "output", required_argument, 'o', "output", "FILE",
      "write to FILE (replaced atomically, only on success)" },
BATCH_OWN_OPTIONS
    { "list-algorithms", no_argument, OPT_LIST_ALGOS, "information", NULL,
      "print the algorithm names, one per line, and exit" },
    { "list-languages", no_argument, OPT_LIST_LANGS, "information", NULL,
      "print the language codes and auto, one per line, and exit" },
    { "list-options", no_argument, OPT_LIST_OPTIONS, "information", NULL,
      "print the names of the library's options, one per line, and exit (each NAME is "
      "the long option --NAME)" },
    { "help", no_argument, 'h', "information", NULL, "show this help and exit" },
    { "version", no_argument, 'V', "information", NULL, "show the version and exit" },
};

#define N_OWN (sizeof own_options / sizeof own_options[0])

/* Other spellings of rows of the option table: short options, and the long
 * names earlier versions of summarize used. An alias of a row the library
 * does not have is left out. */
static const struct row_alias {
    int short_name;        /* 0 for none */
    const char *long_name; /* NULL for none */
    const char *row;
} row_aliases[] = {
    { 'n', NULL, "sentences" },
    { 'r', NULL, "ratio" },
    { 'w', NULL, "words" },
    { 'b', NULL, "bytes" },
    { 'a', NULL, "algorithm" },
    { 0, "mmr", "mmr_lambda" },
    { 0, "no-stem", "no_stemming" },
    { 0, "max-input", "max_input_bytes" },
};

#define N_ALIASES (sizeof row_aliases / sizeof row_aliases[0])

/* The headings of --help, by group of the option table; another group is
 * shown under its own name. */
static const struct {
    const char *group, *heading;
} group_headings[] = {
    { "budget", "Length (every budget given applies, so the tightest wins):" },
    { "method", "Method:" },
    { "algorithm", "Parameters of some algorithms:" },
    { "keyphrases", "Keyphrases (--keywords):" },
    { "input", "Input:" },
    { "output", "Output:" },
    { "batch", "Many documents:" },
    { "information", "Information:" },
};

/* getopt_long()'s tables, built at run time from the option table and
 * own_options, and what the options of the table collect. */
typedef struct command_line {
    size_t n_rows;
    struct option *longopts; /* the rows first, row i at i, then aliases, own options */
    char *names;             /* the rows' names with '-' for '_' */
    char shortopts[2 + 3 * (N_OWN + N_ALIASES)];
    word_file *word_files;   /* one per row */
} command_line;

static int takes_value(const summ_option_info *row)
{
    return row->type != SUMM_OPTION_BOOL;
}

static void command_line_free(command_line *cl)
{
    size_t i;
    if (cl->word_files)
        for (i = 0; i < cl->n_rows; i++) {
            free(cl->word_files[i].words);
            free(cl->word_files[i].buf);
        }
    free(cl->word_files);
    free(cl->longopts);
    free(cl->names);
}

static void add_short(char *s, int c, int has_arg)
{
    size_t n = strlen(s);
    s[n++] = (char)c;
    if (has_arg)
        s[n++] = ':';
    s[n] = '\0';
}

static size_t row_index(const summ_option_info *row)
{
    size_t i;
    for (i = 0; summ_option_at(i) != row; i++)
        ;
    return i;
}

static int command_line_build(command_line *cl)
{
    size_t i, k = 0, name_bytes = 0;
    char *p;

    memset(cl, 0, sizeof *cl);
    cl->n_rows = summ_option_count();
    for (i = 0; i < cl->n_rows; i++)
        name_bytes += strlen(summ_option_at(i)->name) + 1;
    cl->longopts = calloc(cl->n_rows + N_ALIASES + N_OWN + 1, sizeof *cl->longopts);
    cl->names = malloc(name_bytes ? name_bytes : 1);
    cl->word_files = calloc(cl->n_rows ? cl->n_rows : 1, sizeof *cl->word_files);
    if (!cl->longopts || !cl->names || !cl->word_files)
        return -1;
    /* ':' first: a missing argument is told apart from an unknown option. */
    strcpy(cl->shortopts, ":");
    for (i = 0, p = cl->names; i < cl->n_rows; i++) {
        const summ_option_info *row = summ_option_at(i);
        struct option *o = &cl->longopts[k++];
        size_t j;
        for (j = 0; row->name[j]; j++)
            p[j] = row->name[j] == '_' ? '-' : row->name[j];
        p[j] = '\0';
        o->name = p;
        o->has_arg = takes_value(row) ? required_argument : no_argument;
        o->val = OPT_ROW + (int)i;
        p += j + 1;
    }
    for (i = 0; i < N_ALIASES; i++) {
        const summ_option_info *row = summ_option_find(row_aliases[i].row);
        if (!row)
            continue;
        if (row_aliases[i].short_name)
            add_short(cl->shortopts, row_aliases[i].short_name, takes_value(row));
        if (row_aliases[i].long_name) {
            struct option *o = &cl->longopts[k++];
            o->name = row_aliases[i].long_name;
            o->has_arg = takes_value(row) ? required_argument : no_argument;
            o->val = OPT_ROW + (int)row_index(row);
        }
    }
    for (i = 0; i < N_OWN; i++) {
        struct option *o = &cl->longopts[k++];
        o->name = own_options[i].name;
        o->has_arg = own_options[i].has_arg;
        o->val = own_options[i].val;
        if (o->val < 256)
            add_short(cl->shortopts, o->val, o->has_arg == required_argument);
    }
    return 0;
}

/* The row of the option table a getopt_long() code stands for, or NULL. */
static const summ_option_info *row_of_option(int opt)
{
    size_t i;
    for (i = 0; i < N_ALIASES; i++)
        if (row_aliases[i].short_name == opt)
            return summ_option_find(row_aliases[i].row);
    return opt >= OPT_ROW ? summ_option_at((size_t)(opt - OPT_ROW)) : NULL;
}

/* Sets a row of the option table from its command-line argument. */
static int set_row(cli *c, const summ_option_info *row, const char *arg)
{
    char err[SUMM_OPTION_ERRMSG_SIZE];

    if (!row)
        return cli_usage_error("invalid option");
    if (row->type == SUMM_OPTION_WORDS) {
        c->word_files[row_index(row)].path = arg;
        return 0;
    }
    if (summ_options_set(&c->opts, row->name, takes_value(row) ? arg : "on", err,
                         sizeof err) < 0)
        return cli_usage_error("%s", err);
    return 0;
}

#define HELP_WIDTH 79  /* the last column used */
#define HELP_COLUMN 30 /* where descriptions start */
#define HELP_NBSP '\x1f' /* a space help_entry() never breaks a line at */

/* One entry of --help: "  -n, --sentences N" and its text wrapped beside it. */
static void help_entry(FILE *f, const char *left, const char *text)
{
    int col = fprintf(f, "  %s", left), line_start = 1;
    if (col + 2 > HELP_COLUMN) {
        fputc('\n', f);
        col = 0;
    }
    for (;;) {
        int w;
        while (*text == ' ')
            text++;
        if (!*text)
            break;
        w = (int)strcspn(text, " ");
        if (!line_start && col + 1 + w > HELP_WIDTH) {
            fputc('\n', f);
            col = 0;
            line_start = 1;
        }
        if (line_start) {
            fprintf(f, "%*s", HELP_COLUMN - col, "");
            col = HELP_COLUMN;
        } else {
            fputc(' ', f);
            col++;
        }
        for (; w > 0; w--, col++, text++)
            fputc(*text == HELP_NBSP ? ' ' : *text, f);
        line_start = 0;
    }
    fputc('\n', f);
}

/* The help of row i: its doc, the values it takes, its default. */
static void row_help(FILE *f, const command_line *cl, size_t i)
{
    const summ_option_info *row = summ_option_at(i);
    const char *value = row->type == SUMM_OPTION_WORDS ? "FILE"
                        : row->value_name              ? row->value_name
                                                       : "VALUE";
    const char *also = NULL;
    char left[128], text[1024], bounds[100];
    int short_name = 0;
    size_t used, j;

    for (j = 0; j < N_ALIASES; j++) {
        if (summ_option_find(row_aliases[j].row) != row)
            continue;
        if (row_aliases[j].short_name)
            short_name = row_aliases[j].short_name;
        if (row_aliases[j].long_name)
            also = row_aliases[j].long_name;
    }
    snprintf(left, sizeof left, "%c%c%c --%s%s%s", short_name ? '-' : ' ',
             short_name ? short_name : ' ', short_name ? ',' : ' ', cl->longopts[i].name,
             takes_value(row) ? " " : "", takes_value(row) ? value : "");
    used = (size_t)snprintf(text, sizeof text, "%s", row->doc);
    switch (row->type) {
    case SUMM_OPTION_BOOL:
        break;
    case SUMM_OPTION_WORDS:
        snprintf(text + used, sizeof text - used, "; %s: one word per line, as for --stopwords",
                 value);
        break;
    case SUMM_OPTION_ALGORITHM:
        snprintf(text + used, sizeof text - used,
                 "; %s from --list-algorithms, or default for %s; default:\x1f%s", value,
                 summ_algorithm_name(SUMM_ALGO_DEFAULT), row->default_text);
        break;
    case SUMM_OPTION_CHOICE:
        used += (size_t)snprintf(text + used, sizeof text - used, "; %s:", value);
        for (j = 1; row->choices[j] && used < sizeof text; j++)
            used += (size_t)snprintf(text + used, sizeof text - used, "%s %s", j > 1 ? "," : "",
                                     row->choices[j]);
        if (used < sizeof text)
            snprintf(text + used, sizeof text - used, "; default:\x1f%s", row->default_text);
        break;
    case SUMM_OPTION_UINT:
    case SUMM_OPTION_REAL:
        summ_option_format_bounds(row, bounds, sizeof bounds);
        for (j = 0; bounds[j]; j++) /* keep "(0, 1)" on one line */
            if (bounds[j] == ' ')
                bounds[j] = HELP_NBSP;
        snprintf(text + used, sizeof text - used, "; %s in %s%s%s; default:\x1f%s", value,
                 bounds, row->off_text ? ", or " : "", row->off_text ? row->off_text : "",
                 row->default_text);
        break;
    default:
        snprintf(text + used, sizeof text - used, "; default:\x1f%s", row->default_text);
        break;
    }
    if (also) {
        used = strlen(text);
        snprintf(text + used, sizeof text - used, "; also --%s", also);
    }
    help_entry(f, left, text);
}

static void group_help(FILE *f, const command_line *cl, const char *group)
{
    const char *heading = NULL;
    char left[128];
    size_t i;

    for (i = 0; i < sizeof group_headings / sizeof group_headings[0]; i++)
        if (strcmp(group_headings[i].group, group) == 0)
            heading = group_headings[i].heading;
    if (heading) {
        fprintf(f, "\n%s\n", heading);
    } else if (group[0]) { /* "Experimental:" */
        int first = group[0] >= 'a' && group[0] <= 'z' ? group[0] - 'a' + 'A' : group[0];
        fprintf(f, "\n%c%s:\n", first, group + 1);
    }
    for (i = 0; i < cl->n_rows; i++)
        if (strcmp(summ_option_at(i)->group, group) == 0)
            row_help(f, cl, i);
    for (i = 0; i < N_OWN; i++) {
        const own_option *o = &own_options[i];
        if (strcmp(o->group, group) != 0)
            continue;
        if (o->val < 256)
            snprintf(left, sizeof left, "-%c, --%s%s%s", o->val, o->name,
                     o->value_name ? " " : "", o->value_name ? o->value_name : "");
        else
            snprintf(left, sizeof left, "    --%s%s%s", o->name, o->value_name ? " " : "",
                     o->value_name ? o->value_name : "");
        help_entry(f, left, o->doc);
    }
}

/* True when group is the group of an option before row `row` of the table
 * or, for rows past the table, of an own option before own_options[own]. */
static int group_seen(const char *group, size_t row, size_t own)
{
    size_t i;
    for (i = 0; i < row && i < summ_option_count(); i++)
        if (strcmp(summ_option_at(i)->group, group) == 0)
            return 1;
    for (i = 0; i < own; i++)
        if (strcmp(own_options[i].group, group) == 0)
            return 1;
    return 0;
}

/* --help: every row of the option table by group, in the table's order,
 * then this program's own options. */
static void usage(FILE *f, const command_line *cl)
{
    size_t i;
    fprintf(f,
            "Usage: %s [OPTION]... [FILE]...\n"
            "Summarize each UTF-8 FILE (standard input when there is none, or FILE is -).\n"
            "Every option of the library is a long option (see --list-options); 0 or\n"
            "\"default\" as a value gives the option's default.\n",
            cli_prog);
    for (i = 0; i < cl->n_rows; i++)
        if (!group_seen(summ_option_at(i)->group, i, 0))
            group_help(f, cl, summ_option_at(i)->group);
    for (i = 0; i < N_OWN; i++)
        if (!group_seen(own_options[i].group, cl->n_rows, i))
            group_help(f, cl, own_options[i].group);
    fputs("\n"
          "With several files, text output starts each file with a line '==> FILE <=='\n"
          "and tsv output has a first column, file; -q leaves both out. A json object\n"
          "always has a file field.\n"
          "Exit status: 0 success, 1 runtime error, 2 usage error, 3 some records or\n"
          "files skipped (--on-error skip).\n",
          f);
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
                cli_msg("%s: input is larger than the limit of %zu bytes (see --max-input-bytes)",
                    name, limit);
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
        cli_msg("%s: input is larger than the limit of %zu bytes (see --max-input-bytes)", name,
            limit);
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

static void write_keyphrases(FILE *out, const cli *c, const char *name, const char *text,
                             const summ_keyphrases *kp, int header);

/* The adaptive algorithm's evidence for one text, as the JSON member
 * `"explain": {...}, `; nothing for the other algorithms, which have none. */
static void json_explain(FILE *out, const summ_result *r)
{
    summ_explain e;
    e.version = SUMM_EXPLAIN_VERSION;
    if (summ_result_explain(r, &e) < 0 || !e.has_evidence)
        return;
    fprintf(out, "\"explain\": {\"sentences\": %u, \"summary_share\": ", (unsigned)e.sentences);
    print_score(out, e.summary_share);
    fputs(", \"position_centrality\": ", out);
    print_score(out, e.position_centrality);
    fputs(", \"lede_weight\": ", out);
    print_score(out, e.lede_weight);
    fputs("}, ", out);
}

/* --explain: the same evidence in words, on stderr. */
static void tell_explain(const char *name, const summ_result *r)
{
    summ_explain e;
    memset(&e, 0, sizeof e);
    e.version = SUMM_EXPLAIN_VERSION;
    if (summ_result_explain(r, &e) < 0 || !e.has_evidence) {
        cli_msg("%s: no evidence to explain (algorithm %s)", name,
                e.algorithm ? summ_algorithm_name(e.algorithm) : "none");
        return;
    }
    cli_msg("%s: %u sentences; the summary is %.2f of the text; position predicts "
            "centrality with r = %.2f; lede weight %.2f (pacsum %.0f %%, textrank %.0f %%)",
            name, (unsigned)e.sentences, e.summary_share, e.position_centrality, e.lede_weight,
            100.0 * e.lede_weight, 100.0 * (1.0 - e.lede_weight));
}

static void write_result(FILE *out, const cli *c, const char *name, const char *lang,
                         const char *algo, const char *text, const summ_result *r,
                         const summ_keyphrases *kp, int header)
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
        fprintf(out, ", \"sentence_count\": %zu, ", summ_result_sentence_total(r));
        json_explain(out, r);
        fputs("\"sentences\": [", out);
        for (i = 0; i < n; i++) {
            fprintf(out, "%s{\"index\": %u, \"start\": %zu, \"end\": %zu, \"score\": ",
                    i ? ", " : "", sp[i].sentence, sp[i].start, sp[i].end);
            print_score(out, sp[i].score);
            fputs(", \"text\": ", out);
            cli_write_json_string(out, text + sp[i].start, sp[i].end - sp[i].start);
            fputc('}', out);
        }
        fputc(']', out);
        if (kp)
            write_keyphrases(out, c, name, text, kp, header);
        fputs("}\n", out);
        return;
    }
    /* As head(1) does: a header per file, a blank line between files. TSV
     * names the file in a first column instead, so that it stays TSV. */
    if (header && c->format == FMT_TEXT) {
        fputs(header > 1 ? "\n==> " : "==> ", out);
        cli_write_text(out, name, strlen(name));
        fputs(" <==\n", out);
    }
    for (i = 0; i < n; i++) {
        if (c->format == FMT_TSV) {
            if (header) {
                cli_write_tsv_field(out, name, strlen(name));
                fputc('\t', out);
            }
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

static void batch_write(FILE *out, void *ctx, const char *name, const char *text,
                        const summ_result *r, int header)
{
    const cli *c = ctx;
    write_result(out, c, name, summ_result_language(r),
                 c->split ? "split" : summ_algorithm_name(c->opts.algorithm), text, r, NULL,
                 header);
}

/* Many documents: tools/batch.c, with this tool's options and formats. */
static int run_batch(cli *c, const summ_lang *lang, char *const *paths, int n)
{
    static const char *const extensions[] = { "txt", "json", "tsv" };
    batch_config cfg;
    int rc;

    if (c->keywords || c->explain) {
        batch_options_free(&c->batch);
        return cli_usage_error("%s cannot be combined with -j, --jsonl or --output-dir",
                               c->keywords ? "--keywords" : "--explain");
    }
    if ((rc = batch_config_init(&cfg, &c->batch)) != 0) {
        batch_options_free(&c->batch);
        return rc;
    }
    cfg.lang = lang;
    cfg.opts = &c->opts;
    cfg.mode = c->split ? BATCH_SPLIT : c->scores ? BATCH_SCORES : BATCH_SUMMARIZE;
    cfg.output = c->output;
    cfg.extension = extensions[c->format];
    cfg.headers = n > 1 && !c->quiet;
    cfg.max_input = c->max_input;
    cfg.write = batch_write;
    cfg.write_ctx = (void *)c;
    rc = batch_run(&cfg, paths, n);
    batch_options_free(&c->batch);
    return rc;
}

/* The keyphrases of one file: text and tsv alone (with write_result's file
 * header or column), json as the "keyphrases" field of write_result's
 * object. */
static void write_keyphrases(FILE *out, const cli *c, const char *name, const char *text,
                             const summ_keyphrases *kp, int header)
{
    size_t i, j, n = summ_keyphrases_count(kp);
    summ_keyphrase k;

    if (c->format == FMT_JSON) {
        fputs(", \"keyphrases\": [", out);
        for (i = 0; i < n; i++) {
            summ_keyphrases_get(kp, i, &k);
            fputs(i ? ", {\"text\": " : "{\"text\": ", out);
            cli_write_json_string(out, text + k.start, k.end - k.start);
            fprintf(out, ", \"start\": %zu, \"end\": %zu, \"score\": ", k.start, k.end);
            print_score(out, k.score);
            fprintf(out, ", \"count\": %zu, \"spans\": [", k.count);
            for (j = 0; j < k.count; j++)
                fprintf(out, "%s[%zu, %zu]", j ? ", " : "", k.occurrences[j].start,
                        k.occurrences[j].end);
            fputs("]}", out);
        }
        fputc(']', out);
        return;
    }
    if (header && c->format == FMT_TEXT)
        fprintf(out, "%s==> %s <==\n", header > 1 ? "\n" : "", name);
    for (i = 0; i < n; i++) {
        summ_keyphrases_get(kp, i, &k);
        if (c->format == FMT_TSV) {
            if (header) {
                cli_write_tsv_field(out, name, strlen(name));
                fputc('\t', out);
            }
            fprintf(out, "%zu\t%zu\t%zu\t", i + 1, k.start, k.end);
            print_score(out, k.score);
            fprintf(out, "\t%zu\t", k.count);
            for (j = 0; j < k.count; j++)
                fprintf(out, "%s%zu-%zu", j ? "," : "", k.occurrences[j].start,
                        k.occurrences[j].end);
            fputc('\t', out);
            cli_write_tsv_field(out, text + k.start, k.end - k.start);
            fputc('\n', out);
        } else {
            cli_write_text_line(out, text + k.start, k.end - k.start);
        }
    }
}

/* Everything after building the option tables: their storage stays with
 * main, so every return here frees it. */
static int summarize(int argc, char **argv, command_line *cl)
{
    cli c;
    summ_lang *lang = NULL;
    summ_summarizer *s = NULL;
    summ_result *r = NULL;
    summ_keyphrases *kp = NULL;
    FILE *out;
    cli_output output;
    const char *algo_name;
    int opt, rc, status = 0, i, n_files, written = 0;
    size_t k;

    memset(&c, 0, sizeof c);
    summ_options_init(&c.opts, SUMM_OPTIONS_VERSION);
    c.language = "auto";
    c.format = FMT_TEXT;
    c.word_files = cl->word_files;

    /* Messages of our own, with the program name every other error has. */
    opterr = 0;
    while ((opt = getopt_long(argc, argv, cl->shortopts, cl->longopts, NULL)) != -1) {
        switch (opt) {
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
        case 'q':
            c.quiet = 1;
            break;
        case OPT_EXPLAIN:
            c.explain = 1;
            break;
        case OPT_SPLIT:
            c.split = 1;
            break;
        case OPT_SCORES:
            c.scores = 1;
            break;
        case OPT_KEYWORDS: {
            char *end;
            unsigned long long v;
            errno = 0;
            v = strtoull(optarg, &end, 10);
            if (optarg[0] < '0' || optarg[0] > '9' || *end || errno || v > SIZE_MAX / 2)
                return cli_usage_error("--keywords: '%s' is not a number of keyphrases", optarg);
            c.keywords = v ? (size_t)v : SUMM_DEFAULT_KEYPHRASES;
            break;
        }
        case OPT_STOPWORDS:
            c.stopwords_file = optarg;
            break;
        case OPT_ABBREVIATIONS:
            c.abbreviations_file = optarg;
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
        case OPT_LIST_OPTIONS:
            for (k = 0; k < cl->n_rows; k++)
                printf("%s\n", cl->longopts[k].name);
            return cli_output_close(NULL, 0);
        case 'h':
            usage(stdout, cl);
            return cli_output_close(NULL, 0);
        case 'V':
            printf("%s (libsumm) %s\n", cli_prog, summ_version_string());
            return cli_output_close(NULL, 0);
        case '?':
        case ':':
            return cli_option_error(opt, argv, cl->longopts);
        case 'j':
        case OPT_BATCH + 0: case OPT_BATCH + 1: case OPT_BATCH + 2: case OPT_BATCH + 3:
        case OPT_BATCH + 4: case OPT_BATCH + 5: case OPT_BATCH + 6:
            if ((rc = batch_option(&c.batch, opt == 'j' ? 0 : opt - OPT_BATCH + 1, optarg)) != 0)
                return rc;
            break;
        default:
            /* A row of the option table, by its name or a short option. */
            if ((rc = set_row(&c, row_of_option(opt), optarg)) != 0)
                return rc;
            break;
        }
    }
    if (c.split && c.scores)
        return cli_usage_error("--split and --scores cannot be combined");
    c.max_input = c.opts.max_input_bytes ? c.opts.max_input_bytes : SUMM_DEFAULT_MAX_INPUT_BYTES;

    for (k = 0; k < cl->n_rows; k++) {
        word_file *wf = &c.word_files[k];
        if (wf->path) {
            char err[SUMM_OPTION_ERRMSG_SIZE];
            if (read_word_list(wf->path, &wf->buf, &wf->words, &wf->n) < 0)
                return 1;
            if (summ_options_set_words(&c.opts, summ_option_at(k)->name, wf->words, wf->n, err,
                                       sizeof err) < 0) {
                cli_msg("%s: %s", wf->path, err);
                return 1;
            }
        }
    }
    if ((rc = make_language(&c, &lang)) != 0)
        return rc;
    if (batch_wanted(&c.batch)) {
        rc = run_batch(&c, lang, argv + optind, argc - optind);
        summ_lang_free(lang);
        return rc;
    }
    rc = summ_summarizer_new(&s, lang, &c.opts, NULL);
    if (rc < 0 || (rc = summ_result_new(&r, NULL)) < 0 ||
        (c.keywords && (rc = summ_keyphrases_new(&kp, NULL)) < 0)) {
        cli_msg("%s", summ_strerror(rc));
        summ_result_free(r);
        summ_summarizer_free(s);
        summ_lang_free(lang);
        return 1;
    }
    algo_name = c.split ? "split" : summ_algorithm_name(c.opts.algorithm);

    out = cli_output_open(&output, c.output);
    if (!out) {
        summ_keyphrases_free(kp);
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
                cli_msg("%s: input is larger than the limit of %zu bytes (see --max-input-bytes)",
                    path, c.max_input);
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
        /* Keyphrases in text and tsv come instead of the sentences. */
        rc = kp ? summ_extract_keyphrases(s, text, len, c.keywords, kp) : SUMM_OK;
        if (rc == SUMM_OK && !(kp && c.format != FMT_JSON)) {
            if (c.split)
                rc = summ_split_sentences(s, text, len, r);
            else if (c.scores)
                rc = summ_score_sentences(s, text, len, r);
            else
                rc = summ_summarize(s, text, len, r);
        }
        if (rc < 0) {
            cli_msg("%s: %s", name, summ_summarizer_errmsg(s));
            status = 1;
        } else if (kp && c.format != FMT_JSON) {
            write_keyphrases(out, &c, name, text, kp,
                             n_files > 1 && !c.quiet ? (written ? 2 : 1) : 0);
            written++;
        } else {
            write_result(out, &c, name, summ_result_language(r), algo_name, text, r, kp,
                         n_files > 1 && !c.quiet ? (written ? 2 : 1) : 0);
            if (c.explain)
                tell_explain(name, r);
            written++;
        }
        free(text);
        if (ferror(out))
            break;
    }
    status = cli_output_close(&output, status);
    summ_keyphrases_free(kp);
    summ_result_free(r);
    summ_summarizer_free(s);
    summ_lang_free(lang);
    return status;
}

int main(int argc, char **argv)
{
    command_line cl;
    int status;

    cli_prog = "summarize";
    cli_set_prog(argc, argv);
    /* `summarize big.txt | head -1` must end quietly, even when the parent
     * left SIGPIPE ignored. */
    signal(SIGPIPE, SIG_DFL);

    if (command_line_build(&cl) < 0) {
        command_line_free(&cl);
        cli_msg("out of memory");
        return 1;
    }
    status = summarize(argc, argv, &cl);
    command_line_free(&cl);
    return status;
}
