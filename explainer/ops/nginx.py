"""`make nginx`: the published site served by a real nginx, as production serves it.

nginx runs with the configuration of explainer/ops/nginx.conf (a template; see its header), in the
foreground, from a scratch folder that holds the rendered nginx.conf, its pid file, logs and
temporary files: it writes nothing to /var and reads only /etc/nginx/mime.types outside the
site. Needs Debian's `nginx` and `libnginx-mod-http-brotli-static` (see INSTALL).

For tests and measurements:

    from explainer.ops.nginx import serving
    from explainer.ops.browser import free_port
    with serving(Path("output")) as url:          # a free port, picked here
        urllib.request.urlopen(url + "index.html")
    port = free_port()                            # a port known before the build (SITEURL)
    with serving(site, port) as url: ...          # url == f"http://127.0.0.1:{port}/"

`serving` raises NginxMissing (nginx or its Brotli module is not installed) or NginxError
(the configuration test failed, or nginx did not start), each with a message to print as it
is. `render(root, port, scratch)` is the configuration text and `command(scratch)` the
command line, for tests to look at; `prepare` writes the one and tests it with `nginx -t`.
"""

from __future__ import annotations

import grp
import os
import pwd
import re
import shutil
import signal
import socket
import string
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .browser import free_port

TEMPLATE = Path(__file__).resolve().with_name("nginx.conf")
BROTLI_MODULE = Path("/usr/lib/nginx/modules/ngx_http_brotli_static_module.so")
INSTALL = "apt-get install nginx libnginx-mod-http-brotli-static"
HOST = "127.0.0.1"
START_TIMEOUT = 10.0  # seconds for nginx to bind its port
STOP_TIMEOUT = 10.0
# nginx reads these inside a quoted string: `$` starts a variable, `\` an escape.
_UNSAFE = re.compile(r'["$\\\x00-\x1f\x7f]')


class NginxMissing(Exception):
    """nginx or its Brotli module is not installed; the message says how to install them."""


class NginxError(Exception):
    """nginx refused the configuration or did not start; the message holds what it said."""


class _Template(string.Template):
    # Only ${UPPER_CASE} is a placeholder: nginx's own $uri and ${uri} pass through.
    flags = 0
    pattern = r"""\$(?:
        (?P<escaped>(?!))|(?P<named>(?!))|
        \{(?P<braced>[A-Z][A-Z0-9_]*)\}|
        (?P<invalid>(?!))
    )"""


def find_nginx() -> str:
    """The nginx binary (/usr/sbin is not on every user's PATH); NginxMissing if there is
    none, or no Brotli module for it."""
    binary = shutil.which("nginx") or shutil.which("nginx", path="/usr/sbin:/usr/local/sbin")
    if binary is None:
        raise NginxMissing(f"nginx is not installed: {INSTALL}")
    if not BROTLI_MODULE.is_file():
        raise NginxMissing(f"nginx's Brotli module ({BROTLI_MODULE}) is not installed: {INSTALL}")
    return binary


def _user_directive() -> str:
    """Workers run as whoever started nginx, so they read what that user can (a private
    temp folder, a checkout under /root); nginx honours `user` only when started as root."""
    if os.geteuid() != 0:
        return "# user: not started as root, the workers run as the user who started nginx"
    entry = pwd.getpwuid(os.geteuid())
    return f"user {entry.pw_name} {grp.getgrgid(entry.pw_gid).gr_name};"


def _path(path: Path, what: str) -> str:
    text = str(path.resolve())
    if _UNSAFE.search(text):
        raise NginxError(f"{text}: nginx cannot be given a {what} path with a quote, $, \\ or control character")
    return text


def render(root: Path, port: int, scratch: Path) -> str:
    """explainer/ops/nginx.conf filled in for `root` on 127.0.0.1:`port`, with `scratch` as its
    folder for pid, logs and temporary files. Comment lines are kept as they are."""
    values = {"ROOT": _path(root, "site"), "PORT": str(int(port)), "SCRATCH": _path(scratch, "scratch"),
              "USER": _user_directive()}
    lines = TEMPLATE.read_text(encoding="utf-8").splitlines(keepends=True)
    return "".join(line if line.lstrip().startswith("#") else _Template(line).substitute(values)
                   for line in lines)


def command(scratch: Path, nginx: str = "nginx") -> list[str]:
    """The command line that runs nginx from `scratch` in the foreground. `-e`: the log of
    nginx's start-up, before it read the configuration, goes there too (not /var/log)."""
    scratch = scratch.resolve()
    return [nginx, "-p", f"{scratch}/", "-e", str(scratch / "error.log"), "-c", str(scratch / "nginx.conf"),
            "-g", "daemon off;"]


