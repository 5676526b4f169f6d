# Two commands on a fresh machine (Python 3.11+): `make serve` and `make test`.
# Each installs what it needs into .venv and skips that step when nothing changed.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build linkcheck test test-fast lint schemas bench chromium clean

serve: $(VENV)/.site-installed ## Preview at http://127.0.0.1:8000 with live reload
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000 --livereload

build: $(VENV)/.site-installed ## Strict build into site/ (no link check: see linkcheck)
	$(BIN)/mkdocs build --strict

# The link check of the rendered HTML (mkdocs-htmlproofer-plugin) is half of a build's time,
# so it runs here, in `make test` (the test session's build) and in CI, not in every build.
linkcheck: $(VENV)/.site-installed ## Strict build into site/ with every internal link and anchor checked
	$(BIN)/mkdocs build --strict --config-file mkdocs.linkcheck.yml

# The browser tests wait on Chromium more than on Python: one worker per core (pytest-xdist).
test: lint chromium ## Every check: lint, then the tests (data, rendering, built site, browser)
	$(BIN)/python -m pytest -n auto

test-fast: lint ## The tests that need no browser (data, rendering, built site): under 30 seconds
	$(BIN)/python -m pytest -n auto -m "not browser"

lint: $(VENV)/.test-installed ## The pre-commit checks: data, YAML, whitespace, ruff
	$(BIN)/python scripts/check_data.py
	$(BIN)/python scripts/write_schemas.py --check
	$(BIN)/python scripts/check_text.py
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

schemas: $(VENV)/.site-installed ## Write data/schemas/ from the data files' models (src/product_vs_project)
	$(BIN)/python scripts/write_schemas.py

bench: $(VENV)/.site-installed bench/node_modules/.installed ## Lighthouse scores, weight, LCP per page and build time against budgets -> bench/REPORT.md
	$(BIN)/python bench/run.py

# Lighthouse for `make bench` only, at the exact versions of bench/package-lock.json, run in
# Debian's /usr/bin/chromium (or $$CHROMIUM). npm warns (EBADENGINE) that Lighthouse 13 asks
# for Node.js 22.19+: it runs on the Node.js 20 of these machines all the same.
bench/node_modules/.installed: bench/package.json bench/package-lock.json
	npm ci --prefix bench --no-audit --no-fund
	touch $@

# Debian's /usr/bin/chromium (or $$CHROMIUM) is used when present. Where it is missing,
# root on Debian (CI) installs the package: Playwright's own download is blocked there.
# Anywhere else Playwright downloads its build, which works on ordinary machines.
chromium: $(VENV)/.test-installed
	@if [ -n "$$CHROMIUM" ] || command -v chromium >/dev/null 2>&1; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	else $(BIN)/python -m playwright install chromium; fi

# The pinned requirements, then the guide's own package (src/product_vs_project), editable, with
# the pinned setuptools of requirements.txt: no download at build time, no other version.
$(VENV)/.site-installed: requirements.txt pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11+ is needed")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $@

$(VENV)/.test-installed: requirements-test.txt scripts/fetch_axe.py $(VENV)/.site-installed
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-test.txt
	$(BIN)/python scripts/fetch_axe.py
	touch $@

clean:
	rm -rf site .pytest_cache
