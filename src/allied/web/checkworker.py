"""A process that checks texts for the web app, one at a time: `python -m allied.web.checkworker`.

The app (`allied.web.checkpool`) starts it, sends the registry once, then one
request per check, and kills it when a check runs past the time limit. Frames
on standard input and output are an 8-byte big-endian length and a pickle:

- in: the pickled `Registry`, then `{"data", "as_of", "markup", "max_bytes"}` per check;
- out: `("ready", None)` once the registry is loaded and one text checked, then `("ok", SentCheck)`,
  `("error", AlliedError)` or `("crash", message)` per check.

Only the app that started the process writes to it, so unpickling is safe.
"""

from __future__ import annotations

import os
import pickle
import struct
import sys
import traceback
from typing import IO, Any

HEADER = struct.Struct(">Q")


def read_frame(stream: IO[bytes]) -> bytes | None:
    """The next frame's payload, or None at the end of the stream."""
    header = stream.read(HEADER.size)
    if len(header) < HEADER.size:
        return None
    (size,) = HEADER.unpack(header)
    payload = stream.read(size)
    return payload if len(payload) == size else None


def frame(value: Any) -> bytes:
    """`value` pickled, behind its length."""
    payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    return HEADER.pack(len(payload)) + payload


def main() -> None:
    """Load the registry sent, then check each text sent until standard input closes."""
    from allied.checking import check_sent
    from allied.errors import AlliedError

    source = sys.stdin.buffer
    # The frames own the real standard output; anything printed goes to standard error.
    out = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)
    payload = read_frame(source)
    if payload is None:
        return
    registry = pickle.loads(payload)
    check_sent("NATO has 32 members.", registry=registry)  # builds the indices: checks start warm
    out.write(frame(("ready", None)))
    out.flush()
    while (payload := read_frame(source)) is not None:
        try:
            reply: tuple[str, Any] = ("ok", check_sent(registry=registry, **pickle.loads(payload)))
        except AlliedError as error:
            reply = ("error", error)
        except Exception as error:  # a bug: the app answers 500, the worker stays up
            traceback.print_exc()
            reply = ("crash", f"{type(error).__name__}: {error}")
        out.write(frame(reply))
        out.flush()


if __name__ == "__main__":
    main()
