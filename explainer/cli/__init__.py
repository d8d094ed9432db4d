"""The command line: one small module per command, each `main(argv) -> exit status`, its
options its own (explainer/__main__.py imports the one that runs)."""
