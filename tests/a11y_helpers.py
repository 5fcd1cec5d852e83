"""Structural accessibility rules (WCAG 2.1 AA basics) checked on rendered HTML with the standard
library's parser: the page language, one h1, a name for every form control, errors and hints
tied to their field, alt text, table headers, the skip link, no positive tabindex, links that are
links. ``problems(html)`` returns what is wrong, in words a developer can act on."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

VOID = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "track",
    "wbr",
}
# Input types that need no label: not shown, or named by their value.
UNLABELLED_INPUTS = {"hidden", "submit", "button", "reset", "image"}
SKIP_TARGET = "konten"


@dataclass
class Node:
    """One element: tag, attributes, parent and children (enough for these rules)."""

    tag: str
    attrs: dict[str, str]
    parent: Node | None = None
    children: list[Node] = field(default_factory=list)
    text: list[str] = field(default_factory=list)

    def ancestors(self):
        """Parents up to the root."""
        node = self.parent
        while node is not None:
            yield node
            node = node.parent

    def walk(self):
        """This node and every descendant, in document order."""
        yield self
        for child in self.children:
            yield from child.walk()

    def all_text(self) -> str:
        """The text inside this element, descendants included."""
        return " ".join(" ".join(n.text) for n in self.walk()).strip()

    def describe(self) -> str:
        """A short tag with its identifying attributes, for messages."""
        keys = ("id", "name", "type", "href", "class")
        shown = " ".join(f'{k}="{self.attrs[k]}"' for k in keys if k in self.attrs)
        return f"<{self.tag} {shown}>".replace(" >", ">")


class _TreeBuilder(HTMLParser):
    """A forgiving tree builder: void elements close themselves, a stray end tag closes up to
    its opening element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {})
        self.current = self.root

    def handle_starttag(self, tag, attrs):
        node = Node(tag, {k: (v or "") for k, v in attrs}, parent=self.current)
        self.current.children.append(node)
        if tag not in VOID:
            self.current = node

    def handle_startendtag(self, tag, attrs):
        node = Node(tag, {k: (v or "") for k, v in attrs}, parent=self.current)
        self.current.children.append(node)

    def handle_endtag(self, tag):
        node = self.current
        while node is not None and node.tag != tag:
            node = node.parent
        if node is not None and node.parent is not None:
            self.current = node.parent

    def handle_data(self, data):
        self.current.text.append(data)


def parse(html: str) -> Node:
    """The document tree of ``html``."""
    builder = _TreeBuilder()
    builder.feed(html)
    builder.close()
    return builder.root


def _ids(root: Node) -> dict[str, list[Node]]:
    found: dict[str, list[Node]] = {}
    for node in root.walk():
        if "id" in node.attrs:
            found.setdefault(node.attrs["id"], []).append(node)
    return found


def _is_control(node: Node) -> bool:
    if node.tag in ("select", "textarea"):
        return True
    return node.tag == "input" and node.attrs.get("type", "text") not in UNLABELLED_INPUTS


def _has_name(node: Node, label_targets: set[str]) -> bool:
    if node.attrs.get("aria-label", "").strip() or node.attrs.get("aria-labelledby"):
        return True
    if node.attrs.get("title", "").strip():
        return True
    if node.attrs.get("id") and node.attrs["id"] in label_targets:
        return True
    return any(a.tag == "label" for a in node.ancestors())


def _language(root: Node) -> list[str]:
    html = next((n for n in root.walk() if n.tag == "html"), None)
    lang = html.attrs.get("lang") if html else None
    return [] if lang == "id" else [f'<html lang="{lang}">: the page language must be "id"']


def _headings(root: Node) -> list[str]:
    count = sum(1 for n in root.walk() if n.tag == "h1")
    return [] if count == 1 else [f"{count} h1 elements (exactly one names the page)"]


def _controls(root: Node, ids: dict[str, list[Node]]) -> list[str]:
    targets = {n.attrs["for"] for n in root.walk() if n.tag == "label" and "for" in n.attrs}
    out = []
    for node in root.walk():
        if not _is_control(node):
            continue
        if not _has_name(node, targets):
            out.append(f"{node.describe()} has no label")
        if node.attrs.get("aria-invalid") == "true" and not node.attrs.get("aria-describedby"):
            out.append(f"{node.describe()} is invalid but its message is not tied to it")
        if "is-invalid" in node.attrs.get("class", "").split() and (
            node.attrs.get("aria-invalid") != "true"
        ):
            out.append(f"{node.describe()} is shown invalid without aria-invalid")
        key = node.attrs.get("id")
        if key and len([n for n in ids.get(key, []) if _is_control(n)]) > 1:
            out.append(f'id "{key}" is used by more than one form control')
    return out


def _references(root: Node, ids: dict[str, list[Node]]) -> list[str]:
    out = []
    for node in root.walk():
        for attr in ("aria-describedby", "aria-labelledby", "aria-controls"):
            for ref in node.attrs.get(attr, "").split():
                if ref not in ids:
                    out.append(f'{node.describe()} {attr} names a missing id "{ref}"')
        if node.tag == "label" and node.attrs.get("for") and node.attrs["for"] not in ids:
            out.append(f'<label for="{node.attrs["for"]}"> names a missing id')
    return out


