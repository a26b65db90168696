import { ReactFlowProvider } from '@xyflow/react';
import { useEffect, useState, type MouseEvent } from 'react';
import { Canvas } from './canvas/Canvas';
import { DeleteScopeDialog } from './dialogs/DeleteScopeDialog';
import { ShortcutsDialog } from './dialogs/ShortcutsDialog';
import { selectOpenDialog, useDialogStore } from './dialogs';
import { useLanguage, useT } from './i18n';
import { Inspector } from './inspector/Inspector';
import { Palette } from './palette/Palette';
import { PanelsArea } from './panels';
import { SidePanel } from './side/SidePanel';
import { TopBar } from './TopBar';
import './app.css';

/** Renders the app shell: top bar, palette, canvas, inspector and the side panels. */
export function App() {
  const t = useT();
  const language = useLanguage();
  const dialog = useDialogStore(selectOpenDialog);
  // Folding the bottom panels to their tab row gives the canvas the height on small screens.
  const [bottomFolded, setBottomFolded] = useState(false);
  const unfoldOnTab = (event: MouseEvent) => {
    if (bottomFolded && (event.target as HTMLElement).closest('[role="tab"]')) setBottomFolded(false);
  };

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
        <div
          className={`sf-bottom${bottomFolded ? ' sf-bottom--folded' : ''}`}
          data-testid="bottom-panels"
          onClickCapture={unfoldOnTab}
        >
          <button
            type="button"
            className="sf-button sf-button--quiet sf-bottom__fold"
            data-testid="bottom-fold"
            aria-expanded={!bottomFolded}
            title={bottomFolded ? t('ui.bottom.unfold') : t('ui.bottom.fold')}
            aria-label={bottomFolded ? t('ui.bottom.unfold') : t('ui.bottom.fold')}
            onClick={() => setBottomFolded(!bottomFolded)}
          >
            {bottomFolded ? '▴' : '▾'}
          </button>
          <PanelsArea />
        </div>
      </div>
      {dialog === 'deleteScope' && <DeleteScopeDialog />}
      {dialog === 'shortcuts' && <ShortcutsDialog />}
    </ReactFlowProvider>
  );
}
