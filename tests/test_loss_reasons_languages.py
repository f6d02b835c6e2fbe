"""Loss reasons written in Spanish, Portuguese, French and German, from QA round 24: a payroll
product sold in Europe and Latin America had "Muy caro para 40 empleados", "Projeto adiado,
sem decisão" and "Seguirán con su gestoría" unclassified (16 of 84 lost deals, EUR 1.6M), as
the taxonomy read English alone. Each expected category is what docs/sales.md's taxonomy says
the wording means, decided by reading it; the wordings are written for this test. The near
misses are what must not move: negations, dismissals, words that mean another thing."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tradeoff.analysis.business.loss_cues_abroad import LANGUAGES
from tradeoff.analysis.business.loss_language import LanguageCues, plain, spellings
from tradeoff.analysis.business.loss_reasons import classify_loss
from tradeoff.analysis.business.loss_taxonomy import loss_verdict
from tradeoff.domain.enums import LossCategory

P = LossCategory.PRODUCT_GAP
B = LossCategory.PRICE_BUDGET
V = LossCategory.VALUE_NOT_PROVEN
K = LossCategory.CONFIDENCE_RISK
R = LossCategory.RELATIONSHIP
A = LossCategory.ALIGNMENT
T = LossCategory.TIMING_NO_DECISION
S = LossCategory.STATUS_QUO
U = LossCategory.UNCLASSIFIED

ROOT = Path(__file__).resolve().parents[1]

SPANISH = [
    ("Demasiado caro para una empresa de 25 personas", B),
    ("Se salía del presupuesto con el plan anual", B),
    ("Falta de presupuesto hasta el próximo ejercicio", B),
    ("No hay presupuesto para RRHH este año", B),
    ("Sin integración con su ERP contable", P),
    ("No soporta firma electrónica de contratos", P),
    ("No vieron el retorno de la inversión en el piloto", V),
    ("Proyecto pospuesto al segundo semestre", T),
    ("Dejaron de responder después de la demo", T),
    ("Prefirieron seguir con su hoja de cálculo", S),
    ("Se quedan con su asesoría laboral de siempre", S),
    ("No confiaban en un proveedor tan pequeño", K),
    ("Nuestro contacto clave dejó la empresa", R),
    ("No encajaba con su estrategia de personas", A),
]
PORTUGUESE = [
    ("Achou caro para o tamanho da operação", B),
    ("Preco alto demais, sem verba no trimestre", B),  # typed without accents
    ("Nao tem orcamento para 2027", B),
    ("Valor acima do previsto pela diretoria", B),  # "valor" said high is price
    ("Faltou integracao com o ERP", P),
    ("Não suporta vários CNPJs na mesma conta", P),
    ("Cliente não viu valor no piloto", V),
    ("Decisão adiada para o ano que vem", T),
    ("O cara sumiu depois da proposta", T),  # "o cara", the guy, is no price
    ("Vão continuar usando planilhas", S),
    ("Relacionamento antigo do diretor com a ADP", R),
    ("Não é prioridade para a diretoria este ano", A),
    ("Preocupação com segurança dos dados e LGPD", K),
]
FRENCH = [
    ("Trop cher pour une PME de 30 salariés", B),
    ("Pas assez de budget cette année", B),
    ("Manque de budget", B),
    ("Il manque la gestion des notes de frais", P),
    ("Ne s'intègre pas avec leur logiciel comptable", P),
    ("Projet repoussé à l'année prochaine", T),
    ("Ils restent avec leur expert-comptable", S),
    ("Pas convaincus par le retour sur investissement", V),
    ("Inquiets pour la sécurité des données et le RGPD", K),
    ("Le prix n'était pas un problème, il manque l'export comptable", P),
]
GERMAN = [
    ("Zu teuer für ein Team von 20 Leuten", B),
    ("Kein Budget mehr in diesem Jahr", B),
    ("Nicht genug Budget für die Einführung", B),
    ("Budget fehlt", B),
    ("Es fehlt eine Schnittstelle zur Buchhaltung", P),
    ("Projekt auf nächstes Jahr verschoben", T),
    ("Bleiben bei ihrem Steuerberater", S),
    ("Kein klarer Mehrwert im Pilotprojekt", V),
    ("Datenschutzbedenken des Betriebsrats", K),
    ("Passt nicht zu ihrer HR-Strategie", A),
    ("Budgetstopp bis Ende des Quartals", T),  # a whole word before the prefix "budget*"
]
NEAR_MISSES = [
    # A negation or a dismissal in the language of the reason.
    ("No es caro para lo que ofrece", U),
    ("El precio no fue el problema, falta la app móvil", P),
    ("Sin problemas de precio; faltan reportes de nómina", P),
    ("Não foi o preço", U),
    ("Ce n'est pas le prix", U),
    ("Nicht zu teuer, aber keine Priorität", A),
    ("Preis war okay", U),
    ("O preço era razoável, mas perderam o interesse", T),
    # A word that means another thing: a leave is no licence, a tax agency no agency, an
    # HR benefit no value, a cost centre no cost.
    ("Sin gestión de licencias médicas", P),
    ("Sin integración con la Agencia Tributaria", P),
    ("Falta el módulo de beneficios para empleados", P),
    ("Faltan informes por centro de costo", P),
    ("Keine Auswertung pro Kostenstelle", P),
    # Spanish "no" before a verb names no missing feature.
    ("No respondieron tras la propuesta", U),
    ("No les convenció la demo", U),
]


@pytest.mark.parametrize(
    ("reason", "category"), SPANISH + PORTUGUESE + FRENCH + GERMAN + NEAR_MISSES
)
def test_a_reason_in_another_language_lands_in_the_class_it_means(
    reason: str, category: LossCategory
) -> None:
    verdict = loss_verdict(reason, None)
    assert verdict.category is category, verdict.cues


@pytest.mark.parametrize(
    "spelled",
    ["Preço acima do orçamento", "preco acima do orcamento", "PREÇO ACIMA DO ORÇAMENTO"],
)
def test_accents_and_case_do_not_matter_and_cues_show_the_words_as_written(
    spelled: str,
) -> None:
    verdict = classify_loss(spelled)
    assert verdict.category is B
    words = spelled.casefold().split()
    assert verdict.cues == (words[0], words[-1])


@pytest.mark.parametrize("later", ["Vielleicht später", "vielleicht spaeter", "vielleicht spater"])
def test_an_umlaut_matches_typed_with_or_without_its_e(later: str) -> None:
    assert classify_loss(later).category is T


def test_plain_drops_latin_accents_only() -> None:
    assert [plain(w) for w in ("gestoría", "über", "ação", "東京", "ß")] == [
        "gestoria",
        "ueber",
        "acao",
        "東京",
        "ß",
    ]
    assert sorted(spellings("später")) == ["spaeter", "spater"]


def test_english_reasons_read_as_before() -> None:
    """The other languages' lists add to English, they change none of its verdicts."""
    assert classify_loss("Too expensive for their budget this year").cues == (
        "expensive",
        "budget",
    )
    assert classify_loss("Not a priority this year").category is A
    assert classify_loss("Price was not the issue, missing SSO").category is P
    assert classify_loss("No budget").category is B


