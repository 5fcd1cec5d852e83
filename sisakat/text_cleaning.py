"""What every typed text goes through before a form hands it on (``clean_text``, the filter of
every text field; ``forms_common`` re-exports it) and the validators refusing what no reader sees
(``no_control_chars``) or what a one-line field must not hold (``single_line``)."""

from __future__ import annotations

import unicodedata

from wtforms import ValidationError

CONTROL_OK = {"\n", "\t"}
BIDI_OVERRIDES = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# Characters that draw nothing: spaces, format characters (zero-width space U+200B, joiners,
# BOM, bidi marks), lone combining marks, and the blank letters Unicode does not class as
# spaces (Hangul fillers, braille blank).
INVISIBLE_CATEGORIES = frozenset({"Zs", "Zl", "Zp", "Cf", "Mn", "Me"})
INVISIBLE_CHARS = frozenset("\u115f\u1160\u2800\u3164\uffa0")
# The spaces a paste brings (Word's no-break space U+00A0, the narrow one U+202F, en and em
# spaces, the ideographic space U+3000: every Unicode space separator but the plain one) read
# as the space they look like; zero-width spaces (U+200B, the word joiner U+2060, the BOM
# U+FEFF) are dropped. Joiners (U+200C, U+200D) stay: emoji and some scripts need them.
UNICODE_SPACES = "\u00a0\u1680" + "".join(map(chr, range(0x2000, 0x200B))) + "\u202f\u205f\u3000"
ZERO_WIDTH_SPACES = "\u200b\u2060\ufeff"
# The line and paragraph separators some editors paste (U+2028, U+2029) are the line break they
# stand for: a multi-line field keeps it, a one-line field refuses it (``single_line``).
LINE_SEPARATORS = "\u2028\u2029"
_FOLD = str.maketrans(
    dict.fromkeys(UNICODE_SPACES, " ")
    | dict.fromkeys(LINE_SEPARATORS, "\n")
    | dict.fromkeys(ZERO_WIDTH_SPACES)
)


def is_invisible(text: str) -> bool:
    """True when ``text`` has no character a reader would see (empty counts as invisible).
    Control and bidi-override characters count as seen: ``no_control_chars`` names them."""
    for ch in text:
        if ch.isspace() or ch in INVISIBLE_CHARS:
            continue
        if ch in BIDI_OVERRIDES or unicodedata.category(ch) not in INVISIBLE_CATEGORIES:
            return False
    return True


def clean_text(value: object) -> object:
    """WTForms filter: strip, NFC-normalise, turn CRLF and the Unicode line and paragraph
    separators into LF and fold the Unicode spaces to a plain space, zero-width ones removed
    (None and non-str unchanged): "Ketua Umum" pasted from Word with a no-break space is
    stored, compared and printed with a plain one. Every text field has this filter, the
    one-line ones (names, titles: what is compared) as the others (line breaks and tabs kept;
    a line break is then refused by ``single_line`` in a one-line field). A value with no
    visible character (only zero-width spaces, say) becomes "", so a required field says it
    is empty instead of storing a name nobody can read."""
    if not isinstance(value, str):
        return value
    text = unicodedata.normalize("NFC", value.replace("\r\n", "\n").replace("\r", "\n"))
    text = text.translate(_FOLD)
    return "" if is_invisible(text) else text.strip()


def no_control_chars(form, field) -> None:
    """WTForms validator: refuse NUL and other control or bidi-override characters."""
    data = field.data
    if not isinstance(data, str):
        return
    for at, ch in enumerate(data):
        if ch in CONTROL_OK:
            continue
        if unicodedata.category(ch) == "Cc" or ch in BIDI_OVERRIDES:
            raise ValidationError(
                f"Teks memuat karakter yang tidak diizinkan. {_where_unseen(data[:at])}"
            )


def _where_unseen(before: str) -> str:
    """Where a refused character sits: it draws nothing (a form feed pasted from a PDF, say),
    so the message names the words just before it."""
    words = before.split()
    shown = " ".join(words[-4:])
    if len(words) > 4 or len(shown) > 40:
        shown = "… " + shown[-40:].lstrip()
    where = f"setelah “{shown}”" if words else "di awal teks"
    return f"Karakter itu tidak terlihat; letaknya {where}. Hapus lalu ketik ulang bagian itu."


def single_line(form, field) -> None:
    """WTForms validator: no line breaks in a one-line field."""
    if isinstance(field.data, str) and ("\n" in field.data or "\t" in field.data):
        raise ValidationError("Isian ini harus satu baris.")
