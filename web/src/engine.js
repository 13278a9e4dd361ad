// pactum itself, compiled to WebAssembly (build-wasm/pactum.js, loaded by index.html as the global
// createPactum), run in this page like the command line: the agreement and the logs are written
// into the module's in-memory file system, a command runs, and its exit status, standard output
// and standard error come back. Nothing leaves the page.
//
// The editor's diagnostics, quick fixes, hover and completion come from the language server
// (`pactum lsp`, engine/lsp) in the same module: each analysis is one short session fed through
// standard input (initialize, didOpen, the requests, shutdown, exit), so the underlines, their
// messages and the fixes are exactly what the editor integrations get.

const WORKSPACE = '/workbench';
const decoder = new TextDecoder();
const encoder = new TextEncoder();

export class Engine {
  static async load(createPactum) {
    const engine = new Engine();
    engine.broken = false;
    engine.module = await createPactum({
      stdout: (byte) => engine.out.push(byte),
      stderr: (byte) => engine.err.push(byte),
      stdin: () => (engine.inAt < engine.input.length ? engine.input[engine.inAt++] : null),
      print: () => {},
      printErr: () => {},
    });
    engine.module.FS.mkdir(WORKSPACE);
    return engine;
  }

  constructor() {
    this.out = [];
    this.err = [];
    this.input = new Uint8Array(0);
    this.inAt = 0;
  }

  // Runs `pactum ARGS` in a workspace holding exactly `files` ({name: text}).
  run(args, files = {}, stdin = '') {
    const FS = this.module.FS;
    for (const name of FS.readdir(WORKSPACE)) if (name !== '.' && name !== '..') FS.unlink(`${WORKSPACE}/${name}`);
    for (const [name, text] of Object.entries(files)) FS.writeFile(`${WORKSPACE}/${name}`, text);
    FS.chdir(WORKSPACE);
    this.out = [];
    this.err = [];
    this.input = typeof stdin === 'string' ? encoder.encode(stdin) : stdin;
    this.inAt = 0;
    let status;
    try {
      status = this.module.callMain(args);
    } catch (e) {  // an abort (out of memory): the module cannot run again, the page loads a new one
      this.broken = true;
      return { status: 3, stdout: '', stderr: `pactum: internal error: ${e}`, stdoutBytes: new Uint8Array(0) };
    }
    const stdoutBytes = new Uint8Array(this.out);
    return { status, stdout: decoder.decode(stdoutBytes), stderr: decoder.decode(new Uint8Array(this.err)), stdoutBytes };
  }

  // A file the last command wrote into the workspace (`-o FILE`), or null.
  readFile(name) {
    const path = `${WORKSPACE}/${name}`;
    if (!this.module.FS.analyzePath(path).exists) return null;
    // emscripten's umask() stub answers 0777, so pactum creates its output with mode 0 (0666
    // less the umask): make it readable again.
    this.module.FS.chmod(path, 0o644);
    return this.module.FS.readFile(path, { encoding: 'utf8' });
  }

  // One language-server session on `text`: returns the published diagnostics and the results of
  // `requests` ([{method, params}], `textDocument` filled in), in order.
  lsp(text, requests = [], logs = {}) {
    const uri = `file://${WORKSPACE}/agreement.terms`;
    const messages = [
      { jsonrpc: '2.0', id: 0, method: 'initialize',
        params: { processId: null, rootUri: `file://${WORKSPACE}`, capabilities: {},
                  initializationOptions: { logs: Object.keys(logs) } } },
      { jsonrpc: '2.0', method: 'initialized', params: {} },
      { jsonrpc: '2.0', method: 'textDocument/didOpen',
        params: { textDocument: { uri, languageId: 'terms', version: 1, text } } },
      ...requests.map((r, i) => ({ jsonrpc: '2.0', id: i + 1, method: r.method,
                                   params: { textDocument: { uri }, ...r.params } })),
      { jsonrpc: '2.0', id: requests.length + 1, method: 'shutdown' },
      { jsonrpc: '2.0', method: 'exit' },
    ];
    const framed = messages.map((m) => {
      const body = encoder.encode(JSON.stringify(m));
      return [encoder.encode(`Content-Length: ${body.length}\r\n\r\n`), body];
    }).flat();
    const input = new Uint8Array(framed.reduce((n, b) => n + b.length, 0));
    let at = 0;
    for (const b of framed) {
      input.set(b, at);
      at += b.length;
    }
    const files = { 'agreement.terms': text, ...logs };
    const bytes = this.run(['lsp'], files, input).stdoutBytes;
    let diagnostics = [];
    const results = new Array(requests.length).fill(null);
    for (let p = 0; p < bytes.length;) {
      const headerEnd = indexOf(bytes, '\r\n\r\n', p);
      if (headerEnd < 0) break;
      const header = decoder.decode(bytes.subarray(p, headerEnd));
      const length = Number(/Content-Length: *(\d+)/i.exec(header)?.[1] ?? 0);
      const body = JSON.parse(decoder.decode(bytes.subarray(headerEnd + 4, headerEnd + 4 + length)));
      p = headerEnd + 4 + length;
      if (body.method === 'textDocument/publishDiagnostics') diagnostics = body.params.diagnostics;
      else if (typeof body.id === 'number' && body.id >= 1 && body.id <= requests.length) results[body.id - 1] = body.result ?? null;
    }
    return { diagnostics, results };
  }
}

function indexOf(bytes, text, from) {
  const t = encoder.encode(text);
  outer: for (let i = from; i + t.length <= bytes.length; i++) {
    for (let j = 0; j < t.length; j++) if (bytes[i + j] !== t[j]) continue outer;
    return i;
  }
  return -1;
}
