/*
 * libsumm — extractive text summarization.
 *
 * This is the only public header. It is self-contained, compiles as C99 and
 * as C++, and declares everything a program needs to split text into
 * sentences, score them and pick a summary.
 *
 * Conventions (they hold for every function unless its comment says otherwise)
 *  - Functions that can fail return int: 0 (SUMM_OK) or a negative summ_status.
 *    Out-parameters come first; on failure *out is set to NULL.
 *  - Objects returned through `**out` belong to the caller and are released
 *    with the matching `_free`, which accepts NULL.
 *  - Memory allocated by libsumm is released only through libsumm functions.
 *  - Text is UTF-8, passed as pointer + byte length; it need not be
 *    NUL-terminated, may contain NUL bytes and CRLF line ends, and libsumm never
 *    keeps the pointer after a call returns.
 *  - Results are byte offsets into the caller's text, never copies.
 *
 * Threads: libsumm has no global mutable state and needs no init or cleanup
 * call. A summ_lang is immutable and may be shared by any number of threads
 * and summarizers. A summ_summarizer or summ_result may be used by one thread
 * at a time; distinct objects may be used in parallel. summ_strerror,
 * summ_version*, summ_status_name, summ_lang_list, summ_algorithm_* and
 * summ_option_* may be called from any thread at any time. A summ_keyphrases
 * is like a summ_result.
 *
 * Stability: see docs/api-stability.md. Until 1.0 every 0.MINOR release may
 * change the ABI (the soname carries the minor); within a release series the
 * API and ABI are stable. Structs shared with callers: summ_allocator and
 * summ_span are frozen; summ_options and summ_lang_config start with a
 * version field and only ever grow at the end.
 */
#ifndef LIBSUMM_SUMM_H
#define LIBSUMM_SUMM_H

#include <stddef.h>
#include <stdint.h>

#include <libsumm/version.h>

#if defined(_WIN32) && !defined(SUMM_STATIC)
#  ifdef SUMM_BUILDING_DLL
#    define SUMM_API __declspec(dllexport)
#  else
#    define SUMM_API __declspec(dllimport)
#  endif
#elif defined(__GNUC__) && __GNUC__ >= 4
#  define SUMM_API __attribute__((visibility("default")))
#else
#  define SUMM_API
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------------------ */
/** @name Version */

/** Version of the linked library, packed as (major << 16) | (minor << 8) | patch.
 *  Compare with SUMM_VERSION_NUMBER to detect a header/library mismatch. @since 0.1 */
SUMM_API uint32_t summ_version(void);

/** Version of the linked library as a static string, e.g. "0.1.0". @since 0.1 */
SUMM_API const char *summ_version_string(void);

/* ------------------------------------------------------------------------ */
/** @name Errors */

/** Status codes. Values are never renumbered; new codes are appended, so
 *  treat an unknown negative value as a generic failure. */
typedef enum summ_status {
    SUMM_OK = 0,
    SUMM_E_NOMEM = -1,        /**< an allocation failed; the object stays usable */
    SUMM_E_INVALID_ARG = -2,  /**< NULL handle, option out of range, ... */
    SUMM_E_INVALID_UTF8 = -3, /**< text is not UTF-8 (and SUMM_FLAG_LENIENT_UTF8 is unset) */
    SUMM_E_UNKNOWN_LANG = -4, /**< no language with that code or name */
    SUMM_E_VERSION = -5,      /**< a struct's version field is newer than this library */
    SUMM_E_TOO_LARGE = -6,    /**< input over a documented limit (see SUMM_DEFAULT_MAX_INPUT_BYTES) */
    SUMM_E_UNKNOWN_ALGO = -7, /**< no algorithm with that id or name */
    SUMM_E_INTERNAL = -8      /**< a dependency failed in an unexpected way */
} summ_status;

/** A static, human-readable message for a status code; never NULL.
 *  Unknown codes give "unknown error". @since 0.1 */
SUMM_API const char *summ_strerror(int status);

/** A status code's short static name: "ok", "nomem", "invalid_arg",
 *  "invalid_utf8", "unknown_lang", "version", "too_large", "unknown_algo",
 *  "internal"; NULL for an unknown code. Bindings name their errors with it.
 *  @since 0.2 */
SUMM_API const char *summ_status_name(int status);

/* ------------------------------------------------------------------------ */
/** @name Memory */

/** Allocation hook, with the same contract as lua_Alloc:
 *  - nsize == 0: free ptr (which may be NULL) and return NULL;
 *  - ptr == NULL: allocate nsize bytes (osize is 0);
 *  - otherwise: resize ptr from osize to nsize bytes.
 *  Return NULL on failure; libsumm then returns SUMM_E_NOMEM and never aborts.
 *  Memory must be suitably aligned for any object type (as malloc's is). */
typedef void *(*summ_alloc_fn)(void *ud, void *ptr, size_t osize, size_t nsize);

/** An allocator: the hook and its user data. Frozen for the life of the ABI.
 *  Every `const summ_allocator *alloc` parameter accepts NULL, meaning
 *  malloc/realloc/free. The object keeps a copy of the struct; `ud` must stay
 *  valid until the object is freed. Allocations made inside libstemmer (one
 *  stemmer per summarizer) do not go through the hook. */
typedef struct summ_allocator {
    summ_alloc_fn fn;
    void *ud;
} summ_allocator;

/** Frees memory returned by summ_summarize_text(). NULL is a no-op. @since 0.1 */
SUMM_API void summ_free(void *ptr);

/* ------------------------------------------------------------------------ */
/** @name Languages: immutable resources, shareable between threads */

typedef struct summ_lang summ_lang;

/** Language flags for summ_lang_config.flags. */
#define SUMM_LANG_NO_STEMMING (1u << 0)  /**< never stem, even if a stemmer exists */
#define SUMM_LANG_NO_STOPWORDS (1u << 1) /**< ignore the built-in stopword list */