def _images_tables_tabindex(root: Node) -> list[str]:
    out = []
    for node in root.walk():
        if node.tag == "img" and "alt" not in node.attrs:
            out.append(f"{node.describe()} has no alt text")
        if node.tag == "table" and not any(n.tag == "th" for n in node.walk()):
            out.append(f"{node.describe()} has no header cells (th)")
        tabindex = node.attrs.get("tabindex", "").strip()
        if tabindex.lstrip("-").isdigit() and int(tabindex) > 0:
            out.append(f"{node.describe()} has a positive tabindex")
    return out


def _link_named(node: Node) -> bool:
    if node.all_text() or node.attrs.get("aria-label"):
        return True
    return any(n.tag == "img" and n.attrs.get("alt") for n in node.walk())


def _links_and_buttons(root: Node) -> list[str]:
    out = []
    for node in root.walk():
        if node.tag == "a":
            href = node.attrs.get("href")
            if href is None or href == "#" or href.lower().startswith("javascript:"):
                out.append(f"{node.describe()} is a link that goes nowhere (use a button)")
            elif not _link_named(node):
                out.append(f"{node.describe()} has no text")
        if node.tag == "button":
            named = node.all_text() or node.attrs.get("aria-label") or node.attrs.get("title")
            if not named:
                out.append(f"{node.describe()} has no text")
            if any(a.tag in ("a", "button") for a in node.ancestors()):
                out.append(f"{node.describe()} is nested inside a link or button")
    return out


def _skip_link(root: Node, ids: dict[str, list[Node]]) -> list[str]:
    skip = any(n.tag == "a" and n.attrs.get("href") == f"#{SKIP_TARGET}" for n in root.walk())
    if not skip:
        return ["no skip link to the content"]
    return [] if SKIP_TARGET in ids else [f'the skip link target "#{SKIP_TARGET}" is missing']


def problems(html: str) -> list[str]:
    """Every structural rule this page breaks (empty when it passes)."""
    root = parse(html)
    ids = _ids(root)
    return (
        _language(root)
        + _headings(root)
        + _controls(root, ids)
        + _references(root, ids)
        + _images_tables_tabindex(root)
        + _links_and_buttons(root)
        + _skip_link(root, ids)
    )


def _hidden(node: Node) -> bool:
    return any(n.attrs.get("aria-hidden") == "true" for n in (node, *node.ancestors()))


def accessible_name(node: Node) -> str:
    """``aria-label``, else the text a screen reader hears (aria-hidden parts left out)."""
    if node.attrs.get("aria-label", "").strip():
        return node.attrs["aria-label"].strip()
    parts = [t for n in node.walk() if not _hidden(n) for t in n.text]
    return " ".join(" ".join(parts).split())


def _target(node: Node) -> str:
    """Where a link, a button or a disclosure leads: its href, its form's action."""
    if node.tag == "a":
        return node.attrs.get("href", "")
    if "formaction" in node.attrs:
        return node.attrs["formaction"]
    scope = node.parent if node.tag == "summary" and node.parent else node
    form = next((a for a in node.ancestors() if a.tag == "form"), None)
    form = form or next((n for n in scope.walk() if n.tag == "form"), None)
    return form.attrs.get("action", "") if form else ""


def _field_name(node: Node, labels: dict[str, str]) -> str:
    """A form field's name: ``aria-label``, its ``<label for>``, or the label around it."""
    if node.attrs.get("aria-label", "").strip():
        return node.attrs["aria-label"].strip()
    around = next((a for a in node.ancestors() if a.tag == "label"), None)
    return labels.get(node.attrs.get("id", ""), accessible_name(around) if around else "")


def _field_place(node: Node) -> str:
    """What a field fills in: its form's action, its name, a tick box's value."""
    return f"{_target(node)} {node.attrs.get('name', '')}={node.attrs.get('value', '')}"


def same_name_elsewhere(html: str) -> list[str]:
    """Links, buttons, disclosures and form fields that share their name but lead to, or fill
    in, different places (a links list read "Unduh PDF" ten times, every row's file field was
    "Berkas PDF"): each name with its places."""
    root = parse(html)
    labels = {n.attrs["for"]: accessible_name(n) for n in root.walk() if "for" in n.attrs}
    places: dict[str, set[str]] = {}
    for node in root.walk():
        if _hidden(node):
            continue
        if node.tag in ("a", "button", "summary"):
            places.setdefault(accessible_name(node), set()).add(_target(node))
        elif node.tag in ("select", "textarea") or (
            node.tag == "input" and node.attrs.get("type") not in ("hidden", "submit", "button")
        ):
            places.setdefault(_field_name(node, labels), set()).add(_field_place(node))
    return [f'"{name}" leads to {sorted(p)}' for name, p in places.items() if len(p) > 1]
