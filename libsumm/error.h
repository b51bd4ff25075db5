/* Detailed error messages, beside the status codes (error.c). */
#ifndef LIBSUMM_ERROR_H
#define LIBSUMM_ERROR_H

#include <stdarg.h>

/* Room for one message of summ_summarizer_errmsg() or summ_rouge_errmsg(). */
#define SUMM__ERRMSG_SIZE 256

/* Formats a message into errmsg (SUMM__ERRMSG_SIZE bytes), cut to fit. */
void summ__errmsg_vformat(char *errmsg, const char *fmt, va_list ap)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 0)))
#endif
    ;

#endif /* LIBSUMM_ERROR_H */
