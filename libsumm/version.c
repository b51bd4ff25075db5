/* The version of the linked library, as opposed to the header's macros. */
#include <libsumm/summ.h>

uint32_t summ_version(void)
{
    return SUMM_VERSION_NUMBER;
}

const char *summ_version_string(void)
{
    return SUMM_VERSION_STRING;
}
