// Shim header for COIN-OR CBC's C interface. Swift reaches CBC only through
// H2Numerics/MILPProblem+CBC.swift.
#ifndef CCBC_H
#define CCBC_H
#include <coin/Cbc_C_Interface.h>
#endif
