/* Status messages: static strings per code, detailed messages per summarizer. */
#include "error.h"

#include <stdarg.h>
#include <stdio.h>

#include "summarizer.h"

const char *summ_strerror(int status)
{
    switch (status) {
    case SUMM_OK:
        return "success";
    case SUMM_E_NOMEM:
        return "out of memory";
    case SUMM_E_INVALID_ARG:
        return "invalid argument";
    case SUMM_E_INVALID_UTF8:
        return "invalid UTF-8";
    case SUMM_E_UNKNOWN_LANG:
        return "unknown language";
    case SUMM_E_VERSION:
        return "struct version newer than this library";
    case SUMM_E_TOO_LARGE:
        return "input too large";
    case SUMM_E_UNKNOWN_ALGO:
        return "unknown algorithm";
    case SUMM_E_INTERNAL:
        return "internal error";
    default:
        return "unknown error";
    }
}

const char *summ_status_name(int status)
{
    switch (status) {
    case SUMM_OK:
        return "ok";
    case SUMM_E_NOMEM:
        return "nomem";
    case SUMM_E_INVALID_ARG:
        return "invalid_arg";
    case SUMM_E_INVALID_UTF8:
        return "invalid_utf8";
    case SUMM_E_UNKNOWN_LANG:
        return "unknown_lang";
    case SUMM_E_VERSION:
        return "version";
    case SUMM_E_TOO_LARGE:
        return "too_large";
    case SUMM_E_UNKNOWN_ALGO:
        return "unknown_algo";
    case SUMM_E_INTERNAL:
        return "internal";
    default:
        return NULL;
    }
}

void summ__errmsg_vformat(char *errmsg, const char *fmt, va_list ap)
{
    /* vsnprintf only formats integers and strings here, which do not depend
     * on the locale. */
    vsnprintf(errmsg, SUMM__ERRMSG_SIZE, fmt, ap);
}

int summ__fail(summ_summarizer *s, int status, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    summ__errmsg_vformat(s->errmsg, fmt, ap);
    va_end(ap);
    return status;
}
