"""Helpers for the public service tests (issue 6)."""

from __future__ import annotations

import io
import re

from sisakat.extensions import db
from sisakat.models import SKT_PARPOL, Requirement

XSS = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def requirements() -> list[Requirement]:
    """Three active rows (one optional) out of order, and one inactive row."""
    rows = [
        Requirement(name="KTP ketua, sekretaris dan bendahara", sort_order=3, personal_data=True),
        Requirement(name="Surat permohonan", sort_order=1),
        Requirement(name="NPWP kepengurusan", sort_order=5, required=False),
        Requirement(name="Persyaratan lama", sort_order=2, active=False),
    ]
    for row in rows:
        row.service_code = SKT_PARPOL
    db.session.add_all(rows)
    db.session.commit()
    return rows


def listed_requirements(html: str) -> list[tuple[str, str]]:
    """(name, Wajib/Opsional) for each item of the public requirement list."""
    items = re.findall(r'<li data-requirement-id="\d+">(.*?)</li>', html, re.S)
    out = []
    for item in items:
        name = item.split("<span", 1)[0].strip()
        mark = "Wajib" if ">Wajib<" in item else "Opsional"
        out.append((name, mark))
    return out


def upload(data: bytes, name: str = "bukti.pdf") -> tuple[io.BytesIO, str]:
    """A file tuple for the test client's multipart data."""
    return (io.BytesIO(data), name)


def assert_inert(html: str) -> None:
    """The payload shows as text, never as markup."""
    assert "<script>alert" not in html
    assert "<img src=x" not in html
    assert "&lt;script&gt;alert" in html


def reply_to_complaint(staff, complaint_id: int, status: str, message: str):
    """Staff open the ticket page and send a reply from it (with the version it shows)."""
    page = staff.get(f"/petugas/pengaduan/{complaint_id}").get_data(as_text=True)
    version = re.search(r'name="version" type="hidden" value="(\d+)"', page).group(1)
    data = {"status": status, "message": message, "version": version}
    return staff.post(f"/petugas/pengaduan/{complaint_id}/tanggapi", data=data)
