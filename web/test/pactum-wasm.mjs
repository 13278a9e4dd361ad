// Runs the WebAssembly pactum module (build-wasm/pactum.js) under Node.js as the tests need it:
// files into the module's in-memory file system, then a command line, returning what the native
// binary would give: the exit status and the exact bytes of standard output and standard error.
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';

const require = createRequire(import.meta.url);

export async function loadPactum(modulePath) {
  const createPactum = require(path.resolve(modulePath));
  let out = [];
  let err = [];
  const module = await createPactum({
    stdout: (byte) => out.push(byte),
    stderr: (byte) => err.push(byte),
  });
  let runs = 0;
  return {
    module,
    // Copies `files` ({'dir/name': Buffer|string}) into a fresh folder and runs `args` there.
    run(files, args) {
      const dir = `/run${++runs}`;
      module.FS.mkdir(dir);
      for (const [name, content] of Object.entries(files)) {
        let at = dir;
        for (const part of name.split('/').slice(0, -1)) {
          at += `/${part}`;
          if (!module.FS.analyzePath(at).exists) module.FS.mkdir(at);
        }
        module.FS.writeFile(`${dir}/${name}`, content);
      }
      module.FS.chdir(dir);
      out = [];
      err = [];
      // Under Node.js, emscripten's exit also sets process.exitCode to the status: undo that.
      const exitCode = process.exitCode;
      const status = module.callMain(args);
      process.exitCode = exitCode;
      return { status, stdout: Buffer.from(out), stderr: Buffer.from(err) };
    },
  };
}

// The regular files of a folder (not its subfolders), as {name: Buffer}.
export function filesOf(dir) {
  const files = {};
  for (const name of fs.readdirSync(dir)) {
    const full = path.join(dir, name);
    if (fs.statSync(full).isFile()) files[name] = fs.readFileSync(full);
  }
  return files;
}
