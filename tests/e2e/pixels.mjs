// What a screenshot shows, pixel by pixel: a small PNG decoder for Playwright's screenshots
// (8-bit RGB or RGBA, not interlaced) and counts of pixels near a colour. Lets a test assert
// what a reader sees (a frame in the Highlight colour) rather than what a computed style says.
import { inflateSync } from 'node:zlib';

/** Decodes a PNG buffer into { width, height, channels, data } (data: unfiltered bytes). */
export function decodePng(png) {
  let offset = 8;
  let width = 0, height = 0, colorType = 0, depth = 0, interlace = 0;
  const idat = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('latin1', offset + 4, offset + 8);
    const body = png.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      depth = body[8];
      colorType = body[9];
      interlace = body[12];
    } else if (type === 'IDAT') idat.push(body);
    else if (type === 'IEND') break;
    offset += 12 + length;
  }
  const channels = { 2: 3, 6: 4 }[colorType];
  if (depth !== 8 || !channels || interlace) throw new Error(`unsupported PNG: depth ${depth}, colour type ${colorType}, interlace ${interlace}`);
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const data = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const out = data.subarray(y * stride, (y + 1) * stride);
    const prior = y ? data.subarray((y - 1) * stride, y * stride) : Buffer.alloc(stride);
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? out[x - channels] : 0;
      const b = prior[x];
      const c = x >= channels ? prior[x - channels] : 0;
      let predictor = 0;
      if (filter === 1) predictor = a;
      else if (filter === 2) predictor = b;
      else if (filter === 3) predictor = (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
        predictor = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      out[x] = (line[x] + predictor) & 0xff;
    }
  }
  return { width, height, channels, data };
}

/**
 * The painted [r, g, b] of a computed colour (`rgb(…)` or `rgba(…)`), over `background`
 * ([r, g, b], e.g. the Canvas colour) when it is translucent.
 */
export function rgb(css, background = [255, 255, 255]) {
  const m = /rgba?\((\d+),\s*(\d+),\s*(\d+)(?:,\s*([\d.]+))?/.exec(css);
  if (!m) throw new Error(`not an rgb() colour: ${css}`);
  const alpha = m[4] === undefined ? 1 : Number(m[4]);
  return [1, 2, 3].map((i, c) => Math.round(Number(m[i]) * alpha + background[c] * (1 - alpha)));
}

/** How many pixels of `image` are within `tolerance` (per channel) of `color` ([r, g, b]). */
export function countNear(image, color, tolerance = 24) {
  const { data, channels } = image;
  let n = 0;
  for (let i = 0; i < data.length; i += channels) {
    if (Math.abs(data[i] - color[0]) <= tolerance && Math.abs(data[i + 1] - color[1]) <= tolerance && Math.abs(data[i + 2] - color[2]) <= tolerance) n += 1;
  }
  return n;
}
