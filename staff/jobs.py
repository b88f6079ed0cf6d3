"""The clock jobs the staff package owns, registered by the processes that run the clock."""

from __future__ import annotations

import logging

from heard.db import transaction
from heard.scheduler import Job, JobContext, register_job
from staff.retention import purge

logger = logging.getLogger(__name__)
RETENTION_SECONDS = 3600


def purge_expired(context: JobContext) -> None:
    """Delete contact details, responses and audit rows past their retention periods."""
    with transaction(context.factory) as session:
        purged = purge(session, now=context.now(), settings=context.settings)
    if purged.anything:
        logger.info("retention: %s", purged.describe())


def register() -> None:
    register_job(Job("retention", RETENTION_SECONDS, purge_expired))
