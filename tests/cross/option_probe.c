/*
 * The C side of the front-end consistency test: the option table's rows,
 * and summaries of one text with options set through summ_options_set().
 *
 *   option_probe --rows          one row per line: name, type, group, min,
 *                                max, min_open, max_open, default_text,
 *                                off_text, choices (tab-separated)
 *   option_probe FILE < CASES    each line of CASES is "name<TAB>value"; for
 *                                each, prints "ok<TAB>start:end,..." (the
 *                                summary of FILE, language "en", 3 sentences
 *                                unless the case sets a budget) or
 *                                "error<TAB>message"
 */
#include <libsumm/summ.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *type_name(int type)
{
    switch (type) {
    case SUMM_OPTION_UINT:
        return "uint";
    case SUMM_OPTION_REAL:
        return "real";
    case SUMM_OPTION_BOOL:
        return "bool";
    case SUMM_OPTION_ALGORITHM:
        return "algorithm";
    case SUMM_OPTION_WORDS:
        return "words";
    case SUMM_OPTION_CHOICE:
        return "choice";
    default:
        return "?";
    }
}

static int print_rows(void)
{
    size_t i;
    for (i = 0; i < summ_option_count(); i++) {
        const summ_option_info *o = summ_option_at(i);
        size_t j;
        printf("%s\t%s\t%s\t%.17g\t%.17g\t%d\t%d\t%s\t%s\t", o->name, type_name(o->type),
               o->group, o->min, o->max, o->min_open, o->max_open, o->default_text,
               o->off_text ? o->off_text : "");
        for (j = 0; o->type == SUMM_OPTION_CHOICE && o->choices && o->choices[j]; j++)
            printf("%s%s", j ? "," : "", o->choices[j]);
        printf("\n");
    }
    return 0;
}

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *buf = NULL;
    size_t cap = 0, n = 0, got;
    if (!f)
        return NULL;
    do {
        if (n + 4096 > cap) {
            char *p = realloc(buf, cap = cap * 2 + 4096);
            if (!p) {
                free(buf);
                fclose(f);
                return NULL;
            }
            buf = p;
        }
        got = fread(buf + n, 1, cap - n, f);
        n += got;
    } while (got > 0);
    fclose(f);
    *len = n;
    return buf;
}

static void run_case(const char *text, size_t len, const summ_lang *lang, const char *name,
                     const char *value)
{
    summ_options o = SUMM_OPTIONS_INIT;
    summ_summarizer *s = NULL;
    summ_result *r = NULL;
    char err[SUMM_OPTION_ERRMSG_SIZE];
    const summ_option_info *info = summ_option_find(name);
    size_t i;

    if (!info || strcmp(info->group, "budget") != 0)
        o.max_sentences = 3;
    if (summ_options_set(&o, name, value, err, sizeof err) < 0) {
        printf("error\t%s\n", err);
        return;
    }
    if (summ_summarizer_new(&s, lang, &o, NULL) < 0 || summ_result_new(&r, NULL) < 0) {
        printf("error\tcannot create a summarizer\n");
    } else if (summ_summarize(s, text, len, r) < 0) {
        printf("error\t%s\n", summ_summarizer_errmsg(s));
    } else {
        printf("ok\t");
        for (i = 0; i < summ_result_count(r); i++) {
            const summ_span *sp = &summ_result_spans(r)[i];
            printf("%s%zu:%zu", i ? "," : "", sp->start, sp->end);
        }
        printf("\n");
    }
    summ_result_free(r);
    summ_summarizer_free(s);
}

int main(int argc, char **argv)
{
    summ_lang *lang = NULL;
    char line[1024], *text;
    size_t len;

    if (argc == 2 && strcmp(argv[1], "--rows") == 0)
        return print_rows();
    if (argc != 2) {
        fprintf(stderr, "usage: option_probe --rows | option_probe FILE < CASES\n");
        return 2;
    }
    if (!(text = read_file(argv[1], &len)) || summ_lang_new(&lang, "en", NULL) < 0) {
        fprintf(stderr, "option_probe: cannot read %s\n", argv[1]);
        return 1;
    }
    while (fgets(line, sizeof line, stdin)) {
        char *tab = strchr(line, '\t'), *nl = strchr(line, '\n');
        if (nl)
            *nl = '\0';
        if (!tab)
            continue;
        *tab = '\0';
        run_case(text, len, lang, line, tab + 1);
    }
    summ_lang_free(lang);
    free(text);
    return 0;
}
