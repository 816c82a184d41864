"""The JSON inside the cache's records, encoded and decoded by orjson (compiled), read back exactly as written.

Decoding the stored matches was the largest part of a warm run with the standard library's json. orjson
reads back every float, text and integer of 64 bits as it was; it refuses to write a lone surrogate or a larger
integer, and such a record is written by the standard library instead, marked by a leading space (which JSON
allows) so that it is read by the standard library too: orjson would read a large integer back as a float.
NaN and infinity, which orjson writes as null, are refused by the records' own checks on reading, so such an
entry is taken for damaged and made again, never read back as something else.
"""

from __future__ import annotations

import json
from typing import Any

import orjson

_BY_THE_STANDARD_LIBRARY = b" "


def dump_json(data: Any) -> bytes:
    """`data` as compact JSON in UTF-8."""
    try:
        return orjson.dumps(data)
    except TypeError:  # a lone surrogate, an integer past 64 bits
        text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        return _BY_THE_STANDARD_LIBRARY + text.encode("utf-8", "surrogatepass")


def load_json(raw: bytes) -> Any:
    """The data `dump_json` encoded; raises ValueError on bytes that are not JSON."""
    if raw.startswith(_BY_THE_STANDARD_LIBRARY):
        return json.loads(raw.decode("utf-8", "surrogatepass"))
    return orjson.loads(raw)
