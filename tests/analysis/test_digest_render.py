"""The digest drawn for email, Slack and Teams; its charts served by token; the preview command."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
import time_machine
from click.testing import CliRunner
from flask import Flask
from microsoft_teams.cards import AdaptiveCard
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from analysis import digest, digest_render
from analysis.models import Digest, DigestChart
from analysis.periods import Month
from analysis.suppression import FEWER_THAN_5
from analysis.tables import Table
from heard.cli import cli, common
from heard.db import transaction
from heard.models import OutboxMessage
from tests.analysis.helpers_feedback import make_response
from webforms import digest_charts
from webforms.app import create_app

OCT = Month.parse("2026-10")
URLS = {
    "feedback_by_respondent_type": "https://heard.test/digest-charts/a.png",
    "open_escalations": "https://heard.test/digest-charts/b.png",
}


def content(**changes: object) -> digest.DigestContent:
    """A digest with a quote that tries to smuggle markup into every format."""
    values: dict[str, object] = {
        "month": OCT,
        "respondents": 12,
        "by_respondent_type": Table(
            key="feedback_by_respondent_type",
            title="Feedback received by respondent type and site",
            columns=("Respondent type", "Total"),
            rows=(("Parents and carers", 7), ("Children and young people", FEWER_THAN_5)),
            count_columns=("Total",),
        ),
        "ratings": Table(
            key="digest_ratings",
            title="Ratings",
            columns=("Respondent type", "Question", "Answered", "% positive"),
            rows=(("Parents and carers", "Did you feel prepared?", 7, 71.4),),
        ),
        "themes": (
            digest.ThemeLine(
                "Interpreter and language", 6, "<b>No</b> interpreter & nobody <@U123> came."
            ),
            digest.ThemeLine("Report timeliness", FEWER_THAN_5, None),
        ),
        "preparation": Table(
            key="prep", title="Preparation", columns=("Question", "Parents"), rows=()
        ),
        "preparation_quotes": (),
        "figures": (),
        "alerts": FEWER_THAN_5,
        "needs_translation": 0,
        "charts": (
            digest.ChartImage("feedback_by_respondent_type", "Feedback", "Alt <text>", b"png"),
            digest.ChartImage("open_escalations", "Escalations", "Alt 2", b"png"),
        ),
    }
    values.update(changes)
    return digest.DigestContent(**values)  # type: ignore[arg-type]


def test_the_html_email_escapes_quotes_and_points_at_each_chart() -> None:
    html = digest_render.html_body(
        content(), {"feedback_by_respondent_type": "cid:a", "open_escalations": "cid:b"}
    )
    assert "&lt;b&gt;No&lt;/b&gt; interpreter &amp; nobody" in html
    assert "<b>No</b>" not in html
    assert '<img src="cid:a" alt="Alt &lt;text&gt;"' in html
    assert (
        "<li>Alerts raised by feedback (feedback that may show a child at risk): fewer than 5.</li>"
        in html
    )
    assert "71.4%" in html


def test_the_slack_blocks_escape_mentions_and_show_each_chart() -> None:
    blocks = digest_render.slack_blocks(content(), URLS)
    assert blocks[0] == {
        "type": "header",
        "text": {"type": "plain_text", "text": "Heard: the monthly digest for October 2026"},
    }
    text = str(blocks)
    assert "<@U123>" not in text and "&lt;@U123&gt;" in text
    images = [b for b in blocks if b["type"] == "image"]
    assert [(b["image_url"], b["alt_text"]) for b in images] == [
        (URLS["feedback_by_respondent_type"], "Alt <text>"),
        (URLS["open_escalations"], "Alt 2"),
    ]
    assert len(blocks) <= 50
    assert all(len(b["text"]["text"]) <= 3000 for b in blocks if b["type"] == "section")


def test_the_teams_card_is_a_valid_adaptive_card_with_the_chart_images() -> None:
    card = digest_render.teams_card(content(), URLS)
    AdaptiveCard.model_validate(card)  # Teams' own card model accepts it
    assert [e["url"] for e in card["body"] if e["type"] == "Image"] == list(URLS.values())
    runs = [e["inlines"][0]["text"] for e in card["body"] if e["type"] == "RichTextBlock"]
    assert "1. Interpreter and language (raised 6 times)" in runs
    assert "2. Report timeliness (raised fewer than 5 times)" in runs


def test_the_plain_text_lists_each_chart_address() -> None:
    text = digest_render.text_body(content(), URLS)
    assert "Chart: Feedback: https://heard.test/digest-charts/a.png" in text
    assert "Parents and carers: Total 7" in text
    assert "Children and young people: Total fewer than 5" in text


# Charts by token -----------------------------------------------------------------------------


@pytest.fixture
def client(settings, engine):
    app: Flask = create_app(settings, engine=engine)
    if "digest_charts" not in app.blueprints:  # until webforms/app.py registers it
        app.register_blueprint(digest_charts.blueprint)
    app.config["TESTING"] = True
    return app.test_client()


def _stored_chart(sessions: sessionmaker[Session]) -> str:
    with transaction(sessions) as session:
        row = Digest(
            month="2026-10",
            status="sent",
            claimed_by="clock",
            claimed_at=datetime(2026, 11, 2, 9, tzinfo=UTC),
            messages=0,
        )
        row.charts = [
            DigestChart(
                key="k", token="tok_" + "x" * 20, title="t", description="d", png=b"\x89PNGchart"
            )
        ]
        session.add(row)
    return "tok_" + "x" * 20


def test_a_chart_is_served_by_its_token_without_signing_in(client, sessions) -> None:
    token = _stored_chart(sessions)
    response = client.get(f"/digest-charts/{token}.png")
    assert response.status_code == 200
    assert response.mimetype == "image/png"
    assert response.data == b"\x89PNGchart"


@pytest.mark.parametrize("token", ["tok_" + "y" * 20, "short", "tok_" + "x" * 19 + "%2F"])
def test_an_unknown_or_malformed_token_is_not_found(client, sessions, token: str) -> None:
    _stored_chart(sessions)
    assert client.get(f"/digest-charts/{token}.png").status_code == 404


# The preview command -------------------------------------------------------------------------


@pytest.fixture
def heard(monkeypatch, database_url):
    monkeypatch.setenv("DATABASE_URL", database_url)
    common.reset()
    runner = CliRunner()

    def run(*args: str, ok: bool = True):
        result = runner.invoke(cli, list(args), catch_exceptions=False)
        assert (result.exit_code == 0) == ok, result.output
        return result

    with time_machine.travel(datetime(2026, 11, 23, 9, 30, tzinfo=UTC), tick=False):
        yield run
    common.reset()


def test_the_preview_writes_the_email_to_a_file_and_claims_and_sends_nothing(
    heard, sessions, tmp_path
) -> None:
    with transaction(sessions) as session:
        make_response(session, submitted_at=datetime(2026, 10, 14, 11, tzinfo=UTC))
    out = tmp_path / "digest.html"
    result = heard("digest", "--month", "2026-10", "--preview", "--out", str(out))
    assert "nothing was sent" in result.output
    html = out.read_text(encoding="utf-8")
    assert "<h1>Heard: the monthly digest for October 2026</h1>" in html
    assert html.count('src="data:image/png;base64,') == 3  # charts embedded: one file
    assert "Feedback received: fewer than 5." in html
    with sessions() as session:
        assert session.scalar(select(func.count()).select_from(Digest)) == 0
        assert session.scalar(select(func.count()).select_from(OutboxMessage)) == 0


def test_the_preview_refuses_a_month_that_is_not_one(heard) -> None:
    result = heard("digest", "--month", "2026-13", "--preview", ok=False)
    assert "is not a month: write it YYYY-MM" in result.output


def test_the_digest_command_will_not_send(heard) -> None:
    result = heard("digest", "--month", "2026-10", ok=False)
    assert "Only --preview" in result.output
