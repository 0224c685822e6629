// Writes .output/robustness.json with counts over both browsers (this case runs last in each browser's
// pass, so the file written after Firefox holds the totals) and fails on any non-zero failure count.
import assert from 'node:assert/strict';
import { writeReport, FAIL_KEYS } from '../lib/robustness.mjs';

export default [
  {
    name: 'robustness report: zero errors, mutations, requests and fixture failures',
    async run() {
      const counts = writeReport();
      console.log('    robustness.json', JSON.stringify(counts));
      const bad = FAIL_KEYS.filter((k) => counts[k] > 0).map((k) => `${k}=${counts[k]}`);
      assert.deepEqual(bad, [], `robustness failures (see .output/robustness.json): ${bad.join(', ')}`);
      assert.ok(counts.pages + counts.fixtures > 0, 'no robustness case ran before the report');
    },
  },
];
