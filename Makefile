# The article annotator: build, serve, test, measure.
#
#   make serve   build the page and serve it on http://127.0.0.1:8000
#   make test    every test: Rust, WASM in Chrome and Firefox, page tests
#   make site    the static site in dist/, ready for any static host
#   make eval    scores on the development data in ../shared/data
#   make fuzz    the fuzz target for FUZZ_SECONDS (default 300; nightly + cargo-fuzz)
#
# Each target installs what it needs first (scripts/setup.sh; idempotent).

SHELL := /bin/bash
export PATH := $(HOME)/.cargo/bin:$(PATH)
PORT ?= 8000
# Next to the build (CARGO_TARGET_DIR if set), so builds with separate target
# directories do not share one package.
PKG := $(abspath $(or $(CARGO_TARGET_DIR),target))/pkg-web
# opt-level of the WASM build (the native build keeps the profile's 3).
WASM_OPT_LEVEL ?= 2
# The WASM build's dependencies (serde_json, memchr, wasm-bindgen, ...) are
# built for size: 1.6 KB gzip smaller at 14f1c65 and as fast in V8
# (annotateJson over PolNeAR and CoNLL dev, interleaved medians both ways:
# within 2 %, either way). Our own code keeps WASM_OPT_LEVEL: at "s" it ran
# 25 % slower (Cargo.toml).
WASM_DEPS_OPT := --config 'profile.release.package."*".opt-level="s"'
FUZZ_SECONDS ?= 300
FUZZ_TEST_SECONDS ?= 45

.PHONY: all setup setup-min build site serve test test-rust test-release test-fuzz test-wasm test-page fuzz eval eval-train clean

all: site

setup:
	@scripts/setup.sh

setup-min:
	@scripts/setup.sh --min

build:
	cargo build --release

# The WASM package for the page (ES module, no bundler). WASM_OPT_LEVEL: see Cargo.toml.
$(PKG)/annotator_bg.wasm: Cargo.toml Cargo.lock $(shell find src data -type f)
	CARGO_PROFILE_RELEASE_OPT_LEVEL=$(WASM_OPT_LEVEL) wasm-pack --log-level warn build --release --target web --no-pack --out-dir $(PKG) --out-name annotator -- $(WASM_DEPS_OPT)
	@touch $@

# Only what the page loads: the TypeScript types (pkg/annotator.d.ts) stay in
# $(PKG), and the module goes without its name section (function names for
# stack traces; tools/wasm-strip-names.mjs). Scripts and style sheet are
# minified (esbuild from tools/package.json). Two are bundled, because they
# are on the start-up path: app.js with the modules it imports (one request
# instead of five before the page can annotate), and worker.js with the
# modules it imports. Neither bundles what the other loads too: render.js
# and the wasm-bindgen glue, pkg/annotator.js (the package's JavaScript API,
# which stays in the site anyway), are their own files, fetched once for
# both (index.html preloads them with app.js): one copy less of each, 2.6
# and 2.4 KB gzip. The world map stays loaded later. The
# sample article (www/sample.txt) goes into index.html's text box (its default
# value, after a newline, which the HTML parser drops): shown from the first
# paint, and no request before the page is ready; its comments are left
# out. The other files are the same as in www/.
APP_BUNDLED := engine.js panels.js export.js htmltext.js
site: setup-min $(PKG)/annotator_bg.wasm
	@rm -rf dist && mkdir -p dist/pkg
	cp -r www/. dist/
	node -e 'const fs = require("fs"); const esc = (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;"); const html = fs.readFileSync("dist/index.html", "utf8").replace(/\s*<!--[\s\S]*?-->/g, ""); const out = html.replace(/(<textarea id="article"[^>]*>)<\/textarea>/, (_, open) => open + "\n" + esc(fs.readFileSync("www/sample.txt", "utf8")) + "</textarea>"); if (out === html) throw new Error("www/index.html: no empty textarea#article for the sample"); fs.writeFileSync("dist/index.html", out)'
	rm dist/sample.txt
	cp $(PKG)/annotator.js dist/pkg/
	node tools/wasm-strip-names.mjs $(PKG)/annotator_bg.wasm dist/pkg/annotator_bg.wasm
	tools/node_modules/.bin/esbuild dist/app.js --bundle --format=esm --minify --external:./render.js --external:./worldmap.js --external:./pkg/annotator.js --outfile=dist/app.js --allow-overwrite --log-level=warning
	tools/node_modules/.bin/esbuild dist/worker.js --bundle --format=esm --minify --external:./render.js --external:./pkg/annotator.js --outfile=dist/worker.js --allow-overwrite --log-level=warning
	rm $(addprefix dist/,$(APP_BUNDLED))
	tools/node_modules/.bin/esbuild $$(ls dist/*.js | grep -v '/\(worker\|app\)\.js$$') dist/*.css dist/pkg/annotator.js --minify --outdir=dist --allow-overwrite --log-level=warning
	@echo "site: dist/ ($$(du -sh dist | cut -f1); $$(cat dist/*.* dist/pkg/* | wc -c) bytes, gzip -9 per file $$(for f in dist/*.* dist/pkg/*; do gzip -9c "$$f" | wc -c; done | awk '{s+=$$1} END {printf "%.1f KB", s/1000}'))"

serve: site
	@echo "serving dist/ on http://127.0.0.1:$(PORT)/ (Ctrl+C to stop)"
	python3 -m http.server $(PORT) --bind 127.0.0.1 --directory dist

test: setup test-rust test-release test-fuzz test-wasm test-page

# Clippy first (warnings are errors; the lints turned off are listed in
# Cargo.toml), then the unit, integration and doc tests. Clippy comes with
# the toolchain here; where it does not, it is skipped, not downloaded
# (rustup's server is outside the package registries).
test-rust:
	@if cargo clippy --version >/dev/null 2>&1; then echo "cargo clippy --all-targets -- -D warnings"; cargo clippy --all-targets -- -D warnings; \
	else echo "test-rust: clippy is not installed: lints skipped"; fi
	cargo test --all-targets

# Pathological inputs at full size (debug builds run them at 1/20) and more
# property-test cases, in an optimised build.
test-release:
	PROPTEST_CASES=2000 cargo test --release --test pathological --test properties

# A short bounded fuzz run (make fuzz for a longer one); prints executions and time.
test-fuzz:
	fuzz/run.sh $(FUZZ_TEST_SECONDS)

fuzz: setup
	fuzz/run.sh $(FUZZ_SECONDS)

test-wasm:
	wasm-pack test --headless --chrome --firefox

test-page: site
	cd tests/page && node --test

# Speed and size against the issue-7 targets: prints one table and writes
# BENCH.md (tools/bench/run.sh; about 10 minutes on two cores).
.PHONY: bench
bench: setup site
	tools/bench/run.sh

eval:
	scripts/eval.sh

eval-train:
	scripts/eval.sh --train

clean:
	cargo clean
	rm -rf dist eval-out tests/page/node_modules
