# pactum: `make demo` builds and audits the bundled example; `make check` runs the quick suite,
# `make test` every test; `make install` installs the binary, man page and completions.
BUILD ?= build
JOBS ?= $(shell nproc)
EXAMPLE_TERMS = examples/acme.terms
EXAMPLE_LOG = examples/acme-2026.yaml

.PHONY: setup configure bin build demo test unit check install sanitize clean

setup:
	@./scripts/setup.sh

configure: setup
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null

# Just the pactum binary.
bin: configure
	@cmake --build $(BUILD) -j$(JOBS) --target pactum

# Everything, tests included.
build: configure
	@cmake --build $(BUILD) -j$(JOBS)

# Exit status 1 means "findings were reported", which is what the example is for.
demo: bin
	@./$(BUILD)/pactum check $(EXAMPLE_TERMS) $(EXAMPLE_LOG); s=$$?; [ $$s -le 1 ]

unit: build
	@cd $(BUILD) && ctest --output-on-failure -j$(JOBS)

# The quick suite: unit tests, golden CLI output and the conformance cases (README: how long).
check: build
	@cd $(BUILD) && ctest --output-on-failure -j$(JOBS) -L 'unit|golden'

# The binary, its man page and the bash/zsh/fish completions under PREFIX (cmake --install).
PREFIX ?= /usr/local
install: bin
	@cmake --install $(BUILD) --prefix $(PREFIX) --strip

# The same suite under AddressSanitizer + UndefinedBehaviorSanitizer, in its own build tree, which
# clang builds (in half the time g++ takes there, and the suite runs faster) and which also holds
# the libFuzzer targets that `fuzz-smoke` runs. A tree configured for g++ before is started anew.
ASAN_BUILD = $(BUILD)-asan
.PHONY: sanitize-configure
sanitize-configure: setup
	@./scripts/setup.sh sanitize
	@if [ -f $(ASAN_BUILD)/CMakeCache.txt ] && ! grep -q '^CMAKE_CXX_COMPILER:.*clang' $(ASAN_BUILD)/CMakeCache.txt; then \
	  rm -rf $(ASAN_BUILD); fi
	@cmake -S . -B $(ASAN_BUILD) -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=Debug \
	  -DPACTUM_SANITIZE=ON -DPACTUM_FUZZ=ON >/dev/null

sanitize: sanitize-configure
	@cmake --build $(ASAN_BUILD) -j$(JOBS)
	@cd $(ASAN_BUILD) && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 ctest --output-on-failure -j$(JOBS)

# Every test: the suite, the suite under ASan+UBSan, a short libFuzzer smoke per target, and the
# browser workbench (WebAssembly build, byte-identical output, headless chromium).
test: unit sanitize fuzz-smoke workbench-test

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) $(BUILD)-fuzz $(WASM_BUILD)

# libFuzzer targets (fuzz/, scripts/fuzz.sh). `fuzz-smoke` runs each target for FUZZ_SECONDS
# (default 20) and replays saved crashes, for CI, with the targets of the sanitized tree (-O1);
# `fuzz` is the long run (default 1800 s per target), in a tree of its own ($(BUILD)-fuzz, -O2).
# scripts/fuzz.sh --total adds up the time fuzzed so far.
FUZZ_SECONDS ?=
.PHONY: fuzz fuzz-smoke
fuzz-smoke: sanitize-configure
	@FUZZ_BUILD=$(ASAN_BUILD) JOBS=$(JOBS) FUZZ_SECONDS=$(or $(FUZZ_SECONDS),20) ./scripts/fuzz.sh --smoke

fuzz:
	@./scripts/setup.sh fuzz
	@FUZZ_BUILD=$(BUILD)-fuzz JOBS=$(JOBS) FUZZ_SECONDS=$(or $(FUZZ_SECONDS),1800) ./scripts/fuzz.sh

# The performance benchmark (bench/README.md): pactum beside the libyaml floor and the
# json-rules-engine peer, on generated logs of 10^4..10^6 events (BENCH_1E7=1 adds 10^7).
.PHONY: bench
bench:
	@./bench/run.sh

# The browser workbench (docs/workbench.md): pactum compiled to WebAssembly by Debian's emscripten
# into $(WASM_BUILD)/pactum.js (`wasm`), and the page bundled with it into $(WASM_BUILD)/workbench
# (`workbench`: open workbench/index.html, or put the folder on any static host). The libraries
# Debian ships only compiled for the host come from its source packages (scripts/deb-sources.sh).
# `workbench-test`: the module against the native binary, byte for byte, then the page in
# headless chromium; `workbench-screenshots` refreshes docs/workbench*.png.
WASM_BUILD ?= build-wasm
# Debian's emscripten runs its JavaScript tools with the node on PATH; a node that is not
# Debian's (NodeSource) needs Debian's module folder for them (acorn).
WASM_ENV = NODE_PATH=/usr/share/nodejs
.PHONY: wasm workbench workbench-test workbench-screenshots
wasm:
	@./scripts/setup.sh wasm
	@$(WASM_ENV) emcmake cmake -S . -B $(WASM_BUILD) -DCMAKE_BUILD_TYPE=Release \
	  -DCMAKE_CXX_FLAGS_RELEASE="-O2 -DNDEBUG" -DCMAKE_C_FLAGS_RELEASE="-O2 -DNDEBUG" >/dev/null
	@$(WASM_ENV) cmake --build $(WASM_BUILD) -j$(JOBS) --target pactum

workbench: wasm
	@PUPPETEER_SKIP_DOWNLOAD=1 ./scripts/npm-ci.sh web
	@node web/build.mjs $(WASM_BUILD)/pactum.js $(WASM_BUILD)/workbench

WORKBENCH_TEST_ENV = PACTUM=$(CURDIR)/$(BUILD)/pactum PACTUM_WASM=$(CURDIR)/$(WASM_BUILD)/pactum.js \
  WORKBENCH=$(CURDIR)/$(WASM_BUILD)/workbench
workbench-test: workbench bin
	@cd web && $(WORKBENCH_TEST_ENV) node --test --test-reporter=spec test/identical.test.mjs test/browser.test.mjs

workbench-screenshots: workbench bin
	@cd web && $(WORKBENCH_TEST_ENV) SCREENSHOTS=$(CURDIR)/docs node --test --test-reporter=spec test/browser.test.mjs
