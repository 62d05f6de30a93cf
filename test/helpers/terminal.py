"""Drives a command through a real pseudo-terminal, as a person at an 80x40 terminal would.

Usage: python3 terminal.py spec.json  (spec: {"argv": [...], "env": {...}, "steps": [{"expect": regex, "send": text}], "timeout": s})
Prints one JSON document: {"code": exit code, "output": everything the terminal showed, ANSI codes removed,
"missed": the first expectation that did not appear in time, or null}.
"""

import fcntl
import json
import os
import pty
import re
import select
import struct
import sys
import termios
import time

ANSI = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b[()][A-Z0-9]|\x1b[=>]")


def main() -> None:
    spec = json.load(open(sys.argv[1], encoding="utf8"))
    timeout = spec.get("timeout", 20)
    pid, fd = pty.fork()
    if pid == 0:
        os.execve(spec["argv"][0], spec["argv"], spec["env"])
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 80, 0, 0))
    raw = b""
    seen = 0  # expectations match only output after the previous match
    missed = None

    def read(wait: float) -> bool:
        nonlocal raw
        ready, _, _ = select.select([fd], [], [], wait)
        if not ready:
            return True
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            return False
        if not chunk:
            return False
        raw += chunk
        return True

    alive = True
    for step in spec["steps"]:
        pattern = re.compile(step["expect"])
        deadline = time.time() + timeout
        while True:
            text = ANSI.sub("", raw.decode("utf8", "replace"))
            m = pattern.search(text, seen)
            if m:
                seen = m.end()
                break
            if not alive or time.time() > deadline:
                missed = step["expect"]
                break
            alive = read(0.1)
        if missed:
            break
        time.sleep(0.15)  # let the prompt settle before typing, as a person does
        os.write(fd, step["send"].encode("utf8"))
    if missed:
        os.kill(pid, 9)
    end = time.time() + timeout
    while alive and time.time() < end:
        alive = read(0.2)
    if alive:  # still waiting for input nobody will type
        os.kill(pid, 9)
    _, status = os.waitpid(pid, 0)
    code = os.waitstatus_to_exitcode(status)
    print(json.dumps({"code": code, "output": ANSI.sub("", raw.decode("utf8", "replace")), "missed": missed}))


main()
