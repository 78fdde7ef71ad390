/// Where a job is. Stages run in this order; each is resumable on its own.
public enum JobStage: String, Sendable, Codable, Comparable {
    case ingest, plan, submit, export, done

    private var order: Int {
        switch self {
        case .ingest: return 0
        case .plan: return 1
        case .submit: return 2
        case .export: return 3
        case .done: return 4
        }
    }

    public static func < (a: JobStage, b: JobStage) -> Bool { a.order < b.order }
}
