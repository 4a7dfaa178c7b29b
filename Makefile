# journal: the two commands a newcomer needs are `make demo` and `make test`.
# Both install what is missing first (libcmark-dev through apt), so they work on a fresh machine.
SHELL := /bin/bash
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" -ne 0 ] && command -v sudo)
export DEBIAN_FRONTEND := noninteractive
DEMO_JOURNAL := examples/cabinet-fontaine
DEMO_TODAY := 2026-05-20
JOURNAL := .build/debug/journal
# Warnings fail the build that `make test` (and so CI) does. The same flags go to `swift build`
# and `swift test`, so that the second reuses the first's objects instead of building again.
# SwiftPM drops the flag for the dependencies, whose warnings are not ours to fix.
SWIFT_FLAGS ?= -Xswiftc -warnings-as-errors

.PHONY: all setup build test format-check demo bench clean

all: build

# libcmark is a C library from the distribution; pkg-config is how SwiftPM finds it.
setup:
	@if ! command -v pkg-config >/dev/null 2>&1 || ! pkg-config --exists libcmark; then \
	  echo "==> installing libcmark-dev and pkg-config (apt)"; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq libcmark-dev pkg-config >/dev/null; \
	fi
	@if ! command -v pkg-config >/dev/null 2>&1 || ! pkg-config --exists sqlite3; then \
	  echo "==> installing libsqlite3-dev (apt)"; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq libsqlite3-dev >/dev/null; \
	fi
	@# The calendar tests parse `agenda --ics` with a real iCalendar parser (Python's icalendar).
	@if ! command -v python3 >/dev/null 2>&1; then \
	  echo "==> python3 is missing: the calendar tests need it, with its icalendar package"; \
	elif ! python3 -c 'import icalendar' 2>/dev/null; then \
	  echo "==> installing icalendar (pip)"; python3 -m pip install --quiet icalendar; \
	fi
	@# The editor test attaches `journal lsp` to a note in a real Neovim (Debian's, 0.7).
	@if ! command -v nvim >/dev/null 2>&1; then \
	  echo "==> installing neovim (apt)"; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq neovim >/dev/null; \
	fi

build: setup
	$(SWIFT) build --product journal

test: setup format-check
	$(SWIFT) build $(SWIFT_FLAGS) --product journal
	$(SWIFT) test $(SWIFT_FLAGS)

# swift-format's rules (.swift-format); see scripts/format-check.sh for what is left out.
format-check:
	@SWIFT=$(SWIFT) bash scripts/format-check.sh

demo: build
	@bash scripts/demo.sh $(JOURNAL) $(DEMO_JOURNAL) $(DEMO_TODAY)

bench: setup
	@bash bench/run.sh

clean:
	rm -rf .build
