#!/usr/bin/env python3
"""Tests of what the command-line tools write, and where: -o FILE by the kind
of FILE (regular, new, symbolic link, FIFO, device, directory), and output
that is valid UTF-8 (and JSON that parses) whatever invalid UTF-8 the input
or a file name holds. Prints TAP.

Usage: test_output_safety.py PATH/TO/summarize PATH/TO/summ-rouge
"""
import json
import os
import socket
import stat
import subprocess
import sys
import tempfile

from tap import run_all

SUMMARIZE = os.path.abspath(sys.argv[1])
ROUGE = os.path.abspath(sys.argv[2])

DOC = (b"The council met on Tuesday to discuss the new ferry terminal. "
       b"Residents asked for more buses to the harbour. "
       b"The mayor said the budget would be published next week. "
       b"Work on the terminal starts in spring.\n")

results = []


def run(*args, stdin=b"", exe=SUMMARIZE, **kw):
    return subprocess.run([exe, *args], input=stdin, capture_output=True, timeout=60, **kw)


def test(fn):
    results.append(fn)
    return fn


def check(cond, what):
    if not cond:
        raise AssertionError(what)


def write(path, data):
    with open(path, "wb") as f:
        f.write(data)


def read(path):
    with open(path, "rb") as f:
        return f.read()


def expected():
    p = run("-n", "2", stdin=DOC)
    check(p.returncode == 0 and p.stdout, p)
    return p.stdout


# ---- -o FILE ------------------------------------------------------------


@test
def regular_file_replaced_keeping_its_permissions():
    with tempfile.TemporaryDirectory() as d:
        out = os.path.join(d, "out.txt")
        for mode in (0o600, 0o640):
            write(out, b"old\n")
            os.chmod(out, mode)
            before = os.stat(out)
            p = run("-n", "2", "-o", out, stdin=DOC)
            check(p.returncode == 0 and p.stdout == b"", p)
            after = os.stat(out)
            check(read(out) == expected(), "content")
            # Renamed over, not rewritten in place: a reader never sees half.
            check(after.st_ino != before.st_ino, "not replaced by rename")
            check(stat.S_IMODE(after.st_mode) == mode,
                  "mode %o, want %o" % (stat.S_IMODE(after.st_mode), mode))
        check(os.listdir(d) == ["out.txt"], os.listdir(d))
        # A new file gets the usual mode, not mkstemp's 0600.
        new = os.path.join(d, "new.txt")
        old = os.umask(0o027)
        try:
            p = run("-n", "2", "-o", new, stdin=DOC)
        finally:
            os.umask(old)
        check(p.returncode == 0 and read(new) == expected(), p)
        check(stat.S_IMODE(os.stat(new).st_mode) == 0o640, oct(os.stat(new).st_mode))


@test
def symlink_is_written_through_to_its_target():
    with tempfile.TemporaryDirectory() as d:
        # The link and its target in different directories, the link relative.
        os.mkdir(os.path.join(d, "links"))
        os.mkdir(os.path.join(d, "data"))
        target = os.path.join(d, "data", "summary.txt")
        link = os.path.join(d, "links", "current")
        write(target, b"old\n")
        os.chmod(target, 0o600)
        os.symlink(os.path.join("..", "data", "summary.txt"), link)
        ino = os.stat(target).st_ino
        p = run("-n", "2", "-o", link, stdin=DOC)
        check(p.returncode == 0, p)
        check(os.path.islink(link), "the link was replaced by a file")
        check(os.readlink(link) == os.path.join("..", "data", "summary.txt"), os.readlink(link))
        check(read(target) == expected(), "target content")
        check(os.stat(target).st_ino != ino, "target not replaced atomically")
        check(stat.S_IMODE(os.stat(target).st_mode) == 0o600, "target mode")
        check(os.listdir(os.path.join(d, "links")) == ["current"], "leftover beside the link")
        check(os.listdir(os.path.join(d, "data")) == ["summary.txt"], "leftover beside the target")
        # On failure the target is left alone.
        p = run("-o", link, os.path.join(d, "missing.txt"))
        check(p.returncode == 1 and read(target) == expected(), p)
        check(os.listdir(os.path.join(d, "data")) == ["summary.txt"], "leftover on failure")


