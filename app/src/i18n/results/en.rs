//! English.

use super::ResultsStrings;

/// English.
pub static RESULTS: ResultsStrings = ResultsStrings {
    spoiled: |n| {
        format!(
            "{n} paper ballots were spoiled (marked beyond the ballot's limits, or unreadable): counted as turnout, not as votes."
        )
    },
    title: |cycle| format!("Results: {cycle}"),
    certified_by: |k, n, names| {
        format!("Certified by {k} of the {n} committee members ({names}). These results are final.")
    },
    not_yet: "The results of this cycle are not published yet: they appear here once the committee has certified the count.",
    no_such_cycle: "There is no such cycle.",
    method_greedy: |score| {
        format!(
            "Counted greedily: projects in order of their {score}, each funded if it still fit in the money left, skipped if not."
        )
    },
    method_mes: "Counted by the Method of Equal Shares: the budget is split equally among the voters, and a project is funded when its own supporters can pay for it together, the cheapest for them first. That way every group of voters gets a fair part of the budget.",
    method_irv: "Counted by instant runoff: each round, every ballot counts for its highest choice still in the running; the project with the fewest votes is eliminated and its ballots move on, until one has more than half.",
    method_stv: |seats, quota| {
        format!(
            "Counted by single transferable vote for {seats} seats: a project with at least {quota} votes (the quota) is elected and its extra votes move on at a fraction; if nobody reaches it, the fewest is eliminated."
        )
    },
    funded_heading: "What was funded",
    elected_heading: "Who was elected",
    spent: |spent, budget, left| format!("{spent} of the {budget} budget spent; {left} left over."),
    budget_columns: ["Project", "Cost"],
    left_over: "Left over",
    nothing_funded: "No project was funded.",
    projects_heading: "Every project, and why",
    project_columns: ["Project", "Cost", "Supporters", "Result", "Why"],
    score_names: ["votes", "points", "Borda score", "first choices"],
    funded_word: |at| format!("Funded (#{at})"),
    funded_plain: "Funded",
    not_funded_word: "Not funded",
    eliminated_word: "eliminated",
    elected_word: "Elected",
    not_elected_word: "Not elected",
    why_greedy_funded: |at, left| {
        format!("Funded: it was number {at} in line and still fit; {left} was left after it.")
    },
    why_greedy_skipped: |left, cost| {
        format!("Not funded: when its turn came only {left} was left and it costs {cost}.")
    },
    why_no_support: "Not funded: no ballot supported it.",
    why_mes_each: |round, n, each| {
        format!("Funded in round {round} of equal shares: {n} of its supporters paid {each} each.")
    },
    why_mes_per_point: |round, n, per| {
        format!(
            "Funded in round {round} of equal shares: {n} of its supporters paid {per} for each point they gave it."
        )
    },
    why_mes_all_left: |m, paid| match m {
        1 => format!(" One other paid all they had left, {paid}."),
        m => format!(" {m} others paid all they had left ({paid} together)."),
    },
    why_mes_unaffordable: |n, left, cost| match n {
        1 => format!("Not funded: its one supporter had only {left} left for a {cost} project."),
        n => format!(
            "Not funded: its {n} supporters had only {left} left between them for a {cost} project."
        ),
    },
    why_completion_funded: |left| {
        format!(
            "Funded with the money equal shares left over, handed out by votes: it fit, and {left} was left after it."
        )
    },
    why_completion_skipped: |left, cost| {
        format!(
            " When the money left over was handed out by votes, only {left} was left and it costs {cost}."
        )
    },
    why_won: |round, votes, share| {
        format!("Won in round {round} with {votes} votes, {share} of the ballots still counting.")
    },
    why_elected: |round, votes, quota| {
        format!("Elected in round {round} with {votes} votes (the quota is {quota}).")
    },
    why_eliminated: |round, votes| {
        format!(
            "Eliminated in round {round} with {votes} votes, the fewest; its ballots moved to their next choices."
        )
    },
    why_still_in: |votes| {
        format!("Not elected: still in the count at the end, with {votes} votes.")
    },
    why_tie: |others| {
        format!(" It was tied with {others}; the tie-break fixed before voting decided.")
    },
    rounds_heading: "Round by round",
    chart_table_note: "Each chart has a table with the same numbers.",
    greedy_caption: |score| {
        format!("Projects in order of {score}, funded or skipped, with the money left after each")
    },
    greedy_columns: ["Place", "Project", "Cost", "Result", "Left after"],
    skipped_word: "Skipped",
    mes_start: |n, per| {
        format!("Each of the {n} voters started with {per}, an equal share of the budget.")
    },
    mes_add_one: |per| {
        format!(
            "Equal shares left money unspent, so it was counted again with each voter's share raised one cent at a time, as far as the outcome still fit the budget: the outcome kept gives each voter {per}."
        )
    },
    mes_caption: "Equal shares, round by round: each funded project's cost, paid by its supporters",
    mes_columns: [
        "Round",
        "Project",
        "Cost",
        "Paid in full",
        "Paid all they had left",
    ],
    mes_in_full: |n, total| format!("{n} supporters, {total}"),
    mes_all_left: |m, total| format!("{m} supporters, {total}"),
    completion_heading: "The money left over, by votes",
    completion_caption: "The money equal shares left over, handed out in order of votes",
    round_heading: |n| format!("Round {n}"),
    runoff_columns: ["Project", "Votes", "Share", "Change"],
    exhausted: "Exhausted ballots (no choice left)",
    kept: "Kept by elected projects",
    moved_eliminated: |who, went| format!("{who} was eliminated; its ballots went: {went}."),
    moved_elected: |who, votes| format!("{who} was elected with {votes} votes."),
    moved_surplus: |who, went| format!("{who} was elected; its extra votes went: {went}."),
    went_to: |n, to| format!("{n} to {to}"),
    went_exhausted: |n| format!("{n} exhausted"),
    ties_heading: "Ties and the tie-break seed",
    no_ties: "No tie had to be broken.",
    and: "and",
    tie: |tied, policy, chosen| format!("{tied} were tied; {policy} chose {chosen}."),
    policies: [
        "the rule fixed before voting (the cheaper project, then the seeded order)",
        "the rule fixed before voting (the counts of earlier rounds, then the seeded order)",
        "the rule fixed before voting (the project ids' order)",
    ],
    seed_help: "The seeded order comes from SHA-256 of \"pebble/tiebreak\", the sealed ballot log's root and each committee member's secret, committed to before voting opened and revealed after the log was sealed: nobody could know it while votes were cast, and no one member could choose it.",
    seed_labels: ["Sealed log root", "Revealed by", "Seed"],
    turnout_heading: "Who took part",
    ballots: |total, online, paper| {
        format!("{total} ballots: {online} online and {paper} on paper.")
    },
    imported: |n| format!("{n} votes imported from a past election's file."),
    turnout_columns: ["Group", "Codes used", "Share"],
    used_of: |used, issued| format!("{used} of {issued}"),
    turnout_help: "Voter codes issued and used per group. It never says how any group voted.",
    downloads_heading: "Check it yourself",
    downloads: [
        "The election record (JSON)",
        "The ballots (pabulib .pb)",
        "The results (CSV)",
    ],
    verify_help: "Anyone can re-check this count without trusting this server. Download the election record and run:",
    verify_after: "It rebuilds the ballot log from every ballot, checks the signatures and the committee's certifications, counts again, and prints OK or the first difference. The .pb file re-counts in pabutools or any pabulib tool.",
    hash_label: "Record hash (what the committee certified)",
};
