/*
 * Nothing is declared here any more: each stage has its own private header
 * (the table is in summarizer.h). This file only forwards to text.h for the
 * Python binding, which includes it for summ__utf8_valid; it goes once that
 * include names text.h.
 */
#ifndef LIBSUMM_INTERNAL_H
#define LIBSUMM_INTERNAL_H

#include "text.h"

#endif /* LIBSUMM_INTERNAL_H */
