"""Staff pages of major matters, under /staff/decisions/: thin views over the services."""
