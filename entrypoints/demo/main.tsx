import { browserPorts } from '@/lib/content/ports';
import { startDemo } from '@/lib/pages/demo';

startDemo(browserPorts());
