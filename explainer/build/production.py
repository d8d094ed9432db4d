"""`make publish`: the site as a production web server serves it (explainer/ops/nginx.conf).

Switched on by `PRODUCTION = True` (publishconf.py). Two steps, in the build's order:
- before Pelican writes: the theme's stylesheets, scripts and images get names that carry
  a hash of the bytes published (stylesheets and scripts minified) (`theme/css/site.3f9a1c2e0b.css`), which the templates ask for with
  `{{ asset("css/site.css") }}`, so a server may let browsers keep them for a year: a
  changed file is a new name. A stylesheet's own references to theme files (`url(...)`,
  `@import`) are written with those names, relative to it as before, and its hash is taken
  after that: a changed image is a new name for the stylesheet too;
- after Pelican wrote everything, in the scratch folder the build swaps in: the files are
  renamed to those names, Pagefind's ready-made UI and its worker (which this site does not
  load: its own search.js calls pagefind.js, in the page) are dropped, and every text file is precompressed beside
  itself as `.br` (Brotli) and `.gz`, for nginx's brotli_static and gzip_static; Pagefind's
  index and wasm too, published unpacked so that they can be (see PAGEFIND_PACKED).

Everything here is a function of the bytes, so two publishes of the same content are
byte-identical (gzip without a name or a time in its header).
"""

from __future__ import annotations

import gzip
import hashlib
import posixpath
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import quote, unquote

from ..core.problems import BuildError, display_path

HASHED = (".css", ".js", ".svg", ".png", ".webp", ".woff2")  # theme files given hashed names
# Pagefind writes its index and its wasm gzipped, and pagefind.js unpacks them itself, unless
# they start with its signature "pagefind_dcd" (which the unpacked bytes do): what a server
# that compresses in transit needs. Published unpacked, they are precompressed like the rest,
# and Brotli saves more than gzip did (the wasm: 72 KB gzipped).
PAGEFIND_PACKED = (".pagefind", ".pf_meta", ".pf_index", ".pf_fragment")
PAGEFIND_SIGNATURE = b"pagefind_dcd"
COMPRESSED = (".html", ".css", ".js", ".mjs", ".svg", ".xml", ".atom", ".json", ".jsonld", ".txt", ".webmanifest",
              *PAGEFIND_PACKED)
# Pagefind's ready-made UIs and its worker, which this site does not load (search.js sets
# noWorker: the index is small, and the search runs in the page).
PAGEFIND_UNUSED = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
                   "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js",
                   "pagefind-worker.js")
DIGITS = 10  # hex digits of SHA-256 in a name


def theme_static(settings: dict) -> tuple[Path, str]:
    """The theme's static folder, and the folder of the output Pelican copies it to."""
    return Path(settings["THEME"]) / settings["THEME_STATIC_PATHS"][0], settings["THEME_STATIC_DIR"]


def fingerprints(static: Path, prefix: str) -> dict[str, str]:
    """Each theme file to hash, by its path under the theme's static folder ("css/site.css"),
    with the path it is published at ("theme/css/site.3f9a1c2e0b.css"). A stylesheet is
    named after the files it refers to: its bytes hold their names. A stylesheet referring
    to a theme file that is not there, or to itself through others, is a BuildError."""
    files = [p.relative_to(static).as_posix() for p in sorted(static.rglob("*")) if p.is_file() and p.suffix in HASHED]
    references = {relative: list(stylesheet_references(static, relative))  # each stylesheet read once
                  for relative in files if PurePosixPath(relative).suffix == ".css"}
    check_stylesheets(static, references)
    names: dict[str, str] = {}

    def name(relative: str) -> None:
        if relative in names:
            return
        for reference in references.get(relative, []):
            if reference.target in files:
                name(reference.target)
        digest = hashlib.sha256(published_bytes(static, relative, names, references.get(relative))).hexdigest()[:DIGITS]
        path = PurePosixPath(relative)
        names[relative] = f"{prefix}/{path.with_suffix(f'.{digest}{path.suffix}')}"

    for relative in files:
        name(relative)
    return names


