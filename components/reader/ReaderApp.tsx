/**
 * The reader's view: the header (./Toolbar.tsx), the outline sidebar (./Sidebar.tsx), the pdf.js
 * viewer container, and the screens for opening a file, loading, passwords and errors (./Screens.tsx).
 * It renders the model's state and calls its actions.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ReaderModel, ReaderState } from '@/lib/reader/model';
import { useFileDrop, useReaderKeys } from './hooks';
import { ErrorScreen, LoadingScreen, OpenScreen, PasswordForm } from './Screens';
import { OutlineSidebar } from './Sidebar';
import { Toolbar } from './Toolbar';
import { t } from '@/lib/i18n/t';

interface Props {
  model: ReaderModel;
  /** Called once with the elements pdf.js's viewer lives in. */
  onViewer(container: HTMLDivElement, viewer: HTMLDivElement): void;
}

export function ReaderApp({ model, onViewer }: Props) {
  const [s, setS] = useState<ReaderState>(model.state);
  const [side, setSide] = useState(true);
  const container = useRef<HTMLDivElement>(null);
  const viewerEl = useRef<HTMLDivElement>(null);
  const findBox = useRef<HTMLInputElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  useEffect(() => model.subscribe(setS), [model]);
  useEffect(() => {
    onViewer(container.current!, viewerEl.current!);
    // Once: the viewer keeps these elements for the page's life.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  useReaderKeys(model, findBox);
  const dragging = useFileDrop(model);

  const ready = s.phase === 'ready';
  const chooseFile = () => fileInput.current?.click();

  return (
    <div class={`rd-app${dragging ? ' rd-dragging' : ''}`} data-phase={s.phase}>
      <Toolbar
        s={s}
        model={model}
        side={side}
        toggleSide={() => setSide(!side)}
        findBox={findBox}
        openFile={chooseFile}
      />
      <input
        ref={fileInput}
        type="file"
        accept="application/pdf,.pdf"
        class="ml-sr"
        tabIndex={-1}
        aria-hidden="true"
        data-testid="ml-reader-file"
        onChange={(e) => {
          const f = e.currentTarget.files?.[0];
          if (f) void model.openFile(f);
          e.currentTarget.value = '';
        }}
      />
      {ready && s.noText && (
        <p class="rd-notice" role="status" data-testid="ml-reader-notext">
          {t('rd_noText')}
        </p>
      )}
      <div class="rd-main">
        {side && ready && <OutlineSidebar outline={s.outline} go={(d) => model.viewer().goToDest(d)} />}
        <main class="rd-view" aria-label={t('rd_document')}>
          <div
            id="viewerContainer"
            ref={container}
            class="rd-container"
            tabIndex={0}
            role="region"
            aria-label={t('rd_pdfPages')}
          >
            <div ref={viewerEl} class="pdfViewer" />
          </div>
          {s.phase === 'open' && <OpenScreen choose={chooseFile} />}
          {s.phase === 'loading' && !s.password && <LoadingScreen name={s.fileName} />}
          {s.password && <PasswordForm retry={s.password.retry} answer={(pw) => model.answerPassword(pw)} />}
          {s.phase === 'error' && <ErrorScreen s={s} model={model} />}
        </main>
      </div>
    </div>
  );
}
