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

/* ---- options: the library's option table, plus the language's keys ---- */

/* Everything an options table can set, parsed before any C object exists.
 * A name that is no algorithm depends on the input rather than being a
 * programming error, so it does not raise: its status and message wait
 * here and are returned as the failure triple. */
typedef struct config {
    summ_options opts;
    summ_lang_config lang;
    const char *language;
    int status;
    char message[SUMM_OPTION_ERRMSG_SIZE];
} config;

/* The keys that configure the language: they are not rows of the table. */
static const char *const lang_keys[] = { "language", "stopwords", "abbreviations" };
#define N_LANG_KEYS (sizeof lang_keys / sizeof lang_keys[0])

/* summ_options_set() cannot set a word list, and the table does not say
 * which struct fields hold one, so the WORDS rows are found here by name. */
static const struct word_field {
    const char *row;
    size_t list, count;
} word_fields[] = {
    { "cue_words", offsetof(summ_options, cue_words), offsetof(summ_options, n_cue_words) },
    { "stigma_words", offsetof(summ_options, stigma_words),
      offsetof(summ_options, n_stigma_words) },
};

#define FIELD(base, off, type) ((type *)(void *)((char *)(base) + (off)))

/* Raises for the value on top of the stack, which is not of a type `name`
 * takes. */
static int type_error(lua_State *L, int arg, const char *name, const char *want)
{
    const char *got = luaL_typename(L, -1);
    lua_pushfstring(L, "%s: expected %s, got %s", name, want, got);
    return luaL_argerror(L, arg, lua_tostring(L, -1));
}

/* Pushes t[name] of the table at arg, read raw: a value an __index function
 * made up would be referenced by nothing once popped, and its string could
 * be collected while C still points at it. Returns whether it is not nil. */
static int raw_field(lua_State *L, int arg, const char *name)
{
    lua_pushstring(L, name);
    lua_rawget(L, arg);
    return !lua_isnil(L, -1);
}

/* Reads the array of strings on top of the stack. Its strings stay valid
 * because the options table holds them and stays on the stack until the C
 * objects are built; the array of pointers is a userdata left below the
 * value for the same reason. */
static const char *const *read_words(lua_State *L, int arg, const char *name, size_t *n_out)
{
    size_t i, n;
    const char **list;
    if (lua_type(L, -1) != LUA_TTABLE)
        type_error(L, arg, name, "an array of strings");
    n = lua_rawlen(L, -1);
    list = new_userdata(L, (n ? n : 1) * sizeof *list);
    lua_insert(L, -2);
    for (i = 0; i < n; i++) {
        lua_rawgeti(L, -1, (int)(i + 1));
        if (lua_type(L, -1) != LUA_TSTRING) {
            lua_pushfstring(L, "%s: item %d is not a string but %s", name, (int)(i + 1),
                            luaL_typename(L, -1));
            luaL_argerror(L, arg, lua_tostring(L, -1));
        }
        list[i] = lua_tostring(L, -1);
        lua_pop(L, 1);
    }
    *n_out = n;
    return list;
}

static void set_words(lua_State *L, int arg, const char *name, config *cfg)
{
    size_t i;
    for (i = 0; i < sizeof word_fields / sizeof word_fields[0]; i++) {
        if (strcmp(word_fields[i].row, name) == 0) {
            const struct word_field *f = &word_fields[i];
            *FIELD(&cfg->opts, f->list, const char *const *) =
                read_words(L, arg, name, FIELD(&cfg->opts, f->count, size_t));
            return;
        }
    }
    lua_pushfstring(L, "%s: this module cannot set that word list", name);
    luaL_argerror(L, arg, lua_tostring(L, -1));
}

/* Sets the option of row `info` from the value on top of the stack: a
 * number, a string as a user types it, a boolean for an on/off option, an
 * array of strings for a word list. The library checks the value. */