/** Extra settings for summ_lang_new_ex(). Initialise with SUMM_LANG_CONFIG_INIT
 *  or summ_lang_config_init(); fields are only ever appended. */
typedef struct summ_lang_config {
    unsigned int version;                    /**< SUMM_LANG_CONFIG_VERSION; must stay first */
    uint32_t flags;                          /**< SUMM_LANG_*; default 0 */
    const char *const *extra_stopwords;      /**< words added to the stopword list (UTF-8,
                                                  compared case-folded); default NULL */
    size_t n_extra_stopwords;                /**< number of entries in extra_stopwords */
    const char *const *extra_abbreviations;  /**< abbreviations that never end a sentence,
                                                  with or without the final period ("approx.",
                                                  "Ms"); compared case-folded; default NULL */
    size_t n_extra_abbreviations;            /**< number of entries in extra_abbreviations */
} summ_lang_config;

#define SUMM_LANG_CONFIG_VERSION 1
#define SUMM_LANG_CONFIG_INIT { SUMM_LANG_CONFIG_VERSION, 0, NULL, 0, NULL, 0 }

/** Fills *cfg with defaults for the given struct version.
 *  @return 0, SUMM_E_INVALID_ARG (cfg NULL or version 0) or SUMM_E_VERSION. @since 0.1 */
SUMM_API int summ_lang_config_init(summ_lang_config *cfg, unsigned int version);

/** Creates a language object.
 *  @param out   receives the object; the caller frees it with summ_lang_free()
 *               after every summarizer created from it has been freed.
 *  @param code  an ISO 639-1 code ("en"), ISO 639-3 code ("eng") or English
 *               name ("english"), case-insensitive. See summ_lang_list().
 *               "und" is the generic fallback (words by Unicode category, no
 *               stemming, no stopwords). "auto" gives a language that is
 *               chosen for each text by summ_detect_language(); the
 *               summarizer then uses that language's resources (with the same
 *               config) and summ_result_language() reports its code.
 *               summ_lang_code() of such an object is "auto".
 *  @param alloc allocator for the object, or NULL.
 *  @return 0, SUMM_E_UNKNOWN_LANG, SUMM_E_INVALID_ARG or SUMM_E_NOMEM. @since 0.1 */
SUMM_API int summ_lang_new(summ_lang **out, const char *code, const summ_allocator *alloc);

/** Like summ_lang_new(), with extra stopwords, abbreviations and flags.
 *  The strings in cfg are copied; cfg may be NULL. @since 0.1 */
SUMM_API int summ_lang_new_ex(summ_lang **out, const char *code, const summ_lang_config *cfg,
                              const summ_allocator *alloc);

/** Frees a language object. NULL is a no-op. @since 0.1 */
SUMM_API void summ_lang_free(summ_lang *lang);

/** The language's canonical code (ISO 639-1 where one exists, e.g. "en").
 *  Borrowed: valid as long as lang. @since 0.1 */
SUMM_API const char *summ_lang_code(const summ_lang *lang);

/** The language's English name in lower case, e.g. "english". Borrowed. @since 0.1 */
SUMM_API const char *summ_lang_name(const summ_lang *lang);

/** Whether a word (UTF-8, any case) is on the language's stopword list.
 *  For "auto", only the caller's extra stopwords are checked.
 *  @return 1 if it is, 0 if not. @since 0.1 */
SUMM_API int summ_lang_is_stopword(const summ_lang *lang, const char *word, size_t len);

/** The canonical codes of every built-in language: a static, NULL-terminated
 *  array. "auto" (see summ_lang_new_ex()) is not listed: it is not a language
 *  but a choice among these. @since 0.1 */
SUMM_API const char *const *summ_lang_list(void);

/** Guesses the language text[0, len) is written in, from its script, its
 *  function words and its letters, reading no more than the first 16 KiB
 *  and usually far less (docs/LANGUAGES.md describes the method and its
 *  measured accuracy). This is what a summarizer built on the
 *  language "auto" does for each text.
 *  @param code_out receives a canonical code from summ_lang_list(), "und"
 *                  when the language is not one libsumm has resources for or
 *                  the text gives no evidence (e.g. digits only, empty text).
 *                  Static storage.
 *  @param alloc    allocator for scratch memory, or NULL.
 *  Invalid UTF-8 bytes are skipped. Thread-safe.
 *  @return 0, SUMM_E_INVALID_ARG (code_out NULL, or text NULL with len > 0)
 *          or SUMM_E_NOMEM. @since 0.1 */
SUMM_API int summ_detect_language(const char **code_out, const char *text, size_t len,
                                  const summ_allocator *alloc);

/* ------------------------------------------------------------------------ */
/** @name Algorithms */

/** Sentence scoring algorithms. Values are never renumbered. */
typedef enum summ_algorithm {
    SUMM_ALGO_DEFAULT = 0, /**< the library's recommended algorithm (may change between releases) */
    SUMM_ALGO_LEAD = 1,    /**< the first sentences: the baseline news summaries are measured against */
    SUMM_ALGO_TFIDF = 2,   /**< term frequency x inverse sentence frequency, length-normalised */
    SUMM_ALGO_TEXTRANK = 3,      /**< PageRank over word-overlap similarity (Mihalcea & Tarau 2004) */
    SUMM_ALGO_TEXTRANK_BM25 = 4, /**< TextRank with BM25 similarity (Barrios et al. 2016) */
    SUMM_ALGO_LEXRANK = 5,       /**< PageRank over idf-modified cosine (Erkan & Radev 2004) */
    SUMM_ALGO_LUHN = 6,          /**< clusters of significant words (Luhn 1958) */
    SUMM_ALGO_SUMBASIC = 7,      /**< word probability with update (Nenkova & Vanderwende 2005) */
    SUMM_ALGO_KLSUM = 8,         /**< greedy KL divergence (Haghighi & Vanderwende 2009) */
    SUMM_ALGO_LSA = 9,           /**< latent semantic analysis (Steinberger & Jezek 2004) */
    SUMM_ALGO_EDMUNDSON = 10,    /**< cue, key, title and location (Edmundson 1969) */
    SUMM_ALGO_CENTROID = 11,     /**< similarity to the tf-idf centroid (Radev et al. 2004, MEAD) */
    SUMM_ALGO_DEGREE = 12,       /**< sum of a sentence's word-overlap similarities (degree centrality) */
    SUMM_ALGO_PACSUM = 13,       /**< directed centrality: similar to what follows, not to what precedes
                                      (Zheng & Lapata 2019); @since 0.1 */
    SUMM_ALGO_ADAPTIVE = 14      /**< textrank mixed with pacsum by the text's own evidence of a lede
                                      (summ_result_explain() tells why); @since 0.2 */
} summ_algorithm;

