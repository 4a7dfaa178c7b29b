#!/usr/bin/env python3
"""Runs one command several times and prints "MEDIAN_SECONDS MAX_RSS_KB MIN_SECONDS" (used by run.sh).

    python3 bench/measure.py --runs 5 [--before 'SHELL CMD'] [--ok 0,1] -- COMMAND ARGS...

--before runs (untimed, through bash) ahead of every repetition: it sets up the state being
measured, such as removing the index for a cold run or changing one note.

Each child is reaped with os.wait4, which gives that child's own peak RSS; getrusage's
RUSAGE_CHILDREN would report the largest of every child so far, the --before commands included.
The command's stdout is discarded and its stderr kept in a file (not a pipe, which would block a
chatty command while we wait) and shown only if it fails.
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--before", help="shell command run, untimed, before each repetition")
    parser.add_argument("--ok", default="0", help="exit codes that count as success (default 0)")
    parser.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    if not command or args.runs < 1:
        parser.error("give --runs >= 1 and a command after --")
    ok = {int(code) for code in args.ok.split(",")}

    times, peaks = [], []
    for _ in range(args.runs):
        if args.before:
            subprocess.run(["bash", "-c", args.before], check=True, stdout=subprocess.DEVNULL)
        with tempfile.TemporaryFile() as err:
            start = time.perf_counter()
            try:
                child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=err)
            except OSError as error:
                sys.exit(f"measure.py: cannot run {command[0]}: {error}")
            _, status, usage = os.wait4(child.pid, 0)
            elapsed = time.perf_counter() - start
            child.returncode = os.waitstatus_to_exitcode(status)  # so Popen does not reap again
            if child.returncode not in ok:
                err.seek(0)
                tail = err.read()[-4000:].decode("utf-8", "replace")
                sys.stderr.write(f"measure.py: `{' '.join(command)}` exited {child.returncode}\n{tail}")
                sys.exit(1)
        times.append(elapsed)
        # ru_maxrss is in kilobytes on Linux, in bytes on macOS.
        peaks.append(usage.ru_maxrss // 1024 if sys.platform == "darwin" else usage.ru_maxrss)
    print(f"{statistics.median(times):.4f} {max(peaks)} {min(times):.4f}")


if __name__ == "__main__":
    main()
