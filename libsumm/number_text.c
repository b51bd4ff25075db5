/* Numbers from and to text in the C locale's notation, whatever locale the
 * process has set: option values must read the same in every program. */
#include "option_table.h"

#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Powers of ten that a double holds exactly: a decimal with at most 15
 * significant digits and such an exponent converts with one correctly
 * rounded multiplication or division. */
static const double exact_pow10[] = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
    1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
};

/* The rare value the exact path cannot take goes to strtod, with the
 * decimal point the current locale expects. */
static bool parse_with_strtod(const char *s, double *out)
{
    const char *point = localeconv()->decimal_point;
    size_t n = strlen(s), plen = point && *point ? strlen(point) : 1;
    char buf[128], *w = buf, *end;
    if (n * plen >= sizeof buf)
        return false;
    for (; *s; s++) {
        if (*s == '.' && point && *point) {
            memcpy(w, point, plen);
            w += plen;
        } else {
            *w++ = *s;
        }
    }
    *w = '\0';
    *out = strtod(buf, &end);
    return *end == '\0' && isfinite(*out);
}

bool summ__number_parse(const char *s, double *out)
{
    const char *p = s;
    uint64_t mant = 0;
    int digits = 0, scale = 0, exp = 0, any = 0;
    bool neg = false;
    double v;

    if (*p == '+' || *p == '-')
        neg = *p++ == '-';
    for (; *p >= '0' && *p <= '9'; p++, any = 1) {
        if (mant == 0 && *p == '0')
            continue;
        if (digits < 19) {
            mant = mant * 10 + (uint64_t)(*p - '0');
            digits++;
        } else {
            scale++;
        }
    }
    if (*p == '.') {
        for (p++; *p >= '0' && *p <= '9'; p++, any = 1) {
            if (mant == 0 && *p == '0') {
                scale--;
                continue;
            }
            if (digits < 19) {
                mant = mant * 10 + (uint64_t)(*p - '0');
                digits++;
                scale--;
            }
        }
    }
    if (!any)
        return false;
    if (*p == 'e' || *p == 'E') {
        bool eneg = false;
        int edigits = 0;
        p++;
        if (*p == '+' || *p == '-')
            eneg = *p++ == '-';
        for (; *p >= '0' && *p <= '9'; p++, edigits++)
            if (exp < 100000)
                exp = exp * 10 + (*p - '0');
        if (!edigits)
            return false;
        if (eneg)
            exp = -exp;
    }
    if (*p != '\0')
        return false;
    exp += scale;
    if (mant == 0) {
        v = 0.0;
    } else if (digits <= 15 && exp >= -22 && exp <= 22) {
        v = (double)mant;
        v = exp < 0 ? v / exact_pow10[-exp] : v * exact_pow10[exp];
    } else {
        if (!parse_with_strtod(neg ? s + 1 : (*s == '+' ? s + 1 : s), &v))
            return false;
    }
    *out = neg ? -v : v;
    return isfinite(*out);
}

void summ__number_format(double v, char *buf, size_t size)
{
    const char *point = localeconv()->decimal_point;
    char tmp[64];
    int prec;
    if (size == 0)
        return;
    if (isnan(v)) {
        snprintf(buf, size, "nan");
        return;
    }
    if (isinf(v)) {
        snprintf(buf, size, v < 0 ? "-inf" : "inf");
        return;
    }
    for (prec = 1; prec <= 17; prec++) {
        double back;
        char *dot;
        snprintf(tmp, sizeof tmp, "%.*g", prec, v);
        /* Put the C locale's point back where the locale wrote its own. */
        if (point && *point && strcmp(point, ".") != 0 && (dot = strstr(tmp, point)) != NULL) {
            size_t plen = strlen(point);
            *dot = '.';
            memmove(dot + 1, dot + plen, strlen(dot + plen) + 1);
        }
        if (summ__number_parse(tmp, &back) && back == v)
            break;
    }
    snprintf(buf, size, "%s", tmp);
}
