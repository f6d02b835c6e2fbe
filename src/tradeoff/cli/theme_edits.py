"""Editing themes: ``rename``, ``pin``, ``unpin``, ``move``, ``merge``, ``split``, ``restore``.

Thin shells over ``tradeoff.analysis.edits``; every edit survives ``tradeoff analyze``,
with or without ``--rebuild``.
"""

from __future__ import annotations

from typing import Annotated

import typer
from sqlalchemy import Engine

from tradeoff.analysis import edits
from tradeoff.cli.context import console, open_workspace
from tradeoff.errors import InputError
from tradeoff.storage.session import read_session
from tradeoff.storage.theme_name_checks import name_check_of
from tradeoff.storage.theme_restore import Restored
from tradeoff.wording import plural

ThemeId = Annotated[int, typer.Argument(help="The theme's id (see tradeoff themes).")]


def rename(
    ctx: typer.Context,
    theme_id: ThemeId,
    name: Annotated[str, typer.Argument(help="The new name.")],
) -> None:
    """Rename a theme; the name is pinned, so re-analysis keeps it.

    A rebuild that moves most of the theme's items marks the name to check (tradeoff
    themes, tradeoff theme ID); renaming again ends the mark.

    Example: tradeoff rename 12 "Card declined abroad"
    """
    namesakes = edits.rename_theme(open_workspace(ctx), theme_id, name)
    console.print(f"Theme {theme_id} is now {' '.join(name.split())!r} (pinned).")
    _note_namesakes(theme_id, namesakes)


def _note_namesakes(theme_id: int, namesakes: list[int]) -> None:
    for other in namesakes:
        console.print(
            f"Note: theme {other} has the same name; if they are one theme: "
            f"tradeoff merge {theme_id} --into {other}"
        )


def pin(ctx: typer.Context, theme_id: ThemeId) -> None:
    """Keep a theme's current name through every re-analysis.

    Pinning a name a rebuild marked to check (see tradeoff theme ID) keeps it as it is and
    ends the mark.

    Example: tradeoff pin 12
    """
    engine = open_workspace(ctx)
    was_to_check = _to_check(engine, theme_id)
    edits.pin_theme(engine, theme_id, pinned=True)
    console.print(f"Theme {theme_id}'s name is pinned.")
    if was_to_check:
        console.print("It is no longer marked to check.")


def unpin(ctx: typer.Context, theme_id: ThemeId) -> None:
    """Let re-analysis name a theme from its words again.

    The next tradeoff analyze --rebuild names it; a mark that its name is to check ends.

    Example: tradeoff unpin 12
    """
    edits.pin_theme(open_workspace(ctx), theme_id, pinned=False)
    console.print(
        f"Theme {theme_id}'s name will follow its evidence again "
        "(from the next tradeoff analyze --rebuild)."
    )


def _to_check(engine: Engine, theme_id: int) -> bool:
    with read_session(engine) as session:
        return name_check_of(session, theme_id) is not None


def move(
    ctx: typer.Context,
    evidence_ids: Annotated[
        list[str],
        typer.Argument(
            help="Evidence ids (see tradeoff evidence), separated by spaces or commas: "
            "481 502 733 or 481,502,733.",
            show_default=False,
        ),
    ],
    to: Annotated[int, typer.Option("--to", help="The theme or sub-theme to file them under.")],
) -> None:
    """File evidence items under a theme yourself; the model never moves them back.

    Example: tradeoff move 481 502 733 --to 12
    """
    ids = _move_ids(evidence_ids)  # a typo fails before the workspace is opened
    moved = edits.move_evidence(open_workspace(ctx), ids, to)
    noun = "item" if len(moved) == 1 else "items"
    console.print(f"Moved {len(moved):,} {noun} (copies included) to theme {to}.")


