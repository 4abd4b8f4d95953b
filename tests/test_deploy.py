"""The deployment (issue 9, docs/deploy-aws.md): `chalice package` run by deploy/package.py in the
Lambda's Python makes a template that cfn-lint accepts, whose IAM policies make the privacy
boundary physical, and a package that really builds the site under that Python.

Slow the first time (Chalice downloads every wheel for the Lambda platform, about a minute);
after that Chalice reuses its package until the requirements, app code or site sources change.
Needs `.venv-lambda` (`make lambda`); without it these tests fail rather than skip.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from chalicelib import aws

pytestmark = pytest.mark.package

REPO = Path(__file__).resolve().parents[1]
FUNCTIONS = ("APIHandler", "PublishChanges", "BuildSite", "AutoClose")
REGION = "ap-southeast-3"  # Jakarta: where a deployment for Indonesia lives

# Which parts of the code (aws.IAM_ACTIONS) each function runs. A part that is not in
# IAM_ACTIONS yet is skipped; the ones that are must be granted.
USES = {
    "APIHandler": ("store", "photos", "announce", "published"),
    "PublishChanges": ("store", "lock", "sync", "announce"),
    "BuildSite": ("sync", "signing key"),
    "AutoClose": ("store", "announce"),
}
WRITES = {"s3:PutObject", "s3:DeleteObject"}
INTRINSICS = {"Ref", "Condition"} | {
    f"Fn::{name}"
    for name in ("Sub", "GetAtt", "Join", "If", "Select", "Split", "FindInMap", "ImportValue", "Base64", "GetAZs")
}


def _load_packager() -> Any:
    spec = importlib.util.spec_from_file_location("deploy_package", REPO / "deploy" / "package.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["deploy_package"] = module
    spec.loader.exec_module(module)
    return module


packager = _load_packager()


@pytest.fixture(scope="module")
def packaged(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Both stages packaged (the second reuses the first's package: stages differ in the template)."""
    out = tmp_path_factory.mktemp("package")
    return {stage: packager.package(out / stage, stage) for stage in ("prod", "dev")}


@pytest.fixture(scope="module")
def template(packaged: dict[str, Any]) -> dict[str, Any]:
    return dict(json.loads(packaged["prod"].template.read_text(encoding="utf-8")))


def resources(template: dict[str, Any]) -> dict[str, Any]:
    return dict(template["Resources"])


def role_of(template: dict[str, Any], function: str) -> str:
    role = resources(template)[function]["Properties"]["Role"]
    assert set(role) == {"Fn::GetAtt"}, role
    return str(role["Fn::GetAtt"][0])


def grants(template: dict[str, Any], function: str, effect: str = "Allow") -> list[tuple[str, str]]:
    """(action, resource) pairs of `function`'s role, each resource as the text CloudFormation
    will substitute (`${SiteBucket.Arn}/dataset/*`)."""
    role = resources(template)[role_of(template, function)]
    pairs = []
    for policy in role["Properties"]["Policies"]:
        for statement in policy["PolicyDocument"]["Statement"]:
            if statement["Effect"] != effect:
                continue
            actions = statement["Action"] if isinstance(statement["Action"], list) else [statement["Action"]]
            targets = statement["Resource"] if isinstance(statement["Resource"], list) else [statement["Resource"]]
            for target in targets:
                text = target["Fn::Sub"] if isinstance(target, dict) else target
                pairs.extend((action, text) for action in actions)
    return pairs


def _walk(node: Any) -> Iterator[Any]:
    yield node
    if isinstance(node, dict):
        for value in node.values():
            yield from _walk(value)
    elif isinstance(node, list):
        for value in node:
            yield from _walk(value)


# -- the template is valid -----------------------------------------------------------------------


