import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A parsed SVG (or HTML table, which the renderer also writes as well-formed XML), for asserting on
/// structure instead of on substrings. Parsing at all proves the output is well-formed.
final class XMLTree {
    final class Element {
        let name: String
        let attributes: [String: String]
        var children: [Element] = []
        var text = ""
        weak var parent: Element?

        init(name: String, attributes: [String: String]) {
            self.name = name
            self.attributes = attributes
        }

        var classes: [String] { (attributes["class"] ?? "").split(separator: " ").map(String.init) }

        /// Own text and the text of every descendant, in document order.
        var allText: String { text + children.map(\.allText).joined() }

        func all(where predicate: (Element) -> Bool) -> [Element] {
            var found: [Element] = []
            for child in children {
                if predicate(child) { found.append(child) }
                found += child.all(where: predicate)
            }
            return found
        }

        func all(named name: String) -> [Element] { all { $0.name == name } }
        func all(withClass name: String) -> [Element] { all { $0.classes.contains(name) } }
        func first(withClass name: String) -> Element? { all(withClass: name).first }
        func number(_ attribute: String) -> Double? { attributes[attribute].flatMap(Double.init) }
    }

    let root: Element

    /// Nil when the text is not well-formed XML.
    init?(_ text: String) {
        let builder = Builder()
        let parser = XMLParser(data: Data(text.utf8))
        parser.delegate = builder
        guard parser.parse(), let root = builder.root else { return nil }
        self.root = root
    }

    private final class Builder: NSObject, XMLParserDelegate {
        var root: Element?
        var stack: [Element] = []

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
            let element = Element(name: elementName, attributes: attributeDict)
            if let parent = stack.last {
                element.parent = parent
                parent.children.append(element)
            } else {
                root = element
            }
            stack.append(element)
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
            stack.removeLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            stack.last?.text += string
        }
    }
}
