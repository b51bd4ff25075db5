"""Extractive text summarization: pick the most informative sentences of a text.

libsumm splits a text into sentences, scores them and returns the best ones,
in document order. It is a thin binding over the libsumm C library; no model
is downloaded and nothing is initialised globally.

Quick start::

    >>> import libsumm
    >>> print(libsumm.summarize(article, sentences=3))     # one sentence per line
    >>> s = libsumm.Summarizer(algorithm="tfidf")         # reusable
    >>> result = s.summarize(article, ratio=0.1)
    >>> result.language                                    # detected: 'en'
    >>> for sent in result:
    ...     print(sent.index, sent.score, article[sent.start:sent.end])

Text is a ``str`` or a bytes-like object holding UTF-8. Offsets in results
are ``str`` indices for ``str`` input and byte offsets for bytes input, so
``text[sent.start:sent.end] == sent.text`` always holds.

The language of each text is detected (``language="auto"``, the default of
every function that takes one) and its stopwords, stemmer and abbreviations
are used; results are :class:`SentenceList`\\ s whose ``.language`` names
the language detected. Give a code from :func:`languages` to use one
language for every text.

Options are keyword arguments of summarize(), split_sentences(), Summarizer()
and its methods (there for that call only). They are the C library's option
table, which :func:`options` returns as data and the list below shows.
``None`` means the default, and so does 0 for a number; a ``str`` is read as
the summarize command reads it (``"0.85"``, ``"10%"``, ``"off"``,
``"default"``, ``"on"``/``"off"`` for True/False). A value of the wrong type
raises ``TypeError``; a value the library refuses raises ``ValueError`` whose
text is the library's message, e.g. ``damping: 1.5 is outside (0, 1)``. The
length budgets (sentences, ratio, words, bytes) combine; with none set,
ratio=0.2 applies. docs/ALGORITHMS.md says what each parameter does.

    <options>

Errors: every error derives from :class:`Error` (with ``.code``, the C
library's status, and ``.status``, the library's name for it such as
``"invalid_arg"``) or is a built-in type: ``TypeError`` and ``ValueError`` for
bad arguments, ``MemoryError`` when memory runs out. The subclasses also
derive from the matching built-in: :class:`InvalidUTF8Error` is a
``UnicodeDecodeError``, :class:`UnknownLanguageError` is a ``LookupError``,
:class:`UnknownAlgorithmError` both a ``LookupError`` and a ``ValueError``,
:class:`InputTooLargeError` and :class:`InvalidArgumentError` are
``ValueError``\\ s.

Threads: the C work runs with the GIL released, so threads summarize in
parallel. A :class:`Summarizer` serves one call at a time: a second thread
calling the same object while it is busy gets ``RuntimeError``; give each
thread its own Summarizer (the module-level functions are always safe).
"""

import collections
import re
import textwrap

from . import _libsumm
from ._libsumm import (
    Error,
    InputTooLargeError,
    InvalidArgumentError,
    InvalidUTF8Error,
    Sentence,
    UnknownAlgorithmError,
    UnknownLanguageError,
)

__all__ = [
    "Error",
    "InputTooLargeError",
    "InvalidArgumentError",
    "InvalidUTF8Error",
    "Keyphrase",
    "KeyphraseList",
    "OptionInfo",
    "Sentence",
    "SentenceList",
    "Summarizer",
    "UnknownAlgorithmError",
    "UnknownLanguageError",
    "algorithms",
    "detect_language",
    "languages",
    "options",
    "rouge",
    "RougeScore",
    "split_sentences",
    "summarize",
    "DEFAULT_MAX_INPUT_BYTES",
    "MAX_INPUT_BYTES",
    "__version__",
]

#: The libsumm version, e.g. "0.2.0" (the C library's summ_version_string()).
__version__ = _libsumm.__version__

#: Inputs longer than this many UTF-8 bytes are refused unless
#: max_input_bytes says otherwise (256 MiB).
DEFAULT_MAX_INPUT_BYTES = _libsumm.DEFAULT_MAX_INPUT_BYTES

#: The largest accepted max_input_bytes (4 GiB - 1).
MAX_INPUT_BYTES = _libsumm.MAX_INPUT_BYTES


def languages():
    """Return the codes of the built-in languages, e.g. ``["en"]``.

    A language may also be named by its ISO 639-3 code ("eng") or its English
    name ("english"), in any case.
    """
    return _libsumm.languages()


