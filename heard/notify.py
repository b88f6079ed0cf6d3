"""The ports every notification leaves Heard through, their adapters, and one registry.

Use cases never call these directly for work that must not be lost: they write an outbox row
(`heard.outbox.enqueue`) and the clock sends it through a port chosen here by a setting.
"""

from __future__ import annotations

import base64
import importlib
import smtplib
import ssl
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from typing import Any, Protocol, TextIO, TypeVar

from heard.settings import Settings, SettingsError


class DeliveryError(Exception):
    """A message could not be delivered; `permanent` says whether trying again could help."""

    def __init__(self, message: str, *, permanent: bool) -> None:
        super().__init__(message)
        self.permanent = permanent


@dataclass(frozen=True)
class InlineImage:
    """An image an HTML email shows inline: its HTML refers to it as src="cid:CID"."""

    cid: str
    data: bytes
    content_type: str = "image/png"

    def to_payload(self) -> dict[str, str]:
        """As an outbox payload stores it (JSON: the bytes in base64)."""
        return {
            "cid": self.cid,
            "content_type": self.content_type,
            "data": base64.b64encode(self.data).decode("ascii"),
        }

    @classmethod
    def from_payload(cls, item: Mapping[str, object]) -> InlineImage:
        return cls(
            cid=str(item["cid"]),
            data=base64.b64decode(str(item["data"])),
            content_type=str(item.get("content_type") or "image/png"),
        )


class Mailer(Protocol):
    def send(
        self,
        *,
        to: str,
        subject: str,
        body: str,
        html: str | None = None,
        images: Sequence[InlineImage] | None = None,
    ) -> None:
        """Send one email (BODY in plain text; with HTML, an HTML alternative showing IMAGES
        inline by their content ids), or raise DeliveryError."""


class Chat(Protocol):
    def post(
        self,
        *,
        channel: str,
        text: str,
        blocks: list[dict[str, Any]] | None = None,
        actions: list[dict[str, Any]] | None = None,
    ) -> None:
        """Post one message to a chat channel or person, with buttons (ACTIONS, as
        `bot.notices.Action` dicts) drawn the adapter's way; or raise DeliveryError.

        An adapter that draws Adaptive Cards may also take `card: dict | None = None`: the
        outbox passes a message's own card only to adapters whose post names that parameter."""


@dataclass(frozen=True)
class SentEmail:
    to: str
    subject: str
    body: str
    html: str | None = None
    images: tuple[InlineImage, ...] = ()


@dataclass(frozen=True)
class ChatPost:
    channel: str
    text: str
    blocks: list[dict[str, Any]] | None = None
    actions: list[dict[str, Any]] | None = None
    card: dict[str, Any] | None = None


@dataclass
class MemoryMailer:
    """Records each email in `.sent`; `fail_next` makes the next sends raise, for tests."""

    sent: list[SentEmail] = field(default_factory=list)
    failures: list[DeliveryError] = field(default_factory=list)

    def fail_next(self, error: DeliveryError) -> None:
        """Make the next call to send raise ERROR instead of recording."""
        self.failures.append(error)

    def send(
        self,
        *,
        to: str,
        subject: str,
        body: str,
        html: str | None = None,
        images: Sequence[InlineImage] | None = None,
    ) -> None:
        """Record the email, or raise the next queued failure."""
        if self.failures:
            raise self.failures.pop(0)
        self.sent.append(
            SentEmail(to=to, subject=subject, body=body, html=html, images=tuple(images or ()))
        )


@dataclass
class MemoryChat:
    """Records each post in `.sent`; `fail_next` makes the next posts raise, for tests."""

    sent: list[ChatPost] = field(default_factory=list)
    failures: list[DeliveryError] = field(default_factory=list)

    def fail_next(self, error: DeliveryError) -> None:
        """Make the next call to post raise ERROR instead of recording."""
        self.failures.append(error)

    def post(
        self,
        *,
        channel: str,
        text: str,
        blocks: list[dict[str, Any]] | None = None,
        actions: list[dict[str, Any]] | None = None,
        card: dict[str, Any] | None = None,
    ) -> None:
        """Record the post, or raise the next queued failure."""
        if self.failures:
            raise self.failures.pop(0)
        self.sent.append(
            ChatPost(channel=channel, text=text, blocks=blocks, actions=actions, card=card)
        )


_RULE = "-" * 72


class ConsoleMailer:
    """Prints each email as a block on stdout: the embedded demo's outgoing mail."""

    def __init__(self, stream: TextIO | None = None) -> None:
        self._stream = stream

    def send(
        self,
        *,
        to: str,
        subject: str,
        body: str,
        html: str | None = None,
        images: Sequence[InlineImage] | None = None,
    ) -> None:
        """Print the email (its plain text; an HTML version is summarised, not printed)."""
        extra = ""
        if html is not None:
            count = len(images or ())
            extra = f"\n(and an HTML version with {count} inline image{'s' * (count != 1)})"
        block = f"{_RULE}\nEmail to: {to}\nSubject: {subject}\n\n{body}{extra}\n{_RULE}"
        # sys.stdout is looked up at each call so pytest's capture and redirects see it.
        print(block, file=self._stream or sys.stdout, flush=True)


