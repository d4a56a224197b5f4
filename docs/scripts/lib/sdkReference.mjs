/**
 * The Markdown reference of `@postbud/sdk` (entry points `sdk/src/index.ts` and
 * `sdk/src/runtime/node/index.ts`), generated with typedoc and typedoc-plugin-markdown from
 * the TypeScript sources. Deterministic: no source links (they carry line numbers that change
 * with every edit), no generator stamp, typedoc's alphabetical ordering.
 */
import path from 'node:path';
import { Application, Comment, CommentTag, Converter, OptionDefaults } from 'typedoc';

/**
 * @param {string} root the repository root
 * @param {string} outDir where the Markdown goes (emptied first)
 * @returns {Promise<void>}
 */
export async function generateSdkReference(root, outDir) {
  /** @type {Partial<import('typedoc').TypeDocOptions> & Partial<import('typedoc-plugin-markdown').PluginOptions>} */
  const options = {
    entryPoints: [path.join(root, 'sdk/src/index.ts'), path.join(root, 'sdk/src/runtime/node/index.ts')],
    tsconfig: path.join(root, 'sdk/tsconfig.json'),
    plugin: ['typedoc-plugin-markdown'],
    out: outDir,
    name: '@postbud/sdk',
    readme: 'none',
    disableSources: true,
    hideGenerator: true,
    excludePrivate: true,
    excludeInternal: true,
    // tsc type-checks the SDK; typedoc only has to read it (and is twice as fast this way).
    skipErrorChecking: true,
    excludeScopesInPaths: true,
    logLevel: 'Warn',
    blockTags: [...OptionDefaults.blockTags, '@unit', '@mergeModuleWith'],
  };
  const app = await Application.bootstrapWithPlugins(options);
  // The main entry becomes the root page; the Node-only entry is named as it is imported.
  // Runs before typedoc's own @mergeModuleWith handling (priority 10 000).
  app.converter.on(Converter.EVENT_RESOLVE_BEGIN, (context) => {
    for (const module of context.project.children ?? []) {
      if (module.name === 'index') {
        if (module.comment) context.project.comment = module.comment.clone();
        module.comment ??= new Comment();
        module.comment.blockTags.push(new CommentTag('@mergeModuleWith', [{ kind: 'text', text: '<project>' }]));
      } else if (module.name === 'runtime/node') {
        module.name = '@postbud/sdk/node';
      }
    }
  }, 20_000);
  const project = await app.convert();
  if (project === undefined || app.logger.hasErrors()) throw new Error('typedoc could not convert the SDK sources (see the messages above).');
  await app.generateOutputs(project);
  if (app.logger.hasErrors()) throw new Error('typedoc could not write the SDK reference (see the messages above).');
}
