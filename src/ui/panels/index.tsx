// Placeholder exports so the app shell can mount the panels; the panels helper replaces this file.
export function TrainingBar() {
  return null;
}

export function PanelsArea() {
  return null;
}
