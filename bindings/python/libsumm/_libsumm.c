/*
 * _libsumm: the CPython extension behind `import libsumm`.
 *
 * A thin layer over the C API: one _Summarizer object owns a summ_lang, a
 * summ_summarizer and a reusable summ_result. The public names and their
 * documentation live in libsumm/__init__.py; this file converts arguments,
 * runs the library with the GIL released and turns spans into Sentence
 * tuples.
 *
 * Design notes
 *  - No global mutable state: exception types and the two heap types live
 *    in the module state (multi-phase init), so the module can be loaded in
 *    several interpreters.
 *  - Options come from the library's option table: the keywords are its
 *    names, and the library parses, checks and stores each value
 *    (summ_options_set*), so a row added to the table is a keyword here
 *    with no change to this file. Only word lists are set field by field.
 *  - One _Summarizer must not run two calls at once (the C objects are one
 *    thread at a time). An atomic busy flag makes a second concurrent call
 *    raise RuntimeError instead; it works with or without the GIL.
 *  - The library allocates through PyMem_Raw*, which needs no GIL, so its
 *    memory shows up in tracemalloc and never blocks other threads.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <math.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <libsumm/summ.h>

#include "text.h" /* summ__utf8_valid: where invalid UTF-8 starts */

PyMODINIT_FUNC PyInit__libsumm(void);

/* ---- module state ------------------------------------------------------ */

/* A language shared by Summarizers and the module, freed by whichever lets
 * go of it last: Python chooses the order in which they are torn down. */
typedef struct shared_lang {
    summ_lang *lang;
    atomic_size_t refs;
} shared_lang;

typedef struct module_state {
    PyObject *error;           /* libsumm.Error */
    PyObject *utf8_error;      /* InvalidUTF8Error(Error, UnicodeDecodeError) */
    PyObject *lang_error;      /* UnknownLanguageError(Error, LookupError) */
    PyObject *algo_error;      /* UnknownAlgorithmError(Error, LookupError) */
    PyObject *too_large_error; /* InputTooLargeError(Error, ValueError) */
    PyObject *arg_error;       /* InvalidArgumentError(Error, ValueError) */
    PyTypeObject *sentence_type;
    PyTypeObject *summarizer_type;
    _Atomic(shared_lang *) auto_lang; /* "auto" without extra words; made on first use */
} module_state;

static module_state *state_of_module(PyObject *m)
{
    return (module_state *)PyModule_GetState(m);
}

/* ---- allocator --------------------------------------------------------- */

/* The lua_Alloc-style hook on top of PyMem_Raw*, which are safe to call
 * without the GIL. */
static void *pymem_alloc(void *ud, void *ptr, size_t osize, size_t nsize)
{
    (void)ud;
    (void)osize;
    if (nsize == 0) {
        PyMem_RawFree(ptr);
        return NULL;
    }
    return PyMem_RawRealloc(ptr, nsize);
}

static const summ_allocator pymem_allocator = { pymem_alloc, NULL };

/* ---- exceptions -------------------------------------------------------- */

enum exc_base { BASE_NONE, BASE_VALUE, BASE_LOOKUP, BASE_UNICODE_DECODE };

typedef struct exc_spec {
    const char *name;
    enum exc_base base, base2; /* built-in exceptions the type also derives from */
    size_t state_offset;
    int code; /* the summ_status it stands for, 0 for the base class */
    const char *doc;
} exc_spec;

static const exc_spec exc_specs[] = {
    { "libsumm.InvalidUTF8Error", BASE_UNICODE_DECODE, BASE_NONE,
      offsetof(module_state, utf8_error), SUMM_E_INVALID_UTF8,
      "The text is not valid UTF-8 (bytes input only; see the lenient option)." },
    { "libsumm.UnknownLanguageError", BASE_LOOKUP, BASE_NONE, offsetof(module_state, lang_error),
      SUMM_E_UNKNOWN_LANG, "No built-in language has that code or name." },
    /* A ValueError as well: an algorithm is an option value, and every bad
     * option value is a ValueError. */
    { "libsumm.UnknownAlgorithmError", BASE_LOOKUP, BASE_VALUE,
      offsetof(module_state, algo_error), SUMM_E_UNKNOWN_ALGO,
      "No scoring algorithm has that name." },
    { "libsumm.InputTooLargeError", BASE_VALUE, BASE_NONE,
      offsetof(module_state, too_large_error), SUMM_E_TOO_LARGE,
      "The text is longer than max_input_bytes (UTF-8 bytes)." },
    { "libsumm.InvalidArgumentError", BASE_VALUE, BASE_NONE, offsetof(module_state, arg_error),
      SUMM_E_INVALID_ARG, "The library refused an argument or option value." },
};

#define N_EXC_SPECS (sizeof exc_specs / sizeof exc_specs[0])

static PyObject **exc_slot(module_state *st, const exc_spec *e)
{
    return (PyObject **)((char *)st + e->state_offset);
}

static PyObject *builtin_base(enum exc_base b)
{
    switch (b) {
    case BASE_VALUE:
        return PyExc_ValueError;
    case BASE_LOOKUP:
        return PyExc_LookupError;
    case BASE_UNICODE_DECODE:
        return PyExc_UnicodeDecodeError;
    default:
        return NULL;
    }
}

/* The exception type for a status: a subclass of Error, or Error itself. */
static PyObject *exc_type_for(module_state *st, int code)
{
    size_t i;
    for (i = 0; i < N_EXC_SPECS; i++)
        if (exc_specs[i].code == code)
            return *exc_slot(st, &exc_specs[i]);
    return st->error;
}

/* `.code` (the summ_status) and `.status` (the library's name for it, e.g.
 * "invalid_arg"), so callers can tell statuses apart. */
static int set_status_attributes(PyObject *exc, int code)
{
    const char *name = summ_status_name(code);
    PyObject *code_obj = PyLong_FromLong(code);
    PyObject *name_obj = name ? PyUnicode_FromString(name) : Py_NewRef(Py_None);
    int rc = code_obj && name_obj && PyObject_SetAttrString(exc, "code", code_obj) == 0 &&
                     PyObject_SetAttrString(exc, "status", name_obj) == 0
                 ? 0
                 : -1;
    Py_XDECREF(code_obj);
    Py_XDECREF(name_obj);
    return rc;
}

/* Raises the exception for a failed status with message msg. */
static void raise_status(module_state *st, int code, const char *msg)
{
    PyObject *type, *exc;

    if (code == SUMM_E_NOMEM) {
        PyErr_NoMemory();
        return;
    }
    /* InvalidUTF8Error needs the input: raise_invalid_utf8() makes it. */
    type = code == SUMM_E_INVALID_UTF8 ? st->error : exc_type_for(st, code);
    exc = PyObject_CallFunction(type, "s", msg && *msg ? msg : summ_strerror(code));
    if (!exc)
        return;
    if (set_status_attributes(exc, code) < 0) {
        Py_DECREF(exc);
        return;
    }
    PyErr_SetObject(type, exc);
    Py_DECREF(exc);
}

/* Invalid UTF-8 in bytes input becomes a UnicodeDecodeError (subclass), so
 * it carries the offending object and position as Python's own decoder
 * would. */
static void raise_invalid_utf8(module_state *st, PyObject *obj, const char *data, size_t len)
{
    size_t bad = 0;
    PyObject *exc;

    if (summ__utf8_valid(data, len, &bad)) {
        raise_status(st, SUMM_E_INTERNAL, "invalid UTF-8 reported for valid text");
        return;
    }
    if (PyBytes_Check(obj))
        exc = PyObject_CallFunction(st->utf8_error, "sOnns", "utf-8", obj, (Py_ssize_t)bad,
                                    (Py_ssize_t)bad + 1,
                                    "invalid UTF-8 (lenient=True treats such bytes as spaces)");
    else
        exc = PyObject_CallFunction(st->utf8_error, "sy#nns", "utf-8", data, (Py_ssize_t)len,
                                    (Py_ssize_t)bad, (Py_ssize_t)bad + 1,
                                    "invalid UTF-8 (lenient=True treats such bytes as spaces)");
    if (!exc)
        return;
    if (set_status_attributes(exc, SUMM_E_INVALID_UTF8) < 0) {
        Py_DECREF(exc);
        return;
    }
    PyErr_SetObject(st->utf8_error, exc);
    Py_DECREF(exc);
}

