"""The start cache: what the redactor works out at import, kept on disk for the next process.

Importing the redactor compiled about 160 regular expressions (some of them alternations of
hundreds of public phrases), parsed some of them again for the prefixes of ``document._Scan`` and
read its word lists into frozensets: about half a second that every new process paid before its
first text, every one-change ``aduan build`` among them. None of it depends on anything but its
inputs, so it is worked out once and kept in one file per Python build:

* compiled patterns: for each (pattern, flags) the code that ``re``'s compiler makes of it. At the
  next start, ``re``'s own cache is filled with patterns made from that code (``_sre.compile``,
  what ``re`` calls after its compiler), so ``re.compile`` in the detectors' modules finds them
  there. Only code that makes a pattern equal (``==`` compares the code) to the one ``re`` compiled
  itself is kept, and the key holds the Python version and the regex engine's magic number.
* anything else keyed by the exact bytes it is made from (``remembered``): the lexicon (its data
  files and the code that reads them), the prefixes of each scanned pattern (the pattern and
  ``document.py``).

One file per version of the redactor (its code, word lists and region files, known by their sizes and
modification times): a process reads only what its own version needs, not the lexicons of every
version it has met (a shared home, several checkouts: megabytes, a third of the import). The name only
picks the file; what is in it is still keyed by the exact inputs, so a file picked wrongly costs work,
never a wrong answer. A file no process has read for 30 days is deleted when another is written.

The cache is an optimisation only: a file that is missing, stale, unreadable or unwritable is
ignored and the work is done as before. ``ADUAN_CACHE`` names its directory (default
``$XDG_CACHE_HOME/aduan`` or ``~/.cache/aduan``); ``ADUAN_CACHE=off`` turns it off.
"""

from __future__ import annotations

import _sre  # type: ignore[import-not-found]
import array
import hashlib
import marshal
import os
import re
import sys
import time
import unicodedata
from collections.abc import Callable, Iterable
from pathlib import Path
from re import _compiler as re_compiler  # type: ignore[attr-defined]
from re import _parser as re_parser  # type: ignore[attr-defined]
from typing import Any, TypeVar

_T = TypeVar("_T")

# Everything the compiled code of a pattern depends on besides the pattern and its flags.
_ENGINE = f"{sys.version}|{sys.implementation.cache_tag}|{_sre.MAGIC}|{_sre.CODESIZE}|{unicodedata.unidata_version}"
_FORMAT = 1  # bump when the layout of the file changes
# the array type of the regex engine's code words (_sre.CODESIZE bytes each)
_CODE_TYPE = next(t for t in "HILQ" if array.array(t).itemsize == _sre.CODESIZE)
_MAX_ENTRIES = 4096  # a bound on what is kept, whatever imports the redactor in-between
# A remembered value no process has asked for in this long is dropped when the file is next written: an
# edit of the word lists makes a new lexicon (megabytes) under a new key, and the old one would stay.
_UNUSED_FOR = 30 * 86400
_MAX_VERSIONS = 16  # files of other versions kept beside the current one, at most (one each: ~0.7 MB)
_TOUCH_EVERY = 86400  # a value's last use is written again at most once a day (not at every start)
_now = time.time  # the clock, for tests


def directory() -> Path | None:
    """Where the start cache lives, or None when it is turned off."""
    chosen = os.environ.get("ADUAN_CACHE", "")
    if chosen.lower() in ("off", "0", "no", "false"):
        return None
    if chosen:
        return Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "aduan"


# What the redactor is made of: its modules, the word lists and the region files (chalicelib/*)
_SOURCES = tuple(Path(__file__).resolve().parent.parent / part for part in ("redaction", "data", "regions"))


def _version() -> str:
    """The redactor's version, from the size and modification time of every file it is made of: a
    few dozen ``stat`` calls, where reading and hashing them would cost more than the cache saves."""
    h = hashlib.sha1()
    for folder in _SOURCES:
        try:
            entries = sorted((e.name, e.stat()) for e in os.scandir(folder) if e.is_file())
        except OSError:
            continue
        for name, stat in entries:
            h.update(f"{folder.name}/{name}|{stat.st_size}|{stat.st_mtime_ns}\n".encode())
    return h.hexdigest()[:12]


