"""A progress bar per analysis step, on stderr, only when someone is watching a terminal."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from tradeoff.analysis.progress import Advance
from tradeoff.cli.context import err_console


class StepBars:
    """Implements ``tradeoff.analysis.progress.Progress`` with rich bars."""

    def __init__(self) -> None:
        self._bars = Progress(
            TextColumn("{task.description:<8}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=err_console,
            disable=not err_console.is_terminal,
        )

    def __enter__(self) -> StepBars:
        self._bars.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._bars.stop()

    @contextmanager
    def step(self, name: str, total: int) -> Iterator[Advance]:
        task = self._bars.add_task(name, total=max(total, 1))
        yield lambda done: self._bars.advance(task, done)
        self._bars.update(task, completed=max(total, 1))