/** The algorithm id for a name ("tfidf", "lead", ...; case-insensitive), or
 *  SUMM_E_UNKNOWN_ALGO. "default" gives SUMM_ALGO_DEFAULT. @since 0.1 */
SUMM_API int summ_algorithm_from_name(const char *name);

/** The static name of an algorithm id, or NULL if there is none. For
 *  SUMM_ALGO_DEFAULT it names the algorithm the default stands for. @since 0.1 */
SUMM_API const char *summ_algorithm_name(int algorithm);

/** The names of every algorithm: a static, NULL-terminated array. @since 0.1 */
SUMM_API const char *const *summ_algorithm_list(void);

/* ------------------------------------------------------------------------ */
/** @name Options */

#define SUMM_FLAG_SCORE_ORDER (1u << 0)    /**< spans by descending score; default document order */
#define SUMM_FLAG_LENIENT_UTF8 (1u << 1)   /**< invalid bytes act as separators instead of failing */
#define SUMM_FLAG_NO_STEMMING (1u << 2)    /**< match words without stemming */
#define SUMM_FLAG_KEEP_STOPWORDS (1u << 3) /**< count stopwords as content words */

/** Inputs longer than this many bytes are refused with SUMM_E_TOO_LARGE
 *  unless summ_options.max_input_bytes says otherwise. */
#define SUMM_DEFAULT_MAX_INPUT_BYTES ((size_t)256 << 20)
/** The largest value summ_options.max_input_bytes accepts (4 GiB - 1). */
#define SUMM_MAX_INPUT_BYTES ((size_t)0xFFFFFFFFu)
/** A run of text longer than this with no sentence boundary is cut into pieces
 *  of at most this many bytes, at the last white space when there is one. */
#define SUMM_MAX_SENTENCE_BYTES 4096

/** The value that turns off a feature whose 0 means "the default": accepted
 *  by summ_options.position_weight (docs say which fields take it). */
#define SUMM_OFF (-1.0)

/** Options of a summarizer. Initialise with SUMM_OPTIONS_INIT or
 *  summ_options_init(), or zero the struct and set `version`: every field
 *  whose value is 0 takes its documented default, so the three are the same.
 *  Fields are only ever appended.
 *
 *  The library describes every field in a table (summ_option_at()): name,
 *  type, bounds, default and a line of documentation. Front ends set options
 *  by name through summ_options_set(), with the same checks and messages as
 *  summ_summarizer_new() applies to the struct.
 *
 *  Length budget: max_sentences, ratio, max_words and max_bytes may be
 *  combined; the summary is the best-scoring set of sentences that fits every
 *  budget that is set (non-zero). Sentences that do not fit are skipped, so a
 *  words or bytes budget smaller than every sentence gives an empty summary.
 *  When none is set, ratio 0.2 applies. A ratio always keeps at least one
 *  sentence. */
typedef struct summ_options {
    unsigned int version;   /**< SUMM_OPTIONS_VERSION; must stay first */
    int algorithm;          /**< a summ_algorithm; default SUMM_ALGO_DEFAULT */
    uint32_t max_sentences; /**< at most this many sentences; default 0 (unset) */
    double ratio;           /**< at most ceil(ratio x sentences), in (0, 1]; default 0 (unset) */
    uint32_t max_words;     /**< at most this many words in the summary; default 0 (unset) */
    size_t max_bytes;       /**< at most this many bytes of sentence text, at most
                                 SUMM_MAX_INPUT_BYTES; default 0 (unset) */
    uint32_t flags;         /**< SUMM_FLAG_*; default 0 */
    size_t max_input_bytes; /**< refuse longer input; 0 = SUMM_DEFAULT_MAX_INPUT_BYTES,
                                 at most SUMM_MAX_INPUT_BYTES */
    /* Selection, for every algorithm (docs/ALGORITHMS.md). */
    double mmr_lambda;      /**< redundancy control by maximal marginal relevance: each pick
                                 maximises lambda x score - (1 - lambda) x its largest
                                 similarity to the sentences already picked. In (0, 1];
                                 1 = off; 0 = default SUMM_DEFAULT_MMR_LAMBDA (off) */
    double position_weight; /**< lead bias: the score becomes (1 - w) x the min-max normalised
                                 score + w / sqrt(1 + sentence index). In (0, 1];
                                 0 = default SUMM_DEFAULT_POSITION_WEIGHT; SUMM_OFF = none
                                 (the scorer's own scores). Version 1 and 2 structs, whose
                                 0 meant none, keep that meaning. */
    /* Algorithm parameters; 0 selects the default given for each. */
    double damping;          /**< PageRank damping (textrank, textrank-bm25, lexrank), in
                                  (0, 1); 0 = 0.85 */
    double tolerance;        /**< PageRank stops when the L1 change of the scores (summing to
                                  1) is below this; > 0 and finite; 0 = 1e-6 */
    uint32_t max_iterations; /**< cap on PageRank and LSA power iterations; 0 = 100 */
    double lexrank_threshold; /**< lexrank: 0 = continuous (cosine weights, the default); in
                                  (0, 1) = an edge of weight 1 where the cosine is at least
                                  this */
    uint32_t max_neighbours; /**< similarity graphs keep each sentence's this many strongest
                                  similarities (bounds memory on long texts); 0 = 32 */
    uint32_t lsa_dimensions; /**< lsa: latent topics used; 0 = 3 */
    const char *const *cue_words;    /**< edmundson: bonus words (UTF-8, any case); copied by
                                          summ_summarizer_new/set_options; default NULL */
    size_t n_cue_words;              /**< number of entries in cue_words */
    const char *const *stigma_words; /**< edmundson: stigma words, copied likewise; default NULL */
    size_t n_stigma_words;           /**< number of entries in stigma_words */
    /* Version 3. */
    uint32_t min_sentence_words; /**< sentences of fewer words (stopwords included) are never
                                      picked: drops fragments such as "Yes." or a byline;
                                      0 = default, no minimum. @since 0.2 */
    /* Version 4: keyphrases (summ_extract_keyphrases()); the word ranking also
     * reads damping, tolerance and max_iterations. */
    int keyphrase_algorithm;    /**< a summ_keyphrase_algorithm; default
                                     SUMM_KEYPHRASE_DEFAULT (textrank). @since 0.2 */
    uint32_t keyphrase_window;  /**< words co-occur when at most this many content words
                                     apart, counting both, in [2, 64]; 0 = default
                                     SUMM_DEFAULT_KEYPHRASE_WINDOW. @since 0.2 */
    double lede_weight;         /**< adaptive: the share of the lede-seeking score (pacsum) in its
                                     mix with textrank, in (0, 1]; 0 = default, chosen per text
                                     from its evidence; SUMM_OFF = none (textrank alone).
                                     @since 0.2 */
} summ_options;

