"""Every module a competitor scan reads through is in its rules digest.

A release that changes only ``domain/competitor_names.py`` (how two names compare) must make
the next scan read again, so each reading module the scan loads must be one of
``competitor_scan_stamp.RULE_SOURCES``. A fresh interpreter loads the scan as a user's
process does, with nothing a test imported before it.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import tradeoff
from tradeoff.analysis.business.competitor_scan_stamp import RULE_SOURCES

_LOADED = """
import json, sys
import tradeoff.analysis.business.competitor_scan
print(json.dumps(sorted(
    module.__file__ for name, module in sys.modules.items()
    if name.startswith(("tradeoff.analysis.business.competitor", "tradeoff.domain.competitor"))
)))
"""


def test_each_competitor_module_the_scan_loads_is_in_the_digest() -> None:
    run = subprocess.run(
        [sys.executable, "-c", _LOADED], capture_output=True, text=True, check=True, timeout=120
    )
    loaded = {Path(path).resolve() for path in json.loads(run.stdout)}
    root = Path(tradeoff.__file__).parent
    covered = {path.resolve() for pattern in RULE_SOURCES for path in root.glob(pattern)}
    assert any(path.name == "competitor_names.py" for path in loaded)
    assert any(path.name == "competitor_scan.py" for path in loaded)
    missing = sorted(path.relative_to(root.resolve()).as_posix() for path in loaded - covered)
    assert missing == []
