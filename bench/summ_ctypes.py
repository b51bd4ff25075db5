"""ctypes access to libsumm's shared library for the benchmark scripts:
summarizing with any algorithm and scoring with the library's ROUGE.

Only the Python standard library is used. The structs mirror
include/libsumm/summ.h (version 5 of summ_options, version 1 of summ_rouge_options
and summ_explain). A position_weight of 0 given to Summarizer means no lead
bias, as in the scripts' --option position_weight=0 (versions from 3 on spell
it SUMM_OFF)."""
import ctypes
import os

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_LIB = os.path.join(ROOT, "build", "libsumm", "libsumm.so")

SUMM_E_UNKNOWN_LANG = -4
SUMM_OFF = -1.0
ROUGE_N, ROUGE_L, ROUGE_LSUM = 1, 2, 3
TOKENIZER_ASCII, TOKENIZER_UNICODE = 0, 1


class Options(ctypes.Structure):
    _fields_ = [
        ("version", ctypes.c_uint),
        ("algorithm", ctypes.c_int),
        ("max_sentences", ctypes.c_uint32),
        ("ratio", ctypes.c_double),
        ("max_words", ctypes.c_uint32),
        ("max_bytes", ctypes.c_size_t),
        ("flags", ctypes.c_uint32),
        ("max_input_bytes", ctypes.c_size_t),
        # version 2
        ("mmr_lambda", ctypes.c_double),
        ("position_weight", ctypes.c_double),
        ("damping", ctypes.c_double),
        ("tolerance", ctypes.c_double),
        ("max_iterations", ctypes.c_uint32),
        ("lexrank_threshold", ctypes.c_double),
        ("max_neighbours", ctypes.c_uint32),
        ("lsa_dimensions", ctypes.c_uint32),
        ("cue_words", ctypes.POINTER(ctypes.c_char_p)),
        ("n_cue_words", ctypes.c_size_t),
        ("stigma_words", ctypes.POINTER(ctypes.c_char_p)),
        ("n_stigma_words", ctypes.c_size_t),
        # version 3
        ("min_sentence_words", ctypes.c_uint32),
        # version 4
        ("keyphrase_algorithm", ctypes.c_int),
        ("keyphrase_window", ctypes.c_uint32),
        # version 5
        ("lede_weight", ctypes.c_double),
    ]

class Span(ctypes.Structure):
    _fields_ = [
        ("start", ctypes.c_size_t),
        ("end", ctypes.c_size_t),
        ("sentence", ctypes.c_uint32),
        ("score", ctypes.c_double),
    ]


class Explain(ctypes.Structure):
    _fields_ = [
        ("version", ctypes.c_uint),
        ("algorithm", ctypes.c_int),
        ("has_evidence", ctypes.c_int),
        ("sentences", ctypes.c_uint32),
        ("summary_share", ctypes.c_double),
        ("position_centrality", ctypes.c_double),
        ("lede_weight", ctypes.c_double),
    ]


class RougeOptions(ctypes.Structure):
    _fields_ = [
        ("version", ctypes.c_uint),
        ("tokenizer", ctypes.c_int),
        ("stemmer", ctypes.c_char_p),
        ("stem_min_length", ctypes.c_uint32),
    ]


class RougeResult(ctypes.Structure):
    _fields_ = [
        ("precision", ctypes.c_double),
        ("recall", ctypes.c_double),
        ("f1", ctypes.c_double),
        ("reference", ctypes.c_size_t),
    ]


class SummError(Exception):
    pass


def load(path=None):
    lib = ctypes.CDLL(path or os.environ.get("LIBSUMM_SO") or DEFAULT_LIB)
    P = ctypes.c_void_p
    sigs = {
        "summ_strerror": (ctypes.c_char_p, [ctypes.c_int]),
        "summ_version_string": (ctypes.c_char_p, []),
        "summ_algorithm_list": (ctypes.POINTER(ctypes.c_char_p), []),
        "summ_algorithm_from_name": (ctypes.c_int, [ctypes.c_char_p]),
        "summ_lang_new": (ctypes.c_int, [ctypes.POINTER(P), ctypes.c_char_p, P]),
        "summ_lang_free": (None, [P]),
        "summ_summarizer_new": (ctypes.c_int, [ctypes.POINTER(P), P, ctypes.POINTER(Options), P]),
        "summ_summarizer_free": (None, [P]),
        "summ_summarizer_set_options": (ctypes.c_int, [P, ctypes.POINTER(Options)]),
        "summ_options_init": (ctypes.c_int, [ctypes.POINTER(Options), ctypes.c_uint]),
        "summ_summarizer_errmsg": (ctypes.c_char_p, [P]),
        "summ_result_new": (ctypes.c_int, [ctypes.POINTER(P), P]),
        "summ_result_free": (None, [P]),
        "summ_result_count": (ctypes.c_size_t, [P]),
        "summ_result_spans": (ctypes.POINTER(Span), [P]),
        "summ_summarize": (ctypes.c_int, [P, ctypes.c_char_p, ctypes.c_size_t, P]),
        "summ_score_sentences": (ctypes.c_int, [P, ctypes.c_char_p, ctypes.c_size_t, P]),
        "summ_result_explain": (ctypes.c_int, [P, ctypes.POINTER(Explain)]),
        "summ_split_sentences": (ctypes.c_int, [P, ctypes.c_char_p, ctypes.c_size_t, P]),
        "summ_rouge_new": (ctypes.c_int, [ctypes.POINTER(P), ctypes.POINTER(RougeOptions), P]),
        "summ_rouge_free": (None, [P]),
        "summ_rouge_errmsg": (ctypes.c_char_p, [P]),
        "summ_rouge_score": (ctypes.c_int, [P, ctypes.c_int, ctypes.c_uint, ctypes.c_char_p,
                                            ctypes.c_size_t, ctypes.POINTER(ctypes.c_char_p),
                                            ctypes.POINTER(ctypes.c_size_t), ctypes.c_size_t,
                                            ctypes.POINTER(RougeResult)]),
    }
    for name, (res, args) in sigs.items():
        fn = getattr(lib, name)
        fn.restype = res
        fn.argtypes = args
    return lib