def test_cfn_lint_accepts_both_stages_and_refuses_a_broken_template(packaged: dict[str, Any], tmp_path: Path) -> None:
    broken = json.loads(packaged["prod"].template.read_text(encoding="utf-8"))
    broken["Resources"]["SiteBucketPolicy"]["Properties"]["Bucket"] = {"Ref": "NoSuchBucket"}
    broken["Resources"]["BuildSite"]["Properties"]["Runtime"] = "python2.7"
    broken_path = tmp_path / "broken.json"
    broken_path.write_text(json.dumps(broken), encoding="utf-8")
    templates = [packaged["prod"].template, packaged["dev"].template, broken_path]
    done = subprocess.run(
        [str(Path(sys.executable).parent / "cfn-lint"), "--format", "parseable", "--regions", REGION, "--"]
        + [str(t) for t in templates],
        capture_output=True,
        text=True,
        check=False,
    )
    findings = [line for line in done.stdout.splitlines() if line.strip()]
    assert not [f for f in findings if not f.startswith(str(broken_path))], done.stdout + done.stderr
    # The lint is not vacuous: the broken copy's dangling reference and dead runtime are errors.
    # (A dangling reference inside a SAM event source goes unseen: cfn-lint checks the transformed
    # template, hence test_queue_consumers_may_receive_only_from_their_own_queue.)
    rules = {f.split(":")[5] for f in findings}
    assert {"E1020", "E2533"} <= rules, done.stdout  # Ref to no resource; a runtime Lambda refuses
    assert done.returncode != 0


def test_every_function_runs_a_supported_python_on_x86(template: dict[str, Any]) -> None:
    for function in FUNCTIONS:
        properties = resources(template)[function]["Properties"]
        assert properties["Runtime"] in ("python3.12", "python3.13"), function
        assert properties["Architectures"] == ["x86_64"]  # pagefind_bin's wheel is x86_64


def test_no_merged_value_carries_two_intrinsics(template: dict[str, Any]) -> None:
    """Chalice merges deploy/resources.json key by key: overriding its `Fn::Sub` with a
    `Fn::GetAtt` would leave both in one value, which CloudFormation refuses."""
    for node in _walk(template):
        if isinstance(node, dict):
            assert len(INTRINSICS & set(node)) <= 1, node


# -- the privacy boundary ------------------------------------------------------------------------


def test_each_function_has_a_role_of_its_own_written_by_hand(template: dict[str, Any]) -> None:
    roles = {function: role_of(template, function) for function in FUNCTIONS}
    assert len(set(roles.values())) == len(FUNCTIONS), roles
    assert "DefaultRole" not in resources(template)  # nothing from Chalice's policy generator
    for function in FUNCTIONS:
        for action, resource in grants(template, function):
            assert "*" not in action, (function, action)
            assert resource != "*", (function, action)


def test_build_site_reaches_neither_the_private_table_nor_the_private_bucket(template: dict[str, Any]) -> None:
    pairs = grants(template, "BuildSite")
    assert pairs
    for action, resource in pairs:
        assert not action.startswith("dynamodb:"), action
        assert "Private" not in resource and "${Prefix}private" not in resource, (action, resource)
        assert resource.startswith(("${SiteBucket.Arn}", "${BuildQueue.Arn}", "arn:${AWS::Partition}:")) or (
            resource == "${PublishQueue.Arn}" and action in ("sqs:GetQueueUrl", "sqs:SendMessage")
        ), resource  # it tells the publisher that a build succeeded (a message with no data)
    environment = resources(template)["BuildSite"]["Properties"]["Environment"]["Variables"]
    assert "ADUAN_PRIVATE_BUCKET" not in environment
    # ... and it may not overwrite the public dataset, which only the publisher writes.
    denied = {(a, r) for a, r in grants(template, "BuildSite", "Deny")}
    assert ("s3:PutObject", "${SiteBucket.Arn}/dataset/*") in denied