def merge(
    ctx: typer.Context,
    source: Annotated[int, typer.Argument(help="The theme that goes away.")],
    into: Annotated[int, typer.Option("--into", help="The theme that takes its evidence.")],
) -> None:
    """Merge one theme into another (same level); the merge survives re-analysis.

    Example: tradeoff merge 14 --into 12
    """
    edits.merge_themes(open_workspace(ctx), source, into)
    console.print(f"Merged theme {source} into theme {into}.")


def split(
    ctx: typer.Context,
    theme_id: ThemeId,
    items: Annotated[
        str, typer.Option("--items", help="Comma-separated evidence ids to carve out.")
    ],
    name: Annotated[str, typer.Option("--name", help="The new theme's name.")],
) -> None:
    """Split evidence out of a theme into a new theme of your own, beside it.

    Example: tradeoff split 12 --items 481,502,733 --name "Declined in shops"
    """
    engine = open_workspace(ctx)
    new_id = edits.split_theme(engine, theme_id, _ids(items), name)
    console.print(f"Split theme {new_id} out of theme {theme_id}.")
    _note_namesakes(new_id, edits.theme_namesakes(engine, new_id))


def restore(
    ctx: typer.Context,
    theme_id: Annotated[
        int, typer.Argument(help="The retired theme's id (the rebuild summary names it).")
    ],
) -> None:
    """Bring back a theme or sub-theme a rebuild retired: the same id and name, so problems,
    decisions and links to it lead to it again, with the items it held that are still here.

    Items a person filed elsewhere since stay where they are; those the engine filed
    elsewhere come back. The theme is then a person's, its name pinned: every re-analysis
    keeps it. A sub-theme comes back under its theme; if that was retired too, restore it
    first. tradeoff analyze --rebuild lists the named themes it retires.

    Example: tradeoff restore 12
    """
    engine = open_workspace(ctx)
    done = edits.restore_theme(engine, theme_id)
    kind = "sub-theme" if done.parent_id is not None else "theme"
    under = f" under theme {done.parent_id}" if done.parent_id is not None else ""
    console.print(
        f"Restored {kind} {theme_id} {done.name!r}{under} (pinned) with "
        f"{plural(done.items, 'item')}: {_came_from(done)}.",
        soft_wrap=True,
    )
    if done.kept_elsewhere:
        console.print(
            f"{plural(done.kept_elsewhere, 'item')} a person filed elsewhere since "
            f"{'stays' if done.kept_elsewhere == 1 else 'stay'} where "
            f"{'it is' if done.kept_elsewhere == 1 else 'they are'}."
        )
    _note_namesakes(theme_id, list(done.namesakes))


def _came_from(done: Restored) -> str:
    """Where the items were: "51 from theme 5, 28 from theme 9 and 32 unsorted"."""
    sub = done.parent_id is not None
    nowhere = "in no sub-theme" if sub else "unsorted"
    kind = "sub-theme" if sub else "theme"
    parts = [f"{count:,} from {kind} {theme_id}" for theme_id, count in done.came_from]
    if done.unsorted:
        parts.append(f"{done.unsorted:,} {nowhere}")
    return parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} and {parts[-1]}"


def _move_ids(words: list[str]) -> list[int]:
    """The ids ``move`` was given, as ``481 502``, ``481,502`` or both mixed: ``split
    --items`` takes a comma list, so a list copied from it works here too."""
    ids: list[int] = []
    for word in words:
        for part in word.split(","):
            if not part.strip():
                continue
            try:
                ids.append(int(part.strip()))
            except ValueError:
                raise InputError(
                    f"move takes evidence ids (numbers, separated by spaces or commas), "
                    f"got {part.strip()!r}"
                ) from None
    if not ids:
        raise InputError("move takes at least one evidence id, e.g. tradeoff move 481 502 --to 12")
    return ids


def _ids(text: str) -> list[int]:
    try:
        return [int(part) for part in text.replace(" ", "").split(",") if part]
    except ValueError:
        raise InputError(f"--items takes comma-separated evidence ids, got {text!r}") from None


def register(app: typer.Typer) -> None:
    for command in (rename, pin, unpin, move, merge, split, restore):
        app.command()(command)