def detect_language(text):
    """Guess the language of text (str or UTF-8 bytes) from its script and
    function words, and return its code from :func:`languages`, or ``"und"``
    when libsumm has no resources for it or the text gives no evidence.

    ``Summarizer("auto")`` does this for every text it is given.
    """
    return _libsumm.detect_language(text)


RougeScore = collections.namedtuple("RougeScore", "precision recall f1 reference")
RougeScore.__doc__ = """A ROUGE score: precision, recall and F1 in [0, 1], and the index of the
reference they come from (the best reference by F1)."""


def rouge(candidate, references, metric="rouge1", *, tokenizer="ascii", stemmer=None,
          stem_min_length=3):
    """Score a candidate summary against one or more references with ROUGE.

    ``candidate`` and each reference are str or UTF-8 bytes; ``references``
    is a sequence of them (a single str or bytes counts as one reference).
    ``metric`` is ``"rouge1"``, ``"rouge2"``, ... (N up to 65535, read by the
    library as the rouge-score package writes them), ``"rougeL"`` (LCS
    over the whole token sequence) or ``"rougeLsum"`` (summary-level LCS over
    newline-separated sentences). With several references the one with the
    highest F1 is reported (the first on a tie).

    ``tokenizer="ascii"`` matches the rouge-score package's default
    (lower-case, everything but [a-z0-9] separates tokens);
    ``"unicode"`` keeps letters and digits of any script, case folded.
    ``stemmer`` names a Snowball algorithm (``"porter"`` as in rouge-score,
    ``"english"``, ``"german"``, ...) applied to tokens longer than
    ``stem_min_length`` characters; ``None`` for no stemming.

    Returns a :class:`RougeScore`. Raises ``ValueError`` for an unknown
    metric, tokenizer or stemmer or no references, :class:`Error` for text
    that is not UTF-8.
    """
    if isinstance(references, (str, bytes, bytearray, memoryview)):
        references = [references]
    return RougeScore(*_libsumm.rouge(candidate, list(references), metric, tokenizer, stemmer,
                                      stem_min_length))


def algorithms():
    """Return the names of the scoring algorithms, e.g. ``["lead", "tfidf"]``."""
    return _libsumm.algorithms()


OptionInfo = collections.namedtuple(
    "OptionInfo",
    "name type group doc value_name min max min_open max_open default default_text off_text "
    "choices")
OptionInfo.__doc__ = """One row of the library's option table: what an option keyword takes.

name          the keyword, e.g. ``"damping"``
type          ``"uint"`` (a whole number), ``"real"``, ``"bool"``, ``"algorithm"``
              (a name from :func:`algorithms`), ``"choice"`` (one of the names
              its doc gives) or ``"words"`` (a list of str)
group         ``"budget"``, ``"method"``, ``"algorithm"``, ``"keyphrases"``,
              ``"input"`` or ``"output"``
doc           one line of documentation
value_name    the placeholder help shows for the value, e.g. ``"N"`` (None for bool)
min, max      the bounds of a uint or real value (None for other types)
min_open      True when min itself is excluded; max_open likewise for max
default       the value None (or 0) stands for: None where that means unset or
              none, a name for the algorithm, () for word lists
default_text  the default as help shows it, e.g. ``"0.85"`` or ``"unset"``
off_text      the str that turns the option off (``"off"``), or None
choices       the names a ``"choice"`` row takes, as a tuple; None for other types"""

_OPTIONS = tuple(OptionInfo(*row) for row in _libsumm.option_table())


def options():
    """Return the library's option table: a tuple of :class:`OptionInfo`, one
    per keyword that :func:`summarize`, :class:`Summarizer` and its methods
    take, in the library's order."""
    return _OPTIONS


def _number_text(x):
    return str(x) if isinstance(x, int) else "%.15g" % x


