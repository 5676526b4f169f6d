"""A small, valid data set for unit tests, written out beside the real schemas.

Kept tiny and fixed so tests can state exact expected output and line numbers.
"""

from __future__ import annotations

import shutil
from pathlib import Path

SCHEMAS = Path(__file__).resolve().parent.parent / "data" / "schemas"

SAMPLE = {
    "sources.yml": """\
- id: alpha
  label: Alpha
  title: Alpha article
  publisher: Alpha Press
  kind: article
  contributes: Facts about both roles.
- id: beta
  label: Beta
  title: Beta handbook
  publisher: Beta Org
  date: 2020-11-01
  url: https://example.org/beta
  kind: handbook
  contributes: A workflow.
""",
    "roles.yml": """\
- id: product-manager
  name: Product manager
  page: roles/product-manager.md
  summary: Decides what to build.
  sources: [alpha]
  interests:
    - text: Customer problems
      sources: [alpha]
  routes:
    - text: A related degree
      sources: [beta]
- id: project-manager
  name: Project manager
  page: roles/project-manager.md
  summary: Delivers the plan.
  sources: [alpha]
  interests:
    - text: Organising work
      sources: [alpha]
  routes:
    - text: Years as a specialist
      sources: [alpha]
""",
    "dimensions.yml": """\
- id: purpose
  label: Purpose
  values:
    product-manager: Value over the product's life
    project-manager: A project done on time
  sources: [alpha]
- id: core-questions
  label: Core questions
  values:
    product-manager: What and why
    project-manager: How and when
  sources: [alpha, beta]
  disagreement:
    text: Who owns "when" is contested.
    sources: [beta]
""",
    "skills.yml": """\
- id: communication
  name: Communication
  roles: [product-manager, project-manager]
  description: Keeping people informed.
  sources: [alpha]
- id: market-research
  name: Market research
  roles: [product-manager]
  description: Studying the market.
  sources: [alpha]
- id: scheduling
  name: Scheduling
  roles: [project-manager]
  description: Building timelines.
  sources: [beta]
""",
    "glossary.yml": """\
- id: kpi
  term: Key performance indicator
  abbreviation: KPI
  definition: A number that shows progress.
  sources: [alpha]
- id: backlog
  term: Backlog
  definition: An ordered list of work.
  sources: [beta]
""",
    "handoff.yml": """\
title: Handoff
description: Work passes from product to project and back.
steps:
  - id: problem
    title: Find the problem
    owner: product-manager
    summary: Understand users.
    produces: [Problem statement]
    next:
      - step: plan
        label: handoff
    sources: [alpha]
  - id: plan
    title: Plan delivery
    owner: project-manager
    summary: Make the plan.
    next:
      - step: problem
        label: status
    sources: [beta]
crossings:
  - from: product-manager
    to: project-manager
    item: Requirements
    at: problem
    sources: [alpha]
  - from: project-manager
    to: product-manager
    item: Status report
    at: plan
    sources: [beta]
checklist:
  - text: Goals agreed
    sources: [alpha]
""",
}


def write_sample(data_dir: Path) -> Path:
    """Write the sample data set (and a copy of the real schemas) into `data_dir`."""
    data_dir.mkdir(parents=True, exist_ok=True)
    shutil.copytree(SCHEMAS, data_dir / "schemas", dirs_exist_ok=True)
    for name, text in SAMPLE.items():
        (data_dir / name).write_text(text, encoding="utf-8")
    return data_dir
