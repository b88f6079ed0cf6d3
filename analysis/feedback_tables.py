"""The feedback summary's tables, built from raw counts (see `analysis.feedback`).

Every table is shaped for disclosure control: where a column or row adds up to a total the
table says so (`has_total_column`, `has_total_row`), and no table holds two different sums of
the same cells, which `analysis.suppression` could not see.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from analysis.suppression import percentage
from analysis.tables import Table
from analysis.themes import Taxonomy
from surveys.models import RespondentType
from surveys.questionnaires import CHOICE, FACES, Question, all_questionnaires

RESPONDENT_TYPES = tuple(str(t) for t in RespondentType)  # parent, child, professional
RESPONDENT_LABELS = {
    "parent": "Parents and carers",
    "child": "Children and young people",
    "professional": "Professionals",
}
SITE_NOT_KNOWN = "Site not known"  # feedback from a poster's QR code names no conference

POSITIVE, NEUTRAL, NEGATIVE = "positive", "neutral", "negative"
# How an answer to a rating, yes/no or faces question leans; "not needed" leans nowhere.
POLARITY = {
    "5": POSITIVE,
    "4": POSITIVE,
    "3": NEUTRAL,
    "2": NEGATIVE,
    "1": NEGATIVE,
    "yes": POSITIVE,
    "partly": NEUTRAL,
    "not_sure": NEUTRAL,
    "no": NEGATIVE,
}
PREPARATION_QUESTIONS = ("report_received", "report_explained", "felt_prepared")

AnswerCounts = Mapping[tuple[str, str, str], int]  # (respondent type, question, answer) -> n


@dataclass
class ThemeCounts:
    """How often one theme was raised, and how: the raw counts behind a theme's rows."""

    comments: int = 0
    answers: int = 0
    positive: int = 0
    neutral: int = 0
    negative: int = 0

    @property
    def raised(self) -> int:
        return self.comments + self.answers

    def net_score(self) -> float | None:
        """% positive minus % negative, from -100 to 100; None where the theme was not raised."""
        if not self.raised:
            return None
        return round(100 * (self.positive - self.negative) / self.raised, 1)


def choice_questions(respondent_type: str) -> list[Question]:
    """The ticked questions RESPONDENT_TYPE may be asked at any kind of conference, in order."""
    seen: dict[str, Question] = {}
    for questionnaire in all_questionnaires():
        if questionnaire.respondent_type == respondent_type:
            for q in questionnaire.questions:
                if q.kind in (CHOICE, FACES):
                    seen.setdefault(q.key, q)
    return list(seen.values())


def is_rating(question: Question) -> bool:
    """A question whose answers lean good or bad: ratings, yes/partly/no, faces."""
    values = question.values() - {"not_needed"}
    return bool(values) and values <= POLARITY.keys()


def by_respondent_type_table(counts: Counter[tuple[str, int | None]], sites) -> Table:
    """Responses by respondent type (rows) and site (columns), with totals."""
    site_ids = [site_id for site_id, _ in sites]
    known = set(site_ids)
    unknown = any(n and site not in known for (_, site), n in counts.items())
    columns = [name for _, name in sites] + ([SITE_NOT_KNOWN] if unknown else [])
    rows = []
    for respondent_type in RESPONDENT_TYPES:
        cells = [counts[(respondent_type, site_id)] for site_id in site_ids]
        if unknown:
            cells.append(
                sum(n for (rt, s), n in counts.items() if rt == respondent_type and s not in known)
            )
        rows.append((RESPONDENT_LABELS[respondent_type], *cells, sum(cells)))
    return Table(
        key="feedback_by_respondent_type",
        title="Feedback received by respondent type and site",
        columns=("Respondent type", *columns, "Total"),
        rows=(*rows, _total_row(rows)),
        count_columns=(*columns, "Total"),
        has_total_row=True,
        has_total_column=True,
    )


def months(start: date, end: date) -> list[str]:
    """Every month from START's to END's, as "YYYY-MM"."""
    labels, year, month = [], start.year, start.month
    while (year, month) <= (end.year, end.month):
        labels.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return labels


def by_month_table(counts: Counter[tuple[str, str]], start: date, end: date) -> Table:
    """Responses by London calendar month (rows) and respondent type (columns), with totals."""
    types = [RESPONDENT_LABELS[t] for t in RESPONDENT_TYPES]
    rows = []
    for month in months(start, end):
        cells = [counts[(month, t)] for t in RESPONDENT_TYPES]
        rows.append((month, *cells, sum(cells)))
    return Table(
        key="feedback_by_month",
        title="Feedback received by month and respondent type",
        columns=("Month", *types, "Total"),
        rows=(*rows, _total_row(rows)),
        count_columns=(*types, "Total"),
        has_total_row=True,
        has_total_column=True,
    )