/* ---- word lists: Python sequences of str as C arrays ------------------- */

/* A list of words held as a tuple (a private copy the caller cannot mutate)
 * and an array of pointers to the tuple's UTF-8 strings. */
typedef struct word_list {
    PyObject *tuple;
    const char **words;
    size_t n;
} word_list;

static void word_list_clear(word_list *w)
{
    Py_CLEAR(w->tuple);
    PyMem_Free((void *)w->words);
    w->words = NULL;
    w->n = 0;
}

/* A UTF-8 C string from a str without embedded NULs. */
static const char *c_string(PyObject *v, const char *what)
{
    const char *s;
    Py_ssize_t n;
    if (!PyUnicode_Check(v)) {
        PyErr_Format(PyExc_TypeError, "%s must be str, not %.100s", what, Py_TYPE(v)->tp_name);
        return NULL;
    }
    s = PyUnicode_AsUTF8AndSize(v, &n);
    if (!s)
        return NULL;
    if ((size_t)n != strlen(s)) {
        PyErr_Format(PyExc_ValueError, "%s contains a NUL character", what);
        return NULL;
    }
    return s;
}

/* Replaces *w with the words of v (an iterable of str; None = no words). */
static int word_list_set(word_list *w, PyObject *v, const char *what)
{
    Py_ssize_t i, n;
    word_list nw = { NULL, NULL, 0 };

    word_list_clear(w);
    if (v == Py_None)
        return 0;
    if (PyUnicode_Check(v) || PyBytes_Check(v)) {
        PyErr_Format(PyExc_TypeError, "%s must be a list of str, not a single string", what);
        return -1;
    }
    nw.tuple = PySequence_Tuple(v);
    if (!nw.tuple) {
        if (PyErr_ExceptionMatches(PyExc_TypeError)) {
            PyErr_Clear();
            PyErr_Format(PyExc_TypeError, "%s must be a list of str, not %.100s", what,
                         Py_TYPE(v)->tp_name);
        }
        return -1;
    }
    n = PyTuple_GET_SIZE(nw.tuple);
    nw.words = PyMem_Calloc(n ? (size_t)n : 1, sizeof *nw.words);
    if (!nw.words) {
        word_list_clear(&nw);
        PyErr_NoMemory();
        return -1;
    }
    for (i = 0; i < n; i++) {
        nw.words[i] = c_string(PyTuple_GET_ITEM(nw.tuple, i), what);
        if (!nw.words[i]) {
            word_list_clear(&nw);
            return -1;
        }
    }
    nw.n = (size_t)n;
    *w = nw;
    return 0;
}

static PyObject *words_to_tuple(const char *const *words, size_t n)
{
    PyObject *t = PyTuple_New((Py_ssize_t)n);
    size_t i;
    if (!t)
        return NULL;
    for (i = 0; i < n; i++) {
        PyObject *s = PyUnicode_FromString(words[i]);
        if (!s) {
            Py_DECREF(t);
            return NULL;
        }
        PyTuple_SET_ITEM(t, (Py_ssize_t)i, s);
    }
    return t;
}

/* ---- options: the library's option table -------------------------------- */

/* Word lists are the one kind of option the library cannot set by name: a
 * front end sets the struct's array and count itself. These are the fields
 * of the table's WORDS rows; a WORDS row missing here is refused with the
 * library's message. */
typedef struct words_field {
    const char *name;    /* the row's name */
    size_t words_offset; /* const char *const * in summ_options */
    size_t count_offset; /* size_t in summ_options */
} words_field;

static const words_field words_fields[] = {
    { "cue_words", offsetof(summ_options, cue_words), offsetof(summ_options, n_cue_words) },
    { "stigma_words", offsetof(summ_options, stigma_words),
      offsetof(summ_options, n_stigma_words) },
};

#define N_WORDS_FIELDS (sizeof words_fields / sizeof words_fields[0])

static const words_field *words_field_of(const summ_option_info *row)
{
    size_t i;
    for (i = 0; i < N_WORDS_FIELDS; i++)
        if (strcmp(words_fields[i].name, row->name) == 0)
            return &words_fields[i];
    return NULL;
}

/* The row a keyword names. Keywords are the table's names exactly; the
 * library's lookup also takes '-' and capitals, the command line's ways. */
static const summ_option_info *find_option(PyObject *key)
{
    const summ_option_info *row;
    const char *name;
    if (!PyUnicode_Check(key))
        return NULL;
    name = PyUnicode_AsUTF8(key);
    if (!name) {
        PyErr_Clear();
        return NULL;
    }
    row = summ_option_find(name);
    return row && strcmp(row->name, name) == 0 ? row : NULL;
}

/* An int as a double; ints beyond the double range become +-inf, which
 * the library then refuses with its own message. */
static int long_to_double(PyObject *v, double *out)
{
    int overflow;
    long long x = PyLong_AsLongLongAndOverflow(v, &overflow);
    if (x == -1 && PyErr_Occurred())
        return -1;
    if (!overflow) {
        *out = (double)x;
        return 0;
    }
    *out = PyLong_AsDouble(v);
    if (*out == -1.0 && PyErr_Occurred()) {
        if (!PyErr_ExceptionMatches(PyExc_OverflowError))
            return -1;
        PyErr_Clear();
        *out = overflow < 0 ? -HUGE_VAL : HUGE_VAL;
    }
    return 0;
}

/* The Python type a row takes besides str and None, for TypeErrors. */
static const char *python_type_text(int type)
{
    switch (type) {
    case SUMM_OPTION_UINT:
        return "an int";
    case SUMM_OPTION_REAL:
        return "a float";
    case SUMM_OPTION_BOOL:
        return "a bool";
    default:
        return NULL;
    }
}

/* The number v stands for, when v has a Python type the row takes as a
 * number: an int or a float for numbers (the library refuses 2.5 for a
 * whole number, with the message every front end gives), a bool or an int
 * for on/off. True is no count, so bool is refused for numbers; an
 * algorithm is given by name. */
static int option_number(const summ_option_info *row, PyObject *v, double *out)
{
    const char *want = python_type_text(row->type);
    PyObject *idx;
    int rc;

    switch (row->type) {
    case SUMM_OPTION_UINT:
        if (PyFloat_Check(v)) {
            *out = PyFloat_AS_DOUBLE(v);
            return 0;
        }
        if (PyBool_Check(v) || !PyIndex_Check(v))
            break;
        if (!(idx = PyNumber_Index(v)))
            return -1;
        rc = long_to_double(idx, out);
        Py_DECREF(idx);
        return rc;
    case SUMM_OPTION_REAL:
        if (PyFloat_Check(v)) {
            *out = PyFloat_AS_DOUBLE(v);
            return 0;
        }
        if (PyLong_Check(v) && !PyBool_Check(v))
            return long_to_double(v, out);
        break;
    case SUMM_OPTION_BOOL:
        if (PyLong_Check(v))
            return long_to_double(v, out);
        break;
    default:
        break;
    }
    PyErr_Format(PyExc_TypeError, "%s must be %s%s or None, not %.100s", row->name,
                 want ? want : "a str", want ? ", a str" : "", Py_TYPE(v)->tp_name);
    return -1;
}

/* Sets one option of *o from a keyword value: None is the default, a str
 * is read as the command line reads it, a number is checked by the
 * library; its message becomes the ValueError's. Word lists are kept in
 * lists[index in words_fields], which must outlive every use of *o. */
