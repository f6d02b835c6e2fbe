"""The web app: server-rendered pages over the same Python APIs the CLI uses.

Nothing is built at import time; ``tradeoff.web.app.create_app`` builds an app for one
workspace.
"""
