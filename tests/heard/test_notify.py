"""Notification ports: a real SMTP conversation, the console demo, the fakes, the registry."""

from __future__ import annotations

import email
import email.policy
import socket
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, AuthResult, Envelope, LoginPassword, Session

from heard.notify import (
    CHATS,
    ConsoleChat,
    ConsoleMailer,
    DeliveryError,
    Mailer,
    MemoryChat,
    MemoryMailer,
    SmtpMailer,
    make_chat,
    make_mailer,
)
from heard.settings import Settings, SettingsError


@dataclass
class Inbox:
    """An aiosmtpd handler: refuses addresses on request, keeps what it accepts."""

    refused: dict[str, str] = field(default_factory=dict)
    reject_data: str | None = None
    received: list[tuple[str, list[str], bytes]] = field(default_factory=list)
    port: int = 0

    async def handle_RCPT(
        self, server: SMTP, session: Session, envelope: Envelope, address: str, options: list[str]
    ) -> str:
        if address in self.refused:
            return self.refused[address]
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        if self.reject_data:
            return self.reject_data
        content = envelope.content if isinstance(envelope.content, bytes) else b""
        self.received.append((str(envelope.mail_from), list(envelope.rcpt_tos), content))
        return "250 Message accepted for delivery"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _accept_heard_login(
    server: SMTP, session: Session, envelope: Envelope, mechanism: str, data: Any
) -> AuthResult:
    ok = isinstance(data, LoginPassword) and (data.login, data.password) == (b"heard", b"s3cret")
    # handled=False: aiosmtpd then answers 535 itself instead of leaving the client waiting.
    return AuthResult(success=ok, handled=False)


@pytest.fixture
def inbox() -> Iterator[Inbox]:
    """A local SMTP server on 127.0.0.1 that accepts a plain-text login as heard/s3cret."""
    handler = Inbox(port=free_port())
    controller = Controller(
        handler,
        hostname="127.0.0.1",
        port=handler.port,
        authenticator=_accept_heard_login,
        auth_require_tls=False,
    )
    controller.start()
    yield handler
    controller.stop()


def smtp_mailer(inbox: Inbox, **overrides: Any) -> SmtpMailer:
    values: dict[str, Any] = {
        "host": "127.0.0.1",
        "port": inbox.port,
        "username": "",
        "password": "",
        "starttls": False,
        "sender": "heard@example.org",
        "timeout": 5,
    }
    return SmtpMailer(**(values | overrides))


def test_the_smtp_mailer_sends_a_real_message_to_a_local_server(inbox: Inbox) -> None:
    smtp_mailer(inbox).send(
        to="duty-po@example.org", subject="Feedback needs a person today", body="Open alert 1."
    )

    [(sender, recipients, content)] = inbox.received
    assert (sender, recipients) == ("heard@example.org", ["duty-po@example.org"])
    message = email.message_from_bytes(content, policy=email.policy.default)
    assert message["Subject"] == "Feedback needs a person today"
    assert message["From"] == "heard@example.org"
    assert message["Message-ID"].endswith("@example.org>")
    assert message.get_content().strip() == "Open alert 1."


def test_the_smtp_mailer_logs_in_when_a_username_is_set(inbox: Inbox) -> None:
    smtp_mailer(inbox, username="heard", password="s3cret").send(
        to="a@example.org", subject="s", body="b"
    )

    assert len(inbox.received) == 1


def test_a_wrong_smtp_password_is_a_temporary_failure_so_alerts_wait_for_the_fix(
    inbox: Inbox,
) -> None:
    with pytest.raises(DeliveryError) as raised:
        smtp_mailer(inbox, username="heard", password="wrong").send(
            to="a@example.org", subject="s", body="b"
        )

    assert raised.value.permanent is False
    assert inbox.received == []


def test_the_smtp_mailer_raises_a_permanent_error_when_the_server_refuses_the_recipient(
    inbox: Inbox,
) -> None:
    inbox.refused["nobody@example.org"] = "550 5.1.1 No such user"

    with pytest.raises(DeliveryError) as raised:
        smtp_mailer(inbox).send(to="nobody@example.org", subject="s", body="secret body")

    assert raised.value.permanent is True
    assert "550" in str(raised.value)
    assert "secret body" not in str(raised.value)


def test_a_recipient_greylisted_with_a_4xx_code_is_a_temporary_failure(inbox: Inbox) -> None:
    inbox.refused["busy@example.org"] = "451 4.7.1 Try again later"

    with pytest.raises(DeliveryError) as raised:
        smtp_mailer(inbox).send(to="busy@example.org", subject="s", body="b")

    assert raised.value.permanent is False


