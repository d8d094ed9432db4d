"""YAML that keeps its line numbers, and pydantic validation that reports `path:line`.

Good YAML is read by ruamel.yaml's libyaml parser (ruamel.yaml.clib, about 8 times faster
than its pure-Python round-trip mode: 0.2 s against 1.7 s for 1000 articles' notes), into
dicts and lists that remember the line of each key and item, so a schema error can point
at the line to fix. Broken YAML is read again in round-trip mode, whose messages (and
duplicate keys naming both lines) are the ones an author gets.
"""

from __future__ import annotations

import re
from typing import Any, TypeVar

import pydantic
from ruamel.yaml import YAML
from ruamel.yaml.constructor import ConstructorError, DuplicateKeyError, SafeConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from ..core.problems import Problem, did_you_mean
from ..core.text import slug
from .fields import PARAGRAPH_PATTERN, SAID_AS, SLUG_PATTERN

Model = TypeVar("Model", bound=pydantic.BaseModel)


def load_yaml(text: str, path: str, first_line: int = 1) -> tuple[Any, list[Problem]]:
    """Parse `text`, which starts at line `first_line` of the file `path`."""
    return _parse(text, path, first_line)


class LineMap(dict):  # type: ignore[type-arg]
    """A mapping as read, with the (0-based) line of itself and of each key."""

    line: int = 0
    key_lines: dict[Any, int] = {}


class LineList(list):  # type: ignore[type-arg]
    """A list as read, with the (0-based) line of itself and of each item."""

    line: int = 0
    item_lines: list[int] = []


class _LineConstructor(SafeConstructor):
    def construct_object(self, node: Any, deep: bool = False) -> Any:
        return _marked(node, super().construct_object, node, deep=deep)

    def construct_line_map(self, node: Any) -> Any:
        data = LineMap()
        data.line = node.start_mark.line
        yield data
        data.update(_marked(node, self.construct_mapping, node))
        # After a merge (<<: *defaults) the mapping's own keys come last, and win.
        own = node.value[len(getattr(node, "merge", None) or []):]
        data.key_lines = {}
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=True)  # already built: memoised per node
            data.key_lines[tuple(key) if isinstance(key, list) else key] = key_node.start_mark.line
        if len({key_node.value for key_node, _ in own}) < len(own):
            raise ConstructorError(None, None, "duplicate key", node.start_mark)  # said again below, with both lines

    def construct_line_list(self, node: Any) -> Any:
        data = LineList()
        data.line = node.start_mark.line
        yield data
        data.extend(_marked(node, self.construct_sequence, node))
        data.item_lines = [child.start_mark.line for child in node.value]


def _marked(node: Any, construct: Any, *args: Any, **kwargs: Any) -> Any:
    """A value that cannot be built (a date that is no date, a list as a key) as a YAML error
    at its line, not a traceback."""
    try:
        return construct(*args, **kwargs)
    except ValueError as error:
        what = "not a valid date" if str(node.tag).endswith(":timestamp") else "not a valid value"
        raise ConstructorError(None, None, f"{what} ({error}); put it in quotes if it is meant as text",
                               node.start_mark) from error
    except TypeError as error:
        raise ConstructorError(None, None, "a list or a mapping cannot be a key", node.start_mark) from error


_LineConstructor.add_constructor("tag:yaml.org,2002:map", _LineConstructor.construct_line_map)
_LineConstructor.add_constructor("tag:yaml.org,2002:seq", _LineConstructor.construct_line_list)


def _fast_yaml() -> YAML:
    yaml = YAML(typ="safe", pure=False)  # libyaml when ruamel.yaml.clib is installed (it is pinned)
    yaml.Constructor = _LineConstructor
    return yaml


# Invisible line separators: YAML 1.2 (the round-trip parser) reads them as text, libyaml
# (YAML 1.1) as line breaks. Always a paste accident in notes.
_SEPARATOR = re.compile("[\x85\u2028\u2029]")
_OLD_YAML = re.compile(r"^%YAML\s+(?!1\.2\b)\S+", re.MULTILINE)  # other versions read yes/no, 017 otherwise


def _parse(text: str, path: str, first_line: int) -> tuple[Any, list[Problem]]:
    for pattern, message in ((_SEPARATOR, "an invisible line separator ({}): delete it, or use an ordinary line break"),
                             (_OLD_YAML, "{}: notes are YAML 1.2; remove the line")):
        found = pattern.search(text)
        if found:
            shown = f"U+{ord(found.group()):04X}" if pattern is _SEPARATOR else found.group()
            return None, [Problem(path, first_line + text.count("\n", 0, found.start()), message.format(shown))]
    try:
        return _fast_yaml().load(text), []
    except YAMLError as error:
        fast_error = error  # described below in the round-trip parser's words where it agrees
    try:
        YAML(typ="rt", pure=True).load(text)
    except YAMLError as error:
        return None, [_describe(error, text, path, first_line)]
    except (ValueError, TypeError):
        pass  # a value it cannot build either: libyaml's account, with its line
    return None, [_describe(fast_error, text, path, first_line)]


