import { browserApi } from '@/lib/pages/browser-api';
import { mountPage } from '@/lib/pages/mount';
import { Options } from '@/components/pages/Options';

mountPage(<Options api={browserApi()} />);
