"""WTForms' built-in messages in Bahasa Indonesia.

WTForms ships no Indonesian catalogue and Flask-WTF translates only through Flask-Babel, so a
field's own messages ("Not a valid integer value.", "This field is required.") would reach users
in English. Flask-WTF asks ``flask_wtf.form.translations`` for every form's translations;
``install()`` points it at this table once, at app creation. Our own validators already carry
Indonesian messages; this covers what WTForms says by itself.
"""

from __future__ import annotations

MESSAGES = {
    "This field is required.": "Isian ini wajib diisi.",
    "Invalid input.": "Isian tidak valid.",
    "Not a valid choice.": "Pilihan tidak valid.",
    "Invalid Choice: could not coerce.": "Pilihan tidak valid.",
    "Choices cannot be None.": "Pilihan tidak valid.",
    # SelectMultipleField: a value that is no choice, or one that cannot be read (forged). The
    # forged value is not echoed back.
    "'%(value)s' is not a valid choice for this field.": "Pilihan tidak valid.",
    "'%(value)s' are not valid choices for this field.": "Pilihan tidak valid.",
    "Invalid choice(s): one or more data inputs could not be coerced.": "Pilihan tidak valid.",
    "Not a valid integer value.": "Masukkan bilangan bulat.",
    "Not a valid decimal value.": "Masukkan angka.",
    "Not a valid float value.": "Masukkan angka.",
    "Not a valid date value.": "Tanggal tidak valid.",
    "Not a valid datetime value.": "Tanggal dan waktu tidak valid.",
    "Not a valid time value.": "Waktu tidak valid (jj:mm).",
    "Not a valid week value.": "Minggu tidak valid.",
    "Invalid email address.": "Alamat e-mail tidak valid.",
    "Invalid URL.": "Alamat URL tidak valid.",
    "Invalid UUID.": "UUID tidak valid.",
    "Invalid IP address.": "Alamat IP tidak valid.",
    "Invalid Mac address.": "Alamat MAC tidak valid.",
    "This field cannot be edited.": "Isian ini tidak dapat diubah.",
    "This field is disabled and cannot have a value.": "Isian ini dinonaktifkan.",
    "Field must be equal to %(other_name)s.": "Isian harus sama dengan %(other_name)s.",
    "Number must be at least %(min)s.": "Angka paling kecil %(min)s.",
    "Number must be at most %(max)s.": "Angka paling besar %(max)s.",
    "Number must be between %(min)s and %(max)s.": "Angka harus antara %(min)s dan %(max)s.",
    "Date must be at least %(min)s.": "Tanggal paling awal %(min)s.",
    "Date must be at most %(max)s.": "Tanggal paling akhir %(max)s.",
    "Date must be between %(min)s and %(max)s.": "Tanggal harus antara %(min)s dan %(max)s.",
    "Invalid value, must be one of: %(values)s.": "Nilai harus salah satu dari: %(values)s.",
    "Invalid value, can't be any of: %(values)s.": "Nilai tidak boleh: %(values)s.",
    "Field must be at least %(min)d character long.": "Isian minimal %(min)d karakter.",
    "Field must be at least %(min)d characters long.": "Isian minimal %(min)d karakter.",
    "Field cannot be longer than %(max)d character.": "Isian paling banyak %(max)d karakter.",
    "Field cannot be longer than %(max)d characters.": "Isian paling banyak %(max)d karakter.",
    "Field must be exactly %(max)d character long.": "Isian harus tepat %(max)d karakter.",
    "Field must be exactly %(max)d characters long.": "Isian harus tepat %(max)d karakter.",
    "Field must be between %(min)d and %(max)d characters long.": (
        "Panjang isian harus %(min)d sampai %(max)d karakter."
    ),
}


class IndonesianTranslations:
    """The gettext interface WTForms expects, backed by ``MESSAGES``."""

    def gettext(self, string: str) -> str:
        """The Indonesian text, or the original when we have none."""
        return MESSAGES.get(string, string)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        """Indonesian has no plural forms: one text per message."""
        return self.gettext(singular if n == 1 else plural)


def install() -> None:
    """Make every Flask-WTF form use the Indonesian messages (idempotent)."""
    import flask_wtf.form

    flask_wtf.form.translations = IndonesianTranslations()