static int set_option(module_state *st, const summ_option_info *row, PyObject *v,
                      summ_options *o, word_list *lists)
{
    const words_field *wf = row->type == SUMM_OPTION_WORDS ? words_field_of(row) : NULL;
    char err[SUMM_OPTION_ERRMSG_SIZE];
    double number = 0.0;
    int rc;

    if (wf) {
        word_list *w = &lists[wf - words_fields];
        if (word_list_set(w, v, row->name) < 0)
            return -1;
        *(const char *const **)((char *)o + wf->words_offset) = w->n ? w->words : NULL;
        *(size_t *)((char *)o + wf->count_offset) = w->n;
        return 0;
    }
    if (PyUnicode_Check(v)) {
        const char *text = c_string(v, row->name);
        if (!text)
            return -1;
        rc = summ_options_set(o, row->name, text, err, sizeof err);
    } else {
        if (v != Py_None && option_number(row, v, &number) < 0)
            return -1;
        rc = summ_options_set_number(o, row->name, number, err, sizeof err);
    }
    if (rc < 0) {
        raise_status(st, rc, err);
        return -1;
    }
    return 0;
}

/* Applies every keyword of kwargs to *o; `what` names the call in errors.
 * Unknown keywords are left to `other` (may be NULL: then a TypeError),
 * which returns 0 if it took the keyword. */
typedef int (*other_keyword_fn)(void *ud, PyObject *key, PyObject *value);

static int apply_keywords(module_state *st, PyObject *kwargs, summ_options *o, word_list *lists,
                          const char *what, other_keyword_fn other, void *ud)
{
    PyObject *key, *value;
    Py_ssize_t pos = 0;

    while (kwargs && PyDict_Next(kwargs, &pos, &key, &value)) {
        const summ_option_info *row = find_option(key);
        int rc;
        if (row) {
            if (set_option(st, row, value, o, lists) < 0)
                return -1;
            continue;
        }
        rc = other ? other(ud, key, value) : 1;
        if (rc < 0)
            return -1;
        if (rc > 0) {
            PyErr_Format(PyExc_TypeError, "%s() got an unexpected keyword argument %R", what,
                         key);
            return -1;
        }
    }
    return 0;
}

/* A row's number as Python shows it: a bool for on/off, an algorithm's
 * name, None for 0 (the default), the row's off_text for its off value,
 * else an int or a float. */
static PyObject *option_python_value(const summ_option_info *row, double d)
{
    const char *name;
    switch (row->type) {
    case SUMM_OPTION_BOOL:
        return PyBool_FromLong(d != 0.0);
    case SUMM_OPTION_ALGORITHM:
        name = summ_algorithm_name((int)d);
        return name ? PyUnicode_FromString(name) : Py_NewRef(Py_None);
    case SUMM_OPTION_CHOICE:
        return d > 0 ? PyUnicode_FromString(row->choices[(size_t)d]) : Py_NewRef(Py_None);
    default:
        break;
    }
    if (d == 0.0)
        return Py_NewRef(Py_None);
    if (row->off_text && d == row->off_value)
        return PyUnicode_FromString(row->off_text);
    return row->type == SUMM_OPTION_UINT ? PyLong_FromDouble(d) : PyFloat_FromDouble(d);
}

/* The Python value of one option of *o, for Summarizer.options. */
static PyObject *option_value(const summ_option_info *row, const summ_options *o)
{
    double d;
    if (row->type == SUMM_OPTION_WORDS) {
        const words_field *wf = words_field_of(row);
        if (!wf)
            return Py_NewRef(Py_None);
        return words_to_tuple(*(const char *const *const *)((const char *)o + wf->words_offset),
                              *(const size_t *)((const char *)o + wf->count_offset));
    }
    if (summ_options_get_number(o, row->name, &d) < 0) {
        PyErr_Format(PyExc_SystemError, "the library cannot read option %s", row->name);
        return NULL;
    }
    return option_python_value(row, d);
}
/* ---- language lists: summ_lang_config fields taking lists of words ----- */

typedef struct lang_list_spec {
    const char *name;    /* the Python keyword */
    size_t list_offset;  /* const char *const * in summ_lang_config */
    size_t count_offset; /* size_t in summ_lang_config */
} lang_list_spec;

static const lang_list_spec lang_list_specs[] = {
    { "stopwords", offsetof(summ_lang_config, extra_stopwords),
      offsetof(summ_lang_config, n_extra_stopwords) },
    { "abbreviations", offsetof(summ_lang_config, extra_abbreviations),
      offsetof(summ_lang_config, n_extra_abbreviations) },
};

#define N_LANG_LISTS (sizeof lang_list_specs / sizeof lang_list_specs[0])

/* The words are needed only until summ_lang_new_ex() has copied them. */
typedef struct lang_keywords {
    summ_lang_config cfg;
    word_list lists[N_LANG_LISTS];
} lang_keywords;

static int lang_keyword(void *ud, PyObject *key, PyObject *value)
{
    lang_keywords *lk = ud;
    size_t i;
    for (i = 0; i < N_LANG_LISTS; i++) {
        const lang_list_spec *spec = &lang_list_specs[i];
        if (PyUnicode_CompareWithASCIIString(key, spec->name) != 0)
            continue;
        if (word_list_set(&lk->lists[i], value, spec->name) < 0)
            return -1;
        *(const char *const **)((char *)&lk->cfg + spec->list_offset) = lk->lists[i].words;
        *(size_t *)((char *)&lk->cfg + spec->count_offset) = lk->lists[i].n;
        return 0;
    }
    return 1;
}

/* ---- input text -------------------------------------------------------- */

typedef struct input {
    PyObject *obj; /* strong reference, held while the GIL is released */
    const char *data;
    size_t len;
    bool is_str;
    bool ascii; /* str whose byte offsets are already code point indices */
    bool has_view;
    Py_buffer view;
} input;

static int input_get(PyObject *obj, input *in)
{
    memset(in, 0, sizeof *in);
    if (PyUnicode_Check(obj)) {
        Py_ssize_t n;
        /* The UTF-8 form is cached in the str object (ASCII strings need no
         * conversion at all), so repeated calls on one text do not copy. */
        in->data = PyUnicode_AsUTF8AndSize(obj, &n);
        if (!in->data)
            return -1;
        in->len = (size_t)n;
        in->is_str = true;
        in->ascii = PyUnicode_IS_ASCII(obj);
    } else if (PyObject_CheckBuffer(obj)) {
        if (PyObject_GetBuffer(obj, &in->view, PyBUF_SIMPLE) < 0)
            return -1;
        in->has_view = true;
        in->data = in->view.buf;
        in->len = (size_t)in->view.len;
    } else {
        PyErr_Format(PyExc_TypeError, "text must be str or a bytes-like object, not %.100s",
                     Py_TYPE(obj)->tp_name);
        return -1;
    }
    in->obj = Py_NewRef(obj);
    return 0;
}

static void input_release(input *in)
{
    if (in->has_view)
        PyBuffer_Release(&in->view);
    in->has_view = false;
    Py_CLEAR(in->obj);
}

/* ---- results ----------------------------------------------------------- */

/* The code points in p[0..n): a code point starts at every byte that is not
 * a continuation byte (10xxxxxx). This runs over the whole input on every
 * call with non-ASCII str, so it takes eight bytes per step: bit 7 of each
 * byte of w & ~(w << 1) is set exactly for continuation bytes. Those bits
 * add up in byte lanes, emptied before a lane can pass 255. */
static size_t count_code_points(const char *p, size_t n)
{
    const uint64_t high = 0x8080808080808080u, even = 0x00FF00FF00FF00FFu;
    size_t i = 0, continuation = 0;

    while (n - i >= 8) {
        size_t k, steps = (n - i) / 8;
        uint64_t lanes = 0, pairs;
        if (steps > 255)
            steps = 255;
        for (k = 0; k < steps; k++, i += 8) {
            uint64_t w;
            memcpy(&w, p + i, sizeof w);
            lanes += (w & ~(w << 1) & high) >> 7;
        }
        /* Eight byte lanes into four 16-bit ones, then their sum. */
        pairs = (lanes & even) + ((lanes >> 8) & even);
        continuation += (size_t)((pairs * 0x0001000100010001u) >> 48);
    }
    for (; i < n; i++)
        continuation += ((unsigned char)p[i] & 0xC0) == 0x80;
    return n - continuation;
}

