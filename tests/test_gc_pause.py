"""Pausing cyclic garbage collection: nested, across threads, and after errors."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator

import pytest

from tradeoff.gc_pause import collection_paused


@pytest.fixture(autouse=True)
def collection_on() -> Iterator[None]:
    was = gc.isenabled()
    gc.enable()
    yield
    if was:
        gc.enable()
    else:
        gc.disable()


def test_collection_is_off_inside_and_back_on_after() -> None:
    with collection_paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_an_inner_pause_ending_leaves_the_outer_one_paused() -> None:
    with collection_paused():
        with collection_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()


def test_collection_turned_off_by_the_caller_stays_off() -> None:
    gc.disable()
    with collection_paused():
        pass
    assert not gc.isenabled()


def test_an_error_inside_still_ends_the_pause() -> None:
    with pytest.raises(ValueError, match="bad row"), collection_paused():
        raise ValueError("bad row")
    assert gc.isenabled()


def test_one_thread_ending_its_pause_does_not_end_another_threads() -> None:
    entered, first_done, second_may_end = threading.Event(), threading.Event(), threading.Event()
    seen: dict[str, bool] = {}

    def long_read() -> None:
        with collection_paused():
            entered.set()
            second_may_end.wait(5)
            seen["long read, after the short one ended"] = gc.isenabled()

    def short_read() -> None:
        entered.wait(5)
        with collection_paused():
            pass
        seen["short read ended, long one still open"] = gc.isenabled()
        first_done.set()

    threads = [threading.Thread(target=long_read), threading.Thread(target=short_read)]
    for thread in threads:
        thread.start()
    first_done.wait(5)
    second_may_end.set()
    for thread in threads:
        thread.join(5)
    assert seen == {
        "short read ended, long one still open": False,
        "long read, after the short one ended": False,
    }
    assert gc.isenabled()
