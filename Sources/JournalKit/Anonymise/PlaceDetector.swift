/// Towns and places the case file does not declare, known by the word before them: « Il a
/// déménagé à Roubaix », « depuis Tourcoing », « en Haute-Savoie », "she moved to Tallinn",
/// "based in Tartu", "near Sillamäe". A capitalised word after such a word, in the middle of a
/// sentence, is taken for a place unless it is a tool, a language, a department or a country
/// (`NameDetector.commonCapitalised`: « en Python », "in Excel", « en France » stay). Fails
/// closed: a person's name after « à » or "to" is hidden too, as a place (« à Marie » is hidden
/// either way, as a person when the name is known).
enum PlaceDetector {
    /// The words a place follows, as written in lower case.
    static let cues: Set<String> = ["à", "au", "aux", "en", "depuis", "vers", "in", "from", "to", "near"]
    /// « de » and « d' » name a place only after these (« près de Lille », « originaire d'Oran »,
    /// « la ville de Roubaix »): alone they come before a name, a product or a project far more
    /// often (« le pilotage de Mercure »).
    static let beforeDe: Set<String> = [
        "pres", "originaire", "originaires", "venu", "venue", "venus", "venues", "revenu", "revenue", "loin", "proche",
        "banlieue", "environs", "region", "ville", "mairie", "agglomeration", "sortie", "arrive", "arrivee", "parti",
        "partie", "natif", "native", "quartier", "campagne", "alentours", "cote",
        // Coming back from somewhere: « arrivée en retard de Riom », « elle revient de Vichy ».
        "retard", "revient", "reviennent", "revenait", "rentre", "rentrait", "rentree", "vient", "venait", "descend",
        "descendue", "remonte", "remontee", "train", "route", "trajet",
    ]
    /// Articles that belong to a town's name: « à La Rochelle », « au Mans » is « Mans » alone.
    private static let articles: Set<String> = ["le", "la", "les", "l"]

    /// The ranges of the places in `text`, each from its first word to its last.
    static func ranges(_ tokens: [WordTokens.Token], in text: String) -> [Range<String.Index>] {
        var found: [Range<String.Index>] = []
        var index = 1
        while index < tokens.count {
            guard tokens[index].capitalised, isCue(tokens[index - 1], before: tokens[index], in: text)
                    || isDe(index - 1, before: tokens[index], tokens, in: text) else {
                index += 1
                continue
            }
            var first = index
            // « à La Rochelle »: the article is part of the name when a capitalised word follows.
            if articles.contains(tokens[index].folded), index + 1 < tokens.count, tokens[index + 1].capitalised,
               gap(tokens[index], tokens[index + 1], in: text).allSatisfy({ $0 == " " || Registry.apostrophes.contains($0) }),
               !gap(tokens[index], tokens[index + 1], in: text).isEmpty {
                first = index + 1
            }
            guard isPlaceWord(tokens[first]) else {
                index += 1
                continue
            }
            // Joined by hyphens (Aix-en-Provence, Saint-Étienne) or a space and a capital (Hebden Bridge).
            var last = first
            while last + 1 < tokens.count, last - first < 5 {
                let between = gap(tokens[last], tokens[last + 1], in: text)
                if between == "-" || (between == " " && tokens[last + 1].capitalised && isPlaceWord(tokens[last + 1])) {
                    last += 1
                } else {
                    break
                }
            }
            found.append(tokens[index].range.lowerBound..<tokens[last].range.upperBound)
            index = last + 1
        }
        return found
    }

    private static func gap(_ left: WordTokens.Token, _ right: WordTokens.Token, in text: String) -> Substring {
        text[left.range.upperBound..<right.range.lowerBound]
    }

    /// A capitalised word, not an acronym, not a tool or a country, not a word that opens sentences.
    private static func isPlaceWord(_ token: WordTokens.Token) -> Bool {
        token.capitalised && !token.shouted && token.folded.count >= 2 && !NameDetector.commonCapitalised.contains(token.folded)
            && !NameDetector.sentenceWords.contains(Substring(token.folded))
    }

    /// « de » or « d' » after a word of `beforeDe`: « près de Lille », « près d'Annecy ».
    private static func isDe(_ index: Int, before word: WordTokens.Token, _ tokens: [WordTokens.Token], in text: String) -> Bool {
        guard index > 0, tokens[index].folded == "de" || tokens[index].folded == "d", beforeDe.contains(tokens[index - 1].folded),
              gap(tokens[index - 1], tokens[index], in: text) == " " else { return false }
        let between = gap(tokens[index], word, in: text)
        return tokens[index].folded == "d" ? between.count == 1 && Registry.apostrophes.contains(between.first!) : between == " " || between == "\n"
    }

    /// Whether `cue` is one of the words a place follows, with a single space or line break after it.
    private static func isCue(_ cue: WordTokens.Token, before word: WordTokens.Token, in text: String) -> Bool {
        let between = gap(cue, word, in: text)
        guard between == " " || between == "\n" else { return false }
        return cues.contains(text[cue.range].lowercased())
    }
}
