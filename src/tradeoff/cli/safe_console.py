"""A terminal console that shows customer text's control characters instead of obeying them.

A ticket or a loss reason may hold ``ESC [2J`` (clear the screen), a colour, a cursor move
or a bell; printed as it is, it would rewrite what the terminal shows. Rich's markup is
already off everywhere (``cli.context``); this turns every C0 and C1 control character but
newline and tab in the text into a visible symbol (ESC → ␛) just before Rich applies its
own styles, so the colours and layout Rich writes itself are untouched.
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.console import Console
from rich.segment import Segment

#: C0 controls but tab and newline as Unicode's control pictures (␀ … ␟), DEL as ␡, C1
#: controls (which some terminals obey too) as the replacement character.
VISIBLE = {
    **{code: chr(0x2400 + code) for code in range(0x20) if chr(code) not in "\t\n"},
    0x7F: "\u2421",
    **dict.fromkeys(range(0x80, 0xA0), "\ufffd"),
}


def visible(text: str) -> str:
    """``text`` with its control characters (but tab and newline) shown, not obeyed."""
    return text.translate(VISIBLE)


class SafeConsole(Console):
    """``rich.console.Console`` whose text segments are made ``visible`` before styling."""

    def _render_buffer(self, buffer: Iterable[Segment]) -> str:
        shown = (
            segment if segment.control else Segment(visible(segment.text), segment.style)
            for segment in buffer
        )
        return super()._render_buffer(shown)