typedef struct span_pos {
    size_t start; /* byte offset of the span */
    size_t slot;  /* its position in the result */
} span_pos;

static int span_pos_cmp(const void *a, const void *b)
{
    const span_pos *x = a, *y = b;
    return x->start < y->start ? -1 : x->start > y->start;
}

/* Converts the spans' byte offsets into code point indices (cp[2i], cp[2i+1])
 * in one forward pass: spans never overlap, so visiting them by start visits
 * every offset in increasing order. */
static int code_point_offsets(const input *in, const summ_span *sp, size_t n, Py_ssize_t *cp)
{
    span_pos *order;
    size_t i, byte_pos = 0, cp_pos = 0;
    bool sorted = true;

    order = PyMem_Malloc(n * sizeof *order);
    if (!order) {
        PyErr_NoMemory();
        return -1;
    }
    for (i = 0; i < n; i++) {
        order[i].start = sp[i].start;
        order[i].slot = i;
        if (i && sp[i].start < sp[i - 1].start)
            sorted = false;
    }
    if (!sorted) /* score order */
        qsort(order, n, sizeof *order, span_pos_cmp);
    for (i = 0; i < n; i++) {
        const summ_span *s = &sp[order[i].slot];
        cp_pos += count_code_points(in->data + byte_pos, s->start - byte_pos);
        cp[2 * order[i].slot] = (Py_ssize_t)cp_pos;
        cp_pos += count_code_points(in->data + s->start, s->end - s->start);
        cp[2 * order[i].slot + 1] = (Py_ssize_t)cp_pos;
        byte_pos = s->end;
    }
    PyMem_Free(order);
    return 0;
}

static PyObject *make_sentence(module_state *st, const input *in, const summ_span *sp,
                               Py_ssize_t start, Py_ssize_t end)
{
    PyObject *t, *text;

    if (in->is_str)
        text = PyUnicode_Substring(in->obj, start, end);
    else
        text = PyBytes_FromStringAndSize(in->data + sp->start, (Py_ssize_t)(sp->end - sp->start));
    if (!text)
        return NULL;
    t = PyStructSequence_New(st->sentence_type);
    if (!t) {
        Py_DECREF(text);
        return NULL;
    }
    PyStructSequence_SET_ITEM(t, 0, text);
    PyStructSequence_SET_ITEM(t, 1, PyLong_FromSsize_t(start));
    PyStructSequence_SET_ITEM(t, 2, PyLong_FromSsize_t(end));
    PyStructSequence_SET_ITEM(t, 3, PyLong_FromUnsignedLong(sp->sentence));
    PyStructSequence_SET_ITEM(t, 4, PyFloat_FromDouble(sp->score));
    if (!PyStructSequence_GET_ITEM(t, 1) || !PyStructSequence_GET_ITEM(t, 2) ||
        !PyStructSequence_GET_ITEM(t, 3) || !PyStructSequence_GET_ITEM(t, 4)) {
        Py_DECREF(t);
        return NULL;
    }
    return t;
}

static PyObject *result_to_list(module_state *st, const input *in, const summ_result *r)
{
    const summ_span *sp = summ_result_spans(r);
    size_t i, n = summ_result_count(r);
    Py_ssize_t *cp = NULL;
    PyObject *list;

    if (n > (size_t)PY_SSIZE_T_MAX / 2)
        return PyErr_NoMemory();
    list = PyList_New((Py_ssize_t)n);
    if (!list)
        return NULL;
    if (n && in->is_str && !in->ascii) {
        cp = PyMem_Malloc(2 * n * sizeof *cp);
        if (!cp) {
            Py_DECREF(list);
            return PyErr_NoMemory();
        }
        if (code_point_offsets(in, sp, n, cp) < 0)
            goto fail;
    }
    for (i = 0; i < n; i++) {
        Py_ssize_t start = cp ? cp[2 * i] : (Py_ssize_t)sp[i].start;
        Py_ssize_t end = cp ? cp[2 * i + 1] : (Py_ssize_t)sp[i].end;
        PyObject *s = make_sentence(st, in, &sp[i], start, end);
        if (!s)
            goto fail;
        PyList_SET_ITEM(list, (Py_ssize_t)i, s);
    }
    PyMem_Free(cp);
    return list;
fail:
    PyMem_Free(cp);
    Py_DECREF(list);
    return NULL;
}

/* ---- the _Summarizer type ---------------------------------------------- */

typedef struct summarizer_object {
    PyObject_HEAD
    summ_lang *lang;
    shared_lang *shared; /* where lang comes from, if it is shared; else lang is ours */
    summ_summarizer *s;
    summ_result *result;
    summ_options opts; /* the constructor's options; call keywords apply on top */
    word_list lists[N_WORDS_FIELDS]; /* the word lists opts points to */
    bool stale;        /* s holds other options than opts (a restore failed) */
    atomic_int busy;   /* a call is running on this object */
} summarizer_object;

static module_state *state_of(summarizer_object *self)
{
    return (module_state *)PyType_GetModuleState(Py_TYPE(self));
}

static void shared_lang_drop(shared_lang *sl)
{
    if (sl && atomic_fetch_sub(&sl->refs, 1) == 1) {
        summ_lang_free(sl->lang);
        PyMem_RawFree(sl);
    }
}

/* The language "auto" with no extra words, for every Summarizer that asks
 * for it: making it makes every language (milliseconds, where one language
 * takes microseconds), and a summ_lang is immutable, so one serves every
 * thread. The module holds one reference, *out another. */
static int shared_auto_lang(module_state *st, shared_lang **out)
{
    shared_lang *sl = atomic_load(&st->auto_lang), *expected = NULL;
    int rc;
    if (!sl) {
        if (!(sl = PyMem_RawMalloc(sizeof *sl)))
            return SUMM_E_NOMEM;
        if ((rc = summ_lang_new(&sl->lang, "auto", &pymem_allocator)) < 0) {
            PyMem_RawFree(sl);
            return rc;
        }
        atomic_init(&sl->refs, 1);
        if (!atomic_compare_exchange_strong(&st->auto_lang, &expected, sl)) {
            shared_lang_drop(sl); /* another thread made it first */
            sl = expected;
        }
    }
    atomic_fetch_add(&sl->refs, 1);
    *out = sl;
    return SUMM_OK;
}

static int summ_check(module_state *st, int rc, const char *what)
{
    if (rc < 0) {
        raise_status(st, rc, what);
        return -1;
    }
    return 0;
}

/* _Summarizer(language, **keywords): keywords are the option table's names
 * plus the lang_list_specs names. */
static PyObject *summarizer_new(PyTypeObject *type, PyObject *args, PyObject *kwargs)
{
    module_state *st = (module_state *)PyType_GetModuleState(type);
    summarizer_object *self = NULL;
    lang_keywords lk;
    PyObject *language_obj;
    const char *language;
    size_t i;
    int rc;

    if (!st)
        return NULL;
    if (!PyArg_ParseTuple(args, "O:_Summarizer", &language_obj))
        return NULL;
    language = c_string(language_obj, "language");
    if (!language)
        return NULL;
    self = (summarizer_object *)type->tp_alloc(type, 0);
    if (!self)
        return NULL;
    atomic_init(&self->busy, 0);
    summ_options_init(&self->opts, SUMM_OPTIONS_VERSION);
    memset(&lk, 0, sizeof lk);
    summ_lang_config_init(&lk.cfg, SUMM_LANG_CONFIG_VERSION);

    if (apply_keywords(st, kwargs, &self->opts, self->lists, "Summarizer", lang_keyword, &lk) < 0)
        goto fail;
    if (lk.cfg.n_extra_stopwords || lk.cfg.n_extra_abbreviations ||
        PyOS_stricmp(language, "auto") != 0) {
        rc = summ_lang_new_ex(&self->lang, language, &lk.cfg, &pymem_allocator);
    } else if ((rc = shared_auto_lang(st, &self->shared)) == SUMM_OK) {
        self->lang = self->shared->lang;
    }
    if (rc == SUMM_E_UNKNOWN_LANG) {
        PyObject *msg = PyUnicode_FromFormat("unknown language %R (see libsumm.languages())",
                                             language_obj);
        if (msg) {
            raise_status(st, rc, PyUnicode_AsUTF8(msg));
            Py_DECREF(msg);
        }
        goto fail;
    }
    if (rc == SUMM_E_INVALID_UTF8) {
        raise_status(st, SUMM_E_INVALID_ARG, "a stopword or abbreviation is not valid UTF-8");
        goto fail;
    }
    if (summ_check(st, rc, NULL) < 0 ||
        summ_check(st, summ_summarizer_new(&self->s, self->lang, &self->opts, &pymem_allocator),
                   NULL) < 0 ||
        summ_check(st, summ_result_new(&self->result, &pymem_allocator), NULL) < 0)
        goto fail;
    for (i = 0; i < N_LANG_LISTS; i++)
        word_list_clear(&lk.lists[i]);
    return (PyObject *)self;

fail:
    for (i = 0; i < N_LANG_LISTS; i++)
        word_list_clear(&lk.lists[i]);
    Py_DECREF(self);
    return NULL;
}

