"""The decision pages: the form records what ``tradeoff decide`` records from the same
values, a bad signal is shown beside its field and writes nothing, and every field typed as
markup stays text on every page."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.cli.helpers import run_cli
from tests.web.conftest import HOSTILE_NAME, HOSTILE_QUOTE, Workspace, page_token
from tradeoff.decisions.log import decision_history, list_decisions
from tradeoff.domain.users import Role

ESCAPED_QUOTE = "&#34;&gt;&lt;img src=x onerror=alert(1)&gt;"
FORM = {
    "question": "Build SSO now?",
    "context": "Three enterprise deals ask for it",
    "options": "Build SSO\nWait a quarter\n",
    "chosen": "2",
    "tradeoffs": "Enterprise deals may slip",
    "not_optimising_for": "Enterprise win rate this quarter",
    "assumptions": "SAML only\nOkta first",
    "signals": "date 2027-03-01 -- review at planning\nnote: ask sales monthly",
    "owner": "Priya",
    "stakeholders": "Sales\nSupport",
    "decided_on": "2026-04-20",
    "status": "not_yet",
    "requested_by": "Dana (sales)",
    "reason": "We are finishing exports first.",
}
CLI_FLAGS = [
    "decide", "--question", "Build SSO now?", "--context", "Three enterprise deals ask for it",
    "--option", "Build SSO", "--option", "Wait a quarter", "--chosen", "2",
    "--tradeoffs", "Enterprise deals may slip",
    "--not-optimising-for", "Enterprise win rate this quarter",
    "--assumption", "SAML only", "--assumption", "Okta first",
    "--signal", "date 2027-03-01 -- review at planning", "--signal", "note: ask sales monthly",
    "--owner", "Priya", "--stakeholder", "Sales", "--stakeholder", "Support",
    "--decided-on", "2026-04-20", "--status", "not_yet", "--requested-by", "Dana (sales)",
    "--reason", "We are finishing exports first.",
]  # fmt: skip


def post(client: TestClient, data: dict[str, str], token: str | None = None) -> Any:
    sent = {**data, "csrf_token": token or page_token(client, "/decisions/new")}
    return client.post("/decisions", data=sent)


def comparable(document: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in document.items() if k not in {"id", "recorded_at"}}


def test_the_form_records_what_the_cli_records(
    signed_in: Callable[[Role], TestClient],
    workspace: Workspace,
    capsys: pytest.CaptureFixture[str],
) -> None:
    response = post(signed_in(Role.EDITOR), FORM)
    assert response.status_code == 303, response.text
    assert run_cli(capsys, "--db", workspace.url, *CLI_FLAGS).exit_code == 0
    web, cli = sorted(list_decisions(workspace.engine), key=lambda r: r.id)
    assert response.headers["location"] == f"/decisions/{web.id}"
    assert comparable(web.to_json()) == comparable(cli.to_json())
    assert web.decision.chosen_option == "Wait a quarter"
    assert web.decision.reply_text


def test_the_decision_page_shows_the_record_and_the_reply_ready_to_copy(
    signed_in: Callable[[Role], TestClient], workspace: Workspace
) -> None:
    location = post(signed_in(Role.EDITOR), FORM).headers["location"]
    page = signed_in(Role.VIEWER).get(location).text
    (record,) = list_decisions(workspace.engine)
    reply = record.decision.reply_text
    assert reply is not None
    assert '<pre class="reply">' in page
    assert reply.replace("'", "&#39;").replace('"', "&#34;") in page
    for value in ("Wait a quarter", "Okta first", "date 2027-03-01", "Priya", "not yet"):
        assert value in page
    listed = signed_in(Role.VIEWER).get("/decisions").text
    assert f'<a href="{location}">Build SSO now?</a>' in listed


def test_a_revision_shows_the_supersede_history(
    signed_in: Callable[[Role], TestClient], workspace: Workspace
) -> None:
    editor = signed_in(Role.EDITOR)
    first = post(editor, FORM).headers["location"].rsplit("/", 1)[1]
    revised = post(editor, {"supersedes": first, "chosen": "1", "status": "decided"})
    assert revised.status_code == 303, revised.text
    newest = int(revised.headers["location"].rsplit("/", 1)[1])
    history = decision_history(workspace.engine, newest)
    assert [r.record.id for r in history.revisions] == [int(first), newest]
    page = editor.get(f"/decisions/{first}").text
    assert f"superseded by #{newest}" in page
    assert f'<a href="/decisions/{newest}">#{newest}</a>' in page
    for change in history.revisions[1].changes:
        assert f"<li>{change.field}: " in page
    assert [r.id for r in list_decisions(workspace.engine)] == [newest]


def test_a_bad_signal_is_shown_beside_its_field_and_nothing_is_written(
    signed_in: Callable[[Role], TestClient], workspace: Workspace
) -> None:
    bad = {**FORM, "signals": "note: fine\nmetric nps <> 20"}
    response = post(signed_in(Role.EDITOR), bad)
    assert response.status_code == 400
    assert 'aria-invalid="true" aria-describedby="signals-errors"' in response.text
    assert '<ul class="field-errors" id="signals-errors"><li>line 2, column' in response.text
    assert "Okta first" in response.text, "what was typed is kept"
    assert list_decisions(workspace.engine) == []


def test_a_rule_broken_in_the_log_is_shown_on_the_form(
    signed_in: Callable[[Role], TestClient], workspace: Workspace
) -> None:
    response = post(signed_in(Role.EDITOR), {**FORM, "chosen": "7"})
    assert response.status_code == 400
    assert "is not one of the options" in response.text
    assert list_decisions(workspace.engine) == []


def test_viewers_and_forged_tokens_cannot_record(
    signed_in: Callable[[Role], TestClient], workspace: Workspace
) -> None:
    viewer = signed_in(Role.VIEWER)
    assert viewer.get("/decisions/new").status_code == 403
    assert post(viewer, FORM, token=page_token(viewer, "/decisions")).status_code == 403
    assert post(signed_in(Role.EDITOR), FORM, token="forged").status_code == 403
    assert list_decisions(workspace.engine) == []
    assert "Record a decision" not in viewer.get("/decisions").text


def test_markup_in_every_field_stays_text(
    signed_in: Callable[[Role], TestClient], workspace: Workspace
) -> None:
    editor = signed_in(Role.EDITOR)
    hostile = {
        **FORM,
        "question": HOSTILE_NAME,
        "options": f"{HOSTILE_QUOTE}\nWait",
        "chosen": "1",
        "owner": HOSTILE_NAME,
        "reason": HOSTILE_QUOTE,
    }
    location = post(editor, hostile).headers["location"]
    bad_signal = post(editor, {**hostile, "signals": HOSTILE_NAME})
    for page in (editor.get(location).text, editor.get("/decisions").text, bad_signal.text):
        assert HOSTILE_NAME not in page
        assert "<img src=x" not in page
    assert ESCAPED_QUOTE in editor.get(location).text
