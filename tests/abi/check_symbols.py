#!/usr/bin/env python3
"""Checks that the shared library exports exactly the symbols listed in
libsumm/libsumm.sym, and that every summ_* function declared SUMM_API in the
public header is listed there. Prints TAP. Without nm it reports a TAP plan of 0 with SKIP, which meson counts as a skip.

Usage: check_symbols.py LIBSUMM.so SOURCE_ROOT
"""
import re
import shutil
import subprocess
import sys

lib, root = sys.argv[1], sys.argv[2]
if not shutil.which("nm"):
    print("1..0 # SKIP nm not found")
    sys.exit(0)

sym_text = open(root + "/libsumm/libsumm.sym").read()
sym_text = re.sub(r"/\*.*?\*/", "", sym_text, flags=re.S)
listed = set(re.findall(r"^\s*(summ_\w+);", sym_text, flags=re.M))

out = subprocess.run(["nm", "-D", "--defined-only", lib], capture_output=True, text=True,
                     check=True).stdout
exported = set()
for line in out.splitlines():
    parts = line.split()
    if len(parts) == 3 and parts[1] in "TDRBW":
        exported.add(parts[2].split("@")[0])

header = open(root + "/include/libsumm/summ.h").read()
declared = set(re.findall(r"SUMM_API\s+[^;(]*?\b(summ_\w+)\s*\(", header, flags=re.S))

checks = [
    ("exports equal the version script", exported == listed,
     "only exported: %s; only listed: %s" % (sorted(exported - listed), sorted(listed - exported))),
    ("every exported symbol has the summ_ prefix", all(s.startswith("summ_") for s in exported),
     sorted(s for s in exported if not s.startswith("summ_"))),
    ("header declarations equal the version script", declared == listed,
     "only declared: %s; only listed: %s" % (sorted(declared - listed), sorted(listed - declared))),
]
print("1..%d" % len(checks))
failed = 0
for i, (name, ok, detail) in enumerate(checks, 1):
    print("%s %d - %s" % ("ok" if ok else "not ok", i, name))
    if not ok:
        failed += 1
        print("# %s" % (detail,))
sys.exit(1 if failed else 0)
