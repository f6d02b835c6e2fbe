"""The inbox page finds a Japanese, Chinese or Thai word inside an unspaced sentence."""

from __future__ import annotations

import re
from collections.abc import Callable

from fastapi.testclient import TestClient

from tests.storage.test_cjk_word_index import add_tickets
from tests.web.conftest import Workspace
from tradeoff.domain.users import Role

ROW_ID = re.compile(r'name="evidence_id" value="(\d+)"')


def test_the_inbox_finds_a_word_inside_unspaced_text(
    signed_in: Callable[[Role], TestClient], workspace: Workspace
) -> None:
    ids = add_tickets(workspace.engine)
    editor = signed_in(Role.EDITOR)
    for typed, expected in (
        ("証明書", ["ja-cert"]),
        ("届きません", ["ja-push", "ja-cert"]),
        ("刷新", ["zh-login"]),
        ("แจ้งเตือน", ["th-push"]),
    ):
        page = editor.get("/evidence", params={"q": typed})
        assert page.status_code == 200, page.text
        shown = [int(found) for found in ROW_ID.findall(page.text)]
        assert shown == [ids[name] for name in expected], typed
        assert "No evidence matches this search." not in page.text
