/**
 * Search input with auto-suggest, following the ARIA combobox pattern: focus stays in the input,
 * arrow keys move aria-activedescendant through the listbox, Enter picks, Escape closes.
 */
import { useRef, useState } from 'preact/hooks';
import type { SearchHit } from '@/lib/messaging/protocol';
import type { Send } from '@/lib/pages/api';
import { useDebounced, useRequestEffect } from './hooks';
import { t } from '@/lib/i18n/t';
import { kindName } from './kinds';

export interface SuggestBoxProps {
  send: Send;
  value: string;
  onInput(v: string): void;
  /** Enter without a highlighted suggestion. */
  onSubmit(): void;
  onPick(hit: SearchHit): void;
  debounceMs?: number;
}

const LIST_ID = 'ml-suggest';
// Preact's ARIA-in-HTML typings only allow role=combobox on an input with a `list` (datalist); the
// ARIA 1.2 combobox pattern puts it on a plain search input, which browsers and axe accept.
const COMBOBOX_ROLE = { role: 'combobox' } as Record<string, string>;

export function SuggestBox({ send, value, onInput, onSubmit, onPick, debounceMs = 150 }: SuggestBoxProps) {
  const [hits, setHits] = useState<SearchHit[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActiveState] = useState(-1);
  // Mirrored in a ref: a key pressed before the re-render (ArrowDown then Enter) must see the new value.
  const activeRef = useRef(-1);
  const setActive = (f: number | ((a: number) => number)) => {
    activeRef.current = typeof f === 'function' ? f(activeRef.current) : f;
    setActiveState(activeRef.current);
  };
  const q = useDebounced(value, debounceMs);
  const typed = useRef(false);

  useRequestEffect(
    (current) => {
      if (!q.trim() || !typed.current) {
        setHits([]);
        return;
      }
      void send({ type: 'suggest', query: q, limit: 8 }).then((r) => {
        // Enter closed the list for good: suggestions still on their way must not re-open it.
        if (!current() || !typed.current) return;
        // Suggestions are a convenience: on error the search results below report the problem.
        setHits(r.ok ? r.data : []);
        setActive(-1);
        setOpen(r.ok && r.data.length > 0);
      });
    },
    [send, q],
  );

  const shown = open && hits.length > 0;
  const pick = (h: SearchHit) => {
    setOpen(false);
    setActive(-1);
    typed.current = false;
    onPick(h);
  };

  function onKeyDown(e: KeyboardEvent) {
    if (e.key === 'ArrowDown' && hits.length) {
      e.preventDefault();
      setOpen(true);
      setActive((a) => (a + 1) % hits.length);
    } else if (e.key === 'ArrowUp' && hits.length) {
      e.preventDefault();
      setOpen(true);
      setActive((a) => (a <= 0 ? hits.length - 1 : a - 1));
    } else if (e.key === 'Escape' && open) {
      e.preventDefault();
      setOpen(false);
      setActive(-1);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const a = activeRef.current;
      if (hits.length && a >= 0 && a < hits.length) pick(hits[a]!);
      else {
        typed.current = false;
        setOpen(false);
        onSubmit();
      }
    }
  }

  return (
    <div class="ml-combo">
      <label for="ml-q">{t('search_label')}</label>
      <input
        id="ml-q"
        type="search"
        {...COMBOBOX_ROLE}
        autocomplete="off"
        value={value}
        placeholder={t('search_placeholder')}
        aria-autocomplete="list"
        aria-expanded={shown}
        aria-controls={LIST_ID}
        aria-activedescendant={shown && active >= 0 ? `${LIST_ID}-${active}` : undefined}
        onInput={(e) => {
          typed.current = true;
          onInput((e.target as HTMLInputElement).value);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
      />
      <ul id={LIST_ID} role="listbox" aria-label={t('search_suggestions')} class="ml-listbox" hidden={!shown}>
        {hits.map((h, i) => (
          <li
            key={h.id}
            id={`${LIST_ID}-${i}`}
            role="option"
            aria-selected={i === active}
            onMouseDown={(e) => {
              e.preventDefault();
              pick(h);
            }}
          >
            {h.title}
            <span class="ml-kind">{kindName(h.kind)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
