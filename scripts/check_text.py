"""Check text files: YAML parses, no trailing whitespace, one newline at the end.

Used by `make lint` (every file git tracks) and by pre-commit (the files it passes).
Prints one line per problem as FILE:LINE: problem, and exits 1 if there was any.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
TEXT_SUFFIXES = {".md", ".py", ".yml", ".yaml", ".json", ".html", ".css", ".js", ".toml", ".txt", ".cfg", ""}
SKIPPED = ("docs/assets/vendor/",)  # third-party files, kept byte for byte


class _AnyTagLoader(yaml.SafeLoader):
    """Parses YAML with application tags (mkdocs.yml's !!python/name) without running them."""


_AnyTagLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def problems(path: Path, text: str) -> list[str]:
    found = [f"{path}:{n}: trailing whitespace" for n, line in enumerate(text.splitlines(), 1) if line != line.rstrip()]
    if text and not text.endswith("\n"):
        found.append(f"{path}: no newline at the end")
    elif text.endswith("\n\n"):
        found.append(f"{path}: blank lines at the end")
    if path.suffix in (".yml", ".yaml"):
        try:
            yaml.load(text, Loader=_AnyTagLoader)  # noqa: S506 - a SafeLoader subclass
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            found.append(f"{path}:{mark.line + 1 if mark else 1}: invalid YAML: {getattr(error, 'problem', error)}")
    return found


def tracked_files() -> list[Path]:
    listed = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    return [Path(name) for name in listed.splitlines()]


def main(arguments: list[str]) -> int:
    paths = [Path(a) for a in arguments] or tracked_files()
    found = []
    for path in paths:
        if path.suffix not in TEXT_SUFFIXES or path.as_posix().startswith(SKIPPED) or not (ROOT / path).is_file():
            continue
        found += problems(path, (ROOT / path).read_text(encoding="utf-8"))
    print("\n".join(found), file=sys.stderr, end="\n" if found else "")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
