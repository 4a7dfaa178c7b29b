import Foundation
import Testing
@testable import JournalKit

/// The name detector on a corpus written for it: every person's name is marked [[Like This]].
/// The test reports precision and recall (recorded in docs/lint.md) and fails below the floors.
@Suite struct NameDetectionTests {
    static let corpus = """
        [[Nadia]] a enfin délégué le prévisionnel à [[Karim]].
        Claire et nette, la demande de la DRH tient en une phrase.
        Elle en a parlé à [[Claire]], sa N+1, qui a dit non.
        Rose est la couleur du dossier ; le dossier est clos.
        Le rendez-vous avec Mme [[Lefort]] est reporté à jeudi.
        M. [[Garnier]] veut un point mensuel, par écrit.
        Pierre après pierre, il reconstruit son équipe.
        Son associé [[Pierre]] lui reproche de tout contrôler.
        Le Dr [[Benhamou]] a prescrit trois semaines d'arrêt.
        [[Jean-Marc]] et [[Sophie]] se partagent l'équipe de nuit.
        L'avis d'[[Amélie]] compte plus que celui du comité.
        Elle a appelé [[Thierry]] pour caler l'entretien annuel.
        La PME emploie quarante personnes à Lyon.
        Le comité de direction se réunit le lundi.
        Il prépare la réunion avec [[Sabrina]] et [[Mehdi]].
        Marseille ou Lyon : le choix du site n'est pas fait.
        Guy, son N+2, ne répond plus aux courriels.
        Sa cheffe, [[Guy]] [[Martin]], ne répond plus.
        Le client parle d'[[Élodie]] comme d'une alliée.
        France Travail a financé la formation.
        Avec [[Inès]], la confiance revient doucement.
        Grace au nouveau planning, les nuits sont couvertes.
        She asked [[Mark]] for feedback before the board meeting.
        Will she delegate? The odds are ten to one.
        The sponsor, Mrs [[Whitfield]], wants monthly updates.
        [[Emma]] and [[Liam]] run the night shift.
        April was hard; May looks better.
        He met [[Julien]] at the trade fair in Nantes.
        La directrice, Mme [[Royer]], a validé le budget.
        Le projet Orion avance, malgré les retards.
        Selon [[Bastien]], le devis est trop bas.
        Victoire d'étape : elle a dit non sans se justifier.
        Elle hésite à en parler à [[Mathieu]], son conjoint.
        Constance et patience, dit-elle, sont ses deux mots.
        Les retours de [[Léa]] et de [[Hugo]] sont positifs.
        Me [[Vasseur]] conseille d'attendre la fin du contrat.
        Le président, M. le directeur général, est absent.
        L'équipe de [[Fatima]] a doublé ses ventes.
        Aurore l'a réveillée tôt : elle a relu ses notes.
        [[Olivier]] garde la main sur les grands comptes.
        """

    struct Score {
        var truePositives = 0, falsePositives = 0, falseNegatives = 0
        var precision: Double { Double(truePositives) / Double(max(1, truePositives + falsePositives)) }
        var recall: Double { Double(truePositives) / Double(max(1, truePositives + falseNegatives)) }
    }

    static func score() -> (Score, [String]) {
        var score = Score()
        var misses: [String] = []
        for (index, annotated) in corpus.split(separator: "\n").enumerated() {
            var expected: [String] = []
            var plain = ""
            var rest = Substring(annotated)
            while let open = rest.range(of: "[["), let close = rest.range(of: "]]") {
                plain += rest[..<open.lowerBound]
                let name = String(rest[open.upperBound..<close.lowerBound])
                expected.append(name)
                plain += name
                rest = rest[close.upperBound...]
            }
            plain += rest
            // What lint warns about: the uncertain ones are hidden by summaries, not reported.
            let found = NameDetector.candidates(in: Substring(plain), number: index + 1).filter(\.confident).map(\.name)
            var remaining = expected
            for name in found {
                if let position = remaining.firstIndex(of: name) {
                    remaining.remove(at: position)
                    score.truePositives += 1
                } else {
                    score.falsePositives += 1
                    misses.append("false positive “\(name)” in: \(plain)")
                }
            }
            score.falseNegatives += remaining.count
            misses += remaining.map { "missed “\($0)” in: \(plain)" }
        }
        return (score, misses)
    }

    @Test func precisionAndRecallOnTheCorpus() {
        let (score, misses) = Self.score()
        print("undeclared-person corpus: precision \(score.precision), recall \(score.recall) (\(score.truePositives) found, \(score.falsePositives) false, \(score.falseNegatives) missed)")
        for miss in misses { print("  " + miss) }
        #expect(score.recall >= 0.9)
        #expect(score.precision >= 0.9)
    }
}
