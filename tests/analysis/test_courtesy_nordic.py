"""A bare thanks in Polish, Swedish, Danish, Norwegian, Finnish or Czech under "Re:" says
nothing a theme could be about, as "Danke!" does not."""

from __future__ import annotations

import pytest

from tradeoff.analysis.text.courtesy import only_greeting
from tradeoff.analysis.text.theme_text import says_something, theme_text


@pytest.mark.parametrize(
    "reply",
    [
        "Tack!",
        "Dzięki",
        "Dziękuję bardzo!",
        "Okej, tack!",
        "Hej,\n\ntack så mycket!",
        "Mange tak",
        "Tusen takk",
        "Kiitos!",
        "Díky",
        "Danke!",
        "Merci 🙏",
    ],
)
def test_a_bare_thanks_under_re_is_left_unsorted(reply: str) -> None:
    assert not says_something(theme_text("ticket", "Re: Invoice / insurance", reply))


@pytest.mark.parametrize(
    "reply",
    ["Tack, men appen kraschar fortfarande", "Dzięki, ale przypomnienia nadal nie działają"],
)
def test_a_thanks_with_a_complaint_says_something(reply: str) -> None:
    assert says_something(theme_text("ticket", "Re: Reminders", reply))


def test_a_greeting_and_thanks_in_polish_and_swedish() -> None:
    assert only_greeting("Witam, dziękuję!")
    assert only_greeting("Hej! Tack!")
    assert not only_greeting("Hej, kalendern synkar inte")


def test_dzieki_temu_is_a_reason_not_thanks() -> None:
    """Polish "dzięki temu" is "because of this": the line is the complaint, not a sign-off."""
    from tradeoff.analysis.text.message import message_body

    said = "Rezerwacje znikają z kalendarza.\nDzięki temu tracimy klientów!"
    assert message_body(said) == said
    assert message_body("Rezerwacje znikają z kalendarza.\nDzięki!") == (
        "Rezerwacje znikają z kalendarza."
    )
