import { render } from 'preact';
import { connectWorkspaceBridge } from './bridge/connect.js';
import { App } from './shell/app.js';

render(<App bridge={connectWorkspaceBridge()} />, document.getElementById('app') as HTMLElement);
