"""`heard alerts list|show|ack|contacted`: the alerts queue in a terminal."""

from __future__ import annotations

import click

from heard.cli.common import settings, unit_of_work
from heard.clock import london, utcnow
from surveys import alerts as alert_cases
from surveys import contact_requests
from surveys.contact import ContactCipher
from surveys.models import Alert
from surveys.questionnaires import questionnaire_for


@click.group("alerts")
def group() -> None:
    """Alerts raised by feedback that needs a person."""


@group.command("list")
def list_alerts() -> None:
    """List alerts nobody has acknowledged yet (reasons only, never the words)."""
    with unit_of_work() as session:
        for alert in alert_cases.open_alerts(session):
            escalated = " escalated" if alert.escalated_at else ""
            when = f"{london(alert.created_at):%Y-%m-%d %H:%M}"
            click.echo(f"{alert.id}\t{when}\t{alert.kind}{escalated}\t{', '.join(alert.reasons)}")


@group.command("show")
@click.argument("alert_id", type=int)
@click.option("--by", "by", required=True, help="Your email address (the read is audit-logged).")
def show(alert_id: int, by: str) -> None:
    """Show the response behind an alert, and any contact details (audit-logged)."""
    now = utcnow()
    config = settings()
    with unit_of_work() as session:
        alert = session.get(Alert, alert_id)
        if alert is None:
            raise click.ClickException(f"No alert {alert_id}.")
        response = contact_requests.read_response(
            session, response_id=alert.response_id, reader=by, now=now
        )
        questionnaire = questionnaire_for(response.respondent_type, response.conference_type)
        click.echo(f"Alert {alert.id} ({alert.kind}): {', '.join(alert.reasons)}")
        click.echo(
            f"A {response.respondent_type}, answered in {response.language}, "
            f"{london(response.submitted_at):%d %b %Y %H:%M}"
        )  # type: ignore[arg-type]
        for answer in response.answers:
            question = questionnaire.question(answer.question_key)
            click.echo(
                f"- {question.text if question else answer.question_key}\n    {answer.value}"
            )
        if "contact_requested" in alert.reasons:
            cipher = ContactCipher.from_settings(config.contact_key, config.secret_key)
            contact = contact_requests.read_contact_details(
                session, response_id=response.id, reader=by, cipher=cipher, now=now
            )
            click.echo(f"Contact: {contact.method} {contact.details or '(no details kept)'}")


@group.command("ack")
@click.argument("alert_id", type=int)
@click.option("--by", "by", required=True, help="Your email address.")
@click.option("--note", default="", help="What you did.")
def ack(alert_id: int, by: str, note: str) -> None:
    """Acknowledge an alert: it stops being chased."""
    with unit_of_work() as session:
        alert_cases.acknowledge_alert(session, alert_id=alert_id, by=by, now=utcnow(), note=note)
    click.echo(f"Alert {alert_id} acknowledged.")


@group.command("contacted")
@click.argument("alert_id", type=int)
@click.option("--by", "by", required=True, help="Your email address.")
@click.option("--note", default="", help="What was agreed (no names).")
def contacted(alert_id: int, by: str, note: str) -> None:
    """Record that the respondent was contacted; their contact details are deleted."""
    with unit_of_work() as session:
        alert = session.get(Alert, alert_id)
        if alert is None:
            raise click.ClickException(f"No alert {alert_id}.")
        contact_requests.record_contact_made(
            session, response_id=alert.response_id, by=by, now=utcnow(), note=note
        )
    click.echo(f"Contact recorded for alert {alert_id}; the contact details are deleted.")


def register(cli: click.Group) -> None:
    cli.add_command(group)
