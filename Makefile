.PHONY: run test bench deps bindings check

run:
	bash scripts/run.sh

test:
	bash scripts/test.sh

bench:
	bash scripts/bench.sh

deps:
	bash scripts/deps.sh test

# Rewrites ui/src/api/bindings.ts from the Rust types and commands.
bindings:
	VPSDESK_WRITE_BINDINGS=1 cargo test --quiet -p vpsdesk --lib bindings

check:
	cargo check --workspace --all-targets
	npm run build
