// The extension itself without VS Code: its manifest (package.json) names files that exist and
// agree with each other, and extension.js, loaded with stand-ins for `vscode` and
// `vscode-languageclient/node` that record what it asks for, starts `pactum lsp` over stdio for
// .terms documents with the user's settings and stops it again.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import test from 'node:test';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const extensionDir = path.resolve(here, '..');
const readJson = (name) => JSON.parse(fs.readFileSync(path.join(extensionDir, name), 'utf8'));
const manifest = readJson('package.json');

test('package.json: the language, its configuration and grammar exist and agree', () => {
  assert.ok(fs.existsSync(path.join(extensionDir, manifest.main)), manifest.main);
  const [language] = manifest.contributes.languages;
  assert.equal(language.id, 'terms');
  assert.deepEqual(language.extensions, ['.terms']);
  const configuration = readJson(language.configuration);
  assert.equal(configuration.comments.lineComment, '#');
  assert.deepEqual(configuration.brackets, [['(', ')']]);
  const [grammar] = manifest.contributes.grammars;
  assert.equal(grammar.language, 'terms');
  assert.equal(readJson(grammar.path).scopeName, grammar.scopeName);
  // `pactum.logs` is what the server reads from initializationOptions and didChangeConfiguration.
  const settings = manifest.contributes.configuration.properties;
  assert.equal(settings['pactum.path'].default, 'pactum');
  assert.deepEqual(settings['pactum.logs'].default, []);
  // The client library is pinned to a version that supports the engine the manifest declares.
  assert.equal(manifest.dependencies['vscode-languageclient'], '9.0.1');
  assert.match(manifest.engines.vscode, /^\^1\.(8[2-9]|9\d)\./);
});

// Loads extension.js with the two modules VS Code provides replaced; returns what it created.
function loadExtension(settings) {
  const clients = [];
  class LanguageClient {
    constructor(id, name, serverOptions, clientOptions) {
      Object.assign(this, { id, name, serverOptions, clientOptions, state: 'created' });
      clients.push(this);
    }
    start() {
      this.state = 'started';
      return Promise.resolve();
    }
    stop() {
      this.state = 'stopped';
      return Promise.resolve();
    }
  }
  const stubs = {
    vscode: {
      workspace: {
        getConfiguration: (section) => {
          assert.equal(section, 'pactum');
          return { get: (key) => settings[key] };
        },
      },
    },
    'vscode-languageclient/node': { LanguageClient, TransportKind: { stdio: 0, ipc: 1, pipe: 2, socket: 3 } },
  };
  const load = Module._load;
  Module._load = function (request, ...rest) {
    return Object.hasOwn(stubs, request) ? stubs[request] : load.call(this, request, ...rest);
  };
  try {
    const require = createRequire(import.meta.url);
    const file = path.join(extensionDir, manifest.main);
    delete require.cache[require.resolve(file)];
    return { extension: require(file), clients };
  } finally {
    Module._load = load;
  }
}

test('activate starts `pactum lsp` over stdio for .terms documents, with the settings', async () => {
  const { extension, clients } = loadExtension({ path: '/opt/pactum/bin/pactum', logs: ['logs/a.yaml'] });
  const context = { subscriptions: [] };
  await extension.activate(context);
  assert.equal(clients.length, 1);
  const [client] = clients;
  assert.equal(client.state, 'started');
  for (const mode of ['run', 'debug'])
    assert.deepEqual(client.serverOptions[mode], { command: '/opt/pactum/bin/pactum', args: ['lsp'], transport: 0 });
  assert.deepEqual(client.clientOptions.documentSelector.map((s) => s.language), ['terms', 'terms']);
  assert.deepEqual(client.clientOptions.initializationOptions, { logs: ['logs/a.yaml'] });
  assert.equal(client.clientOptions.synchronize.configurationSection, 'pactum');
  assert.equal(context.subscriptions.length, 1);
  await extension.deactivate();
  assert.equal(client.state, 'stopped');
});

test('without settings the extension runs `pactum` from PATH with no logs', async () => {
  const { extension, clients } = loadExtension({});
  await extension.activate({ subscriptions: [] });
  assert.equal(clients[0].serverOptions.run.command, 'pactum');
  assert.deepEqual(clients[0].clientOptions.initializationOptions, { logs: [] });
});
