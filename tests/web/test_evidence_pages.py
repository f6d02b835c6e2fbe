"""The evidence inbox against the shared company: filters agree with an independent reading of
the workspace, pages follow one another, search finds what it should, bulk actions write
through the Python API and only for editors with the form's token."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from tests.business.world import World, build_world
from tests.web.conftest import ESCAPED_NAME, HOSTILE_NAME, Workspace, page_token
from tradeoff.decisions.problems import new_problem
from tradeoff.domain.enums import INTERNAL_PROXY_ROLES, EvidenceKind, EvidenceMode
from tradeoff.domain.evidence import EvidenceItem
from tradeoff.domain.users import Role
from tradeoff.storage import repository
from tradeoff.storage.evidence_words import word_keys
from tradeoff.storage.session import read_session, write_session
from tradeoff.storage.tables import AccountRow, EvidenceItemRow, EvidenceThemeRow, EvidenceWordRow
from tradeoff.storage.tables.accounts import PersonRow
from tradeoff.storage.tables.problems import ProblemEvidenceRow

ROW_ID = re.compile(r'name="evidence_id" value="(\d+)"')


@pytest.fixture
def world(workspace: Workspace) -> World:
    return build_world(workspace.engine)


def ids_of(world: World) -> list[int]:
    ids = [item.id for item in world.evidence]
    assert None not in ids
    return [i for i in ids if i is not None]


def shown(client: TestClient, path: str) -> list[int]:
    page = client.get(path)
    assert page.status_code == 200, page.text
    return [int(found) for found in ROW_ID.findall(page.text)]


def every_item(workspace: Workspace) -> list[tuple[EvidenceItemRow, bool, set[int]]]:
    """Each item, whether it is by proxy, and its themes: read in Python, not by the page's SQL."""
    with read_session(workspace.engine) as session:
        roles = {p.id: p.role for p in session.scalars(select(PersonRow))}
        filed: dict[int, set[int]] = {}
        for link in session.scalars(select(EvidenceThemeRow)):
            filed.setdefault(link.evidence_id, set()).add(link.theme_id)
        items = list(session.scalars(select(EvidenceItemRow)))
        session.expunge_all()
    return [
        (
            item,
            item.relayed_by_id is not None
            or (item.person_id in roles and roles[item.person_id] in INTERNAL_PROXY_ROLES),
            filed.get(item.id, set()),
        )
        for item in items
    ]


def test_filters_show_exactly_the_items_an_independent_reading_finds(
    signed_in: Callable[[Role], TestClient], workspace: Workspace, world: World
) -> None:
    editor = signed_in(Role.EDITOR)
    items = every_item(workspace)
    assert len(items) < 50, "the world fits on one page"
    theme = world.themes[0].id
    since, until = date(2026, 1, 1), date(2026, 3, 2)
    cases: dict[str, Callable[[EvidenceItemRow, bool, set[int]], bool]] = {
        "": lambda i, p, t: True,
        "source=zendesk": lambda i, p, t: i.source == "zendesk",
        "kind=interview": lambda i, p, t: i.kind is EvidenceKind.INTERVIEW,
        "mode=observed": lambda i, p, t: i.mode is EvidenceMode.OBSERVED,
        "voice=proxy": lambda i, p, t: p,
        "voice=direct": lambda i, p, t: not p,
        f"theme={theme}": lambda i, p, t: theme in t,
        f"since={since}&until={until}": lambda i, p, t: (
            datetime(2026, 1, 1, tzinfo=UTC) <= i.created_at < datetime(2026, 3, 3, tzinfo=UTC)
        ),
        "mode=stated&voice=direct&source=ZENDESK": lambda i, p, t: (
            i.mode is EvidenceMode.STATED and not p and i.source == "zendesk"
        ),
    }
    for query, admits in cases.items():
        expected = sorted((i.id for i, p, t in items if admits(i, p, t)), reverse=True)
        assert shown(editor, f"/evidence?{query}") == expected, query
    assert 0 < len(shown(editor, "/evidence?voice=proxy")) < len(items)


def test_pages_follow_one_another_newest_first(
    signed_in: Callable[[Role], TestClient], workspace: Workspace
) -> None:
    with write_session(workspace.engine) as session:
        for number in range(120):
            repository.add(
                session,
                EvidenceItem(
                    source="intercom",
                    external_id=f"bulk{number}",
                    kind=EvidenceKind.CHAT,
                    text=f"Chat number {number} about invoices",
                    created_at=datetime(2026, 2, 1, tzinfo=UTC),
                ),
            )
    with read_session(workspace.engine) as session:
        everything = sorted(session.scalars(select(EvidenceItemRow.id)), reverse=True)
    editor = signed_in(Role.EDITOR)
    seen: list[int] = []
    path: str | None = "/evidence"
    while path is not None:
        page = editor.get(path).text
        ids = [int(found) for found in ROW_ID.findall(page)]
        assert len(ids) == 50 or 'rel="next"' not in page
        seen += ids
        older = re.search(r'href="(/evidence\?[^"]*)" rel="next"', page)
        path = older.group(1).replace("&amp;", "&") if older else None
    assert seen == everything
    assert len(everything) == 122
    intercom = shown(editor, f"/evidence?source=intercom&before={everything[49]}")
    assert len(intercom) == 50
    assert max(intercom) < everything[49]


