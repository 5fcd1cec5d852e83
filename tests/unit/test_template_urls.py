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


def test_page_url_for_in_templates_matches_url_for_under_each_script_root(app):
    """Templates read the request's host and script root once per page (``_url_base``): a link
    remembered under one root or host is never given under another."""
    from flask import render_template_string
    from markupsafe import escape

    source = "{% for e, v in cases %}{{ url_for(e, **v) }}\n{% endfor %}"
    for host, root in [("localhost", ""), ("localhost", "/sisakat"), ("lain.test", "/lain")]:
        with app.test_request_context("/", base_url=f"http://{host}{root}/"):
            want = "".join(f"{escape(url_for(e, **v))}\n" for e, v in CASES)
            for _ in range(2):  # the second round reads what the first kept
                assert render_template_string(source, cases=CASES) == want
            external = render_template_string("{{ url_for('public.index', _external=True) }}")
            assert external == f"http://{host}{root}/"


def test_url_for_in_a_template_rendered_without_the_context_processor(app):
    """A template rendered straight from the environment (no ``_url_base``) still links right."""
    with app.test_request_context("/", base_url="http://localhost/sisakat/"):
        template = app.jinja_env.from_string("{{ url_for('public.index') }}")
        assert template.render() == "/sisakat/"
