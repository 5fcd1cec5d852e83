"""The cheaper widgets of ``forms_common`` render exactly what WTForms' own render."""

from __future__ import annotations

import pytest
from markupsafe import Markup, escape
from werkzeug.datastructures import MultiDict
from wtforms import Form, SelectChoice
from wtforms import SelectField as WTFormsSelectField
from wtforms.validators import InputRequired

from sisakat.forms_common import Select, SelectField

C = SelectChoice
CHOICES = [
    C("", "Semua & <lainnya>"),
    C('a"b', "Kutip \"ganda\" dan 'tunggal'"),
    C("diajukan", "Diajukan"),
    C("x", ""),  # an empty label shows the value
]


def _pair(field_kwargs: dict, data: dict):
    class Ours(Form):
        pilihan = SelectField("Pilihan", **field_kwargs)

    class Theirs(Form):
        pilihan = WTFormsSelectField("Pilihan", **field_kwargs)

    return Ours(MultiDict(data)).pilihan, Theirs(MultiDict(data)).pilihan


@pytest.mark.parametrize(
    ("field_kwargs", "data"),
    [
        ({"choices": CHOICES}, {}),
        ({"choices": CHOICES}, {"pilihan": "diajukan"}),
        ({"choices": CHOICES}, {"pilihan": 'a"b'}),
        ({"choices": CHOICES}, {"pilihan": "<script>"}),  # forged value: nothing selected
        ({"choices": CHOICES, "validators": [InputRequired()]}, {"pilihan": "x"}),
        ({"choices": [C(True, "Ya"), C(False, "Tidak")], "coerce": str}, {"pilihan": "True"}),
        ({"choices": [C(1, "Satu"), C(2, "Dua")], "coerce": int}, {"pilihan": "2"}),
        ({"choices": [C("a", "A", render_kw={"disabled": True}), C("b", "B")]}, {}),
        (
            {"choices": [C("a", "A", optgroup="Grup <1>"), C("b", "B", optgroup="2")]},
            {"pilihan": "b"},
        ),
    ],
)
def test_renders_like_wtforms(field_kwargs, data):
    ours, theirs = _pair(field_kwargs, data)
    assert isinstance(ours.widget, Select)
    assert str(ours(class_="form-select", aria_invalid="true")) == str(
        theirs(class_="form-select", aria_invalid="true")
    )
    assert "<script>" not in str(ours())


def test_option_render_with_extra_attributes_matches_wtforms():
    from wtforms.fields.choices import Choice
    from wtforms.widgets import Select as WTFormsSelect

    choice = Choice('v"1', "<b>Label</b>", selected=True, render_kw={})
    assert Select.render_option(choice) == WTFormsSelect.render_option(choice)
    assert Select.render_option(choice, data_x="1") == WTFormsSelect.render_option(
        choice, data_x="1"
    )


@pytest.mark.parametrize(
    "kwargs",
    [
        {"class_": "form-control", "id": "q", "name": "q", "value": 'a "b" <c> & d'},
        {"data_toggle_x": "y", "aria_describedby": "q-help q-error", "for_": "q"},
        {"required": True, "disabled": False, "maxlength": 100, "value": 0},
        {"value": None, "title": "éè — 'kutip'"},
    ],
)
def test_html_params_matches_wtforms(kwargs):
    from wtforms.widgets import html_params as wtforms_html_params

    from sisakat.forms_common import html_params

    assert str(html_params(**kwargs)) == str(wtforms_html_params(**kwargs))


def test_string_field_renders_like_wtforms():
    from wtforms import StringField as WTFormsStringField
    from wtforms.validators import Length

    from sisakat.forms_common import StringField

    class Ours(Form):
        q = StringField("Cari", validators=[InputRequired(), Length(max=100)])

    class Theirs(Form):
        q = WTFormsStringField("Cari", validators=[InputRequired(), Length(max=100)])

    data = MultiDict({"q": '"><script>alert(1)</script>'})
    ours, theirs = Ours(data), Theirs(data)
    assert str(ours.q(class_="form-control", aria_invalid="true")) == str(
        theirs.q(class_="form-control", aria_invalid="true")
    )
    assert "<script>" not in str(ours.q())


def test_label_renders_like_wtforms():
    from wtforms import Label as WTFormsLabel

    from sisakat.forms_common import Label

    ours, theirs = Label("q", 'Cari "nama" <partai>'), WTFormsLabel("q", 'Cari "nama" <partai>')
    for kwargs in ({}, {"class_": "form-label"}, {"for_": "lain", "data_x": "1"}):
        assert str(ours(**kwargs)) == str(theirs(**kwargs))
    assert str(ours("Teks & lain")) == str(theirs("Teks & lain"))
    assert str(ours) == str(theirs)


def test_fields_use_the_cheaper_label():
    from sisakat.forms_common import Label, StringField

    class Ours(Form):
        pilihan = SelectField("Pilihan", choices=CHOICES)
        q = StringField("Cari")

    form = Ours()
    assert isinstance(form.pilihan.label, Label)
    assert isinstance(form.q.label, Label)
    assert str(form.q.label) == '<label for="q">Cari</label>'


@pytest.mark.parametrize(
    ("field_kwargs", "data"),
    [
        # Markup labels pass as they are; quotes, ampersands and angle brackets are escaped
        # exactly as markupsafe does (&#34; &#39;), in values and labels.
        ({"choices": [C("a'b&c", Markup("<b>Tebal</b>")), C("<x>", "'Satu' & \"dua\"")]}, {}),
        ({"choices": [C("a'b&c", "A"), C("<x>", "X")]}, {"pilihan": "<x>"}),
        # Choices not given as a list of SelectChoice (a tuple of plain values, option groups)
        # go through WTForms' own parsing.
        ({"choices": ("a", "b")}, {"pilihan": "a"}),
        ({"choices": [C("a", "A"), C("b", "B", optgroup="G")]}, {"pilihan": "b"}),
        ({"choices": [C(1, "Satu"), C(2, "Dua")], "coerce": int}, {"pilihan": "x"}),
    ],
)
def test_renders_and_validates_like_wtforms(field_kwargs, data):
    ours, theirs = _pair(field_kwargs, data)
    assert str(ours(class_="form-select")) == str(theirs(class_="form-select"))
    assert ours.validate(None) == theirs.validate(None)
    assert ours.errors == theirs.errors
    assert [tuple(c) for c in ours._iter_choices_normalized()] == [
        tuple(c) for c in theirs._iter_choices_normalized()
    ]


def test_forged_value_is_refused_like_wtforms():
    ours, theirs = _pair({"choices": CHOICES}, {"pilihan": "terbit"})
    assert not ours.validate(None)
    assert not theirs.validate(None)
    assert ours.errors == theirs.errors == ["Not a valid choice."]
    ours, theirs = _pair({"choices": CHOICES}, {"pilihan": "diajukan"})
    assert ours.validate(None)
    assert theirs.validate(None)


def test_label_escapes_like_markupsafe():
    from sisakat.forms_common import Label

    for text in ("a'b", 'a"b', "<&>", Markup("<i>miring</i>"), 12):
        assert str(Label("q", text)()) == f'<label for="q">{escape(text)}</label>'
