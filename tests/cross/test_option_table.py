#!/usr/bin/env python3
"""Every row of the library's option table works alike in every front end.

For each row, the C API (summ_options_set through option_probe), the CLI,
Python and Lua accept the same values and give byte-identical summaries,
and refuse the same values with the library's message. Every row is also
documented in README.md, the man page, `summarize --help` and
help(libsumm). Prints TAP.

Usage: test_option_table.py SOURCE_ROOT OPTION_PROBE SUMMARIZE PYTHONPATH LUA LUA_CPATH
(an empty argument leaves that front end out, with a skip).
"""
import json
import math
import os
import re
import subprocess
import sys

ROOT, PROBE, CLI, PYPATH, LUA, LUA_CPATH = sys.argv[1:7]
TEXT = os.path.join(ROOT, "examples", "article.txt")
PYTHON = sys.executable


def rows():
    out = subprocess.run([PROBE, "--rows"], capture_output=True, check=True, text=True).stdout
    table = []
    for line in out.splitlines():
        (name, type_, group, lo, hi, lo_open, hi_open, default_text, off_text,
         choices) = line.split("\t")
        table.append(dict(name=name, type=type_, group=group, min=float(lo), max=float(hi),
                          min_open=lo_open == "1", max_open=hi_open == "1",
                          default_text=default_text, off_text=off_text or None,
                          choices=choices.split(",") if choices else []))
    return table


def fmt(v):
    return repr(int(v)) if float(v).is_integer() and abs(v) < 2**53 else repr(v)


def cases_for(row):
    """(value as typed, Python value, Lua kind) triples: valid and refused."""
    t = row["type"]
    good, bad = [], []
    if t == "uint":
        # A limit on the input must leave room for the article.
        good += [10**6 if row["group"] == "input" else 3, 0]
        bad += [2.5, int(row["max"]) + 1]
    elif t == "real":
        lo, hi = row["min"], row["max"]
        mid = (lo + hi) / 2 if math.isfinite(hi) else lo + 0.001
        good += [mid, 0]
        bad += [hi + 0.5 if math.isfinite(hi) else -0.5, -0.5 if lo >= 0 else lo - 1]
        if row["off_text"]:
            good.append(row["off_text"])
        if hi <= 1:
            good.append("10%")
    elif t == "bool":
        good += [True]
    elif t == "algorithm":
        good += ["lexrank", "default"]
        bad += ["nosuch"]
    elif t == "choice":
        good += row["choices"] + ["default"]
        bad += ["nosuch"]
    return good, bad


def as_text(v):
    if v is True:
        return "on"
    return v if isinstance(v, str) else fmt(v)


def run_c(cases):
    stdin = "".join("%s\t%s\n" % (name, as_text(v)) for name, v in cases)
    out = subprocess.run([PROBE, TEXT], input=stdin, capture_output=True, text=True,
                         check=True).stdout.splitlines()
    return [tuple(line.split("\t", 1)) for line in out]


def budget_rows(table):
    return [r["name"] for r in table if r["group"] == "budget"]


def run_cli(cases, table):
    budget = set(budget_rows(table))
    types = {r["name"]: r["type"] for r in table}
    res = []
    for name, v in cases:
        flag = "--" + name.replace("_", "-")
        args = [CLI, "-l", "en", "-f", "json"]
        if name not in budget:
            args += ["--sentences", "3"]
        args += [flag] if types[name] == "bool" else [flag + "=" + as_text(v)]
        p = subprocess.run(args + [TEXT], capture_output=True, text=True)
        if p.returncode == 0:
            doc = json.loads(p.stdout)
            res.append(("ok", ",".join("%d:%d" % (s["start"], s["end"])
                                       for s in doc["sentences"])))
        else:
            res.append(("error", p.stderr.strip()))
    return res


PY_PROBE = r"""
import json, sys, libsumm
text = open(sys.argv[1], "rb").read()
budget = set(sys.argv[2].split(","))
out = []
for name, value in json.load(sys.stdin):
    opts = {name: value}
    if name not in budget:
        opts["sentences"] = 3
    try:
        spans = libsumm.Summarizer("en", **opts).summarize(text)
        out.append(["ok", ",".join("%d:%d" % (s.start, s.end) for s in spans)])
    except (ValueError, LookupError, TypeError) as e:
        out.append(["error", "%s: %s" % (type(e).__name__, e)])
print(json.dumps(out))
"""


