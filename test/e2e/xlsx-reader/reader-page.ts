// A page that only exposes the pane's dropped-file reader (worker client and worker), for the Chromium check.
import { readTemplateFile } from '../../../src/taskpane/xlsx/xlsx-file-reader';

(window as unknown as { readTemplateFile: typeof readTemplateFile }).readTemplateFile = readTemplateFile;
document.body.dataset.ready = 'yes';
