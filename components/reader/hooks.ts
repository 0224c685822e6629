/** Page-wide input for the reader: keyboard navigation and dropping a file anywhere on the page. */
import type { RefObject } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { ReaderModel } from '@/lib/reader/model';

/** Page keys move by page; Ctrl/Cmd+F goes to the find box. */
export function useReaderKeys(model: ReaderModel, findBox: RefObject<HTMLInputElement | null>): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement | null;
      const typing = !!t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.isContentEditable);
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'f') {
        if (!model.state.pages) return;
        e.preventDefault();
        findBox.current?.focus();
        findBox.current?.select();
        return;
      }
      if (typing || e.ctrlKey || e.metaKey || e.altKey || model.state.phase !== 'ready') return;
      const v = model.viewer();
      const go: Record<string, () => number> = {
        PageDown: () => v.page + 1,
        PageUp: () => v.page - 1,
        Home: () => 1,
        End: () => v.pages,
      };
      const f = go[e.key];
      if (!f) return;
      e.preventDefault();
      v.goTo(f());
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [model, findBox]);
}

/** A PDF dropped anywhere on the page is opened; returns whether a file is being dragged over it. */
export function useFileDrop(model: ReaderModel): boolean {
  const [dragging, setDragging] = useState(false);
  useEffect(() => {
    const over = (e: DragEvent) => {
      if (!e.dataTransfer?.types.includes('Files')) return;
      e.preventDefault();
      setDragging(true);
    };
    const leave = (e: DragEvent) => {
      if (!e.relatedTarget) setDragging(false);
    };
    const drop = (e: DragEvent) => {
      e.preventDefault();
      setDragging(false);
      const f = e.dataTransfer?.files[0];
      if (f) void model.openFile(f);
    };
    document.addEventListener('dragover', over);
    document.addEventListener('dragleave', leave);
    document.addEventListener('drop', drop);
    return () => {
      document.removeEventListener('dragover', over);
      document.removeEventListener('dragleave', leave);
      document.removeEventListener('drop', drop);
    };
  }, [model]);
  return dragging;
}
