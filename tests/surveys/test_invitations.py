from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from heard.errors import HeardError, NotFound
from surveys import invitations
from surveys.invitations import InvitationExpired, InvitationUsed, find_by_token
from surveys.models import Invitation
from surveys.responses import start_or_resume
from tests.factories import NOW, make_conference, make_invitation


def test_a_token_has_at_least_128_random_bits_and_is_stored_only_as_a_hash(session):
    issued = make_invitation(session)
    assert len(issued.token) * 5 >= 128
    stored = session.scalar(select(Invitation))
    assert stored.token_hash != issued.token and issued.token not in stored.token_hash
    assert stored.token_hash == invitations.hash_token(issued.token)


def test_tokens_differ_every_time():
    assert len({invitations.new_token() for _ in range(1000)}) == 1000


def test_the_typed_code_is_forgiving_of_case_spaces_and_lookalikes(session):
    issued = make_invitation(session)
    typed = issued.typed_code.lower().replace("-", " ").replace("0", "o").replace("1", "l")
    assert find_by_token(session, token=typed, now=NOW).id == issued.invitation.id


def test_a_forged_or_unknown_token_is_not_found(session):
    make_invitation(session)
    for forged in ("", "abc", "0" * 26, "../../etc/passwd"):
        with pytest.raises(NotFound):
            find_by_token(session, token=forged, now=NOW)


def test_a_link_expires_a_configured_time_after_the_conference(session):
    issued = make_invitation(session, expiry_days=7)
    conference_start = issued.invitation.conference.starts_at
    assert find_by_token(session, token=issued.token, now=conference_start + timedelta(days=6))
    with pytest.raises(InvitationExpired):
        find_by_token(session, token=issued.token, now=conference_start + timedelta(days=7))


def test_a_used_link_says_so(session):
    issued = make_invitation(session)
    response = start_or_resume(session, invitation=issued.invitation, now=NOW)
    response.submitted_at = NOW
    session.flush()
    with pytest.raises(InvitationUsed):
        find_by_token(session, token=issued.token, now=NOW)


def test_reissuing_stops_the_old_token_and_keeps_the_answers(session):
    first = make_invitation(session)
    response = start_or_resume(session, invitation=first.invitation, now=NOW)
    again = invitations.issue_token(
        session, invitation=first.invitation, base_url="https://heard.test", now=NOW
    )
    with pytest.raises(NotFound):
        find_by_token(session, token=first.token, now=NOW)
    resumed = start_or_resume(
        session, invitation=find_by_token(session, token=again.token, now=NOW), now=NOW
    )
    assert resumed.id == response.id


def test_issue_invitation_finds_the_case_and_prints_a_url(session):
    make_conference(session, case_reference="CP-77")
    issued = invitations.issue_invitation(
        session,
        case_reference="CP-77",
        respondent_type="professional",
        agency="police",
        language="pl",
        base_url="https://heard.test/",
        expiry_days=28,
        now=NOW,
    )
    assert issued.url == f"https://heard.test/f/{issued.token}"
    assert issued.invitation.agency == "police" and issued.invitation.language == "pl"


@pytest.mark.parametrize(
    ("role", "agency", "language", "message"),
    [
        ("grandparent", None, "en", "Role"),
        ("professional", None, "en", "agency"),
        ("parent", "school", "en", "agency"),
        ("parent", None, "xx", "Language"),
    ],
)
def test_issue_invitation_refuses_bad_input(session, role, agency, language, message):
    make_conference(session, case_reference="CP-77")
    with pytest.raises(HeardError, match=message):
        invitations.issue_invitation(
            session,
            case_reference="CP-77",
            respondent_type=role,
            agency=agency,
            language=language,
            base_url="https://heard.test",
            expiry_days=28,
            now=NOW,
        )
    assert session.scalar(select(Invitation)) is None


def test_issue_invitation_refuses_an_unknown_case(session):
    with pytest.raises(NotFound, match="CP-404"):
        invitations.issue_invitation(
            session,
            case_reference="CP-404",
            respondent_type="parent",
            agency=None,
            language="en",
            base_url="https://heard.test",
            expiry_days=28,
            now=NOW,
        )
