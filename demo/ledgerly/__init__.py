"""The Ledgerly demo world: a fictional business-banking company whose exports feed Tradeoff's
demo. ``demo/generate.py`` drives it; each module builds one part of the world (people and
accounts, deals, tickets, voice-of-customer files, metrics) or writes one vendor's format.
"""
