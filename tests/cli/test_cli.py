#!/usr/bin/env python3
"""Tests of the summarize command line: golden output, formats, exit codes,
error handling, and the options that come from the library's option table.
Prints TAP.

Usage: test_cli.py PATH/TO/summarize SOURCE_ROOT
"""
import json
import os
import re
import subprocess
import sys
import tempfile

from tap import run_all

EXE = os.path.abspath(sys.argv[1])
ROOT = os.path.abspath(sys.argv[2])
# Relative, with the source root as working directory, so that the file name
# in golden output does not depend on where the tree is checked out.
ARTICLE = os.path.join("examples", "article.txt")
GOLDEN = os.path.join(ROOT, "tests", "cli", "golden")

results = []


def run(*args, stdin=b"", **kw):
    kw.setdefault("cwd", ROOT)
    return subprocess.run([EXE, *args], input=stdin, capture_output=True, timeout=60, **kw)


def test(fn):
    results.append(fn)
    return fn


def check(cond, what):
    if not cond:
        raise AssertionError(what)


def golden(name, data):
    path = os.path.join(GOLDEN, name)
    if os.environ.get("SUMM_UPDATE_GOLDEN"):
        with open(path, "wb") as f:
            f.write(data)
    with open(path, "rb") as f:
        want = f.read()
    check(data == want, "output differs from %s:\n%r\nwant:\n%r" % (name, data, want))


@test
def three_sentences_in_document_order():
    p = run("-n", "3", ARTICLE)
    check(p.returncode == 0, p.stderr)
    lines = p.stdout.decode().splitlines()
    check(len(lines) == 3, lines)
    text = open(os.path.join(ROOT, ARTICLE), encoding="utf-8").read()
    positions = [text.index(line) for line in lines]
    check(positions == sorted(positions), "not in document order")
    golden("article-n3.txt", p.stdout)


@test
def json_offsets_slice_the_sentences():
    p = run("-n", "3", "-f", "json", ARTICLE)
    check(p.returncode == 0, p.stderr)
    doc = json.loads(p.stdout)
    raw = open(os.path.join(ROOT, ARTICLE), "rb").read()
    check(doc["file"] == ARTICLE and doc["language"] == "en", doc)
    check(len(doc["sentences"]) == 3, doc)
    text_out = run("-n", "3", ARTICLE).stdout.decode().splitlines()
    for s, line in zip(doc["sentences"], text_out):
        piece = raw[s["start"]:s["end"]].decode("utf-8")
        check(piece == s["text"], (piece, s["text"]))
        check(piece.replace("\n", " ") == line, (piece, line))
    golden("article-n3.json", p.stdout)


@test
def tsv_format():
    p = run("-n", "2", "-f", "tsv", ARTICLE)
    check(p.returncode == 0, p.stderr)
    rows = [r.split("\t") for r in p.stdout.decode().splitlines()]
    check(len(rows) == 2 and all(len(r) == 5 for r in rows), rows)
    golden("article-n2.tsv", p.stdout)


@test
def explain_tells_the_evidence():
    p = run("--explain", "-a", "adaptive", "-n", "3", ARTICLE)
    check(p.returncode == 0, p.stderr)
    err = p.stderr.decode()
    check(err.startswith("summarize: %s: 21 sentences; the summary is 0.14 of the text"
                         % ARTICLE), err)
    check("lede weight" in err, err)
    check(p.stdout == run("-a", "adaptive", "-n", "3", ARTICLE).stdout,
          "--explain changed the summary")
    doc = json.loads(run("-a", "adaptive", "-n", "3", "-f", "json", ARTICLE).stdout)
    e = doc["explain"]
    check(e["sentences"] == 21 and abs(e["summary_share"] - 3 / 21) < 1e-5, e)
    check(0 <= e["lede_weight"] <= 1 and -1 <= e["position_centrality"] <= 1, e)
    pinned = json.loads(run("-a", "adaptive", "-n", "3", "-f", "json", "--lede-weight", "0.5",
                            ARTICLE).stdout)
    check(pinned["explain"]["lede_weight"] == 0.5, pinned)
    # The default (textrank) has no evidence: its json is as before.
    doc = json.loads(run("-n", "3", "-f", "json", ARTICLE).stdout)
    check("explain" not in doc, doc)
    p = run("--explain", ARTICLE)
    check(p.returncode == 0 and "no evidence" in p.stderr.decode(), p.stderr)
    check(p.stdout == run(ARTICLE).stdout, "--explain changed the default's summary")


@test
def byte_identical_across_runs():
    outs = {run("-f", "json", "-r", "0.5", ARTICLE).stdout for _ in range(3)}
    check(len(outs) == 1, "outputs differ between runs")


@test
def split_prints_every_sentence():
    p = run("--split", stdin=b"One. Two! Three?")
    check(p.returncode == 0 and p.stdout == b"One.\nTwo!\nThree?\n", p.stdout)


@test
def scores_prints_every_sentence():
    p = run("--scores", "-f", "tsv", stdin=b"Cats purr. Dogs bark. Cats and dogs play.")
    check(p.returncode == 0, p.stderr)
    check(len(p.stdout.decode().splitlines()) == 3, p.stdout)


@test
def stdin_and_dash():
    a = run("-n", "1", stdin=b"First thing. Second thing.")
    b = run("-n", "1", "-", stdin=b"First thing. Second thing.")
    check(a.returncode == 0 and a.stdout == b.stdout and a.stdout, (a, b))


