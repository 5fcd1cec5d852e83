"""Pemohon forms: the applicant profile (biodata partai or ormas), board composition and logo."""

from __future__ import annotations

from typing import Any

from flask_wtf.file import FileField
from werkzeug.datastructures import FileStorage
from wtforms import (
    DateField,
    FieldList,
    Form,
    FormField,
    SelectChoice,
    SelectField,
    StringField,
)
from wtforms.utils import unset_value
from wtforms.validators import (
    DataRequired,
    Email,
    InputRequired,
    Length,
    Optional,
    Regexp,
    ValidationError,
)

from sisakat.forms_common import (
    ActionForm,
    chosen_file,
    clean_text,
    no_control_chars,
    plausible_date,
    single_line,
)
from sisakat.models import ApplicantKind, LegalForm, Level
from sisakat.services import board_positions, images, office, parties, party_level

BLANK_ROWS = 3  # extra empty rows so the form works without JavaScript
DEFAULT_POSITIONS = ("Ketua", "Wakil Ketua", "Sekretaris", "Bendahara")


def text(
    label: str, max_len: int, required: str | None = None, *extra, render_kw: dict | None = None
) -> StringField:
    """A one-line text field: cleaned, no control characters, length of its column."""
    first = DataRequired(required) if required else Optional()
    return StringField(
        label,
        render_kw=render_kw,
        filters=[clean_text],
        validators=[
            first,
            no_control_chars,
            single_line,
            Length(max=max_len, message=f"Maksimal {max_len} karakter."),
            *extra,
        ],
    )


def date_field(label: str, required: str | None) -> DateField:
    """An HTML date input (``YYYY-MM-DD``) with Indonesian messages; optional without
    ``required``."""
    return DateField(
        label,
        validators=[InputRequired(required) if required else Optional(), plausible_date],
        invalid_value_message="Tanggal tidak valid.",
    )


def npwp_ok(form, field) -> None:
    """Validator: 15 or 16 digits, dots, hyphens and spaces allowed (rule from the service)."""
    try:
        parties.normalise_npwp(field.data)
    except parties.ProfileInvalid as exc:
        raise ValidationError(exc.message) from None


def digits_between(low: int, high: int, message: str):
    """Validator: the number of digits in the value lies in ``[low, high]``."""

    def check(form, field) -> None:
        if field.data and not low <= sum(ch.isdigit() for ch in field.data) <= high:
            raise ValidationError(message)

    return check


class OfficerForm(Form):
    """One board-composition row (no CSRF: it lives inside the profile form)."""

    position = text("Jabatan", 120)
    name = text("Nama", 120)


class OfficerList(FieldList):
    """A FieldList that remembers how many rows were posted (WTForms cuts at max_entries)."""

    posted_rows = 0

    def process(self, formdata, data=unset_value, extra_filters=None):
        """Count the posted row indices before WTForms truncates them."""
        if formdata:
            self.posted_rows = len(set(self._extract_indices(self.name, formdata)))
        super().process(formdata, data, extra_filters=extra_filters)


