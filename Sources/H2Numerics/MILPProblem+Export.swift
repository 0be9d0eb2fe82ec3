// Writes the model as a CPLEX-LP or free-MPS file through GLPK, so another solver (HiGHS in the
// benchmarks) can solve exactly the same model. File I/O stays here, out of H2Model.
import CGLPK

public enum MILPFileFormat: Sendable {
    /// CPLEX LP format (`glp_write_lp`); names GLPK cannot write become r_i / x_j.
    case cplexLP
    /// Free MPS (`glp_write_mps` with GLP_MPS_FILE).
    case freeMPS
}

extension MILPProblem {
    public func write(to path: String, format: MILPFileFormat) throws(NumericsError) {
        let op = "MILPProblem.write"
        let model = try validated(operation: op)
        glp_term_out(GLP_OFF)
        guard let prob = glp_create_prob() else {
            throw NumericsError(.libraryFailure, operation: op, detail: "glp_create_prob returned nil")
        }
        defer { glp_delete_prob(prob) }
        load(into: prob, model)
        let rc: Int32 = switch format {
        case .cplexLP: glp_write_lp(prob, nil, path)
        case .freeMPS: glp_write_mps(prob, GLP_MPS_FILE, nil, path)
        }
        guard rc == 0 else {
            throw NumericsError(.libraryFailure, operation: op, detail: "GLPK could not write '\(path)'")
        }
    }
}
