"""Shared fixtures of the Python binding's tests. They run against the build
tree: meson sets PYTHONPATH to build/bindings/python, LIBSUMM_SUMMARIZE to the
summarize CLI and LIBSUMM_SOURCE_ROOT to the source tree."""
import collections
import os

import pytest

try:
    from hypothesis import settings
except ImportError:  # pragma: no cover - Debian's python3-hypothesis is a test dependency
    settings = None
else:
    # No example database: the tests must not write into the tree.
    settings.register_profile("libsumm", database=None, deadline=None,
                              print_blob=True)
    # Fewer examples under the sanitizers, which are several times slower.
    settings.register_profile("libsumm-sanitized", parent=settings.get_profile("libsumm"),
                              max_examples=30)
    settings.load_profile("libsumm-sanitized" if os.environ.get("LIBSUMM_SANITIZED")
                          else "libsumm")

SOURCE_ROOT = os.environ.get("LIBSUMM_SOURCE_ROOT",
                             os.path.join(os.path.dirname(__file__), "..", "..", ".."))


@pytest.fixture(scope="session")
def article():
    with open(os.path.join(SOURCE_ROOT, "examples", "article.txt"), encoding="utf-8") as f:
        return f.read()


@pytest.fixture(scope="session")
def summarize_exe():
    exe = os.environ.get("LIBSUMM_SUMMARIZE")
    if not exe or not os.path.exists(exe):
        pytest.skip("the summarize CLI is not built (-Dtools=false)")
    return exe


def pytest_report_header(config):
    import libsumm
    return "libsumm %s from %s" % (libsumm.__version__, os.path.dirname(libsumm.__file__))


# meson counts exit status 77 as a skip, but pytest exits 0 when it skipped
# every test, which meson would count as a pass. So a run that passed nothing
# and skipped something exits with LIBSUMM_SKIP_STATUS (77, set by meson).
_outcomes = collections.Counter()


def pytest_runtest_logreport(report):
    if report.skipped:
        _outcomes["skipped"] += 1
    elif report.failed:
        _outcomes["failed"] += 1
    elif report.when == "call":
        _outcomes["passed"] += 1


def pytest_sessionfinish(session, exitstatus):
    skip_status = os.environ.get("LIBSUMM_SKIP_STATUS")
    if (skip_status and exitstatus == 0 and _outcomes["skipped"]
            and not _outcomes["passed"] and not _outcomes["failed"]):
        session.exitstatus = int(skip_status)
