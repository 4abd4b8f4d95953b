import pytest
from chalicelib.errors import IllegalTransition
from chalicelib.lifecycle import TRANSITIONS, Status, check_transition, path_to, reachable

LEGAL = [(a, b) for a, targets in TRANSITIONS.items() for b in sorted(targets)]  # sorted: xdist needs one order
ILLEGAL = [(a, b) for a in Status for b in Status if b not in TRANSITIONS[a]]


@pytest.mark.parametrize(("current", "target"), LEGAL)
def test_legal_transitions_pass(current: Status, target: Status) -> None:
    check_transition(current, target)


@pytest.mark.parametrize(("current", "target"), ILLEGAL)
def test_illegal_transitions_are_refused_with_the_allowed_ones_named(current: Status, target: Status) -> None:
    with pytest.raises(IllegalTransition) as info:
        check_transition(current, target)
    assert current.value in info.value.message and target.value in info.value.message
    assert "allowed next" in info.value.message


def test_the_design_lifecycle() -> None:
    assert TRANSITIONS[Status.RECEIVED] == {Status.VERIFIED, Status.REJECTED}
    assert TRANSITIONS[Status.VERIFIED] == {Status.IN_PROGRESS, Status.REJECTED}
    assert TRANSITIONS[Status.RESOLVED] == {Status.IN_PROGRESS}  # the reporter disputes
    assert TRANSITIONS[Status.REJECTED] == frozenset()


def test_reachability_for_imports() -> None:
    assert reachable(Status.RECEIVED, Status.RESOLVED)
    assert not reachable(Status.REJECTED, Status.RESOLVED)
    assert not reachable(Status.IN_PROGRESS, Status.REJECTED)
    assert path_to(Status.RECEIVED, Status.RESOLVED) == [Status.VERIFIED, Status.IN_PROGRESS, Status.RESOLVED]


def test_labels_are_indonesian_first() -> None:
    assert [s.label for s in Status] == ["Diterima", "Diverifikasi", "Diproses", "Selesai", "Ditolak"]
    assert Status.IN_PROGRESS.is_open() and not Status.RESOLVED.is_open()
