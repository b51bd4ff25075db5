"""libsumm on a Dask cluster: summarize a :class:`dask.bag.Bag` of texts or of
records partition by partition, one :class:`libsumm.Summarizer` per
partition. Imported on its own (``import libsumm.dask``), so that libsumm
needs Dask only when this module is used.

    import dask.bag as db
    from distributed import Client
    import libsumm.dask

    client = Client("tcp://scheduler:8786")   # or a LocalCluster
    bag = db.read_text("corpus-*.jsonl").map(json.loads)
    out = libsumm.dask.summarize_bag(bag, text_field="text", sentences=3)
    out.map(json.dumps).to_textfiles("summaries-*.jsonl")

Every worker needs libsumm installed; the Summarizer travels as its
language code and options and builds its language resources there.
"""
import dask.bag  # noqa: F401  (a clear ImportError when Dask is missing)

from . import Summarizer

__all__ = ["summarize_bag", "summarize_partition"]


def _record_result(record, text_field, id_field, sents):
    out = {
        "summary": " ".join(s.text for s in sents),
        "language": sents.language,
        "sentences": [{"index": s.index, "start": s.start, "end": s.end, "score": s.score}
                      for s in sents],
    }
    if id_field in record:
        out = {"id": record[id_field], **out}
    return out


def summarize_partition(items, summarizer, text_field=None, id_field="id"):
    """Summarize one partition (an iterable of texts, or of dicts when
    text_field is given) with a copy of summarizer; returns a list.

    For texts each result is a :class:`libsumm.SentenceList`; for records a
    dict with ``id`` (when the record has ``id_field``), ``summary`` (the
    sentences joined by spaces), ``language`` and ``sentences`` (index,
    start, end, score; offsets in code points of the text)."""
    s = summarizer._clone()
    if text_field is None:
        return [s.summarize(t) for t in items]
    return [_record_result(r, text_field, id_field, s.summarize(r[text_field])) for r in items]


def summarize_bag(bag, language="auto", *, summarizer=None, text_field=None, id_field="id",
                  **options):
    """A bag of the summaries of bag's items, in the same order.

    Items are texts, or records (dicts) whose ``text_field`` holds the text.
    The summarizer is ``summarizer`` if given, else ``Summarizer(language,
    **options)``; it is pickled to the workers once per partition."""
    if summarizer is None:
        summarizer = Summarizer(language, **options)
    elif options or language != "auto":
        raise TypeError("give either summarizer or language and options, not both")
    return bag.map_partitions(summarize_partition, summarizer, text_field, id_field)
