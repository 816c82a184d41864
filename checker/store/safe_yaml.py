"""Reading YAML that anyone may have written: the safe loader only, nesting and alias expansion bounded.

Claim files and front matter come from pull requests by strangers. PyYAML's safe loader builds no
objects, but it still recurses once per nesting level (a traceback deep enough) and shares aliased
nodes, which code that walks the values (str(), pydantic) expands: nine levels of ten aliases are
10**9 strings ("billion laughs"), and one long string aliased thousands of times is gigabytes. All are
refused here, by count and by characters, before anything is built; so is a key written twice in one
mapping, which YAML would silently resolve to the last.
"""

from __future__ import annotations

from typing import Any

import yaml

from checker.store.limits import MAX_YAML_DEPTH, MAX_YAML_EXPANDED_CHARS, MAX_YAML_EXPANDED_NODES


class YamlProblem(Exception):
    """YAML that cannot be read, with the line (from 1, None when unknown) and what is wrong, fix included."""

    def __init__(self, line: int | None, problem: str) -> None:
        super().__init__(problem)
        self.line, self.problem = line, problem


def compose_yaml(text: str) -> yaml.Node | None:
    """The document's node tree (None when empty), refused when malformed, too deep or too big expanded."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except RecursionError:
        raise YamlProblem(None, f"YAML nested too deeply; use at most {MAX_YAML_DEPTH} levels") from None
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, exc.position) + 1 if isinstance(exc.position, int) else None
        raise YamlProblem(line, f"character {exc.character!r} is not allowed in YAML; "
                                "remove it or save the file as UTF-8 text") from exc
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise YamlProblem(mark.line + 1 if mark else None,
                          f"YAML syntax error ({exc.problem or 'invalid YAML'}); fix the indentation or quoting there"
                          ) from exc
    except yaml.YAMLError as exc:
        raise YamlProblem(None, "YAML syntax error; fix the indentation or quoting") from exc
    if root is not None:
        _check_size(root)
    return root


def construct_yaml(node: yaml.Node) -> Any:
    """The plain Python value of a node (checked by compose_yaml): only strings, numbers, lists, mappings, dates."""
    try:
        return yaml.SafeLoader("").construct_document(node)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = (exc.problem or "cannot be read").replace("could not determine a constructor for the tag",
                                                            "YAML tag")
        if "YAML tag" in problem:
            problem += " is not allowed"
        raise YamlProblem(mark.line + 1 if mark else None,
                          f"{problem}; write plain YAML values (text, numbers, lists, key: value)") from exc
    except RecursionError:
        raise YamlProblem(None, f"YAML nested too deeply; use at most {MAX_YAML_DEPTH} levels") from None
    except (ValueError, OverflowError) as exc:
        # The safe loader builds dates itself: "2014-02-30" unquoted fails in datetime.date().
        raise YamlProblem(_line_of_date(node), f"a date that is not in the calendar ({exc}); fix it, "
                                               "or quote it to keep it as text") from exc


def _line_of_date(node: yaml.Node) -> int:
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, yaml.ScalarNode) and current.tag == "tag:yaml.org,2002:timestamp":
            try:
                yaml.SafeLoader("").construct_yaml_timestamp(current)
            except (ValueError, OverflowError):
                return int(current.start_mark.line) + 1
        stack.extend(_children(current))
    return int(node.start_mark.line) + 1


def load_yaml(text: str) -> Any:
    """compose_yaml then construct_yaml: the document's value, None when empty."""
    root = compose_yaml(text)
    return None if root is None else construct_yaml(root)


def _check_size(root: yaml.Node) -> None:
    sizes: dict[int, tuple[int, int]] = {}  # id(node) -> (values, characters) once expanded
    finished: list[yaml.Node] = []  # in post-order: a node after everything below it
    # Iterative post-order walk, so this check cannot hit the recursion limit itself.
    stack: list[tuple[yaml.Node, int, bool]] = [(root, 1, False)]
    while stack:
        node, depth, done = stack.pop()
        if id(node) in sizes:
            continue
        if depth > MAX_YAML_DEPTH:
            raise YamlProblem(node.start_mark.line + 1, f"YAML nested more than {MAX_YAML_DEPTH} levels deep; "
                                                        "flatten it")
        children = _children(node)
        if done or not children:
            if isinstance(node, yaml.MappingNode):
                _refuse_repeated_keys(node)
            own = len(node.value) if isinstance(node, yaml.ScalarNode) else 0
            sizes[id(node)] = (1 + sum(sizes[id(c)][0] for c in children),
                               own + sum(sizes[id(c)][1] for c in children))
            finished.append(node)
            continue
        stack.append((node, depth, True))
        stack.extend((c, depth + 1, False) for c in children if id(c) not in sizes)
    values, chars = sizes[id(root)]
    unique_chars = sum(len(n.value) for n in finished if isinstance(n, yaml.ScalarNode))
    if values - len(sizes) > MAX_YAML_EXPANDED_NODES:
        culprit = next(n for n in finished if sizes[id(n)][0] > MAX_YAML_EXPANDED_NODES)
        raise YamlProblem(culprit.start_mark.line + 1,
                          f"YAML aliases here expand to over {MAX_YAML_EXPANDED_NODES} values; "
                          "write the values out instead of repeating an alias ('*name')")
    if chars - unique_chars > MAX_YAML_EXPANDED_CHARS:
        culprit = next(n for n in finished if sizes[id(n)][1] > MAX_YAML_EXPANDED_CHARS)
        raise YamlProblem(culprit.start_mark.line + 1,
                          f"YAML aliases here expand to over {MAX_YAML_EXPANDED_CHARS} characters; "
                          "write the values out instead of repeating an alias ('*name')")


def _refuse_repeated_keys(node: yaml.MappingNode) -> None:
    """A key written twice in one mapping: YAML keeps the last silently, so a curator's edit could vanish."""
    seen: dict[str, int] = {}
    for key, _ in node.value:
        if not isinstance(key, yaml.ScalarNode) or key.tag == "tag:yaml.org,2002:merge":
            continue
        line = key.start_mark.line + 1
        if key.value in seen:
            shown = key.value if len(key.value) <= 40 else key.value[:37] + "..."
            raise YamlProblem(line, f"key '{shown}' is written twice in one mapping, at lines {seen[key.value]} "
                                    f"and {line}; keep one of them")
        seen[key.value] = line


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    return []
