"""Tests of the adverse-impact audit (resumematch.audit)."""

from __future__ import annotations

import dataclasses
import math

import pandas as pd
import pytest

from resumematch.audit.impact import UNKNOWN, AuditResult, audit, csv_safe, format_summary
from resumematch.errors import InputError, ResumeMatchError


def make(members: list[tuple], columns: tuple[str, ...] = ("sex",)) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Build (ranked, groups) from (score, value, ...) tuples; rank follows the score."""
    files = [f"cv{i:03d}.pdf" for i in range(len(members))]
    scores = [m[0] for m in members]
    order = sorted(range(len(members)), key=lambda i: (math.isnan(scores[i]), -scores[i] if not math.isnan(scores[i]) else 0, i))
    rank = [0] * len(members)
    for position, i in enumerate(order, start=1):
        rank[i] = position
    ranked = pd.DataFrame({"rank": rank, "file": files,
                           "status": ["failed" if math.isnan(s) else "ok" for s in scores], "score": scores})
    groups = pd.DataFrame({"file": files, **{c: [m[1 + j] for m in members] for j, c in enumerate(columns)}})
    return ranked, groups


def row(result: AuditResult, attribute: str, group: str) -> pd.Series:
    match = result.table[(result.table["attribute"] == attribute) & (result.table["group"] == group)]
    assert len(match) == 1, f"no single row for {attribute}/{group}:\n{result.table}"
    return match.iloc[0]


def eeoc() -> tuple[pd.DataFrame, pd.DataFrame]:
    """48 of 80 selected in group A, 12 of 40 in group B (selected score 1.0, others 0.0)."""
    return make([(1.0, "A")] * 48 + [(0.0, "A")] * 32 + [(1.0, "B")] * 12 + [(0.0, "B")] * 28)


@pytest.mark.parametrize("rule", [{"min_score": 0.5}, {"top": 60}])
def test_eeoc_worked_example(rule):
    result = audit(*eeoc(), ["sex"], **rule)
    a, b = row(result, "sex", "A"), row(result, "sex", "B")
    assert (a["n"], a["selected"], b["n"], b["selected"]) == (80, 48, 40, 12)
    assert a["selection_rate"] == pytest.approx(0.6) and b["selection_rate"] == pytest.approx(0.3)
    assert a["impact_ratio"] == pytest.approx(1.0) and b["impact_ratio"] == pytest.approx(0.5)
    assert not a["flag"] and b["flag"]
    assert a["note"] == "highest rate"
    assert result.pool == 120 and result.unscored == 0 and result.median is None
    assert list(result.table.columns) == ["attribute", "group", "n", "selected", "selection_rate",
                                          "impact_ratio", "flag", "note"]


def test_scoring_rate_worked_example():
    ranked, groups = make([(4, "A"), (5, "A"), (6, "A"), (1, "B"), (2, "B"), (3, "B")])
    result = audit(ranked, groups, ["sex"], scoring_rate=True)
    assert result.median == pytest.approx(3.5)
    assert "3.5" in result.method
    a, b = row(result, "sex", "A"), row(result, "sex", "B")
    assert a["selection_rate"] == 1.0 and b["selection_rate"] == 0.0
    assert b["impact_ratio"] == 0.0 and b["flag"] and not a["flag"]


def test_scoring_rate_median_score_itself_is_not_above_median():
    ranked, groups = make([(1, "A"), (2, "A"), (3, "B"), (4, "B"), (5, "B")])  # median 3
    result = audit(ranked, groups, ["sex"], scoring_rate=True)
    assert row(result, "sex", "B")["selected"] == 2 and row(result, "sex", "A")["selected"] == 0


@pytest.mark.parametrize("a_selected, b_selected, flagged", [
    (5, 1, False),   # rates 5/12 and 1/3: ratio exactly 0.8 (float division gives 0.7999...)
    (6, 1, True),    # rates 1/2 and 1/3: ratio 0.667
    (4, 1, False),   # rates 1/3 and 1/3: ratio 1
])
def test_four_fifths_boundary_is_exact(a_selected, b_selected, flagged):
    members = ([(1.0, "A")] * a_selected + [(0.0, "A")] * (12 - a_selected)
               + [(1.0, "B")] * b_selected + [(0.0, "B")] * (3 - b_selected))
    result = audit(*make(members), ["sex"], min_score=1.0, small_group_share=0)
    assert bool(row(result, "sex", "B")["flag"]) is flagged


def test_intersections():
    members = ([(1.0, "F", "X")] * 10 + [(0.0, "F", "X")] * 10 + [(1.0, "F", "Y")] * 2 + [(0.0, "F", "Y")] * 18
               + [(1.0, "M", "X")] * 10 + [(0.0, "M", "X")] * 10 + [(1.0, "M", "Y")] * 10 + [(0.0, "M", "Y")] * 10)
    ranked, groups = make(members, ("sex", "race_ethnicity"))
    result = audit(ranked, groups, ["sex", "race_ethnicity"], min_score=0.5)
    assert list(dict.fromkeys(result.table["attribute"])) == ["sex", "race_ethnicity", "sex × race_ethnicity"]
    fy = row(result, "sex × race_ethnicity", "F × Y")
    assert (fy["n"], fy["selected"]) == (20, 2)
    assert fy["impact_ratio"] == pytest.approx(0.2) and fy["flag"]
    assert not row(result, "sex × race_ethnicity", "M × Y")["flag"]
    assert row(result, "sex", "F")["impact_ratio"] == pytest.approx(0.6)
    assert len(result.table) == 2 + 2 + 4


def test_intersection_with_unknown_component_is_not_compared():
    members = [(1.0, "F", None)] * 5 + [(1.0, "F", "X")] * 5 + [(0.0, "F", "X")] * 5 + [(0.0, "M", "X")] * 5
    result = audit(*make(members, ("sex", "race")), ["sex", "race"], min_score=0.5)
    unknown = row(result, "sex × race", f"F × {UNKNOWN}")
    assert unknown["n"] == 5 and "not in the highest-rate comparison" in unknown["note"]
    assert row(result, "sex × race", "F × X")["note"] == "highest rate"
    assert result.table["group"].iloc[-1] == f"F × {UNKNOWN}"


@pytest.mark.parametrize("missing", [None, float("nan"), "", "   ", "absent"])
def test_unknown_values_are_counted_and_not_in_max(missing):
    members = [(1.0, "A")] * 5 + [(0.0, "A")] * 5 + [(0.5, "B")] * 4 + [(0.0, "B")] * 6 + [(1.0, "?")] * 5
    ranked, groups = make(members)
    if missing == "absent":
        groups = groups[groups["sex"] != "?"]
    else:
        groups["sex"] = groups["sex"].astype(object).where(groups["sex"] != "?", missing)
    result = audit(ranked, groups, ["sex"], min_score=0.5)
    unknown = row(result, "sex", UNKNOWN)
    assert (unknown["n"], unknown["selected"]) == (5, 5)
    assert "not in the highest-rate comparison" in unknown["note"]
    assert row(result, "sex", "A")["impact_ratio"] == pytest.approx(1.0)   # max of A and B, not Unknown
    assert unknown["impact_ratio"] == pytest.approx(2.0)
    assert result.table["n"].sum() == 25 and result.table["group"].iloc[-1] == UNKNOWN
    assert any(UNKNOWN in w for w in result.warnings)


@pytest.mark.parametrize("share, excluded", [(0.02, True), (0.0, False)])
def test_small_group_is_reported_but_not_in_max(share, excluded):
    members = [(1.0, "A")] * 50 + [(0.0, "A")] * 49 + [(1.0, "B")] * 1 + [(0.0, "C")] * 100
    result = audit(*make(members), ["sex"], min_score=0.5, small_group_share=share)
    small, a = row(result, "sex", "B"), row(result, "sex", "A")
    assert small["n"] == 1 and small["selection_rate"] == 1.0
    assert ("under 2% of the pool" in small["note"]) is excluded
    if excluded:
        assert a["note"] == "highest rate" and small["impact_ratio"] == pytest.approx(1 / (50 / 99))
    else:
        assert small["note"] == "highest rate" and a["impact_ratio"] == pytest.approx(50 / 99)


@pytest.mark.parametrize("size, small", [(6, True), (7, False)])
def test_small_group_threshold_is_exact(size, small):
    # 0.07 * 100 is 7.000000000000001 in floating point; a group of exactly 7% is not small
    members = [(1.0, "A")] * (100 - size) + [(1.0, "B")] * (size - 1) + [(0.0, "B")]
    result = audit(*make(members), ["sex"], min_score=0.5, small_group_share=0.07)
    assert ("under 7% of the pool" in row(result, "sex", "B")["note"]) is small


@pytest.mark.parametrize("rule", [{"top": 2}, {"min_score": 0.5}, {"min_score": 0.9}, {"scoring_rate": True}])
def test_all_equal_scores_give_nan_and_warning(rule):
    result = audit(*make([(0.7, "A")] * 4 + [(0.7, "B")] * 4), ["sex"], **rule)
    assert result.table["impact_ratio"].isna().all()
    assert not result.table["flag"].any()
    assert any("Every score is equal" in w for w in result.warnings)
    assert "ratio undefined" in row(result, "sex", "A")["note"]


def test_nobody_selected_gives_nan_and_warning():
    result = audit(*make([(0.2, "A"), (0.3, "A"), (0.4, "B")]), ["sex"], min_score=0.9)
    assert result.table["impact_ratio"].isna().all()
    assert (result.table["selection_rate"] == 0).all()
    assert any("No one is selected" in w for w in result.warnings)


@pytest.mark.parametrize("rule, a_selected, b_selected", [
    ({"top": 3}, 2, 1), ({"min_score": 0.0}, 2, 2), ({"scoring_rate": True}, 2, 0)])
def test_unscored_rows_are_reported_not_counted(rule, a_selected, b_selected):
    nan = float("nan")
    ranked, groups = make([(0.9, "A"), (0.8, "A"), (0.1, "B"), (0.2, "B"), (nan, "B"), (nan, "B"), (nan, "A")])
    ranked["rank"] = ranked["rank"] + 3                       # even a top rank cannot select an unscored row
    ranked.loc[ranked["score"].isna(), "rank"] = [1, 2, 3]
    result = audit(ranked, groups, ["sex"], **rule)
    assert result.pool == 4 and result.unscored == 3
    assert row(result, "sex", "B")["n"] == 2 and "2 unscored file(s)" in row(result, "sex", "B")["note"]
    assert row(result, "sex", "A")["n"] == 2
    assert (row(result, "sex", "A")["selected"], row(result, "sex", "B")["selected"]) == (a_selected, b_selected)
    assert any("no score" in w for w in result.warnings)


def test_group_with_only_unscored_files():
    ranked, groups = make([(0.9, "A"), (0.1, "A"), (float("nan"), "B")])
    b = row(audit(ranked, groups, ["sex"], min_score=0.5), "sex", "B")
    assert b["n"] == 0 and math.isnan(b["selection_rate"]) and "no scored files" in b["note"]


def test_join_prefers_candidate_id():
    ranked = pd.DataFrame({"rank": [1, 2, 3, 4], "file": ["w.pdf", "x.pdf", "y.pdf", "z.pdf"],
                           "candidate_id": ["7", "8", "9", "10"], "score": [0.9, 0.8, 0.2, 0.1]})
    # file names deliberately cross-wired: only a join on candidate_id gives A = 7, 8
    groups = pd.DataFrame({"candidate_id": [10, 9, 8, 7], "file": ["w.pdf", "x.pdf", "y.pdf", "z.pdf"],
                           "sex": ["B", "B", "A", "A"]})
    result = audit(ranked, groups, ["sex"], top=2)
    assert row(result, "sex", "A")["selected"] == 2 and row(result, "sex", "B")["selected"] == 0


def test_join_falls_back_to_file():
    ranked, groups = make([(0.9, "A"), (0.1, "B")])
    ranked["candidate_id"] = ["c1", "c2"]            # only ranked has it
    assert row(audit(ranked, groups, ["sex"], top=1), "sex", "A")["selected"] == 1


def _bad(change):
    ranked, groups = make([(0.9, "A"), (0.5, "B"), (0.1, "B")])
    kwargs = {"by": ["sex"], "top": 1}
    change(ranked, groups, kwargs)
    return ranked, groups, kwargs


@pytest.mark.parametrize("change, message", [
    (lambda r, g, k: k.pop("top"), "exactly one"),
    (lambda r, g, k: k.update(min_score=0.5), "exactly one"),
    (lambda r, g, k: k.update(top=0), "top"),
    (lambda r, g, k: k.update(top=1.5), "top"),
    (lambda r, g, k: k.update(top=True), "top"),
    (lambda r, g, k: k.update(top=None, min_score=float("nan")), "min_score"),
    (lambda r, g, k: k.update(top=None, min_score="0.5"), "min_score"),
    (lambda r, g, k: k.update(small_group_share=1.0), "small_group_share"),
    (lambda r, g, k: k.update(small_group_share=-0.1), "small_group_share"),
    (lambda r, g, k: k.update(by=[]), "by"),
    (lambda r, g, k: k.update(by=["sex", "sex"]), "by"),
    (lambda r, g, k: k.update(by=["gender"]), "gender"),
    (lambda r, g, k: k.update(by=["file"]), "join column"),
    (lambda r, g, k: r.pop("score"), "score"),
    (lambda r, g, k: r.pop("rank"), "rank"),
    (lambda r, g, k: g.pop("file"), "candidate_id or file"),
    (lambda r, g, k: g.loc.__setitem__((1, "file"), g.loc[0, "file"]), "repeats"),
    (lambda r, g, k: r.__setitem__("score", ["high", "0.5", "0.1"]), "not numbers"),
    (lambda r, g, k: r.__setitem__("score", [float("nan")] * 3), "no scored rows"),
])
def test_bad_arguments_raise_input_error(change, message):
    ranked, groups, kwargs = _bad(change)
    with pytest.raises(InputError, match=message) as info:
        audit(ranked, groups, **kwargs)
    assert isinstance(info.value, ResumeMatchError) and isinstance(info.value, ValueError)


@pytest.mark.parametrize("name, safe", [
    ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"), ("+1", "'+1"), ("-2", "'-2"),
    ("@SUM(A1)", "'@SUM(A1)"), ("Female", "Female"), ("a=b", "a=b"),
])
def test_csv_injection_safe_group_names(tmp_path, name, safe):
    result = audit(*make([(1.0, name)] * 2 + [(0.0, "Other")] * 2), ["sex"], min_score=0.5)
    assert name in set(result.table["group"])            # the table itself keeps the real value
    path = tmp_path / "audit.csv"
    result.to_csv(path)
    back = pd.read_csv(path, keep_default_na=False, dtype=str)
    assert list(back.columns) == list(result.table.columns)
    assert safe in set(back["group"]) and (name == safe or name not in set(back["group"]))


@pytest.mark.parametrize("name", ["=1+1", "+1", "-1", "@A1", "\t=1", "\r=1"])
def test_to_csv_quotes_every_formula_start(tmp_path, name):
    # tab and CR cannot come from groups (values are stripped), so build the result by hand
    table = pd.DataFrame({"attribute": [name], "group": [name], "n": [1], "selected": [1],
                          "selection_rate": [1.0], "impact_ratio": [1.0], "flag": [False], "note": [""]})
    AuditResult(table, (), "test", 1, 0).to_csv(tmp_path / "a.csv")
    back = pd.read_csv(tmp_path / "a.csv", keep_default_na=False, dtype=str)
    assert back.loc[0, "group"] == "'" + name == back.loc[0, "attribute"] == csv_safe(name)


def test_order_is_deterministic():
    members = [(0.9, "b"), (0.8, None), (0.7, "a"), (0.2, "c"), (0.6, "a"), (0.1, "b")]
    ranked, groups = make(members)
    first = audit(ranked, groups, ["sex"], min_score=0.5, small_group_share=0).table
    shuffled = audit(ranked.sample(frac=1, random_state=3), groups.sample(frac=1, random_state=5), ["sex"],
                     min_score=0.5, small_group_share=0).table
    assert list(first["group"]) == ["a", "b", "c", UNKNOWN]
    pd.testing.assert_frame_equal(first.reset_index(drop=True), shuffled.reset_index(drop=True))


def test_top_warnings_for_ties_and_large_k():
    ranked, groups = make([(0.9, "A"), (0.5, "A"), (0.5, "B"), (0.1, "B")])
    assert any("same score" in w for w in audit(ranked, groups, ["sex"], top=2).warnings)
    assert any("everyone is selected" in w for w in audit(ranked, groups, ["sex"], top=9).warnings)
    assert not audit(ranked, groups, ["sex"], top=1).warnings


def test_result_is_frozen_and_summary_readable():
    result = audit(*eeoc(), ["sex"], min_score=0.5)
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.pool = 1  # type: ignore[misc]
    text = format_summary(result)
    assert "score >= 0.5" in text and "FLAG" in text and "0.500" in text and "not a legal opinion" in text
    nan_text = format_summary(audit(*make([(0.7, "A"), (0.7, "B")]), ["sex"], top=1))
    assert "Every score is equal" in nan_text and "FLAG" not in nan_text.replace("FLAG below", "")
