# Type stubs for libsumm (the runtime module is libsumm/__init__.py over the
# _libsumm extension).
from typing import Any, Iterable, Iterator, Optional, Tuple, TypeVar, Union, overload

# Any bytes-like object holding UTF-8 is accepted; these are the usual ones.
_Buffer = Union[bytes, bytearray, memoryview]

__version__: str
DEFAULT_MAX_INPUT_BYTES: int
MAX_INPUT_BYTES: int

class Error(Exception):
    code: Optional[int]
    status: Optional[str]  # summ_status_name(code): "invalid_arg", "unknown_lang", ...

class InvalidUTF8Error(Error, UnicodeDecodeError): ...
class UnknownLanguageError(Error, LookupError): ...
class UnknownAlgorithmError(Error, LookupError): ...
class InputTooLargeError(Error, ValueError): ...
class InvalidArgumentError(Error, ValueError): ...

class Sentence(tuple[Any, ...]):
    @property
    def text(self) -> Any: ...  # str for str input, bytes otherwise
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def index(self) -> int: ...
    @property
    def score(self) -> float: ...

class OptionInfo(tuple[Any, ...]):
    @property
    def name(self) -> str: ...
    @property
    def type(self) -> str: ...  # "uint", "real", "bool", "algorithm", "choice" or "words"
    @property
    def group(self) -> str: ...
    @property
    def doc(self) -> str: ...
    @property
    def value_name(self) -> Optional[str]: ...
    @property
    def min(self) -> Optional[float]: ...  # an int for "uint" rows
    @property
    def max(self) -> Optional[float]: ...
    @property
    def min_open(self) -> bool: ...
    @property
    def max_open(self) -> bool: ...
    @property
    def default(self) -> Any: ...
    @property
    def default_text(self) -> str: ...
    @property
    def off_text(self) -> Optional[str]: ...
    @property
    def choices(self) -> Optional[tuple[str, ...]]: ...

_T = TypeVar("_T")

class SentenceList(list[_T]):
    language: str  # the code of the language used: the detected one for "auto"
    explain: Optional[dict[str, Any]]  # the adaptive algorithm's evidence, or None
    def __init__(self, sentences: Iterable[_T] = ..., language: str = "und",
                 explain: Optional[dict[str, Any]] = ...) -> None: ...

def options() -> tuple[OptionInfo, ...]: ...
def languages() -> list[str]: ...
def algorithms() -> list[str]: ...
def detect_language(text: Union[str, _Buffer]) -> str: ...

class RougeScore(tuple[float, float, float, int]):
    @property
    def precision(self) -> float: ...
    @property
    def recall(self) -> float: ...
    @property
    def f1(self) -> float: ...
    @property
    def reference(self) -> int: ...

def rouge(
    candidate: Union[str, _Buffer],
    references: Union[str, _Buffer, Iterable[Union[str, _Buffer]]],
    metric: str = "rouge1",
    *,
    tokenizer: str = "ascii",
    stemmer: Optional[str] = None,
    stem_min_length: int = 3,
) -> RougeScore: ...

class Keyphrase(tuple[Any, ...]):
    @property
    def text(self) -> Any: ...  # str for str input, bytes otherwise
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def score(self) -> float: ...
    @property
    def count(self) -> int: ...
    @property
    def spans(self) -> tuple[tuple[int, int], ...]: ...

class KeyphraseList(list[Keyphrase]):
    language: str
    def __init__(self, keyphrases: Iterable[Keyphrase] = ..., language: str = "und") -> None: ...

# Option values, as the library's option table takes them (libsumm.options()):
# None for the default, a str as the summarize command reads it, or a number.
_Count = Union[int, str, None]
_Real = Union[float, str, None]
_Flag = Union[bool, str, None]
_Words = Optional[Iterable[str]]

