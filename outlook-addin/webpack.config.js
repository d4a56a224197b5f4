// Builds the Outlook add-in:
//   1. the task pane (taskpane.html + JS; MSAL in a lazily loaded chunk),
//   2. the CPR guard as ONE classic script (classic Outlook's event runtime loads no modules),
//   3. manifest.xml and addin-config.json for the chosen mode.
// office.js is never bundled: the HTML loads it from Microsoft's CDN.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import HtmlWebpackPlugin from 'html-webpack-plugin';
import CopyWebpackPlugin from 'copy-webpack-plugin';
import { addinBuildConfig, OFFICE_JS_URL } from './build/addinBuildConfig.js';
import { renderManifest } from './build/renderManifest.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const sdkSrc = path.resolve(here, '../sdk/src');

/** Shared by both compilations: TypeScript through ts-loader, SDK from source. */
function common(mode) {
  return {
    mode,
    target: ['web', 'es2022'],
    devtool: mode === 'production' ? false : 'source-map',
    resolve: {
      extensions: ['.ts', '.js'],
      extensionAlias: { '.js': ['.ts', '.js'] },
      alias: { '@postbud/sdk$': path.join(sdkSrc, 'index.ts') },
    },
    module: {
      rules: [
        {
          test: /\.ts$/,
          loader: 'ts-loader',
          options: { transpileOnly: true, compilerOptions: { noEmit: false, module: 'ES2022', moduleResolution: 'Bundler', sourceMap: mode !== 'production', declaration: false, declarationMap: false, composite: false } },
        },
        // The SDK's modules have no side effects, so what the add-in does not use is dropped.
        { include: sdkSrc, sideEffects: false },
      ],
    },
    performance: { hints: false },
  };
}

function taskpane(mode, out) {
  const config = addinBuildConfig(mode);
  return {
    ...common(mode),
    name: 'taskpane',
    entry: { taskpane: './src/office/bootTaskpane.ts' },
    output: { path: out, filename: '[name].[contenthash:8].js', chunkFilename: '[name].[contenthash:8].js', clean: false },
    plugins: [
      new HtmlWebpackPlugin({ filename: 'taskpane.html', template: './src/ui/taskpane.html', chunks: ['taskpane'], officeJsUrl: OFFICE_JS_URL }),
      new HtmlWebpackPlugin({ filename: 'commands.html', template: './src/office/commands.html', inject: false, officeJsUrl: OFFICE_JS_URL }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'src/ui/taskpane.css', to: 'taskpane.css' },
          { from: 'assets', to: 'assets', globOptions: { ignore: ['**/support.html'] } },
          { from: 'assets/support.html', to: 'support.html' },
          { from: 'manifest/manifest.xml', to: 'manifest.xml', transform: (content) => renderManifest(content.toString('utf8'), config) },
          { from: 'manifest/manifest.xml', to: 'manifest.cpr-guard.xml', transform: (content) => renderManifest(content.toString('utf8'), { ...config, cprGuard: true }) },
        ],
      }),
      {
        apply(compiler) {
          compiler.hooks.thisCompilation.tap('AddinConfig', (compilation) => {
            compilation.hooks.processAssets.tap({ name: 'AddinConfig', stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
              compilation.emitAsset('addin-config.json', new compiler.webpack.sources.RawSource(`${JSON.stringify(config.addinConfig, null, 2)}\n`));
            });
          });
        },
      },
    ],
  };
}

/** One classic script: no chunks, no runtime chunk, no module syntax, wrapped in an IIFE. */
function cprGuard(mode, out) {
  return {
    ...common(mode),
    name: 'cpr-guard',
    entry: { 'cpr-guard': './src/office/cprGuardLaunchEvent.ts' },
    output: { path: out, filename: '[name].js', iife: true, module: false, chunkFormat: false, chunkLoading: false, clean: false },
    optimization: { splitChunks: false, runtimeChunk: false },
  };
}

export default (env = {}, argv = {}) => {
  const mode = argv.mode === 'development' ? 'development' : 'production';
  const out = path.resolve(here, env.out ?? 'dist');
  return [taskpane(mode, out), cprGuard(mode, out)];
};

