"""A feature request said as "it would be perfect to have..." is a wish in every language, as
"would be" is in English, never praise (``praise_lexicons.Words.conditional``).

The conditional was told by its ending after a stem of three letters or more, so the forms
of "be" ("se-ría", "se-ria", "se-rait", "sa-rebbe") and "have" ("te-ria", "au-rait",
"av-rebbe") were no conditionals: "Sería perfecto tener exportación a Excel" read as praise
(cue "perfecto"), and a theme of such requests became a praise theme, dropping out of
demand. The texts here are written for these tests: an HR and payroll product's survey
answers and tickets in each language."""

from __future__ import annotations

import numpy as np
import pytest

from tradeoff.analysis.discover import Discovery
from tradeoff.analysis.label.counter import praise_cues, praised_as_read, read_praise
from tradeoff.analysis.label.praise_lexicons import compiled
from tradeoff.analysis.praise_filing import praise_themes
from tradeoff.domain.enums import EvidenceKind

#: Feature requests said as "it would be <praise word> to have...".
WOULD_BE = [
    "Sería perfecto tener exportación a Excel.",
    "Sería excelente poder filtrar las ausencias por fecha.",
    "Sería increíble poder exportar los recibos a PDF.",
    "Sería fantástico poder integrarlo con Slack.",
    "Serían excelentes unos reportes de horas por cliente.",
    "Seria perfeito ter exportação para Excel.",
    "Seriam ótimos uns relatórios de férias por equipe.",
    "Teria sido perfeito ter o holerite em PDF.",
    "Ce serait parfait d'avoir un export Excel des congés.",
    "Ce seraient d'excellents rapports pour la paie.",
    "Il aurait été parfait d'avoir un export vers Sage.",
    "Sarebbe perfetto avere l'esportazione in Excel.",
    "Sarebbero perfetti dei report delle presenze per reparto.",
    "Es wäre super, wenn man die Abwesenheiten nach Excel exportieren könnte.",
    "Wäre toll, wenn es einen Dunkelmodus gäbe.",
    "Ich fände es super, wenn der DATEV-Export auch Kostenstellen hätte.",
    "Het zou geweldig zijn als we de verlofuren naar Excel konden exporteren.",
]

#: Praise near words that end as a conditional does but are none: a name ("María"),
#: nouns ("categoría", "ouvidoria", "retrait", "avería") and adjectives ("bancária").
PRAISE = [
    "La categoría nueva de ausencias es perfecta.",
    "María, de soporte, fue muy amable con el cierre de nómina.",
    "La avería se resolvió rápido, excelente servicio.",
    "A equipe da ouvidoria foi excelente.",
    "A própria equipe de suporte foi muito atenciosa.",
    "Le retrait des congés est simple et parfait.",
    "L'extrait de paie est parfait.",
    "Il supporto è stato perfetto con le buste paga.",
    "Der Support ist super und hat schnell geantwortet.",
    "El soporte es excelente, nos resolvieron todo en una llamada.",
]

#: The conditional of "be", "stay" and "have" in each language (and "go", "do" where their
#: stems are as short): each a wish.
CONDITIONALS = {
    "es": "sería serías seríamos serían estaría estaríamos estarían tendría tendrían habría "
    "quedaría haría iría daría diría",
    "pt": "seria seríamos seriam estaria estariam teria teriam ficaria faria iria diria",
    "fr": "serais serait serions seriez seraient resterait aurais aurait aurions auraient "
    "ferait irait",
    "it": "sarei sarebbe saremmo sareste sarebbero starebbe resterebbe avrei avrebbe "
    "avrebbero farebbe",
    "de": "wäre wär wären würde würden hätte hätten fände bliebe",
    "nl": "zou zouden",
}

#: Words with a conditional's ending that are no conditional.
NOT_CONDITIONALS = {
    "es": "maría fría cría categoría avería mayoría",
    "pt": "maria fria varia bancária própria história necessária ouvidoria diretoria",
    "fr": "trait portrait retrait extrait frais",
    "it": "foreste",
}


@pytest.mark.parametrize("text", WOULD_BE)
def test_a_request_said_as_would_be_is_a_wish_not_praise(text: str) -> None:
    reading = read_praise(text)
    assert reading.cues == (), reading
    assert reading.against, text  # a wish speaks against the whole item, as "would" does
    assert praise_cues(text, None, EvidenceKind.SURVEY) == ()
    assert not praised_as_read(text)


def test_the_wish_is_said_in_the_items_words() -> None:
    assert read_praise("Sería perfecto tener exportación a Excel.").against == ("sería perfecto",)
    assert read_praise("Sarebbe perfetto avere un export.").against == ("sarebbe perfetto",)
    assert read_praise("Ce serait parfait d'avoir un export.").against == ("serait parfait",)


@pytest.mark.parametrize("text", PRAISE)
def test_praise_beside_words_that_look_conditional_stays_praise(text: str) -> None:
    """Negative control: what must not change."""
    assert read_praise(text).against == (), text
    assert praised_as_read(text), read_praise(text)


@pytest.mark.parametrize("code", sorted(CONDITIONALS))
def test_the_conditional_of_be_stay_and_have_is_a_wish_in_each_language(code: str) -> None:
    words = compiled(code)
    assert words is not None
    assert [form for form in CONDITIONALS[code].split() if not words.conditional(form)] == []


@pytest.mark.parametrize("code", sorted(NOT_CONDITIONALS))
def test_words_ending_as_a_conditional_does_are_no_wish(code: str) -> None:
    words = compiled(code)
    assert words is not None
    assert [word for word in NOT_CONDITIONALS[code].split() if words.conditional(word)] == []


def test_a_theme_of_feature_requests_is_no_praise_theme() -> None:
    """A praise theme drops out of demand: a theme of requests must never be one. Control:
    a theme of praise is one."""
    texts = [*WOULD_BE, *PRAISE]
    themes = np.array([0] * len(WOULD_BE) + [1] * len(PRAISE), dtype=np.int64)
    found = Discovery(
        themes=themes, subthemes=themes.copy(), closeness=np.ones(len(texts), dtype=np.float32)
    )
    praised = np.array([praised_as_read(text) for text in texts], dtype=np.bool_)
    assert praise_themes(found, praised) == frozenset({1})
