"""A command given a content folder that is not there says so: it neither finds "no
problems" in nothing nor makes the folder."""

import contextlib
import io
from pathlib import Path

import pytest

from support import FIXTURES


@pytest.mark.parametrize("command", [["check"], ["todo"], ["build"],
                                     ["new-article", str(FIXTURES / "received" / "halvorsen-follow-up.txt")],
                                     ["draft-notes", str(FIXTURES / "received" / "halvorsen-follow-up.txt")]])
def test_a_content_folder_that_is_not_there_is_refused(tmp_path: Path, command: list[str]):
    from explainer.__main__ import main

    missing = tmp_path / "contnet"
    err = io.StringIO()
    with contextlib.chdir(tmp_path), contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()), \
            pytest.raises(SystemExit) as stopped:
        main([*command, "--input", str(missing)])
    assert stopped.value.code == 2
    assert f"{missing}: no such content folder" in err.getvalue()
    assert "Traceback" not in err.getvalue() and list(tmp_path.iterdir()) == []


def test_a_default_article_id_is_the_headlines_first_words_not_left_hanging():
    """The whole headline's slug ran to 78 characters in every address and message; an id
    is cut between words at 48 characters, without a last word that leaves it hanging."""
    from explainer.authoring.received import default_id

    assert default_id("Severn Marches Water fined £14.2 million over illegal sewage spills into the Teme") == \
        "severn-marches-water-fined-14-2-million"
    assert default_id("Nissan explores growth plans") == "nissan-explores-growth-plans"
    assert len(default_id("A " * 40 + "word")) <= 48
