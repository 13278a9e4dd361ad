// Sharing without a server: the agreement (and, if asked, small logs) travel in the URL fragment,
// the part after `#`, which browsers never send to any server. Deflated, then base64url:
//   #share=1.<base64url(deflate-raw(JSON {a: agreement, n: file name, l: [{n, t}]}))>
export const MAX_SHARED_LOG_BYTES = 16 * 1024;

async function pipe(bytes, stream) {
  const out = new Blob([bytes]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(out).arrayBuffer());
}

function toBase64Url(bytes) {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text) {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

export async function encodeShare(state) {
  const json = new TextEncoder().encode(JSON.stringify(state));
  return `share=1.${toBase64Url(await pipe(json, new CompressionStream('deflate-raw')))}`;
}

// The shared state of a fragment (without the `#`), or null when it holds none.
export async function decodeShare(fragment) {
  const m = /^share=1\.([A-Za-z0-9_-]+)$/.exec(fragment);
  if (!m) return null;
  const json = await pipe(fromBase64Url(m[1]), new DecompressionStream('deflate-raw'));
  const state = JSON.parse(new TextDecoder().decode(json));
  return typeof state?.a === 'string' ? state : null;
}
