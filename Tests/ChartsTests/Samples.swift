import Charts

/// Specs shaped like the portal's: Vietnamese periods and indicator names, the seed's Q1/2024 figures
/// where a figure is needed, gaps where the report has none.
enum Samples {
    static let quarters = ["Quý I/2023", "Quý II/2023", "Quý III/2023", "Quý IV/2023", "Quý I/2024"]

    static let bar = ChartSpec(
        id: "bar-1-3", kind: .bar, title: "Tỷ lệ hồ sơ phát sinh trực tuyến toàn trình",
        summary: "Tỷ lệ hồ sơ phát sinh trực tuyến toàn trình theo quý",
        categories: quarters,
        series: [.init(name: "Tỷ lệ", values: [70.2, 75.8, nil, 88, 93.1])],
        unit: .percent(decimals: 1), target: 100, targetLabel: "100%")

    static let groupedBar = ChartSpec(
        id: "bar-grouped", kind: .bar, title: "Hồ sơ trực tuyến theo quý, 2023 và 2024",
        categories: ["Quý I", "Quý II", "Quý III", "Quý IV"],
        series: [
            .init(name: "Năm 2023", values: [9_875, 11_020, 12_480, 13_012]),
            .init(name: "Năm 2024", values: [13_433, nil, nil, nil]),
            .init(name: "Kế hoạch 2024", values: [12_000, 12_500, 13_000, 14_000]),
        ],
        unit: .count)

    static let horizontalBar = ChartSpec(
        id: "hbar-chinh-quyen-so", kind: .horizontalBar, title: "Chính quyền số: kết quả Quý I/2024",
        categories: [
            "Tỷ lệ cung cấp DVCTT được cung cấp thành DVCTT toàn trình",
            "Tỷ lệ dịch vụ công trực tuyến phát sinh hồ sơ trực tuyến trên tổng số dịch vụ công trực tuyến có phát sinh hồ sơ",
            "Tỷ lệ hồ sơ phát sinh trực tuyến toàn trình trên tổng số hồ sơ phát sinh của các DVCTT",
            "Tỷ lệ hồ sơ phát sinh trực tuyến một phần trên tổng số hồ sơ phát sinh của các DVCTT",
            "Tỷ lệ dịch vụ công trực tuyến được thiết kế, thiết kế lại nhằm tối ưu hóa trải nghiệm người dùng, khi sử dụng được điền sẵn dữ liệu mà người dùng đã cung cấp trước đó",
            "Tỷ lệ văn bản trao đổi giữa các cơ quan nhà nước được thực hiện dưới dạng điện tử",
        ],
        series: [.init(name: "Quý I/2024", values: [100, 98.7, 93.1, 60.7, nil, 100])],
        unit: .percent(decimals: 1), target: 80, targetLabel: "≥ 80%", categoryTitle: "Chỉ tiêu")

    static let line = ChartSpec(
        id: "line-1-3b", kind: .line, title: "Tỷ lệ hồ sơ trực tuyến một phần",
        summary: "Diễn biến theo quý; Quý III/2023 chưa có số liệu",
        categories: ["Quý I/2023", "Quý II/2023", "Quý III/2023", "Quý IV/2023", "Quý I/2024", "Quý II/2024"],
        series: [.init(name: "Tỷ lệ", values: [41.5, 47.2, nil, 55.0, 60.7, nil])],
        unit: .percent(decimals: 1), target: 80, targetLabel: "≥ 80%")

    static let multiLine = ChartSpec(
        id: "line-multi", kind: .line, title: "Hồ sơ trực tuyến theo tháng",
        categories: ["T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8", "T9", "T10", "T11", "T12"],
        series: [
            .init(name: "Toàn trình", values: [3_980, 4_120, 5_333, 4_870, nil, 5_010, 5_220, 5_400, 5_100, 5_640, 5_900, 6_120]),
            .init(name: "Một phần", values: [1_840, 2_010, 2_342, 2_100, 2_230, nil, nil, 2_400, 2_520, 2_480, 2_610, 2_700]),
            .init(name: "Trực tiếp", values: [900, 850, 800, 760, 700, 690, 650, 600, 640, 610, 590, 560]),
        ],
        unit: .count)

    static let bullet = ChartSpec(
        id: "bullet-1-3b", kind: .bullet, title: "Tỷ lệ hồ sơ phát sinh trực tuyến một phần",
        categories: ["Quý I/2024"],
        series: [.init(name: "Kết quả", values: [60.7])],
        unit: .percent(decimals: 1), target: 80, targetLabel: "≥ 80%")

    static let bulletAtMost = ChartSpec(
        id: "bullet-tre-han", kind: .bullet, title: "Tỷ lệ hồ sơ giải quyết quá hạn",
        categories: ["Quý IV/2023", "Quý I/2024"],
        series: [.init(name: "Kết quả", values: [4.1, 3.2])],
        unit: .percent(decimals: 1), target: 5, targetLabel: "≤ 5%", targetDirection: .atMost)

