"""Forms of the staff pages: verification queue and review, complaint triage."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import DateField, RadioField, SelectChoice, TextAreaField
from wtforms.validators import AnyOf, DataRequired, InputRequired, Length, Optional, ValidationError

from sisakat.forms_common import (
    ActionForm,
    SeenForm,
    SelectField,
    StringField,
    clean_text,
    enum_or_none,
    no_control_chars,
    not_before,
    offer_levels,
    plausible_date,
    usable,
    usable_range,
)
from sisakat.models import ApplicationStatus, ComplaintStatus, Level, Verdict
from sisakat.services import catalog, office, requirements
from sisakat.services.letter_search import LetterFilter
from sisakat.services.queue import QueueFilter


def choices(pairs) -> list[SelectChoice]:
    """(value, label) pairs as WTForms choices."""
    return [SelectChoice(value, label) for value, label in pairs]


class QueueFilterForm(FlaskForm):
    """GET filters of the queue (no CSRF: it changes nothing)."""

    class Meta:
        csrf = False

    status = SelectField(
        "Status",
        choices=choices(
            [("", "Aktif (Diajukan & Diverifikasi)")]
            + [(s.value, s.label) for s in ApplicationStatus]
        ),
        validators=[Optional()],
    )
    level = SelectField("Tingkat", choices=[], validators=[Optional()])
    urut = SelectField(
        "Urutkan",
        choices=choices([("lama", "Menunggu paling lama"), ("baru", "Terbaru")]),
        validators=[Optional()],
    )
    q = StringField(
        "Cari nama pemohon",
        filters=[clean_text],
        validators=[Optional(), Length(max=100), no_control_chars],
    )
    layanan = SelectField("Layanan", choices=[], validators=[Optional()])

    def __init__(self, *args, services: list | None = None, **kwargs) -> None:
        """``services``: the catalogue the page already loaded (read here when not given)."""
        super().__init__(*args, **kwargs)
        offer_levels(self, office.listed_levels(), "Semua")
        self.layanan.choices = [SelectChoice("", "Semua")] + [
            SelectChoice(s.code, s.short_name or s.name)
            for s in (catalog.all_services() if services is None else services)
        ]

    def queue_filter(self) -> QueueFilter:
        """The filters to apply, field by field: a bad value (a search over 100 characters)
        gets its error beside its own field and is left out, the valid filters stay applied."""
        self.validate()

        def value(field):  # the level field is None where no level filter is offered
            return None if field is None or field.errors else (field.data or None)

        return QueueFilter(
            status=enum_or_none(ApplicationStatus, value(self.status)),
            level=enum_or_none(Level, value(self.level)),
            search=value(self.q) or "",
            newest_first=value(self.urut) == "baru",
            service=value(self.layanan),
        )


class ComplaintFilterForm(FlaskForm):
    """GET filters of the complaint list (no CSRF: it changes nothing)."""

    class Meta:
        csrf = False

    semua = SelectField(
        "Tampilkan",
        choices=choices([("", "Yang belum selesai"), ("1", "Semua, termasuk yang selesai")]),
        validators=[Optional()],
    )
    q = StringField(
        "Cari nomor tiket, isi, nama atau kontak",
        filters=[clean_text],
        validators=[Optional(), Length(max=100), no_control_chars],
    )

    def chosen(self) -> tuple[bool, str]:
        """(open tickets only, the search): a bad value gets its error beside its field and is
        left out, the other filter stays applied."""
        self.validate()
        return usable(self.semua) != "1", usable(self.q) or ""


class JudgeDocumentForm(ActionForm, SeenForm):
    """Sesuai / Tidak Sesuai on one document version, with a reason (free text or catalogue),
    and the digest of the verdict the page showed (``verification.verdict_token``)."""

    verdict = RadioField(
        "Penilaian",
        choices=choices((v.value, v.label) for v in Verdict),
        validators=[InputRequired("Pilih Sesuai atau Tidak Sesuai.")],
    )
    # The review page adds the catalogue to the choices; a POST checks the value against the
    # catalogue itself (validate_reason_template), not against a list built for display.
    reason_template = SelectField(
        "Alasan umum",
        choices=choices([("", "—")]),
        validate_choice=False,
        filters=[clean_text],
        validators=[no_control_chars],
    )
    reason = StringField(
        "Alasan", filters=[clean_text], validators=[Optional(), Length(max=500), no_control_chars]
    )

    def validate_reason_template(self, field) -> None:
        """Empty, or an active reason of the catalogue (a forged or deleted one is refused)."""
        if field.data and field.data not in {r.text for r in requirements.reasons()}:
            raise ValidationError("Pilih alasan umum dari daftar.")

    def full_reason(self) -> str:
        """Catalogue reason and free text joined (either may be empty)."""
        parts = [p for p in ((self.reason_template.data or "")[:255], self.reason.data or "") if p]
        return ". ".join(parts)

    @staticmethod
    def split_reason(reason: str, catalogue: list[str]) -> tuple[str, str]:
        """``full_reason`` read back: (catalogue reason, free text) of a stored reason. All of
        it is free text when it does not start with an active catalogue reason."""
        for text in sorted(catalogue, key=len, reverse=True):  # "Buram. x" before "Buram"
            head = text[:255]
            if reason == head:
                return text, ""
            if reason.startswith(head + ". "):
                return text, reason[len(head) + 2 :]
        return "", reason


class DecisionForm(ActionForm):
    """Return, reject or approve: a note for the party and an internal note for staff."""

    note = TextAreaField(
        "Catatan untuk pemohon",
        filters=[clean_text],
        validators=[Optional(), Length(max=2000), no_control_chars],
    )
    internal_note = TextAreaField(
        "Catatan internal (tidak terlihat pemohon)",
        filters=[clean_text],
        validators=[Optional(), Length(max=2000), no_control_chars],
    )


class ComplaintReplyForm(ActionForm):
    """A reply (shown to the complainant) and the new status, with the complaint's version the
    page showed (a reply from an out-of-date page is refused, keeping the text)."""

    status = SelectField(
        "Status",
        choices=[
            SelectChoice(ComplaintStatus.DIPROSES.value, "Diproses (tanggapi, belum selesai)"),
            SelectChoice(ComplaintStatus.SELESAI.value, "Selesai (tutup tiket)"),
        ],
        validators=[
            DataRequired("Pilih status."),
            AnyOf([ComplaintStatus.DIPROSES.value, ComplaintStatus.SELESAI.value], "Pilih status."),
        ],
        validate_choice=False,
    )
    message = TextAreaField(
        "Jawaban untuk pelapor",
        filters=[clean_text],
        validators=[Length(max=5000, message="Paling banyak 5.000 karakter."), no_control_chars],
    )


class LetterSearchForm(FlaskForm):
    """GET filters of the letter search (no CSRF: it changes nothing)."""

    class Meta:
        csrf = False

    nomor = StringField(
        "Nomor surat",
        filters=[clean_text],
        validators=[Optional(), Length(max=120), no_control_chars],
    )
    partai = StringField(
        "Nama pemohon",
        filters=[clean_text],
        validators=[Optional(), Length(max=100), no_control_chars],
    )
    dari = DateField("Tanggal dari", validators=[Optional(), plausible_date])
    sampai = DateField(
        "Tanggal sampai", validators=[Optional(), plausible_date, not_before("dari")]
    )

    def letter_filter(self) -> LetterFilter:
        """The filters to apply, field by field as in the queue: a bad value gets its error
        beside its own field and is left out, the valid filters stay applied. A reversed range
        leaves out both its dates (as the dashboard drops a reversed period), never the number
        or the name typed beside it."""
        self.validate()
        date_from, date_to = usable_range(self.dari, self.sampai)
        return LetterFilter(
            number=usable(self.nomor) or "",
            party=usable(self.partai) or "",
            date_from=date_from,
            date_to=date_to,
        )
