from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import event

from analysis import feedback
from analysis.feedback import feedback_summary
from analysis.suppression import FEWER_THAN_5, SUPPRESSED, shown
from analysis.themes import DEFAULT, THEMES
from tests.analysis.helpers_feedback import make_response
from tests.factories import LIFFORD_HOUSE, ONE_AVENUE_ROAD, make_site

NOVEMBER = (date(2026, 11, 1), date(2026, 11, 30))
IN_NOVEMBER = datetime(2026, 11, 10, 12, 0, tzinfo=UTC)
KIND = "The chair was kind and respectful to me."
RUDE = "I felt judged, the chair was rude and did not respect us."
UNPREPARED = "Nobody explained the report to me before the conference and I felt unprepared."


OVERALL = "Overall, how was the conference for you?"


def row(table, label):
    return next(r for r in table.rows if r[0] == label)


def rating(summary, question, respondent_type="Parents and carers"):
    return next(r for r in summary.ratings.rows if r[:2] == (respondent_type, question))


def test_an_empty_period_gives_every_table_full_of_zeros(session):
    make_site(session, ONE_AVENUE_ROAD)
    summary = feedback_summary(session, *NOVEMBER)
    assert (summary.respondents, summary.comments, summary.flagged) == (0, 0, 0)
    assert summary.needs_translation == 0
    assert summary.top_themes == [] and summary.quotes == {}
    assert summary.by_respondent_type.columns == ("Respondent type", ONE_AVENUE_ROAD, "Total")
    assert row(summary.by_respondent_type, "Total") == ("Total", 0, 0)
    assert summary.by_month.rows == (("2026-11", 0, 0, 0, 0), ("Total", 0, 0, 0, 0))
    assert [r[0] for r in summary.themes.rows] == list(THEMES.values())
    assert all(r[1:] == (0, 0, 0) for r in summary.themes.rows)
    assert summary.preparation_and_reports.quotes == {}
    for table in (summary.ratings, summary.theme_sentiment, summary.rating_options):
        assert shown(table).rows  # every table passes through disclosure control


def test_responses_are_counted_by_respondent_type_and_site_with_totals(session):
    for _ in range(6):
        make_response(session, respondent_type="parent", submitted_at=IN_NOVEMBER)
    make_response(session, respondent_type="child", submitted_at=IN_NOVEMBER)
    for _ in range(2):
        make_response(
            session, respondent_type="professional", site=LIFFORD_HOUSE, submitted_at=IN_NOVEMBER
        )
    make_response(session, respondent_type="parent", site=None, submitted_at=IN_NOVEMBER)
    make_response(session, submitted_at=None)  # started, never sent: not feedback yet
    table = feedback_summary(session, *NOVEMBER).by_respondent_type
    assert table.columns == (
        "Respondent type",
        LIFFORD_HOUSE,
        ONE_AVENUE_ROAD,
        "Site not known",
        "Total",
    )
    assert table.rows == (
        ("Parents and carers", 0, 6, 1, 7),
        ("Children and young people", 0, 1, 0, 1),
        ("Professionals", 2, 0, 0, 2),
        ("Total", 2, 7, 1, 10),
    )
    assert table.has_total_row and table.has_total_column
    # The 6 goes too: else 7 - 1 - 0 gives it, and then the 1 child at One Avenue Road.
    assert shown(table).rows[0] == ("Parents and carers", 0, SUPPRESSED, FEWER_THAN_5, 7)


def test_one_site_only_when_asked(session):
    make_response(session, submitted_at=IN_NOVEMBER)
    make_response(session, site=LIFFORD_HOUSE, submitted_at=IN_NOVEMBER)
    lifford = make_site(session, LIFFORD_HOUSE)
    summary = feedback_summary(session, *NOVEMBER, site_id=lifford.id)
    assert summary.respondents == 1
    assert summary.by_respondent_type.columns == ("Respondent type", LIFFORD_HOUSE, "Total")


