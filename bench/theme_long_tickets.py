"""Themes of long tickets: each Banking77 query stated inside 150–600 words of background,
read as before (the whole message) and for the problem it states (``theme_text``).

A long ticket tells who the customer is, their team and setup, how long they have been
customers, what happened before, what they already tried and when, and states the problem
in a sentence or two: at the start, in the middle or at the end, sometimes restated. Its
background may name other topics in passing ("we ordered cards for the whole team last
year and they all arrived within a week"), as real backgrounds do. Each background is drawn
sentence by sentence, independently, from slot-filled templates of each kind
(``BACKGROUND``), never using the intent, so no exact string marks it; the ticket is then
dressed as email as ``theme_emails.py`` dresses a query (greeting, signature, quoted reply).
Discovery is scored against the 77 intents for the plain queries, the long tickets read as
before (``as_said``, the whole message) and as the engine reads them now (``theme_text``):

    .venv/bin/python bench/theme_long_tickets.py --embedder static
    .venv/bin/python bench/theme_long_tickets.py --embedder minilm --limit 3000

``--limit`` scores a seeded sample of that many queries, drawn from every intent alike
(MiniLM on 13,000 long texts takes long on two cores).
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from theme_emails import as_email, scores, senders
from themes import DEFAULT_DATA, load

from tradeoff.analysis.text.theme_text import as_said, theme_text, unshouted

# fmt: off
SLOTS: dict[str, list[str]] = {
    "size": ["12", "25", "40", "60", "85", "120", "200", "350"],
    "industry": ["logistics", "catering", "construction", "design", "retail", "cleaning",
                 "courier", "landscaping", "event", "software", "plumbing", "printing",
                 "removals", "veterinary", "architecture", "dental"],
    "city": ["Leeds", "Bristol", "Manchester", "Glasgow", "Cardiff", "Dublin", "Lyon",
             "Rotterdam", "Porto", "Leipzig", "Valencia", "Gdansk"],
    "company": ["Harbour Freight Co", "Greenway Cleaning", "Northgate Design",
                "Brightside Events", "Oak & Iron Builders", "Riverbend Couriers",
                "Pixel Foundry", "Tidewater Dental", "Summit Removals", "Fernhill Catering",
                "Blue Kite Printing", "Lakeside Plumbing"],
    "role": ["office manager", "finance lead", "operations director", "bookkeeper",
             "co-founder", "payroll administrator", "managing director", "accounts assistant"],
    "freelance": ["photographer", "translator", "copywriter", "web developer",
                  "illustrator", "tutor", "consultant", "musician"],
    "country": ["Spain", "Portugal", "Poland", "Germany", "Ireland", "France", "Italy",
                "the Netherlands", "Canada", "the US"],
    "years": ["two", "three", "four", "five", "six", "seven", "eight"],
    "year": ["2016", "2017", "2018", "2019", "2020", "2021", "2022"],
    "month": ["January", "February", "March", "April", "May", "June", "July",
              "August", "September", "October", "November", "December"],
    "weekday": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"],
    "name": ["Sarah", "Marco", "Aoife", "Tomasz", "Ines", "Ravi", "Helen", "Kofi", "Greta"],
    "tool": ["Xero", "QuickBooks", "Sage", "FreeAgent", "a spreadsheet", "our own ERP"],
    "workers": ["drivers", "cleaners", "engineers", "freelancers", "site staff", "chefs",
                "technicians", "couriers"],
    "small": ["two", "three", "four", "five", "six"],
    "amount": ["£500", "£1,000", "£2,500", "€800", "€3,000", "£250"],
    "device": ["iPhone", "Android phone", "iPad", "Samsung tablet"],
    "purpose": ["VAT", "fuel", "equipment", "travel", "savings", "client deposits"],
    "period": ["week", "fortnight", "month"],
    "bank": ["Barclays", "HSBC", "Lloyds", "a high-street bank", "Santander", "NatWest"],
    "event": ["opened a second site in {city}", "took on {small} new {workers}",
              "switched our payroll provider", "moved our suppliers onto monthly invoicing",
              "bought {small} new vans", "won a large contract with a council",
              "changed accountants", "moved into a bigger office"],
    "tried": ["restarted the app", "logged out and back in again", "updated the app",
              "reinstalled the app", "cleared the app's cache", "tried on the website instead",
              "read through your help centre", "waited a couple of days",
              "asked {name} to try it from their phone", "switched from wifi to mobile data"],
}
# fmt: on

#: Background sentences by kind, in the order a long ticket tends to tell them. None names
#: an intent; ``aside`` names other banking topics in passing, going well.
BACKGROUND: dict[str, list[str]] = {
    "intro": [
        "We are a {size}-person {industry} business based in {city}.",
        "I'm the {role} at {company}, a {industry} company in {city}.",
        "{company} is a family-run {industry} firm with about {size} staff.",
        "I work as a freelance {freelance} and most of my clients are in {country}.",
        "My partner and I run a small {industry} business out of {city}.",
        "I look after the finances for {company}, where we have {size} people on payroll.",
        "A bit of background first: I moved to {city} from {country} {years} years ago.",
        "I'm writing on behalf of {company}, where I handle most of the admin.",
        "Some context: we are a {industry} company and most of our work is in {city}.",
        "My name is {name} and I do the books for a {industry} business in {city}.",
    ],
    "since": [
        "We have been customers since {year}, and on the whole we have been happy.",
        "I opened my account with you {years} years ago after leaving {bank}.",
        "We switched to you from {bank} in {year} because the fees were lower.",
        "I've banked with you for {years} years now and have recommended you to friends.",
        "We joined in {year}, when a friend of our director suggested it.",
        "Before coming to you we were with {bank} for a long time.",
    ],
    "setup": [
        "Our finance team is {small} people and we all log in from our own phones.",
        "We use your app together with {tool} for the bookkeeping.",
        "{name} reconciles everything on {weekday}s and sends the figures to our accountant.",
        "Most of our {workers} are paid every {period}, from the main account.",
        "We keep a separate account for {purpose}, which {name} looks after.",
        "Day to day, {name} handles supplier payments and I approve anything over {amount}.",
        "I mostly use the {device} app, and the website when I'm at my desk.",
        "Each of our {workers} has a spending limit of {amount} a month.",
        "We have three sub-accounts: one for wages, one for tax and one for {purpose}.",
        "Our {workers} are out on the road most days, so they rely on their phones.",
        "I travel to {country} a few times a year for work, usually for a week or two.",
        "We export the statements every month into {tool}.",
        "Our office is small, so {name} and I share most of the admin between us.",
        "The {workers} send their receipts to {name} at the end of every {period}.",
        "We invoice most of our clients on thirty-day terms, and a few pay upfront.",
        "Our accountant comes in once a quarter to go through the books with {name}.",
        "I do most of the banking in the evenings, once the {workers} have finished for the day.",
        "We also have a savings account with you that we barely touch.",
        "Two of our directors live in {country}, so they sign things off remotely.",
        "Most of our customers pay by card, and the rest by bank transfer.",
    ],
    "history": [
        "Last {month} we {event}.",
        "Back in {year} we {event}, which kept us busy for a while.",
        "Earlier this year {name} took over the accounts from a colleague who retired.",
        "In {month} we went through an audit, which took most of our time.",
        "We spent most of {month} moving our records from {tool} into a new system.",
        "A few months ago I changed jobs, and now I'm paid at the end of each month.",
        "Over the summer we grew from {size} people to nearly twice that.",
        "Our busy season runs from {month} to {month}, when most of our payments go out.",
        "Since {month} we have also been selling to customers in {country}.",
        "Last year we {event} and took on a part-time bookkeeper.",
        "At the time we also looked at other providers but decided to stay.",
        "In {year} we were named one of the fastest-growing {industry} firms in {city}.",
        "Two years ago we moved into a bigger office on the edge of {city}.",
        "Our founder retired in {year}, and her daughter took over the business.",
        "We had a quiet {month}, so we used the time to tidy up our accounts.",
        "Before the pandemic we were twice the size, and we are slowly growing back.",
        "We took on our first apprentice in {month}, who now helps {name} with the admin.",
        "Last {month} we {event}, and it has taken a while to settle in.",
    ],
    "aside": [
        "We ordered cards for the whole team last year and they all arrived within a week.",
        "Topping up by bank transfer has always worked fine for us.",
        "We pay suppliers in {country}, so exchange rates matter to us, and yours have been fair.",
        "I changed my PIN at a cash machine in {month} without any problem.",
        "We once had a refund from a supplier back on the card in two days, which was great.",
        "Setting up Apple Pay on the team's phones was easy.",
        "The identity check when we opened the account only took a few minutes.",
        "Our direct debits for rent and utilities have gone out on time every month.",
        "Taking cash out abroad on our trip to {country} was simple.",
        "We set up virtual cards for our online subscriptions in {month} and they have been handy.",
        "Transfers to our suppliers usually arrive the same day.",
        "Your fees were explained clearly when we signed up.",
        "I got a replacement card when my old one expired, no trouble at all.",
        "We verified the new directors last {month} without a hitch.",
        "We top up the {workers}' cards every {period} and that has been reliable.",
    ],
    "tried": [
        "I have already {tried} and {tried}, but it made no difference.",
        "So far I've {tried}, and {name} has tried it on their phone as well.",
        "Before writing I {tried} and checked the FAQ.",
        "My colleague {name} tried the same thing from the {device} app and got the same result.",
        "I also spoke to someone on the chat on {weekday}, who suggested I email you.",
        "We {tried} on {weekday}, which did not change anything.",
    ],
    "timeline": [
        "I first noticed this on {weekday} morning.",
        "This has been going on since {weekday}.",
        "It is now {small} days since it started.",
        "Our month-end close is soon, so timing matters for us.",
        "We need this sorted before payroll goes out at the end of the month.",
        "Nothing on our side changed around that time as far as I know.",
        "I'd like to get this resolved before {name} goes on leave next week.",
        "We have a big supplier payment due on {weekday}, so I'd appreciate a quick look.",
        "It happened again this morning.",
        "{name} first spotted it while doing the weekly reconciliation.",
    ],
    "closing": [
        "Our accountant, {name}, is copied in on this email.",
        "I'm around most afternoons if a call is easier.",
        "Happy to send screenshots if that helps.",
        "Sorry for the long email, I wanted to give you the full picture.",
        "You can also reach {name} in our office if I'm not available.",
    ],
}
LEAD_INS = [
    "Now to the reason I'm writing.",
    "Anyway, here is the problem.",
    "The reason for this email is below.",
    "So, to the point.",
    "Here is what happened.",
]
RESTATE = [
    "So, in short: {q}",
    "To sum up: {q}",
    "Again, my question is: {q}",
    "Just to repeat: {q}",
    "In a nutshell: {q}",
]
_SLOT = re.compile(r"\{(\w+)\}")


def fill(template: str, rng: random.Random) -> str:
    """The template with each slot drawn on its own (a slot's value may hold slots)."""
    while "{" in template:
        template = _SLOT.sub(lambda m: rng.choice(SLOTS[m.group(1)]), template)
    return template


def long_ticket(query: str, rng: random.Random) -> str:
    """``query`` stated among 150–600 words of background, at the start, middle or end."""
    target = rng.randint(150, 600)
    told: dict[str, list[str]] = {kind: [] for kind in BACKGROUND}
    words = len(query.split())
    pools = {kind: rng.sample(templates, len(templates)) for kind, templates in BACKGROUND.items()}
    weights = {"since": 1, "setup": 3, "history": 3, "aside": 2 if rng.random() < 0.6 else 0,
               "tried": 1, "timeline": 1, "closing": 1}  # fmt: skip
    most = {"since": 2, "tried": 3, "timeline": 2, "closing": 2}  # the rest: all they have
    told["intro"].append(fill(pools["intro"].pop(), rng))
    words += len(told["intro"][0].split())

    def room(kind: str) -> bool:
        return bool(weights[kind]) and len(told[kind]) < most.get(kind, len(BACKGROUND[kind]))

    while words < target and any(room(kind) for kind in weights):
        kind = rng.choices(list(weights), weights=list(weights.values()))[0]
        if room(kind):
            told[kind].append(fill(pools[kind].pop(), rng))
            words += len(told[kind][-1].split())
    before = [*told["intro"], *told["since"], *told["setup"], *told["history"], *told["aside"]]
    after = [*told["tried"], *told["timeline"]]
    problem = query.strip()
    if problem[-1:] not in ".?!":
        problem += "."
    statement = [problem] if rng.random() < 0.6 else [rng.choice(LEAD_INS), problem]
    place = rng.choice(("start", "middle", "end"))
    if place == "start":
        sentences = [*statement, *before, *after]
    elif place == "middle":
        sentences = [*before, *statement, *after]
    else:
        sentences = [*before, *after, *statement]
    if place != "end" and rng.random() < 0.3:
        sentences.append(rng.choice(RESTATE).format(q=problem))
    sentences += told["closing"]
    return paragraphs(sentences, set(statement), rng)


def paragraphs(sentences: list[str], own_line: set[str], rng: random.Random) -> str:
    """The sentences as paragraphs of two to five, the problem alone on its line half the
    time."""
    out: list[list[str]] = [[]]
    alone = rng.random() < 0.5
    for sentence in sentences:
        if alone and sentence in own_line:
            out += [[sentence], []]
            continue
        if len(out[-1]) >= rng.randint(2, 5):
            out.append([])
        out[-1].append(sentence)
    return "\n\n".join(" ".join(p) for p in out if p)


def sample(queries: list[str], truth: list[str], limit: int | None, seed: int
           ) -> tuple[list[str], list[str]]:  # fmt: skip
    """``limit`` queries drawn alike from every intent (seeded); all of them without one."""
    if limit is None or limit >= len(queries):
        return queries, truth
    rng = random.Random(seed)
    by_intent: dict[str, list[int]] = {}
    for at, intent in enumerate(truth):
        by_intent.setdefault(intent, []).append(at)
    share = limit / len(queries)
    chosen = sorted(at for rows in by_intent.values()
                    for at in rng.sample(rows, max(1, round(share * len(rows)))))  # fmt: skip
    return [queries[at] for at in chosen], [truth[at] for at in chosen]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--embedder", action="append", choices=("static", "minilm"))
    parser.add_argument("--limit", type=int, help="score a seeded sample of this many queries")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    queries, truth = sample(*load(args.data), args.limit, args.seed)
    rng = random.Random(args.seed)
    people = senders(rng)
    tickets = [as_email(long_ticket(q, rng), rng.choice(people), rng) for q in queries]
    lengths = sorted(len(as_said("ticket", t).split()) for t in tickets)
    print(f"\nBanking77 as long tickets: {len(tickets):,} tickets, 77 intents (not given), "
          f"{lengths[0]}–{lengths[-1]} words (median {lengths[len(lengths) // 2]})")  # fmt: skip
    print(f"example:\n\n    {tickets[0].replace(chr(10), chr(10) + '    ')}\n")
    readings: list[tuple[str, str, Callable[[str], str]]] = [
        ("plain queries", "theme_text", lambda t: theme_text("ticket", None, t)),
        ("long tickets", "as before (whole message)", lambda t: unshouted(as_said("ticket", t))),
        ("long tickets", "theme_text (the problem)", lambda t: theme_text("ticket", None, t)),
    ]
    print("| texts | read as | embedder | themes | NMI | ARI | seconds (embed + cluster) |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for name in args.embedder or ["static"]:
        for corpus, read, reader in readings:
            texts = queries if corpus == "plain queries" else tickets
            themes, nmi, ari, seconds = scores(name, [reader(t) for t in texts], truth)
            print(f"| {corpus} | {read} | {name} | {themes} | {nmi:.3f} | {ari:.3f} | "
                  f"{seconds:.1f} |", flush=True)  # fmt: skip


if __name__ == "__main__":
    main()
