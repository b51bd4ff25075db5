/* Options by name: reading and writing a row's field, checking a value
 * against the row, and summ_options_set() for front ends. Every message
 * names the option and shows the value and the bounds, the same for the C
 * struct, the CLI, Python and Lua. */
#include "option_table.h"
#include "text.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static void *field_of(summ_options *o, const summ__option *row)
{
    return (char *)o + row->offset;
}

static const void *const_field_of(const summ_options *o, const summ__option *row)
{
    return (const char *)o + row->offset;
}

double summ__option_read(const summ_options *o, const summ__option *row)
{
    const void *f = const_field_of(o, row);
    switch (row->info.type) {
    case SUMM_OPTION_UINT:
        if (row->size == sizeof(uint32_t)) {
            uint32_t v;
            memcpy(&v, f, sizeof v);
            return (double)v;
        } else {
            size_t v;
            memcpy(&v, f, sizeof v);
            return (double)v;
        }
    case SUMM_OPTION_REAL: {
        double v;
        memcpy(&v, f, sizeof v);
        return v;
    }
    case SUMM_OPTION_BOOL: {
        uint32_t flags;
        memcpy(&flags, f, sizeof flags);
        return (flags & row->flag) ? 1.0 : 0.0;
    }
    case SUMM_OPTION_ALGORITHM:
    case SUMM_OPTION_CHOICE: {
        int v;
        memcpy(&v, f, sizeof v);
        return (double)v;
    }
    default:
        return 0.0;
    }
}

void summ__option_write(summ_options *o, const summ__option *row, double v)
{
    void *f = field_of(o, row);
    switch (row->info.type) {
    case SUMM_OPTION_UINT:
        if (row->size == sizeof(uint32_t)) {
            uint32_t x = (uint32_t)v;
            memcpy(f, &x, sizeof x);
        } else {
            size_t x = (size_t)v;
            memcpy(f, &x, sizeof x);
        }
        break;
    case SUMM_OPTION_REAL:
        memcpy(f, &v, sizeof v);
        break;
    case SUMM_OPTION_BOOL: {
        uint32_t flags;
        memcpy(&flags, f, sizeof flags);
        flags = v != 0.0 ? flags | row->flag : flags & ~row->flag;
        memcpy(f, &flags, sizeof flags);
        break;
    }
    case SUMM_OPTION_ALGORITHM:
    case SUMM_OPTION_CHOICE: {
        int x = (int)v;
        memcpy(f, &x, sizeof x);
        break;
    }
    default:
        break;
    }
}

