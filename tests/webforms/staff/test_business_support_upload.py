"""Business support uploads next week's schedule: bad lines reported by number, nothing stored
until the whole file is good, then a summary; wrong, oversize and forged uploads change nothing."""

from __future__ import annotations

import io

import pytest
import time_machine
from sqlalchemy import func, select
from werkzeug.datastructures import FileStorage
from werkzeug.test import encode_multipart

from heard.models import AuditEntry, Conference
from staff.roles import Role
from surveys.models import Invitation
from tests.factories import AMIRA, DANIEL, LIFFORD_HOUSE, NOW, make_officer
from tests.webforms.conftest import csrf_of

URL = "/staff/schedule/upload"
HEADER = (
    "case_reference,conference_type,date,time,site,chair_email,strategy_discussion_date,"
    "invitee_role,agency,language\n"
)
GOOD = [
    "CP-3001,ICPC,2026-12-01,10:00,One Avenue Road,amira.hussain@example.org,2026-11-16,parent,,en",
    "CP-3001,ICPC,2026-12-01,10:00,One Avenue Road,amira.hussain@example.org,2026-11-16,child,,en",
    "CP-3001,ICPC,2026-12-01,10:00,One Avenue Road,amira.hussain@example.org,2026-11-16,"
    "professional,school,en",
    "CP-3002,RCPC,2026-12-01,14:00,Lifford House,daniel.okafor@example.org,,parent,,ar",
]
# Line 3 has an impossible date; line 5 names a site that does not exist.
BAD = [
    GOOD[0],
    GOOD[1].replace("2026-12-01", "2026-12-41"),
    GOOD[2],
    GOOD[3].replace("Lifford House", "Liford House"),
]


@pytest.fixture(autouse=True)
def at_now():
    with time_machine.travel(NOW, tick=True):
        yield


@pytest.fixture
def officers(session):
    make_officer(session, AMIRA)
    make_officer(session, DANIEL, site=LIFFORD_HOUSE)
    session.commit()


def csv_file(lines: list[str], name: str = "schedule.csv") -> tuple[io.BytesIO, str]:
    return io.BytesIO((HEADER + "\n".join(lines) + "\n").encode()), name


def upload(client, file: tuple[io.BytesIO, str], *, token: str | None = None):
    token = token if token is not None else csrf_of(client.get(URL).text)
    # Encoded in memory: the test client would spool a large body to an unclosed temp file.
    stream, name = file
    boundary, body = encode_multipart(
        {"csrf_token": token, "schedule": FileStorage(stream, filename=name)}
    )
    return client.post(URL, data=body, content_type=f"multipart/form-data; boundary={boundary}")


def counts(session) -> tuple[int, int]:
    session.expire_all()
    return (
        session.scalar(select(func.count()).select_from(Conference)),
        session.scalar(select(func.count()).select_from(Invitation)),
    )


def uploads_audited(session) -> list[AuditEntry]:
    session.expire_all()
    return list(session.scalars(select(AuditEntry).where(AuditEntry.record_type == "schedule")))


def test_two_bad_lines_are_reported_by_number_then_the_fixed_file_is_imported(
    client, sign_in_as, session, officers
):
    staff = sign_in_as(Role.BUSINESS_SUPPORT)

    rejected = upload(client, csv_file(BAD))

    assert rejected.status_code == 400
    page = rejected.text
    assert "<title>Error: Upload the conference schedule" in page
    assert "govuk-error-summary" in page
    assert "Line 3, column date: &#39;2026-12-41&#39; is not a date" in page
    assert "Line 5, column site: unknown site &#39;Liford House&#39;" in page
    assert "The file has 2 problems, so nothing was imported" in page
    assert counts(session) == (0, 0)
    assert uploads_audited(session) == []

    imported = upload(client, csv_file(GOOD))

    assert imported.status_code == 303 and imported.location == URL
    summary = client.get(URL).text
    assert (
        "Schedule imported: 2 conferences added, 0 updated; 4 invitations created, 0 withdrawn."
        in summary
    )
    assert counts(session) == (2, 4)
    [entry] = uploads_audited(session)
    assert (entry.actor, entry.action, entry.record_type) == (
        staff.email,
        "schedule uploaded",
        "schedule",
    )
    assert "conferences added 2" in entry.detail and "invitations created 4" in entry.detail
    assert "CP-3001" not in entry.detail  # counts, never content


