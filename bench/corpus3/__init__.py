"""Data and machinery behind bench/redaction_corpus3.py, the third redaction evaluation corpus.

The corpus was written without reading the redactor or the first two corpora (issue 11). Its
modules: `split` (the fixed hash that halves every list), `names` (person names by naming
tradition), `places` (regions and the public names that must survive), `identifiers`
(structured identifiers and public numbers), `templates` (texts by style family) and `fill`
(turns a template into a labelled sample).
"""
