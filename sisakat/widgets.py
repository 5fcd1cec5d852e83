"""WTForms' select, text input and label with the same HTML at a fraction of the cost.

WTForms builds each attribute with ``Markup.format`` (a pure-Python formatter), inspects
``render_option``'s signature and parses a select's choices again on every render; the staff
queue's filter form alone paid ~1,500 Python calls a page. ``forms_common`` re-exports these;
``tests/unit/test_select_widget.py`` compares every output with WTForms' own.
"""

from __future__ import annotations

from markupsafe import Markup, escape
from wtforms import Label as _Label
from wtforms import SelectChoice as _SelectChoice
from wtforms import SelectField as _SelectField
from wtforms import StringField as _StringField
from wtforms.fields.choices import Choice as _Choice
from wtforms.widgets import Select as _Select
from wtforms.widgets import TextInput as _TextInput
from wtforms.widgets.core import clean_key

# markupsafe.escape's replacements, applied to a plain string in one call (``str.translate``)
# instead of the three Python calls ``escape`` makes to build its ``Markup``.
_HTML_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&#34;", "'": "&#39;"})


def _esc(value) -> str:
    """``markupsafe.escape(value)``'s text: plain strings translated directly; ``Markup`` and
    other objects with ``__html__``, numbers and the rest through ``escape`` itself."""
    if type(value) is str:
        return value.translate(_HTML_ESCAPES)
    return escape(value)


def _attributes(kwargs: dict) -> str:
    """``wtforms.widgets.html_params``'s text: sorted, ``class_`` -> ``class``, ``data_`` and
    ``aria_`` -> hyphens, True bare, False left out, every name and value escaped."""
    params = []
    for key, value in sorted(kwargs.items()):
        key = clean_key(key)
        if value is True:
            params.append(_esc(key))
        elif value is not False:
            params.append(f'{_esc(key)}="{_esc(value)}"')
    return " ".join(params)


def html_params(**kwargs) -> Markup:
    """``wtforms.widgets.html_params`` with the same output, built with plain string formatting
    (WTForms uses ``Markup.format``, a pure-Python formatter, once per attribute)."""
    return Markup(_attributes(kwargs))  # noqa: S704 - every name and value is escaped


def _option(choice) -> str:
    """One ``<option>`` as WTForms writes it (attributes sorted: selected before value)."""
    value = str(choice.value) if isinstance(choice.value, bool) else choice.value
    selected = "selected " if choice.selected else ""
    return f'<option {selected}value="{_esc(value)}">{_esc(choice.label or choice.value)}</option>'


def _any_render_kw(choices) -> bool:
    """Whether any option carries its own attributes (a list: no generator to resume per option)."""
    return any([choice.render_kw for choice in choices])


class Select(_Select):
    """WTForms' ``<select>`` widget with the same HTML at a fraction of the cost: WTForms builds
    each attribute of the tag and of every option with ``Markup.format`` and inspects
    ``render_option``'s signature on every render (the queue's filter selects cost ~0.5 ms a
    page). Multiple selects, option groups and options with ``render_kw`` go through WTForms."""

    def __call__(self, field, **kwargs) -> Markup:
        choices = list(field._iter_choices_normalized())
        if self.multiple or field.has_groups() or _any_render_kw(choices):
            return super().__call__(field, **kwargs)
        kwargs.setdefault("id", field.id)
        flags = getattr(field, "flags", {})
        for name in dir(flags):
            if name in self.validation_attrs and name not in kwargs:
                kwargs[name] = getattr(flags, name)
        options = "".join([_option(choice) for choice in choices])
        html = f"<select {_attributes({'name': field.name, **kwargs})}>{options}</select>"
        return Markup(html)  # noqa: S704 - attributes, values and labels are escaped

    @classmethod
    def render_option(cls, choice, **kwargs) -> Markup:
        if kwargs or choice.render_kw:
            return super().render_option(choice, **kwargs)
        return Markup(_option(choice))  # noqa: S704 - value and label are escaped


class Label(_Label):
    """WTForms' ``<label>`` with the cheaper attribute formatting."""

    def __call__(self, text=None, **kwargs) -> Markup:
        if "for_" in kwargs:
            kwargs["for"] = kwargs.pop("for_")
        else:
            kwargs.setdefault("for", self.field_id)
        attributes = _attributes(kwargs)
        attributes = f" {attributes}" if attributes else ""
        html = f"<label{attributes}>{_esc(text or self.text)}</label>"
        return Markup(html)  # noqa: S704 - attributes and text are escaped


class _CheapLabel:
    """Mixin: the field's label is a :class:`Label`."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.label = Label(self.label.field_id, self.label.text)


class SelectField(_CheapLabel, _SelectField):
    """``SelectField`` rendered with the cheaper :class:`Select` widget and :class:`Label`.
    Choices given as a list of ``SelectChoice`` without option groups (every SISAKAT select)
    are read as they are: WTForms parses the list again and wraps every option in two
    generators each time it renders or validates the field."""

    widget = Select()

    def _plain_choices(self) -> list | None:
        """``choices`` when it is a list of ``SelectChoice`` with no option group (WTForms'
        parsing returns such a list unchanged), else None."""
        choices = self.choices
        if type(choices) is not list:
            return None
        for choice in choices:
            if type(choice) is not _SelectChoice or choice.optgroup is not None:
                return None
        return choices

    def _iter_choices_normalized(self):
        plain = self._plain_choices()
        if plain is None:
            return super()._iter_choices_normalized()
        coerce, data = self.coerce, self.data
        return [_Choice(c.value, c.label, coerce(c.value) == data, c.render_kw) for c in plain]

    def has_groups(self) -> bool:
        return self._plain_choices() is None and super().has_groups()


class TextInput(_TextInput):
    """WTForms' text input with the cheaper :func:`html_params` (WTForms' own hook for it)."""

    html_params = staticmethod(html_params)


class StringField(_CheapLabel, _StringField):
    """``StringField`` rendered with the cheaper :class:`TextInput` widget and :class:`Label`."""

    widget = TextInput()