def algorithms(lib):
    out, names, i = [], lib.summ_algorithm_list(), 0
    while names[i] is not None:
        out.append(names[i].decode())
        i += 1
    return out


class Summarizer:
    """A language + summarizer + result; summarize() returns the chosen
    sentences as byte strings, in document order. When the language is not
    built in, falls back to English and sets .fallback."""

    def __init__(self, lib, lang, algorithm, max_sentences=0, max_words=0, **params):
        self.lib = lib
        self.lang = ctypes.c_void_p()
        self.s = ctypes.c_void_p()
        self.r = ctypes.c_void_p()
        self.fallback = False
        rc = lib.summ_lang_new(ctypes.byref(self.lang), lang.encode(), None)
        if rc == SUMM_E_UNKNOWN_LANG:
            self.fallback = True
            rc = lib.summ_lang_new(ctypes.byref(self.lang), b"en", None)
        self._check(rc, "summ_lang_new")
        self.opts = Options()
        lib.summ_options_init(ctypes.byref(self.opts), 5)
        self.opts.algorithm = lib.summ_algorithm_from_name(algorithm.encode())
        for k, v in params.items():  # summ_options fields, e.g. mmr_lambda=0.7
            if k == "position_weight" and v == 0:
                v = SUMM_OFF
            setattr(self.opts, k, v)
        self._check(self.opts.algorithm if self.opts.algorithm < 0 else 0, algorithm)
        self._check(lib.summ_summarizer_new(ctypes.byref(self.s), self.lang, ctypes.byref(self.opts),
                                            None), "summ_summarizer_new")
        self._check(lib.summ_result_new(ctypes.byref(self.r), None), "summ_result_new")
        self.budget(max_sentences, max_words)

    def _check(self, rc, what):
        if rc < 0:
            raise SummError("%s: %s" % (what, self.lib.summ_strerror(rc).decode()))

    def budget(self, max_sentences=0, max_words=0):
        self.opts.max_sentences = max_sentences
        self.opts.max_words = max_words
        self._check(self.lib.summ_summarizer_set_options(self.s, ctypes.byref(self.opts)),
                    "set_options")

    def _spans(self, data, fn):
        rc = fn(self.s, data, len(data), self.r)
        if rc < 0:
            raise SummError(self.lib.summ_summarizer_errmsg(self.s).decode())
        n = self.lib.summ_result_count(self.r)
        sp = self.lib.summ_result_spans(self.r)
        return [data[sp[i].start:sp[i].end] for i in range(n)]

    def summarize(self, data):
        return self._spans(data, self.lib.summ_summarize)

    def explain(self):
        """The summ_explain of the last call, as a dict."""
        e = Explain()
        e.version = 1
        self._check(self.lib.summ_result_explain(self.r, ctypes.byref(e)), "summ_result_explain")
        return {k: getattr(e, k) for k, _ in Explain._fields_ if k != "version"}

    def split(self, data):
        return self._spans(data, self.lib.summ_split_sentences)

    def close(self):
        self.lib.summ_result_free(self.r)
        self.lib.summ_summarizer_free(self.s)
        self.lib.summ_lang_free(self.lang)


class Rouge:
    """The library's ROUGE scorer. score() returns (P, R, F1) of the best
    reference by F1."""

    def __init__(self, lib, tokenizer=TOKENIZER_ASCII, stemmer=None):
        self.lib = lib
        self.r = ctypes.c_void_p()
        self.opts = RougeOptions(1, tokenizer, stemmer.encode() if stemmer else None, 3)
        rc = lib.summ_rouge_new(ctypes.byref(self.r), ctypes.byref(self.opts), None)
        if rc < 0:
            raise SummError("summ_rouge_new: %s" % lib.summ_strerror(rc).decode())
        self.out = RougeResult()

    def score(self, metric, n, cand, refs):
        arr = (ctypes.c_char_p * len(refs))(*refs)
        lens = (ctypes.c_size_t * len(refs))(*[len(x) for x in refs])
        rc = self.lib.summ_rouge_score(self.r, metric, n, cand, len(cand), arr, lens, len(refs),
                                       ctypes.byref(self.out))
        if rc < 0:
            raise SummError(self.lib.summ_rouge_errmsg(self.r).decode())
        return (self.out.precision, self.out.recall, self.out.f1)

    def close(self):
        self.lib.summ_rouge_free(self.r)
