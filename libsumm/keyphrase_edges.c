/*
 * Words that may stand inside a keyphrase but never start or end one, per
 * language: reporting and modal verbs, frequent adverbs and numerals that
 * are not on the stopword lists (which serve sentence similarity, where
 * "said" is no noise) yet never make a keyphrase alone or at an edge
 * ("police said", "will open"). Inside a phrase they stay ("Formula One
 * racing"), and they are nodes of the word graph like every content word.
 *
 * Only languages whose lists were measured have one (docs/KEYPHRASES.md:
 * +0.2 to +1.0 F1@10 on every set). Lists are folded (lower case, NFKC) and
 * sorted bytewise, for binary search.
 */
#include "keyphrase.h"

#include <string.h>

static const char *const english[] = {
    "also", "back", "can", "could", "even", "ever", "get", "gets", "got", "just", "like",
    "made", "make", "makes", "many", "may", "might", "much", "must", "one", "really", "said",
    "say", "saying", "says", "shall", "should", "since", "still", "tell", "told", "two", "way",
    "well", "will", "would", "yet", NULL,
};

static const char *const portuguese[] = {
    "agora", "ainda", "ali", "aqui", "disse", "diz", "dizer", "então", "está", "estão", "foi",
    "hoje", "já", "muito", "muitos", "pode", "podem", "ser", "será", "sobre", "também", "tem",
    "têm", "vai", "vão", NULL,
};

/* The longest entry of any list, in bytes ("também"): longer words, most
 * content words, need no search. */
#define LONGEST_ENTRY 7

static const struct {
    const char *code;
    const char *const *words;
    size_t n;
} lists[] = {
    { "en", english, sizeof english / sizeof english[0] - 1 },
    { "pt", portuguese, sizeof portuguese / sizeof portuguese[0] - 1 },
};

int summ__keyphrase_edges(const char *code)
{
    size_t i;
    for (i = 0; i < sizeof lists / sizeof lists[0]; i++)
        if (strcmp(lists[i].code, code) == 0)
            return (int)i;
    return -1;
}

static int compare(const char *word, size_t len, const char *entry)
{
    size_t n = strlen(entry);
    int c = memcmp(word, entry, len < n ? len : n);
    if (c != 0)
        return c;
    return len < n ? -1 : len > n;
}

bool summ__keyphrase_edge_banned(int list, const char *word, size_t len)
{
    size_t lo = 0, hi;
    if (list < 0 || len > LONGEST_ENTRY)
        return false;
    hi = lists[list].n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = compare(word, len, lists[list].words[mid]);
        if (c == 0)
            return true;
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return false;
}
