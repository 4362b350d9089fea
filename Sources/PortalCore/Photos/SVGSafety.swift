/// An SVG is published as it is, so one that runs script or loads from elsewhere is refused: a
/// `<script>` element, an event attribute (`onload=`, `onclick=`), `javascript:` links, a
/// `<foreignObject>` (HTML inside the picture) or a reference to another site.
enum SVGSafety {
    static func problem(in bytes: [UInt8]) -> String? {
        let text = String(decoding: bytes, as: UTF8.self).lowercased()
        if text.contains("<script") { return "it contains a <script> element: remove it, a picture on the site may not run code" }
        if text.contains("<foreignobject") { return "it contains a <foreignObject> element: remove it, or export the drawing as plain SVG" }
        if text.contains("javascript:") { return "it contains a javascript: link: remove it" }
        if let attribute = eventAttribute(in: Array(text.utf8)) {
            return "it has an event attribute (\(attribute)=): remove it, a picture on the site may not run code"
        }
        for marker in ["href=\"http:", "href=\"https:", "href='http:", "href='https:", "href=\"//", "url(http:", "url(https:", "@import"] where text.contains(marker) {
            return "it refers to a file on another site (\(marker)…): include the file in the SVG or remove the reference"
        }
        return nil
    }

    /// The first `on…=` attribute inside a tag: a space, `on`, letters, optional spaces, `=`.
    private static func eventAttribute(in bytes: [UInt8]) -> String? {
        var insideTag = false
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "<") { insideTag = true } else if byte == UInt8(ascii: ">") { insideTag = false }
            if insideTag, [0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: "/")].contains(byte), index + 3 < bytes.count,
               bytes[index + 1] == UInt8(ascii: "o"), bytes[index + 2] == UInt8(ascii: "n") {
                var end = index + 3
                while end < bytes.count, (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(bytes[end]) { end += 1 }
                var after = end
                while after < bytes.count, bytes[after] == 0x20 { after += 1 }
                if end > index + 3, after < bytes.count, bytes[after] == UInt8(ascii: "=") {
                    return String(decoding: bytes[(index + 1)..<end], as: UTF8.self)
                }
            }
            index += 1
        }
        return nil
    }
}
