import RundbordCore
import Testing
@testable import rundbord

/// The command line's own strings live in the `rundbord` program, not in
/// RundbordCore; every key has both languages.
@Suite struct CLITextTests {
    @Test func everyCommandLineKeyHasBothLanguages() {
        #expect(Catalogue.problems(CLIText.self) == [])
        #expect(Catalogue.problems(TableText.self) == [])
        #expect(Catalogue.problems(KeyTryText.self) == [])
    }
}
