"""Pages never wait for a recomputation: stale figures come at once, marked, while one
worker computes the current ones; with nothing kept the page polls until they exist.

No sleeps: a test waits on the cache's completion event, or holds a computation on a gate
it opens itself, so every assertion is about a state the test created."""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Callable
from datetime import UTC, date, datetime

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select, text

from tests.web.conftest import Workspace
from tradeoff.domain.enums import EvidenceKind
from tradeoff.domain.evidence import EvidenceItem
from tradeoff.domain.users import Role
from tradeoff.errors import InputError
from tradeoff.storage import repository
from tradeoff.storage.session import read_session, write_session
from tradeoff.storage.tables import EvidenceItemRow
from tradeoff.web.home_snapshot import computations, home_snapshot, wait_for_home
from tradeoff.web.theme_figures import THEME_LISTS, THEME_PAGES
from tradeoff.web.versioned_cache import VersionedCache

#: Generous: only a hung worker reaches it, and the assertion then names the wait.
WAIT = 120.0
POLL = re.compile(r'<div id="([a-z-]+)" hx-get="([^"]+)" hx-trigger="every 2s" hx-select="#\1"')


@pytest.fixture
def server_way(
    make_client: Callable[..., TestClient],
) -> Callable[[Role], TestClient]:
    """A signed-in browser on an app that recomputes in the background, as ``tradeoff
    serve`` does."""
    from tests.web.conftest import PEOPLE, log_in

    def as_role(role: Role) -> TestClient:
        return log_in(make_client(background=True), PEOPLE[role])

    return as_role


def add_unfiled(workspace: Workspace, number: int) -> None:
    with write_session(workspace.engine) as session:
        repository.add(
            session,
            EvidenceItem(
                source="zendesk",
                external_id=f"late{number}",
                kind=EvidenceKind.TICKET,
                text=f"Late ticket {number}",
                created_at=datetime(2026, 4, 1, tzinfo=UTC),
            ),
        )


def item_count(workspace: Workspace) -> int:
    with read_session(workspace.engine) as session:
        return session.scalar(select(func.count()).select_from(EvidenceItemRow)) or 0


def polls(page: str) -> list[tuple[str, str]]:
    """(container id, polled path) of every figures container that polls."""
    return POLL.findall(page)


def test_with_nothing_kept_home_polls_until_its_figures_exist(
    server_way: Callable[[Role], TestClient], workspace: Workspace
) -> None:
    viewer = server_way(Role.VIEWER)
    first = viewer.get("/")
    assert first.status_code == 200
    assert "Computing these figures" in first.text
    assert polls(first.text) == [("home-figures", "/")]
    assert "hx-disable" not in first.text.split("<main>", 1)[1].split('id="home-figures"')[0]
    assert 'id="demand"' not in first.text
    assert wait_for_home(workspace.engine, WAIT), "the home computation did not finish"
    ready = viewer.get("/", headers={"HX-Request": "true"})  # what htmx's poll sends
    assert polls(ready.text) == [], "the answer's container stops the polling"
    assert '<div id="home-figures">' in ready.text
    assert 'id="demand"' in ready.text
    assert "Figures computed" in ready.text


def test_a_stale_home_comes_at_once_marked_and_is_replaced_by_one_computation(
    server_way: Callable[[Role], TestClient], workspace: Workspace
) -> None:
    engine = workspace.engine
    kept = home_snapshot(engine)
    # The page shows when the kept computation finished: within this minute or the one it
    # started in (a computation across a minute's end showed the later one once in CI).
    finished = datetime.now(UTC)
    assert kept.unsorted == 0, "both items of the workspace are filed"
    counted = computations(engine)
    add_unfiled(workspace, 1)
    viewer = server_way(Role.VIEWER)
    stale = [viewer.get("/").text for _ in range(3)]
    stamps = {moment.strftime("%H:%M") for moment in (kept.computed_at, finished)}
    assert any(f"Figures as of {stamp} UTC — updating" in stale[0] for stamp in stamps)
    for page in stale:  # the later ones may come after the worker finished
        if "— updating" in page:
            assert "unsorted" not in page, "the figures shown are the kept ones"
        else:
            assert "1 evidence items are unsorted" in page
    assert polls(stale[0]) == [("home-figures", "/")], "replaced when the new ones are ready"
    assert wait_for_home(engine, WAIT), "the home computation did not finish"
    assert computations(engine) == counted + 1, "one computation however many requests"
    fresh = viewer.get("/").text
    unsorted = item_count(workspace) - 2
    assert f"{unsorted} evidence items are unsorted" in fresh
    assert "updating" not in fresh
    assert home_snapshot(engine).unsorted == 1
    assert computations(engine) == counted + 1, "the blocking read reuses the worker's"