def test_uploading_the_same_schedule_again_updates_rather_than_duplicates(
    client, sign_in_as, session, officers
):
    sign_in_as(Role.BUSINESS_SUPPORT)
    upload(client, csv_file(GOOD))

    again = upload(client, csv_file(GOOD[:3]))  # CP-3002 dropped from the export

    assert again.status_code == 303
    assert "0 conferences added, 1 updated; 0 invitations created, 0 withdrawn" in (
        client.get(URL).text
    )
    assert counts(session) == (2, 4)


def test_a_file_that_is_not_a_csv_is_refused_and_nothing_is_stored(
    client, sign_in_as, session, officers
):
    sign_in_as(Role.BUSINESS_SUPPORT)

    response = upload(client, csv_file(GOOD, name="schedule.xlsx"))

    assert response.status_code == 400
    assert "The selected file must be a CSV file" in response.text
    assert 'href="#schedule"' in response.text
    assert counts(session) == (0, 0)


def test_a_csv_that_is_not_utf8_text_is_refused(client, sign_in_as, session, officers):
    sign_in_as(Role.BUSINESS_SUPPORT)
    latin1 = (HEADER + GOOD[2].replace("school", "école") + "\n").encode("latin-1")

    response = upload(client, (io.BytesIO(latin1), "schedule.csv"))

    assert response.status_code == 400
    assert "the file is not UTF-8 text" in response.text
    assert counts(session) == (0, 0)


def test_no_file_chosen_says_so(client, sign_in_as):
    sign_in_as(Role.BUSINESS_SUPPORT)
    token = csrf_of(client.get(URL).text)

    response = client.post(URL, data={"csrf_token": token}, content_type="multipart/form-data")

    assert response.status_code == 400
    assert "Select the schedule file to upload" in response.text


def test_an_oversize_upload_gets_a_clear_message_not_a_crash(client, sign_in_as, session, officers):
    sign_in_as(Role.BUSINESS_SUPPORT)
    padding = "\n".join([GOOD[0]] * 30_000)  # about 3 MB

    response = upload(client, (io.BytesIO((HEADER + padding).encode()), "schedule.csv"))

    assert response.status_code == 413
    assert "govuk-error-summary" in response.text
    assert "The selected file must be smaller than 2 MB" in response.text
    assert counts(session) == (0, 0)


def test_a_file_larger_than_the_apps_usual_limit_is_still_checked_line_by_line(
    client, sign_in_as, session, officers
):
    sign_in_as(Role.BUSINESS_SUPPORT)
    bad = GOOD[0].replace("ICPC", "EPC")
    body = HEADER + "\n".join([bad] * 1200)  # about 120 KB: over 64 KB, under 2 MB
    assert len(body) > 64 * 1024

    response = upload(client, (io.BytesIO(body.encode()), "schedule.csv"))

    assert response.status_code == 400
    assert "Line 2, column conference_type: must be ICPC, RCPC or transfer-in" in response.text
    assert "And 1150 more problems not listed here" in response.text
    assert counts(session) == (0, 0)


def test_only_the_upload_accepts_a_large_body(client, sign_in_as):
    sign_in_as(Role.BUSINESS_SUPPORT)
    token = csrf_of(client.get("/staff/rota").text)

    response = client.post(
        "/staff/rota/overrides", data={"csrf_token": token, "reason": "x" * (100 * 1024)}
    )

    assert response.status_code == 413


def test_a_forged_upload_without_the_csrf_token_changes_nothing(
    client, sign_in_as, session, officers
):
    sign_in_as(Role.BUSINESS_SUPPORT)

    response = upload(client, csv_file(GOOD), token="forged")

    assert response.status_code == 400
    assert counts(session) == (0, 0)


def test_a_principal_officer_cannot_upload_the_schedule(client, sign_in_as, session, officers):
    sign_in_as(Role.PRINCIPAL_OFFICER)

    assert client.get(URL).status_code == 403
    token = csrf_of(client.get("/staff/").text)  # a real token, so the role is what refuses
    response = upload(client, csv_file(GOOD), token=token)
    assert response.status_code == 403
    assert counts(session) == (0, 0)
