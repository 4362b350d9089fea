"""axe-core with the WCAG 2.1 A and AA rules on every page type, at phone and desktop width."""
from __future__ import annotations

from pathlib import Path

import axe_playwright_python
import pytest

from pages import PAGES, WIDTHS

AXE_SOURCE = (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text(encoding="utf-8")
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

RUN = """
const done = arguments[arguments.length - 1];
axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})
  .then(result => done(result.violations.map(v => ({
      id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ') + ' — ' + n.failureSummary)}))))
  .catch(error => done([{id: 'axe-failed', impact: 'critical', help: String(error), nodes: []}]));
"""


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", list(PAGES))
def test_no_wcag_violations(viewer, name, width):
    viewer.open(PAGES[name], width)
    viewer.js(AXE_SOURCE)
    violations = viewer.driver.execute_async_script(RUN, TAGS)
    report = "\n".join(f"{v['id']} ({v['impact']}): {v['help']}\n    " + "\n    ".join(v["nodes"]) for v in violations)
    assert violations == [], f"axe found on {PAGES[name]} at {width} px:\n{report}"
