from __future__ import annotations

import pytest

from netra.stack import SERVICE_NAMES, StackError
from netra.stack.supervisor import select


def test_all_services_in_start_order_by_default() -> None:
    assert [t.name for t in select(None)] == list(SERVICE_NAMES)
    assert SERVICE_NAMES == ("kafka", "elasticsearch", "objectstore", "alertmanager", "prometheus")


def test_only_keeps_start_order_and_ignores_case_and_blanks() -> None:
    assert [t.name for t in select(["Prometheus", " kafka", ""])] == ["kafka", "prometheus"]


def test_unknown_service_lists_the_valid_ones() -> None:
    with pytest.raises(StackError) as err:
        select(["kafka", "zookeeper"])
    assert "zookeeper" in err.value.message
    assert "elasticsearch" in err.value.hint