class ConsoleChat:
    """Prints each chat post as a block on stdout: the embedded demo's chat workspace."""

    def __init__(self, stream: TextIO | None = None) -> None:
        self._stream = stream

    def post(
        self,
        *,
        channel: str,
        text: str,
        blocks: list[dict[str, Any]] | None = None,
        actions: list[dict[str, Any]] | None = None,
        card: dict[str, Any] | None = None,
    ) -> None:
        """Print the post (its text; blocks are summarised by count; buttons as lines to type)."""
        extra = f"\n({len(blocks)} blocks)" if blocks else ""
        extra += "\n(an Adaptive Card)" if card else ""
        # As `heard chat` takes them: "!accept 12" presses the button "consultation.accept", 12.
        buttons = "".join(
            f"\n[{a.get('label', '')}]  !{str(a.get('action_id', '')).rsplit('.', 1)[-1]} "
            f"{a.get('value', '')}".rstrip()
            for a in actions or ()
        )
        block = f"{_RULE}\nChat to: {channel}\n\n{text}{extra}{buttons}\n{_RULE}"
        print(block, file=self._stream or sys.stdout, flush=True)


@dataclass(frozen=True)
class SmtpMailer:
    """Sends through an SMTP server, one connection per message."""

    host: str
    port: int
    username: str
    password: str
    starttls: bool
    sender: str
    timeout: float = 30.0

    def send(
        self,
        *,
        to: str,
        subject: str,
        body: str,
        html: str | None = None,
        images: Sequence[InlineImage] | None = None,
    ) -> None:
        """Send the email; a refused recipient or rejected content is a permanent failure."""
        message = self._message(to=to, subject=subject, body=body, html=html, images=images)
        try:
            with smtplib.SMTP(self.host, self.port, timeout=self.timeout) as smtp:
                if self.starttls:
                    smtp.starttls(context=ssl.create_default_context())
                if self.username:
                    smtp.login(self.username, self.password)
                smtp.send_message(message)
        except smtplib.SMTPRecipientsRefused as error:
            codes = [code for code, _ in error.recipients.values()]
            raise DeliveryError(
                f"recipient refused ({', '.join(map(str, codes))})",
                permanent=all(500 <= code < 600 for code in codes),
            ) from None
        except smtplib.SMTPDataError as error:
            raise DeliveryError(
                f"message refused ({error.smtp_code})", permanent=500 <= error.smtp_code < 600
            ) from None
        except (smtplib.SMTPException, OSError) as error:
            # Connection, TLS, login or sender problems are faults in our own configuration or
            # network, not in this message: keep it and try again rather than lose an alert.
            raise DeliveryError(_describe(error), permanent=False) from None

    def _message(
        self,
        *,
        to: str,
        subject: str,
        body: str,
        html: str | None = None,
        images: Sequence[InlineImage] | None = None,
    ) -> EmailMessage:
        message = EmailMessage()
        message["From"] = self.sender
        message["To"] = to
        message["Subject"] = subject
        message["Date"] = formatdate(usegmt=True)
        message["Message-ID"] = make_msgid(domain=self.sender.rpartition("@")[2] or None)
        message.set_content(body)
        if html is not None:
            # multipart/alternative: the plain text, then multipart/related holding the HTML and
            # the images it shows by content id, so mail clients show the charts inline.
            message.add_alternative(html, subtype="html")
            html_part = message.get_payload()[-1]
            for image in images or ():
                maintype, _, subtype = image.content_type.partition("/")
                html_part.add_related(
                    image.data, maintype=maintype, subtype=subtype or "png", cid=f"<{image.cid}>"
                )
        return message


def _describe(error: Exception) -> str:
    code = getattr(error, "smtp_code", None)
    return f"{type(error).__name__} ({code})" if code else type(error).__name__


def _smtp(settings: Settings) -> Mailer:
    return SmtpMailer(
        host=settings.smtp_host,
        port=settings.smtp_port,
        username=settings.smtp_username,
        password=settings.smtp_password,
        starttls=settings.smtp_starttls,
        sender=settings.mail_from,
    )


# Adapters register here by name; the Slack and Teams chat adapters add themselves to CHATS.
MAILERS: dict[str, Callable[[Settings], Mailer]] = {
    "console": lambda settings: ConsoleMailer(),
    "memory": lambda settings: MemoryMailer(),
    "smtp": _smtp,
}


def _slack(settings: Settings) -> Chat:
    # The Slack port lives with the other Slack code in bot/adapters; it is named by path and
    # imported only when chosen, so that heard, the foundation, never imports bot.
    module = importlib.import_module("bot.adapters.slack_chat")
    return module.slack_chat(settings)  # type: ignore[no-any-return]


CHATS: dict[str, Callable[[Settings], Chat]] = {
    "console": lambda settings: ConsoleChat(),
    "memory": lambda settings: MemoryChat(),
    "slack": _slack,
    "teams": lambda s: importlib.import_module("bot.adapters.teams_connector").teams_chat(s),
}

_Factory = TypeVar("_Factory")


def make_mailer(settings: Settings) -> Mailer:
    """The mailer named by settings.mail_adapter."""
    return _pick(MAILERS, settings.mail_adapter, "HEARD_MAIL_ADAPTER")(settings)


def make_chat(settings: Settings) -> Chat:
    """The chat adapter named by settings.chat_adapter."""
    return _pick(CHATS, settings.chat_adapter, "HEARD_CHAT_ADAPTER")(settings)


def _pick(registry: dict[str, _Factory], name: str, variable: str) -> _Factory:
    try:
        return registry[name]
    except KeyError:
        known = ", ".join(sorted(registry))
        raise SettingsError(f"{variable} must be one of {known}, not {name!r}") from None
