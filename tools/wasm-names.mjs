// Shortens wasm-bindgen's import names (`__wbg_<name>_<16 hex>`) in the wasm import section
// and in the JS glue, consistently. The hex is incompressible; measured: about 2 KiB brotli.
//
// The import section is rewritten entry by entry (names changed, type descriptors copied as
// they are); every other section is copied byte for byte.

function readLeb(bytes, at) {
  let value = 0, shift = 0, byte;
  do {
    byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return [value, at];
}

function leb(value) {
  const out = [];
  do {
    let byte = value & 0x7f;
    value = Math.floor(value / 128);
    if (value) byte |= 0x80;
    out.push(byte);
  } while (value);
  return out;
}

function readName(bytes, at) {
  const [length, start] = readLeb(bytes, at);
  return [Buffer.from(bytes.subarray(start, start + length)).toString('utf8'), start + length];
}

// Skips an import's type descriptor (function, table, memory, global, tag).
function skipDescriptor(bytes, at) {
  const kind = bytes[at++];
  const limits = (p) => {
    const flags = bytes[p++];
    [, p] = readLeb(bytes, p);
    if (flags & 1) [, p] = readLeb(bytes, p);
    return p;
  };
  if (kind === 0) return readLeb(bytes, at)[1];
  if (kind === 1) return limits(at + 1);
  if (kind === 2) return limits(at);
  if (kind === 3) return at + 2;
  if (kind === 4) return readLeb(bytes, at + 1)[1];
  throw new Error(`unknown import kind ${kind}`);
}

// Short, distinct identifiers: a..z, A..Z, then two letters.
function shortName(index) {
  const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
  let name = '';
  do {
    name = letters[index % letters.length] + name;
    index = Math.floor(index / letters.length) - 1;
  } while (index >= 0);
  return name;
}

/** Returns { wasm, glue, renamed } with the glue's import module renamed to `m` and each of its
 *  imports to a short name, in both files. The glue (wasm-bindgen 0.2.130) declares them as
 *  `"<module>": import0` and `<name>: function…` keys; if any is not found exactly once, the
 *  inputs come back unchanged (renamed = 0). */
export function shortenImports(wasm, glue) {
  const bytes = new Uint8Array(wasm);
  let at = 8;
  const out = [bytes.subarray(0, 8)];
  const renames = new Map();
  const modules = new Set();
  while (at < bytes.length) {
    const id = bytes[at];
    const [size, start] = readLeb(bytes, at + 1);
    const end = start + size;
    if (id !== 2) {
      out.push(bytes.subarray(at, end));
      at = end;
      continue;
    }
    let p = start;
    let count;
    [count, p] = readLeb(bytes, p);
    const body = [...leb(count)];
    for (let i = 0; i < count; i++) {
      let module, field;
      [module, p] = readName(bytes, p);
      [field, p] = readName(bytes, p);
      const descStart = p;
      p = skipDescriptor(bytes, p);
      let name = field;
      let moduleName = module;
      if (module.startsWith('./') && module.endsWith('_bg.js')) {
        modules.add(module);
        moduleName = 'm';
        if (!renames.has(field)) renames.set(field, shortName(renames.size));
        name = renames.get(field);
      }
      for (const text of [moduleName, name]) {
        const encoded = Buffer.from(text, 'utf8');
        body.push(...leb(encoded.length), ...encoded);
      }
      body.push(...bytes.subarray(descStart, p));
    }
    out.push(Uint8Array.from([2, ...leb(body.length), ...body]));
    at = end;
  }
  const unchanged = { wasm, glue, renamed: 0 };
  if (modules.size !== 1) return unchanged;
  const [module] = modules;
  const once = (text, pattern) => (text.match(pattern) || []).length === 1;
  const modulePattern = new RegExp(`"${module.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}":`, 'g');
  if (!once(glue, modulePattern)) return unchanged;
  let newGlue = glue.replace(modulePattern, 'm:');
  for (const [long, short] of renames) {
    const pattern = new RegExp(`(?<=[\\s{,])${long}(?=\\s*:)`, 'g');
    if (!once(newGlue, pattern)) return unchanged;
    newGlue = newGlue.replace(pattern, short);
  }
  return { wasm: Buffer.concat(out.map((part) => Buffer.from(part))), glue: newGlue, renamed: renames.size };
}
