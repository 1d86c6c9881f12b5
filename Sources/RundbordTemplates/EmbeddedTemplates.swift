// The files of Templates/, compiled into the binary (SwiftPM `.embedInCode`),
// so that an installed `rundbord` needs no folder beside it. A test checks
// that every file in Templates/ is listed here with identical bytes.

/// Bundled template files by their path relative to `Templates/`.
public enum EmbeddedTemplates {
    public static let files: [String: [UInt8]] = [
        "visions/faelles-vaerdier.yaml": PackageResources.faelles_vaerdier_yaml,
    ]
}