static void summarizer_dealloc(summarizer_object *self)
{
    PyTypeObject *type = Py_TYPE(self);
    size_t i;
    /* The summarizer borrows the language: free it first. */
    summ_result_free(self->result);
    summ_summarizer_free(self->s);
    if (self->shared)
        shared_lang_drop(self->shared);
    else
        summ_lang_free(self->lang);
    for (i = 0; i < N_WORDS_FIELDS; i++)
        word_list_clear(&self->lists[i]);
    type->tp_free(self);
    Py_DECREF(type);
}

typedef int (*run_fn)(summ_summarizer *, const char *, size_t, summ_result *);

/* The adaptive algorithm's evidence for the text of r (summ_result_explain)
 * as a dict, or None when the algorithm has none. New reference. */
static PyObject *explain_dict(const summ_result *r)
{
    summ_explain e;
    e.version = SUMM_EXPLAIN_VERSION;
    if (summ_result_explain(r, &e) < 0 || !e.has_evidence)
        Py_RETURN_NONE;
    return Py_BuildValue("{s:s,s:I,s:d,s:d,s:d}", "algorithm", summ_algorithm_name(e.algorithm),
                         "sentences", (unsigned int)e.sentences, "summary_share",
                         e.summary_share, "position_centrality", e.position_centrality,
                         "lede_weight", e.lede_weight);
}

/* Runs one library call on text with the object's options plus the call's
 * keywords, and returns the spans as a list of Sentence with the code of the
 * language used (the detected one for "auto") and the algorithm's evidence:
 * (list, code, dict or None). */
static PyObject *summarizer_run(summarizer_object *self, PyObject *args, PyObject *kwargs,
                                run_fn fn, const char *fname)
{
    module_state *st = state_of(self);
    summ_options call_opts = self->opts;
    word_list call_lists[N_WORDS_FIELDS];
    PyObject *list = NULL;
    bool custom = kwargs && PyDict_GET_SIZE(kwargs);
    size_t i;
    input in;
    int rc;

    memset(call_lists, 0, sizeof call_lists);
    memset(&in, 0, sizeof in);
    if (!st)
        return NULL;
    if (PyTuple_GET_SIZE(args) != 1) {
        PyErr_Format(PyExc_TypeError, "%s() takes exactly one positional argument (%zd given)",
                     fname, PyTuple_GET_SIZE(args));
        return NULL;
    }
    if (custom && apply_keywords(st, kwargs, &call_opts, call_lists, fname, NULL, NULL) < 0)
        goto done;
    if (input_get(PyTuple_GET_ITEM(args, 0), &in) < 0)
        goto done;
    /* The C objects are one thread at a time. The flag is taken before the
     * GIL is released and dropped only once the result has been copied out
     * of self->result. */
    if (atomic_exchange(&self->busy, 1)) {
        PyErr_SetString(PyExc_RuntimeError,
                        "Summarizer is in use by another thread; use one Summarizer per thread");
        goto done;
    }
    if (custom || self->stale) {
        rc = summ_summarizer_set_options(self->s, custom ? &call_opts : &self->opts);
        if (rc < 0) {
            raise_status(st, rc, summ_summarizer_errmsg(self->s));
            goto out;
        }
        self->stale = custom;
    }
    Py_BEGIN_ALLOW_THREADS
    rc = fn(self->s, in.data, in.len, self->result);
    Py_END_ALLOW_THREADS
    if (rc == SUMM_E_INVALID_UTF8 && !in.is_str)
        raise_invalid_utf8(st, in.obj, in.data, in.len);
    else if (rc < 0)
        raise_status(st, rc, summ_summarizer_errmsg(self->s));
    else
        list = result_to_list(st, &in, self->result);
    if (list)
        list = Py_BuildValue("(NsN)", list, summ_result_language(self->result),
                             explain_dict(self->result));
    /* Back to the object's own options. Copying word lists can run out of
     * memory: then the next call tries again. */
    if (custom && summ_summarizer_set_options(self->s, &self->opts) == SUMM_OK)
        self->stale = false;
out:
    atomic_store(&self->busy, 0);
done:
    input_release(&in);
    for (i = 0; i < N_WORDS_FIELDS; i++)
        word_list_clear(&call_lists[i]);
    return list;
}

static PyObject *summarizer_summarize(summarizer_object *self, PyObject *args, PyObject *kwargs)
{
    return summarizer_run(self, args, kwargs, summ_summarize, "summarize");
}

static PyObject *summarizer_split(summarizer_object *self, PyObject *args, PyObject *kwargs)
{
    return summarizer_run(self, args, kwargs, summ_split_sentences, "split");
}

static PyObject *summarizer_scores(summarizer_object *self, PyObject *args, PyObject *kwargs)
{
    return summarizer_run(self, args, kwargs, summ_score_sentences, "scores");
}

/* ---- keywords ----------------------------------------------------------- */

typedef struct offset_slot {
    size_t byte; /* a byte offset of a keyphrase result */
    size_t slot; /* where its str index goes */
} offset_slot;

static int offset_slot_cmp(const void *a, const void *b)
{
    const offset_slot *x = a, *y = b;
    if (x->byte != y->byte)
        return x->byte < y->byte ? -1 : 1;
    return x->slot < y->slot ? -1 : x->slot > y->slot;
}

/* Every offset of the result in the caller's unit, in result order: per
 * keyphrase its start and end, then its occurrences' starts and ends. Str
 * indices for non-ASCII str come from one pass over the offsets sorted. */
static Py_ssize_t *keyphrase_offsets(const input *in, const summ_keyphrases *k, size_t *n_out)
{
    size_t i, j, n = 0, at = 0, byte_pos = 0, cp_pos = 0;
    summ_keyphrase kp;
    offset_slot *order;
    Py_ssize_t *out;

    for (i = 0; i < summ_keyphrases_count(k); i++) {
        summ_keyphrases_get(k, i, &kp);
        n += 2 + 2 * kp.count;
    }
    *n_out = n;
    out = PyMem_Malloc((n ? n : 1) * sizeof *out);
    order = PyMem_Malloc((n ? n : 1) * sizeof *order);
    if (!out || !order) {
        PyMem_Free(out);
        PyMem_Free(order);
        PyErr_NoMemory();
        return NULL;
    }
    for (i = 0; i < summ_keyphrases_count(k); i++) {
        summ_keyphrases_get(k, i, &kp);
        order[at++].byte = kp.start;
        order[at++].byte = kp.end;
        for (j = 0; j < kp.count; j++) {
            order[at++].byte = kp.occurrences[j].start;
            order[at++].byte = kp.occurrences[j].end;
        }
    }
    for (i = 0; i < n; i++)
        order[i].slot = i;
    if (in->is_str && !in->ascii) {
        qsort(order, n, sizeof *order, offset_slot_cmp);
        for (i = 0; i < n; i++) {
            cp_pos += count_code_points(in->data + byte_pos, order[i].byte - byte_pos);
            byte_pos = order[i].byte;
            out[order[i].slot] = (Py_ssize_t)cp_pos;
        }
    } else {
        for (i = 0; i < n; i++)
            out[i] = (Py_ssize_t)order[i].byte;
    }
    PyMem_Free(order);
    return out;
}

