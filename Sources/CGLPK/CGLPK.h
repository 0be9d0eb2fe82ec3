// Shim header for GLPK. Swift reaches GLPK only through H2Numerics/MILP*.swift.
#ifndef CGLPK_H
#define CGLPK_H
#include <glpk.h>
#endif
