"""The clock jobs the chat-ops domain owns: each module says what it needs run."""

from __future__ import annotations

from bot import checklist, consultations, escalations, midpoint, rota
from heard.scheduler import register_job


def register() -> None:
    """Register every chat-ops job with the scheduler (the database decides what is due)."""
    for module in (rota, consultations, checklist, escalations, midpoint):
        for job in module.jobs():
            register_job(job)
