"""The clock: runs each registered job every few seconds, in its own process or inside `make run`.

The schedule only decides how often to look; the database decides what is due. Every job is
written so that running it twice, late, or in two clock processes at once is harmless (the
outbox claims rows one by one), so the jobs live in memory and are registered afresh at each
start: a persistent APScheduler job store would add state without adding safety.
"""

from __future__ import annotations

import logging
import os
import signal
import socket
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from types import FrameType

from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.schedulers.base import BaseScheduler
from apscheduler.schedulers.blocking import BlockingScheduler
from sqlalchemy.orm import Session, sessionmaker

from heard.clock import LONDON, utcnow
from heard.db import make_engine, session_factory
from heard.notify import Chat, Mailer, make_chat, make_mailer
from heard.outbox import deliver_due
from heard.settings import Settings

logger = logging.getLogger(__name__)

OUTBOX_SECONDS = 15


@dataclass(frozen=True)
class JobContext:
    """What a job may use: it opens its own transactions from `factory` and reads `now()`."""

    settings: Settings
    factory: sessionmaker[Session]
    mailer: Mailer
    chat: Chat
    worker: str
    now: Callable[[], datetime] = utcnow


@dataclass(frozen=True)
class Job:
    """A function run every SECONDS seconds with a JobContext; it owns its transactions."""

    name: str
    seconds: int
    func: Callable[[JobContext], object]


def deliver_outbox(context: JobContext) -> None:
    """Send every outbox message that is due."""
    report = deliver_due(
        context.factory,
        mailer=context.mailer,
        chat=context.chat,
        now=context.now,
        worker=context.worker,
    )
    if report.sent or report.failed or report.retried:
        logger.info(
            "outbox: %s sent, %s failed, %s to retry", report.sent, report.failed, report.retried
        )


_JOBS: dict[str, Job] = {"outbox": Job("outbox", OUTBOX_SECONDS, deliver_outbox)}


def register_job(job: Job) -> None:
    """Add JOB to every clock built from now on; registering the same job again is harmless."""
    existing = _JOBS.get(job.name)
    if existing is not None and existing != job:
        raise ValueError(f"a different clock job named {job.name!r} is already registered")
    _JOBS[job.name] = job


def registered_jobs() -> list[Job]:
    """The jobs a clock runs unless it is given others."""
    return list(_JOBS.values())


def worker_name() -> str:
    """This process's name in outbox claims: host and process id."""
    return f"{socket.gethostname()}:{os.getpid()}"[:80]


def build_scheduler(
    settings: Settings,
    factory: sessionmaker[Session],
    *,
    blocking: bool,
    jobs: Iterable[Job] | None = None,
) -> BaseScheduler:
    """A scheduler (not started) running JOBS, or the registered jobs, with the configured ports."""
    context = JobContext(
        settings=settings,
        factory=factory,
        mailer=make_mailer(settings),
        chat=make_chat(settings),
        worker=worker_name(),
    )
    scheduler: BaseScheduler = (
        BlockingScheduler(timezone=LONDON) if blocking else BackgroundScheduler(timezone=LONDON)
    )
    for job in registered_jobs() if jobs is None else jobs:
        scheduler.add_job(
            job.func,
            "interval",
            seconds=job.seconds,
            args=(context,),
            id=job.name,
            name=job.name,
            # Look once at start-up too, so a backlog left by a restart goes out at once.
            next_run_time=datetime.now(LONDON),
            # Runs missed while busy or asleep collapse into one: each run looks at every due
            # row anyway. One more than an interval late, it is dropped for the next.
            coalesce=True,
            max_instances=1,
            misfire_grace_time=job.seconds,
        )
    return scheduler


def start_in_process(settings: Settings, factory: sessionmaker[Session]) -> BaseScheduler:
    """Start the clock on a background thread of this process (`make run`); return it."""
    scheduler = build_scheduler(settings, factory, blocking=False)
    scheduler.start()
    return scheduler


def run_clock(settings: Settings) -> None:
    """Run the clock in the foreground until interrupted or terminated (`heard clock`)."""
    engine = make_engine(settings.database_url)
    scheduler = build_scheduler(settings, session_factory(engine), blocking=True)
    signal.signal(signal.SIGTERM, _exit_on_sigterm)
    logger.info("clock started as %s", worker_name())
    try:
        scheduler.start()
    except (KeyboardInterrupt, SystemExit):
        logger.info("clock stopping")
    finally:
        if scheduler.running:
            # Let a running job finish rather than leave claims to go stale for ten minutes.
            scheduler.shutdown(wait=True)
        engine.dispose()


def _exit_on_sigterm(signum: int, frame: FrameType | None) -> None:
    raise SystemExit(0)
