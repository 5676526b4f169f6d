"""Shared fixtures: a sample data set, a copy of the real data, the real site built once, a copy of the
project to break, a local server, a browser."""

from __future__ import annotations

import fcntl
import functools
import http.server
import os
import re
import shlex
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from built_site import CHROMIUM_ARGS, ROOT, chromium_path
from sample_data import write_sample


def linkcheck() -> tuple[list[str], dict[str, str]]:
    """`make linkcheck`'s build, as the Makefile writes it: the arguments of `mkdocs` and the environment it sets.
    The test session builds the site this way, so the link check of the rendered HTML runs in `make test` and CI."""
    recipe = (ROOT / "Makefile").read_text(encoding="utf-8").split("\nlinkcheck:")[1].splitlines()[1]
    words = shlex.split(recipe)
    env = {}
    while re.fullmatch(r"[A-Z_]+=.*", words[0]):
        name, _, value = words.pop(0).partition("=")
        env[name] = value
    assert words[0] == "$(BIN)/mkdocs" and words[1] == "build", recipe
    return words[1:], env


def foreign_requests(urls: list[str], base: str) -> list[str]:
    """The requested URLs that are neither the local server's nor inline (data:, blob:)."""
    return [url for url in urls if not url.startswith((base, "data:", "blob:"))]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests that open Chromium are marked `browser`: `make test-fast` leaves them out."""
    for item in items:
        if "browser" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.browser)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """The small sample data set of tests/sample_data.py."""
    return write_sample(tmp_path / "data")


@pytest.fixture
def real_data(tmp_path: Path) -> Path:
    """A copy of the real data/, to change; its held texts stay in the real evidence/."""
    return Path(shutil.copytree(ROOT / "data", tmp_path / "data"))


def mkdocs_build(
    project: Path, site_dir: Path | None = None, env: dict[str, str] | None = None, arguments: list[str] | None = None
):
    """`mkdocs build --strict` of `project` (or `mkdocs` with `arguments`), with only the environment a fresh shell
    has and `env`."""
    command = [sys.executable, "-m", "mkdocs", *(arguments or ["build", "--strict"])]
    if site_dir is not None:
        command += ["--site-dir", str(site_dir)]
    return subprocess.run(
        command,
        cwd=project,
        capture_output=True,
        text=True,
        env={
            "NO_MKDOCS_2_WARNING": "1",
            **{key: os.environ[key] for key in ("PATH", "PYTHONPATH") if key in os.environ},
            **(env or {}),
        },
    )


def _build_once(site_dir: Path) -> None:
    arguments, env = linkcheck()
    result = mkdocs_build(ROOT, site_dir, env, arguments)
    (site_dir.parent / "build.log").write_text(f"{result.returncode}\n{result.stderr}", encoding="utf-8")


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built once per test run as `make linkcheck` builds it, shared by every pytest-xdist worker."""
    if os.environ.get("PYTEST_XDIST_WORKER"):
        shared = tmp_path_factory.getbasetemp().parent  # this run's folder, the same for every worker
    else:
        shared = tmp_path_factory.mktemp("build")
    site_dir, log = shared / "site", shared / "build.log"
    with (shared / "build.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not log.exists():
            _build_once(site_dir)
    status, _, stderr = log.read_text(encoding="utf-8").partition("\n")
    assert status == "0", stderr
    return site_dir


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the project without its git history, to break and build."""
    copy = tmp_path / "project"
    copy.mkdir()
    for config in ROOT.glob("mkdocs*.yml"):
        shutil.copy(config, copy)
    for folder in ("docs", "data", "evidence", "hooks", "overrides"):
        shutil.copytree(ROOT / folder, copy / folder, ignore=shutil.ignore_patterns("__pycache__"))
    return copy


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        pass


@pytest.fixture(scope="session")
def server(site: Path) -> Iterator[str]:
    """The built site on a local port; yields its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}/"
    httpd.shutdown()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        yield browser
        browser.close()
