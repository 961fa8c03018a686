"""Web code every app shares: view decorators, form errors and the public forms' trap, file
responses, admin bases and URL converters. An app for its translations only."""