def _describe(error: YAMLError, text: str, path: str, first_line: int) -> Problem:
    if isinstance(error, DuplicateKeyError):
        return _duplicate_key(error, text, path, first_line)
    if not isinstance(error, MarkedYAMLError):  # no position known
        return Problem(path, first_line, f"invalid YAML: {error}")
    # Point at the construct that is broken (an unclosed [ or quote starts on the
    # context line), and say where the parser noticed.
    problem = (error.problem or "").strip()
    if error.problem_mark and re.match(r"while parsing a block (?:mapping|collection|sequence)", error.context or ""):
        # A block "starts" at the top of its list or file: the line to mend is where its
        # indentation broke (a key indented less than its neighbours).
        return Problem(path, first_line + error.problem_mark.line,
                       "invalid YAML: this line is indented differently from the lines of its block: "
                       "a key must line up with the keys beside it")
    if "'\\t'" in problem or "\t" in problem:  # libyaml: "found character '\t' that cannot start any token"
        problem = "a tab: YAML is indented with spaces only, replace the tab with spaces"
    if problem == "mapping values are not allowed here":
        problem += " (a line indented deeper than the key above it, or a colon in a value: put the value in quotes)"
    if error.context_mark and error.problem_mark and error.context_mark.line != error.problem_mark.line:
        line = first_line + error.context_mark.line
        noticed = first_line + error.problem_mark.line
        construct = re.sub(r"^while \w+ ", "", (error.context or "").strip())
        return Problem(path, line, f"invalid YAML in {construct} that starts here: {problem} (noticed on line {noticed})")
    mark = error.problem_mark or error.context_mark
    return Problem(path, first_line + mark.line if mark else first_line, f"invalid YAML: {problem}")


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
    line = getattr(data, "line", 0)
    node = data
    for part in loc:
        if isinstance(node, LineMap) and part in node.key_lines:
            line = node.key_lines[part]
            node = node[part]
        elif isinstance(node, LineList) and isinstance(part, int) and part < len(node):
            line = node.item_lines[part]
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


def _paragraph_hint(value: str) -> str:
    """How a paragraph is named, with the id `value` was probably meant as ("P7", "7", "¶ 7")."""
    number = re.search(r"[1-9][0-9]*", value)
    meant = f' (did you mean "p{number.group()}"?)' if number else ""
    return f"{meant}: a paragraph is written p1, p2, ... as the page numbers them (¶ 1 is p1; another article's, <its id>#p1)"


def _message(field: str, err: Any) -> str:
    """A schema error in an author's words, with a suggestion where there is one."""
    value, kind = err.get("input"), err["type"]
    if kind == "literal_error" and re.search(r"(^|\.)drafted\.\d+$", field):  # notes/model.py: `drafted: [summary]`
        allowed = re.findall(r"'([^']*)'", err["ctx"]["expected"])
        return (f'{field}: "{value}" is not a field of this note that can be drafted ({", ".join(allowed)})'
                + did_you_mean(str(value), allowed) + ": name the field whose text is not reviewed yet, or delete it")
    if kind == "literal_error":
        allowed = re.findall(r"'([^']*)'", err["ctx"]["expected"])
        meant = SAID_AS.get(re.sub(r"[\s_]+", "-", str(value).strip().lower()))
        hint = f' (did you mean "{meant}"? that is how "{value}" is said here)' if meant in allowed \
            else did_you_mean(str(value), allowed)
        return f'{field}: "{value}" is not one of {", ".join(allowed)}' + hint
    if kind == "string_too_short":
        return f"{field} is empty: write it, or leave the field out if it is optional"
    if kind == "string_pattern_mismatch" and isinstance(value, str):
        pattern = err["ctx"]["pattern"]
        if pattern == SLUG_PATTERN:
            suggested = slug(value)
            hint = f' (did you mean "{suggested}"?)' if suggested else ""
            return f'{field}: "{value}" must be lower-case letters, digits and single hyphens{hint}'
        if pattern == PARAGRAPH_PATTERN:
            return f'{field}: "{value}" is no paragraph id' + _paragraph_hint(value)
        return f'{field}: "{value}" does not have the expected form'
    if kind == "string_type" and field.endswith("paragraph") and isinstance(value, int):
        return f"{field}: {value} is no paragraph id" + _paragraph_hint(str(value))
    if kind == "string_type" and isinstance(value, bool):  # YAML reads yes, no, on, off as true or false
        return f'{field}: read as {str(value).lower()}, not as words: put the words in quotes ({field.rpartition(".")[2]}: "...")'
    if kind == "string_type" and isinstance(value, (int, float)):
        return (f'{field}: {value} was read as a number; this field is text, as the article writes it: '
                f'put it in quotes ({field.rpartition(".")[2]}: "{value}")')
    if kind in ("list_type", "string_type", "dict_type", "model_type"):
        return f"{field}: {err['msg'].replace('Input should be', 'should be')}"
    return f"{field}: {err['msg']}"
