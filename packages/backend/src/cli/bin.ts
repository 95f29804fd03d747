// The `sentinel` CLI's entry (bundled into dist/sentinel-cli.mjs, which bin/sentinel.js loads).
console.log('Usage: sentinel (not wired yet)');
