"""After the whole suite: no test secret may appear in any file the tests
wrote under their private HOME/XDG dirs, logs or artifacts.

Usage: scan_secrets.py DIR [DIR ...]. The secrets are the demo accounts' keys
(read from the sandbox source, so a new provider is covered automatically)
and the keys in tests/test-secrets.txt.
"""
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent


def secrets():
    found = set()
    for src in (ROOT / "src-tauri" / "sandbox" / "src").rglob("*.rs"):
        # Every demo secret follows this pattern (see the sandbox's demo accounts).
        for m in re.finditer(r'"(VPSDESK0DEMO\w{8,})"', src.read_text()):
            found.add(m.group(1))
    extra = ROOT / "tests" / "test-secrets.txt"
    if extra.exists():
        found.update(l.strip() for l in extra.read_text().splitlines() if l.strip() and not l.startswith("#"))
    return sorted(found)


def main(dirs):
    keys = secrets()
    if not keys:
        print("scan_secrets: found no test secrets to look for", file=sys.stderr)
        return 1
    scanned, leaks = 0, []
    for d in dirs:
        for path in pathlib.Path(d).rglob("*"):
            if not path.is_file() or path.is_symlink():
                continue
            # gnome-keyring's own store holds the secrets, encrypted: that is the keychain.
            if "keyrings" in path.parts:
                continue
            try:
                data = path.read_bytes()
            except OSError:
                continue
            scanned += 1
            for k in keys:
                if k.encode() in data:
                    leaks.append(f"{path}: contains a test secret")
    for l in leaks:
        print("LEAK", l)
    print(f"scan_secrets: {len(keys)} secrets, {scanned} files, {len(leaks)} leaks")
    return 1 if leaks else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