@pytest.mark.parametrize(
    ("moment", "london_day"),
    [
        # British Summer Time began on 29 March 2026: 23:30 UTC on 31 March is 00:30 on 1 April.
        (datetime(2026, 3, 31, 23, 30, tzinfo=UTC), date(2026, 4, 1)),
        (datetime(2026, 3, 31, 22, 59, tzinfo=UTC), date(2026, 3, 31)),
        # GMT again from 25 October: the last minutes of October in UTC are October in London.
        (datetime(2026, 10, 31, 23, 59, tzinfo=UTC), date(2026, 10, 31)),
        (datetime(2026, 11, 30, 23, 59, tzinfo=UTC), date(2026, 11, 30)),
        (datetime(2026, 12, 1, 0, 0, tzinfo=UTC), date(2026, 12, 1)),
    ],
)
def test_a_response_belongs_to_its_london_calendar_day_and_month(session, moment, london_day):
    make_response(session, submitted_at=moment)
    assert feedback_summary(session, london_day, london_day).respondents == 1
    day = timedelta(days=1)
    assert feedback_summary(session, london_day - day, london_day - day).respondents == 0
    assert feedback_summary(session, london_day + day, london_day + day).respondents == 0
    whole = feedback_summary(session, date(2026, 1, 1), date(2026, 12, 31))
    assert row(whole.by_month, london_day.strftime("%Y-%m"))[-1] == 1
    assert len(whole.by_month.rows) == 13


def test_ratings_count_answers_leaning_each_way_and_the_share_positive(session):
    for overall, hear in (("5", "yes"), ("4", "partly"), ("3", "no"), ("1", "yes")):
        make_response(
            session, submitted_at=IN_NOVEMBER, answers={"overall": overall, "hear_and_see": hear}
        )
    make_response(session, submitted_at=IN_NOVEMBER, answers={"report_explained": "not_needed"})
    summary = feedback_summary(session, *NOVEMBER)
    ratings = {(r[0], r[1]): r[2:] for r in summary.ratings.rows}
    assert ratings[("Parents and carers", "Overall, how was the conference for you?")] == (
        2,
        1,
        1,
        4,
        50.0,
    )
    assert ratings[("Parents and carers", "Could you hear and see everyone in the meeting?")] == (
        2,
        1,
        1,
        4,
        50.0,
    )
    explained = "Did someone go through the report with you and explain it?"
    assert ratings[("Parents and carers", explained)] == (0, 0, 0, 0, None)
    options = {(r[0], r[1], r[2]): r[3] for r in summary.rating_options.rows}
    assert options[("Parents and carers", explained, "I did not need this")] == 1
    assert options[("Parents and carers", "Overall, how was the conference for you?", "Good")] == 1
    overall = summary.ratings.rows.index(rating(summary, OVERALL))
    assert shown(summary.ratings).rows[overall][2:] == (FEWER_THAN_5,) * 4 + (SUPPRESSED,)


def test_themes_count_comments_and_answers_with_their_sentiment(session):
    for _ in range(5):
        make_response(session, submitted_at=IN_NOVEMBER, comment=KIND, answers={"respect": "yes"})
    make_response(session, submitted_at=IN_NOVEMBER, comment=RUDE, answers={"respect": "no"})
    make_response(session, submitted_at=IN_NOVEMBER, comment=UNPREPARED)
    summary = feedback_summary(session, *NOVEMBER)
    respect = row(summary.themes, THEMES["respect_kindness"])
    assert respect == (THEMES["respect_kindness"], 6, 6, 12)
    feeling = row(summary.theme_sentiment, THEMES["respect_kindness"])
    assert feeling == (THEMES["respect_kindness"], 10, 0, 2, 12, 83.3, 16.7)
    assert summary.net_scores["respect_kindness"] == 66.7
    assert summary.net_scores["venue_travel_waiting"] is None
    assert summary.top_themes == [
        "respect_kindness",
        "preparation_explanation",
        "report_timeliness",
    ]
    assert summary.comments == 7


def test_quotes_come_from_themes_with_five_respondents_and_are_redacted(session):
    for n in range(5):
        make_response(
            session, submitted_at=IN_NOVEMBER, comment=f"{UNPREPARED} Call 0121 496 000{n}."
        )
    make_response(session, submitted_at=IN_NOVEMBER, comment=KIND)
    summary = feedback_summary(session, *NOVEMBER)
    assert "respect_kindness" not in summary.quotes  # one respondent only
    quotes = summary.quotes["preparation_explanation"]
    assert quotes.respondents == 5
    assert quotes.negative[0].text == f"{UNPREPARED} Call [phone]."
    assert quotes.negative[0].respondent_type == "parent"
    prep = summary.preparation_and_reports
    assert set(prep.quotes) == {"preparation_explanation", "report_timeliness"}
    assert prep.quotes["report_timeliness"].theme == "report_timeliness"