@test
def several_files_have_headers():
    with tempfile.TemporaryDirectory() as d:
        f1, f2 = os.path.join(d, "a.txt"), os.path.join(d, "b.txt")
        open(f1, "w").write("Alpha one. Alpha two.")
        open(f2, "w").write("Beta one. Beta two.")
        p = run("-n", "1", f1, f2)
        check(p.returncode == 0, p.stderr)
        out = p.stdout.decode()
        check(out.startswith("==> %s <==\n" % f1), out)
        check("\n\n==> %s <==\n" % f2 in out, out)
        j = run("-n", "1", "-f", "json", f1, f2)
        docs = [json.loads(line) for line in j.stdout.decode().splitlines()]
        check([d["file"] for d in docs] == [f1, f2], docs)


@test
def empty_input_is_empty_output():
    p = run(stdin=b"")
    check(p.returncode == 0 and p.stdout == b"" and p.stderr == b"", p)
    p = run("-f", "json", stdin=b"")
    check(p.returncode == 0 and json.loads(p.stdout)["sentences"] == [], p)


@test
def invalid_utf8_fails_with_offset():
    p = run(stdin=b"Fine text. Bad \xff byte.")
    check(p.returncode == 1, p.returncode)
    check(b"invalid UTF-8 at byte 15" in p.stderr, p.stderr)
    check(p.stderr.startswith(b"summarize: "), p.stderr)
    p = run("--lenient", "--split", stdin=b"Fine text. Bad \xff byte.")
    check(p.returncode == 0 and len(p.stdout.splitlines()) == 2, p)


@test
def missing_file_and_directory():
    p = run("/nonexistent/file.txt")
    check(p.returncode == 1 and b"No such file" in p.stderr, p)
    p = run(ROOT)
    check(p.returncode == 1 and b"is a directory" in p.stderr, p)


@test
def usage_errors_exit_2():
    for args in (["-n", "-1"], ["-n", "abc"], ["-n", "1.5"], ["-r", "2"], ["-r", "0,5"],
                 ["-r", "x"], ["-r", "101%"], ["--bogus"], ["-a", "nope"], ["-f", "xml"],
                 ["-l", "klingon"], ["-w", "-3"], ["--split", "--scores"], ["-n"], ["-x"],
                 ["--lenient=on"], ["--s"]):
        p = run(*args, ARTICLE)
        check(p.returncode == 2 and p.stdout == b"", (args, p.returncode))
        check(b"--help" in p.stderr, (args, p.stderr))


@test
def every_error_starts_with_the_program_name():
    # Run by a path, as getopt's own messages would start with argv[0].
    cases = {("--bogus",): b"summarize: unrecognized option '--bogus'\n",
             ("-x",): b"summarize: invalid option -- 'x'\n",
             ("-n",): b"summarize: option requires an argument -- 'n'\n",
             ("--ratio",): b"summarize: option '--ratio' requires an argument\n",
             ("--lenient=on",): b"summarize: option '--lenient' doesn't allow an argument\n",
             ("--s",): b"summarize: option '--s' is ambiguous",
             ("-n", "x"): b"summarize: sentences: 'x' is not a number\n",
             ("--damping", "1.5"): b"summarize: damping: 1.5 is outside (0, 1)\n",
             ("-f", "xml"): b"summarize: unknown format 'xml'",
             ("-l", "klingon"): b"summarize: unknown language 'klingon'",
             ("/nonexistent",): b"summarize: /nonexistent: No such file"}
    for args, want in cases.items():
        p = subprocess.run([EXE, *args], input=b"", capture_output=True, timeout=60, cwd=ROOT)
        check(p.stderr.startswith(want), (args, p.stderr))
        check(p.returncode == (1 if args == ("/nonexistent",) else 2), (args, p.returncode))


@test
def write_error_is_reported():
    if not os.path.exists("/dev/full"):
        return "skip no /dev/full"
    with open("/dev/full", "wb") as full:
        p = subprocess.run([EXE, ARTICLE], stdout=full, stderr=subprocess.PIPE, timeout=60,
                           cwd=ROOT)
    check(p.returncode == 1 and b"write error" in p.stderr, p)


@test
def output_file_is_atomic():
    with tempfile.TemporaryDirectory() as d:
        out = os.path.join(d, "out.txt")
        p = run("-n", "2", "-o", out, ARTICLE)
        check(p.returncode == 0 and p.stdout == b"", p)
        check(open(out, "rb").read() == run("-n", "2", ARTICLE).stdout, "content")
        # A failing input leaves the previous file untouched and no temporary.
        p = run("-o", out, "/nonexistent")
        check(p.returncode == 1, p)
        check(open(out, "rb").read() == run("-n", "2", ARTICLE).stdout, "replaced on failure")
        check(os.listdir(d) == ["out.txt"], os.listdir(d))


@test
def max_input_limit():
    p = run("--max-input", "100", ARTICLE)
    check(p.returncode == 1 and b"limit of 100 bytes" in p.stderr, p)
    p = run("--max-input", "100", stdin=b"x" * 101)
    check(p.returncode == 1 and b"limit of 100 bytes" in p.stderr, p)
    p = run("--max-input-bytes", "100", stdin=b"x" * 101)
    check(p.returncode == 1 and b"limit of 100 bytes" in p.stderr, p)


