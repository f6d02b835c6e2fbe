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

from tests.test_competitor_partner import _write_inputs
from tests.web.conftest import PEOPLE, add_user, log_in
from tradeoff.analysis.business.competitor_edits import partner_competitor, rename_competitor
from tradeoff.analysis.business.competitor_scan import scan_competitors
from tradeoff.domain.users import Role
from tradeoff.importers.generic_csv import GenericCsvImporter
from tradeoff.importers.registry import run
from tradeoff.importers.salesforce import SalesforceImporter
from tradeoff.web.app import create_app
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
def test_the_shell_word_is_quoted_as_shlex_quotes_it(name: str) -> None:
    template = build_environment().from_string(
        '{% import "_shell.html" as shell %}{{ shell.word(name) }}'
    )
    printed = template.render(name=name)
    assert "<b>" not in printed
    assert html.unescape(printed) == shlex.quote(name)


@pytest.fixture
def viewer(workspace_url: str, engine: Engine, tmp_path: Path) -> Iterator[TestClient]:
    """A viewer's browser on a workspace whose partner was renamed with shell syntax."""
    deals, tickets = _write_inputs(tmp_path)
    run(engine, SalesforceImporter(), deals)
    run(engine, GenericCsvImporter(), tickets)
    scan_competitors(engine)
    partner_competitor(engine, "PagerDuty")
    rename_competitor(engine, "PagerDuty", to=HOSTILE)
    add_user(engine, PEOPLE[Role.VIEWER], Role.VIEWER)
    client = TestClient(create_app(workspace_url, secure_cookies=False), follow_redirects=False)
    yield log_in(client, PEOPLE[Role.VIEWER])
    client.close()


def test_the_partner_page_prints_a_command_that_names_the_partner(viewer: TestClient) -> None:
    page = viewer.get(href(HOSTILE))
    assert page.status_code == 200
    assert HOSTILE not in page.text
    commands = _COMMAND.findall(page.text)
    assert len(commands) == 1
    words = shlex.split(html.unescape(commands[0]))
    assert words == ["tradeoff", "competitor-partner", HOSTILE, "--off"]
