// Versions of the C libraries linked, for run manifests.
import CCBC
import CGLPK
import CGSL
import CHiGHS

/// `["cbc": "2.10.8", "glpk": "5.0", "gsl": "2.7.1", "highs": "1.16.0"]` as reported by the
/// libraries at run time.
public func linkedLibraryVersions() -> [String: String] {
    ["gsl": String(cString: cgsl_version()), "glpk": String(cString: glp_version()),
     "cbc": String(cString: Cbc_getVersion()), "highs": String(cString: Highs_version())]
}
