"""Package Aduan for AWS: `chalice package` with our merge template, run in the Lambda's Python.

    python deploy/package.py [--stage dev|prod] OUT      # OUT/sam.json + OUT/deployment.zip
    python deploy/package.py --write-table               # deploy/resources.json's table from the code

What it adds to a bare `chalice package` (docs/deploy-aws.md):

* Chalice takes the Lambda runtime from the Python it runs in, so it runs in `.venv-lambda`
  (Python 3.12, `make lambda`): the runtime becomes python3.12 and the compiled wheels
  (pillow, cryptography) are the cp312 manylinux ones.
* The site's sources (pelicanconf.py, content/, theme/, plugins/aduan_site/) are copied into
  functions/vendor/, which Chalice puts at the root of the package: on Lambda they are in
  /var/task beside app.py, laid out as in the repository, so Pelican's relative settings hold.
* The merge template (deploy/resources.json) adds the table, buckets, queues and parameters;
  its table must be the one `dynamo_store.table_definition` describes (checked here).
* Chalice unpacks wheels without their file modes, so Pagefind's binary arrives not executable;
  every ELF executable in the package gets its mode 0755 back.
* The package's size is measured against Lambda's limit of 250 MB unzipped.
"""

from __future__ import annotations

import argparse
import fcntl
import filecmp
import json
import os
import shutil
import struct
import subprocess
import sys
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
FUNCTIONS = REPO / "functions"
VENDOR = FUNCTIONS / "vendor"
RESOURCES = REPO / "deploy" / "resources.json"
LAMBDA_CHALICE = REPO / ".venv-lambda" / "bin" / "chalice"

# What a site build reads besides the code, as laid out in the repository. The plugin finds the
# public codes at ../../functions/chalicelib/ from itself (labels.py), so that file comes too.
SITE_SOURCES = (
    "pelicanconf.py",
    "publishconf.py",
    "content",
    "theme",
    "plugins/aduan_site",
    "functions/chalicelib/public_codes.json",
)
SKIPPED = ("__pycache__", ".pyc", ".DS_Store")

LAMBDA_LIMIT = 262_144_000  # bytes unzipped, function code and layers together (Lambda quotas)
EXECUTABLE = 0o100755

# CloudFormation spells a few settings of CreateTable differently.
TABLE_ONLY_IN_API = ("TableName",)


@dataclass
class Package:
    """What `package` made and what it measured."""

    template: Path
    archive: Path
    zipped: int
    unzipped: int
    files: int
    largest: list[tuple[str, int]]
    executables: list[str] = field(default_factory=list)

    def summary(self) -> str:
        mb = 1_000_000
        lines = [
            f"template {self.template}",
            f"package  {self.archive}: {self.zipped / mb:.1f} MB zipped, {self.unzipped / mb:.1f} MB unzipped"
            f" ({self.unzipped / LAMBDA_LIMIT:.0%} of Lambda's 250 MB), {self.files} files",
            "largest: " + ", ".join(f"{name} {size / mb:.1f} MB" for name, size in self.largest),
            "made executable: " + (", ".join(self.executables) or "nothing"),
        ]
        return "\n".join(lines)


class PackagingError(Exception):
    pass


# -- the site's sources --------------------------------------------------------------------------


def _source_files() -> dict[str, Path]:
    files: dict[str, Path] = {}
    for source in SITE_SOURCES:
        path = REPO / source
        if path.is_file():
            files[source] = path
            continue
        for item in sorted(path.rglob("*")):
            if item.is_file() and not any(part in SKIPPED or part.endswith(SKIPPED) for part in item.parts):
                files[item.relative_to(REPO).as_posix()] = item
    return files


