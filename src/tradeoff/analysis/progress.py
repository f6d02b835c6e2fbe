"""How a long analysis reports its steps, without knowing who is watching.

The CLI draws a progress bar per step; the Python API and the tests stay silent.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from typing import Protocol

Advance = Callable[[int], None]


class Progress(Protocol):
    def step(self, name: str, total: int) -> AbstractContextManager[Advance]:
        """A step of ``total`` units; the context hands back a function to count them."""
        ...


class _Silent:
    @contextmanager
    def step(self, name: str, total: int) -> Iterator[Advance]:
        yield lambda _done: None


NO_PROGRESS: Progress = _Silent()