def test_search_finds_the_item_and_escapes_it(
    signed_in: Callable[[Role], TestClient], workspace: Workspace
) -> None:
    page = signed_in(Role.VIEWER).get("/evidence", params={"q": "exports monday"})
    assert page.status_code == 200
    assert "<mark>Exports</mark> time out every <mark>Monday</mark>" in page.text
    nothing = signed_in(Role.VIEWER).get("/evidence", params={"q": "zebra", "kind": "review"})
    assert "No evidence matches this search." in nothing.text


def test_hostile_text_is_escaped_and_inside_hx_disable(
    signed_in: Callable[[Role], TestClient], workspace: Workspace
) -> None:
    for path in ("/evidence", "/evidence?q=img", f"/evidence?theme={workspace.theme_id}"):
        page = signed_in(Role.EDITOR).get(path).text
        assert HOSTILE_NAME not in page, path
        assert "<img src=x" not in page, path
        assert ESCAPED_NAME in page, path
    page = signed_in(Role.VIEWER).get("/evidence").text
    container = page.index("<div hx-disable>")
    assert container < page.index("&#34;&gt;&lt;img") < page.index("</div>", container)
    assert 'name="evidence_id"' not in page, "viewers get no bulk form"


def themes_of(workspace: Workspace, evidence_id: int) -> set[int]:
    with read_session(workspace.engine) as session:
        query = select(EvidenceThemeRow.theme_id).where(EvidenceThemeRow.evidence_id == evidence_id)
        return set(session.scalars(query))


def test_an_editor_moves_ticked_items_to_a_theme(
    signed_in: Callable[[Role], TestClient], workspace: Workspace, world: World
) -> None:
    editor = signed_in(Role.EDITOR)
    target = world.themes[0].id
    assert target is not None
    chosen = [i for i in ids_of(world) if target not in themes_of(workspace, i)][:2]
    response = editor.post(
        "/evidence/bulk",
        data={
            "csrf_token": page_token(editor, "/evidence"),
            "evidence_id": chosen,
            "action": "move",
            "target": str(target),
            "back": "kind=ticket&evil=1",
        },
    )
    assert response.status_code == 303
    assert response.headers["location"] == "/evidence?kind=ticket&moved=2"
    for evidence_id in chosen:
        assert target in themes_of(workspace, evidence_id)
    assert "Moved 2 items" in editor.get(response.headers["location"]).text


def test_an_editor_links_ticked_items_to_a_problem(
    signed_in: Callable[[Role], TestClient], workspace: Workspace, world: World
) -> None:
    problem = new_problem(workspace.engine, "Finance cannot reconcile exports")
    editor = signed_in(Role.EDITOR)
    chosen = ids_of(world)[:2]
    response = editor.post(
        "/evidence/bulk",
        data={
            "csrf_token": page_token(editor, "/evidence"),
            "evidence_id": chosen,
            "action": "link",
            "target": str(problem.id),
        },
    )
    assert response.status_code == 303
    assert response.headers["location"] == f"/evidence?linked=2&problem={problem.id}"
    with read_session(workspace.engine) as session:
        linked = session.scalars(
            select(ProblemEvidenceRow.evidence_id).where(
                ProblemEvidenceRow.problem_id == problem.id
            )
        )
        assert sorted(linked) == sorted(chosen)


@pytest.mark.parametrize("who", [Role.VIEWER, Role.EDITOR], ids=["viewer", "editor-no-token"])
def test_bulk_move_is_refused_to_viewers_and_without_the_token(
    signed_in: Callable[[Role], TestClient], workspace: Workspace, world: World, who: Role
) -> None:
    client = signed_in(who)
    item = next(i for i in ids_of(world) if workspace.theme_id not in themes_of(workspace, i))
    before = themes_of(workspace, item)
    token = page_token(client, "/evidence") if who is Role.VIEWER else "forged"
    response = client.post(
        "/evidence/bulk",
        data={
            "csrf_token": token,
            "evidence_id": [item],
            "action": "move",
            "target": str(workspace.theme_id),
        },
    )
    assert response.status_code == 403
    assert themes_of(workspace, item) == before