def prepare(root: Path, port: int, scratch: Path) -> list[str]:
    """Write the configuration into `scratch`, test it with `nginx -t`, and return the
    command that serves it. NginxMissing, or NginxError with what nginx said."""
    nginx = find_nginx()
    if not (root / "index.html").is_file():
        raise NginxError(f"{root}: no site to serve (no index.html): run make html or make publish first")
    scratch.mkdir(parents=True, exist_ok=True)
    (scratch / "nginx.conf").write_text(render(root, port, scratch), encoding="utf-8")
    run = command(scratch, nginx)
    test = subprocess.run([*run[:-2], "-t", "-q"], capture_output=True, text=True)
    said = (test.stdout + test.stderr).strip()
    if test.returncode != 0 or said:  # -q: a good configuration is tested in silence
        raise NginxError(f"nginx -t rejected {scratch / 'nginx.conf'}:\n{said}")
    return run


def _started(process: subprocess.Popen, scratch: Path, port: int) -> None:
    """Wait until this nginx wrote its pid file (after it bound its port) and answers."""
    pidfile = scratch / "nginx.pid"
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise NginxError(f"nginx stopped at start (exit status {process.returncode}):\n{_said(scratch)}")
        if pidfile.exists() and pidfile.read_text().strip() == str(process.pid):
            try:
                socket.create_connection((HOST, port), timeout=1).close()
                return
            except OSError:
                pass
        time.sleep(0.02)
    raise NginxError(f"nginx did not answer on {HOST}:{port} within {START_TIMEOUT:.0f} s")


def _said(scratch: Path) -> str:
    """What nginx said at start: its standard error, else its error log."""
    for name in ("stderr.log", "error.log"):
        log = scratch / name
        text = log.read_text(encoding="utf-8", errors="replace").strip() if log.exists() else ""
        if text:
            return text
    return ""


def stop(process: subprocess.Popen) -> int:
    """SIGTERM (nginx's fast shutdown: the master stops its workers, then itself); its
    exit status."""
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(STOP_TIMEOUT)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    return process.returncode


@contextmanager
def serving(root: Path, port: int | None = None) -> Iterator[str]:
    """nginx serving `root` on 127.0.0.1 (`port`, or a free one) while the block runs; yields
    its URL, "http://127.0.0.1:PORT/". Stopped, and its scratch folder removed, on leaving."""
    port = free_port() if port is None else port
    with tempfile.TemporaryDirectory(prefix="explainer-nginx-") as folder:
        scratch = Path(folder)
        run = prepare(root, port, scratch)
        with open(scratch / "stderr.log", "wb") as stderr:  # a file: a pipe nobody reads can fill
            process = subprocess.Popen(run, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=stderr)
        try:
            _started(process, scratch, port)
            yield f"http://{HOST}:{port}/"
        finally:
            stop(process)


def main(root: Path, port: int, scratch: Path) -> int:
    """`python -m explainer nginx`: test the configuration, say the URL, then become nginx
    (exec): Ctrl-C and SIGTERM reach nginx itself, which stops with exit status 0."""
    try:
        with socket.socket() as probe:
            probe.bind((HOST, port))
    except OSError as error:
        print(f"error: port {port} on {HOST} is not free ({error.strerror}): try PORT=...", file=sys.stderr)
        return 1
    try:
        run = prepare(root, port, scratch)
    except (NginxMissing, NginxError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(f"nginx serving {root} on http://{HOST}:{port}/ (configuration: {scratch / 'nginx.conf'}; "
          f"logs: {scratch}); Ctrl-C stops it", flush=True)
    sys.stderr.flush()
    os.execv(run[0], run)
    return 1  # not reached


def publish_for(content: Path, settings: Path, port: int, folder: Path) -> Path | None:
    """The site published into `folder`/site for nginx at `port` on this machine (its SITEURL),
    as `make weight` and `make audit` measure it; None, with what the build said, if it failed."""
    site = folder / "site"
    publish = subprocess.run(
        [sys.executable, "-m", "explainer", "build", "--input", str(content), "--output", str(site),
         "--settings", str(settings), "--", "-e", f'SITEURL="http://127.0.0.1:{port}"'],
        capture_output=True, text=True)
    if publish.returncode != 0:
        print(publish.stdout + publish.stderr, end="", file=sys.stderr)
        return None
    return site


def article_pages(site: Path) -> list[str]:
    """The published site's article pages (their file names), in order."""
    return sorted(p.name for p in site.glob("*.html") if 'class="article"' in p.read_text(encoding="utf-8"))

