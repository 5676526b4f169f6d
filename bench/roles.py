"""More roles in a copy of the project, for the role curve: copies of the existing role files.

A copy gets a new `id` (its file's stem, e.g. product-manager-copy-2) and `name` ("Product
manager copy 2"), its `in_sentence` dropped, and " (copy 2)" added to every `text:` value, so
that no summary or value repeats another role's word for word (the build refuses that).
"""

from __future__ import annotations

from pathlib import Path

import yaml


def with_copy_mark(value: object, mark: str) -> object:
    """value with `mark` appended to every `text:` string in it, however deep."""
    if isinstance(value, dict):
        return {
            key: f"{item}{mark}" if key == "text" and isinstance(item, str) else with_copy_mark(item, mark)
            for key, item in value.items()
        }
    if isinstance(value, list):
        return [with_copy_mark(item, mark) for item in value]
    return value


def role_copy(role: dict, copy: int) -> dict:
    """The role as copy number `copy` (2, 3, ...)."""
    copied = with_copy_mark(role, f" (copy {copy})")
    copied["id"] = f"{role['id']}-copy-{copy}"
    copied["name"] = f"{role['name']} copy {copy}"
    copied.pop("in_sentence", None)
    return copied


def add_roles(project_dir: Path, total: int) -> list[str]:
    """Copies of the role files in project_dir/data/roles until there are `total`; returns the new ids.

    The originals are copied in turn (sorted by file name): the first round makes copy 2 of
    each, the next copy 3, and so on.
    """
    roles_dir = project_dir / "data" / "roles"
    originals = sorted(roles_dir.glob("*.yml"))
    if not originals:
        raise FileNotFoundError(f"No role files in {roles_dir}")
    roles = [yaml.safe_load(path.read_text(encoding="utf-8")) for path in originals]
    added = []
    for number in range(total - len(originals)):
        role = role_copy(roles[number % len(roles)], 2 + number // len(roles))
        path = roles_dir / f"{role['id']}.yml"
        path.write_text(yaml.safe_dump(role, sort_keys=False, allow_unicode=True, width=1000), encoding="utf-8")
        added.append(role["id"])
    return added
