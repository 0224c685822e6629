/**
 * Node-only (build/CLI/tests): visible text of an HTML string via happy-dom, with every network and
 * script feature switched off so parsing a saved page never fetches stylesheets, iframes or scripts.
 * Not for the content script (it has the real DOM; use visibleText directly).
 */
import { Window } from 'happy-dom';
import { visibleText } from './visible-text';

export async function htmlToText(html: string): Promise<string> {
  const win = new Window({
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      disableComputedStyleRendering: true,
      handleDisabledFileLoadingAsSuccess: true,
      navigation: {
        disableMainFrameNavigation: true,
        disableChildFrameNavigation: true,
        disableChildPageNavigation: true,
      },
    },
  });
  try {
    const doc = new win.DOMParser().parseFromString(html, 'text/html');
    return visibleText(doc as unknown as Node);
  } finally {
    await win.happyDOM.close();
  }
}
