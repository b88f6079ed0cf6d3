"""HTML email with inline images, and Adaptive Cards, carried through the outbox to the ports."""

from __future__ import annotations

import email
import email.policy
from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy.orm import Session, sessionmaker

from heard import outbox
from heard.db import transaction
from heard.notify import ConsoleChat, ConsoleMailer, InlineImage, MemoryChat, MemoryMailer
from tests.heard.test_notify import Inbox, inbox, smtp_mailer  # noqa: F401  (inbox: a fixture)

NOW = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)
PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256))  # every byte value survives the trip
HTML = '<h1>Digest</h1><img src="cid:chart-1@heard.digest" alt="A chart">'


def test_the_smtp_mailer_sends_html_with_its_images_inline_by_content_id(inbox: Inbox) -> None:  # noqa: F811
    smtp_mailer(inbox).send(
        to="head@example.org",
        subject="Heard: the monthly digest for October 2026",
        body="The digest in plain text.",
        html=HTML,
        images=[InlineImage(cid="chart-1@heard.digest", data=PNG)],
    )

    [(_, recipients, content)] = inbox.received
    assert recipients == ["head@example.org"]
    message = email.message_from_bytes(content, policy=email.policy.default)
    assert message.get_content_type() == "multipart/alternative"
    plain, related = message.iter_parts()
    assert plain.get_content_type() == "text/plain"
    assert plain.get_content().strip() == "The digest in plain text."
    assert related.get_content_type() == "multipart/related"
    html_part, image = related.iter_parts()
    assert html_part.get_content_type() == "text/html"
    assert 'src="cid:chart-1@heard.digest"' in html_part.get_content()
    assert image.get_content_type() == "image/png"
    assert image["Content-ID"] == "<chart-1@heard.digest>"
    assert image.get_content() == PNG


def test_a_plain_text_email_is_still_a_single_text_part(inbox: Inbox) -> None:  # noqa: F811
    smtp_mailer(inbox).send(to="a@example.org", subject="Alert", body="Open alert 1.")
    [(_, _, content)] = inbox.received
    message = email.message_from_bytes(content, policy=email.policy.default)
    assert message.get_content_type() == "text/plain"


def test_the_memory_mailer_records_the_html_and_images() -> None:
    mailer = MemoryMailer()
    image = InlineImage(cid="c@x", data=PNG)
    mailer.send(to="a@example.org", subject="s", body="b", html=HTML, images=[image])
    mailer.send(to="b@example.org", subject="s", body="b")
    assert [(e.html, e.images) for e in mailer.sent] == [(HTML, (image,)), (None, ())]


def test_the_console_mailer_says_there_is_an_html_version(
    capsys: pytest.CaptureFixture[str],
) -> None:
    ConsoleMailer().send(
        to="a@example.org",
        subject="Digest",
        body="Plain text.",
        html=HTML,
        images=[InlineImage(cid="c@x", data=PNG)] * 2,
    )
    printed = capsys.readouterr().out
    assert "Plain text.\n(and an HTML version with 2 inline images)" in printed
    assert "<h1>" not in printed


def test_an_inline_image_survives_the_json_payload() -> None:
    image = InlineImage(cid="c@x", data=PNG, content_type="image/png")
    assert InlineImage.from_payload(image.to_payload()) == image


# Through the outbox --------------------------------------------------------------------------


def _enqueue(factory: sessionmaker[Session], **values: Any) -> None:
    with transaction(factory) as session:
        outbox.enqueue(
            session,
            **{
                "dedupe_key": "digest:2026-10:email:head@example.org",
                "channel": "email",
                "recipient": "head@example.org",
                "subject": "Digest",
                "body": "Plain text.",
                "now": NOW,
                **values,
            },
        )


def _deliver(factory: sessionmaker[Session], mailer: Any, chat: Any) -> outbox.DeliveryReport:
    return outbox.deliver_due(factory, mailer=mailer, chat=chat, now=lambda: NOW, worker="clock")


def test_the_outbox_carries_html_and_inline_images_to_the_mailer(
    sessions: sessionmaker[Session],
) -> None:
    image = InlineImage(cid="chart-1@heard.digest", data=PNG)
    _enqueue(sessions, payload=outbox.email_payload(HTML, [image]))
    mailer = MemoryMailer()
    assert _deliver(sessions, mailer, MemoryChat()).sent == 1
    [sent] = mailer.sent
    assert (sent.body, sent.html, sent.images) == ("Plain text.", HTML, (image,))


class PlainOnlyMailer:
    """A mailer written before HTML email: it takes only to, subject and body."""

    def __init__(self) -> None:
        self.sent: list[tuple[str, str, str]] = []

    def send(self, *, to: str, subject: str, body: str) -> None:
        self.sent.append((to, subject, body))


def test_a_plain_text_row_still_reaches_a_mailer_that_knows_no_html(
    sessions: sessionmaker[Session],
) -> None:
    _enqueue(sessions)
    mailer = PlainOnlyMailer()
    assert _deliver(sessions, mailer, MemoryChat()).sent == 1
    assert mailer.sent == [("head@example.org", "Digest", "Plain text.")]


class BlocksOnlyChat:
    """A chat adapter that draws blocks and knows nothing of cards (as Slack's does)."""

    def __init__(self) -> None:
        self.sent: list[dict[str, Any]] = []

    def post(
        self,
        *,
        channel: str,
        text: str,
        blocks: list[dict[str, Any]] | None = None,
        actions: list[dict[str, Any]] | None = None,
    ) -> None:
        self.sent.append({"channel": channel, "blocks": blocks})


CARD = {"type": "AdaptiveCard", "version": "1.5", "body": []}
BLOCKS = [{"type": "header", "text": {"type": "plain_text", "text": "Digest"}}]


def _enqueue_chat(factory: sessionmaker[Session]) -> None:
    _enqueue(
        factory,
        dedupe_key="digest:2026-10:chat:#cp-managers",
        channel="chat",
        recipient="#cp-managers",
        payload={"blocks": BLOCKS, "card": CARD},
    )


def test_a_card_goes_to_an_adapter_that_takes_cards(sessions: sessionmaker[Session]) -> None:
    _enqueue_chat(sessions)
    chat = MemoryChat()
    _deliver(sessions, MemoryMailer(), chat)
    [post] = chat.sent
    assert (post.card, post.blocks) == (CARD, BLOCKS)


def test_an_adapter_without_cards_gets_its_blocks_and_no_card(
    sessions: sessionmaker[Session],
) -> None:
    _enqueue_chat(sessions)
    chat = BlocksOnlyChat()
    assert _deliver(sessions, MemoryMailer(), chat).sent == 1
    assert chat.sent == [{"channel": "#cp-managers", "blocks": BLOCKS}]


def test_the_console_chat_says_a_card_came(capsys: pytest.CaptureFixture[str]) -> None:
    ConsoleChat().post(channel="#cp-managers", text="Digest", card=CARD)
    assert "(an Adaptive Card)" in capsys.readouterr().out
