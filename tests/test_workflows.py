"""The GitHub Actions workflows: pinned actions, tokens kept out of the work tree, deploy gated on the tests."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOWS = ROOT / ".github" / "workflows"

# The first major of each action that runs on Node 24 (upload-pages-artifact is a composite
# action: v5 is the first whose inner upload-artifact runs on Node 24).
FIRST_NODE_24_MAJOR = {
    "actions/checkout": 5,
    "actions/setup-python": 6,
    "actions/configure-pages": 6,
    "actions/upload-pages-artifact": 5,
    "actions/deploy-pages": 5,
}

USES_LINE = re.compile(r"^\s*(?:-\s+)?uses:\s*(?P<value>.*)$")
PINNED = re.compile(
    r"(?P<action>[A-Za-z0-9][A-Za-z0-9-]*/[A-Za-z0-9_.-]+(?:/[^@\s]+)?)@(?P<sha>[0-9a-f]{40})"
    r"\s+#\s*(?P<version>v(?P<major>\d+)(?:\.\d+){0,2})\s*"
)


def workflow_files() -> list[Path]:
    return sorted([*WORKFLOWS.glob("*.yml"), *WORKFLOWS.glob("*.yaml")])


def load(path: Path) -> dict:
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    if True in document:  # YAML 1.1 reads the key `on` as true
        document["on"] = document.pop(True)
    return document


def workflows() -> dict[str, dict]:
    return {path.name: load(path) for path in workflow_files()}


def steps(job: dict) -> list[dict]:
    return job.get("steps", [])


def action(step_or_job: dict) -> str:
    return str(step_or_job.get("uses", "")).split("@")[0]


def needs(job: dict) -> list[str]:
    value = job.get("needs", [])
    return [value] if isinstance(value, str) else list(value)


def upstream(jobs: dict[str, dict], name: str) -> set[str]:
    """Every job that `name` waits for, directly or through a chain of needs."""
    seen: set[str] = set()
    pending = needs(jobs[name])
    while pending:
        job = pending.pop()
        if job not in seen:
            seen.add(job)
            pending.extend(needs(jobs[job]))
    return seen


def jobs_where(jobs: dict[str, dict], test) -> list[str]:
    return [name for name, job in jobs.items() if test(job)]


def runs(job: dict, command: str) -> bool:
    return any(str(step.get("run", "")).strip() == command for step in steps(job))


def uses(job: dict, name: str) -> bool:
    return any(action(step) == name for step in steps(job))


def pin_problems(text: str) -> list[str]:
    """Each `uses:` line that is not `owner/repo@<40 hex>  # vN[.N[.N]]`."""
    problems = []
    for number, line in enumerate(text.splitlines(), 1):
        found = USES_LINE.match(line)
        if found and not PINNED.fullmatch(found["value"]):
            problems.append(f"line {number}: {line.strip()}")
    return problems


def all_uses(document: dict) -> list[str]:
    """Every `uses:` value in a parsed workflow: steps and reusable-workflow jobs."""
    found = []
    for job in document["jobs"].values():
        found += [step["uses"] for step in steps(job) if "uses" in step]
        if "uses" in job:
            found.append(job["uses"])
    return found


@pytest.fixture(scope="module")
def ci() -> dict:
    documents = workflows()
    [name] = [name for name, document in documents.items() if uses_make_test(document)]
    return documents[name]


def uses_make_test(document: dict) -> bool:
    return any(runs(job, "make test") for job in document["jobs"].values())


def test_the_workflow_folder_holds_workflows() -> None:
    assert workflow_files(), WORKFLOWS
    for document in workflows().values():
        assert document["jobs"] and document["on"]


def test_pin_check_rejects_tags_branches_short_shas_and_missing_versions() -> None:
    sha = "0123456789abcdef0123456789abcdef01234567"
    assert pin_problems(f"      - uses: actions/checkout@{sha} # v7.0.1\n") == []
    assert pin_problems(f"    uses: org/repo/path/to/workflow.yml@{sha} # v2\n") == []
    for bad in (
        "actions/checkout@v7",
        "actions/checkout@main",
        f"actions/checkout@{sha}",
        f"actions/checkout@{sha} # latest",
        f"actions/checkout@{sha[:12]} # v7.0.1",
        f"actions/checkout@{sha.upper()} # v7.0.1",
        f"./local-action@{sha} # v1",
        f"docker://alpine@{sha} # v3",
    ):
        assert pin_problems(f"      - uses: {bad}\n") == [f"line 1: - uses: {bad}"], bad


@pytest.mark.parametrize("path", workflow_files(), ids=lambda path: path.name)
def test_every_action_is_pinned_to_a_commit_sha_with_its_version_in_a_comment(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert pin_problems(text) == []
    # Each parsed `uses:` sits on a line of its own, so the line check above saw them all.
    pins = [PINNED.fullmatch(found["value"]) for line in text.splitlines() if (found := USES_LINE.match(line))]
    assert [f"{pin['action']}@{pin['sha']}" for pin in pins] == all_uses(load(path))


def test_each_action_is_pinned_to_one_commit_everywhere_at_a_node_24_major() -> None:
    pins: dict[str, set[tuple[str, str]]] = {}
    for path in workflow_files():
        for line in path.read_text(encoding="utf-8").splitlines():
            if (found := USES_LINE.match(line)) and (pinned := PINNED.fullmatch(found["value"])):
                pins.setdefault(pinned["action"], set()).add((pinned["sha"], pinned["version"]))
                if pinned["action"] in FIRST_NODE_24_MAJOR:
                    assert int(pinned["major"]) >= FIRST_NODE_24_MAJOR[pinned["action"]], line.strip()
    assert set(pins) == set(FIRST_NODE_24_MAJOR)
    for name, versions in pins.items():
        assert len(versions) == 1, (name, versions)


def test_every_checkout_keeps_its_token_out_of_the_work_tree() -> None:
    checkouts = [
        step
        for document in workflows().values()
        for job in document["jobs"].values()
        for step in steps(job)
        if action(step) == "actions/checkout"
    ]
    assert checkouts
    for step in checkouts:
        assert step.get("with", {}).get("persist-credentials") is False, step
        assert step["with"].get("fetch-depth") == 0, step  # each page's last-updated date needs the history


def test_top_level_permissions_are_read_only() -> None:
    for name, document in workflows().items():
        assert document["permissions"] == {"contents": "read"}, name


def test_only_the_deploy_job_may_write_to_pages() -> None:
    writers = []
    for name, document in workflows().items():
        for job_name, job in document["jobs"].items():
            permissions = job.get("permissions", {})
            assert isinstance(permissions, dict), (name, job_name)  # no read-all / write-all shorthand
            if "write" in permissions.values():
                writers.append((name, job_name, uses(job, "actions/deploy-pages"), permissions))
    assert len(writers) == 1, writers
    [(_, _, deploys, permissions)] = writers
    assert deploys
    assert permissions == {"pages": "write", "id-token": "write"}


def test_deploy_waits_for_the_tests_on_the_same_commit(ci: dict) -> None:
    jobs = ci["jobs"]
    [tests] = jobs_where(jobs, lambda job: runs(job, "make test"))
    [build] = jobs_where(jobs, lambda job: runs(job, "make build"))
    [deploy] = jobs_where(jobs, lambda job: uses(job, "actions/deploy-pages"))
    assert tests in upstream(jobs, build)
    assert {tests, build} <= upstream(jobs, deploy)
    assert tests not in upstream(jobs, tests)
    for job in (build, deploy):  # only a push to main, or a manual run on main, publishes
        condition = jobs[job]["if"]
        assert "github.ref == 'refs/heads/main'" in condition, condition
        assert "pull_request" not in condition and "schedule" not in condition, condition
    [upload] = [step for step in steps(jobs[build]) if action(step) == "actions/upload-pages-artifact"]
    assert upload["with"]["path"] in {"site", "site/"}
    assert jobs[deploy]["environment"]["name"] == "github-pages"
    assert jobs[deploy]["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    assert "--strict" in (ROOT / "Makefile").read_text(encoding="utf-8").split("\nbuild:")[1].split("\n\n")[0]


def test_tests_run_the_readme_command_on_prs_pushes_to_main_weekly_and_by_hand(ci: dict) -> None:
    triggers = ci["on"]
    assert {"pull_request", "push", "schedule", "workflow_dispatch"} <= set(triggers)
    assert triggers["push"]["branches"] == ["main"]
    [schedule] = triggers["schedule"]
    assert re.fullmatch(r"\d+ \d+ \* \* [0-6]", schedule["cron"])  # once a week
    assert "make test" in (ROOT / "README.md").read_text(encoding="utf-8")
    [tests] = jobs_where(ci["jobs"], lambda job: runs(job, "make test"))
    job = ci["jobs"][tests]
    assert "if" not in job  # every trigger runs the tests
    assert job["concurrency"]["cancel-in-progress"] is True
    assert "github.ref" in job["concurrency"]["group"]
    assert job["env"]["CHROMIUM"] == "/usr/bin/google-chrome"
    assert ci["env"]["NO_MKDOCS_2_WARNING"] == "1"


def test_every_python_setup_caches_pip_on_the_requirements(ci: dict) -> None:
    setups = [step for job in ci["jobs"].values() for step in steps(job) if action(step) == "actions/setup-python"]
    assert len(setups) == 2  # test and build
    for step in setups:
        assert step["with"]["cache"] == "pip"
        assert step["with"]["cache-dependency-path"] == "requirements*.txt"


def test_every_job_has_a_timeout() -> None:
    for name, document in workflows().items():
        for job_name, job in document["jobs"].items():
            assert 0 < job["timeout-minutes"] <= 30, (name, job_name)