/** Default of summ_options.mmr_lambda, chosen by measurement (docs/ALGORITHMS.md). */
#define SUMM_DEFAULT_MMR_LAMBDA 1.0
/** Default of summ_options.position_weight, chosen by measurement (docs/ALGORITHMS.md). */
#define SUMM_DEFAULT_POSITION_WEIGHT 0.25

/** Default of summ_options.keyphrase_window, chosen by measurement (docs/KEYPHRASES.md). */
#define SUMM_DEFAULT_KEYPHRASE_WINDOW 3

/** 5 added lede_weight; 4 added keyphrase_algorithm and keyphrase_window; 3 added
 *  min_sentence_words and made 0 the default of every field; 2 added the
 *  fields from mmr_lambda on; version 1 structs end at max_input_bytes.
 *  Every version still works. */
#define SUMM_OPTIONS_VERSION 5
/** Every field 0: its default. */
#define SUMM_OPTIONS_INIT { SUMM_OPTIONS_VERSION, 0, 0, 0.0, 0, 0, 0, 0, 0.0, 0.0, 0.0, 0.0, \
    0, 0.0, 0, 0, NULL, 0, NULL, 0, 0, 0, 0, 0.0 }

/** Fills *opts with the defaults of the given struct version.
 *  @return 0, SUMM_E_INVALID_ARG (opts NULL or version 0) or SUMM_E_VERSION. @since 0.1 */
SUMM_API int summ_options_init(summ_options *opts, unsigned int version);

/* ------------------------------------------------------------------------ */
/** @name The option table: every summ_options field by name
 *
 * One row per option, in a fixed order. The CLI's long options, the Python
 * keywords and the Lua keys are these names (the CLI writes '-' for '_').
 * Every row accepts 0 (or the string "default") for its default. */

/** Types of option. Values are never renumbered. */
typedef enum summ_option_type {
    SUMM_OPTION_UINT = 1,      /**< a whole number in [min, max] */
    SUMM_OPTION_REAL = 2,      /**< a real number between min and max */
    SUMM_OPTION_BOOL = 3,      /**< on or off: a bit of summ_options.flags */
    SUMM_OPTION_ALGORITHM = 4, /**< an algorithm, by name (summ_algorithm_list()) */
    SUMM_OPTION_WORDS = 5,     /**< a list of words: set through the struct, not by value */
    SUMM_OPTION_CHOICE = 6     /**< one of the names in summ_option_info.choices, stored as
                                    its index (0 = "default"); @since 0.2 */
} summ_option_type;

/** What the library knows about one option. Rows are static and read-only:
 *  never allocate one; fields are only ever appended. */
typedef struct summ_option_info {
    const char *name;         /**< "damping": lower case, words joined by '_' */
    int type;                 /**< a summ_option_type */
    const char *group;        /**< "budget", "method", "algorithm", "keyphrases", "input"
                                   or "output" */
    const char *doc;          /**< one line of documentation, no final period */
    const char *value_name;   /**< placeholder for help text: "N", "R", "NAME", ... */
    double min, max;          /**< bounds of UINT and REAL values (BOOL: 0 and 1) */
    int min_open, max_open;   /**< 1 when that bound itself is excluded */
    double default_value;     /**< the value 0 stands for (0 where it means unset or none) */
    const char *default_text; /**< the default as help shows it: "0.85", "textrank", "unset" */
    const char *off_text;     /**< "off" when the option can be turned off, else NULL */
    double off_value;         /**< the value "off" stores (e.g. 1 for mmr_lambda, SUMM_OFF) */
    unsigned int since_version; /**< the summ_options version that added the field */
    const char *const *choices; /**< CHOICE rows: the names, NULL-terminated; entry i is
                                     stored as i and entry 0 is "default"; NULL for other
                                     types. @since 0.2 */
} summ_option_info;

/** Room for any message the option functions write, NUL included. */
#define SUMM_OPTION_ERRMSG_SIZE 256

