"""Business support lists the week's conferences and opens one to see its invitations."""

from __future__ import annotations

from datetime import date

import pytest
import time_machine

from staff.roles import Role
from surveys import responses
from tests.factories import DANIEL, LIFFORD_HOUSE, NOW, make_conference, make_invitation

TUESDAY = date(2026, 11, 24)


@pytest.fixture(autouse=True)
def at_now():
    with time_machine.travel(NOW, tick=True):
        yield


@pytest.fixture
def tuesday(session):
    """Two conferences on Tuesday, one at each site; one parent has answered."""
    first = make_conference(session, case_reference="CP-4001", on=TUESDAY, at_hour=10)
    parent = make_invitation(session, conference=first)
    child = make_invitation(session, conference=first, respondent_type="child", language="ar")
    school = make_invitation(
        session, conference=first, respondent_type="professional", agency="school"
    )
    answered = responses.start_or_resume(session, invitation=parent.invitation, now=NOW)
    answered.submitted_at = NOW
    second = make_conference(
        session,
        case_reference="CP-4002",
        conference_type="RCPC",
        on=TUESDAY,
        at_hour=14,
        site=LIFFORD_HOUSE,
        chair=DANIEL,
    )
    make_invitation(session, conference=second)
    later = make_conference(session, case_reference="CP-4003", on=date(2026, 12, 8))
    session.commit()
    return {
        "first": first.id,
        "second": second.id,
        "later": later.id,
        "tokens": [parent.token, child.token, school.token],
        "lifford": second.site_id,
    }


def test_the_coming_week_lists_each_conference_with_its_counts(client, sign_in_as, tuesday):
    sign_in_as(Role.BUSINESS_SUPPORT)

    page = client.get("/staff/conferences")

    assert page.status_code == 200
    text = page.text
    assert "Tuesday 24 November 2026: 2 conferences" in text
    assert "CP-4001" in text and "CP-4002" in text
    assert "CP-4003" not in text  # two weeks away
    row = text[text.index("CP-4001") : text.index("CP-4002")]
    assert "Amira Hussain" in row and "One Avenue Road" in row
    cells = [c for c in row.split('govuk-table__cell--numeric">')[1:]]
    assert [c.split("<")[0] for c in cells] == ["3", "1"]  # invitations, responses
    assert f"/staff/conferences/{tuesday['first']}" in text
    assert "/staff/print?date=2026-11-24" in text


def test_a_chosen_week_and_site_narrow_the_list(client, sign_in_as, tuesday):
    sign_in_as(Role.BUSINESS_SUPPORT)

    lifford = client.get(f"/staff/conferences?date=2026-11-24&site={tuesday['lifford']}").text
    later = client.get("/staff/conferences?date=2026-12-07").text

    assert "CP-4002" in lifford and "CP-4001" not in lifford
    assert "CP-4003" in later and "CP-4001" not in later


@pytest.mark.parametrize(
    ("query", "field"),
    [("date=2026-02-30", "date"), ("date=next+week", "date"), ("site=abc", "site")],
)
def test_a_bad_filter_is_explained_in_the_error_summary(client, sign_in_as, tuesday, query, field):
    sign_in_as(Role.BUSINESS_SUPPORT)

    page = client.get(f"/staff/conferences?{query}")

    assert page.status_code == 400
    assert "<title>Error: Conferences" in page.text
    assert f'href="#{field}"' in page.text
    assert "CP-4001" not in page.text


def test_a_conference_shows_its_invitations_but_never_a_token(client, sign_in_as, tuesday):
    sign_in_as(Role.BUSINESS_SUPPORT)

    page = client.get(f"/staff/conferences/{tuesday['first']}")

    assert page.status_code == 200
    text = page.text
    assert '<h1 class="govuk-heading-l">Conference CP-4001</h1>' in text
    for label in ("Parent or carer", "Child or young person", "Professional", "school", "Arabic"):
        assert label in text
    assert text.count("govuk-tag--green") == 1  # the answered tag
    assert text.count(">Re-issue<") == 2  # the answered parent has nothing to re-issue
    for token in tuesday["tokens"]:
        assert token not in text and token[:8] not in text


def test_a_conference_that_does_not_exist_is_not_found(client, sign_in_as, tuesday):
    sign_in_as(Role.BUSINESS_SUPPORT)

    assert client.get("/staff/conferences/99999").status_code == 404
    assert client.get("/staff/conferences/99999/print").status_code == 404


def test_principal_officers_and_managers_cannot_see_the_conference_desk(
    client, sign_in_as, tuesday
):
    sign_in_as(Role.PRINCIPAL_OFFICER, Role.MANAGER)

    assert client.get("/staff/conferences").status_code == 403
    assert client.get(f"/staff/conferences/{tuesday['first']}").status_code == 403