def stage_site_sources(vendor: Path = VENDOR) -> int:
    """Mirror the site's sources into `vendor` (only what differs is written, so Chalice's cache,
    keyed by a hash of vendor/'s content, holds while they do not change). Returns files written."""
    wanted = _source_files()
    written = 0
    for relpath, source in wanted.items():
        target = vendor / relpath
        if target.is_file() and filecmp.cmp(source, target, shallow=False):
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
        written += 1
    if vendor.exists():
        for item in sorted(vendor.rglob("*"), reverse=True):
            relpath = item.relative_to(vendor).as_posix()
            if item.is_file() and relpath not in wanted:
                item.unlink()
            elif item.is_dir() and not any(item.iterdir()):
                item.rmdir()
    return written


# -- the table -----------------------------------------------------------------------------------


def table_properties(definition: dict[str, Any]) -> dict[str, Any]:
    """CloudFormation's properties for a CreateTable request (dynamo_store.table_definition)."""
    properties = {k: v for k, v in definition.items() if k not in TABLE_ONLY_IN_API}
    stream = dict(properties.get("StreamSpecification") or {})
    if stream:
        stream.pop("StreamEnabled", None)  # CloudFormation: a view type means enabled
        properties["StreamSpecification"] = stream
    return properties


def code_table() -> dict[str, Any]:
    sys.path.insert(0, str(FUNCTIONS))
    try:
        from chalicelib.dynamo_store import table_definition  # noqa: PLC0415 - the code's own truth
    finally:
        sys.path.remove(str(FUNCTIONS))
    return table_properties(table_definition("unused"))


def table_drift(resources: dict[str, Any]) -> list[str]:
    """How the merge template's table differs from the one the code creates (empty: none)."""
    declared = resources["Resources"]["PrivateTable"]["Properties"]
    return [
        f"{key}: template has {declared.get(key)!r}, the code {value!r}"
        for key, value in code_table().items()
        if declared.get(key) != value
    ]


def write_table(path: Path = RESOURCES) -> None:
    resources = json.loads(path.read_text(encoding="utf-8"))
    resources["Resources"]["PrivateTable"]["Properties"].update(code_table())
    path.write_text(json.dumps(resources, indent=2) + "\n", encoding="utf-8")


# -- the package ---------------------------------------------------------------------------------


def _elf_executables(archive: zipfile.ZipFile) -> list[str]:
    found = []
    for info in archive.infolist():
        if info.is_dir() or ".so" in info.filename.rsplit("/", 1)[-1] or info.file_size < 4:
            continue
        with archive.open(info) as member:
            if member.read(4) == b"\x7fELF":
                found.append(info.filename)
    return found


def set_modes(path: Path, names: set[str], mode: int = EXECUTABLE) -> None:
    """Set the Unix mode of `names` in the zip's central directory, in place (the data and its
    checksums are untouched; Lambda applies these modes when it unpacks the package)."""
    with zipfile.ZipFile(path) as archive:
        start, count = archive.start_dir, len(archive.infolist())  # type: ignore[attr-defined]
    with path.open("r+b") as raw:
        raw.seek(start)
        offset = start
        for _ in range(count):
            header = raw.read(46)
            if header[:4] != b"PK\x01\x02":
                raise PackagingError(f"{path}: unexpected central directory at {offset}")
            name_len, extra_len, comment_len = struct.unpack("<HHH", header[28:34])
            name = raw.read(name_len).decode("utf-8")
            if name in names:
                made_by = struct.unpack("<H", header[4:6])[0]
                raw.seek(offset + 4)
                raw.write(struct.pack("<H", (3 << 8) | (made_by & 0xFF)))  # 3: Unix, so modes count
                raw.seek(offset + 38)
                raw.write(struct.pack("<I", mode << 16))
            offset += 46 + name_len + extra_len + comment_len
            raw.seek(offset)


def measure(path: Path, executables: list[str]) -> Package:
    with zipfile.ZipFile(path) as archive:
        infos = archive.infolist()
    sizes: Counter[str] = Counter()
    for info in infos:
        sizes[info.filename.split("/", 1)[0]] += info.file_size
    return Package(
        template=path.parent / "sam.json",
        archive=path,
        zipped=path.stat().st_size,
        unzipped=sum(i.file_size for i in infos),
        files=len(infos),
        largest=sizes.most_common(8),
        executables=executables,
    )