/** Number of rows in the option table. @since 0.2 */
SUMM_API size_t summ_option_count(void);

/** Row i of the option table, or NULL when i >= summ_option_count().
 *  Static storage. @since 0.2 */
SUMM_API const summ_option_info *summ_option_at(size_t i);

/** The row of an option by name ('-' and '_' are the same, case-insensitive),
 *  or NULL. @since 0.2 */
SUMM_API const summ_option_info *summ_option_find(const char *name);

/** Sets one option of *opts from text, as a user typed it: a number
 *  ("0.85", "1e-6", "10%" for a ratio in [0, 1]; read the same in every
 *  locale), "default", "off" where the row has off_text, on/off/true/false/
 *  yes/no/1/0 for BOOL, an algorithm name or id for ALGORITHM. Checks the bounds
 *  the library applies to the struct. opts->version must be set; an option
 *  newer than it is refused.
 *  @param err      receives a message on failure, e.g. "damping: 1.5 is
 *                  outside (0, 1)" (may be NULL).
 *  @param err_size size of err (SUMM_OPTION_ERRMSG_SIZE is always enough).
 *  @return 0; SUMM_E_INVALID_ARG (unknown name, bad value, WORDS row) or
 *          SUMM_E_UNKNOWN_ALGO; *opts is unchanged on failure. @since 0.2 */
SUMM_API int summ_options_set(summ_options *opts, const char *name, const char *value,
                              char *err, size_t err_size);

/** summ_options_set() with a number: BOOL takes 0 or 1, ALGORITHM a
 *  summ_algorithm id. Same checks and messages. @since 0.2 */
SUMM_API int summ_options_set_number(summ_options *opts, const char *name, double value,
                                     char *err, size_t err_size);

/** Sets a WORDS option (cue_words, stigma_words) of *opts: checks that
 *  every entry is non-NULL, valid UTF-8, and stores the pointers. The array
 *  and strings are borrowed until summ_summarizer_new() or
 *  summ_summarizer_set_options() copies them. n = 0 clears the list.
 *  @return 0 or SUMM_E_INVALID_ARG (with a message in err). @since 0.2 */
SUMM_API int summ_options_set_words(summ_options *opts, const char *name,
                                    const char *const *words, size_t n, char *err,
                                    size_t err_size);

/** Writes a row's bounds as messages show them, e.g. "(0, 1)" or
 *  "[1, 4294967295]" ("" for BOOL, ALGORITHM and WORDS rows), NUL-terminated
 *  and cut to size. @return the length of the whole text, as snprintf.
 *  @since 0.2 */
SUMM_API size_t summ_option_format_bounds(const summ_option_info *info, char *buf, size_t size);

/** Reads one option of *opts as a number (BOOL: 0 or 1; ALGORITHM: its id).
 *  @return 0, or SUMM_E_INVALID_ARG (unknown name, WORDS row, or a field
 *          newer than opts->version). @since 0.2 */
SUMM_API int summ_options_get_number(const summ_options *opts, const char *name,
                                     double *value);

/* ------------------------------------------------------------------------ */
/** @name Results: spans into the caller's text */

/** One sentence. Frozen for the life of the ABI. */
typedef struct summ_span {
    size_t start;      /**< byte offset of the first byte, on a code point boundary */
    size_t end;        /**< byte offset one past the last byte; start < end; surrounding
                            white space is excluded */
    uint32_t sentence; /**< 0-based index of the sentence in the document */
    double score;      /**< salience; higher is better; comparable within one result;
                            0 for summ_split_sentences() */
} summ_span;

typedef struct summ_result summ_result;

/** Creates an empty result, reusable across calls. @since 0.1 */
SUMM_API int summ_result_new(summ_result **out, const summ_allocator *alloc);

/** Frees a result. NULL is a no-op. @since 0.1 */
SUMM_API void summ_result_free(summ_result *r);

/** Number of spans in the result (0 for a NULL result). @since 0.1 */
SUMM_API size_t summ_result_count(const summ_result *r);

/** The spans: an array of summ_result_count() entries, sorted by start unless
 *  SUMM_FLAG_SCORE_ORDER was set, never overlapping. Borrowed: valid until r
 *  is reused or freed. NULL when the result is empty. @since 0.1 */
SUMM_API const summ_span *summ_result_spans(const summ_result *r);

/** The code of the language used to produce the result ("" before the first
 *  call). Borrowed: static storage. @since 0.1 */
SUMM_API const char *summ_result_language(const summ_result *r);

/** Number of sentences the document was split into by the call that filled
 *  r (equal to summ_result_count() after summ_split_sentences()). @since 0.1 */
SUMM_API size_t summ_result_sentence_total(const summ_result *r);

/** Why the adaptive algorithm weighed position as it did for the text of a
 *  result: the evidence it read and the weight it drew from it. */
typedef struct summ_explain {
    unsigned int version;       /**< SUMM_EXPLAIN_VERSION; set by the caller; must stay first */
    int algorithm;              /**< the algorithm that scored the text (never SUMM_ALGO_DEFAULT),
                                     or SUMM_ALGO_DEFAULT when none did */
    int has_evidence;           /**< 1 when the fields below describe the text (the algorithm is
                                     SUMM_ALGO_ADAPTIVE), else 0: no evidence, the fields are 0 */
    uint32_t sentences;         /**< sentences of the text */
    double summary_share;       /**< the budget as a share of the text (sentences, words or
                                     bytes, the smallest), in [0, 1] */
    double position_centrality; /**< Pearson correlation of 1/sqrt(1 + index) with each
                                     sentence's centrality (sum of its similarities), in
                                     [-1, 1]: a text that opens with its gist is high, a bag
                                     of unrelated snippets near 0 */
    double lede_weight;         /**< the share of pacsum in the mix with textrank, in [0, 1]:
                                     from the two values above, or the lede_weight option */
} summ_explain;

#define SUMM_EXPLAIN_VERSION 1