/* (text, start, end, score, count, ((start, end), ...)) per keyphrase. */
static PyObject *keyphrases_to_list(const input *in, const summ_keyphrases *k)
{
    size_t i, j, n_off, at = 0, n = summ_keyphrases_count(k);
    Py_ssize_t *off = keyphrase_offsets(in, k, &n_off);
    PyObject *list;
    summ_keyphrase kp;

    if (!off)
        return NULL;
    list = PyList_New((Py_ssize_t)n);
    for (i = 0; list && i < n; i++) {
        PyObject *spans, *text, *item;
        Py_ssize_t start = off[at], end = off[at + 1];
        summ_keyphrases_get(k, i, &kp);
        at += 2;
        spans = PyTuple_New((Py_ssize_t)kp.count);
        for (j = 0; spans && j < kp.count; j++, at += 2) {
            PyObject *pair = Py_BuildValue("(nn)", off[at], off[at + 1]);
            if (!pair)
                Py_CLEAR(spans);
            else
                PyTuple_SET_ITEM(spans, (Py_ssize_t)j, pair);
        }
        text = in->is_str ? PyUnicode_Substring(in->obj, start, end)
                          : PyBytes_FromStringAndSize(in->data + kp.start,
                                                      (Py_ssize_t)(kp.end - kp.start));
        item = spans && text ? Py_BuildValue("(NnndnN)", text, start, end, kp.score,
                                             (Py_ssize_t)kp.count, spans)
                             : NULL;
        if (!item) {
            Py_XDECREF(spans);
            Py_XDECREF(text);
            Py_CLEAR(list);
            break;
        }
        PyList_SET_ITEM(list, (Py_ssize_t)i, item);
    }
    PyMem_Free(off);
    return list;
}

/* keywords(text, n=0, **options) -> (list of keyphrase tuples, language). */
static PyObject *summarizer_keywords(summarizer_object *self, PyObject *args, PyObject *kwargs)
{
    module_state *st = state_of(self);
    summ_options call_opts = self->opts;
    word_list call_lists[N_WORDS_FIELDS];
    summ_keyphrases *k = NULL;
    PyObject *text_obj, *n_obj = Py_None, *list = NULL;
    bool custom = kwargs && PyDict_GET_SIZE(kwargs);
    Py_ssize_t n = 0;
    size_t i;
    input in;
    int rc;

    memset(call_lists, 0, sizeof call_lists);
    memset(&in, 0, sizeof in);
    if (!st || !PyArg_ParseTuple(args, "O|O:keywords", &text_obj, &n_obj))
        return NULL;
    if (n_obj != Py_None) {
        if (PyBool_Check(n_obj) || !PyIndex_Check(n_obj)) {
            PyErr_Format(PyExc_TypeError, "n must be an int or None, not %.100s",
                         Py_TYPE(n_obj)->tp_name);
            return NULL;
        }
        n = PyNumber_AsSsize_t(n_obj, PyExc_OverflowError);
        if (n == -1 && PyErr_Occurred())
            return NULL;
        if (n < 0) {
            PyErr_SetString(PyExc_ValueError, "n must be at least 0 (0: the default, 10)");
            return NULL;
        }
    }
    if (custom && apply_keywords(st, kwargs, &call_opts, call_lists, "keywords", NULL, NULL) < 0)
        goto done;
    if (input_get(text_obj, &in) < 0)
        goto done;
    if (summ_check(st, summ_keyphrases_new(&k, &pymem_allocator), NULL) < 0)
        goto done;
    if (atomic_exchange(&self->busy, 1)) {
        PyErr_SetString(PyExc_RuntimeError,
                        "Summarizer is in use by another thread; use one Summarizer per thread");
        goto done;
    }
    if (custom || self->stale) {
        rc = summ_summarizer_set_options(self->s, custom ? &call_opts : &self->opts);
        if (rc < 0) {
            raise_status(st, rc, summ_summarizer_errmsg(self->s));
            goto out;
        }
        self->stale = custom;
    }
    Py_BEGIN_ALLOW_THREADS
    rc = summ_extract_keyphrases(self->s, in.data, in.len, (size_t)n, k);
    Py_END_ALLOW_THREADS
    if (rc == SUMM_E_INVALID_UTF8 && !in.is_str)
        raise_invalid_utf8(st, in.obj, in.data, in.len);
    else if (rc < 0)
        raise_status(st, rc, summ_summarizer_errmsg(self->s));
    else
        list = keyphrases_to_list(&in, k);
    if (list)
        list = Py_BuildValue("(Ns)", list, summ_keyphrases_language(k));
    if (custom && summ_summarizer_set_options(self->s, &self->opts) == SUMM_OK)
        self->stale = false;
out:
    atomic_store(&self->busy, 0);
done:
    summ_keyphrases_free(k);
    input_release(&in);
    for (i = 0; i < N_WORDS_FIELDS; i++)
        word_list_clear(&call_lists[i]);
    return list;
}

static PyObject *summarizer_get_language(summarizer_object *self, void *closure)
{
    (void)closure;
    return PyUnicode_FromString(summ_lang_code(self->lang));
}

static PyObject *summarizer_get_options(summarizer_object *self, void *closure)
{
    PyObject *d = PyDict_New();
    size_t i;
    (void)closure;
    if (!d)
        return NULL;
    for (i = 0; i < summ_option_count(); i++) {
        const summ_option_info *row = summ_option_at(i);
        PyObject *v = option_value(row, &self->opts);
        if (!v || PyDict_SetItemString(d, row->name, v) < 0) {
            Py_XDECREF(v);
            Py_DECREF(d);
            return NULL;
        }
        Py_DECREF(v);
    }
    return d;
}

static PyMethodDef summarizer_methods[] = {
    { "summarize", (PyCFunction)(void (*)(void))summarizer_summarize,
      METH_VARARGS | METH_KEYWORDS,
      "summarize(text, **options) -> (list[Sentence], language, explain)" },
    { "split", (PyCFunction)(void (*)(void))summarizer_split, METH_VARARGS | METH_KEYWORDS,
      "split(text, **options) -> (list[Sentence], language, explain)" },
    { "scores", (PyCFunction)(void (*)(void))summarizer_scores, METH_VARARGS | METH_KEYWORDS,
      "scores(text, **options) -> (list[Sentence], language, explain)" },
    { "keywords", (PyCFunction)(void (*)(void))summarizer_keywords, METH_VARARGS | METH_KEYWORDS,
      "keywords(text, n=None, **options) -> (list[tuple], language)" },
    { NULL, NULL, 0, NULL },
};

static PyGetSetDef summarizer_getset[] = {
    { "language", (getter)summarizer_get_language, NULL, "canonical language code", NULL },
    { "options", (getter)summarizer_get_options, NULL, "the options, as a new dict", NULL },
    { NULL, NULL, NULL, NULL, NULL },
};

static PyType_Slot summarizer_slots[] = {
    { Py_tp_new, (void *)summarizer_new },
    { Py_tp_dealloc, (void *)summarizer_dealloc },
    { Py_tp_methods, summarizer_methods },
    { Py_tp_getset, summarizer_getset },
    { Py_tp_doc, (void *)"_Summarizer(language, **options): the C object behind "
                         "libsumm.Summarizer." },
    { 0, NULL },
};

static PyType_Spec summarizer_spec = {
    .name = "libsumm._libsumm._Summarizer",
    .basicsize = sizeof(summarizer_object),
    .itemsize = 0,
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_IMMUTABLETYPE,
    .slots = summarizer_slots,
};

/* ---- Sentence ---------------------------------------------------------- */

