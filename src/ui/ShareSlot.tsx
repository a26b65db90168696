import { ShareControls } from './share';

/** The top bar's sharing area: share link, file menu, documents list and autosave. */
export function ShareSlot() {
  return (
    <div className="sf-share-slot" data-testid="share-slot">
      <ShareControls />
    </div>
  );
}