static int fail(char *err, size_t err_size, int status, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;

static int fail(char *err, size_t err_size, int status, const char *fmt, ...)
{
    if (err && err_size) {
        va_list ap;
        va_start(ap, fmt);
        /* Only strings are formatted here: numbers come from
         * summ__number_format, which ignores the locale. */
        vsnprintf(err, err_size, fmt, ap);
        va_end(ap);
    }
    return status;
}

/* "(0, 1)", "[1, 4294967295]", "(0, inf)". */
size_t summ_option_format_bounds(const summ_option_info *info, char *buf, size_t size)
{
    char lo[40], hi[40];
    int n;
    if (!info || (info->type != SUMM_OPTION_UINT && info->type != SUMM_OPTION_REAL)) {
        if (buf && size)
            buf[0] = '\0';
        return 0;
    }
    summ__number_format(info->min, lo, sizeof lo);
    summ__number_format(info->max, hi, sizeof hi);
    n = snprintf(buf, buf ? size : 0, "%c%s, %s%c", info->min_open ? '(' : '[', lo, hi,
                 info->max_open ? ')' : ']');
    return n > 0 ? (size_t)n : 0;
}

static size_t choice_count(const summ_option_info *info)
{
    size_t n = 0;
    while (info->choices && info->choices[n])
        n++;
    return n;
}

static bool in_bounds(const summ_option_info *info, double v)
{
    bool lo_ok = info->min_open ? v > info->min : v >= info->min;
    bool hi_ok = info->max_open ? v < info->max : v <= info->max;
    return lo_ok && hi_ok; /* false for NaN */
}

int summ__option_check_value(const summ__option *row, double v, char *err, size_t err_size)
{
    const summ_option_info *info = &row->info;
    char num[40], bounds[100];

    if (v == 0.0)
        return SUMM_OK; /* the default */
    if (info->off_text && v == row->info.off_value)
        return SUMM_OK;
    summ__number_format(v, num, sizeof num);
    switch (info->type) {
    case SUMM_OPTION_BOOL:
        if (v == 1.0)
            return SUMM_OK;
        return fail(err, err_size, SUMM_E_INVALID_ARG, "%s: %s is not 0 or 1", info->name, num);
    case SUMM_OPTION_ALGORITHM:
        if (v == floor(v) && fabs(v) < 1e9 && summ_algorithm_name((int)v))
            return SUMM_OK;
        return fail(err, err_size, SUMM_E_UNKNOWN_ALGO, "%s: %s is not an algorithm id",
                    info->name, num);
    case SUMM_OPTION_CHOICE:
        if (v == floor(v) && v >= 0 && v < (double)choice_count(info))
            return SUMM_OK;
        return fail(err, err_size, SUMM_E_INVALID_ARG, "%s: %s is not a choice", info->name,
                    num);
    case SUMM_OPTION_UINT:
        if (v != floor(v) && !isnan(v) && !isinf(v))
            return fail(err, err_size, SUMM_E_INVALID_ARG, "%s: %s is not a whole number",
                        info->name, num);
        /* fall through */
    case SUMM_OPTION_REAL:
        if (in_bounds(info, v))
            return SUMM_OK;
        summ_option_format_bounds(info, bounds, sizeof bounds);
        return fail(err, err_size, SUMM_E_INVALID_ARG, "%s: %s is outside %s", info->name, num,
                    bounds);
    default:
        return fail(err, err_size, SUMM_E_INVALID_ARG, "%s: a word list has no single value",
                    info->name);
    }
}

/* The row for name, usable on opts: known, not newer than its struct, and
 * of the kind the caller sets (a word list or a value). */
static int find_row_of(const summ_options *opts, const char *name, bool words,
                       const summ__option **out, char *err, size_t err_size)
{
    const summ__option *row;
    if (!opts || !name)
        return fail(err, err_size, SUMM_E_INVALID_ARG, "NULL options or name");
    if (opts->version == 0 || opts->version > SUMM_OPTIONS_VERSION)
        return fail(err, err_size, opts->version ? SUMM_E_VERSION : SUMM_E_INVALID_ARG,
                    "options.version is %s (use SUMM_OPTIONS_INIT or summ_options_init)",
                    opts->version ? "newer than this library" : "0");
    row = summ__option_lookup(name);
    if (!row)
        return fail(err, err_size, SUMM_E_INVALID_ARG, "unknown option '%.100s'", name);
    if (row->info.since_version > opts->version)
        return fail(err, err_size, SUMM_E_INVALID_ARG,
                    "%s: needs options version %u or later", row->info.name,
                    row->info.since_version);
    if (!words && row->info.type == SUMM_OPTION_WORDS)
        return fail(err, err_size, SUMM_E_INVALID_ARG,
                    "%s: a word list is set with summ_options_set_words", row->info.name);
    if (words && row->info.type != SUMM_OPTION_WORDS)
        return fail(err, err_size, SUMM_E_INVALID_ARG, "%s: not a word list", row->info.name);
    *out = row;
    return SUMM_OK;
}

static int find_row(const summ_options *opts, const char *name, const summ__option **out,
                    char *err, size_t err_size)
{
    return find_row_of(opts, name, false, out, err, err_size);
}

static int find_words_row(const summ_options *opts, const char *name, const summ__option **out,
                          char *err, size_t err_size)
{
    return find_row_of(opts, name, true, out, err, err_size);
}

int summ_options_set_number(summ_options *opts, const char *name, double value, char *err,
                            size_t err_size)
{
    const summ__option *row;
    int rc;
    if ((rc = find_row(opts, name, &row, err, err_size)) < 0)
        return rc;
    if ((rc = summ__option_check_value(row, value, err, err_size)) < 0)
        return rc;
    summ__option_write(opts, row, value);
    if (err && err_size)
        err[0] = '\0';
    return SUMM_OK;
}

static bool word_eq(const char *typed, const char *word)
{
    for (; *typed && *word; typed++, word++) {
        char c = *typed;
        if (c >= 'A' && c <= 'Z')
            c = (char)(c - 'A' + 'a');
        if (c != *word)
            return false;
    }
    return *typed == *word;
}

static int parse_bool(const char *s)
{
    static const char *const yes[] = { "1", "on", "true", "yes" };
    static const char *const no[] = { "0", "off", "false", "no" };
    size_t i;
    for (i = 0; i < sizeof yes / sizeof yes[0]; i++) {
        if (word_eq(s, yes[i]))
            return 1;
        if (word_eq(s, no[i]))
            return 0;
    }
    return -1;
}

/* Reads text as the row's value: *v, or a message. */
static int parse_value(const summ__option *row, const char *text, double *v, char *err,
                       size_t err_size)
{
    const summ_option_info *info = &row->info;
    size_t len = strlen(text);

    if (word_eq(text, "default")) {
        *v = 0.0;
        return SUMM_OK;
    }
    if (info->off_text && word_eq(text, info->off_text)) {
        *v = info->off_value;
        return SUMM_OK;
    }
    switch (info->type) {
    case SUMM_OPTION_BOOL: {
        int b = parse_bool(text);
        if (b < 0)
            return fail(err, err_size, SUMM_E_INVALID_ARG, "%s: '%.60s' is not on or off",
                        info->name, text);
        *v = b;
        return SUMM_OK;
    }
    case SUMM_OPTION_ALGORITHM: {
        int id = summ_algorithm_from_name(text);
        if (id < 0 && summ__number_parse(text, v))
            return SUMM_OK; /* an id, checked by the caller */
        if (id < 0) {
            char list[200];
            const char *const *names = summ_algorithm_list();
            size_t used = 0;
            list[0] = '\0';
            for (; *names && used + strlen(*names) + 3 < sizeof list; names++)
                used += (size_t)snprintf(list + used, sizeof list - used, "%s%s",
                                         used ? ", " : "", *names);
            return fail(err, err_size, SUMM_E_UNKNOWN_ALGO, "%s: '%.60s' is not one of %s",
                        info->name, text, list);
        }
        *v = id;
        return SUMM_OK;
    }
    case SUMM_OPTION_CHOICE: {
        char list[200];
        size_t i, used = 0;
        for (i = 1; info->choices[i]; i++)
            if (word_eq(text, info->choices[i])) {
                *v = (double)i;
                return SUMM_OK;
            }
        list[0] = '\0';
        for (i = 1; info->choices[i] && used + strlen(info->choices[i]) + 3 < sizeof list; i++)
            used += (size_t)snprintf(list + used, sizeof list - used, "%s%s", used ? ", " : "",
                                     info->choices[i]);
        return fail(err, err_size, SUMM_E_INVALID_ARG, "%s: '%.60s' is not one of %s",
                    info->name, text, list);
    }
    default: {
        /* A share may be written as a percentage: "10%" is 0.1. */
        char num[64];
        bool percent = len > 1 && text[len - 1] == '%' && info->type == SUMM_OPTION_REAL &&
                       info->max <= 1.0;
        if (percent) {
            if (len - 1 >= sizeof num)
                percent = false;
            else {
                memcpy(num, text, len - 1);
                num[len - 1] = '\0';
            }
        }
        if (!summ__number_parse(percent ? num : text, v))
            return fail(err, err_size, SUMM_E_INVALID_ARG, "%s: '%.60s' is not a number",
                        info->name, text);
        if (percent)
            *v /= 100.0;
        return SUMM_OK;
    }
    }
}

int summ_options_set(summ_options *opts, const char *name, const char *value, char *err,
                     size_t err_size)
{
    const summ__option *row;
    double v;
    int rc;
    if ((rc = find_row(opts, name, &row, err, err_size)) < 0)
        return rc;
    if (!value)
        return fail(err, err_size, SUMM_E_INVALID_ARG, "%s: no value", row->info.name);
    if ((rc = parse_value(row, value, &v, err, err_size)) < 0)
        return rc;
    if ((rc = summ__option_check_value(row, v, err, err_size)) < 0)
        return rc;
    summ__option_write(opts, row, v);
    if (err && err_size)
        err[0] = '\0';
    return SUMM_OK;
}

int summ_options_get_number(const summ_options *opts, const char *name, double *value)
{
    const summ__option *row;
    if (!value || find_row(opts, name, &row, NULL, 0) < 0)
        return SUMM_E_INVALID_ARG;
    *value = summ__option_read(opts, row);
    return SUMM_OK;
}

int summ_options_set_words(summ_options *opts, const char *name, const char *const *words,
                           size_t n, char *err, size_t err_size)
{
    const summ__option *row;
    size_t i;
    int rc;
    if ((rc = find_words_row(opts, name, &row, err, err_size)) < 0)
        return rc;
    if (n && !words)
        return fail(err, err_size, SUMM_E_INVALID_ARG, "%s: NULL list of %zu words",
                    row->info.name, n);
    for (i = 0; i < n; i++) {
        size_t bad;
        if (!words[i])
            return fail(err, err_size, SUMM_E_INVALID_ARG, "%s: word %zu is NULL",
                        row->info.name, i + 1);
        if (!summ__utf8_valid(words[i], strlen(words[i]), &bad))
            return fail(err, err_size, SUMM_E_INVALID_ARG,
                        "%s: word %zu is not UTF-8 (byte %zu)", row->info.name, i + 1, bad);
    }
    if (n == 0)
        words = NULL;
    memcpy((char *)opts + row->offset, &words, sizeof words);
    memcpy((char *)opts + row->count_offset, &n, sizeof n);
    if (err && err_size)
        err[0] = '\0';
    return SUMM_OK;
}
