"""Pelican plugin: markdown-it-py reads every Markdown page.

Connected at module level (Pelican's receivers are weak references). Content problems are
raised as one ContentError listing every `path:line: message`; `python -m explainer build`
runs the same checks before Pelican starts, so authors see them as plain lines.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pelican import signals
from pelican.readers import BaseReader

from .document import read_document
from .errors import ContentError


class MarkdownItReader(BaseReader):
    enabled = True
    file_extensions = ["md", "markdown"]

    def read(self, source_path: str) -> tuple[str, dict[str, Any]]:
        doc = read_document(Path(source_path), Path(self.settings["PATH"]))
        if doc.problems:
            raise ContentError(doc.problems)
        metadata = {key: self.process_metadata(key, value) for key, value in doc.metadata.items()}
        return doc.html, metadata


def add_reader(readers: Any) -> None:
    for extension in MarkdownItReader.file_extensions:
        readers.reader_classes[extension] = MarkdownItReader


def register() -> None:
    signals.readers_init.connect(add_reader)
