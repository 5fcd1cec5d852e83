"""Forms of the party's application pages."""

from __future__ import annotations

from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import HiddenField
from wtforms.validators import Length, Optional

from sisakat.forms_common import ActionForm


class DocumentUploadForm(ActionForm):
    """One PDF for one requirement; the content checks live in services/pdf_checks.py."""

    berkas = FileField("Berkas PDF", validators=[FileRequired("Pilih berkas PDF.")])


class CreateApplicationForm(FlaskForm):
    """The "Ajukan" button of one service (none named: the first service of the applicant's
    kind; the service decides whether the code is acceptable)."""

    service_code = HiddenField(validators=[Optional(), Length(max=32)])
