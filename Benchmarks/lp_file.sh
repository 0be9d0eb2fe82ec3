# Sourced by lp_solvers.sh and glpk_options.sh: the model-file arguments they share.
#   FILE [time_limit_s] [--max]  →  file, limit, sense, glpk_format
file=${1:?usage: $(basename "$0") FILE [time_limit_s] [--max]}
limit=${2:-${default_limit:-300}}
sense=${3:-}
case "$file" in
  *.mps) glpk_format=--freemps ;;
  *.lp) glpk_format=--lp ;;
  *) echo "$(basename "$0"): $file: expected a .lp or .mps file" >&2; exit 64 ;;
esac
