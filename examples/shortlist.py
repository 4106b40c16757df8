"""A recruiting script on the resumematch API: keep the candidates who meet every required
item, and write the five best to shortlist.csv.

Run from the repository root:  python examples/shortlist.py examples/resumes
"""

import sys

from resumematch import Screener


def main() -> None:
    folder = sys.argv[1] if len(sys.argv) > 1 else "examples/resumes"
    screener = Screener("it_project_manager")
    ranked = screener.rank([folder])

    scored = ranked[ranked["status"] == "ok"]
    complete = scored[scored["missing_required"].fillna("") == ""]
    top = complete.head(5)
    top[["rank", "candidate", "score", "required_met", "email", "phone"]].to_csv("shortlist.csv", index=False)
    print(f"{len(complete)} of {len(ranked)} candidates meet every required item; top {len(top)} in shortlist.csv")
    for _, row in top.iterrows():
        print(f"  {row['rank']:>3}  {row['score']:6.2f}  {row['candidate']}  ({row['file']})")


if __name__ == "__main__":  # needed where workers are spawned (macOS, Windows): they import this file
    main()
