#!/usr/bin/env bash
# What a coach sees on the example journal: the index being built, then the commitments and
# next dates it found. Usage: scripts/demo.sh JOURNAL_BINARY JOURNAL_DIR TODAY
set -euo pipefail
journal=$1 dir=$2 today=$3
# The demo works on a copy, so that the example journal in the repository stays untouched.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -R "$dir" "$work/journal"
step() { if [ -t 1 ] && [ -z "${NO_COLOR:-}" ]; then printf '\n\033[1m$ %s\033[0m\n' "$*"; else printf '\n$ %s\n' "$*"; fi; }
step "journal index"
"$journal" index --journal "$work/journal"
step "journal commitments --client nadia-benali --today $today"
"$journal" commitments --journal "$work/journal" --today "$today" --client nadia-benali
step "journal commitments --overdue --today $today"
"$journal" commitments --journal "$work/journal" --today "$today" --overdue
step "journal lint --today $today"
"$journal" lint --journal "$work/journal" --today "$today" 2>&1 || true
step "journal index --json | head -24"
"$journal" index --journal "$work/journal" --json | head -24
