import { ReactFlowProvider } from '@xyflow/react';
import { useEffect } from 'react';
import { Canvas } from './canvas/Canvas';
import { DeleteScopeDialog } from './dialogs/DeleteScopeDialog';
import { ShortcutsDialog } from './dialogs/ShortcutsDialog';
import { selectOpenDialog, useDialogStore } from './dialogs';
import { useLanguage } from './i18n';
import { Inspector } from './inspector/Inspector';
import { Palette } from './palette/Palette';
import { PanelsArea } from './panels';
import { SidePanel } from './side/SidePanel';
import { TopBar } from './TopBar';
import './app.css';

/** Renders the app shell: top bar, palette, canvas, inspector and the side panels. */
export function App() {
  const language = useLanguage();
  const dialog = useDialogStore(selectOpenDialog);

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  return (
    <ReactFlowProvider>
      <div className="sf-app" data-testid="app" data-language={language}>
        <TopBar />
        <Palette />
        <main className="sf-main">
          <Canvas />
        </main>
        <div className="sf-right">
          <Inspector />
          <SidePanel />
        </div>
        <div className="sf-bottom">
          <PanelsArea />
        </div>
      </div>
      {dialog === 'deleteScope' && <DeleteScopeDialog />}
      {dialog === 'shortcuts' && <ShortcutsDialog />}
    </ReactFlowProvider>
  );
}
