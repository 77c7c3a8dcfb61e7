"""One pass over every page of a built site: axe-core, and every stop of the Tab key.

The pass runs once per session (see test_pages.py); the tests then read its
results. Axe is injected once per context as an init script, so each page only
runs it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from axe_playwright_python.base import AXE_FILE_PATH

WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
AXE_OPTIONS = json.dumps({"runOnly": {"type": "tag", "values": WCAG}, "resultTypes": ["violations"]})
AXE_RUN = f"axe.run(document, {AXE_OPTIONS})"
FAILING = {"serious", "critical"}
MAX_TAB_STOPS = 400  # more than this on one page means focus never leaves it: a keyboard trap

# Records every element that receives focus, with what the eye would see of it.
RECORD_FOCUS = """
window.__hbStops = [];
window.__hbLeft = false;
const describe = (el) => {
  const parts = [];
  for (let e = el; e && e.nodeType === 1 && parts.length < 4; e = e.parentElement) {
    let part = e.tagName.toLowerCase();
    if (e.id) { parts.unshift(part + '#' + e.id); break; }
    if (e.classList.length) part += '.' + [...e.classList].slice(0, 2).join('.');
    parts.unshift(part);
  }
  return parts.join(' > ');
};
// WCAG contrast of the focus ring against what lies under it (1.4.11 asks 3:1).
const rgba = (text) => (text.match(/[0-9.]+/g) || [0, 0, 0, 0]).map(Number).concat([1]).slice(0, 4);
const backdrop = (start) => {
  const layers = [];
  for (let e = start; e && e.nodeType === 1; e = e.parentElement) {
    const c = rgba(getComputedStyle(e).backgroundColor);
    if (c[3] > 0) layers.push(c);
    if (c[3] >= 1) break;
  }
  return layers.reverse().reduce((under, c) => under.map((v, i) => i < 3 ? c[i] * c[3] + v * (1 - c[3]) : 1),
    [255, 255, 255, 1]);
};
const luminance = ([r, g, b]) => [r, g, b].map((v) => {
  v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
}).reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
const contrast = (a, b) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
};
let first = null;
document.addEventListener('focusin', (event) => {
  const el = event.target;
  if (window.__hbLeft || el === first) { window.__hbLeft = true; return; }
  first = first || el;
  const style = getComputedStyle(el);
  const box = el.getBoundingClientRect();
  const onScreen = box.width > 0 && box.height > 0 && box.bottom > 0 && box.right > 0
    && box.top < innerHeight && box.left < innerWidth;
  // Is the element itself at its centre, or does something (a sticky header, a panel) cover it?
  const hit = onScreen && document.elementFromPoint(
    Math.min(Math.max(box.left + box.width / 2, 0), innerWidth - 1),
    Math.min(Math.max(box.top + box.height / 2, 0), innerHeight - 1));
  const covered = onScreen && !(hit && (el.contains(hit) || hit.contains(el)));
  window.__hbStops.push({
    target: describe(el),
    href: el.href || null,
    text: (el.innerText || el.getAttribute('aria-label') || el.value || '').trim().slice(0, 60),
    outline: style.outlineStyle !== 'none' ? parseFloat(style.outlineWidth) : 0,
    shadow: style.boxShadow !== 'none',
    visible: onScreen && el.checkVisibility({opacityProperty: true, visibilityProperty: true}),
    covered,
    ring: contrast(rgba(style.outlineColor), backdrop(parseFloat(style.outlineOffset) < 0 ? el : el.parentElement)),
  });
}, true);
"""
# The state after a transition, not halfway through it.
NO_MOTION = "*, *::before, *::after { transition: none !important; animation: none !important; }"


@dataclass
class Violation:
    rule: str
    impact: str
    help: str
    targets: list[str]

    def __str__(self) -> str:
        return f"{self.rule} ({self.impact}): {self.help} at {', '.join(self.targets[:5])}"


@dataclass
class Stop:
    target: str
    href: str | None
    text: str
    outline: float
    shadow: bool
    visible: bool
    covered: bool
    ring: float  # contrast of the outline colour with the background under it

    @property
    def shows_focus(self) -> bool:
        return self.visible and not self.covered and ((self.outline >= 2 and self.ring >= 3) or self.shadow)

    def problem(self) -> str:
        if not self.visible:
            return "not visible when focused"
        if self.covered:
            return "covered by another element when focused"
        if self.outline >= 2:
            return f"focus ring too faint ({self.ring:.1f}:1, needs 3:1)"
        return f"no focus ring (outline {self.outline}px)"


@dataclass
class PageAudit:
    address: str
    violations: list[Violation] = field(default_factory=list)
    stops: list[Stop] = field(default_factory=list)
    trapped: bool = False

    def links(self, origin: str) -> set[str]:
        """The site addresses that the Tab key reaches on this page."""
        found = set()
        for stop in self.stops:
            if stop.href and stop.href.startswith(origin):
                found.add(urlsplit(stop.href).path.lstrip("/"))
        return found


def axe_violations(page: Any) -> list[Violation]:
    """Serious and critical WCAG 2.1 A/AA violations on the page as it is now (axe must be loaded)."""
    result = page.evaluate(AXE_RUN)
    return [
        Violation(v["id"], v["impact"], v["help"], [" ".join(map(str, n["target"])) for n in v["nodes"]])
        for v in result["violations"]
        if v["impact"] in FAILING
    ]


def tab_through(page: Any) -> tuple[list[Stop], bool]:
    """Press Tab from the top of the page until focus comes back to the first stop.

    Returns the stops on the way, and whether focus never came back (a keyboard trap).
    """
    pressed = 0
    while pressed < MAX_TAB_STOPS:
        for _ in range(10):
            page.keyboard.press("Tab")
        pressed += 10
        if page.evaluate("window.__hbLeft"):
            break
    stops = [Stop(**s) for s in page.evaluate("window.__hbStops")]
    return stops, pressed >= MAX_TAB_STOPS


def prepare(context: Any) -> None:
    """Load axe-core and the focus recorder into every page of the context."""
    context.add_init_script(path=str(AXE_FILE_PATH))
    context.add_init_script(script=RECORD_FOCUS)


def audit_page(page: Any, url: str, address: str) -> PageAudit:
    """Load one page, run axe on it, then press Tab through it."""
    page.goto(url + address)
    page.add_style_tag(content=NO_MOTION)
    result = PageAudit(address, axe_violations(page))
    result.stops, result.trapped = tab_through(page)
    return result


def reachable(audits: dict[str, PageAudit], origin: str, start: str = "") -> set[str]:
    """Every address that can be reached from ``start`` by following links the Tab key lands on."""
    seen = {start}
    todo = [start]
    while todo:
        here = audits.get(todo.pop())
        if here is None:
            continue
        for target in here.links(origin) - seen:
            seen.add(target)
            todo.append(target)
    return seen
