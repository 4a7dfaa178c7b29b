#!/usr/bin/env bash
# `make format-check`: swift-format's rules (.swift-format) over the Swift sources, with no
# finding allowed. The layout findings of swift-format's printer (indentation, line breaks,
# spacing, line length, trailing commas) are left out: the code aligns continuation lines under
# their opening bracket and keeps long messages on one line, which the printer cannot express,
# and reformatting every file would bury the history. Trailing whitespace is still checked.
set -euo pipefail
cd "$(dirname "$0")/.."
SWIFT=${SWIFT:-swift}
if ! "$SWIFT" format --version >/dev/null 2>&1; then
  echo "format-check: \`$SWIFT format\` is missing (it ships with Swift 6 toolchains)" >&2
  exit 1
fi
files=$(git ls-files '*.swift' 2>/dev/null || find Sources Tests Package.swift -name '*.swift')
findings=$("$SWIFT" format lint --configuration .swift-format $files 2>&1 \
  | grep -vE '\[(Indentation|AddLines|RemoveLine|Spacing|LineLength|TrailingComma)\]' || true)
if [ -n "$findings" ]; then
  echo "$findings" >&2
  echo "format-check: $(echo "$findings" | wc -l) finding(s); fix them, or change .swift-format if the rule is wrong for this code" >&2
  exit 1
fi
echo "format-check: clean"