static PyStructSequence_Field sentence_fields[] = {
    { "text", "the sentence: a slice of the input (str, or bytes for bytes-like input)" },
    { "start", "where it starts: a str index for str input, a byte offset for bytes" },
    { "end", "one past its end, in the same unit: text == input[start:end]" },
    { "index", "0-based position of the sentence in the document" },
    { "score", "salience (higher is better), comparable within one call; 0.0 from split()" },
    { NULL, NULL },
};

static PyStructSequence_Desc sentence_desc = {
    "libsumm.Sentence",
    "Sentence(text, start, end, index, score): one sentence of a document, an "
    "immutable named tuple.",
    sentence_fields,
    5,
};

/* ---- module ------------------------------------------------------------ */

static PyObject *string_list(const char *const *items)
{
    PyObject *list = PyList_New(0);
    if (!list)
        return NULL;
    for (; *items; items++) {
        PyObject *s = PyUnicode_FromString(*items);
        if (!s || PyList_Append(list, s) < 0) {
            Py_XDECREF(s);
            Py_DECREF(list);
            return NULL;
        }
        Py_DECREF(s);
    }
    return list;
}

static PyObject *mod_languages(PyObject *m, PyObject *noargs)
{
    (void)m;
    (void)noargs;
    return string_list(summ_lang_list());
}

static PyObject *mod_algorithms(PyObject *m, PyObject *noargs)
{
    (void)m;
    (void)noargs;
    return string_list(summ_algorithm_list());
}

static const char *option_type_name(int type)
{
    switch (type) {
    case SUMM_OPTION_UINT:
        return "uint";
    case SUMM_OPTION_REAL:
        return "real";
    case SUMM_OPTION_BOOL:
        return "bool";
    case SUMM_OPTION_ALGORITHM:
        return "algorithm";
    case SUMM_OPTION_WORDS:
        return "words";
    case SUMM_OPTION_CHOICE:
        return "choice";
    default:
        return "unknown";
    }
}

/* A bound of a numeric row (an int for whole numbers), None for others. */
static PyObject *option_bound(const summ_option_info *row, double bound)
{
    switch (row->type) {
    case SUMM_OPTION_UINT:
        return PyLong_FromDouble(bound);
    case SUMM_OPTION_REAL:
        return PyFloat_FromDouble(bound);
    default:
        return Py_NewRef(Py_None);
    }
}

/* A choice row's names but "default" (entry 0), or None for other rows. */
static PyObject *option_choices(const summ_option_info *row)
{
    PyObject *t;
    Py_ssize_t i, n = 0;
    if (row->type != SUMM_OPTION_CHOICE || !row->choices || !row->choices[0])
        return Py_NewRef(Py_None);
    while (row->choices[n + 1])
        n++;
    if (!(t = PyTuple_New(n)))
        return NULL;
    for (i = 0; i < n; i++) {
        PyObject *name = PyUnicode_FromString(row->choices[i + 1]);
        if (!name) {
            Py_DECREF(t);
            return NULL;
        }
        PyTuple_SET_ITEM(t, i, name);
    }
    return t;
}

/* One row as the tuple libsumm.OptionInfo is made of: name, type, group,
 * doc, value_name, min, max, min_open, max_open, default, default_text,
 * off_text, choices. */
static PyObject *option_row(const summ_option_info *row)
{
    PyObject *def = row->type == SUMM_OPTION_WORDS ? PyTuple_New(0)
                                                    : option_python_value(row, row->default_value);
    PyObject *choices;
    if (!def)
        return NULL;
    if (!(choices = option_choices(row))) {
        Py_DECREF(def);
        return NULL;
    }
    return Py_BuildValue("(sssszNNNNNszN)", row->name, option_type_name(row->type), row->group,
                         row->doc, row->value_name, option_bound(row, row->min),
                         option_bound(row, row->max), PyBool_FromLong(row->min_open),
                         PyBool_FromLong(row->max_open), def, row->default_text, row->off_text,
                         choices);
}

static PyObject *mod_option_table(PyObject *m, PyObject *noargs)
{
    size_t i, n = summ_option_count();
    PyObject *t = PyTuple_New((Py_ssize_t)n);
    (void)m;
    (void)noargs;
    if (!t)
        return NULL;
    for (i = 0; i < n; i++) {
        PyObject *row = option_row(summ_option_at(i));
        if (!row) {
            Py_DECREF(t);
            return NULL;
        }
        PyTuple_SET_ITEM(t, (Py_ssize_t)i, row);
    }
    return t;
}

static PyObject *mod_detect_language(PyObject *m, PyObject *text)
{
    module_state *st = state_of_module(m);
    const char *code = NULL;
    input in;
    int rc;

    if (input_get(text, &in) < 0)
        return NULL;
    Py_BEGIN_ALLOW_THREADS
    rc = summ_detect_language(&code, in.data, in.len, &pymem_allocator);
    Py_END_ALLOW_THREADS
    input_release(&in);
    if (rc < 0) {
        raise_status(st, rc, NULL);
        return NULL;
    }
    return PyUnicode_FromString(code);
}


/* ---- ROUGE --------------------------------------------------------------- */

/* rouge(candidate, references, metric, tokenizer, stemmer, stem_min_length)
 * -> (precision, recall, f1, reference index). The façade in __init__.py
 * gives it its keywords and result type. */
static PyObject *mod_rouge(PyObject *m, PyObject *args)
{
    module_state *st = state_of_module(m);
    PyObject *cand_obj, *refs_obj, *seq = NULL, *result = NULL;
    const char *metric_name, *tokenizer, *stemmer;
    unsigned int stem_min, n;
    input cand, *refs = NULL;
    const char **ref_data = NULL;
    size_t *ref_lens = NULL;
    Py_ssize_t n_refs = 0, got = 0, i;
    summ_rouge_options opts;
    summ_rouge *r = NULL;
    summ_rouge_result res;
    int metric, rc;

    memset(&cand, 0, sizeof cand);
    if (!PyArg_ParseTuple(args, "OOssz|I:rouge", &cand_obj, &refs_obj, &metric_name, &tokenizer,
                          &stemmer, &stem_min))
        return NULL;
    if (PyTuple_GET_SIZE(args) < 6)
        stem_min = 3;
    if (summ_rouge_metric_parse(metric_name, &metric, &n) < 0) {
        PyErr_Format(PyExc_ValueError,
                     "metric must be rouge1, rouge2, ..., rougeL or rougeLsum, not '%.100s'",
                     metric_name);
        return NULL;
    }
    summ_rouge_options_init(&opts, SUMM_ROUGE_OPTIONS_VERSION);
    if (strcmp(tokenizer, "ascii") == 0) {
        opts.tokenizer = SUMM_ROUGE_TOKENIZER_ASCII;
    } else if (strcmp(tokenizer, "unicode") == 0) {
        opts.tokenizer = SUMM_ROUGE_TOKENIZER_UNICODE;
    } else {
        PyErr_Format(PyExc_ValueError, "tokenizer must be 'ascii' or 'unicode', not '%.100s'",
                     tokenizer);
        return NULL;
    }
    opts.stemmer = stemmer;
    opts.stem_min_length = stem_min;

    seq = PySequence_Fast(refs_obj, "references must be a sequence of texts");
    if (!seq)
        return NULL;
    n_refs = PySequence_Fast_GET_SIZE(seq);
    if (n_refs == 0) {
        PyErr_SetString(PyExc_ValueError, "references must not be empty");
        goto out;
    }
    refs = PyMem_Calloc((size_t)n_refs, sizeof *refs);
    ref_data = PyMem_Calloc((size_t)n_refs, sizeof *ref_data);
    ref_lens = PyMem_Calloc((size_t)n_refs, sizeof *ref_lens);
    if (!refs || !ref_data || !ref_lens) {
        PyErr_NoMemory();
        goto out;
    }
    if (input_get(cand_obj, &cand) < 0)
        goto out;
    for (got = 0; got < n_refs; got++) {
        if (input_get(PySequence_Fast_GET_ITEM(seq, got), &refs[got]) < 0)
            goto out;
        ref_data[got] = refs[got].data;
        ref_lens[got] = refs[got].len;
    }
    rc = summ_rouge_new(&r, &opts, &pymem_allocator);
    if (rc == SUMM_E_INVALID_ARG) {
        PyErr_Format(PyExc_ValueError, "no stemmer named '%.100s'", stemmer ? stemmer : "");
        goto out;
    }
    if (rc < 0) {
        raise_status(st, rc, NULL);
        goto out;
    }
    Py_BEGIN_ALLOW_THREADS
    rc = summ_rouge_score(r, metric, n, cand.data, cand.len, ref_data, ref_lens,
                          (size_t)n_refs, &res);
    Py_END_ALLOW_THREADS
    if (rc < 0) {
        raise_status(st, rc, summ_rouge_errmsg(r));
        goto out;
    }
    result = Py_BuildValue("(dddn)", res.precision, res.recall, res.f1,
                           (Py_ssize_t)res.reference);
out:
    summ_rouge_free(r);
    input_release(&cand);
    for (i = 0; i < got; i++)
        input_release(&refs[i]);
    PyMem_Free(refs);
    PyMem_Free(ref_data);
    PyMem_Free(ref_lens);
    Py_XDECREF(seq);
    return result;
}