def _listed(section: str, label: str) -> list[str]:
    line = re.search(rf"^- {re.escape(label)}: (.*)$", section, re.MULTILINE)
    assert line is not None, label
    return re.findall(r"`([^`]+)`", line.group(1))


ROLES = {
    "names": "Names (no category)",
    "negators": 'Negate like "not"',
    "carried_negators": "Carry a negation",
    "absent_negations": "Say a thing is absent",
    "no_before": '"no" negates before',
    "linking": "Copulas",
    "articles": "Articles",
    "absence_frame": "Not got or shown",
    "denials": "Deny a dismissal",
    "absence_markers": "Absent (either side)",
    "absence_filler": "Between absent and what",
    "verdicts": "Judge a fit (either side)",
    "verdict_filler": "Between a fit and what",
    "dismissed": "Dismissals",
    "dismissed_alone": "Dismissed after a copula",
    "feature_frame": "Feature frames",
    "feature_nouns": "Feature words",
    "need_frame": "Need words",
    "qualities": "Qualities",
    "stages": "Stages",
    "absent_openers": "Absent openers",
    "not_a_feature": "Not a feature",
    "capacity_nouns": "Capacity words",
    "capacity_purposes": "Capacity purposes",
    "task_ends": "Task ends",
}


@pytest.mark.parametrize("language", LANGUAGES, ids=lambda language: language.name)
def test_docs_list_exactly_the_words_each_language_uses(language: LanguageCues) -> None:
    doc = (ROOT / "docs" / "sales.md").read_text(encoding="utf-8")
    start = doc.index(f"\n#### {language.name}\n")
    section = doc[start : doc.index("\n#", start + 5)]
    for category, cues in language.cues.items():
        assert _listed(section, f"`{category.value}`") == list(cues), category
    for category, sayings in language.sayings.items():
        assert _listed(section, f"saying, `{category.value}`") == list(sayings), category
    for attribute, role in ROLES.items():
        listed = getattr(language, attribute)
        label = f'"{language.copula_negator}" negates before' if attribute == "no_before" else role
        if not listed:
            assert f"\n- {label}:" not in section, label
            continue
        expected = sorted(listed) if isinstance(listed, frozenset) else list(listed)
        assert _listed(section, label) == expected, label


@pytest.mark.parametrize("language", LANGUAGES, ids=lambda language: language.name)
def test_every_listed_word_is_one_word_once_folded(language: LanguageCues) -> None:
    """A cue is matched word by word: one that folding splits ("d'intérêt") never matches."""
    phrases = [p for cues in language.cues.values() for p in cues] + list(language.names)
    for phrase in phrases:
        for word in phrase.split():
            assert re.fullmatch(r"[\w*]+", word), phrase
