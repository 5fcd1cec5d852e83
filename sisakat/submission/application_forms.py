"""Forms of the party's application pages."""

from __future__ import annotations

from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired

from sisakat.forms_common import ActionForm


class DocumentUploadForm(ActionForm):
    """One PDF for one requirement; the content checks live in services/uploads.py."""

    berkas = FileField("Berkas PDF", validators=[FileRequired("Pilih berkas PDF.")])


class CreateApplicationForm(FlaskForm):
    """The "Buat Permohonan" button."""
