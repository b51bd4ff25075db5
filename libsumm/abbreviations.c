/* Per-language abbreviation tables for the sentence splitter. */
#include "internal.h"

#include <string.h>

#include "data/abbreviations.inc"

static const char *const empty[] = { NULL };

typedef struct abbrev_tables {
    const char *code;
    const char *const *ordinary;
    const char *const *titles;
} abbrev_tables;

static const abbrev_tables tables[] = {
    { "en", abbreviations_english, titles_english },
};

void summ__abbreviations(const char *code, const char *const **ordinary,
                         const char *const **titles)
{
    size_t i;
    for (i = 0; i < sizeof tables / sizeof tables[0]; i++) {
        if (strcmp(tables[i].code, code) == 0) {
            *ordinary = tables[i].ordinary;
            *titles = tables[i].titles;
            return;
        }
    }
    *ordinary = empty;
    *titles = empty;
}