def run_python(cases, table):
    env = dict(os.environ, PYTHONPATH=PYPATH)
    p = subprocess.run([PYTHON, "-c", PY_PROBE, TEXT, ",".join(budget_rows(table))],
                       input=json.dumps(cases), capture_output=True, text=True, env=env,
                       check=True)
    return [tuple(x) for x in json.loads(p.stdout)]


def run_lua(cases, table):
    def kind(v):
        return "boolean" if v is True else "string" if isinstance(v, str) else "number"
    stdin = "".join("%s\t%s\t%s\n" % (n, kind(v), "true" if v is True else
                                     (v if isinstance(v, str) else fmt(v))) for n, v in cases)
    env = dict(os.environ, LUA_CPATH=LUA_CPATH)
    p = subprocess.run([LUA, os.path.join(ROOT, "tests", "cross", "probe.lua"), TEXT,
                        ",".join(budget_rows(table))], input=stdin, capture_output=True,
                       text=True, env=env, check=True)
    return [tuple(line.split("\t", 1)) for line in p.stdout.splitlines()]


results = []


def tap(ok, what, detail=""):
    results.append((ok, what, detail))


def main():
    table = rows()
    cases, expect_ok = [], []
    for row in table:
        good, bad = cases_for(row)
        cases += [(row["name"], v) for v in good + bad]
        expect_ok += [True] * len(good) + [False] * len(bad)
    c = run_c(cases)
    fronts = {"cli": (CLI, run_cli), "python": (PYPATH, run_python), "lua": (LUA, run_lua)}
    got = {}
    for name, (path, fn) in fronts.items():
        if path:
            got[name] = fn(cases, table)
        else:
            tap(None, "%s: not built" % name)
    for i, (name, value) in enumerate(cases):
        status, detail = c[i]
        what = "%s=%s" % (name, as_text(value))
        if (status == "ok") != expect_ok[i]:
            tap(False, "C: " + what, "expected %s, got %s %s" %
                ("ok" if expect_ok[i] else "a refusal", status, detail))
            continue
        for front, res in got.items():
            fstatus, fdetail = res[i]
            if fstatus != status:
                tap(False, "%s: %s" % (front, what), "C says %s %s, %s says %s %s" %
                    (status, detail, front, fstatus, fdetail))
            elif status == "ok" and fdetail != detail:
                tap(False, "%s: %s" % (front, what), "spans %s, C gives %s" % (fdetail, detail))
            elif status == "error" and detail not in fdetail:
                tap(False, "%s: %s" % (front, what),
                    "message %r lacks the library's %r" % (fdetail, detail))
            else:
                tap(True, "%s: %s %s" % (front, what, status))
    # Documentation: every row in each place a user looks.
    readme = open(os.path.join(ROOT, "README.md"), encoding="utf-8").read()
    man = open(os.path.join(ROOT, "tools", "summarize.1"), encoding="utf-8").read()
    man = man.replace("\\-", "-")
    helptext = subprocess.run([CLI, "--help"], capture_output=True, text=True).stdout
    pyhelp = ""
    if PYPATH:
        env = dict(os.environ, PYTHONPATH=PYPATH)
        pyhelp = subprocess.run([PYTHON, "-c", "import pydoc, libsumm; "
                                 "print(pydoc.render_doc(libsumm, renderer=pydoc.plaintext))"],
                                capture_output=True, text=True, env=env, check=True).stdout
    for row in table:
        n, dashed = row["name"], "--" + row["name"].replace("_", "-")
        line = next((l for l in readme.splitlines() if l.startswith("| `%s` |" % n)), None)
        tap(line is not None and "| %s |" % row["default_text"] in line,
            "README's option table has %s with its default %s" % (n, row["default_text"]))
        tap(dashed in man, "man page documents " + dashed)
        tap(dashed in helptext, "--help lists " + dashed)
        if PYPATH:
            tap(re.search(r"\b%s\b" % n, pyhelp) is not None, "help(libsumm) documents " + n)
    print("1..%d" % len(results))
    failed = 0
    for i, (ok, what, detail) in enumerate(results, 1):
        if ok is None:
            print("ok %d - %s # SKIP" % (i, what))
        elif ok:
            print("ok %d - %s" % (i, what))
        else:
            failed += 1
            print("not ok %d - %s" % (i, what))
            for line in detail.splitlines():
                print("#   " + line)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
