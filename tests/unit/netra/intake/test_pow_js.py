"""The form's script finds nonces the server accepts (run under Node, Chromium's engine)."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
from pathlib import Path

import pytest

from netra.intake.proof import ProofOfWork, solve

SCRIPT = Path(__file__).resolve().parents[4] / "netra" / "intake" / "assets" / "pow.js"
RUNNER = """
global.window = {};
global.document = { getElementById: () => null };
require(process.argv[1]);
const [challenge, bits, texts] = JSON.parse(process.argv[2]);
let nonce = 0;
while (!window.netraPow.solves(challenge, String(nonce), bits)) nonce++;
const words = texts.map((t) => window.netraPow.firstWord(t));
console.log(JSON.stringify({ nonce: String(nonce), words }));
"""


def test_the_script_solves_challenges_the_server_accepts() -> None:
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed")
    guard = ProofOfWork(b"unit-test-intake-signing-key-0123456789", bits=10, ttl_seconds=600)
    challenge = guard.issue()
    texts = ["", "abc", "x" * 55, "x" * 56, "y" * 64, "z" * 119, challenge.value + ":7"]
    args = json.dumps([challenge.value, challenge.bits, texts])
    out = subprocess.run(
        [node, "-e", RUNNER, str(SCRIPT), args], capture_output=True, text=True, check=True
    )
    got = json.loads(out.stdout)
    expected = [int.from_bytes(hashlib.sha256(t.encode()).digest()[:4], "big") for t in texts]
    assert got["words"] == expected  # the script's SHA-256 is SHA-256, across block edges
    assert got["nonce"] == solve(challenge.value, challenge.bits)  # the first solution, as here
    guard.claim(challenge.value, got["nonce"])
