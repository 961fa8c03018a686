"""Web code every app shares: view decorators, form errors, file responses, admin bases and URL
converters. Not an app: no models, templates or translations of its own."""
