"""Graphviz: every DOT file of the exports renders with no warning (check 5 of check_exports.py)."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from checks_common import CheckFailed
from checks_helpers import need_file

DOT = shutil.which("dot")  # require_dependencies() has made sure it is on PATH


# --------------------------------------------------------------------------- 5. Graphviz

def check_dot(path: Path) -> str:
    need_file(path)
    try:
        proc = subprocess.run([DOT, "-Tsvg", str(path), "-o", "/dev/null"],
                              capture_output=True, text=True, timeout=300)
    except subprocess.TimeoutExpired:
        raise CheckFailed("dot did not finish within 300 s")
    err = proc.stderr.strip()
    if proc.returncode != 0:
        raise CheckFailed(f"dot exited {proc.returncode}", err)
    if err:
        raise CheckFailed("dot printed warnings on stderr", err)
    return "renders with no warnings"
