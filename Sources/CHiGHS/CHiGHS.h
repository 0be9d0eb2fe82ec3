// Shim header for the HiGHS solver's C interface. Swift reaches HiGHS only through
// H2Numerics/MILPProblem+HiGHS.swift. scripts/setup.sh builds and installs HiGHS (no Debian
// package exists) with a highs.pc that points here.
#ifndef CHIGHS_H
#define CHIGHS_H
#include <interfaces/highs_c_api.h>
#endif
