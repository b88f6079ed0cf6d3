"""The clock jobs the surveys package owns, registered by the processes that run the clock."""

from __future__ import annotations

from heard.db import transaction
from heard.scheduler import Job, JobContext, register_job
from surveys.alerts import AlertRouting, escalate_unacknowledged


def chase_unacknowledged_alerts(context: JobContext) -> None:
    """Send alerts nobody has acknowledged in time to the assistant heads of service."""
    with transaction(context.factory) as session:
        escalate_unacknowledged(
            session, now=context.now(), routing=AlertRouting.from_settings(context.settings)
        )


def register() -> None:
    # Contact details are purged by the retention job (staff/retention.py), which honours the
    # period an administrator sets.
    register_job(Job("chase-unacknowledged-alerts", 60, chase_unacknowledged_alerts))