def test_the_api_reads_only_published_records_and_auto_close_nothing_of_the_site_bucket(
    template: dict[str, Any],
) -> None:
    for action, resource in grants(template, "AutoClose"):
        assert "SiteBucket" not in resource, ("AutoClose", action, resource)
    # The API reads records as published (what passed the gate) and nothing else of the site.
    site = {(a, r) for a, r in grants(template, "APIHandler") if "SiteBucket" in r}
    assert site == {("s3:GetObject", "${SiteBucket.Arn}/_build/records/reports/*")}
    photos = {r for a, r in grants(template, "APIHandler") if a.startswith("s3:") and "PrivateBucket" in r}
    assert photos == {"${PrivateBucket.Arn}/attachments/*"}


def test_the_publisher_writes_only_the_dataset_into_the_site_bucket(template: dict[str, Any]) -> None:
    site_writes = {r for a, r in grants(template, "PublishChanges") if a in WRITES and "SiteBucket" in r}
    assert site_writes == {"${SiteBucket.Arn}/dataset/*", "${SiteBucket.Arn}/_build/index/dataset.json"}
    # It reads which journal entry the last successful build read, to acknowledge those events.
    assert ("s3:GetObject", "${SiteBucket.Arn}/_build/built.json") in grants(template, "PublishChanges")
    private = {r for a, r in grants(template, "PublishChanges") if a in WRITES and "PrivateBucket" in r}
    assert private == {"${PrivateBucket.Arn}/state/*"}


def test_only_build_site_reads_the_log_signing_key(template: dict[str, Any]) -> None:
    readers = {f for f in FUNCTIONS if any(a.startswith("ssm:") for a, _ in grants(template, f))}
    assert readers == {"BuildSite"}
    (key,) = {r for a, r in grants(template, "BuildSite") if a == "ssm:GetParameter"}
    assert key.endswith(":parameter/${Prefix}log-signing-key")


def test_each_function_may_make_the_calls_its_code_makes(template: dict[str, Any]) -> None:
    for function, parts in USES.items():
        granted = {a for a, _ in grants(template, function)}
        for part in parts:
            missing = set(aws.IAM_ACTIONS.get(part, ())) - granted
            assert not missing, (function, part, missing)


def test_queue_consumers_may_receive_only_from_their_own_queue(template: dict[str, Any]) -> None:
    own = {"PublishChanges": "${PublishQueue.Arn}", "BuildSite": "${BuildQueue.Arn}"}
    for function in FUNCTIONS:
        queues = {r for a, r in grants(template, function) if a == "sqs:ReceiveMessage"}
        assert queues == ({own[function]} if function in own else set()), function
        source = next(iter(resources(template)[function]["Properties"].get("Events", {}).values()), None)
        if function in own:
            assert source["Properties"]["Queue"] == {"Fn::Sub": own[function]}


# -- the resources -------------------------------------------------------------------------------


def test_the_table_is_the_one_the_code_creates(template: dict[str, Any]) -> None:
    table = resources(template)["PrivateTable"]
    assert packager.table_drift(template) == []
    assert table["Properties"]["StreamSpecification"]["StreamViewType"]
    assert table["Properties"]["TimeToLiveSpecification"] == {"AttributeName": "expires", "Enabled": True}
    assert table["Properties"]["TableName"] == {"Fn::Sub": "${Prefix}private"}
    assert table["DeletionPolicy"] == "Retain"


def test_the_private_bucket_is_blocked_and_encrypted_and_the_site_bucket_is_a_public_website(
    template: dict[str, Any],
) -> None:
    private = resources(template)["PrivateBucket"]["Properties"]
    assert all(private["PublicAccessBlockConfiguration"].values())
    assert private["BucketEncryption"]["ServerSideEncryptionConfiguration"][0]["ServerSideEncryptionByDefault"]
    site = resources(template)["SiteBucket"]["Properties"]
    assert site["WebsiteConfiguration"]["IndexDocument"] == "index.html"
    (statement,) = resources(template)["SiteBucketPolicy"]["Properties"]["PolicyDocument"]["Statement"]
    assert (statement["Effect"], statement["Principal"], statement["Action"]) == ("Allow", "*", "s3:GetObject")
    assert statement["Resource"] == {"Fn::Sub": "${SiteBucket.Arn}/*"}
    public = [
        s
        for s in resources(template)["PrivateBucketPolicy"]["Properties"]["PolicyDocument"]["Statement"]
        if s["Effect"] == "Allow"
    ]
    assert public == []


