"""``python3 -m libsumm [OPTION]... [FILE]...``: the summarize command.

Runs the ``summarize`` program with the same arguments: the one named by
the LIBSUMM_SUMMARIZE environment variable, else the first on PATH. The
Python package itself does not hold it; it comes with libsumm's C build
(``ninja install``, or the Debian package).
"""
import os
import shutil
import sys


def find_summarize():
    """The path of the summarize program, or None."""
    exe = os.environ.get("LIBSUMM_SUMMARIZE")
    if exe:
        return exe if os.access(exe, os.X_OK) else None
    return shutil.which("summarize")


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    exe = find_summarize()
    if exe is None:
        where = os.environ.get("LIBSUMM_SUMMARIZE")
        if where:
            why = "LIBSUMM_SUMMARIZE=%s is not an executable file" % where
        else:
            why = "no 'summarize' on PATH"
        sys.stderr.write(
            "python3 -m libsumm: cannot run the summarize command: %s.\n"
            "It is built and installed with libsumm's C sources (meson setup build && "
            "ninja -C build install);\nset LIBSUMM_SUMMARIZE to its path to use another "
            "one.\n" % why)
        return 127
    sys.stdout.flush()
    sys.stderr.flush()
    try:
        os.execv(exe, ["summarize", *argv])
    except OSError as e:
        sys.stderr.write("python3 -m libsumm: cannot run %s: %s\n" % (exe, e.strerror))
        return 126


if __name__ == "__main__":
    sys.exit(main())