static PyMethodDef module_methods[] = {
    { "rouge", mod_rouge, METH_VARARGS,
      "rouge(candidate, references, metric, tokenizer, stemmer[, stem_min_length])"
      " -> (precision, recall, f1, reference)" },
    { "detect_language", mod_detect_language, METH_O, "detect_language(text) -> str" },
    { "languages", mod_languages, METH_NOARGS, "languages() -> list[str]" },
    { "algorithms", mod_algorithms, METH_NOARGS, "algorithms() -> list[str]" },
    { "option_table", mod_option_table, METH_NOARGS,
      "option_table() -> tuple of (name, type, group, doc, value_name, min, max, min_open, "
      "max_open, default, default_text, off_text): the library's option table, in order" },
    { NULL, NULL, 0, NULL },
};

static int add_exceptions(PyObject *m, module_state *st)
{
    PyObject *dict, *bases;
    size_t i;

    dict = Py_BuildValue("{sOsO}", "code", Py_None, "status", Py_None);
    if (!dict)
        return -1;
    st->error = PyErr_NewExceptionWithDoc(
        "libsumm.Error",
        "Base class of libsumm's errors. `code` is the library's summ_status (a "
        "negative int), `status` the library's name for it (\"invalid_arg\", "
        "\"unknown_lang\", ...).",
        PyExc_Exception, dict);
    Py_DECREF(dict);
    if (!st->error || PyModule_AddObjectRef(m, "Error", st->error) < 0)
        return -1;
    for (i = 0; i < N_EXC_SPECS; i++) {
        const exc_spec *e = &exc_specs[i];
        PyObject **slot = exc_slot(st, e);
        bases = e->base2 == BASE_NONE
                    ? PyTuple_Pack(2, st->error, builtin_base(e->base))
                    : PyTuple_Pack(3, st->error, builtin_base(e->base), builtin_base(e->base2));
        if (!bases)
            return -1;
        *slot = PyErr_NewExceptionWithDoc(e->name, e->doc, bases, NULL);
        Py_DECREF(bases);
        if (!*slot || PyModule_AddObjectRef(m, strrchr(e->name, '.') + 1, *slot) < 0)
            return -1;
    }
    return 0;
}

static int add_size_constant(PyObject *m, const char *name, size_t value)
{
    PyObject *v = PyLong_FromSize_t(value);
    int rc;
    if (!v)
        return -1;
    rc = PyModule_AddObjectRef(m, name, v);
    Py_DECREF(v);
    return rc;
}

/* _ALLOCATOR: a capsule holding the summ_allocator the binding gives the
 * library, so that bench/python_overhead.py can run the C API through
 * ctypes with the very same allocator. Read-only: the struct is const. */
static int add_allocator_capsule(PyObject *m)
{
    PyObject *capsule = PyCapsule_New((void *)&pymem_allocator, "libsumm._libsumm.ALLOCATOR",
                                      NULL);
    int rc;
    if (!capsule)
        return -1;
    rc = PyModule_AddObjectRef(m, "_ALLOCATOR", capsule);
    Py_DECREF(capsule);
    return rc;
}

static int module_exec(PyObject *m)
{
    module_state *st = state_of_module(m);
    uint32_t linked = summ_version();

    /* The library is linked in statically, so this guards against a broken
     * build mixing headers and objects of different versions. */
    if ((linked >> 8) != (SUMM_VERSION_NUMBER >> 8) || linked < SUMM_VERSION_NUMBER) {
        PyErr_Format(PyExc_ImportError,
                     "libsumm: the extension was compiled against libsumm %s but the linked "
                     "library is %s",
                     SUMM_VERSION_STRING, summ_version_string());
        return -1;
    }
    if (add_exceptions(m, st) < 0)
        return -1;
    st->sentence_type = PyStructSequence_NewType(&sentence_desc);
    if (!st->sentence_type ||
        PyModule_AddObjectRef(m, "Sentence", (PyObject *)st->sentence_type) < 0)
        return -1;
    st->summarizer_type =
        (PyTypeObject *)PyType_FromModuleAndSpec(m, &summarizer_spec, NULL);
    if (!st->summarizer_type ||
        PyModule_AddObjectRef(m, "_Summarizer", (PyObject *)st->summarizer_type) < 0)
        return -1;
    if (PyModule_AddStringConstant(m, "__version__", summ_version_string()) < 0 ||
        PyModule_AddStringConstant(m, "COMPILED_VERSION", SUMM_VERSION_STRING) < 0 ||
        add_size_constant(m, "DEFAULT_MAX_INPUT_BYTES", SUMM_DEFAULT_MAX_INPUT_BYTES) < 0 ||
        add_size_constant(m, "MAX_INPUT_BYTES", SUMM_MAX_INPUT_BYTES) < 0 ||
        add_allocator_capsule(m) < 0)
        return -1;
    return 0;
}

static int module_traverse(PyObject *m, visitproc visit, void *arg)
{
    module_state *st = state_of_module(m);
    size_t i;
    Py_VISIT(st->error);
    for (i = 0; i < N_EXC_SPECS; i++)
        Py_VISIT(*exc_slot(st, &exc_specs[i]));
    Py_VISIT(st->sentence_type);
    Py_VISIT(st->summarizer_type);
    return 0;
}

static int module_clear(PyObject *m)
{
    module_state *st = state_of_module(m);
    size_t i;
    Py_CLEAR(st->error);
    for (i = 0; i < N_EXC_SPECS; i++)
        Py_CLEAR(*exc_slot(st, &exc_specs[i]));
    Py_CLEAR(st->sentence_type);
    Py_CLEAR(st->summarizer_type);
    return 0;
}

static void module_free(void *m)
{
    module_state *st = state_of_module((PyObject *)m);
    module_clear((PyObject *)m);
    if (st)
        shared_lang_drop(atomic_exchange(&st->auto_lang, NULL));
}

static PyModuleDef_Slot module_slots[] = {
    { Py_mod_exec, (void *)module_exec },
#ifdef Py_mod_multiple_interpreters
    { Py_mod_multiple_interpreters, Py_MOD_PER_INTERPRETER_GIL_SUPPORTED },
#endif
#ifdef Py_GIL_DISABLED
    /* The busy flag is atomic and the module state is immutable after
     * exec, so no GIL is needed. */
    { Py_mod_gil, Py_MOD_GIL_NOT_USED },
#endif
    { 0, NULL },
};

static struct PyModuleDef module_def = {
    PyModuleDef_HEAD_INIT,
    .m_name = "libsumm._libsumm",
    .m_doc = "C extension behind the libsumm package; use `import libsumm`.",
    .m_size = sizeof(module_state),
    .m_methods = module_methods,
    .m_slots = module_slots,
    .m_traverse = module_traverse,
    .m_clear = module_clear,
    .m_free = module_free,
};

PyMODINIT_FUNC PyInit__libsumm(void)
{
    return PyModuleDef_Init(&module_def);
}