def package(out: Path, stage: str = "prod", chalice: Path = LAMBDA_CHALICE) -> Package:
    """`chalice package --stage STAGE --merge-template deploy/resources.json OUT`, then the fixes above."""
    drift = table_drift(json.loads(RESOURCES.read_text(encoding="utf-8")))
    if drift:
        raise PackagingError(
            "deploy/resources.json's table is not the code's (python deploy/package.py --write-table): "
            + "; ".join(drift)
        )
    if not chalice.exists():
        raise PackagingError(f"{chalice} is missing: `make lambda` makes the Python 3.12 environment")
    # One packaging at a time (two test workers, two terminals): vendor/ and Chalice's cached
    # package in functions/.chalice/deployments are shared, and Chalice writes that zip in place.
    lock_path = FUNCTIONS / ".chalice" / "deployments" / ".package.lock"
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    with lock_path.open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        return _package_locked(Path(out), stage, chalice)


def _drop_bytecode(root: Path = FUNCTIONS) -> None:
    """Remove the bytecode caches Python left beside our sources (any run without
    PYTHONDONTWRITEBYTECODE writes them): Chalice packs `chalicelib/` whole, and pyc files made
    by this machine's Python are dead weight, or wrong, on Lambda's."""
    for cache in sorted(root.glob("chalicelib/**/__pycache__")) + sorted(root.glob("__pycache__")):
        shutil.rmtree(cache, ignore_errors=True)


def _package_locked(out: Path, stage: str, chalice: Path) -> Package:
    stage_site_sources()
    _drop_bytecode()
    out = out.resolve()
    try:
        _chalice_package(out, stage, chalice)
        zipfile.ZipFile(out / "deployment.zip").close()
    except zipfile.BadZipFile:
        # A packaging killed while Chalice wrote its cached zip leaves it cut short, and Chalice
        # would reuse it forever: drop the cache and package again.
        for cached in (FUNCTIONS / ".chalice" / "deployments").glob("*.zip"):
            cached.unlink()
        _chalice_package(out, stage, chalice)
    archive = out / "deployment.zip"
    with zipfile.ZipFile(archive) as opened:
        executables = _elf_executables(opened)
    set_modes(archive, set(executables))
    result = measure(archive, executables)
    if result.unzipped > LAMBDA_LIMIT:
        raise PackagingError(f"{result.summary()}\nover Lambda's 250 MB: use the container image (docs/deploy-aws.md)")
    return result


def _chalice_package(out: Path, stage: str, chalice: Path) -> None:
    # chalice package talks to no AWS service, but botocore wants a region and credentials.
    env = {"AWS_DEFAULT_REGION": "ap-southeast-3", "AWS_ACCESS_KEY_ID": "packaging", "AWS_SECRET_ACCESS_KEY": "-"}
    env.update(os.environ)
    done = subprocess.run(
        [str(chalice), "package", "--stage", stage, "--merge-template", str(RESOURCES), str(out)],
        cwd=FUNCTIONS,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise PackagingError(f"chalice package failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", nargs="?", type=Path, help="directory for sam.json and deployment.zip")
    parser.add_argument("--stage", default="prod", help="a stage of functions/.chalice/config.json (dev, prod)")
    parser.add_argument("--chalice", type=Path, default=LAMBDA_CHALICE, help="the chalice command to run")
    parser.add_argument("--write-table", action="store_true", help="write the code's table into resources.json")
    args = parser.parse_args(argv)
    if args.write_table:
        write_table()
        return 0
    if args.out is None:
        parser.error("OUT is required")
    try:
        print(package(args.out, args.stage, args.chalice).summary())
    except PackagingError as error:
        print(error, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
