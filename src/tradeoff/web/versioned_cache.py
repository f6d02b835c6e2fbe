"""Figures computed from the workspace, kept in server memory while its data version and
the day stay the same, and recomputed in the background when they change.

Migration 0008's triggers bump ``data_version`` on every write to an analysed table, whoever
writes (an import, the CLI, this app, another process), so one cheap read says whether a
kept value is still the workspace's. Values are the Python APIs' own objects: nothing is
serialised, nothing can drift from them.

Pages never wait for a computation (``lookup``): a value kept for an older version is
returned at once, marked as such, while one worker thread per key computes the current one;
with nothing kept yet the page says so and polls. ``get`` is the blocking form, for callers
that need the current figures (and tests): it waits for a computation under way rather than
starting a second one, so a key is computed at most once at a time either way.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Generic, TypeVar

from sqlalchemy import Engine

from tradeoff.errors import TradeoffError
from tradeoff.storage.home import data_version
from tradeoff.storage.session import read_session

V = TypeVar("V")

log = logging.getLogger("tradeoff.web")

#: After a background computation failed, requests for the same data version and day start
#: another no sooner than this many seconds later (a change to the data retries at once).
RETRY_AFTER = 60.0

Stamp = tuple[str, date]


@dataclass(frozen=True)
class Kept(Generic[V]):
    """What a page shows: the kept value (None when nothing was computed yet for this
    workspace) and how it stands against the workspace's current data version and day."""

    value: V | None
    #: The data version and day the value was computed for.
    stamp: Stamp | None
    #: When that computation finished, and how long it took.
    computed_at: datetime | None
    seconds: float
    #: The value is the workspace's current one.
    current: bool
    #: A computation is under way: the page will have newer figures on a later request.
    updating: bool
    #: Why the last computation failed, in one line for the page (details in the log).
    failure: str | None

    @classmethod
    def fresh(cls, value: V) -> Kept[V]:
        """A value computed for this request (a page for another day): current, not kept."""
        return cls(value, None, None, 0.0, current=True, updating=False, failure=None)


@dataclass
class _Slot(Generic[V]):
    #: Held while computing, by a worker or a blocking ``get``: one computation at a time.
    computing: threading.Lock = field(default_factory=threading.Lock)
    stamp: Stamp | None = None
    value: V | None = None
    computed_at: datetime | None = None
    seconds: float = 0.0
    computations: int = 0
    worker: threading.Thread | None = None
    #: Set while no worker runs; tests and the bench wait on it.
    idle: threading.Event = field(default_factory=threading.Event)
    #: (stamp, reason, monotonic time) of the last failed background computation.
    failure: tuple[Stamp, str, float] | None = None

    def __post_init__(self) -> None:
        self.idle.set()


