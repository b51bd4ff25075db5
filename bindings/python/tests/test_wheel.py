"""`pip wheel` builds a wheel of the project that holds only the Python
package, and the package in it imports and works."""
import os
import subprocess
import sys
import zipfile

import pytest

from conftest import SOURCE_ROOT


def clean_env():
    env = dict(os.environ)
    # The build must not inherit the test's sanitizer preload or the build
    # tree on PYTHONPATH.
    for var in ("LD_PRELOAD", "ASAN_OPTIONS", "PYTHONMALLOC", "PYTHONPATH", "MALLOC_PERTURB_"):
        env.pop(var, None)
    env["PIP_NO_INDEX"] = "1"  # everything needed is installed: never download
    return env


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    if os.environ.get("LIBSUMM_SANITIZED"):
        # pip builds its own, uninstrumented copy: the plain build's run of
        # this test covers it.
        pytest.skip("the wheel build does not depend on the sanitizer build")
    pip = subprocess.run([sys.executable, "-m", "pip", "--version"], capture_output=True)
    if pip.returncode != 0:
        pytest.skip("pip is not installed for %s" % sys.executable)
    for mod in ("mesonpy",):
        if subprocess.run([sys.executable, "-c", "import " + mod]).returncode != 0:
            pytest.skip("%s is not installed for %s" % (mod, sys.executable))
    out = tmp_path_factory.mktemp("wheel")
    p = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-build-isolation", "--no-deps",
         "--no-cache-dir", "-w", str(out), SOURCE_ROOT],
        capture_output=True, text=True, env=clean_env(), timeout=600)
    assert p.returncode == 0, p.stdout + p.stderr
    wheels = list(out.glob("libsumm-*.whl"))
    assert len(wheels) == 1, wheels
    return wheels[0]


def test_wheel_holds_only_the_python_package(wheel):
    with zipfile.ZipFile(wheel) as z:
        names = z.namelist()
    top = {n.split("/")[0] for n in names}
    assert top == {"libsumm", "libsumm-0.2.0.dist-info"}, names
    files = {n.split("/", 1)[1] for n in names if n.startswith("libsumm/")}
    assert {"__init__.py", "__init__.pyi", "py.typed"} <= files
    assert any(f.startswith("_libsumm.") and f.endswith(".so") for f in files), files


def test_wheel_package_imports_and_works(wheel, tmp_path):
    with zipfile.ZipFile(wheel) as z:
        z.extractall(tmp_path)
    env = clean_env()
    env["PYTHONPATH"] = str(tmp_path)
    code = ("import libsumm, sys; "
            "assert libsumm.__file__.startswith(sys.argv[1]), libsumm.__file__; "
            "print(libsumm.summarize('One short sentence. Another sentence here.', sentences=1))")
    p = subprocess.run([sys.executable, "-c", code, str(tmp_path)], capture_output=True,
                       text=True, env=env, cwd=str(tmp_path), timeout=60)
    assert p.returncode == 0, p.stderr
    assert p.stdout.strip() in ("One short sentence.", "Another sentence here.")


def test_wheel_installs_in_a_virtualenv(wheel, tmp_path):
    # The README's virtualenv: it needs ensurepip, which Debian ships apart.
    venv = tmp_path / "venv"
    p = subprocess.run([sys.executable, "-m", "venv", "--system-site-packages", str(venv)],
                       capture_output=True, text=True, env=clean_env(), timeout=300)
    assert p.returncode == 0, ("the README's virtualenv command fails (python3-venv, which "
                               "scripts/install-deps.sh installs, is missing?): " + p.stdout + p.stderr)
    python = str(venv / "bin" / "python")
    p = subprocess.run([python, "-m", "pip", "install", "--no-deps", str(wheel)],
                       capture_output=True, text=True, env=clean_env(), timeout=300)
    assert p.returncode == 0, p.stdout + p.stderr
    code = ("import libsumm, sys; "
            "assert libsumm.__file__.startswith(sys.prefix), libsumm.__file__; "
            "print(libsumm.summarize('One short sentence. Another sentence here.', sentences=1))")
    p = subprocess.run([python, "-c", code], capture_output=True, text=True, env=clean_env(),
                       cwd=str(tmp_path), timeout=60)
    assert p.returncode == 0, p.stderr
    assert p.stdout.strip() in ("One short sentence.", "Another sentence here.")
