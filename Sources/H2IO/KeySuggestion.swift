// "Did you mean …?" for misspelt keys and column names.

/// Optimal-string-alignment distance: insertions, deletions, substitutions and adjacent
/// transpositions ("ratse" → "rates") each cost 1. Works on Unicode scalars.
public func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a.unicodeScalars), b = Array(b.unicodeScalars)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var beforePrevious = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            let cost = a[i - 1] == b[j - 1] ? 0 : 1
            var best = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                best = min(best, beforePrevious[j - 2] + 1)
            }
            current[j] = best
        }
        (beforePrevious, previous, current) = (previous, current, beforePrevious)
    }
    return previous[b.count]
}

/// The candidate closest to `name`, if it is close enough to be a plausible typo: within
/// max(2, a third of the length) edits, or with the same last dotted component (a key put in
/// the wrong table). Ties go to the candidate that sorts first, so suggestions are stable.
public func closestMatch(to name: String, among candidates: some Sequence<String>) -> String? {
    let lastComponent = name.split(separator: ".").last.map(String.init)
    let length = name.unicodeScalars.count
    let threshold = max(2, length / 3)
    var best: (distance: Int, candidate: String)?
    var sameLeaf: String?
    for candidate in candidates {
        if let lastComponent, candidate.split(separator: ".").last.map(String.init) == lastComponent,
            sameLeaf == nil || candidate < sameLeaf!
        {
            sameLeaf = candidate
        }
        // The distance is at least the difference in length: a candidate that much shorter or
        // longer can never be close enough, so its quadratic distance is not computed (a 30 KB
        // pasted cell against 200 keys took 14 s in debug).
        guard abs(candidate.unicodeScalars.count - length) <= threshold else { continue }
        let distance = editDistance(name, candidate)
        if best == nil || distance < best!.distance || (distance == best!.distance && candidate < best!.candidate) {
            best = (distance, candidate)
        }
    }
    if let best, best.distance <= threshold { return best.candidate }
    return sameLeaf
}
