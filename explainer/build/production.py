"""`make publish`: the site as a production web server serves it (deploy/nginx.conf).

Switched on by `PRODUCTION = True` (publishconf.py). Two steps, in the build's order:
- before Pelican writes: the theme's stylesheets, scripts and images get names that carry
  a hash of the bytes published (stylesheets and scripts minified) (`theme/css/site.3f9a1c2e0b.css`), which the templates ask for with
  `{{ asset("css/site.css") }}`, so a server may let browsers keep them for a year: a
  changed file is a new name;
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
from pathlib import Path

from ..core.problems import BuildError, display_path

HASHED = (".css", ".js", ".svg", ".png", ".webp", ".woff2")  # theme files given hashed names
# Pagefind writes its index and its wasm gzipped, and pagefind.js unpacks them itself, unless
# they start with its signature "pagefind_dcd" (which the unpacked bytes do): what a server
# that compresses in transit needs. Published unpacked, they are precompressed like the rest,
# and Brotli saves more than gzip did (the wasm: 72 KB gzipped).
PAGEFIND_PACKED = (".pagefind", ".pf_meta", ".pf_index", ".pf_fragment")
PAGEFIND_SIGNATURE = b"pagefind_dcd"
COMPRESSED = (".html", ".css", ".js", ".mjs", ".svg", ".xml", ".atom", ".json", ".txt", ".webmanifest",
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
    with the path it is published at ("theme/css/site.3f9a1c2e0b.css")."""
    names = {}
    for path in sorted(static.rglob("*")):
        if path.is_file() and path.suffix in HASHED:
            digest = hashlib.sha256(minified(path.suffix, path.read_bytes())).hexdigest()[:DIGITS]
            relative = path.relative_to(static).as_posix()
            names[relative] = f"{prefix}/{Path(relative).with_suffix(f'.{digest}{path.suffix}').as_posix()}"
    return names


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
    for relative, published in hashed.items():
        plain = output / prefix / relative
        (output / published).write_bytes(minified(plain.suffix, plain.read_bytes()))
        plain.unlink()
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
