"""Root pytest configuration.

When Odoo is importable, import its test framework in test mode before pytest-odoo
does, so that Odoo does not log "Importing test framework ... avoid importing" as an
error with a stack trace at the start of every run.
"""

try:
    import odoo.tools

    odoo.tools.config["test_enable"] = True
    import odoo.tests  # noqa: F401
except ImportError:  # static tests without Odoo
    pass
