"""When each file was last changed, from one `git log` over the whole repository.

Every page shows the date of its last change. One call to git gives the date of the last
commit of every file (the newest commit that names a file comes first); a page generated
from data takes the newest date of the files it is made from. Without git or its history
(a copy from a tarball), there are no dates, and the caller shows the build date instead.
"""

from __future__ import annotations

import datetime
import subprocess
from collections.abc import Iterable
from pathlib import Path

_COMMIT = "\x00"  # git writes it (%x00) before each commit's date


def last_changes(root: Path) -> dict[str, datetime.date]:
    """File path relative to `root` -> the date of the last commit that changed it ({} without git history)."""
    try:
        log = subprocess.run(
            ["git", "-C", str(root), "log", "--format=%x00%cs", "--name-only", "--no-renames"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        return {}
    dates: dict[str, datetime.date] = {}
    current = None
    for line in log.splitlines():
        if line.startswith(_COMMIT):
            current = datetime.date.fromisoformat(line[1:])
        elif line and current is not None:
            dates.setdefault(line, current)
    return dates


def newest(dates: dict[str, datetime.date], paths: Iterable[str]) -> datetime.date | None:
    """The latest date among `paths`, or None when git knows none of them."""
    known = [dates[path] for path in paths if path in dates]
    return max(known) if known else None


def shown(date: datetime.date) -> str:
    """The date as the page shows it: '2 December 2026'."""
    return f"{date.day} {date:%B %Y}"
