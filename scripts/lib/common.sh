# Shared by scripts/setup, build, run and test. Source it; do not run it.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export PATH="$HOME/.cargo/bin:$PATH"
# Never route loopback traffic (tests, health checks) through a proxy.
export NO_PROXY="${NO_PROXY:+$NO_PROXY,}127.0.0.1,localhost"
export no_proxy="$NO_PROXY"

# The oracle the counting rules are cross-checked against (scripts/test).
PABUTOOLS_VERSION=1.2.3
CRYPTOGRAPHY_VERSION=46.0.3
SCHEMATHESIS_VERSION=4.32.5

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# The wasm-bindgen version pinned in Cargo.toml ("=X.Y.Z").
wasm_bindgen_version() {
  sed -n 's/^wasm-bindgen = { version = "=\([0-9.]*\)".*/\1/p' "$ROOT/Cargo.toml"
}

# True when the active toolchain has a standard library for wasm32.
has_wasm_std() {
  local dir
  dir="$(rustc --print target-libdir --target wasm32-unknown-unknown 2>/dev/null)" || return 1
  compgen -G "$dir/libcore-*.rlib" >/dev/null
}

# Select the toolchain that can build both halves. If the rustup default
# lacks wasm32 but the Debian fallback (scripts/setup) is installed, use
# that one for everything, so one compiler builds server and browser code.
select_toolchain() {
  if [ -z "${RUSTUP_TOOLCHAIN:-}" ] && ! has_wasm_std && rustup toolchain list 2>/dev/null | grep -q '^debian-web'; then
    export RUSTUP_TOOLCHAIN=debian-web
  fi
}

apt_update() {
  if [ -z "${PEBBLE_APT_UPDATED:-}" ]; then
    log "apt-get update"
    apt-get update -qq
    export PEBBLE_APT_UPDATED=1
  fi
}

run_apt() {
  apt_update
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}