# Every option keyword is listed in Summarizer.__init__ and in summarize(), in
# the table's order; the tests check that against libsumm.options().
class Summarizer:
    def __init__(
        self,
        language: str = "auto",
        algorithm: Optional[str] = "default",
        *,
        stopwords: Optional[Iterable[str]] = None,
        abbreviations: Optional[Iterable[str]] = None,
        sentences: _Count = None,
        ratio: _Real = None,
        words: _Count = None,
        bytes: _Count = None,
        mmr_lambda: _Real = None,
        position_weight: _Real = None,
        min_sentence_words: _Count = None,
        damping: _Real = None,
        tolerance: _Real = None,
        max_iterations: _Count = None,
        lexrank_threshold: _Real = None,
        max_neighbours: _Count = None,
        lsa_dimensions: _Count = None,
        lede_weight: _Real = None,
        cue_words: _Words = None,
        stigma_words: _Words = None,
        keyphrase_algorithm: Optional[str] = None,
        keyphrase_window: _Count = None,
        lenient: _Flag = None,
        no_stemming: _Flag = None,
        keep_stopwords: _Flag = None,
        max_input_bytes: _Count = None,
        score_order: _Flag = None,
    ) -> None: ...
    @property
    def language(self) -> str: ...
    @property
    def options(self) -> dict[str, Any]: ...
    def summarize(self, text: Union[str, _Buffer], **options: Any) -> SentenceList[Sentence]: ...
    def split(self, text: Union[str, _Buffer], **options: Any) -> SentenceList[Sentence]: ...
    def scores(self, text: Union[str, _Buffer], **options: Any) -> SentenceList[Sentence]: ...
    def summarize_many(
        self, texts: Iterable[Union[str, _Buffer]], jobs: Optional[int] = None, **options: Any
    ) -> Iterator[SentenceList[Sentence]]: ...
    def __eq__(self, other: object) -> bool: ...
    def __hash__(self) -> int: ...
    def __reduce__(self) -> Tuple[Any, ...]: ...
    def keywords(
        self, text: Union[str, _Buffer], n: Optional[int] = None, **options: Any
    ) -> KeyphraseList: ...

@overload
def summarize(
    text: str,
    *,
    algorithm: Optional[str] = "default",
    language: str = "auto",
    stopwords: Optional[Iterable[str]] = None,
    abbreviations: Optional[Iterable[str]] = None,
    sentences: _Count = None,
    ratio: _Real = None,
    words: _Count = None,
    bytes: _Count = None,
    mmr_lambda: _Real = None,
    position_weight: _Real = None,
    min_sentence_words: _Count = None,
    damping: _Real = None,
    tolerance: _Real = None,
    max_iterations: _Count = None,
    lexrank_threshold: _Real = None,
    max_neighbours: _Count = None,
    lsa_dimensions: _Count = None,
    lede_weight: _Real = None,
    cue_words: _Words = None,
    stigma_words: _Words = None,
    keyphrase_algorithm: Optional[str] = None,
    keyphrase_window: _Count = None,
    lenient: _Flag = None,
    no_stemming: _Flag = None,
    keep_stopwords: _Flag = None,
    max_input_bytes: _Count = None,
    score_order: _Flag = None,
) -> str: ...
@overload
def summarize(
    text: _Buffer,
    *,
    algorithm: Optional[str] = "default",
    language: str = "auto",
    stopwords: Optional[Iterable[str]] = None,
    abbreviations: Optional[Iterable[str]] = None,
    sentences: _Count = None,
    ratio: _Real = None,
    words: _Count = None,
    bytes: _Count = None,
    mmr_lambda: _Real = None,
    position_weight: _Real = None,
    min_sentence_words: _Count = None,
    damping: _Real = None,
    tolerance: _Real = None,
    max_iterations: _Count = None,
    lexrank_threshold: _Real = None,
    max_neighbours: _Count = None,
    lsa_dimensions: _Count = None,
    lede_weight: _Real = None,
    cue_words: _Words = None,
    stigma_words: _Words = None,
    keyphrase_algorithm: Optional[str] = None,
    keyphrase_window: _Count = None,
    lenient: _Flag = None,
    no_stemming: _Flag = None,
    keep_stopwords: _Flag = None,
    max_input_bytes: _Count = None,
    score_order: _Flag = None,
) -> bytes: ...
@overload
def split_sentences(text: str, language: str = "auto", **options: Any) -> SentenceList[str]: ...
@overload
def split_sentences(
    text: _Buffer, language: str = "auto", **options: Any
) -> SentenceList[bytes]: ...