def _file() -> Path | None:
    where = directory()
    if where is None:
        return None
    tag = hashlib.sha1(f"{_FORMAT}|{_ENGINE}".encode()).hexdigest()[:16]
    return where / f"redaction-{tag}-{_version()}.marshal"


def _prune(keep: Path) -> None:
    """Delete the other versions' files that no process has read for _UNUSED_FOR seconds, and the least
    recently read beyond _MAX_VERSIONS (a developer's edits make a new version each)."""
    stale = _now() - _UNUSED_FOR
    others = []
    for other in keep.parent.glob("redaction-*.marshal"):
        try:
            if other != keep:
                others.append((other.stat().st_mtime, other))
        except OSError:
            continue  # deleted by another process meanwhile
    others.sort(reverse=True)
    for k, (read, other) in enumerate(others):
        if read < stale or k >= _MAX_VERSIONS:
            try:
                other.unlink()
            except OSError:
                continue  # deleted meanwhile, or not ours to delete


def digest(parts: Iterable[bytes | str]) -> str:
    """A key made of the exact inputs of a piece of work."""
    h = hashlib.sha1()
    for part in parts:
        data = part.encode() if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.hexdigest()


class _Store:
    """The file's contents: compiled patterns and remembered values, and whether they grew."""

    def __init__(self) -> None:
        self.patterns: dict[tuple[str | bytes, int], tuple[Any, ...]] = {}
        self.values: dict[str, Any] = {}
        self.used: dict[str, float] = {}  # when each value was last asked for (seconds since the epoch)
        self.loaded = False
        self.changed = False

    def load(self) -> None:
        if self.loaded:
            return
        self.loaded = True
        path = _file()
        if path is None:
            return
        try:
            data = marshal.loads(path.read_bytes())
            if _now() - path.stat().st_mtime > _TOUCH_EVERY:
                os.utime(path)  # read: see _prune (at most once a day, not at every start)
        except (OSError, EOFError, ValueError, TypeError):
            return  # missing or damaged: start afresh, and write a whole new file at the end
        if isinstance(data, dict) and data.get("engine") == _ENGINE:
            self.patterns = data.get("patterns", {})
            self.values = data.get("values", {})
            self.used = data.get("used", {})

    def save(self) -> None:
        path = _file()
        if path is None or not self.changed:
            return
        self.changed = False
        if len(self.patterns) > _MAX_ENTRIES:
            self.patterns = dict(list(self.patterns.items())[-_MAX_ENTRIES:])
        stale = _now() - _UNUSED_FOR  # a value kept by a file without use times counts as used now
        self.values = {k: v for k, v in self.values.items() if self.used.setdefault(k, _now()) >= stale}
        if len(self.values) > _MAX_ENTRIES:
            self.values = dict(list(self.values.items())[-_MAX_ENTRIES:])
        self.used = {k: self.used[k] for k in self.values}
        try:
            data = marshal.dumps(
                {"engine": _ENGINE, "patterns": self.patterns, "values": self.values, "used": self.used}
            )
        except ValueError:
            return  # a remembered value marshal cannot keep: a bug of its caller, but no reason to fail
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            # written whole then renamed: a reader never sees half a file, and writers do not mix
            part = path.with_name(f"{path.name}.{os.getpid()}.part")
            part.write_bytes(data)
            os.replace(part, path)
            _prune(path)
        except OSError:
            return  # a read-only home (Lambda): the next process works it out again


_STORE = _Store()


def remembered(key: str, work: Callable[[], _T]) -> _T:
    """``work()``, or what it returned the last time for the same key. The key must be made (``digest``)
    of everything the result depends on, and the result must be a value ``marshal`` keeps (strings,
    numbers, tuples, lists, dicts, sets, frozensets)."""
    _STORE.load()
    now = _now()
    if key in _STORE.values:
        if now - _STORE.used.get(key, 0.0) > _TOUCH_EVERY:
            _STORE.used[key] = now
            _STORE.changed = True
        return _STORE.values[key]  # type: ignore[no-any-return]
    value = work()
    _STORE.values[key] = value
    _STORE.used[key] = now
    _STORE.changed = True
    return value