class ApplicantProfileForm(ActionForm):
    """What every applicant's profile has: secretariat, term, contact, board, logo. Subclasses
    add their kind's fields; shape is checked here, rules in ``services.parties``."""

    KIND = ApplicantKind.PARPOL
    abbreviation = text("Singkatan", 40)
    street = text("Jalan dan nomor", 255, "Isi alamat sekretariat.")
    kelurahan = text("Kelurahan/Desa", 120, "Isi kelurahan/desa.")
    kecamatan = text("Kecamatan", 120, "Isi kecamatan.")
    city = text("Kabupaten/Kota", 120, "Isi kabupaten/kota.")
    postal_code = text(
        "Kode pos",
        10,
        None,
        Regexp(r"^[0-9]{5}\Z", message="Kode pos harus 5 angka."),
        render_kw={"inputmode": "numeric", "autocomplete": "postal-code"},
    )
    term_start = date_field("Awal masa bakti", "Isi awal masa bakti.")
    term_end = date_field("Akhir masa bakti", "Isi akhir masa bakti.")
    contact_email = text(
        "E-mail kontak",
        254,
        None,
        Email("Alamat e-mail tidak valid.", granular_message=False),
        render_kw={"type": "email", "autocomplete": "email"},
    )
    officers = OfficerList(FormField(OfficerForm), max_entries=parties.MAX_OFFICERS)

    def validate_term_end(self, field) -> None:
        """The term ends after it starts (rule from the service)."""
        problem = parties.term_problem(self.term_start.data, field.data)
        if problem:
            raise ValidationError(problem)

    def validate_officers(self, field) -> None:
        """Rows complete or left out (``board_positions.dropped``); required ones; <= 100 rows."""
        incomplete = False
        for entry in field.entries:
            pos, name = entry.form.position, entry.form.name
            if board_positions.dropped(pos.data, name.data):
                continue
            if pos.data and not name.data:
                name.errors.append("Isi nama pengurus, atau hapus baris ini.")
                incomplete = True
            elif name.data and not pos.data:
                pos.errors.append("Isi jabatan pengurus, atau hapus baris ini.")
                incomplete = True
        rows = self.officer_rows()
        problems = parties.officer_problems(rows)
        if field.posted_rows > parties.MAX_OFFICERS:
            problems.insert(0, f"Susunan pengurus paling banyak {parties.MAX_OFFICERS} baris.")
        if incomplete:
            problems.insert(0, "Lengkapi baris susunan pengurus yang ditandai.")
        if problems:
            raise ValidationError(" ".join(problems))

    def fill_blank_rows(self, count: int = BLANK_ROWS) -> None:
        """Suggested positions for an empty list, then a few blank rows (works without JS)."""
        if not self.officers.entries:
            for position in DEFAULT_POSITIONS:
                self.officers.append_entry({"position": position, "name": ""})
        else:  # e.g. an ormas that signed up with its Ketua: offer the other required positions
            have = [e.form.position.data for e in self.officers]
            for position in board_positions.missing(have):
                self.officers.append_entry({"position": position, "name": ""})
        for _ in range(count):
            if len(self.officers.entries) < parties.MAX_OFFICERS:
                self.officers.append_entry()

    def officer_rows(self) -> list[tuple[str, str]]:
        """The rows to store as (position, name), in order (``board_positions.kept``)."""
        rows = [(e.form.position.data or "", e.form.name.data or "") for e in self.officers]
        return board_positions.kept(rows)

    def profile_values(self) -> dict[str, Any]:
        """The profile columns, by name; the service reads only its own field list."""
        return {name: getattr(self, name).data for name in parties.profile_fields(self.KIND)}

    def logo_upload(self) -> FileStorage | None:
        """The uploaded logo, or None when no file was chosen."""
        return chosen_file(self.new_logo)


def phone_field(required: str | None) -> StringField:
    """Telephone/WhatsApp as people write it (``0812-7000-1234``, ``+62 812.7000.1234``):
    digits, spaces, dots and hyphens after an optional leading +, 8 to 15 digits."""
    return text(
        "Telepon/WhatsApp",
        32,
        required,
        Regexp(
            r"^\+?[0-9][0-9 .\-]*\Z",
            message="Hanya angka, spasi, titik, tanda hubung, dan tanda + di depan.",
        ),
        digits_between(8, 15, "Nomor telepon harus 8 sampai 15 angka."),
        render_kw={"type": "tel", "autocomplete": "tel"},
    )


