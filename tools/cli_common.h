/* Helpers shared by the libsumm command-line tools: messages prefixed with
 * the program name, usage errors (exit status 2) and strict number parsing. */
#ifndef LIBSUMM_CLI_COMMON_H
#define LIBSUMM_CLI_COMMON_H

#include <getopt.h>

/* The program name used in messages; set once by cli_set_prog(). */
extern const char *cli_prog;

/* Sets cli_prog from argv[0] (its last path component), keeping the default
 * when argv[0] is missing or empty. */
void cli_set_prog(int argc, char **argv);

#if defined(__GNUC__)
#define CLI_PRINTF __attribute__((format(printf, 1, 2)))
#else
#define CLI_PRINTF
#endif

/* "PROG: message\n" on standard error. */
void cli_msg(const char *fmt, ...) CLI_PRINTF;
/* As cli_msg, then a pointer to --help; returns 2, the usage-error status. */
int cli_usage_error(const char *fmt, ...) CLI_PRINTF;

/* Reports an option getopt_long() refused, as "PROG: unrecognized option
 * '--x'" and so on, and returns 2. For getopt_long() called with opterr = 0
 * and an optstring starting with ':': ret is what it returned ('?' or ':'). */
int cli_option_error(int ret, char *const *argv, const struct option *longopts);

/* Parses a whole decimal number in [min, max]: no sign, no trailing junk.
 * Returns 0, or -1 when s is not such a number. */
int cli_parse_uint(const char *s, unsigned long long min, unsigned long long max,
                   unsigned long long *out);

#endif
