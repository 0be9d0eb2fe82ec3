// The starting scenario `h2corridor init` writes: a complete, small, commented scenario that
// validates and runs, to be edited into a new province. Its numbers are real rows of the Guizhou
// flagship (nodes, road lengths, vehicle classes with their sources), cut down to one stretch of
// the G60 so that every file fits on a screen; what is a placeholder says so.

public enum ScenarioTemplate {
    /// The files of the template, in writing order. `name` is the scenario's name (the folder's),
    /// `province` the `[scenario] province` (policies scoped to the province use it).
    public static func files(name: String, province: String) -> [(name: String, text: String)] {
        [
            ("scenario.toml", scenarioTOML(name: name, province: province)),
            ("nodes.csv", nodes),
            ("edges.csv", edges),
            ("vehicle_classes.csv", vehicleClasses),
            ("fleets.csv", fleets),
            ("sources.csv", sources),
            ("README.md", readme(name: name, province: province)),
        ]
    }

    static func scenarioTOML(name: String, province: String) -> String {
        """
        # \(name): a starting scenario written by `h2corridor init` (docs/SCENARIO.md describes
        # every file, column and key). The network, fleets and sources are a small stretch of
        # Guizhou (Zunyi - Guiyang - Qingzhen - Anshun - Liuzhi) taken from Models/guizhou-2025:
        # replace them with your province's, then `h2corridor validate` and `h2corridor run`.
        #
        # The files beside this one:
        #   nodes.csv            places: cities, counties, industrial parks (id, name, lat, lon)
        #   edges.csv            road links between nodes, km (the network must be connected)
        #   vehicle_classes.csv  consumption, tank, range, pressure and daily km of each vehicle type
        #   fleets.csv           the vehicles: depot fleets at a home node, corridor fleets between two nodes
        #   sources.csv          where hydrogen comes from, by pathway, t/yr
        # Optional: candidates.csv (sites allowed; default every node), existing_stations.csv,
        # policies.csv (subsidies and tax rates with scope and years).

        [scenario]
        name = "\(name)"
        title = "\(province): starting scenario (edit me)"
        province = "\(province)"
        price_year = 2024
        description = "Written by h2corridor init: two fleets, two sources, five nodes."

        # Any catalogue parameter can be set here, plainly or with its provenance;
        # `h2corridor explain \(name)` lists every key with its value, range and source.
        [electricity]
        grid_price_cny_per_kwh = { value = 0.5, basis = "ESTIMATE", source = "placeholder: replace with the province's industrial tariff" }

        # How stations are placed (docs/SCENARIO.md, [placement]).
        [placement]
        objective = "least-cost"                 # or "coverage-target" (with coverage_target_pct) or "budget" (with annual_budget_mcny)
        periods = [2025, 2030]                   # first years of the planning periods; fleets.csv has a year_YYYY_share column for each
        station_sizes_kg_per_day = [500, 1000]   # size classes the optimiser may build
        max_stations_per_node = 2
        delivery_modes = ["tube-trailer-20", "tube-trailer-30"]

        # The plan's own figures, shown beside the model's in summary.csv.
        [plan]
        vehicles = 90

        """
    }

    static let nodeSource = "Models/guizhou-2025/nodes.csv (reference data/cities_guizhou.csv; coordinates pyecharts city_coordinates.json commit 5228492)"
    static let edgeSource = "\"Models/guizhou-2025/edges.csv (reference data/corridor_edges_guizhou.csv: OSM-derived highway shortest path, routrs 1.1.0)\""

    static let nodes = """
        id,name,name_zh,kind,lat,lon,source
        GZ_ZY,Zunyi,遵义市,city,27.7300,106.9200,\(nodeSource)
        GZ_GY,Guiyang,贵阳市,city,26.6500,106.6300,\(nodeSource)
        GZ_QZ,Qingzhen,清镇市,county,26.5500,106.4700,\(nodeSource)
        GZ_AS,Anshun,安顺市,city,26.2500,105.9500,\(nodeSource)
        GZ_LZ,Liuzhi,六枝特区,industrial,26.2200,105.4800,\(nodeSource)

        """

    static let edges = """
        from,to,km,corridor,basis,source
        GZ_ZY,GZ_GY,131.4,G75 Lanzhou-Haikou,DERIVED,\(edgeSource)
        GZ_GY,GZ_QZ,25.3,G60 Shanghai-Kunming,DERIVED,\(edgeSource)
        GZ_QZ,GZ_AS,67.2,G60 Shanghai-Kunming,DERIVED,\(edgeSource)
        GZ_AS,GZ_LZ,61.1,connector,DERIVED,\(edgeSource)

        """

    static let vehicleClasses = """
        class,name,kg_per_100km,tank_kg,range_km,pressure_mpa,daily_km,basis,source
        bus_12m,12 m city bus,7.6,25,306,35,150,ESTIMATE,"Models/guizhou-2025/vehicle_classes.csv: kg_per_100km REPORTED (Jinan Bus 7.6); tank_kg ESTIMATE; range_km DERIVED = 25 x 0.93 / 7.6 x 100; daily_km DERIVED"
        truck_49t,49 t heavy tractor,9.1,55,600,35,200,ESTIMATE,"Models/guizhou-2025/vehicle_classes.csv: kg_per_100km REPORTED (ICCT 9-9.2); range_km REPORTED (Yutong 49 t 600 km); daily_km ESTIMATE"

        """

    static let fleets = """
        id,name,kind,vehicle_class,vehicles,home,origin,destination,trips_per_day,service_radius_km,year_2025_share,year_2030_share,basis,reasoning
        gy_bus,Guiyang city buses,depot,bus_12m,60,GZ_GY,,,,25,1.0,1.5,ESTIMATE,"placeholder: a depot fleet refuels within service_radius_km of its home node; replace with the plan's buses"
        lz_gy_trucks,Liuzhi-Guiyang heavy trucks,corridor,truck_49t,30,,GZ_LZ,GZ_GY,0.5,,1.0,1.5,ESTIMATE,"placeholder: a corridor fleet makes trips_per_day round trips per vehicle on the shortest road path; replace with the plan's logistics"

        """

    static let sources = """
        id,name,name_zh,node,pathway,available_t_per_year,basis,source,note
        lz_byproduct,Liuzhi coke-oven-gas by-product hydrogen,六枝焦炉煤气副产氢,GZ_LZ,byproduct,3000,ESTIMATE,"placeholder after Models/guizhou-2025/sources.csv gz_lps_cog",t/yr that can be sold to vehicles
        gy_grid,Guiyang grid electrolysis,贵阳电网电解制氢,GZ_GY,grid-electrolysis,500,ESTIMATE,placeholder: a plant that could be built,"pathways: byproduct, grid-electrolysis, tou-electrolysis, surplus-hydro-electrolysis, ammonia-cracking-hub, ammonia-cracking-station, smr, coal"

        """

    static func readme(name: String, province: String) -> String {
        """
        # \(name)

        A starting scenario for \(province), written by `h2corridor init`. Every value in it is
        either a row of the Guizhou flagship (`Models/guizhou-2025`, with its source) or a
        placeholder marked ESTIMATE. Replace the nodes, edges, fleets and sources with the
        province's own, keeping a basis (REPORTED / DERIVED / ESTIMATE) and a source on each row.

        ```sh
        h2corridor validate \(name)          # every problem of every file, with file, row, field and fix
        h2corridor run \(name) --out out     # place stations, cost every kilogram
        h2corridor explain \(name)           # every parameter with its value, origin and source
        ```

        `docs/SCENARIO.md` in the h2corridor repository describes every file, column and key.

        """
    }
}
