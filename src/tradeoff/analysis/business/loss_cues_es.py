"""Spanish loss-reason words, as sellers in Spain and Latin America write them (``loss_language``
says how they are read; docs/sales.md lists them).

Left out on purpose: "licencia" (a leave of absence as often as a licence: "licencias
médicas" is an HR product area), "reporte" (a report, and French "reporté", postponed, folds
to it), "compras" alone (purchases, a product area as often as procurement), and "valor"
said high ("valor muy alto" is price, not value).
"""

from __future__ import annotations

from tradeoff.analysis.business.loss_language import LanguageCues, words
from tradeoff.domain.enums import LossCategory as C

SPANISH = LanguageCues(
    name="Spanish",
    cues={
        C.PRODUCT_GAP: (
            "falta", "faltan", "faltaba", "faltaban", "faltó", "faltaron", "carec*",
            "carencia*", "funcionalidad*", "integraci*", "limitaci*", "no soporta",
            "no soportaba", "no admite", "no permite", "no permitía", "no integra",
            "no se integra", "no disponible", "no funciona*", "requisito*", "requerimiento*",
            "imprescindible", "hoja de ruta", "complej*", "complicad*", "difícil de usar",
            "usabilidad", "experiencia de usuario", "rendimiento", "lentitud",
            "demasiado limitad*", "muy limitad*", "poco flexible", "rígido", "rígida", "rígidos",
            "rígidas", "demasiado manual",
            "poco fiable", "poco confiable", "inestable", "fallo", "fallos", "falla", "fallas",
            "se cae",
        ),
        C.PRICE_BUDGET: (
            "precio", "precios", "caro", "caros", "cara", "caras", "carísim*", "costo*", "coste",
            "costes", "presupuesto*", "barat*", "descuento*", "tarifa*",
            "cuota", "cuotas", "mensualidad*", "licenciamiento", "fuera de presupuesto",
            "no pueden pagar", "no podían pagar", "no les alcanza", "gratis", "gratuit*",
            "condiciones comerciales", "condiciones de pago", "términos comerciales",
            "valor alto", "valor elevado", "valor excesivo", "valor muy",
            "relación calidad precio", "relación precio calidad", "relación precio",
            "relación costo beneficio", "relación coste beneficio", "costo beneficio",
            "coste beneficio",
        ),
        C.VALUE_NOT_PROVEN: (
            "retorno de la inversión", "retorno de inversión", "retorno sobre la inversión",
            "valor", "beneficio*", "caso de negocio", "no vale la pena", "no compensa",
            "no convencid*", "poco convencid*", "prueba de concepto", "piloto fallido",
            "prueba fallida", "ahorro*", "ahorrar tiempo",
        ),
        C.CONFIDENCE_RISK: (
            "confia*", "desconfia*", "riesgo*", "madurez", "inmadur*",
            "demasiado pequeñ*", "muy pequeñ*", "estabilidad", "fiabilidad",
            "referencias", "seguridad", "cumplimiento", "protección de datos", "privacidad",
            "rgpd", "lopd", "auditoría de seguridad", "revisión de seguridad", "trayectoria",
            "solidez", "viabilidad",
        ),
        C.RELATIONSHIP: (
            "relación", "relaciones", "patrocinador*", "falta de seguimiento", "mal seguimiento",
            "poco seguimiento", "nuestro seguimiento", "seguimiento lento", "dejó la empresa",
            "se fue de la empresa", "salió de la empresa", "ejecutivo de cuenta",
            "ejecutivo de ventas", "vendedor", "vendedores", "apoyo de la dirección",
            "apoyo interno", "respaldo de la dirección", "recomendad*", "recomendación",
            "amistad",
        ),
        C.ALIGNMENT: (
            "prioridad*", "estrateg*", "alinead*", "alineaci*", "objetivos", "metas",
            "no encaj*", "no es prioridad", "no es una prioridad", "no era prioridad",
            "no era una prioridad", "no fue prioridad", "dejó de ser prioridad", "caso de uso",
            "necesidades distintas", "necesidades diferentes", "consolid*", "un solo proveedor",
            "un único proveedor", "adquirid*", "fusión con", "fusión de", "fusiona*",
        ),
        C.TIMING_NO_DECISION: (
            "pospu*", "posterg*", "aplaz*", "en pausa", "pausad*", "en espera",
            "congelad*", "presupuesto congelado", "congelación de presupuesto",
            "sin decisión", "no hubo decisión", "no decidieron", "indecis*", "más adelante",
            "próximo año", "año que viene", "próximo trimestre", "ahora no",
            "no están listos", "no estaban listos", "dejó de responder",
            "dejaron de responder", "sin respuesta", "falta de respuesta", "no responden",
            "no contestan", "desapareci*", "reorganizaci*", "reestructuraci*",
            "departamento de compras", "proceso de compras", "falta de tiempo", "sin tiempo",
            "no tienen tiempo", "no tenían tiempo", "no hay tiempo", "falta de recursos",
            "sin recursos", "no tienen recursos", "no hay recursos", "falta de personal",
            "falta de capacidad interna", "sin capacidad interna",
            "sin ancho de banda",
            "falta de interés", "sin interés", "perdieron el interés", "perdieron interés",
        ),
        C.STATUS_QUO: (
            "hoja de cálculo", "hojas de cálculo", "planilla*", "a mano", "desarrollo propio",
            "desarrollo interno", "solución propia", "solución interna", "sistema propio",
            "sistema interno", "herramienta propia", "herramienta interna", "hecho en casa",
            "gestoría*", "asesoría*", "contador externo",
            "contadora externa", "contable externo", "despacho contable", "estudio contable",
            "agencia", "agencias", "terceriz*", "subcontrat*", "externaliz*", "outsourcing",
            "proveedor actual", "sistema actual", "proceso actual", "herramienta actual",
            "statu quo", "no hacer nada", "seguir igual", "siguen igual", "renovaron con",
            "renovó con",
        ),
    },
    names=(
        "centro de costo*", "centros de costo*", "centro de coste*", "centros de coste*",
        "seguridad social", "beneficios sociales", "gestión de beneficios",
        "beneficios para empleados", "beneficios de empleados", "cuenta de ahorro*",
        "cuentas de ahorro*", "módulo de beneficios", "beneficios flexibles",
        "administración de beneficios", "plan de beneficios", "planes de beneficios",
        "agencia tributaria", "cara a cara", "página de precios", "calculadora de roi",
    ),
    negators=frozenset({"ni"}),
    carried_negators=frozenset({"ni"}),
    no_before=words(
        "es era eran fue fueron son será sería está estaba estaban estuvo parece parecía"
    ),
    linking=words("es era eran fue fueron son está estaba estaban parecía"),
    articles=words("el la los las lo un una"),
    absence_frame=(
        "tien*", "tenía*", "tuv*", "hay", "había", "hubo", "ver", "vieron", "vio", "veían",
        "demostr*", "probar", "probaron", "probó", "comprob*", "consigu*", "logr*", "obtuv*",
        "alcanz*", "suficiente*",
        "bastante*",
    ),
    denials=words("ningún ninguno ninguna sin"),
    absence_markers=words("falta faltan faltaba faltaban faltó faltaron carec* carencia*")
    | {"no disponible"},
    absence_filler=words("de del el la los las un una"),
    verdicts=frozenset({"no encaj*"}),
    verdict_filler=words("con en a al su sus el la los las de del"),
    dismissed=words("problema problemas obstáculo obstáculos inconveniente"),
    dismissed_alone=words("bien competitivo aceptable razonable parecido igual correcto"),
    feature_frame=(
        "sin", "necesit*", "requier*", "requerían", "exig*", "quería*", "querían", "tienen",
        "tenía", "tenían", "ofrec*", "mejor",
    ),
    feature_nouns=(
        "sincroniz*", "informe", "informes", "aplicaci*", "módulo*", "automatiz*", "notificaci*",
        "permisos", "plantilla*", "flujo*", "cálculo*",
        "gestión",
    ),
    need_frame=("necesit*", "requier*", "requerían", "exig*", "quería*", "querían"),
    qualities=frozenset({"seguridad", "fiabilidad", "estabilidad",
                         "cumplimiento", "privacidad"}),
    stages=frozenset({"prueba de concepto"}),
    sayings={
        C.PRODUCT_GAP: (
            "no lo|la|los|las tenemos|ofrecemos|soportamos|manejamos|hacemos|cubrimos",
            "no tenemos|ofrecemos|soportamos|manejamos|cubrimos|incluimos",
            "no contamos con",
            "eligieron|escogieron|prefirieron|compraron|contrataron * porque tiene|tienen|"
            "tenía|tenían|ofrece|ofrecía|incluye|incluía",
            "eligieron|escogieron|prefirieron|compraron|contrataron * * porque tiene|tienen|"
            "tenía|tenían|ofrece|ofrecía|incluye|incluía",
            "se fueron con * porque tiene|tienen|tenía|tenían|ofrece|ofrecía|incluye|incluía",
        ),
        C.RELATIONSHIP: ("amigo|amigos|amiga|amigas de|del",),
        C.STATUS_QUO: (
            "seguir|sigue|siguen|seguirá|seguirán|siguió|siguieron con|usando|utilizando",
            "continuar|continúa|continúan|continuará|continuarán|continuó|continuaron "
            "con|usando|utilizando",
            "quedarse con",
            "se queda|quedan|quedará|quedarán|quedó|quedaron con",
            "permanecer|permanecen|permanecerán|permanecieron con|en",
            "mantener|mantienen|mantendrán|mantuvieron su|sus",
            "prefirieron|decidieron|optaron seguir|continuar|quedarse|mantener",
            "en papel",
            "lápiz y papel",
        ),
    },
    absent_openers=(
        "sin", "falta", "faltan", "faltaba", "faltó", "no hay", "no había", "no tiene",
        "no tenía", "no cuenta con", "carece de", "ausencia de",
    ),
    not_a_feature=words(
        """presupuesto decisión respuesta respuestas tiempo urgencia interés necesidad
        contacto contactos dinero fondos personal equipo recursos aprobación patrocinador
        apoyo respaldo cliente clientes usuario usuarios razón motivo motivos comentarios
        información idea más nada nadie otro otra otros otras prisa ganas seguimiento
        decisor firma contrato reunión demo llamada orden""")
    # "no" opens a verb as often as a thing: its pronouns and the verbs sellers write.
    | words("""lo la los las le les se me nos te es era eran fue fueron son está estaba
        quier* quis* necesit* respond* contest* avanz* sigu* compraron compra compran
        firmaron firman pud* pued* vieron vio ven hubo lleg* aceptaron aceptan convenc*
        gustó gusta gustaba cumpl* cerr* mostr* aprob* pagaron pagan decid* encontr*
        entend* sirv* ofrec* incluy* permite permiten permitió quedaron queda quedan
        hicieron hace hacen"""),
    capacity_nouns=("tiempo", "recursos", "capacidad", "personal", "ancho"),
    capacity_purposes=words("para"),
    task_ends=words("y también además pero porque"),
)  # fmt: skip
