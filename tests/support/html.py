"""HTML pages read strictly: every element closed in order, attributes quoted once, one
``id`` per element; and what tests look for in a page (links, elements by class)."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source"}
    | {"track", "wbr"}
)
# SVG elements written self-closing (``<rect .../>``).
SELF_CLOSING = frozenset({"rect", "line", "path", "circle", "polyline", "polygon"})


class MalformedHTML(AssertionError):
    pass


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    parent: Element | None
    children: list[Element] = field(default_factory=list)
    content: list[str | Element] = field(default_factory=list)  # text and children, in order

    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())

    def all_text(self) -> str:
        """The text inside, in order, white space collapsed."""
        parts = [p if isinstance(p, str) else p.all_text() for p in self.content]
        return " ".join("".join(parts).split())

    def iter(self) -> list[Element]:
        found = [self]
        for child in self.children:
            found.extend(child.iter())
        return found

    def find_all(self, tag: str | None = None, cls: str | None = None) -> list[Element]:
        return [
            e
            for e in self.iter()
            if (tag is None or e.tag == tag) and (cls is None or cls in e.classes())
        ]

    def by_id(self, element_id: str) -> Element:
        [found] = [e for e in self.iter() if e.attrs.get("id") == element_id]
        return found


class _StrictParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#document", {}, None)
        self.current = self.root
        self.ids: set[str] = set()
        self.doctype = False

    def handle_decl(self, decl: str) -> None:
        self.doctype = decl.lower() == "doctype html"

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._open(tag, attrs, closes=tag in VOID)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in VOID and tag not in SELF_CLOSING:
            raise MalformedHTML(f"<{tag}/> is not an element that closes itself")
        self._open(tag, attrs, closes=True)

    def _open(self, tag: str, attrs: list[tuple[str, str | None]], closes: bool) -> None:
        names = [name for name, _ in attrs]
        if len(names) != len(set(names)):
            raise MalformedHTML(f"<{tag}> repeats an attribute: {names}")
        values = {name: value or "" for name, value in attrs}
        if "id" in values:
            if values["id"] in self.ids:
                raise MalformedHTML(f"the id {values['id']!r} is used twice")
            self.ids.add(values["id"])
        element = Element(tag, values, self.current)
        self.current.children.append(element)
        self.current.content.append(element)
        if not closes:
            self.current = element

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            raise MalformedHTML(f"</{tag}> closes a void element")
        if self.current.tag != tag:
            raise MalformedHTML(f"</{tag}> closes <{self.current.tag}> ({self.getpos()})")
        assert self.current.parent is not None
        self.current = self.current.parent

    def handle_data(self, data: str) -> None:
        self.current.content.append(data)


def parse_page(text: str) -> Element:
    """The page's document tree; MalformedHTML where it is not well-formed."""
    parser = _StrictParser()
    parser.feed(text)
    parser.close()
    if parser.current is not parser.root:
        raise MalformedHTML(f"<{parser.current.tag}> is never closed")
    if not parser.doctype:
        raise MalformedHTML("the page does not start with <!DOCTYPE html>")
    [html] = [e for e in parser.root.children if e.tag == "html"]
    return html
