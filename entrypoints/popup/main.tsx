import { browserApi } from '@/lib/pages/browser-api';
import { mountPage } from '@/lib/pages/mount';
import { Popup } from '@/components/pages/Popup';

// ?q=… prefills the search ("search for this" on a card opens popup.html?q=… in a tab);
// ?tab=<id> pins the tab the popup acts on (tests open the popup in a tab of its own).
const q = new URLSearchParams(location.search).get('q') ?? '';
mountPage(<Popup api={browserApi()} initialQuery={q.slice(0, 200)} />);
