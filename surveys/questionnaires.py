"""The questionnaires, as data: one per respondent type and conference type.

Questions come from what families and professionals raise in the annual reports (DOMAIN.md).
English text is the catalogue key; heard/locales holds the translations.
"""

from __future__ import annotations

from dataclasses import dataclass

from heard.i18n import N_
from heard.models import ConferenceType
from surveys.models import RespondentType

CHOICE = "choice"
TEXT = "text"
FACES = "faces"  # a choice shown as pictures and words, for children


@dataclass(frozen=True)
class Option:
    value: str
    label: str
    face: str = ""  # for FACES: "happy", "neutral" or "sad"


@dataclass(frozen=True)
class Question:
    key: str
    kind: str
    text: str
    hint: str = ""
    options: tuple[Option, ...] = ()
    only_for: tuple[str, ...] = ()  # conference types; empty means every type
    optional: bool = False

    def values(self) -> set[str]:
        return {option.value for option in self.options}


@dataclass(frozen=True)
class Questionnaire:
    key: str
    respondent_type: str
    conference_type: str
    questions: tuple[Question, ...]

    def question(self, key: str) -> Question | None:
        return next((q for q in self.questions if q.key == key), None)

    def position(self, key: str) -> int:
        return [q.key for q in self.questions].index(key)


YES, NO, PARTLY, NOT_SURE = "yes", "no", "partly", "not_sure"
YES_PARTLY_NO = (
    Option(YES, N_("Yes")),
    Option(PARTLY, N_("Partly")),
    Option(NO, N_("No")),
)
YES_NO_NOT_SURE = (
    Option(YES, N_("Yes")),
    Option(NO, N_("No")),
    Option(NOT_SURE, N_("Not sure")),
)
RATING = (
    Option("5", N_("Very good")),
    Option("4", N_("Good")),
    Option("3", N_("Neither good nor poor")),
    Option("2", N_("Poor")),
    Option("1", N_("Very poor")),
)
FACES_SCALE = (
    Option(YES, N_("Yes"), "happy"),
    Option(PARTLY, N_("A bit"), "neutral"),
    Option(NO, N_("No"), "sad"),
)
ICPC_ONLY = (str(ConferenceType.ICPC),)
COMMENTS_HINT = N_("Do not write anyone's name. If a child is in danger now, call 999.")

PARENT = (
    Question(
        "report_received",
        CHOICE,
        N_("When did you get the social worker's report?"),
        options=(
            Option("week_or_more", N_("A week or more before the conference")),
            Option("two_to_six_days", N_("2 to 6 days before")),
            Option("day_before", N_("The day before, or on the day")),
            Option("not_received", N_("I did not get the report")),
        ),
    ),
    Question(
        "report_explained",
        CHOICE,
        N_("Did someone go through the report with you and explain it?"),
        options=(
            Option(YES, N_("Yes")),
            Option(NO, N_("No")),
            Option("not_needed", N_("I did not need this")),
        ),
    ),
    Question(
        "felt_prepared",
        CHOICE,
        N_("Did you feel prepared for the conference?"),
        options=YES_PARTLY_NO,
    ),
    Question(
        "po_contact",
        CHOICE,
        N_("Did the chair of the conference (the Principal Officer) contact you before it?"),
        options=YES_NO_NOT_SURE,
        only_for=ICPC_ONLY,
    ),
    Question(
        "interpreter",
        CHOICE,
        N_("Did you need an interpreter?"),
        options=(
            Option("needed_provided", N_("Yes, and I had one")),
            Option("needed_not_provided", N_("Yes, but I did not have one")),
            Option("not_needed", N_("No, I did not need one")),
        ),
    ),
    Question(
        "access_needs",
        CHOICE,
        N_("Did you get the help you needed to take part?"),
        hint=N_("For example, help with reading, hearing, or getting into the building."),
        options=(
            Option(YES, N_("Yes")),
            Option(NO, N_("No")),
            Option("not_needed", N_("I did not need any help")),
        ),
    ),
    Question(
        "respect", CHOICE, N_("Were you treated with respect and kindness?"), options=YES_PARTLY_NO
    ),
    Question(
        "strengths",
        CHOICE,
        N_("Did people talk about your family's strengths, as well as the worries?"),
        options=YES_PARTLY_NO,
    ),
    Question(
        "understand_plan",
        CHOICE,
        N_("Do you understand the plan and what happens next?"),
        options=YES_PARTLY_NO,
    ),
    Question(
        "hear_and_see",
        CHOICE,
        N_("Could you hear and see everyone in the meeting?"),
        options=(
            Option(YES, N_("Yes")),
            Option(PARTLY, N_("Partly")),
            Option(NO, N_("No")),
        ),
    ),
    Question("overall", CHOICE, N_("Overall, how was the conference for you?"), options=RATING),
    Question(
        "comments",
        TEXT,
        N_("Is there anything else you want to tell us?"),
        hint=COMMENTS_HINT,
        optional=True,
    ),
)

