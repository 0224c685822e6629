import { browserApi } from '@/lib/pages/browser-api';
import { mountPage } from '@/lib/pages/mount';
import { SidePanel } from '@/components/pages/SidePanel';

// ?tab=<id> pins the page tab (E2E opens sidepanel.html in a tab next to the fixture page).
mountPage(<SidePanel api={browserApi()} />);
