"""Plain functions behind the guide's MkDocs hooks.

Nothing in this package imports MkDocs: it takes data and returns Markdown, so it
can be unit-tested directly and would survive a move to another generator.
"""
