"""The transparency log of the public history: an RFC 6962 Merkle log published as C2SP tiles.

Every public update (each entry of a public record's timeline) becomes one log entry
(`entry.py`); entries are hashed into a Merkle tree (`merkle.py`) whose hashes are served as
static tiles (`tiles.py`) next to a checkpoint (`checkpoint.py`) signed as a C2SP signed note
with Ed25519 (`note.py`). `state.py` keeps the log's own state under ADUAN_DATA/log/;
`publication.py` is one build's turn (what it appends, the files, the commit after the site is
written) and `recovery.py` takes back what an interrupted build already published. `verify.py`
checks a published log from the outside, as `aduan log verify` does. Nothing here imports
Pelican: the site plugin (plugins/aduan_site/transparency.py) drives it. docs/transparency-log.md
is the reference for people.
"""
