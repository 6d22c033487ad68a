// Text encodings shared by the bundler and the benchmark.

/** The wasm bytes as the body of a double-quoted JS string: one character per byte
 *  (latin-1), escaping only what a JS string or an inline <script> cannot hold. */
export function latin1Literal(bytes) {
  let out = '';
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === 0x5c) out += '\\\\';
    else if (b === 0x22) out += '\\"';
    else if (b === 0x0a) out += '\\n';
    else if (b === 0x0d) out += '\\r';
    // `\0` is NUL in strict mode unless a digit follows (then it would be an octal escape).
    else if (b === 0x00) out += bytes[i + 1] >= 0x30 && bytes[i + 1] <= 0x39 ? '\\x00' : '\\0';
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

/** JSON with every non-ASCII character as a \u escape: the first script stays ASCII, so it
 *  decodes the same whatever charset the host page declares. */
export function asciiJson(value) {
  return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
}

/** HTML with every non-ASCII character as a numeric reference (for snippet.html). */
export function asciiHtml(html) {
  return html.replace(/[\u007f-\u{10ffff}]/gu, (c) => `&#x${c.codePointAt(0).toString(16)};`);
}
