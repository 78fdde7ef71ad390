/// The progress as people read it: a line per stage, either with a bar (the terminal
/// display, redrawn in place) or plain (the log line every thirty seconds).
extension ProgressSnapshot {
    /// One line per stage begun: a bar `width` characters wide, then the counts.
    public func lines(now: Double, barWidth: Int = 24) -> [String] {
        var lines: [String] = []
        if let reading {
            lines.append("read   " + Self.bar(Self.fraction(reading.bytesRead, of: reading.inputBytes), width: barWidth)
                         + "  " + readingFigures(reading, now: now))
        }
        if let sending {
            lines.append("check  " + Self.bar(Self.fraction(Int64(sending.settled), of: Int64(sending.numbers)), width: barWidth)
                         + "  " + sendingFigures(sending, now: now))
        }
        return lines
    }

    /// The stage under way in one line, for logs: "check harmony: 12,000 of 50,000 numbers ...".
    public func logLine(now: Double) -> String? {
        if let sending { return "progress: check \(sending.provider): " + sendingFigures(sending, now: now) }
        if let reading { return "progress: read " + readingFigures(reading, now: now) }
        return nil
    }

    private func readingFigures(_ reading: Reading, now: Double) -> String {
        let fraction = Self.fraction(reading.bytesRead, of: reading.inputBytes)
        let seconds = now - reading.startedAt
        let done = Double(reading.bytesRead - reading.bytesAtStart)
        var text = "\(Self.percent(fraction)) \(Figures.count(reading.rows)) rows"
        if seconds >= 1, reading.rows > 0, done > 0 {
            let rowsPerByte = Double(reading.rows) / Double(max(reading.bytesRead, 1))
            text += ", \(Figures.count(Int(done * rowsPerByte / seconds))) rows/s"
            let left = Double(reading.inputBytes - reading.bytesRead) / (done / seconds)
            if left > 0 { text += ", \(Figures.duration(left)) left" }
        }
        return text
    }

    private func sendingFigures(_ sending: Sending, now: Double) -> String {
        let seconds = now - sending.startedAt
        let done = sending.settled - sending.settledAtStart
        var text = "\(Self.percent(Self.fraction(Int64(sending.settled), of: Int64(sending.numbers)))) "
            + "\(Figures.count(sending.settled)) of \(Figures.count(sending.numbers)) numbers"
        if seconds >= 1, done > 0 {
            let rate = Double(done) / seconds
            text += ", \(Figures.rate(rate))/s"
            let left = Double(sending.numbers - sending.settled) / rate
            if left > 0 { text += ", \(Figures.duration(left)) left" }
        }
        text += "; \(Figures.count(sending.requests)) requests, \(Figures.count(sending.retries)) retries, "
            + "\(Figures.count(sending.units)) units"
        return text
    }

    static func fraction(_ part: Int64, of whole: Int64) -> Double {
        whole > 0 ? min(1, max(0, Double(part) / Double(whole))) : 1
    }

    /// "[#########...............]"; eighths of a cell drawn with block characters would
    /// be smoother, but not every terminal font has them.
    static func bar(_ fraction: Double, width: Int) -> String {
        let filled = Int((fraction * Double(width)).rounded(.down))
        return "[" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled) + "]"
    }

    /// " 42%"
    static func percent(_ fraction: Double) -> String {
        let text = "\(Int((fraction * 100).rounded(.down)))%"
        return String(repeating: " ", count: max(0, 4 - text.count)) + text
    }
}
