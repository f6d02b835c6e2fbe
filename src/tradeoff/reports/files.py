"""Writing a generated page: whole or not at all, so a reader never opens half a report."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from tradeoff.errors import InputError


def write_atomically(text: str, path: Path) -> Path:
    """Write ``text`` to ``path`` through a temporary file and a rename; returns the path."""
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise InputError("the folder does not exist", path=folder)
    if path.is_dir():
        raise InputError("is a folder, not a file", path=path)
    handle, partial = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".partial")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(text.encode("utf-8"))
            out.flush()
            os.fsync(out.fileno())
        os.chmod(partial, 0o644)
        os.replace(partial, path)
    except BaseException:
        Path(partial).unlink(missing_ok=True)
        raise
    return path