@test
def symlink_chain_and_dangling_link():
    with tempfile.TemporaryDirectory() as d:
        target = os.path.join(d, "target.txt")
        os.symlink("middle", os.path.join(d, "first"))
        os.symlink(target, os.path.join(d, "middle"))
        # Dangling: the target is created, the links stay links.
        p = run("-n", "2", "-o", os.path.join(d, "first"), stdin=DOC)
        check(p.returncode == 0, p)
        check(os.path.islink(os.path.join(d, "first")) and
              os.path.islink(os.path.join(d, "middle")), "a link was replaced")
        check(read(target) == expected(), "target content")
        check(sorted(os.listdir(d)) == ["first", "middle", "target.txt"], os.listdir(d))


@test
def symlink_loop_is_an_error():
    with tempfile.TemporaryDirectory() as d:
        a, b = os.path.join(d, "a"), os.path.join(d, "b")
        os.symlink("b", a)
        os.symlink("a", b)
        p = run("-n", "2", "-o", a, stdin=DOC)
        check(p.returncode == 1, p)
        check(b"symbolic links" in p.stderr, p.stderr)
        check(os.path.islink(a) and os.path.islink(b), "a link was replaced")
        check(sorted(os.listdir(d)) == ["a", "b"], os.listdir(d))


@test
def fifo_is_written_not_replaced():
    with tempfile.TemporaryDirectory() as d:
        fifo = os.path.join(d, "pipe")
        os.mkfifo(fifo)
        # A reader that is already there, so that opening for writing does
        # not wait; the output is small enough for the pipe's buffer.
        fd = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
        try:
            p = run("-n", "2", "-o", fifo, stdin=DOC)
            try:
                data = os.read(fd, 1 << 16)
            except BlockingIOError:
                data = b""
        finally:
            os.close(fd)
        check(p.returncode == 0, p)
        check(stat.S_ISFIFO(os.lstat(fifo).st_mode), "the FIFO was replaced by a file")
        check(data == expected(), data)
        check(os.listdir(d) == ["pipe"], os.listdir(d))


@test
def socket_is_not_replaced():
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "sock")
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            sock.bind(path)
            p = run("-n", "2", "-o", path, stdin=DOC)
        finally:
            sock.close()
        # A socket cannot be opened for writing: an error, and it stays.
        check(p.returncode == 1 and b"No such device or address" in p.stderr, p)
        check(stat.S_ISSOCK(os.lstat(path).st_mode), "the socket was replaced")
        check(os.listdir(d) == ["sock"], os.listdir(d))


def writes_devices_directly(d):
    """Whether -o through a link to /dev/null writes to the device: only then
    may the tests below name a device itself (a tool that renamed over it
    would replace the machine's device node when run as root)."""
    link = os.path.join(d, "null")
    os.symlink("/dev/null", link)
    p = run("-n", "2", "-o", link, stdin=DOC)
    ok = p.returncode == 0 and os.path.islink(link)
    os.unlink(link) if os.path.islink(link) else os.remove(link)
    return ok


@test
def devices_are_written_directly():
    if not os.path.exists("/dev/full") or not stat.S_ISCHR(os.stat("/dev/full").st_mode):
        return "skip no /dev/full"
    with tempfile.TemporaryDirectory() as d:
        check(writes_devices_directly(d), "a link to /dev/null was not written through")
        link = os.path.join(d, "full")
        os.symlink("/dev/full", link)
        p = run("-n", "2", "-o", link, stdin=DOC)
        check(p.returncode == 1 and b"write error" in p.stderr, p)
        check(b"No space left" in p.stderr, p.stderr)
        check(os.path.islink(link), "the link was replaced")
        null = os.stat("/dev/null")
        p = run("-n", "2", "-o", "/dev/null", stdin=DOC)
        check(p.returncode == 0 and p.stderr == b"", p)
        check(stat.S_ISCHR(os.stat("/dev/null").st_mode) and
              os.stat("/dev/null").st_rdev == null.st_rdev, "/dev/null replaced")
        # As standard output to /dev/full already does.
        p = run("-n", "2", "-o", "/dev/full", stdin=DOC)
        check(p.returncode == 1 and b"/dev/full: write error" in p.stderr, p)
        check(stat.S_ISCHR(os.stat("/dev/full").st_mode), "/dev/full replaced")
        check(not any(n.startswith("full.tmp") for n in os.listdir("/dev")), "temporary in /dev")


