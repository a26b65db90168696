import { ShareControls } from './share';

export function ShareSlot() {
  return (
    <div className="sf-share-slot" data-testid="share-slot">
      <ShareControls />
    </div>
  );
}
