from __future__ import annotations

import pytest

from neutrality import Engine


@pytest.fixture(scope="session")
def engine() -> Engine:
    return Engine.load()
