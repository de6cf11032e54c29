# click2dial: the two commands of the README, and the steps they are made of.
#   make demo   the plugin in a WebAccess host and in a grommunio-web host, PBX emulated (make demo-cli: PHP only)
#   make test   every test suite, ending with one line "N passed, N failed"
#   make check  the fast checks: formatting and lints (no install step; .ci/run runs it first)
# Both install what is missing first (Debian 12: apt packages), so they work on a fresh machine.

CARGO ?= cargo

.PHONY: all deps build check test demo demo-cli bench reliability fuzz valgrind clean

all: build

deps:
	scripts/install-deps

build: deps
	$(CARGO) build --release -p click2dial -p sipxconfig-emulator -p clicktocall-emulator -p faultservers

test: build
	testing/scripts/test-all

# Formatting and lints, with warnings as errors, on every crate (the fuzz workspace included),
# then PHP's and Node's own syntax checks of every PHP and JavaScript file. Installs nothing: the
# binding's build script needs php-config and libclang, which make deps (or make test) installs.
check:
	scripts/check

# The full demo: both front ends (a WebAccess host and a grommunio-web host, each with the plugin
# and an emulated sipXconfig), in the browser. DEMO=webaccess or DEMO=grommunio-web starts one.
demo: build
	testing/demo/demo

# The command-line demo: calls placed from PHP, and what the PBX logged.
demo-cli: build
	testing/scripts/demo

# The benchmark (docs/benchmarks.md): makeCall side by side with PHP cURL and the native limit,
# its instructions a call (callgrind), the limits in the state folder and in Redis, php-fpm
# behind nginx, and the costs; exits non-zero when a goal fails. Not part of make test.
bench: build
	testing/scripts/install-bench-deps
	$(CARGO) build --release -p click2dial-bench
	testing/scripts/bench

# Reliability (docs/reliability.md): the fault matrix, load, soak and fork cases, one line per
# case with its figure; exits non-zero when a case fails. Takes minutes: not part of make test.
reliability: build
	testing/scripts/install-bench-deps
	testing/scripts/reliability

# Fuzzing, never part of make test: every target (number normalisation, URL-segment encoding,
# the directory and dial-plan parsers, the list of calls in progress, session passwords, sealed
# PIN tokens) through libFuzzer
# with cargo-fuzz (on stable Rust with RUSTC_BOOTSTRAP,
# as cargo-fuzz needs nightly flags) for FUZZ_SECONDS each when cargo-fuzz is installed, else
# the same checks as a bounded loop of FUZZ_RUNS inputs each. New corpus entries go to .run/,
# so the committed seed corpus stays small.
FUZZ_TARGETS = normalize_number find_numbers dialplan_reread path_segment directory_csv dialplan_toml active_calls session_password credential_token
FUZZ_SECONDS ?= 60
FUZZ_RUNS ?= 200000
fuzz:
	set -e; cd testing/fuzz; for target in $(FUZZ_TARGETS); do \
	  mkdir -p ../../.run/fuzz-corpus/$$target; \
	  if cargo fuzz --version >/dev/null 2>&1; then \
	    RUSTC_BOOTSTRAP=1 cargo fuzz run $$target ../../.run/fuzz-corpus/$$target corpus/$$target \
	      -- -max_total_time=$(FUZZ_SECONDS); \
	  else \
	    $(CARGO) run --release --no-default-features --bin fuzz_loop -- $$target $(FUZZ_RUNS); \
	  fi; \
	done

# The phpt suite under valgrind (docs/reliability.md): fails on any invalid read or write, use of
# uninitialised memory or definite leak, except the suppressed false positives of ring's
# assembly (testing/php/valgrind.supp). Slow (some minutes); not part of make test.
valgrind: build
	testing/scripts/run-php-tests-valgrind

clean:
	$(CARGO) clean
	rm -rf .run testing/php/.run