/** Fills *out (out->version set by the caller) from the call that filled r.
 *  Only SUMM_ALGO_ADAPTIVE reads evidence: for every other algorithm
 *  has_evidence is 0 ("no evidence") and only `algorithm` is set. After
 *  summ_split_sentences(), or a result no text was scored into, algorithm
 *  is SUMM_ALGO_DEFAULT and has_evidence 0.
 *  @return 0, SUMM_E_INVALID_ARG (r or out NULL, version 0) or SUMM_E_VERSION. @since 0.2 */
SUMM_API int summ_result_explain(const summ_result *r, summ_explain *out);

/* ------------------------------------------------------------------------ */
/** @name Summarizer: reusable, one thread at a time */

typedef struct summ_summarizer summ_summarizer;

/** Creates a summarizer.
 *  @param out   receives the summarizer; free it with summ_summarizer_free().
 *  @param lang  the language; borrowed: it must outlive the summarizer.
 *  @param opts  options, copied; NULL means defaults.
 *  @param alloc allocator for the summarizer and its scratch memory, or NULL.
 *  @return 0, SUMM_E_INVALID_ARG, SUMM_E_VERSION, SUMM_E_UNKNOWN_ALGO,
 *          SUMM_E_NOMEM or SUMM_E_INTERNAL (the stemmer could not be created).
 *  @since 0.1 */
SUMM_API int summ_summarizer_new(summ_summarizer **out, const summ_lang *lang,
                                 const summ_options *opts, const summ_allocator *alloc);

/** Frees a summarizer. NULL is a no-op. @since 0.1 */
SUMM_API void summ_summarizer_free(summ_summarizer *s);

/** Replaces the summarizer's options (copied). On failure the old options
 *  stay. @return 0, SUMM_E_INVALID_ARG, SUMM_E_VERSION or SUMM_E_UNKNOWN_ALGO. @since 0.1 */
SUMM_API int summ_summarizer_set_options(summ_summarizer *s, const summ_options *opts);

/** Copies the summarizer's options into *out. out->version must be set by
 *  the caller and selects which fields are written. The cue_words and
 *  stigma_words arrays written point to the summarizer's own copies: borrowed,
 *  valid until the next summ_summarizer_set_options() or free. @since 0.1 */
SUMM_API int summ_summarizer_get_options(const summ_summarizer *s, summ_options *out);

/** Detail of the last failure on s, e.g. "invalid UTF-8 at byte 1234"; ""
 *  after a success. Borrowed: valid until the next call on s. @since 0.1 */
SUMM_API const char *summ_summarizer_errmsg(const summ_summarizer *s);

/** Summarizes text[0, len) into out, replacing its contents.
 *  @return 0, SUMM_E_INVALID_ARG, SUMM_E_INVALID_UTF8, SUMM_E_TOO_LARGE,
 *          SUMM_E_NOMEM or SUMM_E_INTERNAL. On failure out is empty and
 *          summ_summarizer_errmsg() says why. Empty or all-white-space text
 *          gives an empty result and 0. @since 0.1 */
SUMM_API int summ_summarize(summ_summarizer *s, const char *text, size_t len, summ_result *out);

/** Splits text into sentences: every sentence, in document order, score 0.
 *  Same errors as summ_summarize(). @since 0.1 */
SUMM_API int summ_split_sentences(summ_summarizer *s, const char *text, size_t len,
                                  summ_result *out);

/** Scores every sentence with the summarizer's algorithm: every sentence, in
 *  document order, with its score. Same errors as summ_summarize(). @since 0.1 */
SUMM_API int summ_score_sentences(summ_summarizer *s, const char *text, size_t len,
                                  summ_result *out);

/* ------------------------------------------------------------------------ */
/** @name Keyphrases: the words and phrases a text is about
 *
 * Candidates are maximal runs of content words: stopwords, words without a
 * letter, punctuation and line breaks end a run (white space and a hyphen
 * between two words do not), and a run is cut into pieces of at most
 * SUMM_KEYPHRASE_MAX_WORDS words; in English and Portuguese a piece drops
 * from its ends words such as "said" or "will", which may only stand inside
 * a phrase. Pieces with the same sequence of stems
 * ("neural network", "Neural Networks") are one keyphrase, shown as its most
 * frequent spelling; it occurs wherever its stems stand in a piece, alone or
 * inside a longer one ("deep neural networks"). Words (stems) are ranked by
 * PageRank over their co-occurrence graph (summ_options.keyphrase_window); a
 * keyphrase scores the mean rank of its words times its number of
 * occurrences. docs/KEYPHRASES.md describes the method and its measured
 * quality.
 *
 * Time O(n + k log k) for n words and k distinct candidates, plus
 * PageRank's O(iterations x distinct word pairs); memory O(n). */

/** Keyphrase ranking algorithms for summ_options.keyphrase_algorithm. Values
 *  are never renumbered. */
typedef enum summ_keyphrase_algorithm {
    SUMM_KEYPHRASE_DEFAULT = 0,     /**< the recommended one (textrank) */
    SUMM_KEYPHRASE_TEXTRANK = 1,    /**< PageRank over word co-occurrence (Mihalcea & Tarau 2004) */
    SUMM_KEYPHRASE_POSITIONRANK = 2 /**< the same, biased towards words that occur early
                                         (Florescu & Caragea 2017) */
} summ_keyphrase_algorithm;

/** Longest candidate phrase, in words. */
#define SUMM_KEYPHRASE_MAX_WORDS 5
/** What summ_extract_keyphrases() takes for max_keyphrases = 0. */
#define SUMM_DEFAULT_KEYPHRASES 10

/** A byte range of the caller's text. Frozen for the life of the ABI. */
typedef struct summ_range {
    size_t start; /**< byte offset of the first byte, on a code point boundary */
    size_t end;   /**< one past the last byte; start < end */
} summ_range;

