"""Shared fixtures of the Python binding's tests. They run against the build
tree: meson sets PYTHONPATH to build/bindings/python, LIBSUMM_SUMMARIZE to the
summarize CLI and LIBSUMM_SOURCE_ROOT to the source tree."""
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
