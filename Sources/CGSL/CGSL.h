// Shim header for GSL. Swift reaches GSL only through H2Numerics.
//
// GSL exposes its algorithm types as C globals (`gsl_root_fsolver_brent`, `gsl_rng_mt19937`, ...).
// Swift 6 refuses to read mutable C globals from Swift code ("not concurrency-safe"), so each one
// is returned by a small static inline accessor below. The globals are never written after load.
#ifndef CGSL_H
#define CGSL_H

#include <gsl/gsl_errno.h>
#include <gsl/gsl_math.h>
#include <gsl/gsl_roots.h>
#include <gsl/gsl_min.h>
#include <gsl/gsl_multimin.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_qrng.h>
#include <gsl/gsl_interp.h>
#include <gsl/gsl_spline.h>
#include <gsl/gsl_statistics_double.h>
#include <gsl/gsl_sort_double.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_vector.h>
#include <gsl/gsl_version.h>

static inline const gsl_root_fsolver_type *cgsl_root_fsolver_brent(void) { return gsl_root_fsolver_brent; }
static inline const gsl_min_fminimizer_type *cgsl_min_fminimizer_brent(void) { return gsl_min_fminimizer_brent; }
static inline const gsl_multimin_fminimizer_type *cgsl_multimin_fminimizer_nmsimplex2(void) { return gsl_multimin_fminimizer_nmsimplex2; }
static inline const gsl_rng_type *cgsl_rng_mt19937(void) { return gsl_rng_mt19937; }
static inline const gsl_qrng_type *cgsl_qrng_sobol(void) { return gsl_qrng_sobol; }
static inline const gsl_interp_type *cgsl_interp_linear(void) { return gsl_interp_linear; }
static inline const gsl_interp_type *cgsl_interp_steffen(void) { return gsl_interp_steffen; }
static inline const gsl_interp_type *cgsl_interp_cspline(void) { return gsl_interp_cspline; }
static inline const char *cgsl_version(void) { return gsl_version; }

#endif
