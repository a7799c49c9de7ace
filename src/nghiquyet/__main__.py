"""The ``nghiquyet`` console script: Django's management entry under the product's name.

One command for everything (``nghiquyet migrate``, ``nghiquyet runserver``,
``nghiquyet extract``) so that operators never need to find a ``manage.py``.
"""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "nghiquyet.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
