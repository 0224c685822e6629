// Targets (issue #17 and earlier) and the printed report. Targets live ONLY here, never in unit tests.
// `floor`: where a figure has a same-run physical floor, the key that shows it (printed next to it).
export const TARGETS = [
  {
    key: 'scan_ratio_read_chars',
    label: 'warm scan ≤ 3× read-every-character',
    target: '≤ 3',
    ok: (v) => v <= 3,
    floor: 'scan_walk_only_ratio_read_chars',
  },
  {
    key: 'scan_cold_ratio_read_chars',
    label: 'cold scan ≤ 4× cold read-every-character',
    target: '≤ 4',
    ok: (v) => v <= 4,
  },
  { key: 'scan_cold_ratio_markjs', label: 'cold: mark.js / scan', target: '≥ 6', ok: (v) => v >= 6 },
  { key: 'scan_ratio_markjs', label: 'warm: mark.js / scan', target: '≥ 15', ok: (v) => v >= 15 },
  { key: 'scan_max_task_ms', label: 'no scanner task over 50 ms (warm)', target: '≤ 50', ok: (v) => v <= 50 },
  { key: 'scan_cold_max_task_ms', label: 'no scanner task over 50 ms (cold)', target: '≤ 50', ok: (v) => v <= 50 },
  { key: 'content_js_gzip_bytes', label: 'content script gzip', target: '≤ 40960', ok: (v) => v <= 40 * 1024 },
  {
    key: 'frames_empty_heap_kb_per_frame',
    label: 'frame without text: heap (KB)',
    target: '≤ 50',
    ok: (v) => v <= 50,
    floor: 'frames_floor_heap_kb_per_frame',
  },
  {
    key: 'frames_empty_cpu_ms_per_frame',
    label: 'frame without text: CPU (ms)',
    target: '≤ 2',
    ok: (v) => v <= 2,
    floor: 'frames_floor_cpu_ms_per_frame',
  },
  {
    key: 'frames_empty_matcher_replies',
    label: 'frames without text: matcher requests',
    target: '0',
    ok: (v) => v === 0,
  },
  { key: 'frames_text_heap_mb_total', label: '20 frames with text: heap (MB)', target: '≤ 4', ok: (v) => v <= 4 },
  { key: 'frames_text_cpu_ms_total', label: '20 frames with text: CPU (ms)', target: '≤ 150', ok: (v) => v <= 150 },
  {
    key: 'frames_matcher_bytes_per_text_frame',
    label: 'matcher bytes per frame with text (reported)',
    target: 'report',
    ok: () => true,
  },
  {
    key: 'dense_first_underline_ms',
    label: 'dense: first underline after DCL',
    target: '≤ 250',
    ok: (v) => v <= 250,
    floor: 'dense_first_underline_floor_ms',
  },
  { key: 'dense_heap_mb', label: 'dense: heap added (MB)', target: '≤ 3', ok: (v) => v <= 3 },
  {
    key: 'dense_load_delay_ms',
    label: 'dense: load event delay (ms)',
    target: '≤ 10',
    ok: (v) => v <= 10,
    floor: 'dense_load_delay_floor_ms',
  },
  {
    key: 'huge_max_stall_ms',
    label: '5 MB page: longest stall after first paint (Chromium)',
    target: '< 300',
    ok: (v) => v < 300,
    floor: 'huge_noext_max_stall_ms',
  },
  { key: 'bg_heap_install_kb', label: 'worker heap after install (KB)', target: 'report', ok: () => true },
  {
    key: 'bg_heap_after_use_kb',
    label: 'worker heap after 100 lookups + searches (KB)',
    target: 'report',
    ok: () => true,
  },
  { key: 'bg_cold_wake_lookup_ms', label: 'cold wake → first lookup (ms)', target: 'report', ok: () => true },
  { key: 'search_p95_ms', label: 'search p95 (ms)', target: '≤ 2', ok: (v) => v <= 2 },
  { key: 'index_cold_load_ms', label: 'index cold load (ms)', target: '≤ 50', ok: (v) => v <= 50 },
  { key: 'hover_to_popover_p95_ms', label: 'hover → popover p95 (ms)', target: '≤ 16', ok: (v) => v <= 16 },
];

export function judge(figures) {
  return TARGETS.map((t) => {
    const v = figures[t.key];
    return { ...t, value: v, met: v == null ? null : t.ok(v), floorValue: t.floor ? figures[t.floor] : undefined };
  });
}

export function printReport(figures, notes) {
  const w = Math.max(...Object.keys(figures).map((k) => k.length));
  console.log('\n== figures (.output/bench.json) ==');
  for (const [k, v] of Object.entries(figures)) console.log(`  ${k.padEnd(w)}  ${v === null ? 'null' : v}`);
  console.log('\n== targets ==');
  const rows = judge(figures).map((t) => [
    t.met === null ? '–' : t.met ? 'met' : 'UNMET',
    t.key,
    t.target,
    t.value == null ? 'not measured' : String(t.value),
    t.floor ? `floor ${t.floorValue ?? '?'} (${t.floor})` : '',
  ]);
  const head = ['', 'key', 'target', 'measured', 'same-run floor'];
  const ws = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  for (const r of [head, ...rows])
    console.log(
      '  ' +
        r
          .map((c, i) => c.padEnd(ws[i]))
          .join('  ')
          .trimEnd(),
    );
  if (notes.length) {
    console.log('\n== notes ==');
    for (const n of notes) console.log(`  - ${n}`);
  }
}
