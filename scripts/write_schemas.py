"""Write data/schemas/*.schema.json from the data files' models (src/product_vs_project/data_files.py).

The models are the one definition of each data file; the schemas are derived from them
for editors (each data file names its schema on its first line). Run after changing a
model: `make schemas`. With --check (as `make lint` runs it), change nothing and exit 1
if a committed schema is not what the models give.
"""

from __future__ import annotations

import sys
from pathlib import Path

from product_vs_project.data_files import DATA_FILES
from product_vs_project.schemas import schema_text

ROOT = Path(__file__).resolve().parent.parent

SCHEMAS = ROOT / "data" / "schemas"


def main(arguments: list[str]) -> int:
    check = arguments == ["--check"]
    stale = []
    expected = {data_file.schema: schema_text(data_file) for data_file in DATA_FILES}
    for name, text in expected.items():
        path = SCHEMAS / name
        if path.is_file() and path.read_text(encoding="utf-8") == text:
            continue
        stale.append(name)
        if not check:
            path.write_text(text, encoding="utf-8")
    extra = sorted(p.name for p in SCHEMAS.glob("*.schema.json") if p.name not in expected)
    for name in extra:
        stale.append(name)
        if not check:
            (SCHEMAS / name).unlink()
    if check and stale:
        print(f"data/schemas/ is out of date ({', '.join(stale)}): run `make schemas`", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