def test_content_the_server_rejects_with_a_5xx_code_is_a_permanent_failure(inbox: Inbox) -> None:
    inbox.reject_data = "554 5.6.0 Message rejected"

    with pytest.raises(DeliveryError) as raised:
        smtp_mailer(inbox).send(to="a@example.org", subject="s", body="b")

    assert raised.value.permanent is True


def test_an_smtp_server_that_is_not_listening_is_a_temporary_failure() -> None:
    mailer = SmtpMailer("127.0.0.1", free_port(), "", "", False, "heard@example.org", timeout=5)

    with pytest.raises(DeliveryError) as raised:
        mailer.send(to="a@example.org", subject="s", body="b")

    assert raised.value.permanent is False


@dataclass
class MailerCase:
    mailer: Mailer
    delivered: Callable[[], list[str]]
    refuse: Callable[[str], None]


@pytest.fixture(params=["memory", "smtp"])
def mailer_case(request: pytest.FixtureRequest) -> MailerCase:
    """The fake and the real mailer, seen through the same three operations."""
    if request.param == "memory":
        memory = MemoryMailer()
        return MailerCase(
            memory,
            lambda: [sent.to for sent in memory.sent],
            lambda address: memory.fail_next(DeliveryError("refused", permanent=True)),
        )
    inbox: Inbox = request.getfixturevalue("inbox")
    return MailerCase(
        smtp_mailer(inbox),
        lambda: [address for _, recipients, _ in inbox.received for address in recipients],
        lambda address: inbox.refused.__setitem__(address, "550 5.1.1 No such user"),
    )


def test_every_mailer_delivers_and_reports_a_refused_recipient_as_permanent(
    mailer_case: MailerCase,
) -> None:
    mailer_case.refuse("nobody@example.org")

    with pytest.raises(DeliveryError) as raised:
        mailer_case.mailer.send(to="nobody@example.org", subject="s", body="b")
    mailer_case.mailer.send(to="duty-po@example.org", subject="s", body="b")

    assert raised.value.permanent is True
    assert mailer_case.delivered() == ["duty-po@example.org"]


def test_the_console_mailer_prints_the_whole_email(capsys: pytest.CaptureFixture[str]) -> None:
    ConsoleMailer().send(to="duty-po@example.org", subject="Alert", body="Open alert 1.")

    printed = capsys.readouterr().out
    assert "Email to: duty-po@example.org" in printed
    assert "Subject: Alert" in printed
    assert "Open alert 1." in printed


def test_the_console_chat_prints_the_post(capsys: pytest.CaptureFixture[str]) -> None:
    ConsoleChat().post(channel="#cp-duty", text="Alert 1 needs a PO", blocks=[{"type": "divider"}])

    printed = capsys.readouterr().out
    assert "Chat to: #cp-duty" in printed
    assert "Alert 1 needs a PO" in printed
    assert "(1 blocks)" in printed


def test_the_memory_chat_records_each_post_and_raises_a_queued_failure() -> None:
    chat = MemoryChat()
    chat.fail_next(DeliveryError("channel_not_found", permanent=True))

    with pytest.raises(DeliveryError):
        chat.post(channel="#gone", text="x")
    chat.post(channel="#cp-duty", text="hello", blocks=[{"type": "divider"}])

    assert [(post.channel, post.text, post.blocks) for post in chat.sent] == [
        ("#cp-duty", "hello", [{"type": "divider"}])
    ]


def test_the_registry_chooses_adapters_by_setting() -> None:
    assert isinstance(make_mailer(Settings()), ConsoleMailer)
    assert isinstance(make_chat(Settings()), ConsoleChat)
    assert isinstance(make_mailer(Settings(mail_adapter="memory")), MemoryMailer)
    assert isinstance(make_chat(Settings(chat_adapter="memory")), MemoryChat)


def test_the_registry_builds_the_smtp_mailer_from_settings() -> None:
    settings = Settings(
        mail_adapter="smtp",
        smtp_host="mail.example.org",
        smtp_port=587,
        smtp_username="heard",
        smtp_password="pw",
        smtp_starttls=True,
        mail_from="noreply@example.org",
    )

    assert make_mailer(settings) == SmtpMailer(
        "mail.example.org", 587, "heard", "pw", True, "noreply@example.org"
    )


def test_a_new_chat_adapter_registers_by_name(monkeypatch: pytest.MonkeyPatch) -> None:
    slack = MemoryChat()
    monkeypatch.setitem(CHATS, "slack", lambda settings: slack)

    assert make_chat(Settings(chat_adapter="slack")) is slack


def test_an_unknown_adapter_names_its_variable() -> None:
    with pytest.raises(SettingsError, match="HEARD_CHAT_ADAPTER"):
        make_chat(Settings(chat_adapter="pigeon"))