class VersionedCache(Generic[V]):
    """At most ``size`` values (the least recently used go first), each valid for one
    (data version, day)."""

    def __init__(self, size: int) -> None:
        self._size = size
        self._slots: OrderedDict[tuple[str, Hashable], _Slot[V]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, engine: Engine, key: Hashable, day: date, compute: Callable[[str], V]) -> V:
        """The current value for ``key``, computed here unless kept or under way."""
        slot = self._slot(engine, key)
        stamp = _stamp(engine, day)
        self._ensure(slot, stamp, compute)
        assert slot.value is not None
        return slot.value

    def lookup(
        self,
        engine: Engine,
        key: Hashable,
        day: date,
        compute: Callable[[str], V],
        *,
        background: bool = True,
    ) -> Kept[V]:
        """The kept value for ``key`` at once, current or not; when it is not current, one
        background computation of the current one is started (unless one is under way, or
        the last one failed for this version less than ``RETRY_AFTER`` seconds ago).
        ``background=False`` computes in the caller instead, as ``get``."""
        slot = self._slot(engine, key)
        stamp = _stamp(engine, day)
        if not background:
            self._ensure(slot, stamp, compute)
        with self._lock:
            if slot.stamp != stamp or slot.value is None:
                failed = slot.failure
                recent = (
                    failed and failed[0] == stamp and time.monotonic() - failed[2] < RETRY_AFTER
                )
                if slot.worker is None and not recent:
                    self._start(slot, stamp, compute, key)
            return _kept(slot, stamp)

    def wait(self, engine: Engine, key: Hashable, timeout: float | None = None) -> bool:
        """Block until no background computation of ``key`` runs; False if ``timeout``
        seconds passed first (tests and the bench, instead of sleeping)."""
        return self._slot(engine, key).idle.wait(timeout)

    def computations(self, engine: Engine, key: Hashable) -> int:
        """How many times this process computed ``key`` for ``engine`` (tests, bench)."""
        with self._lock:
            slot = self._slots.get((str(engine.url), key))
            return slot.computations if slot else 0

    def _slot(self, engine: Engine, key: Hashable) -> _Slot[V]:
        full_key = (str(engine.url), key)
        with self._lock:
            slot = self._slots.pop(full_key, None) or _Slot()
            self._slots[full_key] = slot
            while len(self._slots) > self._size:
                self._slots.popitem(last=False)
            return slot

    def _ensure(self, slot: _Slot[V], stamp: Stamp, compute: Callable[[str], V]) -> None:
        """Make ``slot`` hold the value for ``stamp``, waiting for a computation under way."""
        if slot.stamp == stamp and slot.value is not None:
            return
        with slot.computing:
            if slot.stamp != stamp or slot.value is None:
                self._compute(slot, stamp, compute)

    def _compute(self, slot: _Slot[V], stamp: Stamp, compute: Callable[[str], V]) -> None:
        """Compute and keep; the caller holds ``slot.computing``."""
        started = time.perf_counter()
        value = compute(stamp[0])
        with self._lock:
            slot.value, slot.stamp = value, stamp
            slot.computed_at = datetime.now(UTC)
            slot.seconds = time.perf_counter() - started
            slot.computations += 1
            slot.failure = None

    def _start(
        self, slot: _Slot[V], stamp: Stamp, compute: Callable[[str], V], key: Hashable
    ) -> None:
        """One worker for ``slot``; the caller holds ``self._lock``."""

        def work() -> None:
            try:
                self._ensure(slot, stamp, compute)  # a ``get`` may have done it meanwhile
            except Exception as error:
                log.exception("computing %r in the background failed", key)
                with self._lock:
                    slot.failure = (stamp, _reason(error), time.monotonic())
            finally:
                with self._lock:
                    slot.worker = None
                    slot.idle.set()

        slot.idle.clear()
        slot.worker = threading.Thread(target=work, name=f"tradeoff-refresh-{key}", daemon=True)
        slot.worker.start()


def _stamp(engine: Engine, day: date) -> Stamp:
    with read_session(engine) as session:
        return data_version(session), day


def _instance(version: str) -> str:
    """The workspace instance a data version belongs to (its part before the counter)."""
    return version.rsplit(".", 1)[0]


def _kept(slot: _Slot[V], stamp: Stamp) -> Kept[V]:
    """The slot as a page sees it; a value from another workspace instance (a database
    restored or recreated at the same address) is never shown, not even as stale."""
    ours = slot.stamp is not None and _instance(slot.stamp[0]) == _instance(stamp[0])
    failure = slot.failure[1] if slot.failure else None
    return Kept(
        value=slot.value if ours else None,
        stamp=slot.stamp if ours else None,
        computed_at=slot.computed_at if ours else None,
        seconds=slot.seconds if ours else 0.0,
        current=ours and slot.stamp == stamp,
        updating=slot.worker is not None,
        failure=failure,
    )


def _reason(error: Exception) -> str:
    """Our named errors say what is wrong in words meant for people; anything else is a
    bug whose details belong in the server log only."""
    if isinstance(error, TradeoffError):
        return str(error)
    return "an internal error (a bug in Tradeoff; the details are in the server log)"