def test_queues_have_dead_letters_and_outlast_their_functions(template: dict[str, Any]) -> None:
    for queue, function in (("PublishQueue", "PublishChanges"), ("BuildQueue", "BuildSite")):
        properties = resources(template)[queue]["Properties"]
        dead = properties["RedrivePolicy"]["deadLetterTargetArn"]["Fn::GetAtt"][0]
        assert resources(template)[dead]["Type"] == "AWS::SQS::Queue"
        timeout = resources(template)[function]["Properties"]["Timeout"]
        # Lambda refuses an event source whose visibility timeout is shorter than the function's.
        assert properties["VisibilityTimeout"] >= 6 * timeout, queue
        assert resources(template)[function]["Properties"]["ReservedConcurrentExecutions"] == 1


def test_a_message_in_a_dead_letter_queue_raises_an_alarm(template: dict[str, Any]) -> None:
    alarms = [r["Properties"] for r in resources(template).values() if r["Type"] == "AWS::CloudWatch::Alarm"]
    for queue in ("PublishDeadLetterQueue", "BuildDeadLetterQueue"):
        (alarm,) = [a for a in alarms if a["Dimensions"][0]["Value"] == {"Fn::GetAtt": [queue, "QueueName"]}]
        assert (alarm["MetricName"], alarm["ComparisonOperator"], alarm["Threshold"]) == (
            "ApproximateNumberOfMessagesVisible",
            "GreaterThanThreshold",
            0,
        )
        assert alarm["AlarmActions"] == [{"Ref": "AlarmTopic"}]


def test_auto_close_runs_daily_at_five_past_midnight_wib(template: dict[str, Any]) -> None:
    (event,) = resources(template)["AutoClose"]["Properties"]["Events"].values()
    assert event == {"Type": "Schedule", "Properties": {"Schedule": "cron(5 17 * * ? *)"}}


def test_stages_share_the_shape_and_differ_in_settings(packaged: dict[str, Any]) -> None:
    stages = {s: json.loads(p.template.read_text(encoding="utf-8")) for s, p in packaged.items()}
    assert set(resources(stages["dev"])) == set(resources(stages["prod"]))
    for name, template in stages.items():
        for function in FUNCTIONS:
            variables = resources(template)[function]["Properties"]["Environment"]["Variables"]
            assert variables["ADUAN_BACKEND"] == "aws"
            assert variables["ADUAN_TABLE_PREFIX"] == {"Ref": "Prefix"}, (name, function)
            assert variables["ADUAN_DATA"].startswith("/tmp/")  # the only writable place on Lambda
    retention = {s: resources(t)["ApiHandlerLogGroup"]["Properties"]["RetentionInDays"] for s, t in stages.items()}
    assert retention == {"dev": 14, "prod": 90}


# -- the package ---------------------------------------------------------------------------------


def test_the_package_holds_the_site_build_within_lambdas_limit(packaged: dict[str, Any]) -> None:
    package = packaged["prod"]
    assert package.unzipped < packager.LAMBDA_LIMIT
    with zipfile.ZipFile(package.archive) as archive:
        names = set(archive.namelist())
        mode = archive.getinfo("pagefind_bin/pagefind").external_attr >> 16
    for path in (
        "app.py",
        "chalicelib/events.py",
        "pelicanconf.py",
        "theme/templates/base.html",
        "plugins/aduan_site/build.py",
        "content/pages/tentang.md",
        "functions/chalicelib/public_codes.json",
        "pelican/__init__.py",
        "markdown/__init__.py",
    ):
        assert path in names, path
    assert mode == 0o100755  # Chalice drops it when it unpacks the wheel; package.py restores it
    assert not [n for n in names if n.startswith(("boto3/", "botocore/"))]  # the runtime has them
    assert not [n for n in names if "__pycache__" in n and not n.startswith(("pelican/", "pygments/"))]


