#!/usr/bin/env python3
"""Tests of the summ-rouge command line: scores, formats, several references,
exit codes and error messages. Prints TAP.

Usage: test_rouge_cli.py PATH/TO/summ-rouge
"""
import json
import os
import subprocess
import sys
import tempfile

EXE = os.path.abspath(sys.argv[1])
TMP = tempfile.mkdtemp(prefix="summ-rouge-test-")
results = []


def write(name, data):
    path = os.path.join(TMP, name)
    with open(path, "wb") as f:
        f.write(data)
    return path


CAND = write("cand.txt", b"police killed the gunman\n")
REF1 = write("ref1.txt", b"police kill the gunman\n")
REF2 = write("ref2.txt", b"the gunman was shot by the police\n")
BAD = write("bad.txt", b"ok \xff")


def run(*args, stdin=b""):
    return subprocess.run([EXE, *args], input=stdin, capture_output=True, timeout=60)


def test(fn):
    results.append(fn)
    return fn


def check(cond, what):
    if not cond:
        raise AssertionError(what)


def rows(p):
    out = {}
    for line in p.stdout.decode().splitlines():
        name, prec, rec, f1, ref = line.split("\t")
        out[name] = (float(prec), float(rec), float(f1), int(ref))
    return out


@test
def default_metrics_as_text():
    p = run("-r", REF1, CAND)
    check(p.returncode == 0, p.stderr)
    r = rows(p)
    check(list(r) == ["rouge1", "rouge2", "rougeL"], r)
    # police, the, gunman of 4 tokens; "the gunman" of 3 bigrams.
    check(r["rouge1"] == (0.75, 0.75, 0.75, 0), r)
    check(abs(r["rouge2"][2] - 1 / 3) < 1e-6, r)


@test
def stemming_matches_killed_and_kill():
    r = rows(run("-s", "-r", REF1, CAND))
    check(r["rouge1"][:3] == (1.0, 1.0, 1.0), r)


@test
def candidate_from_stdin():
    p = run("-r", REF1, "-m", "rouge1", stdin=open(CAND, "rb").read())
    check(p.returncode == 0 and rows(p)["rouge1"][2] == 0.75, p)
    p2 = run("-r", REF1, "-m", "rouge1", "-", stdin=open(CAND, "rb").read())
    check(p2.stdout == p.stdout, p2)


@test
def best_reference_by_f1():
    r = rows(run("-r", REF2, "-r", REF1, "-m", "rouge1,rougeL", CAND))
    check(r["rouge1"][3] == 1 and r["rouge1"][2] == 0.75, r)


@test
def lsum_uses_lines():
    c = write("lines.txt", b"w3 w4 w5\nw1 w2\n")
    ref = write("ref5.txt", b"w1 w2 w3 w4 w5\n")
    r = rows(run("-r", ref, "-m", "rougeL,rougeLsum,rouge3", c))
    check(r["rougeL"][2] == 0.6 and r["rougeLsum"][2] == 1.0, r)
    check(all(abs(v - 1 / 3) < 1e-6 for v in r["rouge3"][:3]), r)


@test
def json_format():
    p = run("-f", "json", "-s", "-r", REF1, "-r", REF2, CAND)
    check(p.returncode == 0, p.stderr)
    doc = json.loads(p.stdout)
    check(doc["candidate"] == CAND and doc["references"] == [REF1, REF2], doc)
    check(doc["tokenizer"] == "ascii" and doc["stemmer"] == "porter", doc)
    check(doc["scores"]["rouge1"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0,
                                      "reference": 0}, doc)


@test
def unicode_tokenizer_and_stemmer():
    c = write("de.txt", "Die H\u00e4user".encode())
    ref = write("de_ref.txt", "das Haus".encode())
    check(rows(run("-r", ref, "-m", "rouge1", c))["rouge1"][2] == 0.0, "ascii")
    r = rows(run("-u", "--stemmer", "german", "-r", ref, "-m", "rouge1", c))
    check(r["rouge1"][:3] == (0.5, 0.5, 0.5), r)


@test
def empty_candidate_scores_zero():
    p = run("-r", REF1, stdin=b"")
    check(p.returncode == 0 and all(v[2] == 0 for v in rows(p).values()), p)


@test
def runtime_errors_exit_1():
    p = run("-r", REF1, "-r", BAD, CAND)
    check(p.returncode == 1 and p.stdout == b"", p)
    check(("%s: invalid UTF-8 at byte 3" % BAD).encode() in p.stderr, p.stderr)
    p = run("-r", REF1, BAD, "-f", "json")
    check(p.returncode == 1 and p.stdout == b"", p)
    check(("%s: invalid UTF-8 at byte 3" % BAD).encode() in p.stderr, p.stderr)
    p = run("-r", os.path.join(TMP, "missing.txt"), CAND)
    check(p.returncode == 1 and b"missing.txt" in p.stderr, p)
    p = run("-r", TMP, CAND)
    check(p.returncode == 1 and b"is a directory" in p.stderr, p)
    p = run("--max-input", "5", "-r", REF1, CAND)
    check(p.returncode == 1 and b"limit" in p.stderr, p)


@test
def usage_errors_exit_2():
    for args in (["-r", REF1, "-m", "rougeX", CAND], ["-r", REF1, "-m", "rouge0", CAND],
                 [CAND], ["-r", REF1, CAND, CAND], ["--stemmer", "klingon", "-r", REF1, CAND],
                 ["-f", "xml", "-r", REF1, CAND], ["--bogus"], ["--max-input", "0", "-r", REF1]):
        p = run(*args)
        check(p.returncode == 2 and p.stdout == b"" and p.stderr, (args, p))


@test
def metric_names_follow_the_library():
    # rouge-score's names: N from 1 to 65535 without a leading zero.
    p = run("-r", REF1, "-m", "rouge65535,rougeLsum", CAND)
    check(p.returncode == 0 and list(rows(p)) == ["rouge65535", "rougeLsum"], p)
    for bad in ("rouge01", "rouge65536", "rouge", "rougel", "rouge1,", "ROUGE1"):
        p = run("-r", REF1, "-m", bad, CAND)
        check(p.returncode == 2 and b"invalid metrics" in p.stderr, (bad, p))


@test
def option_errors_start_with_the_program_name():
    # EXE is a path: getopt's own messages would start with it.
    for args, want in ((["--bogus"], b"summ-rouge: unrecognized option '--bogus'\n"),
                       (["-r"], b"summ-rouge: option requires an argument -- 'r'\n"),
                       (["--metrics"], b"summ-rouge: option '--metrics' requires an argument\n"),
                       (["--stem=yes"], b"summ-rouge: option '--stem' doesn't allow an argument\n"),
                       (["-x"], b"summ-rouge: invalid option -- 'x'\n")):
        p = run(*args)
        check(p.returncode == 2 and p.stderr.startswith(want), (args, p.stderr))


@test
def help_and_version():
    p = run("--help")
    check(p.returncode == 0 and b"Usage:" in p.stdout, p)
    p = run("--version")
    check(p.returncode == 0 and p.stdout.startswith(b"summ-rouge (libsumm) "), p)


def main():
    print("1..%d" % len(results))
    failed = 0
    for i, fn in enumerate(results, 1):
        try:
            fn()
            print("ok %d - %s" % (i, fn.__name__))
        except Exception as e:  # report and go on
            failed += 1
            print("not ok %d - %s" % (i, fn.__name__))
            for line in str(e).splitlines():
                print("# " + line)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
