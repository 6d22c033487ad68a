// Size table: raw, gzip -9 and brotli -11 of named byte buffers (used by the build and the benchmark).
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

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
