/*
 * libsumm for Lua: `local libsumm = require "libsumm"`.
 *
 * Summarizers (libsumm.new), one-shot summarize and split, language
 * detection and ROUGE. Builds against Lua 5.1, 5.2, 5.3, 5.4 and LuaJIT 2.x.
 * The module keeps no C state of its own: everything lives in the Lua state
 * (metatables in the registry, objects in userdata), so any number of states
 * may load it.
 *
 * Error conventions (as luv's): a wrong argument type or option value is a
 * programming error and raises; a failure that depends on the input (invalid
 * UTF-8, input too large, unknown language or algorithm, out of memory)
 * returns nil, message, code, where code is the libsumm status name in lower
 * case without its SUMM_E_ prefix ("invalid_utf8", "too_large", ...).
 *
 * Nothing may raise while C memory is unowned: every libsumm object is
 * created into a userdata whose __gc frees it, before anything that can
 * raise, and spans are copied into Lua-owned memory before Lua values are
 * built from them.
 */
#include <libsumm/summ.h>

#include <float.h>
#include <limits.h>
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <lauxlib.h>
#include <lua.h>

#define SUMMARIZER_MT "libsumm.Summarizer"
#define ROUGE_MT "libsumm.Rouge"

/* ---- compatibility with Lua 5.1 and LuaJIT ----------------------------- */

#if LUA_VERSION_NUM < 502
/* LuaJIT has some of these already; the prefixed name keeps ours from
 * clashing with its declaration. */
static void lsumm_setfuncs(lua_State *L, const luaL_Reg *l, int nup)
{
    luaL_checkstack(L, nup, "too many upvalues");
    for (; l->name; l++) {
        int i;
        for (i = 0; i < nup; i++)
            lua_pushvalue(L, -nup);
        lua_pushcclosure(L, l->func, nup);
        lua_setfield(L, -(nup + 2), l->name);
    }
    lua_pop(L, nup);
}
#define luaL_setfuncs lsumm_setfuncs
#ifndef luaL_newlib
#define luaL_newlib(L, l) (lua_newtable(L), luaL_setfuncs(L, l, 0))
#endif
#define lua_rawlen lua_objlen
#endif

/* A summarizer needs no user values; 5.4 lets us say so and save a slot. */
#if LUA_VERSION_NUM >= 504
#define new_userdata(L, size) lua_newuserdatauv((L), (size), 0)
#else
#define new_userdata(L, size) lua_newuserdata((L), (size))
#endif

/* Counts and positions are integers where Lua has them (5.3 and later). */
#if LUA_VERSION_NUM >= 503
#define push_count(L, v) lua_pushinteger((L), (lua_Integer)(v))
#else
#define push_count(L, v) lua_pushnumber((L), (lua_Number)(v))
#endif

/* ---- status codes ------------------------------------------------------ */

/* The failure triple: nil, message, code. The code is the library's name
 * for the status; a status this library does not name gives "error". */
static int push_fail(lua_State *L, int status, const char *message)
{
    const char *code = summ_status_name(status);
    lua_pushnil(L);
    lua_pushstring(L, message && message[0] ? message : summ_strerror(status));
    lua_pushstring(L, code ? code : "error");
    return 3;
}

/* ---- options: one table row per Lua option ----------------------------- */

/* Everything an options table can set, parsed before any C object exists. */
typedef struct config {
    summ_options opts;
    summ_lang_config lang;
    const char *language;
    const char *algorithm;
} config;

enum opt_kind {
    OPT_UINT32,  /* integer in [min, max] stored as uint32_t */
    OPT_SIZE,    /* integer in [min, max] stored as size_t */
    OPT_NUMBER,  /* number in [min, max], either end open if min_open/max_open; double */
    OPT_FLAG,    /* boolean setting `bit` in the uint32_t at offset */
    OPT_STRING,  /* string stored as const char * */
    OPT_STRINGS  /* array of strings: const char ** at offset, size_t count at offset2 */
};

typedef struct opt_spec {
    const char *name;
    enum opt_kind kind;
    size_t offset;
    size_t offset2;
    double min, max;
    int min_open, max_open;
    uint32_t bit;
} opt_spec;

