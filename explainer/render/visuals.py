"""Build-time visuals as inline, accessible SVG: no chart library reaches the reader.

Each visual is a <figure> holding an <svg role="img"> with a <title> and <desc>, and a
text equivalent in HTML beside it (a table or a list), so nothing is only in the picture;
its <figcaption> comes last, after both (the content model allows a figcaption only as the
first or the last child, and the validity test holds every page to it).
Colours come from the theme's CSS classes, so the visuals follow light and dark schemes.
Links inside the SVG start at the site's root (routes.SITE_ROOT), made relative per page.
Every string from the notes goes through `escape`.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable

from markupsafe import Markup, escape

from ..content.notes import KIND_LABELS, RELATION_LABELS, Site
from ..core.routes import TIMELINE, entity_page
from ..core.text import listed
from .drafts import is_drafted, plain

Visual = Callable[[Site], str]


def _figure(name: str, title: str, desc: str, width: int, height: int, body: str, caption: str,
            equivalent: str = "", scroll: bool = False) -> str:
    """The picture, then its text equivalent (HTML, already escaped), then the caption
    (escaped here), which names the whole figure."""
    # A picture is role="img"; one holding links must stay a group, or its links are hidden.
    role = "group" if "<a " in body else "img"
    svg = (
        f'<svg class="chart" viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="{role}" '
        f'aria-labelledby="{name}-title {name}-desc" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="{name}-title">{escape(title)}</title><desc id="{name}-desc">{escape(desc)}</desc>{body}</svg>'
    )
    if scroll:  # wider than a phone: scroll sideways, reachable by keyboard
        svg = f'<div class="visual-scroll" tabindex="0" role="region" aria-label="{escape(title)}">{svg}</div>'
    return (f'<figure class="visual visual-{name}" id="{name}">{svg}{equivalent}'
            f'<figcaption>{escape(caption)}</figcaption></figure>\n')


def _percent(value: str) -> float:
    return float(value.rstrip("%"))


# --- Cross-shareholding, before and after ---------------------------------------------------

def _stakes(site: Site) -> tuple[list, list[str]]:
    """The stakes the chart draws (those with a before and an after) and the two entities it
    draws them between; none unless there are exactly two."""
    stakes = [(owner, relation) for owner in site.entities.values() for relation in owner.relations
              if relation.type == "holds-stake-in" and relation.before and relation.after]
    names = sorted({e.id for e, _ in stakes} | {r.target for _, r in stakes})
    return (stakes, names) if stakes and len(names) == 2 else ([], [])


def has_shareholding(site: Site) -> bool:
    """Whether the notes give the shareholding chart anything to draw (a page shows a heading
    for it only then)."""
    return bool(_stakes(site)[0])


def shareholding(site: Site) -> str:
    stakes, names = _stakes(site)
    if not stakes:
        return ""
    left, right = (site.entities[n] for n in names)
    # Before above After, each as wide as a phone's column: its words drawn at their own size
    # there (side by side, a 390 px screen drew them at about 7 px).
    panel_w, panel_h, gap = 320, 160, 24
    body, markers = [], []
    for i, (label, when) in enumerate((("Before", "before"), ("After", "after"))):
        y0 = i * (panel_h + gap)
        body.append(f'<text class="chart-heading" x="{panel_w / 2}" y="{y0 + 20}" text-anchor="middle">{escape(label)}</text>')
        for x, entity in ((10, left), (panel_w - 110, right)):
            body.append(f'<rect class="chart-node" x="{x}" y="{y0 + 65}" width="100" height="44" rx="6"/>'
                        f'<text class="chart-label" x="{x + 50}" y="{y0 + 92}" text-anchor="middle">{escape(entity.name)}</text>')
        for owner, relation in stakes:
            value = getattr(relation, when)
            to_right = owner.id == left.id
            y = y0 + (53 if to_right else 123)
            width = 1.5 + _percent(value) / 6
            # The head grows with its line, so a thick one (43%) still shows which way it points.
            head = max(12.0, width * 3)
            marker = f"shareholding-head-{len(markers)}"
            markers.append(f'<marker id="{marker}" viewBox="0 0 10 10" refX="8" refY="5" markerWidth="{head:.1f}" '
                           f'markerHeight="{head:.1f}" markerUnits="userSpaceOnUse" orient="auto">'
                           f'<path class="chart-arrowhead" d="M0 0L10 5L0 10z"/></marker>')
            x1, x2 = (112, panel_w - 112 - head * 0.6) if to_right else (panel_w - 112, 112 + head * 0.6)
            body.append(f'<line class="chart-arrow" x1="{x1}" y1="{y}" x2="{x2:.1f}" y2="{y}" stroke-width="{width:.1f}" '
                        f'marker-end="url(#{marker})"/>'
                        f'<text class="chart-value" x="{panel_w / 2}" y="{y - 8 if to_right else y + 22}" '
                        f'text-anchor="middle">{escape(value)}</text>')
    defs = "<defs>" + "".join(markers) + "</defs>"
    width, height = panel_w, 2 * panel_h + gap
    sentences = []
    for when, label in (("before", "Before"), ("after", "After")):
        parts = [f"{owner.name} holds {getattr(r, when)} of {site.entities[r.target].name}" for owner, r in stakes]
        sentences.append(f"{label}: " + "; ".join(parts) + ".")
    rows = "".join(
        f"<tr><th scope=\"row\">{escape(owner.name)} in {escape(site.entities[r.target].name)}</th>"
        f"<td>{escape(r.before)}</td><td>{escape(r.after)}</td></tr>" for owner, r in stakes
    )
    caption = "Who owns how much of whom; arrows point from the owner. " + " ".join(sentences)
    equivalent = (f'<table class="chart-table"><caption class="visually-hidden">Stakes before and after</caption>'
                  f'<thead><tr><th scope="col">Stake</th><th scope="col">Before</th><th scope="col">After</th></tr></thead>'
                  f'<tbody>{rows}</tbody></table>')
    return _figure("shareholding", "Who holds a stake in whom, before and after", " ".join(sentences),
                   width, height, defs + "".join(body), caption, equivalent)


# --- Relationship map -------------------------------------------------------------------------

# The ties between entities; where an entity is based and who wrote for whom stay in the lists.
MAP_TYPES = ("holds-stake-in", "led", "invests-in", "partner-of", "member-of", "unit-of")
MUTUAL = {"partner-of"}  # ties that run both ways: drawn without an arrowhead
# What the caption says of the ties the map draws: (the question, what an arrow points from).
_MAP_SAYS = {"holds-stake-in": ("owns", "holds"), "led": ("leads", "leads"), "invests-in": ("invests in", "invests")}


def relationship_map(site: Site) -> str:
    edges = [(owner, r) for owner in site.entities.values() for r in owner.relations if r.type in MAP_TYPES]
    if not edges:
        return ""
    ids = sorted({owner.id for owner, _ in edges} | {r.target for _, r in edges},
                 key=lambda e: (list(KIND_LABELS).index(site.entities[e].kind), site.entities[e].name))
    width, height, rx, ry = 720, 470, 225, 165
    cx, cy = width / 2, height / 2 + 10
    pos = {}
    for i, entity_id in enumerate(ids):
        angle = math.pi + 2 * math.pi * i / len(ids)  # the first (a company) on the left
        pos[entity_id] = (cx + rx * math.cos(angle), cy + ry * math.sin(angle))
    # The ties between one pair, drawn side by side: the same offsets whichever way each points.
    between: dict[frozenset[str], list[int]] = {}
    for i, (owner, relation) in enumerate(edges):
        between.setdefault(frozenset((owner.id, relation.target)), []).append(i)
    lines = []
    for i, (owner, relation) in enumerate(edges):
        (x1, y1), (x2, y2) = pos[owner.id], pos[relation.target]
        length = math.hypot(x2 - x1, y2 - y1) or 1
        ux, uy = (x2 - x1) / length, (y2 - y1) / length
        first, second = sorted((owner.id, relation.target))
        sign = 1 if owner.id == first else -1  # the pair's own perpendicular, not this tie's
        pair = between[frozenset((first, second))]
        offset = (pair.index(i) - (len(pair) - 1) / 2) * 8 if len(pair) > 1 else 0
        nx, ny = -uy * offset * sign, ux * offset * sign
        dash = "" if relation.source else ' stroke-dasharray="6 4"'
        # A tie that runs both ways (partners) has no arrowhead; the others stop short of the
        # target's circle so theirs shows.
        mutual = relation.type in MUTUAL
        end = 9 if mutual else 14
        head = "" if mutual else ' marker-end="url(#map-head)"'
        lines.append(f'<line class="map-edge rel-{relation.type}" x1="{x1 + ux * 9 * mutual + nx:.0f}" '
                     f'y1="{y1 + uy * 9 * mutual + ny:.0f}" x2="{x2 - ux * end + nx:.0f}" y2="{y2 - uy * end + ny:.0f}"'
                     f'{dash}{head}/>')
    nodes = []
    for entity_id, (x, y) in pos.items():
        entity = site.entities[entity_id]
        anchor = "middle" if abs(x - cx) < 60 else ("start" if x > cx else "end")
        dx = {"middle": 0, "start": 14, "end": -14}[anchor]
        dy = 5 if anchor != "middle" else (-16 if y < cy else 26)
        label = _wrap(entity.name, 16)
        top = y + dy - (15 * (len(label) - 1) if anchor == "middle" and y < cy else 0)
        tspans = "".join(f'<tspan x="{x + dx:.0f}" y="{top + 15 * k:.0f}">{escape(part)}</tspan>'
                         for k, part in enumerate(label))
        nodes.append(f'<a href="{entity_page(entity_id).link()}"><circle class="map-node kind-{entity.kind}" '
                     f'cx="{x:.0f}" cy="{y:.0f}" r="9"/><text class="map-label" text-anchor="{anchor}">{tspans}</text></a>')
    types = sorted({r.type for _, r in edges}, key=MAP_TYPES.index)
    legend, x = [], 12.0
    for t in types:
        legend.append(f'<g transform="translate({x:.0f} 16)"><line class="map-edge rel-{t}" x1="0" y1="0" x2="20" y2="0"/>'
                      f'<text class="map-legend" x="25" y="4">{escape(RELATION_LABELS[t][0])}</text></g>')
        x += 40 + 6.2 * len(RELATION_LABELS[t][0])
    defs = ('<defs><marker id="map-head" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="9" markerHeight="9" '
            'markerUnits="userSpaceOnUse" orient="auto"><path class="map-arrowhead" d="M0 0L10 5L0 10z"/></marker></defs>')
    items = "".join(
        f'<li><a href="{entity_page(owner.id).link()}">{escape(owner.name)}</a> {escape(RELATION_LABELS[r.type][0])} '
        f'<a href="{entity_page(r.target).link()}">{escape(site.entities[r.target].name)}</a>'
        f'{f" ({escape(r.figure)})" if r.figure else ""}{"" if r.source else " (background)"}</li>'
        for owner, r in edges
    )
    said = [_MAP_SAYS[t] for t in types if t in _MAP_SAYS]
    arrows = (f"Arrows point from the one who {listed([s[1] for s in said], 'or')}" if said
              else "Arrows point from the first of the two named in each tie")
    desc = (f"{len(ids)} of those named and the "
            f"{'tie' if len(edges) == 1 else f'{len(edges)} ties'} between them: "
            + "; ".join(f"{o.name} {RELATION_LABELS[r.type][0]} {site.entities[r.target].name}" for o, r in edges)
            + f". {arrows}; dashed lines are background knowledge.")
    caption = ((f"Who {listed([s[0] for s in said], 'or')} whom. " if said else "Who is tied to whom. ") + arrows
               + "; dashed lines are background knowledge rather than "
               + ("the articles' own statements." if site.several_articles else "the article's own statements."))
    equivalent = f'<details class="chart-list"><summary>The ties as a list</summary><ul>{items}</ul></details>'
    return _figure("relationship-map", "Map of the ties between the entities", desc, width, height,
                   defs + "".join(lines) + "".join(nodes) + "".join(legend), caption, equivalent, scroll=True)


# --- Timeline strip ---------------------------------------------------------------------------

def timeline_strip(site: Site) -> str:
    if not site.events:
        return ""
    step, margin, height = 112, 60, 200
    width = margin * 2 + step * (len(site.events) - 1)
    body = [f'<line class="strip-axis" x1="{margin - 30}" y1="{height / 2}" x2="{width - margin + 30}" y2="{height / 2}"/>']
    for i, event in enumerate(site.events):
        x, above = margin + step * i, i % 2 == 0
        lines = _wrap(event.when, 16)
        y0 = height / 2 - 20 - 15 * (len(lines) - 1) if above else height / 2 + 30
        label = "".join(f'<tspan x="{x}" y="{y0 + 15 * k:.0f}">{escape(line)}</tspan>' for k, line in enumerate(lines))
        body.append(f'<a href="{TIMELINE.link(event.id)}"><circle class="strip-dot" cx="{x}" cy="{height / 2}" r="7"/>'
                    f'<text class="strip-label" text-anchor="middle">{label}</text></a>')
    several = site.several_articles
    own = "the articles'" if several else "the article's"
    desc = ("The events in order: " + "; ".join(f"{e.when}: {plain(e.what, is_drafted(e, 'what'))}" for e in site.events)
            + f" Dates are {own} own words; the events are listed in full below.")
    return _figure("timeline-strip", "The events of the story in order", desc, width, height, "".join(body),
                   f"The events in order, dates as {'the articles give' if several else 'the article gives'} them. "
                   "Each point links to its entry below.", scroll=True)


def _wrap(text: str, width: int) -> list[str]:
    """At most three lines of about `width` characters; a word longer than that breaks after
    its dashes ("Renault–Nissan–Mitsubishi" ran off the drawing's edge)."""
    lines: list[str] = []
    for word in text.split():
        pieces = re.findall(r"[^–—-]+[–—-]?", word) if len(word) > width else [word]
        for n, piece in enumerate(pieces):
            joined = piece if n else " " + piece  # a word's next piece follows its dash directly
            if lines and len(lines[-1]) + len(joined) <= width:
                lines[-1] += joined
            else:
                lines.append(piece)
    return lines[:3]


VISUALS: dict[str, Visual] = {
    "shareholding": shareholding,
    "relationship-map": relationship_map,
    "timeline-strip": timeline_strip,
}


def render_visuals(site: Site) -> dict[str, Markup]:
    """Every visual once per build, by name, for the `::: visual NAME` block."""
    return {name: Markup(make(site)) for name, make in VISUALS.items()}
