"""Copied Material partials: each differs from the installed Material's copy only as recorded.

overrides/partials/ holds a few of Material's templates copied with small changes (each
explains itself in its opening comment). If Material is upgraded and its copy of one
changes, this fails and shows the new difference, so an old copy cannot be kept by
accident: compare, carry the change over, then record the new difference with
`python tests/test_theme_overrides.py`.
"""

from __future__ import annotations

import difflib
import sys
from pathlib import Path

import material
import pytest

ROOT = Path(__file__).resolve().parent.parent
COPIES = sorted((ROOT / "overrides" / "partials").glob("*.html"))
INSTALLED = Path(material.__file__).parent / "templates" / "partials"
RECORDED = Path(__file__).resolve().parent / "theme_changes"


def difference(copy: Path) -> str:
    installed = (INSTALLED / copy.name).read_text(encoding="utf-8").splitlines(keepends=True)
    ours = copy.read_text(encoding="utf-8").splitlines(keepends=True)
    return "".join(
        difflib.unified_diff(installed, ours, f"material/partials/{copy.name}", f"overrides/partials/{copy.name}", n=1)
    )


def test_every_copy_has_its_difference_recorded() -> None:
    assert sorted(p.name.removesuffix(".diff") for p in RECORDED.glob("*.diff")) == [c.name for c in COPIES]


@pytest.mark.parametrize("copy", COPIES, ids=lambda p: p.name)
def test_a_copied_partial_differs_from_materials_only_as_recorded(copy: Path) -> None:
    assert (INSTALLED / copy.name).is_file(), f"Material no longer has partials/{copy.name}"
    current = difference(copy)
    assert current, f"{copy.name} is now identical to Material's: delete the copy"
    assert current == (RECORDED / f"{copy.name}.diff").read_text(encoding="utf-8"), (
        f"partials/{copy.name} differs from Material's copy in a way not recorded; read the difference below, "
        f"then record it with `python tests/test_theme_overrides.py`:\n{current}"
    )


if __name__ == "__main__":
    for stale in RECORDED.glob("*.diff"):
        stale.unlink()
    for copy in COPIES:
        (RECORDED / f"{copy.name}.diff").write_text(difference(copy), encoding="utf-8")
    sys.exit(0)
