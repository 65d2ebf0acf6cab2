"""`sitimer.core` is pure Python: every module imports with Qt made unimportable."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

from tests.conftest import REPO

BLOCKED_IMPORT = textwrap.dedent("""
    import importlib
    import importlib.abc
    import pkgutil
    import sys

    BLOCKED = ("PySide6", "shiboken6", "sitimer.qt")

    class NoQt(importlib.abc.MetaPathFinder):
        def find_spec(self, name, path=None, target=None):
            if any(name == b or name.startswith(b + ".") for b in BLOCKED):
                raise ImportError(f"sitimer.core must not import {name}")
            return None

    sys.meta_path.insert(0, NoQt())
    try:
        import PySide6.QtCore  # noqa: F401
    except ImportError:
        pass
    else:
        sys.exit("the blocker does not work")

    import sitimer.core

    for module in pkgutil.walk_packages(sitimer.core.__path__, "sitimer.core."):
        importlib.import_module(module.name)
        print(module.name)
    leaked = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6"))
    sys.exit(f"Qt leaked in: {leaked}" if leaked else 0)
""")


def test_sitimer_core_imports_no_qt() -> None:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    result = subprocess.run(
        [sys.executable, "-c", BLOCKED_IMPORT], cwd=REPO, env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr + result.stdout
    imported = set(result.stdout.split())
    assert {
        "sitimer.core.programme.model",
        "sitimer.core.programme.fields",
        "sitimer.core.programme.loader",
        "sitimer.core.programme.plan",
        "sitimer.core.session.engine",
        "sitimer.core.clock",
        "sitimer.core.session.cues",
    } <= imported
