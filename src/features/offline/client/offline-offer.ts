/**
 * "Save search for offline use (N MB)" on the search page, for an archive whose index is too large
 * to download unasked (src/features/offline/precache.ts): asks the service worker what is saved, and on request
 * has it save the rest, showing progress. Hidden when nothing is to be offered.
 */
export function offerOffline(offer: HTMLElement): void {
  const worker = navigator.serviceWorker?.controller;
  const button = offer.querySelector('button');
  const status = offer.querySelector<HTMLElement>('[data-offline-progress]');
  if (!worker || !button || !status) return;
  const megabytes = (bytes: number) => `${Math.max(0.1, bytes / 1024 / 1024).toFixed(1)} MB`;
  navigator.serviceWorker.addEventListener('message', ({ data }) => {
    if (data?.type === 'offline-progress') status.textContent = `Saving… ${data.done} of ${data.total} files`;
    if (data?.type !== 'offline-status') return;
    if (data.saved) {
      button.hidden = true;
      status.textContent = 'Search is saved on this device and works offline.';
      offer.hidden = false;
      return;
    }
    button.textContent = `Save search for offline use (${megabytes(data.restBytes)})`;
    button.disabled = false;
    if (data.failed) status.textContent = 'Saving stopped: check the connection and try again.';
    offer.hidden = false;
  });
  button.addEventListener('click', () => {
    button.disabled = true;
    status.textContent = 'Saving…';
    worker.postMessage({ type: 'offline-save' });
  });
  worker.postMessage({ type: 'offline-status' });
}