def _option_lines():
    """The option table as help text: a heading per group, then each
    option's keyword, documentation, values and default."""
    usage_width, width = 22, 74
    lines = []
    for group in dict.fromkeys(o.group for o in _OPTIONS):
        lines.append(group)
        for o in _OPTIONS:
            if o.group != group:
                continue
            if o.type == "bool":
                usage = o.name + "=True"
            elif o.type == "words":
                usage = o.name + "=[...]"
            else:
                usage = "%s=%s" % (o.name, o.value_name)
            notes = [o.doc]
            if o.type in ("uint", "real"):
                # A no-break space keeps the bounds on one line.
                notes.append("%s in %s%s,\xa0%s%s%s" % (
                    o.value_name, "(" if o.min_open else "[", _number_text(o.min),
                    _number_text(o.max), ")" if o.max_open else "]",
                    ' or "%s"' % o.off_text if o.off_text else ""))
            elif o.type == "algorithm":
                notes.append("one of " + ", ".join(_libsumm.algorithms()))
            elif o.type == "choice":
                notes.append("one of " + ", ".join(o.choices))
            elif o.type == "words":
                notes.append("a list of str")
            notes.append("default: " + o.default_text)
            body = [line.replace("\xa0", " ")
                    for line in textwrap.wrap("; ".join(notes), width - usage_width - 2)]
            if len(usage) >= usage_width:
                lines.append("  " + usage)
            else:
                lines.append("  %-*s%s" % (usage_width, usage, body.pop(0)))
            lines.extend("  " + " " * usage_width + line for line in body)
    return lines


def _with_options(doc):
    """doc with its "<options>" line replaced by the option list, at the
    marker's indentation (None under python -OO, which drops docstrings)."""
    if doc is None:
        return None
    indent = re.search(r"^( *)<options>$", doc, re.M).group(1)
    return doc.replace(indent + "<options>",
                       "\n".join((indent + line).rstrip() for line in _option_lines()))


class SentenceList(list):
    """A list of sentences with the language they were read in.

    :meth:`Summarizer.summarize`, :meth:`~Summarizer.split` and
    :meth:`~Summarizer.scores` return one holding :class:`Sentence` tuples,
    :func:`split_sentences` one holding the sentences' text. It is a
    ``list`` in every other way (and compares equal to a list with the same
    items).

    ``language`` is the code of the language used, e.g. ``"de"``: the
    detected one when the Summarizer's language is ``"auto"`` (the default),
    ``"und"`` when no language was recognised.

    ``explain`` tells why the adaptive algorithm (``algorithm="adaptive"``)
    weighed position as it did for this text: a dict with ``algorithm``,
    ``sentences``, ``summary_share`` (the budget as a share of the text),
    ``position_centrality`` (how well an early position predicts a central
    sentence, from -1 to 1) and ``lede_weight`` (the share of the
    lede-seeking pacsum score in its mix with textrank, from 0 to 1). It is
    None ("no evidence") for every other algorithm, the default (textrank)
    included, and for :meth:`~Summarizer.split`.
    """

    __slots__ = ("language", "explain")

    def __init__(self, sentences=(), language="und", explain=None):
        super().__init__(sentences)
        self.language = language
        self.explain = explain

    def __repr__(self):
        return "SentenceList(%s, language=%r)" % (list.__repr__(self), self.language)


Keyphrase = collections.namedtuple("Keyphrase", "text start end score count spans")
Keyphrase.__doc__ = """One keyphrase of a text, from :meth:`Summarizer.keywords`.

text          its most frequent spelling in the text (str, or bytes for bytes input)
start, end    where that spelling first occurs: ``input[start:end] == text``
score         higher is better, comparable within one call
count         how often it occurs (spellings with the same stems count together)
spans         every occurrence as a ``(start, end)`` pair, in text order

Offsets are ``str`` indices for ``str`` input and byte offsets for bytes."""


class KeyphraseList(list):
    """The list of :class:`Keyphrase` that :meth:`Summarizer.keywords`
    returns, best first, with ``language``: the code of the language used."""

    __slots__ = ("language",)

    def __init__(self, keyphrases=(), language="und"):
        super().__init__(keyphrases)
        self.language = language

    def __repr__(self):
        return "KeyphraseList(%s, language=%r)" % (list.__repr__(self), self.language)


def _one_line(text):
    # As the summarize CLI prints sentences: CRLF, CR and LF become a space.
    if isinstance(text, str):
        return text.replace("\r\n", " ").replace("\r", " ").replace("\n", " ")
    return text.replace(b"\r\n", b" ").replace(b"\r", b" ").replace(b"\n", b" ")


