/**
 * Writes the training PKI to resources/training-pki/: the authorities' certificates, their CRLs
 * and the operators' key containers, with a README saying which key does what.
 *
 *   npm run training-pki            (tsx scripts/training-pki.ts [output directory])
 *
 * Every run makes new keys (the authorities' private keys are never written), so the whole
 * directory is replaced together: containers from one run do not chain to another run's root.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ADMIN_IIN, OPERATOR_IIN, createTrainingPki, type TrainingContainer } from '../src/core/pki/trainingPki';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = resolve(process.argv[2] ?? join(root, 'resources', 'training-pki'));

const FILES = {
  root: 'root-ca.pem',
  intermediate: 'intermediate-ca.pem',
  trusted: 'trusted-roots.pem',
  crl: 'crl.pem',
  untrusted: 'untrusted-root-ca.pem',
};

const day = (d: Date) => d.toISOString().slice(0, 10);

function readme(containers: TrainingContainer[], password: string, made: Date): string {
  const rows = containers
    .map((c) => `| \`${c.file}\` | ${c.subject.split(', ')[0]!.replace(/^CN=/, '')} | ${c.iin} | ${day(c.notBefore)} … ${day(c.notAfter)} | ${c.expect} |`)
    .join('\n');
  return `# Training PKI

Keys and certificates for **training and tests only** — made by \`npm run training-pki\`
(scripts/training-pki.ts) on ${day(made)}. They are not secrets and sign nothing real: the root
is the workstation's own training root, not НУЦ РК's. The authorities' private keys were thrown
away when the script finished, so nothing new can be issued under this root; to change anything,
run the script again — it replaces every file here together (new keys, new root).

## Password

Every container (\`.p12\`) opens with the password **\`${password}\`**.

## Key containers

Certificates in the shape of НУЦ РК's RSA keys for individuals: RSA 2048, SHA-256,
\`CN=<SURNAME NAME>, SURNAME=…, SERIALNUMBER=IIN<12 digits>, C=KZ, GIVENNAME=…\`; a signing key has
key usage digitalSignature + nonRepudiation and extended key usage emailProtection +
1.2.398.3.3.4.1.1, an authentication key digitalSignature + keyEncipherment and clientAuth.
The operator is the test operator (IIN ${OPERATOR_IIN}), the administrator the test
administrator (IIN ${ADMIN_IIN}).

| File | Holder | IIN | Valid | What the workstation says |
| --- | --- | --- | --- | --- |
${rows}

Each container holds the key, its certificate and the chain (intermediate and root).

## Authorities and revocation

| File | What |
| --- | --- |
| \`${FILES.root}\` | AZhO TRAINING ROOT CA (self-signed, 20 years) |
| \`${FILES.intermediate}\` | AZhO TRAINING NCA (RSA), issued by the root; issues the operators' certificates |
| \`${FILES.trusted}\` | root + intermediate: paste into the signing settings as the trusted roots |
| \`${FILES.crl}\` | the root's CRL (empty) and the intermediate's (lists \`operator-revoked.p12\`), next update in ten years: paste into the signing settings as the CRLs |
| \`${FILES.untrusted}\` | the root of \`operator-untrusted-root.p12\` — deliberately not in \`${FILES.trusted}\` |

## Training with NCALayer's stand-in

Where NCALayer is not installed, its stand-in answers on NCALayer's port and signs with one of
these containers:

    tsx src/simulator/ncaLayerStandIn.ts --p12 resources/training-pki/operator-valid.p12 \\
      --password ${password} --ca-out ncalayer-ca.pem [--mode sign|cancel|wrongPassword|garbage|close|silent]

Its TLS certificate is made at start; give the workstation \`ncalayer-ca.pem\` as NCALayer's CA.
`;
}

async function main(): Promise<void> {
  const made = new Date();
  const pki = await createTrainingPki({ now: made });
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, FILES.root), pki.rootPem);
  writeFileSync(join(out, FILES.intermediate), pki.intermediatePem);
  writeFileSync(join(out, FILES.trusted), pki.trustedPem);
  writeFileSync(join(out, FILES.crl), pki.crlPem);
  writeFileSync(join(out, FILES.untrusted), pki.untrustedRootPem);
  const containers = Object.values(pki.containers);
  for (const c of containers) writeFileSync(join(out, c.file), c.p12);
  writeFileSync(join(out, 'README.md'), readme(containers, pki.password, made));
  console.log(`training PKI written to ${out}: ${containers.map((c) => c.file).join(', ')}`);
}

await main();
