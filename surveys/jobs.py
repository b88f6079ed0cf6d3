"""The clock jobs the surveys package owns, registered by the processes that run the clock."""

from __future__ import annotations

from heard.db import transaction
from heard.scheduler import Job, JobContext, register_job
from surveys.alerts import AlertRouting, escalate_unacknowledged
from surveys.contact_requests import purge_expired_contact_details


def chase_unacknowledged_alerts(context: JobContext) -> None:
    """Send alerts nobody has acknowledged in time to the assistant heads of service."""
    with transaction(context.factory) as session:
        escalate_unacknowledged(
            session, now=context.now(), routing=AlertRouting.from_settings(context.settings)
        )


def register() -> None:
    register_job(Job("chase-unacknowledged-alerts", 60, chase_unacknowledged_alerts))
    register_job(Job("purge-contact-details", 3600, purge_contact_details))


def purge_contact_details(context: JobContext) -> None:
    """Delete contact details once their retention period is over."""
    with transaction(context.factory) as session:
        purge_expired_contact_details(
            session, now=context.now(), retention_days=context.settings.contact_retention_days
        )