@test
def help_and_version():
    p = run("--help")
    check(p.returncode == 0 and b"--sentences" in p.stdout and b"Exit status" in p.stdout, p)
    p = run("-V")
    check(p.returncode == 0 and p.stdout.startswith(b"summarize (libsumm) "), p)
    p = run("--list-algorithms")
    check(p.returncode == 0 and b"tfidf" in p.stdout and b"lead" in p.stdout, p)


@test
def sigpipe_is_quiet():
    big = ("This is a sentence about the harbour. " * 20000).encode()
    p = subprocess.run("'%s' --split | head -1" % EXE, shell=True, input=big,
                       capture_output=True, timeout=60)
    check(p.stderr == b"", p.stderr)
    check(p.stdout == b"This is a sentence about the harbour.\n", p.stdout)


def write_temp(data):
    f = tempfile.NamedTemporaryFile(delete=False, suffix=".txt")
    f.write(data)
    f.close()
    return f.name


@test
def language_is_detected_by_default():
    text = ("Der Rat der Stadt hat am Dienstag beschlossen, das alte Fährterminal in eine "
            "Bibliothek umzubauen. Die Kosten liegen bei vier Millionen Euro, und die "
            "Arbeiten sollen im Frühjahr beginnen.").encode()
    p = run("-f", "json", stdin=text)
    check(p.returncode == 0, p.stderr)
    check(json.loads(p.stdout)["language"] == "de", p.stdout)
    p = run("-f", "json", "-l", "fr", stdin=text)
    check(json.loads(p.stdout)["language"] == "fr", p.stdout)
    p = run("--list-languages")
    names = p.stdout.decode().split()
    check("auto" in names and "de" in names and "und" in names and "zh" in names, names)


@test
def stopwords_file_changes_the_scores():
    text = b"Quay quay quay quay. The cat sat. A dog ran far."
    base = run("--scores", "-f", "tsv", "-l", "en", "-a", "tfidf", stdin=text)
    path = write_temp(b"# extra words\n\nquay\r\n")
    try:
        p = run("--scores", "-f", "tsv", "-l", "en", "-a", "tfidf", "--stopwords", path,
                stdin=text)
    finally:
        os.unlink(path)
    check(base.returncode == 0 and p.returncode == 0, (base.stderr, p.stderr))
    first = [float(line.split(b"\t")[3]) for line in p.stdout.splitlines()][0]
    was = [float(line.split(b"\t")[3]) for line in base.stdout.splitlines()][0]
    check(first < was, (base.stdout, p.stdout))


@test
def abbreviations_file_keeps_sentences_together():
    text = b"It weighs xyz. Fifty tons. It is big."
    base = run("--split", "-l", "en", stdin=text)
    check(len(base.stdout.splitlines()) == 3, base.stdout)
    path = write_temp(b"xyz.\n")
    try:
        p = run("--split", "-l", "en", "--abbreviations", path, stdin=text)
    finally:
        os.unlink(path)
    check(p.returncode == 0, p.stderr)
    check(p.stdout == b"It weighs xyz. Fifty tons.\nIt is big.\n", p.stdout)


@test
def word_list_errors():
    p = run("--stopwords", "/nonexistent/list.txt", ARTICLE)
    check(p.returncode == 1 and b"/nonexistent/list.txt" in p.stderr, p)
    path = write_temp(b"ok\n\xff\xfe\n")
    try:
        p = run("--abbreviations", path, ARTICLE)
    finally:
        os.unlink(path)
    check(p.returncode == 1 and b"invalid UTF-8" in p.stderr, p)
    p = run("--help")
    check(b"--stopwords FILE" in p.stdout and b"--abbreviations FILE" in p.stdout, p.stdout)
@test
def sigpipe_is_quiet_when_inherited_ignored():
    # A parent (a shell trap, some daemons) may leave SIGPIPE ignored; the
    # tool restores the default so it still ends at once, without a message.
    big = ("This is a sentence about the harbour. " * 20000).encode()
    with tempfile.TemporaryDirectory() as d:
        status = os.path.join(d, "status")
        script = "trap '' PIPE; ('%s' --split; echo $? > '%s') | head -1" % (EXE, status)
        p = subprocess.run(["sh", "-c", script], input=big, capture_output=True, timeout=60)
        check(p.stderr == b"", p.stderr)
        check(p.stdout == b"This is a sentence about the harbour.\n", p.stdout)
        code = int(open(status).read())
        check(code == 128 + 13, "exit status %d, expected death by SIGPIPE" % code)


@test
def write_errors_in_every_output_path():
    if not os.path.exists("/dev/full"):
        return "skip no /dev/full"
    big = ("A sentence about the quay. " * 5000).encode()
    cases = [(["--help"], b""), (["-V"], b""), (["--list-languages"], b""),
             (["-f", "json", "-n", "2", ARTICLE], b""), (["--split"], big),
             (["--scores", "-f", "tsv"], big)]
    for args, data in cases:
        with open("/dev/full", "wb") as full:
            p = subprocess.run([EXE, *args], input=data, stdout=full, stderr=subprocess.PIPE,
                               timeout=60, cwd=ROOT)
        check(p.returncode == 1, (args, p.returncode))
        # One message, not one per failed write.
        check(p.stderr.count(b"write error") == 1, (args, p.stderr))


