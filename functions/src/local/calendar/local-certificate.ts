import fs from 'node:fs';
import path from 'node:path';
import { X509Certificate } from 'node:crypto';

export type Certificate = { key: string; cert: string };

const FILE = 'localhost-certificate.json';
const RENEW_BEFORE_MS = 7 * 86_400_000;

/**
 * A self-signed certificate for https://localhost, kept in the data folder so that a browser that
 * was told to trust it once keeps trusting it across restarts; renewed a week before it expires.
 */
export async function localhostCertificate(dataDir: string, now: Date = new Date()): Promise<Certificate> {
  const file = path.join(dataDir, FILE);
  const kept = readCertificate(file);
  if (kept && Date.parse(new X509Certificate(kept.cert).validTo) - now.getTime() > RENEW_BEFORE_MS) return kept;
  // Loaded only here: a development dependency, never needed in production.
  const { generate } = require('selfsigned') as typeof import('selfsigned');
  const pems = await generate([{ name: 'commonName', value: 'localhost' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate: new Date(now.getTime() - 86_400_000),
    notAfterDate: new Date(now.getTime() + 365 * 86_400_000),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: [{ type: 2, value: 'localhost' }, { type: 7, ip: '127.0.0.1' }, { type: 7, ip: '::1' }] },
    ],
  });
  const certificate = { key: pems.private, cert: pems.cert };
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(file, JSON.stringify(certificate), { mode: 0o600 });
  return certificate;
}

function readCertificate(file: string): Certificate | null {
  try {
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<Certificate>;
    return typeof parsed.key === 'string' && typeof parsed.cert === 'string' ? { key: parsed.key, cert: parsed.cert } : null;
  } catch {
    return null;
  }
}
