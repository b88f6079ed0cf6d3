from pathlib import Path

import pytest

from heard.i18n import LANGUAGES
from heard.readaloud import (
    PACKAGED_DIR,
    VOICES,
    clip_key,
    clip_path,
    find_clip,
    is_untranslated,
    manifest,
    translated,
)
from surveys.readaloud import page_texts

ENGLISH = page_texts("en")
INTRO = ENGLISH[0]


def texts_to_speak(language: str) -> list[str]:
    return translated(language, page_texts(language), ENGLISH)


def record(folder: Path, language: str, text: str) -> Path:
    path = folder / language / f"{clip_key(language, text)}.mp3"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"ID3 a human recording")
    return path


def test_a_clip_key_is_sixteen_hex_digits_that_never_change_for_the_same_text() -> None:
    # Pinned: changing how keys are made orphans every clip, human recordings included.
    assert clip_key("en", "Yes") == "7b9ccf72489924cb"


def test_the_same_text_has_a_different_clip_in_each_language() -> None:
    assert clip_key("en", INTRO) != clip_key("en-easy", INTRO)


def test_a_changed_translation_needs_a_new_clip() -> None:
    assert clip_key("pl", "Tak") != clip_key("pl", "Tak.")


def test_a_human_recording_in_the_override_folder_wins_over_the_packaged_clip(
    tmp_path: Path,
) -> None:
    recording = record(tmp_path, "en", INTRO)

    assert find_clip("en", INTRO, override_dir=str(tmp_path)) == recording
    assert find_clip("en", INTRO) == PACKAGED_DIR / "en" / recording.name


def test_a_human_recording_is_found_for_a_language_with_no_machine_voice(tmp_path: Path) -> None:
    recording = record(tmp_path, "so", "Haa")

    assert find_clip("so", "Haa", override_dir=str(tmp_path)) == recording


def test_a_text_nobody_has_recorded_has_no_clip(tmp_path: Path) -> None:
    assert find_clip("en", "Nobody ever said this.", override_dir=str(tmp_path)) is None


@pytest.mark.parametrize(
    ("language", "key"),
    [
        ("en", "../../../../etc/passwd"),
        ("en", "..%2F..%2Fsecret"),
        ("en", "0123456789ABCDEF"),
        ("en", "0123456789abcdef0"),
        ("..", "0123456789abcdef"),
        ("en/../..", "0123456789abcdef"),
        ("xx", "0123456789abcdef"),
    ],
)
def test_a_name_that_could_leave_the_audio_folder_finds_nothing(
    tmp_path: Path, language: str, key: str
) -> None:
    (tmp_path / "0123456789abcdef.mp3").write_bytes(b"outside any language folder")
    override = tmp_path / "recordings"

    assert clip_path(language, key, override_dir=str(override)) is None


def test_english_source_text_is_not_read_aloud_by_a_foreign_voice() -> None:
    assert is_untranslated("ur", INTRO, ENGLISH)
    assert is_untranslated("pl", "Czy dostałeś raport? ... Tak ... No", ENGLISH)
    assert not is_untranslated("pl", "Czy dostałeś raport? ... Tak ... Nie", ENGLISH)


def test_easy_read_english_is_read_aloud_even_where_it_matches_plain_english() -> None:
    assert not is_untranslated("en-easy", INTRO, ENGLISH)


def test_every_language_of_the_form_has_a_voice_and_somali_borrows_oromos() -> None:
    assert set(VOICES) == set(LANGUAGES)
    # espeak-ng has no Somali; its closest relative there is Oromo (see heard/readaloud.py).
    assert VOICES["so"].espeak == "om"


@pytest.mark.parametrize("language", sorted(VOICES))
def test_every_text_the_form_reads_aloud_has_a_clip(language: str) -> None:
    missing = [text for text in texts_to_speak(language) if find_clip(language, text) is None]

    assert missing == [], "run: python scripts/render_audio.py"


@pytest.mark.parametrize("language", sorted(VOICES))
def test_the_manifest_names_exactly_the_clips_the_form_needs(language: str) -> None:
    wanted = {clip_key(language, text): text for text in texts_to_speak(language)}
    packaged = {path.stem for path in (PACKAGED_DIR / language).glob("*.mp3")}

    assert manifest(language) == wanted, "run: python scripts/render_audio.py"
    assert packaged == set(wanted), "stale clips: run python scripts/render_audio.py"


def test_a_language_with_no_packaged_clips_has_an_empty_manifest() -> None:
    assert manifest("not-a-language") == {}


def test_the_packaged_clips_stay_small_enough_to_keep_in_the_repository() -> None:
    size = sum(path.stat().st_size for path in PACKAGED_DIR.rglob("*.mp3"))

    assert size < 15 * 1024 * 1024