class Summarizer:
    """A reusable summarizer for one language and one set of options.

    ``Summarizer(language="auto", algorithm="default", *, stopwords=None,
    abbreviations=None, **options)``

    language
        ``"auto"`` (the default) picks the language of each text, as
        :func:`detect_language` does, and uses its stopwords, stemmer and
        abbreviations; every result's ``.language`` says which it was. Or
        an ISO 639-1 or 639-3 code or English name from :func:`languages`
        to use that language for every text; ``"und"`` works for any
        language, without stemming or stopwords. Unknown names raise
        :class:`UnknownLanguageError` (a LookupError).
    algorithm
        a name from :func:`algorithms`; unknown names raise
        :class:`UnknownAlgorithmError` (a ValueError and a LookupError).
    stopwords
        extra words (a list of str) to treat as stopwords.
    abbreviations
        extra abbreviations (a list of str, with or without the final period,
        e.g. ``["approx.", "Ms"]``) after which a period never ends a
        sentence.
    options
        the library's options, listed below (and returned by :func:`options`).
        ``None``, or 0 for a number, means the default; a ``str`` is read as
        the summarize command reads it (``"10%"``, ``"off"``, ``"default"``).
        A refused value raises ``ValueError`` with the library's message.

        <options>

    The methods take the text and, optionally, options that apply to that
    call only. They return a :class:`SentenceList`: a list of
    :class:`Sentence` whose ``.language`` is the code of the language used.

    A Summarizer keeps its working memory between calls, so reusing one is
    faster than calling :func:`summarize` repeatedly. It serves one call at
    a time: calling it from a second thread while a call is running raises
    ``RuntimeError``. Use one Summarizer per thread.
    """

    __slots__ = ("_impl", "_words")

    def __init__(self, language="auto", algorithm="default", *, stopwords=None,
                 abbreviations=None, **options):
        stopwords = _word_tuple(stopwords)
        abbreviations = _word_tuple(abbreviations)
        self._impl = _libsumm._Summarizer(
            language, algorithm=algorithm, stopwords=stopwords,
            abbreviations=abbreviations, **options)
        # Kept for pickling and copies: the C object does not give them back.
        self._words = (stopwords or (), abbreviations or ())

    def _key(self):
        return (self.language, self._words, tuple(self._impl.options.items()))

    def __reduce__(self):
        # The language resources are rebuilt from the code on unpickling,
        # never serialized.
        return (_rebuild, (self.language, self._words[0], self._words[1],
                           self._impl.options))

    def __eq__(self, other):
        """Equal when the language code, the extra stopwords and
        abbreviations and every option are equal."""
        if not isinstance(other, Summarizer):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self):
        return hash(self._key())

    def _clone(self, **options):
        return _rebuild(self.language, self._words[0], self._words[1],
                        {**self._impl.options, **options})

    @property
    def language(self):
        """The canonical code of the language, e.g. ``"en"``, or ``"auto"``
        (then each result's ``.language`` gives the one detected)."""
        return self._impl.language

    @property
    def options(self):
        """The summarizer's options as a new dict, one entry per row of
        :func:`options` in its order: ``None`` where the default applies,
        ``"off"`` where an option is turned off, True or False for on/off
        options, the algorithm's name, a tuple for word lists, else the
        number."""
        return self._impl.options

    def __repr__(self):
        opts = ", ".join("%s=%r" % kv for kv in self._impl.options.items()
                         if kv[1] not in (None, False, ()))
        return "libsumm.Summarizer(%r, %s)" % (self.language, opts)

    def summarize(self, text, **options):
        """Return the summary of text: the selected sentences, as a
        :class:`SentenceList` of :class:`Sentence`, in document order (or by
        score with ``score_order=True``). Empty or blank text gives an empty
        list."""
        return SentenceList(*self._impl.summarize(text, **options))

    def split(self, text, **options):
        """Return every sentence of text, in document order, with score 0.0,
        as a :class:`SentenceList`."""
        return SentenceList(*self._impl.split(text, **options))

    def scores(self, text, **options):
        """Return every sentence of text, in document order, with its score,
        as a :class:`SentenceList`."""
        return SentenceList(*self._impl.scores(text, **options))

    def keywords(self, text, n=None, **options):
        """Return the n best keyphrases of text (``None`` or 0: 10) as a
        :class:`KeyphraseList` of :class:`Keyphrase`, best first: words
        ranked by TextRank (``keyphrase_algorithm``, ``keyphrase_window``)
        and phrases scored from their words, with every occurrence's span.
        Text without a content word gives an empty list."""
        found, language = self._impl.keywords(text, n, **options)
        return KeyphraseList([Keyphrase(*k) for k in found], language)


    def summarize_many(self, texts, jobs=None, **options):
        """Summarize every text of the iterable texts with ``jobs`` threads
        (default: one per processor) and return a **generator** of the
        results (:class:`SentenceList`, as :meth:`summarize` returns), in the
        order of texts.

        Each thread has its own copy of this Summarizer (with ``options``
        applied), and the C library runs without the GIL, so the threads
        run at once. At most a few texts per thread are read ahead of the
        result being consumed: a generator of texts is never read into
        memory as a whole. An exception raised for one text is raised when
        its result is reached, and stops the generator.
        """
        return _summarize_many(self, texts, jobs, options)



