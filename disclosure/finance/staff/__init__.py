"""Staff pages of village finances: periods, settings, the import wizard, vouchers, budgets."""
