// Size table: raw, gzip -9 and brotli -11 of named byte buffers (used by the build and the benchmark).
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

export function sizes(bytes) {
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
    }).length,
  };
}

export function sizeTable(entries) {
  const kib = (n) => (n / 1024).toFixed(1).padStart(7);
  const lines = ['file'.padEnd(40) + '    raw KiB   gzip KiB brotli KiB'];
  for (const [name, bytes] of entries) {
    const s = sizes(bytes);
    lines.push(name.padEnd(40) + `    ${kib(s.raw)}    ${kib(s.gzip)}    ${kib(s.brotli)}`);
  }
  return lines.join('\n');
}

/**
 * The path in `dist` of a shipped file named without its content hash: `massage-guide-app.js`
 * stands for the build's `massage-guide-app.<hash8>.js`; other names are themselves.
 */
export function distFile(dist, name) {
  const dot = name.lastIndexOf('.');
  const [stem, ext] = [name.slice(0, dot), name.slice(dot)];
  let hashed;
  try {
    hashed = readdirSync(dist).find((f) => f.startsWith(`${stem}.`) && f.endsWith(ext) && /^[0-9a-f]{8}$/.test(f.slice(stem.length + 1, -ext.length)));
  } catch { /* no such folder: the plain name */ }
  return join(dist, hashed || name);
}
