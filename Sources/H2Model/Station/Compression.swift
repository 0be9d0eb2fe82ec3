// Compression energy as a function of inlet and outlet pressure.
//
// The reference figure (Stoeckl et al. 2021: 1.707 kWh/kg for 3 → 25 MPa) is scaled by the
// ratio of isothermal works, ln(p_out/p_in) / ln(25/3), the method the reference dataset uses
// for its station rows. Real multi-stage machines differ; the reference row's low/high bracket
// that.

extension CompressionInputs {
    /// kWh per kg to compress from `inletMpa` to `outletMpa`; zero when no compression is needed.
    @inlinable
    public func energyKwhPerKg(fromMpa inletMpa: Double, toMpa outletMpa: Double) -> Double {
        guard outletMpa > inletMpa else { return 0 }
        return referenceEnergyKwhPerKg * _log(outletMpa / inletMpa) / _log(referenceOutletMpa / referenceInletMpa)
    }

    /// kWh per kg to empty a tube trailer from `fullMpa` down to `residualMpa` into storage at
    /// `storageMpa`, averaged over the hydrogen taken out. The gas is taken as ideal for the
    /// weighting (mass taken out ∝ pressure drop), so the mean of ln(p_store/p) over p uniform
    /// on [residual, full] applies; the part of the load above the storage pressure flows in
    /// without compression. ∫ ln(s/p) dp = p (ln(s/p) + 1).
    @inlinable
    public func trailerEmptyingEnergyKwhPerKg(fullMpa: Double, residualMpa: Double, storageMpa: Double) -> Double {
        guard fullMpa > residualMpa, storageMpa > residualMpa else { return 0 }
        let top = min(fullMpa, storageMpa)
        func antiderivative(_ p: Double) -> Double { p * (_log(storageMpa / p) + 1) }
        let meanLogRatio = (antiderivative(top) - antiderivative(residualMpa)) / (fullMpa - residualMpa)
        return referenceEnergyKwhPerKg * meanLogRatio / _log(referenceOutletMpa / referenceInletMpa)
    }
}
