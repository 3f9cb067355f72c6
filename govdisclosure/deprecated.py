"""The module paths of 0.1, kept importable for one release (removed in 0.3).

0.2 moved the flat modules into stage packages (``docs/architecture.md``).  Importing an old
path, e.g. ``from govdisclosure.render import LAYOUTS``, still works and warns with a
:class:`DeprecationWarning` that names the new path.
"""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.machinery
import sys
import types
import warnings
from collections.abc import Sequence
from typing import Any

__all__ = ["MOVED", "install"]

MOVED: dict[str, str] = {
    "govdisclosure.invariants": "govdisclosure.check.invariants",
    "govdisclosure.locate": "govdisclosure.check.locate",
    "govdisclosure.rules_doc": "govdisclosure.check.rules_doc",
    "govdisclosure.render": "govdisclosure.write.render",
    "govdisclosure.serialize": "govdisclosure.write.serialize",
    "govdisclosure.tables": "govdisclosure.write.tables",
    "govdisclosure.normalize": "govdisclosure.read.normalize",
    "govdisclosure.readers": "govdisclosure.read",
    "govdisclosure.grammar": "govdisclosure.parse.grammar",
    "govdisclosure.transform": "govdisclosure.parse.transform",
}


class _MovedModule(types.ModuleType):
    """Stands at an old path and forwards to the new module.

    It is callable when the package exports a function of the same name (``render``,
    ``locate``), because importing ``govdisclosure.render`` rebinds that package attribute.
    """

    def __init__(self, name: str, target: str) -> None:
        super().__init__(name)
        self.__dict__["_target"] = target

    def __getattr__(self, attr: str) -> Any:
        return getattr(importlib.import_module(self.__dict__["_target"]), attr)

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        leaf = self.__name__.rpartition(".")[2]
        return getattr(importlib.import_module(self.__dict__["_target"]), leaf)(*args, **kwargs)


class _MovedFinder(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: types.ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        if fullname not in MOVED:
            return None
        return importlib.machinery.ModuleSpec(fullname, self)

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> types.ModuleType:
        new = MOVED[spec.name]
        warnings.warn(
            f"{spec.name} moved to {new} in govdisclosure 0.2; the old path goes in 0.3",
            DeprecationWarning,
            stacklevel=4,
        )
        return _MovedModule(spec.name, new)

    def exec_module(self, module: types.ModuleType) -> None:
        return None


def install() -> None:
    """Make the old paths importable (called once by the package)."""
    if not any(isinstance(f, _MovedFinder) for f in sys.meta_path):
        sys.meta_path.append(_MovedFinder())
