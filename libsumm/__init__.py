"""Not the Python package: the C sources of libsumm.

Python run from the root of a checkout finds this folder first (the current
directory leads sys.path). Without this file it would import as an empty
namespace package and fail later with "module 'libsumm' has no attribute
'summarize'". Instead, the real package is looked up on the rest of sys.path
(a build tree on PYTHONPATH, or an installed copy) and loaded in place of this
module; when there is none, ImportError says how to get one.

Nothing installs this file: meson installs bindings/python/libsumm/.
"""
import importlib.machinery
import importlib.util
import os
import sys

_checkout = os.path.realpath(os.path.join(os.path.dirname(__file__), ".."))
_path = [p for p in sys.path if os.path.realpath(p or os.curdir) != _checkout]
_spec = importlib.machinery.PathFinder.find_spec(__name__, _path)
if _spec is None or _spec.origin is None or _spec.loader is None:
    # Not found, or only another namespace folder.
    raise ImportError(
        "libsumm: %s holds the C sources, not the Python package. Build it and "
        "point PYTHONPATH at the build "
        "(meson setup build && ninja -C build, then "
        "PYTHONPATH=build/bindings/python), install it (ninja -C build install), "
        "or run Python from another directory." % os.path.dirname(__file__),
        name=__name__)

# The import statement returns whatever sys.modules holds once this module has
# run, so the real package replaces this one.
_module = importlib.util.module_from_spec(_spec)
sys.modules[__name__] = _module
try:
    _spec.loader.exec_module(_module)
except BaseException:
    del sys.modules[__name__]
    raise
