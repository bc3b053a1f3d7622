# The README's two commands.
.PHONY: demo test lint bench

demo:  ## create the demo database and serve it on http://localhost:8069
	@bash tools/demo.sh

test:  ## run every test (static; and the Odoo suite when Odoo 18 is importable)
	@bash tools/test.sh

lint:  ## pre-commit with the OCA hooks
	@pre-commit run --all-files

bench:  ## the working-day engine benchmark
	@python3 bench/bench_workdays.py