CHILD = (
    Question("asked_views", FACES, N_("Did someone ask what you think?"), options=FACES_SCALE),
    Question("listened_to", FACES, N_("Did you feel listened to?"), options=FACES_SCALE),
    Question(
        "took_part",
        CHOICE,
        N_("How did you take part?"),
        options=(
            Option("in_person", N_("I was in the meeting")),
            Option("online_trusted_adult", N_("Online, with an adult I trust")),
            Option("advocate", N_("An advocate spoke for me")),
            Option("social_worker", N_("My social worker told them what I think")),
            Option("wrote_or_drew", N_("I wrote or drew something")),
            Option("did_not", N_("I did not take part")),
        ),
    ),
    Question("know_next", FACES, N_("Do you know what happens next?"), options=FACES_SCALE),
    Question(
        "tell_adults",
        TEXT,
        N_("What do you want the adults to know?"),
        hint=N_("You can write as much or as little as you like. Do not write anyone's name."),
        optional=True,
    ),
)

PROFESSIONAL = (
    Question(
        "invited_in_time",
        CHOICE,
        N_("Were you invited in time to prepare and share your report?"),
        options=YES_PARTLY_NO,
    ),
    Question(
        "asked_for_update",
        CHOICE,
        N_("Did the chair ask you for your update?"),
        options=YES_NO_NOT_SURE,
    ),
    Question(
        "asked_view_on_risk",
        CHOICE,
        N_("Were you asked for your view on risk, for example a score on the danger statement?"),
        options=YES_NO_NOT_SURE,
    ),
    Question(
        "plan_reflects_needs",
        CHOICE,
        N_("Does the plan reflect every child's needs?"),
        options=YES_PARTLY_NO,
    ),
    Question(
        "clear_structure",
        CHOICE,
        N_("Was the meeting clear and well structured?"),
        options=YES_PARTLY_NO,
    ),
    Question(
        "hear_and_see",
        CHOICE,
        N_("Could you hear and see everyone in the meeting?"),
        options=YES_PARTLY_NO,
    ),
    Question("overall", CHOICE, N_("Overall, how was the conference?"), options=RATING),
    Question(
        "comments",
        TEXT,
        N_("Is there anything else you want to tell us?"),
        hint=COMMENTS_HINT,
        optional=True,
    ),
)

_BY_RESPONDENT = {
    RespondentType.PARENT: PARENT,
    RespondentType.CHILD: CHILD,
    RespondentType.PROFESSIONAL: PROFESSIONAL,
}
# Open (poster) feedback does not know its conference type.
UNKNOWN_CONFERENCE = "unknown"


def questionnaire_for(respondent_type: str, conference_type: str | None) -> Questionnaire:
    """The questions for this respondent at this kind of conference."""
    conference = conference_type or UNKNOWN_CONFERENCE
    questions = tuple(
        q
        for q in _BY_RESPONDENT[RespondentType(respondent_type)]
        if not q.only_for or conference in q.only_for
    )
    return Questionnaire(
        f"{respondent_type}-{conference}-v1", respondent_type, conference, questions
    )


def all_questionnaires() -> list[Questionnaire]:
    types = [*(str(t) for t in ConferenceType), UNKNOWN_CONFERENCE]
    return [questionnaire_for(r, t) for r in RespondentType for t in types]
