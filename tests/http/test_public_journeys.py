"""HTTP versions of the browser journeys (the Playwright versions come with tests/browser/)."""

import re

from sisakat.models import Role
from tests.public_helpers import reply_to_complaint, requirements


def test_visitor_reads_a_service_files_a_complaint_and_follows_it(client, make, login_as):
    requirements()
    home = client.get("/").get_data(as_text=True)
    service_url = re.search(r'href="(/layanan/[^"]+)"', home).group(1)
    service = client.get(service_url).get_data(as_text=True)
    assert "Surat permohonan" in service
    assert "Tidak dipungut biaya." in service
    complaint_url = re.search(r'href="(/pengaduan)"', service).group(1)
    form = client.get(complaint_url).get_data(as_text=True)
    category = re.search(r'<option[^>]*value="([^"]+)"', form).group(1)
    filed = client.post(
        complaint_url, data={"category": category, "body": "Persyaratan nomor 3 kurang jelas."}
    )
    ticket_url = filed.headers["Location"]
    page = client.get(ticket_url).get_data(as_text=True)
    assert "Pengaduan diterima dengan nomor tiket ADU-" in page
    assert "Diterima" in page
    staff = login_as(make.user(Role.SUPERADMIN))
    queue = staff.get("/petugas/pengaduan").get_data(as_text=True)
    detail_url = re.search(r'href="(/petugas/pengaduan/\d+)"', queue).group(1)
    complaint_id = int(detail_url.rsplit("/", 1)[1])
    reply_to_complaint(staff, complaint_id, "selesai", "Sudah kami perjelas di halaman layanan.")
    later = client.get(ticket_url).get_data(as_text=True)
    assert "Sudah kami perjelas di halaman layanan." in later
    assert "Selesai" in later


def test_visitor_fills_the_public_survey_from_the_home_page(client):
    home = client.get("/").get_data(as_text=True)
    survey_url = re.search(r'href="(/survei)"', home).group(1)
    answers = {f"u{i}": "3" for i in range(1, 10)} | {"service": "skt_parpol"}
    done = client.post(survey_url, data=answers, follow_redirects=True)
    assert "Terima kasih, jawaban survei Anda sudah kami terima." in done.get_data(as_text=True)
