"""The web pages mark a theme name a rebuild made doubtful, escaped, and an editor keeps it.

An editor renames a theme in the browser with a hostile name; a rebuild at a finer
resolution breaks the theme up; the theme's page and the list say its name is to check with
the figures ``tradeoff theme`` gives; a viewer cannot keep the name, an editor's "Keep the
name" button (the rename form with the name as it is) does.
"""

from __future__ import annotations

from collections.abc import Callable

from fastapi.testclient import TestClient
from sqlalchemy import Engine

from tests.analysis.themed import add_tickets, intent_rows, placements
from tests.web.conftest import Workspace, page_token
from tradeoff.analysis.discover import DiscoverySettings
from tradeoff.analysis.embed.static import StaticEmbedder
from tradeoff.analysis.run import analyze
from tradeoff.domain.users import Role
from tradeoff.storage.session import read_session
from tradeoff.storage.theme_name_checks import NameCheck, names_to_check
from tradeoff.storage.themes import active_themes

HOSTILE = '<img src=x onerror=alert(1)> "Pending" transfers'
ESCAPED = "&lt;img src=x onerror=alert(1)&gt; &#34;Pending&#34; transfers"


def checks(engine: Engine) -> dict[int, NameCheck]:
    with read_session(engine) as session:
        return names_to_check(session)


def largest_theme(engine: Engine) -> int:
    with read_session(engine) as session:
        tops = {t.id for t in active_themes(session) if t.parent_id is None}
    sizes: dict[int, int] = {}
    for themes in placements(engine).values():
        for theme_id in themes & tops:
            sizes[theme_id] = sizes.get(theme_id, 0) + 1
    return max(sorted(sizes), key=lambda t: sizes[t])


def test_a_broken_up_theme_is_marked_on_its_page_and_the_list_and_an_editor_keeps_its_name(
    signed_in: Callable[[Role], TestClient], workspace: Workspace
) -> None:
    engine = workspace.engine
    add_tickets(engine, intent_rows(), 10000)
    analyze(engine, StaticEmbedder())
    theme_id = largest_theme(engine)
    editor, viewer = signed_in(Role.EDITOR), signed_in(Role.VIEWER)
    renamed = editor.post(
        f"/themes/{theme_id}/rename", data={"name": HOSTILE, "csrf_token": page_token(editor)}
    )
    assert renamed.status_code == 303
    assert "Name to check" not in editor.get(f"/themes/{theme_id}").text

    analyze(engine, StaticEmbedder(), DiscoverySettings(theme_resolution=8.0), rebuild=True)
    (check,) = checks(engine).values()
    assert check.theme_id == theme_id
    page = viewer.get(f"/themes/{theme_id}").text
    assert HOSTILE not in page
    assert "<img src=x" not in page
    assert f"<h1>{ESCAPED}</h1>" in page
    assert (
        f"{check.items_kept} of the {check.items_named} items it held when it was named are "
        f"still in it; {check.items_new} came in since."
    ) in page
    assert f"an editor can keep it (<code>tradeoff pin {theme_id}</code>)" in page
    assert "Keep the name" not in page  # a viewer has no forms
    listing = viewer.get("/themes").text
    assert f'<a href="/themes/{theme_id}">{ESCAPED}</a>' in listing
    row = listing.split(f'<a href="/themes/{theme_id}">', 1)[1].split("</tr>", 1)[0]
    assert ">name to check</span>" in row
    assert listing.count(">name to check</span>") == 1

    keep = {"name": HOSTILE, "keep": "1", "csrf_token": page_token(viewer, f"/themes/{theme_id}")}
    refused = viewer.post(f"/themes/{theme_id}/rename", data=keep)
    assert refused.status_code == 403
    assert "This needs the editor role." in refused.text
    assert set(checks(engine)) == {theme_id}

    own = editor.get(f"/themes/{theme_id}").text
    form = own.split('<button type="submit">Keep the name</button>', 1)[0].rsplit("<form", 1)[1]
    assert f'action="/themes/{theme_id}/rename"' in form
    assert f'<input type="hidden" name="name" value="{ESCAPED}">' in form
    keep["csrf_token"] = page_token(editor, f"/themes/{theme_id}")
    kept = editor.post(f"/themes/{theme_id}/rename", data=keep)  # what the button sends
    assert kept.status_code == 303
    assert kept.headers["location"] == f"/themes/{theme_id}?kept_name=1"
    landed = editor.get(kept.headers["location"]).text
    assert "Name kept; it is pinned, so re-analysis keeps it." in landed
    assert "Name to check" not in landed
    assert f"<h1>{ESCAPED}</h1>" in landed
    assert checks(engine) == {}
    assert ">name to check</span>" not in viewer.get("/themes").text