def ratings_table(answers: AnswerCounts) -> Table:
    """Per rating, yes/no and faces question: answers leaning each way and % positive."""
    rows = []
    for respondent_type in RESPONDENT_TYPES:
        for q in filter(is_rating, choice_questions(respondent_type)):
            lean = Counter[str]()
            for option in q.options:
                if option.value in POLARITY:
                    lean[POLARITY[option.value]] += answers.get(
                        (respondent_type, q.key, option.value), 0
                    )
            answered = sum(lean.values())
            rows.append(
                (
                    RESPONDENT_LABELS[respondent_type],
                    q.text,
                    lean[POSITIVE],
                    lean[NEUTRAL],
                    lean[NEGATIVE],
                    answered,
                    percentage(lean[POSITIVE], answered),
                )
            )
    return Table(
        key="feedback_ratings",
        title="Ratings: answers that were positive, neutral or mixed, and negative",
        columns=(
            "Respondent type",
            "Question",
            "Positive",
            "Neutral or mixed",
            "Negative",
            "Answered",
            "% positive",
        ),
        rows=tuple(rows),
        count_columns=("Positive", "Neutral or mixed", "Negative", "Answered"),
        percentages={"% positive": ("Positive", "Answered")},
        has_total_column=True,
        note="Positive: yes, good or very good. Neutral or mixed: partly, not sure, neither. "
        '"I did not need this" is not counted.',
    )


def rating_options_table(answers: AnswerCounts) -> Table:
    """How many gave each answer to each ticked question (no totals: nothing to subtract)."""
    rows = [
        (RESPONDENT_LABELS[rt], q.text, option.label, answers.get((rt, q.key, option.value), 0))
        for rt in RESPONDENT_TYPES
        for q in choice_questions(rt)
        for option in q.options
    ]
    return Table(
        key="feedback_answers",
        title="Answers to each question",
        columns=("Respondent type", "Question", "Answer", "Responses"),
        rows=tuple(rows),
        count_columns=("Responses",),
    )


def preparation_table(answers: AnswerCounts) -> Table:
    """What parents said about getting the report, having it explained and feeling prepared."""
    questions = {q.key: q for q in choice_questions("parent")}
    rows = [
        (q.text, option.label, answers.get(("parent", key, option.value), 0))
        for key in PREPARATION_QUESTIONS
        if (q := questions.get(key))
        for option in q.options
    ]
    parents = RESPONDENT_LABELS["parent"]
    return Table(
        key="feedback_preparation_and_reports",
        title="Preparation and reports: what parents and carers said",
        columns=("Question", "Answer", parents),
        rows=tuple(rows),
        count_columns=(parents,),
    )


def themes_table(taxonomy: Taxonomy, by_theme: Mapping[str, ThemeCounts]) -> Table:
    """Per theme, in taxonomy order: comments and ticked answers raising it."""
    rows = tuple(
        (label, by_theme[key].comments, by_theme[key].answers, by_theme[key].raised)
        for key, label in taxonomy.labels.items()
    )
    return Table(
        key="feedback_themes",
        title="Themes raised in comments and answers",
        columns=("Theme", "Comments", "Answers", "Total"),
        rows=rows,
        count_columns=("Comments", "Answers", "Total"),
        has_total_column=True,
        note="A comment can raise several themes. A comment not in English counts once it is "
        "translated.",
    )


def theme_sentiment_table(taxonomy: Taxonomy, by_theme: Mapping[str, ThemeCounts]) -> Table:
    """Per theme: positive, neutral and negative comments and answers, and their shares.

    A ticked answer is positive or negative (a good or a bad answer); a comment counts its own
    sentiment. The net score is % positive minus % negative.
    """
    rows = []
    for key, label in taxonomy.labels.items():
        c = by_theme[key]
        rows.append(
            (
                label,
                c.positive,
                c.neutral,
                c.negative,
                c.raised,
                percentage(c.positive, c.raised),
                percentage(c.negative, c.raised),
            )
        )
    return Table(
        key="feedback_theme_sentiment",
        title="How people felt about each theme",
        columns=("Theme", "Positive", "Neutral", "Negative", "Total", "% positive", "% negative"),
        rows=tuple(rows),
        count_columns=("Positive", "Neutral", "Negative", "Total"),
        percentages={"% positive": ("Positive", "Total"), "% negative": ("Negative", "Total")},
        has_total_column=True,
        note="Net score: % positive minus % negative.",
    )


def _total_row(rows: list[tuple]) -> tuple:
    return ("Total", *(sum(column) for column in list(zip(*rows, strict=True))[1:]))
