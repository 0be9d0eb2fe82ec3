// Catching misspelt keys: a misspelt key silently ignored would leave a default in place that
// the planner believes they changed.

extension TOMLFile {
    /// One error per key the catalogue does not know, with the closest known key suggested.
    /// `known` lists full dotted keys; keys inside records are listed with blank indices
    /// (`fleet[].count`), and an entry matches by its exact key or its `patternKey`.
    public func rejectUnknownKeys(known: Set<String>) -> [InputError] {
        rejectUnknownKeys(isKnown: { known.contains($0) }, candidates: known.sorted())
    }

    /// As above, with a predicate (e.g. "any key under `notes.`") and the keys to suggest from.
    public func rejectUnknownKeys(isKnown: (String) -> Bool, candidates: [String]) -> [InputError] {
        entries.compactMap { entry in
            if isKnown(entry.dottedKey) || isKnown(entry.patternKey) { return nil }
            var fix = "remove the line, or correct the key (h2corridor explain lists every key)"
            if let match = closestMatch(to: entry.patternKey, among: candidates) {
                let suggestion = TOMLKeyPath.fillingIndices(of: match, from: entry.dottedKey)
                fix = "did you mean \"\(suggestion)\"? Otherwise remove the line (h2corridor explain lists every key)"
            }
            return entry.error("unknown key \"\(entry.dottedKey)\"", fix: fix)
        }
    }
}
