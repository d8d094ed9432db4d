"""make audit's report (explainer/ops/audit.py), on a Lighthouse result written by hand in the
shape Lighthouse 12 writes (`categories.*.score` 0..1, `audits.*.scoreDisplayMode`): the four
scores in 0..100, the audits that failed with what they say, those Lighthouse could not run
apart. Lighthouse itself runs only in `make audit` (a report, never a test)."""

from __future__ import annotations

from pathlib import Path

from explainer.ops.audit import page_types, result, table

LIGHTHOUSE = {
    "categories": {"performance": {"score": 0.97}, "accessibility": {"score": 1}, "best-practices": {"score": 1},
                   "seo": {"score": 0.92}},
    "audits": {
        "is-crawlable": {"scoreDisplayMode": "binary", "score": 0, "displayValue": ""},
        "canonical": {"scoreDisplayMode": "binary", "score": 1},
        "largest-contentful-paint": {"scoreDisplayMode": "numeric", "score": 0.85, "displayValue": "2.9 s"},
        "layout-shifts": {"scoreDisplayMode": "error", "score": None},
        "diagnostics": {"scoreDisplayMode": "informative", "score": None},
        "font-size": {"scoreDisplayMode": "notApplicable", "score": None},
    },
}


def test_scores_failures_and_errors_are_read_from_lighthouses_json():
    found = result("home", "mobile", LIGHTHOUSE)
    assert found.scores == {"performance": 97, "accessibility": 100, "best-practices": 100, "seo": 92}
    assert found.failed == ["is-crawlable (0)", "largest-contentful-paint (2.9 s)"]
    assert found.errors == ["layout-shifts"]


def test_the_table_has_a_row_per_page_and_mode_then_what_failed():
    lines = table([result("home", "mobile", LIGHTHOUSE), result("article", "desktop", {})])
    assert lines[0].split() == ["page", "mode", "performance", "accessibility", "best-practice", "seo"]
    assert lines[2].split() == ["home", "mobile", "97", "100", "100", "92"]
    assert lines[3].split() == ["article", "desktop", "n/a", "n/a", "n/a", "n/a"]  # Lighthouse gave nothing
    assert "home (mobile) failed: is-crawlable (0), largest-contentful-paint (2.9 s)" in lines
    assert lines[-1] == "errored in Lighthouse itself (not scored): layout-shifts"


def test_one_page_of_each_type_the_site_has(tmp_path: Path):
    (tmp_path / "entities").mkdir()
    (tmp_path / "story.html").write_text('<body class="article">', encoding="utf-8")
    (tmp_path / "glossary.html").write_text("<body>", encoding="utf-8")
    (tmp_path / "entities" / "acme.html").write_text("<body>", encoding="utf-8")
    assert page_types(tmp_path) == {"home": "", "article": "story.html", "entity": "entities/acme.html",
                                    "glossary": "glossary.html", "search": "search.html?q=a", "404": "404.html"}
