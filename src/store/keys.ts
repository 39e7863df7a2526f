// The secrets of saved cases: random ids and edit keys, their hashes, and the sealed copy of an edit key that a
// retried create may read again.

const encoder = new TextEncoder();

/** URL-safe base64 without padding: the alphabet of ids and keys. */
function base64url(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += String.fromCharCode(byte);
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64url(text: string): Uint8Array {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

function random(bytes: number): string {
  return base64url(crypto.getRandomValues(new Uint8Array(bytes)));
}

/** A case id: 128 random bits, 22 characters. Whoever has it can read the case; nobody can list ids. */
export const newCaseId = () => random(16);

/** An edit key: 256 random bits, 43 characters. */
export const newEditKey = () => random(32);

/** What an id looks like; anything else names no case, and is answered so without asking the database. */
export const CASE_ID = /^[A-Za-z0-9_-]{22}$/;

async function sha256(text: string): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(text)));
}

function hex(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) out += byte.toString(16).padStart(2, '0');
  return out;
}

/** The stored form of an edit key. A key of 256 random bits needs no slow hash: nothing can guess it. */
export async function keyHash(editKey: string): Promise<string> {
  return hex(await sha256(`edit-key:${editKey}`));
}

/** Whether a presented key is the one whose hash is stored, in time that does not depend on where they differ. */
export async function keyMatches(editKey: string, storedHash: string): Promise<boolean> {
  const presented = await keyHash(editKey);
  if (presented.length !== storedHash.length) return false;
  let difference = 0;
  for (let i = 0; i < presented.length; i++) difference |= presented.charCodeAt(i) ^ storedHash.charCodeAt(i);
  return difference === 0;
}

/** The stored form of an Idempotency-Key, and of a request, for finding and comparing them. */
export async function lookupHash(purpose: 'idempotency-key' | 'request', text: string): Promise<string> {
  return hex(await sha256(`${purpose}:${text}`));
}

/** An AES-GCM key derived from an Idempotency-Key: only a request carrying that header can open what it sealed. */
async function sealingKey(idempotencyKey: string): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', await sha256(`seal:${idempotencyKey}`), 'AES-GCM', false, ['encrypt', 'decrypt']);
}

export async function seal(editKey: string, idempotencyKey: string): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const sealed = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, await sealingKey(idempotencyKey), encoder.encode(editKey)));
  const out = new Uint8Array(iv.byteLength + sealed.byteLength);
  out.set(iv);
  out.set(sealed, iv.byteLength);
  return base64url(out);
}

/** The sealed edit key, or undefined if this Idempotency-Key does not open it. */
export async function unseal(sealed: string, idempotencyKey: string): Promise<string | undefined> {
  try {
    const bytes = fromBase64url(sealed);
    const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: bytes.slice(0, 12) }, await sealingKey(idempotencyKey), bytes.slice(12));
    return new TextDecoder().decode(plain);
  } catch {
    return undefined;
  }
}
