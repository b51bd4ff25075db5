#!/usr/bin/env python3
"""Tests of summarize's batch mode: --jsonl records in input order with -j,
bad records with file and line (--on-error stop|skip and their exit
statuses), hostile JSON, --output-dir files written atomically, and progress
only on a terminal. Prints TAP.

Usage: test_batch.py PATH/TO/summarize
"""
import json
import os
import pty
import select
import subprocess
import sys
import tempfile

from tap import run_all

SUMMARIZE = os.path.abspath(sys.argv[1])

WORDS = ("council ferry harbour budget mayor terminal residents buses spring "
         "tuesday week plan river bridge school").split()


def doc(i):
    """A document of a few sentences, different for each i."""
    out = []
    for k in range(4 + i % 5):
        w = [WORDS[(i * 7 + k * 3 + j) % len(WORDS)] for j in range(6 + (i + k) % 4)]
        out.append(" ".join(w).capitalize() + " number %d." % (i * 10 + k))
    return " ".join(out)


results = []


def run(*args, stdin=b"", **kw):
    return subprocess.run([SUMMARIZE, *args], input=stdin, capture_output=True, timeout=120,
                          **kw)


def test(fn):
    results.append(fn)
    return fn


def check(cond, what):
    if not cond:
        raise AssertionError(what)


def jsonl(records):
    return "".join(json.dumps(r) + "\n" for r in records).encode("utf-8")


def lines(out):
    return [json.loads(line) for line in out.decode("utf-8").splitlines()]


def have_jsonl():
    p = run("--jsonl")
    return p.returncode == 0


def needs_jsonl(fn):
    def wrapped():
        if not have_jsonl():
            return "skip summarize was built without json-c"
        return fn()
    wrapped.__name__ = fn.__name__
    return test(wrapped)


@needs_jsonl
def jsonl_order_with_two_jobs():
    records = [{"id": "d%d" % i, "text": doc(i)} for i in range(300)]
    one = run("--jsonl", "-j", "1", "-n", "2", stdin=jsonl(records))
    two = run("--jsonl", "-j", "2", "-n", "2", stdin=jsonl(records))
    check(one.returncode == 0 and two.returncode == 0, (one, two))
    check(one.stdout == two.stdout, "-j 2 output differs from -j 1")
    out = lines(two.stdout)
    check([o["id"] for o in out] == [r["id"] for r in records], "ids out of order")


@needs_jsonl
def jsonl_fields_and_offsets():
    text = "Ünïcödé opens the text here. " + doc(3)
    rec = {"key": 7, "body": text, "title": "T", "meta": {"a": [1, None]}, "drop": 1}
    p = run("--jsonl", "--text-field", "body", "--id-field", "key",
            "--keep-fields", "title,meta", "-n", "2", stdin=jsonl([rec]))
    check(p.returncode == 0, p)
    (o,) = lines(p.stdout)
    check(o["id"] == 7 and o["title"] == "T" and o["meta"] == {"a": [1, None]}, o)
    check("drop" not in o and "body" not in o, o)
    check(o["language"] == "en" and o["sentence_count"] == 4 + 3 % 5 + 1, o)
    raw = text.encode("utf-8")
    parts = [raw[s["start"]:s["end"]].decode("utf-8") for s in o["sentences"]]
    check(o["summary"] == " ".join(parts), (o["summary"], parts))
    check(all(isinstance(s["score"], float) or isinstance(s["score"], int)
              for s in o["sentences"]), o)
    check(len(o["sentences"]) == 2, o)


@needs_jsonl
def jsonl_options_apply_to_each_document():
    records = [{"text": doc(i)} for i in range(5)]
    p = run("--jsonl", "--split", stdin=jsonl(records))
    check(p.returncode == 0, p)
    for o in lines(p.stdout):
        check(len(o["sentences"]) == o["sentence_count"], o)


@needs_jsonl
def jsonl_files_and_stdin_dash():
    with tempfile.TemporaryDirectory() as d:
        a, b = os.path.join(d, "a.jsonl"), os.path.join(d, "b.jsonl")
        with open(a, "wb") as f:
            f.write(jsonl([{"id": "a%d" % i, "text": doc(i)} for i in range(3)]))
        with open(b, "wb") as f:
            f.write(jsonl([{"id": "b0", "text": doc(9)}]))
        p = run("--jsonl", a, "-", b, stdin=jsonl([{"id": "s", "text": doc(4)}]))
        check(p.returncode == 0, p)
        check([o["id"] for o in lines(p.stdout)] == ["a0", "a1", "a2", "s", "b0"], p.stdout)


