import { browserApi } from '@/components/pages/browser-api';
import { mountPage } from '@/components/pages/mount';
import { Options } from '@/components/pages/Options';

mountPage(<Options api={browserApi()} />);
