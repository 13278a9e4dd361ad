// The VS Code side of pactum: starts `pactum lsp` for .terms files and hands the editor to it.
// Every language feature lives in the server (engine/lsp); this file only connects the two.
'use strict';
const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

let client;

function activate(context) {
  const config = vscode.workspace.getConfiguration('pactum');
  const command = config.get('path') || 'pactum';
  const serverOptions = {
    run: { command, args: ['lsp'], transport: TransportKind.stdio },
    debug: { command, args: ['lsp'], transport: TransportKind.stdio },
  };
  const clientOptions = {
    documentSelector: [{ scheme: 'file', language: 'terms' }, { scheme: 'untitled', language: 'terms' }],
    initializationOptions: { logs: config.get('logs') || [] },
    // Sends workspace/didChangeConfiguration with { pactum: {...} } when the settings change.
    synchronize: { configurationSection: 'pactum' },
  };
  client = new LanguageClient('pactum', 'pactum', serverOptions, clientOptions);
  context.subscriptions.push({ dispose: () => client && client.stop() });
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
