"""Test-session set-up for every pytest run of the project (tests and notebooks).

The session runs offline (see ``tests/offline/sitecustomize.py``), and the notebooks'
image outputs are compared too: nbval skips them by default, but a fresh run must
reproduce the committed PNG bytes.
"""
from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path

OFFLINE = Path(__file__).parent / "tests" / "offline"
#: Proxy settings that lead nowhere, for libraries that honour them before opening a socket.
DEAD_PROXY = "http://127.0.0.1:9"


def pytest_configure(config):
    """Network off for this process and every process it starts."""
    os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(OFFLINE), os.environ.get("PYTHONPATH")]))
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        os.environ[name] = DEAD_PROXY
    os.environ.pop("NO_PROXY", None)
    os.environ.pop("no_proxy", None)
    sys.modules["offline_guard"] = _guard()


def _guard():
    """The guard module, installed in this process once.

    A process started with ``PYTHONPATH`` already set (a pytest-xdist worker) imported
    it at start-up as ``sitecustomize``; that copy is the one whose ``NetworkBlocked``
    the sockets raise, so it is reused rather than loaded a second time.
    """
    loaded = sys.modules.get("sitecustomize")
    if loaded is not None and Path(getattr(loaded, "__file__", "")) == OFFLINE / "sitecustomize.py":
        return loaded
    spec = importlib.util.spec_from_file_location("offline_guard", OFFLINE / "sitecustomize.py")
    guard = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(guard)  # installs the guard in this process
    return guard


def pytest_collection_modifyitems(items):
    """Compare PNG outputs of the notebooks byte for byte (after the sanitizers)."""
    for item in items:
        notebook = item.parent
        if hasattr(notebook, "skip_compare"):
            notebook.skip_compare = tuple(k for k in notebook.skip_compare if k not in ("image/png", "image/jpeg"))
