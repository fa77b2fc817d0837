"""Every protocol citation in the code points at docs/wechat-protocols.md, and every cited section exists there.

Comments used to cite sections of protocol notes kept outside the repository; a reader could not follow them,
and nothing noticed when a number went stale.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "wechat-protocols.md"
CODE_DIRS = ("app", "handlers", "models", "tasks", "sandbox", "tests", "bench", "scripts")
CITATION = re.compile(r"§(\d+(?:\.\d+)*)")
OTHER_DOCS = ("perf-notes",)  # bench's machine notes, not protocol facts


def _doc_sections() -> set[str]:
    """Section numbers of the doc: its headings (`## §1`, `### §1.2`) and the numbered items under them."""
    sections: set[str] = set()
    current = ""
    for line in DOC.read_text().splitlines():
        if heading := re.match(r"#{2,3} §(\d+(?:\.\d+)*)\b", line):
            current = heading.group(1)
            sections.add(current)
        elif current and (item := re.match(r"(\d+)\. ", line)):
            sections.add(f"{current}.{item.group(1)}")
    return sections


def _citing_lines() -> list[tuple[str, int, str, str]]:
    found = []
    for top in CODE_DIRS:
        for path in sorted((ROOT / top).rglob("*")):
            if path.suffix not in {".py", ".lua", ".sql", ".sh", ".toml"} or "results" in path.parts \
                    or path == Path(__file__).resolve():
                continue
            lines = path.read_text(encoding="utf-8").splitlines()
            for no, line in enumerate(lines, 1):
                if "§" in line and not any(other in line for other in OTHER_DOCS):
                    found.append((str(path.relative_to(ROOT)), no, line, lines[no - 2] if no > 1 else ""))
    return found


def test_citations_name_the_repo_doc_and_resolve() -> None:
    sections = _doc_sections()
    assert {"0.2", "1.2", "1.5", "5.1", "6.1", "6.2.4", "6.4", "6.6"} <= sections
    lines = _citing_lines()
    assert len(lines) > 20
    for path, no, line, previous in lines:
        where = f"{path}:{no}: {line.strip()}"
        assert "docs/wechat-protocols.md" in line or previous.rstrip().endswith("docs/wechat-protocols.md"), where
        for cited in CITATION.findall(line):
            assert cited in sections, where


def test_no_reference_to_documents_outside_the_repo() -> None:
    for top in CODE_DIRS:
        for path in (ROOT / top).rglob("*.py"):
            if path == Path(__file__).resolve():
                continue
            text = path.read_text(encoding="utf-8")
            stale = re.findall(r"(?<!docs/)wechat-protocols\.md|protocol notes", text)
            assert not stale, f"{path.relative_to(ROOT)} cites {stale[0]!r}"
