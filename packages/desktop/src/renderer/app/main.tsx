import { render } from 'preact';
import { connectBridge } from '../bridge-client.js';
import { App } from './shell/app.js';

render(<App bridge={connectBridge()} />, document.getElementById('app') as HTMLElement);
