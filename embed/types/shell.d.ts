// Types for `tsc --checkJs` over the shell (tsconfig.json): what tools/bundle.mjs puts in front of
// embed/shell/*.js, and the state each <massage-guide> element keeps. Not shipped.

/** The widget's version (Cargo.toml). */
declare const MG_VERSION: string;
/** The shell's stylesheet (styles/widget.css, minified). */
declare const MG_CSS: string;
/** A pre-rendered article node: text, or [tag, attributes or 0, ...children]. */
type MgTree = string | [string, Record<string, string> | 0, ...MgTree[]];
declare const MG_ARTICLE: MgTree;
/** One attribute rule of core::embed_api. */
interface MgRule {
  name: string;
  kind: 'keyword' | 'keywords' | 'url' | 'text' | 'phone' | 'key' | 'language';
  values: string[];
  default: string | null;
  reason: string;
}
declare const MG_API: MgRule[];
/** The app script's file name, loaded from the first script's own folder. */
declare const MG_APP_FILE: string;
/** Its Subresource Integrity hash (sha384-…). */
declare const MG_APP_INTEGRITY: string;
/** A hash of the app's code: with the version, the key the app registers under. */
declare const MG_BUILD: string;

// Platform parts the DOM typings lack or type narrowly.
interface Navigator {
  /** Network Information API (Chromium): `saveData` is the reader's Save-Data setting. */
  connection?: { saveData?: boolean };
}
interface MgTrustedPolicy { createScriptURL(url: string): string }
interface Window {
  /** Trusted Types (Chromium, newer Firefox and Safari). */
  trustedTypes?: { createPolicy(name: string, rules: { createScriptURL(url: string): string }): MgTrustedPolicy };
  /** The app script registers itself under Symbol.for('massage-guide.app@<version>'). */
  [key: symbol]: unknown;
}
/** A load failure: `kind` picks the sentence of FAILURES, `detail` goes to the console. */
interface MgFailure extends Error { kind: string; detail: string }
