"""A partner whose name starts with "-" gets a command that runs as printed: the name comes
after ``--``, so ``tradeoff competitor-partner`` reads it as the name, not as an option.

The page's command is pasted, split as a shell splits it, and run through the real CLI on
the same workspace: the partner mark is cleared.
"""

from __future__ import annotations

import html
import re
import shlex
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from tests.cli.helpers import run_cli
from tests.test_competitor_partner_pages import partner_viewer
from tradeoff.web.routes.competitors import href

NAME = "-PagerDuty (old)"
_COMMAND = re.compile(r"<code>(tradeoff competitor-partner .*?)</code>")


@pytest.fixture
def viewer(workspace_url: str, engine: Engine, tmp_path: Path) -> Iterator[TestClient]:
    yield from partner_viewer(workspace_url, engine, tmp_path, NAME)


def test_a_name_starting_with_a_dash_is_passed_after_the_options_end(
    viewer: TestClient, workspace_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    page = viewer.get(href(NAME))
    assert page.status_code == 200
    [command] = _COMMAND.findall(page.text)
    words = shlex.split(html.unescape(command))
    assert words == ["tradeoff", "competitor-partner", "--off", "--", NAME]
    done = run_cli(capsys, "--db", workspace_url, *words[1:])
    assert done.exit_code == 0, done.stderr
    assert f"{NAME} is no longer an integration partner" in done.stdout
    assert "Integration partner" not in viewer.get(href(NAME)).text
