"""The CLI reference in docs/cli.md, generated from the commands themselves.

A test compares the file with this output, so the documentation cannot drift from the code.
Regenerate with ``python -m tradeoff.cli.reference > docs/cli.md``.
"""

from __future__ import annotations

import inspect
from typing import Any

import typer

HEADER = """# Command reference

Generated from the commands' own help by `python -m tradeoff.cli.reference > docs/cli.md`;
a test fails when it is out of date. Global options go before the command:
`tradeoff --db PATH_OR_URL COMMAND ...`.
"""


def render_reference(app: typer.Typer) -> str:
    root = typer.main.get_command(app)
    sections = [HEADER]
    sections.extend(_render(root, ["tradeoff"]))
    return "\n".join(sections).rstrip() + "\n"


def _render(command: Any, path: list[str]) -> list[str]:
    sections = []
    help_text = _with_example_blocks(inspect.cleandoc(command.help or ""))
    params = [p for p in command.params if getattr(p, "name", None) not in {"help"}]
    lines = [f"## `{' '.join(path)}`", "", help_text, ""]
    options = [_param_line(p) for p in params if not getattr(p, "hidden", False)]
    if options:
        lines.extend(["| argument / option | meaning |", "| --- | --- |", *options, ""])
    sections.append("\n".join(lines))
    for name in sorted(getattr(command, "commands", {})):
        sections.extend(_render(command.commands[name], [*path, name]))
    return sections


def _with_example_blocks(text: str) -> str:
    """``Example: CMD`` lines in help become runnable code blocks in the docs."""
    out = []
    for line in text.splitlines():
        if line.startswith("Example: "):
            out.extend(["Example:", "", "    " + line.removeprefix("Example: ")])
        else:
            out.append(line)
    return "\n".join(out)


def _param_line(param: Any) -> str:
    names = ", ".join(f"`{opt}`" for opt in param.opts) if param.param_type_name == "option" else ""
    if not names:
        names = f"`{(param.metavar or param.name or '').upper()}`"
    help_text = (getattr(param, "help", None) or "").replace("|", "\\|").replace("\n", " ")
    default = param.default
    shown = (
        "" if default in (None, False, (), []) or callable(default) else f" (default: {default})"
    )
    return f"| {names} | {help_text}{shown} |"


if __name__ == "__main__":  # pragma: no cover
    from tradeoff.cli.main import app

    print(render_reference(app), end="")
