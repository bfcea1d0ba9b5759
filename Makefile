# policyq — the two commands a newcomer needs are `make demo` and `make test`.
SHELL := /bin/bash
SWIFT ?= swift
DB ?= policyq.db
BIN := .build/release/policyq
# Debian packages the native targets need (ICU, libxml2, SQLite with FTS5, pkg-config for SwiftPM).
DEB_PACKAGES := libicu-dev libxml2-dev libsqlite3-dev pkg-config

.PHONY: setup build demo test bench bench-extract bench-index bench-diff eval fuzz fuzz-ci clean

## setup: install the Debian packages if any is missing (idempotent, quiet when all are there)
setup:
	@missing=""; for p in $(DEB_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "make setup: installing$$missing"; \
	  if [ "$$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi; \
	  $$sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq$$missing; \
	fi

# Release builds link the Swift runtime and Foundation statically: a search process then starts in
# ~6 ms instead of ~14 ms (dynamic symbol binding of Foundation), a third of the 30 ms budget.
RELEASE_FLAGS ?= --static-swift-stdlib

## build: release build of the policyq binary (.build/release/policyq)
build: setup
	$(SWIFT) build -c release --product policyq $(RELEASE_FLAGS)

## demo: build, parse a seed document, ingest corpus/ into $(DB), then search, show, export, stats
demo: build
	@echo "== policyq parse corpus/shanxi-restore-expand-consumption-measures-2023.txt --format text (first lines)"
	@$(BIN) parse corpus/shanxi-restore-expand-consumption-measures-2023.txt --format text | head -n 20
	@echo; echo "== policyq ingest corpus/   (into $(DB); a second run skips unchanged files)"
	@$(BIN) ingest corpus/ --db $(DB)
	@echo; echo "== policyq search 以旧换新 --limit 5"
	@$(BIN) search 以旧换新 --limit 5 --db $(DB) || true
	@echo; echo "== policyq search 汽车 OR 家电 补贴 -新能源 --limit 5   (OR binds tighter than AND; -word excludes)"
	@$(BIN) search 汽车 OR 家电 补贴 -新能源 --limit 5 --db $(DB) || true
	@echo; echo "== policyq search 消费 --region 山西 --since 2023-01-01 --format jsonl --limit 2"
	@$(BIN) search 消费 --region 山西 --since 2023-01-01 --format jsonl --limit 2 --db $(DB) || true
	@echo; echo "== policyq search 补贴 --has amount --min-amount 1000元 --format csv --limit 3"
	@$(BIN) search 补贴 --has amount --min-amount 1000元 --format csv --limit 3 --db $(DB) || true
	@echo; echo "== policyq show 山西 | head -n 12   (an id, a 文号, or a unique part of a title)"
	@$(BIN) show 山西 --db $(DB) | head -n 12 || true
	@echo; echo "== policyq stats"
	@$(BIN) stats --db $(DB)
	@echo; echo "== policyq export documents --format csv | head -n 3"
	@$(BIN) export documents --format csv --db $(DB) | head -n 3

## test: every unit, golden and end-to-end test
test: setup
	$(SWIFT) test

## bench: speed of extraction and of ingest + search (release builds; prints figures, asserts nothing)
bench: bench-extract bench-index bench-diff

## bench-extract: records extracted per second over ../shared/corpora/laws-md (release build, one core)
bench-extract: setup
	$(SWIFT) build -c release --product ExtractionBenchmark
	.build/release/ExtractionBenchmark ../shared/corpora/laws-md

## bench-index: ingest time, MB/s, index size and search latency p50/p95 of the release binary over
## BENCH_CORPUS, against a trigram FTS5 table and grep -c over the same files (bench-results/bench-index.txt)
BENCH_CORPUS ?= ../shared/corpora/laws-md
bench-index: build
	$(SWIFT) build -c release --product IndexBenchmark $(RELEASE_FLAGS)
	.build/release/IndexBenchmark --corpus $(BENCH_CORPUS) --policyq $(BIN)

## bench-diff: policyq diff on the largest laws-md pair and diff --region over the laws-md index
bench-diff: build
	scripts/bench-diff.sh $(BIN) $(BENCH_CORPUS)

## eval: precision / recall / F1 of the extractor on gold annotations and peer suites
eval: setup
	$(SWIFT) build --product ExtractionEval
	.build/debug/ExtractionEval

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

## fuzz-ci: the fuzz build and a short run for CI (FUZZ_SECONDS=60); fails on any crash, leak or timeout
## (libFuzzer exits non-zero and leaves the input in fuzz-artifacts/)
fuzz-ci:
	$(MAKE) fuzz FUZZ_SECONDS=60

clean:
	rm -rf .build $(DB) $(DB)-wal $(DB)-shm
