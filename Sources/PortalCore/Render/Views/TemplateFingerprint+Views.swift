/// The views shared partials read (header, footer, breadcrumbs, news cards), written out field by field
/// for `PartialCache` (a field left out here would let two different values share an output).
///
/// The site and the news cards are written as their identity: it is immutable, one instance serves every page, and the
/// cache keeps the values it recorded alive, so no other site can take the same address meanwhile.
extension SiteView: TemplateFingerprint {
    func appendFingerprint(to bytes: inout [UInt8]) {
        bytes.append(20)
        withUnsafeBytes(of: UInt(bitPattern: ObjectIdentifier(self))) { bytes.append(contentsOf: $0) }
    }
}

extension AgencyView: TemplateFingerprint {
    func appendFingerprint(to bytes: inout [UInt8]) {
        bytes.append(21)
        for text in [name, role, address, phone, email, licence, responsible] { text.appendFingerprint(to: &bytes) }
    }
}

extension LinkView: TemplateFingerprint {
    func appendFingerprint(to bytes: inout [UInt8]) {
        bytes.append(22)
        title.appendFingerprint(to: &bytes)
        url.appendFingerprint(to: &bytes)
        isExternal.appendFingerprint(to: &bytes)
        isCurrent.appendFingerprint(to: &bytes)
    }
}

extension CategoryView: TemplateFingerprint {
    func appendFingerprint(to bytes: inout [UInt8]) {
        bytes.append(23)
        id.appendFingerprint(to: &bytes)
        name.appendFingerprint(to: &bytes)
        url.appendFingerprint(to: &bytes)
        count.appendFingerprint(to: &bytes)
    }
}

/// Written as its identity, like the site: one immutable card per item serves every page of a build, and
/// the cache keeps each card it recorded alive (`PartialCache.Entry.values`).
extension NewsCardView: TemplateFingerprint {
    func appendFingerprint(to bytes: inout [UInt8]) {
        bytes.append(24)
        withUnsafeBytes(of: UInt(bitPattern: ObjectIdentifier(self))) { bytes.append(contentsOf: $0) }
    }
}