/* 2^53: every integer up to it is exact in a double. */
#define MAX_EXACT 9007199254740992.0

/* One row per option, named by what it stores (field is a member of config):
 *   UINT32/SIZE(name, field, min, max)   an integer in [min, max]
 *   NUMBER(name, field, "[", min, max, "]")  a number in that interval ("(" and ")"
 *                                        leave an end out)
 *   FLAG(name, field, bit)               a boolean that sets bit in a uint32_t
 *   STRING(name, field)                  a string
 *   STRINGS(name, list, count)           an array of strings and its length */
#define CFG(field) offsetof(config, field)
#define UINT32(n, f, lo, hi) { .name = n, .kind = OPT_UINT32, .offset = CFG(f), .min = lo, .max = hi }
#define SIZE(n, f, lo, hi) { .name = n, .kind = OPT_SIZE, .offset = CFG(f), .min = lo, .max = hi }
#define NUMBER(n, f, lb, lo, hi, rb) \
    { .name = n, .kind = OPT_NUMBER, .offset = CFG(f), .min = lo, .max = hi, \
      .min_open = (lb)[0] == '(', .max_open = (rb)[0] == ')' }
#define FLAG(n, f, b) { .name = n, .kind = OPT_FLAG, .offset = CFG(f), .bit = b }
#define STRING(n, f) { .name = n, .kind = OPT_STRING, .offset = CFG(f) }
#define STRINGS(n, f, count) { .name = n, .kind = OPT_STRINGS, .offset = CFG(f), .offset2 = CFG(count) }

/* To support a new option, add one row. */
static const opt_spec option_specs[] = {
    UINT32("sentences", opts.max_sentences, 1, UINT32_MAX),
    NUMBER("ratio", opts.ratio, "(", 0, 1, "]"),
    UINT32("words", opts.max_words, 1, UINT32_MAX),
    SIZE("bytes", opts.max_bytes, 1, MAX_EXACT),
    SIZE("max_input_bytes", opts.max_input_bytes, 1, (double)SUMM_MAX_INPUT_BYTES),
    STRING("algorithm", algorithm),
    STRING("language", language),
    FLAG("lenient", opts.flags, SUMM_FLAG_LENIENT_UTF8),
    FLAG("no_stemming", opts.flags, SUMM_FLAG_NO_STEMMING),
    FLAG("keep_stopwords", opts.flags, SUMM_FLAG_KEEP_STOPWORDS),
    FLAG("score_order", opts.flags, SUMM_FLAG_SCORE_ORDER),
    STRINGS("stopwords", lang.extra_stopwords, lang.n_extra_stopwords),
    STRINGS("abbreviations", lang.extra_abbreviations, lang.n_extra_abbreviations),
    NUMBER("mmr_lambda", opts.mmr_lambda, "(", 0, 1, "]"),
    NUMBER("position_weight", opts.position_weight, "[", 0, 1, "]"),
    NUMBER("damping", opts.damping, "(", 0, 1, ")"),
    NUMBER("tolerance", opts.tolerance, "[", 0, DBL_MAX, "]"),
    UINT32("max_iterations", opts.max_iterations, 1, UINT32_MAX),
    NUMBER("lexrank_threshold", opts.lexrank_threshold, "[", 0, 1, ")"),
    UINT32("max_neighbours", opts.max_neighbours, 1, UINT32_MAX),
    UINT32("lsa_dimensions", opts.lsa_dimensions, 1, UINT32_MAX),
    STRINGS("cue_words", opts.cue_words, opts.n_cue_words),
    STRINGS("stigma_words", opts.stigma_words, opts.n_stigma_words),
};

/* The tables are generic: offsets are into whatever struct `base` points at. */
#define FIELD(base, off, type) ((type *)(void *)((char *)(base) + (off)))

static int opt_error(lua_State *L, int arg, const char *name, const char *what)
{
    lua_pushfstring(L, "option '%s' must be %s", name, what);
    return luaL_argerror(L, arg, lua_tostring(L, -1));
}