def published_bytes(static: Path, relative: str, names: dict[str, str],
                    references: list[Reference] | None = None) -> bytes:
    """The bytes a theme file is published with: minified, and a stylesheet's references to
    the theme files in `names` written with their hashed names (the rest of it as it is;
    `references`, if given, are the stylesheet's, already read)."""
    data = (static / relative).read_bytes()
    suffix = PurePosixPath(relative).suffix
    if suffix == ".css":
        text = data.decode("utf-8")
        if references is None:
            references = list(stylesheet_references(static, relative))
        for reference in reversed(references):
            if reference.target in names:
                path, rest = re.match(r"([^?#]*)(.*)", reference.url, re.DOTALL).groups()  # type: ignore[union-attr]
                folder = path.rpartition("/")[0] + "/" if "/" in path else ""
                text = text[:reference.start] + folder + quote(PurePosixPath(names[reference.target]).name) + rest \
                    + text[reference.end:]
        data = text.encode("utf-8")
    return minified(suffix, data)


@dataclass(frozen=True)
class Reference:
    """A stylesheet's reference to a theme file, by url() or @import."""

    line: int
    start: int  # where the URL is written in the stylesheet's text (inside the quotes or the parentheses)
    end: int
    url: str  # as written
    target: str  # the path under the theme's static folder it names


def stylesheet_references(static: Path, relative: str) -> Iterator[Reference]:
    """The references of a stylesheet (`relative` under the static folder) to files of the
    theme, read by a CSS tokenizer (tinycss2): not those in comments or other strings, nor
    data:, http(s): or other schemes, //host, #fragment or /absolute URLs, nor paths that
    lead out of the theme's static folder."""
    import tinycss2  # only a publish reads stylesheets

    text = (static / relative).read_text(encoding="utf-8")
    lines = [0, *(found.end() for found in re.finditer("\n", text))]
    for token, inside in _urls(tinycss2.parse_stylesheet(text, skip_comments=True)):
        at = lines[token.source_line - 1] + token.source_column - 1
        start, end = _written(text, at, inside)
        url = text[start:end]
        target = _theme_file(relative, token.value)
        if target is not None:
            yield Reference(token.source_line, start, end, url, target)


def _urls(nodes: list) -> Iterator[tuple[object, bool]]:
    """The tokens that name a URL, anywhere in a parsed stylesheet: an unquoted url(...)
    (False) and the string of url("...") or of @import "..." (True: written inside quotes)."""
    for node in nodes:
        if node.type == "url":
            yield node, False
        elif node.type == "function" and node.lower_name == "url":
            yield from ((arg, True) for arg in node.arguments if arg.type == "string")
        elif node.type == "at-rule" and node.lower_at_keyword == "import":
            yield from ((token, True) for token in node.prelude[:2] if token.type == "string")
        for part in ("prelude", "content", "arguments"):
            inner = getattr(node, part, None)
            if isinstance(inner, list) and not (node.type == "function" and node.lower_name == "url"):
                yield from _urls(inner)


def _written(text: str, at: int, quoted: bool) -> tuple[int, int]:
    """Where a URL token starting at `at` has its URL written: inside its quotes, or inside
    url( ) without the spaces around it."""
    if quoted:
        end, mark = at + 1, text[at]
        while text[end] != mark:
            end += 2 if text[end] == "\\" else 1
        return at + 1, end
    start = text.index("(", at) + 1
    end = start
    while text[end] != ")":
        end += 2 if text[end] == "\\" else 1
    written = text[start:end]
    return start + len(written) - len(written.lstrip()), start + len(written.rstrip())


def _theme_file(stylesheet: str, url: str) -> str | None:
    """The path under the static folder a stylesheet's URL names, None if not a theme file."""
    path = unquote(re.split(r"[?#]", url, maxsplit=1)[0])
    if not path or url.startswith(("#", "/")) or _SCHEME.match(url):
        return None
    target = posixpath.normpath(posixpath.join(posixpath.dirname(stylesheet), path))
    return None if target == ".." or target.startswith("../") else target


