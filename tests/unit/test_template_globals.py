"""Templates see the environment's globals as a plain dict, overlaid by their own, each apart."""

from __future__ import annotations

from sisakat.web import PageEnvironment


def test_the_app_renders_with_page_environment(app):
    assert isinstance(app.jinja_env, PageEnvironment)
    template = app.jinja_env.get_template("_macros/forms.html")
    # A plain dict: Jinja's ChainMap costs Python calls per global at every render and import.
    assert type(template.globals) is dict
    assert template.globals["url_for"] is app.jinja_env.globals["url_for"]


def test_a_template_s_own_globals_overlay_and_stay_its_own(app):
    env = app.jinja_env
    source = "{{ sapaan }} {{ url_for is defined }}"
    own = env.from_string(source, globals={"sapaan": "Halo <b>"})
    other = env.from_string(source)
    with app.test_request_context("/"):
        assert own.render() == "Halo &lt;b&gt; True"
        assert other.render() == " True"
    own.globals["sapaan"] = "Ubah"
    assert "sapaan" not in env.globals
    assert "sapaan" not in other.globals
    overridden = env.from_string("{{ url_for }}", globals={"url_for": "milik templat"})
    assert overridden.render() == "milik templat"


def test_imported_macros_see_the_environment_globals(app):
    env = app.jinja_env
    page = env.from_string(
        '{% from "_macros/forms.html" import action_button %}'
        "{{ action_button('/x', 'Kirim <ya>', form) }}"
    )

    class Form:
        def hidden_tag(self):
            return ""

    with app.test_request_context("/"):
        html = page.render(form=Form())
    assert 'action="/x"' in html
    assert "Kirim &lt;ya&gt;" in html
