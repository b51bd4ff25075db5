"""Where `import libsumm` finds the package: `meson install` puts it in a
directory the interpreter searches under the install prefix, and Python run
from the root of a checkout never gets the C source folder `libsumm/` as an
empty package."""
import os
import subprocess
import sys

import pytest

from conftest import SOURCE_ROOT

BUILD_ROOT = os.environ.get("LIBSUMM_BUILD_ROOT")
MESON = os.environ.get("LIBSUMM_MESON")
PREFIX = os.environ.get("LIBSUMM_INSTALL_PREFIX")

SMOKE = ("import libsumm, sys; "
         "print(libsumm.__file__); "
         "print(libsumm.summarize('One short sentence. Another sentence here.', sentences=1))")


def child_env(**extra):
    env = dict(os.environ)
    for var in ("PYTHONPATH", "DESTDIR"):
        env.pop(var, None)
    env.update(extra)
    return env


def searched_dirs():
    """The interpreter's own search path: no PYTHONPATH, no user site."""
    p = subprocess.run([sys.executable, "-E", "-s", "-c", "import sys; print('\\n'.join(sys.path))"],
                       capture_output=True, text=True, check=True, cwd="/")
    return [os.path.realpath(d) for d in p.stdout.splitlines() if d]


@pytest.fixture(scope="module")
def staged(tmp_path_factory):
    if not (BUILD_ROOT and MESON and PREFIX):
        pytest.skip("meson did not pass LIBSUMM_MESON, LIBSUMM_BUILD_ROOT and LIBSUMM_INSTALL_PREFIX")
    dest = tmp_path_factory.mktemp("destdir")
    p = subprocess.run([MESON, "install", "-C", BUILD_ROOT, "--no-rebuild", "--destdir", str(dest)],
                       capture_output=True, text=True, env=child_env(), timeout=300)
    assert p.returncode == 0, p.stdout + p.stderr
    return str(dest)


def installed_packages(dest):
    return sorted(root for root, _, files in os.walk(dest)
                  if os.path.basename(root) == "libsumm" and "__init__.py" in files)


def test_the_binding_and_only_it_is_installed(staged):
    packages = installed_packages(staged)
    assert len(packages) == 1, packages
    with open(os.path.join(packages[0], "__init__.py"), "rb") as f:
        installed = f.read()
    with open(os.path.join(SOURCE_ROOT, "bindings", "python", "libsumm", "__init__.py"), "rb") as f:
        assert installed == f.read(), "the C source folder's libsumm/__init__.py was installed"
    assert any(n.startswith("_libsumm.") and n.endswith(".so") for n in os.listdir(packages[0]))


def test_the_package_lands_where_the_interpreter_looks(staged):
    if os.environ.get("LIBSUMM_PY_DEFAULT_SITE") != "1":
        pytest.skip("-Dpython.platlibdir or -Dpython.install_env chose the directory")
    prefix = os.path.realpath(PREFIX)
    under_prefix = [d for d in searched_dirs()
                    if d.endswith("-packages") and os.path.commonpath([d, prefix]) == prefix]
    if not under_prefix:
        pytest.skip("%s searches no site directory under %s" % (sys.executable, prefix))
    site = os.path.dirname(installed_packages(staged)[0])
    assert site.startswith(staged)
    assert site[len(staged):] in under_prefix, (site, under_prefix)


def test_the_installed_package_imports_and_works(staged, tmp_path):
    site = os.path.dirname(installed_packages(staged)[0])
    p = subprocess.run([sys.executable, "-c", SMOKE], capture_output=True, text=True,
                       env=child_env(PYTHONPATH=site), cwd=str(tmp_path), timeout=60)
    assert p.returncode == 0, p.stderr
    where, summary = p.stdout.splitlines()
    assert where.startswith(site), where
    assert summary in ("One short sentence.", "Another sentence here.")


def test_import_from_the_checkout_root_is_never_the_source_folder():
    # Without PYTHONPATH the current directory, the checkout's root, comes
    # first. Either an installed libsumm is found, or ImportError says what to do.
    p = subprocess.run([sys.executable, "-c", SMOKE], capture_output=True, text=True,
                       env=child_env(), cwd=SOURCE_ROOT, timeout=60)
    if p.returncode == 0:
        where = os.path.realpath(p.stdout.splitlines()[0])
        assert not where.startswith(os.path.realpath(os.path.join(SOURCE_ROOT, "libsumm")) + os.sep)
    else:
        assert "ImportError: libsumm:" in p.stderr, p.stderr
        assert "PYTHONPATH=build/bindings/python" in p.stderr, p.stderr


def test_import_from_the_checkout_root_finds_the_build():
    # The README's way to try the build tree from the root of a checkout.
    build_python = os.environ.get("PYTHONPATH")
    if not build_python:
        pytest.skip("meson did not set PYTHONPATH to the build tree")
    p = subprocess.run([sys.executable, "-c", SMOKE], capture_output=True, text=True,
                       env=child_env(PYTHONPATH=build_python), cwd=SOURCE_ROOT, timeout=60)
    assert p.returncode == 0, p.stderr
    where = os.path.realpath(p.stdout.splitlines()[0])
    assert where.startswith(os.path.realpath(build_python) + os.sep), where
