"""Form pieces every blueprint uses: text cleaning (``text_cleaning``, re-exported), the POST
action form, Indonesian messages."""

from __future__ import annotations

import os
from datetime import date
from decimal import Decimal, InvalidOperation

from flask import current_app
from flask_wtf import FlaskForm
from werkzeug.datastructures import FileStorage
from wtforms import DecimalField as _DecimalField
from wtforms import FileField, HiddenField, ValidationError
from wtforms import IntegerField as _IntegerField
from wtforms import SelectChoice as _SelectChoice
from wtforms.validators import NumberRange, StopValidation

from sisakat import config
from sisakat.converters import MAX_ID, PLAUSIBLE_YEARS, parse_int
from sisakat.text_cleaning import clean_text, no_control_chars, single_line
from sisakat.widgets import Label, Select, SelectField, StringField, TextInput, html_params


def plausible_date(form, field) -> None:
    """WTForms validator: dates from 1945 to 2100 only (a typo such as year 0202 would
    otherwise pass; a report period of year 1 or 9999 overflowed the office-zone arithmetic)."""
    if isinstance(field.data, date) and field.data.year not in PLAUSIBLE_YEARS:
        raise ValidationError("Tahun tidak wajar.")


def not_before(start_name: str):
    """WTForms validator for a range's end date: not before the ``start_name`` field's date (a
    reversed range lists nothing, as if no record existed)."""

    def check(form, field) -> None:
        start = form[start_name].data
        if isinstance(start, date) and isinstance(field.data, date) and field.data < start:
            raise ValidationError("Tanggal sampai sebelum tanggal dari.")

    return check


def usable(field):
    """A validated GET filter field's value, or None when it has an error (shown beside it):
    a search keeps its other filters instead of dropping them all (``usable_range``)."""
    return None if field.errors else field.data


def usable_range(start, end) -> tuple[date | None, date | None]:
    """A validated GET filter's date range (``start`` and ``end`` fields, ``end`` checked by
    ``not_before``): a bad date is left out; a reversed range leaves out both its dates, as the
    dashboard drops a reversed period, never the filters typed beside it."""
    first, last = usable(start), usable(end)
    if isinstance(first, date) and isinstance(end.data, date) and end.data < first:
        return None, None
    return first, last


MAX_PAGE = 100_000


def page_number(args, name: str = "halaman") -> int:
    """The 1-based page number from a query string; junk, zero, negative or huge values give a
    valid page (a 40-digit number would overflow the database's integer and answer 500)."""
    value = parse_int(args.get(name), low=1)
    return min(value, MAX_PAGE) if value else 1


def filter_args(form, args) -> dict[str, str]:
    """What a GET filter ``form`` read from the query string ``args``, by its own field names:
    the values a list's paging and export links carry. Nothing else travels: a forged
    ``endpoint`` or ``_method`` would reach ``url_for`` as its own argument (a 500), and
    ``_external`` would make every link absolute."""
    return {name: args[name] for name in form._fields if name in args}


def enum_or_none(enum_cls, value):
    """The enum member for a query-string value, or None for empty or forged values."""
    try:
        return enum_cls(value) if value else None
    except ValueError:
        return None


def offer_levels(form, levels, all_label: str) -> None:
    """Give the filter ``form.level`` ``all_label`` and ``levels`` (``office.listed_levels``).
    With one level to list there is nothing to choose: the field is removed (``form.level`` is
    None), so the page shows no control and a ``level`` in the query string is never read."""
    if len(levels) < 2:
        del form.level
        return
    form.level.choices = [_SelectChoice("", all_label)] + [
        _SelectChoice(lv.value, lv.label) for lv in levels
    ]


def year_param(args, name: str = "tahun") -> int | None:
    """A plausible year from a query string (1900-2999), else None."""
    return parse_int(args.get(name), low=1900, high=2999)


TEXT = {"filters": [clean_text], "validators": []}


class SeenForm(FlaskForm):
    """A form editing a record without a version column (settings pages, users, requirements):
    ``seen`` carries the digest of the values the page showed (``services/concurrency.py``)."""

    seen = HiddenField()

    def seen_digest(self) -> str | None:
        """The digest the page showed, or None when none came (nothing to compare)."""
        return self.seen.data or None


class ActionForm(FlaskForm):
    """An empty POST form for state-changing buttons: CSRF token plus the version the user saw."""

    version = HiddenField()

    def seen_version(self) -> int | None:
        """The version the page showed, or None when absent or malformed (forged): the service
        then answers with its "changed meanwhile, reload" message."""
        return parse_int(self.version.data)


