#!/usr/bin/env bash
# `make bench`: times `journal index` against the floor of parsing the same notes with bare
# libcmark, all in one run so that both see the same machine, load and page cache.
# See bench/README.md. Settings, all optional:
#   JOURNAL_BIN    the journal binary to time (default: build it with swift build -c release)
#   BENCH_JOURNAL  the journal to index (default: bench/work/journal, generated)
#   BENCH_NOTES    session notes to generate (default 10000)
#   BENCH_RUNS     repetitions per measurement; the median and the minimum are reported (default 5)
#   BENCH_SMALL_NOTES  notes of the second corpus, of small notes (default 11000; 0: skipped)
#   BENCH_SMALL_RUNS   repetitions for that corpus (default 3)
#   SWIFT, CC      the compilers (default swift, cc)
# Exits non-zero only when something could not run: a missed target is a result, not a failure.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
work=bench/work
runs=${BENCH_RUNS:-5}
notes=${BENCH_NOTES:-10000}
mkdir -p "$work"

say() { printf '==> %s\n' "$*" >&2; }
die() { printf 'bench: %s\n' "$*" >&2; exit 1; }
# Prints "MEDIAN_SECONDS MAX_RSS_KB MIN_SECONDS". Called as r=$(measure ...) so that set -e stops
# the bench when the command fails (a failure inside <(...) would go unnoticed).
measure() { python3 bench/measure.py --runs "$runs" "$@"; }
field() { local -a f; read -r -a f <<< "$1"; printf '%s' "${f[$2]}"; }
seconds() { field "$1" 0; }
peak() { field "$1" 1; }
fastest() { field "$1" 2; }

# --- the binary ------------------------------------------------------------------------------
if [ -n "${JOURNAL_BIN:-}" ]; then
  bin=$JOURNAL_BIN
else
  say "swift build -c release --product journal"
  "${SWIFT:-swift}" build -c release --product journal >&2
  bin="$("${SWIFT:-swift}" build -c release --show-bin-path)/journal"
