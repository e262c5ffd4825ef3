"""Make `None` immortal on Python < 3.12, as Python 3.12 itself does (PEP 683).

PySide6 6.12's generated bindings return `None` from void methods without taking a
reference (with Python 3.12+ that is harmless because None is immortal there). On 3.11 each
`painter.save()`, `setPen()`, `fillRect()` … drops None's reference count by one, and a
few thousand paints later the interpreter aborts with "none_dealloc: deallocating None".
Raising the count by 2**40 once, like PEP 683's immortal refcount, keeps it out of reach.
"""

from __future__ import annotations

import ctypes
import sys

_IMMORTAL_MARGIN = 1 << 40
_done = False


def protect_none() -> None:
    """Idempotent; a no-op where None is already immortal."""
    global _done
    if _done or sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    _done = True
    ctypes.c_ssize_t.from_address(id(None)).value += _IMMORTAL_MARGIN
