// NOTE: empty until the sharing components (src/ui/share) exist; then this mounts them.
export function ShareSlot() {
  return <div className="sf-share-slot" data-testid="share-slot" />;
}
