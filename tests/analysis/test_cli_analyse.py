"""`heard analyse`: one JSON object per comment, and clear errors on bad files."""

from __future__ import annotations

import json

import click
import pytest
from click.testing import CliRunner

from analysis.themes import THEMES
from heard.cli.analyse import register


@pytest.fixture
def heard():
    @click.group()
    def cli() -> None:
        """A bare group: the command does not need the database."""

    register(cli)
    runner = CliRunner()

    def run(*args: str, ok: bool = True):
        result = runner.invoke(cli, list(args), catch_exceptions=False)
        assert (result.exit_code == 0) == ok, result.output
        return result

    return run


def test_it_prints_one_json_object_per_comment(heard, tmp_path):
    comments = tmp_path / "comments.csv"
    comments.write_text(
        "id,text,language\n"
        'a1,"No one explained the report, call 07700 900123",en\n'
        "a2,مجھے مترجم نہیں ملا,ur\n",
        encoding="utf-8",
    )
    lines = heard("analyse", str(comments)).output.splitlines()
    first, second = (json.loads(line) for line in lines)
    assert first["id"] == "a1"
    assert first["sentiment"] == "negative"
    assert "preparation_explanation" in first["themes"]
    assert first["redacted"].endswith("[phone]")
    assert second["needs_translation"] is True


def test_a_file_without_the_language_column_is_accepted(heard, tmp_path):
    comments = tmp_path / "comments.csv"
    comments.write_text("id,text\nb1,The chair was kind.\n", encoding="utf-8")
    assert json.loads(heard("analyse", str(comments)).output)["sentiment"] == "positive"


def test_a_bad_header_is_a_clear_error_and_changes_nothing(heard, tmp_path):
    comments = tmp_path / "comments.csv"
    comments.write_text("ref,comment\n1,hello\n", encoding="utf-8")
    result = heard("analyse", str(comments), ok=False)
    assert "id,text[,language]" in result.output
    assert comments.read_text(encoding="utf-8") == "ref,comment\n1,hello\n"


def test_a_file_that_is_not_utf8_is_a_clear_error_and_changes_nothing(heard, tmp_path):
    comments = tmp_path / "comments.csv"
    content = "id,text\n1,caf\xe9 was cold\n".encode("latin-1")
    comments.write_bytes(content)
    result = heard("analyse", str(comments), ok=False)
    assert "not UTF-8" in result.output
    assert "{" not in result.output
    assert comments.read_bytes() == content


def test_themes_lists_every_key_and_label(heard):
    output = heard("analyse", "--themes").output
    assert output.splitlines() == [f"{key}\t{label}" for key, label in THEMES.items()]


def test_no_file_and_no_flag_is_a_usage_error(heard):
    assert "--themes" in heard("analyse", ok=False).output
