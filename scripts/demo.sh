#!/usr/bin/env bash
# What a coach sees on the example journal: the day's agenda first, then the commitments, the
# checks, a sponsor report and the hours log. Usage: scripts/demo.sh JOURNAL_BINARY JOURNAL_DIR TODAY
set -euo pipefail
journal=$(cd "$(dirname "$1")" && pwd)/$(basename "$1") dir=$2 today=$3
# The demo works on a copy, so that the example journal in the repository stays untouched.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -R "$dir" "$work/journal"
step() { if [ -t 1 ] && [ -z "${NO_COLOR:-}" ]; then printf '\n\033[1m$ %s\033[0m\n' "$*"; else printf '\n$ %s\n' "$*"; fi; }
step "journal index"
"$journal" index --journal "$work/journal"
step "journal agenda --today $today"
"$journal" agenda --journal "$work/journal" --today "$today"
step "journal agenda --ics exports/agenda.ics --today $today"
(cd "$work/journal" && "$journal" agenda --today "$today" --ics exports/agenda.ics)
step "journal commitments --client nadia-benali --today $today"
"$journal" commitments --journal "$work/journal" --today "$today" --client nadia-benali
step "journal lint --today $today"
"$journal" lint --journal "$work/journal" --today "$today" 2>&1 || true
step "journal report nadia-benali --today $today"
"$journal" report nadia-benali --journal "$work/journal" --today "$today"
step "journal hours"
"$journal" hours --journal "$work/journal"
step "journal summarize nadia-benali --out exports/synthese-nb.md   (first 40 lines)"
(cd "$work/journal" && "$journal" summarize nadia-benali --out exports/synthese-nb.md)
sed -n 1,40p "$work/journal/exports/synthese-nb.md"