@test
def directory_is_refused_before_reading():
    with tempfile.TemporaryDirectory() as d:
        sub = os.path.join(d, "adir")
        os.mkdir(sub)
        os.symlink("adir", os.path.join(d, "dirlink"))
        for out in (sub, os.path.join(d, "dirlink")):
            # The input does not exist either: the output is checked first.
            p = run("-n", "2", "-o", out, os.path.join(d, "missing.txt"))
            check(p.returncode == 1, p)
            check(b"Is a directory" in p.stderr and b"missing.txt" not in p.stderr, p.stderr)
        check(sorted(os.listdir(d)) == ["adir", "dirlink"], os.listdir(d))
        check(os.listdir(sub) == [], os.listdir(sub))


# ---- valid UTF-8 whatever the input ---------------------------------------

# Each kind of ill-formed sequence: a name and its bytes.
INVALID = [
    ("lone continuation byte 80", b"\x80"),
    ("lone continuation byte BF", b"\xbf"),
    ("run of continuation bytes", b"\x80\x81\xbf"),
    ("overlong 2-byte C0 AF", b"\xc0\xaf"),
    ("overlong 2-byte C1 BF", b"\xc1\xbf"),
    ("overlong 3-byte E0 80 AF", b"\xe0\x80\xaf"),
    ("overlong 3-byte E0 9F BF", b"\xe0\x9f\xbf"),
    ("overlong 4-byte F0 80 80 AF", b"\xf0\x80\x80\xaf"),
    ("overlong 4-byte F0 8F BF BF", b"\xf0\x8f\xbf\xbf"),
    ("high surrogate ED A0 80", b"\xed\xa0\x80"),
    ("low surrogate ED BF BF", b"\xed\xbf\xbf"),
    ("above U+10FFFF F4 90 80 80", b"\xf4\x90\x80\x80"),
    ("lead byte F5", b"\xf5\x80\x80\x80"),
    ("5-byte form F8", b"\xf8\x88\x80\x80\x80"),
    ("6-byte form FC", b"\xfc\x84\x80\x80\x80\x80"),
    ("bytes FE FF", b"\xfe\xff"),
    ("lone C0 and C1", b"\xc0 \xc1"),
    ("truncated 2-byte mid-text", b"\xc3x"),
    ("truncated 3-byte mid-text", b"\xe2\x82x"),
    ("truncated 4-byte mid-text", b"\xf0\x9f\x98x"),
    ("truncated 3-byte before a valid character", b"\xe2\x82\xc3\xa9"),
    ("truncated 4-byte before a 4-byte character", b"\xf0\x9f\xf0\x9f\x98\x80"),
]
# Truncated sequences that end the text, or a line.
AT_END = [
    ("truncated 2-byte at the end", b"\xc3"),
    ("truncated 3-byte at the end", b"\xe2\x82"),
    ("truncated 4-byte at the end", b"\xf0\x9f\x98"),
]

MODES = [("split", ["--split"]), ("summary", ["-n", "2"]), ("scores", ["--scores"])]


def documents():
    for name, bad in INVALID:
        yield name, (b"Alpha beta " + bad + b"gamma delta epsilon. The second one " + bad +
                     b" is here, with a line\r\nbreak" + bad + b". Third" + bad +
                     b"word closes\nit.\n")
    for name, bad in AT_END:
        yield name, b"Alpha beta gamma delta. The second one" + bad + b"\nis here. Third" + bad
        yield name + " of a line", b"Alpha beta gamma" + bad + b"\nThe second one is here."
    # Valid text, for JSON's two line separators.
    yield "U+2028 and U+2029", ("Alpha\u2028beta gamma. The second\u2029one here. "
                                "Third\u2028\u2029word.").encode()