class PartyProfileForm(ApplicantProfileForm):
    """The party board profile (biodata partai)."""

    KIND = ApplicantKind.PARPOL
    party_name = text("Nama partai", 200, "Isi nama partai.")
    board_name = text("Nama kepengurusan", 200, "Isi nama kepengurusan.")
    level = SelectField(
        "Tingkat kepengurusan",
        choices=[],
        validators=[InputRequired("Pilih tingkat kepengurusan.")],
        validate_choice=False,  # validate_level names the office's levels
    )
    region_name = text("Nama wilayah", 120, "Isi nama provinsi/kabupaten/kota.")
    reporter_name = text("Nama pelapor", 120, "Isi nama pelapor.")
    reporter_position = text("Jabatan pelapor", 120, "Isi jabatan pelapor.")
    sk_number = text("Nomor SK", 120, "Isi nomor SK kepengurusan.")
    sk_date = date_field("Tanggal SK", "Isi tanggal SK.")
    sk_issuer = text("Penerbit SK", 200, "Isi penerbit SK (misalnya DPP partai).")
    phone = phone_field("Isi nomor telepon/WhatsApp.")
    new_logo = FileField("Logo partai", render_kw={"accept": images.ACCEPT})

    def __init__(self, *args, **kwargs) -> None:
        """Offer only the levels this office registers (``office.board_levels``). With one
        level there is nothing to pick: it is preselected and shown as text (``level_fixed``),
        unless the stored level is another one (entered before the region changed), which the
        party then replaces knowingly."""
        super().__init__(*args, **kwargs)
        levels = office.board_levels()
        self.level.choices = [SelectChoice("", "— Pilih tingkat —")] + [
            SelectChoice(lv.value, lv.label) for lv in levels
        ]
        only, stored = office.only_level(), getattr(kwargs.get("obj"), "level", None)
        self.level_fixed = only is not None and stored in (None, only)
        level = party_level.board_level(kwargs.get("obj"))  # its own, else the office's only one
        if level is not None and not self.is_submitted():
            self.level.data = level.value

    def validate_level(self, field) -> None:
        """A level this office registers (rule from the service; a forged value included)."""
        problem = office.level_problem(field.data)
        if problem:
            raise ValidationError(problem)

    def profile_values(self) -> dict[str, Any]:
        """The profile columns with the level as its enum."""
        values = super().profile_values()
        values["level"] = Level(self.level.data)
        return values


class OrmasProfileForm(ApplicantProfileForm):
    """The ormas profile: legal form and decree, field of activity, deed, NPWP."""

    KIND = ApplicantKind.ORMAS
    party_name = text("Nama ormas", 200, "Isi nama ormas.")
    legal_form = SelectField(
        "Bentuk ormas",
        choices=[SelectChoice("", "— Pilih bentuk —")]
        + [SelectChoice(f.value, f.label) for f in LegalForm],
        validators=[InputRequired("Pilih bentuk ormas.")],
        invalid_choice_message="Pilihan tidak valid.",
    )
    legal_number = text(
        "Nomor SK Kemenkumham / SKT Kemendagri", 120, "Isi nomor SK Kemenkumham atau SKT."
    )
    legal_date = date_field(
        "Tanggal SK Kemenkumham / SKT Kemendagri", "Isi tanggal SK Kemenkumham atau SKT."
    )
    field_of_activity = text(
        "Bidang kegiatan", 200, "Isi bidang kegiatan (misalnya sosial, pendidikan, keagamaan)."
    )
    deed_number = text("Nomor akta pendirian", 120)
    deed_date = date_field("Tanggal akta pendirian", None)
    notary_name = text("Nama notaris", 200)
    npwp = text(
        "NPWP", 32, None, npwp_ok, render_kw={"inputmode": "numeric", "autocomplete": "off"}
    )
    phone = phone_field(None)
    new_logo = FileField("Logo ormas", render_kw={"accept": images.ACCEPT})

    def profile_values(self) -> dict[str, Any]:
        """The profile columns with the legal form as its enum and the NPWP as digits."""
        values = super().profile_values()
        values["legal_form"] = LegalForm(self.legal_form.data)
        values["npwp"] = parties.normalise_npwp(self.npwp.data)
        return values


def profile_form_class(kind: ApplicantKind) -> type[ApplicantProfileForm]:
    """The profile form of an applicant kind."""
    return OrmasProfileForm if kind == ApplicantKind.ORMAS else PartyProfileForm
