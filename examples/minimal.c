/* The smallest useful libsumm program: summarize standard input in three
 * sentences and print them in document order.
 *
 *   build/examples/minimal < examples/article.txt
 */
#include <libsumm/summ.h>

#include <stdio.h>
#include <stdlib.h>

int main(void)
{
    static char text[1 << 20];
    size_t len = fread(text, 1, sizeof text, stdin);
    summ_lang *lang = NULL;
    summ_summarizer *s = NULL;
    summ_result *r = NULL;
    summ_options opts = SUMM_OPTIONS_INIT;
    int rc;

    opts.max_sentences = 3;
    if ((rc = summ_lang_new(&lang, "en", NULL)) < 0 ||
        (rc = summ_summarizer_new(&s, lang, &opts, NULL)) < 0 ||
        (rc = summ_result_new(&r, NULL)) < 0) {
        fprintf(stderr, "minimal: %s\n", summ_strerror(rc));
        goto out;
    }
    if ((rc = summ_summarize(s, text, len, r)) < 0) {
        /* The summarizer keeps the detail, e.g. "invalid UTF-8 at byte 12". */
        fprintf(stderr, "minimal: %s\n", summ_summarizer_errmsg(s));
        goto out;
    }
    for (size_t i = 0; i < summ_result_count(r); i++) {
        const summ_span *sp = &summ_result_spans(r)[i];
        printf("%.*s\n", (int)(sp->end - sp->start), text + sp->start);
    }
out:
    summ_result_free(r);
    summ_summarizer_free(s); /* every summarizer before its language */
    summ_lang_free(lang);
    return rc < 0 ? EXIT_FAILURE : EXIT_SUCCESS;
}
