"""A product named as a system the buyer connects to, not as a rival.

"No native Salesforce integration", "needs a HubSpot connector", "sync with Jira" and
"exported to Excel for the CFO" name a system in the buyer's stack; so does a sentence of
connecting that says nothing of competing ("Marketing runs on HubSpot and wants the contact
sync to keep working"), such as routing to it, polling it as a data source or sending
alerts to it ("Needs PagerDuty routing per team", "PagerDuty incidents all land on the
default service"). "Lost to Zoho, whose Gmail sync was better" competes, and so does a
contrast with us: "Gusto has an integration with Xero and you don't" (``competitor_contrast``;
Xero, next to the integration, still connects). The other languages' integration words
connect right before the name ("integración con Xero", "Schnittstelle zu DATEV").
Exporting connects at any distance in its clause (``competitor_exports``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection

from tradeoff.analysis.business.competitor_contrast import contrasts_with_us
from tradeoff.analysis.business.competitor_exports import exported_to
from tradeoff.analysis.business.competitor_rivalry import set_against
from tradeoff.analysis.text.sentence_around import sentence_around

#: A product named as something to connect to is a system the buyer uses, not a rival: "No
#: native Salesforce integration", "needs a HubSpot connector", "sync with Jira".
_PART_AFTER = re.compile(
    r"\s*(?:integrations?|connectors?|sync|plug-?ins?|add-?ons?|api|apis|exports?|imports?|"
    r"downloads?|formats?|formatting)(?!\w)",
    re.IGNORECASE,
)
_LINK_BEFORE = re.compile(
    r"(?:(?:native|integrat\w*|connect\w*|sync\w*|export\w*|import\w*|plug\w*|download\w*)"
    r"\s+(?:(?:with|to|into|from|for|in)\s+)?(?:(?:the|our|their|a|an|its)\s+)?"
    # The other languages put the integration before the name: "integración con Xero",
    # "integração com o Xero", "intégration avec Xero", "Schnittstelle zu DATEV",
    # "integrazione con Xero", "koppeling met Exact".
    r"|(?:integraci(?:ón|on|ones)|integra(?:ção|cao|ções|coes)|int[ée]gration\w*|"
    r"integrazion[ei]|integratie\w*|integrar|int[ée]grer|integrieren|integrare|integreren|"
    r"conector(?:es)?|connecteurs?|connettor[ei]|konnektor(?:en)?|koppeling(?:en)?|"
    r"schnittstellen?|anbindung(?:en)?|sincroniza\w*|synchronis\w*)\s+"
    r"(?:(?:con|com|avec|mit|met|zu|zur|zum|an|de|da|do|du|des|à|a|al|ao|per|van|voor|für)"
    r"\s+)?(?:(?:el|la|los|o|os|le|les|l['’]|den|die|das|dem|il|lo|het|de)\s*)?)$",
    re.IGNORECASE,
)


#: Words of connecting systems: in a sentence with one and no word of competing, a product
#: is one the buyer runs alongside ("Marketing runs on HubSpot and wants the contact sync to
#: keep working"), not one they weigh against us.
_CONNECTING = re.compile(
    r"(?<!\w)(?:sync\w*|integrat\w*|connector\w*|connect(?:s|ed|ing|ion|ions)?|apis?|"
    r"plug-?ins?|webhooks?|runs? on|running on|lives? in|on top of|"
    # Data or alerts flowing between two systems: "PagerDuty routing per team", "route to
    # different PagerDuty services", "our Grafana datasource polling your API", "send
    # alerts to Opsgenie", "severity mapping to PagerDuty", "incidents land on the
    # default service", "forwarded into Splunk".
    r"rout(?:e|es|ed|ing)|data ?sources?|poll(?:s|ed|ing)?|"
    r"(?:forward(?:s|ed|ing)?|send(?:s|ing)?|sent|push(?:es|ed|ing)?|post(?:s|ed|ing)?|"
    r"map(?:s|ped|ping)?|pip(?:e|es|ed|ing)|feed(?:s|ing)?|fed)"
    r"(?:\s+\w+){0,2}?\s+(?:to|into)|"
    r"(?:land|lands|landed|landing)\s+(?:on|in|into))(?!\w)",
    re.IGNORECASE,
)
_COMPETING = re.compile(
    r"(?<!\w)(?:lost|los(?:e|es|ing)|won|win|beat|chose|choos\w*|chosen|went with|going with|"
    r"pick\w*|select\w*|switch\w*|mov(?:e|ed|ing) to|migrat\w*|replac\w*|evaluat\w*|"
    r"compar\w*|over us|cheaper|pricier|better|"
    r"worse|alternatives?|competitors?|competing|competition|shortlist\w*|bake-?off|"
    r"incumbent|stay(?:s|ed|ing)? with|stick(?:s|ing)? with|trial(?:led|ing)?|pilot\w*|"
    r"like)(?!\w)",
    re.IGNORECASE,
)
#: Characters read each side of a name for its sentence.
SENTENCE_REACH = 400


def integrated_with(
    text: str, start: int, end: int, languages: Callable[[], Collection[str]] = lambda: ()
) -> bool:
    """Whether the name at ``text[start:end]`` is named as a system to connect to: next to
    a word of connecting ("a HubSpot connector", "export to Excel"), where data is exported
    to in its clause ("Exporting the payroll journal report to Excel":
    ``competitor_exports.exported_to``), or in a sentence of connecting that says nothing of
    competing, nor sets the name against another (``competitor_rivalry.set_against``) or
    against us ("... and you don't": ``competitor_contrast``).
    Each look stays inside the name's sentence: "Wants Snowflake live connection" on the
    line above "Stayed with their current vendor" (a deal's description and loss reason)
    connects nothing to the status quo. ``languages``: the item's (read only when asked)."""
    opens, closes = sentence_around(text, start, end, SENTENCE_REACH)
    if _PART_AFTER.match(text, end, closes) or _LINK_BEFORE.search(
        text[max(opens, start - 40) : start]
    ):
        return True
    if exported_to(text, opens, closes, start, end, languages):
        return True
    sentence = text[opens:closes]
    if not _CONNECTING.search(sentence) or _COMPETING.search(sentence):
        return False
    if contrasts_with_us(sentence, languages()):
        return False  # "Gusto has an integration with Xero and you don't"
    return not set_against(text, opens, closes, start, end)