    static let donut = ChartSpec(
        id: "donut-ho-so", kind: .donut, title: "Hồ sơ phát sinh Quý I/2024 theo hình thức nộp",
        categories: ["Trực tuyến toàn trình", "Trực tuyến một phần", "Trực tiếp", "Qua dịch vụ bưu chính công ích"],
        series: [.init(name: "Số hồ sơ", values: [13_433, 6_192, 4_003, 412])],
        unit: .count)

    static let fullDonut = ChartSpec(
        id: "donut-full", kind: .donut, title: "DVCTT toàn trình trên tổng số DVCTT",
        categories: ["DVCTT toàn trình"],
        series: [.init(name: "Số dịch vụ", values: [1_013])],
        unit: .count)

    /// Every sample with the name of its golden file.
    static let golden: [(name: String, spec: ChartSpec)] = [
        ("bar", bar), ("bar-grouped", groupedBar), ("horizontal-bar", horizontalBar), ("line", line),
        ("line-multi", multiLine), ("bullet", bullet), ("bullet-at-most", bulletAtMost), ("donut", donut),
        ("donut-full", fullDonut),
    ]

    /// Not golden: edge cases to look at in the preview pages.
    static let extra: [(name: String, spec: ChartSpec)] = {
        let numerals = ["I", "II", "III", "IV"]
        let twenty = (0..<20).map { "Quý \(numerals[$0 % 4])/\(2020 + $0 / 4)" }
        let long = ChartSpec(
            id: "line-20", kind: .line, title: "Hai mươi quý", categories: twenty,
            series: [.init(name: "Tỷ lệ", values: (0..<20).map { (index: Int) -> Double? in
                let wobble = Double(index * index % 37)
                return index == 7 ? nil : 30 + wobble + Double(index)
            })],
            unit: .percent(decimals: 1), target: 80, targetLabel: "≥ 80%")
        let negative = ChartSpec(
            id: "bar-negative", kind: .bar, title: "Tăng, giảm so với cùng kỳ", categories: ["2021", "2022", "2023", "2024"],
            series: [.init(name: "Thay đổi", values: [12.5, -8.2, 3.1, -15])], unit: .percent(decimals: 1))
        let empty = ChartSpec(
            id: "bar-empty", kind: .bar, title: "Chưa có dữ liệu", categories: ["Quý I/2024", "Quý II/2024"],
            series: [.init(name: "s", values: [nil, nil])], unit: .count)
        let comparison = ChartSpec(
            id: "bar-compare", kind: .bar, title: "So sánh các chỉ tiêu 1.1, 1.2, 1.3",
            categories: horizontalBar.categories.prefix(3).enumerated().map { "1.\($0.offset + 1). \($0.element)" },
            series: [.init(name: "Kỳ gần nhất", values: [100, 98.7, 93.1])], unit: .percent(decimals: 1))
        let groupedHorizontal = ChartSpec(
            id: "hbar-grouped", kind: .horizontalBar, title: "2023 và 2024",
            categories: Array(horizontalBar.categories.prefix(3)),
            series: [.init(name: "Quý I/2023", values: [92, 81.5, 70.2]), .init(name: "Quý I/2024", values: [100, 98.7, nil])],
            unit: .percent(decimals: 1), target: 80, targetLabel: "≥ 80%")
        let donutPercent = ChartSpec(
            id: "donut-percent", kind: .donut, title: "Tỷ lệ đã số hóa", categories: ["Đã số hóa"],
            series: [.init(name: "Tỷ lệ", values: [54.4])], unit: .percent(decimals: 1))
        let bulletCount = ChartSpec(
            id: "bullet-count", kind: .bullet, title: "Số DVCTT toàn trình", categories: ["Quý I/2024"],
            series: [.init(name: "s", values: [1_013])], unit: .count, target: 900, targetLabel: "≥ 900")
        let bulletMissing = ChartSpec(
            id: "bullet-missing", kind: .bullet, title: "Chưa có số liệu", categories: ["Quý I/2024"],
            series: [.init(name: "s", values: [nil])], unit: .percent(decimals: 1), target: 30, targetLabel: "≥ 30%")
        let bulletLongTarget = ChartSpec(
            id: "bullet-long-target", kind: .bullet, title: "Hồ sơ trực tuyến toàn trình", categories: ["Quý I/2024"],
            series: [.init(name: "s", values: [13_433])], unit: .count, target: 12_000,
            targetLabel: "≥ 12.000 hồ sơ trực tuyến toàn trình mỗi quý theo kế hoạch của tỉnh")
        let hostile = ChartSpec(
            id: "hostile", kind: .bar, title: "A & B <script>alert(1)</script> ]]>", categories: ["<b>x</b>", "Quý 'II'"],
            series: [.init(name: "\"s\"", values: [1, 2])], unit: .count, target: 1.5, targetLabel: "≥ 1,5 <i>")
        return [("line-20", long), ("bar-negative", negative), ("bar-empty", empty), ("bar-compare", comparison),
                ("hbar-grouped", groupedHorizontal), ("donut-percent", donutPercent), ("bullet-count", bulletCount),
                ("bullet-missing", bulletMissing), ("bullet-long-target", bulletLongTarget), ("hostile", hostile)]
    }()
}
