extension ResolvedCommitment {
    /// The client's own commitments done, and those counted for the rate (see
    /// `CommitmentSummary.Group.doneRate`): `commitments` and summaries tell the same figure.
    /// With no `today` (a case with no dated note), nothing is past due.
    static func doneRate(of commitments: [ResolvedCommitment], today: LocalDate?) -> (done: Int, counted: Int) {
        let own = commitments.filter { $0.owner == .client }
        let done = own.filter { $0.status == .done }.count
        // A carried commitment has no verdict of its own: its successor will have one.
        let counted = own.filter { item in
            item.status == .carried ? false
                : item.status != .open
                || item.history.contains(where: \.isMiss) || (today.map(item.isLate(on:)) ?? false)
        }.count
        return (done, counted)
    }
}
