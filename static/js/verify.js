/* The 核验 page: check one published revision in the villager's own browser.

   It downloads the page's proof bundle (proof.json), then, with the browser's own cryptography
   (WebCrypto), re-computes the revision's digest from its canonical document
   (docs/integrity.md), follows the inclusion proof to the root of the county log's checkpoint,
   and checks the checkpoint's signatures (docs/transparency.md). Nothing here needs the server
   to be honest: only the log's key, which the notice board prints, must be the right one.
   Without JavaScript the page still shows every value and how to check it by hand. */
(function () {
  "use strict";

  var root = document.getElementById("verify");
  if (!root) return;
  var button = root.querySelector("button[data-start]");
  var out = root.querySelector("[data-result]");
  var words = JSON.parse(document.getElementById("verify-words").textContent);
  var subtle = window.crypto && window.crypto.subtle;

  if (!subtle || !window.fetch || !window.TextEncoder) {
    out.textContent = words.unsupported;
    return;
  }
  button.hidden = false;
  button.addEventListener("click", function () {
    button.disabled = true;
    out.replaceChildren(line(words.working, "working"));
    run().catch(function (error) {
      show([{ ok: false, text: words.failed_to_load + " " + String(error.message || error) }]);
    }).finally(function () { button.disabled = false; });
  });

  function run() {
    var started = performance.now();
    // Asked afresh each time (a copy kept by the browser is revalidated): a check must see
    // what the server holds now.
    return fetch(root.getAttribute("data-proof"), { credentials: "omit", cache: "no-cache" })
      .then(function (response) {
        if (!response.ok) throw new Error(response.status + " " + response.statusText);
        return response.json();
      })
      .then(function (bundle) { return checks(bundle); })
      .then(function (results) {
        results.push({ ok: null, text: words.took.replace("%s", Math.round(performance.now() - started)) });
        show(results);
        root.setAttribute("data-verified", results.every(function (r) { return r.ok !== false; }) ? "yes" : "no");
      });
  }

  /* ---- the checks, in the order a reader follows them ---- */

  function checks(bundle) {
    var results = [];
    var doc = bundle.document;
    var rev = bundle.revision;
    return sha256Hex(concat(ascii(rev.prev_digest), canonical(doc)))
      .then(function (computed) {
        results.push(computed === rev.digest
          ? { ok: true, text: words.digest_ok }
          : { ok: false, text: words.digest_bad });
        return doc.format >= 2 ? sha256Hex(canonical(contentOf(doc))) : null;
      })
      .then(function (reviewed) {
        if (reviewed !== null) {
          results.push(reviewed === doc.reviewed_content
            ? { ok: true, text: words.reviewed_ok }
            : { ok: false, text: words.reviewed_bad });
        }
        return inLog(bundle, results);
      });
  }

  function inLog(bundle, results) {
    var log = bundle.log;
    var rev = bundle.revision;
    if (!log) {
      results.push({ ok: false, text: words.not_in_log });
      return results;
    }
    var leaf = "revision " + bundle.document.village + " " + rev.seq + " " + rev.digest + "\n";
    if (log.leaf !== leaf) {
      results.push({ ok: false, text: words.leaf_bad });
      return results;
    }
    var note = parseNote(log.checkpoint);
    if (!note || note.origin !== log.origin || note.size !== log.size) {
      results.push({ ok: false, text: words.checkpoint_bad });
      return results;
    }
    return leafHash(ascii(leaf))
      .then(function (hash) { return rootFromInclusion(log.index, log.size, hash, log.hashes.map(unbase64)); })
      .then(function (computed) {
        var ok = computed !== null && equal(computed, note.root);
        results.push(ok
          ? { ok: true, text: words.included_ok.replace("%1", log.index + 1).replace("%2", log.size) }
          : { ok: false, text: words.included_bad });
        return signatures(note, log, results);
      });
  }

  function signatures(note, log, results) {
    var logKeys = log.keys.map(parseKey);
    return Promise.all(logKeys.map(function (key) { return signedBy(note, key, note.text); }))
      .then(function (found) {
        if (found.indexOf("yes") >= 0) {
          results.push({ ok: true, text: words.signed_ok.replace("%s", logKeys[0].name) });
        } else if (found.indexOf("unsupported") >= 0) {
          results.push({ ok: null, text: words.signature_unsupported });
        } else {
          results.push({ ok: false, text: words.signed_bad });
        }
        return cosigned(note, log, results);
      });
  }

  function cosigned(note, log, results) {
    // Who runs the witness first (a township, an archive), then its key's name.
    var witnesses = (log.cosigners || []).map(function (w) {
      return { name: w.operator ? w.operator + " (" + w.name + ")" : w.name, key: parseKey(w.key) };
    });
    if (!witnesses.length) {
      results.push({ ok: null, text: words.no_witness });
      return results;
    }
    return Promise.all(witnesses.map(function (w) { return cosignedBy(note, w.key); }))
      .then(function (found) {
        var names = witnesses.filter(function (w, i) { return found[i] === "yes"; }).map(function (w) { return w.name; });
        if (names.length === witnesses.length) {
          results.push({ ok: true, text: words.witnessed_ok.replace("%s", names.join("、")) });
        } else if (found.indexOf("unsupported") >= 0) {
          results.push({ ok: null, text: words.signature_unsupported });
        } else {
          results.push({ ok: false, text: words.witnessed_bad });
        }
        return results;
      });
  }

  /* ---- canonical bytes (docs/integrity.md): sorted keys, no whitespace, UTF-8 ---- */

  var SIGN_OFF_AND_PUBLICATION = ["seq", "signed_off_by", "signed_off_at", "opinion",
    "reviewed_content", "published_by", "published_at"];

  function contentOf(doc) {
    var content = {};
    Object.keys(doc).forEach(function (name) {
      if (SIGN_OFF_AND_PUBLICATION.indexOf(name) < 0) content[name] = doc[name];
    });
    return content;
  }

  function canonical(value) { return new TextEncoder().encode(serialise(value)); }

  function serialise(value) {
    if (Array.isArray(value)) return "[" + value.map(serialise).join(",") + "]";
    if (value !== null && typeof value === "object") {
      // Member names are ASCII: sorting by UTF-16 units is sorting by code points.
      return "{" + Object.keys(value).sort().map(function (name) {
        return JSON.stringify(name) + ":" + serialise(value[name]);
      }).join(",") + "}";
    }
    if (typeof value === "number" && !Number.isInteger(value)) throw new Error("float in document");
    return JSON.stringify(value);
  }

  /* ---- the log (RFC 6962 hashes, RFC 9162 inclusion verification) ---- */

  function leafHash(data) { return sha256(concat(new Uint8Array([0]), data)); }
  function nodeHash(left, right) { return sha256(concat(new Uint8Array([1]), left, right)); }

  function rootFromInclusion(index, size, hash, proof) {
    if (index >= size) return Promise.resolve(null);
    var fn = index, sn = size - 1, r = Promise.resolve(hash), i = 0;
    function step() {
      if (i === proof.length) return r.then(function (value) { return sn === 0 ? value : null; });
      var p = proof[i++];
      if (sn === 0) return Promise.resolve(null);
      if (fn % 2 === 1 || fn === sn) {
        r = r.then(function (value) { return nodeHash(p, value); });
        if (fn % 2 === 0) { while (fn % 2 === 0 && fn !== 0) { fn >>= 1; sn >>= 1; } }
      } else {
        r = r.then(function (value) { return nodeHash(value, p); });
      }
      fn >>= 1; sn >>= 1;
      return step();
    }
    return step();
  }

  /* ---- signed notes (C2SP signed-note, tlog-checkpoint, tlog-cosignature) ---- */

  function parseNote(text) {
    var split = text.indexOf("\n\n");
    if (split < 0) return null;
    var body = text.slice(0, split + 1);
    var lines = body.split("\n");
    if (lines.length < 4) return null;
    var signatures = text.slice(split + 2).split("\n").filter(Boolean).map(function (line) {
      var match = /^\u2014 (\S+) (\S+)$/.exec(line);
      return match && { name: match[1], bytes: unbase64(match[2]) };
    }).filter(Boolean);
    return { text: body, origin: lines[0], size: Number(lines[1]), root: unbase64(lines[2]), signatures: signatures };
  }

  function parseKey(text) {
    // name+id+key: the name holds no "+", but the base64 key may.
    var first = text.indexOf("+"), second = text.indexOf("+", first + 1);
    var raw = unbase64(text.slice(second + 1));
    return { name: text.slice(0, first), id: text.slice(first + 1, second), type: raw[0], key: raw.slice(1) };
  }

  function signedBy(note, key, message) {
    var mine = note.signatures.filter(function (s) { return s.name === key.name && hex(s.bytes.slice(0, 4)) === key.id; });
    if (!mine.length) return Promise.resolve("no");
    return ed25519(key.key, mine[0].bytes.slice(4), new TextEncoder().encode(message));
  }

  function cosignedBy(note, key) {
    var mine = note.signatures.filter(function (s) { return s.name === key.name && hex(s.bytes.slice(0, 4)) === key.id; });
    if (!mine.length) return Promise.resolve("no");
    var bytes = mine[0].bytes;
    var time = 0;
    for (var i = 4; i < 12; i++) time = time * 256 + bytes[i];
    var message = "cosignature/v1\ntime " + time + "\n" + note.text;
    return ed25519(key.key, bytes.slice(12), new TextEncoder().encode(message));
  }

  function ed25519(publicKey, signature, message) {
    return subtle.importKey("raw", publicKey, { name: "Ed25519" }, false, ["verify"])
      .then(function (key) { return subtle.verify({ name: "Ed25519" }, key, signature, message); })
      .then(function (ok) { return ok ? "yes" : "no"; }, function () { return "unsupported"; });
  }

  /* ---- bytes ---- */

  function sha256(bytes) {
    return subtle.digest("SHA-256", bytes).then(function (buffer) { return new Uint8Array(buffer); });
  }
  function sha256Hex(bytes) { return sha256(bytes).then(hex); }
  function ascii(text) { return new TextEncoder().encode(text); }
  function concat() {
    var parts = Array.prototype.slice.call(arguments), size = 0, at = 0;
    parts.forEach(function (p) { size += p.length; });
    var out = new Uint8Array(size);
    parts.forEach(function (p) { out.set(p, at); at += p.length; });
    return out;
  }
  function unbase64(text) {
    var binary = atob(text), out = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
    return out;
  }
  function hex(bytes) {
    return Array.prototype.map.call(bytes, function (b) { return (b < 16 ? "0" : "") + b.toString(16); }).join("");
  }
  function equal(a, b) {
    if (a.length !== b.length) return false;
    for (var i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
    return true;
  }

  /* ---- showing the result ---- */

  function line(text, state) {
    var item = document.createElement("li");
    item.className = state;
    item.textContent = text;
    return item;
  }

  function show(results) {
    var failed = results.some(function (r) { return r.ok === false; });
    var summary = document.createElement("p");
    summary.className = "verdict " + (failed ? "bad" : "good");
    summary.textContent = failed ? words.verdict_bad : words.verdict_good;
    var list = document.createElement("ul");
    list.className = "checks";
    results.forEach(function (r) {
      list.appendChild(line((r.ok === true ? "✓ " : r.ok === false ? "✗ " : "· ") + r.text,
        r.ok === true ? "good" : r.ok === false ? "bad" : "note"));
    });
    out.replaceChildren(summary, list);
  }
})();
