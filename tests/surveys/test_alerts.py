from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from heard.models import AuditEntry, OutboxMessage
from surveys import alerts, responses
from tests.factories import NOW, make_invitation
from tests.surveys.test_responses import ROUTING, answer_everything


def flagged_alert(session):
    issued = make_invitation(session)
    response = responses.start_or_resume(session, invitation=issued.invitation, now=NOW)
    answer_everything(session, response, "my dad hits me")
    responses.submit_response(session, response=response, now=NOW, routing=ROUTING)
    return session.scalar(select(alerts.Alert))


def escalations(session):
    return session.scalars(
        select(OutboxMessage).where(OutboxMessage.dedupe_key.like("alert-escalation:%"))
    ).all()


def test_an_alert_unacknowledged_after_an_hour_goes_to_the_assistant_heads_once(session):
    flagged_alert(session)
    assert (
        alerts.escalate_unacknowledged(session, now=NOW + timedelta(minutes=59), routing=ROUTING)
        == 0
    )
    assert (
        alerts.escalate_unacknowledged(session, now=NOW + timedelta(minutes=60), routing=ROUTING)
        == 1
    )
    assert (
        alerts.escalate_unacknowledged(session, now=NOW + timedelta(minutes=90), routing=ROUTING)
        == 0
    )
    assert {m.recipient for m in escalations(session)} == {"heads@example.org", "#heads"}


def test_an_acknowledged_alert_is_not_escalated_and_the_acknowledgement_is_audited(session):
    alert = flagged_alert(session)
    alerts.acknowledge_alert(
        session, alert_id=alert.id, by="amira.hussain@example.org", now=NOW + timedelta(minutes=5)
    )
    assert (
        alerts.escalate_unacknowledged(session, now=NOW + timedelta(hours=2), routing=ROUTING) == 0
    )
    assert escalations(session) == []
    entry = session.scalar(select(AuditEntry))
    assert (entry.action, entry.record_type, entry.record_id) == (
        "acknowledge",
        "alert",
        str(alert.id),
    )
    assert alerts.open_alerts(session) == []


def test_two_clocks_escalating_at_once_send_one_escalation(sessions):
    with sessions() as session:
        flagged_alert(session)
        session.commit()
    later = NOW + timedelta(hours=2)
    with sessions() as first, sessions() as second:
        counts = [alerts.escalate_unacknowledged(s, now=later, routing=ROUTING) for s in (first,)]
        first.commit()
        counts.append(alerts.escalate_unacknowledged(second, now=later, routing=ROUTING))
        second.commit()
    assert sorted(counts) == [0, 1]
    with sessions() as session:
        assert len(escalations(session)) == 2  # one email and one chat message, once
