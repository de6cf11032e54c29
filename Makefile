# click2dial: the two commands of the README, and the steps they are made of.
#   make demo   start the sipXconfig emulator and place calls through the extension
#   make test   every test suite, ending with one line "N passed, N failed"
# Both install what is missing first (Debian 12: apt packages), so they work on a fresh machine.

CARGO ?= cargo

.PHONY: all deps build test demo bench fuzz clean

all: build

deps:
	scripts/install-deps

build: deps
	$(CARGO) build --release -p click2dial -p sipxconfig-emulator

test: build
	scripts/test-all

demo: build
	scripts/demo

# Benchmark figures (see docs/dialplan.md for what is measured).
bench: deps
	$(CARGO) run --release -q -p click2dial-bench

# Fuzzing, never part of make test: every target (number normalisation, session passwords,
# sealed PIN tokens) through libFuzzer with cargo-fuzz (on stable Rust with RUSTC_BOOTSTRAP,
# as cargo-fuzz needs nightly flags) for FUZZ_SECONDS each when cargo-fuzz is installed, else
# the same checks as a bounded loop of FUZZ_RUNS inputs each. New corpus entries go to .run/,
# so the committed seed corpus stays small.
FUZZ_TARGETS = normalize_number session_password credential_token
FUZZ_SECONDS ?= 30
FUZZ_RUNS ?= 200000
fuzz:
	set -e; cd fuzz; for target in $(FUZZ_TARGETS); do \
	  mkdir -p ../.run/fuzz-corpus/$$target; \
	  if cargo fuzz --version >/dev/null 2>&1; then \
	    RUSTC_BOOTSTRAP=1 cargo fuzz run $$target ../.run/fuzz-corpus/$$target corpus/$$target \
	      -- -max_total_time=$(FUZZ_SECONDS); \
	  else \
	    $(CARGO) run --release --no-default-features --bin fuzz_loop -- $$target $(FUZZ_RUNS); \
	  fi; \
	done

clean:
	$(CARGO) clean
	rm -rf .run php-tests/.run
