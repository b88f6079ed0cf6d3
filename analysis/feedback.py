"""What parents, children and professionals said over a period: the feedback summary.

The digest, the annual report and the manager dashboard all read this. Counts are RAW: callers
pass every table through `analysis.suppression.shown` before anyone sees it. Quotes are already
redacted and already follow the quote rules (`analysis.quotes`).

Which responses: those SUBMITTED on London calendar days START to END inclusive. A response
flagged as a disclosure still counts as a respondent and its ticked answers count; its words are
counted only in `flagged`, never in comments, themes, sentiment or quotes. A comment not in
English counts in `comments` and in `needs_translation` (listed by the form's language for a
person to translate); its themes are not known until then.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from analysis.analyse import MAX_CHARS
from analysis.feedback_tables import (
    RESPONDENT_TYPES,
    ThemeCounts,
    by_month_table,
    by_respondent_type_table,
    months,
    preparation_table,
    rating_options_table,
    ratings_table,
    theme_sentiment_table,
    themes_table,
)
from analysis.quotes import Comment, ThemeQuotes, pick_quotes
from analysis.sentiment import NEGATIVE, POSITIVE, Sentiment, sentiment
from analysis.tables import Table
from analysis.themes import ANSWER_THEMES, DEFAULT, Taxonomy
from heard.clock import from_london
from heard.models import Site
from surveys.models import Answer, Response
from surveys.questionnaires import TEXT, all_questionnaires

PREPARATION_THEMES = ("preparation_explanation", "report_timeliness")
TOP = 3
NOT_KNOWN = "not known"  # the language of a comment whose form was in English

# Every free-text question: the parents' and professionals' comments, the children's words.
TEXT_QUESTIONS = tuple(
    sorted({q.key for qn in all_questionnaires() for q in qn.questions if q.kind == TEXT})
)


@dataclass(frozen=True)
class PreparationAndReports:
    """What families said about preparation and reports: their answers and quotes."""

    table: Table
    quotes: dict[str, ThemeQuotes]


@dataclass(frozen=True)
class FeedbackSummary:
    start: date
    end: date
    site_id: int | None
    respondents: int
    comments: int
    flagged: int
    needs_translation: int
    by_respondent_type: Table
    by_month: Table
    ratings: Table
    rating_options: Table
    themes: Table
    theme_sentiment: Table
    top_themes: list[str]
    quotes: dict[str, ThemeQuotes]
    preparation_and_reports: PreparationAndReports
    # (% positive - % negative) per theme over comments and answers; None where nothing said.
    net_scores: dict[str, float | None] = field(default_factory=dict)
    # Comments waiting for a person to translate: how many per language, and their responses.
    translation_by_language: dict[str, int] = field(default_factory=dict)
    for_translation: dict[str, tuple[int, ...]] = field(default_factory=dict)


def period_bounds(start: date, end: date) -> tuple[datetime, datetime]:
    """The UTC instants London's day START begins and the day after END begins."""
    for day in (start, end):
        if isinstance(day, datetime) or not isinstance(day, date):
            raise ValueError(f"a period is given in calendar days, not {day!r}")
    if end < start:
        raise ValueError(f"the period ends ({end}) before it starts ({start})")
    return from_london(start, time(0, 0)), from_london(end + timedelta(days=1), time(0, 0))


def feedback_summary(
    session: Session,
    start: date,
    end: date,
    *,
    taxonomy: Taxonomy = DEFAULT,
    site_id: int | None = None,
) -> FeedbackSummary:
    """The feedback submitted from START to END (London days, inclusive), at SITE_ID or all."""
    low, high = period_bounds(start, end)
    where = [Response.submitted_at >= low, Response.submitted_at < high]
    if site_id is not None:
        where.append(Response.site_id == site_id)
    responses = _response_counts(session, where, start, end)
    answer_counts = _answer_counts(session, where)
    texts = session.execute(
        select(Response.id, Response.respondent_type, Response.flagged, Response.language)
        .add_columns(Answer.value)
        .join(Answer, Answer.response_id == Response.id)
        .where(*where, Answer.question_key.in_(TEXT_QUESTIONS))
        .order_by(Response.id, Answer.id)
    ).all()
    sites = _sites(session, site_id)

    comments = _Comments(taxonomy)
    for response_id, respondent_type, flagged, language, value in texts:
        if not flagged and value.strip():
            comments.add(response_id, respondent_type, language, value)

    by_theme = _theme_counts(taxonomy, comments, answer_counts)
    quotes = pick_quotes(comments.records, taxonomy=taxonomy)
    return FeedbackSummary(
        start=start,
        end=end,
        site_id=site_id,
        respondents=responses.total(),
        comments=len(comments.records),
        flagged=sum(n for (_, _, _, flagged), n in responses.items() if flagged),
        needs_translation=sum(comments.translation.values()),
        by_respondent_type=by_respondent_type_table(
            _sum_by(responses, lambda month, rt, site, flagged: (rt, site)), sites
        ),
        by_month=by_month_table(
            _sum_by(responses, lambda month, rt, site, flagged: (month, rt)), start, end
        ),
        ratings=ratings_table(answer_counts),
        rating_options=rating_options_table(answer_counts),
        themes=themes_table(taxonomy, by_theme),
        theme_sentiment=theme_sentiment_table(taxonomy, by_theme),
        top_themes=_top(taxonomy, by_theme),
        quotes=quotes,
        preparation_and_reports=PreparationAndReports(
            preparation_table(answer_counts),
            {t: quotes[t] for t in PREPARATION_THEMES if t in quotes},
        ),
        net_scores={key: counts.net_score() for key, counts in by_theme.items()},
        translation_by_language=dict(sorted(comments.translation.items())),
        for_translation={k: tuple(v) for k, v in sorted(comments.to_translate.items())},
    )