def summarize(text, *, algorithm="default", language="auto", **options):
    """Summarize text and return the summary as one string.

    The selected sentences come in document order, one per line: they are
    joined with ``"\\n"`` and line breaks inside a sentence become spaces,
    exactly as the ``summarize`` command prints them (without its final
    newline). The result is a ``str`` for ``str`` input and ``bytes`` for
    bytes-like input. Use :meth:`Summarizer.summarize` to get offsets,
    scores and the language detected.

    The language is detected unless given (``language="auto"``). The
    options (the length budgets sentences, ratio, words and bytes, with
    ``ratio=0.2`` when none is set, and every other option of the module
    documentation) and ``stopwords`` and ``abbreviations`` are as for
    :class:`Summarizer`.
    """
    sents = Summarizer(language, algorithm, **options).summarize(text)
    sep = "\n" if isinstance(text, str) else b"\n"
    return sep.join(_one_line(s.text) for s in sents)


def split_sentences(text, language="auto", **options):
    """Split text into sentences and return them as a :class:`SentenceList`
    of str (bytes for bytes-like input), in document order, without
    surrounding white space; its ``.language`` is the language used (detected
    unless given).

    Options such as ``lenient``, ``abbreviations`` and ``max_input_bytes``
    are as for :class:`Summarizer`.
    """
    sents = Summarizer(language, **options).split(text)
    return SentenceList([s.text for s in sents], sents.language)


def _word_tuple(words):
    """A list of words as a tuple, read once; anything else as it is, for
    the C object to check (and refuse a str)."""
    if words is None or isinstance(words, (str, bytes)):
        return words
    try:
        return tuple(words)
    except TypeError:
        return words


def _rebuild(language, stopwords, abbreviations, options):
    """A Summarizer from what :meth:`Summarizer.__reduce__` keeps."""
    return Summarizer(language, stopwords=stopwords or None,
                      abbreviations=abbreviations or None, **options)


# Texts read ahead per thread by summarize_many: enough to keep every thread
# busy while the oldest result is consumed.
_WINDOW_PER_JOB = 4


def _summarize_many(summarizer, texts, jobs, options):
    import collections
    import concurrent.futures
    import os
    import threading

    if jobs is None:
        jobs = os.cpu_count() or 1
    if not isinstance(jobs, int) or isinstance(jobs, bool) or jobs < 1:
        raise ValueError("jobs must be a positive int, not %r" % (jobs,))
    # Checked here, so a bad option raises at once, not at the first result.
    template = summarizer._clone(**options)
    local = threading.local()

    def one(text):
        s = getattr(local, "summarizer", None)
        if s is None:
            s = local.summarizer = template._clone()
        return s.summarize(text)

    def results():
        if jobs == 1:
            for text in texts:
                yield template.summarize(text)
            return
        pool = concurrent.futures.ThreadPoolExecutor(max_workers=jobs,
                                                     thread_name_prefix="libsumm")
        pending = collections.deque()
        try:
            for text in texts:
                pending.append(pool.submit(one, text))
                if len(pending) >= jobs * _WINDOW_PER_JOB:
                    yield pending.popleft().result()
            while pending:
                yield pending.popleft().result()
        finally:
            for f in pending:
                f.cancel()
            pool.shutdown(wait=True)

    return results()


__doc__ = _with_options(__doc__)
Summarizer.__doc__ = _with_options(Summarizer.__doc__)
