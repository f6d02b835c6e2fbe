"""Figures computed from the workspace, kept in server memory while its data version and
the day stay the same.

Migration 0008's triggers bump ``data_version`` on every write to an analysed table, whoever
writes (an import, the CLI, this app, another process), so one cheap read says whether a
kept value is still the workspace's. Values are the Python APIs' own objects: nothing is
serialised, nothing can drift from them. The cost is one computation per server process per
change; a lock per key makes concurrent requests after a change wait for that one
computation instead of each starting its own.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from datetime import date
from typing import Generic, TypeVar

from sqlalchemy import Engine

from tradeoff.storage.home import data_version
from tradeoff.storage.session import read_session

V = TypeVar("V")


@dataclass
class _Slot(Generic[V]):
    lock: threading.Lock = field(default_factory=threading.Lock)
    stamp: tuple[str, date] | None = None
    value: V | None = None
    computations: int = 0


class VersionedCache(Generic[V]):
    """At most ``size`` values (the least recently used go first), each valid for one
    (data version, day)."""

    def __init__(self, size: int) -> None:
        self._size = size
        self._slots: OrderedDict[tuple[str, Hashable], _Slot[V]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, engine: Engine, key: Hashable, day: date, compute: Callable[[str], V]) -> V:
        """The kept value for ``key`` when still current, else ``compute(version)``'s."""
        slot = self._slot((str(engine.url), key))
        with read_session(engine) as session:
            stamp = (data_version(session), day)
        if slot.stamp == stamp and slot.value is not None:
            return slot.value
        with slot.lock:
            if slot.stamp != stamp or slot.value is None:
                slot.value = compute(stamp[0])
                slot.stamp = stamp
                slot.computations += 1
            return slot.value

    def computations(self, engine: Engine, key: Hashable) -> int:
        """How many times this process computed ``key`` for ``engine`` (tests, bench)."""
        with self._lock:
            slot = self._slots.get((str(engine.url), key))
            return slot.computations if slot else 0

    def _slot(self, full_key: tuple[str, Hashable]) -> _Slot[V]:
        with self._lock:
            slot = self._slots.pop(full_key, None) or _Slot()
            self._slots[full_key] = slot
            while len(self._slots) > self._size:
                self._slots.popitem(last=False)
            return slot
