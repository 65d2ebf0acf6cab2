"""The frozen executables' entry point: the same as the ``sitimer`` command."""

import sys

from sitimer.cli import main

sys.exit(main())