_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")  # data:, http:, https:, ...


def check_stylesheets(static: Path, references: dict[str, list[Reference]]) -> None:
    """Every reference of a stylesheet to a theme file names one the theme has, and no
    stylesheet refers to itself through others (its name would depend on itself).
    `references`: each stylesheet's, by its path under the static folder."""
    stylesheets = sorted(references)
    for relative in stylesheets:
        for reference in references[relative]:
            if not (static / reference.target).is_file():
                raise BuildError(f"{display_path(static / relative)}:{reference.line}: no such theme file: "
                                 f"{reference.url} ({display_path(static / reference.target)})")

    def visit(relative: str, path: list[str]) -> None:
        for reference in references[relative]:
            if reference.target in path:
                circle = " -> ".join([*path[path.index(reference.target):], reference.target])
                raise BuildError(f"{display_path(static / relative)}:{reference.line}: {reference.url}: the "
                                 f"stylesheets refer to each other ({circle}): a published name cannot "
                                 "hold its own hash")
            if reference.target in stylesheets:
                visit(reference.target, [*path, reference.target])

    for relative in stylesheets:
        visit(relative, [relative])


def minified(suffix: str, data: bytes) -> bytes:
    """A stylesheet or script without its comments and spaces (a few hundred bytes of the
    article page's 14 KB on the wire), anything else as it is."""
    if suffix == ".css":
        import rcssmin

        return rcssmin.cssmin(data)
    if suffix == ".js":
        import rjsmin

        return rjsmin.jsmin(data)
    return data


def asset_url(static: Path, prefix: str, hashed: dict[str, str] | None):
    """The templates' `asset(path)`: where a theme file is published. A path the theme does
    not have is an error of the template, said with the path (not a broken link found later)."""

    def asset(path: str) -> str:
        if not (static / path).is_file():
            raise BuildError(f"{display_path(static / path)}: no such theme file (asked for by asset({path!r}) in a template)")
        return hashed[path] if hashed is not None and path in hashed else f"{prefix}/{path}"

    return asset


def finish(output: Path, hashed: dict[str, str], prefix: str) -> None:
    """After Pelican wrote `output`: the hashed names, no unused Pagefind UI, precompressed text."""
    data = {relative: published_bytes(output / prefix, relative, hashed) for relative in hashed}
    for relative, published in hashed.items():
        (output / published).write_bytes(data[relative])
        (output / prefix / relative).unlink()
    for name in PAGEFIND_UNUSED:
        (output / "pagefind" / name).unlink(missing_ok=True)
    for path in sorted((output / "pagefind").rglob("*")):
        if path.suffix in PAGEFIND_PACKED:
            unpack(path)
    for path in sorted(output.rglob("*")):
        if path.is_file() and path.suffix in COMPRESSED:
            precompress(path)


def unpack(path: Path) -> None:
    """A Pagefind file as its unpacked bytes, which start with Pagefind's signature (a file
    that does not unpack to it is left as Pagefind wrote it)."""
    try:
        data = gzip.decompress(path.read_bytes())
    except (OSError, EOFError):
        return
    if data.startswith(PAGEFIND_SIGNATURE):
        unpacked = path.with_name(path.name + ".unpacked")
        unpacked.write_bytes(data)
        unpacked.replace(path)  # a new file: the last build's bundle may be linked here (search.py)


def precompress(path: Path) -> None:
    """`x.br` and `x.gz` beside `x`, each only where it is smaller than `x` itself."""
    import brotli

    data = path.read_bytes()
    for suffix, packed in ((".br", brotli.compress(data, quality=11)),
                           (".gz", gzip.compress(data, compresslevel=9, mtime=0))):
        if len(packed) < len(data):
            path.with_name(path.name + suffix).write_bytes(packed)
