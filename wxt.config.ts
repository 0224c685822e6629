import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import fs from 'node:fs';
import path from 'node:path';
import { buildPackage } from './lib/pipeline/package';
import { buildCardUi, CARD_UI_FILE } from './lib/pipeline/card-ui-bundle';

/**
 * pdf.js resources the PDF reader loads from the extension itself: character maps (CJK and other
 * CID-keyed fonts, without which their text cannot be extracted), the standard fonts PDFs may use
 * without embedding them, and the JavaScript image decoders (JPEG 2000, JBIG2) used instead of the
 * WebAssembly ones, which the extension-page CSP does not allow (see README, Permissions).
 */
function pdfjsAssets(root: string): Array<{ absoluteSrc: string; relativeDest: string }> {
  const dist = path.join(root, 'node_modules/pdfjs-dist');
  const out: Array<{ absoluteSrc: string; relativeDest: string }> = [];
  for (const dir of ['cmaps', 'standard_fonts'])
    for (const f of fs.readdirSync(path.join(dist, dir)))
      out.push({ absoluteSrc: path.join(dist, dir, f), relativeDest: `pdfjs/${dir}/${f}` });
  for (const f of fs.readdirSync(path.join(dist, 'wasm')))
    if (f.endsWith('_nowasm_fallback.js') || /^LICENSE_(PDFJS_)?(OPENJPEG|JBIG2)$/.test(f))
      out.push({ absoluteSrc: path.join(dist, 'wasm', f), relativeDest: `pdfjs/wasm/${f}` });
  out.push({ absoluteSrc: path.join(dist, 'LICENSE'), relativeDest: 'pdfjs/LICENSE' });
  return out;
}

// Firefox as MV3 too: one manifest model for both browsers (background event page in Firefox,
// service worker in Chrome). Firefox 140+ is required anyway for the CSS Custom Highlight API,
// and MV3 has been stable in Firefox since 109. See README "Why MV3 on Firefox".
export default defineConfig({
  manifestVersion: 3,
  modules: ['@wxt-dev/webextension-polyfill'],
  manifest: ({ browser }) => ({
    // Name, description and command text come from public/_locales/<lang>/messages.json in the browser's
    // language (https://developer.chrome.com/docs/extensions/reference/api/i18n); English by default.
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // storage: settings and custom glossaries; sidePanel: Chrome's side panel (Firefox uses sidebar_action,
    // which needs no permission).
    // activeTab: after a toolbar click the popup may read the tab's URL, to offer the PDF reader on a PDF.
    // contextMenus ("menus" in Firefox, which accepts this name too): the "Open PDF with Migration Lens"
    // item on links. declarativeNetRequestWithHostAccess: the opt-in rule that redirects .pdf navigations
    // into the reader; unlike plain declarativeNetRequest it adds no install-time warning, and it acts
    // only on hosts the user granted when switching the option on.
    permissions: [
      'storage',
      ...(browser === 'firefox' ? [] : ['sidePanel']),
      'activeTab',
      'contextMenus',
      'declarativeNetRequestWithHostAccess',
    ],
    // Granted one origin at a time when the user opens a PDF in the reader (it fetches the file itself;
    // activeTab ends when the tab leaves the PDF's origin), or for all sites when the redirect option is
    // switched on. Nothing is granted at install: the content script's match needs no host permission.
    optional_host_permissions: ['http://*/*', 'https://*/*'],
    // The "Open PDF links in the reader" redirect (lib/pdf/redirect.ts): a declarativeNetRequest redirect
    // of a web navigation into an extension page is refused unless that page is web-accessible, in both
    // browsers (w3c/webextensions#604). Only the reader page is listed; the files it loads are not.
    // card-ui.js: the card UI the content script imports on first use (lib/content/card-ui.ts); a
    // content script's import() of an extension file is refused unless the file is web-accessible
    // from the page's origin, so it is listed for every page the content script runs on. Chrome's
    // use_dynamic_url keeps pages from loading it by the extension's fixed address (which would tell
    // them the extension is installed) while the content script's import still works
    // (tests/e2e/cases/29-card-lazy.mjs checks both); Firefox gives each install its own address.
    web_accessible_resources: [
      { resources: ['reader.html'], matches: ['http://*/*', 'https://*/*'] },
      {
        resources: [CARD_UI_FILE],
        matches: ['<all_urls>'],
        ...(browser === 'firefox' ? {} : { use_dynamic_url: true }),
      },
    ],
    // Extension pages: only our own packaged scripts, no plugins, no WebAssembly. connect-src: 'self' for
    // our own kb/*.json and pdf.js resources; http(s) so the PDF reader can download the PDF the user
    // opens (a CSP covers every extension page; only the reader fetches anything remote).
    content_security_policy: {
      extension_pages:
        "script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; connect-src 'self' http: https:",
    },
    commands: {
      'explain-selection': {
        suggested_key: { default: 'Alt+Shift+E', mac: 'MacCtrl+Shift+E' },
        description: '__MSG_cmdExplainSelection__',
      },
      // Keyboard-only readers reach every underlined term (issue #16); rebindable in the browser.
      'next-term': {
        suggested_key: { default: 'Alt+Shift+N', mac: 'MacCtrl+Shift+N' },
        description: '__MSG_cmdNextTerm__',
      },
      'previous-term': {
        suggested_key: { default: 'Alt+Shift+P', mac: 'MacCtrl+Shift+P' },
        description: '__MSG_cmdPreviousTerm__',
      },
    },
    browser_specific_settings: {
      gecko: {
        id: 'migration-lens@migrationlens.org',
        strict_min_version: '140.0',
        data_collection_permissions: { required: ['none'] },
      },
    },
  }),
  hooks: {
    // The knowledge base, glossary and compiled matcher are generated from data/ on every build, so a
    // build can never ship stale data. Errors (naming file and line) fail the build.
    'build:publicAssets': (wxt, files) => {
      const pkg = buildPackage(wxt.config.root);
      for (const [relativeDest, contents] of Object.entries(pkg.files)) files.push({ relativeDest, contents });
      files.push(...pdfjsAssets(wxt.config.root));
      // The card UI, loaded by the content script on first use (lib/content/card-ui.ts).
      files.push({ relativeDest: CARD_UI_FILE, contents: buildCardUi(wxt.config.root) });
      wxt.logger.info(
        `Knowledge base: ${pkg.manifest.counts.records} records, ${pkg.manifest.counts.terms} terms, hash ${pkg.manifest.hash.slice(0, 12)}`,
      );
    },
  },
  vite: () => ({ plugins: [preact()] }),
});
