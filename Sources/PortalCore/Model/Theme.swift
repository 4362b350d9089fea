/// What a designer wrote: Mustache templates and the static assets beside them.
public struct Theme: Sendable {
    public var templates: [SourceFile]
    /// Paths under `Theme/assets/`, copied to `Public/assets/`.
    public var assets: [String]
    /// The theme folder as the person named it, for findings about files that are missing.
    public var displayRoot: String = "Theme"
}
