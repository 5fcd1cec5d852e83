"""The ormas register's "Bidang" filter: a field of activity typed in two cases by two ormas is
one choice, and it lists both, on every database. SQLite offered "Sosial" and "sosial" and
listed one ormas for each, while MariaDB's case-insensitive collation offered one of them and
listed both."""

from __future__ import annotations

from sisakat.models import Role
from sisakat.services import ormas_registry

URL = "/laporan/register-ormas"


def test_a_field_typed_in_two_cases_is_one_choice_listing_both(app, make, login_as):
    make.ormas(party_name="Perkumpulan Satu Contoh", field_of_activity="sosial")
    make.ormas(party_name="Perkumpulan Dua Contoh", field_of_activity="Sosial")
    make.ormas(party_name="Perkumpulan Tiga Contoh", field_of_activity="Pendidikan")
    with app.app_context():
        assert ormas_registry.fields_of_activity() == ["Pendidikan", "Sosial"]
    client = login_as(make.user(Role.VERIFIKATOR))
    html = client.get(URL + "?bidang=Sosial").get_data(as_text=True)
    assert "Perkumpulan Satu Contoh" in html
    assert "Perkumpulan Dua Contoh" in html
    assert "Perkumpulan Tiga Contoh" not in html