static void set_option(lua_State *L, int arg, const summ_option_info *info, config *cfg)
{
    const char *want = info->type == SUMM_OPTION_BOOL ? "a boolean, a number or a string"
                                                      : "a number or a string";
    char err[SUMM_OPTION_ERRMSG_SIZE];
    int rc;

    if (info->type == SUMM_OPTION_WORDS) {
        set_words(L, arg, info->name, cfg);
        return;
    }
    switch (lua_type(L, -1)) {
    case LUA_TNUMBER:
        rc = summ_options_set_number(&cfg->opts, info->name, (double)lua_tonumber(L, -1), err,
                                     sizeof err);
        break;
    case LUA_TSTRING:
        rc = summ_options_set(&cfg->opts, info->name, lua_tostring(L, -1), err, sizeof err);
        break;
    case LUA_TBOOLEAN:
        if (info->type != SUMM_OPTION_BOOL)
            type_error(L, arg, info->name, want);
        rc = summ_options_set_number(&cfg->opts, info->name, lua_toboolean(L, -1) ? 1.0 : 0.0,
                                     err, sizeof err);
        break;
    default:
        type_error(L, arg, info->name, want);
        return;
    }
    if (rc == SUMM_E_UNKNOWN_ALGO) {
        if (cfg->status == 0) {
            cfg->status = rc;
            memcpy(cfg->message, err, sizeof err);
        }
    } else if (rc < 0) {
        luaL_argerror(L, arg, err);
    }
}

static int is_summarizer_key(const char *key)
{
    const summ_option_info *info = summ_option_find(key);
    size_t i;
    for (i = 0; i < N_LANG_KEYS; i++)
        if (strcmp(key, lang_keys[i]) == 0)
            return 1;
    /* The exact name: summ_option_find() also takes "Max-Iterations". */
    return info && strcmp(key, info->name) == 0;
}

/* A misspelt option must not be silently ignored. */
static void refuse_unknown_keys(lua_State *L, int arg, int (*known)(const char *key))
{
    lua_pushnil(L);
    while (lua_next(L, arg)) {
        lua_pop(L, 1);
        if (lua_type(L, -1) != LUA_TSTRING) {
            lua_pushfstring(L, "option keys must be strings, not %s", luaL_typename(L, -1));
            luaL_argerror(L, arg, lua_tostring(L, -1));
        }
        if (!known(lua_tostring(L, -1))) {
            lua_pushfstring(L, "unknown option '%s'", lua_tostring(L, -1));
            luaL_argerror(L, arg, lua_tostring(L, -1));
        }
    }
}

static void config_defaults(config *cfg)
{
    memset(cfg, 0, sizeof *cfg);
    summ_options_init(&cfg->opts, SUMM_OPTIONS_VERSION);
    summ_lang_config_init(&cfg->lang, SUMM_LANG_CONFIG_VERSION);
    cfg->language = "auto";
}

/* Reads the options table at `arg` (nil or none: the defaults): every row
 * of the library's table by its name, then the language's keys. Raises on
 * an unknown key or a value the library refuses. May leave values on the
 * stack above arg; the caller keeps them until the C objects exist. */
static void config_parse(lua_State *L, int arg, config *cfg)
{
    size_t i, n_rows = summ_option_count();

    config_defaults(cfg);
    if (lua_isnoneornil(L, arg))
        return;
    luaL_checktype(L, arg, LUA_TTABLE);
    refuse_unknown_keys(L, arg, is_summarizer_key);
    for (i = 0; i < n_rows; i++) {
        const summ_option_info *info = summ_option_at(i);
        if (raw_field(L, arg, info->name))
            set_option(L, arg, info, cfg);
        lua_pop(L, 1);
    }
    if (raw_field(L, arg, "language")) {
        if (lua_type(L, -1) != LUA_TSTRING)
            type_error(L, arg, "language", "a string");
        cfg->language = lua_tostring(L, -1);
    }
    lua_pop(L, 1);
    if (raw_field(L, arg, "stopwords"))
        cfg->lang.extra_stopwords = read_words(L, arg, "stopwords", &cfg->lang.n_extra_stopwords);
    lua_pop(L, 1);
    if (raw_field(L, arg, "abbreviations"))
        cfg->lang.extra_abbreviations =
            read_words(L, arg, "abbreviations", &cfg->lang.n_extra_abbreviations);
    lua_pop(L, 1);
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
    summ_keyphrases *k; /* made by the first :keywords() */
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
    summ_keyphrases_free(o->k);
    o->k = NULL;
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
    summ_allocator alloc;
    lsumm *o;
    int rc;

    if (cfg->status < 0)
        return push_fail(L, cfg->status, cfg->message);
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
        rc = summ_summarizer_new(&o->s, o->lang, &cfg->opts, &alloc);
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
 * reuses this summarizer), and gives the code of the language used (static
 * storage: the detected one for "auto"). Returns the number of spans, or -1
 * after pushing the failure triple. */
