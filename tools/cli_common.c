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
