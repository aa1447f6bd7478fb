#!/usr/bin/env python3
"""Re-count a certified cycle's exported ballots with pabutools and compare
with its election record.

  recount_record.py RECORD.json BALLOTS.pb

BALLOTS.pb is `GET /api/v1/cycles/{id}/ballots.pb` (or `pebble export
--format pb`); its META `pebble_rule` names the rule (`greedy` or `mes
<completion>`). Amounts in the file are in the currency's units with
cents, so MES's add-one completion raises each voter's budget by 1/100
of a unit, one minor unit, as Pebble does. Ties go to pabutools'
lexicographic order, so the check is meant for outcomes without ties
(the record's transcript says whether any tie was broken).

Prints the funded projects both ways; exit status 0 when pabutools funds
exactly the record's winners in the same order, 1 otherwise, 2 for a
rule pabutools does not implement here (irv, stv).
"""

import json
import sys

from pabutools.election import parse_pabulib
from pabutools.fractions import frac
from pabutools.rules import greedy_utilitarian_welfare, method_of_equal_shares
from pabutools.tiebreaking import lexico_tie_breaking

sys.path.insert(0, __file__.rsplit("/", 1)[0])
from pabutools_oracle import APPROVAL_TYPES, ranks, sat_class, score_function  # noqa: E402


def main():
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    record_path, pb_path = sys.argv[1:]
    with open(record_path, encoding="utf-8") as f:
        record = json.load(f)
    instance, profile = parse_pabulib(pb_path)
    rule = instance.meta.get("pebble_rule", "")
    vote_type = instance.meta["vote_type"]
    score = score_function(vote_type, ranks(instance, profile))
    greedy_sat = sat_class(score, times_cost=True)
    mes_sat = None
    if vote_type in APPROVAL_TYPES:
        from pabutools.election import Cost_Sat
        mes_sat = Cost_Sat
    else:
        mes_sat = sat_class(score, times_cost=False)

    def greedy(initial=None):
        return greedy_utilitarian_welfare(instance, profile, sat_class=greedy_sat,
                                          tie_breaking=lexico_tie_breaking,
                                          initial_budget_allocation=initial)

    if rule == "greedy":
        outcome = greedy()
    elif rule.startswith("mes "):
        completion = rule.split(" ", 1)[1]
        increment = frac(1, 100) if completion.startswith("add1") else None
        outcome = method_of_equal_shares(instance, profile, sat_class=mes_sat,
                                         tie_breaking=lexico_tie_breaking,
                                         voter_budget_increment=increment)
        if completion.endswith("greedy"):
            outcome = greedy(outcome)
    else:
        print(f"rule {rule!r} is not re-counted with pabutools here", file=sys.stderr)
        return 2
    ours = [p.name for p in outcome]
    theirs = record["outcome"]["winners"]
    print(f"pabutools ({rule}): {', '.join(ours)}")
    print(f"record:            {', '.join(theirs)}")
    if ours != theirs:
        print("DIFFERENT", file=sys.stderr)
        return 1
    print("same projects, same order")
    return 0


if __name__ == "__main__":
    sys.exit(main())
