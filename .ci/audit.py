"""Fails when an installed package has a known vulnerability that a newer release fixes (pip-audit, on the
virtualenv the site runs from). One without a fix yet is listed, not failed: there is nothing to upgrade
to, and CI stays useful until there is. A package the service could not look up is listed as not audited.
"""

import json
import subprocess
import sys

audit = subprocess.run(
    [sys.executable, "-m", "pip_audit", "--progress-spinner", "off", "--format", "json", "--skip-editable"],
    capture_output=True,
    text=True,
    check=False,
)
if not audit.stdout:
    sys.exit(f"pip-audit did not run:\n{audit.stderr}")
packages = json.loads(audit.stdout)["dependencies"]
# This project itself is never on PyPI; any other package skipped means the service did not answer for it.
skipped = [package["name"] for package in packages if "skip_reason" in package and package["name"] != "insurance-site"]
if skipped:
    print(f"WARNING: {len(skipped)} of {len(packages) - 1} packages not audited (is PyPI's JSON API reachable?):")
    print("  " + ", ".join(skipped))
found = [
    (package["name"], package["version"], vulnerability)
    for package in packages
    for vulnerability in package.get("vulns", [])
]
for name, version, vulnerability in found:
    fixed_in = ", ".join(vulnerability["fix_versions"]) or "no fixed release yet"
    print(f"{name} {version}: {vulnerability['id']} (fixed in {fixed_in})")
fixable = [entry for entry in found if entry[2]["fix_versions"]]
if fixable:
    sys.exit(f"{len(fixable)} known vulnerabilities have a fix: upgrade (and raise the range in pyproject.toml)")
print(f"No known vulnerability with a fix ({len(found)} without one).")
