# policyq — the two commands a newcomer needs are `make demo` and `make test`.
SHELL := /bin/bash
SWIFT ?= swift
DB ?= policyq.db
BIN := .build/release/policyq
# Debian packages the native targets need (ICU, libxml2, SQLite with FTS5, pkg-config for SwiftPM).
DEB_PACKAGES := libicu-dev libxml2-dev libsqlite3-dev pkg-config

.PHONY: setup build demo test bench bench-extract bench-index eval fuzz clean

## setup: install the Debian packages if any is missing (idempotent, quiet when all are there)
setup:
	@missing=""; for p in $(DEB_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "make setup: installing$$missing"; \
	  if [ "$$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi; \
	  $$sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq$$missing; \
	fi

## build: release build of the policyq binary (.build/release/policyq)
build: setup
	$(SWIFT) build -c release --product policyq

## demo: build, then parse the seed corpus
demo: build
	@echo "== policyq parse corpus/shanxi-restore-expand-consumption-measures-2023.txt --format text (first lines)"
	@$(BIN) parse corpus/shanxi-restore-expand-consumption-measures-2023.txt --format text | head -n 20

## test: every unit, golden and end-to-end test
test: setup
	$(SWIFT) test

## bench: speed of extraction and of ingest + search (release builds; prints figures, asserts nothing)
bench: bench-extract bench-index

bench-extract: setup
	@echo "bench-extract: not written yet"

bench-index: setup
	@echo "bench-index: not written yet"

## eval: precision / recall / F1 of the extractor on gold annotations and peer suites
eval: setup
	@echo "eval: not written yet"

## fuzz: libFuzzer (with AddressSanitizer) over reader → segmenter → extractor, seeded from the corpora
FUZZ_SECONDS ?= 600
FUZZ_BUILD := .build-fuzz
FUZZ_SEEDS := .build-fuzz/seeds
fuzz: setup
	$(SWIFT) build -c release --scratch-path $(FUZZ_BUILD) --product PolicyFuzz \
	  -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING
	@scripts/fuzz-seeds.sh $(FUZZ_SEEDS)
	@mkdir -p fuzz-corpus fuzz-artifacts
	$(FUZZ_BUILD)/release/PolicyFuzz fuzz-corpus $(FUZZ_SEEDS) Fixtures/fuzz-regressions \
	  -max_total_time=$(FUZZ_SECONDS) -timeout=20 -rss_limit_mb=4096 -max_len=131072 \
	  -artifact_prefix=fuzz-artifacts/ -print_final_stats=1

clean:
	rm -rf .build $(DB) $(DB)-wal $(DB)-shm
