import { startReader } from '@/lib/reader/start';

// The PDF reader: reader.html?file=<encoded http(s) URL>#page=N, or reader.html alone to open a file.
startReader(document.getElementById('app')!);
