"""The vendored Mermaid is exactly the pinned release that was recorded, with its licence."""

from __future__ import annotations

import hashlib
from pathlib import Path

VENDOR = Path(__file__).resolve().parent.parent / "docs" / "assets" / "vendor" / "mermaid"


def recorded() -> dict[str, str]:
    """SHA256SUMS as {relative path: digest}."""
    lines = (VENDOR / "SHA256SUMS").read_text(encoding="utf-8").splitlines()
    return {
        path.lstrip("*").removeprefix("./"): digest
        for digest, path in (line.split(maxsplit=1) for line in lines if line)
    }


def test_every_vendored_file_matches_its_recorded_sha256() -> None:
    sums = recorded()
    assert "mermaid.esm.min.mjs" in sums
    for path, digest in sums.items():
        assert hashlib.sha256((VENDOR / path).read_bytes()).hexdigest() == digest, path


def test_no_unrecorded_file_is_shipped() -> None:
    shipped = {p.relative_to(VENDOR).as_posix() for p in VENDOR.rglob("*") if p.is_file()}
    assert shipped - set(recorded()) == {"SHA256SUMS"}


def test_release_and_licence_are_recorded() -> None:
    assert (VENDOR / "VERSION").read_text(encoding="utf-8").strip() == "12.3.0"
    assert "MIT License" in (VENDOR / "LICENSE").read_text(encoding="utf-8")
