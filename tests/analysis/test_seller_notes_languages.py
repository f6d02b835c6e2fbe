"""Sellers' notes in Spanish and Portuguese that speak of price, timing or the status quo join
no theme, as "Lost on price" does in English. QA round 24: "Preço acima do orçamento do
cliente" (five deals) and "Projeto adiado, sem decisão" sat in the Portuguese payroll theme,
"Muy caro para 40 empleados" and "Seguirán con su gestoría" in the Spanish one, and their
lost revenue counted as those themes' demand: the taxonomy, which decides what is commercial,
read English alone. The tickets and notes here are written for this test."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import Engine

from tests.analysis.test_seller_notes import add_notes, filed_themes
from tests.analysis.themed import add_tickets, intent_rows
from tradeoff.analysis.embed.static import StaticEmbedder
from tradeoff.analysis.run import analyze
from tradeoff.analysis.seller_notes import commercial, states_need
from tradeoff.domain.enums import EvidenceKind
from tradeoff.domain.evidence import EvidenceItem
from tradeoff.storage import repository
from tradeoff.storage.session import write_session

PORTUGUESE_TICKETS = [
    "Minha transferência para o fornecedor está pendente há três dias, o que aconteceu?",
    "A transferência que fiz na segunda ainda aparece como pendente no aplicativo",
    "Transferência pendente desde ontem, o fornecedor está cobrando o pagamento",
    "Por que a transferência bancária fica pendente tanto tempo? Já é o terceiro dia",
    "Fiz uma transferência para outra conta e continua pendente, preciso de ajuda",
    "A transferência para a folha dos funcionários ficou pendente e ninguém recebeu",
    "Transferência pendente de novo. Isso atrapalha o pagamento dos nossos fornecedores",
    "Quanto tempo leva para uma transferência pendente ser concluída?",
    "Olá, a transferência de ontem está pendente e o saldo já saiu da conta",
    "Tenho duas transferências pendentes há quatro dias, podem verificar?",
    "A transferência internacional continua pendente, o cliente está esperando",
    "Transferência travada como pendente, o comprovante não foi gerado",
]
SPANISH_TICKETS = [
    "Mi transferencia al proveedor lleva tres días pendiente, ¿qué pasa?",
    "La transferencia que hice el lunes sigue pendiente en la aplicación",
    "Transferencia pendiente desde ayer y el proveedor nos reclama el pago",
    "¿Por qué una transferencia bancaria queda pendiente tanto tiempo?",
    "Hice una transferencia a otra cuenta y sigue pendiente, necesito ayuda",
    "La transferencia de la nómina quedó pendiente y nadie cobró",
    "Otra vez una transferencia pendiente. Nos retrasa el pago a proveedores",
    "¿Cuánto tarda en completarse una transferencia pendiente?",
    "Hola, la transferencia de ayer está pendiente y el saldo ya salió de la cuenta",
    "Tengo dos transferencias pendientes desde hace cuatro días, ¿pueden revisarlo?",
    "La transferencia internacional sigue pendiente y el cliente está esperando",
    "Transferencia bloqueada como pendiente, no se generó el comprobante",
]
#: Loss reasons about the deal, not the product, written with the tickets' words.
COMMERCIAL = [
    *["Preço das transferências acima do orçamento do cliente"] * 3,
    *["Transferências adiadas, projeto sem decisão"] * 2,
    *["Muy caras las transferencias para su presupuesto"] * 2,
    *["Seguirán con su gestoría para las transferencias"] * 2,
]


def add_foreign_tickets(engine: Engine, first: int) -> None:
    with write_session(engine) as session:
        for offset, text in enumerate(PORTUGUESE_TICKETS + SPANISH_TICKETS):
            repository.add(
                session,
                EvidenceItem(
                    source="zendesk",
                    external_id=str(first + offset),
                    kind=EvidenceKind.TICKET,
                    text=text,
                    created_at=datetime(2026, 3, 1, tzinfo=UTC),
                ),
            )


@pytest.mark.parametrize("later", [False, True], ids=["rebuild", "incremental"])
def test_commercial_notes_in_spanish_and_portuguese_join_no_theme(
    engine: Engine, later: bool
) -> None:
    add_tickets(engine, intent_rows(), 1)
    add_foreign_tickets(engine, 5000)
    if later:
        analyze(engine, StaticEmbedder())
    notes = add_notes(engine, COMMERCIAL, 1)
    analyze(engine, StaticEmbedder())
    filed = filed_themes(engine)
    assert [text for i, text in notes.items() if i in filed] == []


@pytest.mark.parametrize(
    "note",
    [
        "Muy caro para una plantilla de 40 personas",
        "Preco acima do orcamento do cliente",  # typed without accents
        "Projeto adiado, sem decisão",
        "Seguirán con su gestoría",
        "Vão continuar com o contador externo",
        "Trop cher pour leur budget",
        "Projekt auf nächstes Jahr verschoben",
        "Siguen usando papel",  # a saying, no keyword
    ],
)
def test_commercial_talk_is_read_in_every_language_the_taxonomy_reads(note: str) -> None:
    assert commercial(note)


@pytest.mark.parametrize(
    "note",
    [
        "Falta integração com o sistema de ponto",
        "Sin timbrado de nómina",
        "Il manque l'export comptable",
        "Keine DATEV-Schnittstelle",
    ],
)
def test_a_gap_in_another_language_is_no_commercial_talk(note: str) -> None:
    assert not commercial(note)


def test_a_description_in_another_language_states_a_need_by_its_words() -> None:
    assert states_need("Necesitan timbrado de nómina para México")
    assert states_need("Cliente precisa de integração com o eSocial")
    assert states_need("Sem controle de ponto hoje")
    assert not states_need("Evaluación para 40 empleados en Madrid")