/* Pushes a bound for a message: whole numbers without Lua 5.3+'s ".0". */
static const char *push_bound(lua_State *L, double v)
{
    char buf[32];
    if (v == floor(v) && fabs(v) <= MAX_EXACT) {
        /* No decimal point is printed, so the locale does not matter. */
        snprintf(buf, sizeof buf, "%.0f", v);
        lua_pushstring(L, buf);
    } else {
        lua_pushfstring(L, "%f", (lua_Number)v);
    }
    return lua_tostring(L, -1);
}

/* Reads a whole number in [min, max] from the top of the stack. */
static double opt_integer(lua_State *L, int arg, const opt_spec *spec)
{
    double v;
    if (lua_type(L, -1) != LUA_TNUMBER)
        opt_error(L, arg, spec->name, "an integer");
    v = (double)lua_tonumber(L, -1);
    if (v != floor(v) || v < spec->min || v > spec->max) {
        const char *lo = push_bound(L, spec->min), *hi = push_bound(L, spec->max);
        lua_pushfstring(L, "an integer from %s to %s", lo, hi);
        opt_error(L, arg, spec->name, lua_tostring(L, -1));
    }
    return v;
}

/* Pointers to the strings stay valid because the options table, which
 * references them (read raw, so they are the table's own values), stays on
 * the stack until the C objects are built; the pointer array is a userdata
 * left on the stack for the same reason. */
static void opt_strings(lua_State *L, int arg, const opt_spec *spec, void *cfg)
{
    size_t i, n;
    const char **list;
    if (lua_type(L, -1) != LUA_TTABLE)
        opt_error(L, arg, spec->name, "an array of strings");
    n = lua_rawlen(L, -1);
    list = new_userdata(L, (n ? n : 1) * sizeof *list);
    for (i = 0; i < n; i++) {
        lua_rawgeti(L, -2, (int)(i + 1));
        if (lua_type(L, -1) != LUA_TSTRING)
            opt_error(L, arg, spec->name, "an array of strings");
        list[i] = lua_tostring(L, -1);
        lua_pop(L, 1);
    }
    /* Keep the array alive below the options being parsed. */
    lua_insert(L, -2);
    *FIELD(cfg, spec->offset, const char *const *) = list;
    *FIELD(cfg, spec->offset2, size_t) = n;
}

static void opt_apply(lua_State *L, int arg, const opt_spec *spec, void *cfg)
{
    switch (spec->kind) {
    case OPT_UINT32:
        *FIELD(cfg, spec->offset, uint32_t) = (uint32_t)opt_integer(L, arg, spec);
        break;
    case OPT_SIZE:
        *FIELD(cfg, spec->offset, size_t) = (size_t)opt_integer(L, arg, spec);
        break;
    case OPT_NUMBER: {
        double v;
        if (lua_type(L, -1) != LUA_TNUMBER)
            opt_error(L, arg, spec->name, "a number");
        v = (double)lua_tonumber(L, -1);
        /* Written so that NaN fails every comparison and is refused. */
        if (!(spec->min_open ? v > spec->min : v >= spec->min) ||
            !(spec->max_open ? v < spec->max : v <= spec->max)) {
            const char *lo = push_bound(L, spec->min), *hi = push_bound(L, spec->max);
            lua_pushfstring(L, "a number in %s%s, %s%s", spec->min_open ? "(" : "[", lo, hi,
                            spec->max_open ? ")" : "]");
            opt_error(L, arg, spec->name, lua_tostring(L, -1));
        }
        *FIELD(cfg, spec->offset, double) = v;
        break;
    }
    case OPT_FLAG:
        if (lua_type(L, -1) != LUA_TBOOLEAN)
            opt_error(L, arg, spec->name, "a boolean");
        if (lua_toboolean(L, -1))
            *FIELD(cfg, spec->offset, uint32_t) |= spec->bit;
        else
            *FIELD(cfg, spec->offset, uint32_t) &= ~spec->bit;
        break;
    case OPT_STRING:
        if (lua_type(L, -1) != LUA_TSTRING)
            opt_error(L, arg, spec->name, "a string");
        *FIELD(cfg, spec->offset, const char *) = lua_tostring(L, -1);
        break;
    case OPT_STRINGS:
        opt_strings(L, arg, spec, cfg);
        break;
    }
}

