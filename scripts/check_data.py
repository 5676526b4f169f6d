"""Check data/ against its models and cross-references, as the build does, without building.

Used by `make lint` and the pre-commit hook. Prints every problem, a line each, and exits 1; or exits 0.
"""

from __future__ import annotations

import sys
from pathlib import Path

from product_vs_project.errors import DataError
from product_vs_project.loading import load_guide

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    try:
        load_guide(ROOT / "data")
    except DataError as error:
        print("\n".join(f"Data error: {problem}" for problem in error.problems), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
