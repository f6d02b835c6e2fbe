"""A command the web page prints with a customer-supplied name is one shell argument (review
of QA round 24).

A partner's page printed ``tradeoff competitor-partner "{{ name }}" --off``: escaped for
HTML, but a name holding a double quote, a ``$(...)`` or a backtick gave a command that
breaks or runs something when pasted into a shell. The name is now quoted as
``shlex.quote`` quotes it.
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

from tests.test_competitor_partner_pages import partner_viewer
from tradeoff.web.routes.competitors import href
from tradeoff.web.templating import build_environment

HOSTILE = """O'Brien "Pager" $(touch /tmp/pwned) `id` <b>"""
_COMMAND = re.compile(r"<code>(tradeoff competitor-partner .*?)</code>")


@pytest.mark.parametrize(
    "name",
    [
        "PagerDuty",
        "monday.com",
        "Gestoría",
        "Acme Pro",
        'Acme "Pro"',
        "O'Brien & Co",
        "$(rm -rf ~)",
        "`id`",
        "",
        HOSTILE,
    ],
)
def test_the_partner_command_quotes_the_name_as_shlex_quotes_it(name: str) -> None:
    template = build_environment().from_string("{{ name|partner_off_command }}")
    printed = template.render(name=name)
    assert "<b>" not in printed
    assert html.unescape(printed) == f"tradeoff competitor-partner {shlex.quote(name)} --off"
    assert shlex.split(html.unescape(printed))[2] == name


@pytest.fixture
def viewer(workspace_url: str, engine: Engine, tmp_path: Path) -> Iterator[TestClient]:
    """A viewer's browser on a workspace whose partner was renamed with shell syntax."""
    yield from partner_viewer(workspace_url, engine, tmp_path, HOSTILE)


def test_the_partner_page_prints_a_command_that_names_the_partner(viewer: TestClient) -> None:
    page = viewer.get(href(HOSTILE))
    assert page.status_code == 200
    assert HOSTILE not in page.text
    commands = _COMMAND.findall(page.text)
    assert len(commands) == 1
    words = shlex.split(html.unescape(commands[0]))
    assert words == ["tradeoff", "competitor-partner", HOSTILE, "--off"]
