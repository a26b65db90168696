import { useEffect } from 'react';
import { DocumentLibrary } from '../../share/library';
import { ShareSession, type StartOutcome } from '../../share/session';
import { documentStore } from '../../store/document';
import { showShareError, useShareUiStore } from './shareUiStore';

/** Started once per page, whatever React does with effects (StrictMode runs them twice). */
let starting: Promise<void> | null = null;

/** Takes the fragment off the address bar, so a reload does not open the same link again. */
function takeFragment(): string | null {
  const fragment = window.location.hash.slice(1);
  if (!fragment) return null;
  window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search);
  return fragment;
}

function report(outcome: StartOutcome | { kind: 'shared'; title: string }): void {
  const { showNotice } = useShareUiStore.getState();
  if (outcome.kind === 'shared') showNotice({ kind: 'info', messageKey: 'share.link.opened', values: { title: outcome.title } });
  if (outcome.kind === 'shared-failed') showShareError('share.link.failed', outcome.error);
}

async function startSession(): Promise<void> {
  const { showNotice, setSession } = useShareUiStore.getState();
  const storageFailed = (error: unknown) =>
    showNotice({ kind: 'error', messageKey: 'share.docs.storageFailed', values: { reason: String((error as Error)?.message ?? error) } });

  let library: DocumentLibrary | null = null;
  try {
    library = await DocumentLibrary.open();
  } catch (error) {
    storageFailed(error);
  }
  const session = new ShareSession({ store: documentStore, library, onStorageError: storageFailed });
  report(await session.start(takeFragment()));
  setSession(session);

  // A link pasted into the address bar of an open page arrives as a hash change.
  window.addEventListener('hashchange', () => {
    const fragment = takeFragment();
    if (!fragment) return;
    void session.openShared(fragment).then((result) =>
      report(result.ok ? { kind: 'shared', title: result.value.title } : { kind: 'shared-failed', error: result.error }),
    );
  });
  // Write the last change before the page goes away.
  window.addEventListener('pagehide', () => void session.flush());
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') void session.flush();
  });
}

/** Opens the page's document through the share session and keeps autosaving it. */
export function useShareSession(): void {
  useEffect(() => {
    starting ??= startSession();
  }, []);
}
