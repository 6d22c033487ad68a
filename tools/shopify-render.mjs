// Renders the app block (dist/shopify-extension/blocks/massage-guide.liquid) with liquidjs the
// way a Shopify storefront would, for tests/shopify/ and tools/bench.mjs. Stubbed as Shopify
// behaves: `asset_url` (the extension's assets folder on a CDN), `preload_tag`, `t` (the
// extension's locales/en.default.json) and `{% schema %}` (read by Shopify, not rendered).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Liquid } from 'liquidjs';

/** The block's source and its schema (JSON inside {% schema %}). */
export function readBlock(ext) {
  const source = readFileSync(join(ext, 'blocks', 'massage-guide.liquid'), 'utf8');
  const schema = JSON.parse(/{%\s*schema\s*%}([\s\S]*?){%\s*endschema\s*%}/.exec(source)[1]);
  return { source, schema };
}

/**
 * The block's HTML. `assets`: the URL of the extension's assets folder (ending in /);
 * `origin`: the shop (request.origin); `settings` override the schema's defaults.
 */
export async function renderBlock(ext, { assets, origin, product = null, settings = {}, country = 'US' }) {
  const { source, schema } = readBlock(ext);
  const engine = new Liquid({ root: [join(ext, 'snippets')], extname: '.liquid', strictFilters: true, strictVariables: true });
  const strings = JSON.parse(readFileSync(join(ext, 'locales', 'en.default.json'), 'utf8'));
  engine.registerFilter('asset_url', (name) => `${assets}${name}`);
  engine.registerFilter('preload_tag', (url, ...options) => {
    const as = options.find(([key]) => key === 'as')?.[1];
    return `<link href="${url}" rel="preload" as="${as}">`;
  });
  engine.registerFilter('t', (key) => {
    const text = key.split('.').reduce((node, part) => node?.[part], strings);
    if (typeof text !== 'string') throw new Error(`no translation for ${key}`);
    return text;
  });
  engine.registerTag('schema', {
    parse(token, remain) {
      while (remain.length) if (/** @type {any} */ (remain.shift()).name === 'endschema') return;
      throw new Error('{% schema %} without {% endschema %}');
    },
    render() { return ''; },
  });
  const defaults = Object.fromEntries(schema.settings.filter((s) => s.id).map((s) => [s.id, s.default ?? '']));
  return engine.parseAndRender(source, {
    block: { id: 'AbC123', settings: { ...defaults, ...settings }, shopify_attributes: '' },
    product,
    request: { origin },
    localization: { country: { iso_code: country } },
  });
}

/** What Shopify adds to the page's <head> for the block, once whatever the number of blocks. */
export function blockHead(ext, assets) {
  const { schema } = readBlock(ext);
  return `<link rel="stylesheet" href="${assets}${schema.stylesheet}" media="all">\n`
    + `<script src="${assets}${schema.javascript}" defer></script>`;
}
