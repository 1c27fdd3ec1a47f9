"""Entry point of the PyInstaller bundle (`make bundle`, packaging/briefing.spec).

The window's search process, background imports and import workers are started with
multiprocessing's "spawn": in a frozen program that runs this executable again, and
freeze_support() turns such a run into the child instead of a second Briefing.
"""

import multiprocessing

if __name__ == "__main__":
    multiprocessing.freeze_support()

    from briefing_app.launcher import main

    raise SystemExit(main())
