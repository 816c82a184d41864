"""JSON text exactly as `json.dumps(data, indent=2, ensure_ascii=False)` writes it, made by a compiled encoder.

The JSON result is a public contract compared byte for byte, and Python's own encoder is pure Python once it
indents (about half a large run's time). orjson writes the same bytes for everything a result holds (key order,
escapes, empty lists and objects, and floats: both print the shortest text that reads back the same) except:
a float below 1e-4 (orjson writes `1e-5` or `0.00001` where Python writes `1e-05`), NaN and infinity (orjson
writes `null`), a lone surrogate and an integer past 64 bits (orjson refuses both). Such a piece goes through
Python's encoder instead, so the bytes are always Python's.
"""

from __future__ import annotations

import json
import math
from typing import Any

import orjson

from checker.text.normalise import utf8_safe

# Floats of at least this size (and zero) print alike in both encoders; smaller ones switch to an exponent.
_SAME_FLOATS_FROM = 1e-4


def dumps_exact(data: Any) -> bytes:
    """`data` (JSON-mode values: dicts, lists, str, int, float, bool, None) as two-space indented UTF-8, the
    bytes of `json.dumps(data, indent=2, ensure_ascii=False)` with each lone surrogate as U+FFFD."""
    if _orjson_writes_alike(data):
        try:
            return orjson.dumps(data, option=orjson.OPT_INDENT_2)
        except TypeError:  # a lone surrogate, an integer past 64 bits
            pass
    return utf8_safe(json.dumps(data, indent=2, ensure_ascii=False)).encode()


def indented(text: bytes, spaces: int) -> bytes:
    """JSON text moved `spaces` to the right after its first line (to nest it in a larger document): a JSON
    string never holds a raw line end, so every one is between tokens."""
    return text.replace(b"\n", b"\n" + b" " * spaces)


def _orjson_writes_alike(data: Any) -> bool:
    """False when `data` holds a float orjson prints otherwise than Python: tiny, NaN or infinite."""
    stack = [data]
    while stack:
        item = stack.pop()
        kind = type(item)
        if kind is dict:
            stack.extend(item.values())
        elif kind is list:
            stack.extend(item)
        elif kind is float and not (item == 0.0 or _SAME_FLOATS_FROM <= abs(item) < math.inf):
            return False
    return True
