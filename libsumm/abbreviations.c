/* Per-language abbreviation tables and sentence starters for the sentence
 * splitter, keyed by ISO 639-1 code. A language gets them as soon as it is
 * registered in lang.c under that code. */
#include "lang.h"

#include <string.h>

typedef struct abbrev_tables {
    const char *code;
    const char *const *ordinary;
    const char *const *titles;
    const char *const *starters; /* NULL: no list */
} abbrev_tables;

#include "data/abbreviations.inc"

static const char *const empty[] = { NULL };

static const abbrev_tables *find(const char *code)
{
    size_t i;
    for (i = 0; code && i < sizeof tables / sizeof tables[0]; i++)
        if (strcmp(tables[i].code, code) == 0)
            return &tables[i];
    return NULL;
}

void summ__abbreviations(const char *code, const char *const **ordinary,
                         const char *const **titles)
{
    const abbrev_tables *t = find(code);
    *ordinary = t ? t->ordinary : empty;
    *titles = t ? t->titles : empty;
}

const char *const *summ__sentence_starters(const char *code)
{
    const abbrev_tables *t = find(code);
    return t ? t->starters : NULL;
}