@test
def default_limit_refuses_huge_files_without_reading():
    with tempfile.TemporaryDirectory() as d:
        big = os.path.join(d, "big.txt")
        with open(big, "wb") as f:
            f.truncate((256 << 20) + 1)  # sparse: costs no disk space
        p = run(big)
        check(p.returncode == 1, p)
        check(b"larger than the limit of %d bytes" % (256 << 20) in p.stderr, p.stderr)
        # Raising the limit is a usage decision, refusing over 4 GiB - 1 is not.
        p = run("--max-input", "4294967296", ARTICLE)
        check(p.returncode == 2, p)
        check(p.stderr.startswith(b"summarize: max_input_bytes: 4294967296 is outside "
                                  b"[1, 4294967295]\n"), p.stderr)


@test
def limit_is_inclusive():
    data = b"Exactly one hundred bytes of text. " * 3
    data = data[:99] + b"."
    check(len(data) == 100, len(data))
    p = run("--max-input", "100", "--split", stdin=data)
    check(p.returncode == 0 and p.stdout, p)
    p = run("--max-input", "99", "--split", stdin=data)
    check(p.returncode == 1 and b"limit of 99 bytes" in p.stderr, p)


@test
def output_file_untouched_on_any_failure():
    with tempfile.TemporaryDirectory() as d:
        out = os.path.join(d, "out.txt")
        with open(out, "wb") as f:
            f.write(b"previous\n")
        bad = os.path.join(d, "bad.txt")
        with open(bad, "wb") as f:
            f.write(b"Bad \xff byte.")
        # A good input followed by a bad one, an over-limit input, a
        # directory: each leaves the old file and no temporary behind.
        for args in (["-o", out, ARTICLE, bad], ["-o", out, "--max-input", "10", ARTICLE],
                     ["-o", out, ARTICLE, d]):
            p = run(*args)
            check(p.returncode == 1, (args, p.returncode))
            check(open(out, "rb").read() == b"previous\n", (args, "replaced on failure"))
            check(sorted(os.listdir(d)) == ["bad.txt", "out.txt"], (args, os.listdir(d)))
        # An output path that cannot be created or renamed onto.
        p = run("-o", os.path.join(d, "missing", "out.txt"), ARTICLE)
        check(p.returncode == 1 and b"cannot create" in p.stderr, p)
        os.mkdir(os.path.join(d, "adir"))
        p = run("-o", os.path.join(d, "adir"), ARTICLE)
        check(p.returncode == 1 and b"write error" in p.stderr, p)
        check(sorted(os.listdir(d)) == ["adir", "bad.txt", "out.txt"], os.listdir(d))
        check(os.listdir(os.path.join(d, "adir")) == [], "temporary left in place")


@test
def read_error_is_reported():
    # A read that fails after a successful open: /proc/self/mem gives EIO
    # at offset 0. Works as root, unlike permission bits.
    if not os.path.exists("/proc/self/mem"):
        return "skip no /proc/self/mem"
    p = run("/proc/self/mem")
    check(p.returncode == 1 and b"read error" in p.stderr, p)


@test
def unreadable_file():
    if os.geteuid() == 0:
        return "skip permission bits do not apply to root (see read_error_is_reported)"
    with tempfile.TemporaryDirectory() as d:
        f = os.path.join(d, "secret.txt")
        with open(f, "w") as fh:
            fh.write("Hidden. Text.")
        os.chmod(f, 0)
        p = run(f)
        check(p.returncode == 1 and b"Permission denied" in p.stderr, p)


@test
def bad_inputs_do_not_stop_the_others():
    with tempfile.TemporaryDirectory() as d:
        good = os.path.join(d, "good.txt")
        with open(good, "w") as f:
            f.write("Alpha one. Alpha two.")
        p = run("-n", "1", d, "/nonexistent", good)
        check(p.returncode == 1, p)
        check(b"is a directory" in p.stderr and b"No such file" in p.stderr, p.stderr)
        check(p.stdout.decode().endswith("==> %s <==\nAlpha one.\n" % good), p.stdout)
@test
def every_algorithm_summarizes():
    names = run("--list-algorithms").stdout.decode().split()
    check("textrank" in names and "lexrank" in names and "kl-sum" in names, names)
    text = open(os.path.join(ROOT, ARTICLE), encoding="utf-8").read()
    for name in names:
        p = run("-a", name, "-n", "3", ARTICLE)
        check(p.returncode == 0, (name, p.stderr))
        lines = p.stdout.decode().splitlines()
        check(len(lines) == 3, (name, lines))
        positions = [text.index(line) for line in lines]
        check(positions == sorted(positions), (name, "not in document order"))


@test
def mmr_skips_a_repeated_sentence():
    doc = (b"The harbour council approved the new library plan. "
           b"The harbour council approved the new library plan. "
           b"Builders start work on the library in the spring. "
           b"The ferry terminal closed ten years ago.")
    plain = run("-n", "2", "--position-weight", "off", "-a", "tfidf", stdin=doc)
    check(plain.returncode == 0, plain.stderr)
    lines = plain.stdout.decode().splitlines()
    check(len(lines) == 2 and lines[0] == lines[1], lines)
    p = run("-n", "2", "--position-weight", "off", "-a", "tfidf", "--mmr", "0.5", stdin=doc)
    check(p.returncode == 0, p.stderr)
    lines = p.stdout.decode().splitlines()
    check(len(lines) == 2 and lines[0] != lines[1], lines)