ResponseKey = tuple[str, str, int | None, bool]  # month, respondent type, site, flagged


def _response_counts(session: Session, where: list, start: date, end: date) -> Counter[ResponseKey]:
    """Responses by London calendar month ("YYYY-MM"), respondent type, site and flag.

    Counted in the database, the month found from the UTC instants London's months start at:
    a year's worth of rows never comes back to Python."""
    labels = months(start, end)
    starts = [from_london(date(int(m[:4]), int(m[5:]), 1), time(0, 0)) for m in labels]
    month = case(
        *(
            (Response.submitted_at >= at, label)
            for label, at in reversed(list(zip(labels, starts, strict=True)))
        ),
        else_=labels[0],
    )
    # Grouped in an outer query: PostgreSQL will not match a CASE with bound values in GROUP BY.
    inner = (
        select(month.label("month"), Response.respondent_type, Response.site_id, Response.flagged)
        .where(*where)
        .subquery()
    )
    rows = session.execute(
        select(
            inner.c.month, inner.c.respondent_type, inner.c.site_id, inner.c.flagged, func.count()
        ).group_by(inner.c.month, inner.c.respondent_type, inner.c.site_id, inner.c.flagged)
    ).all()
    return Counter({(m, rt, site, bool(flag)): n for m, rt, site, flag, n in rows})


def _sum_by(counts: Counter[ResponseKey], key) -> Counter:
    total: Counter = Counter()
    for parts, n in counts.items():
        total[key(*parts)] += n
    return total


def _answer_counts(session: Session, where: list) -> Counter[tuple[str, str, str]]:
    """(respondent type, question, answer) -> how many, for every ticked answer, in one query."""
    rows = session.execute(
        select(Response.respondent_type, Answer.question_key, Answer.value, func.count())
        .join(Answer, Answer.response_id == Response.id)
        .where(*where, Answer.question_key.not_in(TEXT_QUESTIONS))
        .group_by(Response.respondent_type, Answer.question_key, Answer.value)
    ).all()
    return Counter({(rt, key, value): n for rt, key, value, n in rows})


def _sites(session: Session, site_id: int | None) -> list[tuple[int, str]]:
    """(id, name) of the sites to show: every site (a stable shape month to month), or one."""
    query = select(Site.id, Site.name).order_by(Site.name)
    if site_id is not None:
        query = query.where(Site.id == site_id)
    return [(i, name) for i, name in session.execute(query).all()]


class _Comments:
    """Each comment analysed once: its themes and sentiment, or routed for translation."""

    def __init__(self, taxonomy: Taxonomy) -> None:
        self.taxonomy = taxonomy
        self.records: list[Comment] = []
        self.translation: Counter[str] = Counter()
        self.to_translate: dict[str, list[int]] = defaultdict(list)
        self._analysed: dict[str, tuple[Sentiment, tuple[str, ...]]] = {}

    def add(self, response_id: int, respondent_type: str, language: str, text: str) -> None:
        # A pasted document is analysed in its first MAX_CHARS, as `heard analyse` does.
        text = text[:MAX_CHARS]
        if text not in self._analysed:  # "Thank you" is written many times; analysed once
            feeling = sentiment(text)
            themes = () if feeling.needs_translation else tuple(self.taxonomy.classify(text))
            self._analysed[text] = feeling, themes
        feeling, themes = self._analysed[text]
        if feeling.needs_translation:
            language = language if language and language != "en" else NOT_KNOWN
            self.translation[language] += 1
            self.to_translate[language].append(response_id)
        self.records.append(
            Comment(text, respondent_type, themes, feeling.label, feeling.score, False, response_id)
        )


def _theme_counts(
    taxonomy: Taxonomy, comments: _Comments, answer_counts: Counter[tuple[str, str, str]]
) -> dict[str, ThemeCounts]:
    counts = {key: ThemeCounts() for key in taxonomy.labels}
    for comment in comments.records:
        for theme in comment.themes:
            row = counts[theme]
            row.comments += 1
            if comment.sentiment == POSITIVE:
                row.positive += 1
            elif comment.sentiment == NEGATIVE:
                row.negative += 1
            else:
                row.neutral += 1
    # A ticked answer that speaks to a theme is a good or a bad word about it.
    for (_, question, value), n in answer_counts.items():
        hit = ANSWER_THEMES.get((question, value))
        if hit is None or hit[0] not in counts:
            continue
        theme, complaint = hit
        counts[theme].answers += n
        if complaint:
            counts[theme].negative += n
        else:
            counts[theme].positive += n
    return counts


def _top(taxonomy: Taxonomy, by_theme: dict[str, ThemeCounts]) -> list[str]:
    """The themes comments raise most (then answers; then taxonomy order).

    Comments first: every respondent ticks the same questions, so ranking by answers would name
    the same themes every month; what people chose to write about is what moves.
    """
    order = {key: n for n, key in enumerate(taxonomy.labels)}
    raised = [key for key, c in by_theme.items() if c.raised]
    ranked = sorted(raised, key=lambda k: (-by_theme[k].comments, -by_theme[k].answers, order[k]))
    return ranked[:TOP]


__all__ = [
    "RESPONDENT_TYPES",
    "FeedbackSummary",
    "PreparationAndReports",
    "ThemeCounts",
    "feedback_summary",
    "period_bounds",
]
