// The language of the pictures a run draws (issue 11): `--lang en|zh`. CSV headers and ids stay
// ASCII whatever the language; Chinese names come from the scenario's name_zh columns, and the
// fixed words of charts and maps from the one table below.

import H2Model

public enum OutputLanguage: String, Sendable, CaseIterable {
    case en
    case zh

    /// `text` in this language: itself in English; from `chineseWords` in Chinese, or itself
    /// when the table has no entry (an unknown pathway name stays readable).
    public func callAsFunction(_ text: String) -> String {
        switch self {
        case .en: text
        case .zh: OutputLanguage.chineseWords[text] ?? OutputLanguage.carrierWords[text] ?? text
        }
    }

    /// Chinese names of carrier pathways and tankers, from each carrier's definition.
    static let carrierWords: [String: String] = Dictionary(uniqueKeysWithValues: Carrier.all.flatMap { c in
        [(c.hubPathway.rawValue, c.chineseNames.hub), (c.stationPathway.rawValue, c.chineseNames.station), (c.tanker.rawValue, c.chineseNames.tanker)]
    })

    /// Every fixed word of the charts, maps and legends, English → Chinese (simplified). The
    /// terms follow the usage of the provincial plans in shared/seeds (加氢站, 副产氢, 长管拖车).
    static let chineseWords: [String: String] = [
        // Map legend and markers.
        "Production pathway": "制氢路线",
        "Station capacity": "加氢站规模",
        "Markers": "图例",
        "hydrogen source": "氢源",
        "corridor": "高速通道",
        "Delivery": "运输方式",
        "kg/d": "公斤/日",
        "no mapped locations": "无可绘制的位置",
        "without coordinates, not drawn": "个无坐标，未绘制",
        "stations": "座加氢站",
        "network average": "全网平均",
        "target price": "目标价格",
        "break-even nozzle price by station": "各加氢站盈亏平衡加注价格",
        "CNY/kg": "元/公斤",
        // The cost/carbon frontier of a sweep.
        "price and carbon intensity": "价格与碳排放强度",
        "one point per case, labelled with": "每点一个情景，标注",
        "T/CAB clean": "T/CAB 清洁氢",
        "T/CAB low-carbon": "T/CAB 低碳氢",
        "connector": "联络线",
        // Tornado and histogram charts of the sensitivity commands.
        "network-average price, one parameter at a time": "全网平均加注价格单因素敏感性",
        "network-average carbon intensity, one parameter at a time": "全网平均碳强度单因素敏感性",
        "network-average nozzle price": "全网平均加注价格",
        "network-average carbon intensity": "全网平均碳强度",
        "kg CO2e/kg": "公斤二氧化碳当量/公斤",
        "low input": "参数取低值",
        "high input": "参数取高值",
        "baseline": "基准",
        "baseline undefined: no bars drawn": "基准无解：未绘制条形",
        "undefined": "无解",
        "no parameters to show": "无可显示的参数",
        "count": "频数",
        "no finite values to show": "无可显示的有限值",
        "mean": "均值",
        // Solver status words (MILPStatus.word).
        "optimal": "最优",
        "feasible": "可行解",
        "infeasible": "无可行解",
        "time_limit": "超时",
        // Production pathways (ProductionPathway raw values).
        "byproduct": "工业副产氢",
        "grid-electrolysis": "电网电解水制氢",
        "tou-electrolysis": "谷电电解水制氢",
        "surplus-hydro-electrolysis": "弃水弃风电解制氢",
        "onsite-electrolysis": "站内电解制氢",
        "ammonia-cracking-hub": "氨分解制氢（枢纽）",
        "ammonia-cracking-station": "氨分解制氢（站内）",
        "smr": "天然气重整制氢",
        "coal": "煤制氢",
        // Delivery modes (DeliveryMode raw values).
        "tube-trailer-20": "20 MPa 长管拖车",
        "tube-trailer-30": "30 MPa 长管拖车",
        "tube-trailer-50": "50 MPa 长管拖车",
        "liquid": "液氢槽车",
        "pipeline": "输氢管道",
        "ammonia-tanker": "液氨槽车",
        "none": "站内制氢",
        // Cost items (CostItem raw values, as the chart shows them).
        "production": "制氢",
        "purification": "提纯",
        "conditioning": "压缩/液化",
        "transport": "运输",
        "cracking": "氨分解",
        "station_capex": "加氢站投资",
        "station_om": "加氢站运维",
        "energy": "站内能耗",
        "taxes": "税费",
        "subsidies": "补贴",
    ]
}

/// Chinese names of a scenario's nodes and sources (the optional `name_zh` columns of nodes.csv
/// and sources.csv), by id, as the scenario loader read them (`Scenario.names`).
public struct ChineseNames: Sendable, Equatable {
    public var nodes: [String: String] = [:]
    public var sources: [String: String] = [:]

    public init(nodes: [String: String] = [:], sources: [String: String] = [:]) {
        self.nodes = nodes
        self.sources = sources
    }
}
