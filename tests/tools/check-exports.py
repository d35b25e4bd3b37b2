#!/usr/bin/env python3
"""Exports layouts with the real program and checks each script with a real
parser (check-powershell.mjs, check-hcl.mjs, check-ansible.py).

  check-exports.py --program TOPOLOGY-DESIGNER --format FORMAT --ext EXT \
      [--names] -- CHECKER... -- LAYOUT...

With --names every cluster, host and guest name of the layout (read here with
PyYAML, independently of the program) must come back verbatim from the
script (the layouts given use every one of them in a rule).
Exit codes: 0 passed, 1 failed, 2 could not check.
"""
import json
import os
import subprocess
import sys
import tempfile

import yaml


def main():
    args = sys.argv[1:]
    try:
        first = args.index("--")
        second = args.index("--", first + 1)
    except ValueError:
        print("check-exports: usage: see the file's header", file=sys.stderr)
        return 2
    opts, checker, layouts = args[:first], args[first + 1:second], args[second + 1:]
    program = opts[opts.index("--program") + 1]
    fmt = opts[opts.index("--format") + 1]
    ext = opts[opts.index("--ext") + 1]
    want_names = "--names" in opts
    failed = False
    with tempfile.TemporaryDirectory() as tmp:
        for i, layout in enumerate(layouts):
            out = os.path.join(tmp, f"export{i}.{ext}")
            r = subprocess.run([program, "export", layout, "--to", fmt, "-o", out], capture_output=True, text=True)
            if r.returncode != 0:
                print(f"{layout}: export --to {fmt} failed ({r.returncode}): {r.stderr}", file=sys.stderr)
                failed = True
                continue
            cmd = checker + [out]
            if want_names:
                with open(layout, encoding="utf-8") as f:
                    doc = yaml.safe_load(f)
                names = [o["name"] for key in ("clusters", "hosts", "guests") for o in doc.get(key) or []]
                names_file = os.path.join(tmp, f"names{i}.json")
                with open(names_file, "w", encoding="utf-8") as f:
                    json.dump(names, f)
                cmd += ["--names", names_file]
            r = subprocess.run(cmd)
            if r.returncode == 2:
                return 2
            if r.returncode != 0:
                print(f"{layout}: the {fmt} export does not pass {' '.join(checker)}", file=sys.stderr)
                failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
