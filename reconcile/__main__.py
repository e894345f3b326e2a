"""``python3 -m reconcile``: the same command line as ``reconcile``."""
from .cli import main

if __name__ == "__main__":
    main()
