/// A rendering as bytes, for a cache kept on disk (PortalCore's `MarkdownStore`): a magic line, then
/// every field length-prefixed, in the order of the initialiser.
extension RenderedMarkdown {
    static let codingMagic = Array("PMD1\n".utf8)

    public func encoded() -> [UInt8] {
        let rendered = self
        var out = Writer()
        out.bytes = Self.codingMagic
        out.string(rendered.html)
        out.int(rendered.headings.count)
        for heading in rendered.headings {
            out.int(heading.level); out.string(heading.text); out.string(heading.id); out.int(heading.line)
        }
        out.string(rendered.firstParagraph)
        out.string(rendered.plainText)
        out.int(rendered.links.count)
        for link in rendered.links { out.string(link.destination); out.int(link.line) }
        out.int(rendered.images.count)
        for image in rendered.images { out.string(image.source); out.string(image.alt); out.int(image.line) }
        out.int(rendered.tables.count)
        for table in rendered.tables { out.int(table.line); out.int(table.headerHasText ? 1 : 0) }
        out.int(rendered.shortcodes.count)
        for call in rendered.shortcodes {
            out.string(call.name)
            out.int(call.arguments.count)
            for argument in call.arguments { out.string(argument.key); out.string(argument.value) }
            out.int(call.line); out.int(call.column); out.string(call.placeholder); out.string(call.source)
            out.int(call.syntaxError == nil ? 0 : 1)
            if let error = call.syntaxError { out.string(error) }
            out.int(call.standsAlone ? 1 : 0)
        }
        return out.bytes
    }

    /// Nil for bytes `encoded` did not write: another magic, a length past the end, bytes left over.
    public convenience init?(encoded bytes: ArraySlice<UInt8>) {
        guard bytes.starts(with: Self.codingMagic) else { return nil }
        var input = Reader(bytes: bytes, offset: bytes.startIndex + Self.codingMagic.count, end: bytes.endIndex)
        guard let html = input.string(), let headingCount = input.count() else { return nil }
        var headings: [RenderedMarkdown.Heading] = []
        for _ in 0..<headingCount {
            guard let level = input.int(), let text = input.string(), let id = input.string(), let line = input.int() else { return nil }
            headings.append(.init(level: level, text: text, id: id, line: line))
        }
        guard let firstParagraph = input.string(), let plainText = input.string(), let linkCount = input.count() else { return nil }
        var links: [RenderedMarkdown.Link] = []
        for _ in 0..<linkCount {
            guard let destination = input.string(), let line = input.int() else { return nil }
            links.append(.init(destination: destination, line: line))
        }
        guard let imageCount = input.count() else { return nil }
        var images: [RenderedMarkdown.Image] = []
        for _ in 0..<imageCount {
            guard let source = input.string(), let alt = input.string(), let line = input.int() else { return nil }
            images.append(.init(source: source, alt: alt, line: line))
        }
        guard let tableCount = input.count() else { return nil }
        var tables: [RenderedMarkdown.Table] = []
        for _ in 0..<tableCount {
            guard let line = input.int(), let header = input.int() else { return nil }
            tables.append(.init(line: line, headerHasText: header == 1))
        }
        guard let callCount = input.count() else { return nil }
        var calls: [ShortcodeCall] = []
        for _ in 0..<callCount {
            guard let name = input.string(), let argumentCount = input.count() else { return nil }
            var arguments: [(key: String, value: String)] = []
            for _ in 0..<argumentCount {
                guard let key = input.string(), let value = input.string() else { return nil }
                arguments.append((key, value))
            }
            guard let line = input.int(), let column = input.int(), let placeholder = input.string(), let source = input.string(),
                  let hasError = input.int() else { return nil }
            var syntaxError: String?
            if hasError == 1 {
                guard let error = input.string() else { return nil }
                syntaxError = error
            }
            guard let standsAlone = input.int() else { return nil }
            calls.append(ShortcodeCall(name: name, arguments: arguments, line: line, column: column, placeholder: placeholder,
                                       source: source, syntaxError: syntaxError, standsAlone: standsAlone == 1))
        }
        guard input.offset == input.end else { return nil }
        self.init(html: html, headings: headings, firstParagraph: firstParagraph, plainText: plainText, links: links,
                                images: images, tables: tables, shortcodes: calls)
    }

    struct Writer {
        var bytes: [UInt8] = []

        mutating func int(_ value: Int) {
            withUnsafeBytes(of: Int64(value).littleEndian) { bytes.append(contentsOf: $0) }
        }

        mutating func string(_ value: String) {
            int(value.utf8.count)
            bytes.append(contentsOf: value.utf8)
        }
    }

    struct Reader {
        let bytes: ArraySlice<UInt8>
        var offset: Int
        let end: Int

        mutating func int() -> Int? {
            guard end - offset >= 8 else { return nil }
            var value: Int64 = 0
            for shift in 0..<8 { value |= Int64(bytes[offset + shift]) << (8 * shift) }
            offset += 8
            return Int(value)
        }

        /// A count of items that each take at least a byte, so a damaged count cannot ask for more.
        mutating func count() -> Int? {
            guard let value = int(), value >= 0, value <= end - offset else { return nil }
            return value
        }

        mutating func string() -> String? {
            guard let length = count() else { return nil }
            let text = String(decoding: bytes[offset..<offset + length], as: UTF8.self)
            offset += length
            return text
        }
    }
}
