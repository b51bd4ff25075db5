"""A pytest run under meson that skipped every test exits 77, meson's skip
status, so that it is counted as a skip and not as a pass (conftest.py)."""
import os
import subprocess
import sys

import pytest

TESTS_DIR = os.path.dirname(os.path.abspath(__file__))

BODIES = {
    "all_skipped": "import pytest\n\ndef test_a():\n    pytest.skip('no')\n\n"
                   "@pytest.fixture\ndef f():\n    pytest.skip('no')\n\ndef test_b(f):\n    pass\n",
    "one_passed": "import pytest\n\ndef test_a():\n    pytest.skip('no')\n\ndef test_b():\n    pass\n",
    "one_failed": "import pytest\n\ndef test_a():\n    pytest.skip('no')\n\ndef test_b():\n    assert 0\n",
}


def run_pytest(tmp_path, body, skip_status):
    (tmp_path / "test_sample.py").write_text(BODIES[body])
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (TESTS_DIR, env.get("PYTHONPATH")) if p)
    env.pop("LIBSUMM_SKIP_STATUS", None)
    if skip_status:
        env["LIBSUMM_SKIP_STATUS"] = skip_status
    # -p conftest: the hooks of this directory's conftest.py, for a test file
    # outside it.
    p = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                        "-p", "conftest", "--rootdir", str(tmp_path), str(tmp_path)],
                       capture_output=True, text=True, env=env, cwd=str(tmp_path), timeout=120)
    return p.returncode, p.stdout + p.stderr


@pytest.mark.parametrize("body,skip_status,expected", [
    ("all_skipped", "77", 77),
    ("all_skipped", None, 0),
    ("one_passed", "77", 0),
    ("one_failed", "77", 1),
])
def test_exit_status(tmp_path, body, skip_status, expected):
    status, output = run_pytest(tmp_path, body, skip_status)
    assert status == expected, output
