"""The pipeline's own housekeeping (beyond what each stage's tests cover)."""

import gc

from reconcile.pipeline import collector_paused


def test_assembly_pauses_the_cycle_collector_and_restores_it() -> None:
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()  # a caller's choice is left as it was
    finally:
        gc.enable()


def test_reconcile_runs_with_the_collector_paused(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from reconcile.pipeline import analyse_serially, reconcile

    (tmp_path / "a.txt").write_text("Police arrested 12 people in Lyon on 3 May 2024.\n",
                                    encoding="utf-8")
    seen: list[bool] = []

    def analyser(sources, vocab):  # type: ignore[no-untyped-def]
        seen.append(gc.isenabled())
        return analyse_serially(sources, vocab)

    report = reconcile([str(tmp_path)], analyser=analyser)
    assert seen == [False] and gc.isenabled()
    assert report.events
