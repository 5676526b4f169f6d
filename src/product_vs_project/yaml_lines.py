"""Read one YAML data file, keeping its node tree so that every problem can name its line."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .errors import DataError

# libyaml's parser when PyYAML was built with it: ten times faster than pure Python.
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_SafeLoader):
    """SafeLoader that keeps dates as text and refuses repeated keys.

    Dates stay strings so `date: 2024-05-15` validates the same as `"2024-05-15"`;
    repeated keys are refused because PyYAML would silently keep only the last one.
    """

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"repeated key '{key}' (each field may appear once)", key_node.start_mark
                )
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in _SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass(frozen=True)
class YamlDocument:
    """A parsed data file: its contents, plus the node tree for line numbers."""

    name: str  # as shown in messages, e.g. "data/roles.yml"
    data: Any
    root: yaml.Node

    def line_of(self, path: tuple[str | int, ...]) -> int:
        """1-based line of the deepest part of `path` that exists: a field's key, or a list item."""
        node, line = self.root, self.root.start_mark.line
        for step in path:
            found = _child(node, step)
            if found is None:
                break
            line, node = found
        return line + 1


def _child(node: yaml.Node, step: str | int) -> tuple[int, yaml.Node] | None:
    """The node at `step` below `node`, with the line that names it (a key's line, or an item's)."""
    if isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value):
        return node.value[step].start_mark.line, node.value[step]
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if key_node.value == step:
                return key_node.start_mark.line, value_node
    return None


def read_yaml(path: Path, name: str) -> YamlDocument:
    """Parse `path`; raise DataError naming the file and line for anything unreadable."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DataError(f"{name}: file not found; expected it beside the other data files") from None
    except UnicodeDecodeError as error:
        raise DataError(f"{name}: not UTF-8 text ({error.reason} at byte {error.start})") from None
    loader = _Loader(text)
    try:
        # Parse once: keep the node tree (for line numbers) and build the data from it.
        root = loader.get_single_node()
        data = loader.construct_document(root) if root is not None else None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = f":{mark.line + 1}" if mark else ""
        problem = error.problem or error.context or "unreadable"
        raise DataError(f"{name}{line}: invalid YAML: {problem}") from None
    finally:
        loader.dispose()
    if root is None:
        raise DataError(f"{name}: the file is empty; expected its entries (see the comment at the top of the file)")
    return YamlDocument(name=name, data=data, root=root)
