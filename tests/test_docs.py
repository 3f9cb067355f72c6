"""docs/: generated pages are current, examples run with the output they show, links resolve."""

from __future__ import annotations

import doctest
import re
from pathlib import Path

import pytest
from support import run_page

from govdisclosure import _docs

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
PAGES = sorted(DOCS.glob("*.md"))


@pytest.mark.parametrize("rel", sorted(_docs.documents()))
def test_generated_page_is_current(rel: str) -> None:
    path = ROOT / rel
    assert path.is_file(), f"{rel} is missing: run `python -m govdisclosure._docs`"
    assert path.read_text(encoding="utf-8") == _docs.documents()[rel], (
        f"{rel} is stale: run `python -m govdisclosure._docs`"
    )


def test_check_mode_names_stale_pages_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _docs.main(["--root", str(tmp_path), "--check"]) == 1
    assert "docs/model.md" in capsys.readouterr().out
    assert not (tmp_path / "docs").exists()
    assert _docs.main(["--root", str(tmp_path)]) == 0
    assert _docs.main(["--root", str(tmp_path), "--check"]) == 0
    (tmp_path / "docs" / "cli.md").write_text("old", encoding="utf-8")
    assert _docs.main(["--root", str(tmp_path), "--check"]) == 1
    assert "docs/cli.md" in capsys.readouterr().out


def test_model_reference_lists_every_field_with_its_label() -> None:
    from govdisclosure.template.catalog import report_fields

    text = (DOCS / "model.md").read_text(encoding="utf-8")
    for f in report_fields():
        assert f"| `{f.key}` | {f.label}" in text, f.key
    undivided = "requests.outcomes.other_handling.undivided.total"
    assert f"| `{undivided}` | 三、本年度办理结果 （六）其他处理 · 总计" in text
    assert "其他处理 1.申请人无正当理由逾期不补正" in text


def test_cli_reference_has_every_command() -> None:
    from govdisclosure.cli import main

    text = (DOCS / "cli.md").read_text(encoding="utf-8")
    for name in main.commands:
        assert f"## `govdisclosure {name}`" in text


@pytest.mark.parametrize("page", ["quickstart.md", "json.md"])
def test_doctests_in_page_run(page: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    result = doctest.testfile(
        str(DOCS / page),
        module_relative=False,
        optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE,
    )
    assert result.attempted >= 3
    assert result.failed == 0


def test_notebook_page_runs_and_prints_what_it_shows(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Each python block of notebooks.md runs; the text block after it is its real output."""
    import matplotlib

    matplotlib.use("Agg")
    monkeypatch.chdir(ROOT)
    replace = {'savefig("outcomes.png"': f'savefig(r"{tmp_path}/outcomes.png"'}
    assert run_page(DOCS / "notebooks.md", replace) >= 3
    assert (tmp_path / "outcomes.png").stat().st_size > 5000
    assert (DOCS / "img" / "outcomes.png").is_file()


LINK = re.compile(r"\]\(([^)#\s]+)(?:#[^)]*)?\)")


@pytest.mark.parametrize(
    "page", [ROOT / "README.md", *PAGES], ids=lambda p: str(p.relative_to(ROOT))
)
def test_relative_links_resolve(page: Path) -> None:
    for target in LINK.findall(page.read_text(encoding="utf-8")):
        if "://" in target:
            continue
        assert (page.parent / target).exists(), f"{page.name}: broken link {target}"


def test_readme_links_into_docs() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    for page in ("quickstart.md", "notebooks.md", "cli.md", "model.md", "diagnostics.md"):
        assert f"docs/{page}" in text, page


SESSION = re.compile(r"```text\n(\$ govdisclosure .*?)```", re.S)


@pytest.mark.parametrize(
    "page", [ROOT / "README.md", *PAGES], ids=lambda p: str(p.relative_to(ROOT))
)
def test_shown_command_output_is_real(
    page: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Every ```text block that starts with `$ govdisclosure …` shows that command's output."""
    import shlex

    from click.testing import CliRunner

    from govdisclosure.cli import main

    monkeypatch.chdir(ROOT)
    for block in SESSION.findall(page.read_text(encoding="utf-8")):
        command, _, shown = block.partition("\n")
        args = shlex.split(command)[2:]
        if "--out" in args:  # write into a scratch folder, show the name as written
            at = args.index("--out") + 1
            name = args[at]
            args[at] = str(tmp_path / name)
        result = CliRunner().invoke(main, args, catch_exceptions=False)
        actual = result.stdout.replace(str(tmp_path) + "/", "")
        keep = [line.rstrip() for line in actual.splitlines() if not line.startswith("time ")]
        assert keep == [line.rstrip() for line in shown.splitlines()], (page.name, command)
