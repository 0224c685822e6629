// Targets (scanner, background, hover) and the printed report. Targets live ONLY here, never in unit tests.
export const TARGETS = [
  { key: 'scan_ratio_floor', label: 'scan within 1.5× the TreeWalker floor', ok: (v) => v <= 1.5 },
  { key: 'scan_ratio_markjs', label: 'scan ≥ 20× faster than mark.js (markjs/scan ≥ 20)', ok: (v) => v >= 20 },
  { key: 'scan_max_task_ms', label: 'no scanner task over 50 ms', ok: (v) => v <= 50 },
  { key: 'content_js_gzip_bytes', label: 'content script < 40 KB gzip', ok: (v) => v < 40 * 1024 },
  { key: 'search_p95_ms', label: 'search p95 ≤ 2 ms', ok: (v) => v <= 2 },
  { key: 'index_cold_load_ms', label: 'index cold load ≤ 50 ms', ok: (v) => v <= 50 },
  { key: 'hover_to_popover_p95_ms', label: 'hover → popover p95 ≤ 16 ms', ok: (v) => v <= 16 },
];

export function judge(figures) {
  return TARGETS.map((t) => {
    const v = figures[t.key];
    return { ...t, value: v, met: v == null ? null : t.ok(v) };
  });
}

export function printReport(figures, notes) {
  const w = Math.max(...Object.keys(figures).map((k) => k.length));
  console.log('\n== figures (.output/bench.json) ==');
  for (const [k, v] of Object.entries(figures)) console.log(`  ${k.padEnd(w)}  ${v === null ? 'null' : v}`);
  console.log('\n== targets ==');
  for (const t of judge(figures)) {
    const mark = t.met === null ? '–' : t.met ? '✓' : '✗';
    console.log(`  ${mark} ${t.label}: ${t.value === null || t.value === undefined ? 'not measured' : t.value}`);
  }
  if (notes.length) {
    console.log('\n== notes ==');
    for (const n of notes) console.log(`  - ${n}`);
  }
}
