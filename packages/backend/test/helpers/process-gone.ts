export { isProcessGone } from '@sentinel/supervisor';
