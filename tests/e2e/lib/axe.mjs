// Accessibility check with axe-core in a real browser. Injects axe's source into the page's main
// world (open shadow roots are included by axe) and returns the violations.
import fs from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Run axe on `selector` (default: the whole document). Returns [] when clean. */
export async function axeViolations(page, selector = null) {
  // Evaluated as a protocol-level script (a string, not eval inside the page), so strict CSPs of
  // pages and of extension pages do not block it.
  if (!(await page.evaluate(() => !!window.axe))) await page.raw.evaluate(AXE_SOURCE);
  return page.evaluate(async (selector) => {
    const ctx = selector ? { include: [selector] } : document;
    const r = await window.axe.run(ctx, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5),
    }));
  }, selector);
}
