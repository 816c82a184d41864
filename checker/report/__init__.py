"""The HTML report: a view model of a Report, its timeline and history, and the jinja2 templates."""
