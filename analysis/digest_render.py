"""The monthly digest drawn four ways: plain text, HTML email, Slack Block Kit, Teams card.

Each takes a `DigestContent` (every count already through disclosure control) and the address of
each chart: a `cid:` for the email, an https URL for Slack and Teams, a `data:` URI for a preview.
The email's HTML uses inline styles and plain tables, which every mail client renders.
"""

from __future__ import annotations

from html import escape
from typing import Any

from microsoft_teams.cards import AdaptiveCard, Fact, FactSet, Image, RichTextBlock, TextRun

from analysis.digest import DigestContent
from analysis.tables import Cell, Table

_SECTION, _BLOCKS = 3000, 50  # Slack's limits: characters in a section, blocks in a message
_CARD_LINE = 2000


def cell_text(cell: Cell, column: str = "") -> str:
    """A cell as a reader sees it: "fewer than 5", "12", "83.3%", or a dash for nothing."""
    if cell is None or cell == "":
        return "-"
    if isinstance(cell, float):
        text = f"{cell:.1f}"
        return f"{text}%" if "%" in column else text
    return str(cell)


def _summary_lines(content: DigestContent) -> list[str]:
    return [
        f"Feedback received: {cell_text(content.respondents)}.",
        f"Alerts raised by feedback (feedback that may show a child at risk): "
        f"{cell_text(content.alerts)}.",
        f"Comments waiting for translation: {cell_text(content.needs_translation)}.",
    ]


def _theme_lines(content: DigestContent) -> list[str]:
    if not content.themes:
        return ["No themes were raised this month."]
    lines = []
    for n, theme in enumerate(content.themes, start=1):
        lines.append(f"{n}. {theme.label} (raised {cell_text(theme.raised)} times)")
        if theme.quote:
            lines.append(f'   "{theme.quote}"')
    return lines


def _label_count(table: Table) -> int:
    """How many leading columns name a row ("Parents and carers", "Did you feel prepared?")."""
    for index, name in enumerate(table.columns):
        if name in table.count_columns or name in table.percentages:
            return max(index, 1)
    return 1


def _table_text(table: Table) -> list[str]:
    lines = [table.title]
    labels = _label_count(table)
    for row in table.rows:
        label = " - ".join(cell_text(c) for c in row[:labels])
        figures = ", ".join(
            f"{column} {cell_text(cell, column)}"
            for column, cell in zip(table.columns[labels:], row[labels:], strict=True)
        )
        lines.append(f"  {label}: {figures}")
    return lines


def text_body(content: DigestContent, chart_urls: dict[str, str]) -> str:
    """The plain-text email (and what mail clients without HTML show)."""
    lines = [content.title, "", *_summary_lines(content), ""]
    lines += [*_table_text(content.by_respondent_type), ""]
    lines += ["The three themes most raised:", *_theme_lines(content), ""]
    lines += [*_table_text(content.ratings), ""]
    lines += _table_text(content.preparation)
    lines += [f'  "{quote}"' for quote in content.preparation_quotes] + [""]
    for table in content.figures:
        lines += [*_table_text(table), ""]
    lines += [f"Chart: {chart.title}: {chart_urls[chart.key]}" for chart in content.charts]
    lines += ["", "Counts from 1 to 4 are shown as 'fewer than 5'."]
    return "\n".join(lines)


def chat_text(content: DigestContent, chart_urls: dict[str, str]) -> str:
    """The short text that leads a chat post (and all that adapters without blocks show)."""
    lines = [*_summary_lines(content), "", "The three themes most raised:", *_theme_lines(content)]
    lines += [""] + [f"{chart.title}: {chart_urls[chart.key]}" for chart in content.charts]
    return "\n".join(lines)


# HTML email --------------------------------------------------------------------------------

_TD = 'style="border:1px solid #b1b4b6;padding:4px 8px;text-align:{align}"'


def _html_table(table: Table) -> str:
    head = "".join(f"<th {_TD.format(align='left')}>{escape(c)}</th>" for c in table.columns)
    body = []
    for row in table.rows:
        cells = "".join(
            f"<td {_TD.format(align='left' if i == 0 or isinstance(c, str) else 'right')}>"
            f"{escape(cell_text(c, table.columns[i]))}</td>"
            for i, c in enumerate(row)
        )
        body.append(f"<tr>{cells}</tr>")
    note = f'<p style="color:#505a5f;font-size:14px">{escape(table.note)}</p>' if table.note else ""
    return (
        f"<h3>{escape(table.title)}</h3>"
        '<table style="border-collapse:collapse;font-size:14px">'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>{note}"
    )


def _html_chart(title: str, description: str, src: str) -> str:
    return (
        f'<p><img src="{escape(src)}" alt="{escape(description)}" title="{escape(title)}" '
        'width="640" style="max-width:100%;height:auto"></p>'
    )