def test_a_bulk_action_with_nothing_ticked_is_a_page_not_a_traceback(
    signed_in: Callable[[Role], TestClient], workspace: Workspace
) -> None:
    editor = signed_in(Role.EDITOR)
    token = page_token(editor, "/evidence")
    response = editor.post(
        "/evidence/bulk", data={"csrf_token": token, "action": "move", "target": "1"}
    )
    assert response.status_code == 400
    assert "Tick at least one evidence item first." in response.text


def accounts_by_id(workspace: Workspace) -> dict[int, AccountRow]:
    with read_session(workspace.engine) as session:
        found = {a.id: a for a in session.scalars(select(AccountRow))}
        session.expunge_all()
    return found


def test_account_and_segment_filters_agree_with_an_independent_reading(
    signed_in: Callable[[Role], TestClient], workspace: Workspace, world: World
) -> None:
    viewer = signed_in(Role.EDITOR)
    items = every_item(workspace)
    accounts = accounts_by_id(workspace)
    acme = world.account("Acme Freight")
    segment_of = {i: a.segment for i, a in accounts.items()}
    cases: dict[str, Callable[[EvidenceItemRow], bool]] = {
        f"account={acme.id}": lambda i: i.account_id == acme.id,
        "account=acme freight": lambda i: i.account_id == acme.id,
        "account=ACME": lambda i: (
            i.account_id is not None and accounts[i.account_id].name_key.split(" ")[0] == "acme"
        ),
        "segment=enterprise": lambda i: segment_of.get(i.account_id or 0) == "Enterprise",
        "segment=SMB&kind=ticket": lambda i: (
            segment_of.get(i.account_id or 0) == "SMB" and i.kind is EvidenceKind.TICKET
        ),
    }
    for query, admits in cases.items():
        expected = sorted((i.id for i, _, _ in items if admits(i)), reverse=True)
        assert shown(viewer, f"/evidence?{query}") == expected, query
        assert expected, f"{query} should find something in the world"
    assert shown(viewer, "/evidence?account=Nobody+Ltd") == []
    assert "Acme Freight" in viewer.get(f"/evidence?account={acme.id}").text


def test_the_word_index_holds_exactly_the_words_python_cuts(
    workspace: Workspace, world: World
) -> None:
    """The triggers (SQLite and PostgreSQL) and ``word_keys`` agree, on insert and on edit."""
    hostile = "SAML-login \"fails\" at 3pm… Café, ÉTÉ; x\ty <b>bold</b> don't \\path O'Brien"
    with write_session(workspace.engine) as session:
        repository.add(
            session,
            EvidenceItem(
                source="zendesk",
                external_id="words",
                kind=EvidenceKind.TICKET,
                title="Re: [E-4012]",
                text=hostile,
                created_at=datetime(2026, 3, 3, tzinfo=UTC),
            ),
        )
    with write_session(workspace.engine) as session:
        edited = session.scalars(select(EvidenceItemRow).where(EvidenceItemRow.id == 1)).one()
        edited.text = "Completely new wording about invoices"
    with read_session(workspace.engine) as session:
        indexed: dict[int, set[str]] = {}
        for word, evidence_id in session.execute(
            select(EvidenceWordRow.word, EvidenceWordRow.evidence_id)
        ):
            indexed.setdefault(evidence_id, set()).add(word)
        texts = {
            i.id: f"{i.title or ''} {i.text}" for i in session.scalars(select(EvidenceItemRow))
        }
    expected = {i: set(word_keys(t)) for i, t in texts.items() if word_keys(t)}
    assert indexed == expected
    # By hand: separators split, ASCII-only lower case (SQLite's), one-letter words and
    # stopwords ("at") dropped, "É" kept as it is.
    by_hand = ["re", "4012", "saml", "login", "fails", "3pm", "café", "ÉtÉ", "bold", "don",
               "path", "brien"]  # fmt: skip
    assert word_keys(texts[max(texts)]) == by_hand
    assert indexed[max(texts)] == set(by_hand)
    assert "invoices" in indexed[1]


def test_search_shows_the_items_holding_every_word_newest_first(
    signed_in: Callable[[Role], TestClient], workspace: Workspace, world: World
) -> None:
    viewer = signed_in(Role.EDITOR)
    items = every_item(workspace)

    def holding(*words: str) -> list[int]:
        found = [
            i.id for i, _, _ in items if set(words) <= set(word_keys(f"{i.title or ''} {i.text}"))
        ]
        return sorted(found, reverse=True)

    for query, words in (("Exports", ("exports",)), ("export CSV!", ("export", "csv"))):
        expected = holding(*words)
        assert shown(viewer, f"/evidence?q={query}") == expected, query
    tickets = [i.id for i, _, _ in items if i.kind is EvidenceKind.TICKET]
    expected = [i for i in holding("exports") if i in tickets]
    assert shown(viewer, "/evidence?q=exports&kind=ticket") == expected
    refused = viewer.get("/evidence", params={"q": "the of a"})
    assert refused.status_code == 400
    assert "only common or one-letter words" in refused.text