static long run_copy(lua_State *L, lsumm *o, enum run_mode mode, const char *text, size_t len,
                     const summ_span **spans_out, const char **lang_out,
                     summ_explain *explain_out)
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
    *lang_out = summ_result_language(o->r);
    if (explain_out) {
        explain_out->version = SUMM_EXPLAIN_VERSION;
        if (summ_result_explain(o->r, explain_out) < 0)
            explain_out->has_evidence = 0;
    }
    return (long)n;
}

static void set_count(lua_State *L, const char *key, size_t v)
{
    push_count(L, v);
    lua_setfield(L, -2, key);
}

/* The adaptive algorithm's evidence as the `explain` field of the table on
 * top of the stack (left out when the algorithm has none). */
static void set_explain(lua_State *L, const summ_explain *e)
{
    if (!e->has_evidence)
        return;
    lua_createtable(L, 0, 5);
    lua_pushstring(L, summ_algorithm_name(e->algorithm));
    lua_setfield(L, -2, "algorithm");
    lua_pushinteger(L, (lua_Integer)e->sentences);
    lua_setfield(L, -2, "sentences");
    lua_pushnumber(L, e->summary_share);
    lua_setfield(L, -2, "summary_share");
    lua_pushnumber(L, e->position_centrality);
    lua_setfield(L, -2, "position_centrality");
    lua_pushnumber(L, e->lede_weight);
    lua_setfield(L, -2, "lede_weight");
    lua_setfield(L, -2, "explain");
}

static void set_language(lua_State *L, const char *code)
{
    lua_pushstring(L, code);
    lua_setfield(L, -2, "language");
}

/* Positions in Lua are 1-based and inclusive, so a span [start, end) in C
 * becomes start + 1 .. end: text:sub(start, stop) is the sentence. The
 * sentence index is 1-based too. The array's `language` field names the
 * language used. */
