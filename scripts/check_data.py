"""Check data/ against its models and cross-references, as the build does, without building.

Used by `make lint` and the pre-commit hook. Prints the problem and exits 1, or exits 0.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from guide.data import DataError, load_guide  # noqa: E402 - needs the path above


def main() -> int:
    try:
        load_guide(ROOT / "data")
    except DataError as error:
        print(f"Data error: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
