#!/usr/bin/env python
"""Same as the `klynge` console script, for those who expect manage.py."""
from klynge.cli import main

if __name__ == "__main__":
    main()
