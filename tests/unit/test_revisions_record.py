"""revisions.yaml is read through its schema (content/revisions.RevisionRecord): what make
update-article writes reads back as it was, and a damaged record is reported at its line."""

import datetime
from pathlib import Path

from explainer.content.revisions import Revision, read_revisions

WRITTEN = Revision(datetime.date(2026, 12, 4), "revisions/1.txt", ["p6"], ["p2", "p5"], 1, {"p4": "p5"})


def _record(folder: Path, text: str) -> None:
    (folder / "revisions.yaml").write_text(text, encoding="utf-8")


def test_what_update_article_writes_reads_back(tmp_path: Path):
    from explainer.authoring.new_article import yaml_writer

    with (tmp_path / "revisions.yaml").open("w", encoding="utf-8") as out:
        yaml_writer().dump([WRITTEN.as_record()], out)
    assert read_revisions(tmp_path) == ([WRITTEN], [])


def test_each_fault_of_a_record_is_reported_at_its_line(tmp_path: Path):
    _record(tmp_path, "- revised: 2026-12-04\n"
                      "  previous: revisions/1.txt\n"
                      "- revised: next week\n"             # line 3: no date
                      "  previous: revisions/2.txt\n"
                      "  chnaged: [p2]\n"                 # line 5: a misspelt field
                      "  moved: {p4: paragraph 5}\n")     # line 6: no paragraph id
    revisions, problems = read_revisions(tmp_path)
    assert revisions == []
    assert [(p.line, p.path.endswith("revisions.yaml")) for p in problems] == [(3, True), (5, True), (6, True)]
    assert 'unknown field "chnaged" (did you mean "changed"?)' in problems[1].message
    assert problems[0].message.startswith("revised:")


def test_a_record_that_is_no_list_is_one_problem(tmp_path: Path):
    _record(tmp_path, "revised: 2026-12-04\nprevious: revisions/1.txt\n")
    assert [(p.line, p.message) for p in read_revisions(tmp_path)[1]] == [
        (1, "expected a list of revisions (make update-article writes them), got a mapping")]


def test_a_revision_that_is_no_record_is_said_at_its_line(tmp_path: Path):
    _record(tmp_path, "- revised: 2026-12-04\n  previous: revisions/1.txt\n- just text\n")
    assert [(p.line, p.message.split(" (")[0]) for p in read_revisions(tmp_path)[1]] == [
        (3, "each revision is a record of fields")]
