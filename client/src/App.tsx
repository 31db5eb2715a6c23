import { Layout } from './components/Layout.js';
import { AppRoutes } from './router/AppRoutes.js';
import { SessionProvider } from './session/SessionProvider.js';

/** The application: session, page frame and routes. */
export function App() {
  return (
    <SessionProvider>
      <Layout>
        <AppRoutes />
      </Layout>
    </SessionProvider>
  );
}
