// Versions of the C libraries linked, for run manifests.
import CGLPK
import CGSL

/// `["gsl": "2.7.1", "glpk": "5.0"]` as reported by the libraries at run time.
public func linkedLibraryVersions() -> [String: String] {
    ["gsl": String(cString: cgsl_version()), "glpk": String(cString: glp_version())]
}
