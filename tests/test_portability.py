"""The package imports on a system without ``fcntl`` (Windows): locks go through ``filelock``."""
from __future__ import annotations

import subprocess
import sys

IMPORT_ALL_WITHOUT_FCNTL = """
import importlib, pkgutil, sys
sys.modules["fcntl"] = None  # as on Windows: `import fcntl` raises ImportError
import ningbo_openness
names = [m.name for m in pkgutil.walk_packages(ningbo_openness.__path__, "ningbo_openness.")
         if m.name != "ningbo_openness.__main__"]
for name in names:
    importlib.import_module(name)
print(len(names))
"""


def test_every_module_imports_without_fcntl():
    done = subprocess.run([sys.executable, "-W", "ignore", "-c", IMPORT_ALL_WITHOUT_FCNTL], capture_output=True, text=True,
                          check=False)
    assert done.returncode == 0, done.stderr
    assert int(done.stdout) > 20
