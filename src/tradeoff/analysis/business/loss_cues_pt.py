"""Portuguese loss-reason words, as sellers in Brazil and Portugal write them (``loss_language``
says how they are read; docs/sales.md lists them).

Left out on purpose: "licença" (a leave as often as a licence: "licença maternidade" is an HR
product area), "custom" look-alikes ("custo" and "custos" are whole words, never a prefix),
"acompanhamento" alone (follow-up, and also tracking: "acompanhamento de ponto"), "histórico"
(a track record, and the payroll history a product keeps), and "valor"
said high ("valor acima do orçamento" is price). "o cara" (the guy) is no price.
"""

from __future__ import annotations

from tradeoff.analysis.business.loss_language import LanguageCues, words
from tradeoff.domain.enums import LossCategory as C

PORTUGUESE = LanguageCues(
    name="Portuguese",
    cues={
        C.PRODUCT_GAP: (
            "falta", "faltam", "faltou", "faltava", "faltavam", "carênc*", "funcionalidade*",
            "integraç*", "limitaç*", "não suporta", "não suportava", "não permite",
            "não permitia", "não integra", "não se integra", "não disponível",
            "indisponível", "não funciona*", "requisito*", "imprescindível", "obrigatório",
            "complex*", "complicad*", "difícil de usar", "usabilidade",
            "experiência do usuário", "experiência de usuário", "desempenho", "lentidão",
            "muito limitad*", "pouco flexível", "rígido", "rígida", "rígidos",
            "rígidas", "muito manual", "pouco confiável",
            "instável", "bug*", "trava*", "cai muito",
        ),
        C.PRICE_BUDGET: (
            "preço*", "caro", "caros", "cara", "caras", "caríssim*", "custo", "custos",
            "custoso*", "orçament*", "verba", "verbas", "barat*", "desconto*", "tarifa*",
            "mensalidade*", "licenciamento", "fora do orçamento", "sem verba",
            "não cabe no orçamento", "não podem pagar", "gratuit*", "grátis",
            "condições comerciais", "condições de pagamento", "investimento alto",
            "valor alto", "valor elevado", "valor acima", "valor excessivo", "valor muito",
            "relação custo benefício", "custo benefício", "custo x benefício",
            "relação qualidade preço", "relação preço qualidade", "relação preço",
        ),
        C.VALUE_NOT_PROVEN: (
            "retorno sobre o investimento", "retorno do investimento", "retorno de investimento",
            "valor", "benefício*", "caso de negócio", "não vale a pena", "não compensa",
            "não convencid*", "pouco convencid*", "prova de conceito", "piloto falhou",
            "piloto sem resultado", "economia de tempo", "economia de custos", "economizar tempo",
            "ganho de tempo", "ganhos de produtividade",
        ),
        C.CONFIDENCE_RISK: (
            "confia*", "desconfia*", "risco*", "maturidade", "imatur*",
            "muito pequen*", "pequena demais", "pequeno demais", "estabilidade",
            "referências", "segurança", "conformidade", "compliance",
            "proteção de dados", "privacidade", "lgpd", "rgpd", "auditoria de segurança",
            "revisão de segurança", "solidez", "viabilidade",
        ),
        C.RELATIONSHIP: (
            "relacionamento*", "relação", "patrocinador*", "falta de acompanhamento",
            "sem acompanhamento", "pouco acompanhamento", "nosso acompanhamento",
            "saiu da empresa", "deixou a empresa", "executivo de contas", "vendedor",
            "vendedores", "apoio da diretoria", "apoio interno", "indicação",
            "recomendad*", "recomendação", "amizade",
        ),
        C.ALIGNMENT: (
            "prioridade*", "estratég*", "alinhad*", "alinhament*", "objetivos", "metas",
            "não se encaixa", "não encaixa", "não é prioridade", "não é uma prioridade",
            "não era prioridade", "deixou de ser prioridade", "caso de uso",
            "necessidades diferentes", "necessidades distintas", "consolid*",
            "um único fornecedor", "um só fornecedor", "adquirid*", "fusão com", "fusão de",
        ),
        C.TIMING_NO_DECISION: (
            "adiad*", "adiou", "adiaram", "posterg*", "em pausa", "pausad*", "em espera",
            "congelad*", "orçamento congelado", "sem decisão", "não decidiram", "indecis*",
            "mais tarde", "mais para frente", "próximo ano", "ano que vem",
            "próximo trimestre", "agora não", "não estão prontos", "parou de responder",
            "pararam de responder", "sem resposta", "falta de resposta", "sem retorno",
            "não respond*", "sumiu", "sumiram", "reestrutura*", "reorganiza*",
            "setor de compras", "área de compras", "falta de tempo", "sem tempo",
            "não têm tempo", "não tem tempo", "não tinham tempo", "falta de recursos",
            "sem recursos", "não têm recursos", "sem capacidade interna",
            "falta de capacidade interna", "falta de pessoal", "falta de braço",
            "falta de braços", "sem braço", "sem braços", "falta de interesse",
            "sem interesse",
            "perderam o interesse", "perderam interesse",
        ),
        C.STATUS_QUO: (
            "planilha*", "folha de cálculo", "folhas de cálculo", "à mão",
            "desenvolvimento próprio", "desenvolvimento interno",
            "solução própria", "solução interna", "sistema próprio", "sistema interno",
            "ferramenta própria", "ferramenta interna", "feito em casa", "contador externo",
            "contadora externa", "contabilidade externa", "contabilidade terceirizada",
            "escritório de contabilidade", "escritório contábil", "agência", "agências",
            "terceiriz*", "outsourcing", "fornecedor atual", "sistema atual",
            "processo atual", "ferramenta atual", "status quo", "não fazer nada",
            "renovaram com", "renovou com",
        ),
    },
    names=(
        "centro de custo*", "centros de custo*", "gestão de benefícios",
        "benefícios flexíveis", "benefícios dos colaboradores", "módulo de benefícios",
        "o cara", "um cara", "esse cara", "este cara", "cara a cara", "conta poupança",
        "página de preços",
    ),
    negators=frozenset({"não", "nem"}),
    carried_negators=frozenset({"nem"}),
    linking=words("é era eram foi foram são estava estavam parecia"),
    articles=words("o os a as um uma"),
    absence_frame=(
        "tem", "têm", "tinha*", "teve", "tiveram", "há", "havia", "houve", "ver", "viu",
        "viram", "vê", "veem", "enxerg*", "perceb*", "demonstr*", "comprov*", "provar",
        "provaram", "consegu*", "obtiv*", "alcanç*", "suficiente*", "bastante*",
    ),
    denials=words("nenhum nenhuma sem"),
    absence_markers=words("falta faltam faltou faltava faltavam carênc*") | {"não disponível"},
    absence_filler=words("de do da dos das o a os as um uma"),
    verdicts=frozenset({"não se encaixa", "não encaixa"}),
    verdict_filler=words("no na nos nas ao à com o a os as seu sua em"),
    dismissed=words("problema problemas obstáculo obstáculos"),
    dismissed_alone=words("bom competitivo aceitável razoável parecido igual"),
    feature_frame=(
        "sem", "precisa*", "preciso", "precisou", "necessit*", "exig*", "queria*", "têm", "tinha*",
        "ofere*", "melhor",
    ),
    feature_nouns=(
        "sincroniza*", "relatório*", "aplicativo*", "módulo*", "automatiza*",
        "notificaç*", "permissões", "modelo*", "fluxo*", "cálculo*", "folha", "folhas",
        "gestão",
    ),
    need_frame=("precisa*", "preciso", "precisou", "necessit*", "exig*", "queria*"),
    qualities=frozenset({"segurança", "estabilidade", "conformidade",
                         "privacidade"}),
    stages=frozenset({"prova de conceito"}),
    sayings={
        C.PRODUCT_GAP: (
            "não temos|oferecemos|suportamos|atendemos|fazemos|cobrimos|incluímos",
            "não o|a|os|as temos|oferecemos|suportamos|fazemos",
            "escolheram|preferiram|compraram|contrataram * porque|pois tem|têm|tinha|tinham|"
            "oferece|oferecia|inclui|incluía",
            "escolheram|preferiram|compraram|contrataram * * porque|pois tem|têm|tinha|"
            "tinham|oferece|oferecia|inclui|incluía",
            "foram com|para * porque|pois tem|têm|tinha|tinham|oferece|oferecia|inclui|incluía",
        ),
        C.RELATIONSHIP: ("amigo|amigos|amiga|amigas de|do|da",),
        C.STATUS_QUO: (
            "continuar|continua|continuam|continuará|continuarão|continuou|continuaram "
            "com|usando|utilizando|no|na",
            "continuar|continua|continuam|continuou|continuaram a usar",
            "ficar|fica|ficam|ficará|ficarão|ficou|ficaram com",
            "permanecer|permanece|permanecem|permaneceu|permaneceram com|no|na",
            "manter|mantém|mantêm|manterá|manterão|manteve|mantiveram o|a|os|as|seu|sua",
            "preferiram|decidiram|optaram continuar|ficar|manter|permanecer",
            "no papel",
            "em papel",
        ),
    },
    absent_openers=(
        "sem", "falta", "faltam", "faltou", "faltava", "não tem", "não tinha", "não há",
        "não havia", "não possui", "não possuía", "ausência de", "carece de",
    ),
    not_a_feature=words(
        """orçamento verba decisão resposta respostas retorno tempo urgência interesse
        necessidade contato contatos dinheiro recursos pessoal equipe time aprovação
        patrocinador apoio cliente clientes usuário usuários razão motivo motivos
        comentários informação ideia mais nada ninguém outro outra outros outras pressa
        acompanhamento decisor assinatura contrato reunião demo ligação pedido"""),
    capacity_nouns=("tempo", "recursos", "capacidade", "pessoal", "braço"),
    capacity_purposes=words("para pra"),
    task_ends=words("e também além mas porque"),
)  # fmt: skip
