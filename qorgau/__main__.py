import sys

from qorgau.cli import main

sys.exit(main())
