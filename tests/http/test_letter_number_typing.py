"""The letter check by number and code: the number is compared as people retype it from paper."""

from __future__ import annotations

import re

from sisakat.services import letter_registry


def test_number_typed_with_other_case_or_spaces_still_finds_the_letter(client, make):
    """A KPU officer retyping "200.1.5.3/7/BAN.KBP/2026" from paper writes it in lower case or
    with spaces around the slashes; with the right printed code that is the same letter, and
    "Surat tidak ditemukan" would call a genuine letter doubtful."""
    letter = make.issued_letter()
    number = letter.number_text
    target = f"/verifikasi/{letter.token}"
    for typed in (number.lower(), number.replace("/", " / "), f" {number.upper()} "):
        answer = client.get("/cek-surat", query_string={"q": typed, "kode": letter.token})
        assert answer.status_code == 302, typed
        assert answer.headers["Location"].endswith(target)
        assert letter_registry.lookup(typed, letter.token) == letter


def test_another_number_with_the_code_is_still_refused(client, make):
    """Tolerance is for case and spaces only: another serial or year with this code is a
    forged pairing and stays "not found"."""
    letter = make.issued_letter()
    serial_changed = letter.number_text.replace("/", "/9", 1)
    for typed in (serial_changed, letter.number_text[:-1], letter.number_text + "1", "/"):
        answer = client.get("/cek-surat", query_string={"q": typed, "kode": letter.token})
        assert answer.status_code == 200, typed
        assert "Surat tidak ditemukan" in answer.get_data(as_text=True)
        assert letter_registry.lookup(typed, letter.token) is None


def test_number_and_code_typed_into_each_others_box_still_find_the_letter(client, make):
    """The letter's number stands at its top and the code at its foot, so the number goes in
    first, into the first box (the code's): a number can never be a code (it has dots and
    slashes), so the two boxes are read the other way round instead of "tidak ditemukan"."""
    letter, other = make.issued_letter(), make.issued_letter()
    swapped = {"kode": letter.number_text, "q": letter.token.lower()}
    answer = client.get("/cek-surat", query_string=swapped)
    assert answer.status_code == 302
    assert answer.headers["Location"].endswith(f"/verifikasi/{letter.token}")
    # Swapped or not, the number and the code must still be the same letter's.
    mixed = client.get("/cek-surat", query_string={"kode": other.number_text, "q": letter.token})
    assert "Surat tidak ditemukan" in mixed.get_data(as_text=True)


def test_the_code_boxes_keep_a_phone_keyboard_from_rewriting_them(client):
    """On a phone, autocorrect and autocapitalisation rewrote a typed code group or a number
    part into a word: both boxes now ask for capitals, no spelling correction and no saved
    entries (the home page and the check page share the form)."""
    for url in ("/", "/cek-surat"):
        html = client.get(url).get_data(as_text=True)
        for name in ("kode", "q"):
            tag = re.search(rf'<input[^>]*name="{name}"[^>]*>', html).group(0)
            wanted = ("characters", "off", "false", "off")
            names = ("autocapitalize", "autocorrect", "spellcheck", "autocomplete")
            for attribute, value in zip(names, wanted, strict=True):
                assert f'{attribute}="{value}"' in tag, (url, name, attribute)