@test
def full_position_weight_is_lead():
    for name in ("textrank", "lsa", "sumbasic"):
        p = run("-a", name, "-n", "4", "--position-weight", "1", ARTICLE)
        lead = run("-a", "lead", "-n", "4", ARTICLE)
        check(p.returncode == 0 and p.stdout == lead.stdout, (name, p.stdout, lead.stdout))


@test
def bad_selection_values_are_usage_errors():
    # The library's messages, verbatim.
    cases = {("--mmr", "1.5"): "mmr_lambda: 1.5 is outside (0, 1]",
             ("--mmr", "x"): "mmr_lambda: 'x' is not a number",
             ("--position-weight", "-0.5"): "position_weight: -0.5 is outside (0, 1]",
             ("--position-weight", "2"): "position_weight: 2 is outside (0, 1]",
             ("--lexrank-threshold", "1"): "lexrank_threshold: 1 is outside (0, 1)",
             ("--lexrank-threshold", "0,5"): "lexrank_threshold: '0,5' is not a number"}
    for args, message in cases.items():
        p = run(*args, ARTICLE)
        check(p.returncode == 2, (args, p.returncode))
        check(p.stderr.decode().startswith("summarize: %s\n" % message), (args, p.stderr))


@test
def cue_and_stigma_words_steer_edmundson():
    doc = (b"Rain fell across the valley. The farmers waited for dry weather. "
           b"Markets sold grain at the usual price. Children played near the river. "
           b"The mill stayed closed all week. Traders counted their sacks.")
    with tempfile.TemporaryDirectory() as d:
        cue, stigma = os.path.join(d, "cue.txt"), os.path.join(d, "stigma.txt")
        with open(cue, "w") as f:
            f.write("# not a comment, just a word\n\n  children  \r\nriver\n")
        with open(stigma, "w") as f:
            f.write("rain\n")
        base = ["-a", "edmundson", "-n", "1", "--position-weight", "off"]
        p = run(*base, "--cue-words", cue, "--stigma-words", stigma, stdin=doc)
        check(p.returncode == 0, p.stderr)
        check(p.stdout == b"Children played near the river.\n", p.stdout)

        def scores(*extra):
            p = run(*base, "--scores", "-f", "tsv", *extra, stdin=doc)
            check(p.returncode == 0, p.stderr)
            return [float(r.split("\t")[3]) for r in p.stdout.decode().splitlines()]
        plain, with_cue = scores(), scores("--cue-words", cue)
        check(with_cue[3] > plain[3] and with_cue[0] == plain[0], (plain, with_cue))
        with_stigma = scores("--stigma-words", stigma)
        check(with_stigma[0] < plain[0], (plain, with_stigma))
        p = run(*base, "--cue-words", os.path.join(d, "missing.txt"), stdin=doc)
        check(p.returncode == 1 and b"missing.txt" in p.stderr, p.stderr)


# ---- Options from the library's option table ----

def table_options():
    """The long options of the option table, as --list-options prints them."""
    p = run("--list-options")
    check(p.returncode == 0 and p.stderr == b"", p)
    names = p.stdout.decode().splitlines()
    check(names and all(re.fullmatch(r"[a-z][a-z0-9-]*", n) for n in names), names)
    return names


def mentions(text, option):
    """True when text names the long option exactly (not a longer one)."""
    return re.search(r"(?<![\w-])%s(?![\w-])" % re.escape(option), text) is not None


def help_entries():
    """--help's entries: long option -> (value name or None, its text)."""
    entries, current = {}, None
    for line in run("--help").stdout.decode().splitlines():
        m = re.match(r"  (?:-\w, |    )--([a-z0-9-]+)(?: ([A-Z]+))?(?:  +(.*))?$", line)
        if m:
            current = m.group(1)
            entries[current] = [m.group(2), m.group(3) or ""]
        elif current and line.startswith(" " * 20):
            entries[current][1] += " " + line.strip()
        else:
            current = None
    return {k: (v, t) for k, (v, t) in entries.items()}


def man_text():
    with open(os.path.join(ROOT, "tools", "summarize.1"), encoding="utf-8") as f:
        return re.sub(r"\\f[BIRP]", "", f.read()).replace("\\-", "-")


def default_algorithm():
    p = run("-f", "json", "-n", "1", ARTICLE)
    check(p.returncode == 0, p.stderr)
    return json.loads(p.stdout)["algorithm"]


@test
def list_options_is_the_whole_table():
    names = table_options()
    # The rows of libsumm/option_table.c, read from its source as a second
    # witness: a row --list-options missed would fail here.
    with open(os.path.join(ROOT, "libsumm", "option_table.c"), encoding="utf-8") as f:
        source = f.read()
    rows = re.findall(r'(?:_ROW\(|\{ \{ )"([a-z0-9_]+)",', source)
    check(rows, "no rows found in libsumm/option_table.c")
    check([r.replace("_", "-") for r in rows] == names, (rows, names))
    for expected in ("sentences", "ratio", "algorithm", "damping", "tolerance",
                     "max-iterations", "max-neighbours", "lsa-dimensions",
                     "min-sentence-words", "position-weight", "mmr-lambda", "lenient",
                     "score-order", "no-stemming", "keep-stopwords", "cue-words"):
        check(expected in names, (expected, names))


