/** A file dropped anywhere on the Workshop screen opens the Import screen with it loaded and previewed (personas or a workshop bundle). */
import { go } from '../app/route';
import { DropHint } from './DropHint';
import { takeImportFile } from './import-state';
import { useFileDrop } from './use-file-drop';

export function WorkshopDrop() {
  const dragging = useFileDrop((file) => {
    void takeImportFile(file);
    go('import');
  });
  return <DropHint active={dragging} text="Drop the file to import it: personas or a workshop bundle" />;
}
