import type { ConnectionStatus } from '../../shared/types.js';
import { clear, h, seconds } from '../dom.js';

/** How long the "Reconnected" notice stays before the banner folds away. */
const RECONNECTED_VISIBLE_MS = 6_000;

export interface BannerView {
  show(status: ConnectionStatus): void;
}

function startingText(status: Extract<ConnectionStatus, { phase: 'starting' }>): string {
  if (status.afterCrash) return `Backend stopped unexpectedly, reconnecting (attempt ${status.attempt})…`;
  const attempt = status.attempt > 1 ? ` (attempt ${status.attempt})` : '';
  if (!status.slow) return `Starting the backend…${attempt}`;
  return `Still starting the backend… ${Math.round(status.elapsedMs / 1000)} s${attempt}. This is taking longer than usual.`;
}

function pillText(status: ConnectionStatus): string {
  switch (status.phase) {
    case 'starting':
      return 'Starting…';
    case 'connected':
      return 'Connected';
    case 'unresponsive':
      return 'Not responding';
    case 'reconnecting':
      return 'Reconnecting…';
    case 'failed':
      return 'Backend failed';
    case 'stopped':
      return 'Stopped';
  }
}

function toneOf(status: ConnectionStatus): 'info' | 'warn' | 'error' | 'success' {
  if (status.phase === 'failed') return 'error';
  if (status.phase === 'reconnecting' || status.phase === 'unresponsive') return 'warn';
  if (status.phase === 'starting' && status.afterCrash) return 'warn';
  if (status.phase === 'connected') return 'success';
  return 'info';
}

/** The connection banner and the status pill; driven only by connection events from the host. */
export function createBanner(banner: HTMLElement, pill: HTMLElement, onRetry: () => Promise<void>): BannerView {
  let hideTimer: number | undefined;
  const body = (status: ConnectionStatus): Node[] => {
    switch (status.phase) {
      case 'starting': {
        const nodes: Node[] = [h('p', { class: 'banner-title' }, startingText(status))];
        if (status.slow && status.timeoutMs > 0) {
          const value = Math.min(status.elapsedMs / status.timeoutMs, 1);
          nodes.push(h('progress', { max: 1, value, 'aria-label': 'Backend start progress' }));
        }
        return nodes;
      }
      case 'connected':
        return status.reconnected ? [h('p', { class: 'banner-title' }, 'Reconnected. The backend is running again.')] : [];
      case 'unresponsive':
        return [h('p', { class: 'banner-title' }, `The backend is not responding (${status.failures} missed health check${status.failures === 1 ? '' : 's'})…`)];
      case 'reconnecting':
        return [
          // The first restart after a crash is immediate (delayMs 0): no "in 0 s".
          h('p', { class: 'banner-title' }, `Backend stopped unexpectedly, reconnecting (attempt ${status.attempt}${status.delayMs > 0 ? `, in ${seconds(status.delayMs)}` : ''})`),
          h('p', { class: 'banner-detail' }, `Cause: ${status.reason}.`),
        ];
      case 'failed': {
        const lines = status.lastLines.slice(-8);
        const nodes: Node[] = [
          h('div', { class: 'banner-row' },
            h('p', { class: 'banner-title' }, `The backend could not be restarted: ${status.reason}.`),
            h('button', { type: 'button', class: 'button primary', onclick: (event) => void retry(event) }, 'Retry'),
          ),
        ];
        if (lines.length > 0) nodes.push(h('p', { class: 'banner-detail' }, 'Last output from the backend:'), h('pre', { class: 'banner-lines' }, lines.join('\n')));
        return nodes;
      }
      case 'stopped':
        return [h('p', { class: 'banner-title' }, 'Sentinel is not running. Start it again (npm start) and open the new link.')];
    }
  };
  const retry = async (event: Event): Promise<void> => {
    const button = event.currentTarget as HTMLButtonElement;
    button.disabled = true;
    button.textContent = 'Retrying…';
    await onRetry().catch(() => undefined);
  };
  return {
    show(status) {
      window.clearTimeout(hideTimer);
      const nodes = body(status);
      clear(banner);
      banner.append(...nodes);
      banner.dataset.phase = status.phase;
      banner.dataset.tone = toneOf(status);
      banner.hidden = nodes.length === 0;
      pill.textContent = pillText(status);
      pill.dataset.phase = status.phase;
      if (status.phase === 'connected' && status.reconnected) {
        banner.dataset.phase = 'reconnected';
        banner.dataset.tone = 'success';
        hideTimer = window.setTimeout(() => (banner.hidden = true), RECONNECTED_VISIBLE_MS);
      }
    },
  };
}