@test
def every_row_is_a_long_option():
    entries = help_entries()
    base = run(ARTICLE)
    check(base.returncode == 0, base.stderr)
    with tempfile.TemporaryDirectory() as d:
        empty = os.path.join(d, "empty.txt")
        open(empty, "w").close()
        for name in table_options():
            row = name.replace("-", "_")
            check(name in entries, (name, "not in --help"))
            value, _ = entries[name]
            if value is None:  # a flag
                p = run("--" + name, ARTICLE)
                check(p.returncode == 0 and p.stdout, (name, p.stderr))
                p = run("--%s=on" % name, ARTICLE)
                check(p.returncode == 2 and p.stderr.startswith(
                    b"summarize: option '--%s' doesn't allow an argument" % name.encode()),
                    (name, p.stderr))
            elif value == "FILE":  # a word list
                p = run("--" + name, empty, ARTICLE)
                check(p.returncode == 0 and p.stdout == base.stdout, (name, p.stderr))
                p = run("--" + name, "/nonexistent/words.txt", ARTICLE)
                check(p.returncode == 1 and p.stderr.startswith(
                    b"summarize: /nonexistent/words.txt: "), (name, p.stderr))
            else:
                # "default" and 0 are the default of every row; the
                # algorithm (NAME) takes names, and the library reads "0"
                # as one.
                for v in ("default", "DEFAULT") + (("0",) if value != "NAME" else ()):
                    p = run("--" + name, v, ARTICLE)
                    check(p.returncode == 0 and p.stdout == base.stdout, (name, v, p.stderr))
                p = run("--%s=default" % name, ARTICLE)
                check(p.returncode == 0 and p.stdout == base.stdout, (name, p.stderr))
                # Refused with the library's message, which names the row.
                for v, what in (("x", b"'x' is not"), ("-5", b"")):
                    p = run("--" + name, v, ARTICLE)
                    check(p.returncode == 2 and p.stdout == b"", (name, v, p.returncode))
                    prefix = b"summarize: %s: %s" % (row.encode(), what)
                    check(p.stderr.startswith(prefix), (name, v, p.stderr))


@test
def help_defaults_are_the_defaults():
    # Giving the default the help shows changes nothing, for the algorithms
    # each parameter is for.
    entries = help_entries()
    for name in table_options():
        value, text = entries[name]
        m = re.search(r"default: (\S+?)[;,]?(?: |$)", text)
        if value in (None, "FILE", "NAME") or not m or m.group(1) in ("unset", "none",
                                                                        "continuous"):
            continue
        for algo in ("textrank", "lexrank", "lsa"):
            base = run("--scores", "-f", "tsv", "-a", algo, ARTICLE)
            p = run("--scores", "-f", "tsv", "-a", algo, "--" + name, m.group(1), ARTICLE)
            check(p.returncode == 0 and p.stdout == base.stdout, (name, m.group(1), algo))


@test
def new_parameters_take_effect():
    def scores(algo, *extra):
        p = run("--scores", "-f", "tsv", "-a", algo, "--position-weight", "off", *extra,
                ARTICLE)
        check(p.returncode == 0, (extra, p.stderr))
        return p.stdout
    for algo, args in (("textrank", ["--damping", "0.5"]), ("textrank", ["--tolerance", "0.5"]),
                       ("textrank", ["--max-iterations", "1"]),
                       ("textrank", ["--max-neighbours", "1"]),
                       ("lexrank", ["--lexrank-threshold", "0.1"]),
                       ("lsa", ["--lsa-dimensions", "1"])):
        check(scores(algo, *args) != scores(algo), (algo, args, "no effect"))


@test
def ratio_as_a_percentage():
    want = run("-r", "0.1", ARTICLE)
    check(want.returncode == 0 and want.stdout, want.stderr)
    for args in (["-r", "10%"], ["--ratio", "10%"], ["--ratio=10%"], ["-r10%"]):
        p = run(*args, ARTICLE)
        check(p.returncode == 0 and p.stdout == want.stdout, (args, p.stdout))
    check(run("-r", "50%", ARTICLE).stdout == run("-r", "0.5", ARTICLE).stdout, "50%")
    check(run("-r", "50%", ARTICLE).stdout != want.stdout, "50% is 10%")


@test
def zero_and_default_mean_the_default():
    base = run(ARTICLE).stdout
    for args in (["-n", "0"], ["-r", "0"], ["-w", "0"], ["-b", "0"], ["-n", "default"],
                 ["-a", "default"], ["-a", default_algorithm()], ["--position-weight", "0"],
                 ["--position-weight", "0.25"], ["--mmr-lambda", "0"], ["--mmr", "1"],
                 ["--mmr-lambda", "off"], ["--damping", "0"]):
        p = run(*args, ARTICLE)
        check(p.returncode == 0 and p.stdout == base, (args, p.stdout))


@test
def position_weight_off_is_the_scorers_own_scores():
    def scores(*extra):
        p = run("--scores", "-f", "tsv", *extra, ARTICLE)
        check(p.returncode == 0, p.stderr)
        return [float(line.split("\t")[3]) for line in p.stdout.decode().splitlines()]
    off, default = scores("--position-weight", "off"), scores()
    check(off != default, "off is the default")
    check(scores("--position-weight", "0") == default, "0 is not the default")
    # The default mixes 0.25 of lead bias into the min-max normalised scores.
    lo, hi = min(off), max(off)
    mixed = [0.75 * (x - lo) / (hi - lo) + 0.25 / (1 + i) ** 0.5 for i, x in enumerate(off)]
    check(all(abs(a - b) < 1e-5 for a, b in zip(mixed, default)), (mixed, default))
    # The summaries differ too: off lets a late sentence in.
    check(run("--position-weight", "off", ARTICLE).stdout != run(ARTICLE).stdout,
          "same summary")


