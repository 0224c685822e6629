/** The keyboard shortcuts as the browser has them bound (PagesApi.shortcuts), or "not set". */
import { useEffect, useState } from 'preact/hooks';
import type { PagesApi } from '@/lib/pages/api';

const ROWS: Array<[string, string]> = [
  ['explain-selection', 'Explain the selected term'],
  ['next-term', 'Next term, with its card'],
  ['previous-term', 'Previous term, with its card'],
];

export function Shortcuts({ api }: { api: PagesApi }) {
  const [keys, setKeys] = useState<Record<string, string> | null>(null);
  useEffect(() => {
    let live = true;
    void api.shortcuts?.().then((k) => live && setKeys(k));
    return () => {
      live = false;
    };
  }, [api]);
  if (!keys) return null;
  return (
    <ul class="ml-shortcuts" data-testid="ml-shortcuts" aria-label="Keyboard shortcuts">
      {ROWS.map(([name, what]) => (
        <li key={name} data-command={name}>
          {what}: {keys[name] ? <kbd>{keys[name]}</kbd> : <span>not set (choose one in the browser's shortcuts)</span>}
        </li>
      ))}
    </ul>
  );
}