def test_search_by_meaning_is_the_clis_hybrid_search(
    signed_in: Callable[[Role], TestClient], workspace: Workspace
) -> None:
    page = signed_in(Role.VIEWER).get("/evidence", params={"q": "exports monday", "meaning": 1})
    assert page.status_code == 200
    assert "Best matches by keywords and meaning" in page.text
    assert "<mark>Exports</mark> time out every <mark>Monday</mark>" in page.text


def duplicate_of(workspace: Workspace) -> dict[int, int | None]:
    with read_session(workspace.engine) as session:
        query = select(EvidenceItemRow.id, EvidenceItemRow.duplicate_of_id)
        return {row[0]: row[1] for row in session.execute(query)}


def mark(client: TestClient, ids: list[int], original: int, token: str | None = None) -> Any:
    return client.post(
        "/evidence/bulk",
        data={
            "csrf_token": token or page_token(client, "/evidence"),
            "evidence_id": ids,
            "action": "duplicate",
            "target": str(original),
            "back": "copies=hide",
        },
    )


def test_an_editor_marks_duplicates_and_no_chain_ever_forms(
    signed_in: Callable[[Role], TestClient], workspace: Workspace, world: World
) -> None:
    editor = signed_in(Role.EDITOR)
    a, b, c, d, e = sorted(ids_of(world))[:5]
    before = duplicate_of(workspace)
    assert {before[i] for i in (a, b, c, d, e)} == {None}

    response = mark(editor, [b, c], a)
    assert response.status_code == 303
    assert response.headers["location"] == f"/evidence?copies=hide&marked=2&original={a}"
    assert "Marked 2 items as duplicates of item 1" in editor.get(
        response.headers["location"]
    ).text.replace(f"item {a}", "item 1")
    # Pointing at a duplicate follows it to its original; the original itself is skipped.
    response = mark(editor, [d, a], b)
    assert response.headers["location"].endswith(f"marked=1&original={a}")
    # A former original hands its duplicates on: no chain e → a → ...
    response = mark(editor, [a], e)
    assert response.headers["location"].endswith(f"marked=1&original={e}")
    after = duplicate_of(workspace)
    assert {i: after[i] for i in (a, b, c, d, e)} == {a: e, b: e, c: e, d: e, e: None}
    unchanged = {i: v for i, v in after.items() if i not in (a, b, c, d, e)}
    assert unchanged == {i: v for i, v in before.items() if i not in (a, b, c, d, e)}

    page = editor.get("/evidence").text
    assert "(+4 duplicates)" in page
    assert page.count("duplicate of <a") == sum(1 for v in after.values() if v is not None)
    hidden = shown(editor, "/evidence?copies=hide")
    assert hidden == sorted((i for i, v in after.items() if v is None), reverse=True)


def test_marking_an_item_a_duplicate_of_itself_is_refused(
    signed_in: Callable[[Role], TestClient], workspace: Workspace, world: World
) -> None:
    editor = signed_in(Role.EDITOR)
    a = ids_of(world)[0]
    response = mark(editor, [a], a)
    assert response.status_code == 400
    assert "is the original" in response.text
    missing = mark(editor, [a], 999_999)
    assert missing.status_code == 404
    assert duplicate_of(workspace)[a] is None


@pytest.mark.parametrize("who", [Role.VIEWER, Role.EDITOR], ids=["viewer", "editor-no-token"])
def test_marking_duplicates_is_refused_to_viewers_and_without_the_token(
    signed_in: Callable[[Role], TestClient], workspace: Workspace, world: World, who: Role
) -> None:
    client = signed_in(who)
    a, b = ids_of(world)[:2]
    token = page_token(client, "/evidence") if who is Role.VIEWER else "forged"
    assert mark(client, [b], a, token).status_code == 403
    assert duplicate_of(workspace)[b] is None


def test_untouched_form_fields_mean_any_and_bad_values_are_a_message(
    signed_in: Callable[[Role], TestClient], workspace: Workspace, world: World
) -> None:
    editor = signed_in(Role.EDITOR)
    everything = shown(editor, "/evidence")
    empty = "source=&kind=&mode=&voice=&theme=&since=&until=&account=&segment="
    assert shown(editor, f"/evidence?{empty}") == everything
    for query, message in (
        ("kind=bogus", "'bogus' is not a kind."),
        ("theme=abc", "'abc' is not a theme id."),
        ("since=2026-13-01", "'2026-13-01' is not a date."),
    ):
        refused = editor.get(f"/evidence?{query}")
        assert refused.status_code == 400, query
        assert message.replace("'", "&#39;") in refused.text, query
