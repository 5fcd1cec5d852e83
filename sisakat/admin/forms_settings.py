"""Super admin forms for the office settings: agency profile (letterhead) and signatory."""

from __future__ import annotations

from typing import Any

from flask_wtf.file import FileField
from werkzeug.datastructures import FileStorage
from wtforms import SelectChoice, SelectField, StringField, ValidationError
from wtforms.validators import DataRequired, Email, InputRequired, Length, Optional, Regexp

from sisakat.forms_common import (
    SeenForm,
    chosen_file,
    clean_text,
    no_control_chars,
    single_line,
)
from sisakat.services import images, office, settings

PHONE = Regexp(r"^[0-9+()\-. ]*\Z", message="Hanya angka, spasi, dan tanda + ( ) - .")
# An office e-mail address (the agency's, the public contact one): one check for both pages.
EMAIL = Email("Alamat e-mail tidak valid.", granular_message=False)
WEBSITE = Regexp(
    r"^(https?://)?[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+(/[^\s]*)?\Z",
    message="Alamat situs tidak valid (contoh: kesbangpol.contoh.go.id).",
)


def text(label: str, max_len: int, required: str | None = None, *extra) -> StringField:
    """A one-line text field: cleaned, no control characters, bounded length."""
    first = DataRequired(required) if required else Optional()
    return StringField(
        label,
        filters=[clean_text],
        validators=[
            first,
            no_control_chars,
            single_line,
            Length(max=max_len, message=f"Maksimal {max_len} karakter."),
            *extra,
        ],
    )


def without_spaces(value: object) -> object:
    """Filter: ``19700101 199501 1 001`` as typed from a letter becomes 18 bare digits."""
    return value.replace(" ", "") if isinstance(value, str) else value


class AgencySettingsForm(SeenForm):
    """The agency profile printed in the letterhead and used for dates."""

    government = text("Pemerintah daerah", 200, "Isi nama pemerintah daerah.")
    name = text("Nama instansi", 200, "Isi nama instansi.")
    short_name = text("Nama singkat", 120, "Isi nama singkat instansi.")
    region = text("Wilayah", 120, "Isi nama wilayah.")
    address = text("Alamat", 300, "Isi alamat kantor.")
    phone = text("Telepon", 60, None, PHONE)
    fax = text("Faksimile", 60, None, PHONE)
    email = text("E-mail", 254, None, EMAIL)
    website = text("Situs web", 200, None, WEBSITE)
    city = text("Kota pada tanggal surat", 80, "Isi kota pada tanggal surat.")
    timezone = SelectField(
        "Zona waktu",
        choices=[SelectChoice(zone, zone) for zone in settings.TIMEZONES],
        validators=[InputRequired("Pilih zona waktu.")],
        invalid_choice_message="Pilihan tidak valid.",
    )
    emblem = FileField("Lambang daerah", render_kw={"accept": images.ACCEPT})

    def validate(self, extra_validators=None) -> bool:
        """The fields' own checks and, in the same round, every kop line too long to print
        readably (``office.kop_problems``) beside its field."""
        valid = super().validate(extra_validators)
        problems = office.kop_problems(self.values())
        for name, message in problems.items():
            if not self[name].errors:
                self[name].errors = [*self[name].errors, message]
        return valid and not problems

    def values(self) -> dict[str, Any]:
        """The agency settings keyed as in ``office.AGENCY_KEYS``."""
        return {key: getattr(self, key).data or "" for key in office.AGENCY_KEYS}

    def emblem_upload(self) -> FileStorage | None:
        """The uploaded emblem, or None when no file was chosen."""
        return chosen_file(self.emblem)


class SignatorySettingsForm(SeenForm):
    """The official who signs letters, as printed under the signature."""

    prefix = SelectField(
        "Awalan",
        choices=[
            SelectChoice("", "Tanpa awalan"),
            SelectChoice("a.n.", "a.n. (atas nama)"),
            SelectChoice("Plt.", "Plt. (pelaksana tugas)"),
            SelectChoice("Plh.", "Plh. (pelaksana harian)"),
        ],
        invalid_choice_message="Pilihan tidak valid.",
    )
    on_behalf_of = text("Baris atas nama", 200)
    position = text("Jabatan", 200, "Isi jabatan penandatangan.")
    region_line = text("Baris wilayah", 200)
    name = text("Nama lengkap dan gelar", 120, "Isi nama penandatangan.")
    rank = text("Pangkat/golongan", 120, "Isi pangkat dan golongan.")
    nip = StringField(
        "NIP",
        render_kw={"inputmode": "numeric"},
        filters=[clean_text, without_spaces],
        validators=[
            DataRequired("Isi NIP."),
            no_control_chars,
            Regexp(r"^[0-9]{18}\Z", message="NIP harus 18 angka."),
        ],
    )

    def validate_on_behalf_of(self, field) -> None:
        """a.n. needs the line naming on whose behalf (rule from the service)."""
        problem = office.signatory_problem(self.prefix.data or "", field.data or "")
        if problem:
            raise ValidationError(problem)

    def values(self) -> dict[str, Any]:
        """The signatory settings keyed as in ``office.SIGNATORY_KEYS``."""
        return {key: getattr(self, key).data or "" for key in office.SIGNATORY_KEYS}
