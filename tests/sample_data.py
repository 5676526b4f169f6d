"""A small, valid data set for unit tests.

Kept tiny and fixed so tests can state exact expected output and line numbers.
"""

from __future__ import annotations

from pathlib import Path

SAMPLE = {
    "sources.yml": """\
- id: alpha
  label: Alpha
  title: Alpha article
  publisher: Alpha Press
  url: https://example.org/alpha
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
    "dimensions.yml": """\
dimensions:
  - id: purpose
    label: Purpose
    question: What is the role for?
  - id: core-questions
    label: Core questions
    question: Which questions does it answer?
disagreements:
  - id: when
    title: Who owns "when"?
    dimension: core-questions
    sides:
      - text: The project manager owns when.
        sources: [{id: alpha, at: Roles}]
      - text: The product manager sets the order.
        sources: [beta]
""",
    "skills.yml": """\
- id: communication
  name: Communication
  description: Keeping people informed.
- id: market-research
  name: Market research
  description: Studying the market.
- id: scheduling
  name: Scheduling
  description: Building timelines.
""",
    "roles/product-manager.yml": """\
id: product-manager
name: Product manager
summary:
  text: Decides what to build.
  sources: [alpha]
values:
  purpose:
    text: Value over the product's life
    sources: [alpha]
  core-questions:
    text: What and why
    sources: [{id: alpha, at: The Core Difference}, beta]
skills:
  - skill: communication
    sources: [alpha]
  - skill: market-research
    sources: [alpha]
interests:
  - text: Customer problems
    sources: [alpha]
routes:
  - text: A related degree
    sources: [beta]
crosswalk:
  beta-list:
    text: Listed as Product manager
    sources: [{id: beta, at: Roles}]
""",
    "roles/project-manager.yml": """\
id: project-manager
name: Project manager
summary:
  text: Delivers the plan.
  sources: [alpha]
values:
  purpose:
    text: A project done on time
    sources: [alpha]
  core-questions:
    text: How and when
    sources: [beta]
skills:
  - skill: communication
    sources: [beta]
  - skill: scheduling
    sources: [beta]
interests:
  - text: Organising work
    sources: [alpha]
routes:
  - text: Years as a specialist
    sources: [alpha]
credentials:
  - text: A professional certificate
    sources: [beta]
crosswalk:
  beta-list: null
tasks:
  - text: Plan the schedule of a project
    sources: [{id: beta, at: Tasks}]
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
    step: problem
    sources: [alpha]
  - from: project-manager
    to: product-manager
    item: Status report
    step: plan
    sources: [beta]
checklist:
  - text: Goals agreed
    sources: [alpha]
""",
    "crosswalk.yml": """\
- id: beta-list
  label: Beta's list
  source: beta
""",
    "raci.yml": """\
parties:
  - id: team
    name: Delivery team
settings:
  - id: both
    title: Both managers
    description: A product manager, a project manager and a team.
    columns:
      - party: product-manager
      - party: project-manager
      - party: team
  - id: one-person
    title: One person
    description: The product manager runs the project too.
    derived_from: both
    columns:
      - party: product-manager
        merges: [product-manager, project-manager]
      - party: team
        merges: [team]
activities:
  - id: find-problem
    label: Find the problem
    step: problem
    assignments:
      both: {product-manager: AR, project-manager: C, team: I}
  - id: plan
    label: Plan delivery
    step: plan
    assignments:
      both: {product-manager: C, project-manager: AR, team: C}
    sources:
      both: [alpha]
""",
    "selfcheck.yml": """\
- id: problems
  text: I like customer problems.
  leans: product-manager
  sources: [alpha]
- id: plans
  text: I like plans.
  leans: project-manager
  sources: [beta]
""",
    "quiz.yml": """\
- id: who-plans
  setting: both
  question: Who plans the delivery?
  answer: project-manager
  activity: plan
  explanation:
    text: The project manager makes the plan.
    sources: [beta]
""",
    "pairs.yml": """\
- roles: [product-manager, project-manager]
  difference:
    text: One decides what to build, the other delivers the plan.
    sources: [alpha]
  together:
    - text: They hand work over.
      sources: [alpha]
  confusion:
    - text: Both titles say manager.
      sources: [beta]
""",
}


def write_sample(data_dir: Path) -> Path:
    """Write the sample data set into `data_dir`."""
    for name, text in SAMPLE.items():
        path = data_dir / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return data_dir
