"""Arguments on the usage line as people read them: ``THEME_ID``, ``[NAME]``, ``IDS...``.

typer 0.29 writes a required argument as ``{theme_id}``, which reads like a template that was
never filled in (``Usage: tradeoff theme [OPTIONS] {theme_id}``). Its usage name comes from
one private method; where that method exists it is replaced, elsewhere nothing changes.
"""

from __future__ import annotations

from typer.core import TyperArgument


def conventional_usage_name(argument: TyperArgument) -> str:
    """The argument's metavar, or its name in capitals; optional ones in brackets."""
    name = argument.metavar or (argument.name or "").upper()
    if argument.nargs != 1:
        name += "..."
    return name if argument.required else f"[{name}]"


def use_conventional_usage_names() -> None:
    if hasattr(TyperArgument, "_usage_display_name"):
        TyperArgument._usage_display_name = conventional_usage_name  # type: ignore[method-assign,assignment]
