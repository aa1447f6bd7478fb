#!/usr/bin/env bash
# Fallback when rustup cannot download the wasm32 target: Debian's rustc-web
# toolchain, registered with rustup as `debian-web`, with a wasm32 standard
# library built once from Debian's own Rust source. Each step checks first,
# so a rerun finishes whatever an interrupted run left undone.
source "$(dirname "$0")/common.sh"

if ! dpkg -s rustc-web cargo-web rust-web-src rust-web-clippy rustfmt-web >/dev/null 2>&1; then
  apt_update
  version="$(apt-cache policy rustc-web | awk '/Candidate:/ {print $2}')"
  [ -n "$version" ] && [ "$version" != "(none)" ] || die "Debian has no rustc-web package here"
  log "installing Debian's rustc-web $version"
  # rust-web-src does not pin itself to rustc-web: pin every package. clippy
  # and rustfmt come too: the test command lints with this same toolchain.
  run_apt "rustc-web=$version" "cargo-web=$version" "libstd-rust-web-dev=$version" \
    "rust-web-src=$version" "rust-web-llvm=$version" \
    "rust-web-clippy=$version" "rustfmt-web=$version"
fi

# /usr/bin/rust-lld links to lld-NN, which no package depends on; without it
# nothing links for wasm32.
if [ ! -e "$(readlink -f /usr/bin/rust-lld)" ]; then
  lld_version="$(readlink /usr/bin/rust-lld | sed -n 's/.*lld-\([0-9]*\).*/\1/p')"
  [ -n "$lld_version" ] || die "cannot tell which lld /usr/bin/rust-lld needs"
  log "installing lld-$lld_version for rust-lld"
  run_apt "lld-$lld_version"
fi

rustup toolchain list | grep -q '^debian-web' || rustup toolchain link debian-web /usr

sysroot_lib=/usr/lib/rustlib/wasm32-unknown-unknown/lib
if ! compgen -G "$sysroot_lib/libcore-*.rlib" >/dev/null; then
  log "building the wasm32 standard library from Debian's Rust source (about a minute)"
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
  mkdir -p "$work/src"
  cat > "$work/Cargo.toml" <<'TOML'
[package]
name = "pebble_std_builder"
version = "0.0.0"
edition = "2021"
[lib]
crate-type = ["cdylib"]
path = "src/lib.rs"
TOML
  : > "$work/src/lib.rs"
  (cd "$work" && RUSTC_BOOTSTRAP=1 RUSTFLAGS=-Cembed-bitcode=yes RUSTUP_TOOLCHAIN=debian-web \
    /usr/bin/cargo build --release --target wasm32-unknown-unknown \
    -Zbuild-std=std,panic_abort,panic_unwind,proc_macro,test)
  mkdir -p "$sysroot_lib"
  find "$work/target/wasm32-unknown-unknown/release/deps" -maxdepth 1 \
    \( -name 'lib*.rlib' -o -name 'lib*.rmeta' \) ! -name 'libpebble_std_builder*' \
    -exec cp {} "$sysroot_lib/" \;
fi