/** One keyphrase, as summ_keyphrases_get() describes it. Frozen for the life
 *  of the ABI. */
typedef struct summ_keyphrase {
    size_t start, end;   /**< its text: the first occurrence of its most frequent
                              spelling (ties: the spelling that occurs first) */
    double score;        /**< higher is better; comparable within one result */
    size_t count;        /**< occurrences in the text (>= 1), those inside longer
                              phrases included */
    const summ_range *occurrences; /**< every occurrence, sorted by start, never
                                        overlapping; count entries. Borrowed: valid
                                        until the result is reused or freed */
} summ_keyphrase;

typedef struct summ_keyphrases summ_keyphrases;

/** Creates an empty keyphrase result, reusable across calls: it keeps its
 *  memory, scratch space included. Free it with summ_keyphrases_free().
 *  @return 0, SUMM_E_INVALID_ARG or SUMM_E_NOMEM. @since 0.2 */
SUMM_API int summ_keyphrases_new(summ_keyphrases **out, const summ_allocator *alloc);

/** Frees a keyphrase result. NULL is a no-op. @since 0.2 */
SUMM_API void summ_keyphrases_free(summ_keyphrases *k);

/** Extracts the best max_keyphrases keyphrases of text[0, len) into out,
 *  replacing its contents, with the summarizer's language (stopwords,
 *  stemming, tokenizer; "auto" detects it), flags (lenient, no_stemming,
 *  keep_stopwords), input limit and keyphrase options. Deterministic: equal
 *  scores are ordered by first occurrence as a piece of its own.
 *  @param max_keyphrases at most this many; 0 = SUMM_DEFAULT_KEYPHRASES.
 *  @return as summ_summarize(); on failure out is empty. Text without a
 *          content word gives an empty result and 0. @since 0.2 */
SUMM_API int summ_extract_keyphrases(summ_summarizer *s, const char *text, size_t len,
                                     size_t max_keyphrases, summ_keyphrases *out);

/** Number of keyphrases in the result (0 for NULL). @since 0.2 */
SUMM_API size_t summ_keyphrases_count(const summ_keyphrases *k);

/** Describes keyphrase i (best first) in *out.
 *  @return 0, or SUMM_E_INVALID_ARG (k or out NULL, i >= count). @since 0.2 */
SUMM_API int summ_keyphrases_get(const summ_keyphrases *k, size_t i, summ_keyphrase *out);

/** The code of the language used ("" before the first call). Static storage.
 *  @since 0.2 */
SUMM_API const char *summ_keyphrases_language(const summ_keyphrases *k);

/* ------------------------------------------------------------------------ */
/** @name One-shot convenience */

/** Summarizes text with a fresh language and summarizer.
 *  @param spans_out receives a malloc'ed array the caller frees with
 *                   summ_free() (NULL when the summary is empty).
 *  @param count_out receives the number of spans.
 *  @param lang_out  receives the code of the language used (static storage:
 *                   the detected one for "auto"); may be NULL.
 *  @param lang_code as for summ_lang_new(); NULL means "auto" (detected).
 *  @param opts      options or NULL for defaults.
 *  @return as summ_summarize(), plus SUMM_E_UNKNOWN_LANG. @since 0.1; lang_out
 *          and NULL = "auto" since 0.2 */
SUMM_API int summ_summarize_text(summ_span **spans_out, size_t *count_out,
                                 const char **lang_out, const char *lang_code,
                                 const char *text, size_t len, const summ_options *opts);

/* ------------------------------------------------------------------------ */
/** @name ROUGE: scoring a summary against reference summaries
 *
 * ROUGE-N counts the n-grams a candidate shares with a reference (clipped by
 * their counts); ROUGE-L uses the longest common subsequence (LCS) of the two
 * token sequences; ROUGE-Lsum treats each line ('\n'-separated) as a sentence
 * and, for every reference sentence, takes the union of its LCS with every
 * candidate sentence (the summary-level LCS of Lin 2004, as the rouge-score
 * package computes it). Each gives precision = hits / candidate tokens (or
 * n-grams), recall = hits / reference tokens and F1 = 2PR / (P + R); all
 * three are 0 when either side has no tokens (or no n-grams).
 *
 * With several references a candidate is scored against each and the scores
 * of the reference with the highest F1 are reported (the first on a tie).
 *
 * Time and memory: ROUGE-N is linear. ROUGE-L and ROUGE-Lsum take time
 * proportional to candidate tokens x reference tokens (the "token pairs")
 * and memory linear in the tokens: both compute the LCS 64 cells of the DP
 * table at a time (the bit-parallel algorithm of Allison-Dix and Hyyro).
 * ROUGE-Lsum also needs the positions on each line pair's LCS: it reads them
 * back from the table's columns, last column first, recomputing the columns
 * from a few kept checkpoint columns (about log2 of the line length of them)
 * instead of storing the table, for a small factor in time. It costs more
 * per token pair than ROUGE-L (no 64-fold gain on short lines), so it
 * refuses more than summ_rouge_options.max_lsum_pairs token pairs.
 * A summ_rouge is used by one thread at a time. */

typedef struct summ_rouge summ_rouge;

/** Tokenizers for summ_rouge_options.tokenizer. Values are never renumbered. */
typedef enum summ_rouge_tokenizer {
    /** As the rouge-score package's default: lower-case, and every character
     *  that is not [a-z0-9] afterwards separates tokens (so "don't" is two
     *  tokens and non-Latin text has none). */
    SUMM_ROUGE_TOKENIZER_ASCII = 0,
    /** For any script: tokens are runs of letters, marks and digits
     *  (Unicode categories L*, M*, N*), case folded and NFKC-normalised;
     *  everything else separates tokens. */
    SUMM_ROUGE_TOKENIZER_UNICODE = 1
} summ_rouge_tokenizer;

