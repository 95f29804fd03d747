import { useState } from 'preact/hooks';

/** Browser mode: OS notifications need the browser's permission, asked for only when the user clicks. */
export function NotificationSetting() {
  const [permission, setPermission] = useState(() => ('Notification' in window ? Notification.permission : 'denied'));
  if (document.body.dataset.mode !== 'browser' || !('Notification' in window)) return null;
  return (
    <div>
      <h2 class="section-gap">Notifications</h2>
      <p class="key-current">
        <span>Tell me when the backend stops or comes back:</span>
        <span class="muted">{permission === 'granted' ? 'On' : permission === 'denied' ? 'Blocked in this browser' : 'Off'}</span>
        {permission === 'default' && (
          <button type="button" class="button" onClick={() => void Notification.requestPermission().then(setPermission)}>
            Turn on
          </button>
        )}
      </p>
    </div>
  );
}