def remembered_pattern(inputs: Iterable[bytes | str], build: Callable[[], re.Pattern[str]]) -> re.Pattern[str]:
    """``build()``, a pattern whose text is made in Python from many words (a trie of a thousand public
    phrases: a tenth of the import), made once: its text and flags are remembered by the digest of
    `inputs` (the builder's code and the words), and compiled again from re's cache (see fill_patterns).
    The flags are kept as the builder gave them (without the re.UNICODE that re adds to a text pattern),
    so that re's cache knows the pattern by the same key."""
    source, flags = remembered("pattern:" + digest(inputs), lambda: _text_and_flags(build()))
    return re.compile(source, flags)


def _text_and_flags(pattern: re.Pattern[str]) -> tuple[str, int]:
    return pattern.pattern, int(pattern.flags) & ~int(re.UNICODE)  # ints: marshal keeps no RegexFlag


def _re_cache() -> dict[Any, Any] | None:
    cache = getattr(re, "_cache", None)
    return cache if isinstance(cache, dict) else None


def _code(pattern: str | bytes, flags: int) -> tuple[Any, ...]:
    """What ``re._compiler.compile`` passes to ``_sre.compile`` for this pattern (CPython 3.11-3.13)."""
    parsed = re_parser.parse(pattern, flags)
    code = re_compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    # the code as bytes: marshal reads a list of a hundred thousand ints about fifty times slower
    packed = array.array(_CODE_TYPE, code).tobytes()
    return (int(flags | parsed.state.flags), packed, parsed.state.groups - 1, groupindex, tuple(indexgroup))


def _compiled(pattern: str | bytes, entry: tuple[Any, ...]) -> re.Pattern[Any]:
    flags, packed, groups, groupindex, indexgroup = entry
    code = array.array(_CODE_TYPE, packed).tolist()
    return _sre.compile(pattern, flags, code, groups, groupindex, indexgroup)  # type: ignore[no-any-return]


def _writable() -> bool:
    """Whether the cache's file can be written: otherwise nothing is worked out for it (on Lambda the
    home directory is read-only, and checking the code of every pattern would only slow a cold start)."""
    where = directory()
    if where is None:
        return False
    try:
        where.mkdir(parents=True, exist_ok=True)
    except OSError:
        return False
    return os.access(where, os.W_OK)


def fill_patterns() -> set[Any] | None:
    """Put the kept compiled patterns into ``re``'s cache; the keys it held then, for ``keep_patterns``
    (None when nothing new can be kept)."""
    cache = _re_cache()
    if cache is None or directory() is None:
        return None
    _STORE.load()
    before = set(cache)
    for (pattern, flags), entry in _STORE.patterns.items():
        key = (type(pattern), pattern, flags)
        if key not in cache:
            try:
                cache[key] = _compiled(pattern, entry)
            except (RuntimeError, TypeError, ValueError, OverflowError):
                continue  # code the engine refuses ("invalid SRE code"): re compiles it afresh
    return before if _writable() else None


def keep_patterns(before: set[Any] | None) -> None:
    """Keep the code of the patterns compiled since ``fill_patterns``, each checked equal to re's own."""
    cache = _re_cache()
    if cache is None or before is None:
        return
    for key in [k for k in cache if k not in before]:
        if len(key) != 3 or key[0] not in (str, bytes) or (key[1], key[2]) in _STORE.patterns:
            continue
        try:
            entry = _code(key[1], key[2])
            if _compiled(key[1], entry) != cache[key]:
                continue  # another Python's compiler: keep nothing rather than something different
        except Exception:  # noqa: BLE001 - a private API that moved: the cache is only an optimisation
            return
        _STORE.patterns[(key[1], key[2])] = entry
        _STORE.changed = True


def save() -> None:
    """Write what was worked out in this process and not yet kept."""
    _STORE.save()
