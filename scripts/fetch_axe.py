"""Fetch the pinned axe-core release from the npm registry and keep its axe.min.js.

The accessibility tests inject this file into each page (tests/test_accessibility.py),
so the audit runs the same axe-core as Lighthouse does. The download is checked
against the SHA-256 recorded here before anything is unpacked. Run by `make test`;
needs only Python, no Node.
"""

from __future__ import annotations

import hashlib
import io
import sys
import tarfile
import urllib.request
from pathlib import Path

VERSION = "4.14.1"
URL = f"https://registry.npmjs.org/axe-core/-/axe-core-{VERSION}.tgz"
SHA256 = "e6b0ce02b84d892e2e33e403485e7f3d6c29e2be6df65daf44d89ba564139745"
TARGET = Path(__file__).resolve().parent.parent / ".venv" / "axe-core" / VERSION / "axe.min.js"


def main() -> int:
    if TARGET.is_file():
        return 0
    with urllib.request.urlopen(URL, timeout=60) as response:
        archive = response.read()
    digest = hashlib.sha256(archive).hexdigest()
    if digest != SHA256:
        print(f"{URL}: SHA-256 {digest} is not the recorded {SHA256}; refusing to use it", file=sys.stderr)
        return 1
    with tarfile.open(fileobj=io.BytesIO(archive), mode="r:gz") as tar:
        script = tar.extractfile("package/axe.min.js").read()
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    TARGET.write_bytes(script)
    return 0


if __name__ == "__main__":
    sys.exit(main())