static void config_defaults(config *cfg)
{
    memset(cfg, 0, sizeof *cfg);
    summ_options_init(&cfg->opts, SUMM_OPTIONS_VERSION);
    summ_lang_config_init(&cfg->lang, SUMM_LANG_CONFIG_VERSION);
    cfg->language = "en";
}

/* Reads the options table at `arg` into base, by the rows of specs (nil or
 * none leaves base as it is). Raises on an unknown key or a value of the
 * wrong type or range. May leave values on the stack above arg; the caller
 * keeps them until the C objects exist. */
static void parse_table(lua_State *L, int arg, const opt_spec *specs, size_t n_specs, void *base)
{
    size_t i;

    if (lua_isnoneornil(L, arg))
        return;
    luaL_checktype(L, arg, LUA_TTABLE);
    /* Raw reads: a value an __index function made up would be referenced
     * by nothing once popped, and its string could be collected while C
     * still points at it. */
    for (i = 0; i < n_specs; i++) {
        lua_pushstring(L, specs[i].name);
        lua_rawget(L, arg);
        if (!lua_isnil(L, -1))
            opt_apply(L, arg, &specs[i], base);
        lua_pop(L, 1);
    }
    /* A misspelt option must not be silently ignored. */
    lua_pushnil(L);
    while (lua_next(L, arg)) {
        int known = 0;
        lua_pop(L, 1);
        if (lua_type(L, -1) == LUA_TSTRING) {
            const char *key = lua_tostring(L, -1);
            for (i = 0; i < n_specs && !known; i++)
                known = strcmp(key, specs[i].name) == 0;
        }
        if (!known) {
            if (lua_type(L, -1) == LUA_TSTRING)
                lua_pushfstring(L, "unknown option '%s'", lua_tostring(L, -1));
            else
                lua_pushfstring(L, "option keys must be strings, not %s", luaL_typename(L, -1));
            luaL_argerror(L, arg, lua_tostring(L, -1));
        }
    }
}

static void config_parse(lua_State *L, int arg, config *cfg)
{
    config_defaults(cfg);
    parse_table(L, arg, option_specs, sizeof option_specs / sizeof option_specs[0], cfg);
}

/* ---- the Summarizer userdata ------------------------------------------- */

/* Every libsumm allocation of a summarizer goes to the Lua state's allocator
 * (lua_Alloc and summ_alloc_fn share one contract), counted so that
 * :memory() can report it. The allocator's ud points into this userdata,
 * which Lua never moves and frees only after __gc has run. */
typedef struct lsumm {
    summ_lang *lang;
    summ_summarizer *s;
    summ_result *r;
    lua_Alloc lua_alloc;
    void *lua_ud;
    size_t bytes;
} lsumm;

/* The collector sees only the small userdata, not the memory libsumm
 * allocated behind it, so it would let thousands of dropped summarizers pile
 * up between cycles. Telling it about growth, as a step of that size, keeps
 * its pace proportional to the memory really held. */
static void gc_account(lua_State *L, const lsumm *o, size_t before)
{
    size_t kib = o->bytes > before ? (o->bytes - before) >> 10 : 0;
#if LUA_VERSION_NUM == 504 && LUA_VERSION_RELEASE_NUM < 50404
    /* Before 5.4.4 lua_gc must not run inside a finalizer, and we cannot
     * tell whether a finalizer is calling us: leave the pace alone. */
    (void)L;
    kib = 0;
#endif
    if (kib)
        lua_gc(L, LUA_GCSTEP, kib > INT_MAX ? INT_MAX : (int)kib);
}

static void *counting_alloc(void *ud, void *ptr, size_t osize, size_t nsize)
{
    lsumm *o = ud;
    void *p;
    if (!ptr)
        osize = 0;
    p = o->lua_alloc(o->lua_ud, ptr, osize, nsize);
    if (nsize == 0)
        o->bytes -= osize;
    else if (p)
        o->bytes = o->bytes - osize + nsize;
    return p;
}

