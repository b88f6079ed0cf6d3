"""A seeded financial year (2025-26) of conferences, invitations with attendance, feedback,
consultations and escalations, made through the ORM, with the edges that matter: 31 March and
1 April in London time (BST starts on 30 March 2025 and 29 March 2026), Easter and Christmas
bank holidays inside ICPC timescales, small groups that must be suppressed, a flagged disclosure
whose words must never be quoted.

`seed_year` returns what it made, so that tests can work the figures out themselves.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy.orm import Session

from bot.models import Consultation, Escalation
from heard.clock import from_london, london
from heard.models import Conference, Officer
from heard.workdays import add_working_days, is_working_day
from surveys.models import Answer, Invitation, Response
from tests.factories import DANIEL, LIFFORD_HOUSE, ONE_AVENUE_ROAD, make_officer, make_site

YEAR_START, YEAR_END = date(2025, 4, 1), date(2026, 3, 31)
SOCIAL_WORKER = "sam.reid@example.org"
DISCLOSURE = "He hits me when nobody is looking and I am scared to go home"

# Comments in the voice of the reports, each raising a theme; at least five people say each of
# the first few, so that they can be quoted.
COMMENTS = (
    "The chair was kind and respectful and listened to us.",
    "Nobody explained the report to me before the conference, I felt unprepared.",
    "I got the social worker's report the day before, far too late to read it.",
    "The interpreter was very good and I understood everything.",
    "The chair was kind and respectful and treated us with dignity.",
    "I was not asked for my update by the chair.",
    "The video call kept dropping and I could not hear the meeting.",
    "The plan is clear and I know what happens next.",
    "Call me on 07700 900123 about the report, nobody explained it.",
)
AGENCIES = ("Police", "Health", "Education")
ABUSE = ("neglect", "emotional_abuse", "physical_abuse", "neglect", "multiple")
REASONS = ("parent_availability", "not_quorate", "report_not_ready", "po_unavailable")
ATTENDANCE_MOTHER = ("in_person", "in_person", "virtual", "in_person", "did_not_attend")
ATTENDANCE_FATHER = ("did_not_attend", "in_person", "virtual", "did_not_attend", "written_only")
ATTENDANCE_CHILD = ("written_only", "did_not_attend", "in_person", "virtual")
CATEGORIES = ("neglect", "emotional_abuse", "physical_abuse", "sexual_abuse", "multiple")
ISSUES = (
    ["domestic_abuse"],
    ["parental_mental_health", "domestic_abuse"],
    ["parental_drug_misuse"],
    ["no_issues_identified"],
)
OUTCOMES = ("icpc", "continue_cin", "strategy_meeting", "icpc", "legal_advice_plo")
THEMES = ("drift_and_delay", "assessment_not_shared", "documentation", "immediate_safety")
STAGES = ("informal", "stage_1", "informal", "stage_2")


@dataclass
class SeededYear:
    conferences: list[Conference] = field(default_factory=list)
    invitations: list[Invitation] = field(default_factory=list)
    responses: list[Response] = field(default_factory=list)
    consultations: list[Consultation] = field(default_factory=list)
    escalations: list[Escalation] = field(default_factory=list)


def working_days(month_start: date) -> list[date]:
    days, day = [], month_start
    while day.month == month_start.month:
        if is_working_day(day):
            days.append(day)
        day += timedelta(days=1)
    return days


def months() -> list[date]:
    return [date(2025 + (m > 9), (m + 3) % 12 or 12, 1) for m in range(1, 13)]


class _Seeder:
    def __init__(self, session: Session) -> None:
        self.session = session
        self.sites = [make_site(session, ONE_AVENUE_ROAD), make_site(session, LIFFORD_HOUSE)]
        self.chairs = [make_officer(session), make_officer(session, DANIEL, site=LIFFORD_HOUSE)]
        self.worker: Officer = make_officer(session, SOCIAL_WORKER, role="social_worker")
        self.seeded = SeededYear()
        self.number = 0
        self.icpc_cases: list[tuple[str, date]] = []

    def conference(
        self, kind: str, on: date, *, case: str | None = None, hour: int = 10
    ) -> Conference:
        self.number += 1
        n = self.number
        site = self.sites[n % 2]
        conference = Conference(
            case_reference=case or f"CP-{n:05d}",
            conference_type=kind,
            starts_on=on,
            starts_at=from_london(on, time(hour, 0)),
            site_id=site.id,
            chair_id=self.chairs[n % 2].id,
            strategy_discussion_on=(
                add_working_days(on, -(10, 15, 16, 20, 12)[n % 5]) if kind == "ICPC" else None
            ),
            imported_at=datetime(2025, 3, 1, tzinfo=UTC),
            outcome=self._outcome(kind, n),
            category_of_abuse=ABUSE[n % len(ABUSE)] if n % 4 else None,
            children=1 + n % 3,
            rearranged_from=on - timedelta(days=7) if n % 6 == 0 else None,
            rearranged_reason=REASONS[(n // 6) % len(REASONS)] if n % 6 == 0 else None,
        )
        if conference.outcome in ("no_plan", "plan_ended"):
            conference.category_of_abuse = None
        self.session.add(conference)
        self.session.flush()
        self.seeded.conferences.append(conference)
        if kind == "ICPC":
            self.icpc_cases.append((conference.case_reference, on))
        self.invitations(conference, n)
        return conference

    @staticmethod
    def _outcome(kind: str, n: int) -> str:
        if kind == "ICPC":
            return "no_plan" if n % 10 == 0 else "plan"
        return "plan_ended" if n % 7 == 0 else "plan_continued"

    def invitations(self, conference: Conference, n: int) -> None:
        made = [
            self._invite(conference, "parent", "mother", ATTENDANCE_MOTHER[n % 5]),
            self._invite(conference, "parent", "father", ATTENDANCE_FATHER[n % 5]),
        ]
        if n % 3 == 0:
            made.append(self._invite(conference, "child", "child", ATTENDANCE_CHILD[n % 4]))
        for number, agency in enumerate(AGENCIES[: 2 + n % 2]):
            made.append(
                self._invite(
                    conference,
                    "professional",
                    None,
                    "virtual" if (n + number) % 2 else "in_person",
                    agency=agency,
                )
            )
        self.session.flush()
        for number, invitation in enumerate(made):
            if (n + number) % 3 == 0:
                self.respond(invitation, conference, conference.starts_at + timedelta(days=1))

    def _invite(
        self,
        conference: Conference,
        respondent_type: str,
        role: str | None,
        attendance: str,
        *,
        agency: str | None = None,
    ) -> Invitation:
        invitation = Invitation(
            conference_id=conference.id,
            respondent_type=respondent_type,
            agency=agency,
            language="en",
            expires_at=conference.starts_at + timedelta(days=28),
            created_at=conference.starts_at - timedelta(days=10),
            family_role=role,
            attendance=attendance,
        )
        self.session.add(invitation)
        self.seeded.invitations.append(invitation)
        return invitation

    def respond(
        self,
        invitation: Invitation,
        conference: Conference,
        at: datetime,
        *,
        comment: str | None = None,
        flagged: bool = False,
    ) -> Response:
        k = len(self.seeded.responses)
        kind = invitation.respondent_type
        response = Response(
            invitation_id=invitation.id,
            conference_id=conference.id,
            site_id=conference.site_id,
            respondent_type=kind,
            conference_type=conference.conference_type,
            questionnaire=f"{kind}-{conference.conference_type}-v1",
            language="en",
            started_at=at - timedelta(minutes=5),
            updated_at=at,
            submitted_at=at,
            flagged=flagged,
        )
        for key, value in self._answers(kind, k, comment):
            response.answers.append(Answer(question_key=key, value=value, answered_at=at))
        self.session.add(response)
        self.seeded.responses.append(response)
        return response

    @staticmethod
    def _answers(kind: str, k: int, comment: str | None) -> list[tuple[str, str]]:
        text = comment if comment is not None else (COMMENTS[k % len(COMMENTS)] if k % 2 else "")
        if kind == "child":
            answers = [("asked_views", ("yes", "partly", "no")[k % 3]), ("know_next", "yes")]
            return answers + ([("tell_adults", text)] if text else [])
        answers = [("overall", str(5 - k % 4)), ("hear_and_see", ("yes", "no")[k % 5 == 0])]
        if kind == "parent":
            answers += [("felt_prepared", ("yes", "partly", "no")[k % 3])]
            answers += [("report_received", ("week_or_more", "day_before")[k % 4 == 0])]
        return answers + ([("comments", text)] if text else [])

    def consultations(self, month_start: date, count: int) -> None:
        days = working_days(month_start)
        for i in range(count):
            n = len(self.seeded.consultations)
            at = from_london(days[(i * 3) % len(days)], time(9 + i % 7, 15))
            self._consultation(at, n)

    def _consultation(self, at: datetime, n: int) -> Consultation:
        done = n % 9 != 0
        consultation = Consultation(
            case_reference=f"CS-{n:05d}",
            site_id=self.sites[n % 2].id,
            requested_by_id=self.worker.id,
            category=CATEGORIES[n % len(CATEGORIES)],
            prevalent_issues=list(ISSUES[n % len(ISSUES)]),
            urgency="this_week",
            status="completed" if done else "waiting",
            requested_at=at,
            accepted_by_id=self.chairs[n % 2].id if done else None,
            accepted_at=at + timedelta(hours=1) if done else None,
            outcome=OUTCOMES[n % len(OUTCOMES)] if done else None,
            completed_at=at + timedelta(days=1) if done else None,
        )
        self.session.add(consultation)
        self.seeded.consultations.append(consultation)
        return consultation

    def escalations(self, month_start: date, count: int) -> None:
        days = working_days(month_start)
        for i in range(count):
            n = len(self.seeded.escalations)
            raised_on = days[(i * 5 + 2) % len(days)]
            self._escalation(from_london(raised_on, time(11, 0)), n)

    def _escalation(self, at: datetime, n: int) -> Escalation:
        raised_on = london(at).date()
        resolved = None if n % 5 == 4 else add_working_days(raised_on, 1 + (n * 7) % 23)
        escalation = Escalation(
            case_reference=f"CP-E{n:04d}",
            themes=[THEMES[n % len(THEMES)]] + ([THEMES[(n + 1) % 4]] if n % 3 == 0 else []),
            stage=STAGES[n % len(STAGES)],
            raised_by_id=self.chairs[n % 2].id,
            raised_with="Team manager",
            raised_at=at,
            response_due_days=5,
            prolonged_after_days=20,
            response_due_on=add_working_days(raised_on, 5),
            resolved_at=from_london(resolved, time(15, 0)) if resolved else None,
            outcome="Plan reviewed" if resolved else None,
        )
        self.session.add(escalation)
        self.seeded.escalations.append(escalation)
        return escalation


def seed_year(session: Session) -> SeededYear:
    """A year of data around FY 2025-26, plus the rows just outside it on either side."""
    seeder = _Seeder(session)
    # Before the year: earlier ICPCs (for first RCPC timeliness) and the 31 March edge.
    for day in (date(2025, 1, 15), date(2025, 2, 12), date(2025, 3, 12)):
        seeder.conference("ICPC", day)
    seeder.conference("ICPC", date(2025, 3, 31))
    for number, month_start in enumerate(months()):
        days = working_days(month_start)
        for i in range(5 + number % 4):
            seeder.conference("ICPC", days[(i * 2) % len(days)])
        earlier = [case for case, held in seeder.icpc_cases if held < month_start]
        for i in range(6 + number % 3):
            case = earlier[(number * 3 + i) % len(earlier)]
            seeder.conference("RCPC", days[(i * 2 + 1) % len(days)], case=case)
        for i in range(number % 3):
            seeder.conference("transfer-in", days[-1 - i])
        seeder.consultations(month_start, 6 + number % 3)
        seeder.escalations(month_start, 2 + number % 3)
    # The year's first and last days, and the days either side (BST: 23:30 UTC on 31 March is
    # already 1 April in London).
    seeder.conference("ICPC", date(2025, 4, 1), hour=9)
    seeder.conference("RCPC", date(2026, 3, 31), hour=16)
    seeder.conference("ICPC", date(2026, 4, 1))
    edge = seeder.seeded.conferences[0]
    late = seeder._invite(edge, "parent", "mother", "in_person")
    early = seeder._invite(edge, "parent", "father", "in_person")
    told = seeder._invite(seeder.seeded.conferences[5], "child", "child", "in_person")
    session.flush()
    seeder.respond(late, edge, datetime(2025, 3, 31, 23, 30, tzinfo=UTC))  # 1 April 2025: in
    later = seeder.seeded.conferences[-2]
    outside = seeder._invite(later, "parent", "mother", "in_person")
    session.flush()
    seeder.respond(outside, later, datetime(2026, 3, 31, 23, 30, tzinfo=UTC))  # 1 April: out
    seeder.respond(early, edge, datetime(2025, 3, 31, 22, 30, tzinfo=UTC))  # 31 March: out
    seeder.respond(
        told,
        seeder.seeded.conferences[5],
        datetime(2025, 6, 2, 10, tzinfo=UTC),
        comment=DISCLOSURE,
        flagged=True,
    )
    # Two escalations taken to the assistant director: too few for their median to be shown.
    for n, raised in ((10_000, date(2025, 7, 7)), (10_004, date(2025, 11, 3))):
        seeder._escalation(from_london(raised, time(11, 0)), n).stage = "stage_3"
    seeder._consultation(datetime(2026, 3, 31, 23, 30, tzinfo=UTC), 10_000)  # 1 April: out
    seeder._consultation(datetime(2025, 3, 31, 23, 30, tzinfo=UTC), 10_001)  # 1 April: in
    session.flush()
    return seeder.seeded