def decoded(raw):
    """The input as the tools must write it: each maximal subpart of an
    ill-formed sequence one U+FFFD (Python's decoder does the same)."""
    return raw.decode("utf-8", "replace")


def as_text_line(raw):
    return decoded(raw).replace("\r\n", " ").replace("\n", " ").replace("\r", " ")


def tsv_escape(s):
    return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


@test
def lenient_output_is_valid_utf8_in_every_format():
    kinds = 0
    for name, doc in documents():
        kinds += 1
        for mode, args in MODES:
            p = run("--lenient", "-l", "en", "-f", "json", *args, stdin=doc)
            check(p.returncode == 0, (name, mode, p.stderr))
            what = "%s, %s, json" % (name, mode)
            try:
                text = p.stdout.decode("utf-8")
            except UnicodeDecodeError as e:
                raise AssertionError("%s: not UTF-8: %s\n%r" % (what, e, p.stdout))
            check("\u2028" not in text and "\u2029" not in text, (what, "raw U+2028/9"))
            res = json.loads(text)
            spans = [(s["start"], s["end"]) for s in res["sentences"]]
            check(spans, (what, "no sentences"))
            for s in res["sentences"]:
                # Offsets still count the input's bytes.
                check(s["text"] == decoded(doc[s["start"]:s["end"]]), (what, s))

            p = run("--lenient", "-l", "en", "-f", "tsv", *args, stdin=doc)
            what = "%s, %s, tsv" % (name, mode)
            check(p.returncode == 0, (what, p.stderr))
            try:
                rows = p.stdout.decode("utf-8").split("\n")
            except UnicodeDecodeError as e:
                raise AssertionError("%s: not UTF-8: %s\n%r" % (what, e, p.stdout))
            check(rows[-1] == "" and len(rows) == len(spans) + 1, (what, rows))
            for row, (start, end) in zip(rows, spans):
                f = row.split("\t")
                check(len(f) == 5 and (int(f[1]), int(f[2])) == (start, end), (what, row))
                check(f[4] == tsv_escape(decoded(doc[start:end])), (what, row))

            p = run("--lenient", "-l", "en", "-f", "text", *args, stdin=doc)
            what = "%s, %s, text" % (name, mode)
            check(p.returncode == 0, (what, p.stderr))
            try:
                lines = p.stdout.decode("utf-8").split("\n")
            except UnicodeDecodeError as e:
                raise AssertionError("%s: not UTF-8: %s\n%r" % (what, e, p.stdout))
            want = [as_text_line(doc[a:b]) for a, b in spans]
            check(lines == want + [""], (what, lines, want))
    check(kinds >= 15, kinds)


@test
def file_names_are_written_as_valid_utf8():
    with tempfile.TemporaryDirectory() as d:
        dd = os.fsencode(d)
        names = [dd + b"/bad\xff.txt", dd + b"/cut\xe2\x82.txt"]
        for n in names:
            write(n, DOC)
        p = run("-n", "1", "-f", "text", *names)
        check(p.returncode == 0, p)
        out = p.stdout.decode("utf-8")  # raises when not UTF-8
        for n in names:
            check("==> %s <==" % decoded(n) in out, out)
        # TSV names the file in its first column.
        p = run("-n", "1", "-f", "tsv", *names)
        check(p.returncode == 0, p)
        lines = p.stdout.decode("utf-8").splitlines()
        check([line.split("\t")[0] for line in lines] == [decoded(n) for n in names], lines)
        p = run("-n", "1", "-f", "json", *names)
        check(p.returncode == 0, p)
        files = [json.loads(line)["file"] for line in p.stdout.decode("utf-8").splitlines()]
        check(files == [decoded(n) for n in names], files)
        # summ-rouge's JSON names the files too.
        p = run("-f", "json", "-r", names[1], names[0], exe=ROUGE)
        check(p.returncode == 0, p)
        res = json.loads(p.stdout.decode("utf-8"))
        check(res["candidate"] == decoded(names[0]) and res["references"] == [decoded(names[1])],
              res)


def main():
    return run_all(results)


if __name__ == "__main__":
    sys.exit(main())
