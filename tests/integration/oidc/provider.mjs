// A real OpenID provider (the oidc-provider package) for the desk's sign-in tests.
// Configured from the environment by tests/integration/oidc/provider.py: one confidential
// client (the desk's redirect URI) and the accounts given as JSON {sub: {claims}}. Its own
// development sign-in and consent pages stand in for an organisation's login form: any
// password is accepted for an account listed here.
import Provider from 'oidc-provider';

const env = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};

const accounts = JSON.parse(env('OIDC_ACCOUNTS'));
const provider = new Provider(env('OIDC_ISSUER'), {
  clients: [
    {
      client_id: env('OIDC_CLIENT_ID'),
      client_secret: env('OIDC_CLIENT_SECRET'),
      redirect_uris: [env('OIDC_REDIRECT_URI')],
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
    },
  ],
  claims: { openid: ['sub'], profile: ['preferred_username', 'name'] },
  // OIDC_CONFORM=1: profile claims only from the UserInfo endpoint, as the code flow's ID
  // token carries them in conformant providers; otherwise in the ID token itself, as Keycloak
  // and Entra ID do.
  conformIdTokenClaims: process.env.OIDC_CONFORM === '1',
  pkce: { required: () => true },
  async findAccount(ctx, id) {
    if (!Object.hasOwn(accounts, id)) return undefined;
    return { accountId: id, claims: async () => ({ sub: id, ...accounts[id] }) };
  },
});
provider.proxy = false;
const server = provider.listen(Number(env('OIDC_PORT')), '127.0.0.1', () => {
  console.log(`oidc-provider listening at ${env('OIDC_ISSUER')}`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
