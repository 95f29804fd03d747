// The starter templates (templates/*.yaml, their one source) go inside the sidecar bundle, which
// runs with no package folder beside it: src/library/template-files.ts, which reads them from
// disk, is replaced by a module with the same export returning the files' text.
import { readFile, readdir } from 'node:fs/promises';

export function embedTemplates(templatesFolder) {
  return {
    name: 'embed-templates',
    setup(pluginBuild) {
      pluginBuild.onLoad({ filter: /[\\/]src[\\/]library[\\/]template-files\.ts$/ }, async () => {
        const names = (await readdir(templatesFolder)).filter((name) => name.endsWith('.yaml')).sort();
        const files = await Promise.all(names.map(async (fileName) => ({ fileName, text: await readFile(`${templatesFolder}${fileName}`, 'utf8') })));
        return { contents: `export async function readTemplateFiles() { return ${JSON.stringify(files)}; }`, loader: 'js', watchFiles: names.map((name) => `${templatesFolder}${name}`) };
      });
    },
  };
}
