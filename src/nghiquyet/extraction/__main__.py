"""`python -m nghiquyet.extraction PATH...`: the extract command without Django."""

import sys

from .cli import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:], sys.stdout, sys.stderr))
