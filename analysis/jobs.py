"""The clock jobs of analysis: the monthly digest, and the weekly human check on the screen."""

from __future__ import annotations

from analysis import digest
from heard.scheduler import Job, JobContext, register_job
from surveys import screen_check

# Each run only looks at the database: a digest that is due and unsent goes out within five
# minutes of 09:00, or as soon as a clock that was down comes back.
DIGEST_SECONDS = 300
SCREEN_CHECK_SECONDS = 900


def send_due_digests(context: JobContext) -> None:
    """Send last month's digest (and any missed one) once it is due."""
    digest.send_due(
        context.factory,
        now=context.now(),
        worker=context.worker,
        recipients=digest.Recipients.from_settings(context.settings),
    )


def jobs() -> list[Job]:
    return [
        Job("monthly-digest", DIGEST_SECONDS, send_due_digests),
        Job("screen-check-sample", SCREEN_CHECK_SECONDS, screen_check.take_sample_job),
    ]


def register() -> None:
    """Register the digest and screen-check jobs with the scheduler."""
    for job in jobs():
        register_job(job)
