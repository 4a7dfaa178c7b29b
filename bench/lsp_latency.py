#!/usr/bin/env python3
"""Times `journal lsp` from a change to its diagnostics: the median and the slowest, in
milliseconds, over RUNS edits of one note (a character typed, then deleted), each from the
moment its didChange is written to the moment the publishDiagnostics of that version is read.
The server's start, its first index update and the note's first lint are left out. Prints
"MEDIAN_MS MAX_MS DIAGNOSTICS".

Usage: lsp_latency.py JOURNAL_BIN JOURNAL NOTE [--runs N]
"""
import argparse
import json
import os
import statistics
import subprocess
import time


def send(process, message):
    body = json.dumps(dict(message, jsonrpc="2.0")).encode()
    process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
    process.stdin.flush()


def receive(process):
    length = None
    while True:
        line = process.stdout.readline()
        if not line:
            raise SystemExit("lsp_latency: the server ended")
        line = line.strip()
        if not line:
            break
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value)
    return json.loads(process.stdout.read(length))


def wait_for(process, accept):
    while True:
        message = receive(process)
        if accept(message):
            return message


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("binary")
    parser.add_argument("journal")
    parser.add_argument("note")
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    note = os.path.abspath(args.note)
    uri = "file://" + note
    with open(note, encoding="utf-8") as f:
        text = f.read()
    lines = text.split("\n")
    # The edit goes at the end of the last non-empty line: the body, where the coach types.
    row = max(i for i, line in enumerate(lines) if line.strip())
    column = len(lines[row].encode("utf-16-le")) // 2
    process = subprocess.Popen([args.binary, "lsp", "--journal", args.journal],
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    send(process, {"id": 1, "method": "initialize",
                   "params": {"processId": None, "capabilities": {}, "rootUri": "file://" + os.path.abspath(args.journal)}})
    wait_for(process, lambda m: m.get("id") == 1)
    send(process, {"method": "initialized", "params": {}})
    send(process, {"method": "textDocument/didOpen",
                   "params": {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": text}}})
    first = wait_for(process, lambda m: m.get("method") == "textDocument/publishDiagnostics"
                     and m["params"]["uri"] == uri)
    times = []
    for run in range(args.runs):
        version = run + 2
        if run % 2 == 0:
            change = {"range": {"start": {"line": row, "character": column}, "end": {"line": row, "character": column}},
                      "text": "x"}
        else:
            change = {"range": {"start": {"line": row, "character": column}, "end": {"line": row, "character": column + 1}},
                      "text": ""}
        start = time.perf_counter()
        send(process, {"method": "textDocument/didChange",
                       "params": {"textDocument": {"uri": uri, "version": version}, "contentChanges": [change]}})
        wait_for(process, lambda m: m.get("method") == "textDocument/publishDiagnostics"
                 and m["params"]["uri"] == uri and m["params"].get("version") == version)
        times.append((time.perf_counter() - start) * 1000)
    send(process, {"id": 2, "method": "shutdown"})
    wait_for(process, lambda m: m.get("id") == 2)
    send(process, {"method": "exit"})
    process.wait(timeout=10)
    print(f"{statistics.median(times):.1f} {max(times):.1f} {len(first['params']['diagnostics'])}")


if __name__ == "__main__":
    main()
