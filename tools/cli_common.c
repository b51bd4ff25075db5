/* Helpers shared by the libsumm command-line tools (see cli_common.h). */
#include "cli_common.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *cli_prog = "libsumm";

void cli_set_prog(int argc, char **argv)
{
    if (argc > 0 && argv[0] && strrchr(argv[0], '/'))
        cli_prog = strrchr(argv[0], '/') + 1;
    else if (argc > 0 && argv[0] && argv[0][0])
        cli_prog = argv[0];
}

void cli_msg(const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "%s: ", cli_prog);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
}

int cli_usage_error(const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "%s: ", cli_prog);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\nTry '%s --help' for more information.\n", cli_prog);
    return 2;
}

/* The long option argv[optind - 1] names, when it is one (getopt_long has
 * moved past it): its row in longopts, or NULL. */
static const struct option *typed_long_option(const char *arg, const struct option *longopts,
                                              int val)
{
    size_t len;
    if (strncmp(arg, "--", 2) != 0)
        return NULL;
    arg += 2;
    len = strcspn(arg, "=");
    for (; longopts->name; longopts++)
        if (longopts->val == val && strncmp(longopts->name, arg, len) == 0)
            return longopts;
    return NULL;
}

int cli_option_error(int ret, char *const *argv, const struct option *longopts)
{
    const char *arg = optind > 0 ? argv[optind - 1] : "";
    const struct option *o;

    if (ret == ':') {
        if (typed_long_option(arg, longopts, optopt))
            return cli_usage_error("option '%s' requires an argument", arg);
        return cli_usage_error("option requires an argument -- '%c'", optopt);
    }
    if (optopt == 0 && strncmp(arg, "--", 2) == 0) {
        /* An unknown long option, or a prefix of several. */
        size_t len = strcspn(arg + 2, "="), matches = 0;
        for (o = longopts; o->name; o++)
            matches += strncmp(o->name, arg + 2, len) == 0;
        if (matches > 1)
            return cli_usage_error("option '%.*s' is ambiguous (see --help)", (int)len + 2, arg);
        return cli_usage_error("unrecognized option '%s'", arg);
    }
    o = typed_long_option(arg, longopts, optopt);
    if (o && o->has_arg == no_argument && strchr(arg, '='))
        return cli_usage_error("option '%.*s' doesn't allow an argument",
                               (int)strcspn(arg, "="), arg);
    if (optopt > ' ' && optopt < 127)
        return cli_usage_error("invalid option -- '%c'", optopt);
    return cli_usage_error("invalid option");
}

int cli_parse_uint(const char *s, unsigned long long min, unsigned long long max,
                   unsigned long long *out)
{
    char *end;
    unsigned long long v;
    if (!s[0] || s[0] < '0' || s[0] > '9')
        return -1;
    errno = 0;
    v = strtoull(s, &end, 10);
    if (errno || *end || v < min || v > max)
        return -1;
    *out = v;
    return 0;
}