def test_the_package_builds_the_site_under_the_lambda_python(
    packaged: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The package alone (plus the boto3 the Lambda runtime provides), under Python 3.12 with no
    site-packages, builds from a public dataset the same pages as the development build."""
    from site_fixtures import build_demo_site

    monkeypatch.setenv("ADUAN_DATA", str(tmp_path / "data"))
    local = build_demo_site(tmp_path, count=12)

    task, runtime = tmp_path / "task", tmp_path / "runtime"
    with zipfile.ZipFile(packaged["prod"].archive) as archive:
        archive.extractall(task)
        for info in archive.infolist():  # extractall drops modes; Lambda keeps them
            (task / info.filename).chmod((info.external_attr >> 16) & 0o777 or 0o644)
    runtime.mkdir()
    site_packages = next((REPO / ".venv-lambda" / "lib").glob("python3.*/site-packages"))
    for name in ("boto3", "botocore", "s3transfer", "jmespath", "urllib3"):
        (runtime / name).symlink_to(site_packages / name)
    data = tmp_path / "lambda-data"
    shutil.copytree(tmp_path / "data" / "public", data / "public")
    script = (
        "import sys; from pathlib import Path\n"
        "sys.path.insert(0, sys.argv[1] + '/plugins')\n"
        "import app\n"
        "assert all(callable(getattr(app, f)) for f in ('publish_changes', 'build_site', 'auto_close'))\n"
        "from aduan_site.build import build\n"
        "print(build(Path(sys.argv[2]), data_dir=Path(sys.argv[3]), settings_file=Path(sys.argv[1]) / 'pelicanconf.py'))\n"
        "print(sys.version_info[:2])\n"
    )
    done = subprocess.run(
        [
            str(REPO / ".venv-lambda" / "bin" / "python"),
            "-S",
            "-c",
            script,
            str(task),
            str(tmp_path / "out"),
            str(data),
        ],
        env={
            "PATH": "/usr/bin:/bin",
            "PYTHONPATH": f"{task}{os.pathsep}{runtime}",
            "ADUAN_DATA": str(data),
            "AWS_DEFAULT_REGION": REGION,
            "HOME": str(tmp_path),
        },
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert "(3, 12)" in done.stdout

    def pages(root: Path) -> set[str]:
        # Pagefind names its index files after their content; the rest must be the same.
        return {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file() and "_pagefind" not in p.parts}

    built = pages(tmp_path / "out")
    assert built == pages(local)
    assert "index.html" in built
    assert [p for p in (tmp_path / "out" / "_pagefind").rglob("*.pf_fragment")]  # Pagefind's binary ran


# -- the pins ------------------------------------------------------------------------------------


def _pins(path: Path) -> dict[str, str]:
    pins = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        match = re.match(r"^([A-Za-z0-9_.-]+)(?:\[[^\]]*\])?==([^\s#]+)", line.strip())
        if match:
            pins[match.group(1).lower().replace("_", "-")] = match.group(2)
    return pins


def test_the_lambda_pins_are_the_development_pins() -> None:
    development = _pins(REPO / "requirements.txt")
    for path in (REPO / "functions" / "requirements.txt", REPO / "deploy" / "requirements-lambda.txt"):
        for name, version in _pins(path).items():
            assert development.get(name) == version, (path.name, name, version, development.get(name))
    assert development["cfn-lint"] == "1.58.0"
