"""The 0.1 module paths still import for one release, with a DeprecationWarning."""

from __future__ import annotations

import importlib
import sys

import pytest
from support import seed_text

import govdisclosure
from govdisclosure.deprecated import MOVED


@pytest.mark.parametrize(("old", "new"), sorted(MOVED.items()))
def test_an_old_path_warns_and_gives_the_new_modules_names(old: str, new: str) -> None:
    sys.modules.pop(old, None)
    with pytest.warns(DeprecationWarning, match=new.replace(".", r"\.")):
        module = importlib.import_module(old)
    target = importlib.import_module(new)
    for name in getattr(target, "__all__", ())[:5]:
        assert getattr(module, name) is getattr(target, name)


def test_render_and_locate_stay_callable_after_their_old_modules_are_imported() -> None:
    for old in ("govdisclosure.render", "govdisclosure.locate"):
        sys.modules.pop(old, None)
        with pytest.warns(DeprecationWarning):
            importlib.import_module(old)
    report = govdisclosure.parse_report(seed_text("003_d01d2cbab1ffe994"))
    assert "规章" in govdisclosure.render(report, "tab")
    assert govdisclosure.locate(report) is not None