@test
def old_spellings_still_work():
    doc = open(os.path.join(ROOT, ARTICLE), "rb").read()
    for old, new in ((["--mmr", "0.5"], ["--mmr-lambda", "0.5"]),
                     (["--no-stem"], ["--no-stemming"]),
                     (["--max-input", "100000"], ["--max-input-bytes", "100000"])):
        a, b = run("--scores", "-f", "tsv", *old, stdin=doc), run("--scores", "-f", "tsv", *new,
                                                                   stdin=doc)
        check(a.returncode == 0 and a.stdout == b.stdout, (old, new, a.stderr))
    check(run("--scores", "-f", "tsv", "--no-stem", stdin=doc).stdout !=
          run("--scores", "-f", "tsv", stdin=doc).stdout, "--no-stem has no effect")


@test
def quiet_drops_the_headers():
    with tempfile.TemporaryDirectory() as d:
        f1, f2 = os.path.join(d, "a.txt"), os.path.join(d, "b.txt")
        open(f1, "w").write("Alpha one. Alpha two.")
        open(f2, "w").write("Beta one. Beta two.")
        for q in ("-q", "--quiet"):
            p = run("-n", "1", q, f1, f2)
            check(p.returncode == 0 and p.stdout == b"Alpha one.\nBeta one.\n", p.stdout)
            p = run("-n", "1", "-f", "tsv", q, f1, f2)
            single = run("-n", "1", "-f", "tsv", f1).stdout + run("-n", "1", "-f", "tsv",
                                                                  f2).stdout
            check(p.returncode == 0 and p.stdout == single, p.stdout)
            p = run("-n", "1", "-f", "json", q, f1, f2)
            docs = [json.loads(line) for line in p.stdout.decode().splitlines()]
            check([x["file"] for x in docs] == [f1, f2], docs)


@test
def tsv_names_several_files_in_a_first_column():
    with tempfile.TemporaryDirectory() as d:
        f1, f2 = os.path.join(d, "a.txt"), os.path.join(d, "b\tc.txt")
        open(f1, "w").write("Alpha one. Alpha two. Alpha three.")
        open(f2, "w").write("Beta one.\tTabbed. Beta two.")
        p = run("--split", "-f", "tsv", f1, f2)
        check(p.returncode == 0, p.stderr)
        lines = p.stdout.decode().splitlines()
        # No header row and no '==>' lines: every line is a sentence.
        check(not any(line.startswith("==>") for line in lines), lines)
        want = []
        for f, shown in ((f1, f1), (f2, f2.replace("\t", "\\t"))):
            single = run("--split", "-f", "tsv", f)
            want += [shown + "\t" + line for line in single.stdout.decode().splitlines()]
        check(len(lines) > 4 and lines == want, (lines, want))
        check(all(len(line.split("\t")) == 6 for line in lines), lines)
        # Standard input among the files is named as in the other formats.
        p = run("-n", "1", "-f", "tsv", f1, "-", stdin=b"Gamma one.")
        check(p.stdout.decode().splitlines()[-1].startswith("standard input\t0\t"), p.stdout)


@test
def json_reports_the_language_in_every_mode():
    text = ("Der Rat der Stadt hat am Dienstag beschlossen, das alte Fährterminal in eine "
            "Bibliothek umzubauen. Die Kosten liegen bei vier Millionen Euro.").encode()
    for mode in ([], ["--split"], ["--scores"], ["-a", "lead", "--score-order"]):
        p = run("-f", "json", *mode, stdin=text)
        check(p.returncode == 0 and json.loads(p.stdout)["language"] == "de", (mode, p.stdout))
        p = run("-f", "json", "-l", "english", *mode, stdin=text)
        check(json.loads(p.stdout)["language"] == "en", (mode, p.stdout))


@test
def help_lists_every_row():
    p = run("--help")
    check(p.returncode == 0 and p.stderr == b"", p)
    text = p.stdout.decode()
    for name in table_options():
        check(mentions(text, "--" + name), (name, "missing from --help"))
    for other in ("--mmr", "--no-stem", "--max-input", "-q", "--quiet", "--list-options",
                  "--list-algorithms", "--list-languages"):
        check(mentions(text, other), (other, "missing from --help"))
    for heading in ("Length", "Method:", "Parameters of some algorithms:", "Input:", "Output:"):
        check("\n" + heading in text, heading)
    too_long = [line for line in text.splitlines() if len(line) > 80]
    check(not too_long, too_long)


@test
def help_names_the_default_algorithm():
    name = default_algorithm()
    check(name in run("--list-algorithms").stdout.decode().split(), name)
    _, text = help_entries()["algorithm"]
    check("default: %s" % name in text and "or default for %s" % name in text, text)
    check("default: default" not in run("--help").stdout.decode(), "default: default")
    p = run("-a", "default", "-f", "json", "-n", "1", ARTICLE)
    check(p.returncode == 0 and json.loads(p.stdout)["algorithm"] == name, p)


@test
def list_algorithms_is_one_name_per_line():
    p = run("--list-algorithms")
    check(p.returncode == 0 and p.stderr == b"", p)
    names = p.stdout.decode().splitlines()
    check(names and all(re.fullmatch(r"[a-z0-9-]+", n) for n in names), names)
    check("default" not in names, names)
    check(len(set(names)) == len(names), names)


