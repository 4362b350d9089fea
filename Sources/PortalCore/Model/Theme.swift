/// What a designer wrote: Mustache templates and the static assets beside them.
public struct Theme: Sendable {
    public var templates: [SourceFile]
    /// Paths under `Theme/assets/`, copied to `Public/assets/`.
    public var assets: [String]
}
