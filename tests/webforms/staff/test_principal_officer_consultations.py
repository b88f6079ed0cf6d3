"""Consultations: what is waiting (and offered to me), accepting one, recording its outcome;
managers read, POs act; a consultation someone else took changes nothing."""

from __future__ import annotations

from bot.consultations import accept_consultation
from bot.models import Consultation
from staff.roles import Role
from tests.bot.helpers_consultations import ask, chat_to, consultation_cast
from tests.factories import AMIRA, DANIEL, LIFFORD_HOUSE, NOW
from tests.webforms.staff.test_principal_officer import frozen, post  # noqa: F401

PAGE = "/staff/consultations"


def requested(session):
    cast = consultation_cast(session)
    consultation = ask(session, cast)
    session.commit()
    return cast, consultation


def fresh(session, consultation) -> Consultation:
    session.expire_all()
    return session.get(Consultation, consultation.id)


def test_a_waiting_consultation_shows_who_it_is_offered_to(client, session, sign_in_as):
    _, consultation = requested(session)
    sign_in_as(Role.PRINCIPAL_OFFICER, email=DANIEL, site=LIFFORD_HOUSE)
    page = client.get(PAGE)
    assert page.status_code == 200
    assert "CP-1001" in page.text and "Offered to you" in page.text
    assert "Domestic abuse, Parental mental health" in page.text
    assert f"/staff/consultations/{consultation.id}/accept" in page.text


def test_a_po_accepts_a_consultation_and_records_its_outcome(client, session, sign_in_as):
    cast, consultation = requested(session)
    sign_in_as(Role.PRINCIPAL_OFFICER, email=AMIRA)
    accepted = post(client, PAGE, f"/staff/consultations/{consultation.id}/accept")
    outcome_url = f"/staff/consultations/{consultation.id}/outcome"
    assert accepted.status_code == 302 and accepted.location == outcome_url
    assert fresh(session, consultation).accepted_by_id == cast.amira.id
    assert any("has accepted" in m.body for m in chat_to(session, cast.social_worker))
    form = client.get(outcome_url)
    assert form.status_code == 200 and "What did the consultation decide?" in form.text
    missing = post(client, outcome_url, outcome_url, {"note": "Talked it through"})
    assert missing.status_code == 400 and "Choose the outcome" in missing.text
    assert fresh(session, consultation).outcome is None
    done = post(client, outcome_url, outcome_url, {"outcome": "strategy_meeting", "note": "Soon"})
    assert done.status_code == 302
    recorded = fresh(session, consultation)
    assert (recorded.status, recorded.outcome, recorded.completed_at) == (
        "completed",
        "strategy_meeting",
        NOW,
    )
    board = client.get(PAGE).text
    assert "Outcomes in the last four weeks" in board and "Strategy meeting to be held" in board


def test_accepting_a_consultation_someone_took_says_who_and_changes_nothing(
    client, session, sign_in_as
):
    cast, consultation = requested(session)
    sign_in_as(Role.PRINCIPAL_OFFICER, email=AMIRA)
    page = client.get(PAGE).text  # the board as Amira saw it, before Daniel accepted
    assert f"/staff/consultations/{consultation.id}/accept" in page
    accept_consultation(session, consultation_id=consultation.id, officer=cast.daniel, now=NOW)
    session.commit()
    stale = post(client, PAGE, f"/staff/consultations/{consultation.id}/accept")
    assert stale.status_code == 409 and "Already accepted by Daniel Okafor" in stale.text
    assert fresh(session, consultation).accepted_by_id == cast.daniel.id


def test_only_the_po_who_accepted_records_the_outcome_and_only_once(client, session, sign_in_as):
    cast, consultation = requested(session)
    accept_consultation(session, consultation_id=consultation.id, officer=cast.daniel, now=NOW)
    session.commit()
    sign_in_as(Role.PRINCIPAL_OFFICER, email=AMIRA)
    url = f"/staff/consultations/{consultation.id}/outcome"
    refused = post(client, url, url, {"outcome": "icpc"})
    assert refused.status_code == 403 and "Only Daniel Okafor" in refused.text
    assert fresh(session, consultation).outcome is None
    with client.session_transaction() as held:
        held.clear()  # Amira signs out; Daniel signs in on the same browser
    sign_in_as(Role.PRINCIPAL_OFFICER, email=DANIEL, site=LIFFORD_HOUSE)
    assert post(client, url, url, {"outcome": "icpc"}).status_code == 302
    again = post(client, url, url, {"outcome": "mapping"})
    assert again.status_code == 409 and "The outcome is already recorded: ICPC" in again.text
    assert fresh(session, consultation).outcome == "icpc"


def test_a_manager_reads_the_consultations_but_cannot_act(client, session, sign_in_as):
    _, consultation = requested(session)
    sign_in_as(Role.MANAGER)
    page = client.get(PAGE)
    assert page.status_code == 200 and "CP-1001" in page.text
    assert f"/staff/consultations/{consultation.id}/accept" not in page.text
    assert post(client, PAGE, f"/staff/consultations/{consultation.id}/accept").status_code == 403
    assert fresh(session, consultation).status == "waiting"


def test_a_consultation_that_does_not_exist_is_not_found(client, session, sign_in_as):
    requested(session)
    sign_in_as(Role.PRINCIPAL_OFFICER, email=AMIRA)
    assert post(client, PAGE, "/staff/consultations/999999/accept").status_code == 404
    assert client.get("/staff/consultations/999999/outcome").status_code == 404
