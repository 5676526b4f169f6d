"""The site's own stylesheets and scripts as served: without comments and spare whitespace.

docs/stylesheets/ and docs/assets/javascripts/ are written for people, with a comment on
every part; on a phone those comments were half of what the files weigh. The build serves
them minified (rcssmin, rjsmin); the files in docs/ stay as they are.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import PurePosixPath

import rcssmin
import rjsmin

MINIFIERS: dict[str, Callable[[str], str]] = {".css": rcssmin.cssmin, ".js": rjsmin.jsmin}


def minifier(path: str) -> Callable[[str], str] | None:
    """The minifier for the kind of file `path` names, or None for a file that is served as it is."""
    return MINIFIERS.get(PurePosixPath(path).suffix)
