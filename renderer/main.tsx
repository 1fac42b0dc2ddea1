import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { ServicesContext, createServices } from './data/services';
import { errorMessage } from './data/use-run-op';
import './styles/app.css';
import { ErrorBoundary } from './ui/ErrorBoundary';
import { reportUncaughtErrors } from './ui/global-errors';
import { useAppStore } from './store/app-store';

const root = createRoot(document.getElementById('root')!);
reportUncaughtErrors((message) => useAppStore.getState().pushNotice('error', message));

createServices().then(
  (services) =>
    root.render(
      <StrictMode>
        <ServicesContext.Provider value={services}>
          <ErrorBoundary what="Warroom">
            <App />
          </ErrorBoundary>
        </ServicesContext.Provider>
      </StrictMode>,
    ),
  (e: unknown) =>
    root.render(
      <main className="page narrow">
        <h1>Warroom cannot open its local database</h1>
        <p role="alert">{errorMessage(e)}</p>
        <p>Your incidents are still on this device. Close other Warroom windows and reload.</p>
      </main>,
    ),
);
