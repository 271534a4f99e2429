# One task runner. The README names two targets: `make demo` (the main job) and `make test`.
SHELL := /bin/bash
.SHELLFLAGS := -eo pipefail -c
.DEFAULT_GOAL := help

# The project's tools (our cargo-build-sbf, anchor, sbpf-linker) come first.
export PATH := $(CURDIR)/.tools/bin:$(PATH)
# anchor must never run with RUSTUP_TOOLCHAIN set: it would try to install that toolchain.
ANCHOR := env -u RUSTUP_TOOLCHAIN anchor
HOST := cd crates && cargo
PROGRAMS := datanet_registry model_registry attribution_payout

.PHONY: help setup build test lint fmt idl-check test-rust test-ts test-localnet test-app cli bench eval localnet app screenshots demo clean

help:
	@echo "make demo   the main job: the suite's flow on an embedded SVM"
	@echo "make test   every check and test (installs what it needs first)"
	@echo "make build  anchor build: target/deploy/*.so and the IDLs"
	@echo "make bench  compute units (docs/compute-units.md), Proof of Attribution speed (docs/attribution-bench.md), the KPI indexer (docs/indexer-bench.md)"
	@echo "make eval   Proof of Attribution against BM25 and 8-gram Jaccard (docs/attribution-eval.md)"
	@echo "make localnet  the local validator with the programs, on 127.0.0.1:8899"
	@echo "make app    the local validator, bootstrapped, and the dApp on http://127.0.0.1:5173"
	@echo "make screenshots  docs/screenshots/ from a scenario on a fresh validator"

setup:
	tools/setup

# Program keypairs are the committed localnet/devnet ones (keys/); anchor build keeps them.
build: setup
	mkdir -p target/deploy
	for p in $(PROGRAMS); do cp -n keys/$$p-keypair.json target/deploy/ || true; done
	$(ANCHOR) build

# A build must not change the committed IDLs.
idl-check: build
	@if [ -n "$$(git status --porcelain -- idls)" ]; then \
	  git --no-pager diff -- idls | head -40; \
	  echo "idls/ is stale: anchor build changed it; commit the new IDLs"; exit 1; fi
	@echo "idls/ is up to date"

fmt:
	cargo fmt --all
	cargo fmt --all --manifest-path crates/Cargo.toml

lint: setup
	cargo fmt --all --check
	cargo fmt --all --check --manifest-path crates/Cargo.toml
	cargo clippy -j2 --all-targets -- -D warnings
	$(HOST) clippy --all-targets -- -D warnings

test-rust: build
	$(HOST) test

node_modules: package-lock.json
	npm ci --no-audit --no-fund
	touch node_modules

# The TypeScript client against the built programs in LiteSVM (npm's litesvm).
test-ts: build node_modules
	npm test

cli: build
	$(HOST) build -q -p attribution-cli

# anchor deploy, anchor migrate, upgrades and the CLI's --url mode against the local validator.
test-localnet: cli node_modules
	tests/localnet-deploy.sh

# The dApp: unit tests, then the whole flow in Debian's chromium (installed if missing) against
# the local validator, with a test Wallet Standard wallet signing real transactions.
test-app: build cli node_modules
	npm test -w app
	npm run test:browser -w app

test: idl-check lint test-rust test-ts test-localnet test-app

bench: build
	$(HOST) run -q -p svm-harness --bin bench
	$(HOST) run --release -q -p poa-engine --bin poa-eval -- bench
	$(HOST) run -q -p attribution-indexer --bin indexer-bench

eval:
	$(HOST) run --release -q -p poa-engine --bin poa-eval -- eval

localnet: build
	@pid=$$(tools/localnet --programs) && echo "local validator (PID $$pid) on http://127.0.0.1:8899; logs in target/localnet.log; stop with: kill $$pid"

app: localnet node_modules
	npm run bootstrap -w app -- --url http://127.0.0.1:8899
	npm run dev -w app

screenshots: build cli node_modules
	npm run screenshots -w app

demo: build
	$(HOST) run -q -p attribution-cli -- demo

clean:
	rm -rf target
