/// What to draw: the data and the words around it. Built by the portal from indicators or a small CSV;
/// turned into inline SVG by `ChartRenderer`.
public struct ChartSpec: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable, CaseIterable {
        /// Vertical bars; several series are drawn as grouped bars.
        case bar
        /// Horizontal bars, for long category labels (indicator names).
        case horizontalBar
        /// Lines with points; a nil value leaves a gap.
        case line
        /// One value against its target: a bar, the target marked across it. Only the last category of the
        /// first series is drawn (and described, and tabled): pass the period you mean to show last.
        case bullet
        /// Parts of a whole: one slice per category, from the first series. Nil and negative values get no
        /// slice but stay in the legend, the description and the table.
        case donut
    }

    /// How values are written on axes, labels, the description and the table.
    public enum Unit: Sendable, Equatable {
        /// `54,4%`; the scale defaults to 0…100.
        case percent(decimals: Int)
        /// `1.013`.
        case count
        /// `0,85`.
        case ratio(decimals: Int)
        /// `7,5`.
        case score(decimals: Int)
    }

    public struct Series: Sendable, Equatable {
        public var name: String
        /// One value per category; nil where there is no observation.
        public var values: [Double?]

        public init(name: String, values: [Double?]) {
            self.name = name
            self.values = values
        }
    }

    /// Which side of the target counts as achieved; bullet charts shade that side.
    public enum TargetDirection: String, Sendable, Equatable, CaseIterable {
        /// Higher is better: `≥ 80%`.
        case atLeast
        /// Lower is better: `≤ 5%` of applications late.
        case atMost
    }

    /// Prefix for the ids inside the SVG (`<title id="…-title">`), unique within the page. Letters, digits,
    /// `-` and `_` are kept; anything else becomes `-`, because `aria-labelledby` is a space-separated list.
    public var id: String
    public var kind: Kind
    public var title: String
    /// The sentence a screen reader hears before the numbers; the numbers themselves are added by the
    /// renderer so they can never disagree with the picture.
    public var summary: String?
    /// Labels along the category axis: periods (`Quý I/2024`) or indicator names.
    public var categories: [String]
    public var series: [Series]
    public var unit: Unit
    /// A target drawn as a line or marker (bullet charts need one; bar and line charts may have one).
    public var target: Double?
    /// How the target reads in words: `≥ 80%`.
    public var targetLabel: String?
    public var targetDirection: TargetDirection
    /// Heading of the table's first column; by default `Kỳ` for periods (bar, line, bullet), `Chỉ tiêu`
    /// for horizontal bars and `Thành phần` for donuts.
    public var categoryTitle: String?
    /// Line charts only: whether the value axis starts at zero. Bars and bullets always do, because a bar
    /// that starts elsewhere misstates its length.
    public var startsAtZero: Bool
    /// Line charts only: the smallest value at the top, for ranks, where 1 is best and a line that climbs
    /// must mean a unit that rose.
    public var reversesValueAxis: Bool

    public init(id: String, kind: Kind, title: String, summary: String? = nil, categories: [String], series: [Series],
                unit: Unit, target: Double? = nil, targetLabel: String? = nil,
                targetDirection: TargetDirection = .atLeast, categoryTitle: String? = nil, startsAtZero: Bool = true,
                reversesValueAxis: Bool = false) {
        self.id = id
        self.kind = kind
        self.title = title
        self.summary = summary
        self.categories = categories
        self.series = series
        self.unit = unit
        self.target = target
        self.targetLabel = targetLabel
        self.targetDirection = targetDirection
        self.categoryTitle = categoryTitle
        self.startsAtZero = startsAtZero
        self.reversesValueAxis = reversesValueAxis
    }
}