def html_body(content: DigestContent, image_src: dict[str, str]) -> str:
    """The HTML email; IMAGE_SRC gives each chart's src (a cid: or a data: URI)."""
    charts = {c.key: _html_chart(c.title, c.description, image_src[c.key]) for c in content.charts}
    themes = "".join(
        f"<li><strong>{escape(t.label)}</strong> (raised {escape(cell_text(t.raised))} times)"
        + (f"<blockquote>{escape(t.quote)}</blockquote>" if t.quote else "")
        + "</li>"
        for t in content.themes
    )
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>{escape(content.title)}</title></head>",
        '<body style="font-family:Arial,sans-serif;color:#0b0c0c;max-width:760px">',
        f"<h1>{escape(content.title)}</h1>",
        "<ul>" + "".join(f"<li>{escape(line)}</li>" for line in _summary_lines(content)) + "</ul>",
        "<h2>Who gave feedback</h2>",
        _html_table(content.by_respondent_type),
        charts.get("feedback_by_respondent_type", ""),
        "<h2>The three themes most raised</h2>",
        f"<ol>{themes}</ol>" if themes else "<p>No themes were raised this month.</p>",
        "<h2>Ratings against the month before</h2>",
        _html_table(content.ratings),
        "<h2>What families said about preparation and reports</h2>",
        _html_table(content.preparation),
        *(f"<blockquote>{escape(q)}</blockquote>" for q in content.preparation_quotes),
        "<h2>Escalations, consultations and timeliness</h2>",
    ]
    for table in content.figures:
        parts += [_html_table(table), charts.get(table.key, "")]
    parts += [
        '<p style="color:#505a5f">Counts from 1 to 4 are shown as "fewer than 5", and other '
        "counts are hidden where a small number could be worked out from a total.</p>",
        "</body></html>",
    ]
    return "\n".join(parts)


# Slack Block Kit ---------------------------------------------------------------------------


def _mrkdwn(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _section(text: str) -> dict[str, Any]:
    clipped = text if len(text) <= _SECTION else text[: _SECTION - 1] + "…"
    return {"type": "section", "text": {"type": "mrkdwn", "text": clipped or " "}}


def _table_mrkdwn(table: Table) -> str:
    return "\n".join(
        [f"*{_mrkdwn(table.title)}*", *(_mrkdwn(line) for line in _table_text(table)[1:])]
    )


def slack_blocks(content: DigestContent, chart_urls: dict[str, str]) -> list[dict[str, Any]]:
    """The digest as Block Kit: summary, themes with quotes, tables, and each chart image."""
    blocks: list[dict[str, Any]] = [
        {"type": "header", "text": {"type": "plain_text", "text": content.title[:150]}},
        _section("\n".join(_mrkdwn(line) for line in _summary_lines(content))),
        _section(
            "*The three themes most raised*\n"
            + "\n".join(_mrkdwn(line) for line in _theme_lines(content))
        ),
        _section(_table_mrkdwn(content.ratings)),
        _section(_table_mrkdwn(content.preparation)),
        *(_section(_table_mrkdwn(table)) for table in content.figures),
    ]
    blocks += [
        {
            "type": "image",
            "image_url": chart_urls[chart.key],
            "alt_text": chart.description[:2000],
            "title": {"type": "plain_text", "text": chart.title[:2000]},
        }
        for chart in content.charts
    ]
    blocks.append(
        {
            "type": "context",
            "elements": [{"type": "mrkdwn", "text": "Counts from 1 to 4 show as fewer than 5."}],
        }
    )
    return blocks[:_BLOCKS]


# Teams Adaptive Card -----------------------------------------------------------------------


def _run(text: str, *, bold: bool = False, subtle: bool = False) -> RichTextBlock:
    # TextRuns are never read as markdown: a quote cannot smuggle in a link.
    clipped = text if len(text) <= _CARD_LINE else text[: _CARD_LINE - 1] + "…"
    run = TextRun(text=clipped or " ", weight="Bolder" if bold else None, is_subtle=subtle or None)
    return RichTextBlock(inlines=[run])


def _facts(table: Table) -> list[Any]:
    return [
        _run(table.title, bold=True),
        FactSet(facts=[Fact(title=title, value=value) for title, value in _fact_pairs(table)]),
    ]


def _fact_pairs(table: Table) -> list[tuple[str, str]]:
    pairs = []
    for line in _table_text(table)[1:]:
        label, _, figures = line.strip().partition(": ")
        pairs.append((label[:200], figures or "-"))
    return pairs


def teams_card(content: DigestContent, chart_urls: dict[str, str]) -> dict[str, Any]:
    """The digest as an Adaptive Card (1.5) with the chart images by URL."""
    body: list[Any] = [_run(content.title, bold=True)]
    body += [_run(line) for line in _summary_lines(content)]
    body.append(_run("The three themes most raised", bold=True))
    body += [_run(line) for line in _theme_lines(content)]
    for table in (content.ratings, content.preparation, *content.figures):
        body += _facts(table)
    body += [Image(url=chart_urls[c.key], alt_text=c.description[:1000]) for c in content.charts]
    body.append(_run("Counts from 1 to 4 show as fewer than 5.", subtle=True))
    card = AdaptiveCard(version="1.5", body=body)
    return card.model_dump(by_alias=True, exclude_none=True)