def chosen_file(field) -> FileStorage | None:
    """The file chosen in a file input ``field``, or None (the browser posts a nameless part)."""
    data = field.data
    return data if isinstance(data, FileStorage) and data.filename else None


class FileCap:
    """A file field's size cap, read when used, so the form's refusal and the page script's check
    (``templating.upload_limit``) name one number: the office's upload cap (``MAX_UPLOAD_MB``),
    or the field's own cap (``max_bytes``, refused with ``message``) when that is lower."""

    def __init__(self, max_bytes: int | None = None, message: str = "") -> None:
        self.max_bytes, self.message = max_bytes, message

    def limit(self) -> tuple[int, str]:
        """(the cap in bytes, the refusal naming it)."""
        from sisakat.services.storage import too_big_message

        office = config.max_upload_bytes(current_app)
        if self.max_bytes is None or self.max_bytes >= office:
            return office, too_big_message(office)
        return self.max_bytes, self.message

    def __call__(self, form, field) -> None:
        upload = chosen_file(field)
        if upload is None:
            return
        cap, message = self.limit()
        size = upload.stream.seek(0, os.SEEK_END)
        upload.stream.seek(0)
        if size > cap:
            raise StopValidation(message)


def say_not_kept(field, message: str) -> None:
    """``message`` beside the file input ``field`` of a refused form when a file was chosen and
    nothing else is said there: a browser never refills a file input, the file would vanish."""
    if chosen_file(field) is not None and not field.errors:
        field.errors = [*field.errors, message]


def chose_a_file(form) -> bool:
    """A file was chosen in one of ``form``'s file inputs (a refusing page cannot keep it)."""
    return any(chosen_file(f) for f in form if isinstance(f, FileField))


def int_choice(value: object) -> int:
    """``coerce`` for integer choices (ids, weekdays): ``parse_int`` or ValueError, which
    WTForms turns into its "not a valid choice" message (``form_messages``)."""
    number = parse_int(value)
    if number is None:
        raise ValueError(value)
    return number


def _stop_if_unreadable(field) -> None:
    """A number field holding something typed that it could not read: its one message is said
    and no validator follows (a range check would read the missing value as out of range). An
    empty box still goes to ``Optional`` / ``InputRequired``, which decide about it."""
    typed = str(field.raw_data[0]).strip() if field.raw_data else ""
    if field.process_errors and typed:
        raise StopValidation()


class IntegerField(_IntegerField):
    """``IntegerField`` reading only ASCII digits within a signed 32-bit INTEGER (WTForms uses
    ``int()``, which reads "٣" and "1_000"); its ``NumberRange`` then says what is allowed. An
    unreadable value gets one message (a non-number "Masukkan bilangan bulat.", a number too big
    for 32 bits the field's own range), and no range message after it."""

    def process_formdata(self, valuelist) -> None:
        if not valuelist:
            return
        self.data = parse_int(valuelist[0], low=-MAX_ID, high=MAX_ID)
        if self.data is None:
            numeral = str(valuelist[0]).strip().removeprefix("-")
            if numeral.isascii() and numeral.isdigit():
                raise ValueError(self._range_message())
            raise ValueError(self.gettext("Not a valid integer value."))

    def _range_message(self) -> str:
        """What the field's ``NumberRange`` says (as WTForms words it), else a plain refusal."""
        for check in self.validators:
            if isinstance(check, NumberRange) and None not in (check.min, check.max):
                text = check.message or self.gettext("Number must be between %(min)s and %(max)s.")
                return text % {"min": check.min, "max": check.max}
        return "Angka terlalu besar."

    def pre_validate(self, form) -> None:
        _stop_if_unreadable(self)


class DecimalField(_DecimalField):
    """``DecimalField`` refusing what ``Decimal`` reads but is no number a person typed: NaN,
    sNaN (which makes ``NumberRange`` raise), Infinity, and non-ASCII digits."""

    def process_formdata(self, valuelist) -> None:
        if not valuelist:
            return
        raw = str(valuelist[0]).strip()
        try:
            value = Decimal(raw) if raw.isascii() and len(raw) <= 40 else None
        except (InvalidOperation, ValueError):
            value = None
        if value is None or not value.is_finite():
            self.data = None
            raise ValueError(self.gettext("Not a valid decimal value."))
        self.data = value

    def pre_validate(self, form) -> None:
        _stop_if_unreadable(self)


__all__ = [
    "Label",
    "Select",
    "SelectField",
    "StringField",
    "TextInput",
    "clean_text",
    "html_params",
    "no_control_chars",
    "single_line",
]
