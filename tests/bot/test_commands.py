"""The platform-neutral command layer, driven through the in-memory adapter."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from bot import commands
from bot.adapters.memory import MemoryBot
from bot.models import ChecklistItem, Consultation, Escalation
from bot.render import as_text
from bot.rota import add_override
from heard.settings import Settings
from tests.bot.helpers_chat import (
    ESCALATION_ANSWERS,
    MANAGER,
    REQUEST_ANSWERS,
    SARA,
    ChatCast,
    chat_cast,
    chats_to,
    count,
    request,
    the_consultation,
)
from tests.factories import AMIRA, DANIEL, LIFFORD_HOUSE, NOW


@pytest.fixture
def cast(session: Session) -> ChatCast:
    return chat_cast(session)


@pytest.fixture
def bot(sessions: sessionmaker[Session], settings: Settings, cast: ChatCast) -> MemoryBot:
    return MemoryBot(sessions, settings, now=lambda: NOW)


def test_duty_shows_the_duty_po_at_each_site_with_a_button_to_ask_them(bot: MemoryBot) -> None:
    reply = bot.command(SARA, "/duty")

    text = as_text(reply)
    assert "Duty POs on Monday 23 November" in text
    assert [s.title for s in reply.sections] == ["Lifford House", "One Avenue Road"]
    assert "Duty PO: Daniel Okafor." in text
    assert "Duty PO: Amira Hussain." in text
    assert reply.sections[0].actions[0].action_id == "consultation.request"


def test_duty_shows_who_covers_when_the_duty_po_is_off_sick(
    bot: MemoryBot, session: Session, cast: ChatCast
) -> None:
    add_override(
        session,
        site_name=LIFFORD_HOUSE,
        starts_on=date(2026, 11, 23),
        ends_on=date(2026, 11, 27),
        absent_email=DANIEL,
        covering_email=AMIRA,
        reason="sickness",
        by="rota@example.org",
        now=NOW,
    )
    session.commit()

    text = as_text(bot.command(SARA, "/duty"))

    assert "Duty PO: Amira Hussain, covering for Daniel Okafor (sickness)." in text


def test_duty_outside_working_hours_gives_the_out_of_hours_contact(
    sessions: sessionmaker[Session], settings: Settings, cast: ChatCast
) -> None:
    late = MemoryBot(sessions, settings, now=lambda: NOW.replace(hour=20))

    text = as_text(late.command(SARA, "/duty"))

    assert f"Outside working hours: contact {settings.out_of_hours_contact}." in text


def test_consult_opens_the_request_form_with_the_case_reference_filled_in(bot: MemoryBot) -> None:
    reply = bot.command(SARA, "/consult", "CP-1001")

    assert reply.form is not None and reply.form.name == "consultation.request"
    assert [i.name for i in reply.form.inputs] == [
        "case_reference",
        "category",
        "prevalent_issues",
        "urgency",
        "availability",
    ]
    assert reply.form.inputs[0].initial == "CP-1001"


def test_a_request_is_offered_to_the_duty_po_at_the_social_workers_site(
    bot: MemoryBot, session: Session
) -> None:
    reply = request(bot)

    consultation = the_consultation(session)
    assert "Waiting for Daniel Okafor to accept." in reply.text
    [offer] = chats_to(session, DANIEL)
    assert [a["action_id"] for a in offer.payload["actions"]] == [
        "consultation.accept",
        "consultation.pass",
    ]
    assert consultation.offered_to.email == DANIEL


def test_the_request_button_on_duty_asks_that_sites_duty_po(
    bot: MemoryBot, session: Session, cast: ChatCast
) -> None:
    one_avenue = next(s for s in bot.command(SARA, "/duty").sections if "Avenue" in s.title)
    form = bot.press(SARA, "consultation.request", one_avenue.actions[0].value).form
    assert form is not None

    bot.submit(SARA, form.name, {**REQUEST_ANSWERS, **form.hidden})

    assert the_consultation(session).offered_to.email == AMIRA


def test_a_request_without_a_case_reference_is_refused_and_changes_nothing(
    bot: MemoryBot, session: Session
) -> None:
    reply = bot.submit(SARA, "consultation.request", {**REQUEST_ANSWERS, "case_reference": " "})

    assert reply.error and reply.ephemeral
    assert "Enter case reference." in reply.text
    assert count(session, Consultation) == 0


def test_a_request_with_an_unknown_category_is_refused(bot: MemoryBot, session: Session) -> None:
    reply = bot.submit(SARA, "consultation.request", {**REQUEST_ANSWERS, "category": "bad"})

    assert reply.error and "Choose category of concern from the list" in reply.text
    assert count(session, Consultation) == 0


def test_the_same_submission_sent_twice_makes_one_consultation(
    bot: MemoryBot, session: Session
) -> None:
    bot.submit(SARA, "consultation.request", REQUEST_ANSWERS, key="slack:view:V1")
    bot.submit(SARA, "consultation.request", REQUEST_ANSWERS, key="slack:view:V1")

    assert count(session, Consultation) == 1
    assert len(chats_to(session, DANIEL)) == 1


def test_the_duty_po_accepts_and_the_social_worker_is_told_her_name(
    bot: MemoryBot, session: Session
) -> None:
    request(bot)
    consultation = the_consultation(session)

    reply = bot.press(DANIEL, "consultation.accept", str(consultation.id))

    assert "You accepted consultation" in reply.text and not reply.ephemeral
    assert [a.action_id for a in reply.sections[0].actions] == ["consultation.outcome"]
    assert "Daniel Okafor has accepted" in chats_to(session, SARA)[-1].body


def test_a_social_worker_pressing_accept_is_refused_and_nothing_changes(
    bot: MemoryBot, session: Session
) -> None:
    request(bot)
    consultation = the_consultation(session)

    reply = bot.press(SARA, "consultation.accept", str(consultation.id))

    assert reply.error and "Only a Principal Officer" in reply.text
    assert the_consultation(session).status == "waiting"


def test_a_stale_accept_button_says_who_accepted_it(bot: MemoryBot, session: Session) -> None:
    request(bot)
    consultation_id = str(the_consultation(session).id)
    bot.press(DANIEL, "consultation.accept", consultation_id)

    reply = bot.press(AMIRA, "consultation.accept", consultation_id)

    assert reply.error and reply.text == "Already accepted by Daniel Okafor."
    assert the_consultation(session).accepted_by.email == DANIEL


def test_passing_on_offers_it_to_the_other_sites_duty_po(bot: MemoryBot, session: Session) -> None:
    request(bot)

    reply = bot.press(DANIEL, "consultation.pass", str(the_consultation(session).id))

    assert "Waiting for Amira Hussain to accept." in reply.text
    assert len(chats_to(session, AMIRA)) == 1


def test_the_po_records_the_outcome_from_the_form_the_button_opens(
    bot: MemoryBot, session: Session
) -> None:
    request(bot)
    consultation_id = str(the_consultation(session).id)
    bot.press(DANIEL, "consultation.accept", consultation_id)
    form = bot.press(DANIEL, "consultation.outcome", consultation_id).form
    assert form is not None and dict(form.hidden) == {"consultation_id": consultation_id}

    reply = bot.submit(DANIEL, form.name, {**form.hidden, "outcome": "icpc", "note": ""})

    assert "Outcome recorded" in reply.text
    assert "Outcome: ICPC." in as_text(reply)
    assert the_consultation(session).outcome == "icpc"


def test_a_social_worker_cannot_open_the_outcome_form(bot: MemoryBot, session: Session) -> None:
    request(bot)

    reply = bot.press(SARA, "consultation.outcome", str(the_consultation(session).id))

    assert reply.error and reply.form is None


def test_consult_list_shows_my_open_consultations(bot: MemoryBot) -> None:
    request(bot)

    text = as_text(bot.command(DANIEL, "/consult", "list"))

    assert "case CP-1001" in text and "!accept" in text


def test_checklist_lists_the_open_items_of_the_icpcs_i_chair(bot: MemoryBot) -> None:
    reply = bot.command(AMIRA, "/checklist")

    [section] = reply.sections
    assert section.title.startswith("ICPC CP-2001: Thursday 26 November at 10:00")
    assert "[ ] Parents contacted before the conference" in section.lines
    assert "!tick " in as_text(reply)


def test_ticking_an_item_answers_with_the_checklist_as_it_now_stands(
    bot: MemoryBot, session: Session, cast: ChatCast
) -> None:
    reply = bot.press(AMIRA, "checklist.tick", f"{cast.icpc.id}:parents_contacted")

    assert reply.text == "Ticked: Parents contacted before the conference."
    assert "[x] Parents contacted before the conference" in reply.sections[0].lines
    assert count_done(session) == 1


def count_done(session: Session) -> int:
    session.expire_all()
    query = select(func.count()).where(ChecklistItem.done_at.is_not(None))
    return session.scalar(query.select_from(ChecklistItem)) or 0


def test_ticking_the_interpreter_asks_which_language(
    bot: MemoryBot, session: Session, cast: ChatCast
) -> None:
    form = bot.press(AMIRA, "checklist.tick", f"{cast.icpc.id}:interpreter_booked").form
    assert form is not None and count_done(session) == 0

    reply = bot.submit(AMIRA, form.name, {**form.hidden, "detail": "Urdu"})

    assert "[x] Interpreter needed and booked (Urdu)" in reply.sections[0].lines


def test_a_social_worker_cannot_tick_the_checklist(
    bot: MemoryBot, session: Session, cast: ChatCast
) -> None:
    reply = bot.press(SARA, "checklist.tick", f"{cast.icpc.id}:parents_contacted")

    assert reply.error and count_done(session) == 0


def test_a_garbled_button_is_refused_clearly(bot: MemoryBot) -> None:
    assert "out of date" in bot.press(AMIRA, "consultation.accept", "twelve").text
    assert "out of date" in bot.press(AMIRA, "checklist.tick", "1").text
    assert "out of date" in bot.press(AMIRA, "nothing.here", "1").text


def test_a_po_logs_an_escalation_lists_it_and_resolves_it(bot: MemoryBot, session: Session) -> None:
    form = bot.command(AMIRA, "/escalate", "CP-3003").form
    assert form is not None and form.inputs[0].initial == "CP-3003"

    logged = bot.submit(AMIRA, form.name, ESCALATION_ANSWERS)
    listed = bot.command(AMIRA, "/escalations")
    escalation_id = listed.sections[0].actions[1].value
    resolve = bot.press(AMIRA, "escalation.resolve", escalation_id).form
    assert resolve is not None
    resolved = bot.submit(AMIRA, resolve.name, {**resolve.hidden, "outcome": "Core group held"})

    assert logged.text.startswith("Escalation ") and "Drift and delay" in as_text(logged)
    assert "Stage 1 (team manager)" in as_text(listed)
    assert "resolved" in resolved.text
    assert bot.command(AMIRA, "/escalations").text == "Your open escalations: none."


def test_an_update_moves_the_escalation_up_a_stage(bot: MemoryBot, session: Session) -> None:
    bot.submit(AMIRA, "escalation.log", ESCALATION_ANSWERS)
    escalation_id = str(session.scalars(select(Escalation.id)).one())

    reply = bot.submit(
        AMIRA,
        "escalation.update",
        {"escalation_id": escalation_id, "note": "No reply", "stage": "stage_2"},
    )

    assert "Stage 2 (head of service)" in as_text(reply)


def test_a_social_worker_cannot_open_the_escalation_form(bot: MemoryBot) -> None:
    reply = bot.command(SARA, "/escalate")

    assert reply.error and reply.form is None


def test_escalations_all_and_prolonged_are_for_pos(bot: MemoryBot) -> None:
    assert bot.command(SARA, "/escalations", "all").error
    assert bot.command(AMIRA, "/escalations", "prolonged").text == "Prolonged escalations: none."


def test_help_is_the_commands_docstrings(bot: MemoryBot) -> None:
    text = as_text(bot.command(SARA, "/heard", "help"))

    for command in commands.COMMANDS:
        assert command in text
    assert "who is the duty PO today at each site" in text


def test_an_unknown_command_points_to_help(bot: MemoryBot) -> None:
    reply = bot.command(SARA, "/dance")

    assert reply.error and "Type /heard help." in reply.text


def test_a_stranger_is_told_how_to_be_added(bot: MemoryBot) -> None:
    reply = bot.command("who@example.org", "/duty")

    assert reply.error and reply.text.startswith("You're not set up in Heard yet.")


def test_home_shows_todays_duty_and_my_open_items(bot: MemoryBot) -> None:
    request(bot)

    text = as_text(bot.home(DANIEL))

    assert "Duty PO: Daniel Okafor." in text
    assert "Consultation " in text and "case CP-1001" in text
    assert "Your open escalations: none." in text


def test_the_home_of_a_manager_with_nothing_open_still_shows_duty(bot: MemoryBot) -> None:
    text = as_text(bot.home(MANAGER))

    assert "Duty PO: Amira Hussain." in text
    assert "You have no open consultations." in text
