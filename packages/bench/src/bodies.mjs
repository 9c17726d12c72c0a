// The answer every HTTP benchmark server sends.
export const APPS = {
  apps: [
    {
      id: '6540e5d2a8b7e3000f1d2b11',
      name: 'my-shop-prod',
      created_at: '2023-10-31T11:24:02.481+01:00',
      updated_at: '2024-06-05T16:40:12.007+02:00',
      status: 'running',
      git_url: 'git@ssh.osc-fr1.scalingo.com:my-shop-prod.git',
      url: 'https://my-shop-prod.osc-fr1.scalingo.io',
      owner: { id: 'us-3f1c9a52-7d0e-4b8a-9c61-2e5f0a7b8d14', username: 'camille', email: 'camille@example.org' },
    },
  ],
};

/** The client benchmark's answers: `GET /v1/apps` lists 20 apps, `GET /v1/apps/{app}` gives one. */
export const CLIENT_BODIES = (() => {
  const template = APPS.apps[0];
  if (!template) throw new Error('APPS holds no app');
  const apps = Array.from({ length: 20 }, (_, i) => ({ ...template, id: `${template.id}-${i}`, name: `app-${i}` }));
  return { list: JSON.stringify({ apps }), one: JSON.stringify({ app: template }) };
})();
