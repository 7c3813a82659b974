"""The web adapter: a JSON API under `/api/v1` and server-rendered pages.

Importing this package imports nothing heavy; `allied.web.app.create_app`
builds the FastAPI application over an in-memory `Registry`.
"""
