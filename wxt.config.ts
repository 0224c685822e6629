import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { buildPackage } from './lib/pipeline/package';

// Firefox as MV3 too: one manifest model for both browsers (background event page in Firefox,
// service worker in Chrome). Firefox 140+ is required anyway for the CSS Custom Highlight API,
// and MV3 has been stable in Firefox since 109. See README "Why MV3 on Firefox".
export default defineConfig({
  manifestVersion: 3,
  modules: ['@wxt-dev/webextension-polyfill'],
  manifest: ({ browser }) => ({
    name: 'Migration Lens',
    description:
      'Explains the agencies, forums, instruments and programmes of international migration governance on any page, citing UN sources.',
    // storage: settings and custom glossaries; sidePanel: Chrome's side panel (Firefox uses sidebar_action,
    // which needs no permission). The content script's <all_urls> match is the only host access.
    permissions: browser === 'firefox' ? ['storage'] : ['storage', 'sidePanel'],
    // Extension pages: only our own packaged scripts, no plugins, and no network at all (connect-src
    // 'self' still lets the background read its own kb/*.json).
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; connect-src 'self'",
    },
    commands: {
      'explain-selection': {
        suggested_key: { default: 'Alt+Shift+E', mac: 'MacCtrl+Shift+E' },
        description: 'Explain the term at the selection or caret',
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
      wxt.logger.info(
        `Knowledge base: ${pkg.manifest.counts.records} records, ${pkg.manifest.counts.terms} terms, hash ${pkg.manifest.hash.slice(0, 12)}`,
      );
    },
  },
  vite: () => ({ plugins: [preact()] }),
});
