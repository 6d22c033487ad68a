// Text encodings shared by the bundler and the benchmark.

/** The wasm bytes as the body of a double-quoted JS string: one character per byte
 *  (latin-1), escaping only what a JS string or an inline <script> cannot hold. */
export function latin1Literal(bytes) {
  let out = '';
  for (const b of bytes) {
    if (b === 0x5c) out += '\\\\';
    else if (b === 0x22) out += '\\"';
    else if (b === 0x0a) out += '\\n';
    else if (b === 0x0d) out += '\\r';
    else if (b === 0x00) out += '\\x00';
    else if (b === 0x3c) out += '\\x3c'; // never form "</script" or "<!--" in inline HTML
    else out += String.fromCharCode(b);
  }
  return out;
}

/** Drops comments and collapses whitespace; enough for a hand-written stylesheet. */
export function minifyCss(text) {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{}:;,>])\s*/g, '$1')
    .replace(/;}/g, '}')
    .trim();
}