static void push_spans(lua_State *L, const char *text, const summ_span *sp, long n,
                       const char *lang)
{
    long i;
    lua_createtable(L, (int)n, 1);
    set_language(L, lang);
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
    const char *lang;
    summ_explain explain;
    size_t before = o->bytes;
    long n = run_copy(L, o, mode, text, len, &spans, &lang, &explain);
    /* Only after the copy: a finalizer run by this step may reuse o. */
    gc_account(L, o, before);
    if (n < 0)
        return 3;
    push_spans(L, text, spans, n, lang);
    set_explain(L, &explain);
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

/* The keyphrases of the last call copied into one userdata pushed on the
 * stack, for the reason run_copy copies spans: n summ_keyphrase, then their
 * occurrences, each item's pointer into the copy. */
static summ_keyphrase *keyphrases_copy(lua_State *L, const summ_keyphrases *k, size_t *n_out)
{
    size_t i, n = summ_keyphrases_count(k), n_occ = 0;
    summ_keyphrase *items;
    summ_range *occ;
    for (i = 0; i < n; i++) {
        summ_keyphrase kp;
        summ_keyphrases_get(k, i, &kp);
        n_occ += kp.count;
    }
    items = new_userdata(L, (n ? n : 1) * sizeof *items + n_occ * sizeof *occ);
    occ = (summ_range *)(void *)(items + (n ? n : 1));
    for (i = 0; i < n; i++) {
        summ_keyphrases_get(k, i, &items[i]);
        memcpy(occ, items[i].occurrences, items[i].count * sizeof *occ);
        items[i].occurrences = occ;
        occ += items[i].count;
    }
    *n_out = n;
    return items;
}

/* s:keywords(text [, n]): the n best keyphrases (nil or 0: 10), best first,
 * each {text, start, stop, score, count, spans = {{start, stop}, ...}} with
 * 1-based inclusive byte positions as the other methods give; the array's
 * `language` names the language used. */
static int m_keywords(lua_State *L)
{
    lsumm *o = check_open(L, 1);
    size_t len, n, i, j, before = o->bytes;
    const char *text = luaL_checklstring(L, 2, &len);
    lua_Number want = luaL_optnumber(L, 3, 0);
    const summ_keyphrase *items;
    summ_allocator alloc;
    int rc;

    luaL_argcheck(L, want >= 0 && want == floor(want), 3, "a whole number >= 0 expected");
    alloc.fn = counting_alloc;
    alloc.ud = o;
    rc = o->k ? SUMM_OK : summ_keyphrases_new(&o->k, &alloc);
    if (rc == SUMM_OK)
        rc = summ_extract_keyphrases(o->s, text, len,
                                     want > (lua_Number)SIZE_MAX / 2 ? SIZE_MAX / 2 : (size_t)want,
                                     o->k);
    if (rc < 0) {
        gc_account(L, o, before);
        return push_fail(L, rc, summ_summarizer_errmsg(o->s));
    }
    items = keyphrases_copy(L, o->k, &n);
    gc_account(L, o, before);
    lua_createtable(L, (int)n, 1);
    set_language(L, summ_keyphrases_language(o->k));
    for (i = 0; i < n; i++) {
        lua_createtable(L, 0, 6);
        lua_pushlstring(L, text + items[i].start, items[i].end - items[i].start);
        lua_setfield(L, -2, "text");
        set_count(L, "start", items[i].start + 1);
        set_count(L, "stop", items[i].end);
        lua_pushnumber(L, (lua_Number)items[i].score);
        lua_setfield(L, -2, "score");
        set_count(L, "count", items[i].count);
        lua_createtable(L, (int)items[i].count, 0);
        for (j = 0; j < items[i].count; j++) {
            lua_createtable(L, 0, 2);
            set_count(L, "start", items[i].occurrences[j].start + 1);
            set_count(L, "stop", items[i].occurrences[j].end);
            lua_rawseti(L, -2, (int)(j + 1));
        }
        lua_setfield(L, -2, "spans");
        lua_rawseti(L, -2, (int)(i + 1));
    }
    return 1;
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
    const char *lang;
    long i, n;
    luaL_Buffer b;

    config_parse(L, 2, &cfg);
    if (lsumm_push_new(L, &cfg, 2) != 1)
        return 3;
    o = lua_touserdata(L, -1);
    n = run_copy(L, o, RUN_SUMMARIZE, text, len, &spans, &lang, NULL);
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
    lua_pushstring(L, lang);
    return 2;
}

static int l_split(lua_State *L)
{
    size_t len;
    const char *text = luaL_checklstring(L, 1, &len);
    config cfg;
    lsumm *o;
    const summ_span *spans;
    const char *lang;
    long i, n;

    config_defaults(&cfg);
    cfg.language = luaL_optstring(L, 2, "auto");
    if (lsumm_push_new(L, &cfg, 2) != 1)
        return 3;
    o = lua_touserdata(L, -1);
    n = run_copy(L, o, RUN_SPLIT, text, len, &spans, &lang, NULL);
    lsumm_release(o);
    if (n < 0)
        return 3;
    lua_createtable(L, (int)n, 1);
    set_language(L, lang);
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

/* ROUGE's options are not summ_options: the library has no table of
 * them, so they are read here. */
static const char *const rouge_keys[] = { "tokenizer", "stemmer", "stem_min_length" };

static int is_rouge_key(const char *key)
{
    size_t i;
    for (i = 0; i < sizeof rouge_keys / sizeof rouge_keys[0]; i++)
        if (strcmp(key, rouge_keys[i]) == 0)
            return 1;
    return 0;
}

/* Reads the ROUGE options table at arg into opts (nil or none: defaults).
 * The stemmer's name stays valid as the table on the stack holds it. */
static void rouge_parse(lua_State *L, int arg, summ_rouge_options *opts)
{
    summ_rouge_options_init(opts, SUMM_ROUGE_OPTIONS_VERSION);
    if (lua_isnoneornil(L, arg))
        return;
    luaL_checktype(L, arg, LUA_TTABLE);
    refuse_unknown_keys(L, arg, is_rouge_key);
    if (raw_field(L, arg, "tokenizer")) {
        const char *name = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : "";
        if (strcmp(name, "unicode") == 0)
            opts->tokenizer = SUMM_ROUGE_TOKENIZER_UNICODE;
        else if (strcmp(name, "ascii") != 0)
            luaL_argerror(L, arg, "tokenizer: expected \"ascii\" or \"unicode\"");
    }
    lua_pop(L, 1);
    if (raw_field(L, arg, "stemmer")) {
        if (lua_type(L, -1) != LUA_TSTRING)
            type_error(L, arg, "stemmer", "a string");
        opts->stemmer = lua_tostring(L, -1);
    }
    lua_pop(L, 1);
    if (raw_field(L, arg, "stem_min_length")) {
        lua_Number v = lua_tonumber(L, -1);
        if (lua_type(L, -1) != LUA_TNUMBER || v != floor(v) || v < 0 || v > UINT32_MAX)
            luaL_argerror(L, arg, "stem_min_length: expected a whole number from 0 to 4294967295");
        opts->stem_min_length = (uint32_t)v;
    }
    lua_pop(L, 1);
}

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
    summ_rouge_options opts;
    summ_allocator alloc;
    summ_rouge_result res;
    unsigned int n;
    int metric, rc;
    lrouge *o;

    if (summ_rouge_metric_parse(metric_name, &metric, &n) < 0)
        return luaL_argerror(L, 3, "metric must be rouge1, rouge2, ..., rougeL or rougeLsum");
    rouge_parse(L, 4, &opts);

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
    rc = summ_rouge_new(&o->r, &opts, &alloc);
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

/* The library names its option types by number only. */
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

static void set_string(lua_State *L, const char *key, const char *v)
{
    if (!v)
        return; /* nil: the field is absent */
    lua_pushstring(L, v);
    lua_setfield(L, -2, key);
}

/* Bounds and defaults of whole-number rows are integers where Lua has them. */
static void set_bound(lua_State *L, const char *key, const summ_option_info *info, double v)
{
    if (info->type == SUMM_OPTION_UINT || info->type == SUMM_OPTION_BOOL) {
        push_count(L, v);
        lua_setfield(L, -2, key);
    } else {
        set_double(L, key, v);
    }
}

static void set_boolean(lua_State *L, const char *key, int v)
{
    lua_pushboolean(L, v);
    lua_setfield(L, -2, key);
}

/* Every row of the library's option table, in its order. */
static int l_options(lua_State *L)
{
    size_t i, n = summ_option_count();
    lua_createtable(L, (int)n, 0);
    for (i = 0; i < n; i++) {
        const summ_option_info *info = summ_option_at(i);
        lua_createtable(L, 0, 12);
        set_string(L, "name", info->name);
        set_string(L, "type", option_type_name(info->type));
        set_string(L, "group", info->group);
        set_string(L, "doc", info->doc);
        set_string(L, "value_name", info->value_name);
        set_bound(L, "min", info, info->min);
        set_bound(L, "max", info, info->max);
        set_boolean(L, "min_open", info->min_open);
        set_boolean(L, "max_open", info->max_open);
        set_bound(L, "default", info, info->default_value);
        set_string(L, "default_text", info->default_text);
        set_string(L, "off_text", info->off_text);
        if (info->type == SUMM_OPTION_CHOICE && info->choices && info->choices[0]) {
            push_string_list(L, info->choices + 1); /* the names but "default" */
            lua_setfield(L, -2, "choices");
        }
        lua_rawseti(L, -2, (int)(i + 1));
    }
    return 1;
}

static const luaL_Reg summarizer_methods[] = {
    { "summarize", m_summarize },
    { "split", m_split },
    { "scores", m_scores },
    { "keywords", m_keywords },
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
    { "options", l_options },
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
