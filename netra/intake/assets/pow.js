// Netra report form: solve the proof-of-work challenge while the reporter types.
// Finds a decimal nonce such that SHA-256("<challenge>:<nonce>") starts with `bits` zero
// bits (netra/intake/proof.py checks it). SHA-256 is written out here (FIPS 180-4) because
// crypto.subtle exists only on https pages and is too slow one hash at a time.
(function () {
  "use strict";
  var K = new Uint32Array([
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2
  ]);
  var W = new Uint32Array(64);
  var H = new Uint32Array(8);

  function rotr(x, n) { return (x >>> n) | (x << (32 - n)); }

  // The first word of SHA-256 of an ASCII string (enough to count leading zero bits up to 32).
  function firstWord(text) {
    var length = text.length;
    var blocks = ((length + 9 + 63) >> 6);
    var words = new Uint32Array(blocks * 16);
    for (var i = 0; i < length; i++) {
      words[i >> 2] |= (text.charCodeAt(i) & 0xff) << (24 - (i & 3) * 8);
    }
    words[length >> 2] |= 0x80 << (24 - (length & 3) * 8);
    words[blocks * 16 - 1] = length * 8;
    H[0] = 0x6a09e667; H[1] = 0xbb67ae85; H[2] = 0x3c6ef372; H[3] = 0xa54ff53a;
    H[4] = 0x510e527f; H[5] = 0x9b05688c; H[6] = 0x1f83d9ab; H[7] = 0x5be0cd19;
    for (var b = 0; b < blocks; b++) {
      for (var t = 0; t < 64; t++) {
        if (t < 16) {
          W[t] = words[b * 16 + t];
        } else {
          var w15 = W[t - 15], w2 = W[t - 2];
          var s0 = rotr(w15, 7) ^ rotr(w15, 18) ^ (w15 >>> 3);
          var s1 = rotr(w2, 17) ^ rotr(w2, 19) ^ (w2 >>> 10);
          W[t] = (W[t - 16] + s0 + W[t - 7] + s1) | 0;
        }
      }
      var a = H[0], c = H[2], bb = H[1], d = H[3], e = H[4], f = H[5], g = H[6], h = H[7];
      for (var r = 0; r < 64; r++) {
        var S1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25);
        var ch = (e & f) ^ (~e & g);
        var t1 = (h + S1 + ch + K[r] + W[r]) | 0;
        var S0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22);
        var maj = (a & bb) ^ (a & c) ^ (bb & c);
        var t2 = (S0 + maj) | 0;
        h = g; g = f; f = e; e = (d + t1) | 0; d = c; c = bb; bb = a; a = (t1 + t2) | 0;
      }
      H[0] += a; H[1] += bb; H[2] += c; H[3] += d; H[4] += e; H[5] += f; H[6] += g; H[7] += h;
    }
    return H[0] >>> 0;
  }

  function solvesWith(challenge, nonce, bits) {
    var word = firstWord(challenge + ":" + nonce);
    return bits >= 32 ? word === 0 : (word >>> (32 - bits)) === 0;
  }

  // Exposed for a check against the server's own SHA-256 (tests and curious reporters).
  window.netraPow = { firstWord: firstWord, solves: solvesWith };

  var form = document.getElementById("report");
  if (!form) { return; }
  var challenge = form.getAttribute("data-challenge");
  var bits = parseInt(form.getAttribute("data-bits"), 10);
  var state = document.getElementById("pow-state");
  var nonceField = document.getElementById("pow_nonce");
  var nonce = 0;
  var solved = false;
  var sendWhenSolved = false;

  function work() {
    var until = nonce + 20000;
    for (; nonce < until; nonce++) {
      if (solvesWith(challenge, String(nonce), bits)) {
        nonceField.value = String(nonce);
        solved = true;
        state.textContent = "Siap dikirim.";
        if (sendWhenSolved) { form.submit(); }
        return;
      }
    }
    setTimeout(work, 0);
  }

  form.addEventListener("submit", function (event) {
    if (solved) { return; }
    event.preventDefault();
    sendWhenSolved = true;
    state.textContent = "Menyiapkan pengiriman… laporan terkirim sebentar lagi.";
  });
  setTimeout(work, 0);
})();
