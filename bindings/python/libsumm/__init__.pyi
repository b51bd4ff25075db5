# Type stubs for libsumm (the runtime module is libsumm/__init__.py over the
# _libsumm extension).
from typing import Any, Iterable, Optional, Union, overload

# Any bytes-like object holding UTF-8 is accepted; these are the usual ones.
_Buffer = Union[bytes, bytearray, memoryview]

__version__: str
DEFAULT_MAX_INPUT_BYTES: int
MAX_INPUT_BYTES: int

class Error(Exception):
    code: Optional[int]

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
    def type(self) -> str: ...  # "uint", "real", "bool", "algorithm" or "words"
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

class Summarizer:
    def __init__(
        self,
        language: str = "en",
        algorithm: str = "default",
        *,
        stopwords: Optional[Iterable[str]] = None,
        abbreviations: Optional[Iterable[str]] = None,
        sentences: Optional[int] = None,
        ratio: Optional[float] = None,
        words: Optional[int] = None,
        bytes: Optional[int] = None,
        score_order: bool = False,
        lenient: bool = False,
        no_stemming: bool = False,
        keep_stopwords: bool = False,
        max_input_bytes: Optional[int] = None,
        mmr_lambda: Optional[float] = None,
        position_weight: Optional[float] = None,
        min_sentence_words: Optional[int] = None,
        damping: Optional[float] = None,
        tolerance: Optional[float] = None,
        max_iterations: Optional[int] = None,
        lexrank_threshold: Optional[float] = None,
        max_neighbours: Optional[int] = None,
        lsa_dimensions: Optional[int] = None,
        cue_words: Optional[Iterable[str]] = None,
        stigma_words: Optional[Iterable[str]] = None,
    ) -> None: ...
    @property
    def language(self) -> str: ...
    @property
    def options(self) -> dict[str, Any]: ...
    def summarize(self, text: Union[str, _Buffer], **options: Any) -> list[Sentence]: ...
    def split(self, text: Union[str, _Buffer], **options: Any) -> list[Sentence]: ...
    def scores(self, text: Union[str, _Buffer], **options: Any) -> list[Sentence]: ...

@overload
def summarize(
    text: str,
    *,
    sentences: Optional[int] = None,
    ratio: Optional[float] = None,
    words: Optional[int] = None,
    bytes: Optional[int] = None,
    algorithm: str = "default",
    language: str = "en",
    **options: Any,
) -> str: ...
@overload
def summarize(
    text: _Buffer,
    *,
    sentences: Optional[int] = None,
    ratio: Optional[float] = None,
    words: Optional[int] = None,
    bytes: Optional[int] = None,
    algorithm: str = "default",
    language: str = "en",
    **options: Any,
) -> bytes: ...
@overload
def split_sentences(text: str, language: str = "en", **options: Any) -> list[str]: ...
@overload
def split_sentences(text: _Buffer, language: str = "en", **options: Any) -> list[bytes]: ...
