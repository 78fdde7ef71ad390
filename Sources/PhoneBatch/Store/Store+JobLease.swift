/// The job's own lease, for the one stage only one process may run at a time: reading the
/// input (every other stage is shared through the batch leases). Held by `host:pid` until
/// `lease_until`, renewed with every chunk committed.
extension Store {
    /// What came of asking for the job's lease.
    public enum JobLeaseClaim: Equatable, Sendable {
        /// This process holds it.
        case held
        /// Another live process holds it.
        case busy(owner: String)
    }

    /// Seconds a job lease lasts without renewal: ample for one chunk of ingest.
    public static let jobLeaseSeconds = 120.0

    /// Takes the job's lease unless another process holds it, live and in time.
    public func takeJobLease(owner: String, isGone: (String) -> Bool = LeaseOwner.isGone) throws -> JobLeaseClaim {
        try transaction {
            let query = try statement("SELECT lease_owner, lease_until < ? FROM job WHERE id = 1")
            query.bind(1, Timestamp.now())
            defer { query.reset() }
            guard try query.step() else { return .held }
            if let holder = query.optionalString(0), holder != owner, query.int64(1) == 0, !isGone(holder) {
                return .busy(owner: holder)
            }
            try setJobLease(owner: owner, seconds: Self.jobLeaseSeconds)
            return .held
        }
    }

    /// Ends this process's job lease.
    public func releaseJobLease(owner: String) throws {
        try transaction {
            let release = try statement("UPDATE job SET lease_owner = NULL, lease_until = NULL WHERE id = 1 AND lease_owner = ?")
            release.bind(1, owner)
            try release.run()
        }
    }

    /// Sets (or renews) the lease; call it inside a transaction.
    func setJobLease(owner: String, seconds: Double) throws {
        let update = try statement("UPDATE job SET lease_owner = ?, lease_until = ? WHERE id = 1")
        update.bind(1, owner)
        update.bind(2, Timestamp.after(seconds: seconds))
        try update.run()
    }
}
