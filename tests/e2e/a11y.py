"""axe-core in the running app: inject node_modules/axe-core/axe.min.js into
the webview, run it over the whole document (portals such as modals, drawers
and the palette are appended to <body>, so they are included) and return
the findings that matter."""
import json

from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys

from app import ROOT

AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"

# WCAG 2.0 and 2.1, levels A and AA: what issue 15 asks for.
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BLOCKING = ("serious", "critical")
LIMIT = 6  # elements listed per finding

RUN = """const done = arguments[arguments.length - 1];
axe.run(document, {runOnly: {type: "tag", values: arguments[0]}, resultTypes: ["violations"]})
  .then((r) => done(JSON.stringify(r.violations)), (e) => done(JSON.stringify({error: String(e)})));"""


def violations(driver):
    """The serious and critical violations on screen now, as axe reports
    them. axe is injected again only after a reload dropped it."""
    if not driver.execute_script("return typeof window.axe === 'object'"):
        driver.execute_script(AXE_JS.read_text())
    driver.set_script_timeout(120)
    found = json.loads(driver.execute_async_script(RUN, TAGS))
    if isinstance(found, dict):
        raise AssertionError(f"axe failed: {found['error']}")
    return [v for v in found if v.get("impact") in BLOCKING]


def report(where, found):
    """One readable block per finding: rule, impact, what to do, and the
    selectors (with axe's summary of the first few) of the elements."""
    lines = [f"{len(found)} serious/critical axe finding(s) on {where}:"]
    for v in found:
        lines.append(f"- {v['id']} ({v['impact']}): {v['help']} [{v['helpUrl']}]")
        for node in v["nodes"][:LIMIT]:
            target = " ".join(json.dumps(t) if not isinstance(t, str) else t for t in node["target"])
            summary = " ".join((node.get("failureSummary") or "").split())
            lines.append(f"    {target}: {summary[:300]}")
        if len(v["nodes"]) > LIMIT:
            lines.append(f"    … and {len(v['nodes']) - LIMIT} more")
    return "\n".join(lines)


# How an element (the focused one by default) looks once its transitions
# have ended: what a focus indicator can change.
LOOK = """const [given, done] = arguments;
const e = given || document.activeElement;
// A transition cut short (the focus moved on) rejects its promise: it is over all the same.
const transitions = e.getAnimations().filter((a) => a instanceof CSSTransition);
Promise.all(transitions.map((a) => a.finished.catch(() => null))).then(() => {
  const s = getComputedStyle(e);
  done([e, e.outerHTML.slice(0, 120), ["outline-style", "outline-width", "outline-color", "box-shadow",
    "border-color", "background-color", "text-decoration-line"].map((p) => s.getPropertyValue(p)).join("|")]);
});"""


def unseen_focus(driver, presses):
    """Presses Tab `presses` times and returns the elements that looked the
    same focused as after focus moved on: focus a person cannot see. Each is
    compared with itself, so an element's own resting style does not count."""
    unseen, last = [], None
    for _ in range(presses):
        ActionChains(driver).send_keys(Keys.TAB).perform()
        now = driver.execute_async_script(LOOK, None)
        if last and now[0] != last[0]:  # a date input's fields take Tab within one element
            element, html, focused = last
            try:
                if driver.execute_async_script(LOOK, element)[2] == focused:
                    unseen.append(html)
            except StaleElementReferenceException:
                pass  # gone with the focus (a tooltip's target re-rendered): nothing to compare
        if not last or now[0] != last[0]:
            last = None if now[0].tag_name == "body" else now
    return unseen
