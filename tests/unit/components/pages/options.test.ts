import { afterEach, describe, expect, it, vi } from 'vitest';
import { h } from 'preact';
import { Options } from '@/components/pages/Options';
import { splitImportError } from '@/components/pages/CustomGlossary';
import type { CustomSummary, Request } from '@/lib/messaging/protocol';
import { parseSettingsOp, applySettingsOp } from '@/lib/settings/ops';
import { $, $$, buttonByText, choose, fakeApi, mount, text, type, unmount } from './fake';

const BAD =
  'import failed, nothing was changed:\nbad.csv line 3: id "Bad Id" is not valid\nbad.csv line 3, field category: unknown category "colour"';

/** A background double with real settings operations (validated) and an in-memory custom glossary. */
function setup(settings = {}) {
  let custom: CustomSummary[] = [{ id: 'my-a', label: 'AAA', expansion: 'Alpha', category: 'concept' }];
  const f = fakeApi({
    settings,
    handlers: {
      settings: (r) => {
        if (r.op === 'get') return f.settings;
        const v = parseSettingsOp(r);
        if ('error' in v) throw new Error(v.error);
        f.settings = applySettingsOp(f.settings, v.op);
        return f.settings;
      },
      customList: () => custom,
      customImport: (r) => {
        if (r.text.includes('Bad Id')) throw new Error(BAD);
        custom = [...custom, { id: 'my-b', label: 'BBB', expansion: '', category: 'concept' }];
        return { added: 1, updated: 0, total: custom.length, persisted: true };
      },
      customExport: (r) => ({ format: r.format, text: `exported ${custom.length}`, count: custom.length }),
      customDelete: (r) => {
        custom = custom.filter((c) => !r.ids.includes(c.id));
        return { deleted: r.ids.length };
      },
      lookup: (r) => ({
        id: r.termId,
        label: r.termId.toUpperCase(),
        expansion: '',
        category: 'agency',
        summary: '',
        excerpts: [],
        related: [],
      }),
    },
  });
  return f;
}

