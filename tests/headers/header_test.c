/* The public header must compile on its own, as strict C99, warning-free. */
#include <libsumm/summ.h>

int main(void)
{
    summ_options o = SUMM_OPTIONS_INIT;
    summ_lang_config c = SUMM_LANG_CONFIG_INIT;
    return o.version == SUMM_OPTIONS_VERSION && c.version == SUMM_LANG_CONFIG_VERSION ? 0 : 1;
}
