"""The inbox excerpt marks where a search hit, in text written without spaces too."""

from __future__ import annotations

from tradeoff.storage.evidence_inbox import search_words
from tradeoff.web.routes.evidence import marked_words

#: A Japanese ticket whose certificate complaint sits after a long opening: the excerpt
#: must start near the hit, not at the top.
TICKET = (
    "お世話になっております。株式会社ミナトの運用チームの佐藤です。 "
    "先週からダッシュボードの表示が遅く、チームの皆が困っています。 "
    "また、監視対象の数が増えたため、来月からプランの見直しも検討しております。 "
    "さて本題ですが、SSL証明書の有効期限チェックが動きません。 "
    "期限切れの三日前に通知が来るはずですが、何も届きません。"
)


def marked(text: str, typed: str) -> list[str]:
    return [piece for piece, hit in marked_words(text, search_words(typed)) if hit]


def test_a_japanese_search_marks_the_run_that_holds_it() -> None:
    hits = marked(TICKET, "証明書")
    assert hits == ["さて本題ですが、SSL証明書の有効期限チェックが動きません。"]


def test_the_excerpt_starts_near_the_japanese_hit() -> None:
    pieces = marked_words(TICKET, search_words("証明書"))
    assert pieces[0] == ("…", False)
    shown = "".join(piece for piece, _ in pieces)
    assert "お世話になっております" not in shown
    assert "証明書" in shown


def test_a_latin_word_is_marked_as_before() -> None:
    text = "SAML login fails for the Okta tenant since Monday; SAML worked last week."
    assert marked(text, "saml") == ["SAML", "SAML"]
    assert marked(text, "okta") == ["Okta"]
