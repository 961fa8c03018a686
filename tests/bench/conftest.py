# Benchmarks print figures and assert nothing: pytest must never collect them, whatever their
# modules are named.
collect_ignore_glob = ["*.py"]
