"""The TAP runner the command-line tests share: runs each test function in
order, prints one TAP line per test (a test that returns "skip: why" is a
skip) and the first lines of each failure's message."""


def run_all(results):
    print("1..%d" % len(results))
    failed = 0
    for i, fn in enumerate(results, 1):
        try:
            r = fn()
            if isinstance(r, str) and r.startswith("skip"):
                print("ok %d - %s # SKIP %s" % (i, fn.__name__, r[5:]))
            else:
                print("ok %d - %s" % (i, fn.__name__))
        except Exception as e:  # report and go on
            failed += 1
            print("not ok %d - %s" % (i, fn.__name__))
            for line in str(e).splitlines()[:20]:
                print("# " + line[:2000])
    return 1 if failed else 0