/* The one routine that frees a summarizer: :close(), __close and __gc all
 * call it, so whichever comes first frees, and the rest do nothing. */
static void lsumm_release(lsumm *o)
{
    summ_result_free(o->r);
    o->r = NULL;
    summ_summarizer_free(o->s);
    o->s = NULL;
    summ_lang_free(o->lang); /* after its summarizer, as summ.h requires */
    o->lang = NULL;
}

/* Pushes a new summarizer built from cfg and returns 1, or pushes the
 * failure triple and returns 3. Raises only for option values that libsumm
 * itself refuses as invalid (a programming error), after cleaning up. */
static int lsumm_push_new(lua_State *L, const config *cfg, int arg)
{
    summ_options opts = cfg->opts;
    summ_allocator alloc;
    lsumm *o;
    int rc;

    if (cfg->algorithm) {
        rc = summ_algorithm_from_name(cfg->algorithm);
        if (rc < 0) {
            lua_pushfstring(L, "unknown algorithm '%s'", cfg->algorithm);
            return push_fail(L, rc, lua_tostring(L, -1));
        }
        opts.algorithm = rc;
    }

    o = new_userdata(L, sizeof *o);
    memset(o, 0, sizeof *o);
    o->lua_alloc = lua_getallocf(L, &o->lua_ud);
    luaL_getmetatable(L, SUMMARIZER_MT);
    lua_setmetatable(L, -2);
    /* From here on __gc owns whatever gets created. */
    alloc.fn = counting_alloc;
    alloc.ud = o;

    rc = summ_lang_new_ex(&o->lang, cfg->language, &cfg->lang, &alloc);
    if (rc == SUMM_E_UNKNOWN_LANG) {
        lua_pushfstring(L, "unknown language '%s'", cfg->language);
        return push_fail(L, rc, lua_tostring(L, -1));
    }
    if (rc == 0)
        rc = summ_summarizer_new(&o->s, o->lang, &opts, &alloc);
    if (rc == 0)
        rc = summ_result_new(&o->r, &alloc);
    if (rc < 0) {
        lsumm_release(o);
        if (rc == SUMM_E_INVALID_ARG)
            return luaL_argerror(L, arg, "invalid option value");
        return push_fail(L, rc, NULL);
    }
    return 1;
}

static lsumm *check_open(lua_State *L, int arg)
{
    lsumm *o = luaL_checkudata(L, arg, SUMMARIZER_MT);
    if (!o->s)
        luaL_argerror(L, arg, "summarizer is closed");
    return o;
}

enum run_mode { RUN_SUMMARIZE, RUN_SPLIT, RUN_SCORES };

/* Runs one call and copies its spans into a new userdata pushed on the
 * stack (so nothing later can invalidate them, not even a finalizer that
 * reuses this summarizer). Returns the number of spans, or -1 after pushing
 * the failure triple. */
static long run_copy(lua_State *L, lsumm *o, enum run_mode mode, const char *text, size_t len,
                     const summ_span **spans_out)
{
    summ_span *copy;
    size_t n;
    int rc;

    if (mode == RUN_SPLIT)
        rc = summ_split_sentences(o->s, text, len, o->r);
    else if (mode == RUN_SCORES)
        rc = summ_score_sentences(o->s, text, len, o->r);
    else
        rc = summ_summarize(o->s, text, len, o->r);
    if (rc < 0) {
        push_fail(L, rc, summ_summarizer_errmsg(o->s));
        return -1;
    }
    n = summ_result_count(o->r);
    copy = new_userdata(L, (n ? n : 1) * sizeof *copy);
    if (n)
        memcpy(copy, summ_result_spans(o->r), n * sizeof *copy);
    *spans_out = copy;
    return (long)n;
}

static void set_count(lua_State *L, const char *key, size_t v)
{
    push_count(L, v);
    lua_setfield(L, -2, key);
}

/* Positions in Lua are 1-based and inclusive, so a span [start, end) in C
 * becomes start + 1 .. end: text:sub(start, stop) is the sentence. The
 * sentence index is 1-based too. */
