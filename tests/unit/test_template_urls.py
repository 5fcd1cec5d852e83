"""Template URL helpers give exactly what ``url_for`` gives, whatever was remembered before."""

from __future__ import annotations

from flask import url_for

from sisakat.templating import UrlPattern, template_url_for

CASES = [
    ("static", {"filename": "css/sisakat.css"}),
    ("public.index", {}),
    ("verification.queue", {"halaman": 2, "status": "diajukan"}),
    ("verification.queue", {"status": "diajukan", "halaman": 2}),  # query order is kept
    ("verification.application_review", {"application_id": 7}),
    ("verification.queue", {"q": 'a "b" & <c>'}),
]


def test_template_url_for_matches_url_for_under_each_script_root(app):
    for root in ("", "/sisakat", "/lain"):
        with app.test_request_context("/", base_url=f"http://localhost{root}/"):
            for endpoint, values in CASES * 2:  # the second round reads what the first kept
                assert template_url_for(endpoint, **values) == url_for(endpoint, **values)
            assert template_url_for("public.index").startswith(root + "/")


def test_template_url_for_passes_special_arguments_through(app):
    with app.test_request_context("/", base_url="http://contoh.test/"):
        assert template_url_for("public.index", _external=True) == "http://contoh.test/"
        assert template_url_for("public.index", _anchor="x") == "/#x"


def test_url_pattern_equals_url_for_per_value(app):
    with app.test_request_context("/", base_url="http://localhost/sisakat/"):
        review = UrlPattern("verification.application_review", "application_id")
        for ident in (1, 42, 2_147_483_646):
            assert review(ident) == url_for("verification.application_review", application_id=ident)
