/**
 * A loopback token issuer for tests: its own RSA keys, a JWKS endpoint on 127.0.0.1, and a
 * `mint()` that signs tokens with chosen claims (or with a stranger's key).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import type { JWTPayload } from 'jose';

export interface TestIssuer {
  readonly issuer: string;
  readonly jwksUri: string;
  readonly audience: string;
  mint(claims?: JWTPayload & { groups?: string[] }, options?: { readonly expiresIn?: string; readonly foreignKey?: boolean; readonly audience?: string }): Promise<string>;
  close(): Promise<void>;
}

export async function startTestIssuer(audience = 'api://postbud'): Promise<TestIssuer> {
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  const stranger = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
  const server = createServer((req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(req.url === '/jwks' ? JSON.stringify({ keys: [jwk] }) : '{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    issuer: base, jwksUri: `${base}/jwks`, audience,
    mint: (claims = {}, options = {}) =>
      new SignJWT({ scp: 'Postbud.Send', groups: ['borgerservice'], name: 'Test Sagsbehandler', ...claims })
        .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
        .setIssuer(base)
        .setAudience(options.audience ?? audience)
        .setSubject(typeof claims.sub === 'string' ? claims.sub : 'cw-1')
        .setIssuedAt()
        .setExpirationTime(options.expiresIn ?? '10m')
        .sign(options.foreignKey ? stranger.privateKey : privateKey),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
