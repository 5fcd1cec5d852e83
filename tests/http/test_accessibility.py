"""A11Y-1: every HTML page of the URL map, as anonymous, a party and each staff role, follows the
structural accessibility rules of ``tests/a11y_helpers.py`` (WCAG 2.1 AA basics: language, one
h1, labelled controls, errors tied to their field, alt text, table headers, skip link, no
positive tabindex, links that go somewhere). Forms are checked empty and as they come back from
an empty submission, so the error state is walked too; error pages are walked as well. Routes
come from the URL map through the access matrix, so a new page is covered without listing it."""

from __future__ import annotations

from tests.a11y_helpers import problems
from tests.security.matrix import OK, all_rows, build_world, first_allowed_role, rule_url

WHO = ("anon", "pemohon_a", "verifikator", "penandatangan", "superadmin")
# States no route enumeration reaches: a search refused for its empty box, error pages.
OTHER_PAGES = (
    ("anon", "/cek-surat?q=", 200),
    ("anon", "/halaman-yang-tidak-ada", 404),
    ("pemohon_a", "/admin/", 403),
)


def _client(app, login_as, user):
    return login_as(user) if user is not None else app.test_client()


def _get_pages(app, login_as, world):
    """(label, html) for every GET rule each user kind may open that answers HTML."""
    rows = all_rows()
    for rule in app.url_map.iter_rules():
        expect = rows.get(rule.endpoint)
        if expect is None or expect.method != "GET" or "GET" not in (rule.methods or ()):
            continue
        url = rule_url(app, rule, world.args) + expect.query
        for who in (w for w in WHO if expect.for_role(w) == OK):
            response = _client(app, login_as, world.users[who]).get(url)
            response.close()
            if response.mimetype == "text/html" and response.status_code == 200:
                yield f"GET {rule.endpoint} as {who}", response.get_data(as_text=True)


def _post_pages(app, login_as, world):
    """(label, html) for every POST rule whose empty submission comes back as a page."""
    rows = all_rows()
    for rule in app.url_map.iter_rules():
        if "POST" not in (rule.methods or ()) or rule.endpoint not in rows:
            continue
        who = first_allowed_role(rows[rule.endpoint])
        client = _client(app, login_as, world.users[who])
        response = client.post(rule_url(app, rule, world.args), data={})
        response.close()
        if response.mimetype == "text/html" and response.status_code == 200:
            yield f"POST {rule.endpoint} as {who}", response.get_data(as_text=True)


def _report(pages) -> tuple[int, dict[str, list[str]]]:
    found: dict[str, list[str]] = {}
    count = 0
    for label, html in pages:
        count += 1
        for problem in problems(html):
            found.setdefault(problem, []).append(label)
    return count, found


def _explain(found: dict[str, list[str]]) -> str:
    return "\n".join(f"{p}  [{'; '.join(sorted(set(where))[:4])}]" for p, where in found.items())


def test_every_page_follows_the_structural_rules(app, login_as):
    count, found = _report(_get_pages(app, login_as, build_world()))
    assert count > 100, f"only {count} pages walked"
    assert found == {}, _explain(found)


def test_every_form_returned_with_errors_follows_the_structural_rules(app, login_as):
    count, found = _report(_post_pages(app, login_as, build_world()))
    assert count > 20, f"only {count} forms walked"
    assert found == {}, _explain(found)


def test_error_pages_and_refused_searches_follow_the_structural_rules(app, login_as):
    world = build_world()
    pages = []
    for who, url, status in OTHER_PAGES:
        response = _client(app, login_as, world.users[who]).get(url)
        assert response.status_code == status, url
        pages.append((f"GET {url} as {who}", response.get_data(as_text=True)))
    count, found = _report(pages)
    assert count == len(OTHER_PAGES)
    assert found == {}, _explain(found)