def test_a_flagged_response_counts_only_as_flagged_never_its_words(session):
    for _ in range(5):
        make_response(session, submitted_at=IN_NOVEMBER, comment=KIND)
    secret = "The chair was kind and respectful but my dad hits me when nobody is looking."
    make_response(
        session, submitted_at=IN_NOVEMBER, comment=secret, flagged=True, answers={"overall": "5"}
    )
    summary = feedback_summary(session, *NOVEMBER)
    assert summary.flagged == 1
    assert summary.respondents == 6  # they did give feedback
    assert summary.comments == 5
    assert row(summary.themes, THEMES["respect_kindness"])[1] == 5
    assert summary.quotes["respect_kindness"].respondents == 5
    quoted = [q.text for tq in summary.quotes.values() for q in tq.all()]
    assert quoted and not any("hits" in text for text in quoted)
    assert rating(summary, OVERALL)[2] == 1  # their ticked answers still count


def test_comments_not_in_english_are_counted_and_listed_for_translation(session):
    polish = make_response(
        session,
        submitted_at=IN_NOVEMBER,
        language="pl",
        comment="Nie dostałam raportu, nikt mi nic nie wyjaśnił.",
    )
    mixed = make_response(
        session, submitted_at=IN_NOVEMBER, comment="مرحبا بكم في الاجتماع شكرا جزيلا"
    )
    make_response(session, submitted_at=IN_NOVEMBER, comment=KIND)
    summary = feedback_summary(session, *NOVEMBER)
    assert summary.comments == 3
    assert summary.needs_translation == 2
    assert summary.translation_by_language == {"not known": 1, "pl": 1}
    assert summary.for_translation == {"not known": (mixed.id,), "pl": (polish.id,)}
    assert sum(r[1] for r in summary.themes.rows) == 1  # only the English comment has themes


def test_odd_comments_do_not_crash_and_still_count(session):
    for text in ("x" * 20_000, "😀😀😀", "The chair was kind. 你好 мир مرحبا", " \n "):
        make_response(session, submitted_at=IN_NOVEMBER, comment=text)
    summary = feedback_summary(session, *NOVEMBER)
    assert summary.respondents == 4
    assert summary.comments == 3  # a blank comment is no comment


def test_the_summary_reads_the_database_in_a_fixed_number_of_queries(session, engine):
    for n in range(30):
        make_response(
            session,
            submitted_at=IN_NOVEMBER,
            comment=KIND if n % 2 else UNPREPARED,
            answers={"overall": "5", "respect": "yes"},
        )
    session.flush()
    statements = []

    def count(*args):
        statements.append(args[2])

    event.listen(engine, "before_cursor_execute", count)
    try:
        feedback_summary(session, *NOVEMBER)
    finally:
        event.remove(engine, "before_cursor_execute", count)
    assert len([s for s in statements if s.lstrip().upper().startswith("SELECT")]) <= 4


def test_each_comment_is_analysed_once(session, monkeypatch):
    calls = []
    real = feedback.sentiment
    monkeypatch.setattr(feedback, "sentiment", lambda text: calls.append(text) or real(text))
    for n in range(6):
        make_response(session, submitted_at=IN_NOVEMBER, comment=f"{UNPREPARED} Case {n % 3}.")
    summary = feedback_summary(session, *NOVEMBER)
    assert sorted(calls) == [f"{UNPREPARED} Case {n}." for n in range(3)]  # repeats: once
    assert row(summary.themes, THEMES["preparation_explanation"])[1] == 6


def test_a_taxonomy_extended_by_configuration_gets_its_own_rows(session):
    from analysis.themes import extend

    taxonomy = extend("food=Food and drink", {"food": ("biscuits",)}, base=DEFAULT)
    for _ in range(5):
        make_response(session, submitted_at=IN_NOVEMBER, comment="There were no biscuits at all.")
    summary = feedback_summary(session, *NOVEMBER, taxonomy=taxonomy)
    assert row(summary.themes, "Food and drink") == ("Food and drink", 5, 0, 5)
    assert summary.top_themes[0] == "food"
    assert "food" in summary.quotes


@pytest.mark.parametrize(
    ("start", "end", "message"),
    [
        (date(2026, 11, 30), date(2026, 11, 1), "ends"),
        (datetime(2026, 11, 1, tzinfo=UTC), date(2026, 11, 30), "calendar days"),
        ("2026-11-01", date(2026, 11, 30), "calendar days"),
    ],
)
def test_a_bad_period_is_refused_clearly(session, start, end, message):
    with pytest.raises(ValueError, match=message):
        feedback_summary(session, start, end)
