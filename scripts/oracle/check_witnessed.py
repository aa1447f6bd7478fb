"""An independent reader of Pebble's witnessed checkpoints and offline
receipts, written from the C2SP specifications alone (not from Pebble's
code): c2sp.org/signed-note (verifier keys, key ids, signature lines),
c2sp.org/tlog-cosignature (the Ed25519 cosignature/v1 message and its
timestamped signature), c2sp.org/tlog-proof and RFC 6962 section 2.1.1
(the inclusion path). Ed25519 is the `cryptography` package's.

usage: check_witnessed.py LOG_VKEY WITNESS_VKEY... -- PROOF_FILE...
Prints OK, or the first thing that does not verify (exit 1).
"""

import base64
import hashlib
import sys

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey


def vkey(text, kind):
    name, key_id, key = text.split("+", 2)
    raw = base64.b64decode(key)
    if raw[0] != kind or len(raw) != 33:
        raise SystemExit(f"{text}: not a type {kind} Ed25519 key")
    expected = hashlib.sha256(name.encode() + b"\n" + raw).digest()[:4]
    if bytes.fromhex(key_id) != expected:
        raise SystemExit(f"{text}: the key id does not match")
    return name, expected, Ed25519PublicKey.from_public_bytes(raw[1:])


def split_note(note):
    text, _, signatures = note.rpartition("\n\n")
    text += "\n"
    lines = []
    for line in signatures.rstrip("\n").split("\n"):
        if not line.startswith("\u2014 "):
            raise SystemExit(f"not a signature line: {line!r}")
        name, blob = line[2:].split(" ", 1)
        lines.append((name, base64.b64decode(blob)))
    return text, lines


def leaf_hash(data):
    return hashlib.sha256(b"\x00" + data).digest()


def node_hash(left, right):
    return hashlib.sha256(b"\x01" + left + right).digest()


def root_from_path(index, size, leaf, path):
    """RFC 9162 section 2.1.3.2, the verification of an inclusion proof."""
    if index >= size:
        raise SystemExit("index past the tree")
    fn, sn, r = index, size - 1, leaf
    for p in path:
        if sn == 0:
            raise SystemExit("the path is too long")
        if fn & 1 or fn == sn:
            r = node_hash(p, r)
            if not fn & 1:
                while fn & 1 == 0 and fn != 0:
                    fn >>= 1
                    sn >>= 1
        else:
            r = node_hash(r, p)
        fn >>= 1
        sn >>= 1
    if sn != 0:
        raise SystemExit("the path is too short")
    return r


def check(proof_text, log, witnesses):
    head, _, note = proof_text.partition("\n\n")
    lines = head.split("\n")
    if lines[0] != "c2sp.org/tlog-proof@v1":
        raise SystemExit("not a tlog-proof")
    entry = base64.b64decode(lines[1].removeprefix("extra "))
    index = int(lines[2].removeprefix("index "))
    path = [base64.b64decode(line) for line in lines[3:]]
    text, signatures = split_note(note)
    origin, size, root = text.rstrip("\n").split("\n")[:3]
    log_name, log_id, log_key = log
    if origin != log_name:
        raise SystemExit(f"the checkpoint is of {origin}, not {log_name}")
    signed_by = set()
    for name, blob in signatures:
        if name == log_name and blob[:4] == log_id:
            log_key.verify(blob[4:], text.encode())
            signed_by.add("log")
        for w_name, w_id, w_key in witnesses:
            if name == w_name and blob[:4] == w_id:
                timestamp = int.from_bytes(blob[4:12], "big")
                message = f"cosignature/v1\ntime {timestamp}\n".encode() + text.encode()
                w_key.verify(blob[12:], message)
                signed_by.add(w_name)
    missing = {"log"} | {w[0] for w in witnesses}
    missing -= signed_by
    if missing:
        raise SystemExit(f"no valid signature by {sorted(missing)}")
    if root_from_path(index, int(size), leaf_hash(entry), path) != base64.b64decode(root):
        raise SystemExit("the inclusion path does not lead to the checkpoint's root")


def main():
    args = sys.argv[1:]
    split = args.index("--")
    keys, files = args[:split], args[split + 1:]
    log = vkey(keys[0], 0x01)
    witnesses = [vkey(k, 0x04) for k in keys[1:]]
    for path in files:
        try:
            with open(path, encoding="utf-8") as f:
                check(f.read(), log, witnesses)
        except InvalidSignature:
            raise SystemExit(f"{path}: a signature does not verify")
    print(f"OK: {len(files)} proofs, each signed by the log and cosigned by {len(witnesses)} witnesses")


if __name__ == "__main__":
    main()