static void push_spans(lua_State *L, const char *text, const summ_span *sp, long n)
{
    long i;
    lua_createtable(L, (int)n, 0);
    for (i = 0; i < n; i++) {
        lua_createtable(L, 0, 5);
        lua_pushlstring(L, text + sp[i].start, sp[i].end - sp[i].start);
        lua_setfield(L, -2, "text");
        set_count(L, "start", sp[i].start + 1);
        set_count(L, "stop", sp[i].end);
        set_count(L, "index", (size_t)sp[i].sentence + 1);
        lua_pushnumber(L, (lua_Number)sp[i].score);
        lua_setfield(L, -2, "score");
        lua_rawseti(L, -2, (int)(i + 1));
    }
}

static int method_run(lua_State *L, enum run_mode mode)
{
    lsumm *o = check_open(L, 1);
    size_t len;
    const char *text = luaL_checklstring(L, 2, &len);
    const summ_span *spans;
    size_t before = o->bytes;
    long n = run_copy(L, o, mode, text, len, &spans);
    /* Only after the copy: a finalizer run by this step may reuse o. */
    gc_account(L, o, before);
    if (n < 0)
        return 3;
    push_spans(L, text, spans, n);
    return 1;
}

static int m_summarize(lua_State *L)
{
    return method_run(L, RUN_SUMMARIZE);
}

static int m_split(lua_State *L)
{
    return method_run(L, RUN_SPLIT);
}

static int m_scores(lua_State *L)
{
    return method_run(L, RUN_SCORES);
}

static int m_close(lua_State *L)
{
    lsumm_release(luaL_checkudata(L, 1, SUMMARIZER_MT));
    return 0;
}

static int m_memory(lua_State *L)
{
    lsumm *o = luaL_checkudata(L, 1, SUMMARIZER_MT);
    push_count(L, o->bytes);
    return 1;
}

static int m_tostring(lua_State *L)
{
    lsumm *o = luaL_checkudata(L, 1, SUMMARIZER_MT);
    summ_options opts;
    if (!o->s) {
        lua_pushfstring(L, SUMMARIZER_MT " (closed): %p", (void *)o);
        return 1;
    }
    summ_options_init(&opts, SUMM_OPTIONS_VERSION);
    summ_summarizer_get_options(o->s, &opts);
    lua_pushfstring(L, SUMMARIZER_MT " (%s, %s): %p", summ_lang_code(o->lang),
                    summ_algorithm_name(opts.algorithm), (void *)o);
    return 1;
}

/* ---- module functions -------------------------------------------------- */

static int l_new(lua_State *L)
{
    config cfg;
    config_parse(L, 1, &cfg);
    if (lsumm_push_new(L, &cfg, 1) != 1)
        return 3;
    gc_account(L, lua_touserdata(L, -1), 0);
    return 1;
}

/* Adds a sentence as the CLI's text format prints it: each line break
 * (CRLF, CR or LF) becomes one space. */
static void add_sentence(luaL_Buffer *b, const char *s, size_t len)
{
    size_t i, run = 0;
    for (i = 0; i < len; i++) {
        if (s[i] != '\n' && s[i] != '\r')
            continue;
        luaL_addlstring(b, s + run, i - run);
        luaL_addchar(b, ' ');
        if (s[i] == '\r' && i + 1 < len && s[i + 1] == '\n')
            i++;
        run = i + 1;
    }
    luaL_addlstring(b, s + run, len - run);
}

static int l_summarize(lua_State *L)
{
    size_t len;
    const char *text = luaL_checklstring(L, 1, &len);
    config cfg;
    lsumm *o;
    const summ_span *spans;
    long i, n;
    luaL_Buffer b;

    config_parse(L, 2, &cfg);
    if (lsumm_push_new(L, &cfg, 2) != 1)
        return 3;
    o = lua_touserdata(L, -1);
    n = run_copy(L, o, RUN_SUMMARIZE, text, len, &spans);
    /* Free the C objects now rather than at the next collection. */
    lsumm_release(o);
    if (n < 0)
        return 3;
    luaL_buffinit(L, &b);
    for (i = 0; i < n; i++) {
        if (i)
            luaL_addchar(&b, '\n');
        add_sentence(&b, text + spans[i].start, spans[i].end - spans[i].start);
    }
    luaL_pushresult(&b);
    return 1;
}

