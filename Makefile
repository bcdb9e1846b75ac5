.PHONY: run test bench deps bindings check fuzz

run:
	bash scripts/run.sh

test:
	bash scripts/test.sh

bench:
	bash scripts/bench.sh

# The proptest targets (provider mappings, CloudSigma codec, zone file) with
# a long budget; `make test` runs the same with proptest's 256 cases. Debug
# build on purpose: overflow checks turn silent wraparounds into failures.
fuzz:
	PROPTEST_CASES=20000 cargo test -p vpsdesk-core --test fuzz_mapping
	PROPTEST_CASES=20000 cargo test -p vpsdesk-core --lib -- codec:: zonefile::

deps:
	bash scripts/deps.sh test

# Rewrites ui/src/api/bindings.ts from the Rust types and commands.
bindings:
	VPSDESK_WRITE_BINDINGS=1 cargo test --quiet -p vpsdesk --lib bindings

check:
	cargo check --workspace --all-targets
	npm run build