BAD = [
    (b'{"id": 1, "text": "Fine. Also fine."}', None),
    (b'not json', "invalid JSON"),
    (b'{"id": 3}', 'no "text" field'),
    (b'{"text": 5}', 'not a string'),
    (b'{"text": "bad \xff byte"}', "utf-8"),
    (b'{"text": "A sentence."} trailing', "invalid JSON"),
    (b'[1, 2]', "not a JSON object"),
    (b'{"id": 8, "text": "Last one. Still fine."}', None),
]


@needs_jsonl
def bad_records_stop_with_line_number():
    data = b"\n".join(line for line, _ in BAD) + b"\n"
    p = run("--jsonl", stdin=data)
    check(p.returncode == 1, p)
    err = p.stderr.decode()
    check("standard input:2: invalid JSON" in err, err)
    check(err.count("\n") == 1, "more than the first error: " + err)
    out = lines(p.stdout)
    check([o["id"] for o in out] == [1], out)
    check(p.stdout.endswith(b"\n"), "partial line")


@needs_jsonl
def bad_records_skip_count_and_status_3():
    data = b"\n".join(line for line, _ in BAD) + b"\n"
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "bad.jsonl")
        with open(path, "wb") as f:
            f.write(data)
        p = run("--jsonl", "--on-error", "skip", "-j", "2", path)
    check(p.returncode == 3, p)
    err = p.stderr.decode()
    for n, (_, why) in enumerate(BAD, 1):
        if why:
            check(("%s:%d: " % (path, n)) in err and why in err, (n, err))
    check("skipped 6 bad lines" in err, err)
    check([o["id"] for o in lines(p.stdout)] == [1, 8], p.stdout)


@needs_jsonl
def stop_with_many_jobs_leaves_complete_lines():
    records = [{"id": i, "text": doc(i)} for i in range(200)]
    data = jsonl(records[:150]) + b"{broken\n" + jsonl(records[150:])
    p = run("--jsonl", "-j", "4", stdin=data)
    check(p.returncode == 1, p)
    check("standard input:151:" in p.stderr.decode(), p.stderr)
    check([o["id"] for o in lines(p.stdout)] == list(range(150)), "not every line before the error")


@needs_jsonl
def on_error_usage():
    p = run("--jsonl", "--on-error", "maybe")
    check(p.returncode == 2 and b"neither stop nor skip" in p.stderr, p)
    p = run("--text-field", "x", stdin=b"A text.")
    check(p.returncode == 2 and b"need --jsonl" in p.stderr, p)
    p = run("--jsonl", "-j", "0")
    check(p.returncode == 2, p)
    p = run("--jsonl", "--keywords", "3")
    check(p.returncode == 2 and b"--keywords cannot be combined" in p.stderr, p)


# ---- hostile JSON -------------------------------------------------------


@needs_jsonl
def hostile_deep_nesting_is_refused():
    deep = b'{"text": "A b c.", "x": ' + b"[" * 100000 + b"]" * 100000 + b"}\n"
    p = run("--jsonl", stdin=deep)
    check(p.returncode == 1 and b"standard input:1:" in p.stderr, p)
    check(p.stdout == b"", p)


@needs_jsonl
def hostile_huge_string():
    text = (doc(1) + " ") * 40000  # about 10 MB
    p = run("--jsonl", "-n", "1", stdin=jsonl([{"text": text}]))
    check(p.returncode == 0, p.stderr)
    (o,) = lines(p.stdout)
    check(o["sentence_count"] > 100000, o["sentence_count"])


@needs_jsonl
def hostile_nul_refused_elsewhere_kept():
    p = run("--jsonl", stdin=b'{"text": "Cut \\u0000 here. More."}\n')
    check(p.returncode == 1 and b"U+0000" in p.stderr, p)
    p = run("--jsonl", "--keep-fields", "note",
            stdin=b'{"text": "Whole text. Two.", "note": "a\\u0000b"}\n')
    check(p.returncode == 0, p)
    check(lines(p.stdout)[0]["note"] == "a\x00b", p.stdout)


@needs_jsonl
def hostile_surrogates():
    p = run("--jsonl", "--split", stdin=b'{"text": "Smile \\ud83d\\ude00 now."}\n')
    check(p.returncode == 0, p)
    o = lines(p.stdout)[0]
    check(o["summary"] == "Smile \U0001F600 now.", o)
    check(o["sentences"][0]["end"] == len("Smile \U0001F600 now.".encode()), o)
    p = run("--jsonl", "--split", stdin=b'{"text": "Lone \\ud800 here."}\n')
    check(p.returncode == 0, p)
    check(lines(p.stdout)[0]["summary"] == "Lone \ufffd here.", p.stdout)