static int l_split(lua_State *L)
{
    size_t len;
    const char *text = luaL_checklstring(L, 1, &len);
    config cfg;
    lsumm *o;
    const summ_span *spans;
    long i, n;

    config_defaults(&cfg);
    cfg.language = luaL_optstring(L, 2, "en");
    if (lsumm_push_new(L, &cfg, 2) != 1)
        return 3;
    o = lua_touserdata(L, -1);
    n = run_copy(L, o, RUN_SPLIT, text, len, &spans);
    lsumm_release(o);
    if (n < 0)
        return 3;
    lua_createtable(L, (int)n, 0);
    for (i = 0; i < n; i++) {
        lua_pushlstring(L, text + spans[i].start, spans[i].end - spans[i].start);
        lua_rawseti(L, -2, (int)(i + 1));
    }
    return 1;
}

static int l_detect_language(lua_State *L)
{
    size_t len;
    const char *text = luaL_checklstring(L, 1, &len);
    const char *code;
    summ_allocator alloc;
    int rc;

    /* Scratch memory only, all of it freed before the call returns. */
    alloc.fn = lua_getallocf(L, &alloc.ud);
    rc = summ_detect_language(&code, text, len, &alloc);
    if (rc < 0)
        return push_fail(L, rc, NULL);
    lua_pushstring(L, code);
    return 1;
}

/* ---- ROUGE ------------------------------------------------------------- */

typedef struct rouge_config {
    summ_rouge_options opts;
    const char *tokenizer;
} rouge_config;

#undef CFG
#define CFG(field) offsetof(rouge_config, field)
static const opt_spec rouge_specs[] = {
    STRING("tokenizer", tokenizer),
    STRING("stemmer", opts.stemmer),
    UINT32("stem_min_length", opts.stem_min_length, 0, UINT32_MAX),
};

/* A scorer lives only for one call, but in a userdata with __gc all the
 * same, so that a raise while it exists cannot leak it. */
typedef struct lrouge {
    summ_rouge *r;
} lrouge;

static int rouge_gc(lua_State *L)
{
    lrouge *o = luaL_checkudata(L, 1, ROUGE_MT);
    summ_rouge_free(o->r);
    o->r = NULL;
    return 0;
}

static void set_double(lua_State *L, const char *key, double v)
{
    lua_pushnumber(L, (lua_Number)v);
    lua_setfield(L, -2, key);
}