fi
# An absolute path, so that a relative JOURNAL_BIN still works from any directory.
if [[ $bin == */* && $bin != /* ]]; then bin="$PWD/$bin"; fi
command -v "$bin" >/dev/null || die "no journal binary at $bin"

# --- the floor ---------------------------------------------------------------------------------
floor=$work/cmark_bare
if [ ! -x "$floor" ] || [ bench/cmark_bare.c -nt "$floor" ]; then
  say "compiling bench/cmark_bare.c"
  # shellcheck disable=SC2046  # pkg-config prints several words on purpose
  "${CC:-cc}" -O2 $(pkg-config --cflags libcmark) bench/cmark_bare.c -o "$floor" $(pkg-config --libs libcmark)
fi

# --- the journal ---------------------------------------------------------------------------------
# Generating 10,000 notes takes seconds, so it is done again only when its inputs change: the
# generator's own text and the note count (the seed is fixed in gen.py).
if [ -n "${BENCH_JOURNAL:-}" ]; then
  # A real journal is never touched: the bench changes a note and deletes the index, so it
  # works on a copy.
  [ -f "$BENCH_JOURNAL/journal.yml" ] || die "$BENCH_JOURNAL has no journal.yml"
  journal=$work/copy
  say "copying $BENCH_JOURNAL to $journal"
  rm -rf "$journal"
  cp -R "$BENCH_JOURNAL" "$journal"
else
  journal=$work/journal
  stamp="$(cksum < bench/gen.py) notes=$notes"
  if [ ! -f "$journal/journal.yml" ] || [ "$(cat "$work/journal.stamp" 2>/dev/null)" != "$stamp" ]; then
    say "generating $notes notes into $journal"
    rm -rf "$journal" "$work/journal.stamp"
    python3 bench/gen.py "$journal" --notes "$notes" >&2
    printf '%s\n' "$stamp" > "$work/journal.stamp"
  fi
fi
journal=$(cd "$journal" && pwd)
index() { "$bin" index --journal "$journal" "$@"; }
export NO_COLOR=1  # diagnostics are discarded; colouring them is wasted work

# --- measurements --------------------------------------------------------------------------------
# One untimed pass first: every measurement then reads from a warm page cache, the floor
# included, so the ratios compare parsing work, not the disk.
counts=$("$floor" "$journal")
files=${counts% *} bytes=${counts#* }
say "$files Markdown files, $((bytes / 1024)) KiB; $runs runs each, median"

say "bare cmark parse"
r=$(measure -- "$floor" "$journal"); t_floor=$(seconds "$r") m_floor=$(fastest "$r")

# An untimed cold index: it warms the binary up too, and shows what the index makes of the
# journal, where a generator drifting from the format would show up as diagnostics.
say "journal index (warm-up) says:"
rm -rf "$journal/.journal"
index 2> "$work/index-diagnostics.txt" | sed 's/^/    /' >&2
if [ -s "$work/index-diagnostics.txt" ]; then
  say "$(wc -l < "$work/index-diagnostics.txt") diagnostic line(s), in $work/index-diagnostics.txt"
fi

say "journal index, cold"
r=$(measure --before "rm -rf $(printf %q "$journal/.journal")" -- "$bin" index --journal "$journal")
t_cold=$(seconds "$r") m_cold=$(fastest "$r") rss_cold=$(peak "$r")

say "journal index, nothing changed"
r=$(measure -- "$bin" index --journal "$journal"); t_same=$(seconds "$r") m_same=$(fastest "$r")

say "journal index, one note changed"
r=$(measure --before "python3 bench/gen.py --touch-one $(printf %q "$journal")" -- "$bin" index --journal "$journal")
t_one=$(seconds "$r") m_one=$(fastest "$r")
# --touch-one toggles a paragraph: an odd number of touches would leave the journal changed.
if [ $((runs % 2)) -eq 1 ]; then
  python3 bench/gen.py --touch-one "$journal" >/dev/null
  index >/dev/null 2>&1
fi

# Lint: timed once the binary has it. Exit 1 only means it found problems in the notes.
t_lint=
set +e
"$bin" lint --journal "$journal" >/dev/null 2> "$work/lint-probe.txt"
lint_status=$?
set -e
if [ "$lint_status" -eq 2 ] && grep -qiE 'unknown|unexpected|not (yet )?implemented' "$work/lint-probe.txt"; then
  say "journal lint: not available yet, skipped"
elif [ "$lint_status" -le 1 ]; then
  say "journal lint"
  r=$(measure --ok 0,1 -- "$bin" lint --journal "$journal"); t_lint=$(seconds "$r") m_lint=$(fastest "$r")
  # One note, index up to date: what an editor integration or the hook does on every save.
  one_note=$(find "$journal/clients" -name '*-session.md' -print -quit)
  say "journal lint $(basename "$one_note")"
  r=$(measure --ok 0,1 -- "$bin" lint --journal "$journal" "$one_note"); t_lint_one=$(seconds "$r") m_lint_one=$(fastest "$r")
else
  cat "$work/lint-probe.txt" >&2
  die "journal lint exited $lint_status"
fi

# The other reading commands, index up to date: each should cost no more than the bare parse.
index >/dev/null 2>&1
say "journal agenda"
r=$(measure -- "$bin" agenda --journal "$journal"); t_agenda=$(seconds "$r") m_agenda=$(fastest "$r")
say "journal commitments"
r=$(measure -- "$bin" commitments --journal "$journal"); t_commitments=$(seconds "$r") m_commitments=$(fastest "$r")
say "journal index --json"
r=$(measure -- "$bin" index --json --journal "$journal"); t_json=$(seconds "$r") m_json=$(fastest "$r")

# Search: the query itself on the up-to-date index (bench/search_query.py, as `journal search
# equipe` runs it), and the whole command for reference.
t_search_ms=
if "$bin" search --help >/dev/null 2>&1; then
  index >/dev/null 2>&1
  say "search query (FTS5), on the index"
  r=$(python3 bench/search_query.py "$journal/.journal/index.sqlite" '"equipe"' --runs "$runs")
  t_search_ms=$(field "$r" 0) search_rows=$(field "$r" 1) m_search_ms=$(field "$r" 2)
  say "journal search equipe"
  r=$(measure -- "$bin" search equipe --journal "$journal"); t_search=$(seconds "$r") m_search=$(fastest "$r")
fi

# The language server: from a change typed in a note to the diagnostics the editor shows
# (bench/lsp_latency.py: didChange written to publishDiagnostics read), the index up to date.
t_lsp_ms=
if "$bin" lsp --help >/dev/null 2>&1; then
  index >/dev/null 2>&1
  lsp_note=$(find "$journal/clients" -name '*-session.md' | sort | tail -1)
  say "journal lsp: didChange to publishDiagnostics, $(basename "$lsp_note")"
  r=$(python3 bench/lsp_latency.py "$bin" "$journal" "$lsp_note" --runs $((runs * 4)))
  t_lsp_ms=${r%% *} lsp_rest=${r#* }
  t_lsp_max_ms=${lsp_rest%% *}
fi

# --- many small notes ------------------------------------------------------------------------------
# A second corpus where the per-file costs show (issue 13): 11,000 notes of about 1.8 KB. Only its
# floor and its cold index are timed, fewer times, to keep the bench short.
small_notes=${BENCH_SMALL_NOTES:-11000}
t_small_floor=
if [ "$small_notes" -gt 0 ]; then
  small=$work/small
  small_stamp="$(cksum < bench/gen.py) small notes=$small_notes"
  if [ ! -f "$small/journal.yml" ] || [ "$(cat "$work/small.stamp" 2>/dev/null)" != "$small_stamp" ]; then
    say "generating $small_notes small notes into $small"
    rm -rf "$small" "$work/small.stamp"
    python3 bench/gen.py "$small" --notes "$small_notes" --small >&2
    printf '%s\n' "$small_stamp" > "$work/small.stamp"
  fi
  small=$(cd "$small" && pwd)
  small_counts=$("$floor" "$small")
  small_runs=${BENCH_SMALL_RUNS:-3}
  say "small notes: bare cmark parse"
  r=$(python3 bench/measure.py --runs "$small_runs" -- "$floor" "$small"); t_small_floor=$(seconds "$r") m_small_floor=$(fastest "$r")
  say "small notes: journal index, cold"
  r=$(python3 bench/measure.py --runs "$small_runs" --before "rm -rf $(printf %q "$small/.journal")" -- "$bin" index --journal "$small")
  t_small_cold=$(seconds "$r") m_small_cold=$(fastest "$r") rss_small=$(peak "$r")
fi

# --- summaries -----------------------------------------------------------------------------------
# One client's summary in the big journal (the names to avoid come from the index, not from
# decoding every note), then the throughput on journals of one client with 0.25 to 8 MB of notes
# (linear if the seconds per MB stay flat), then a journal of hostile files (a 3 MB and a 9 MB
# note). BENCH_SUMMARY_SIZES and BENCH_SUMMARY_RUNS change the sizes and the runs.
summary_runs=${BENCH_SUMMARY_RUNS:-3}
client_dir=$(find "$journal/clients" -mindepth 1 -maxdepth 1 -type d | sort | sed -n 1p)
one_client=$(basename "$client_dir")
one_client_notes=$(find "$client_dir" -name '*.md' | wc -l)
say "journal summarize $one_client ($one_client_notes notes)"
r=$(python3 bench/measure.py --runs "$runs" --ok 0,1 -- "$bin" summarize "$one_client" --journal "$journal"); t_summary_one=$(seconds "$r") m_summary_one=$(fastest "$r")
# The sponsor report of the first client that has a sponsor.
report_file=$(grep -l '^sponsor:' "$journal"/clients/*/client.md | sort | sed -n 1p)
report_client=$(basename "$(dirname "$report_file")")
say "journal report $report_client"
r=$(python3 bench/measure.py --runs "$runs" --ok 0,1 -- "$bin" report "$report_client" --journal "$journal"); t_report_one=$(seconds "$r") m_report_one=$(fastest "$r")
summary_rows=()
for mb in ${BENCH_SUMMARY_SIZES:-0.25 0.5 1 2 4 8}; do
  case_dir=$work/case-$mb
  case_stamp="$(cksum < bench/gen.py) one-client=$mb"
  if [ ! -f "$case_dir/journal.yml" ] || [ "$(cat "$case_dir.stamp" 2>/dev/null)" != "$case_stamp" ]; then
    rm -rf "$case_dir"
    python3 bench/gen.py "$case_dir" --one-client "$mb" >&2
    printf '%s\n' "$case_stamp" > "$case_dir.stamp"
  fi
  case_client=$(basename "$(find "$case_dir/clients" -mindepth 1 -maxdepth 1 -type d | sed -n 1p)")
  case_bytes=$(find "$case_dir/clients" -name '*.md' -exec cat {} + | wc -c)
  "$bin" index --journal "$case_dir" >/dev/null 2>&1 || true
  say "journal summarize, $mb MB of notes"
  r=$(python3 bench/measure.py --runs "$summary_runs" --ok 0,1 -- "$bin" summarize "$case_client" --journal "$case_dir")
  summary_rows+=("$mb $case_bytes $(seconds "$r") $(peak "$r")")
done
hostile=$work/hostile
if [ ! -f "$hostile/journal.yml" ]; then
  mkdir -p "$hostile/clients/h"
  printf 'language: fr\ntimezone: Europe/Paris\n' > "$hostile/journal.yml"
  printf -- '---\ntype: client\nname: Hélène Test\nstatus: active\n---\n' > "$hostile/clients/h/client.md"
  python3 - "$hostile/clients/h" <<'PY'
import sys
for name, size in (("2026-03-02-session.md", 3_000_000), ("2026-03-09-session.md", 9_000_000)):
    line = "- [ ] Appeler Hélène le 12/03 au 06 12 34 56 78 [due:: 2026-03-20]\n"
    with open(f"{sys.argv[1]}/{name}", "w", encoding="utf-8") as f:
        f.write("---\ntype: session\ndate: " + name[:10] + "\n---\n## Engagements\n" + line * (size // len(line)))
PY
fi
"$bin" index --journal "$hostile" >/dev/null 2>&1 || true
say "journal summarize, a 3 MB and a 9 MB note"
r=$(python3 bench/measure.py --runs "$summary_runs" --ok 0,1 -- "$bin" summarize h --journal "$hostile"); t_hostile=$(seconds "$r") m_hostile=$(fastest "$r")

# --- report --------------------------------------------------------------------------------------
row() {  # name median minimum target(empty for none); the verdict is on the median's ratio
  awk -v name="$1" -v t="$2" -v m="$3" -v floor="$t_floor" -v mfloor="$m_floor" -v target="$4" 'BEGIN {
    ratio = t / floor
    if (target == "") { goal = "-"; verdict = "" }
    else { goal = sprintf("<= %.2fx", target); verdict = (ratio <= target) ? "OK" : "OVER" }
    printf "%-30s %9.3f %9.3f %8.2fx %8.2fx %10s%s\n", name, t, m, ratio, m / mfloor, goal, (verdict == "" ? "" : "  " verdict)
  }'
}
absolute() {  # name median minimum limit_seconds
  awk -v name="$1" -v t="$2" -v m="$3" -v limit="$4" 'BEGIN {
    printf "%-30s %9.3f %9.3f %9s %9s %10s  %s\n", name, t, m, "", "", "<= " limit " s", (t <= limit) ? "OK" : "OVER"
  }'
}
echo
printf '%s notes in %s (%s files, %s KiB), %s runs: median and minimum\n' "$notes" "$journal" "$files" "$((bytes / 1024))" "$runs"
printf '%-30s %9s %9s %9s %9s %10s\n' "measurement" "median s" "min s" "vs bare" "(min)" "target"
row "bare cmark parse (floor)" "$t_floor" "$m_floor" ""
row "index, cold" "$t_cold" "$m_cold" 2
row "index, nothing changed" "$t_same" "$m_same" 0.25
row "index, one note changed" "$t_one" "$m_one" 0.3
if [ -n "$t_lint" ]; then
  row "lint, whole journal" "$t_lint" "$m_lint" 1
  absolute "lint, one note" "$t_lint_one" "$m_lint_one" 0.2
fi
row "agenda" "$t_agenda" "$m_agenda" 1
row "commitments" "$t_commitments" "$m_commitments" 1
row "index --json" "$t_json" "$m_json" 1
if [ -n "$t_search_ms" ]; then
  absolute "search query ($search_rows rows)" "$(awk -v ms="$t_search_ms" 'BEGIN { print ms / 1000 }')" "$(awk -v ms="$m_search_ms" 'BEGIN { print ms / 1000 }')" 0.05
  row "search, whole command" "$t_search" "$m_search" ""
fi
if [ -n "$t_lsp_ms" ]; then
  awk -v ms="$t_lsp_ms" -v max="$t_lsp_max_ms" 'BEGIN { printf "%-30s %9.3f %9s %9s %9s %10s  %s (slowest %.3f)\n", "lsp, change to diagnostics", ms / 1000, "", "", "", "<= 0.05 s", (ms <= 50) ? "OK" : "OVER", max / 1000 }'
fi
printf 'peak memory of the cold index: %s MiB\n' "$((rss_cold / 1024))"
if [ -n "$t_small_floor" ]; then
  echo
  printf '%s small notes (%s files, %s KiB), %s runs: median and minimum\n' "$small_notes" "${small_counts% *}" "$((${small_counts#* } / 1024))" "$small_runs"
  # The ratios of this corpus are to its own floor (a subshell, so the main floor stays for the history line).
  (
    t_floor=$t_small_floor m_floor=$m_small_floor
    row "bare cmark parse (floor)" "$t_small_floor" "$m_small_floor" ""
    row "index, cold" "$t_small_cold" "$m_small_cold" 2
    printf 'peak memory of the cold index: %s MiB\n' "$((rss_small / 1024))"
  )
fi
echo
absolute "summarize, $one_client_notes notes" "$t_summary_one" "$m_summary_one" 0.1
absolute "report, one client" "$t_report_one" "$m_report_one" 0.1
printf '%-30s %9s %9s %9s %9s\n' "summarize, one client" "MB" "median s" "MB/s" "peak MiB"
base=
for row in "${summary_rows[@]}"; do
  set -- $row
  awk -v mb="$1" -v bytes="$2" -v t="$3" -v rss="$4" 'BEGIN { printf "%-30s %9.2f %9.3f %9.2f %9d%s\n", "  " mb " MB of notes", bytes / 1e6, t, bytes / 1e6 / t, rss / 1024, (bytes / 1e6 / t >= 5) ? "  OK" : "  UNDER 5 MB/s" }'
done
absolute "summarize, 3 MB + 9 MB notes" "$t_hostile" "$m_hostile" 5

# A line per run, to see a trend across commits (git rev-parse only reads).
history=$work/history.tsv
if [ ! -f "$history" ]; then
  printf 'when\tcommit\tbinary\tfiles\tbare_s\tcold_s\tsame_s\tone_s\tlint_s\tcold_rss_kb\n' > "$history"
fi
commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$commit" "$bin" \
  "$files" "$t_floor" "$t_cold" "$t_same" "$t_one" "${t_lint:--}" "$rss_cold" >> "$history"
