"""Business rules of village finances, by resource: periods, mapping, imports, publication,
diffs and budgets. Every function is keyword-only, takes `by=` and checks permission."""