static int l_rouge(lua_State *L)
{
    size_t cand_len, i, n_refs;
    const char *cand = luaL_checklstring(L, 1, &cand_len);
    const char *metric_name = luaL_checkstring(L, 3);
    const char **refs;
    size_t *ref_lens;
    rouge_config cfg;
    summ_allocator alloc;
    summ_rouge_result res;
    unsigned int n;
    int metric, rc;
    lrouge *o;

    if (summ_rouge_metric_parse(metric_name, &metric, &n) < 0)
        return luaL_argerror(L, 3, "metric must be rouge1, rouge2, ..., rougeL or rougeLsum");
    memset(&cfg, 0, sizeof cfg);
    summ_rouge_options_init(&cfg.opts, SUMM_ROUGE_OPTIONS_VERSION);
    parse_table(L, 4, rouge_specs, sizeof rouge_specs / sizeof rouge_specs[0], &cfg);
    if (cfg.tokenizer && strcmp(cfg.tokenizer, "unicode") == 0)
        cfg.opts.tokenizer = SUMM_ROUGE_TOKENIZER_UNICODE;
    else if (cfg.tokenizer && strcmp(cfg.tokenizer, "ascii") != 0)
        return luaL_argerror(L, 4, "option 'tokenizer' must be \"ascii\" or \"unicode\"");

    /* The references: one string or an array of them, anchored by arg 2. */
    if (lua_type(L, 2) == LUA_TTABLE) {
        n_refs = lua_rawlen(L, 2);
        luaL_argcheck(L, n_refs > 0, 2, "no references");
    } else {
        luaL_checkstring(L, 2);
        n_refs = 1;
    }
    refs = new_userdata(L, n_refs * sizeof *refs);
    ref_lens = new_userdata(L, n_refs * sizeof *ref_lens);
    for (i = 0; i < n_refs; i++) {
        if (lua_type(L, 2) == LUA_TTABLE) {
            lua_rawgeti(L, 2, (int)(i + 1));
            if (lua_type(L, -1) != LUA_TSTRING)
                luaL_argerror(L, 2, "references must be strings");
            refs[i] = lua_tolstring(L, -1, &ref_lens[i]);
            lua_pop(L, 1);
        } else {
            refs[i] = lua_tolstring(L, 2, &ref_lens[i]);
        }
    }

    o = new_userdata(L, sizeof *o);
    o->r = NULL;
    luaL_getmetatable(L, ROUGE_MT);
    lua_setmetatable(L, -2);
    alloc.fn = lua_getallocf(L, &alloc.ud);
    rc = summ_rouge_new(&o->r, &cfg.opts, &alloc);
    if (rc == SUMM_E_INVALID_ARG)
        return luaL_argerror(L, 4, "no libstemmer algorithm with that stemmer name");
    if (rc == 0) {
        rc = summ_rouge_score(o->r, metric, n, cand, cand_len, refs, ref_lens, n_refs, &res);
        if (rc < 0)
            push_fail(L, rc, summ_rouge_errmsg(o->r));
    } else {
        push_fail(L, rc, NULL);
    }
    summ_rouge_free(o->r);
    o->r = NULL;
    if (rc < 0)
        return 3;
    lua_createtable(L, 0, 4);
    set_double(L, "precision", res.precision);
    set_double(L, "recall", res.recall);
    set_double(L, "f1", res.f1);
    set_count(L, "reference", res.reference + 1);
    return 1;
}

static int push_string_list(lua_State *L, const char *const *list)
{
    int i;
    lua_newtable(L);
    for (i = 0; list[i]; i++) {
        lua_pushstring(L, list[i]);
        lua_rawseti(L, -2, i + 1);
    }
    return 1;
}

static int l_languages(lua_State *L)
{
    return push_string_list(L, summ_lang_list());
}

static int l_algorithms(lua_State *L)
{
    return push_string_list(L, summ_algorithm_list());
}

static const luaL_Reg summarizer_methods[] = {
    { "summarize", m_summarize },
    { "split", m_split },
    { "scores", m_scores },
    { "close", m_close },
    { "memory", m_memory },
    { NULL, NULL },
};

static const luaL_Reg summarizer_meta[] = {
    { "__gc", m_close },
    { "__close", m_close }, /* Lua 5.4 to-be-closed variables; unused before */
    { "__tostring", m_tostring },
    { NULL, NULL },
};

static const luaL_Reg module_functions[] = {
    { "summarize", l_summarize },
    { "new", l_new },
    { "split", l_split },
    { "languages", l_languages },
    { "algorithms", l_algorithms },
    { "detect_language", l_detect_language },
    { "rouge", l_rouge },
    { NULL, NULL },
};

#if defined(__GNUC__) && __GNUC__ >= 4
__attribute__((visibility("default")))
#endif
int luaopen_libsumm(lua_State *L);

int luaopen_libsumm(lua_State *L)
{
    luaL_newmetatable(L, SUMMARIZER_MT);
    luaL_setfuncs(L, summarizer_meta, 0);
    luaL_newlib(L, summarizer_methods);
    lua_setfield(L, -2, "__index");
    lua_pushliteral(L, SUMMARIZER_MT);
    lua_setfield(L, -2, "__name");
    lua_pop(L, 1);

    luaL_newmetatable(L, ROUGE_MT);
    lua_pushcfunction(L, rouge_gc);
    lua_setfield(L, -2, "__gc");
    lua_pop(L, 1);

    luaL_newlib(L, module_functions);
    lua_pushliteral(L, "libsumm");
    lua_setfield(L, -2, "_NAME");
    lua_pushstring(L, summ_version_string());
    lua_setfield(L, -2, "_VERSION");
    return 1;
}