def test_the_theme_list_and_a_theme_page_poll_then_show_their_figures(
    server_way: Callable[[Role], TestClient], workspace: Workspace
) -> None:
    viewer = server_way(Role.VIEWER)
    path = f"/themes/{workspace.theme_id}"
    listing = viewer.get("/themes")
    page = viewer.get(path)
    assert polls(listing.text) == [("theme-list", "/themes")]
    assert polls(page.text) == [("theme-figures", path)]
    assert "Exports time out every Monday" in page.text, "the items are listed at once"
    assert "2 evidence items" not in page.text
    assert THEME_LISTS.wait(workspace.engine, "all", WAIT)
    assert THEME_PAGES.wait(workspace.engine, workspace.theme_id, WAIT)
    assert "2 evidence items" in viewer.get(path).text
    assert f'href="/themes/{workspace.theme_id}"' in viewer.get("/themes").text
    add_unfiled(workspace, 2)
    stale = viewer.get(path).text
    assert "2 evidence items" in stale
    assert "— updating" in stale
    assert THEME_PAGES.wait(workspace.engine, workspace.theme_id, WAIT)


def test_an_unknown_theme_is_a_404_at_once(
    server_way: Callable[[Role], TestClient], workspace: Workspace
) -> None:
    assert server_way(Role.VIEWER).get("/themes/999999").status_code == 404


def gate_compute(gate: threading.Event, calls: list[str]) -> Callable[[str], str]:
    def compute(version: str) -> str:
        calls.append(version)
        assert gate.wait(WAIT), "the test never opened the gate"
        return f"value for {version}"

    return compute


def test_one_worker_per_key_and_a_blocking_read_waits_for_it(workspace: Workspace) -> None:
    engine, day = workspace.engine, date(2026, 5, 1)
    cache: VersionedCache[str] = VersionedCache(size=4)
    gate, calls = threading.Event(), []
    compute = gate_compute(gate, calls)
    first = cache.lookup(engine, "k", day, compute)
    again = cache.lookup(engine, "k", day, compute)
    assert (first.value, first.updating, again.value, again.updating) == (None, True, None, True)
    got: list[str] = []
    reader = threading.Thread(target=lambda: got.append(cache.get(engine, "k", day, compute)))
    reader.start()
    gate.set()
    reader.join(WAIT)
    assert cache.wait(engine, "k", WAIT)
    assert len(calls) == 1, "the blocking read waited for the worker instead of computing"
    assert got == [f"value for {calls[0]}"]
    done = cache.lookup(engine, "k", day, compute)
    assert (done.value, done.current, done.updating) == (got[0], True, False)
    assert cache.lookup(engine, "k", date(2026, 5, 2), compute).value == got[0], "a new day: stale"
    assert cache.wait(engine, "k", WAIT)
    assert len(calls) == 2


def test_a_failed_computation_is_logged_shown_and_not_retried_at_once(
    workspace: Workspace, caplog: pytest.LogCaptureFixture
) -> None:
    engine, day = workspace.engine, date(2026, 5, 1)
    cache: VersionedCache[str] = VersionedCache(size=4)
    calls: list[str] = []

    def failing(version: str) -> str:
        calls.append(version)
        raise InputError("no rate for JPY")

    with caplog.at_level(logging.ERROR, logger="tradeoff.web"):
        cache.lookup(engine, "k", day, failing)
        assert cache.wait(engine, "k", WAIT)
    assert "computing 'k' in the background failed" in caplog.text
    assert "no rate for JPY" in caplog.text
    shown = cache.lookup(engine, "k", day, failing)
    assert (shown.value, shown.updating, shown.failure) == (None, False, "no rate for JPY")
    assert len(calls) == 1, "no retry for the same version within RETRY_AFTER"

    def bug(version: str) -> str:
        raise ZeroDivisionError("secret detail")

    add_unfiled(workspace, 3)  # a change retries at once
    cache.lookup(engine, "k", day, bug)
    assert cache.wait(engine, "k", WAIT)
    failure = cache.lookup(engine, "k", day, bug).failure
    assert failure is not None
    assert "secret" not in failure
    assert "bug in Tradeoff" in failure


def test_figures_of_another_workspace_instance_are_never_shown(workspace: Workspace) -> None:
    """A database recreated at the same address has a new instance id: what was kept for
    the old one is not even shown as stale."""
    engine, day = workspace.engine, date(2026, 5, 1)
    cache: VersionedCache[str] = VersionedCache(size=4)
    cache.get(engine, "k", day, lambda version: version)
    with engine.begin() as connection:
        connection.execute(text("UPDATE data_version SET instance = 'another'"))
    shown = cache.lookup(engine, "k", day, lambda version: version)
    assert shown.value is None
    assert cache.wait(engine, "k", WAIT)
    assert str(cache.lookup(engine, "k", day, lambda version: version).value).startswith("another.")
