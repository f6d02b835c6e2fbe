"""Finding the account and person an export row refers to, the same way on both engines."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from sqlalchemy import Engine

from tradeoff.domain.accounts import Account, Person
from tradeoff.domain.enums import PersonRole
from tradeoff.storage import repository
from tradeoff.storage.directory import find_account, find_person
from tradeoff.storage.session import read_session, write_session


@dataclass(frozen=True)
class Directory:
    brightwater: Account
    brightwater_duplicate: Account
    hafen: Account
    zoe: Person
    zoe_at_hafen: Person
    priya: Person
    unattached: Person


@pytest.fixture
def directory(engine: Engine) -> Directory:
    with write_session(engine) as session:
        brightwater = repository.add(
            session, Account(name="Brightwater Logistics", domain="brightwater.co.uk")
        )
        hafen = repository.add(session, Account(name="Hafen Logistik GmbH", domain="hafen.de"))
        # A later CRM row with the same name but no domain: lookups prefer the first.
        duplicate = repository.add(session, Account(name="BRIGHTWATER LOGISTICS"))
        return Directory(
            brightwater=brightwater,
            brightwater_duplicate=duplicate,
            hafen=hafen,
            zoe=repository.add(
                session,
                Person(
                    name="Zoë O'Brien",
                    email="zoe.obrien@brightwater.co.uk",
                    account_id=brightwater.id,
                    role=PersonRole.END_USER,
                ),
            ),
            zoe_at_hafen=repository.add(session, Person(name="Zoë O'Brien", account_id=hafen.id)),
            priya=repository.add(
                session, Person(name="Priya Raman", email="priya.raman@tradewinds.io")
            ),
            unattached=repository.add(session, Person(name="Marcus Oyelaran")),
        )


def test_an_account_is_found_by_domain_first(engine: Engine, directory: Directory) -> None:
    with read_session(engine) as session:
        # The domain wins even when the name points elsewhere.
        found = find_account(session, name="Hafen Logistik GmbH", domain="Brightwater.CO.UK")
    assert found == directory.brightwater


def test_an_unknown_domain_falls_back_to_the_name(engine: Engine, directory: Directory) -> None:
    with read_session(engine) as session:
        found = find_account(session, name="  hafen logistik gmbh ", domain="hafen-logistik.com")
    assert found == directory.hafen


def test_the_name_is_case_insensitive_and_the_oldest_match_wins(
    engine: Engine, directory: Directory
) -> None:
    with read_session(engine) as session:
        assert find_account(session, name="brightwater LOGISTICS") == directory.brightwater


@pytest.mark.parametrize(
    ("name", "domain"),
    [("Brightwater", None), (None, "co.uk"), ("", ""), (None, None), ("Freightly", "freightly.io")],
)
def test_no_account_is_found_without_an_exact_match(
    engine: Engine, directory: Directory, name: str | None, domain: str | None
) -> None:
    with read_session(engine) as session:
        assert find_account(session, name=name, domain=domain) is None


def test_hostile_names_are_matched_as_text_not_as_patterns(
    engine: Engine, directory: Directory
) -> None:
    with read_session(engine) as session:
        assert find_account(session, name="%") is None
        assert find_account(session, name="' OR '1'='1") is None
        assert find_account(session, name="Brightwater_Logistics") is None


def test_a_person_is_found_by_email_case_insensitively(
    engine: Engine, directory: Directory
) -> None:
    with read_session(engine) as session:
        assert find_person(session, email="ZOE.OBRIEN@Brightwater.co.uk") == directory.zoe


def test_an_unknown_email_finds_nobody_even_if_the_name_matches(
    engine: Engine, directory: Directory
) -> None:
    with read_session(engine) as session:
        assert find_person(session, email="zoe@gmail.com", name="Zoë O'Brien") is None


def test_a_name_is_looked_up_within_one_account(engine: Engine, directory: Directory) -> None:
    with read_session(engine) as session:
        at_hafen = find_person(session, name=" zoË o'brien ", account_id=directory.hafen.id)
        at_brightwater = find_person(
            session, name="Zoë O'Brien", account_id=directory.brightwater.id
        )
        nowhere = find_person(session, name="Zoë O'Brien")
    assert at_hafen == directory.zoe_at_hafen
    assert at_brightwater == directory.zoe
    assert nowhere is None


def test_a_name_without_account_finds_only_people_without_account(
    engine: Engine, directory: Directory
) -> None:
    with read_session(engine) as session:
        assert find_person(session, name="marcus oyelaran") == directory.unattached
        assert find_person(session, name="Marcus Oyelaran", account_id=directory.hafen.id) is None


def test_nobody_is_found_without_email_or_name(engine: Engine, directory: Directory) -> None:
    with read_session(engine) as session:
        assert find_person(session) is None
        assert find_person(session, email="", name="") is None


@pytest.mark.parametrize("spelling", ["ØRSTED LOGISTICS A/S", "Ørsted Logistics A/S"])
def test_a_name_with_an_upper_case_accented_letter_is_found(
    engine: Engine, spelling: str, request: pytest.FixtureRequest
) -> None:
    with write_session(engine) as session:
        orsted = repository.add(session, Account(name="Ørsted Logistics A/S"))
    with read_session(engine) as session:
        assert find_account(session, name=spelling) == orsted