@test
def man_page_documents_every_row():
    text = man_text()
    for name in table_options():
        check(mentions(text, "--" + name), (name, "missing from tools/summarize.1"))
    for other in ("--mmr", "--no-stem", "--max-input", "--quiet", "--list-options"):
        check(mentions(text, other), (other, "missing from tools/summarize.1"))


@test
def readme_examples_run():
    # The README's "Command line" examples, as pasted after its build
    # command (the built program in place of build/tools/summarize).
    with open(os.path.join(ROOT, "README.md"), encoding="utf-8") as f:
        readme = f.read()
    section = readme.split("\n## Command line\n", 1)[1].split("\n## ", 1)[0]
    commands = [line for line in section.splitlines() if line.startswith("build/tools/summarize")]
    check(len(commands) >= 5, commands)
    with tempfile.TemporaryDirectory() as d:
        for command in commands:
            shell = command.replace("build/tools/summarize", "'%s'" % EXE, 1)
            shell = shell.replace("/tmp/", d + "/")
            p = subprocess.run(["sh", "-c", shell], cwd=ROOT, capture_output=True, timeout=60)
            check(p.returncode == 0 and p.stderr == b"", (command, p.stderr))
            check(p.stdout or "-o " in command, (command, "no output"))


# ---- --keywords ---------------------------------------------------------

@test
def keywords_text_is_one_keyphrase_per_line():
    p = run("--keywords", "5", ARTICLE)
    check(p.returncode == 0 and p.stderr == b"", p.stderr)
    lines = p.stdout.decode().splitlines()
    check(1 <= len(lines) <= 5, lines)
    text = open(os.path.join(ROOT, ARTICLE), encoding="utf-8").read()
    check(all(line in text for line in lines), lines)
    check(len(run("--keywords", "0", ARTICLE).stdout.splitlines()) == 10, "0 means 10")


@test
def keywords_tsv_spans_slice_the_text():
    data = open(os.path.join(ROOT, ARTICLE), "rb").read()
    p = run("--keywords", "8", "-f", "tsv", ARTICLE)
    check(p.returncode == 0, p.stderr)
    rows = [line.split("\t") for line in p.stdout.decode().splitlines()]
    check(len(rows) == 8, rows)
    for rank, (col_rank, start, end, score, count, spans, text) in enumerate(rows, 1):
        check(int(col_rank) == rank, rows)
        check(data[int(start):int(end)].decode() == text, (start, end, text))
        pairs = [tuple(map(int, pair.split("-"))) for pair in spans.split(",")]
        check(len(pairs) == int(count) and (int(start), int(end)) in pairs, spans)
        check(pairs == sorted(pairs), spans)
        float(score)


@test
def keywords_join_the_summary_in_json():
    data = open(os.path.join(ROOT, ARTICLE), "rb").read()
    p = run("--keywords", "3", "-n", "2", "-f", "json", ARTICLE)
    check(p.returncode == 0, p.stderr)
    obj = json.loads(p.stdout)
    check(len(obj["sentences"]) == 2 and len(obj["keyphrases"]) == 3, obj)
    for k in obj["keyphrases"]:
        check(data[k["start"]:k["end"]].decode() == k["text"], k)
        check(k["count"] == len(k["spans"]) and [k["start"], k["end"]] in k["spans"], k)
    scores = [k["score"] for k in obj["keyphrases"]]
    check(scores == sorted(scores, reverse=True), scores)
    check("keyphrases" not in json.loads(run("-n", "2", "-f", "json", ARTICLE).stdout),
          "no keyphrases unless asked for")


@test
def keywords_options_come_from_the_table():
    a = run("--keywords", "5", "--keyphrase-algorithm", "positionrank", ARTICLE)
    check(a.returncode == 0 and a.stdout, a.stderr)
    p = run("--keywords", "5", "--keyphrase-algorithm", "pagerank", ARTICLE)
    check(p.returncode == 2 and p.stderr.decode().startswith(
        "summarize: keyphrase_algorithm: 'pagerank' is not one of textrank, positionrank"),
        p.stderr)
    p = run("--keywords", "5", "--keyphrase-window", "65", ARTICLE)
    check(p.returncode == 2 and p.stderr.decode().startswith(
        "summarize: keyphrase_window: 65 is outside [2, 64]"), p.stderr)
    p = run("--keywords", "-1", ARTICLE)
    check(p.returncode == 2, p.stderr)


@test
def keywords_of_several_files_have_headers():
    p = run("--keywords", "2", ARTICLE, ARTICLE)
    check(p.returncode == 0, p.stderr)
    out = p.stdout.decode()
    check(out.count("==> %s <==" % ARTICLE) == 2, out)
    p = run("--keywords", "2", "-f", "tsv", ARTICLE, ARTICLE)
    check(all(line.startswith(ARTICLE + "\t") for line in p.stdout.decode().splitlines()),
          p.stdout)
    # An invalid byte ends a phrase, as punctuation does.
    p = run("--keywords", "2", "--lenient", stdin=b"neural \xff networks")
    check(p.returncode == 0 and p.stdout == b"neural\nnetworks\n", p.stdout)
    p = run("--keywords", "2", stdin=b"neural \xff networks")
    check(p.returncode == 1 and b"invalid UTF-8 at byte 7" in p.stderr, p.stderr)


def main():
    return run_all(results)


if __name__ == "__main__":
    sys.exit(main())
