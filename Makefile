# click2dial: the two commands of the README, and the steps they are made of.
#   make demo   start the sipXconfig emulator and place calls through the extension
#   make test   every test suite, ending with one line "N passed, N failed"
# Both install what is missing first (Debian 12: apt packages), so they work on a fresh machine.

CARGO ?= cargo

.PHONY: all deps build test demo clean

all: build

deps:
	scripts/install-deps

build: deps
	$(CARGO) build --release -p click2dial -p sipxconfig-emulator

test: build
	scripts/test-all

demo: build
	scripts/demo

clean:
	$(CARGO) clean
	rm -rf .run php-tests/.run
