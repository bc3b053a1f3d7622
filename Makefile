# The README's two commands.
.PHONY: demo test lint bench bench-province scaleout

demo:  ## create the demo database and serve it on http://localhost:8069
	@bash tools/demo.sh

test:  ## run every test (static; and the Odoo suite when Odoo 18 is importable)
	@bash tools/test.sh

lint:  ## pre-commit with the OCA hooks
	@pre-commit run --all-files

bench:  ## the working-day engine benchmark, then due dates through Odoo (when importable)
	@python3 bench/bench_workdays.py
	@if python3 -c "import odoo" 2>/dev/null; then python3 bench/bench_deadlines.py; \
	else echo "bench_deadlines skipped: Odoo 18 is not importable"; fi

bench-province:  ## a province (200 agencies, 1,000,000 dossiers) in a throwaway database: every hot path at 100k, 300k and 1M (about 30 min)
	@python3 bench/bench_province.py $(BENCH_ARGS)

scaleout:  ## a primary + streaming replica, Odoo with workers and the job runner: smoke test and proof of routing (MEASURE=1: reads/s and intake/s)
	@python3 tools/scaleout.py $(if $(MEASURE),--measure) $(SCALEOUT_ARGS)