function pickFile(input: HTMLInputElement, name: string, content: string) {
  Object.defineProperty(input, 'files', { configurable: true, value: [new File([content], name)] });
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

let el: HTMLElement | null = null;
afterEach(() => {
  if (el) unmount(el);
  el = null;
});

describe('Options', () => {
  it('loading, then every setting; changes save live', async () => {
    const f = setup();
    el = mount(h(Options, { api: f.api }));
    expect(text(el)).toContain('Loading settings…');
    await vi.waitFor(() => expect($(el!, '#ml-theme')).not.toBeNull());
    choose($(el, '#ml-theme') as HTMLSelectElement, 'dark');
    await vi.waitFor(() => expect(f.settings.theme).toBe('dark'));
    await vi.waitFor(() => expect(text($(el!, '[data-testid=ml-save-status]'))).toBe('Saved.'));
    choose($(el, '#ml-size') as HTMLSelectElement, 'x-large');
    await vi.waitFor(() => expect(f.settings.textSize).toBe('x-large'));
    // Per category: every occurrence / first occurrence / off; concepts start at "first" (issue #16).
    const cat = $(el, '#ml-cat-concept') as HTMLSelectElement;
    expect(cat.value).toBe('first');
    expect((($(el, '#ml-cat-agency') as HTMLSelectElement) ?? {}).value).toBe('every');
    choose(cat, 'off');
    await vi.waitFor(() => expect(f.settings.categories.concept).toBe('off'));
    expect(f.settings.categories.agency).toBe('every');
    choose(cat, 'every');
    await vi.waitFor(() => expect(f.settings.categories.concept).toBe('every'));
    const trainer = $$(el, 'label')
      .find((l) => l.textContent?.includes('Trainer mode'))!
      .querySelector('input')!;
    trainer.click();
    await vi.waitFor(() => expect(f.settings.trainerMode).toBe(true));
  });

  it('settings load error is shown', async () => {
    const f = fakeApi({
      handlers: {
        settings: () => {
          throw new Error('storage is broken');
        },
        customList: () => [],
      },
    });
    el = mount(h(Options, { api: f.api }));
    await vi.waitFor(() => expect(text($(el!, '[role=alert]'))).toBe('Could not load settings: storage is broken'));
  });

  it('hover delay: out-of-range input shows a message and saves nothing; a valid one saves', async () => {
    const f = setup();
    el = mount(h(Options, { api: f.api }));
    await vi.waitFor(() => expect($(el!, '#ml-delay')).not.toBeNull());
    type($(el, '#ml-delay') as HTMLInputElement, '5000');
    await vi.waitFor(() => expect(text($(el!, '#ml-delay-err'))).toContain('from 0 to 2000'));
    expect(f.calls.some((c) => c.type === 'settings' && c.op !== 'get')).toBe(false);
    expect($(el, '#ml-delay')!.getAttribute('aria-invalid')).toBe('true');
    type($(el, '#ml-delay') as HTMLInputElement, '600');
    await vi.waitFor(() => expect(f.settings.hoverDelayMs).toBe(600));
    expect($(el, '#ml-delay-err')).toBeNull();
  });

  it('site lists: invalid hostname rejected with a message, valid added, allow-list mode shows its list', async () => {
    const f = setup();
    el = mount(h(Options, { api: f.api }));
    await vi.waitFor(() => expect($(el!, '#ml-disabled-in')).not.toBeNull());
    type($(el, '#ml-disabled-in') as HTMLInputElement, 'not a host!');
    ($(el, '[data-testid=ml-disabled] form') as HTMLFormElement).dispatchEvent(
      new Event('submit', { bubbles: true, cancelable: true }),
    );
    await vi.waitFor(() => expect(text($(el!, '#ml-disabled-err'))).toContain('is not a hostname'));
    type($(el, '#ml-disabled-in') as HTMLInputElement, 'https://www.Example.org/path');
    ($(el, '[data-testid=ml-disabled] form') as HTMLFormElement).dispatchEvent(
      new Event('submit', { bubbles: true, cancelable: true }),
    );
    await vi.waitFor(() => expect(f.settings.disabledSites).toEqual(['www.example.org']));
    await vi.waitFor(() => buttonByText(el!, 'Remove').click());
    await vi.waitFor(() => expect(f.settings.disabledSites).toEqual([]));
    expect($(el, '[data-testid=ml-allowed]')).toBeNull();
    ($$(el, 'input[type=radio]')[1] as HTMLInputElement).click();
    await vi.waitFor(() => expect($(el!, '[data-testid=ml-allowed]')).not.toBeNull());
    expect(f.settings.siteMode).toBe('allow-list');
  });

  it('import good file: summary and the list grows; export downloads; delete removes', async () => {
    const f = setup();
    el = mount(h(Options, { api: f.api }));
    await vi.waitFor(() => expect($$(el!, '[data-testid=ml-custom-list] li')).toHaveLength(1));
    pickFile($(el, '#ml-import') as HTMLInputElement, 'good.json', '[{"id":"my-b"}]');
    await vi.waitFor(() =>
      expect(text($(el!, '[data-testid=ml-import-result]'))).toContain(
        'Imported good.json: 1 added, 0 updated, 2 custom entries in total.',
      ),
    );
    await vi.waitFor(() => expect($$(el!, '[data-testid=ml-custom-list] li')).toHaveLength(2));
    expect(f.calls.find((c) => c.type === 'customImport')).toMatchObject({
      filename: 'good.json',
      text: '[{"id":"my-b"}]',
    });
    buttonByText(el, 'Export CSV').click();
    await vi.waitFor(() =>
      expect(f.downloads).toEqual([{ filename: 'migration-lens-custom.csv', text: 'exported 2', mime: 'text/csv' }]),
    );
    buttonByText(el, 'Delete').click();
    await vi.waitFor(() => expect($$(el!, '[data-testid=ml-custom-list] li')).toHaveLength(1));
    expect(text($(el, '[data-testid=ml-import-result]'))).toBe('Deleted AAA.');
  });

  it('import bad file: every problem listed, and it says nothing changed (list unchanged)', async () => {
    const f = setup();
    el = mount(h(Options, { api: f.api }));
    await vi.waitFor(() => expect($$(el!, '[data-testid=ml-custom-list] li')).toHaveLength(1));
    pickFile($(el, '#ml-import') as HTMLInputElement, 'bad.csv', 'id\nBad Id');
    await vi.waitFor(() =>
      expect($$(el!, '.ml-errors li').map((l) => l.textContent)).toEqual([
        'bad.csv line 3: id "Bad Id" is not valid',
        'bad.csv line 3, field category: unknown category "colour"',
      ]),
    );
    const r = text($(el, '[data-testid=ml-import-result]'));
    expect(r).toContain('import failed, nothing was changed');
    expect(r).toContain('Nothing was changed: your custom glossary still has 1 entry.');
    expect($$(el, '[data-testid=ml-custom-list] li')).toHaveLength(1);
    expect(splitImportError('just one line')).toEqual({ title: 'just one line', problems: [] });
  });

  it('known terms: remove, then Undo puts it back in place', async () => {
    const f = setup({ knownTerms: ['iom', 'gfmd', 'ilo'] });
    el = mount(h(Options, { api: f.api }));
    await vi.waitFor(() =>
      expect($$(el!, '[data-testid=ml-known] li span').map((s) => s.textContent)).toEqual(['IOM', 'GFMD', 'ILO']),
    );
    ($(el, '[aria-label="Remove GFMD"]') as HTMLButtonElement).click();
    await vi.waitFor(() => expect(f.settings.knownTerms).toEqual(['iom', 'ilo']));
    await vi.waitFor(() => expect(text($(el!, '[data-testid=ml-known] [role=status]'))).toContain('Removed GFMD.'));
    buttonByText(el, 'Undo').click();
    await vi.waitFor(() => expect(f.settings.knownTerms).toEqual(['iom', 'gfmd', 'ilo']));
    await vi.waitFor(() => expect(text($(el!, '[data-testid=ml-known] [role=status]'))).toBe(''));
  });

  it('known terms: empty state', async () => {
    el = mount(h(Options, { api: setup().api }));
    await vi.waitFor(() => expect(text(el!)).toContain('You have not marked any term as known.'));
  });
});

describe('Options save errors', () => {
  it('a rejected change is reported, not silently dropped', async () => {
    const f = setup();
    const send = f.api.send;
    f.api.send = (async (req: Request) =>
      req.type === 'settings' && req.op !== 'get'
        ? { ok: false, error: 'settings.theme must be one of auto, light, dark' }
        : send(req)) as typeof send;
    el = mount(h(Options, { api: f.api }));
    await vi.waitFor(() => expect($(el!, '#ml-theme')).not.toBeNull());
    choose($(el, '#ml-theme') as HTMLSelectElement, 'dark');
    await vi.waitFor(() =>
      expect(text($(el!, '[data-testid=ml-save-status]'))).toBe(
        'Not saved: settings.theme must be one of auto, light, dark',
      ),
    );
    expect($(el, '[data-testid=ml-save-status]')!.className).toBe('ml-error');
  });
});