/** Metrics for summ_rouge_score(). Values are never renumbered. */
typedef enum summ_rouge_metric {
    SUMM_ROUGE_N = 1,   /**< n-gram overlap; the n argument gives N (>= 1) */
    SUMM_ROUGE_L = 2,   /**< LCS over the whole token sequence (line breaks ignored) */
    SUMM_ROUGE_LSUM = 3 /**< summary-level union LCS over '\n'-separated sentences */
} summ_rouge_metric;

/** Options of a ROUGE scorer. Initialise with SUMM_ROUGE_OPTIONS_INIT or
 *  summ_rouge_options_init(); fields are only ever appended. */
typedef struct summ_rouge_options {
    unsigned int version;     /**< SUMM_ROUGE_OPTIONS_VERSION; must stay first */
    int tokenizer;            /**< a summ_rouge_tokenizer; default ASCII */
    const char *stemmer;      /**< libstemmer algorithm applied to each token ("porter",
                                   "english", "german", "portuguese", ...), or NULL for
                                   none (default); copied */
    uint32_t stem_min_length; /**< only tokens longer than this many characters are
                                   stemmed; default 3, as rouge-score */
    /* Version 2. */
    uint64_t max_lsum_pairs;  /**< ROUGE-Lsum refuses a candidate and a reference whose
                                   token counts multiply to more than this, with
                                   SUMM_E_TOO_LARGE; default 0 =
                                   SUMM_ROUGE_DEFAULT_MAX_LSUM_PAIRS, UINT64_MAX = no
                                   limit */
} summ_rouge_options;

/** The default of summ_rouge_options.max_lsum_pairs: 2^31 token pairs (e.g.
 *  46,000 candidate against 46,000 reference tokens). That is under a second
 *  on long lines or sentence-length ones, and some seconds in the worst case,
 *  distinct lines of two tokens that all share one. */
#define SUMM_ROUGE_DEFAULT_MAX_LSUM_PAIRS ((uint64_t)1 << 31)

/** 2 since max_lsum_pairs was added; version 1 structs end at stem_min_length
 *  and still work (with the default limit). */
#define SUMM_ROUGE_OPTIONS_VERSION 2
#define SUMM_ROUGE_OPTIONS_INIT { SUMM_ROUGE_OPTIONS_VERSION, SUMM_ROUGE_TOKENIZER_ASCII, NULL, 3, 0 }

/** One ROUGE score. Frozen for the life of the ABI. */
typedef struct summ_rouge_result {
    double precision; /**< in [0, 1] */
    double recall;    /**< in [0, 1] */
    double f1;        /**< harmonic mean of precision and recall; 0 when both are 0 */
    size_t reference; /**< index of the reference these scores come from */
} summ_rouge_result;

/** Fills *opts with the defaults of the given struct version.
 *  @return 0, SUMM_E_INVALID_ARG (opts NULL or version 0) or SUMM_E_VERSION. @since 0.1 */
SUMM_API int summ_rouge_options_init(summ_rouge_options *opts, unsigned int version);

/** Creates a ROUGE scorer. It owns its stemmer and scratch memory and keeps
 *  them between calls.
 *  @param out   receives the scorer; free it with summ_rouge_free().
 *  @param opts  options, copied; NULL means defaults (ASCII, no stemming).
 *  @param alloc allocator for the scorer and its scratch memory, or NULL.
 *  @return 0, SUMM_E_INVALID_ARG (bad tokenizer, or no libstemmer algorithm
 *          with that name), SUMM_E_VERSION or SUMM_E_NOMEM. @since 0.1 */
SUMM_API int summ_rouge_new(summ_rouge **out, const summ_rouge_options *opts,
                            const summ_allocator *alloc);

/** Frees a ROUGE scorer. NULL is a no-op. @since 0.1 */
SUMM_API void summ_rouge_free(summ_rouge *r);

/** Detail of the last failure on r; "" after a success. Borrowed: valid
 *  until the next call on r. @since 0.1 */
SUMM_API const char *summ_rouge_errmsg(const summ_rouge *r);

/** Scores a candidate summary against one or more references.
 *  @param metric    a summ_rouge_metric.
 *  @param n         N for SUMM_ROUGE_N (>= 1); ignored otherwise.
 *  @param cand      the candidate, UTF-8, cand_len bytes (NULL if cand_len is 0).
 *  @param refs      n_refs references (n_refs >= 1), each UTF-8 of ref_lens[i] bytes.
 *  @param out       receives the scores of the best reference by F1.
 *  @return 0, SUMM_E_INVALID_ARG, SUMM_E_INVALID_UTF8 (summ_rouge_errmsg() gives
 *          which text and the byte offset), SUMM_E_TOO_LARGE (a text over
 *          SUMM_MAX_INPUT_BYTES, or for ROUGE-Lsum candidate x reference
 *          tokens over max_lsum_pairs; summ_rouge_errmsg() names the
 *          reference and the counts) or SUMM_E_NOMEM. On failure *out is
 *          zeroed and r stays usable. @since 0.1 */
SUMM_API int summ_rouge_score(summ_rouge *r, int metric, unsigned int n, const char *cand,
                              size_t cand_len, const char *const *refs, const size_t *ref_lens,
                              size_t n_refs, summ_rouge_result *out);

/** Parses a metric name as the rouge-score package writes them: "rouge1",
 *  "rouge2", ... (N from 1 to 65535, no leading zero), "rougeL" or
 *  "rougeLsum".
 *  @param metric receives the summ_rouge_metric; @param n receives N (0 for
 *  L and Lsum). @return 0, or SUMM_E_INVALID_ARG (NULL arguments or another
 *  name; *metric and *n are then unchanged). @since 0.2 */
SUMM_API int summ_rouge_metric_parse(const char *name, int *metric, unsigned int *n);

#ifdef __cplusplus
}
#endif

#endif /* LIBSUMM_SUMM_H */
