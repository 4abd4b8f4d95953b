import pytest
from chalicelib.errors import IllegalTransition
from chalicelib.lifecycle import TRANSITIONS, Status, check_transition, path_to, reachable

LEGAL = [(a, b) for a, targets in TRANSITIONS.items() for b in sorted(targets)]  # sorted: xdist needs one order
ILLEGAL = [(a, b) for a in Status for b in Status if b not in TRANSITIONS[a]]


@pytest.mark.parametrize(("current", "target"), LEGAL)
def test_legal_transitions_pass(current: Status, target: Status) -> None:
    check_transition(current, target)


@pytest.mark.parametrize(("current", "target"), ILLEGAL)
def test_illegal_transitions_are_refused_in_indonesian_with_the_next_steps_named(
    current: Status, target: Status
) -> None:
    with pytest.raises(IllegalTransition) as info:
        check_transition(current, target)
    message, english = info.value.message, info.value.text("en")
    assert message.startswith(f"Laporan berstatus {current.label} tidak bisa ")
    assert english.startswith(f"A report that is {current.label_en} cannot be ")
    for nxt in TRANSITIONS[current]:
        assert nxt.label in message and nxt.label_en in english
    if not TRANSITIONS[current]:
        assert "sudah final" in message
    for raw in (current.value, target.value):  # status codes are not words a reader knows
        assert raw not in message.split()


def test_a_skipped_step_says_which_step_comes_next() -> None:
    with pytest.raises(IllegalTransition) as info:
        check_transition(Status.VERIFIED, Status.RESOLVED)
    assert info.value.message.startswith(
        "Laporan berstatus Diverifikasi tidak bisa langsung diselesaikan; langkah berikutnya: Diproses"
    )


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
