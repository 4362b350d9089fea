/// The site-wide views every page's header and footer read, written out field by field for
/// `PartialCache` (a field left out here would let two different pages share a header).
extension SiteView: TemplateFingerprint {
    func appendFingerprint(to bytes: inout [UInt8]) {
        bytes.append(20)
        for text in [title, province, tagline, baseURL, language] { text.appendFingerprint(to: &bytes) }
        agency.appendFingerprint(to: &bytes)
        links.appendFingerprint(to: &bytes)
        categories.appendFingerprint(to: &bytes)
        banner.appendFingerprint(to: &bytes)
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
