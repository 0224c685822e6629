import { browserApi } from '@/components/pages/browser-api';
import { mountPage } from '@/components/pages/mount';
import { SidePanel } from '@/components/pages/SidePanel';

// ?tab=<id> pins the page tab (E2E opens sidepanel.html in a tab next to the fixture page).
mountPage(<SidePanel api={browserApi()} />);
