/* Parse + write speed of jansson and json-c on a JSONL file: each line is
 * parsed, its "text" field read, and an object holding it written back, as
 * summarize --jsonl does. Build one of:
 *   cc -O2 -DUSE_JANSSON bench/json_libs.c -ljansson -o /tmp/jl
 *   cc -O2 -DUSE_JSONC bench/json_libs.c -ljson-c -o /tmp/jl
 * Run: /tmp/jl FILE [ROUNDS] */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#ifdef USE_JANSSON
#include <jansson.h>
#else
#include <json-c/json.h>
#endif

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
    FILE *f = argc > 1 ? fopen(argv[1], "rb") : NULL;
    int rounds = argc > 2 ? atoi(argv[2]) : 5, r;
    char *line = NULL;
    size_t cap = 0, bytes = 0, out_bytes = 0;
    ssize_t n;
    double t0;
    char **lines = NULL;
    size_t *lens = NULL, n_lines = 0, i;

    if (!f)
        return 2;
    while ((n = getline(&line, &cap, f)) > 0) {
        lines = realloc(lines, (n_lines + 1) * sizeof *lines);
        lens = realloc(lens, (n_lines + 1) * sizeof *lens);
        lines[n_lines] = malloc((size_t)n);
        memcpy(lines[n_lines], line, (size_t)n);
        lens[n_lines++] = (size_t)n;
        bytes += (size_t)n;
    }
    t0 = now();
    for (r = 0; r < rounds; r++)
        for (i = 0; i < n_lines; i++) {
#ifdef USE_JANSSON
            json_error_t err;
            json_t *doc = json_loadb(lines[i], lens[i], JSON_REJECT_DUPLICATES | JSON_ALLOW_NUL, &err);
            json_t *out = json_object();
            char *s;
            json_object_set(out, "id", json_object_get(doc, "id"));
            json_object_set(out, "summary", json_object_get(doc, "text"));
            s = json_dumps(out, JSON_COMPACT);
            out_bytes += strlen(s);
            free(s);
            json_decref(out);
            json_decref(doc);
#else
            struct json_tokener *tok = json_tokener_new_ex(64);
            json_tokener_set_flags(tok, JSON_TOKENER_STRICT | JSON_TOKENER_VALIDATE_UTF8);
            json_object *doc = json_tokener_parse_ex(tok, lines[i], (int)lens[i]), *v;
            json_object *out = json_object_new_object();
            if (json_object_object_get_ex(doc, "id", &v))
                json_object_object_add(out, "id", json_object_get(v));
            if (json_object_object_get_ex(doc, "text", &v))
                json_object_object_add(out, "summary", json_object_get(v));
            out_bytes += strlen(json_object_to_json_string_ext(out, JSON_C_TO_STRING_PLAIN));
            json_object_put(out);
            json_object_put(doc);
            json_tokener_free(tok);
#endif
        }
    t0 = now() - t0;
    printf("%zu lines, %.1f MB x %d rounds: %.1f MB/s (out %zu bytes)\n", n_lines, bytes / 1e6,
           rounds, bytes * (double)rounds / 1e6 / t0, out_bytes / (size_t)rounds);
    return 0;
}
