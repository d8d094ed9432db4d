"""YAML that keeps its line numbers, and pydantic validation that reports `path:line`.

ruamel.yaml (round-trip mode) rejects duplicate keys naming both lines and keeps the
position of every key and item, so a schema error can point at the line to fix.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, TypeVar

import pydantic
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.constructor import DuplicateKeyError
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from .errors import Problem, did_you_mean

Model = TypeVar("Model", bound=pydantic.BaseModel)


def load_yaml(text: str, path: str, first_line: int = 1) -> tuple[Any, list[Problem]]:
    """Parse `text`, which starts at line `first_line` of the file `path`. Remembered: an
    article's front matter is read for its notes and again for its page (callers only read
    the data; the list of problems is theirs to extend)."""
    data, problems = _load(text, path, first_line)
    return data, list(problems)


@lru_cache(maxsize=4096)
def _load(text: str, path: str, first_line: int) -> tuple[Any, tuple[Problem, ...]]:
    data, problems = _parse(text, path, first_line)
    return data, tuple(problems)


def _parse(text: str, path: str, first_line: int) -> tuple[Any, list[Problem]]:
    yaml = YAML(typ="rt", pure=True)
    try:
        return yaml.load(text), []
    except DuplicateKeyError as error:
        return None, [_duplicate_key(error, text, path, first_line)]
    except MarkedYAMLError as error:
        # Point at the construct that is broken (an unclosed [ or quote starts on the
        # context line), and say where the parser noticed.
        problem = (error.problem or "").strip()
        if error.context_mark and error.problem_mark and error.context_mark.line != error.problem_mark.line:
            line = first_line + error.context_mark.line
            noticed = first_line + error.problem_mark.line
            construct = re.sub(r"^while \w+ ", "", error.context.strip())
            message = f"invalid YAML in {construct} that starts here: {problem} (noticed on line {noticed})"
        else:
            mark = error.problem_mark or error.context_mark
            line = first_line + mark.line if mark else first_line
            message = f"invalid YAML: {problem}"
        return None, [Problem(path, line, message)]
    except YAMLError as error:  # no position known
        return None, [Problem(path, first_line, f"invalid YAML: {error}")]


def _duplicate_key(error: DuplicateKeyError, text: str, path: str, first_line: int) -> Problem:
    # ruamel marks the duplicate and the start of its mapping; find the first
    # occurrence at the duplicate's column so the message names both lines.
    key = error.problem.split('"')[1]
    again, column = error.problem_mark.line, error.problem_mark.column
    lines = text.splitlines()
    first = next(
        (n for n in range(error.context_mark.line, again)
         if re.match(rf"{re.escape(key)}\s*:", lines[n][column:]) and not lines[n][:column].strip(" -")),
        error.context_mark.line,
    )
    return Problem(path, first_line + again,
                   f'duplicate key "{key}": already given on line {first_line + first}')


def line_of(data: Any, loc: tuple[Any, ...], first_line: int) -> int:
    """The 1-based file line of the node at pydantic location `loc` (or its nearest parent)."""
    line = getattr(getattr(data, "lc", None), "line", None)
    node = data
    for part in loc:
        if isinstance(node, CommentedMap) and part in node:
            line = node.lc.key(part)[0]
            node = node[part]
        elif isinstance(node, CommentedSeq) and isinstance(part, int) and part < len(node):
            line = node.lc.item(part)[0]
            node = node[part]
        else:
            break
    return first_line + (line or 0)


def validate(model: type[Model], data: Any, path: str, first_line: int = 1) -> tuple[Model | None, list[Problem]]:
    """Validate parsed YAML against `model`; every schema error as a Problem on its line."""
    if not isinstance(data, dict):
        got = "nothing" if data is None else type(data).__name__
        return None, [Problem(path, first_line, f"expected a mapping of fields, got {got}")]
    try:
        return model.model_validate(dict(data)), []
    except pydantic.ValidationError as exc:
        problems = []
        for err in exc.errors():
            loc = err["loc"]
            field = ".".join(str(p) for p in loc)
            if err["type"] == "missing":
                line = line_of(data, loc[:-1], first_line)
                message = f'missing required field "{field}"'
            elif err["type"] == "extra_forbidden":
                line = line_of(data, loc, first_line)
                known = model.model_fields if len(loc) == 1 else ()
                message = f'unknown field "{field}"' + did_you_mean(str(loc[-1]), known)
            else:
                line = line_of(data, loc, first_line)
                message = _message(field, err)
            problems.append(Problem(path, line, message))
        return None, problems


def _message(field: str, err: Any) -> str:
    """A schema error in an author's words, with a suggestion where there is one."""
    value, kind = err.get("input"), err["type"]
    if kind == "literal_error":
        allowed = re.findall(r"'([^']*)'", err["ctx"]["expected"])
        return f'{field}: "{value}" is not one of {", ".join(allowed)}' + did_you_mean(str(value), allowed)
    if kind == "string_too_short":
        return f"{field} is empty: write it, or leave the field out if it is optional"
    if kind == "string_pattern_mismatch" and isinstance(value, str):
        pattern = err["ctx"]["pattern"]
        if pattern.startswith("^[a-z0-9]+(-[a-z0-9]+)*$"):
            slug = re.sub(r"[^a-z0-9]+", "-", value.lower()).strip("-")
            hint = f' (did you mean "{slug}"?)' if slug else ""
            return f'{field}: "{value}" must be lower-case letters, digits and single hyphens{hint}'
        return f'{field}: "{value}" does not have the expected form'
    if kind in ("list_type", "string_type", "dict_type", "model_type"):
        return f"{field}: {err['msg'].replace('Input should be', 'should be')}"
    return f"{field}: {err['msg']}"
