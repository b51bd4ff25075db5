/* Detailed error messages, beside the status codes (error.c). */
#ifndef LIBSUMM_ERROR_H
#define LIBSUMM_ERROR_H

/* Room for one message of summ_summarizer_errmsg() or summ_rouge_errmsg(). */
#define SUMM__ERRMSG_SIZE 256

#endif /* LIBSUMM_ERROR_H */