@needs_jsonl
def hostile_duplicate_keys_last_wins():
    p = run("--jsonl", "--split", stdin=b'{"text": "First.", "text": "Second one."}\n')
    check(p.returncode == 0, p)
    check(lines(p.stdout)[0]["summary"] == "Second one.", p.stdout)


@needs_jsonl
def hostile_control_characters_escaped_on_output():
    p = run("--jsonl", "--split", stdin=b'{"text": "Tab\\there.\\u2028 Bell\\u0007 ok."}\n')
    check(p.returncode == 0, p)
    check(b"\x07" not in p.stdout and b"\t" not in p.stdout, p.stdout)
    lines(p.stdout)


# ---- many plain files ---------------------------------------------------


def make_docs(d, n):
    paths = []
    for i in range(n):
        path = os.path.join(d, "doc%02d.txt" % i)
        with open(path, "w") as f:
            f.write(doc(i))
        paths.append(path)
    return paths


@test
def output_dir_one_file_per_input():
    with tempfile.TemporaryDirectory() as d:
        paths = make_docs(d, 12)
        out = os.path.join(d, "out")
        with open(os.path.join(d, "stale"), "w"):
            pass
        os.mkdir(out)
        with open(os.path.join(out, "doc00.json"), "w") as f:
            f.write("old")
        p = run("-j", "2", "--output-dir", out, "-f", "json", "-n", "2", *paths)
        check(p.returncode == 0, p)
        names = sorted(os.listdir(out))
        check(names == ["doc%02d.json" % i for i in range(12)], names)
        for i, path in enumerate(paths):
            alone = run("-f", "json", "-n", "2", path)
            with open(os.path.join(out, "doc%02d.json" % i), "rb") as f:
                check(f.read() == alone.stdout, path)


@test
def output_dir_errors():
    with tempfile.TemporaryDirectory() as d:
        a = os.path.join(d, "a")
        os.mkdir(a)
        paths = make_docs(a, 2)
        b = os.path.join(d, "b")
        os.mkdir(b)
        with open(os.path.join(b, "doc00.txt"), "w") as f:
            f.write(doc(5))
        p = run("--output-dir", os.path.join(d, "o"), paths[0], os.path.join(b, "doc00.txt"))
        check(p.returncode == 2 and b"both be written" in p.stderr, p)
        p = run("--jsonl", "--output-dir", os.path.join(d, "o"))
        check(p.returncode == 2 and b"--jsonl" in p.stderr, p)
        missing = os.path.join(a, "missing.txt")
        p = run("--output-dir", os.path.join(d, "o"), "--on-error", "skip", missing, *paths)
        check(p.returncode == 3 and b"missing.txt" in p.stderr, p)
        check(sorted(os.listdir(os.path.join(d, "o"))) == ["doc00.txt", "doc01.txt"],
              os.listdir(os.path.join(d, "o")))


@test
def jobs_on_plain_files_keeps_order():
    with tempfile.TemporaryDirectory() as d:
        paths = make_docs(d, 20)
        plain = run("-n", "1", *paths)
        par = run("-j", "2", "-n", "1", *paths)
        check(plain.returncode == 0 and par.returncode == 0, par)
        check(plain.stdout == par.stdout, "-j 2 differs")


# ---- progress -----------------------------------------------------------


@test
def progress_silent_when_stderr_is_not_a_terminal():
    with tempfile.TemporaryDirectory() as d:
        paths = make_docs(d, 5)
        p = run("-j", "2", *paths)
        check(p.returncode == 0 and p.stderr == b"", p.stderr)


def run_with_pty_stderr(*args):
    master, slave = pty.openpty()
    proc = subprocess.Popen([SUMMARIZE, *args], stdin=subprocess.DEVNULL,
                            stdout=subprocess.DEVNULL, stderr=slave)
    os.close(slave)
    got = b""
    while True:
        r, _, _ = select.select([master], [], [], 60)
        if not r:
            break
        try:
            chunk = os.read(master, 4096)
        except OSError:  # EIO: the child closed its end
            break
        if not chunk:
            break
        got += chunk
    os.close(master)
    return proc.wait(timeout=60), got


@test
def progress_on_a_terminal():
    with tempfile.TemporaryDirectory() as d:
        paths = make_docs(d, 5)
        rc, got = run_with_pty_stderr("-j", "2", *paths)
        check(rc == 0 and b"5 docs" in got and b"MB" in got and b"docs/s" in got, got)
        rc, got = run_with_pty_stderr("-j", "2", "--no-progress", *paths)
        check(rc == 0 and got == b"", got)


def main():
    return run_all(results)


if __name__ == "__main__":
    sys.exit(main())
